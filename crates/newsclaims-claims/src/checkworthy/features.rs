//! The features of a stretch of text for the check-worthiness model: hashed word and bigram
//! features, plus what the earlier stages already know (entity labels and counts, numbers,
//! dates, amounts) and small word classes (comparisons, past events, modality, opinion, first
//! and second person, questions), each one hashed feature.
//!
//! The same function reads ClaimBuster's debate sentences when the model is trained and news
//! sentences at run time, so the two sides can never drift apart. It allocates nothing: each hash
//! goes to the caller as it is made (the scorer adds its weight, the trainer keeps it).

use newsclaims_entities::Label;

use crate::token_word::{Word, flag, fnv, mix, word_at};
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

/// Feature kinds: each seeds the hash, so a word and a class feature of the same spelling differ
/// (the word seed is `token_word`'s).
const BIGRAM: u32 = 0x85eb_ca6b;
const CLASS: u32 = 0xc2b2_ae35;
/// The hash of the sentence boundary in bigrams.
const BOUNDARY: u32 = 0x27d4_eb2f;

/// Hands the feature hashes of the tokens `tokens` (indices into `view`, ascending) to `out`,
/// in order, and returns what the stretch holds.
pub(crate) fn collect(
    view: &View<'_>,
    tokens: impl IntoIterator<Item = usize>,
    out: &mut impl FnMut(u32),
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
        let Word { hash: h, flags, .. } = word_at(view, k);
        if flags & flag::WORDLIKE == 0 {
            if flags & flag::MARK != 0 {
                s.question |= flags & flag::QUESTION != 0;
                out(h);
                out(bigram(prev, h));
                prev = h;
            }
            continue;
        }
        s.words += 1;
        out(h);
        out(bigram(prev, h));
        prev = h;
        if view.mention_at(k).is_none() && flags & flag::DIGIT != 0 {
            // Digits the tagger missed still make a quantity.
            s.numbers += 1;
        }
        if flags & flag::CLASSED == 0 {
            prev_comparative = false;
            continue;
        }
        if flags & flag::COMPARISON != 0 || (flags & flag::THAN != 0 && prev_comparative) {
            s.comparison = true;
        }
        s.past_event |= flags & flag::PAST_EVENT != 0;
        s.modal |= flags & flag::MODAL != 0;
        s.should |= flags & flag::SHOULD != 0;
        s.opinion |= flags & flag::OPINION != 0;
        s.personal |= flags & flag::PERSONAL != 0;
        prev_comparative = flags & flag::COMPARATIVE != 0;
    }
    out(bigram(prev, BOUNDARY));
    summary(&s, out);
    s
}

fn mention(s: &mut Signals, label: Label, text: &str, out: &mut impl FnMut(u32)) {
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
    out(class_hash("entity", label.as_str(), 0));
}

/// The class features of the whole stretch: counts in small buckets, flags.
fn summary(s: &Signals, out: &mut impl FnMut(u32)) {
    out(class_hash("words", "", length_bucket(s.words)));
    out(class_hash("amounts", "", s.amounts.min(2) as u32));
    out(class_hash("numbers", "", s.numbers.min(3) as u32));
    out(class_hash("dates", "", s.dates.min(2) as u32));
    out(class_hash("names", "", s.names.min(4) as u32));
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
            out(class_hash(name, "", 1));
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

fn bigram(a: u32, b: u32) -> u32 {
    mix(BIGRAM ^ a.rotate_left(5) ^ b.wrapping_mul(0x9e37_79b9))
}

fn class_hash(name: &str, value: &str, bucket: u32) -> u32 {
    let h = fnv(CLASS ^ crate::token_word::FNV_BASIS, name.as_bytes());
    let h = fnv(h ^ 0xff, value.as_bytes());
    mix(h ^ bucket.wrapping_mul(0x2545_f491))
}
