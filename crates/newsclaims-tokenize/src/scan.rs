//! Cuts text into tokens, left to right, in one pass.
//!
//! Each token is recognised at its first char by a small scanner that looks ahead a bounded
//! distance, except URLs, which it consumes whole; so scanning is linear in the text.
//! Invariants: tokens are non-empty, sorted, disjoint, never contain a blank char (so never cross
//! a line), and start and end on char boundaries.
//!
//! What it decides here rather than later: whether a period belongs to its word (`Dr.`, `U.S.`,
//! `J.`), and whether an apostrophe is part of a word (`don’t`, `’90s`, `rock ’n’ roll`), the
//! possessive `’s` (its own token, so entity spans exclude it), or a quotation mark.

use newsclaims_text::Span;

use crate::abbrev::{self, Abbrev};
use crate::chars::{self, at, before, is_word, is_word_opt};
use crate::{Token, TokenKind};

pub(crate) fn scan(text: &str) -> Vec<Token> {
    let mut scanner = Scanner {
        text,
        out: Vec::with_capacity(text.len() / 5 + 1),
        open_single: false,
        has_at: text.contains('@'),
    };
    let mut i = 0;
    while let Some(c) = at(text, i) {
        if chars::is_blank(c) {
            if chars::is_line_break(c) {
                scanner.open_single = false;
            }
            i += c.len_utf8();
            continue;
        }
        let end = scanner.token(i, c);
        debug_assert!(end > i, "the scanner must advance");
        i = end;
    }
    scanner.out
}

struct Scanner<'a> {
    text: &'a str,
    out: Vec<Token>,
    /// An opening single quotation mark has been seen on this line and not closed: `s’` then
    /// closes it rather than marking a plural possessive.
    open_single: bool,
    /// Whether the text has an `@` at all: without one no word starts an e-mail address, and
    /// most articles are spared the address scan at every word.
    has_at: bool,
}

impl Scanner<'_> {
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) -> usize {
        self.out.push(Token {
            span: Span::new(start, end),
            kind,
        });
        end
    }

    /// Scans the token starting with `c` at `i` and returns where it ends.
    fn token(&mut self, i: usize, c: char) -> usize {
        let text = self.text;
        let prev = before(text, i);
        let glued = prev.is_some_and(|p| is_word(p) || p == '_');
        if c.is_ascii_alphanumeric() {
            let url = (!glued).then(|| url_end(text, i)).flatten();
            let link = url.or_else(|| {
                // Only at the start of a run of address chars, so each char is looked at once.
                (self.has_at && !prev.is_some_and(is_email_local))
                    .then(|| email_end(text, i))
                    .flatten()
            });
            if let Some(end) = link {
                return self.push(i, end, TokenKind::Url);
            }
        }
        match c {
            '#' | '@' if !glued => {
                if let Some(end) = sigil_end(text, i + 1) {
                    let kind = if c == '#' {
                        TokenKind::Hashtag
                    } else {
                        TokenKind::Handle
                    };
                    return self.push(i, end, kind);
                }
                self.push(i, i + 1, TokenKind::Punct)
            }
            _ if c.is_ascii_digit() => self.number(i),
            _ if is_word(c) => self.word(i, c),
            _ if chars::is_apostrophe(c) => self.apostrophe(i, c, prev),
            _ if chars::is_double_quote(c) => self.push(i, i + c.len_utf8(), TokenKind::Quote),
            // `.496`: a decimal without its leading zero.
            '.' if !prev.is_some_and(|p| is_word(p) || p == '.')
                && at(text, i + 1).is_some_and(|d| d.is_ascii_digit()) =>
            {
                let end = digits_end(text, i + 1);
                self.push(i, end, TokenKind::Number)
            }
            '.' | '-' | '—' | '–' | '―' | '_' | '=' | '*' => {
                // Runs are one token: `...`, `--`, `——`, `***`.
                let end = run_end(text, i, |d| d == c);
                self.push(i, end, TokenKind::Punct)
            }
            '!' | '?' | '‽' => {
                let end = run_end(text, i, |d| matches!(d, '!' | '?' | '‽'));
                self.push(i, end, TokenKind::Punct)
            }
            _ => self.push(i, i + c.len_utf8(), TokenKind::Punct),
        }
    }

    /// `1,000.5`, `9/11`, `2022-02-24`, `3:30`, `5th`, `1990s`, `20-year-old`.
    fn number(&mut self, i: usize) -> usize {
        let text = self.text;
        let mut j = digits_end(text, i);
        while let Some(',' | '.' | ':' | '/' | '-') = at(text, j) {
            if !at(text, j + 1).is_some_and(|d| d.is_ascii_digit()) {
                break;
            }
            j = digits_end(text, j + 1);
        }
        if at(text, j).is_some_and(char::is_alphabetic) {
            let k = run_end(text, j, char::is_alphabetic);
            let suffix = &text[j..k];
            let ordinal = ["st", "nd", "rd", "th", "s"]
                .iter()
                .any(|s| suffix.eq_ignore_ascii_case(s));
            // `5G`, `3D`, `4K` are names; `10km`, `3pm`, `7a.m.` are a number and a unit.
            let one_capital = suffix.len() == 1 && suffix.as_bytes()[0].is_ascii_uppercase();
            if (ordinal || one_capital) && !is_word_opt(at(text, k)) {
                j = k;
            }
        }
        j = self.compound_tail(j);
        self.push(i, j, TokenKind::Number)
    }

    fn word(&mut self, i: usize, c: char) -> usize {
        let text = self.text;
        let core = run_end(text, i + c.len_utf8(), is_word);
        if let Some(end) = ticker_end(text, i, core) {
            return self.push(i, end, TokenKind::Word);
        }
        let (mut j, acronym) = match acronym_end(text, i, core) {
            Some(end) => (end, true),
            None => (core, false),
        };
        let head = j;
        j = self.compound_tail(j);
        // A dropped g keeps its apostrophe (`lookin'`, `Lyin’ Ted`), unless a single quote is
        // open on this line and the mark closes it.
        let dropped_g = at(text, j)
            .filter(|&a| matches!(a, '\'' | '’'))
            .filter(|a| !is_word_opt(at(text, j + a.len_utf8())))
            .filter(|_| text[i..j].ends_with("in") && !self.open_single);
        if let Some(a) = dropped_g {
            return self.push(i, j + a.len_utf8(), TokenKind::Word);
        }
        if let Some(end) = domain_end(text, j) {
            return self.push(i, end, TokenKind::Word);
        }
        // A hyphenated word ending in an acronym or a state: `R-S.D.`, `D-Calif.`. Only the
        // compound tail holds a hyphen (the word's core and an acronym are letters and
        // periods): most words are not searched.
        let last = if j > head {
            last_hyphen(&text[i..j]).map_or(i, |h| i + h + 1)
        } else {
            i
        };
        if let Some(end) = (last > i).then(|| acronym_end(text, last, j)).flatten() {
            return self.push(i, end, TokenKind::Word);
        }
        if !acronym
            && at(text, j) == Some('.')
            && at(text, j + 1) != Some('.')
            && self.keeps_period(&text[i..j], j)
        {
            j += 1;
        }
        self.push(i, j, TokenKind::Word)
    }

    /// Extends a word over hyphens (`Secretary-General`), inner apostrophes (`don’t`, `O’Brien`,
    /// but not the possessive `’s`) and ampersands between capitals (`AT&T`).
    fn compound_tail(&self, mut j: usize) -> usize {
        let text = self.text;
        while let Some(c) = at(text, j) {
            let len = c.len_utf8();
            let next = at(text, j + len);
            if chars::is_joining_hyphen(c) && is_word_opt(next) {
                j = run_end(text, j + len, is_word);
            } else if matches!(c, '\'' | '’') && next.is_some_and(char::is_alphabetic) {
                let possessive =
                    matches!(next, Some('s' | 'S')) && !is_word_opt(at(text, j + len + 1));
                if possessive {
                    break;
                }
                j = run_end(text, j + len, is_word);
            } else if c == '&'
                && next.is_some_and(|n| n.is_ascii_uppercase())
                && before(text, j).is_some_and(|p| p.is_ascii_uppercase())
            {
                j = run_end(text, j + 1, is_word);
            } else {
                break;
            }
        }
        j
    }

    /// Whether the period at `dot` belongs to `word`: known abbreviations (some only in context)
    /// and capital initials.
    fn keeps_period(&self, word: &str, dot: usize) -> bool {
        let text = self.text;
        if is_word_opt(at(text, dot + 1)) {
            return false;
        }
        let last = self.out.last().copied();
        // `D-Calif.`, `then-Sen.`
        if let Some(h) = last_hyphen(word) {
            return matches!(
                abbrev::lookup(&word[h + 1..]),
                Some(Abbrev::State | Abbrev::Title)
            );
        }
        match abbrev::lookup(word) {
            Some(Abbrev::NumberPrefix) => {
                let rest = &text[dot + 1..];
                let rest = rest.get(..rest.len().min(4)).unwrap_or(rest);
                rest.trim_start().starts_with(|d: char| d.is_ascii_digit())
            }
            Some(Abbrev::Unit) => last.is_some_and(|t| {
                t.kind == TokenKind::Number
                    || text[t.span]
                        .strip_suffix('.')
                        .is_some_and(|w| abbrev::lookup(w) == Some(Abbrev::Unit))
            }),
            Some(Abbrev::State) => last.is_some_and(|t| &text[t.span] == ","),
            Some(_) => true,
            None => {
                let mut cs = word.chars();
                matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
            }
        }
    }

    /// Apostrophes and single quotation marks.
    fn apostrophe(&mut self, i: usize, c: char, prev: Option<char>) -> usize {
        let text = self.text;
        let len = c.len_utf8();
        let next = at(text, i + len);
        // PTB-style and doubled curly single marks (`‘‘Nope,’’`) are one double mark.
        if matches!(c, '`' | '\'' | '‘' | '’') && next == Some(c) {
            return self.push(i, i + 2 * len, TokenKind::Quote);
        }
        let after_abbrev = prev == Some('.')
            && self
                .out
                .last()
                .is_some_and(|t| t.span.end() == i && t.kind == TokenKind::Word);
        let glued = is_word_opt(prev) || after_abbrev;
        if glued && matches!(c, '\'' | '’') {
            if matches!(next, Some('s' | 'S')) && !is_word_opt(at(text, i + len + 1)) {
                return self.push(i, i + len + 1, TokenKind::Word);
            }
            if matches!(prev, Some('s' | 'S')) && !is_word_opt(next) && !self.open_single {
                return self.push(i, i + len, TokenKind::Word);
            }
            self.open_single = false;
            return self.push(i, i + len, TokenKind::Quote);
        }
        if !glued {
            // A possessive or contraction written apart, as tokenized corpora do (`Walter 's`,
            // `I 'm`).
            if matches!(c, '\'' | '’') && prev.is_some_and(chars::is_blank) {
                let e = run_end(text, i + len, |d| d.is_ascii_alphabetic());
                let piece = &text[i + len..e];
                let clitic = ["s", "m", "d", "ll", "re", "ve"]
                    .iter()
                    .any(|p| piece.eq_ignore_ascii_case(p));
                if clitic && !is_word_opt(at(text, e)) {
                    return self.push(i, e, TokenKind::Word);
                }
            }
            if let Some(end) = self.elision_end(i + len) {
                return self.push(
                    i,
                    end,
                    if at(text, i + len).is_some_and(|d| d.is_ascii_digit()) {
                        TokenKind::Number
                    } else {
                        TokenKind::Word
                    },
                );
            }
        }
        self.open_single = !glued && next.is_some_and(|n| !chars::is_blank(n));
        self.push(i, i + len, TokenKind::Quote)
    }

    /// The end of an elision whose apostrophe ends just before `j`: `’90s`, `’20`, `’n’`,
    /// `'em`, `'tis`, `'twas`, `'cause`, `'til`, `'bout`.
    fn elision_end(&self, j: usize) -> Option<usize> {
        let text = self.text;
        let next = at(text, j)?;
        if next.is_ascii_digit() {
            let e = digits_end(text, j);
            if e - j != 2 {
                return None;
            }
            let e = if matches!(at(text, e), Some('s' | 'S')) {
                e + 1
            } else {
                e
            };
            return (!is_word_opt(at(text, e))).then_some(e);
        }
        if !next.is_ascii_alphabetic() {
            return None;
        }
        let e = run_end(text, j, |d| d.is_ascii_alphabetic());
        if e - j > 5 || is_word_opt(at(text, e)) {
            return None;
        }
        let word = &text[j..e];
        if word.eq_ignore_ascii_case("n") {
            let close = at(text, e).filter(|&d| matches!(d, '\'' | '’'))?;
            let end = e + close.len_utf8();
            return (!is_word_opt(at(text, end))).then_some(end);
        }
        ["em", "tis", "twas", "cause", "til", "bout", "nuff", "round"]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
            .then_some(e)
    }
}

/// The byte offset of the last `-` of `word`: `rfind('-')`, without the setup of its memchr,
/// which costs more than the scan of a word.
fn last_hyphen(word: &str) -> Option<usize> {
    word.bytes().rposition(|b| b == b'-')
}

fn digits_end(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = i;
    while j < bytes.len() && bytes[j].is_ascii_digit() {
        j += 1;
    }
    j
}

fn run_end(text: &str, i: usize, keep: impl Fn(char) -> bool) -> usize {
    let bytes = text.as_bytes();
    let mut j = i;
    // ASCII chars, most of news text, are read as bytes: the chars `at` would decode.
    while let Some(&b) = bytes.get(j)
        && b.is_ascii()
    {
        if !keep(char::from(b)) {
            return j;
        }
        j += 1;
    }
    while let Some(c) = at(text, j) {
        if !keep(c) {
            break;
        }
        j += c.len_utf8();
    }
    j
}

/// A word of 1 or 2 letters at `i..core` followed by more such segments joined by periods,
/// all capitalised or all lowercase (`U.S.`, `a.m.`, `Ph.D.`, `LL.M.`, `e.g.`), ends where this
/// returns, its final period included.
fn acronym_end(text: &str, i: usize, core: usize) -> Option<usize> {
    if text.as_bytes().get(core) != Some(&b'.') {
        // One segment only: most words, answered without looking at their chars.
        return None;
    }
    let segment_ok = |s: &str, upper: bool| {
        let n = s.chars().count();
        (1..=2).contains(&n)
            && s.chars().all(char::is_alphabetic)
            && s.chars().next().is_some_and(|c| c.is_uppercase() == upper)
    };
    let first = &text[i..core];
    let upper = first.chars().next()?.is_uppercase();
    if !segment_ok(first, upper) {
        return None;
    }
    let mut k = core;
    let mut segments = 1;
    while at(text, k) == Some('.') {
        let e = run_end(text, k + 1, char::is_alphabetic);
        if is_word_opt(at(text, e)) || !segment_ok(&text[k + 1..e], upper) {
            break;
        }
        k = e;
        segments += 1;
    }
    if segments < 2 {
        return None;
    }
    if at(text, k) == Some('.') && !is_word_opt(at(text, k + 1)) {
        k += 1;
    }
    Some(k)
}

/// A Reuters instrument code in brackets, `(SLB.N)`, `(BP.L)`: capitals, a period, one or
/// two capitals, then `)`.
fn ticker_end(text: &str, i: usize, core: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let caps = |s: &[u8]| {
        s.iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    };
    if before(text, i) != Some('(') || !(2..=6).contains(&(core - i)) || !caps(&bytes[i..core]) {
        return None;
    }
    let e = run_end(text, core + 1, |c| c.is_ascii_uppercase());
    (bytes.get(core) == Some(&b'.')
        && (1..=2).contains(&(e - core - 1))
        && bytes.get(e) == Some(&b')'))
    .then_some(e)
}

/// The end of a site name's top-level domain right after a word, as in `Amazon.com` or
/// `CREATORS.COM`: the name is one word, not a sentence end.
fn domain_end(text: &str, j: usize) -> Option<usize> {
    if at(text, j) != Some('.') {
        return None;
    }
    ["com", "org", "net", "gov", "edu", "io", "co.uk"]
        .into_iter()
        .find(|tld| starts_with_ci(text, j + 1, tld))
        .map(|tld| j + 1 + tld.len())
        .filter(|&e| !is_word_opt(at(text, e)))
}

fn starts_with_ci(text: &str, i: usize, prefix: &str) -> bool {
    text.get(i..i + prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

/// A URL starting at `i` with a scheme or `www.`, up to a blank or a quotation mark, without the
/// punctuation that ends the sentence around it (a `)` stays when the URL opened one).
fn url_end(text: &str, i: usize) -> Option<usize> {
    if !matches!(
        text.as_bytes().get(i),
        Some(b'h' | b'H' | b'f' | b'F' | b'w' | b'W')
    ) {
        // No prefix below starts otherwise: most words are answered by their first byte.
        return None;
    }
    let prefix = ["https://", "http://", "ftp://", "www."]
        .into_iter()
        .find(|p| starts_with_ci(text, i, p))?;
    let body = i + prefix.len();
    if !is_word_opt(at(text, body)) {
        return None;
    }
    let mut j = body;
    let (mut opens, mut closes) = (0usize, 0usize);
    while let Some(c) = at(text, j) {
        if chars::is_blank(c) || chars::is_double_quote(c) || matches!(c, '‘' | '’' | '<' | '>')
        {
            break;
        }
        match c {
            '(' => opens += 1,
            ')' => closes += 1,
            _ => {}
        }
        j += c.len_utf8();
    }
    while let Some(c) = before(text, j) {
        let trailing = matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' | ']' | '}'
        ) || (c == ')' && closes > opens);
        if !trailing || j <= body {
            break;
        }
        if c == ')' {
            closes -= 1;
        }
        j -= c.len_utf8();
    }
    Some(j)
}

fn is_email_local(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

/// An e-mail address starting at `i`; looks ahead at most a few hundred bytes.
fn email_end(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut k = i;
    while k < bytes.len() && k - i < 64 && is_email_local(bytes[k] as char) {
        k += 1;
    }
    if bytes.get(k) != Some(&b'@') || k == i || bytes[k - 1] == b'.' {
        return None;
    }
    let mut end = None;
    let mut p = k + 1;
    let mut labels = 0;
    loop {
        let s = p;
        while p < bytes.len()
            && p - k < 256
            && (bytes[p].is_ascii_alphanumeric() || bytes[p] == b'-')
        {
            p += 1;
        }
        if p == s {
            break;
        }
        labels += 1;
        if labels >= 2 && p - s >= 2 && bytes[s..p].iter().all(u8::is_ascii_alphabetic) {
            end = Some(p);
        }
        if bytes.get(p) == Some(&b'.') {
            p += 1;
        } else {
            break;
        }
    }
    end.filter(|&e| !is_word_opt(at(text, e)))
}

/// The end of a hashtag or handle body starting at `j` (after the sigil): word chars and `_`,
/// with at least one letter so that `#1` stays a number sign.
fn sigil_end(text: &str, j: usize) -> Option<usize> {
    let end = run_end(text, j, |c| is_word(c) || c == '_');
    text[j..end].chars().any(char::is_alphabetic).then_some(end)
}
