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
}
