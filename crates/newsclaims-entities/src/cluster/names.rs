//! The words of a name mention and what they say: the name without honorifics, titles or a
//! possessive ([`NameWords`]), the key other names are compared by, acronyms and their
//! initials, and the share female of a first name.

use std::borrow::Cow;
use std::sync::LazyLock;

use newsclaims_text::Span;

use super::words::{modifier, role};
use crate::lexicon::{Table, encode_table, first_name_keys, hash_bytes, lower_chars};
use crate::{Label, Mention};

/// The words of a name mention, without honorifics before it or a possessive after it.
#[derive(Clone, Debug)]
pub(super) struct NameWords {
    spans: Vec<Span>,
}

impl NameWords {
    pub(super) fn len(&self) -> usize {
        self.spans.len()
    }

    pub(super) fn first<'t>(&self, text: &'t str) -> &'t str {
        self.spans.first().map_or("", |s| &text[*s])
    }

    pub(super) fn last<'t>(&self, text: &'t str) -> &'t str {
        self.spans.last().map_or("", |s| &text[*s])
    }

    pub(super) fn span(&self) -> Span {
        match (self.spans.first(), self.spans.last()) {
            (Some(a), Some(b)) => a.cover(*b),
            _ => Span::default(),
        }
    }
}

pub(super) fn name_words(text: &str, m: &Mention) -> NameWords {
    let mut spans = Vec::new();
    let mut offset = m.span.start();
    for w in text[m.span].split(' ') {
        let start = offset;
        offset += w.len() + 1;
        if w.is_empty() {
            continue;
        }
        let w = strip_possessive(w);
        if w.is_empty() || (spans.is_empty() && honorific(w).is_some()) {
            continue;
        }
        spans.push(Span::new(start, start + w.len()));
    }
    // A title the tagger left in a person's mention (`Mayor Elena Ruiz`, `President Biden`) is
    // no part of the name: the descriptors pick it up instead.
    if m.label == Label::Person {
        let titles = spans
            .iter()
            .take_while(|s| {
                let w = &text[**s];
                w.chars().next().is_some_and(char::is_uppercase) && (role(w) || modifier(w))
            })
            .count();
        if titles < spans.len() {
            spans.drain(..titles);
        }
    }
    if spans.is_empty() {
        spans.push(m.span);
    }
    NameWords { spans }
}

pub(super) fn strip_possessive(w: &str) -> &str {
    ["’s", "'s", "’", "'"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w)
}

/// A name's text for comparison: no possessive, no leading `the`.
pub(super) fn name_key(s: &str) -> &str {
    let s = strip_possessive(s.trim());
    let s = ["the ", "The "]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(s);
    // `Streamly Inc.` and `Streamly` are one company.
    [
        " Inc.", " Inc", " Corp.", " Corp", " Co.", " Ltd.", " Ltd", " LLC", " plc", " PLC", " AG",
        " SA", " S.A.", " GmbH", " N.V.",
    ]
    .iter()
    .find_map(|suffix| s.strip_suffix(suffix).map(|k| k.trim_end_matches(',')))
    .unwrap_or(s)
}

/// `Mr.` → male (0.0), `Ms.` → female (1.0): what an honorific says of the bearer.
pub(super) fn honorific(w: &str) -> Option<f32> {
    match w.trim_end_matches('.') {
        "Mr" | "Sir" | "Lord" => Some(0.0),
        "Mrs" | "Ms" | "Miss" | "Dame" | "Lady" | "Madam" => Some(1.0),
        _ => None,
    }
}

/// `EU`, `NATO`, `U.S.`: two to six capitals, maybe with periods.
pub(super) fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| *c != '.').count();
    (2..=6).contains(&letters) && s.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// The first letters of `name`'s capitalised words (`European Union` → `EU`), when there are as
/// many as an acronym has letters: an acronym spells a name when its letters are these.
pub(super) fn initials(name: &str) -> Option<String> {
    let initials: String = name
        .split([' ', '-'])
        .filter_map(|word| word.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    (2..=6)
        .contains(&initials.chars().count())
        .then_some(initials)
}

/// The embedded lexicon: `Name<TAB>share female`, sorted by lowercase name.
static FIRST_NAMES: &str = include_str!("../../lexicons/first_names.tsv");
/// [`FIRST_NAMES`] as the table `lexicon::first_name_keys` gives, which `build.rs` hashes.
static FIRST_NAMES_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/first_names.bin"));

/// The share female of a first name, from the US Social Security counts; `None` when unknown.
/// Names are compared by their lower-cased chars (`char::to_lowercase`), in one lookup of a
/// table the build script hashed (a binary search over the sorted list missed the cache at each
/// of its 14 steps; a hash map built at start-up cost 8 million instructions).
pub fn first_name_share(name: &str) -> Option<f32> {
    static TABLE: LazyLock<Table> = LazyLock::new(|| {
        Table::new(Cow::Borrowed(FIRST_NAMES_TABLE)).unwrap_or_else(|| {
            let bytes = encode_table(first_name_keys(FIRST_NAMES).into_iter());
            Table::new(Cow::Owned(bytes)).expect("a table just encoded")
        })
    });
    // An ASCII char lower-cases as its byte: no allocation for nearly every name (a longer one
    // than the buffer allocates).
    let mut buf = [0u8; 32];
    let key = match newsclaims_text::fold::lower_ascii(name, &mut buf) {
        Some(lowered) if name.is_ascii() => hash_bytes(lowered.as_bytes()),
        _ => hash_bytes(lower_chars(name).as_bytes()),
    };
    TABLE.get(key).map(f32::from_bits)
}

#[cfg(test)]
mod tests {
    use super::{FIRST_NAMES, first_name_share};

    /// The share of `name` by a scan of the list, comparing lower-cased chars.
    fn scanned(name: &str) -> Option<f32> {
        let key: String = name.chars().flat_map(char::to_lowercase).collect();
        FIRST_NAMES.lines().find_map(|l| {
            let (n, s) = l.split_once('\t')?;
            let n: String = n.chars().flat_map(char::to_lowercase).collect();
            (n == key).then(|| s.parse().ok())?
        })
    }

    #[test]
    fn the_lookup_agrees_with_a_scan_of_the_list() {
        // Every listed name in three casings, words that are no first name, a name longer than
        // the stack buffer, and one spelt with the Kelvin sign, which lower-cases to ASCII `k`.
        let mut names: Vec<String> = Vec::new();
        for line in FIRST_NAMES.lines().step_by(7) {
            let name = line.split('\t').next().unwrap_or_default();
            names.extend([name.to_string(), name.to_uppercase(), name.to_lowercase()]);
        }
        names.extend(
            [
                "",
                "Stoltenberg",
                "the",
                "Élodie",
                "\u{212a}evin",
                "Jennifer",
            ]
            .iter()
            .map(|s| s.to_string()),
        );
        names.push("Maximiliano".repeat(4));
        assert!(names.iter().filter(|n| scanned(n).is_some()).count() > 1000);
        for name in &names {
            assert_eq!(first_name_share(name), scanned(name), "{name:?}");
        }
    }
}
