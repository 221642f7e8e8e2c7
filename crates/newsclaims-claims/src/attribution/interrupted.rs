//! Content that the attribution interrupts, in PolNeAR's reading: the relative pronoun before
//! the subject (`which officials said were ...`), and an adverbial lead before an attribution set
//! off by commas (`If this argument fails, X argues, there are ...`). Both give a cue's claim a
//! fragment before its speaker. They are added after the cue classifier and the acceptance model
//! have read the claims (both read the content the cue introduces, as their training does), and
//! scan no further than the clause.

use std::ops::Range;

use newsclaims_syntax::Pos;

use super::Found;
use super::content::{narration_lead, phrase_start, trim};
use crate::lexicon;
use crate::view::View;

/// Gives every cue claim whose content follows its cue the fragment before its subject: the
/// relative pronoun that is the content's subject, or the adverbial lead of an attribution set
/// off by commas.
pub(super) fn extend(view: &View<'_>, found: &mut [Found]) {
    for f in found.iter_mut() {
        let (Some(_), Some(subject)) = (f.cue, f.subject) else {
            continue;
        };
        let Some(first) = f.pieces.first().map(|p| view.token_at_or_after(p.start())) else {
            continue;
        };
        let cue = f.anchor;
        let sub = view.token_at_or_after(subject.start());
        let sub_end = view.token_at_or_after(subject.end());
        if first <= cue || sub >= cue || sub_end > cue {
            continue;
        }
        let start = view.clause_start(cue);
        let fragment = relative_subject(view, sub, start, first)
            .map(|k| k..k + 1)
            .or_else(|| {
                (f.pieces.len() == 1).then(|| lead(view, f, sub, sub_end, start, first))?
            });
        if let Some(r) = fragment {
            f.pieces.insert(0, view.cover(r.start, r.end - 1));
            f.tokens.start = r.start;
        }
    }
}

/// The relative pronoun right before the subject phrase starting at `sub` (`which officials
/// said will ...`, `what the senators said was ...`) when a finite verb opens the content at
/// `first`: the pronoun is the content's subject. Before a content with a subject of its own
/// (`which he said he will ...`) it is not content (PolNeAR train: 17 contents exact that were
/// not, 1 lost; with the object of a cue of naming too, 2 more lost).
fn relative_subject(view: &View<'_>, sub: usize, start: usize, first: usize) -> Option<usize> {
    let k = sub.checked_sub(1)?;
    let verb = matches!(
        view.tag(first),
        Some(Pos::VBD | Pos::VBZ | Pos::VBP | Pos::MD)
    );
    (k + 1 >= start && verb && view.is_any(k, &["which", "what"])).then_some(k)
}

/// The adverbial lead of claim `f` when its attribution is set off by commas: its own subject
/// (`sub..sub_end`) right before the cue, a comma right after the cue (or its particle) and a
/// content that is no quotation.
fn lead(
    view: &View<'_>,
    f: &Found,
    sub: usize,
    sub_end: usize,
    start: usize,
    first: usize,
) -> Option<Range<usize>> {
    let cue_end = view.token_at_or_after(f.cue?.end());
    let own_subject = (sub_end..f.anchor)
        .all(|k| view.is_wordlike(k) && !view.is_any(k, &["and", "but"]))
        && !view.word(f.anchor).ends_with("ing");
    let comma_after = first == cue_end + 1 && view.is_punct(cue_end, ",");
    let quoted = view
        .quote_at(first)
        .is_some_and(|q| view.quotes[q].tokens.start == first);
    if !own_subject || !comma_after || quoted {
        return None;
    }
    adverbial_lead(view, phrase_start(view, sub, start), start)
}

/// Words of an adverbial lead at least (`In recent days`).
const MIN_LEAD_WORDS: usize = 2;

/// `If this argument fails to persuade, X argues, ...`, `In recent days, advisers say, ...`: the
/// adverbial clause or phrase before the comma at `at - 1` that precedes the subject, its
/// narrator's conjunction aside, when it holds no quotation.
fn adverbial_lead(view: &View<'_>, at: usize, start: usize) -> Option<Range<usize>> {
    let p = at.checked_sub(1)?;
    if p < start || !view.is_punct(p, ",") {
        return None;
    }
    let from = view.clause_start(p).max(start);
    let r = narration_lead(view, trim(view, from..p));
    let opener = r.start < r.end
        && (lexicon::is_subordinator(view.word(r.start))
            || lexicon::is_preposition(view.word(r.start)));
    let plain = r.clone().all(|k| view.quote_at(k).is_none());
    (opener && plain && view.count_words(r.clone()) >= MIN_LEAD_WORDS).then_some(r)
}
