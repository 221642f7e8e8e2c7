//! The DATE rules of [`Rules`](super::Rules): calendar dates, years and decades, relative
//! dates (`last year`, `earlier this month`).

use super::lex::Kind;
use super::words::*;
use super::{Hit, Rules};
use crate::Label;

impl Rules<'_> {
    pub(super) fn date(&self, i: usize) -> Option<Hit> {
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
    pub(super) fn calendar(&self, i: usize) -> Option<Hit> {
        self.calendar_end(i).map(|end| Hit {
            end,
            label: Label::Date,
            amount: false,
        })
    }

    /// Where the calendar date at `i` ends.
    fn calendar_end(&self, i: usize) -> Option<usize> {
        if let Some(end) = self.numeric_date(i).or_else(|| self.period_date(i)) {
            return Some(end);
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
                return Some(h.end);
            }
            if self.low(e) == "the"
                && self.day(e + 1)
                && self.suffix(e + 1).is_some_and(ordinal_suffix)
            {
                return Some(e + 2);
            }
        }
        let the = self.low(k) == "the";
        let day_first = if the { k + 1 } else { k };
        let month_end = self.month_at(k).or_else(|| {
            self.month_by_day(k)
                .filter(|&e| self.day(e) || self.year(e))
        });
        if let Some(m_end) = month_end {
            return self.after_month(k, m_end, weekday_end);
        }
        self.day_of_month(k, the, day_first, weekday_end)
    }

    /// Numeric dates: `02/22/2016`, `6/7`, `13.5.2015`, `2022-02-24`.
    fn numeric_date(&self, i: usize) -> Option<usize> {
        if let Some(p) = self.p.items.get(i).filter(|p| p.kind == Kind::Num) {
            if p.slashes == 2 && p.span.len() == p.digits as usize {
                return Some(i + 1);
            }
            if p.slashes == 1 && p.span.len() == p.digits as usize && !self.fraction(i) {
                return Some(i + 1);
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
                    return Some(i + 1);
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
                return Some(i + 5);
            }
        }
        None
    }

    /// `Q3`, `the month of May`, `the second Tuesday of March`.
    fn period_date(&self, i: usize) -> Option<usize> {
        // `Q3`, `Q1 2022`.
        if self.raw(i) == "Q"
            && self.glued(i + 1)
            && self.int(i + 1).is_some_and(|q| (1..=4).contains(&q))
            && self.suffix(i + 1) == Some("")
        {
            return Some(if self.year(i + 2) { i + 3 } else { i + 2 });
        }
        // `the month of May`, `the week of Nov. 30`.
        let the_first = usize::from(self.low(i) == "the");
        if matches!(self.low(i + the_first), "month" | "week")
            && self.low(i + the_first + 1) == "of"
            && let Some(h) = self.calendar(i + the_first + 2)
        {
            return Some(h.end);
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
                return Some(m_end);
            }
            return Some(w_end);
        }
        None
    }

    /// The end of a date whose month (`k..m_end`, after an optional weekday) is known.
    fn after_month(&self, k: usize, m_end: usize, weekday_end: Option<usize>) -> Option<usize> {
        if self.day(m_end) {
            let mut end = m_end + 1;
            // `November 19 to 20`, `Nov. 19-20`.
            if (self.is_dash(end) || matches!(self.low(end), "to" | "through")) && self.day(end + 1)
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
            return Some(end);
        }
        if self.year(m_end) {
            return Some(m_end + 1);
        }
        if self.raw(m_end) == "," && self.year(m_end + 1) {
            return Some(m_end + 2);
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
            return Some(m_end);
        }
        weekday_end
    }

    /// Dates led by the day: `the second of August`, `24 February`, `the 20th of next month`,
    /// `on the 27th`; else the weekday alone, if any.
    fn day_of_month(
        &self,
        k: usize,
        the: bool,
        day_first: usize,
        weekday_end: Option<usize>,
    ) -> Option<usize> {
        // `the second of August`.
        if let Some(o) = self
            .ordinal(day_first)
            .filter(|_| self.kind(day_first) == Some(Kind::Word))
            && self.low(o.end) == "of"
            && let Some(m_end) = self.month_by_day(o.end + 1)
        {
            return Some(if self.year(m_end) { m_end + 1 } else { m_end });
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
                return Some(end);
            }
            // `the 20th of next month`.
            if m > day_first + 1
                && self.suffix(day_first).is_some_and(ordinal_suffix)
                && let Some(e) = self.deictic_period(m)
            {
                return Some(e);
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
            return Some(day_first + 1);
        }
        weekday_end
    }

    /// Years, decades and centuries: `2022`, `the 1990s`, `the ’90s`, `the 21st century`.
    pub(super) fn year_or_decade(&self, i: usize) -> Option<Hit> {
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
    pub(super) fn relative(&self, i: usize) -> Option<Hit> {
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
            return self.the_relative(i);
        }
        None
    }

    /// Relative dates after `the` (at `i`): `the past decade`, `the following day`, `the summer of
    /// 2021`, `the third quarter`, `the end of February`; `the past 24 hours` is TIME.
    fn the_relative(&self, i: usize) -> Option<Hit> {
        let hit = |end| {
            Some(Hit {
                end,
                label: Label::Date,
                amount: false,
            })
        };
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
        self.the_part_of(i).and_then(hit)
    }

    /// `the third quarter`, `the first half of 2022`, `the end of February`: the end.
    fn the_part_of(&self, i: usize) -> Option<usize> {
        let w1 = self.low(i + 1);
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
                return Some(of_date(o.end + 1).unwrap_or(o.end + 1));
            }
            if u == "half"
                && let Some(e) = of_date(o.end + 1)
            {
                return Some(e);
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
                return Some(k + 2);
            }
            let inner = [self.calendar(k), self.year_or_decade(k), self.relative(k)];
            if let Some(h) = inner.into_iter().flatten().max_by_key(|h| h.end) {
                return Some(h.end);
            }
        }
        None
    }

    /// `this week`, `last year`, `next Monday`, `past decade`: the end.
    pub(super) fn deictic_period(&self, i: usize) -> Option<usize> {
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
    pub(super) fn few(&self, i: usize) -> Option<usize> {
        match (self.low(i), self.low(i + 1)) {
            ("a", "few") => Some(i + 2),
            ("a", "couple") if self.low(i + 2) == "of" => Some(i + 3),
            ("few" | "several" | "many" | "some", _) => Some(i + 1),
            _ => None,
        }
    }
}
