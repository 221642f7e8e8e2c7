//! Content that the attribution interrupts, in PolNeAR's reading: the relative pronoun before
//! the subject (`which officials said were ...`) or the noun phrase of a relative clause with no
//! pronoun (`a probe the agency said was ...`), an adverbial lead before an attribution set
//! off by commas (`If this argument fails, X argues, there are ...`), the subject of a quoted
//! predicate (`An economic downturn, he said, “could be ...”`), and a quotation before an
//! inverted attribution (`“Q1,” said X, “Q2.”`). All give a cue's claim a fragment before its
//! speaker. They are added after the cue classifier and the acceptance model have read the
//! claims (both read the content the cue introduces, as their training does), and scan no
//! further than the clause.

use std::ops::Range;

use newsclaims_syntax::Pos;

use super::Found;
use super::content::{
    backward_content, narration_lead, opens_predicate, phrase_start, starts_adjunct, trim,
};
use crate::ClaimKind;
use crate::lexicon;
use crate::view::View;

/// Gives every cue claim whose content follows its cue the fragment before its subject: the
/// relative pronoun or the noun phrase that is the content's subject, or the lead of an attribution set off by
/// commas. A quotation given a lead is mixed.
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
            .or_else(|| noun_head(view, sub, start, first))
            .or_else(|| {
                // A quotation over paragraphs has a piece for each.
                (f.pieces.len() == 1 || f.kind == ClaimKind::Direct)
                    .then(|| lead(view, f, sub, sub_end, start))?
            });
        if let Some(r) = fragment {
            f.pieces.insert(0, view.cover(r.start, r.end - 1));
            f.tokens.start = r.start;
            if f.kind == ClaimKind::Direct {
                f.kind = ClaimKind::Mixed;
            }
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

/// `a probe the agency said was ongoing`, `The only regret he acknowledged was ...`: in a
/// relative clause with no pronoun, the noun phrase right before the subject phrase starting at
/// `sub` (a determiner, adjectives and nouns) when a verb opens the content at `first`: the
/// phrase is the content's subject. PolNeAR train: 3 contents exact that were not, none lost.
fn noun_head(view: &View<'_>, sub: usize, start: usize, first: usize) -> Option<Range<usize>> {
    let k = sub.checked_sub(1)?;
    // `a decision they say allowed ...`: the tagger reads a past participle as often.
    let verb = matches!(
        view.tag(first),
        Some(Pos::VBD | Pos::VBZ | Pos::VBP | Pos::MD | Pos::VBN)
    );
    if !verb || k < start || !matches!(view.tag(k), Some(Pos::NN | Pos::NNS)) {
        return None;
    }
    let modifier = |j: usize| {
        matches!(
            view.tag(j),
            Some(Pos::JJ | Pos::JJR | Pos::JJS | Pos::NN | Pos::NNS | Pos::CD)
        )
    };
    let mut j = k;
    while j > start && modifier(j - 1) {
        j -= 1;
    }
    let d = j.checked_sub(1)?;
    let determiner = view.is_any(
        d,
        &[
            "a", "an", "the", "this", "that", "these", "those", "one", "another",
        ],
    );
    (d >= start && determiner).then_some(d..k + 1)
}

/// Words of a subject before an attribution in an `as` aside, and of the aside's subject.
const MAX_ASIDE_SUBJECT: usize = 8;

/// `Hawaii, as one of his advisers pointed out, does not get ...`: an attribution in an `as`
/// aside (its subject phrase ends at `sub`) interrupts a clause whose subject is the phrase
/// before the aside and whose predicate opens the content at `first`.
fn as_aside_subject(
    view: &View<'_>,
    sub: usize,
    start: usize,
    first: usize,
) -> Option<Range<usize>> {
    let as_at = (sub.saturating_sub(MAX_ASIDE_SUBJECT)..=sub)
        .rev()
        .take_while(|&k| view.is_wordlike(k) && !view.is_finite(k))
        .find(|&k| view.is(k, "as"))?;
    let comma = as_at.checked_sub(1)?;
    if !view.is_punct(comma, ",") {
        return None;
    }
    // The aside may open a clause of its own: the subject is in the clause before the comma.
    let mut from = view.clause_start(comma).min(start);
    // A leading `And` is left out, as everywhere (`And that, as X points out, is ...`).
    if view.is(from, "and") {
        from += 1;
    }
    let subject = from..comma;
    let plain = subject
        .clone()
        .all(|k| view.quote_at(k).is_none() && !view.is_finite(k));
    let words = view.count_words(subject.clone());
    (opens_predicate(view, first) && plain && (1..=MAX_ASIDE_SUBJECT).contains(&words))
        .then_some(subject)
}

/// Whether `from..to` is an adjunct of a cue: one as the content after a cue skips
/// (`starts_adjunct`: a preposition or a time first) or an adverb alone, and no verb, quotation
/// or comma.
fn adjunct_between(view: &View<'_>, from: usize, to: usize) -> bool {
    let opens = starts_adjunct(view, from, to) || to == from + 1 && view.tag(from) == Some(Pos::RB);
    opens
        && (from..to).all(|k| view.is_wordlike(k) && view.quote_at(k).is_none() && !view.is_verb(k))
}

/// The lead of claim `f` when its attribution is set off by commas: its own subject
/// (`sub..sub_end`) right before the cue and a comma right after the cue (or its particle).
/// Before a content that is no quotation, an adverbial lead; before a quotation that goes on
/// the sentence (its first word in lower case: `If Clinton is elected, he said, “she might
/// ...”`), an adverbial lead or the subject of its predicate (`No name change, he said, “hides
/// what it really is.”`). A capitalised quotation is a sentence of its own, and the lead the
/// narrator's (`In a statement, X said, “We ...”`).
fn lead(
    view: &View<'_>,
    f: &Found,
    sub: usize,
    sub_end: usize,
    start: usize,
) -> Option<Range<usize>> {
    let cue_end = view.token_at_or_after(f.cue?.end());
    let own_subject = (sub_end..f.anchor)
        .all(|k| view.is_wordlike(k) && !view.is_any(k, &["and", "but"]))
        && !view.word(f.anchor).ends_with("ing");
    // The content's first token, a quotation's opening mark included.
    let first = f.tokens.start;
    // The comma may follow an adjunct of the cue (`The bank, X said in a statement, “will ...”`).
    let comma_after = first > cue_end
        && view.is_punct(first - 1, ",")
        && (first == cue_end + 1 || adjunct_between(view, cue_end, first - 1));
    // `Before dropping out, Cruz responded with vitriol, promoting ...`: after an adjunct, a
    // participle phrase is no second half.
    let participle = first > cue_end + 1 && view.tag(first) == Some(Pos::VBG);
    if !own_subject || !comma_after || participle {
        return None;
    }
    if let Some(r) = as_aside_subject(view, sub, start, first) {
        return Some(r);
    }
    let at = phrase_start(view, sub, start);
    let quoted = view
        .quote_at(first)
        .is_some_and(|q| view.quotes[q].tokens.start == first);
    if !quoted {
        return adverbial_lead(view, at, start, false);
    }
    let goes_on = view.is_wordlike(first + 1) && !view.is_capitalized(first + 1);
    if !goes_on {
        return None;
    }
    adverbial_lead(view, at, start, true).or_else(|| quoted_subject(view, at, start))
}

/// `These sources, the lawyers said, “all command ...”`: the phrase or clause before the comma
/// at `at - 1` that is the subject of the quoted predicate after the attribution, when it holds
/// no comma (`..., which is an outcome, he said, “...”` is not one), no quotation and no
/// question put to the speaker (`asked`).
fn quoted_subject(view: &View<'_>, at: usize, start: usize) -> Option<Range<usize>> {
    let r = backward_content(view, at, start)?;
    let plain = r.clone().all(|k| {
        view.quote_at(k).is_none()
            && !view.is_punct(k, ",")
            && view.cue(k).is_none_or(|c| c.lemma != "ask")
    });
    (plain && view.count_words(r.clone()) >= MIN_LEAD_WORDS).then_some(r)
}

/// `“Q1,” said X, “Q2.”`: the cue claim of `Q2`, whose subject follows the cue, takes the
/// quotation ending in a comma right before its cue (or subject) as its first fragment, when that
/// quotation was left to a claim of its own with no cue (the layout reads only the content after
/// an inverted subject). PolNeAR train: 4 exact contents more, 6 claims fewer.
pub(super) fn quote_before(view: &View<'_>, found: &mut Vec<Found>) {
    // The claim that is a whole quotation with no cue, by quotation.
    let mut alone: Vec<Option<usize>> = vec![None; view.quotes.len()];
    for (g, f) in found.iter().enumerate() {
        if f.cue.is_none()
            && f.kind == ClaimKind::Direct
            && let Some(q) = view.quote_at(f.tokens.start)
            && view.quotes[q].tokens == f.tokens
        {
            alone[q] = Some(g);
        }
    }
    let mut gone = vec![false; found.len()];
    for i in 0..found.len() {
        let f = &found[i];
        let Some(first) = f.pieces.first().map(|p| view.token_at_or_after(p.start())) else {
            continue;
        };
        let at = f
            .subject
            .map_or(f.anchor, |s| view.token_at_or_after(s.start()))
            .min(f.anchor);
        if f.kind != ClaimKind::Direct || f.cue.is_none() || first <= f.anchor || at == 0 {
            continue;
        }
        let close = at - 1;
        let Some(q) = view.quote_closing_at(close) else {
            continue;
        };
        let Some(g) = alone[q].filter(|&g| g != i && !gone[g]) else {
            continue;
        };
        let comma = close > 0 && view.is_punct(close - 1, ",");
        if !comma || view.para(close) != view.para(f.anchor) {
            continue;
        }
        let mut pieces = found[g].pieces.clone();
        pieces.extend(found[i].pieces.iter().copied());
        let f = &mut found[i];
        f.pieces = pieces;
        f.tokens.start = view.quotes[q].tokens.start;
        gone[g] = true;
    }
    let mut k = 0;
    found.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
}

/// Words of an adverbial lead at least (`In recent days`).
const MIN_LEAD_WORDS: usize = 2;

/// `If this argument fails to persuade, X argues, ...`, `In recent days, advisers say, ...`: the
/// adverbial clause or phrase before the comma at `at - 1` that precedes the subject, its
/// narrator's conjunction aside, when it holds no quotation (and before a quotation, no cue:
/// `When asked ..., X said, “...”` is a question put to the speaker).
fn adverbial_lead(view: &View<'_>, at: usize, start: usize, quoted: bool) -> Option<Range<usize>> {
    let p = at.checked_sub(1)?;
    if p < start || !view.is_punct(p, ",") {
        return None;
    }
    let from = view.clause_start(p).max(start);
    let r = narration_lead(view, trim(view, from..p));
    let opener = r.start < r.end
        && (lexicon::is_subordinator(view.word(r.start))
            || lexicon::is_preposition(view.word(r.start)));
    let plain = r
        .clone()
        .all(|k| view.quote_at(k).is_none() && !(quoted && view.cue(k).is_some()));
    (opener && plain && view.count_words(r.clone()) >= MIN_LEAD_WORDS).then_some(r)
}
