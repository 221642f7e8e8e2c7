//! The TIME rules of [`Rules`](super::Rules): clock times (`9:30 a.m.`, `noon`), parts of a
//! day and the phrases that tie them to a day, and durations (`two hours` TIME, `two years`
//! DATE).

use super::lex::Kind;
use super::words::*;
use super::{Hit, Rules};
use crate::Label;

impl Rules<'_> {
    /// A time, or a range of times: `3:00 to 4:00`, `5 to 6pm`, `4pm-5pm`.
    pub(super) fn time(&self, i: usize) -> Option<Hit> {
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

    pub(super) fn time_point(&self, i: usize) -> Option<Hit> {
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
        let end = self.clock_time(i)?;
        hit(end, false)
    }

    /// A time in digits at `i`: `3:30`, `7 p.m.`, `1140 a.m.`, `9 o'clock`, `4:30 a.m. Thursday`,
    /// `10 EST`: its end.
    fn clock_time(&self, i: usize) -> Option<usize> {
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
        Some(end)
    }

    /// `am`, `pm`, `a.m.`, `p.m.` at `k`: its end.
    pub(super) fn meridiem(&self, k: usize) -> Option<usize> {
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

    /// Spans of time: `three years`, `a year ago`, `two hours`, `months`, `a five-year`,
    /// `5-year-old`, `days later`, `1 year 1 month`, `an hour and a half`, `two weeks from now`.
    pub(super) fn duration(&self, i: usize) -> Option<Hit> {
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

    pub(super) fn duration_core(&self, i: usize) -> Option<(usize, Label)> {
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
    pub(super) fn clock_phrase(&self, i: usize) -> Option<usize> {
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
    pub(super) fn part_of_day_after(&self, end: usize) -> usize {
        if self.low(end) == "in" && self.low(end + 1) == "the" && day_part(self.low(end + 2)) {
            end + 3
        } else {
            end
        }
    }
}
