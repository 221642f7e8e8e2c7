//! The words around a cue verb that tell how it reads: the auxiliary before it (a form of `be`
//! makes a participle progressive, `is saying`, and a past participle passive, `was asked`), and
//! a present form in `-s` that agrees with a name before it (`The Journal reports`).

use newsclaims_entities::Label;
use newsclaims_syntax::Pos;

use crate::lexicon;
use crate::view::View;

/// Adverbs without `-ly` between an auxiliary and the cue (`was first reported by`, `was never
/// told`, `is often described as`): PolNeAR train annotates 12 of 17 such passives of cue verbs.
const BETWEEN_AUX_AND_VERB: &[&str] = &[
    "also",
    "first",
    "never",
    "not",
    "already",
    "later",
    "initially",
    "once",
    "long",
    "often",
    "still",
    "now",
];

/// Whether the form in `-s` at `i` is a present verb the tagger read as a plural noun (`The
/// Wall Street Journal reports`, `Lynch notes they were ...`): after a name or `he`/`she`/`it`,
/// which agree with it, and not before a verb or a preposition, which would make it a noun
/// (`CIA reports say`, `Trump's claims about`). After a common noun it is a noun as often as a
/// verb on PolNeAR train (`the policy points he hopes ...`), so that is left to the tagger. A
/// plain form agrees with a plural subject where the clause ends (`..., some argue.`).
pub(super) fn agrees_with_subject(view: &View<'_>, i: usize) -> bool {
    let w = view.word(i);
    if i == 0 || i == view.clause_start(i) {
        return false;
    }
    // After a common noun, only where the clause ends (`“...,” the report notes.`).
    let closes = view.is_terminator(i + 1) || view.is_punct(i + 1, ",");
    // A plain form after a plural subject where the clause ends (`..., some argue.`).
    if !w.ends_with('s') && !w.ends_with("ed") && !w.ends_with("ing") {
        let plural = view.is_any(i - 1, &["they", "we", "some", "many", "others", "most"])
            || view.tag(i - 1) == Some(Pos::NNS);
        return closes && plural;
    }
    if w.ends_with("ss") {
        return false;
    }
    let singular = view.tag(i - 1) == Some(Pos::NNP)
        || view.is_any(i - 1, &["he", "she", "it"])
        || closes && view.tag(i - 1) == Some(Pos::NN);
    let next_verb = view.is_wordlike(i + 1) && view.tag(i + 1).is_some_and(Pos::is_finite);
    singular && !next_verb && !lexicon::is_preposition(view.word(i + 1))
}

/// Forms of `be` before a participle beyond [`lexicon::BE_FORMS`], negated ones in one token
/// included (`isn’t saying`).
const MORE_BE: &[&str] = &[
    "am",
    "’s",
    "'s",
    "isn’t",
    "isn't",
    "wasn’t",
    "wasn't",
    "aren’t",
    "aren't",
    "weren’t",
    "weren't",
];

/// The nearest word before the cue at `i` (from `start`) that is not an adverb or a date
/// (`issued a statement Tuesday saying` is the issuer's), and whether it is a form of `be`.
pub(super) fn verb_before(view: &View<'_>, i: usize, start: usize) -> (Option<usize>, bool) {
    let before = (start..i).rev().find(|&k| {
        !(view.is_any(k, BETWEEN_AUX_AND_VERB)
            || view.is_wordlike(k) && view.word(k).ends_with("ly")
            || matches!(view.label_at(k), Some(Label::Date | Label::Time)))
    });
    (
        before,
        before.is_some_and(|k| view.is_any(k, lexicon::BE_FORMS) || view.is_any(k, MORE_BE)),
    )
}
