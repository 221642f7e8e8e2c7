//! The cue classifier: whether a form of a cue lemma (`said`, `claim`, `according`) is the cue of
//! an attribution here, trained on PolNeAR train. It reads the word, its lemma, its neighbours and
//! their tags, the quotations and `that` around it, and the rules' own decision at the word (a
//! claim, with its content's first word and tag, or why not: [`Reject`]). Where the rules built a
//! claim and the classifier is sure it is no cue, the claim is dropped; where a word test of the
//! rules rejected the word and the classifier is sure it is a cue, the rules run again without
//! their word tests; where the rules rejected a passive and the classifier reads a cue, the
//! passive's claim is built (`passive`).
//!
//! An averaged perceptron over hashed features; its weights are `model/cue.bin`
//! (`cargo xtask train-claims`), `i16` little-endian, one per hashed feature. Scoring is a few
//! dozen lookups per cue word.
//!
//! With `View::cue_record` set (training), every decision is recorded with its features and the
//! rules' decision stands (and the boundary ranker keeps the rules' ends); with `View::record`
//! set, the rules decide alone too: neither trained model reads the other's output.

use newsclaims_entities::Label;
use newsclaims_syntax::Pos;
use newsclaims_text::Span;

use super::boundary::hash;
use super::cue::Reject;
use crate::view::View;

/// The trained weights: `2^FEATURE_BITS` little-endian `i16`.
const MODEL: &[u8] = include_bytes!("../../model/cue.bin");

/// Bits of a hashed feature: the boundary ranker's hash, 65,536 weights (128 KB).
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) const FEATURE_BITS: u32 = super::boundary::FEATURE_BITS;

/// Below minus this score, a claim the rules built is dropped; chosen on PolNeAR dev
/// (`cargo xtask eval claims`: attribution F1 at 0 / 5,000 / 8,000 / 10,000 / 12,000 / 15,000 /
/// 20,000 is 0.7805 / 0.7836 / 0.7826 / 0.7815 / 0.7810 / 0.7793 / 0.7791), in the weights' units
/// (the largest weight is 32,767): the middle of the flat top, where the indirect recall falls
/// least. High: the rules' claims are right five times in six.
pub(crate) const VETO: i32 = 10_000;

/// Above this score, a word the rules rejected is read as a cue and the rules run again without
/// their word tests; chosen on PolNeAR dev like [`VETO`] (attribution F1 at 10,000 / 12,000 /
/// 14,000: 0.7723 / 0.7724 / 0.7727).
pub(crate) const RESCUE: i32 = 14_000;

/// Above this score, a passive cue (`was accused of`, `was first reported by`) the rules
/// rejected becomes a claim of its subject (`passive`); chosen on PolNeAR dev (`cargo xtask
/// eval claims`: attribution F1 at 0 / 5,000 / 14,000 is 0.7745 / 0.7743 / 0.7740, none 0.7721).
/// Low: a passive the classifier leans towards is a cue more often than not.
pub(crate) const PASSIVE: i32 = 0;

/// Words of context on each side looked at for a quotation or `that`.
const WINDOW: usize = 8;

/// One recorded decision, for training: the cue word, its features and the rules' outcome.
#[derive(Clone, Debug)]
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) struct Case {
    pub(crate) cue: Span,
    pub(crate) features: Vec<u32>,
    pub(crate) outcome: &'static str,
}

/// The classifier's score for the cue word at `i` given the rules' outcome there (`None`: a
/// claim, whose content starts at token `content`); `None` when recording for training (the
/// rules decide alone).
pub(crate) fn score(
    view: &View<'_>,
    i: usize,
    outcome: Option<Reject>,
    content: Option<usize>,
) -> Option<i32> {
    // While the boundary ranker's decisions are recorded, the rules decide alone: neither model
    // trains on the other's output.
    if view.record.is_some() {
        return None;
    }
    let mut feats = Vec::with_capacity(40);
    features(view, i, outcome, &mut feats);
    content_features(view, i, content, &mut feats);
    if let Some(log) = &view.cue_record {
        log.borrow_mut().push(Case {
            cue: view.span(i),
            features: feats,
            outcome: Reject::as_str(outcome),
        });
        return None;
    }
    Some(feats.iter().map(|&f| weight(f)).sum())
}

fn weight(f: u32) -> i32 {
    let k = f as usize * 2;
    match MODEL.get(k..k + 2) {
        Some(b) => i32::from(i16::from_le_bytes([b[0], b[1]])),
        None => 0,
    }
}

/// Feature templates, the first byte of each hashed feature.
mod t {
    pub(super) const BIAS: u8 = 0;
    pub(super) const OUTCOME: u8 = 1;
    pub(super) const LEMMA: u8 = 2;
    pub(super) const LEMMA_OUTCOME: u8 = 3;
    pub(super) const WORD: u8 = 4;
    pub(super) const PREV: u8 = 5;
    pub(super) const PREV2: u8 = 6;
    pub(super) const NEXT: u8 = 7;
    pub(super) const NEXT2: u8 = 8;
    pub(super) const LEMMA_NEXT: u8 = 9;
    pub(super) const LEMMA_PREV: u8 = 10;
    pub(super) const TAG: u8 = 11;
    pub(super) const TAGS: u8 = 12;
    pub(super) const TAG_OUTCOME: u8 = 13;
    pub(super) const PREV_TAG: u8 = 14;
    pub(super) const NEXT_TAG: u8 = 15;
    pub(super) const QUOTES: u8 = 16;
    pub(super) const THAT: u8 = 17;
    pub(super) const PREV_LABEL: u8 = 18;
    pub(super) const SHAPE: u8 = 19;
    pub(super) const LEMMA_TAG: u8 = 20;
    pub(super) const SUBJECT: u8 = 21;
    pub(super) const WORD_OUTCOME: u8 = 22;
    pub(super) const LEMMA_QUOTES: u8 = 23;
    pub(super) const CONTENT_WORD: u8 = 24;
    pub(super) const CONTENT_TAG: u8 = 25;
    pub(super) const CONTENT_SIDE: u8 = 26;
}

/// The features of the rules' content for the cue at `i`: its first word and tag (`reported
/// [by The Washington Post]`), and on which side of the cue it lies.
fn content_features(view: &View<'_>, i: usize, content: Option<usize>, out: &mut Vec<u32>) {
    let Some(c) = content else {
        return;
    };
    let word = if view.quote_at(c).is_some() {
        "<q>"
    } else {
        view.word(c)
    };
    let tag = view.tag(c).map_or("-", Pos::as_str);
    let lemma = view.cue(i).map_or("according", |c| c.lemma);
    let side = if c > i { "after" } else { "before" };
    out.push(hash(t::CONTENT_WORD, &[side, word]));
    out.push(hash(t::CONTENT_TAG, &[lemma, side, tag]));
    out.push(hash(t::CONTENT_SIDE, &[lemma, side]));
}

/// The hashed features of the cue word at `i`.
fn features(view: &View<'_>, i: usize, outcome: Option<Reject>, out: &mut Vec<u32>) {
    // The hash folds ASCII case, so the words go in as they are.
    let w = view.word(i);
    let before = |k: usize| i.checked_sub(k).filter(|&j| view.sent(j) == view.sent(i));
    let after = |k: usize| Some(i + k).filter(|&j| view.sent(j) == view.sent(i));
    let word_at = |j: Option<usize>| j.map_or("<s>", |j| view.word(j));
    let (p1, p2) = (word_at(before(1)), word_at(before(2)));
    let (n1, n2) = (word_at(after(1)), word_at(after(2)));
    let tag = |j: Option<usize>| j.and_then(|j| view.tag(j)).map_or("<s>", Pos::as_str);
    let (t0, tp, tn) = (tag(Some(i)), tag(before(1)), tag(after(1)));
    let lemma = view.cue(i).map_or("according", |c| c.lemma);
    let r = Reject::as_str(outcome);
    let quotes = quote_shape(view, i);
    let that = (i + 1..i + 1 + WINDOW)
        .take_while(|&j| view.sent(j) == view.sent(i))
        .find(|&j| view.is(j, "that"))
        .map_or("-", |j| if j == i + 1 { "1" } else { "n" });
    let label = before(1)
        .and_then(|j| view.label_at(j))
        .map_or("-", label_str);
    let shape = match (view.is_capitalized(i), i == view.clause_start(i)) {
        (true, true) => "Cap0",
        (true, false) => "Cap",
        (false, _) => "low",
    };
    // The word before, as a subject would be: a name, a pronoun, a noun, or none.
    let subject = match (before(1).and_then(|j| view.tag(j)), label) {
        (_, "PERSON" | "ORG" | "NORP" | "GPE") => "name",
        (Some(Pos::PRP), _) => "pronoun",
        (Some(p), _) if p.is_noun() => "noun",
        (Some(Pos::RB | Pos::MD), _) => "adverb",
        _ => "other",
    };
    let atoms = [
        r, lemma, w, p1, p2, n1, n2, t0, tp, tn, quotes, that, label, shape, subject,
    ];
    // One loop over a table rather than a call per feature: the classifier runs between the
    // rules' steps, which evict its code from the cache, and the loop is a fraction of its size.
    for &(template, parts) in FEATURES {
        let mut buf = [""; 3];
        for (b, &a) in buf.iter_mut().zip(parts) {
            *b = atoms[a as usize];
        }
        out.push(hash(template, &buf[..parts.len()]));
    }
}

/// What a feature is made of, in the order of `features`' `atoms`.
#[derive(Clone, Copy)]
enum Atom {
    /// The rules' outcome.
    R,
    Lemma,
    Word,
    /// The words one and two before, one and two after.
    P1,
    P2,
    N1,
    N2,
    /// The tags of the word, the one before, the one after.
    T0,
    Tp,
    Tn,
    Quotes,
    That,
    Label,
    Shape,
    Subject,
}

/// Every feature: its template and its atoms, in the order the classifier was trained with.
const FEATURES: &[(u8, &[Atom])] = {
    use Atom::*;
    &[
        (t::BIAS, &[]),
        (t::OUTCOME, &[R]),
        (t::LEMMA, &[Lemma]),
        (t::LEMMA_OUTCOME, &[Lemma, R]),
        (t::WORD, &[Word]),
        (t::WORD_OUTCOME, &[Word, R]),
        (t::PREV, &[P1]),
        (t::PREV2, &[P2, P1]),
        (t::NEXT, &[N1]),
        (t::NEXT2, &[N1, N2]),
        (t::LEMMA_NEXT, &[Lemma, N1]),
        (t::LEMMA_PREV, &[Lemma, P1]),
        (t::TAG, &[T0]),
        (t::TAGS, &[Tp, T0, Tn]),
        (t::TAG_OUTCOME, &[T0, R]),
        (t::LEMMA_TAG, &[Lemma, T0]),
        (t::PREV_TAG, &[Tp]),
        (t::NEXT_TAG, &[Tn]),
        (t::QUOTES, &[Quotes]),
        (t::LEMMA_QUOTES, &[Lemma, Quotes]),
        (t::THAT, &[That, R]),
        (t::PREV_LABEL, &[Label]),
        (t::SHAPE, &[Shape]),
        (t::SUBJECT, &[Subject, R]),
    ]
};

/// Where the quotations of the sentence lie around `i`: one closing just before it (`,” he
/// said`), one opening just after it (`said: “`), elsewhere before or after, or none.
fn quote_shape(view: &View<'_>, i: usize) -> &'static str {
    let lo = i.saturating_sub(WINDOW);
    let near_before = (lo..i).rev().take(3).any(|j| view.quote_at(j).is_some());
    let near_after = (i + 1..i + 4).any(|j| view.quote_at(j).is_some());
    let s = view.sent(i);
    let far_before = (lo..i).any(|j| view.quote_at(j).is_some() && view.sent(j) == s);
    let far_after =
        (i + 1..i + 1 + WINDOW).any(|j| view.quote_at(j).is_some() && view.sent(j) == s);
    match (near_before, near_after, far_before, far_after) {
        (true, true, _, _) => "both",
        (true, false, _, _) => "close",
        (false, true, _, _) => "open",
        (false, false, true, true) => "around",
        (false, false, true, false) => "before",
        (false, false, false, true) => "after",
        _ => "none",
    }
}

fn label_str(l: Label) -> &'static str {
    match l {
        Label::Person => "PERSON",
        Label::Org => "ORG",
        Label::Norp => "NORP",
        Label::Gpe => "GPE",
        Label::Date | Label::Time => "DATE",
        _ => "OTHER",
    }
}
