//! Where reported content after a cue starts: a ranker trained on PolNeAR train picks one start
//! among the words between the cue and a few tokens past the rules' start (`told reporters |
//! the plan failed`, `said in a statement | that ...`, `said | however, ...`), given the rules'
//! own start as one of its features.
//!
//! A candidate is a word, or the opening mark of a quotation, from the token after the cue word
//! (its particle included: `respond | to requests for comment`, as PolNeAR has it for some
//! lemmas) to [`LATER`] tokens past the rules' start, in the cue's sentence; never `that` (the
//! content leaves a leading `that` out, as the project's gold does), never a word inside a name
//! or after a determiner or adjective, and never a word inside a quotation but its first. The
//! ranker is an averaged perceptron over hashed features of the words and tags around the
//! candidate, what lies between the cue and it and between the rules' start and it, the cue's
//! lemma and class; its weights are `model/start.bin` (`cargo xtask
//! train-claims`), `i16` little-endian, one per hashed feature. Another start replaces the
//! rules' only when it scores [`MARGIN`] better.
//!
//! The start is decided before the end (the end ranker reads where the content starts). With
//! `View::start_record` set (training), the rules' start is kept and every decision is recorded
//! with its candidates' features; while cue decisions are recorded (`View::cue_record`) the
//! rules' start stands too, so that neither model trains on the other's output.

use newsclaims_syntax::Pos;
use newsclaims_text::Span;

use crate::lexicon::CueClass;
use crate::view::View;

/// The trained weights: `2^FEATURE_BITS` little-endian `i16`.
const MODEL: &[u8] = include_bytes!("../../model/start.bin");

/// Bits of a hashed feature: 32,768 weights (64 KB).
pub(crate) const FEATURE_BITS: u32 = 15;

/// How much better than the rules' start another start must score to replace it, in the
/// weights' units (the largest weight is 32,767); chosen on PolNeAR dev (`cargo xtask
/// train-claims` prints the starts the pick gets right for several margins).
pub(crate) const MARGIN: i32 = 10_000;

/// Tokens past the rules' start where a start is looked for.
const LATER: usize = 3;

/// Tokens between the cue and a candidate start that the features spell out one by one.
const SPELLED: usize = 4;

/// A content-start decision: the cue word, the rules' start and the clause end.
#[derive(Clone, Copy)]
pub(crate) struct Decision {
    pub(crate) cue: usize,
    pub(crate) lemma: &'static str,
    pub(crate) class: CueClass,
    pub(crate) rule: usize,
    pub(crate) limit: usize,
}

/// One recorded decision, for training: the cue, and per candidate the byte where its token
/// starts with its features.
#[derive(Clone, Debug)]
// Only the trainer reads a case (`training::start_cases`).
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) struct Case {
    pub(crate) cue: Span,
    pub(crate) candidates: Vec<(usize, Vec<u32>)>,
    /// Index of the rules' own start among `candidates`.
    pub(crate) rule: usize,
}

/// The content's start for `d`: the best-scoring candidate (the rules' start unless another
/// beats it by [`MARGIN`]).
pub(crate) fn decide(view: &View<'_>, d: &Decision) -> usize {
    // While the cue classifier's, the end ranker's or the acceptance model's decisions are
    // recorded, the rules' start stands: none trains on this model's output (the end ranker
    // retrained on the ranker's starts lost 2 PolNeAR dev true contents through retraining
    // noise alone; the acceptance model, see `training::accept_cases`).
    // A demonstrative `that` the rules kept opens its noun phrase (`rejected that argument`):
    // the trainer, which drops a gold content's leading `that` as the complementizer, cannot
    // teach the ranker otherwise.
    if view.rule_starts
        || view.cue_record.is_some()
        || view.record.is_some() && view.start_record.is_none()
        || view.is(d.rule, "that")
    {
        return d.rule;
    }
    let mut feats = Vec::with_capacity(24);
    if let Some(log) = &view.start_record {
        let mut case = Case {
            cue: view.span(d.cue),
            candidates: Vec::new(),
            rule: 0,
        };
        let pre = Prefixes::new(d);
        for_candidates(view, d, |k| {
            if k == d.rule {
                case.rule = case.candidates.len();
            }
            feats.clear();
            features(view, d, &pre, k, &mut feats);
            case.candidates.push((view.span(k).start(), feats.clone()));
        });
        log.borrow_mut().push(case);
        return d.rule;
    }
    let pre = Prefixes::new(d);
    feats.clear();
    features(view, d, &pre, d.rule, &mut feats);
    let mut best = (score(&feats) + MARGIN, d.rule);
    for_candidates(view, d, |k| {
        if k == d.rule {
            return;
        }
        feats.clear();
        features(view, d, &pre, k, &mut feats);
        let s = score(&feats);
        if s > best.0 {
            best = (s, k);
        }
    });
    best.1
}

fn score(feats: &[u32]) -> i32 {
    feats.iter().map(|&f| weight(f)).sum()
}

fn weight(f: u32) -> i32 {
    let k = f as usize * 2;
    match MODEL.get(k..k + 2) {
        Some(b) => i32::from(i16::from_le_bytes([b[0], b[1]])),
        None => 0,
    }
}

/// Calls `each` with every candidate start of `d`, ascending; the rules' start is always one.
fn for_candidates(view: &View<'_>, d: &Decision, mut each: impl FnMut(usize)) {
    let top = d.limit.min(d.rule + LATER + 1).max(d.rule + 1);
    // Never in the next sentence (`said in Rochester, N.H. “He’s ...`): that is another claim's.
    let sentence = view.sent(d.cue);
    for k in (d.cue + 1).min(d.rule)..top {
        if k == d.rule
            || can_open(view, k)
                && view.sent(k) == sentence
                && (k < d.rule || after_skippable(view, k))
        {
            each(k);
        }
    }
}

/// Whether a start past the rules' follows a word the content may leave to the cue: a
/// preposition (`expressed concern about | the policy`), `to`, an adverb (`however, |`), a
/// conjunction or a particle, or punctuation; past a noun or a verb it would cut a phrase, and
/// the fewer candidates keep the ranker cheap.
fn after_skippable(view: &View<'_>, k: usize) -> bool {
    !view.is_wordlike(k - 1)
        || matches!(
            view.tag(k - 1),
            Some(Pos::IN | Pos::TO | Pos::RB | Pos::CC | Pos::RP)
        )
}

/// Whether content can start at token `k`: a word (not `that`) outside a quotation or
/// opening one, or a quotation's opening mark.
fn can_open(view: &View<'_>, k: usize) -> bool {
    let inside_name = view.mention_at(k).is_some()
        && view.mention_at(k).map(|m| m.0) == view.mention_at(k - 1).map(|m| m.0);
    // Nor after a determiner, a possessive or an adjective, inside a noun phrase (`deep |
    // concern`): the fewer candidates keep the ranker cheap.
    let inside_np = matches!(
        view.tag(k - 1),
        Some(Pos::DT | Pos::PRPS | Pos::POS | Pos::JJ)
    );
    match view.quote_at(k) {
        Some(q) => view.quotes[q].tokens.start == k,
        None => view.is_wordlike(k) && !view.is(k, "that") && !inside_name && !inside_np,
    }
}

/// Feature templates, the first byte of each hashed feature.
mod t {
    pub(super) const BIAS: u8 = 0;
    pub(super) const RULE: u8 = 1;
    pub(super) const OFFSET: u8 = 2;
    pub(super) const WORD: u8 = 3;
    pub(super) const POS: u8 = 4;
    pub(super) const PREV_WORD: u8 = 5;
    pub(super) const PREV_POS: u8 = 6;
    pub(super) const POS_PAIR: u8 = 7;
    pub(super) const POS_NEXT: u8 = 8;
    pub(super) const BETWEEN: u8 = 9;
    pub(super) const CLASS_BETWEEN: u8 = 10;
    pub(super) const LEMMA_POS: u8 = 11;
    pub(super) const CLASS_POS: u8 = 12;
    pub(super) const SKIPPED: u8 = 13;
    pub(super) const SKIPPED_POS: u8 = 14;
    pub(super) const CLAUSE: u8 = 15;
    pub(super) const LEMMA_PREV: u8 = 16;
    pub(super) const RULE_POS: u8 = 17;
}

/// Finite verbs within this many tokens of a start make the content a clause.
const CLAUSE_VERB_WITHIN: usize = 6;

/// The hash states of the features that open with the cue's lemma or class, the same for all
/// of a decision's candidates: hashed once per decision.
struct Prefixes {
    class: &'static str,
    lemma_pos: Fnv,
    lemma_prev: Fnv,
    class_pos: Fnv,
}

impl Prefixes {
    fn new(d: &Decision) -> Prefixes {
        let class = match d.class {
            CueClass::Say => "say",
            CueClass::Tell => "tell",
            CueClass::Object => "object",
            CueClass::Particle => "particle",
        };
        Prefixes {
            class,
            lemma_pos: Fnv::new(t::LEMMA_POS).part(d.lemma),
            lemma_prev: Fnv::new(t::LEMMA_PREV).part(d.lemma),
            class_pos: Fnv::new(t::CLASS_POS).part(class),
        }
    }
}

/// The hashed features of starting `d`'s content at token `k`; `pre` is [`Prefixes::new`] of
/// `d`.
fn features(view: &View<'_>, d: &Decision, pre: &Prefixes, k: usize, out: &mut Vec<u32>) {
    let tag = |j: usize| view.tag(j).map_or("", Pos::as_str);
    let cell = |j: usize| -> &str {
        if view
            .quote_at(j)
            .is_some_and(|q| view.quotes[q].tokens.start == j)
        {
            "Q"
        } else if view.is_wordlike(j) {
            if view.is(j, "that") { "that" } else { tag(j) }
        } else {
            view.word(j)
        }
    };
    let class = pre.class;
    let (w, p) = (view.word(k), cell(k));
    let (pw, pp) = if k > d.cue + 1 {
        (view.word(k - 1), cell(k - 1))
    } else {
        ("<cue>", "<cue>")
    };
    let offset = match k as isize - d.rule as isize {
        ..=-5 => "-5",
        -4 => "-4",
        -3 => "-3",
        -2 => "-2",
        -1 => "-1",
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4 => "4",
        _ => "5",
    };
    // What lies between the cue and `k`, spelled out when short.
    let mut between = Fnv::new(t::BETWEEN);
    let gap = k.saturating_sub(d.cue + 1);
    if gap <= SPELLED {
        for j in d.cue + 1..k {
            between = between.part(cell(j));
        }
    } else {
        between = between.part("long");
        for j in k - 2..k {
            between = between.part(cell(j));
        }
    }
    // What the start skips past the rules' start, or takes in before it.
    let (lo, hi) = if k < d.rule { (k, d.rule) } else { (d.rule, k) };
    let mut skipped = Fnv::new(t::SKIPPED).part(offset);
    for j in lo..hi.min(lo + SPELLED) {
        skipped = skipped.part(cell(j));
    }
    let clause = (k..d.limit.min(k + CLAUSE_VERB_WITHIN))
        .take_while(|&j| !view.is_punct(j, ","))
        .any(|j| view.is_finite(j));
    let clause = if clause { "clause" } else { "-" };
    out.push(Fnv::new(t::BIAS).finish());
    if k == d.rule {
        out.push(Fnv::new(t::RULE).finish());
    }
    out.push(hash(t::OFFSET, &[offset]));
    out.push(hash(t::WORD, &[w]));
    out.push(hash(t::POS, &[p]));
    out.push(hash(t::PREV_WORD, &[pw]));
    out.push(hash(t::PREV_POS, &[pp]));
    out.push(hash(t::POS_PAIR, &[pp, p]));
    out.push(hash(t::POS_NEXT, &[p, cell(k + 1)]));
    out.push(between.finish());
    out.push(between.part(class).finish_as(t::CLASS_BETWEEN));
    out.push(pre.lemma_pos.part(p).finish());
    out.push(pre.lemma_prev.part(pw).finish());
    out.push(pre.class_pos.part(p).finish());
    out.push(skipped.finish());
    out.push(skipped.part(p).finish_as(t::SKIPPED_POS));
    out.push(hash(t::CLAUSE, &[clause, p, offset]));
    out.push(hash(t::RULE_POS, &[cell(d.rule), offset]));
}

/// The feature hash at this model's [`FEATURE_BITS`].
fn hash(template: u8, parts: &[&str]) -> u32 {
    super::fnv::hash::<FEATURE_BITS>(template, parts)
}

type Fnv = super::fnv::Fnv<FEATURE_BITS>;
