//! The feature hash of the trained rankers and classifiers (`boundary`, `start`, `cue_model`,
//! `accept`): FNV-1a over a template byte and the feature's parts, ASCII letters lower-cased,
//! folded to the model's `BITS` bits.

use crate::token_word::{FNV_BASIS, FNV_PRIME as PRIME};

/// FNV-1a over the template and the parts, folded to `BITS` bits.
// Out of line: the cue classifier and the rankers hash two dozen features each, and one copy of
// the loop per model keeps their code small (they run between the tagger and the rules, which
// evict it).
#[inline(never)]
pub(super) fn hash<const BITS: u32>(template: u8, parts: &[&str]) -> u32 {
    parts
        .iter()
        .fold(Fnv::<BITS>::new(template), |h, p| h.part(p))
        .finish()
}

/// A feature hash under way: [`hash`] of a template and its first parts, so that features
/// opening alike are hashed from one state.
#[derive(Clone, Copy)]
pub(super) struct Fnv<const BITS: u32>(u32);

impl<const BITS: u32> Fnv<BITS> {
    pub(super) fn new(template: u8) -> Self {
        Fnv((FNV_BASIS ^ u32::from(template)).wrapping_mul(PRIME))
    }

    /// The state after one more part (a separator, then its bytes).
    #[inline]
    pub(super) fn part(self, p: &str) -> Self {
        let mut h = (self.0 ^ 0x1f).wrapping_mul(PRIME);
        for &b in p.as_bytes() {
            h = (h ^ u32::from(LOWER[usize::from(b)])).wrapping_mul(PRIME);
        }
        Fnv(h)
    }

    pub(super) fn finish(self) -> u32 {
        let h = self.0;
        (h ^ (h >> BITS)) & ((1 << BITS) - 1)
    }

    /// The hash of these parts under another template: a feature that extends another's
    /// parts without hashing them again.
    pub(super) fn finish_as(self, template: u8) -> u32 {
        Fnv::<BITS>((self.0 ^ u32::from(template)).wrapping_mul(PRIME)).finish()
    }
}

/// Each byte ASCII-lower-cased, one load instead of a compare and a select per byte.
static LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    t
};
