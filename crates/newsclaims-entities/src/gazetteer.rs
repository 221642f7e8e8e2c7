//! Known names (`lexicons/names.tsv`, built by `cargo xtask build-lexicons` from open lists of
//! US agencies, committees, newspapers, S&P 500 companies, members of Congress, presidents,
//! nationalities and WNUT-17's organisations, products and works) laid over the tagger's names.
//!
//! A known name of two words or more found in the text becomes one mention with the list's label,
//! replacing the tagger's names inside it (`Office of | the Director of | National
//! Intelligence`), or standing alone where the tagger found nothing. A one-word entry wins only
//! as [`single_word_wins`] says.
//! A tagger name that reaches past a known name keeps its own span.

use std::sync::LazyLock;

use crate::Label;
use crate::lexicon::{self, IdMap};
use crate::rules::{Doc, Name, capitalised};

/// `names.tsv`, which the tagger's lexicon reads too.
pub(crate) const EMBEDDED: &str = include_str!("../lexicons/names.tsv");

/// The longest name looked for, in tokens (`’s` and punctuation are tokens).
const MAX_TOKENS: usize = 16;

/// Bits of the names' [`KeyFilter`] (16 KB; about one bit in eight set by its 17,600 keys).
const FILTER_BITS: u32 = 17;

/// Bit set on a key that is a proper prefix of a longer entry.
const PREFIX: u8 = 1 << 7;

/// Folded hash of a name's chars without spaces → label index in [`Label::ALL`] | [`PREFIX`].
/// `u8::MAX & !PREFIX` means "only a prefix".
struct Names {
    entries: IdMap<u8>,
    /// The keys of `entries`.
    filter: KeyFilter,
}

const NONE: u8 = 0x7f;

static NAMES: LazyLock<Names> = LazyLock::new(|| Names::new(EMBEDDED));

impl Names {
    fn new(text: &str) -> Names {
        // Sized up front for the entries and about as many prefixes: growing the map entry by
        // entry cost a third of the start-up.
        let lines = text.bytes().filter(|&b| b == b'\n').count() + 1;
        let mut entries: IdMap<u8> = IdMap::default();
        entries.reserve(2 * lines);
        let mut filter = KeyFilter::new(FILTER_BITS);
        for line in text.lines() {
            let Some((name, label)) = line.split_once('\t') else {
                continue;
            };
            let Some(label) = Label::parse(label) else {
                continue;
            };
            let index = Label::ALL.iter().position(|l| *l == label).unwrap_or(0) as u8;
            let mut h = lexicon::HASH_START;
            let mut words = name.split_whitespace().peekable();
            while let Some(w) = words.next() {
                h = lexicon::fold_str(h, w);
                filter.insert(h);
                if words.peek().is_some() {
                    *entries.entry(h).or_insert(NONE) |= PREFIX;
                }
            }
            let e = entries.entry(h).or_insert(NONE);
            *e = (*e & PREFIX) | index;
        }
        Names { entries, filter }
    }

    /// The longest known name starting at token `a`: its end and label.
    fn longest(&self, doc: &Doc, a: usize) -> Option<(usize, Label)> {
        let mut h = lexicon::HASH_START;
        let mut best = None;
        for b in a..(a + MAX_TOKENS).min(doc.words.len()) {
            h = lexicon::fold_str(h, doc.words[b]);
            if b == a && !self.filter.may_hold(h) {
                break;
            }
            let Some(&e) = self.entries.get(&h) else {
                break;
            };
            if e & !PREFIX != NONE {
                best = Some((b + 1, Label::ALL[usize::from(e & !PREFIX)]));
            }
            if e & PREFIX == 0 {
                break;
            }
        }
        best
    }
}

/// Which hashes the names' map (its entries and their prefixes) may hold: a one-hash Bloom
/// filter of `2^bits` bits, asked before the map at every token. Nearly every word starts no
/// name, and the map is far larger than the L1 cache: each of those lookups missed it.
/// A token may match the first words of an entry together (`Maroon5`, `Maroon 5`), so the
/// filter holds every key of the map, not only first words.
struct KeyFilter {
    bits: Box<[u64]>,
    shift: u32,
}

impl KeyFilter {
    /// An empty filter of `2^bits` bits.
    fn new(bits: u32) -> KeyFilter {
        KeyFilter {
            bits: vec![0; (1usize << bits).div_ceil(64)].into_boxed_slice(),
            shift: 64 - bits,
        }
    }

    /// Adds key `h`.
    fn insert(&mut self, h: u64) {
        let b = self.bit(h);
        self.bits[b / 64] |= 1 << (b % 64);
    }

    /// The bit of hash `h`: its top bits, which the hash map's bucket index does not use.
    fn bit(&self, h: u64) -> usize {
        (h >> self.shift) as usize
    }

    /// False when the map has no key `h`; true when it may.
    #[inline]
    fn may_hold(&self, h: u64) -> bool {
        let b = self.bit(h);
        self.bits[b / 64] >> (b % 64) & 1 != 0
    }
}

/// Words that may be lower-case inside a known name.
const INNER: &[&str] = &[
    "of", "for", "on", "and", "the", "to", "&", "in", "de", "’s", "'s", "-", ",",
];

/// Whether tokens `a..b` are written as a name: every word capitalised but the inner ones, and
/// a one-word acronym in capitals (`fbi` is not the FBI).
fn written_as_name(doc: &Doc, a: usize, b: usize) -> bool {
    let words = &doc.words[a..b];
    if !capitalised(words[0]) {
        return false;
    }
    // Tokens of one name touch or are one space apart: not across a line.
    let joined =
        (a..b - 1).all(|k| !doc.text[doc.spans[k].end()..doc.spans[k + 1].start()].contains('\n'));
    joined
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || !c.is_alphanumeric())
                || INNER.iter().any(|i| i.eq_ignore_ascii_case(w))
        })
}

/// Whether a one-word known name at token `a` replaces what the tagger found there: a
/// nationality where the tagger found nothing (`Swedes`); an organisation, product or work where
/// the tagger fell back on NORP for a word no gazetteer of places or nationalities knows
/// (`Boeing`, `Medicare`). Elsewhere one word is too ambiguous (`American`, `Sun`, `Ford`).
fn single_word_wins(doc: &Doc, a: usize, label: Label, overlapping: &[Name]) -> bool {
    match overlapping {
        // A known organisation or product in mid-sentence, after a lower-case word and not
        // before another capitalised one (`follow him on Twitter`): the tagger missed it.
        [] => {
            label == Label::Norp
                || a > 0
                    && doc.words[a - 1].chars().all(|c| c.is_lowercase())
                    && !doc
                        .words
                        .get(a + 1)
                        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        }
        [n] => {
            n.label == Label::Norp
                && label != Label::Norp
                && doc.lex.categories([doc.words[a]]) == 0
        }
        _ => false,
    }
}

/// Lays the known names over `names` (sorted, not overlapping), as the module says.
pub(crate) fn apply(doc: &Doc, names: &mut Vec<Name>) {
    let known = &*NAMES;
    let mut out: Vec<Name> = Vec::with_capacity(names.len());
    let mut next = 0; // the first of `names` not yet in `out`
    let mut a = 0;
    while a < doc.words.len() {
        // A name found from a token it cannot open would be dropped: most tokens (lower-case
        // words, punctuation) are answered by their first char, without hashing a word.
        let found = if capitalised(doc.words[a]) {
            known
                .longest(doc, a)
                .filter(|&(b, _)| written_as_name(doc, a, b))
        } else {
            None
        };
        let Some((b, label)) = found else {
            a += 1;
            continue;
        };
        // The tagger's names before this one are kept as they are.
        while next < names.len() && names[next].b <= a {
            out.push(names[next]);
            next += 1;
        }
        let inside_end = names[next..].iter().take_while(|n| n.a < b).count() + next;
        let overlapping = &names[next..inside_end];
        let within = overlapping.iter().all(|n| n.a >= a && n.b <= b);
        // `Casey’s` (a company) is one word with a possessive: the tagger's `Casey` stands.
        let words = (a..b)
            .filter(|&k| doc.words[k].chars().any(char::is_alphanumeric) && !doc.is_possessive(k))
            .count();
        let keep_tagger = !within || words == 1 && !single_word_wins(doc, a, label, overlapping);
        if keep_tagger {
            a = overlapping.last().map_or(a + 1, |n| n.b.max(a + 1));
            continue;
        }
        // `The Daily Ledger`: the list's leading `The` is not part of the mention, as OntoNotes
        // and the gold leave it out.
        let start = if b - a > 1 && doc.is(a, &["the"]) {
            a + 1
        } else {
            a
        };
        out.push(Name { a: start, b, label });
        next = inside_end;
        a = b;
    }
    out.extend_from_slice(&names[next..]);
    *names = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The filter is asked before the map, so it must hold every key of the map (a key it
    /// dropped would be a name never found); and it must turn most other words away, or it
    /// saves nothing.
    #[test]
    fn the_filter_holds_every_key_and_few_others() {
        let names = &*NAMES;
        assert!(names.entries.len() > 10_000, "{} keys", names.entries.len());
        let missing = names
            .entries
            .keys()
            .filter(|&&h| !names.filter.may_hold(h))
            .count();
        assert_eq!(missing, 0, "keys of the map not in the filter");
        let others = (0..10_000u64)
            .map(|i| lexicon::fold_str(lexicon::HASH_START, &format!("zq{i}x")))
            .filter(|h| !names.entries.contains_key(h))
            .collect::<Vec<_>>();
        let held = others.iter().filter(|&&h| names.filter.may_hold(h)).count();
        assert!(
            held * 4 < others.len(),
            "{held} of {} unknown words held",
            others.len()
        );
    }
}
