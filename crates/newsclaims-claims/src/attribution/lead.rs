//! A participle clause that opens its sentence before the subject: `Citing the report, Trump
//! said ...`, `Lamenting their luck, Mexicans often say ...`, `Claiming the criticism is
//! designed to pressure the moderators, Trump told Fox ...`. The participle has no subject of its
//! own: it shares the main clause's, the phrase right after its comma, and its content is its
//! complement up to that comma. PolNeAR train has 24 such participles of cue lemmas that are
//! not followed by a preposition (`Speaking to supporters, ...`, `Writing for a panel, ...` are
//! frames, never annotated), 16 of them annotated cues.

use newsclaims_syntax::Pos;

use super::content::trim;
use super::{Found, build};
use crate::lexicon::{self, CueClass};
use crate::speaker::{self, Earlier};
use crate::view::View;

/// Words of a leading participle's complement: PolNeAR train's reach 25 (`Noting that ...`);
/// a longer run before the first comma is no participle phrase but a sentence of its own.
const MAX_LEAD_WORDS: usize = 30;

/// Whether the cue word at `i` is a participle opening its clause (`start`), alone or after a
/// subordinator (`After saying ...`): capitalised, in
/// `-ing`, with no preposition after it (`Speaking to`, `Pointing to`) and not a cue that needs
/// its particle.
pub(super) fn is_leading_participle(
    view: &View<'_>,
    i: usize,
    start: usize,
    class: CueClass,
) -> bool {
    // `After saying ..., the man ...`, `Despite challenging ..., Cruz ...`: a subordinator
    // before the participle leaves its subject to the main clause too.
    let opens = i == start && view.is_capitalized(i)
        || i == start + 1
            && view.is_capitalized(start)
            && lexicon::opens_participle_clause(view.word(start));
    opens
        && view.word(i).ends_with("ing")
        && class != CueClass::Particle
        && view.is_wordlike(i + 1)
        && !lexicon::is_preposition(view.word(i + 1))
}

/// The claim of the leading participle at `i`: its complement up to the first comma outside
/// quotations, spoken by the subject of the main clause after that comma (a phrase followed by
/// its verb).
pub(super) fn leading_claim(view: &View<'_>, i: usize, earlier: &[Earlier]) -> Option<Found> {
    let end = view.clause_end(i);
    let limit = end.min(i + 2 + MAX_LEAD_WORDS * 2);
    let comma = (i + 1..limit).find(|&k| view.is_punct(k, ",") && view.quote_at(k).is_none())?;
    // `Noting that ...`: the project's content leaves `that` out.
    let from = if view.is(i + 1, "that") { i + 2 } else { i + 1 };
    let range = trim(view, from..comma);
    let words = view.count_words(range.clone());
    if words == 0 || words > MAX_LEAD_WORDS {
        return None;
    }
    let np = speaker::subject_right(view, comma + 1, end)?;
    // The phrase is the main clause's subject only with its verb next (`Trump repeatedly
    // accused`, `Mexicans often say`): auxiliaries and adverbs aside.
    let verb = (np.last + 1..end).find(|&k| {
        !(view.is_wordlike(k) && (view.is_aux_or_adverb(k) || view.tag(k) == Some(Pos::RB)))
    })?;
    if !(view.is_finite(verb) || view.cue(verb).is_some() && view.is_verb(verb)) {
        return None;
    }
    build(
        view,
        vec![range],
        Some(view.span(i)),
        Some(speaker::resolve(view, np, earlier)),
        Some(np.span(view)),
        i,
    )
}
