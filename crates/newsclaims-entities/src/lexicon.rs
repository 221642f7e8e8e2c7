//! Gazetteer lexicons (countries, cities, US states, regions, demonyms, languages, first names,
//! and the known names of `names.tsv` by label) and the hand-written cue words (`Inc`, `Mr`,
//! `River`, `Airport`, `Cup` ...) that the tagger uses as features and that turn CoNLL's four
//! types into OntoNotes labels.
//!
//! The lexicon files in `lexicons/` are derived from `../shared/data/gazetteers` by
//! `cargo xtask train-ner` (see `train::build_lexicons`) and embedded in the binary.
//! Entries are matched case-insensitively over runs of tokens, ignoring spaces between tokens, so
//! `Guinea-Bissau` matches whether the tokenizer splits the hyphen or not.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Gazetteer categories, one bit each.
pub(crate) const COUNTRY: u8 = 0;
pub(crate) const CITY: u8 = 1;
pub(crate) const STATE: u8 = 2;
pub(crate) const REGION: u8 = 3;
pub(crate) const DEMONYM: u8 = 4;
pub(crate) const LANGUAGE: u8 = 5;
pub(crate) const FIRST_NAME: u8 = 6;
/// Known names of `names.tsv` (`cargo xtask build-lexicons`), by their label there: features of
/// the tagger only; [`Lexicon::categories`] leaves them out.
pub(crate) const KNOWN_ORG: u8 = 7;
pub(crate) const KNOWN_PERSON: u8 = 8;
pub(crate) const KNOWN_NORP: u8 = 9;
/// `PRODUCT` and `WORK_OF_ART`: too few entries for one category each.
pub(crate) const KNOWN_WORK: u8 = 10;
pub(crate) const N_CATEGORIES: u8 = 11;
/// The categories [`Lexicon::categories`] reports: places, nationalities, languages, first names.
const LISTED: u16 = (1 << KNOWN_ORG) - 1;
/// The category of `names.tsv`'s lines, which is read from each line's label.
const BY_LABEL: u8 = u8::MAX;

/// The lexicon files, by category, as `cargo xtask train-ner` writes them.
pub(crate) const FILES: [(&str, u8); 8] = [
    ("countries.txt", COUNTRY),
    ("cities.txt", CITY),
    ("states.txt", STATE),
    ("regions.txt", REGION),
    ("demonyms.txt", DEMONYM),
    ("languages.txt", LANGUAGE),
    ("first_names.tsv", FIRST_NAME),
    ("names.tsv", BY_LABEL),
];

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

const PREPS: &[&str] = &["in", "at", "from", "near", "into", "across"];
const SAID: &[&str] = &["said", "says", "told", "added", "saying", "say"];

const ORG_CUES: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "co",
    "co.",
    "ltd",
    "ltd.",
    "plc",
    "llc",
    "ag",
    "sa",
    "nv",
    "gmbh",
    "group",
    "bank",
    "party",
    "ministry",
    "council",
    "committee",
    "commission",
    "university",
    "college",
    "association",
    "federation",
    "union",
    "agency",
    "institute",
    "department",
    "corporation",
    "company",
    "fc",
    "club",
    "united",
    "city",
    "rovers",
    "airlines",
    "airways",
    "motors",
    "holdings",
    "fund",
    "foundation",
    "organisation",
    "organization",
    "office",
    "times",
    "post",
    "news",
    "press",
    "court",
    "parliament",
    "assembly",
    "army",
    "police",
    "board",
    "bureau",
    "authority",
    "exchange",
    "congress",
    "senate",
    "service",
    "network",
    "reuters",
    "front",
    "movement",
    "alliance",
    "league",
    "team",
    "school",
    "church",
    "hospital",
    "society",
    "centre",
    "center",
    "industries",
    "systems",
    "technologies",
];

const TITLES: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "minister",
    "secretary",
    "secretary-general",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "senator",
    "sen.",
    "rep.",
    "gov.",
    "governor",
    "mayor",
    "judge",
    "general",
    "gen.",
    "col.",
    "colonel",
    "captain",
    "capt.",
    "coach",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "director",
    "leader",
    "chief",
    "ambassador",
    "envoy",
    "prosecutor",
    "attorney",
    "rev.",
    "father",
    "saint",
    "st.",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "champion",
    "manager",
    "officer",
    "commander",
    "analyst",
];

const LOC_CUES: &[&str] = &[
    "river",
    "sea",
    "ocean",
    "mountains",
    "mountain",
    "mount",
    "mt.",
    "lake",
    "gulf",
    "valley",
    "bay",
    "island",
    "islands",
    "peninsula",
    "desert",
    "coast",
    "strait",
    "straits",
    "canal",
    "basin",
    "plateau",
    "highlands",
    "channel",
    "forest",
    "region",
    "bank",
    "strip",
    "hills",
];

const FAC_CUES: &[&str] = &[
    "airport",
    "bridge",
    "square",
    "stadium",
    "street",
    "st",
    "road",
    "avenue",
    "ave.",
    "boulevard",
    "palace",
    "tower",
    "station",
    "hall",
    "arena",
    "park",
    "cathedral",
    "museum",
    "building",
    "highway",
    "tunnel",
    "port",
    "harbour",
    "harbor",
    "prison",
    "castle",
    "temple",
    "mosque",
    "ground",
    "oval",
    "dam",
    "centre",
    "gate",
    "house",
];

const EVENT_CUES: &[&str] = &[
    "war",
    "summit",
    "olympics",
    "olympic",
    "games",
    "cup",
    "championship",
    "championships",
    "open",
    "tour",
    "prix",
    "festival",
    "conference",
    "election",
    "elections",
    "series",
    "trophy",
    "revolution",
    "crisis",
    "war",
    "marathon",
    "rally",
    "tournament",
    "classic",
    "masters",
    "derby",
    "grand",
    "world",
    "forum",
    "expo",
    "congress",
    "massacre",
    "uprising",
];

const LAW_CUES: &[&str] = &[
    "act",
    "treaty",
    "amendment",
    "constitution",
    "accord",
    "accords",
    "convention",
    "charter",
    "protocol",
    "code",
    "agreement",
    "bill",
    "doctrine",
];

const NORP_CUES: &[&str] = &[
    "muslim",
    "muslims",
    "christian",
    "christians",
    "jewish",
    "jew",
    "jews",
    "catholic",
    "catholics",
    "protestant",
    "protestants",
    "islamic",
    "islamist",
    "islamists",
    "buddhist",
    "hindu",
    "sikh",
    "shi'ite",
    "shiite",
    "sunni",
    "communist",
    "communists",
    "socialist",
    "socialists",
    "democrat",
    "democrats",
    "republican",
    "republicans",
    "conservative",
    "conservatives",
    "liberal",
    "liberals",
    "tory",
    "tories",
    "labour",
    "marxist",
    "nazi",
    "nazis",
    "zionist",
    "orthodox",
    "kurdish",
    "kurds",
    "arab",
    "arabs",
    "latino",
    "hispanic",
];

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

/// The category of a `names.tsv` label; `None` for a label the tagger does not read.
fn known_category(label: &str) -> Option<u8> {
    match label {
        "ORG" => Some(KNOWN_ORG),
        "PERSON" => Some(KNOWN_PERSON),
        "NORP" => Some(KNOWN_NORP),
        "PRODUCT" | "WORK_OF_ART" => Some(KNOWN_WORK),
        _ => None,
    }
}

pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// The words of `line` as `split_whitespace` gives them, into `words`: their number, or
/// `MAX_TOKENS + 1` when there are more.
fn split_words<'a>(line: &'a str, words: &mut [&'a str; MAX_TOKENS]) -> usize {
    // Most lines are one word (a city, a first name): an ASCII line without whitespace or
    // control bytes is answered without decoding its chars.
    if !line.is_empty() && line.bytes().all(|b| b > b' ' && b < 0x80) {
        words[0] = line;
        return 1;
    }
    let mut n = 0;
    for w in line.split_whitespace() {
        if n == MAX_TOKENS {
            return n + 1;
        }
        words[n] = w;
        n += 1;
    }
    n
}

/// Bit set on a key that is a proper prefix (in tokens) of a longer entry.
const PREFIX: u16 = 1 << 15;

/// The longest entry, in tokens, that is looked for.
const MAX_TOKENS: usize = 6;

pub(crate) struct Lexicon {
    /// Case-insensitive hash of an entry's chars (spaces removed) → category bits and [`PREFIX`].
    entries: IdMap<u16>,
    cues: IdMap<Cue>,
}

impl Lexicon {
    /// Builds the lexicon from the texts of [`FILES`], in that order.
    pub(crate) fn new(texts: &[&str]) -> Lexicon {
        // Sized up front: growing the map entry by entry cost a third of the start-up.
        // Line breaks counted as bytes (a vectorised scan), not line by line.
        let lines: usize = texts
            .iter()
            .map(|t| t.bytes().filter(|&b| b == b'\n').count() + 1)
            .sum();
        let mut entries: IdMap<u16> = IdMap::default();
        entries.reserve(lines + lines / 4);
        for (&(_, file_category), text) in FILES.iter().zip(texts) {
            for line in text.lines() {
                // A TSV line (`first_names.tsv`: name, share female) contributes its first column.
                let mut columns = line.split('\t');
                let line = columns.next().unwrap_or_default();
                let category = if file_category == BY_LABEL {
                    match known_category(columns.next().unwrap_or_default()) {
                        Some(c) => c,
                        None => continue,
                    }
                } else {
                    file_category
                };
                // The line's words, split once; a line of more than `MAX_TOKENS` is no entry.
                let mut words = [""; MAX_TOKENS];
                let n = split_words(line, &mut words);
                if n == 0 || n > MAX_TOKENS {
                    continue;
                }
                let mut h = HASH_START;
                for (k, w) in words[..n].iter().enumerate() {
                    h = fold_str(h, w);
                    if k + 1 < n {
                        *entries.entry(h).or_default() |= PREFIX;
                    }
                }
                *entries.entry(h).or_default() |= 1 << category;
            }
        }
        let mut cues: IdMap<Cue> = IdMap::default();
        for (list, cue) in [
            (ORG_CUES, Cue::Org),
            (TITLES, Cue::Title),
            (LOC_CUES, Cue::Loc),
            (FAC_CUES, Cue::Fac),
            (EVENT_CUES, Cue::Event),
            (LAW_CUES, Cue::Law),
            (NORP_CUES, Cue::Norp),
            (PREPS, Cue::Prep),
            (SAID, Cue::Said),
            (&["the"], Cue::The),
        ] {
            for w in list {
                cues.entry(hash_lower(w)).or_insert(cue);
            }
        }
        Lexicon { entries, cues }
    }

    pub(crate) fn embedded() -> Lexicon {
        Lexicon::new(&EMBEDDED)
    }

    pub(crate) fn cue(&self, lower: u64) -> Cue {
        self.cues.get(&lower).copied().unwrap_or(Cue::None)
    }

    /// The categories of the exact token run `words` (no prefix bit).
    pub(crate) fn categories<'a>(&self, words: impl IntoIterator<Item = &'a str>) -> u8 {
        let h = words.into_iter().fold(HASH_START, fold_str);
        self.entries
            .get(&h)
            .map_or(0, |&bits| (bits & LISTED) as u8)
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
                let Some(&bits) = self.entries.get(&h) else {
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
    use super::*;

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
