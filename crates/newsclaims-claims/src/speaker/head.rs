//! The speaker named by a subject phrase found left of a cue, where the phrase's last noun is not
//! it: a prepositional phrase names the noun it modifies (`officials in both cities`, `People
//! briefed on the situation`, `Six in 10`), not the preposition's object (`both cities`).
//!
//! Only the speaker changes: the subject phrase the rules found still decides the claim's
//! layout and content, so the cue classifier, which learns from the rules' decisions, reads the
//! same claims; and only a description becomes a longer description, so no speaker moves to
//! another entity and the models trained on the speakers (`train-speakers`, `train-accept`) read
//! the same data.

use newsclaims_syntax::Pos;

use super::phrase::before_participle;
use super::{Head, Np, np_ending_at};
use crate::view::View;

/// The phrase that names the speaker of the subject phrase `np` found left of a cue (from token
/// `floor`): the description a prepositional phrase modifies, else `np`.
pub(crate) fn speaker_head(view: &View<'_>, np: Np, floor: usize) -> Np {
    modified_phrase(view, np, floor).unwrap_or(np)
}

/// Prepositions whose phrase before a cue modifies the noun before them (`officials in both
/// cities said`, `Six in 10 say`, `People briefed on the situation said`, `A spokesman for the
/// company said`).
const MODIFIER_PREPOSITIONS: &[&str] = &["in", "on", "at", "of", "for", "from", "with", "within"];

/// Adjectives whose own prepositional phrase describes the people before them (`officials
/// familiar with the matter`, `those close to him`, `a source knowledgeable about the talks`).
pub(crate) const CLOSENESS: &[&str] = &["familiar", "close", "knowledgeable", "privy"];

/// The description that the prepositional phrase `np` before a cue modifies, with it: its
/// speaker is the noun before the preposition, not the preposition's object (`the situation`,
/// `both cities`, `10`), and the whole phrase is how PolNeAR and the news gold mark it
/// (`officials in both cities`). A name on either side keeps the phrase as found.
fn modified_phrase(view: &View<'_>, np: Np, floor: usize) -> Option<Np> {
    if np.head != Head::Words {
        return None;
    }
    let prep = np.first.checked_sub(1).filter(|&k| k > floor)?;
    // `Officials familiar with the matter`, `People close to him`: an adjective's phrase.
    let adjective = prep > floor + 1 && view.is_any(prep - 1, CLOSENESS);
    if !(view.is_any(prep, MODIFIER_PREPOSITIONS) || adjective && view.is(prep, "to")) {
        return None;
    }
    let before = if adjective { prep - 2 } else { prep - 1 };
    let outer = np_ending_at(view, before_participle(view, before, floor), floor)?;
    // A share counted `in` or `of` a group speaks (`Six in 10 say`); a count `for` something
    // does not (`voted 6-1 for the resolution, which said`). `Those close to him` speak too.
    let noun = view
        .tag(outer.last)
        .is_some_and(|t| t.is_noun() || t == Pos::CD && !view.is(prep, "for"))
        || adjective && view.is_any(outer.last, &["those", "some", "many", "several", "others"]);
    (outer.head == Head::Words && noun).then_some(Np {
        last: np.last,
        // `women in the room, who said`: the relative pronoun still names the speaker.
        relative: np.relative,
        ..outer
    })
}
