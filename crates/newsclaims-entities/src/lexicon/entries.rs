//! The lexicon files and how their lines become keys: each entry's case-insensitive hash (its
//! words' chars, spaces ignored) with its category bits, and each proper prefix of an entry (in
//! words) with [`PREFIX`]; and the keys of the word clusters ([`cluster_keys`]) and of the first
//! names' shares female ([`first_name_keys`]).
//!
//! The build script compiles this file too, to hash the embedded lexicons and clusters into the
//! tables the binary carries (`build.rs`); training builds the same keys from the files it has
//! just derived ([`super::Lexicon::new`], `model::parse_clusters`).

use std::collections::BTreeMap;

use super::hash::{HASH_START, fold_str, hash_bytes, hash_lower};

/// Gazetteer categories, one bit each.
pub(crate) const COUNTRY: u8 = 0;
pub(crate) const CITY: u8 = 1;
pub(crate) const STATE: u8 = 2;
pub(crate) const REGION: u8 = 3;
pub(crate) const DEMONYM: u8 = 4;
pub(crate) const LANGUAGE: u8 = 5;
pub(crate) const FIRST_NAME: u8 = 6;
/// Known names of `names.tsv` (`cargo xtask build-lexicons`), by their label there: features of
/// the tagger only; [`super::Lexicon::categories`] leaves them out.
pub(crate) const KNOWN_ORG: u8 = 7;
pub(crate) const KNOWN_PERSON: u8 = 8;
pub(crate) const KNOWN_NORP: u8 = 9;
/// `PRODUCT` and `WORK_OF_ART`: too few entries for one category each.
pub(crate) const KNOWN_WORK: u8 = 10;
pub(crate) const N_CATEGORIES: u8 = 11;
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

/// Bit set on a key that is a proper prefix (in tokens) of a longer entry.
pub(crate) const PREFIX: u16 = 1 << 15;

/// The longest entry, in tokens, that is looked for.
pub(crate) const MAX_TOKENS: usize = 6;

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

/// The words of `line` as `split_whitespace` gives them, into `words`: their number, or
/// `MAX_TOKENS + 1` when there are more.
pub(crate) fn split_words<'a>(line: &'a str, words: &mut [&'a str; MAX_TOKENS]) -> usize {
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

/// The keys of the lexicons `texts` (in the order of [`FILES`]) and their bits, by key.
pub(crate) fn entries(texts: &[&str]) -> BTreeMap<u64, u16> {
    let mut entries: BTreeMap<u64, u16> = BTreeMap::new();
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
    entries
}

/// Word clusters (`model/clusters.txt`): one `word<TAB>cluster` per line, by the word's
/// [`hash_lower`] (words are matched case-insensitively; of two lines with one key, the later's).
pub(crate) fn cluster_keys(text: &str) -> BTreeMap<u64, u32> {
    let mut keys = BTreeMap::new();
    for line in text.lines() {
        if let Some((word, id)) = line.split_once('\t')
            && let Ok(id) = id.trim().parse::<u32>()
        {
            keys.insert(hash_lower(word), id);
        }
    }
    keys
}

/// First names (`lexicons/first_names.tsv`): one `Name<TAB>share female` per line, by the
/// [`hash_bytes`] of the name's lower-cased chars ([`lower_chars`]), the share as its `f32` bits
/// (of two lines with one key, the later's).
pub(crate) fn first_name_keys(text: &str) -> BTreeMap<u64, u32> {
    let mut keys = BTreeMap::new();
    for line in text.lines() {
        if let Some((name, share)) = line.split_once('\t')
            && let Ok(share) = share.parse::<f32>()
        {
            keys.insert(hash_bytes(lower_chars(name).as_bytes()), share.to_bits());
        }
    }
    keys
}

/// `s` with every char lower-cased (`char::to_lowercase`).
pub(crate) fn lower_chars(s: &str) -> String {
    if s.is_ascii() {
        // The same chars: an ASCII char lower-cases as its byte.
        return s.to_ascii_lowercase();
    }
    s.chars().flat_map(char::to_lowercase).collect()
}
