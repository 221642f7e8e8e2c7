//! The amount rules of [`Rules`](super::Rules): numbers (digits, spelled, approximate),
//! hedges, CARDINAL, ORDINAL, PERCENT, MONEY and QUANTITY.

use super::lex::Kind;
use super::words::*;
use super::{Hit, Num, Rules, num_range};
use crate::Label;

impl Rules<'_> {
    /// Whether a `Num` with one slash reads as a fraction (`1/4`, `3/4`), not a date (`9/11`).
    pub(super) fn fraction(&self, i: usize) -> bool {
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
    pub(super) fn denominator(&self, i: usize) -> bool {
        let w = self.low(i);
        let w = w.strip_suffix('s').unwrap_or(w);
        matches!(w, "half" | "halve" | "quarter")
            || (ordinal_word(w) && !matches!(w, "first" | "second"))
    }

    /// A number starting at `i`: its end and what it is.
    pub(super) fn number(&self, i: usize) -> Option<(usize, Num)> {
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

    /// A number in digits or words at `i`: its end and what kind of number it is.
    pub(super) fn number_word(&self, i: usize) -> Option<(usize, Num)> {
        if let Some(&Some(known)) = self.numbers.borrow().get(i) {
            return known;
        }
        let found = self.read_number_word(i);
        if let Some(slot) = self.numbers.borrow_mut().get_mut(i) {
            *slot = Some(found);
        }
        found
    }

    /// [`Rules::number_word`], read from the pieces.
    fn read_number_word(&self, i: usize) -> Option<(usize, Num)> {
        match self.kind(i)? {
            Kind::Num => self.digits_number(i),
            Kind::Word => self.spelled_number(i),
            _ => None,
        }
    }

    /// `42`, `3.5m`, `2 1/4`, `10 million`, a year or a year range `2014-16`.
    fn digits_number(&self, i: usize) -> Option<(usize, Num)> {
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

    /// `dozens`, `tens of thousands`, `a third of`, `half a million`, `twenty-five`,
    /// `two thirds`.
    fn spelled_number(&self, i: usize) -> Option<(usize, Num)> {
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
            } else if end > i && w == "and" && last_scale && small_number(self.low(end + 1)) {
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

    /// Where a hedge starting at `i` ends: `more than`, `at least`, `about`, `nearly`.
    pub(super) fn hedge(&self, i: usize) -> Option<usize> {
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

    pub(super) fn cardinal(&self, i: usize) -> Option<Hit> {
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

    pub(super) fn ordinal(&self, i: usize) -> Option<Hit> {
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

    pub(super) fn percent(&self, i: usize) -> Option<Hit> {
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

    pub(super) fn percent_sign(&self, k: usize) -> Option<usize> {
        match self.low(k) {
            "%" | "percent" | "percents" | "pct" => Some(k + 1),
            "per" if self.low(k + 1) == "cent" => Some(k + 2),
            "percentage" if matches!(self.low(k + 1), "point" | "points") => Some(k + 2),
            _ => None,
        }
    }

    pub(super) fn money(&self, i: usize) -> Option<Hit> {
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
        self.currency_after(k).and_then(hit)
    }

    /// The end of a currency word at `k` or after up to two words naming its country:
    /// `dollars`, `Hong Kong dollars`, `U.S. dollars and 50 cents`, `pounds sterling`.
    fn currency_after(&self, k: usize) -> Option<usize> {
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
                return Some(end);
            }
            if matches!(w, "pound" | "pounds") && (adjectives > 0 || self.low(j + 1) == "sterling")
            {
                let end = if self.low(j + 1) == "sterling" {
                    j + 2
                } else {
                    j + 1
                };
                return Some(end);
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

    pub(super) fn quantity(&self, i: usize) -> Option<Hit> {
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
}
