//! One token as the features see it: its hashed forms, shapes, affixes and capitalisation class,
//! computed once per token by [`describe`], and whether a sentence is in ALL CAPS.
//!
//! A token's word cluster is looked up only when the features may read it ([`find_cluster`]):
//! the cluster map is far larger than the L1 cache, and at inference most tokens are tagged `O`
//! without their features, nor their neighbours' (on news, the lookup's cache misses were a
//! tenth of the tagger's time).

use crate::lexicon::{self, Lexicon, Table};

/// Capitalisation class of a token.
pub(super) const C_OTHER: u8 = 0;
pub(super) const C_LOWER: u8 = 1;
pub(super) const C_TITLE: u8 = 2;
pub(super) const C_UPPER: u8 = 3;
pub(super) const C_MIXED: u8 = 4;
pub(super) const C_NUMBER: u8 = 5;

/// What the features need of one token, computed once per token.
#[derive(Clone, Copy, Default, PartialEq)]
pub(super) struct Token {
    pub(super) word: u64,
    pub(super) lower: u64,
    pub(super) shape: u64,
    pub(super) short: u64,
    pub(super) affixes: [u64; 8],
    pub(super) class: u8,
    pub(super) cue: u8,
    pub(super) cluster: u32,
    pub(super) gaz: u64,
}

/// The token of `word`, but for its cluster ([`find_cluster`]).
pub(super) fn describe(word: &str, lex: &Lexicon) -> Token {
    if word.is_ascii() {
        // The same chars, without decoding UTF-8: nearly every word of English news.
        let chars = word.bytes().map(char::from);
        describe_chars(word, true, chars.clone(), chars.rev(), lex)
    } else {
        describe_chars(word, false, word.chars(), word.chars().rev(), lex)
    }
}

/// [`describe`] of `word`, given its chars (`letters`) in order and in reverse, and whether they
/// are all ASCII.
#[inline(always)]
fn describe_chars(
    word: &str,
    ascii: bool,
    letters: impl Iterator<Item = char>,
    reversed: impl Iterator<Item = char>,
    lex: &Lexicon,
) -> Token {
    let mut t = Token::default();
    // The hash of the word's bytes: of an ASCII word, its chars' hash, taken in the loop over
    // them below (a loop of its own ends in a mispredicted branch, as words vary in length).
    let mut bytes_hash = lexicon::HASH_START;
    if !ascii {
        bytes_hash = lexicon::hash_bytes(word.as_bytes());
    }
    let (mut shape, mut short) = (lexicon::HASH_START, lexicon::HASH_START);
    let (mut uppers, mut lowers, mut digits, mut chars) = (0, 0, 0, 0);
    let mut last_kind = 0u8;
    let mut first_upper = false;
    let mut lower = lexicon::HASH_START;
    // Prefix hashes as the lowercase form grows: prefix k is the hash after k chars.
    for (k, c) in letters.enumerate() {
        if ascii {
            bytes_hash = lexicon::fnv_bytes(bytes_hash, &[c as u8]);
        }
        let kind = if c.is_uppercase() {
            uppers += 1;
            if k == 0 {
                first_upper = true;
            }
            b'X'
        } else if c.is_lowercase() {
            lowers += 1;
            b'x'
        } else if c.is_ascii_digit() {
            digits += 1;
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'?'
        };
        if k < 10 {
            shape = lexicon::fnv_bytes(shape, &[kind]);
        }
        if kind != last_kind {
            short = lexicon::fnv_bytes(short, &[kind]);
            last_kind = kind;
        }
        lower = lexicon::fold_char(lower, c);
        if k < 4 {
            t.affixes[k] = lower;
        }
        chars += 1;
    }
    t.word = bytes_hash;
    t.lower = lower;
    t.shape = shape;
    t.short = short;
    // Suffixes: hashed from the last chars, lowercased, in reverse order.
    let mut suffix = lexicon::HASH_START;
    for (k, c) in reversed.take(4).enumerate() {
        suffix = lexicon::fold_char(suffix, c);
        t.affixes[4 + k] = suffix;
    }
    if chars <= 4 {
        // The longest affixes equal the word; keep them anyway, the word features cover it.
    }
    t.class = if digits > 0 && digits * 2 >= chars {
        C_NUMBER
    } else if uppers + lowers == 0 {
        C_OTHER
    } else if lowers == 0 {
        C_UPPER
    } else if uppers == 0 {
        C_LOWER
    } else if first_upper && uppers == 1 {
        C_TITLE
    } else {
        C_MIXED
    };
    t.cue = lex.cue(lower) as u8;
    t.cluster = CLUSTER_UNKNOWN;
    t
}

/// The cluster of a token not looked up yet.
pub(super) const CLUSTER_UNKNOWN: u32 = u32::MAX - 2;

/// Looks up the cluster of `t` if it is not yet known (`u32::MAX` when its word has none).
#[inline]
pub(super) fn find_cluster(t: &mut Token, clusters: &Table) {
    if t.cluster == CLUSTER_UNKNOWN {
        t.cluster = clusters.get(t.lower).unwrap_or(u32::MAX);
    }
}

// The parts of a cluster id, `case << 24 | coarse << 16 | sub << 9 | fine` (written by
// `train::derive_clusters`). The sentinels (no cluster, beyond the sentence) read as all ones in
// every part, so no part of a real cluster equals them.

/// The fine cluster (one of 384).
#[inline]
pub(super) fn fine(cluster: u32) -> u64 {
    u64::from(cluster & 0x1ff)
}

/// The fine cluster with its sub-cluster: the finest level.
#[inline]
pub(super) fn finer(cluster: u32) -> u64 {
    u64::from(cluster & 0xfff)
}

/// The coarse cluster (one of 48).
#[inline]
pub(super) fn coarse(cluster: u32) -> u64 {
    u64::from((cluster >> 16) & 0xff)
}

/// How the word is cased in the unlabelled text: 0 unknown, 1 (lowercase) to 5 (capitalised).
#[inline]
pub(super) fn corpus_case(cluster: u32) -> u64 {
    u64::from(cluster >> 24)
}

/// Whether a sentence is (mostly) in capitals: a headline or a dateline of wire copy.
pub(super) fn all_caps(tokens: &[Token]) -> bool {
    let letters = tokens
        .iter()
        .filter(|t| matches!(t.class, C_LOWER | C_TITLE | C_UPPER | C_MIXED))
        .count();
    let upper = tokens.iter().filter(|t| t.class == C_UPPER).count();
    upper > 0 && upper * 10 >= letters * 8
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The loop gives the hashes the lexicon's functions give: the bytes' hash for `word`, the
    /// folded one for `lower`.
    #[test]
    fn describe_hashes_as_the_lexicon_does() {
        let lex = Lexicon::embedded();
        for w in [
            "",
            "a",
            "Paris",
            "U.S.",
            "naïve",
            "Ça",
            "O’Brien",
            "2,000",
            "İstanbul",
            "ΣΟΦΙΑ",
        ] {
            let t = describe(w, &lex);
            assert_eq!(t.word, lexicon::hash_bytes(w.as_bytes()), "{w}");
            assert_eq!(t.lower, lexicon::hash_lower(w), "{w}");
        }
    }
}
