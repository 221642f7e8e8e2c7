//! Gazetteer lexicons (countries, cities, US states, regions, demonyms, languages, first names,
//! and the known names of `names.tsv` by label) and the hand-written cue words (`Inc`, `Mr`,
//! `River`, `Airport`, `Cup` ...) that the tagger uses as features and that turn CoNLL's four
//! types into OntoNotes labels.
//!
//! The lexicon files in `lexicons/` are derived from `../shared/data/gazetteers` by
//! `cargo xtask train-ner` (see `train::build_lexicons`) and embedded in the binary.
//! Entries are matched case-insensitively over runs of tokens, ignoring spaces between tokens, so
//! `Guinea-Bissau` matches whether the tokenizer splits the hyphen or not.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

mod cues;
mod entries;
mod hash;
mod table;

#[cfg(feature = "train")]
pub(crate) use entries::FILES;
pub(crate) use entries::{
    CITY, COUNTRY, DEMONYM, FIRST_NAME, KNOWN_ORG, LANGUAGE, N_CATEGORIES, REGION, STATE,
};
pub(crate) use hash::{HASH_START, fnv_bytes, fold_char, fold_str, hash_bytes, hash_lower};

pub(crate) use entries::{cluster_keys, first_name_keys, lower_chars};
pub(crate) use table::{Table, encode as encode_table};

use entries::{MAX_TOKENS, PREFIX};

/// The categories [`Lexicon::categories`] reports: places, nationalities, languages, first names.
const LISTED: u16 = (1 << KNOWN_ORG) - 1;

/// The table of the embedded lexicons' keys, which `build.rs` hashes from [`EMBEDDED`] as
/// [`Lexicon::new`] would.
static EMBEDDED_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));

/// The embedded lexicons, in the order of [`FILES`].
pub(crate) const EMBEDDED: [&str; 8] = [
    include_str!("../lexicons/countries.txt"),
    include_str!("../lexicons/cities.txt"),
    include_str!("../lexicons/states.txt"),
    include_str!("../lexicons/regions.txt"),
    include_str!("../lexicons/demonyms.txt"),
    include_str!("../lexicons/languages.txt"),
    include_str!("../lexicons/first_names.tsv"),
    crate::gazetteer::EMBEDDED,
];

/// Classes of single cue words, case-insensitive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Cue {
    None = 0,
    /// Ends an organisation's name: `Inc`, `Corp`, `Party`, `Ministry`, `FC`.
    Org = 1,
    /// Precedes a person's name: `Mr`, `President`, `spokesman`.
    Title = 2,
    /// Ends a natural location's name: `River`, `Sea`, `Mountains`.
    Loc = 3,
    /// Ends a facility's name: `Airport`, `Bridge`, `Square`, `Stadium`.
    Fac = 4,
    /// Ends an event's name: `War`, `Cup`, `Olympics`, `Summit`.
    Event = 5,
    /// Ends a law's name: `Act`, `Treaty`, `Amendment`.
    Law = 6,
    /// A religion or political movement: `Muslim`, `Christian`, `Communist`.
    Norp = 7,
    /// A preposition before places: `in`, `at`, `from`, `near`.
    Prep = 8,
    /// A verb of saying after a speaker: `said`, `told`.
    Said = 9,
    /// `the`, which precedes organisations and some places but rarely people.
    The = 10,
}

/// Our keys are hashes already: the identity hasher avoids hashing them twice.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(bytes);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

pub(crate) struct Lexicon {
    /// Case-insensitive hash of an entry's chars (spaces removed) → category bits and [`PREFIX`].
    entries: Table,
    cues: IdMap<Cue>,
}

impl Lexicon {
    /// Builds the lexicon from the texts of [`FILES`], in that order.
    pub(crate) fn new(texts: &[&str]) -> Lexicon {
        let keys = entries::entries(texts);
        let bytes = table::encode(keys.into_iter().map(|(k, v)| (k, u32::from(v))));
        Lexicon {
            entries: Table::new(Cow::Owned(bytes)).expect("a table just encoded"),
            cues: cues::cue_map(),
        }
    }

    /// The lexicon of the embedded files, from the table the build script hashed them into.
    pub(crate) fn embedded() -> Lexicon {
        match Table::new(Cow::Borrowed(EMBEDDED_TABLE)) {
            Some(entries) => Lexicon {
                entries,
                cues: cues::cue_map(),
            },
            None => Lexicon::new(&EMBEDDED),
        }
    }

    /// The category bits and [`PREFIX`] of key `h`.
    #[inline]
    fn bits(&self, h: u64) -> Option<u16> {
        self.entries.get(h).map(|v| v as u16)
    }

    pub(crate) fn cue(&self, lower: u64) -> Cue {
        self.cues.get(&lower).copied().unwrap_or(Cue::None)
    }

    /// The categories of the exact token run `words` (no prefix bit).
    pub(crate) fn categories<'a>(&self, words: impl IntoIterator<Item = &'a str>) -> u8 {
        let h = words.into_iter().fold(HASH_START, fold_str);
        self.bits(h).map_or(0, |bits| (bits & LISTED) as u8)
    }

    /// Marks every token with the gazetteer matches it is part of: for category `c`, bit `4c`
    /// (B), `4c+1` (I), `4c+2` (L) or `4c+3` (U). Matches are maximal per start and category;
    /// `out` has one slot per token and is overwritten. `lower(k)` is word `k`'s
    /// [`hash_lower`], which the caller has at hand: most lookups stop at a start's first word.
    pub(crate) fn annotate(&self, words: &[&str], lower: impl Fn(usize) -> u64, out: &mut [u64]) {
        out.fill(0);
        // The longest match per category from `start`, read only for the categories in `found`,
        // each of which this start wrote: not cleared per start, as most starts match nothing
        // and pay for no per-category work.
        let mut longest = [0u8; N_CATEGORIES as usize];
        for start in 0..words.len() {
            let mut h = HASH_START;
            let mut found = 0u16;
            for (end, word) in words.iter().enumerate().skip(start).take(MAX_TOKENS) {
                h = if end == start {
                    lower(start)
                } else {
                    fold_str(h, word)
                };
                let Some(bits) = self.bits(h) else {
                    break;
                };
                let mut matched = bits & !PREFIX;
                found |= matched;
                while matched != 0 {
                    longest[matched.trailing_zeros() as usize] = (end + 1 - start) as u8;
                    matched &= matched - 1;
                }
                if bits & PREFIX == 0 {
                    break;
                }
            }
            while found != 0 {
                let c = found.trailing_zeros();
                found &= found - 1;
                let base = 4 * u64::from(c);
                match usize::from(longest[c as usize]) {
                    0 => {}
                    1 => out[start] |= 1 << (base + 3),
                    len => {
                        out[start] |= 1 << base;
                        for slot in &mut out[start + 1..start + len - 1] {
                            *slot |= 1 << (base + 1);
                        }
                        out[start + len - 1] |= 1 << (base + 2);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::entries::split_words;
    use super::*;

    /// The table the build script wrote holds the keys, and only the keys, that the embedded
    /// files give at run time, with the same bits.
    #[test]
    fn the_built_table_is_the_embedded_files_keys() {
        let built = Table::new(Cow::Borrowed(EMBEDDED_TABLE)).expect("build.rs wrote a table");
        let keys = entries::entries(&EMBEDDED);
        assert_eq!(built.len(), keys.len());
        for (&k, &bits) in &keys {
            assert_eq!(built.get(k), Some(u32::from(bits)), "{k:x}");
        }
        // Keys near the stored ones, and words that are no entry, are absent.
        for (&k, _) in keys.iter().step_by(97) {
            assert_eq!(built.get(k ^ 1), keys.get(&(k ^ 1)).map(|&b| u32::from(b)));
        }
        for word in ["", "the", "said", "zzyzxq"] {
            let h = hash_lower(word);
            assert_eq!(built.get(h), keys.get(&h).map(|&b| u32::from(b)), "{word}");
        }
    }

    /// The byte split of ASCII lines gives what `split_whitespace` gives.
    #[test]
    fn lines_split_as_split_whitespace_does() {
        let lines = EMBEDDED.iter().flat_map(|t| t.lines());
        let odd = [
            "",
            " ",
            "a",
            " a  b\t",
            "a\x0bb\x0cc\rd",
            "a\x1fb",
            "x y z u v w",
            "1 2 3 4 5 6 7",
            "né à",
        ];
        for line in lines.chain(odd) {
            let mut words = [""; MAX_TOKENS];
            let n = split_words(line, &mut words);
            let want: Vec<&str> = line.split_whitespace().collect();
            if want.len() > MAX_TOKENS {
                assert_eq!(n, MAX_TOKENS + 1, "{line:?}");
                assert_eq!(words[..], want[..MAX_TOKENS], "{line:?}");
            } else {
                assert_eq!(words[..n], want[..], "{line:?}");
            }
        }
    }
}
