//! Rules for `DATE TIME MONEY PERCENT QUANTITY CARDINAL ORDINAL` mentions, in the OntoNotes
//! style that spaCy's English models follow.
//!
//! - A hedge belongs to the amount it hedges: `more than 150 billion euros` is one MONEY,
//!   `more than a year ago` one DATE, `about 30%` one PERCENT.
//! - Relative dates are DATE (`today`, `last year`, `earlier this month`, `the past decade`,
//!   `months`), parts of a day and spans under a day are TIME (`this morning`, `two hours`).
//! - A bare number is CARDINAL, also in sports results (`3-1`); `one` is CARDINAL except in
//!   `no one`, `the one`, `one another`.
//!
//! Each paragraph is lexed into pieces ([`lex`]) and scanned left to right; at each piece every
//! rule is tried and the longest match wins (ties go to the rule listed first in [`Rules::core`]).
//! Rules look a bounded number of pieces ahead, so the scan is linear in the text. Mentions are
//! sorted, never overlap, never cross a paragraph, and are widened to token boundaries.
//!
//! This file holds the scan and the piece accessors; the rules live in `amount` (numbers,
//! CARDINAL, ORDINAL, PERCENT, MONEY, QUANTITY), `date` and `time` (with durations), the word
//! classes in `words`, the lexer in `lex`. `start` says where the scan tries the rules at all: a
//! leading word such as `the` only before a number, a symbol or a word the rules know (`follow`,
//! a bitmap `build.rs` makes of the rules' string literals).

mod amount;
mod date;
mod follow;
mod lex;
mod start;
mod time;
mod words;

use std::cell::RefCell;

use newsclaims_text::Span;
use newsclaims_tokenize::{TokenKind, Tokens};

use crate::{Label, Mention};
use lex::{Kind, Pieces};
use words::*;

/// Finds the numeric mentions of `text`, sorted, not overlapping.
pub fn find(text: &str, tokens: &Tokens) -> Vec<Mention> {
    find_with(text, tokens, true)
}

/// [`find`], with or without [`Rules::at`]'s skips ([`Rules::tries`]).
fn find_with(text: &str, tokens: &Tokens, known_only: bool) -> Vec<Mention> {
    let opaque: Vec<Span> = tokens
        .tokens
        .iter()
        .filter(|t| {
            matches!(
                t.kind,
                TokenKind::Url | TokenKind::Hashtag | TokenKind::Handle
            )
        })
        .map(|t| t.span)
        .collect();
    let whole = [Span::new(0, text.len())];
    let mut blocks: Vec<Span> = tokens.paragraphs.iter().map(|p| p.span).collect();
    if blocks.is_empty() && tokens.sentences.is_empty() {
        blocks.extend_from_slice(&whole);
    } else if blocks.is_empty() {
        blocks = tokens.sentences.iter().map(|s| s.span).collect();
    }
    let starts = start::starts();
    let mut pieces = Pieces::default();
    let mut spans: Vec<(Span, Label)> = Vec::new();
    let mut numbers = Vec::new();
    for block in blocks {
        let first = opaque.partition_point(|o| o.end() <= block.start());
        pieces.lex(text, block, &opaque[first..]);
        numbers.clear();
        numbers.resize(pieces.items.len(), None);
        let rules = Rules {
            p: &pieces,
            text,
            known_only,
            starts,
            numbers: RefCell::new(std::mem::take(&mut numbers)),
        };
        let n = pieces.items.len();
        let mut i = 0;
        let mut last: Option<(usize, Label)> = None;
        while i < n {
            match rules.at(i) {
                Some((start, hit)) => {
                    let span = pieces.items[start]
                        .span
                        .cover(pieces.items[hit.end - 1].span);
                    // `$11,000 a year`, `six a day`: a rate, not a date of its own.
                    let rate = hit.end == start + 2
                        && matches!(rules.low(start), "a" | "an" | "per")
                        && last.is_some_and(|(end, label)| {
                            end == start
                                && matches!(
                                    label,
                                    Label::Money
                                        | Label::Quantity
                                        | Label::Cardinal
                                        | Label::Percent
                                )
                        });
                    if !rate {
                        spans.push((span, hit.label));
                    }
                    last = Some((hit.end, hit.label));
                    i = hit.end;
                }
                None => i += 1,
            }
        }
        // The next block's memo reuses the allocation.
        numbers = rules.numbers.into_inner();
    }
    snap(tokens, spans)
}

/// Drops the tagger's names that hold a digit and overlap a numeric mention: the rules know
/// numbers better (`February 2022.` read as a place, `31` as a nationality).
pub(crate) fn drop_numeric_names(text: &str, numeric: &[Mention], names: &mut Vec<Mention>) {
    names.retain(|n| {
        if !text[n.span].bytes().any(|b| b.is_ascii_digit()) {
            return true;
        }
        let k = numeric.partition_point(|m| m.span.end() <= n.span.start());
        // A ship's or a law's name holds its number (`Grace 1`, `26 USC §5845`): the longer
        // mention wins in the merge.
        let named_number = matches!(n.label, Label::Product | Label::Law);
        !numeric.get(k).is_some_and(|m| {
            m.span.overlaps(n.span) && !(named_number && n.span.len() > m.span.len())
        })
    });
}

/// Widens each span to the tokens it touches and drops any that then overlap an earlier one.
fn snap(tokens: &Tokens, spans: Vec<(Span, Label)>) -> Vec<Mention> {
    let toks = &tokens.tokens;
    let mut out: Vec<Mention> = Vec::with_capacity(spans.len());
    for (span, label) in spans {
        let first = toks.partition_point(|t| t.span.end() <= span.start());
        let mut wide = span;
        if let Some(t) = toks.get(first).filter(|t| t.span.overlaps(span)) {
            wide = wide.cover(t.span);
        }
        let last = toks.partition_point(|t| t.span.start() < span.end());
        if let Some(t) = last.checked_sub(1).and_then(|k| toks.get(k))
            && t.span.overlaps(span)
        {
            wide = wide.cover(t.span);
        }
        if out.last().is_some_and(|m| m.span.overlaps(wide)) {
            continue;
        }
        out.push(Mention {
            span: wide,
            label,
            cluster: 0,
        });
    }
    out
}

/// A rule's match: where it ends (exclusive, in pieces), its label, and whether it is an amount
/// that a hedge may take (`about 30%`, `more than a year ago`, but not `over last year`).
#[derive(Clone, Copy, Debug)]
struct Hit {
    end: usize,
    label: Label,
    amount: bool,
}

/// What [`Rules::number`] read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Num {
    /// Digits, maybe scaled (`150 billion`, `$5bn`); `year` when it reads like `2022` or `2014-16`.
    Digits { year: bool },
    /// Spelled-out (`twenty-three`, `a hundred`); `one` when it is the single word `one`.
    Spelled { one: bool },
    /// `dozens`, `hundreds of thousands`.
    Approx,
}

struct Rules<'a> {
    p: &'a Pieces,
    text: &'a str,
    /// Whether [`Rules::at`] skips the words the rules do not know, and leading words or signs
    /// by the piece after them ([`Rules::tries`]); off only in the tests that show the skips
    /// change nothing.
    known_only: bool,
    /// The bitmap of the words that may start a mention ([`start::starts`]).
    starts: &'a [u8],
    /// [`Rules::number_word`] of each piece, once asked: the rules at one position ask it of
    /// the same pieces again and again (ten times per position tried, on news text).
    numbers: RefCell<Vec<Option<NumberWord>>>,
}

/// What [`Rules::number_word`] reads at a piece: the number's end and kind, if one starts there.
type NumberWord = Option<(usize, Num)>;

impl Rules<'_> {
    pub(super) fn low(&self, i: usize) -> &str {
        self.p.low(i)
    }

    pub(super) fn raw(&self, i: usize) -> &str {
        self.p.items.get(i).map_or("", |p| &self.text[p.span])
    }

    pub(super) fn kind(&self, i: usize) -> Option<Kind> {
        self.p.items.get(i).map(|p| p.kind)
    }

    /// Whether piece `i` exists and touches the piece before it.
    pub(super) fn glued(&self, i: usize) -> bool {
        self.p.items.get(i).is_some_and(|p| !p.space_before)
    }

    pub(super) fn cap(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The lowercase word before `i`, or `""`.
    pub(super) fn prev(&self, i: usize) -> &str {
        i.checked_sub(1).map_or("", |k| self.low(k))
    }

    /// The lowercase word without a possessive ending (`year's` reads as `year`).
    pub(super) fn base(&self, i: usize) -> &str {
        let w = self.low(i);
        w.strip_suffix("'s")
            .or_else(|| w.strip_suffix('\''))
            .unwrap_or(w)
    }

    pub(super) fn is_dash(&self, i: usize) -> bool {
        matches!(self.raw(i), "-" | "–" | "—")
    }

    /// For a `Num` piece: its lowercase letter suffix (`st` in `21st`), else `None`.
    pub(super) fn suffix(&self, i: usize) -> Option<&str> {
        let p = self.p.items.get(i).filter(|p| p.kind == Kind::Num)?;
        Some(&self.low(i)[p.digits as usize..])
    }

    pub(super) fn raw_suffix(&self, i: usize) -> &str {
        match self.p.items.get(i).filter(|p| p.kind == Kind::Num) {
            Some(p) => &self.text[p.span.start() + p.digits as usize..p.span.end()],
            None => "",
        }
    }

    /// The value of a `Num` piece made of plain digits (commas allowed), else `None`.
    pub(super) fn int(&self, i: usize) -> Option<u64> {
        let p = self.p.items.get(i).filter(|p| p.kind == Kind::Num)?;
        if p.dots + p.colons + p.slashes > 0 {
            return None;
        }
        let digits = &self.text[p.span.start()..p.span.start() + p.digits as usize];
        let mut v: u64 = 0;
        for b in digits.bytes().filter(u8::is_ascii_digit) {
            v = v.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
        }
        Some(v)
    }

    /// A plain year: four digits, no separators or suffix, 1000..=2099.
    pub(super) fn year(&self, i: usize) -> bool {
        let Some(p) = self.p.items.get(i) else {
            return false;
        };
        p.kind == Kind::Num
            && p.digits == 4
            && p.span.len() == 4
            && p.commas == 0
            && self.int(i).is_some_and(|v| (1000..=2099).contains(&v))
    }

    /// A day of the month: `24`, `24th`.
    pub(super) fn day(&self, i: usize) -> bool {
        self.int(i).is_some_and(|v| (1..=31).contains(&v))
            && self.p.items[i].commas == 0
            && self
                .suffix(i)
                .is_some_and(|s| s.is_empty() || ordinal_suffix(s))
    }

    /// A month name at `i` (capitalised), with an abbreviation's glued period: the end.
    pub(super) fn month_at(&self, i: usize) -> Option<usize> {
        let abbrev = month(self.low(i))?;
        // A full month name is a month in any case, except `may` and `march`; an abbreviation
        // must be capitalised (`Jan.`), or be next to a day (see [`Rules::month_by_day`]).
        let sure = self.cap(i) || (!abbrev && !matches!(self.low(i), "may" | "march"));
        if !sure {
            return None;
        }
        self.month_by_day(i)
    }

    /// A month name in any case, for places where a day or year next to it settles the reading.
    pub(super) fn month_by_day(&self, i: usize) -> Option<usize> {
        let abbrev = month(self.low(i))?;
        if abbrev && self.raw(i + 1) == "." && self.glued(i + 1) {
            return Some(i + 2);
        }
        Some(i + 1)
    }

    /// A weekday at `i`: full names in any case, capitalised abbreviations with a period.
    pub(super) fn weekday_at(&self, i: usize) -> Option<usize> {
        if weekday(self.base(i)) {
            return Some(i + 1);
        }
        let abbrev = matches!(
            self.low(i),
            "mon" | "tue" | "tues" | "wed" | "thu" | "thur" | "thurs" | "fri" | "sat" | "sun"
        );
        (abbrev && self.cap(i) && self.raw(i + 1) == "." && self.glued(i + 1)).then_some(i + 2)
    }

    /// Whether a `Num` at `i` is part of a name such as `G7`, `COVID-19`, `F-16`.
    pub(super) fn in_name(&self, i: usize) -> bool {
        if !self.glued(i) || i == 0 {
            return false;
        }
        match self.kind(i - 1) {
            Some(Kind::Word) => true,
            _ if self.is_dash(i - 1) && i >= 2 => {
                self.kind(i - 2) == Some(Kind::Word)
                    && self.glued(i - 1)
                    && !matches!(self.low(i - 2), "mid" | "pre" | "post" | "early" | "late")
            }
            _ => false,
        }
    }

    /// The mention starting at `i`, if any: its first piece and the match.
    pub(super) fn at(&self, i: usize) -> Option<(usize, Hit)> {
        if !self.tries(i) {
            return None;
        }
        self.match_at(i)
    }

    /// [`Rules::at`] where the rules are tried. Not inlined: the scan's loop over every piece
    /// stays small in the instruction cache, and this runs at one piece in twelve.
    #[inline(never)]
    fn match_at(&self, i: usize) -> Option<(usize, Hit)> {
        if let Some(j) = self.hedge(i)
            && let Some(hit) = self.core(j, true)
        {
            return Some((i, hit));
        }
        // `-5 degrees`, `minus five percent`: a sign belongs to the amount.
        let sign = (matches!(self.raw(i), "-" | "−")
            && self.glued(i + 1)
            && self.kind(i + 1) == Some(Kind::Num)
            && self.p.items[i].space_before
            && (i == 0 || self.kind(i - 1) != Some(Kind::Num)))
            || matches!(self.low(i), "minus" | "negative");
        if sign && let Some(hit) = self.core(i + 1, true) {
            return Some((i, hit));
        }
        // `about 4:30 a.m.`: a clock time takes the hedges of approximation only.
        if matches!(
            self.low(i),
            "about" | "around" | "approximately" | "roughly"
        ) && let Some(hit) = self.time(i + 1)
            && self.kind(i + 1) == Some(Kind::Num)
        {
            return Some((i, hit));
        }
        if self.low(i) == "between" {
            // `between 2019 and 2023`, `between 4pm and 5pm`: two dates or times.
            for rule in [Self::date, Self::time] {
                if let Some(a) = rule(self, i + 1).filter(|a| self.low(a.end) == "and")
                    && let Some(b) = rule(self, a.end + 1)
                {
                    return Some((i, b));
                }
            }
            if let Some(a) = self.core(i + 1, true)
                && self.low(a.end) == "and"
                && let Some(b) = self
                    .core(a.end + 1, true)
                    .filter(|b| b.label == a.label || a.label == Label::Cardinal)
            {
                return Some((i, b));
            }
        }
        self.core(i, false).map(|hit| (i, hit))
    }

    /// The longest match of any rule at `i`; with `amount_only`, only amounts count.
    pub(super) fn core(&self, i: usize, amount_only: bool) -> Option<Hit> {
        let candidates = [
            self.time(i),
            self.date(i),
            self.money(i),
            self.percent(i),
            self.quantity(i),
            self.ordinal(i),
            self.cardinal(i),
        ];
        let mut best: Option<Hit> = None;
        for hit in candidates.into_iter().flatten() {
            if amount_only && !hit.amount {
                continue;
            }
            if best.is_none_or(|b| hit.end > b.end) {
                best = Some(hit);
            }
        }
        best
    }
}

/// A range of numbers is never one year, except `2014-16` which [`Rules::number_word`] reads.
fn num_range(num: Num) -> Num {
    match num {
        Num::Digits { .. } => Num::Digits { year: false },
        Num::Spelled { .. } => Num::Spelled { one: false },
        Num::Approx => Num::Approx,
    }
}

#[cfg(test)]
mod tests;
