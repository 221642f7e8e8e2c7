//! Sparse perceptron weights for inference: an open-addressing table from feature hash to the
//! feature's (tag, weight) pairs, for the POS tagger and the chunker, read from an image laid
//! out by `image` (the POS tagger's at compile time, where it lies in the binary). (The name
//! tagger keeps the dense rows of its file, see `model`: this table measured no faster there.)
//!
//! Tagging time goes almost all to cache misses in these lookups, so the layout is about cache
//! lines: a slot is 16 bytes and holds up to three pairs itself (three features in four need no
//! more), the few frequent features with many weights keep a dense row that is added in SIMD,
//! and the rest keep their pairs in one side array.

use crate::image::{
    BLOCK, BLOCK_BYTES, DENSE, HEADER, INLINE, MAX_TAGS, RECORD, SLOT, dense_at, u32_at,
};

/// Features looked up together by [`Table::add`]: more than a POS or chunk template set emits,
/// so all of one prediction's are looked up at once.
const BATCH: usize = 32;

/// One feature of a [`Table`] as its image holds it (see `image`). Its first pairs live in the
/// slot, so that most lookups touch a single cache line.
#[derive(Clone, Copy)]
struct Slot([u8; SLOT]);

impl Slot {
    fn key(&self) -> u32 {
        u32::from_le_bytes([self.0[0], self.0[1], self.0[2], self.0[3]])
    }

    fn len(&self) -> u16 {
        u16::from_le_bytes([self.0[4], self.0[5]])
    }

    fn tag(&self, k: usize) -> usize {
        usize::from(self.0[6 + k % INLINE]) % MAX_TAGS
    }

    fn weight(&self, k: usize) -> i32 {
        let at = 10 + 2 * (k % INLINE);
        i32::from(i16::from_le_bytes([self.0[at], self.0[at + 1]]))
    }

    /// Where the pairs or the dense row start, when they are not in the slot.
    fn start(&self) -> usize {
        usize::from(u16::from_le_bytes([self.0[10], self.0[11]]))
            | usize::from(u16::from_le_bytes([self.0[12], self.0[13]])) << 16
    }
}

pub(crate) struct Table {
    n_tags: usize,
    /// The length of a dense row in blocks of [`BLOCK`] weights.
    width: usize,
    /// The number of slots less one (a power of two less one).
    mask: usize,
    slots: &'static [[u8; SLOT]],
    /// The dense rows, `width` blocks each.
    dense: &'static [[u8; BLOCK_BYTES]],
    /// The pairs of features with more than [`INLINE`] and fewer than `image::DENSE_MIN`.
    overflow: &'static [[u8; RECORD]],
}

impl Table {
    /// The table of an image made by `image::encode`, which lives as long as the process (an
    /// embedded one, or one made once into a static). A malformed image is a build defect (it
    /// is made from the checked-in model): the slicing panics on it.
    pub(crate) fn from_image(image: &'static [u8]) -> Table {
        let n_tags = u32_at(image, 0) as usize;
        let width = u32_at(image, 4) as usize;
        let n_slots = u32_at(image, 8) as usize;
        let n_blocks = u32_at(image, 12) as usize;
        let n_records = u32_at(image, 16) as usize;
        let dense_at = dense_at(n_slots);
        let overflow_at = dense_at + n_blocks * BLOCK_BYTES;
        assert!(
            n_slots.is_power_of_two()
                && n_tags <= MAX_TAGS
                && image.len() == overflow_at + n_records * RECORD,
            "a malformed perceptron image"
        );
        Table {
            n_tags,
            width,
            mask: n_slots - 1,
            slots: image[HEADER..HEADER + n_slots * SLOT].as_chunks().0,
            dense: image[dense_at..overflow_at].as_chunks().0,
            overflow: image[overflow_at..].as_chunks().0,
        }
    }

    /// The best tag for the features `features` gives to a [`Keys`]. (A concrete type rather
    /// than a `dyn FnMut`: the feature functions then inline the push of every feature.)
    pub(crate) fn predict(&self, features: impl FnOnce(&mut Keys)) -> u8 {
        let mut keys = Keys {
            keys: [0u32; BATCH],
            n: 0,
        };
        features(&mut keys);
        let mut scores = [0i32; MAX_TAGS];
        self.add(&keys.keys[..keys.n], &mut scores);
        // Ties go to the lowest tag index, so the result never depends on anything but the scores.
        // The maximum first, then its first position: two loops without a carried index, which
        // compile to SIMD where one loop tracking both would not.
        let scores = &scores[..self.n_tags];
        let max = scores.iter().copied().fold(i32::MIN, i32::max);
        scores.iter().position(|&s| s == max).unwrap_or(0) as u8
    }

    /// Adds the weights of `keys` to `scores`. Each key's first slot is read in one pass of
    /// independent loads, which the CPU overlaps, before any is used: one lookup after the
    /// other would wait for one cache miss after the other.
    pub(crate) fn add(&self, keys: &[u32], scores: &mut [i32; MAX_TAGS]) {
        let mut first = [Slot([0; SLOT]); BATCH];
        for (slot, &key) in first.iter_mut().zip(keys) {
            *slot = Slot(self.slots[key as usize & self.mask]);
        }
        // Where the dense rows among them start: added last, together (see `add_dense`).
        let mut dense = [0usize; BATCH];
        let mut n_dense = 0;
        for (&slot, &key) in first.iter().zip(keys) {
            let slot = if slot.len() == 0 {
                continue;
            } else if slot.key() == key {
                slot
            } else {
                match self.find(key) {
                    Some(slot) => slot,
                    None => continue,
                }
            };
            let len = usize::from(slot.len());
            if slot.len() == DENSE {
                dense[n_dense] = slot.start();
                n_dense += 1;
            } else if len <= INLINE {
                for k in 0..len {
                    scores[slot.tag(k)] += slot.weight(k);
                }
            } else {
                for r in &self.overflow[slot.start()..slot.start() + len] {
                    scores[usize::from(r[0]) % MAX_TAGS] +=
                        i32::from(i16::from_le_bytes([r[2], r[3]]));
                }
            }
        }
        let dense = &dense[..n_dense];
        // The POS tagger's rows are 3 blocks wide, the chunker's 2: at a width known when
        // compiling, the sums of a whole row fit in SIMD registers across all rows.
        match self.width {
            3 => self.add_dense::<3, 48>(dense, scores),
            2 => self.add_dense::<2, 32>(dense, scores),
            _ => {
                for &start in dense {
                    let row = self.dense[start..start + self.width].as_flattened();
                    for (s, w) in scores.iter_mut().zip(row.as_chunks::<2>().0) {
                        *s += i32::from(i16::from_le_bytes(*w));
                    }
                }
            }
        }
    }

    /// Adds the dense rows of `B` blocks (`W` weights) starting at `starts` to `scores`.
    /// Integer sums: the order changes nothing.
    fn add_dense<const B: usize, const W: usize>(
        &self,
        starts: &[usize],
        scores: &mut [i32; MAX_TAGS],
    ) {
        let mut sums = [0i32; W];
        for &start in starts {
            let row: &[[u8; BLOCK_BYTES]; B] = self.dense[start..start + B]
                .try_into()
                .expect("a dense row is B blocks wide");
            for (sums, block) in sums.chunks_exact_mut(BLOCK).zip(row) {
                for (s, w) in sums.iter_mut().zip(block.as_chunks::<2>().0) {
                    *s += i32::from(i16::from_le_bytes(*w));
                }
            }
        }
        for (s, sum) in scores.iter_mut().zip(sums) {
            *s += sum;
        }
    }

    fn find(&self, key: u32) -> Option<Slot> {
        // Keys are already well-mixed hashes: their low bits serve as the position.
        let mut i = key as usize & self.mask;
        loop {
            let slot = Slot(self.slots[i]);
            if slot.len() == 0 {
                return None;
            }
            if slot.key() == key {
                return Some(slot);
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// The features of one prediction as they come: gathered first and looked up together (see
/// [`Table::add`]).
pub(crate) struct Keys {
    keys: [u32; BATCH],
    n: usize,
}

impl Keys {
    /// Gathers feature `f`. A template set emits a fixed number of features, fewer than
    /// `BATCH` (19 for the POS tagger, 17 for the chunker): more is a defect of the feature
    /// functions, on which the indexing panics. Without a flush of a full batch, the push is a
    /// store, inlined at every feature.
    #[inline]
    pub(crate) fn push(&mut self, f: u32) {
        self.keys[self.n] = f;
        self.n += 1;
    }
}
