//! `according to X, CONTENT` and `CONTENT, according to X`, and the clause `according to X`
//! interrupts (`His criticism, according to an interview, was ...`): the one cue that is no verb.

use newsclaims_syntax::Pos;

use super::content::{narration_lead, starts_adjunct, trim};
use super::{Found, build};
use crate::lexicon;
use crate::speaker::{self, Earlier, Head, Np};
use crate::view::View;

/// The source of `according to` when it is no name (`police`, `exit polls`, `a complaint filed
/// by the SEC`): the words up to the comma (leading) or to the clause end (trailing), when there
/// are at most [`MAX_SOURCE_WORDS`] and no quotation.
fn source_phrase(view: &View<'_>, from: usize, end: usize, lead: bool) -> Option<Np> {
    let stop = if lead {
        (from..end.min(from + MAX_SOURCE_WORDS + 1)).find(|&k| view.is_punct(k, ","))?
    } else {
        end
    };
    let last = (from..stop).rev().find(|&k| view.is_wordlike(k))?;
    let ok = view.count_words(from..stop) <= MAX_SOURCE_WORDS
        && (from..stop).all(|k| view.quote_at(k).is_none())
        && view.is_wordlike(from);
    ok.then_some(Np {
        first: from,
        last,
        head: Head::Words,
        relative: None,
    })
}

/// Words of an `according to` source that is not a name; PolNeAR's reach a dozen (`a 52-count
/// civil complaint filed by the federal Securities and Exchange Commission`).
const MAX_SOURCE_WORDS: usize = 14;

/// `according to X, CONTENT`, `CONTENT, according to X` and `CONTENT1, according to X, CONTENT2`
/// (see [`interrupted`]).
pub(super) fn according(view: &View<'_>, i: usize, earlier: &[Earlier]) -> Option<Found> {
    if !view.is(i + 1, "to") {
        return None;
    }
    let start = view.clause_start(i);
    let end = view.clause_end(i);
    let lead =
        (start..i).all(|k| !view.is_wordlike(k) || view.is_any(k, &["but", "and", "yet", "so"]));
    let np = speaker::subject_right(view, i + 2, end)
        .or_else(|| source_phrase(view, i + 2, end, lead))?;
    let speaker = speaker::resolve(view, np, earlier);
    let pieces = if lead {
        let comma = (np.last + 1..end).find(|&k| view.is_punct(k, ","))?;
        vec![trim(view, comma + 1..end)]
    } else if let Some(halves) = interrupted(view, start, i, &np, end) {
        halves
    } else {
        let mut e = i;
        if e > start && view.is_punct(e - 1, ",") {
            e -= 1;
        }
        // `CONTENT, according to X, who ...`: the clause before is the content.
        vec![narration_lead(view, trim(view, start..e))]
    };
    if pieces
        .iter()
        .map(|r| view.count_words(r.clone()))
        .sum::<usize>()
        < 2
    {
        return None;
    }
    build(
        view,
        pieces,
        Some(view.cover(i, i + 1)),
        Some(speaker),
        Some(np.span(view)),
        i,
    )
}

/// The two halves of a clause that `according to X` interrupts, set off by commas: a subject
/// or an adjunct before it and the predicate or the clause after (`His criticism, according to
/// an interview, was ...`, `Since last November, according to Human Rights Watch, security
/// forces have killed ...`), else `None` and the clause before the cue is the content.
///
/// The clause goes on after the source's comma when a finite verb opens what follows (an
/// adverb aside), past an appositive of the source (`according to X, a former envoy, was
/// ...`); or when an adjunct with no finite verb came before and a clause follows the first
/// comma. A relative pronoun, a conjunction or a participle after the comma opens a phrase of
/// the source's or the narrator's own (`according to X, which publishes ...`), except an `and`
/// after a clause, which coordinates another (PolNeAR train 1 of 1, dev 2 of 2). PolNeAR train:
/// content true positives 9,905 -> 9,912, exact 7,423 -> 7,431 (of 30 gold contents that
/// `according to` interrupts).
fn interrupted(
    view: &View<'_>,
    start: usize,
    i: usize,
    np: &Np,
    end: usize,
) -> Option<Vec<std::ops::Range<usize>>> {
    if i == 0 || !view.is_punct(i - 1, ",") {
        return None;
    }
    let before = narration_lead(view, trim(view, start..i - 1));
    if before.is_empty() {
        return None;
    }
    let finite_before = before.clone().any(|k| view.is_finite(k));
    let source_comma = Some(np.last + 1).filter(|&k| view.is_punct(k, ","));
    // `A, according to X, and B`: a clause before and an `and` with a verb after go on with what
    // X reports, as after a verb cue (`A, the agency said, and B`).
    if let Some(and) = source_comma.map(|k| k + 1).filter(|&k| view.is(k, "and"))
        && finite_before
        && (and + 1..end.min(and + 8)).any(|k| view.is_finite(k))
    {
        return Some(vec![before, trim(view, and..end)]);
    }
    let predicate = (np.last + 1..end.min(np.last + 2 + MAX_SOURCE_WORDS))
        .filter(|&k| view.is_punct(k, ",") && view.quote_at(k).is_none())
        .find(|&k| {
            let verb = (k + 1..end).find(|&f| view.tag(f) != Some(Pos::RB));
            verb.is_some_and(|f| view.is_finite(f))
        });
    let adjunct = || {
        let first = before.start;
        let leads =
            starts_adjunct(view, first, before.end) || lexicon::is_subordinator(view.word(first));
        let comma = source_comma?;
        let clause = (comma + 1..end.min(comma + 10)).any(|k| view.is_finite(k));
        (leads && !finite_before && clause).then_some(comma)
    };
    let comma = predicate.or_else(adjunct)?;
    let after = trim(view, comma + 1..end);
    let opens_own = view.is_any(after.start, RELATIVE_OR_CONJUNCTION)
        || view.tag(after.start) == Some(Pos::VBG);
    (view.count_words(after.clone()) >= 2 && !opens_own).then(|| vec![before, after])
}

/// Words after the comma that closes an `according to` source that open a phrase of their own
/// rather than the rest of the interrupted clause.
const RELATIVE_OR_CONJUNCTION: &[&str] = &[
    "who",
    "which",
    "whose",
    "where",
    "when",
    "and",
    "but",
    "while",
    "as",
    "including",
    "with",
];
