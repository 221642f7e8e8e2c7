//! Subjects the rules did not find, for a word the cue classifier reads as a cue (a rescue):
//! a long appositive source (`X, a long appositive, said`), the words after an inverted cue
//! (`..., said one source on the panel.`), a counted group (`most of them said`), the subject of
//! a participle's clause, or the phrase that opens the clause (`A memorable ad in 2008
//! questioned whether ...`).

use newsclaims_syntax::Pos;

use super::cue::Reject;
use super::group::group_subject;
use crate::lexicon;
use crate::speaker::{self, Head, Np};
use crate::view::View;

/// Words a fallback subject may span: PolNeAR's long appositive sources (`David Kamin, an
/// outside adviser to the campaign ... and an associate professor at ..., said`) reach 40.
const MAX_FALLBACK_SUBJECT: usize = 48;

/// The subject where the rules found none but the cue classifier reads a cue: after a comma,
/// the clause's first phrase before its first comma (`X, a long appositive, said`); after a
/// quotation or comma with the clause ending soon, the words after the cue (`..., said one
/// source on the panel.`); for a participle, the clause's first phrase (`X poked at Y,
/// tweeting ...`).
pub(super) fn fallback_subject(
    view: &View<'_>,
    i: usize,
    start: usize,
    end: usize,
) -> Result<(Np, bool, bool), Reject> {
    // `most of them said`, `42% say`: a counted group.
    if let Some(np) = group_subject(view, i, start) {
        return Ok((np, false, false));
    }
    let prev = i.checked_sub(1).filter(|&p| p >= start);
    let after_comma = prev
        .is_some_and(|p| view.is_punct(p, ",") || view.is_dash(p) || view.quote_at(p).is_some());
    let participle = view.word(i).ends_with("ing");
    let rest = view.count_words(i + 1..end);
    // Not an adjunct (`, said in a phone interview`, `, shouted to the crowd`).
    let adjunct = lexicon::is_preposition(view.word(i + 1));
    if after_comma && !participle && !adjunct && (1..=10).contains(&rest) {
        let last = (i + 1..end)
            .rev()
            .find(|&k| view.is_wordlike(k))
            .ok_or(Reject::NoSubject)?;
        let np = speaker::np_ending_at(view, last, i + 1).map_or(
            Np {
                first: i + 1,
                last,
                head: Head::Words,
                relative: None,
            },
            |np| Np { first: i + 1, ..np },
        );
        return Ok((np, true, false));
    }
    if !after_comma && !participle {
        return opening_subject(view, i, start)
            .map(|np| (np, false, false))
            .ok_or(Reject::NoSubject);
    }
    let np = match aside_subject(view, i, start) {
        Some(np) => np,
        // `In a column ..., two speechwriters implored her ..., arguing ...`: the subject of a
        // finite verb of the clause.
        None if participle => (start + 1..i)
            .filter(|&k| view.quote_at(k).is_none() && !view.is_capitalized(k) && view.is_finite(k))
            .find_map(|k| {
                speaker::subject_left(view, k, start)
                    .filter(|np| !matches!(np.head, Head::Words) || np.first == start)
            })
            .ok_or(Reject::NoSubject)?,
        None => return Err(Reject::NoSubject),
    };
    Ok((np, false, participle))
}

/// The clause's first phrase before an aside that opens with a comma or a dash (`X, a long
/// appositive, said`, `Kall -- co-editor of ... -- said`), a parenthesis after the name aside
/// (`Rep. Gregory W. Meeks (D-N.Y.), chairman of ..., said`).
fn aside_subject(view: &View<'_>, i: usize, start: usize) -> Option<Np> {
    let limit = i.min(start + MAX_FALLBACK_SUBJECT);
    let comma = (start + 1..limit)
        .find(|&k| view.is_punct(k, ",") || view.is_dash(k) || view.quote_at(k).is_some())?;
    let mut last = comma - 1;
    if view.is_punct(last, ")")
        && let Some(open) = (start..last).rev().take(8).find(|&k| view.is_punct(k, "("))
    {
        last = open.checked_sub(1)?;
    }
    if last < start {
        return None;
    }
    let np = speaker::np_ending_at(view, last, start)?;
    (!matches!(np.head, Head::Words) || np.first == start).then_some(np)
}

/// Words of a clause-opening subject (`A memorable Hillary Clinton ad in 2008`, `all the experts
/// I interviewed`, `Some 56 percent of Cuban-Americans polled`).
const MAX_OPENING_SUBJECT: usize = 12;

/// Words that open no subject: a subordinate or relative clause, a preposition's phrase.
const NO_SUBJECT_START: &[&str] = &[
    "that", "which", "who", "whom", "whose", "what", "when", "where", "while", "if", "because",
    "as", "there", "it",
];

/// The phrase that opens the cue's clause, or follows its last comma, up to the cue: `A memorable
/// Hillary Clinton ad in 2008 questioned ...`, `In his favor, all the experts I interviewed
/// said ...`, `The film ― which weaves ... ― explains ...` (up to a dash aside). At most
/// [`MAX_OPENING_SUBJECT`] words with a noun or pronoun among them, no quotation, and not a
/// clause of its own.
fn opening_subject(view: &View<'_>, i: usize, start: usize) -> Option<Np> {
    let mut first = (start..i)
        .rev()
        .find(|&k| view.is_punct(k, ",") && view.quote_at(k).is_none())
        .map_or(start, |c| c + 1);
    if view.is_any(first, &["but", "and", "yet", "so"]) {
        first += 1;
    }
    let mut last = i.checked_sub(1)?;
    if let Some(dash) = (first..i).find(|&k| view.is_dash(k)) {
        last = dash.checked_sub(1)?;
    }
    // Auxiliaries and adverbs before the cue (`isn't`, `have repeatedly`).
    while last > first && view.is_wordlike(last) && view.is_aux_or_adverb(last) {
        last -= 1;
    }
    if last < first || first >= i {
        return None;
    }
    let words = view.count_words(first..last + 1);
    // No verb but a reduced relative's participle at the end (`the experts I interviewed`,
    // `voters polled`): `Oz has been dogged by`, `He was able to` are clauses.
    let verbal =
        |k: usize| view.tag(k).is_some_and(|t| t.is_verb() || t == Pos::TO) || view.is(k, "to");
    let reduced = |k: usize| {
        k > first
            && matches!(view.tag(k), Some(Pos::VBD | Pos::VBN))
            && view
                .tag(k - 1)
                .is_some_and(|t| t.is_noun() || t == Pos::PRP)
    };
    if (first..last).any(verbal) || verbal(last) && !reduced(last) {
        return None;
    }
    if lexicon::is_preposition(view.word(last)) || lexicon::is_determiner(view.word(last)) {
        return None;
    }
    let nominal = (first..=last).any(|k| {
        view.tag(k)
            .is_some_and(|t| t.is_noun() || matches!(t, Pos::PRP))
    });
    let ok = (1..=MAX_OPENING_SUBJECT).contains(&words)
        && nominal
        && view.is_wordlike(first)
        && !view.is_any(first, NO_SUBJECT_START)
        && !lexicon::is_preposition(view.word(first))
        && (first..=last).all(|k| view.quote_at(k).is_none());
    ok.then(|| {
        let head = speaker::np_ending_at(view, last, first).map_or(Head::Words, |np| np.head);
        Np {
            first,
            last,
            head,
            relative: None,
        }
    })
}
