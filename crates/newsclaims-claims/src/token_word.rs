//! What the stage reads of one token on its own, worked out once per text: the token's folded
//! hash (the check-worthiness model's word feature), its small word classes and the cue lemma it
//! is a form of.
//!
//! The attribution rules ask whether a token is a cue form, and the check-worthiness features
//! ask for its hash and classes, of nearly every token, and a sentence is read again for each
//! claim inside it. So each token is described once, on first use ([`Words`]): one hash of its
//! bytes, then one probe of a small table keyed by that hash ([`Table`]) answers the word lists
//! and the cue lexicon together, instead of a string comparison per list and a second hash for
//! the cue lexicon. Every answer equals what the lists and [`lexicon::cue`] give for the word.

use std::cell::Cell;
use std::sync::LazyLock;

use newsclaims_text::hash::FxHashMap;

use crate::checkworthy::words;
use crate::lexicon::{self, Cue};
use crate::view::View;

/// What is read of one token: its hash, word-class flags (`flag`) and cue.
#[derive(Clone, Copy)]
pub(crate) struct Word {
    pub(crate) hash: u32,
    pub(crate) flags: u16,
    /// Index into the table's cues, or [`NO_CUE`].
    cue: u16,
}

const NO_CUE: u16 = u16::MAX;

/// The flags of a [`Word`].
pub(crate) mod flag {
    /// The token is a word, number, hashtag or handle.
    pub(crate) const WORDLIKE: u16 = 1;
    /// Punctuation that is a feature of its own: `? ! % $ :`.
    pub(crate) const MARK: u16 = 1 << 1;
    pub(crate) const QUESTION: u16 = 1 << 2;
    pub(crate) const DIGIT: u16 = 1 << 3;
    /// The word is short enough to be lower-cased for the word classes.
    pub(crate) const CLASSED: u16 = 1 << 4;
    pub(crate) const COMPARISON: u16 = 1 << 5;
    pub(crate) const THAN: u16 = 1 << 6;
    pub(crate) const PAST_EVENT: u16 = 1 << 7;
    pub(crate) const MODAL: u16 = 1 << 8;
    pub(crate) const SHOULD: u16 = 1 << 9;
    pub(crate) const OPINION: u16 = 1 << 10;
    pub(crate) const PERSONAL: u16 = 1 << 11;
    /// A comparative (`more`, `bigger`): a `than` after it makes a comparison.
    pub(crate) const COMPARATIVE: u16 = 1 << 12;
    /// In the table only: an irregular past event (`took`), and an `-ed` form that is none
    /// (`said`).
    pub(super) const PAST_LISTED: u16 = 1 << 13;
    pub(super) const NOT_PAST: u16 = 1 << 14;
    /// The [`super::Word`] is worked out (the cache's marker).
    pub(super) const KNOWN: u16 = 1 << 15;
}

/// Each token's [`Word`], filled on first use.
pub(crate) struct Words(Vec<Cell<Word>>);

impl Words {
    pub(crate) fn new(n_tokens: usize) -> Words {
        let unknown = Word {
            hash: 0,
            flags: 0,
            cue: NO_CUE,
        };
        Words(vec![Cell::new(unknown); n_tokens])
    }
}

/// Token `k`'s [`Word`]; past the end, worked out anew each time (as for the empty word).
#[inline]
pub(crate) fn word_at(view: &View<'_>, k: usize) -> Word {
    match view.words.0.get(k) {
        Some(cell) if cell.get().flags & flag::KNOWN != 0 => cell.get(),
        Some(cell) => {
            let word = describe(view, k);
            cell.set(word);
            word
        }
        None => describe(view, k),
    }
}

/// The cue lemma token `k` is a form of: [`lexicon::cue`] of its word.
pub(crate) fn cue_at(view: &View<'_>, k: usize) -> Option<Cue> {
    if !view.is_wordlike(k) {
        return lexicon::cue(view.word(k));
    }
    let word = word_at(view, k);
    TABLE.cues.get(usize::from(word.cue)).copied()
}

/// Whether token `k` is a word-like form of a cue lemma.
pub(crate) fn is_cue(view: &View<'_>, k: usize) -> bool {
    view.is_wordlike(k) && word_at(view, k).cue != NO_CUE
}

/// The longest word the lists are read for: [`lexicon::lower_ascii`]'s buffer.
const MAX_CLASSED: usize = 32;

// Out of line: the cached path of `word_at` stays a few instructions wherever it is inlined.
#[inline(never)]
fn describe(view: &View<'_>, k: usize) -> Word {
    let w = view.word(k);
    let Scan { hash, kinds } = scan(w);
    let mut flags = flag::KNOWN;
    if !view.is_wordlike(k) {
        if matches!(w, "?" | "!" | "%" | "$" | ":") {
            flags |= flag::MARK;
            if w == "?" {
                flags |= flag::QUESTION;
            }
        }
        return Word {
            hash,
            flags,
            cue: NO_CUE,
        };
    }
    flags |= flag::WORDLIKE;
    if kinds & kind::DIGIT != 0 {
        flags |= flag::DIGIT;
    }
    if w.len() > MAX_CLASSED {
        return Word {
            hash,
            flags,
            cue: NO_CUE,
        };
    }
    flags |= flag::CLASSED;
    let entry = TABLE.get(hash, w);
    flags |= entry.flags & !(flag::PAST_LISTED | flag::NOT_PAST);
    if is_past_event(w, kinds, entry.flags) {
        flags |= flag::PAST_EVENT;
    }
    let b = w.as_bytes();
    if b.len() > 4 && b[b.len() - 2..].eq_ignore_ascii_case(b"er") {
        flags |= flag::COMPARATIVE;
    }
    Word {
        hash,
        flags,
        cue: entry.cue,
    }
}

/// [`words::is_past_event`] of `w`, from the kinds of its bytes and its table entry.
fn is_past_event(w: &str, kinds: u8, table_flags: u16) -> bool {
    if w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if kinds & kind::UPPER != 0 {
        // The lists are lower case: the table's entry is the lower-cased word's (`iPad`).
        return words::is_past_event(w);
    }
    table_flags & flag::PAST_LISTED != 0
        || w.len() > 4 && w.ends_with("ed") && table_flags & flag::NOT_PAST == 0
}

/// The hash of a word lower-cased, with every digit read as `0` (so `1,200` and `3,400` are one
/// feature) and curly apostrophes as straight ones (debate transcripts use straight ones).
/// Words equal but for ASCII case have one hash.
pub(crate) fn word_hash(w: &str) -> u32 {
    scan(w).hash
}

/// A word's [`word_hash`] and the [`kind`]s of its bytes, from one pass over an ASCII word.
struct Scan {
    hash: u32,
    kinds: u8,
}

/// What a byte is, for [`Scan`].
mod kind {
    pub(super) const DIGIT: u8 = 1;
    pub(super) const UPPER: u8 = 1 << 1;
    /// Part of a multi-byte character: the word is hashed char by char.
    pub(super) const NON_ASCII: u8 = 1 << 2;
}

fn scan(w: &str) -> Scan {
    let mut h = WORD ^ FNV_BASIS;
    let mut kinds = 0;
    for &b in w.as_bytes() {
        let (folded, k) = BYTES[usize::from(b)];
        kinds |= k;
        h = (h ^ u32::from(folded)).wrapping_mul(FNV_PRIME);
    }
    if kinds & kind::NON_ASCII == 0 {
        return Scan {
            hash: mix(h),
            kinds,
        };
    }
    let mut h = WORD ^ FNV_BASIS;
    for c in w.chars() {
        let c = match c {
            '’' | '‘' => '\'',
            '0'..='9' => '0',
            c => c.to_ascii_lowercase(),
        };
        let mut buf = [0u8; 4];
        h = fnv(h, c.encode_utf8(&mut buf).as_bytes());
    }
    Scan {
        hash: mix(h),
        kinds,
    }
}

/// Each byte as [`scan`] reads an ASCII word (upper case as lower case, digits as `0`: the
/// bytes of the char loop, an ASCII char being its one byte), and its [`kind`].
static BYTES: [(u8, u8); 256] = {
    let mut t = [(0u8, 0u8); 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            (b'0', kind::DIGIT)
        } else if c.is_ascii_uppercase() {
            (c.to_ascii_lowercase(), kind::UPPER)
        } else if c.is_ascii() {
            (c, 0)
        } else {
            (c, kind::NON_ASCII)
        };
        b += 1;
    }
    t
};

/// FNV-1a's 32-bit offset basis and prime, for every hashed feature of the stage.
pub(crate) const FNV_BASIS: u32 = 0x811c_9dc5;
pub(crate) const FNV_PRIME: u32 = 0x0100_0193;

/// The check-worthiness model's seed of a word feature.
const WORD: u32 = 0x9e37_79b9;

/// FNV-1a over bytes, continuing from `h`.
pub(crate) fn fnv(mut h: u32, bytes: &[u8]) -> u32 {
    for &b in bytes {
        h ^= u32::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Murmur3's finaliser: spreads a combined hash over all bits before it is cut to a bucket.
pub(crate) fn mix(mut h: u32) -> u32 {
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^ (h >> 16)
}

/// What the table holds for one listed word: its list flags and cue.
#[derive(Clone, Copy)]
struct Entry {
    flags: u16,
    cue: u16,
}

const UNLISTED: Entry = Entry {
    flags: 0,
    cue: NO_CUE,
};

/// The listed words (word classes and cue forms, all lower case) by [`word_hash`], open
/// addressing with linear probing. A slot holds the hash with its low bit set, so that 0 marks
/// an empty slot; a hash match is confirmed by comparing the words.
struct Table {
    slots: Box<[u32]>,
    entries: Box<[Entry]>,
    keys: Box<[&'static str]>,
    cues: Box<[Cue]>,
}

/// The word lists whose words get a class flag of their own, with their flags (the past-event
/// lists are added to the table apart: their flags are refined by `is_past_event`).
const CLASS_LISTS: [(&[&str], u16); 7] = [
    (words::COMPARISON, flag::COMPARISON),
    (&["than"], flag::THAN),
    (words::MODAL, flag::MODAL),
    (words::SHOULD, flag::SHOULD),
    (words::OPINION, flag::OPINION),
    (words::PERSONAL, flag::PERSONAL),
    (words::COMPARATIVE, flag::COMPARATIVE),
];

/// Slots per listed word at least: most probes are of unlisted words, which stop at the first
/// empty slot.
const SLOTS_PER_WORD: usize = 3;

impl Table {
    fn get(&self, hash: u32, w: &str) -> Entry {
        let mask = self.slots.len() - 1;
        let tag = hash | 1;
        let mut i = hash as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return UNLISTED;
            }
            if slot == tag && w.eq_ignore_ascii_case(self.keys[i]) {
                return self.entries[i];
            }
            i = (i + 1) & mask;
        }
    }
}

static TABLE: LazyLock<Table> = LazyLock::new(build);

fn build() -> Table {
    let mut listed: Vec<(&'static str, Entry)> = Vec::new();
    // Where each word is in `listed`: a search of the list per word made this start-up step
    // quadratic in the ~2,000 words.
    let mut at: FxHashMap<&'static str, usize> = FxHashMap::default();
    let mut add = |w: &'static str, flags: u16, cue: u16| match at.get(w) {
        Some(&k) => {
            let e = &mut listed[k].1;
            e.flags |= flags;
            if cue != NO_CUE {
                e.cue = cue;
            }
        }
        None => {
            at.insert(w, listed.len());
            listed.push((w, Entry { flags, cue }));
        }
    };
    let past = [
        (words::PAST_EVENT, flag::PAST_LISTED),
        (words::NOT_PAST_EVENT, flag::NOT_PAST),
    ];
    for (list, f) in CLASS_LISTS.into_iter().chain(past) {
        for &w in list {
            add(w, f, NO_CUE);
        }
    }
    let mut cues = Vec::new();
    // Sorted, so that the table does not depend on the lexicon's hash order.
    let mut forms: Vec<(&'static str, Cue)> = lexicon::forms().collect();
    forms.sort_by_key(|f| f.0);
    for (form, cue) in forms {
        // `lexicon::cue` finds no longer or upper-case form, and a longer word is never looked up.
        if form.len() <= MAX_CLASSED && !form.bytes().any(|b| b.is_ascii_uppercase()) {
            add(form, 0, cues.len() as u16);
            cues.push(cue);
        }
    }
    let size = (listed.len() * SLOTS_PER_WORD).next_power_of_two();
    let mut slots = vec![0u32; size];
    let mut entries = vec![UNLISTED; size];
    let mut keys = vec![""; size];
    for (w, entry) in listed {
        debug_assert!(!w.bytes().any(|b| b.is_ascii_uppercase()));
        let hash = word_hash(w);
        let mut i = hash as usize & (size - 1);
        while slots[i] != 0 {
            i = (i + 1) & (size - 1);
        }
        (slots[i], entries[i], keys[i]) = (hash | 1, entry, w);
    }
    Table {
        slots: slots.into(),
        entries: entries.into(),
        keys: keys.into(),
        cues: cues.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word classes as the lists define them, one comparison per list.
    fn slow_classes(w: &str) -> u16 {
        let lw = w.to_ascii_lowercase();
        let lw = lw.as_str();
        let mut flags = 0;
        for (list, f) in CLASS_LISTS {
            if list.contains(&lw) {
                flags |= f;
            }
        }
        if words::is_past_event(w) {
            flags |= flag::PAST_EVENT;
        }
        if lw.len() > 4 && lw.ends_with("er") {
            flags |= flag::COMPARATIVE;
        }
        flags
    }

    /// The table answers as the lists and the cue lexicon do, for every listed word and cue
    /// form in three letter cases, every word of the fixture articles, and a few odd ones.
    #[test]
    fn table_agrees_with_the_lists_and_the_lexicon() {
        let mut words: Vec<String> = Vec::new();
        let listed = TABLE.keys.iter().filter(|k| !k.is_empty());
        for k in listed {
            let mut cap = k.to_string();
            cap[..1].make_ascii_uppercase();
            words.extend([k.to_string(), k.to_ascii_uppercase(), cap, format!("{k}ed")]);
        }
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/articles");
        for entry in std::fs::read_dir(fixtures).expect("fixtures/articles") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("fixture");
            words.extend(text.split_whitespace().map(str::to_owned));
        }
        words.extend(
            ["iPad", "eXpected", "Éd", "élan", "ﬁnished", &"x".repeat(40)].map(String::from),
        );
        assert!(words.len() > 3000, "{} words", words.len());
        for w in &words {
            let entry = TABLE.get(word_hash(w), w);
            let cue = TABLE.cues.get(usize::from(entry.cue)).map(|c| c.lemma);
            assert_eq!(cue, lexicon::cue(w).map(|c| c.lemma), "{w}");
            if w.len() <= MAX_CLASSED {
                let mut fast = entry.flags & !(flag::PAST_LISTED | flag::NOT_PAST);
                if is_past_event(w, scan(w).kinds, entry.flags) {
                    fast |= flag::PAST_EVENT;
                }
                let b = w.as_bytes();
                if b.len() > 4 && b[b.len() - 2..].eq_ignore_ascii_case(b"er") {
                    fast |= flag::COMPARATIVE;
                }
                assert_eq!(fast, slow_classes(w), "{w}");
            }
        }
    }

    /// Words equal but for ASCII case hash alike, and the hash reads digits as `0` and curly
    /// apostrophes as straight ones, as the check-worthiness model was trained.
    #[test]
    fn hash_folds_case_digits_and_apostrophes() {
        assert_eq!(word_hash("Said"), word_hash("said"));
        assert_eq!(word_hash("1,200"), word_hash("3,400"));
        assert_eq!(word_hash("don’t"), word_hash("don't"));
        assert_ne!(word_hash("said"), word_hash("sad"));
    }
}
