//! Infinitive cues (`he appeared to suggest ...`, `she took to Twitter to say ...`): the verb
//! that governs the infinitive, and whether that verb carries the speech rather than an intention.

use newsclaims_syntax::Pos;

use crate::view::View;

/// Tokens between an infinitive's `to` and the verb that governs it (`took [to Twitter] to say`,
/// `used [his acceptance speech] to call for`, `are [slightly more likely] to say`).
const MAX_INFINITIVE_REACH: usize = 5;

/// Verbs that carry the speech of the infinitive after them rather than an intention (`took to
/// Twitter to say`, `used his speech to call for`, `went on to explain`, `appeared to suggest`,
/// `continued to insist`: PolNeAR train annotates 10 of 11 cues after `continues` or
/// `continued`; after `continue` and `continuing`, 5 of 9, which are left out).
const SPEECH_CARRIERS: &[&str] = &[
    "took",
    "takes",
    "taking",
    "used",
    "uses",
    "using",
    "went",
    "goes",
    "appeared",
    "appears",
    "seemed",
    "seems",
    "continues",
    "continued",
];

/// Adjectives right before an infinitive cue's `to` that carry its speech (`was quick to point
/// out`, `are more likely to say`): PolNeAR train annotates 7 of 7 cues after `quick to`, 7 of
/// 12 after `likely to`.
const ADJECTIVE_CARRIERS: &[&str] = &["quick", "likely"];

/// Whether the verb at `h` governing the infinitive cue at `i` carries its speech
/// ([`SPEECH_CARRIERS`]), or an adjective before its `to` does ([`ADJECTIVE_CARRIERS`]).
pub(super) fn carries_speech(view: &View<'_>, h: usize, i: usize) -> bool {
    view.is_any(h, SPEECH_CARRIERS) || i >= 2 && view.is_any(i - 2, ADJECTIVE_CARRIERS)
}

/// The verb that governs the infinitive cue at `i` (`appeared` of `he appeared to suggest`,
/// `went` of `Ham went on to explain`, `took` of `she took to Twitter to say`): the nearest verb
/// before `to`, within [`MAX_INFINITIVE_REACH`] words of the same clause; `None` when the cue is
/// no infinitive or no verb governs it (`a way to tell`).
pub(super) fn infinitive_head(view: &View<'_>, i: usize, start: usize) -> Option<usize> {
    let to = i
        .checked_sub(1)
        .filter(|&k| k > start && view.is(k, "to"))?;
    (start.max(to.saturating_sub(MAX_INFINITIVE_REACH + 1))..to)
        .rev()
        .take_while(|&k| {
            view.is_wordlike(k)
                && view.quote_at(k).is_none()
                && !view.is_any(k, &["that", "which", "who", "and", "but"])
        })
        .find(|&k| !view.is_capitalized(k) && view.tag(k).is_some_and(Pos::is_verb))
}

/// Whether the cue at `i` is an infinitive whose governing verb carries its speech (`took to
/// Twitter to say`); the clause is only looked at after a `to`.
pub(super) fn carried_infinitive(view: &View<'_>, i: usize) -> bool {
    i > 0
        && view.is(i - 1, "to")
        && infinitive_head(view, i, view.clause_start(i))
            .is_some_and(|h| carries_speech(view, h, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the cue `cue` of `text` is an infinitive whose governing word carries its speech.
    fn carried(text: &str, cue: &str) -> bool {
        let tokens = newsclaims_tokenize::tokenize(text);
        let entities = newsclaims_entities::recognize(text, &tokens);
        let view = View::new(text, &tokens, &entities);
        let i = (0..view.len()).find(|&k| view.is(k, cue)).expect("the cue");
        carried_infinitive(&view, i)
    }

    #[test]
    fn speech_carried_on() {
        assert!(carried(
            "The council continued to warn that the river would flood.",
            "warn"
        ));
        assert!(carried(
            "She took to Twitter to say the vote was rigged.",
            "say"
        ));
        assert!(carried(
            "The senator was quick to point out that the bill had passed.",
            "point"
        ));
        // An intention is no speech.
        assert!(!carried(
            "The council wants to warn residents about the river.",
            "warn"
        ));
    }
}
