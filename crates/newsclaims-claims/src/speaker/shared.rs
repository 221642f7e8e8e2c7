//! The subject a participle or coordinated cue shares with its clause (`X returned the
//! compliment, telling Reuters ...`, `I laughed and said ...`): the subject of the nearest finite
//! verb before it, or of the earlier cue whose content holds that verb (`X said the plan is
//! sound, adding ...`); a phrase right before the participle in an absolute construction
//! (`with some polls indicating ...`, `..., each touting ...`) is its own subject.

use newsclaims_syntax::Pos;

use super::{Head, Np, np_ending_at, subject_left};
use crate::attribution::Found;
use crate::lexicon;
use crate::view::View;

/// How many tokens back the finite verb of a participle's clause is looked for: news sentences
/// rarely put more between a verb and a participle phrase that hangs off it.
const MAX_VERB_DISTANCE: usize = 48;

/// Quantifiers that stand as the subject of an absolute participle (`..., each touting ...`).
const QUANTIFIERS: &[&str] = &["each", "both", "all"];

/// The subject of the participle or coordinated cue at token `cue` in the clause from `start`,
/// given the claims `found` so far.
pub(crate) fn shared_subject(
    view: &View<'_>,
    cue: usize,
    start: usize,
    found: &[Found],
) -> Option<Np> {
    if let Some(np) = absolute_subject(view, cue, start) {
        return Some(np);
    }
    if let Some(np) = aside_subject(view, cue, start) {
        return Some(np);
    }
    if let Some(np) = verbs_subject(view, cue, start, found) {
        return Some(np);
    }
    let latest = found
        .iter()
        .rev()
        .take_while(|f| f.anchor >= start)
        .find(|f| f.anchor < cue);
    match latest {
        Some(f) => claim_subject(view, f),
        None => first_phrase(view, cue, start)
            // `When terrorists are revealed ...`: a subordinate clause's phrase is no subject.
            .filter(|np| !view.is_any(np.first, TEMPORAL) && !view.is_any(np.first, SUBORDINATORS))
            .or_else(|| first_finite_subject(view, cue, start)),
    }
}

/// The subject an aside between commas interrupts, for a participle after a subordinator in
/// it (`Ryan, despite admitting that ..., backed the bill`): the main clause's verb follows the
/// aside's closing comma.
fn aside_subject(view: &View<'_>, cue: usize, start: usize) -> Option<Np> {
    let sub = cue.checked_sub(1)?;
    if sub < start + 2
        || !view.is_punct(sub - 1, ",")
        || !lexicon::opens_participle_clause(view.word(sub))
    {
        return None;
    }
    let end = view.clause_end(cue);
    let close = (cue + 1..end).find(|&k| view.is_punct(k, ",") && view.quote_at(k).is_none())?;
    let verb = close + 1;
    if verb >= end || !(view.is_finite(verb) || view.is_aux_or_adverb(verb)) {
        return None;
    }
    subject_left(view, sub, start).or_else(|| np_ending_at(view, sub - 2, start))
}

/// The subject of the clause's first finite verb before `cue`, outside quotations, where the
/// walks above found none.
fn first_finite_subject(view: &View<'_>, cue: usize, start: usize) -> Option<Np> {
    let verb = (start + 1..cue)
        .find(|&k| view.quote_at(k).is_none() && !view.is_capitalized(k) && view.is_finite(k))?;
    subject_left(view, verb, start)
}

/// The subject of the clause that the phrase starting at token `at` hangs off: the subject of
/// the nearest finite verb before it (`Clinton offered her firmest promise`).
pub(crate) fn verb_subject(view: &View<'_>, at: usize, start: usize) -> Option<Np> {
    verbs_subject(view, at, start, &[])
}

/// The subject of the nearest finite verb before token `cue` (from `start`) that the cue can
/// hang off, or of the earlier claim in `found` whose cue is that verb or reports it.
fn verbs_subject(view: &View<'_>, cue: usize, start: usize, found: &[Found]) -> Option<Np> {
    let floor = start.max(cue.saturating_sub(MAX_VERB_DISTANCE));
    let mut k = cue;
    while let Some(v) = finite_verb_before(view, k, floor) {
        // A participle's claim between the verb and the cue: the cue goes on with it (`each
        // touting ... and saying`).
        if let Some(f) = found
            .iter()
            .rev()
            .take_while(|f| f.anchor > v)
            .find(|f| f.anchor < cue && view.word(f.anchor).ends_with("ing"))
        {
            return claim_subject(view, f);
        }
        // The outermost earlier claim whose cue is the verb or whose content holds it: the
        // participle goes on with its speaker (`“Q,” said X, adding ...`, `X said the plan is
        // sound, adding ...`).
        if let Some(f) = found
            .iter()
            .rev()
            .take_while(|f| f.anchor >= start)
            .filter(|f| f.anchor < cue && (f.anchor == v || f.tokens.contains(&v)))
            .min_by_key(|f| f.anchor)
        {
            // `an architect who said he was stiffed ..., saying “...”`: a participle after a
            // comma hangs off the clause around a restrictive relative, not off the relative.
            match restrictive_antecedent(view, f) {
                Some(antecedent) if participle_after_comma(view, cue) => {
                    k = antecedent;
                    continue;
                }
                _ => return claim_subject(view, f),
            }
        }
        k = v;
        // A coordinated verb shares its subject too (`X called ... and rushed and vowed`).
        if v > start && view.is_any(v - 1, &["and", "but", "or"]) {
            continue;
        }
        match subject_left(view, v, start) {
            Some(np) if !subordinate(view, &np, v, cue, start) => return Some(np),
            _ => {}
        }
    }
    None
}

/// Whether the cue at token `cue` is a participle after a comma (`..., saying`).
fn participle_after_comma(view: &View<'_>, cue: usize) -> bool {
    cue > 0 && view.is_punct(cue - 1, ",") && view.word(cue).ends_with("ing")
}

/// The first token of the antecedent when the claim `f` is spoken by a restrictive relative
/// clause (`an architect who said ...`, no comma before `who`).
fn restrictive_antecedent(view: &View<'_>, f: &Found) -> Option<usize> {
    let r = view.token_at_or_after(f.speaker?.span.start());
    let first = view.token_at_or_after(f.subject?.start());
    (first < r && view.is_any(r, &["who", "that"]) && !view.is_punct(r - 1, ",")).then_some(first)
}

/// Words that open a clause whose subject is not the sentence's (`after he clinched ...`,
/// `an admission that Russian soldiers had fought ...`).
const SUBORDINATORS: &[&str] = &[
    "that", "because", "since", "if", "although", "though", "than", "unless", "whether",
];

/// Words that open a clause of time: a phrase that starts with one is no subject (`When
/// terrorists are revealed ...`), though the clause's subject may speak (`when Trump spotted a
/// sign and asked ...`).
const TEMPORAL: &[&str] = &["when", "after", "before", "while", "as", "until", "once"];

/// Whether the subject `np` of the verb at `v` heads a clause that the participle at `cue`
/// does not hang off: one opened by a subordinator, or a relative clause closed by a comma
/// before the participle (`FIFA, who is under investigation, saying ...`).
fn subordinate(view: &View<'_>, np: &Np, v: usize, cue: usize, start: usize) -> bool {
    let first = np.relative.unwrap_or(np.first);
    (first > start && view.is_any(first - 1, SUBORDINATORS))
        || view.is_any(np.first, SUBORDINATORS)
        || view.is_any(np.first, TEMPORAL)
        || np.relative.is_some() && (v..cue).any(|t| view.is_punct(t, ","))
}

/// The subject phrase of an earlier claim `f`.
fn claim_subject(view: &View<'_>, f: &Found) -> Option<Np> {
    let s = f.subject?;
    let first = view.token_at_or_after(s.start());
    let last = view.token_at_or_after(s.end()).checked_sub(1)?;
    if first > last {
        return None;
    }
    let mut np = np_ending_at(view, last, first)?;
    np.first = np.first.min(first);
    Some(np)
}

/// The nearest lower-case finite verb or modal before token `cue`, not before token `floor`,
/// outside quotations.
fn finite_verb_before(view: &View<'_>, cue: usize, floor: usize) -> Option<usize> {
    let mut k = cue;
    while k > floor {
        k -= 1;
        // A parenthesis is an aside: `(where Oz practices medicine)`.
        if view.is_punct(k, ")") {
            match (floor..k).rev().find(|&j| view.is_punct(j, "(")) {
                Some(open) => {
                    k = open;
                    continue;
                }
                None => return None,
            }
        }
        if view.is_wordlike(k)
            && view.quote_at(k).is_none()
            && !view.is_capitalized(k)
            && (view.is_finite(k) || cue_after_person(view, k))
        {
            return Some(k);
        }
    }
    None
}

/// Whether token `k` is a cue word the tagger read as a noun right after a person's name that
/// opens its phrase (`Obama and Clinton call them ...`): a name before a noun is its modifier
/// only after a determiner (`the Clinton call`).
fn cue_after_person(view: &View<'_>, k: usize) -> bool {
    if k == 0 || view.cue(k).is_none() || !matches!(view.tag(k), Some(Pos::NN | Pos::NNS | Pos::VB))
    {
        return false;
    }
    let Some((_, m)) = view.mention_at(k - 1) else {
        return false;
    };
    let first = view.token_at_or_after(m.span.start());
    m.label == newsclaims_entities::Label::Person
        && m.span.end() == view.span(k - 1).end()
        && (first == 0
            || !lexicon::is_determiner(view.word(first - 1)) && !view.is_quote_mark(first - 1))
}

/// The subject of an absolute participle: `with` and a phrase right before it (`with some
/// polls indicating`), or a quantifier after a comma (`..., each touting`).
fn absolute_subject(view: &View<'_>, cue: usize, start: usize) -> Option<Np> {
    let p = cue.checked_sub(1).filter(|&p| p > start)?;
    if view.is_any(p, QUANTIFIERS) && view.is_punct(p - 1, ",") {
        return Some(Np {
            first: p,
            last: p,
            head: Head::Words,
            relative: None,
        });
    }
    let head = view.tag(p).is_some_and(|t| t.is_noun() || t == Pos::CD);
    if !view.is_wordlike(p) || !(head || view.is_any(p, QUANTIFIERS)) {
        return None;
    }
    // `with` before the phrase: `with three in 10 saying`, `with Trump, Huckabee and Christie
    // all calling for`; no verb or clause break between.
    let lo = p.saturating_sub(MAX_ABSOLUTE_TOKENS).max(start);
    let with = (lo..p).rev().find(|&k| {
        view.is_any(k, &["with", "without"])
            || view.is_terminator(k)
            || view.quote_at(k).is_some()
            || view.tag(k).is_some_and(|t| t.is_verb() || t == Pos::MD)
    })?;
    if !view.is_any(with, &["with", "without"]) || with + 1 > p {
        return None;
    }
    let last = if view.is_any(p, QUANTIFIERS) {
        p - 1
    } else {
        p
    };
    Some(Np {
        first: with + 1,
        last,
        head: Head::Words,
        relative: None,
    })
}

/// The most tokens between `with` and the participle of an absolute construction.
const MAX_ABSOLUTE_TOKENS: usize = 12;

/// The clause's first noun phrase: the phrase before its first verb-like word, when no comma or
/// quotation comes first.
fn first_phrase(view: &View<'_>, cue: usize, start: usize) -> Option<Np> {
    let mut k = start;
    while k < cue && k < start + 12 {
        if view.is_punct(k, ",") || view.quote_at(k).is_some() {
            break;
        }
        let w = view.word(k);
        if k > start
            && view.is_wordlike(k)
            && !view.is_capitalized(k)
            && (view.is_aux_or_adverb(k)
                || view.cue(k).is_some()
                || w.ends_with("ed")
                || w.ends_with('s') && view.word(k - 1) != "’")
            && view.label_at(k).is_none()
        {
            return subject_left(view, k, start);
        }
        k += 1;
    }
    None
}
