//! The one character folding that every model's features and lexicon lookups share: case and
//! typography away, so `“Kyiv’s”`, `"KYIV'S"` and `"kyiv's"` read alike.
//!
//! Typographic quotes, apostrophes and dashes become their ASCII forms, then the char is
//! lower-cased (fully: `İ` gives two chars). Whitespace and everything else pass through;
//! callers that hash decide what to skip.

/// The ASCII form of a typographic quote, apostrophe or dash; any other char unchanged.
#[inline]
pub fn fold_typography(c: char) -> char {
    match c {
        '‘' | '’' | '‛' | '′' => '\'',
        '“' | '”' | '„' | '‟' | '«' | '»' | '＂' => '"',
        '–' | '—' => '-',
        c => c,
    }
}

/// `c` folded for matching: typography to ASCII, then lower case.
#[inline]
pub fn fold_char(c: char) -> std::char::ToLowercase {
    fold_typography(c).to_lowercase()
}

/// `word` with its ASCII letters lower-cased, in `buf`: no allocation in the loops over words.
/// `None` for a word longer than the buffer (no closed-class word, cue or first name is).
pub fn lower_ascii<'b>(word: &'b str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let buf = buf.get_mut(..word.len())?;
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        // Most words are lower case already: no copy, no UTF-8 check.
        return Some(word);
    }
    buf.copy_from_slice(word.as_bytes());
    buf.make_ascii_lowercase();
    std::str::from_utf8(buf).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        s.chars().flat_map(fold_char).collect()
    }

    #[test]
    fn case_and_typography_fold_alike() {
        assert_eq!(fold("“Kyiv’s” — «NATO»"), "\"kyiv's\" - \"nato\"");
        assert_eq!(fold("İ").chars().count(), 2, "full lower-casing");
    }

    #[test]
    fn lower_ascii_lowers_ascii_letters_only_and_fits_the_buffer() {
        let mut buf = [0; 32];
        assert_eq!(lower_ascii("Said", &mut buf), Some("said"));
        assert_eq!(lower_ascii("ÉLAN", &mut buf), Some("Élan"));
        assert_eq!(lower_ascii("already", &mut buf), Some("already"));
        assert_eq!(lower_ascii(&"X".repeat(33), &mut buf), None);
    }
}
