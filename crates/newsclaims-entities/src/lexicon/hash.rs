//! The case-insensitive hash every lexicon key and token is compared by: FNV-1a over the chars
//! folded by [`newsclaims_text::fold`] (lowercase, curly quotes and dashes as ASCII ones),
//! whitespace ignored.
//!
//! The build script compiles this file too, to hash the embedded lexicons' entries into the
//! table the binary carries (`build.rs`): it uses nothing of the crate.

/// FNV-1a, 64 bits.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

pub(crate) fn fnv_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    fnv_bytes(FNV_OFFSET, bytes)
}

/// Folds one char into a case-insensitive hash ([`newsclaims_text::fold`]: lowercase, curly
/// quotes and dashes as ASCII ones), whitespace ignored.
#[inline(always)]
pub(crate) fn fold_char(h: u64, c: char) -> u64 {
    if c.is_ascii() {
        fold_ascii(h, c as u8)
    } else {
        fold_wide(h, c)
    }
}

/// [`fold_char`] of an ASCII char: the one case of nearly every word, kept inline.
#[inline(always)]
fn fold_ascii(h: u64, b: u8) -> u64 {
    if b.is_ascii_whitespace() {
        h
    } else {
        (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME)
    }
}

/// [`fold_char`] of a char outside ASCII.
#[inline(never)]
fn fold_wide(mut h: u64, c: char) -> u64 {
    for l in newsclaims_text::fold::fold_char(c) {
        let mut buf = [0u8; 4];
        h = fnv_bytes(h, l.encode_utf8(&mut buf).as_bytes());
    }
    h
}

pub(crate) fn fold_str(h: u64, s: &str) -> u64 {
    if s.is_ascii() {
        // The same hash as the char loop: an ASCII char is its one byte.
        s.bytes().fold(h, fold_ascii)
    } else {
        s.chars().fold(h, fold_char)
    }
}

/// The case-insensitive hash of `s`.
pub(crate) fn hash_lower(s: &str) -> u64 {
    fold_str(FNV_OFFSET, s)
}

pub(crate) const HASH_START: u64 = FNV_OFFSET;
