//! A fast, fixed hasher for the maps the stages look words up in at run time (rustc's `FxHasher`
//! algorithm): std's default SipHash resists collision attacks we do not face (the keys are our
//! own lexicons), and it cost about 2% of the pipeline's instructions in word lookups.
//!
//! The hash is the same on every run and every machine, though no output may depend on it: maps
//! are only looked up, never iterated into output.

use std::hash::{BuildHasherDefault, Hasher};

/// Builds [`FxHasher`]s: `HashMap<K, V, FxBuild>`.
pub type FxBuild = BuildHasherDefault<FxHasher>;

/// A `HashMap` with [`FxHasher`].
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;

/// rustc's multiply-rotate hasher, over 8 bytes at a time.
#[derive(Clone, Copy, Default)]
pub struct FxHasher(u64);

const SEED: u64 = 0x517c_c1b7_2722_0a95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            // The length keeps `ab` and `ab\0` apart.
            self.add(u64::from_le_bytes(last) ^ (rest.len() as u64) << 59);
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_find_their_values() {
        let words = [
            "said",
            "says",
            "s",
            "",
            "according",
            "a-very-long-word-indeed",
        ];
        let map: FxHashMap<&str, usize> = words.iter().enumerate().map(|(k, w)| (*w, k)).collect();
        for (k, w) in words.iter().enumerate() {
            assert_eq!(map.get(w), Some(&k));
        }
        assert_eq!(map.get("sai"), None);
    }
}
