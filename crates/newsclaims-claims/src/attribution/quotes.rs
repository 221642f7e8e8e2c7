//! The quotations no cue claimed: a dash sign-off, a colon lead-in, a continuation of the previous
//! quote, or a person named just before; scare quotes and titles are not claims.

use std::ops::Range;

use newsclaims_entities::Label;
use newsclaims_syntax::Pos;
use newsclaims_text::Span;

use super::Found;
use super::transcript::transcript_turns;
use crate::speaker::{self, Head, Np};
use crate::view::View;
use crate::{ClaimKind, Speaker};

/// Attributes the quotations no cue claimed, and drops scare quotes and titles.
pub(super) fn unclaimed_quotes(view: &View<'_>, mut found: Vec<Found>) -> Vec<Found> {
    let sorted = found.len();
    let mut used = vec![false; view.quotes.len()];
    for f in &found {
        for k in f.tokens.clone() {
            if let Some(q) = view.quote_at(k) {
                used[q] = true;
            }
        }
    }
    for (q, quote) in view.quotes.iter().enumerate() {
        if used[q] {
            continue;
        }
        let qt = quote.tokens.clone();
        let words = view.count_words(qt.clone());
        if words == 0 {
            continue;
        }
        if let Some(turns) = transcript_turns(view, q) {
            found.extend(turns);
            continue;
        }
        let open = qt.start;
        let start = view.clause_start(open);
        let embedded = open > start
            && !after_title(view, open)
            && !view.is_punct(open - 1, ":")
            && !view.is_punct(open - 1, ",")
            && !view.is_dash(open - 1);
        // A quotation inside a clause that no cue reports is a term, a title or a fragment
        // (`its “special military operation”`, `identified the judge as “Spanish”`).
        // A capitalised sentence opening its own clause (`“We're America.”`, `“The Donald. Big
        // Daddy.”`) may go on the quote before it; it is a title only if it does not.
        let title = is_title(view, qt.clone());
        let title_sentence = title && open == start && view.quote_ends_sentence(q);
        if embedded && words <= MAX_SCARE_WORDS || title && !title_sentence {
            continue;
        }
        if !quote.closed && words <= 4 {
            continue;
        }
        let (cue, mut speaker) = sign_off_or_lead_in(view, qt.clone(), start);
        if speaker.is_none() {
            match continuation(view, &mut found, sorted, q) {
                Continuation::Merged => continue,
                Continuation::Speaker(s) => speaker = s,
            }
            if title_sentence {
                continue;
            }
            // A person named in the quotation's own lead-in speaks it (`Blige sings to Clinton
            // before asking her, “...”`, `footage of Clinton asking, “...”`), not one of the
            // sentence or quote before. A short one after a comma is a title (`on Mr. King's
            // show, “Politicking.”`).
            if words >= 5
                && open > start
                && (view.is_punct(open - 1, ",") || view.is_punct(open - 1, ":"))
            {
                speaker = person_in(view, start..open - 1).or(speaker);
            }
        }
        if speaker.is_none() && start > 0 {
            speaker = person_before(view, start);
        }
        if cue.is_none() {
            speaker = speaker.map(|s| local_mention(view, qt.clone(), s).unwrap_or(s));
        }
        if (embedded || words < 5) && speaker.is_none() {
            continue;
        }
        let pieces: Vec<Span> = quote
            .fragments
            .iter()
            .copied()
            .filter(|s| !s.is_empty())
            .collect();
        if pieces.is_empty() {
            continue;
        }
        found.push(Found {
            kind: ClaimKind::Direct,
            pieces,
            cue,
            speaker,
            subject: speaker.map(|s| s.span),
            source: None,
            tokens: qt.clone(),
            anchor: open,
        });
    }
    found
}

/// The cue and speaker of quotation `qt` (its clause starting at `start`) from its dash
/// sign-off (`“...” — Commissioner X`) or its colon lead-in (`And from the chairwoman: “...”`).
fn sign_off_or_lead_in(
    view: &View<'_>,
    qt: std::ops::Range<usize>,
    start: usize,
) -> (Option<Span>, Option<Speaker>) {
    let open = qt.start;
    let mut cue = None;
    let mut speaker = None;
    // A dash sign-off: `“...” — Commissioner X`.
    if view.is_dash(qt.end) {
        let end = view.clause_end(qt.end + 1).max(qt.end + 1);
        if let Some(np) = speaker::subject_right(view, qt.end + 1, end.min(qt.end + 10)) {
            cue = Some(view.span(qt.end));
            speaker = Some(speaker::resolve(view, np, &[]));
        }
    }
    // A colon lead-in: `And from the chairwoman: “...”`; with a verb, its subject speaks
    // (`Trump posted on Twitter: “...”` is Trump's, not Twitter's).
    if speaker.is_none() && open > 0 && view.is_punct(open - 1, ":") && open - 1 > start {
        // A singular noun and a word in -s before the colon are a subject and its verb,
        // though the tagger read a plural and an adjective (`The amendment’s text reads: “...”`).
        let verb_s = open - 2;
        let cue_word = (verb_s > start
            && !view.is_capitalized(verb_s)
            && view.word(verb_s).ends_with('s')
            && matches!(view.tag(verb_s), Some(Pos::NNS | Pos::VBZ))
            && !view.word(verb_s - 1).ends_with('s')
            && matches!(view.tag(verb_s - 1), Some(Pos::NN | Pos::JJ)))
        .then_some(verb_s);
        if let Some(verb) = (start..open - 1)
            .find(|&k| finite_verb(view, k))
            .or(cue_word)
        {
            if let Some(np) = speaker::subject_left(view, verb, start) {
                cue = Some(view.span(verb));
                speaker = Some(speaker::resolve(view, np, &[]));
            }
        } else if let Some(np) = speaker::np_ending_at(view, open - 2, start) {
            cue = Some(view.span(open - 1));
            speaker = Some(speaker::resolve(view, np, &[]));
        }
    }
    (cue, speaker)
}

/// Whether token `k` is a lower-case finite verb (`posted`, `writes`, `say`).
fn finite_verb(view: &View<'_>, k: usize) -> bool {
    !view.is_capitalized(k) && matches!(view.tag(k), Some(Pos::VBD | Pos::VBZ | Pos::VBP))
}

/// What the quotations before say about quotation `q`.
enum Continuation {
    /// It went on the previous claim as another fragment.
    Merged,
    /// The previous quote's speaker, if it goes on talking.
    Speaker(Option<Speaker>),
}

/// A continuation: the previous quote's speaker, when it spoke in this paragraph or the one
/// before. Right after `“Q1,” X said.` in the same paragraph, the quote goes on the same claim
/// as another fragment (PolNeAR's and the news convention's reading).
fn continuation(view: &View<'_>, found: &mut [Found], sorted: usize, q: usize) -> Continuation {
    let quote = &view.quotes[q];
    let qt = quote.tokens.clone();
    let open = qt.start;
    let para = view.para(open);
    // Only claims near the quote are candidates, which keeps the pass linear: the cue
    // claims are sorted, the quote claims come in text order after them.
    let near = nearby(found, sorted, view.span(open).start());
    // A participle's claim closing the attribution's sentence (`“Q1,” said X, speaking of
    // ....`) leaves the quotation before it the one that goes on.
    let participle =
        |f: &Found| f.kind != ClaimKind::Direct && view.word(f.anchor).ends_with("ing");
    let before = |k: usize| found[k].tokens.end <= open && found[k].speaker.is_some();
    let mut prev = near
        .iter()
        .copied()
        .filter(|&k| before(k))
        .max_by_key(|&k| found[k].tokens.end);
    let later_sentence = |k: usize| view.sent(found[k].anchor) != view.sent(open);
    // So does a relative clause's claim (`“Q1,” said X, who declined to be identified. “Q2”`).
    let aside =
        |f: &Found| participle(f) || f.kind != ClaimKind::Direct && relative_cue(view, f, 0);
    if let Some(k) = prev.filter(|&k| aside(&found[k]) && later_sentence(k)) {
        let direct = near
            .iter()
            .copied()
            .filter(|&o| before(o) && found[o].kind == ClaimKind::Direct)
            .filter(|&o| view.sent(found[o].anchor) == view.sent(found[k].anchor))
            .max_by_key(|&o| found[o].tokens.end);
        prev = direct.or(prev);
    }
    if let Some(k) = prev {
        let p = &found[k];
        let pp = view.para(p.tokens.end.saturating_sub(1));
        let cue_between = p.cue.is_some_and(|c| c.start() >= p.span().end());
        let gap_clear = gap_clear(view, found, &near, p.tokens.end..open);
        // The next paragraph continues it too when the previous one ended with the
        // attribution (`“Q1,” X said.¶“Q2.”`), as PolNeAR's annotators read it, however long
        // the attribution's own sentence (`said X, a representative from Texas who chairs ...`).
        let ends_paragraph = gap_clear
            && p.cue.is_some_and(|c| {
                let after = view.token_at_or_after(c.end());
                (after..open).all(|t| {
                    view.para(t) != pp
                        || !view.is_wordlike(t)
                        || t < after + 12
                        || view.sent(t) == view.sent(after)
                })
            });
        let next_para = para == pp + 1 && ends_paragraph;
        // `“Q1,” X said.¶She continued, “Q2.”`: a quote after words of a sentence of its own is
        // that sentence's claim, not a fragment of the one before.
        let same_sentence = view.sent(p.anchor) == view.sent(open);
        let opens_clause = same_sentence
            || after_title(view, open)
            || (view.clause_start(open)..open).all(|t| !view.is_wordlike(t));
        if (para == pp || next_para)
            && p.kind == ClaimKind::Direct
            && cue_between
            && gap_clear
            && opens_clause
        {
            let extra: Vec<Span> = quote
                .fragments
                .iter()
                .copied()
                .filter(|s| !s.is_empty())
                .collect();
            let f = &mut found[k];
            f.pieces.extend(extra);
            f.tokens.end = qt.end;
            return Continuation::Merged;
        }
        if para.saturating_sub(pp) <= 1 && matches!(p.kind, ClaimKind::Direct | ClaimKind::Mixed) {
            return Continuation::Speaker(p.speaker);
        }
        // `..., Schiff said. “Q”`: the speaker just named goes on talking in the paragraph.
        if para == pp && p.kind == ClaimKind::Indirect && cue_between && gap_clear {
            return Continuation::Speaker(p.speaker);
        }
    }
    Continuation::Speaker(None)
}

/// Whether nothing else was reported between a claim and the quotation after it (`gap`; not
/// `“Q1,” X said, adding that ... “Q2”`). A title (`on Fox News's “Fox and Friends.”`), a scare
/// quote no claim holds (`one of the original “big four” negotiators`), a participle's claim
/// sharing the speaker (`said Caddell, speaking of ...`) or a relative clause's claim about the
/// speaker (`said X, who declined to be identified`) does not interrupt it. PolNeAR train: the
/// scare quotes and relative clauses give 5 exact contents more, 7 claims fewer.
fn gap_clear(view: &View<'_>, found: &[Found], near: &[usize], gap: Range<usize>) -> bool {
    let title_at = |t: usize| {
        view.quote_at(t)
            .is_some_and(|q| is_title(view, view.quotes[q].tokens.clone()))
    };
    let scare_at = |t: usize| {
        view.quote_at(t).is_some_and(|q| {
            let r = view.quotes[q].tokens.clone();
            r.start > gap.start
                && view.is_wordlike(r.start - 1)
                && view.count_words(r) <= MAX_SCARE_WORDS
        }) && !near.iter().any(|&o| found[o].tokens.contains(&t))
    };
    gap.len() <= 40
        && gap
            .clone()
            .all(|t| view.quote_at(t).is_none() || title_at(t) || scare_at(t))
        && !near.iter().any(|&o| {
            let f = &found[o];
            f.tokens.start >= gap.start
                && f.tokens.start < gap.end
                && !(f.anchor > gap.start && view.word(f.anchor).ends_with("ing"))
                && !relative_cue(view, f, gap.start)
        })
}

/// Words of a scare quote at most (`its “special military operation”`), as for the quotations
/// inside a clause that are no claims.
const MAX_SCARE_WORDS: usize = 8;

/// Whether claim `f`'s cue follows a relative pronoun after a comma (after token `floor`),
/// adverbs or an auxiliary between (`, who said ...`, `, who has long argued ...`).
fn relative_cue(view: &View<'_>, f: &Found, floor: usize) -> bool {
    (f.anchor.saturating_sub(3)..f.anchor)
        .any(|k| k > floor && view.is(k, "who") && view.is_punct(k - 1, ","))
}

/// Whether a title ending a sentence (`on Fox News's “Fox and Friends.” “Q2”`) closes right
/// before token `open`: the clause scan runs on across it, but the quotation after it opens a
/// sentence of its own.
fn after_title(view: &View<'_>, open: usize) -> bool {
    open > 0
        && view.quote_closing_at(open - 1).is_some_and(|t| {
            view.quote_ends_sentence(t) && is_title(view, view.quotes[t].tokens.clone())
        })
}

/// A person named in the sentence before the quotation's clause at `start`, with no cue.
fn person_before(view: &View<'_>, start: usize) -> Option<Speaker> {
    person_in(view, view.clause_start(start - 1)..start)
}

/// The first person named in the tokens `range` outside quotations.
fn person_in(view: &View<'_>, range: std::ops::Range<usize>) -> Option<Speaker> {
    let m = range
        .filter(|&k| view.quote_at(k).is_none())
        .find_map(|k| {
            view.mention_at(k)
                .filter(|(_, m)| {
                    m.label == Label::Person && speaker::plausible_name(view.text, m.span)
                })
                .map(|(m, _)| m)
        })?;
    let np = Np {
        first: view.token_at_or_after(view.entities.mentions[m].span.start()),
        last: view
            .token_at_or_after(view.entities.mentions[m].span.end())
            .saturating_sub(1),
        head: Head::Mention(m),
        relative: None,
    };
    Some(speaker::resolve(view, np, &[]))
}

/// The mention of the speaker's own entity nearest quotation `qt` in its sentences, outside
/// quotations: the mention at the quote (`“...,” Mr. Biden said` where the cue went to another
/// claim) is the one PolNeAR marks, not the earlier one a continuation or a lead-in carries.
/// The name stays the cluster's (PolNeAR train: 16 speakers right that were wrong, 1 lost).
fn local_mention(view: &View<'_>, qt: std::ops::Range<usize>, s: Speaker) -> Option<Speaker> {
    let cluster = s.cluster?;
    let lo = view.sentence_tokens(view.sent(qt.start) as usize).start;
    let hi = view.sentence_tokens(view.sent(qt.end - 1) as usize).end;
    let distance = |k: usize| qt.start.saturating_sub(k).max(k.saturating_sub(qt.end));
    (lo..qt.start)
        .chain(qt.end..hi)
        .filter(|&k| view.quote_at(k).is_none())
        .filter_map(|k| view.mention_at(k).map(|(_, m)| (k, m)))
        .filter(|(_, m)| m.cluster == cluster)
        .min_by_key(|&(k, _)| distance(k))
        .map(|(_, m)| Speaker { span: m.span, ..s })
}

/// Indices of the claims near byte `pos`: the 32 cue claims (sorted by start, the first
/// `sorted` of `found`) starting last before it, and the last 8 quote claims added after them.
pub(super) fn nearby(found: &[Found], sorted: usize, pos: usize) -> Vec<usize> {
    let cut = found[..sorted].partition_point(|f| f.span().start() < pos);
    let mut out: Vec<usize> = (cut.saturating_sub(32)..cut).collect();
    out.extend(found.len().saturating_sub(8).max(sorted)..found.len());
    out
}

/// A title of a work: every word capitalised or a short function word (`“The Art of the Deal”`).
pub(super) fn is_title(view: &View<'_>, r: std::ops::Range<usize>) -> bool {
    let words: Vec<usize> = r.filter(|&k| view.is_wordlike(k)).collect();
    words.len() >= 2
        && words.len() <= 10
        && view.is_capitalized(words[0])
        && words.iter().all(|&k| {
            view.is_capitalized(k)
                || view.is_any(
                    k,
                    &[
                        "of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at",
                    ],
                )
        })
}
