//! Where reported content after a cue ends: a ranker trained on PolNeAR train picks one end
//! among the candidate end points of the clause (`X criticized the act as a “crazy system” |
//! during a stop in Flint`, `X acknowledged the reality of climate change | , which makes him
//! ...`), given the rules' own end as one of its features.
//!
//! A candidate end `k` closes the content `from..k`: the clause end, or any token after a word,
//! a quotation mark or a parenthesis, never inside a quotation or a name. The ranker is an
//! averaged perceptron over hashed features of the words and tags around `k`, the content's
//! length and verbs, the cue's lemma and class; its weights are `model/boundary.bin`
//! (`cargo xtask train-claims`), `i16` little-endian, one per hashed feature. Scoring is
//! linear in the candidates, which the clause end and [`MAX_CONTENT`] bound.
//!
//! The pick is cut before another speaker's attribution inside the content
//! (`stops::second_attribution`), a constraint rather than a feature: the rules' ends the ranker
//! is trained on stay the rules' own, and so do the cue classifier's.
//!
//! With `View::record` set (training), the rules' end is kept and every decision is recorded
//! with its candidates' features instead.

use newsclaims_entities::Label;
use newsclaims_syntax::Pos;
use newsclaims_text::Span;

use crate::lexicon::CueClass;
use crate::view::View;

/// The trained weights: `2^FEATURE_BITS` little-endian `i16`.
const MODEL: &[u8] = include_bytes!("../../model/boundary.bin");

/// Bits of a hashed feature: 65,536 weights (128 KB) keep collisions rare among the ~40,000
/// features PolNeAR train yields.
pub(crate) const FEATURE_BITS: u32 = 16;

/// How much better than the rules' end another end must score to replace it, in the weights'
/// units (the largest weight is 32,767); chosen on PolNeAR dev (`cargo xtask train-claims`
/// prints the decisions the pick matches for several margins: 612 of 688 at 5,000, 619 at
/// 10,000, 614 at 20,000, 614 at 40,000; `cargo xtask eval claims` content F1 0.8420 at 10,000,
/// 0.8395 at 20,000). Re-measured after the rules moved (83dba3f), exact ends: dev 541 / 548 /
/// 552 / 548 / 541 of 690 at 0 / 5,000 / 10,000 / 20,000 / 40,000, five-fold cross-validation on
/// train 4,078 / 4,077 / 4,071 / 4,050 / 4,013, the same for every content shape: the margin
/// stays. The rules know conventions PolNeAR lacks.
pub(crate) const MARGIN: i32 = 10_000;

/// Tokens past the content start where an end is looked for; PolNeAR's longest contents after
/// a cue stay below it, and it bounds the work per cue.
const MAX_CONTENT: usize = 90;

/// A content-boundary decision: the cue, where its content starts, where the rules end it and
/// where the clause ends.
#[derive(Clone, Copy)]
pub(crate) struct Decision {
    pub(crate) cue: usize,
    pub(crate) lemma: &'static str,
    pub(crate) class: CueClass,
    pub(crate) from: usize,
    pub(crate) rule_end: usize,
    pub(crate) limit: usize,
    /// The first and last finite verbs (`VBD VBZ VBP MD`) of `from..limit`, set by [`decide`].
    first_finite: usize,
    last_finite: Option<usize>,
    /// Words of `from..limit` within [`MAX_CONTENT`], set by [`decide`].
    total_words: usize,
    /// What the content opens with, set by [`decide`]: see [`shape`].
    shape: &'static str,
}

impl Decision {
    pub(crate) fn new(
        cue: usize,
        lemma: &'static str,
        class: CueClass,
        from: usize,
        rule_end: usize,
        limit: usize,
    ) -> Decision {
        Decision {
            cue,
            lemma,
            class,
            from,
            rule_end,
            limit,
            first_finite: usize::MAX,
            last_finite: None,
            total_words: 0,
            shape: "",
        }
    }
}

/// One recorded decision, for training: the cue, the content's first token, and per candidate
/// the byte where its last word ends with its features.
#[derive(Clone, Debug)]
// Only the trainer reads where a case is (`training::boundary_cases`).
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) struct Case {
    pub(crate) cue: Span,
    pub(crate) from: Span,
    pub(crate) candidates: Vec<(usize, Vec<u32>)>,
    /// Index of the rules' own end among `candidates`.
    pub(crate) rule: usize,
    /// What the content opens with: see [`shape`].
    pub(crate) shape: &'static str,
}

/// The content's end for `d`: the best-scoring candidate (the rules' end on a tie).
pub(crate) fn decide(view: &View<'_>, d: &Decision) -> usize {
    // While cue decisions are recorded, the rules' end stands (see `cue_model`).
    if view.cue_record.is_some() {
        return d.rule_end;
    }
    if let Some(log) = &view.record {
        let d = &with_finite(view, d);
        let mut case = Case {
            cue: view.span(d.cue),
            from: view.span(d.from),
            candidates: Vec::new(),
            rule: 0,
            shape: d.shape,
        };
        let mut feats = Vec::with_capacity(32);
        let pre = Prefixes::new(view, d);
        for (k, words) in candidates(view, d) {
            if k == d.rule_end {
                case.rule = case.candidates.len();
            }
            feats.clear();
            features(view, d, &pre, k, words, &mut feats);
            let last = (d.from..k).rev().find(|&j| view.is_wordlike(j));
            let end = last.map_or(0, |j| view.span(j).end());
            case.candidates.push((end, feats.clone()));
        }
        log.borrow_mut().push(case);
        return d.rule_end;
    }
    let end = rank(view, d);
    // Whatever the ranker picks, the content stops before another speaker's attribution with
    // content of its own.
    super::stops::second_attribution(view, d.from, end).unwrap_or(end)
}

/// The ranker's pick among the candidate ends of `d`.
fn rank(view: &View<'_>, d: &Decision) -> usize {
    let all = candidates(view, d);
    let Some(&rule) = all.iter().find(|c| c.0 == d.rule_end) else {
        return d.rule_end;
    };
    if all.len() == 1 {
        // No other end to weigh: the rules' end stands, whatever its score.
        return d.rule_end;
    }
    let d = &with_finite(view, d);
    let mut feats = Vec::with_capacity(32);
    let pre = Prefixes::new(view, d);
    let mut score = |(k, words): (usize, usize)| {
        feats.clear();
        features(view, d, &pre, k, words, &mut feats);
        feats.iter().map(|&f| weight(f)).sum::<i32>()
    };
    let mut best = (score(rule) + MARGIN, d.rule_end);
    for &c in all.iter().filter(|c| c.0 != d.rule_end) {
        let s = score(c);
        if s > best.0 {
            best = (s, c.0);
        }
    }
    best.1
}

/// `d` with the first and last finite verbs of its content set.
fn with_finite(view: &View<'_>, d: &Decision) -> Decision {
    let finite = |j: &usize| view.is_finite(*j);
    let scan = d.from..d.limit.min(d.from + MAX_CONTENT);
    Decision {
        first_finite: scan.clone().find(finite).unwrap_or(usize::MAX),
        last_finite: scan.clone().rev().find(finite),
        total_words: view.count_words(scan),
        shape: shape(view, d.from, d.limit),
        ..*d
    }
}

/// Finite verbs within this many tokens of the content's start make it a reported clause
/// (`X said | the talks failed`) rather than a noun phrase (`X attacked | Machado`), whose
/// trailing phrases mostly belong to the cue's own clause (`in early-morning tweets`).
const CLAUSE_VERB_WITHIN: usize = 6;

/// What the content opens with: an infinitive (`to`), a participle (`ing`), a clause (a finite
/// verb within [`CLAUSE_VERB_WITHIN`] tokens and no comma before it) or a noun phrase.
fn shape(view: &View<'_>, from: usize, limit: usize) -> &'static str {
    if view.is(from, "to") {
        return "to";
    }
    if view.tag(from) == Some(Pos::VBG) {
        return "ing";
    }
    let clause = (from..limit.min(from + CLAUSE_VERB_WITHIN))
        .take_while(|&j| !view.is_punct(j, ","))
        .any(|j| view.is_finite(j));
    if clause { "clause" } else { "np" }
}

fn weight(f: u32) -> i32 {
    let k = f as usize * 2;
    match MODEL.get(k..k + 2) {
        Some(b) => i32::from(i16::from_le_bytes([b[0], b[1]])),
        None => 0,
    }
}

/// The candidate ends of `d`, ascending, each with the number of words before it; the rules'
/// end is always one.
fn candidates(view: &View<'_>, d: &Decision) -> Vec<(usize, usize)> {
    // Past the rules' end only up to the next cue word: the rules stop before a cue that has
    // a claim of its own (`, adding that ...`, `, X said`), which the content must not swallow.
    let next_cue = (d.rule_end..d.limit.min(d.from + MAX_CONTENT))
        .find(|&k| view.is_wordlike(k) && (view.cue(k).is_some() || view.is(k, "according")))
        .unwrap_or(d.limit);
    let top = d
        .limit
        .min(d.from + MAX_CONTENT)
        .min(next_cue)
        .max(d.rule_end);
    let mut out = Vec::new();
    let mut words = usize::from(view.is_wordlike(d.from));
    for k in d.from + 1..=top {
        let ok = k == d.rule_end
            || k == top
            || (view.is_wordlike(k - 1) || view.is_quote_mark(k - 1) || view.is_punct(k - 1, ")"))
                && opens_phrase(view, k)
                && inside_nothing(view, k);
        if ok {
            out.push((k, words));
        }
        words += usize::from(view.is_wordlike(k));
    }
    out
}

/// Whether token `k` can follow the end of content: punctuation, or a word that opens a
/// phrase of its own (a preposition, a conjunction, a wh-word, an adverb, a participle, a date
/// or time without its preposition: `X announced his candidacy | last spring`, `X praised the
/// offer | Tuesday`). Content ends before one of these nearly always, and the fewer candidates
/// keep the ranker cheap. The dates: PolNeAR train content true positives 9,833 -> 9,842, exact
/// 7,239 -> 7,246 (in-sample for the ranker), dev exact 867 -> 868, content 1,163 unchanged.
fn opens_phrase(view: &View<'_>, k: usize) -> bool {
    !view.is_wordlike(k)
        || matches!(
            view.tag(k),
            Some(
                Pos::IN
                    | Pos::CC
                    | Pos::TO
                    | Pos::WDT
                    | Pos::WP
                    | Pos::WRB
                    | Pos::RB
                    | Pos::VBG
                    | Pos::VBN
            )
        )
        || matches!(view.label_at(k), Some(Label::Date | Label::Time))
}

/// Whether an end before token `k` cuts no quotation, no name and no verb from its `that`
/// clause (`Stoltenberg emphasized | that ...` would leave the inner claim without content).
fn inside_nothing(view: &View<'_>, k: usize) -> bool {
    let same_quote = view.quote_at(k).is_some() && view.quote_at(k) == view.quote_at(k - 1);
    let same_name = view.mention_at(k).is_some()
        && view.mention_at(k).map(|m| m.0) == view.mention_at(k - 1).map(|m| m.0);
    let verb_that = view.is(k, "that") && view.is_verb(k - 1);
    // `the Summit of Communities and Regions, a gathering of ...`: an appositive stays with
    // the name it describes, as the project's gold has it.
    let appositive = view.is_punct(k, ",")
        && view.mention_at(k - 1).is_some()
        && view.is_any(k + 1, &["a", "an", "the"]);
    !same_quote && !same_name && !verb_that && !appositive
}

/// Feature templates, the first byte of each hashed feature.
mod t {
    pub(super) const BIAS: u8 = 0;
    pub(super) const CLAUSE_END: u8 = 1;
    pub(super) const RULE_END: u8 = 2;
    pub(super) const NEXT_WORD: u8 = 3;
    pub(super) const NEXT_POS: u8 = 4;
    pub(super) const LAST_WORD: u8 = 5;
    pub(super) const LAST_POS: u8 = 6;
    pub(super) const POS_PAIR: u8 = 7;
    pub(super) const NEXT_WORD_POS2: u8 = 8;
    pub(super) const LENGTH: u8 = 9;
    pub(super) const LENGTH_POS: u8 = 10;
    pub(super) const CLASS_POS: u8 = 11;
    pub(super) const LEMMA_POS: u8 = 12;
    pub(super) const VERBS_POS: u8 = 13;
    pub(super) const SIDE_OF_RULE: u8 = 14;
    pub(super) const NEXT2_WORD: u8 = 15;
    pub(super) const QUOTE_POS: u8 = 16;
    pub(super) const CLASS_WORD: u8 = 17;
    pub(super) const VERBS_WORD: u8 = 18;
    pub(super) const CLASS_VERBS_POS: u8 = 19;
    pub(super) const REST_POS: u8 = 20;
    pub(super) const CLAUSE_NEXT: u8 = 21;
    pub(super) const LEMMA_WORD: u8 = 22;
    pub(super) const SHAPE_POS: u8 = 23;
    pub(super) const SHAPE_WORD: u8 = 24;
    pub(super) const SHAPE_VERBS_POS: u8 = 25;
}

/// The hash states of the features that open with what a decision holds for all its candidate
/// ends (the cue's class and lemma, whether the content starts in a quotation): hashed once per
/// decision rather than once per candidate.
struct Prefixes {
    class: &'static str,
    class_pos: Fnv,
    class_word: Fnv,
    class_verbs_pos: Fnv,
    lemma_pos: Fnv,
    lemma_word: Fnv,
    quote_pos: Fnv,
}

impl Prefixes {
    fn new(view: &View<'_>, d: &Decision) -> Prefixes {
        let class = match d.class {
            CueClass::Say => "say",
            CueClass::Tell => "tell",
            CueClass::Object => "object",
            CueClass::Particle => "particle",
        };
        let quoted = if view.quote_at(d.from).is_some() {
            "q"
        } else {
            "-"
        };
        Prefixes {
            class,
            class_pos: Fnv::new(t::CLASS_POS).part(class),
            class_word: Fnv::new(t::CLASS_WORD).part(class),
            class_verbs_pos: Fnv::new(t::CLASS_VERBS_POS).part(class),
            lemma_pos: Fnv::new(t::LEMMA_POS).part(d.lemma),
            lemma_word: Fnv::new(t::LEMMA_WORD).part(d.lemma),
            quote_pos: Fnv::new(t::QUOTE_POS).part(quoted),
        }
    }
}

/// The hashed features of ending `d`'s content before token `k`; `pre` is [`Prefixes::new`]
/// of `d`.
fn features(
    view: &View<'_>,
    d: &Decision,
    pre: &Prefixes,
    k: usize,
    words: usize,
    out: &mut Vec<u32>,
) {
    let end = k >= d.limit;
    let word = |j: usize| if j < d.limit { view.word(j) } else { "</s>" };
    let tag = |j: usize| view.tag(j).map_or("", Pos::as_str);
    let pos = |j: usize| if j < d.limit { tag(j) } else { "</s>" };
    let (nw, np, lw, lp) = (word(k), pos(k), view.word(k - 1), tag(k - 1));
    let length = match words {
        0..=2 => "1",
        3..=4 => "3",
        5..=7 => "5",
        8..=12 => "8",
        13..=20 => "13",
        _ => "21",
    };
    let verbs = match (
        d.first_finite < k,
        !end && d.last_finite.is_some_and(|j| j >= k),
    ) {
        (false, false) => "--",
        (true, false) => "v-",
        (false, true) => "-v",
        (true, true) => "vv",
    };
    let side = match k.cmp(&d.rule_end) {
        std::cmp::Ordering::Less => "<",
        std::cmp::Ordering::Equal => "=",
        std::cmp::Ordering::Greater => ">",
    };
    let class = pre.class;
    let rest = match d.total_words.saturating_sub(words) {
        0 => "0",
        1..=2 => "1",
        3..=5 => "3",
        6..=10 => "6",
        _ => "11",
    };
    out.push(Fnv::new(t::BIAS).finish());
    if end {
        out.push(Fnv::new(t::CLAUSE_END).finish());
    }
    if k == d.rule_end {
        out.push(Fnv::new(t::RULE_END).finish());
    }
    out.push(hash(t::NEXT_WORD, &[nw]));
    out.push(hash(t::NEXT_POS, &[np]));
    out.push(hash(t::LAST_WORD, &[lw]));
    out.push(hash(t::LAST_POS, &[lp]));
    out.push(hash(t::POS_PAIR, &[lp, np]));
    out.push(hash(t::NEXT_WORD_POS2, &[nw, pos(k + 1)]));
    out.push(hash(t::NEXT2_WORD, &[nw, word(k + 1)]));
    out.push(hash(t::LENGTH, &[length]));
    out.push(hash(t::LENGTH_POS, &[length, np]));
    out.push(pre.class_pos.part(np).finish());
    out.push(pre.class_word.part(nw).finish());
    out.push(pre.lemma_pos.part(np).finish());
    out.push(hash(t::VERBS_POS, &[verbs, np]));
    out.push(hash(t::SIDE_OF_RULE, &[side, np]));
    out.push(pre.quote_pos.part(np).finish());
    out.push(hash(t::VERBS_WORD, &[verbs, nw]));
    out.push(pre.class_verbs_pos.part(verbs).part(np).finish());
    out.push(hash(t::REST_POS, &[rest, np]));
    out.push(hash(
        t::CLAUSE_NEXT,
        &[clause_next(view, k, d.limit), class],
    ));
    out.push(pre.lemma_word.part(nw).finish());
    out.push(hash(t::SHAPE_POS, &[d.shape, np]));
    out.push(hash(t::SHAPE_WORD, &[d.shape, nw]));
    out.push(hash(t::SHAPE_VERBS_POS, &[d.shape, verbs, np]));
}

/// What follows an end before `k`: a clause of its own (a subject and a finite verb within a
/// few words, after a comma or conjunction: `, he is ready`, `and attempted`), or not.
fn clause_next(view: &View<'_>, k: usize, limit: usize) -> &'static str {
    let mut j = k;
    let mut joined = "";
    while j < limit && (view.is_punct(j, ",") || view.is_any(j, &["and", "but"])) {
        joined = if view.is_punct(j, ",") { "," } else { "cc" };
        j += 1;
    }
    if j >= limit {
        return "end";
    }
    // After a comma or conjunction a past participle opens a coordinated verb phrase too
    // (`..., but refrained from ...`).
    if view.is_finite(j) || (!joined.is_empty() && view.tag(j) == Some(Pos::VBN)) {
        return match joined {
            "" => "verb",
            "," => ",verb",
            _ => "ccverb",
        };
    }
    let subject = matches!(
        view.tag(j),
        Some(Pos::PRP | Pos::NNP | Pos::NNPS | Pos::DT | Pos::NN | Pos::NNS)
    );
    let clause = subject
        && (j + 1..limit.min(j + 5))
            .take_while(|&m| view.is_wordlike(m))
            .any(|m| view.is_finite(m));
    match (clause, joined) {
        (false, _) => "-",
        (true, "") => "clause",
        (true, ",") => ",clause",
        (true, _) => "ccclause",
    }
}

/// The feature hash at this model's [`FEATURE_BITS`]; the cue classifier and the acceptance
/// model share it.
#[inline]
pub(super) fn hash(template: u8, parts: &[&str]) -> u32 {
    super::fnv::hash::<FEATURE_BITS>(template, parts)
}

type Fnv = super::fnv::Fnv<FEATURE_BITS>;
