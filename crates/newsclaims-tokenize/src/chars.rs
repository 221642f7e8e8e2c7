//! Character classes and O(1) neighbour lookups on byte offsets.
//!
//! Every function takes a byte offset that lies on a char boundary and never scans further than
//! one char, so callers stay linear.

/// The char starting at byte `i`, if any.
#[inline]
pub(crate) fn at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        // An ASCII byte is a whole char, and always starts one: most of news text, read
        // without decoding.
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(i..).and_then(|rest| rest.chars().next()),
    }
}

/// The char ending at byte `i`, if any.
#[inline]
pub(crate) fn before(text: &str, i: usize) -> Option<char> {
    match i.checked_sub(1).and_then(|k| text.as_bytes().get(k)) {
        // An ASCII byte is a whole char, and no char goes on after it.
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(..i).and_then(|head| head.chars().next_back()),
    }
}

/// Ends a line, hence a paragraph.
#[inline]
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Separates tokens without being one: whitespace, control chars (NUL included) and the
/// invisible format chars that feeds leave around (zero-width space, BOM, word joiner).
#[inline]
pub(crate) fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}' | '\u{180E}')
}

/// Combining marks continue the word they follow (`é` written as `e` + U+0301).
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x200C..=0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

/// Letters, digits and combining marks: what words are made of.
#[inline]
pub(crate) fn is_word(c: char) -> bool {
    if c.is_ascii() {
        // No ASCII char is a mark.
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_mark(c)
}

pub(crate) fn is_word_opt(c: Option<char>) -> bool {
    c.is_some_and(is_word)
}

/// Apostrophes and single quotation marks, which the scanner must tell apart. Not the fold's
/// set ([`newsclaims_text::fold`]): a backtick and `ʼ` are written as apostrophes, while the
/// prime `′` that the fold reads as one is a unit mark (`5′11″`) that must not glue words.
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | 'ʼ')
}

/// Double quotation marks and guillemets: always quote marks. Those the shared fold reads as
/// `"`, and the single guillemets.
#[inline]
pub(crate) fn is_double_quote(c: char) -> bool {
    newsclaims_text::fold::fold_typography(c) == '"' || matches!(c, '‹' | '›')
}

/// Hyphens that join the parts of a compound word.
#[inline]
pub(crate) fn is_joining_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{AD}')
}

/// Brackets that open a parenthetical.
#[inline]
pub(crate) fn is_open_bracket(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '<' | '（' | '［' | '｛' | '「' | '『' | '《' | '〈' | '【'
    )
}

/// Brackets that close a parenthetical.
#[inline]
pub(crate) fn is_close_bracket(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | '>' | '）' | '］' | '｝' | '」' | '』' | '》' | '〉' | '】'
    )
}
