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

mod lex;
mod words;

use newsclaims_text::Span;
use newsclaims_tokenize::{TokenKind, Tokens};

use crate::{Label, Mention};
use lex::{Kind, Pieces};
use words::*;

/// Finds the numeric mentions of `text`, sorted, not overlapping.
pub fn find(text: &str, tokens: &Tokens) -> Vec<Mention> {
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
    let mut pieces = Pieces::default();
    let mut spans: Vec<(Span, Label)> = Vec::new();
    for block in blocks {
        let first = opaque.partition_point(|o| o.end() <= block.start());
        pieces.lex(text, block, &opaque[first..]);
        let rules = Rules { p: &pieces, text };
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
        !numeric.get(k).is_some_and(|m| m.span.overlaps(n.span))
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
}

impl Rules<'_> {
    fn low(&self, i: usize) -> &str {
        self.p.low(i)
    }

    fn raw(&self, i: usize) -> &str {
        self.p.items.get(i).map_or("", |p| &self.text[p.span])
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.p.items.get(i).map(|p| p.kind)
    }

    /// Whether piece `i` exists and touches the piece before it.
    fn glued(&self, i: usize) -> bool {
        self.p.items.get(i).is_some_and(|p| !p.space_before)
    }

    fn cap(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The lowercase word before `i`, or `""`.
    fn prev(&self, i: usize) -> &str {
        i.checked_sub(1).map_or("", |k| self.low(k))
    }

    /// The lowercase word without a possessive ending (`year's` reads as `year`).
    fn base(&self, i: usize) -> &str {
        let w = self.low(i);
        w.strip_suffix("'s")
            .or_else(|| w.strip_suffix('\''))
            .unwrap_or(w)
    }

    fn is_dash(&self, i: usize) -> bool {
        matches!(self.raw(i), "-" | "–" | "—")
    }

    /// For a `Num` piece: its lowercase letter suffix (`st` in `21st`), else `None`.
    fn suffix(&self, i: usize) -> Option<&str> {
        let p = self.p.items.get(i).filter(|p| p.kind == Kind::Num)?;
        Some(&self.low(i)[p.digits as usize..])
    }

    fn raw_suffix(&self, i: usize) -> &str {
        match self.p.items.get(i).filter(|p| p.kind == Kind::Num) {
            Some(p) => &self.text[p.span.start() + p.digits as usize..p.span.end()],
            None => "",
        }
    }

    /// The value of a `Num` piece made of plain digits (commas allowed), else `None`.
    fn int(&self, i: usize) -> Option<u64> {
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
    fn year(&self, i: usize) -> bool {
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
    fn day(&self, i: usize) -> bool {
        self.int(i).is_some_and(|v| (1..=31).contains(&v))
            && self.p.items[i].commas == 0
            && self
                .suffix(i)
                .is_some_and(|s| s.is_empty() || ordinal_suffix(s))
    }

    /// A month name at `i` (capitalised), with an abbreviation's glued period: the end.
    fn month_at(&self, i: usize) -> Option<usize> {
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
    fn month_by_day(&self, i: usize) -> Option<usize> {
        let abbrev = month(self.low(i))?;
        if abbrev && self.raw(i + 1) == "." && self.glued(i + 1) {
            return Some(i + 2);
        }
        Some(i + 1)
    }

    /// A weekday at `i`: full names in any case, capitalised abbreviations with a period.
    fn weekday_at(&self, i: usize) -> Option<usize> {
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
    fn in_name(&self, i: usize) -> bool {
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

    /// Whether a `Num` with one slash reads as a fraction (`1/4`, `3/4`), not a date (`9/11`).
    fn fraction(&self, i: usize) -> bool {
        let raw = self.raw(i);
        let Some((a, b)) = raw.split_once('/') else {
            return false;
        };
        let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) else {
            return false;
        };
        a < b && matches!(b, 2 | 3 | 4 | 5 | 8 | 10 | 16 | 32 | 64 | 100)
    }

    /// A spelled fraction's denominator after a number: `thirds`, `a quarter`, `fifths`.
    fn denominator(&self, i: usize) -> bool {
        let w = self.low(i);
        let w = w.strip_suffix('s').unwrap_or(w);
        matches!(w, "half" | "halve" | "quarter")
            || (ordinal_word(w) && !matches!(w, "first" | "second"))
    }

    /// A number starting at `i`: its end and what it is.
    fn number(&self, i: usize) -> Option<(usize, Num)> {
        let (mut end, num) = self.number_word(i)?;
        // `and a half` continues a number: `two and a half`.
        if matches!(num, Num::Digits { .. } | Num::Spelled { .. })
            && self.low(end) == "and"
            && matches!(self.low(end + 1), "a" | "one")
            && self.denominator(end + 2)
        {
            end += 3;
        }
        // A range or alternative of the same kind: `5 to 10`, `3-1`, `two or three`.
        if num != Num::Approx && self.prev(i) != "from" {
            let spelled = matches!(num, Num::Spelled { .. });
            let joint =
                self.is_dash(end) || self.low(end) == "to" || (spelled && self.low(end) == "or");
            if joint && let Some((e2, n2)) = self.number_word(end + 1) {
                let same = matches!(
                    (num, n2),
                    (Num::Digits { .. }, Num::Digits { .. })
                        | (Num::Spelled { .. }, Num::Spelled { .. })
                );
                // `in 2005 to 5.5 million tonnes`: a year does not start a range of amounts.
                let year_to_amount = self.low(end) == "to"
                    && matches!(num, Num::Digits { year: true })
                    && !matches!(n2, Num::Digits { year: true });
                if same && !year_to_amount {
                    return Some((e2, num_range(num)));
                }
            }
        }
        Some((end, num))
    }

    fn number_word(&self, i: usize) -> Option<(usize, Num)> {
        match self.kind(i)? {
            Kind::Num => {
                if self.in_name(i) {
                    return None;
                }
                let p = self.p.items[i];
                if p.colons > 0 || p.dots > 1 || (p.slashes > 0 && !self.fraction(i)) {
                    return None;
                }
                let suffix = self.suffix(i)?;
                let scaled = glued_scale(suffix);
                if !suffix.is_empty() && !scaled {
                    return None;
                }
                let mut end = i + 1;
                if !scaled {
                    while scale(self.low(end)) || matches!(self.low(end), "dozen" | "dozens") {
                        end += 1;
                    }
                }
                // `2 1/4`: a whole number and a fraction.
                if end == i + 1 && p.slashes == 0 && self.fraction(end) {
                    end += 1;
                }
                let year = end == i + 1 && self.year(i);
                // A year range: `2014-2016`, `2014-16`.
                if year
                    && self.is_dash(end)
                    && self.glued(end)
                    && self.glued(end + 1)
                    && self
                        .p
                        .items
                        .get(end + 1)
                        .is_some_and(|q| q.kind == Kind::Num && q.span.len() == q.digits as usize)
                    && matches!(self.p.items[end + 1].digits, 2 | 4)
                {
                    return Some((end + 2, Num::Digits { year: true }));
                }
                Some((end, Num::Digits { year }))
            }
            Kind::Word => {
                let w = self.low(i);
                if approx_plural(w) || (w == "tens" && self.low(i + 1) == "of") {
                    let mut end = i + 1;
                    if w == "tens" {
                        if !approx_plural(self.low(i + 2)) {
                            return None;
                        }
                        end = i + 3;
                    }
                    while self.low(end) == "of" && approx_plural(self.low(end + 1)) {
                        end += 2;
                    }
                    return Some((end, Num::Approx));
                }
                let mut end = i;
                // `a third of voters`, `half of them`: a share is a CARDINAL.
                if matches!(w, "a" | "one")
                    && matches!(self.low(i + 1), "third" | "quarter" | "fifth" | "tenth")
                    && self.low(i + 2) == "of"
                {
                    return Some((i + 2, Num::Spelled { one: false }));
                }
                if w == "half" && self.low(i + 1) == "of" {
                    return Some((i + 1, Num::Spelled { one: false }));
                }
                // `half a million` is read below; `half million`, `a quarter million`.
                let share = if w == "a" { i + 1 } else { i };
                if matches!(self.low(share), "half" | "quarter")
                    && matches!(self.low(share + 1), "million" | "billion" | "trillion")
                {
                    return Some((share + 2, Num::Spelled { one: false }));
                }
                if matches!(w, "a" | "an") {
                    if !(scale(self.low(i + 1)) || self.low(i + 1) == "dozen") {
                        return None;
                    }
                    end = i + 2;
                } else if w == "half"
                    && self.low(i + 1) == "a"
                    && matches!(
                        self.low(i + 2),
                        "million" | "billion" | "dozen" | "trillion"
                    )
                {
                    return Some((i + 3, Num::Spelled { one: false }));
                }
                let mut last_scale = end > i;
                loop {
                    let w = self.low(end);
                    if small_number(w) {
                        if tens(w)
                            && self.is_dash(end + 1)
                            && self.glued(end + 1)
                            && self.glued(end + 2)
                            && digit_word(self.low(end + 2))
                        {
                            end += 3;
                        } else {
                            end += 1;
                        }
                        last_scale = false;
                    } else if end > i && (scale(w) || w == "dozen") {
                        end += 1;
                        last_scale = true;
                    } else if end > i && w == "and" && last_scale && small_number(self.low(end + 1))
                    {
                        end += 1;
                    } else {
                        break;
                    }
                }
                if end == i {
                    return None;
                }
                // `two thirds`, `one fifth`, `three quarters`, `two-thirds`.
                let dash = self.is_dash(end) && self.glued(end) && self.glued(end + 1);
                let d = end + usize::from(dash);
                // After `hundred` or `twenty` a singular ordinal is a rank (`one hundred
                // twenty fifth`), which [`Rules::ordinal`] reads.
                let last = self.low(end - 1);
                let rank = (scale(last) || tens(last)) && !self.low(d).ends_with('s');
                if self.denominator(d) && !(w == "a" || w == "an") && !rank {
                    return Some((d + 1, Num::Spelled { one: false }));
                }
                Some((
                    end,
                    Num::Spelled {
                        one: end == i + 1 && w == "one",
                    },
                ))
            }
            _ => None,
        }
    }

    /// Where a hedge starting at `i` ends: `more than`, `at least`, `about`, `nearly`.
    fn hedge(&self, i: usize) -> Option<usize> {
        let w = self.low(i);
        let w1 = self.low(i + 1);
        let comparative = |w: &str| {
            matches!(
                w,
                "more" | "less" | "fewer" | "greater" | "higher" | "lower" | "larger"
            )
        };
        if comparative(w) && w1 == "than" {
            return Some(i + 2);
        }
        if matches!(w, "just" | "well" | "slightly" | "little" | "far" | "much")
            && comparative(w1)
            && self.low(i + 2) == "than"
        {
            return Some(i + 3);
        }
        if matches!(
            w,
            "just" | "well" | "nearly" | "roughly" | "almost" | "about" | "slightly"
        ) && matches!(w1, "over" | "under" | "above" | "below")
        {
            return Some(i + 2);
        }
        match (w, w1) {
            ("at", "least" | "most") | ("up", "to") | ("close", "to") | ("upwards", "of") => {
                return Some(i + 2);
            }
            ("an", "estimated") | ("no", "more" | "fewer" | "less") => {
                if w == "no" {
                    return (self.low(i + 2) == "than").then_some(i + 3);
                }
                return Some(i + 2);
            }
            ("as", "many" | "much" | "few" | "little" | "long") if self.low(i + 2) == "as" => {
                return Some(i + 3);
            }
            _ => {}
        }
        hedge_word(w).then_some(i + 1)
    }

    /// Whether any rule could start at `i`: a cheap filter that keeps the scan fast.
    fn could_start(&self, i: usize) -> bool {
        match self.kind(i) {
            Some(Kind::Num) => true,
            Some(Kind::Sym) => {
                currency_symbol(self.raw(i)) || matches!(self.raw(i), "'" | "’" | "-" | "−")
            }
            Some(Kind::Word) => {
                let w = self.low(i);
                small_number(w)
                    || approx_plural(w)
                    || ordinal_word(w)
                    || month(w).is_some()
                    || weekday(w)
                    || holiday(w)
                    || date_units(w)
                    || time_units(w)
                    || deictic(w)
                    || hedge_word(w)
                    || dollar_prefix(w)
                    || currency_code(self.raw(i))
                    || matches!(
                        w,
                        "a" | "an"
                            | "the"
                            | "half"
                            | "tens"
                            | "today"
                            | "yesterday"
                            | "tomorrow"
                            | "tonight"
                            | "today's"
                            | "yesterday's"
                            | "tomorrow's"
                            | "tonight's"
                            | "noon"
                            | "midnight"
                            | "midday"
                            | "early"
                            | "late"
                            | "mid"
                            | "earlier"
                            | "later"
                            | "recent"
                            | "several"
                            | "few"
                            | "many"
                            | "between"
                            | "more"
                            | "less"
                            | "fewer"
                            | "greater"
                            | "higher"
                            | "lower"
                            | "larger"
                            | "at"
                            | "up"
                            | "as"
                            | "just"
                            | "well"
                            | "close"
                            | "upwards"
                            | "slightly"
                            | "little"
                            | "far"
                            | "much"
                            | "no"
                            | "new"
                            | "spring"
                            | "summer"
                            | "autumn"
                            | "fall"
                            | "winter"
                            | "q"
                            | "month"
                            | "week"
                            | "minus"
                            | "negative"
                            | "quarter"
                            | "another"
                            | "midmorning"
                            | "midafternoon"
                            | "midevening"
                    )
            }
            _ => false,
        }
    }

    /// The mention starting at `i`, if any: its first piece and the match.
    fn at(&self, i: usize) -> Option<(usize, Hit)> {
        if !self.could_start(i) {
            return None;
        }
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
    fn core(&self, i: usize, amount_only: bool) -> Option<Hit> {
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

    fn cardinal(&self, i: usize) -> Option<Hit> {
        let (end, num) = self.number(i)?;
        if num == (Num::Spelled { one: true }) {
            // `no one`, `the one who`, `one another`, and `one` as a pronoun (`one would think`).
            let excluded = matches!(
                self.prev(i),
                "no" | "any" | "every" | "each" | "the" | "this" | "that" | "which" | "another"
            ) || matches!(
                self.low(end),
                "another" | "would" | "could" | "should" | "can" | "must" | "might" | "may"
            );
            if excluded {
                return None;
            }
        }
        Some(Hit {
            end,
            label: Label::Cardinal,
            amount: true,
        })
    }

    fn ordinal(&self, i: usize) -> Option<Hit> {
        let hit = |end| {
            Some(Hit {
                end,
                label: Label::Ordinal,
                amount: false,
            })
        };
        if let Some(s) = self.suffix(i) {
            let p = self.p.items[i];
            if ordinal_suffix(s) && p.dots + p.colons + p.slashes == 0 && !self.in_name(i) {
                return hit(i + 1);
            }
            return None;
        }
        // `one hundred twenty-fifth`, `two hundredth`: a spelled number ending in a scale or
        // tens word, then an ordinal.
        if let Some((end, Num::Spelled { .. })) = self.number_word(i) {
            let last = self.low(end - 1);
            let dash = self.is_dash(end) && self.glued(end) && self.glued(end + 1);
            let next = end + usize::from(dash && tens(last));
            if (scale(last) || tens(last))
                && ordinal_word(self.low(next))
                && !self.low(next).ends_with('s')
            {
                return hit(next + 1);
            }
        }
        let w = self.low(i);
        if tens(w)
            && self.is_dash(i + 1)
            && self.glued(i + 1)
            && self.glued(i + 2)
            && ordinal_word(self.low(i + 2))
        {
            return hit(i + 3);
        }
        if ordinal_word(w) {
            // `a second` and `per second` are time, not rank.
            if w == "second" && matches!(self.prev(i), "a" | "per" | "one" | "split") {
                return None;
            }
            return hit(i + 1);
        }
        None
    }

    fn percent(&self, i: usize) -> Option<Hit> {
        let (end, _) = self.number(i)?;
        let mut end = self.percent_sign(end)?;
        // `5% to 10%`, `5%-10%`.
        if (self.is_dash(end) || self.low(end) == "to")
            && let Some((e2, _)) = self.number(end + 1)
            && let Some(e3) = self.percent_sign(e2)
        {
            end = e3;
        }
        Some(Hit {
            end,
            label: Label::Percent,
            amount: true,
        })
    }

    fn percent_sign(&self, k: usize) -> Option<usize> {
        match self.low(k) {
            "%" | "percent" | "percents" | "pct" => Some(k + 1),
            "per" if self.low(k + 1) == "cent" => Some(k + 2),
            "percentage" if matches!(self.low(k + 1), "point" | "points") => Some(k + 2),
            _ => None,
        }
    }

    fn money(&self, i: usize) -> Option<Hit> {
        let hit = |end| {
            Some(Hit {
                end,
                label: Label::Money,
                amount: true,
            })
        };
        // `$1.2 billion`, `US$5`, `£5`.
        let mut k = i;
        if self.kind(i) == Some(Kind::Word)
            && dollar_prefix(self.low(i))
            && self.raw(i + 1) == "$"
            && self.glued(i + 1)
        {
            k = i + 1;
        }
        if currency_symbol(self.raw(k)) {
            let (mut end, _) = self.number(k + 1)?;
            // `$5 to $10`, `$5-$10`.
            if (self.is_dash(end) || self.low(end) == "to")
                && currency_symbol(self.raw(end + 1))
                && let Some((e2, _)) = self.number(end + 2)
            {
                end = e2;
            }
            return hit(end);
        }
        // `325.5p`: pence glued to the digits.
        if self.suffix(i) == Some("p") && self.raw_suffix(i) == "p" && !self.in_name(i) {
            let p = self.p.items[i];
            if p.colons + p.slashes == 0 && !(self.raw(i + 1) == "." && self.glued(i + 1)) {
                return hit(i + 1);
            }
        }
        // `USD 5 million`.
        if currency_code(self.raw(i)) {
            let (end, _) = self.number(i + 1)?;
            return hit(end);
        }
        let (end, num) = self.number(i)?;
        // `115 USD`, `10 €`: the code or symbol after the amount.
        if currency_code(self.raw(end)) || currency_symbol(self.raw(end)) {
            return hit(end + 1);
        }
        // `12-cent`, `one-yen`: the adjective form.
        if self.is_dash(end)
            && self.glued(end)
            && self.glued(end + 1)
            && currency_word(self.low(end + 1))
        {
            return hit(end + 2);
        }
        // `billions of dollars`.
        let mut k = end;
        if num == Num::Approx && self.low(k) == "of" {
            k += 1;
        }
        // Up to two capitalised words name the currency's country: `Hong Kong dollars`,
        // `U.S. dollars`.
        let mut adjectives = 0;
        let mut j = k;
        loop {
            let w = self.low(j);
            if currency_word(w) {
                let mut end = if matches!(self.low(j + 1), "sterling" | "cents" | "cent") {
                    j + 2
                } else {
                    j + 1
                };
                // `3 dollars 50 cents`, `thirteen dollars and forty-five cents`.
                let c = if self.low(end) == "and" { end + 1 } else { end };
                if let Some((e, _)) = self.number(c)
                    && matches!(self.low(e), "cents" | "cent" | "pence")
                {
                    end = e + 1;
                }
                return hit(end);
            }
            if matches!(w, "pound" | "pounds") && (adjectives > 0 || self.low(j + 1) == "sterling")
            {
                let end = if self.low(j + 1) == "sterling" {
                    j + 2
                } else {
                    j + 1
                };
                return hit(end);
            }
            // A capitalised word, or a lowercase one shaped like a nationality (`swiss`,
            // `australian`, `us`), as lowercased text writes them.
            let adjective = self.kind(j) == Some(Kind::Word)
                && (self.cap(j)
                    || w == "us"
                    || ["an", "ese", "ish", "ch", "ss", "i", "ic"]
                        .iter()
                        .any(|e| w.len() > 3 && w.ends_with(e)));
            if adjectives < 2 && adjective {
                adjectives += 1;
                j += 1;
                if self.raw(j) == "." && self.glued(j) {
                    j += 1;
                    if self.kind(j) == Some(Kind::Word) && self.glued(j) && self.cap(j) {
                        j += 1;
                        if self.raw(j) == "." && self.glued(j) {
                            j += 1;
                        }
                    }
                }
                continue;
            }
            return None;
        }
    }

    fn quantity(&self, i: usize) -> Option<Hit> {
        let hit = |end| {
            Some(Hit {
                end,
                label: Label::Quantity,
                amount: true,
            })
        };
        // `5km`, `10kg`: a unit glued to the digits.
        if let Some(s) = self.suffix(i) {
            let raw = self.raw_suffix(i);
            let p = self.p.items[i];
            if !s.is_empty() && p.colons + p.slashes == 0 && !self.in_name(i) {
                let ok = if raw.len() == 1 {
                    // A glued `m` is millions in news (`£550m`), read by the number rule.
                    // Not `C` or `F`: `13F filing`, `Boeing 777F`; `30°C` is read below.
                    matches!(raw, "g" | "l" | "t")
                } else {
                    glued_measure(s)
                };
                return if ok { hit(i + 1) } else { None };
            }
        }
        let (end, _) = self.number(i)?;
        // `85°`, `30°C`, `30 °F`.
        if self.raw(end) == "°" {
            let glued = matches!(self.raw(end + 1), "C" | "F") && self.glued(end + 1);
            let spelled = temperature_scale(self.low(end + 1)) && self.low(end + 1).len() > 1;
            return hit(end + 1 + usize::from(glued || spelled));
        }
        // `10-mile`: the adjective form.
        if self.is_dash(end)
            && self.glued(end)
            && self.glued(end + 1)
            && (measure(self.low(end + 1)) && self.low(end + 1) != "pound")
        {
            return hit(end + 2);
        }
        let mut k = end;
        if measure_prefix(self.low(k)) {
            k += 1;
        }
        let unit = self.low(k);
        if !measure(unit) || (k > end && !measure(self.low(k))) {
            return None;
        }
        // A bare lowercase `m`-like abbreviation is too ambiguous after a space; `measure` has
        // none, so every unit here is a word or an unambiguous abbreviation.
        let mut end = k + 1;
        if matches!(unit, "degree" | "degrees" | "deg") {
            if unit == "deg" && self.raw(end) == "." && self.glued(end) {
                end += 1;
            }
            if temperature_scale(self.low(end)) {
                end += 1;
            }
        }
        if matches!(self.low(end), "per" | "an" | "a")
            && matches!(self.low(end + 1), "hour" | "second" | "day")
        {
            end += 2;
        }
        // `5 feet 2 inches`, `5 ft 2 in`.
        if matches!(unit, "feet" | "foot" | "ft") {
            let k = if self.low(end) == "and" { end + 1 } else { end };
            if let Some((e, _)) = self.number(k)
                && matches!(self.low(e), "in" | "inch" | "inches")
            {
                end = e + 1;
            }
        }
        hit(end)
    }

    /// A time, or a range of times: `3:00 to 4:00`, `5 to 6pm`, `4pm-5pm`.
    fn time(&self, i: usize) -> Option<Hit> {
        let joint = |k: usize| self.is_dash(k) || matches!(self.low(k), "to" | "until");
        if let Some(mut hit) = self.time_point(i) {
            if joint(hit.end)
                && let Some(b) = self.time_point(hit.end + 1)
            {
                hit.end = b.end;
            }
            return Some(hit);
        }
        // `5 to 6pm`: a bare hour before a time.
        let bare = self.int(i).is_some_and(|v| (1..=12).contains(&v)) && self.suffix(i) == Some("");
        if (bare || small_number(self.low(i))) && joint(i + 1) {
            let b = self.time_point(i + 2)?;
            let closes = self.meridiem(b.end - 1).is_some()
                || matches!(
                    self.low(b.end - 1),
                    "pm" | "am" | "morning" | "afternoon" | "evening" | "night"
                )
                || self.raw(b.end - 1) == "."
                || self.suffix(i + 2).is_some_and(|s| matches!(s, "am" | "pm"));
            if closes {
                return Some(b);
            }
        }
        None
    }

    fn time_point(&self, i: usize) -> Option<Hit> {
        let hit = |end, amount| {
            Some(Hit {
                end,
                label: Label::Time,
                amount,
            })
        };
        let w = self.low(i);
        if matches!(w, "noon" | "midnight" | "midday") {
            return hit(i + 1, false);
        }
        if matches!(w, "tonight" | "tonight's") {
            return hit(i + 1, false);
        }
        if (matches!(w, "today" | "yesterday" | "tomorrow") || weekday(w))
            && day_part(self.base(i + 1))
        {
            return hit(i + 2, false);
        }
        // `midmorning`, `mid-afternoon`, `mid morning`.
        if matches!(w, "midmorning" | "midafternoon" | "midevening") {
            return hit(i + 1, false);
        }
        if w == "mid" {
            let k = if self.is_dash(i + 1) { i + 2 } else { i + 1 };
            if day_part(self.low(k)) || self.low(k) == "night" {
                return hit(k + 1, false);
            }
        }
        if let Some(end) = self.clock_phrase(i) {
            return hit(end, false);
        }
        // `seven o'clock`, `twelve noon`.
        if small_number(w) {
            return match self.low(i + 1) {
                "o'clock" | "noon" | "midnight" => hit(self.part_of_day_after(i + 2), false),
                _ => None,
            };
        }
        if deictic(w) && weekday(self.low(i + 1)) && day_part(self.base(i + 2)) {
            return hit(i + 3, false);
        }
        if matches!(w, "this" | "last" | "that") && day_part(self.base(i + 1)) {
            if w == "this" && self.low(i + 1) == "night" {
                return None;
            }
            return hit(i + 2, false);
        }
        let p = self.p.items.get(i).filter(|p| p.kind == Kind::Num)?;
        let s = self.suffix(i)?;
        let mut end = i + 1;
        let clock = p.colons > 0 && p.colons <= 2 && p.commas + p.dots + p.slashes == 0;
        let hour = self.int(i).is_some_and(|v| (1..=12).contains(&v)) && p.commas == 0;
        // `1140 a.m.`: hours and minutes run together, only with a meridiem.
        let hhmm = self
            .int(i)
            .is_some_and(|v| (100..=1259).contains(&v) && v % 100 < 60)
            && p.commas == 0;
        if !(clock || hour || hhmm) || self.in_name(i) {
            return None;
        }
        let meridiem = match s {
            "am" | "pm" => true,
            "a" | "p"
                // `7p.m.`: the lexer left `.m.` behind the digits.
                if self.raw(end) == "." && self.low(end + 1) == "m" && self.glued(end + 1) => {
                    end += 2;
                    if self.raw(end) == "." && self.glued(end) {
                        end += 1;
                    }
                    true
                }
            "" => {
                if let Some(e) = self.meridiem(end) {
                    end = e;
                    true
                } else if matches!(self.low(end), "o'clock" | "noon" | "midnight") && hour {
                    end += 1;
                    true
                } else {
                    false
                }
            }
            _ => return None,
        };
        if !meridiem && hhmm && !hour {
            return None;
        }
        let in_the = self.part_of_day_after(end);
        if !meridiem && !clock && in_the == end {
            return None;
        }
        end = in_the;
        if !meridiem && clock && self.p.items[i].colons == 1 {
            // `3:30` alone is a time; `3:1` scores are not (minutes have two digits).
            let raw = self.raw(i);
            let minutes = raw.rsplit(':').next().unwrap_or("");
            if minutes.len() != 2 {
                return None;
            }
        }
        if time_zone(self.low(end)) && self.cap(end) {
            end += 1;
        } else if self.low(end) == "local" && self.low(end + 1) == "time" {
            end += 2;
        }
        // `4:30 a.m. Thursday`, `6 p.m. tomorrow`: one time.
        if meridiem || clock {
            if let Some(e) = self.weekday_at(end) {
                end = e;
            } else if matches!(self.low(end), "today" | "tomorrow" | "yesterday") {
                end += 1;
            }
        }
        hit(end, false)
    }

    /// `am`, `pm`, `a.m.`, `p.m.` at `k`: its end.
    fn meridiem(&self, k: usize) -> Option<usize> {
        match self.low(k) {
            "am" | "pm" if self.kind(k) == Some(Kind::Word) => Some(k + 1),
            "a" | "p" if self.raw(k + 1) == "." && self.low(k + 2) == "m" && self.glued(k + 2) => {
                if self.raw(k + 3) == "." && self.glued(k + 3) {
                    Some(k + 4)
                } else {
                    Some(k + 3)
                }
            }
            _ => None,
        }
    }

    fn date(&self, i: usize) -> Option<Hit> {
        let candidates = [
            self.calendar(i),
            self.year_or_decade(i),
            self.relative(i),
            self.duration(i),
        ];
        let mut best: Option<Hit> = None;
        for hit in candidates.into_iter().flatten() {
            if best.is_none_or(|b| hit.end > b.end) {
                best = Some(hit);
            }
        }
        best
    }

    /// Month- and weekday-based dates: `February 2022`, `Feb. 24`, `Monday, Jan. 5, 2015`,
    /// `24 February 2022`, `the 24th of February`, numeric `02/22/2016` and `2022-02-24`.
    fn calendar(&self, i: usize) -> Option<Hit> {
        let hit = |end| {
            Some(Hit {
                end,
                label: Label::Date,
                amount: false,
            })
        };
        if let Some(p) = self.p.items.get(i).filter(|p| p.kind == Kind::Num) {
            if p.slashes == 2 && p.span.len() == p.digits as usize {
                return hit(i + 1);
            }
            if p.slashes == 1 && p.span.len() == p.digits as usize && !self.fraction(i) {
                return hit(i + 1);
            }
            // `13.5.2015`, `2015.5.13`: three dotted parts with a year at one end.
            if p.dots == 2 && p.commas == 0 && p.span.len() == p.digits as usize {
                let raw = self.raw(i);
                let mut parts = raw.split('.');
                let (a, b, c) = (parts.next(), parts.next(), parts.next());
                let year_end = [a, c]
                    .into_iter()
                    .flatten()
                    .any(|x| x.len() == 4 && x.starts_with(['1', '2']));
                if year_end && b.is_some_and(|b| b.len() <= 2) {
                    return hit(i + 1);
                }
            }
            // `2022-02-24`.
            if self.year(i)
                && self.is_dash(i + 1)
                && self.glued(i + 1)
                && self.int(i + 2).is_some_and(|m| (1..=12).contains(&m))
                && self.glued(i + 2)
                && self.is_dash(i + 3)
                && self.glued(i + 3)
                && self.day(i + 4)
                && self.glued(i + 4)
            {
                return hit(i + 5);
            }
        }
        // `Q3`, `Q1 2022`.
        if self.raw(i) == "Q"
            && self.glued(i + 1)
            && self.int(i + 1).is_some_and(|q| (1..=4).contains(&q))
            && self.suffix(i + 1) == Some("")
        {
            return hit(if self.year(i + 2) { i + 3 } else { i + 2 });
        }
        // `the month of May`, `the week of Nov. 30`.
        let the_first = usize::from(self.low(i) == "the");
        if matches!(self.low(i + the_first), "month" | "week")
            && self.low(i + the_first + 1) == "of"
            && let Some(h) = self.calendar(i + the_first + 2)
        {
            return hit(h.end);
        }
        // `first Sunday`, `the second Tuesday of March`.
        let ord_start = i + usize::from(self.low(i) == "the");
        if let Some(o) = self.ordinal(ord_start)
            && self.kind(ord_start) == Some(Kind::Word)
            && let Some(w_end) = self.weekday_at(o.end)
        {
            if self.low(w_end) == "of"
                && let Some(m_end) = self.month_by_day(w_end + 1)
            {
                return hit(m_end);
            }
            return hit(w_end);
        }
        let mut k = i;
        let mut weekday_end = None;
        if let Some(e) = self.weekday_at(k) {
            weekday_end = Some(e);
            k = e;
            if self.raw(k) == "," {
                k += 1;
            }
            // `Friday 7/6`, `Friday, 2018-7-6`, `Friday the 13th`.
            if self.kind(k) == Some(Kind::Num)
                && let Some(h) = self.calendar(k)
            {
                return hit(h.end);
            }
            if self.low(e) == "the"
                && self.day(e + 1)
                && self.suffix(e + 1).is_some_and(ordinal_suffix)
            {
                return hit(e + 2);
            }
        }
        let the = self.low(k) == "the";
        let day_first = if the { k + 1 } else { k };
        let month_end = self.month_at(k).or_else(|| {
            self.month_by_day(k)
                .filter(|&e| self.day(e) || self.year(e))
        });
        if let Some(m_end) = month_end {
            if self.day(m_end) {
                let mut end = m_end + 1;
                // `November 19 to 20`, `Nov. 19-20`.
                if (self.is_dash(end) || matches!(self.low(end), "to" | "through"))
                    && self.day(end + 1)
                {
                    end += 2;
                }
                if self.raw(end) == "," && self.year(end + 1) {
                    end += 2;
                } else if self.year(end) {
                    end += 1;
                } else if self.low(end) == "of" && self.year(end + 1) {
                    end += 2;
                }
                return hit(end);
            }
            if self.year(m_end) {
                return hit(m_end + 1);
            }
            if self.raw(m_end) == "," && self.year(m_end + 1) {
                return hit(m_end + 2);
            }
            let ambiguous = matches!(self.low(k), "may" | "march");
            let prev = self.prev(k);
            let dated = matches!(
                prev,
                "in" | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "from"
                    | "through"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "of"
                    | "during"
                    | "before"
                    | "after"
                    | "-"
            );
            if !ambiguous || dated || weekday_end.is_some() {
                return hit(m_end);
            }
            return weekday_end.and_then(hit);
        }
        // `the second of August`.
        if let Some(o) = self
            .ordinal(day_first)
            .filter(|_| self.kind(day_first) == Some(Kind::Word))
            && self.low(o.end) == "of"
            && let Some(m_end) = self.month_by_day(o.end + 1)
        {
            return hit(if self.year(m_end) { m_end + 1 } else { m_end });
        }
        if self.day(day_first) {
            let mut m = day_first + 1;
            if self.low(m) == "of" {
                m += 1;
            }
            if let Some(m_end) = self.month_by_day(m) {
                let end = if self.year(m_end) {
                    m_end + 1
                } else if matches!(self.raw(m_end), "," | "of") && self.year(m_end + 1) {
                    m_end + 2
                } else {
                    m_end
                };
                return hit(end);
            }
            // `the 20th of next month`.
            if m > day_first + 1
                && self.suffix(day_first).is_some_and(ordinal_suffix)
                && let Some(e) = self.deictic_period(m)
            {
                return hit(e);
            }
        }
        // `on the 27th`: a day of the month alone, after a preposition of time.
        if the
            && weekday_end.is_none()
            && self.day(day_first)
            && self.suffix(day_first).is_some_and(ordinal_suffix)
            && matches!(
                self.prev(k),
                "on" | "by" | "until" | "since" | "from" | "before"
            )
        {
            return hit(day_first + 1);
        }
        weekday_end.and_then(hit)
    }

    /// Years, decades and centuries: `2022`, `the 1990s`, `the ’90s`, `the 21st century`.
    fn year_or_decade(&self, i: usize) -> Option<Hit> {
        let hit = |end| {
            Some(Hit {
                end,
                label: Label::Date,
                amount: false,
            })
        };
        let mut k = i;
        let the = self.low(k) == "the";
        if the {
            k += 1;
        }
        let modified = matches!(self.low(k), "early" | "late" | "mid");
        if modified {
            k += 1;
            if self.is_dash(k) && self.glued(k) {
                k += 1;
            }
        }
        // `1990s`, `’90s`.
        if let Some(s) = self.suffix(k) {
            let p = self.p.items[k];
            let digits = p.digits as usize;
            let decade = s == "s"
                && p.commas + p.dots + p.colons + p.slashes == 0
                && (digits == 4 || (digits == 2 && k > 0 && matches!(self.raw(k - 1), "'" | "’")))
                && self.raw(k).as_bytes()[digits - 1] == b'0';
            if decade {
                return hit(k + 1);
            }
        }
        if matches!(self.raw(k), "'" | "’")
            && self.glued(k + 1)
            && let Some(p) = self.p.items.get(k + 1)
            && self.suffix(k + 1) == Some("s")
            && p.digits == 2
        {
            return hit(k + 2);
        }
        // `the 21st century`, `the twentieth century`, `20th-century`.
        let ordinal = self.ordinal(k);
        if let Some(o) = ordinal {
            let mut c = o.end;
            if self.is_dash(c) && self.glued(c) {
                c += 1;
            }
            if matches!(self.low(c), "century" | "centuries" | "millennium") {
                return hit(c + 1);
            }
        }
        if the && !modified {
            // `the` alone before a year does not belong to it.
            return None;
        }
        if self.year(k) {
            let v = self.int(k).unwrap_or(0);
            let prev = self.prev(i);
            let plausible = (1900..=2099).contains(&v)
                || k > i
                || matches!(
                    prev,
                    "in" | "since"
                        | "of"
                        | "from"
                        | "until"
                        | "by"
                        | "before"
                        | "after"
                        | "during"
                        | "year"
                        | "circa"
                );
            if !plausible || self.in_name(k) || currency_symbol(self.prev(k)) {
                return None;
            }
            let (end, _) = self.number(k)?;
            // A year never takes a scale word (`2000 million` is an amount).
            if end > k + 1 && !self.is_dash(k + 1) {
                return None;
            }
            return hit(end);
        }
        // `spring 2022`, `the summer of 2021`.
        if season(self.low(k)) {
            let mut e = k + 1;
            if self.low(e) == "of" {
                e += 1;
            }
            if self.year(e) {
                return hit(e + 1);
            }
        }
        None
    }

    /// Dates relative to now: `today`, `last year`, `earlier this month`, `the past decade`,
    /// `recent years`, `early February`, `the end of 2022`, `Christmas`.
    fn relative(&self, i: usize) -> Option<Hit> {
        let hit = |end| {
            Some(Hit {
                end,
                label: Label::Date,
                amount: false,
            })
        };
        let w = self.low(i);
        if matches!(
            w,
            "today" | "yesterday" | "tomorrow" | "today's" | "yesterday's" | "tomorrow's"
        ) {
            return hit(i + 1);
        }
        if holiday(self.base(i)) && self.cap(i) {
            return hit(i + 1);
        }
        if w == "new"
            && self.cap(i)
            && self.base(i + 1) == "year"
            && self.cap(i + 1)
            && matches!(self.base(i + 2), "day" | "eve")
        {
            return hit(i + 3);
        }
        // `earlier this month`, `late last year`.
        if matches!(w, "earlier" | "later" | "early" | "late") {
            if let Some(e) = self.deictic_period(i + 1) {
                return hit(e);
            }
            // `early February`, `late 2022` are found by the calendar and year rules.
            if let Some(e) = self.month_at(i + 1) {
                return hit(e);
            }
        }
        if matches!(w, "mid" | "early" | "late")
            && self.is_dash(i + 1)
            && self.glued(i + 1)
            && let Some(e) = self.month_at(i + 2)
        {
            return hit(e);
        }
        if let Some(e) = self.deictic_period(i) {
            return hit(e);
        }
        if w == "recent" && date_units(self.base(i + 1)) {
            return hit(i + 2);
        }
        if w == "the" {
            let w1 = self.low(i + 1);
            // `the past decade`, `the last two years`, `the following day`, `the same week`.
            if matches!(
                w1,
                "past"
                    | "last"
                    | "next"
                    | "previous"
                    | "following"
                    | "coming"
                    | "same"
                    | "current"
                    | "recent"
                    | "preceding"
            ) {
                let mut k = i + 2;
                k = self.few(k).unwrap_or(k);
                if let Some((e, _)) = self.number(k) {
                    k = e;
                }
                let u = self.base(k);
                if date_unit(u) || date_units(u) || u == "weekend" {
                    // `the last week of July`.
                    if self.low(k + 1) == "of"
                        && let Some(h) = self.calendar(k + 2)
                    {
                        return hit(h.end);
                    }
                    return hit(k + 1);
                }
                // `the past 24 hours` is TIME.
                if time_units(u) || (k > i + 2 && time_unit(u) && u != "second") {
                    return Some(Hit {
                        end: k + 1,
                        label: Label::Time,
                        amount: false,
                    });
                }
            }
            if w1 == "weekend" {
                return hit(i + 2);
            }
            // `the day before yesterday`, `the day after tomorrow`.
            if w1 == "day"
                && matches!(
                    (self.low(i + 2), self.low(i + 3)),
                    ("before", "yesterday") | ("after", "tomorrow")
                )
            {
                return hit(i + 4);
            }
            // `the summer`, `the summer of 2021`, but not `the fall of Kabul`.
            // `the summer`, `the summer of 2021`, `in the fall`, but not `the fall in profits`.
            if season(w1) {
                if self.low(i + 2) == "of" {
                    if self.year(i + 3) {
                        return hit(i + 4);
                    }
                } else if w1 != "fall"
                    || matches!(
                        self.prev(i),
                        "in" | "during" | "over" | "since" | "until" | "by" | "through"
                    )
                {
                    return hit(i + 2);
                }
            }
            // `the third quarter`, `the first half of 2022`.
            if let Some(o) = self.ordinal(i + 1) {
                let u = self.low(o.end);
                let of_date = |k: usize| {
                    if self.low(k) != "of" {
                        return None;
                    }
                    let inner = [
                        self.calendar(k + 1),
                        self.year_or_decade(k + 1),
                        self.relative(k + 1),
                    ];
                    inner.into_iter().flatten().map(|h| h.end).max()
                };
                if u == "quarter" {
                    return hit(of_date(o.end + 1).unwrap_or(o.end + 1));
                }
                if u == "half"
                    && let Some(e) = of_date(o.end + 1)
                {
                    return hit(e);
                }
            }
            // `the end of February`, `the beginning of the year`.
            if matches!(
                w1,
                "end" | "beginning" | "start" | "middle" | "turn" | "rest" | "remainder"
            ) && self.low(i + 2) == "of"
            {
                let k = i + 3;
                if self.low(k) == "the" && date_unit(self.base(k + 1)) {
                    return hit(k + 2);
                }
                let inner = [self.calendar(k), self.year_or_decade(k), self.relative(k)];
                if let Some(h) = inner.into_iter().flatten().max_by_key(|h| h.end) {
                    return hit(h.end);
                }
            }
        }
        None
    }

    /// `this week`, `last year`, `next Monday`, `past decade`: the end.
    fn deictic_period(&self, i: usize) -> Option<usize> {
        if !deictic(self.low(i)) {
            return None;
        }
        // `past few weeks`, `next two years`.
        if self.low(i) != "this" {
            let counted = self
                .few(i + 1)
                .or_else(|| self.number(i + 1).map(|(e, _)| e));
            if let Some(k) = counted {
                return date_units(self.base(k)).then_some(k + 1);
            }
        }
        let u = self.base(i + 1);
        if date_unit(u) || matches!(u, "weekend" | "season") || season(u) || weekday(u) {
            return Some(i + 2);
        }
        if self.month_at(i + 1).is_some() || (month(u).is_some() && self.cap(i + 1)) {
            return self.month_by_day(i + 1);
        }
        None
    }

    /// `a few`, `a couple of`, `several`, `few`, `many`: the end.
    fn few(&self, i: usize) -> Option<usize> {
        match (self.low(i), self.low(i + 1)) {
            ("a", "few") => Some(i + 2),
            ("a", "couple") if self.low(i + 2) == "of" => Some(i + 3),
            ("few" | "several" | "many" | "some", _) => Some(i + 1),
            _ => None,
        }
    }

    /// Spans of time: `three years`, `a year ago`, `two hours`, `months`, `a five-year`,
    /// `5-year-old`, `days later`, `1 year 1 month`, `an hour and a half`, `two weeks from now`.
    fn duration(&self, i: usize) -> Option<Hit> {
        let (mut end, mut label) = self.duration_core(i)?;
        loop {
            let j = if self.low(end) == "and" { end + 1 } else { end };
            if matches!(self.low(j), "a" | "one") && self.low(j + 1) == "half" {
                end = j + 2;
                continue;
            }
            if j == end + 1 && self.low(j) == "half" {
                end = j + 1;
                continue;
            }
            match self.duration_core(j) {
                Some((e, l)) if self.number(j).is_some() || self.kind(j) == Some(Kind::Num) => {
                    end = e;
                    if l == Label::Date {
                        label = Label::Date;
                    }
                }
                _ => break,
            }
        }
        match (self.low(end), self.low(end + 1)) {
            ("ago" | "earlier" | "later" | "old", _) => end += 1,
            ("from" | "after" | "before", "now" | "today" | "tomorrow" | "yesterday")
            | ("of", "age") => end += 2,
            _ => {}
        }
        Some(Hit {
            end,
            label,
            amount: true,
        })
    }

    fn duration_core(&self, i: usize) -> Option<(usize, Label)> {
        // `3h`, `3days`, `3.5years`: a unit glued to the digits.
        if let Some(s) = self.suffix(i).filter(|s| !s.is_empty()) {
            let p = self.p.items[i];
            if p.colons + p.slashes > 0 || self.in_name(i) {
                return None;
            }
            if date_unit(s) || date_units(s) {
                return Some((i + 1, Label::Date));
            }
            if time_unit(s) || time_units(s) || time_abbrev(s) || s == "h" {
                return Some((i + 1, Label::Time));
            }
            return None;
        }
        let (k, counted) = match (self.low(i), self.low(i + 1)) {
            _ if self.few(i).is_some() => (self.few(i).unwrap_or(i), true),
            ("half", "a" | "an") | ("a" | "an", "half") => (i + 2, true),
            ("half", _) => (i + 1, true),
            ("a" | "an" | "another", _) => (i + 1, true),
            _ => {
                if let Some(k) = self.few(i) {
                    (k, true)
                } else if let Some((k, _)) = self.number(i) {
                    (k, true)
                } else {
                    (i, false)
                }
            }
        };
        let mut k = k;
        let mut adjective = false;
        if counted && k > i && self.is_dash(k) && self.glued(k) && self.glued(k + 1) {
            // `five-year`, `24-hour`.
            k += 1;
            adjective = true;
        }
        let u = self.base(k);
        let label = if (counted && k > i && date_unit(u)) || date_units(u) {
            Label::Date
        } else if (counted && k > i && (time_unit(u) && u != "second" || time_abbrev(u)))
            // A bare `hours` (`extend the hours`) is no span of time; `months` alone is DATE
            // in OntoNotes, `hours` alone is not TIME.
            || time_units(u) && k > i
        {
            Label::Time
        } else {
            return None;
        };
        let mut end = k + 1;
        if adjective && self.is_dash(end) && self.glued(end) && self.low(end + 1) == "old" {
            end += 2;
        }
        Some((end, label))
    }

    /// `half past eight`, `a quarter to 8`, `10 minutes past nine`: clock phrases.
    fn clock_phrase(&self, i: usize) -> Option<usize> {
        let (k, to_ok) = match (self.low(i), self.low(i + 1)) {
            ("half", _) => (i + 1, false),
            ("a", "quarter") => (i + 2, true),
            ("quarter", _) => (i + 1, true),
            _ => {
                let (e, _) = self.number(i)?;
                if matches!(self.low(e), "minutes" | "mins" | "min") {
                    (e + 1, true)
                } else {
                    (e, false)
                }
            }
        };
        let rel = self.low(k);
        if !(rel == "past" || (rel == "to" && to_ok)) {
            return None;
        }
        let h = k + 1;
        let hour = small_number(self.low(h))
            || self.int(h).is_some_and(|v| (1..=12).contains(&v))
                && self
                    .suffix(h)
                    .is_some_and(|s| s.is_empty() || matches!(s, "am" | "pm"));
        if !hour {
            return None;
        }
        let mut end = h + 1;
        if let Some(e) = self.meridiem(end) {
            end = e;
        } else if self.low(end) == "o'clock" {
            end += 1;
        }
        Some(self.part_of_day_after(end))
    }

    /// `in the morning` after a clock time: its end, or `end` itself.
    fn part_of_day_after(&self, end: usize) -> usize {
        if self.low(end) == "in" && self.low(end + 1) == "the" && day_part(self.low(end + 2)) {
            end + 3
        } else {
            end
        }
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
mod tests {
    use super::find;

    fn check(text: &str, expect: &str) {
        let tokens = newsclaims_tokenize::tokenize(text);
        let got: Vec<String> = find(text, &tokens)
            .iter()
            .map(|m| format!("{} {:?}", m.label.as_str(), &text[m.span]))
            .collect();
        assert_eq!(got.join("; "), expect, "in {text:?}");
    }

    #[test]
    fn hedges_belong_to_the_amount() {
        check(
            "allies have provided more than 150 billion euros of support",
            "MONEY \"more than 150 billion euros\"",
        );
        check(
            "Russia invaded more than a year ago.",
            "DATE \"more than a year ago\"",
        );
        check("about 30% of voters", "PERCENT \"about 30%\"");
        check(
            "nearly 2,000 people and at least three",
            "CARDINAL \"nearly 2,000\"; CARDINAL \"at least three\"",
        );
    }
}
