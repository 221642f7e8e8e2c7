//! Content boundaries: where the reported content after a cue starts and ends (the content
//! before a subject, `“Q,” X said`, is in `backward.rs`). Every scan stops at the clause end.

use std::ops::ControlFlow;

use newsclaims_entities::Label;
use newsclaims_syntax::Pos;

pub(super) use super::backward::{backward_content, is_framing, narration_lead};
use super::opening::{ends_time, infinitive_after_date, opens_amount, opens_infinitive};
use super::{addressee, boundary, complementizer, start, stops};
use crate::lexicon::{self, CueClass};
use crate::view::View;

/// Tokens an adjunct between a cue and its content may span (`on Thursday in a statement to
/// reporters at the White House`); longer, it is the content itself.
const MAX_ADJUNCT: usize = 14;

pub(super) struct Forward {
    pub(super) range: std::ops::Range<usize>,
    /// The content follows a comma after the cue (`X said, “Q”` or `“Q1,” X said, “Q2”`).
    pub(super) after_comma: bool,
    /// The content came after an adjunct (`said at a rally, ...`).
    pub(super) adjunct: bool,
}

impl Forward {
    /// No content: the empty range at token `f`.
    fn empty(f: usize) -> Forward {
        Forward {
            range: f..f,
            after_comma: false,
            adjunct: false,
        }
    }
}

/// Whether `that` follows the cue within a short adjunct.
pub(super) fn followed_by_that(view: &View<'_>, cue: usize, end: usize) -> bool {
    (cue + 1..end.min(cue + 10)).any(|k| view.is(k, "that"))
}

/// The content after a cue: skips the addressee of `tell`, a short adjunct, `that`, a colon;
/// runs to the clause end or to the next cue sharing this subject (`, adding that ...`).
pub(super) fn forward_content(
    view: &View<'_>,
    from: usize,
    end: usize,
    class: CueClass,
    cue: Option<(usize, &'static str)>,
) -> Option<Forward> {
    let mut f = from;
    if f >= end {
        return None;
    }
    let mut after_comma = false;
    let mut adjunct = false;
    if class == CueClass::Tell {
        match addressee::after_addressee(view, from, end, cue) {
            ControlFlow::Break(forward) => return forward,
            ControlFlow::Continue(k) => f = k,
        }
    }
    // `pledged to push for ...`, `declined to comment`: the infinitive is the content, not an
    // adjunct; so after a day or a date (`vowed Tuesday to remain ...`).
    let mut infinitive = opens_infinitive(view, f);
    if !infinitive && let Some(to) = infinitive_after_date(view, f, end) {
        (f, infinitive) = (to, true);
    }
    if f < end && adverbial_alone(view, f, end) {
        return Some(Forward::empty(f));
    }
    // `These employees, Stumpf said later, made ...`: an adverb alone before the comma is an
    // adjunct too.
    let set_off = || cue.is_some_and(|(c, _)| set_off_attribution(view, c));
    if f + 1 < end
        && view.is_punct(f + 1, ",")
        && view.tag(f) == Some(Pos::RB)
        && opens_predicate(view, f + 2)
        && set_off()
    {
        f += 1;
        adjunct = true;
    }
    // An adjunct: `in a statement`, `on Monday`, `during a press conference ... in Kyiv`.
    if f < end
        && !infinitive
        && !opens_amount(view, f)
        && starts_adjunct(view, f, end)
        && view.quote_at(f).is_none()
    {
        let skipped = skip_adjunct(view, f, end);
        let resolved = skipped.is_some();
        if let Some((k, comma)) = skipped {
            f = k;
            adjunct = comma;
        }
        if !resolved {
            // Nothing but the adjunct up to the clause end: `X said in the tweet.`
            return Some(Forward::empty(f));
        }
    }
    if f < end && (view.is_punct(f, ",") || view.is_punct(f, ":")) {
        after_comma = view.is_punct(f, ",");
        f += 1;
        // `she said of the election, in which ...`: a relative clause, not content.
        if view.is_any(
            f,
            &[
                "in", "which", "who", "where", "when", "whom", "whose", "as", "at", "on",
            ],
        ) {
            return Some(Forward::empty(f));
        }
        // After an adjunct, only a quotation or, in an attribution set off by commas, a
        // predicate without its subject (`These employees, Stumpf said in a statement, made
        // ...`) continues an interrupted content; a clause with a subject of its own does not
        // join what comes before the subject (an adverbial lead joins it after the models,
        // `interrupted::extend`).
        if adjunct && view.quote_at(f).is_none() && !(opens_predicate(view, f) && set_off()) {
            after_comma = false;
        }
    }
    if f < end && complementizer::is_complementizer(view, f, end, cue.map(|c| c.0)) {
        f += 1;
    }
    // `“Q,” he said Monday, adding that ...`: the next cue's content, not this one's.
    if f >= end || view.is_wordlike(f) && view.cue(f).is_some() && view.word(f).ends_with("ing") {
        return Some(Forward::empty(f));
    }
    let rule = f;
    let f = ranked_start(view, rule, end, class, cue.filter(|_| !after_comma));
    let range = content_range(view, f, end, class, cue)?;
    // Right after the cue (not the second half of `X, he said, is ...`), judged at the rules'
    // start.
    if !after_comma && !opens_content(view, trim(view, rule..end).start) {
        return None;
    }
    Some(Forward {
        range,
        after_comma,
        adjunct,
    })
}

/// Words of a subject between the comma that sets an attribution off and its cue
/// (`The truth, | the senator | said then, was ...`).
const MAX_SET_OFF_SUBJECT: usize = 6;

/// Whether the cue at `cue` and its subject follow a comma right before them (`These employees,
/// Stumpf explained ...`): an attribution set off inside the content. Not after a subordinator
/// or relative word (`..., as Cruz said on ...`), whose clause is the narrator's.
fn set_off_attribution(view: &View<'_>, cue: usize) -> bool {
    // Every token walked before the comma is a word of the subject.
    for (words, j) in (cue.saturating_sub(MAX_SET_OFF_SUBJECT + 1)..cue)
        .rev()
        .enumerate()
    {
        if view.is_punct(j, ",") {
            return words > 0;
        }
        if !view.is_wordlike(j)
            || view.is_any(j, &["as", "which", "who", "that", "what"])
            || lexicon::is_subordinator(view.word(j))
        {
            return false;
        }
    }
    false
}

/// Whether a predicate without its subject opens at `k`: a finite verb, or an adverb and one
/// (`..., X said, would ...`, `..., X said, also made ...`).
pub(super) fn opens_predicate(view: &View<'_>, k: usize) -> bool {
    view.is_finite(k) || view.tag(k) == Some(Pos::RB) && view.is_finite(k + 1)
}

/// Whether the content at `f` is an adverbial clause alone, no content (`said as she left`); but
/// `said after the convention he ...` is a phrase, an adjunct, and `said while he respects the
/// police, the penalty is wrong` an adverbial clause with the main clause after its comma,
/// content together.
fn adverbial_alone(view: &View<'_>, f: usize, end: usize) -> bool {
    let led = || {
        (f + 2..end)
            .find(|&k| view.is_punct(k, ",") && view.quote_at(k).is_none())
            .is_some_and(|k| stops::main_clause(view, k))
    };
    opens_adverbial(view, f) && !led()
}

/// Whether token `k` opens an adverbial clause (`as she left`, `while he respects ...`): a
/// subordinator other than `if` and `whether`, which open reported questions, and not a
/// preposition before its phrase (`after the convention`).
fn opens_adverbial(view: &View<'_>, k: usize) -> bool {
    lexicon::is_subordinator(view.word(k))
        && !view.is_any(k, &["if", "whether"])
        && !opens_phrase(view, k)
}

/// Whether token `k` opens an adjunct after the cue: a preposition, or a day or date that is no
/// possessive's (`condemned Friday's test`: the day is the object's determiner).
pub(super) fn starts_adjunct(view: &View<'_>, k: usize, end: usize) -> bool {
    let is_time = |j: usize| {
        lexicon::is_weekday(view.word(j))
            || matches!(view.label_at(j), Some(Label::Date | Label::Time))
    };
    let possessed = || {
        let mut j = k;
        while j < end && view.is_wordlike(j) && is_time(j) && !view.is_possessive(j) {
            j += 1;
        }
        view.is_possessive(j)
    };
    lexicon::is_preposition(view.word(k)) || is_time(k) && !possessed()
}

/// Where the trained ranker starts the content the rules start at `rule`; the rules' start
/// without a cue, or after a comma (`cue` is then `None`), where the content may be the second
/// half of an interrupted quote (`“Q1,” X said, and “Q2”`), which keeps its opening.
fn ranked_start(
    view: &View<'_>,
    rule: usize,
    end: usize,
    class: CueClass,
    cue: Option<(usize, &'static str)>,
) -> usize {
    let Some((i, lemma)) = cue else {
        return rule;
    };
    let d = start::Decision {
        cue: i,
        lemma,
        class,
        rule,
        limit: end,
    };
    start::decide(view, &d)
}

/// Tokens of a block of content after a colon; a paragraph of quoted words rarely runs longer.
const MAX_BLOCK: usize = 160;

/// The paragraph after a cue and a colon that ends its own paragraph (`Limbaugh added:` and a
/// paragraph of his words, a block quotation without quotation marks), as PolNeAR's annotators
/// read it; `None` unless the colon follows the cue (or its particle) directly.
pub(super) fn block_after_colon(view: &View<'_>, cue: usize, particle: bool) -> Option<Forward> {
    let colon = if particle { cue + 2 } else { cue + 1 };
    let first = colon + 1;
    if !view.is_punct(colon, ":") || first >= view.len() || view.para(first) == view.para(colon) {
        return None;
    }
    let para = view.para(first);
    let end = (first..view.len().min(first + MAX_BLOCK))
        .find(|&k| view.para(k) != para)
        .unwrap_or(view.len().min(first + MAX_BLOCK));
    let range = trim(view, first..end);
    (view.count_words(range.clone()) >= 3).then_some(Forward {
        range,
        after_comma: false,
        adjunct: false,
    })
}

/// Whether token `f` opens a prepositional phrase (`after the convention`, `in Kyiv`) rather
/// than an adverbial clause (`as she left`).
fn opens_phrase(view: &View<'_>, f: usize) -> bool {
    lexicon::is_preposition(view.word(f))
        && (lexicon::is_determiner(view.word(f + 1))
            || view.label_at(f + 1).is_some()
            || view.is_capitalized(f + 1))
}

/// The content's tokens from `f`: up to [`content_end`], moved by the trained ranker unless a
/// quotation is reported whole, then trimmed; `None` when that leaves nothing, or fewer than two
/// words outside a quotation.
fn content_range(
    view: &View<'_>,
    f: usize,
    end: usize,
    class: CueClass,
    cue: Option<(usize, &'static str)>,
) -> Option<std::ops::Range<usize>> {
    let mut e = content_end(view, f, end);
    // The trained ranker moves the end, except for a quotation reported whole.
    let whole_quote = view
        .quote_at(f)
        .is_some_and(|q| view.quotes[q].tokens.end >= e);
    if let Some((cue, lemma)) = cue.filter(|_| e > f && !whole_quote) {
        let d = boundary::Decision::new(cue, lemma, class, f, e, end);
        e = boundary::decide(view, &d);
    }
    let range = trim(view, f..e);
    if range.is_empty() {
        return None;
    }
    let words = view.count_words(range.clone());
    let is_quote = view.quote_at(range.start).is_some();
    if words < 2 && !is_quote && !single_noun(view, range.clone(), class) {
        return None;
    }
    Some(range)
}

/// Whether the one-word content `r` is a noun (`declared bankruptcy`, `attacked Trump`): not
/// after `tell` or `ask`, where it is the addressee, and no name after a verb of saying, where
/// it is a place or an addressee (`reported D.C.`, `wrote Linick`); an indefinite pronoun the
/// tagger reads as a noun says nothing (`said nothing`, `something`).
fn single_noun(view: &View<'_>, r: std::ops::Range<usize>, class: CueClass) -> bool {
    let name = matches!(view.tag(r.start), Some(Pos::NNP | Pos::NNPS));
    r.len() == 1
        && view.is_wordlike(r.start)
        && !view.word(r.start).ends_with("thing")
        && class != CueClass::Tell
        && !(class == CueClass::Say && name)
        && (name || matches!(view.tag(r.start), Some(Pos::NN | Pos::NNS)))
}

/// Whether a word can open the content right after a cue: not a lower-case conjunction, `by`, `into`
/// or a form of `be` (`reported by The Washington Post`, `called into the show`, `says is a
/// lie`), which open under 0.2% of PolNeAR train's indirect and mixed contents.
fn opens_content(view: &View<'_>, k: usize) -> bool {
    !(view.is_wordlike(k)
        && !view.is_capitalized(k)
        && view.is_any(k, &["and", "or", "by", "into", "is", "are"]))
}

/// Where the content starting at `f` ends: the clause end `end`, or before a cue that shares
/// this subject (`, adding that ...`), another speaker's coordinated attribution (`..., and the
/// mayor warned ...`) or a trailing `, X said`.
fn content_end(view: &View<'_>, f: usize, end: usize) -> usize {
    let mut e = end;
    let mut k = f;
    // Asked only at a comma that could open a main clause: it scans back to the clause start.
    let mut subordinate = None;
    // A clause after `that` may have its verb after a comma: no predicate stop inside it.
    let clause = stops::after_that(view, f);
    while k < end {
        if let Some(q) = view.quote_at(k) {
            k = view.quotes[q].tokens.end.max(k + 1);
            continue;
        }
        if let Some(conj) = coordinated_attribution(view, k, f) {
            e = if conj > f && view.is_punct(conj - 1, ",") {
                conj - 1
            } else {
                conj
            };
            break;
        }
        if k > f + 1
            && (stops::narrator_aside(view, k)
                || !clause && stops::coordinated_verb(view, f, k)
                || !clause && stops::adverbial_clause(view, f, k)
                || !clause && stops::speech_frame(view, f, k)
                || stops::main_clause(view, k)
                    && *subordinate.get_or_insert_with(|| stops::subordinate_cue(view, f))
                || stops::coordinated_clause(view, k)
                || stops::closing_dash(view, f, k))
        {
            e = k;
            break;
        }
        let kw = view.word(k);
        let is_cue = view.cue(k).is_some() || kw.eq_ignore_ascii_case("according");
        if is_cue && k > f + 1 {
            let p = k - 1;
            let shared = view.is_punct(p, ",")
                && (kw.ends_with("ing") || kw.eq_ignore_ascii_case("according"))
                || view.is(p, "and")
                    && view.is_punct(p.saturating_sub(1), ",")
                    && kw.ends_with("ing")
                || view.is(p, "and") && !kw.ends_with("ing") && kw.ends_with("ed");
            // `... a “major breach of trust,” adding: ...`: the comma inside the quotation.
            if kw.ends_with("ing") && quote_comma(view, p) {
                e = k;
                break;
            }
            if shared {
                e = if view.is(p, "and") && view.is_punct(p - 1, ",") {
                    p - 1
                } else {
                    p
                };
                break;
            }
            // A trailing `, X said` / `, said X` closes the content too.
            if trailing_attribution(view, k, f) {
                e = k;
                while e > f && !view.is_punct(e - 1, ",") {
                    e -= 1;
                }
                e = e.saturating_sub(1).max(f);
                break;
            }
        }
        k += 1;
    }
    e
}

/// Whether token `p` closes a quotation that ends with a comma inside its marks (`“... trust,”`):
/// a participle cue after it (`adding`, `saying`, `noting`) shares the subject and has content
/// of its own, as after a plain comma. PolNeAR train: content true positives 9,840 -> 9,849,
/// exact 7,223 -> 7,228, no prediction more.
fn quote_comma(view: &View<'_>, p: usize) -> bool {
    p > 0 && view.quote_closing_at(p).is_some() && view.is_punct(p - 1, ",")
}

/// Skips an adjunct after the cue (`in a statement on Monday`, `during a press conference`):
/// the content's first token, and whether a comma or colon closed the adjunct; `None` when
/// nothing but the adjunct runs to the clause end.
fn skip_adjunct(view: &View<'_>, f: usize, end: usize) -> Option<(usize, bool)> {
    let limit = end.min(f + MAX_ADJUNCT);
    let mut k = f;
    while k < limit {
        if view.quote_at(k).is_some() {
            return None;
        }
        if view.is(k, "that") {
            return Some((k + 1, false));
        }
        // `told reporters on Thursday he viewed ...`: a subject pronoun opens the content.
        if k > f && view.is_any(k, &["he", "she", "they", "we", "i", "it"]) {
            return Some((k, false));
        }
        if view.is_punct(k, ",") || view.is_punct(k, ":") {
            return Some((k, true));
        }
        // `said Friday as he entered the talks`: an adverbial clause after the day, no content.
        if k > f && ends_time(view, k - 1) && opens_adverbial(view, k) {
            return None;
        }
        // `reported on Thursday the administration is ...`, `told X on Thursday how ...`: a
        // clause right after a time.
        let clause =
            opens_clause(view, k) || view.is_any(k, &["how", "why", "whether", "what", "who"]);
        if k > f && ends_time(view, k - 1) && !ends_time(view, k) && clause {
            return Some((k, false));
        }
        k += 1;
    }
    None
}

/// Whether token `k` can open a reported clause: a determiner or a capitalised word.
fn opens_clause(view: &View<'_>, k: usize) -> bool {
    view.is_wordlike(k)
        && !lexicon::is_preposition(view.word(k))
        && (lexicon::is_determiner(view.word(k)) || view.is_capitalized(k))
}

/// Whether the quotation opening `r` ends with sentence-final punctuation inside its marks.
pub(super) fn quote_finished(view: &View<'_>, r: &std::ops::Range<usize>) -> bool {
    view.quote_at(r.start)
        .is_some_and(|q| view.quote_ends_sentence(q))
}

/// Content from `f` to the clause end (or an earlier stop of [`content_end`]), as a
/// [`Forward`].
pub(super) fn forward_to_end(view: &View<'_>, f: usize, end: usize) -> Option<Forward> {
    let range = trim(view, f..content_end(view, f, end));
    (view.count_words(range.clone()) >= 2).then_some(Forward {
        range,
        after_comma: false,
        adjunct: false,
    })
}

/// When token `k` is a cue with a subject of its own just after `and`/`but` (`and the mayor
/// warned`, `but Republicans said`), the conjunction's index: a second attribution coordinated
/// with the first, not part of its content.
pub(super) fn coordinated_attribution(view: &View<'_>, k: usize, floor: usize) -> Option<usize> {
    let w = view.word(k);
    if w.ends_with("ing") || !view.is_wordlike(k) || view.cue(k).is_none() {
        return None;
    }
    let lo = k.saturating_sub(5).max(floor + 1);
    let conj = (lo..k).rev().find(|&j| view.is_any(j, &["and", "but"]))?;
    let subject = conj + 1..k;
    if subject.is_empty()
        || subject
            .clone()
            .any(|j| !view.is_wordlike(j) || view.is(j, "that"))
    {
        return None;
    }
    // A subject: a name, a pronoun, or a determiner's phrase; not a verb phrase.
    let first = subject.start;
    let opens = view.is_capitalized(first)
        || view.is_any(
            first,
            &["he", "she", "they", "we", "i", "officials", "critics"],
        )
        || lexicon::is_determiner(view.word(first));
    let verbless = subject
        .clone()
        .all(|j| !view.is_verb(j) || view.is_capitalized(j));
    (opens && verbless).then_some(conj)
}

/// Whether the cue at `k` closes a stretch of content as `..., X said` or `..., said X`.
pub(super) fn trailing_attribution(view: &View<'_>, k: usize, floor: usize) -> bool {
    let lo = k.saturating_sub(7).max(floor);
    let Some(comma) = (lo..k).rev().find(|&j| view.is_punct(j, ",")) else {
        return false;
    };
    let between = comma + 1..k;
    let short = view.count_words(between.clone()) <= 5;
    let end = view.clause_end(k);
    let ends_soon = (k + 1..end).filter(|&j| view.is_wordlike(j)).count() <= 6;
    short && ends_soon && !between.clone().any(|j| view.is(j, "that"))
}

/// Where a subject's phrase really starts when it runs left of the parsed phrase, up to a comma
/// or quotation it follows (`,” Trump lawyer Marc Kasowitz said`, `,” Mr. Morgan of the Sierra
/// Club said`): the token after that comma or quote, else `first` itself.
pub(super) fn phrase_start(view: &View<'_>, first: usize, floor: usize) -> usize {
    let mut k = first;
    while k > floor && first - k < 8 {
        let p = k - 1;
        if view.is_punct(p, ",") || view.quote_at(p).is_some() {
            return k;
        }
        let w = view.word(p);
        let np_word = view.is_wordlike(p)
            && (view.is_capitalized(p)
                || !lexicon::is_np_boundary(w) && view.cue(p).is_none()
                || view.is_any(p, &["of", "the"]))
            || view.is_punct(p, ".")
            || view.is_punct(p, "-")
            || view.is_punct(p, "(")
            || view.is_punct(p, ")");
        if !np_word {
            break;
        }
        k = p;
    }
    first
}

/// Trims punctuation (commas, colons, dashes, sentence-final stops) from both ends of a token
/// range, keeping quotation marks.
pub(super) fn trim(view: &View<'_>, mut r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let junk = |k: usize| {
        !view.is_wordlike(k)
            && view.quote_at(k).is_none()
            && !view.is_punct(k, "(")
            && !view.is_punct(k, ")")
    };
    while r.start < r.end && junk(r.start) {
        r.start += 1;
    }
    while r.end > r.start && junk(r.end - 1) {
        r.end -= 1;
    }
    // An unpaired closing parenthesis or a lone opening one at either end.
    while r.end > r.start && view.is_punct(r.end - 1, "(") {
        r.end -= 1;
    }
    r
}
