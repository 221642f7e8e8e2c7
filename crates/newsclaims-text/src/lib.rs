//! The vocabulary every newsclaims stage shares: [`Span`], a byte range into the original article,
//! [`Document`], an article with its identifier, and [`Problem`], something odd met in one, with
//! the kinds of problem ([`ProblemKind`]) and of unreadable input ([`ErrorKind`]).
//!
//! This crate has no dependencies and does no I/O. Offsets here are always **bytes** into the
//! original text; code-point offsets exist only at the output boundary (`newsclaims-format`),
//! computed with [`CharIndex`]. [`fold`] is the one character folding the models share, [`rng`]
//! the one seeded generator their trainers share, [`hash`] the one hasher of their word lookups.
//!
//! ```
//! use newsclaims_text::Span;
//! let text = "Jens Stoltenberg said.";
//! let name = Span::new(0, 16);
//! assert_eq!(&text[name], "Jens Stoltenberg");
//! assert_eq!(format!("{name:?}"), "0..16");
//! ```

pub mod fold;
pub mod hash;
pub mod rng;

use std::fmt;
use std::ops::Index;

/// A half-open byte range `start..end` into a document's original text.
///
/// Invariant: `start <= end`. Whether both ends lie on char boundaries of a given text is the
/// producer's promise (every stage keeps it, and the property tests check it).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// Creates a span. Panics when `start > end` or an end does not fit in `u32`; both are
    /// programming errors, not input errors (documents are capped well below 4 GiB).
    #[inline]
    #[track_caller]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} after end {end}");
        let start = u32::try_from(start).expect("span offset exceeds u32");
        let end = u32::try_from(end).expect("span offset exceeds u32");
        Span { start, end }
    }

    #[inline]
    pub fn start(self) -> usize {
        self.start as usize
    }

    #[inline]
    pub fn end(self) -> usize {
        self.end as usize
    }

    #[inline]
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span that covers both.
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Whether `other` lies wholly inside `self`.
    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl Index<Span> for str {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.start()..span.end()]
    }
}

impl Index<Span> for String {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self.as_str()[span]
    }
}

/// One article: an identifier and its text, exactly as read.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Document {
    pub id: String,
    pub text: String,
    /// The input record's other fields (a URL, a date, a title ...), carried to the output
    /// unchanged: each field's name and its value as JSON text. Empty for plain-text input.
    pub fields: Vec<(String, String)>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            fields: Vec::new(),
        }
    }
}

/// Converts byte offsets of one text to Unicode code-point offsets, in O(1) per lookup for
/// ASCII texts and O(log n) otherwise.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offsets of every non-ASCII char, in order; empty for ASCII text.
    wide: Vec<(u32, u32)>,
}

/// The high bit of each of eight bytes: set only in the bytes of a multi-byte char.
const ASCII_MASK: u64 = 0x8080_8080_8080_8080;

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        let mut wide = Vec::new();
        if !text.is_ascii() {
            // Each entry: (byte offset just after a multi-byte char, bytes saved so far).
            let mut saved = 0u32;
            let bytes = text.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                // ASCII runs, most of any text, eight bytes at a time.
                while let Some(chunk) = bytes.get(i..i + 8)
                    && u64::from_le_bytes(chunk.try_into().expect("8 bytes")) & ASCII_MASK == 0
                {
                    i += 8;
                }
                let Some(&lead) = bytes.get(i) else {
                    break;
                };
                // `i` is a char boundary: the UTF-8 lead byte gives the char's length.
                let n = match lead {
                    0..0x80 => 1,
                    0xf0.. => 4,
                    0xe0.. => 3,
                    _ => 2,
                };
                if n > 1 {
                    saved += n - 1;
                    wide.push((i as u32 + n, saved));
                }
                i += n as usize;
            }
        }
        CharIndex { wide }
    }

    /// The code-point offset of byte offset `byte` (which must lie on a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte as u32;
        let k = self.wide.partition_point(|&(end, _)| end <= byte);
        let saved = if k == 0 { 0 } else { self.wide[k - 1].1 };
        (byte - saved) as usize
    }
}

/// A problem met while reading or analysing one document; the document is still processed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    pub message: String,
    pub span: Option<Span>,
}

/// Declares a kind enum whose values are written as fixed kebab-case names (the output
/// contract's `kind` strings), with `ALL` in declaration order and `as_str`.
macro_rules! kinds {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every kind, in declaration order (the JSON Schema lists them so).
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The kind as the output writes it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

kinds! {
    /// What was odd about a document that was still analysed: the `kind` of an entry of a
    /// record's `errors`.
    ProblemKind {
        /// Bytes that are not UTF-8, replaced by U+FFFD.
        InvalidUtf8 => "invalid-utf8",
        /// A JSON `\u` escape of half a surrogate pair, replaced by U+FFFD.
        LoneSurrogate => "lone-surrogate",
        /// The document was cut at `--max-bytes`.
        Truncated => "truncated",
        /// An input field that the output's own fields would shadow, not carried through.
        FieldClash => "field-clash",
        /// An id that an earlier document of the run already had.
        DuplicateId => "duplicate-id",
        /// No text, or only whitespace.
        Empty => "empty",
        /// NUL and other control characters.
        ControlCharacters => "control-characters",
    }
}

kinds! {
    /// Why a document could not be read at all: the `kind` of an error record's `error`.
    ErrorKind {
        /// A JSON Lines line that is not a JSON object.
        MalformedJson => "malformed-json",
        /// A JSON Lines object without a string or number `id`, or without `text`.
        MissingField => "missing-field",
        /// A `text` that is not a string.
        BadField => "bad-field",
        /// A JSON Lines line longer than the input limit.
        TooLarge => "too-large",
        /// A blank line of JSON Lines read with `--input-format jsonl` (every line gets a record).
        BlankLine => "blank-line",
        /// Reading failed part way.
        ReadError => "read-error",
        /// A file that could not be opened or is not a regular file.
        UnreadableFile => "unreadable-file",
        /// A folder that could not be listed.
        UnreadableFolder => "unreadable-folder",
        /// The document's output files could not be written (`--format brat --output DIR`: a
        /// file of that name exists and `--force` was not given, or the system refused).
        WriteError => "write-error",
        /// newsclaims failed on the document: a bug.
        InternalError => "internal-error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points() {
        let text = "a“b”c€d";
        let index = CharIndex::new(text);
        for (chars, (bytes, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_offset(bytes), chars);
        }
        assert_eq!(index.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn span_cover_and_overlap() {
        let a = Span::new(2, 5);
        let b = Span::new(4, 9);
        assert_eq!(a.cover(b), Span::new(2, 9));
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(5, 6)));
        assert!(a.cover(b).contains(a));
    }

    #[test]
    fn kinds_are_distinct_kebab_case_names() {
        let names: Vec<&str> = ProblemKind::ALL
            .iter()
            .map(|k| k.as_str())
            .chain(ErrorKind::ALL.iter().map(|k| k.as_str()))
            .collect();
        let unique: std::collections::BTreeSet<&str> = names.iter().copied().collect();
        assert_eq!(unique.len(), names.len(), "a name is used twice: {names:?}");
        for name in names {
            assert!(
                !name.is_empty()
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{name:?} is not kebab-case"
            );
        }
        assert_eq!(ProblemKind::Truncated.to_string(), "truncated");
    }
}
