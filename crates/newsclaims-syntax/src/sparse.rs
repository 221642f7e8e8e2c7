//! Sparse perceptron weights for inference: an open-addressing table from feature hash to the
//! feature's (tag, weight) pairs, for the POS tagger and the chunker. (The name tagger keeps the
//! dense rows of its file, see `model`: this table measured no faster there.)
//!
//! Tagging time goes almost all to cache misses in these lookups, so the layout is about cache
//! lines: a slot is 16 bytes and holds up to three pairs itself (three features in four need no
//! more), the few frequent features with many weights keep a dense row that is added in SIMD,
//! and the rest keep their pairs in one side array.

/// How many (tag, weight) pairs a [`Slot`] holds itself: four features in five have at most three.
const INLINE: usize = 3;

/// Features looked up together by [`Table::add`]: more than a POS or chunk template set emits,
/// so all of one prediction's are looked up at once.
const BATCH: usize = 32;

/// The most tags a perceptron may have: scores live in a fixed array, indexed without checks.
const MAX_TAGS: usize = 64;

/// Features with at least this many weights keep a dense row of all tags, added in SIMD: they
/// are the frequent ones (the bias, the previous tags), read for almost every word.
const DENSE_MIN: usize = 8;

/// Marks a [`Slot`] whose weights are a dense row in [`Table::dense`].
const DENSE: u16 = u16::MAX;

/// One feature of a [`Table`], in an open-addressing table keyed by the feature hash. Its
/// first pairs live in the slot, so that most lookups touch a single cache line (the tagger's
/// time goes almost all to cache misses in these lookups).
#[derive(Clone, Copy, Default)]
#[repr(C, align(16))]
struct Slot {
    key: u32,
    /// Number of (tag, weight) pairs, or [`DENSE`]; 0 marks an empty slot (no stored feature is
    /// empty).
    len: u16,
    tags: [u8; INLINE],
    _pad: u8,
    /// The weights when `len <= INLINE`; else `weights[0]` and `weights[1]` hold the low and
    /// high halves of where the pairs (or the dense row) start.
    weights: [i16; INLINE],
}

impl Slot {
    fn start(&self) -> usize {
        usize::from(self.weights[0] as u16) | usize::from(self.weights[1] as u16) << 16
    }
}

/// Sixteen weights of a dense row, 32 bytes aligned: a row of three (the POS tagger's 45
/// tags) then spans two cache lines, never three.
#[derive(Clone, Copy, Default)]
#[repr(C, align(32))]
struct Block([i16; BLOCK]);

/// Weights per [`Block`].
const BLOCK: usize = 16;

pub(crate) struct Table {
    n_tags: usize,
    /// The length of a dense row in [`Block`]s: `n_tags` rounded up to a multiple of [`BLOCK`].
    width: usize,
    /// [`table_size`] long.
    slots: Vec<Slot>,
    /// The pairs of features with more than `INLINE` and fewer than `DENSE_MIN` of them.
    overflow: Vec<(u8, i16)>,
    /// The rows, `width` blocks long each, of features with `DENSE_MIN` weights or more.
    dense: Vec<Block>,
}

impl Table {
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
        let mask = self.slots.len() - 1;
        let mut first = [Slot::default(); BATCH];
        for (slot, &key) in first.iter_mut().zip(keys) {
            *slot = self.slots[key as usize & mask];
        }
        // Where the dense rows among them start: added last, together (see `add_dense`).
        let mut dense = [0usize; BATCH];
        let mut n_dense = 0;
        for (slot, &key) in first.iter().zip(keys) {
            let slot = if slot.len == 0 {
                continue;
            } else if slot.key == key {
                slot
            } else {
                match self.find(key) {
                    Some(slot) => slot,
                    None => continue,
                }
            };
            let len = usize::from(slot.len);
            if slot.len == DENSE {
                dense[n_dense] = slot.start();
                n_dense += 1;
            } else if len <= INLINE {
                for k in 0..len {
                    scores[usize::from(slot.tags[k]) % MAX_TAGS] += i32::from(slot.weights[k]);
                }
            } else {
                for &(tag, w) in &self.overflow[slot.start()..slot.start() + len] {
                    scores[usize::from(tag) % MAX_TAGS] += i32::from(w);
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
                    let row = self.dense[start..start + self.width]
                        .iter()
                        .flat_map(|b| b.0);
                    for (s, w) in scores.iter_mut().zip(row) {
                        *s += i32::from(w);
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
            let row: &[Block; B] = self.dense[start..start + B]
                .try_into()
                .expect("a dense row is B blocks wide");
            for (sums, block) in sums.chunks_exact_mut(BLOCK).zip(row) {
                for (s, &w) in sums.iter_mut().zip(&block.0) {
                    *s += i32::from(w);
                }
            }
        }
        for (s, sum) in scores.iter_mut().zip(sums) {
            *s += sum;
        }
    }

    fn find(&self, key: u32) -> Option<&Slot> {
        // Keys are already well-mixed hashes: their low bits serve as the position.
        let mask = self.slots.len() - 1;
        let mut i = key as usize & mask;
        loop {
            let slot = &self.slots[i];
            if slot.len == 0 {
                return None;
            }
            if slot.key == key {
                return Some(slot);
            }
            i = (i + 1) & mask;
        }
    }

    /// An empty table for `n_features` features of `n_tags` tags.
    pub(crate) fn new(n_tags: usize, n_features: usize) -> Table {
        assert!(n_tags <= MAX_TAGS, "a model with {n_tags} tags");
        Table {
            n_tags,
            width: n_tags.div_ceil(BLOCK),
            slots: vec![Slot::default(); table_size(n_features)],
            overflow: Vec::new(),
            dense: Vec::new(),
        }
    }

    /// Stores the (tag, weight) pairs `pairs` of feature `key`; a key stored twice keeps its
    /// last weights. Keys inserted in the order of `key & (table_size - 1)` fill the table front
    /// to back.
    pub(crate) fn insert(&mut self, key: u32, pairs: impl ExactSizeIterator<Item = (u8, i16)>) {
        let len = pairs.len();
        if len == 0 {
            return;
        }
        let mut slot = Slot {
            key,
            len: len as u16,
            ..Slot::default()
        };
        let mut far = |start: usize| {
            slot.weights[0] = (start & 0xffff) as u16 as i16;
            slot.weights[1] = (start >> 16) as u16 as i16;
        };
        if len >= DENSE_MIN {
            let base = self.dense.len();
            far(base);
            self.dense.resize(base + self.width, Block::default());
            for (tag, w) in pairs {
                let tag = usize::from(tag);
                if let Some(d) = self.dense.get_mut(base + tag / BLOCK) {
                    d.0[tag % BLOCK] += w;
                }
            }
            slot.len = DENSE;
        } else if len > INLINE {
            far(self.overflow.len());
            self.overflow
                .extend(pairs.map(|(tag, w)| (tag % MAX_TAGS as u8, w)));
        } else {
            for (k, (tag, w)) in pairs.enumerate() {
                slot.tags[k] = tag % MAX_TAGS as u8;
                slot.weights[k] = w;
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = key as usize & mask;
        while self.slots[i].len != 0 && self.slots[i].key != key {
            i = (i + 1) & mask;
        }
        self.slots[i] = slot;
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

/// Slots of a perceptron's table for `n_features` features: a power of two, at most about 40%
/// full, so that probes stay short.
pub(crate) fn table_size(n_features: usize) -> usize {
    (2 * n_features + 2).next_power_of_two()
}
