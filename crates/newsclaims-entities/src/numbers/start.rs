//! Where the scan tries the rules ([`Rules::start`]): at numbers, currency symbols and the
//! words of the rules' classes (a bitmap of them, [`STARTS`], answers the other words at once);
//! at a leading word (`the`, `more`, `at`) or a sign only when the piece after it may continue a
//! mention. Every rule that starts at a leading word reads the
//! next piece, and accepts a word there only by comparing it with a literal of the rules' source
//! ([`known`] tests all of them at once), so the skip changes no mention (`tests.rs` checks it).

use std::sync::LazyLock;

use super::Rules;
use super::follow;
use super::lex::Kind;
use super::words::*;

/// The words the rules know (`follow.rs`), built from their source by `build.rs`.
static KNOWN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/follow.bin"));

/// The same words, one a line.
pub(super) const KNOWN_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/follow.txt"));

/// The words of [`KNOWN_WORDS`] that start a mention, alone or before another piece
/// ([`word_start`] is not [`Start::Never`] in some letter case), in a bitmap like [`KNOWN`]'s:
/// made at first use by asking [`word_start`] itself of every known word, since no other word
/// is in its classes.
static STARTS: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let mut table = vec![0u8; KNOWN.len()];
    for w in KNOWN_WORDS.lines() {
        let upper = w.to_uppercase();
        if word_start(w, w) != Start::Never || word_start(w, &upper) != Start::Never {
            follow::insert(&mut table, w.as_bytes());
        }
    }
    table
});

/// The start bitmap ([`STARTS`]), for a scan to keep at hand.
pub(super) fn starts() -> &'static [u8] {
    &STARTS
}

/// Whether `w` (lowercase, as [`Rules::base`](super::Rules::base) reads it) may be a word the
/// rules know; `false` means it is none of them.
pub(super) fn known(w: &str) -> bool {
    follow::contains(KNOWN, w)
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
                // Most words start nothing: one test of a bitmap answers them, in place of a
                // dozen classes (and every known word that is none of them, such as `of`).
                if self.known_only && !follow::contains(self.starts, w) {
                    return Start::Never;
                }
                word_start(w, self.raw(i))
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

/// Which rules may start at a word piece: `w` its lowercase form, `raw` as written (currency
/// codes are read in capitals). Not inlined: the scan asks it only of the words in [`STARTS`].
#[inline(never)]
fn word_start(w: &str, raw: &str) -> Start {
    if leading(w) || currency_code(raw) {
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
