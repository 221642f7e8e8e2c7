//! Where the scan tries the rules ([`Rules::start`]): at numbers, currency symbols and the
//! words of the rules' classes; at a leading word (`the`, `more`, `at`) or a sign only when the
//! piece after it may continue a mention. Every rule that starts at a leading word reads the
//! next piece, and accepts a word there only by comparing it with a literal of the rules' source
//! ([`known`] tests all of them at once), so the skip changes no mention (`tests.rs` checks it).

use super::Rules;
use super::lex::Kind;
use super::words::*;

/// The words the rules know (`follow.rs`), built from their source by `build.rs`.
static KNOWN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/follow.bin"));

/// Whether `w` (lowercase, as [`Rules::base`](super::Rules::base) reads it) may be a word the
/// rules know; `false` means it is none of them.
pub(super) fn known(w: &str) -> bool {
    super::follow::contains(KNOWN, w)
}

/// Words that start mentions only together with the next piece (`the 1990s`, `more than`,
/// `at least`, `last year`, `US$`): no rule matches one alone, and every rule that starts at one
/// reads the piece after it. `tests::leading_words_need_a_known_next_word` checks both on every
/// word the rules know.
fn leading(w: &str) -> bool {
    hedge_word(w)
        || deictic(w)
        || dollar_prefix(w)
        || season(w)
        || matches!(
            w,
            "the"
                | "an"
                | "half"
                | "tens"
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
                | "q"
                | "month"
                | "week"
                | "minus"
                | "negative"
                | "quarter"
                | "another"
        )
}

/// Which rules may start at a piece ([`Rules::start`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Start {
    Never,
    Always,
    /// Only if a number follows.
    BeforeNumber,
    /// Only if the next piece is no word unknown to the rules ([`Rules::may_follow`]).
    BeforeKnown,
}

impl Rules<'_> {
    /// Whether the scan tries the rules at `i`.
    pub(super) fn tries(&self, i: usize) -> bool {
        match self.start(i) {
            Start::Never => false,
            Start::Always => true,
            _ if !self.known_only => true,
            Start::BeforeNumber => self.kind(i + 1) == Some(Kind::Num),
            Start::BeforeKnown => self.may_follow(i + 1),
        }
    }

    /// Whether any rule could start at `i`, and on what condition: a cheap filter that keeps
    /// the scan fast.
    pub(super) fn start(&self, i: usize) -> Start {
        match self.kind(i) {
            Some(Kind::Num) => Start::Always,
            Some(Kind::Sym) if currency_symbol(self.raw(i)) => Start::Always,
            // A sign (`-5`) or an elided century (`’90s`) needs the number after it.
            Some(Kind::Sym) if matches!(self.raw(i), "'" | "’" | "-" | "−") => {
                Start::BeforeNumber
            }
            Some(Kind::Word) => {
                let w = self.low(i);
                // Every word below is a literal of the rules' source: one test of the bitmap
                // answers most words, which are none of them, in place of a dozen classes.
                if self.known_only && !known(w) {
                    return Start::Never;
                }
                if leading(w) || currency_code(self.raw(i)) {
                    Start::BeforeKnown
                } else if small_number(w)
                    || approx_plural(w)
                    || ordinal_word(w)
                    || month(w).is_some()
                    || weekday(w)
                    || holiday(w)
                    || date_units(w)
                    || time_units(w)
                    || matches!(
                        w,
                        "today"
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
                            | "midmorning"
                            | "midafternoon"
                            | "midevening"
                    )
                {
                    Start::Always
                } else {
                    Start::Never
                }
            }
            _ => Start::Never,
        }
    }

    /// Whether the piece at `i` may continue a mention that a [`Start::BeforeKnown`] word
    /// starts: a number, a symbol, a word the rules know ([`known`]), or a URL-like token. Past
    /// the end nothing does.
    fn may_follow(&self, i: usize) -> bool {
        match self.kind(i) {
            Some(Kind::Word) => known(self.base(i)),
            Some(_) => true,
            None => false,
        }
    }
}
