//! The content before a cue's subject (`“Q,” X said`, `..., X said`): a quotation ending right
//! before the subject, or the clause up to a comma before it, without what opens it in the
//! narrator's voice (`And`, `However,`, a dateline) and without an adverbial clause alone
//! (`But when Congress cut funding, Mexico said ...`).

use super::content::trim;
use crate::lexicon;
use crate::view::View;

/// The content before a subject at `at`: a quotation ending right before it, or the clause up
/// to a comma right before it (`..., X said`).
pub(super) fn backward_content(
    view: &View<'_>,
    at: usize,
    start: usize,
) -> Option<std::ops::Range<usize>> {
    let p = at.checked_sub(1)?;
    // `“We won.” Trump said.`: a quotation ending in a full stop still belongs to the
    // attribution right after it, though the clause starts after it.
    let close = view.quote_closing_at(p);
    let quote_before = close.is_some();
    if p < start && !(quote_before && p + 1 == start && view.para(p) == view.para(at)) {
        return None;
    }
    let end = if close.is_some() {
        p + 1
    } else if view.is_punct(p, ",") || view.is_dash(p) {
        p
    } else {
        return None;
    };
    let from = view.clause_start(p);
    let range = trim(view, from.max(start.min(from))..end);
    if range.is_empty() {
        return None;
    }
    if close.is_some() {
        return Some(range);
    }
    // `But when Congress cut funding, Mexico said ...`: an adverbial clause is no content, also
    // after a conjunction.
    let range = narration_lead(view, range);
    if range.is_empty() {
        return None;
    }
    let conj = usize::from(kept_conjunction(view, range.clone()));
    if !lexicon::is_subordinator(view.word(range.start + conj)) {
        return Some(range);
    }
    led_clause(view, range)
}

/// Words of a main clause after an adverbial lead for the pair to be content.
const MIN_LED_CLAUSE: usize = 3;

/// `If states fail ..., the department can step in, Wilcox said.`: an adverbial clause and the
/// main clause after its comma are content together, as PolNeAR train has it; an adverbial
/// clause alone (`But when Congress cut funding, Mexico said ...`) is no content.
fn led_clause(view: &View<'_>, range: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let comma = (range.start + 1..range.end)
        .find(|&k| view.is_punct(k, ",") && view.quote_at(k).is_none())?;
    let main = comma + 1..range.end;
    if view.count_words(main.clone()) < MIN_LED_CLAUSE {
        return None;
    }
    Some(range)
}

/// Whether the content `r` opens with `But` or `So`, which PolNeAR's annotators keep in the
/// content before a trailing cue (`But the plan failed, he said.`); `And` they mostly leave out.
/// Keeping them: PolNeAR train exact contents +4, content true positives unchanged (`And` too:
/// exact -1, content -1).
fn kept_conjunction(view: &View<'_>, r: std::ops::Range<usize>) -> bool {
    r.len() > 2 && view.is_any(r.start, &["but", "so"]) && view.is_capitalized(r.start)
}

/// A clause of reported content without what opens it in the narrator's voice: the conjunction
/// `And` (`And Mrs. Clinton now holds ...`; not `But` or `So`, see [`kept_conjunction`]), a
/// connective and its comma (`However, ...`) or an upper-case dateline and its dash
/// (`WASHINGTON ― ...`).
pub(super) fn narration_lead(
    view: &View<'_>,
    mut r: std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    let dash = (r.start..r.end.min(r.start + 4)).find(|&k| view.is_dash(k));
    if let Some(d) = dash
        && d > r.start
        && (r.start..d).all(|k| {
            view.is_wordlike(k) && !view.word(k).chars().any(char::is_lowercase)
                || view.is_punct(k, ",")
        })
    {
        r.start = d + 1;
    }
    if r.len() > 2 && view.is(r.start, "and") && view.is_capitalized(r.start) {
        r.start += 1;
    }
    // `However, ...`, `In fact, ...`: a connective and its comma.
    for n in 1..=2 {
        let comma = r.start + n;
        if comma + 1 < r.end
            && view.is_punct(comma, ",")
            && (r.start..comma).all(|k| view.is_wordlike(k))
        {
            let words: Vec<&str> = (r.start..comma).map(|k| view.word(k)).collect();
            if lexicon::is_connective(&words) {
                r.start = comma + 1;
                break;
            }
        }
    }
    trim(view, r)
}

/// Whether the content before a subject is a prepositional phrase alone (`In a White House
/// statement, Obama condemned ...`): it frames the clause, unless the cue interrupts the
/// content and it goes on after (`In the United States, they write, “...”`).
pub(super) fn is_framing(view: &View<'_>, r: &std::ops::Range<usize>) -> bool {
    lexicon::is_preposition(view.word(r.start))
        && !r
            .clone()
            .any(|k| view.quote_at(k).is_some() || view.is_finite(k))
}
