//! The words the numeric rules know, as a bitmap: `build.rs` collects every string literal of the
//! rules' source (`numbers.rs`, `numbers/*.rs`, `calendar.rs`), lowercased, with and without a
//! possessive ending, and sets two bits per word; [`contains`] tests them.
//!
//! A rule accepts a word piece only by comparing its lowercase text with one of those literals
//! (directly or through a word class such as `month` or `scale`), so a word whose bits are not
//! both set is none of them. A set bit may belong to another word: `contains` can say yes for a
//! word the rules do not know (a miss that costs only the rules' time), never no for one they
//! know. The scan ([`super::Rules::at`]) skips a leading word such as `the` or `more` when the
//! next piece is a word the rules do not know, since every rule that starts at a leading word
//! reads that next piece.
//!
//! Shared with `build.rs`, which builds the table with [`slots`].

/// Bits of the table's index: `2^13` bits (1 KiB) for about 600 words gives, with two bits a
/// word, about one unknown word in sixty read as known.
pub(crate) const BITS: u32 = 13;

/// The two bits of `word` (lowercase bytes).
pub(crate) fn slots(word: &[u8]) -> [usize; 2] {
    // FNV-1a, then a multiplicative mix so that both indexes take well-spread high bits.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let h = h.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mask = (1u64 << BITS) - 1;
    [
        (h >> (64 - BITS)) as usize,
        ((h >> (64 - 2 * BITS)) & mask) as usize,
    ]
}

/// Whether `table` (bits in little-endian bytes) has both bits of `word` set.
pub(crate) fn contains(table: &[u8], word: &str) -> bool {
    slots(word.as_bytes())
        .iter()
        .all(|&s| table.get(s >> 3).is_some_and(|b| b >> (s & 7) & 1 == 1))
}
