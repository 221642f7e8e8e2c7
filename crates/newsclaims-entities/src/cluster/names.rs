//! The words of a name mention and what they say: the name without honorifics, titles or a
//! possessive ([`NameWords`]), the key other names are compared by, acronyms and their
//! initials, and the share female of a first name.

use std::sync::OnceLock;

use newsclaims_text::Span;

use super::words::{modifier, role};
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

/// The share female of a first name, from the US Social Security counts; `None` when unknown.
pub fn first_name_share(name: &str) -> Option<f32> {
    static TABLE: OnceLock<Vec<(&'static str, f32)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        FIRST_NAMES
            .lines()
            .filter_map(|l| {
                let (n, s) = l.split_once('\t')?;
                Some((n, s.parse().ok()?))
            })
            .collect()
    });
    let lower = |s: &str| {
        s.chars()
            .flat_map(char::to_lowercase)
            .collect::<Vec<char>>()
    };
    let ascii = name.is_ascii();
    // The lower-cased chars of a name outside ASCII; an ASCII name is compared as bytes.
    let key = if ascii { Vec::new() } else { lower(name) };
    table
        .binary_search_by(|(n, _)| {
            if ascii && n.is_ascii() {
                // The order of the chars below: an ASCII char lower-cases as its byte, and this
                // decodes nothing (a lookup compared a dozen names char by char).
                cmp_ascii_lower(n.as_bytes(), name.as_bytes())
            } else if ascii {
                n.chars()
                    .flat_map(char::to_lowercase)
                    .cmp(name.chars().flat_map(char::to_lowercase))
            } else {
                n.chars()
                    .flat_map(char::to_lowercase)
                    .cmp(key.iter().copied())
            }
        })
        .ok()
        .map(|k| table[k].1)
}

/// `a` and `b` compared as their lower-cased bytes.
fn cmp_ascii_lower(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        let (x, y) = (x.to_ascii_lowercase(), y.to_ascii_lowercase());
        if x != y {
            return x.cmp(&y);
        }
    }
    a.len().cmp(&b.len())
}
