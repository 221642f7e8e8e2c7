//! The words the numeric rules know, as a bitmap: `build.rs` collects every string literal of the
//! rules' source (`numbers.rs`, `numbers/*.rs`, `calendar.rs`), lowercased, with and without a
//! possessive ending, and sets two bits per word; [`insert`] sets them and [`contains`] tests them.
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

/// The two bits of `word` (lowercase bytes): a hash of its length and its first two and last two
/// bytes, which tell the rules' words apart (a word shares them with a known one about as
/// rarely as it shares its two bits) and, read without a loop over the word, cost no
/// mispredicted loop exit, as a hash of every byte did at each word of the text.
pub(crate) fn slots(word: &[u8]) -> [usize; 2] {
    let n = word.len();
    let at = |k: usize| u64::from(word.get(k).copied().unwrap_or(0));
    let key = at(0)
        | at(1) << 8
        | at(n.wrapping_sub(2)) << 16
        | at(n.wrapping_sub(1)) << 24
        | (n as u64) << 32;
    let h = (key ^ key >> 29).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mask = (1u64 << BITS) - 1;
    [
        (h >> (64 - BITS)) as usize,
        ((h >> (64 - 2 * BITS)) & mask) as usize,
    ]
}

/// Sets both bits of `word` (lowercase bytes) in `table`.
pub(crate) fn insert(table: &mut [u8], word: &[u8]) {
    for s in slots(word) {
        table[s >> 3] |= 1 << (s & 7);
    }
}

/// Whether `table` (bits in little-endian bytes) has both bits of `word` set.
pub(crate) fn contains(table: &[u8], word: &str) -> bool {
    slots(word.as_bytes())
        .iter()
        .all(|&s| table.get(s >> 3).is_some_and(|b| b >> (s & 7) & 1 == 1))
}
