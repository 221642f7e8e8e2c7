//! Transcripts quoted paragraph by paragraph (`"WALLACE: Let's start ...` / `"PENCE: Well,
//! look ...`): each paragraph of the quotation that opens with an upper-case name and a colon is a
//! turn of that speaker, its colon the cue, as in an unquoted transcript (`colon_lead`). PolNeAR's
//! annotators read them so, one attribution per turn.

use super::Found;
use super::colon::is_label;
use super::content::trim;
use crate::ClaimKind;
use crate::speaker::{self, Head, Np};
use crate::view::View;

/// Letters a speaker label needs: shorter all-caps words are initials or acronyms (`Q:`, `US:`).
const MIN_LABEL: usize = 3;

/// Tokens of one turn at most: a paragraph of speech rarely runs longer, and it bounds the work.
const MAX_TURN: usize = 400;

/// The turns of quotation `q` when it is a transcript: its first paragraph that is not a stage
/// direction (`(CROSSTALK.)`) opens with a speaker label. A paragraph without a label goes on
/// the turn before it; stage directions are no one's words.
pub(super) fn transcript_turns(view: &View<'_>, q: usize) -> Option<Vec<Found>> {
    let mut turns: Vec<Found> = Vec::new();
    for fragment in &view.quotes[q].fragments {
        let first = view.token_at_or_after(fragment.start());
        // The whole paragraph: a quotation inside the turn (`an episode of “Shark Tank.”`) can
        // end the fragment early.
        let mut end = paragraph_end(view, first).max(view.token_at_or_after(fragment.end()));
        // Not the quotation's closing mark.
        if end == view.quotes[q].tokens.end && view.is_quote_mark(end - 1) {
            end -= 1;
        }
        if first >= end || view.is_punct(first, "(") {
            continue;
        }
        if let Some(turn) = turn_at(view, first, end) {
            turns.push(turn);
            continue;
        }
        let last = turns.last_mut()?;
        let range = trim(view, first..end);
        if !range.is_empty() {
            last.pieces.push(view.cover(range.start, range.end - 1));
            last.tokens.end = range.end;
        }
    }
    (!turns.is_empty()).then_some(turns)
}

/// One past the last token of the paragraph holding token `first`, at most [`MAX_TURN`] on.
fn paragraph_end(view: &View<'_>, first: usize) -> usize {
    let para = view.para(first);
    let limit = view.len().min(first + MAX_TURN);
    (first..limit)
        .find(|&k| view.para(k) != para)
        .unwrap_or(limit)
}

/// The turn whose paragraph runs over tokens `first..end`, when it opens with a label.
fn turn_at(view: &View<'_>, first: usize, end: usize) -> Option<Found> {
    let w = view.word(first);
    let shouting = w.len() >= MIN_LABEL && w.chars().all(|c| c.is_ascii_uppercase());
    // A label opens its paragraph, after the quotation mark: `“ISIS: The State of Terror,”` in
    // mid-sentence is a title.
    let opens = |k: usize| k == 0 || view.para(k - 1) != view.para(k);
    let at_start = opens(first) || view.is_quote_mark(first - 1) && opens(first - 1);
    if !shouting || !at_start || !view.is_punct(first + 1, ":") || is_label(w) {
        return None;
    }
    let range = trim(view, first + 2..end);
    if view.count_words(range.clone()) == 0 {
        return None;
    }
    let np = Np {
        first,
        last: first,
        head: Head::Words,
        relative: None,
    };
    let speaker = speaker::resolve(view, np, &[]);
    Some(Found {
        kind: ClaimKind::Direct,
        pieces: vec![view.cover(range.start, range.end - 1)],
        cue: Some(view.span(first + 1)),
        speaker: Some(speaker),
        subject: Some(np.span(view)),
        source: None,
        tokens: range,
        anchor: first + 1,
    })
}
