//! Lays a perceptron of the model file out as the bytes [`crate::sparse::Table`] reads: the
//! build script lays out the POS tagger's at compile time (`build.rs`, which includes this file),
//! so that the binary holds its table ready to read where it lies (building its 4 MB at start-up
//! cost 13 million instructions and a thousand page faults, a third of a one-article run); the
//! chunker's, seldom used, is laid out on its first use. This file uses nothing of the crate.
//!
//! The image, little-endian throughout: a 64-byte header (`u32` tags, dense row width in
//! blocks, slots, dense blocks, overflow records), then the slots (16 bytes each), from a
//! 64-byte boundary the dense rows (blocks of 16 `i16`, 32 bytes), then the overflow records
//! (4 bytes: the tag, 0, the `i16` weight).
//!
//! A slot: `u32` key, `u16` count of (tag, weight) pairs (0: empty; [`DENSE`]: a dense row), three
//! `u8` tags, a pad byte, three `i16` weights. Up to [`INLINE`] pairs are in the slot; else its
//! first two weights hold the low and high halves of where the pairs (in overflow records) or
//! the dense row (in blocks) start.

/// `NCSYN002`: the tag dictionary (`u32` count, then per word a `u8` length, its bytes and a
/// `u8` tag, sorted by word), then the POS and the chunk perceptrons.
pub(crate) const MAGIC: &[u8; 8] = b"NCSYN002";

/// How many (tag, weight) pairs a slot holds itself: four features in five have at most three.
pub(crate) const INLINE: usize = 3;

/// Features with at least this many weights keep a dense row of all tags, added in SIMD: they
/// are the frequent ones (the bias, the previous tags), read for almost every word.
const DENSE_MIN: usize = 8;

/// Marks a slot whose weights are a dense row.
pub(crate) const DENSE: u16 = u16::MAX;

/// Bytes of a slot, of the header, of a dense block and of an overflow record.
pub(crate) const SLOT: usize = 16;
pub(crate) const HEADER: usize = 64;
pub(crate) const BLOCK_BYTES: usize = 32;
pub(crate) const RECORD: usize = 4;

/// Weights per dense block.
pub(crate) const BLOCK: usize = 16;

/// The most tags a perceptron may have: scores live in a fixed array.
pub(crate) const MAX_TAGS: usize = 64;

/// Slots of a perceptron's table for `n_features` features: a power of two, at most about 40%
/// full, so that probes stay short.
pub(crate) fn table_size(n_features: usize) -> usize {
    (2 * n_features + 2).next_power_of_two()
}

/// Where the dense rows start in an image of `n_slots` slots: the first 64-byte boundary after
/// the slots, so that a row of three blocks spans two cache lines, never three.
pub(crate) fn dense_at(n_slots: usize) -> usize {
    (HEADER + n_slots * SLOT).next_multiple_of(64)
}

/// Reads one perceptron of the model file (`u32` tags, `u32` features, then per feature its
/// `u32` key, a `u8` count and that many `u8` tag, `i16` weight pairs) from `bytes`, moving past
/// it, and returns its image. A key given twice keeps its last weights. A short file is a build
/// defect (the model is generated and checked in CI): the slicing panics on it.
pub(crate) fn encode(bytes: &mut &[u8]) -> Vec<u8> {
    let n_tags = u32_at(bytes, 0) as usize;
    let n_features = u32_at(bytes, 4) as usize;
    assert!(n_tags <= MAX_TAGS, "a model with {n_tags} tags");
    let width = n_tags.div_ceil(BLOCK);
    let size = table_size(n_features);
    let mut slots = vec![[0u8; SLOT]; size];
    let mut dense: Vec<[i16; BLOCK]> = Vec::new();
    let mut overflow: Vec<[u8; RECORD]> = Vec::new();
    let mut rest = &bytes[8..];
    for _ in 0..n_features {
        let (head, tail) = rest.split_at(5);
        let key = u32_at(head, 0);
        let (pairs, tail) = tail.split_at(3 * usize::from(head[4]));
        rest = tail;
        let pairs = pairs.chunks_exact(3).map(|p| (p[0], [p[1], p[2]]));
        let len = pairs.len();
        if len == 0 {
            continue;
        }
        let mut slot = [0u8; SLOT];
        slot[..4].copy_from_slice(&key.to_le_bytes());
        slot[4..6].copy_from_slice(&(len as u16).to_le_bytes());
        let mut far = |start: usize| {
            slot[10..12].copy_from_slice(&((start & 0xffff) as u16).to_le_bytes());
            slot[12..14].copy_from_slice(&((start >> 16) as u16).to_le_bytes());
        };
        if len >= DENSE_MIN {
            let base = dense.len();
            far(base);
            dense.resize(base + width, [0; BLOCK]);
            for (tag, w) in pairs {
                let tag = usize::from(tag);
                if let Some(block) = dense.get_mut(base + tag / BLOCK) {
                    block[tag % BLOCK] += i16::from_le_bytes(w);
                }
            }
            slot[4..6].copy_from_slice(&DENSE.to_le_bytes());
        } else if len > INLINE {
            far(overflow.len());
            overflow.extend(pairs.map(|(tag, w)| [tag % MAX_TAGS as u8, 0, w[0], w[1]]));
        } else {
            for (k, (tag, w)) in pairs.enumerate() {
                slot[6 + k] = tag % MAX_TAGS as u8;
                slot[10 + 2 * k..12 + 2 * k].copy_from_slice(&w);
            }
        }
        let mask = size - 1;
        let mut i = key as usize & mask;
        while slots[i][4..6] != [0, 0] && u32_at(&slots[i], 0) != key {
            i = (i + 1) & mask;
        }
        slots[i] = slot;
    }
    *bytes = rest;
    let mut image = Vec::with_capacity(dense_at(size) + dense.len() * BLOCK_BYTES);
    for n in [n_tags, width, size, dense.len(), overflow.len()] {
        image.extend_from_slice(&(n as u32).to_le_bytes());
    }
    image.resize(HEADER, 0);
    image.extend(slots.iter().flatten());
    image.resize(dense_at(size), 0);
    image.extend(dense.iter().flatten().flat_map(|w| w.to_le_bytes()));
    image.extend(overflow.iter().flatten());
    image
}

/// Moves `bytes` past the model file's tag dictionary: a `u32` count, then per word a `u8`
/// length, its bytes and a `u8` tag.
pub(crate) fn skip_dictionary(bytes: &mut &[u8]) {
    let n = u32_at(bytes, 0) as usize;
    *bytes = &bytes[4..];
    for _ in 0..n {
        *bytes = &bytes[usize::from(bytes[0]) + 2..];
    }
}

/// The little-endian `u32` at `at` of `bytes`.
pub(crate) fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}
