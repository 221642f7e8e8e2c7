//! The tagger's weights: the dense table training learns (averaged perceptron) and the compact
//! table inference reads, with their byte format.
//!
//! The compact table keeps only the rows that have a non-zero weight, as `i16` scaled by one
//! factor. A bitmap over all `2^BITS` rows says which are kept and a per-64-rows running count
//! finds a kept row's place, so a lookup is two array reads and a popcount, and the table in
//! memory is about the size of the file.
//!
//! File: `NCNER001`, then little-endian `u32 bits`, `u32 n_tags`, `f32 scale`, `u32 rows`, the
//! bitmap (`2^bits / 64` `u64`s), and `rows × n_tags` `i16`s.

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::features::{BITS, N_TAGS, Scorer};
use crate::lexicon::{Lexicon, Table, cluster_keys, encode_table};

const MAGIC: &[u8; 8] = b"NCNER001";

static EMBEDDED: &[u8] = include_bytes!("../model/ner.bin");
static CLUSTERS: &str = include_str!("../model/clusters.txt");
/// [`CLUSTERS`] as the table [`parse_clusters`] would make, which `build.rs` hashes.
static CLUSTERS_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/clusters.bin"));

/// The model, lexicon and word clusters every call shares, loaded on first use.
pub(crate) static MODEL: LazyLock<Model> = LazyLock::new(|| Model {
    weights: Weights::decode(EMBEDDED),
    lexicon: Lexicon::embedded(),
    clusters: Table::new(Cow::Borrowed(CLUSTERS_TABLE)).unwrap_or_else(|| parse_clusters(CLUSTERS)),
});

pub(crate) struct Model {
    /// `None` when the embedded file is missing or malformed (the tagger then finds nothing).
    pub(crate) weights: Option<Weights>,
    pub(crate) lexicon: Lexicon,
    /// Word clusters by their words' `hash_lower`.
    pub(crate) clusters: Table,
}

/// Word clusters: one `word<TAB>cluster` per line ([`cluster_keys`]).
pub(crate) fn parse_clusters(text: &str) -> Table {
    let bytes = encode_table(cluster_keys(text).into_iter());
    Table::new(Cow::Owned(bytes)).expect("a table just encoded")
}

/// Compact weights for inference.
pub(crate) struct Weights {
    /// Per 64 rows of the hashed table: which are kept, and how many kept rows come before.
    blocks: Vec<Block>,
    /// The kept rows, then one row of zeros that absent features read.
    rows: Vec<i16>,
}

/// The bitmap word and the running count side by side: one cache line per lookup, not two.
#[derive(Clone, Copy, Default)]
#[repr(C, align(16))]
struct Block {
    present: u64,
    before: u32,
}

/// Features scored per pass of [`Weights::add`]; more than one token emits.
const PASS: usize = 64;

/// What [`Weights::add`] reads for each feature of a pass, step by step: kept from call to call
/// (zeroing them per call cost more instructions than the lookups).
pub(crate) struct Lookup {
    blocks: [Block; PASS],
    rows: [u32; PASS],
    weights: [[i16; N_TAGS]; PASS],
}

impl Default for Lookup {
    fn default() -> Lookup {
        Lookup {
            blocks: [Block::default(); PASS],
            rows: [0; PASS],
            weights: [[0; N_TAGS]; PASS],
        }
    }
}

impl Scorer for Weights {
    #[inline]
    fn score(&self, features: &[u32], scores: &mut [f32; N_TAGS]) {
        let mut sum = [0i32; N_TAGS];
        self.add(features, &mut sum, &mut Lookup::default());
        for (s, v) in scores.iter_mut().zip(sum) {
            *s += v as f32;
        }
    }

    fn fixed(&self) -> Option<&Weights> {
        Some(self)
    }
}

impl Weights {
    /// Adds the weights of `features` to `sum`, in the table's fixed-point units: integers, so
    /// the sum is the same in any order and may be taken in parts.
    // Not inlined: where the caller converts the sums lane by lane the compiler unrolled this
    // loop into scalar additions, four times the instructions of the vector ones.
    #[inline(never)]
    pub(crate) fn add(&self, features: &[u32], sum: &mut [i32; N_TAGS], lookup: &mut Lookup) {
        // Each step reads for all features before the next uses what it read: the reads are
        // independent and each loop is short, so the CPU has them all in flight at once and
        // overlaps their cache misses (with the bitmaps' counting or the rows' summing in the
        // same loop, fewer reads fitted in its window: on news, the tagger's time in this
        // function fell by a fifth). An absent feature reads the zero row, so no branch depends
        // on a loaded bit (a mispredicted one would throw the loads in flight away).
        let zero = (self.rows.len() / N_TAGS - 1) as u32;
        // Summed in a local array, which the compiler keeps in vector registers (through the
        // reference it loads and stores every lane for every feature).
        let mut acc = *sum;
        let Lookup {
            blocks,
            rows: found,
            weights,
        } = lookup;
        for part in features.chunks(PASS) {
            for (block, &f) in blocks.iter_mut().zip(part) {
                *block = self.blocks[(f >> 6) as usize];
            }
            for ((row, &f), block) in found.iter_mut().zip(part).zip(blocks.iter()) {
                let bit = f & 63;
                let kept = ((block.present >> bit) & 1) as u32;
                let at = block.before + (block.present & ((1u64 << bit) - 1)).count_ones();
                // `kept` is 0 or 1: `at` when kept, else `zero`, without a branch.
                *row = at * kept + zero * (1 - kept);
            }
            for (w, &row) in weights.iter_mut().zip(&found[..part.len()]) {
                let row = row as usize * N_TAGS;
                *w = self.rows[row..row + N_TAGS]
                    .try_into()
                    .expect("N_TAGS weights");
            }
            for w in &weights[..part.len()] {
                for k in 0..N_TAGS {
                    acc[k] += i32::from(w[k]);
                }
            }
        }
        *sum = acc;
    }
}

impl Weights {
    pub(crate) fn decode(bytes: &[u8]) -> Option<Weights> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let u32_at = |k: usize| -> Option<u32> {
            Some(u32::from_le_bytes(
                rest.get(4 * k..4 * k + 4)?.try_into().ok()?,
            ))
        };
        let (bits, n_tags, rows) = (u32_at(0)?, u32_at(1)?, u32_at(3)? as usize);
        if bits != BITS || n_tags as usize != N_TAGS {
            return None;
        }
        let rest = &rest[16..];
        let blocks = (1usize << BITS) / 64;
        let (bitmap, weights) = rest.split_at_checked(blocks * 8)?;
        if weights.len() != rows * N_TAGS * 2 {
            return None;
        }
        let mut count = 0u32;
        let blocks: Vec<Block> = bitmap
            .chunks_exact(8)
            .map(|c| {
                let present = u64::from_le_bytes(c.try_into().expect("8 bytes"));
                let block = Block {
                    present,
                    before: count,
                };
                count += present.count_ones();
                block
            })
            .collect();
        if count as usize != rows {
            return None;
        }
        // Filled in place rather than collected from an iterator of unknown length: a loop over
        // two slices of known length that the compiler vectorises (collecting cost a tenth of
        // the start-up).
        let mut rows = vec![0i16; rows * N_TAGS + N_TAGS];
        for (w, c) in rows.iter_mut().zip(weights.chunks_exact(2)) {
            *w = i16::from_le_bytes([c[0], c[1]]);
        }
        Some(Weights { blocks, rows })
    }
}

/// Dense weights with averaging, for training.
#[cfg(feature = "train")]
pub(crate) struct Training {
    weights: Vec<f32>,
    /// Sum of `step × update`, so that the average is `weights - totals / step`.
    totals: Vec<f64>,
    step: f64,
}

#[cfg(feature = "train")]
impl Training {
    pub(crate) fn new() -> Training {
        let n = (1usize << BITS) * N_TAGS;
        Training {
            weights: vec![0.0; n],
            totals: vec![0.0; n],
            step: 1.0,
        }
    }

    /// The mean of the averaged weights of `models` (trained on the same data in different
    /// orders: parameter mixing), quantised and compacted into the file format.
    pub(crate) fn encode_mixed(models: &[Training]) -> Vec<u8> {
        let mut averaged = vec![0f32; (1usize << BITS) * N_TAGS];
        for m in models {
            for ((a, &w), &t) in averaged.iter_mut().zip(&m.weights).zip(&m.totals) {
                *a += ((f64::from(w) - t / m.step) / models.len() as f64) as f32;
            }
        }
        let max = averaged.iter().fold(0f32, |m, &w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let quantised: Vec<i16> = averaged
            .iter()
            .map(|&w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect();
        let mut present = vec![0u64; (1usize << BITS) / 64];
        let mut rows = Vec::new();
        for (r, row) in quantised.chunks_exact(N_TAGS).enumerate() {
            if row.iter().any(|&w| w != 0) {
                present[r / 64] |= 1 << (r % 64);
                rows.extend_from_slice(row);
            }
        }
        let mut out = Vec::with_capacity(32 + present.len() * 8 + rows.len() * 2);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&BITS.to_le_bytes());
        out.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&((rows.len() / N_TAGS) as u32).to_le_bytes());
        for b in present {
            out.extend_from_slice(&b.to_le_bytes());
        }
        for w in rows {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }
}

#[cfg(feature = "train")]
impl Scorer for Training {
    #[inline]
    fn score(&self, features: &[u32], scores: &mut [f32; N_TAGS]) {
        for &f in features {
            let row = &self.weights[f as usize * N_TAGS..f as usize * N_TAGS + N_TAGS];
            for (s, &w) in scores.iter_mut().zip(row) {
                *s += w;
            }
        }
    }

    fn learn(&mut self, features: &[u32], predicted: u8, gold: u8) {
        if predicted != gold {
            for &f in features {
                let base = f as usize * N_TAGS;
                for (tag, delta) in [(gold, 1.0f32), (predicted, -1.0)] {
                    let k = base + tag as usize;
                    self.weights[k] += delta;
                    self.totals[k] += self.step * f64::from(delta);
                }
            }
        }
        self.step += 1.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clusters' table the build script wrote holds the keys and clusters that the embedded
    /// file gives at run time.
    #[test]
    fn the_built_clusters_are_the_embedded_files() {
        let built = Table::new(Cow::Borrowed(CLUSTERS_TABLE)).expect("build.rs wrote a table");
        let keys = cluster_keys(CLUSTERS);
        assert_eq!(built.len(), keys.len());
        for (&k, &cluster) in &keys {
            assert_eq!(built.get(k), Some(cluster), "{k:x}");
        }
        let h = crate::lexicon::hash_lower("zzyzxq");
        assert_eq!(built.get(h), keys.get(&h).copied());
    }
}
