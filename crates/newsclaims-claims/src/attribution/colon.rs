//! Colon lead-ins: a name and a colon opening a sentence (`Bernie Sanders: ...`, `TAPPER: ...`),
//! and the section labels (`Update:`, `WATCH:`) that are not speakers.

use newsclaims_entities::Label;

use super::content::trim;
use super::{Found, build};
use crate::speaker::{self, Earlier, Head, Np};
use crate::view::View;

/// A name and a colon opening a paragraph or sentence, as in headlines and transcripts
/// (`Bernie Sanders: ...`, `Clinton to Planned Parenthood: ...`, `TAPPER: ...`): the rest of the
/// clause is the claim, the colon its cue. A lead-in without a name (`Note:`, `Update:`) is none.
pub(super) fn colon_lead(view: &View<'_>, colon: usize, earlier: &[Earlier]) -> Option<Found> {
    let start = view.clause_start(colon);
    if colon <= start || colon - start > 7 {
        return None;
    }
    let lead = start..colon;
    if lead
        .clone()
        .any(|k| view.is_punct(k, ",") || view.quote_at(k).is_some())
    {
        return None;
    }
    // The speaker: the first person or organisation named, or a lone all-caps name.
    let named = lead.clone().find(|&k| {
        view.mention_at(k).is_some_and(|(_, m)| {
            matches!(
                m.label,
                Label::Person | Label::Org | Label::Norp | Label::Gpe
            ) && speaker::plausible_name(view.text, m.span)
        })
    });
    let np = match named {
        // The name opens the lead-in, a title (`Sen.`) aside: a name after other capitalised
        // words is part of a headline (`Veto Power Impedes Peace: ...`).
        Some(k) if (start..k).any(|j| view.is_wordlike(j) && !view.word(j).ends_with('.')) => {
            return None;
        }
        Some(k) => {
            let (m, _) = view.mention_at(k)?;
            let mut last = k;
            while view.mention_at(last + 1).is_some_and(|(n, _)| n == m) {
                last += 1;
            }
            Np {
                first: k,
                last,
                head: Head::Mention(m),
                relative: None,
            }
        }
        // A lone all-caps transcript name (`TAPPER:`). A lone capitalised word the tagger did
        // not know is no speaker: on the news corpora it was a section label three times in
        // four (`Takeaway:`, `Subs:`, `Midwest:`).
        None if colon - start == 1 => {
            let w = view.word(start);
            let shouting = w.len() >= 3 && w.chars().all(|c| c.is_ascii_uppercase());
            if !shouting || is_label(w) {
                return None;
            }
            Np {
                first: start,
                last: start,
                head: Head::Words,
                relative: None,
            }
        }
        None => return None,
    };
    // Every lead-in word is a name, a title or a short function word (`to`, `on`, `at`).
    let name_like = lead.clone().all(|k| {
        !view.is_wordlike(k)
            || view.is_capitalized(k)
            || view.is_any(
                k,
                &[
                    "to", "on", "at", "in", "of", "for", "about", "and", "the", "from",
                ],
            )
    });
    if !name_like || lead.clone().any(|k| is_label(view.word(k))) {
        return None;
    }
    let end = view.clause_end(colon + 1);
    let range = trim(view, colon + 1..end);
    if view.count_words(range.clone()) < 3 || !ends_sentence(view, colon, end) {
        return None;
    }
    let speaker = speaker::resolve(view, np, earlier);
    build(
        view,
        vec![range],
        Some(view.span(colon)),
        Some(speaker),
        Some(np.span(view)),
        colon,
    )
}

/// Whether the clause after a colon lead-in ends as a sentence does, in the colon's paragraph:
/// with a full stop, a question or exclamation mark, or a quotation that ends with one. A
/// headline, a list of links (`A | B | C`) or a photo credit after a label ends at the paragraph
/// break without one, and is no claim.
fn ends_sentence(view: &View<'_>, colon: usize, end: usize) -> bool {
    if end < view.len() && view.para(end) == view.para(colon) && view.is_terminator(end) {
        return true;
    }
    let last = end.saturating_sub(1);
    last > colon
        && view.para(last) == view.para(colon)
        && view
            .quote_at(last)
            .is_some_and(|q| view.quote_ends_sentence(q))
}

/// Section labels that a colon follows in news pages (`Update:`, `WATCH:`): no speaker.
const SECTION_LABELS: &[&str] = &[
    "note",
    "update",
    "updated",
    "related",
    "watch",
    "photos",
    "photo",
    "video",
    "read",
    "editor",
    "correction",
    "source",
    "sources",
    "via",
    "warning",
    "breaking",
    "exclusive",
    "listen",
    "more",
    "see",
    "also",
    "q",
    "a",
    "question",
    "answer",
    "disclosure",
    "credit",
    "caption",
    "image",
    "images",
    "reporting",
    "contact",
    "email",
    "tags",
    "share",
    "ps",
    "pictured",
    "above",
    "below",
    "here",
    "analysis",
    "opinion",
    "poll",
    "transcript",
    "washington",
    "live",
    "editorial",
    "review",
    "interview",
    "obituary",
    "explainer",
    "factbox",
    "timeline",
    "recap",
    "preview",
    "report",
    "podcast",
    "letters",
    "comment",
    "commentary",
    "feature",
    "profile",
    "graphic",
    "chart",
    "map",
    "quiz",
    "satire",
    "sponsored",
    "advertisement",
    "summary",
    "background",
    "context",
    "details",
    "result",
    "results",
    "score",
    "scores",
    "final",
    "where",
    "when",
    "what",
    "why",
    "how",
    "who",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "sports",
    "business",
    "politics",
    "world",
    "news",
];

/// Whether `w` is a section label (`Update:`, `WATCH:`).
pub(super) fn is_label(w: &str) -> bool {
    SECTION_LABELS.iter().any(|d| w.eq_ignore_ascii_case(d))
}
