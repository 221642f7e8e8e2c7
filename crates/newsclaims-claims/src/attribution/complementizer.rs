//! The word `that` at the start of a content: the complementizer, which the content leaves
//! out (`said that the talks failed`), or a demonstrative before its noun or the content's
//! subject, which it keeps.

use newsclaims_syntax::Pos;

use crate::view::View;

/// Whether `that` at `f` is the complementizer of the cue at `cue`: not a demonstrative before
/// its noun ([`demonstrative`]), and not the subject ([`that_subject`]) right after a cue the
/// tagger reads as a verb (its particle or a comma aside: not after an addressee, `urging
/// Congress to pass a measure that would ...`, or a `whether`).
pub(super) fn is_complementizer(view: &View<'_>, f: usize, end: usize, cue: Option<usize>) -> bool {
    let verb_cue = cue.is_some_and(|c| {
        view.tag(c).is_some_and(Pos::is_verb)
            && (c + 1..f).all(|k| !view.is_wordlike(k) || view.tag(k) == Some(Pos::RP))
    });
    view.is(f, "that") && !demonstrative(view, f, end) && !(verb_cue && that_subject(view, f, end))
}

/// Whether `that` at `f` is the content's subject (`said that was a mistake`, `says that's what
/// ...`, `said that would permit ...`): an auxiliary, a modal or a copula follows it, which no
/// complementizer is followed by. A closed list, as the tagger reads words such as `sometimes`
/// as verbs; after a noun `that` opens a relative clause (`states that have held primaries`), no
/// content, hence [`is_complementizer`]'s verb cue. PolNeAR train with the models as they were:
/// exact contents 7,428 -> 7,444 (18 contents changed, most of them had lost their subject).
fn that_subject(view: &View<'_>, f: usize, end: usize) -> bool {
    f + 1 < end && view.is_any(f + 1, SUBJECT_THAT_VERBS)
}

/// The auxiliaries, modals and copulas (and their contracted negatives' first halves, `wasn`)
/// that only a subject `that` comes before.
const SUBJECT_THAT_VERBS: &[&str] = &[
    "is", "was", "were", "are", "'s", "’s", "has", "had", "have", "does", "did", "would", "will",
    "could", "can", "might", "may", "should", "must", "isn", "wasn", "weren", "doesn", "didn",
    "hasn", "hadn", "won", "wouldn", "couldn", "shouldn",
];

/// Whether `that` at `f` is a demonstrative before its noun (`rejected that argument in a
/// ruling`, `declined that assignment and has since left`), not the complementizer (`that
/// revelations about his taxes show ...`): a lower-case noun follows it, then no finite verb in
/// the clause but one a conjunction or a comma coordinates with the cue.
fn demonstrative(view: &View<'_>, f: usize, end: usize) -> bool {
    let noun = f + 1;
    let after = noun + 1;
    let noun_phrase = noun < end
        && view.is_wordlike(noun)
        && !view.is_capitalized(noun)
        && matches!(view.tag(noun), Some(Pos::NN | Pos::NNS))
        && (after >= end
            || !view.is_wordlike(after)
            || matches!(view.tag(after), Some(Pos::IN | Pos::CC | Pos::TO)));
    noun_phrase
        && (after..end)
            .find(|&k| view.is_finite(k))
            .is_none_or(|k| view.is_any(k - 1, &["and", "but"]) || view.is_punct(k - 1, ","))
}
