//! Readings of a cue word that are no speech: a noun or adjective with the verb's form (`the
//! report`, `personal attacks`, `despite repeated warnings`), a request for the speaker's
//! anonymity (`asked not to be named`), an appointment confirmed (`confirmed Tillerson`).

use newsclaims_entities::Label;
use newsclaims_syntax::Pos;

use crate::lexicon;
use crate::view::View;

/// Prepositions after which a cue's form is a noun or an adjective (`with attacks that`,
/// `despite repeated warnings`).
const NOUN_PREPOSITIONS: &[&str] = &[
    "with", "of", "in", "for", "by", "from", "about", "against", "amid", "despite",
];

/// Whether the cue word at `i` (`past`: in -ed, or a reliable past such as `said`) is a noun
/// or an adjective here: after a determiner (`the report`, `a call`), the medium of another cue
/// with its modifiers (`said in a Telegram post that ...`), a present form in -s after an
/// adjective or a preposition (`personal attacks that ...`, `with attacks that ...`; a
/// participle is a verb: `by questioning`), a past form between a preposition and a noun
/// (`despite repeated warnings from ...`); not after a quantifier standing alone as the subject
/// where the clause ends (`..., some argue.`).
pub(super) fn reads_as_noun(view: &View<'_>, i: usize, past: bool) -> bool {
    let w = view.word(i);
    let determiner = |k: usize| {
        lexicon::is_determiner(view.word(k)) && !view.is_any(k, &["that", "all", "both"])
    };
    let nominal = |k: usize| {
        view.is_wordlike(k)
            && view
                .tag(k)
                .is_some_and(|t| matches!(t, Pos::JJ | Pos::NN | Pos::NNP | Pos::NNPS))
    };
    let adjective = past
        && w.ends_with("ed")
        && i > 0
        && view.is_any(i - 1, NOUN_PREPOSITIONS)
        && matches!(view.tag(i + 1), Some(Pos::NN | Pos::NNS));
    let noun_after = !past
        && w.ends_with('s')
        && i > 0
        && view.is_wordlike(i - 1)
        && !view.is_capitalized(i - 1)
        && (view.tag(i - 1) == Some(Pos::JJ) || view.is_any(i - 1, NOUN_PREPOSITIONS));
    let quantifier_subject = i > 0
        && view.is_any(i - 1, &["some", "many", "most"])
        && (view.is_terminator(i + 1) || view.is_punct(i + 1, ","));
    i > 0 && determiner(i - 1) && !quantifier_subject
        || noun_after
        || adjective
        || !past
            && view.tag(i).is_some_and(|t| matches!(t, Pos::NN | Pos::NNS))
            && (i.saturating_sub(3)..i.saturating_sub(1))
                .rev()
                .find(|&k| determiner(k))
                .is_some_and(|k| {
                    // The adjunct follows a finite verb (`said [Monday] in a post`), not a
                    // noun or its participle (`A study [published] in the journal Nature
                    // suggests`).
                    let after_verb = k > 1
                        && (view.is_finite(k - 2)
                            || matches!(view.label_at(k - 2), Some(Label::Date | Label::Time)));
                    after_verb
                        && view.is_any(k - 1, &["in", "on", "via"])
                        && (k + 1..i).all(nominal)
                })
}

/// Whether `confirm` at `i` approves a person for an office (`the Senate confirmed Tillerson as
/// secretary of state`, `confirming the former ExxonMobil CEO on a 56-43 vote`), not a fact: a
/// person named right after it, or a vote within the clause.
pub(super) fn confirms_appointee(view: &View<'_>, i: usize) -> bool {
    let end = view.clause_end(i);
    view.label_at(i + 1) == Some(Label::Person)
        || (i + 1..end.min(i + 12)).any(|k| view.is_any(k, &["vote", "votes"]))
}

/// Whether the cue at `i` asks for its own speaker's anonymity (`asked not to be named`,
/// `declined to be identified`, `requested not to be quoted by name`): the source's terms,
/// not speech reported.
pub(super) fn own_passive_request(view: &View<'_>, i: usize) -> bool {
    let mut k = i + 1;
    if view.is(k, "not") {
        k += 1;
    }
    view.is(k, "to")
        && view.is(k + 1, "be")
        && view.is_any(k + 2, &["named", "identified", "quoted"])
}
