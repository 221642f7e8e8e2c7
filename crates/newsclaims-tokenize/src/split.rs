//! Groups tokens into paragraphs (one per non-blank line: news feeds break paragraphs with a single
//! newline) and paragraphs into sentences.
//!
//! The sentence splitter is rule-based and tuned for news: a candidate end is a `.`, `!`, `?` or
//! ellipsis, or a word that kept its period (`U.S.`, `Sept.`, `J.`); the closing quotation marks,
//! brackets and citation marks (`[1]`) right after it belong to the sentence; whether it really
//! ends one depends on the next word (lowercase continues; a capital starts a new sentence after a
//! plain period, but only a usual sentence starter does after `U.S.` or an initial) and on the
//! quotation pairing (no split inside a short quotation closed in the same paragraph).
//!
//! Invariants: paragraphs and sentences are non-empty, sorted and disjoint; sentence token ranges
//! tile the token vector; a sentence lies inside its paragraph and starts and ends on a token.
//! Each token is looked at a bounded number of times, so splitting is linear.

use std::ops::Range;

use newsclaims_text::Span;

use crate::abbrev::{self, Abbrev};
use crate::chars::{self, at, before};
use crate::quotes::{CLOSER, INSIDE, OPENER};
use crate::{Paragraph, Sentence, Token, TokenKind};

/// Token ranges of the paragraphs: a new one starts after every line break.
pub(crate) fn paragraphs(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for t in 1..tokens.len() {
        let (a, b) = (tokens[t - 1].span.end(), tokens[t].span.start());
        // Most gaps are empty or one space: read as bytes, those of ASCII gaps are their chars.
        let bytes = &text.as_bytes()[a..b];
        let line_break = if bytes.is_ascii() {
            bytes.iter().any(|&c| chars::is_line_break(char::from(c)))
        } else {
            text[a..b].chars().any(chars::is_line_break)
        };
        if line_break {
            out.push(start..t);
            start = t;
        }
    }
    if !tokens.is_empty() {
        out.push(start..tokens.len());
    }
    out
}

/// Splits each paragraph into sentences. `marks` holds the quotation flags of each token.
pub(crate) fn sentences(
    text: &str,
    tokens: &[Token],
    ranges: Vec<Range<usize>>,
    marks: &[u8],
) -> (Vec<Paragraph>, Vec<Sentence>) {
    let mut paragraphs = Vec::with_capacity(ranges.len());
    let mut sentences = Vec::new();
    for (p, range) in ranges.into_iter().enumerate() {
        let first = sentences.len();
        let splitter = Splitter {
            text,
            tokens,
            marks,
            range: range.clone(),
        };
        let mut start = range.start;
        for end in splitter.ends() {
            sentences.push(sentence(tokens, start..end, p));
            start = end;
        }
        sentences.push(sentence(tokens, start..range.end, p));
        paragraphs.push(Paragraph {
            span: Span::new(
                tokens[range.start].span.start(),
                tokens[range.end - 1].span.end(),
            ),
            sentences: first..sentences.len(),
        });
    }
    (paragraphs, sentences)
}

fn sentence(tokens: &[Token], range: Range<usize>, paragraph: usize) -> Sentence {
    Sentence {
        span: Span::new(
            tokens[range.start].span.start(),
            tokens[range.end - 1].span.end(),
        ),
        tokens: range,
        paragraph,
    }
}

/// What kind of sentence end a token may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    /// `!`, `?`, `?!`.
    Strong,
    /// `.`.
    Period,
    /// `...`, `…`, `. . .`.
    Ellipsis,
    /// A word that kept its period, or a period after an abbreviation written apart (`Mr .`).
    Abbrev(Abbrev),
}

struct Splitter<'a> {
    text: &'a str,
    tokens: &'a [Token],
    marks: &'a [u8],
    range: Range<usize>,
}

impl Splitter<'_> {
    fn str(&self, t: usize) -> &str {
        &self.text[self.tokens[t].span]
    }

    /// Token indices (exclusive ends) where a sentence ends inside the paragraph, not counting
    /// the paragraph's own end.
    fn ends(&self) -> Vec<usize> {
        let mut out = Vec::new();
        let b = self.range.end;
        let mut t = self.range.start;
        let mut start = t;
        // A sentence needs words before its end: `... The view` opens with an ellipsis.
        let mut has_words = false;
        while t < b {
            let Some(mut kind) = self.end_kind(t).filter(|_| has_words) else {
                has_words |= !matches!(self.tokens[t].kind, TokenKind::Punct | TokenKind::Quote);
                t += 1;
                continue;
            };
            let mut end = t + 1;
            while end < b {
                let tok = self.tokens[end];
                let gap = tok.span.start() - self.tokens[end - 1].span.end();
                if let Some(more) = terminal_punct(self.str(end)).filter(|_| gap <= 3) {
                    kind = merge(kind, more);
                    end += 1;
                } else if self.is_closer(end, gap == 0) {
                    end += 1;
                } else if let Some(n) = self.citation(end) {
                    end += n;
                } else {
                    break;
                }
            }
            if end < b
                && self.marks[end] & INSIDE == 0
                && !(matches!(kind, End::Strong | End::Ellipsis)
                    && self.attribution_follows(t, end))
                && self.starts_sentence(kind, start, t, end)
            {
                out.push(end);
                start = end;
                has_words = false;
            }
            t = end;
        }
        out
    }

    /// Whether token `t` may end a sentence, and how.
    fn end_kind(&self, t: usize) -> Option<End> {
        let tok = self.tokens[t];
        let s = self.str(t);
        match tok.kind {
            // `10. Try praying`: a list number opening the paragraph.
            TokenKind::Punct
                if s == "."
                    && t == self.range.start + 1
                    && self.tokens[self.range.start].kind == TokenKind::Number =>
            {
                None
            }
            TokenKind::Punct if s == "." => {
                let prev = (t > self.range.start).then(|| t - 1);
                let stem = prev.filter(|&p| self.tokens[p].kind == TokenKind::Word);
                Some(match stem.and_then(|p| abbrev_of(self.str(p))) {
                    Some(a) => End::Abbrev(a),
                    None => End::Period,
                })
            }
            TokenKind::Punct => terminal_punct(s),
            TokenKind::Word if s.len() > 1 && s.ends_with('.') => Some(End::Abbrev(
                abbrev_of(&s[..s.len() - 1]).unwrap_or(Abbrev::General),
            )),
            _ => None,
        }
    }

    /// Closing quotation marks and brackets after a sentence end belong to the sentence.
    fn is_closer(&self, t: usize, adjacent: bool) -> bool {
        let tok = self.tokens[t];
        match tok.kind {
            TokenKind::Quote => {
                let opener = self.marks[t] & OPENER != 0;
                // A straight mark standing alone between blanks after the end, and opening
                // nothing, closes (the `they left . ''` of tokenized corpora and some dialogue).
                let alone = || {
                    let span = tok.span;
                    matches!(&self.text[span], "'" | "\"" | "''")
                        && before(self.text, span.start()).is_some_and(chars::is_blank)
                        && at(self.text, span.end()).is_none_or(chars::is_blank)
                };
                (self.marks[t] & CLOSER != 0) || (!opener && (adjacent || alone()))
            }
            TokenKind::Punct => adjacent && self.str(t).chars().all(chars::is_close_bracket),
            _ => false,
        }
    }

    /// A citation mark such as `[1]` or `[2–11]` at `t`: its length in tokens.
    fn citation(&self, t: usize) -> Option<usize> {
        if self.str(t) != "[" {
            return None;
        }
        let b = self.range.end;
        let n = (t + 1..b.min(t + 5)).find(|&k| self.str(k) == "]")? - t + 1;
        let inner_ok = (t + 1..t + n - 1).all(|k| {
            self.tokens[k].kind == TokenKind::Number || matches!(self.str(k), "–" | "-" | ",")
        });
        (n > 2 && inner_ok).then_some(n)
    }

    /// Whether the token at `next` starts a new sentence after an end of this kind at `t`.
    /// The current sentence starts at token `start`.
    fn starts_sentence(&self, kind: End, start: usize, t: usize, next: usize) -> bool {
        let b = self.range.end;
        // Look through opening quotation marks and brackets, a bounded distance.
        let mut k = next;
        while k < b && k < next + 3 && self.is_opener(k) {
            k += 1;
        }
        if k >= b || (k > next && self.is_opener(k)) {
            return kind != End::Ellipsis;
        }
        // `[...] (Smith 55)`: a reference after an ellipsis.
        if kind == End::Ellipsis && k > next && self.tokens[next].kind == TokenKind::Punct {
            return false;
        }
        let word = self.str(k);
        let Some(first) = word.chars().next() else {
            return false;
        };
        if first.is_lowercase() {
            // `eBay`, `iPhone`: a name can start a sentence in lowercase.
            let camel = word.chars().skip(1).any(char::is_uppercase) && !word.contains('.');
            return camel && matches!(kind, End::Strong | End::Period);
        }
        if first.is_ascii_digit() {
            return kind == End::Strong;
        }
        if !first.is_uppercase() {
            let starts = matches!(
                self.tokens[k].kind,
                TokenKind::Hashtag | TokenKind::Handle | TokenKind::Url
            ) || matches!(first, '$' | '€' | '£' | '¥' | '₹')
                || chars::is_apostrophe(first)
                || (first.is_alphabetic() && !first.is_lowercase());
            return starts && matches!(kind, End::Strong | End::Period);
        }
        match kind {
            End::Strong => true,
            End::Period => !self.is_identifier_dot(t, next),
            End::Ellipsis => !(word == "I" || word.starts_with("I'") || word.starts_with("I’")),
            End::Abbrev(Abbrev::Title) => false,
            End::Abbrev(Abbrev::NumberPrefix | Abbrev::Unit) => true,
            // `at 6 p.m. The`, `in 753 B.C. Augustus`, but `at 5 p.m. Tuesday` and
            // `At 5 a.m. Mr. Smith went`: a sentence opening with a time phrase goes on.
            End::Abbrev(Abbrev::Final) => {
                abbrev::is_starter(word)
                    || !(abbrev::is_time_word(word) || self.opens_with_intro(start))
            }
            End::Abbrev(Abbrev::Month | Abbrev::General | Abbrev::State) => {
                abbrev::is_starter(word)
            }
        }
    }

    /// `“Why?” Trump asked.`: a quotation ending in `?`, `!` or `...`, then a short speaker (a name,
    /// not `He` or `The`) and a speech verb, is one sentence with its attribution.
    fn attribution_follows(&self, t: usize, next: usize) -> bool {
        let quoted = (t + 1..next).any(|k| self.tokens[k].kind == TokenKind::Quote);
        quoted
            && !abbrev::is_starter(self.str(next))
            && (next..self.range.end.min(next + 6))
                .take_while(|&k| self.tokens[k].kind == TokenKind::Word)
                .any(|k| abbrev::is_speech_verb(self.str(k)))
    }

    /// Whether the sentence starting at `start` opens with a time or place preposition, after
    /// any opening quotation marks and brackets.
    fn opens_with_intro(&self, start: usize) -> bool {
        (start..self.range.end.min(start + 3))
            .find(|&k| !self.is_opener(k))
            .is_some_and(|k| abbrev::is_intro(self.str(k)))
    }

    fn is_opener(&self, t: usize) -> bool {
        let tok = self.tokens[t];
        match tok.kind {
            TokenKind::Quote => self.marks[t] & CLOSER == 0,
            TokenKind::Punct => self.str(t).chars().all(chars::is_open_bracket),
            _ => false,
        }
    }

    /// A period glued between a number and a word with digits (`7.Bg5`, chess notation, version
    /// strings) does not end a sentence.
    fn is_identifier_dot(&self, t: usize, next: usize) -> bool {
        let dot = self.tokens[t].span;
        next == t + 1
            && before(self.text, dot.start()).is_some_and(|c| c.is_ascii_digit())
            && self.tokens[next].span.start() == dot.end()
            && self.str(next).chars().any(|c| c.is_ascii_digit())
    }
}

/// `!`, `?`, `.`, ellipses and their runs.
fn terminal_punct(s: &str) -> Option<End> {
    if s.is_empty() || !s.chars().all(|c| matches!(c, '.' | '!' | '?' | '‽' | '…')) {
        return None;
    }
    Some(if s.contains(['!', '?', '‽']) {
        End::Strong
    } else if s == "." {
        End::Period
    } else {
        End::Ellipsis
    })
}

/// The kind of a run of terminators: the last ellipsis or strong mark decides (`Happy!...` is
/// an ellipsis, `what?!` is strong), and a plain period adds nothing to an abbreviation.
fn merge(kind: End, more: End) -> End {
    match (kind, more) {
        (_, End::Ellipsis) => End::Ellipsis,
        (_, End::Strong) => End::Strong,
        (End::Abbrev(_), End::Period) => End::Period,
        // `. . .` written with spaces.
        (End::Period, End::Period) => End::Ellipsis,
        (k, End::Period | End::Abbrev(_)) => k,
    }
}

/// The abbreviation class of a word written without its period: known abbreviations, acronyms
/// with inner periods, and capital initials.
fn abbrev_of(stem: &str) -> Option<Abbrev> {
    // `then-Sen.`, `R-S.D.`: the last part decides.
    let stem = stem.rfind('-').map_or(stem, |h| &stem[h + 1..]);
    if let Some(a) = abbrev::lookup(stem) {
        return Some(a);
    }
    let mut cs = stem.chars();
    let initial = matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase());
    let acronym = stem.contains('.')
        && stem
            .split('.')
            .all(|s| (1..=2).contains(&s.chars().count()) && s.chars().all(char::is_alphabetic));
    (initial || acronym).then_some(Abbrev::General)
}
