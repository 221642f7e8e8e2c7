//! The features of a stretch of text for the check-worthiness model: hashed word and bigram
//! features, plus what the earlier stages already know (entity labels and counts, numbers,
//! dates, amounts) and small word classes (comparisons, past events, modality, opinion, first
//! and second person, questions), each one hashed feature.
//!
//! The same function reads ClaimBuster's debate sentences when the model is trained and news
//! sentences at run time, so the two sides can never drift apart. It allocates nothing but the
//! caller's buffer: words are lower-cased and digit-folded while they are hashed.

use std::cell::Cell;

use newsclaims_entities::Label;

use crate::lexicon;
use crate::view::View;

/// How many weights the model has: feature hashes are taken modulo this (a power of two).
/// 2^17 keeps collisions rare for ClaimBuster's ~60,000 distinct words and bigrams in 256 KB.
pub(crate) const BUCKETS: usize = 1 << 17;

/// What a stretch of text holds, beyond its hashed features: the claim type is read from it.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Signals {
    pub(crate) words: usize,
    pub(crate) amounts: usize,
    /// Numbers other than `one`/`a`, written with digits or tagged CARDINAL or QUANTITY.
    pub(crate) numbers: usize,
    pub(crate) dates: usize,
    pub(crate) names: usize,
    pub(crate) comparison: bool,
    pub(crate) past_event: bool,
    pub(crate) modal: bool,
    pub(crate) should: bool,
    pub(crate) opinion: bool,
    pub(crate) personal: bool,
    pub(crate) question: bool,
}

/// Feature kinds: each seeds the hash, so a word and a class feature of the same spelling differ.
const WORD: u32 = 0x9e37_79b9;
const BIGRAM: u32 = 0x85eb_ca6b;
const CLASS: u32 = 0xc2b2_ae35;
/// The hash of the sentence boundary in bigrams.
const BOUNDARY: u32 = 0x27d4_eb2f;

/// What the features read of one token: its hash and word classes, which depend on the token
/// alone. A sentence and the claims inside it read the same tokens, so each token's is worked
/// out once per text ([`Words`]).
#[derive(Clone, Copy)]
pub(crate) struct Word {
    hash: u32,
    flags: u16,
}

/// The token is a word, number, hashtag or handle.
const WORDLIKE: u16 = 1;
/// Punctuation that is a feature of its own: `? ! % $ :`.
const MARK: u16 = 1 << 1;
const QUESTION: u16 = 1 << 2;
const DIGIT: u16 = 1 << 3;
/// The word is short enough to be lower-cased for the word classes.
const CLASSED: u16 = 1 << 4;
const COMPARISON: u16 = 1 << 5;
const THAN: u16 = 1 << 6;
const PAST_EVENT: u16 = 1 << 7;
const MODAL: u16 = 1 << 8;
const SHOULD: u16 = 1 << 9;
const OPINION: u16 = 1 << 10;
const PERSONAL: u16 = 1 << 11;
/// A comparative (`more`, `bigger`): a `than` after it makes a comparison.
const COMPARATIVE: u16 = 1 << 12;

/// Each token's [`Word`], filled on first use.
pub(crate) struct Words(Vec<Cell<Option<Word>>>);

impl Words {
    pub(crate) fn new(n_tokens: usize) -> Words {
        Words(vec![Cell::new(None); n_tokens])
    }
}

fn word_at(view: &View<'_>, k: usize) -> Word {
    let cached = view.checkworthy_words.0.get(k);
    if let Some(word) = cached.and_then(Cell::get) {
        return word;
    }
    let word = describe(view, k);
    if let Some(cell) = cached {
        cell.set(Some(word));
    }
    word
}

fn describe(view: &View<'_>, k: usize) -> Word {
    let w = view.word(k);
    let mut flags = 0;
    if !view.is_wordlike(k) {
        if matches!(w, "?" | "!" | "%" | "$" | ":") {
            flags |= MARK;
            if w == "?" {
                flags |= QUESTION;
            }
        }
        return Word {
            hash: word_hash(w),
            flags,
        };
    }
    flags |= WORDLIKE;
    if w.bytes().any(|b| b.is_ascii_digit()) {
        flags |= DIGIT;
    }
    let mut buf = [0u8; 32];
    if let Some(lw) = lexicon::lower_ascii(w, &mut buf) {
        flags |= CLASSED | classes(w, lw);
    }
    Word {
        hash: word_hash(w),
        flags,
    }
}

/// Appends the feature hashes of the tokens `tokens` (indices into `view`, ascending) to
/// `out`, and returns what the stretch holds.
pub(crate) fn collect(
    view: &View<'_>,
    tokens: impl IntoIterator<Item = usize>,
    out: &mut Vec<u32>,
) -> Signals {
    let mut s = Signals::default();
    let mut prev = BOUNDARY;
    let mut prev_comparative = false;
    for k in tokens {
        if let Some((_, m)) = view.mention_at(k)
            && m.span.start() == view.span(k).start()
        {
            mention(&mut s, m.label, &view.text[m.span], out);
        }
        let Word { hash: h, flags } = word_at(view, k);
        if flags & WORDLIKE == 0 {
            if flags & MARK != 0 {
                s.question |= flags & QUESTION != 0;
                out.push(h);
                out.push(bigram(prev, h));
                prev = h;
            }
            continue;
        }
        s.words += 1;
        out.push(h);
        out.push(bigram(prev, h));
        prev = h;
        if view.mention_at(k).is_none() && flags & DIGIT != 0 {
            // Digits the tagger missed still make a quantity.
            s.numbers += 1;
        }
        if flags & CLASSED == 0 {
            prev_comparative = false;
            continue;
        }
        if flags & COMPARISON != 0 || (flags & THAN != 0 && prev_comparative) {
            s.comparison = true;
        }
        s.past_event |= flags & PAST_EVENT != 0;
        s.modal |= flags & MODAL != 0;
        s.should |= flags & SHOULD != 0;
        s.opinion |= flags & OPINION != 0;
        s.personal |= flags & PERSONAL != 0;
        prev_comparative = flags & COMPARATIVE != 0;
    }
    out.push(bigram(prev, BOUNDARY));
    summary(&s, out);
    s
}

fn mention(s: &mut Signals, label: Label, text: &str, out: &mut Vec<u32>) {
    match label {
        Label::Money | Label::Percent => s.amounts += 1,
        Label::Cardinal | Label::Quantity if !["one", "One", "a", "an"].contains(&text) => {
            s.numbers += 1;
        }
        Label::Date => s.dates += 1,
        Label::Person
        | Label::Org
        | Label::Gpe
        | Label::Loc
        | Label::Fac
        | Label::Norp
        | Label::Event
        | Label::Law => s.names += 1,
        _ => {}
    }
    out.push(class_hash("entity", label.as_str(), 0));
}

/// The word-class flags of one word and its lower-cased form.
fn classes(w: &str, lw: &str) -> u16 {
    let mut flags = 0;
    if super::words::is_comparison(lw) {
        flags |= COMPARISON;
    }
    if lw == "than" {
        flags |= THAN;
    }
    if super::words::is_past_event(w) {
        flags |= PAST_EVENT;
    }
    if super::words::is_modal(lw) {
        flags |= MODAL;
    }
    if matches!(lw, "should" | "must" | "ought" | "need" | "needs") {
        flags |= SHOULD;
    }
    if super::words::is_opinion(lw) {
        flags |= OPINION;
    }
    if matches!(
        lw,
        "i" | "we" | "you" | "our" | "your" | "my" | "me" | "us" | "ours" | "yours"
    ) {
        flags |= PERSONAL;
    }
    if matches!(lw, "more" | "less" | "fewer") || (lw.len() > 4 && lw.ends_with("er")) {
        flags |= COMPARATIVE;
    }
    flags
}

/// The class features of the whole stretch: counts in small buckets, flags.
fn summary(s: &Signals, out: &mut Vec<u32>) {
    out.push(class_hash("words", "", length_bucket(s.words)));
    out.push(class_hash("amounts", "", s.amounts.min(2) as u32));
    out.push(class_hash("numbers", "", s.numbers.min(3) as u32));
    out.push(class_hash("dates", "", s.dates.min(2) as u32));
    out.push(class_hash("names", "", s.names.min(4) as u32));
    let flags = [
        ("comparison", s.comparison),
        ("past-event", s.past_event),
        ("past-event-named", s.past_event && s.names + s.dates > 0),
        ("modal", s.modal),
        ("should", s.should),
        ("opinion", s.opinion),
        ("personal", s.personal),
        ("question", s.question),
    ];
    for (name, on) in flags {
        if on {
            out.push(class_hash(name, "", 1));
        }
    }
}

/// Sentence length in words, in buckets that split ClaimBuster's range roughly evenly.
fn length_bucket(words: usize) -> u32 {
    match words {
        0..=3 => 0,
        4..=6 => 1,
        7..=10 => 2,
        11..=15 => 3,
        16..=25 => 4,
        _ => 5,
    }
}

/// FNV-1a over bytes, continuing from `h`.
fn fnv(mut h: u32, bytes: &[u8]) -> u32 {
    for &b in bytes {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Murmur3's finaliser: spreads a combined hash over all bits before it is cut to a bucket.
fn mix(mut h: u32) -> u32 {
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^ (h >> 16)
}

/// The hash of a word lower-cased, with every digit read as `0` (so `1,200` and `3,400` are one
/// feature) and curly apostrophes as straight ones (debate transcripts use straight ones).
fn word_hash(w: &str) -> u32 {
    let mut h = WORD ^ 0x811c_9dc5;
    if w.is_ascii() {
        // The same bytes as the char loop below: an ASCII char is its one byte.
        for b in w.bytes() {
            let b = if b.is_ascii_digit() {
                b'0'
            } else {
                b.to_ascii_lowercase()
            };
            h = fnv(h, &[b]);
        }
        return mix(h);
    }
    for c in w.chars() {
        let c = match c {
            '’' | '‘' => '\'',
            '0'..='9' => '0',
            c => c.to_ascii_lowercase(),
        };
        let mut buf = [0u8; 4];
        h = fnv(h, c.encode_utf8(&mut buf).as_bytes());
    }
    mix(h)
}

fn bigram(a: u32, b: u32) -> u32 {
    mix(BIGRAM ^ a.rotate_left(5) ^ b.wrapping_mul(0x9e37_79b9))
}

fn class_hash(name: &str, value: &str, bucket: u32) -> u32 {
    let h = fnv(CLASS ^ 0x811c_9dc5, name.as_bytes());
    let h = fnv(h ^ 0xff, value.as_bytes());
    mix(h ^ bucket.wrapping_mul(0x2545_f491))
}
