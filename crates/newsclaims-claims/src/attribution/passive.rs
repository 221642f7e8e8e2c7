//! Passive cues: `Mr. Quiros was accused of using ...`, `The registration issue was first
//! reported by The Washington Post.`, `a curfew was announced from midnight to 6 a.m.` The
//! grammatical subject is what was said (PolNeAR's content, with what follows the cue), the
//! `by` phrase is the speaker, and with no `by` phrase the claim has none. A passive with neither
//! a `by` phrase nor a particle of the cue (`of`, `for`, `as`, `with`) is vague and is left out.
//!
//! The rules reject every passive (`cue::Reject::Passive`): many are no speech (`was called
//! Tim`, `were asked to leave`). The claim is built only where the cue classifier reads a cue
//! (`cue_model`), so the decision is learned; this module only lays the claim out.

use newsclaims_syntax::Pos;

use super::content::{forward_to_end, trim};
use super::{Found, build};
use crate::speaker::{self, Earlier};
use crate::view::View;

/// Prepositions PolNeAR's annotators take into a passive cue (`was accused of`, `has been
/// blamed for`, `is being criticized as`, `was charged with`): the content starts after them.
const CUE_PARTICLES: &[&str] = &["of", "for", "as", "with"];

/// Words that open a relative or embedded clause before a passive's subject.
const RELATIVE: &[&str] = &[
    "what", "which", "who", "that", "where", "why", "how", "when", "whether", "if",
];

/// The claim of the passive cue at token `i`: its subject and what follows the cue (or its `by`
/// phrase) up to the clause end as content, the `by` phrase as speaker.
pub(super) fn passive_claim(view: &View<'_>, i: usize, earlier: &[Earlier]) -> Option<Found> {
    let start = view.clause_start(i);
    let end = view.clause_end(i);
    // Over the auxiliaries and adverbs (`have sometimes been`) to the subject.
    let mut verb = i;
    while verb > start
        && (view.is_aux_or_adverb(verb - 1)
            || view
                .tag(verb - 1)
                .is_some_and(|p| matches!(p, Pos::RB | Pos::MD)))
    {
        verb -= 1;
    }
    let patient = speaker::subject_left(view, verb, start)?;
    // `what was said`, `why it was cited`: a relative or embedded clause, not a claim of its
    // own; `it was reported that ...` has no subject to report.
    if patient.first > start && view.is_any(patient.first - 1, RELATIVE)
        || view.is_any(patient.first, RELATIVE)
        || view.is_any(patient.first, &["it", "there"])
    {
        return None;
    }
    let particle = view.is_any(i + 1, CUE_PARTICLES);
    let from = if particle { i + 2 } else { i + 1 };
    let agent = if view.is(from, "by") {
        Some(speaker::subject_right(view, from + 1, end)?)
    } else {
        None
    };
    // A passive with neither a speaker nor a stance after it (`has been heavily criticized in
    // the aftermath of ...`) is a vague one, which the project's gold leaves optional.
    if agent.is_none() && !particle {
        return None;
    }
    let mut pieces = vec![trim(view, patient.first..patient.last + 1)];
    // What the cue's complement holds (`accused of [using ...]`, `announced [from midnight to
    // 6 a.m.]`), up to a comma: a clause after one is the narrator's. After a `by` phrase the
    // subject alone is the content.
    if agent.is_none() {
        let stop = (from..end)
            .find(|&k| view.is_punct(k, ",") && view.quote_at(k).is_none())
            .unwrap_or(end);
        if let Some(rest) = forward_to_end(view, from, stop) {
            pieces.push(rest.range);
        }
    }
    let speaker = agent.map(|np| speaker::resolve(view, np, earlier));
    build(
        view,
        pieces,
        Some(view.cue_span(i, particle)),
        speaker,
        agent.map(|np| np.span(view)),
        i,
    )
}
