//! Questions put by someone named: `Asked by Stephanopoulos to respond ..., Carson said ...`,
//! `..., she said when asked by a reporter about the vote.` The participle has no subject of its
//! own: PolNeAR's annotators make `asked` (with `about`) the cue of an attribution whose content
//! is the question and whose source is the asker of the `by` phrase. PolNeAR train has 100
//! participles `asked` opening their clause or after `when`, 80 of them annotated cues; without
//! a `by` phrase the asker is no one the article names, and the project's contract (claims are
//! statements someone made) leaves the question out. Either way the question is no content of
//! the cue after it (`Asked if he was bullied, the candidate said no.`).

use newsclaims_entities::Label;

use super::content::trim;
use super::{Found, build};
use crate::lexicon;
use crate::speaker::{self, Earlier};
use crate::view::View;

/// Words that open the question after `asked` (`whether ...`, `what ...`, `to describe ...`).
const OPENERS: &[&str] = &[
    "whether", "if", "what", "why", "how", "who", "whom", "which", "when", "where", "to", "about",
];

/// Tokens of an adjunct between `asked` and the question (`on Fox News`, `during a January
/// debate`) that are looked over for the question's first word.
const MAX_ADJUNCT: usize = 6;

/// Words a question needs to be content (`Asked why, he said ...` is none).
const MIN_WORDS: usize = 2;

/// Whether the word at `i` is the participle `asked` without a subject: `Asked` opening its
/// clause (not after a quotation: `“...?” asked Sen. X` is an inverted cue), or `when asked`.
pub(super) fn is_asked(view: &View<'_>, i: usize, start: usize) -> bool {
    if !view.is(i, "asked") {
        return false;
    }
    let opens = i == start && view.is_capitalized(i);
    let when = i > start && view.is(i - 1, "when");
    opens || when
}

/// The claim of the participle `asked` at `i` with a `by` phrase: the question up to the first
/// comma outside quotations (or the clause end), the asker as its speaker.
pub(super) fn asked_claim(view: &View<'_>, i: usize, earlier: &[Earlier]) -> Option<Found> {
    let end = view.clause_end(i);
    let mut k = i + 1;
    // `Asked later`, `asked Tuesday`, `asked specifically`.
    while k < end
        && view.is_wordlike(k)
        && (matches!(view.label_at(k), Some(Label::Date | Label::Time))
            || lexicon::is_weekday(view.word(k))
            || view.word(k).ends_with("ly") && !view.is_capitalized(k))
    {
        k += 1;
    }
    if !view.is(k, "by") {
        return None;
    }
    let agent = speaker::subject_right(view, k + 1, end)?;
    k = agent.last + 1;
    let from = if lexicon::is_preposition(view.word(k)) && !view.is_any(k, OPENERS) {
        // `Asked on Fox News who leads the party`: the question after the adjunct.
        (k + 1..end.min(k + 1 + MAX_ADJUNCT))
            .take_while(|&j| !view.is_punct(j, ","))
            .find(|&j| view.is_any(j, OPENERS))
            .unwrap_or(k)
    } else {
        k
    };
    let stop = (from..end)
        .find(|&j| view.is_punct(j, ",") && view.quote_at(j).is_none())
        .unwrap_or(end);
    let range = trim(view, from..stop);
    if view.count_words(range.clone()) < MIN_WORDS {
        return None;
    }
    build(
        view,
        vec![range],
        Some(view.span(i)),
        Some(speaker::resolve(view, agent, earlier)),
        Some(agent.span(view)),
        i,
    )
}
