//! Pairs quotation marks into [`Quotation`]s, in one pass over the quote tokens.
//!
//! Direction: curly marks and guillemets by their shape, unless the context plainly says the
//! opposite (`”Hello` after a space, with nothing open, opens); straight `"` and `'` by context
//! (after a blank, the start or an opening bracket → opening; before a blank, punctuation or the
//! end → closing; otherwise the opposite of whatever is open).
//!
//! Pairing survives unbalanced marks. An unclosed double quotation ends with its paragraph
//! unless the next paragraph starts with an opening mark (the news convention for a quotation
//! running over several paragraphs: one [`Quotation`], one fragment per paragraph). A new opening
//! double mark while one is open reopens it after a sentence end (the same convention with the
//! paragraph break lost: one more fragment) and otherwise closes the older one unclosed.
//! Unclosed single marks are dropped, as they are mostly apostrophes. Single marks inside double ones are nested
//! quotations; at top level they count too (`'like this'` in headlines).
//!
//! The pairing also tells the sentence splitter which marks close a quotation ([`CLOSER`]) and
//! where not to split ([`INSIDE`]: inside a short quotation closed in its paragraph).
//!
//! Invariants: quotations are sorted by start; every fragment is non-empty, trimmed, inside its
//! paragraph and inside the text; the open stack is capped, so the pass is linear.

use std::ops::Range;

use newsclaims_text::Span;

use crate::chars::{self, at, before};
use crate::{Quotation, Token, TokenKind};

/// The token is the closing mark of a paired quotation.
pub(crate) const CLOSER: u8 = 1;
/// The token is the opening mark of a quotation.
pub(crate) const OPENER: u8 = 2;
/// A sentence must not start at this token: it lies inside a short quotation closed within
/// its paragraph (the closing mark included).
pub(crate) const INSIDE: u8 = 4;

/// The most quotations open at once; deeper nesting is noise (a line of marks).
const MAX_DEPTH: usize = 8;
/// Sentences are not split inside quotations up to this length in bytes.
const GUARD_MAX_BYTES: usize = 400;

pub(crate) struct Paired {
    pub(crate) quotes: Vec<Quotation>,
    /// Per token: [`CLOSER`], [`OPENER`], [`INSIDE`].
    pub(crate) marks: Vec<u8>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Either,
}

/// A quotation whose closing mark has not been seen yet.
struct Open {
    mark: Mark,
    /// The token of the opening mark of the current fragment.
    token: usize,
    /// The first opening mark.
    first: Span,
    /// Fragments of earlier paragraphs.
    fragments: Vec<Span>,
    /// Where the current fragment starts (just after its opening mark).
    from: usize,
}

pub(crate) fn pair(text: &str, tokens: &[Token], paragraphs: &[Range<usize>]) -> Paired {
    let mut pairer = Pairer {
        text,
        tokens,
        marks: vec![0; tokens.len()],
        quotes: Vec::new(),
        stack: Vec::new(),
    };
    let mut carried: Option<Open> = None;
    for (p, range) in paragraphs.iter().enumerate() {
        let mut first = range.start;
        if let Some(mut open) = carried.take() {
            // The paragraph starts with the reopening mark, checked before carrying.
            open.token = first;
            open.from = tokens[first].span.end();
            pairer.marks[first] |= OPENER;
            pairer.stack.push(open);
            first += 1;
        }
        for (t, token) in tokens.iter().enumerate().take(range.end).skip(first) {
            if token.kind == TokenKind::Quote {
                pairer.mark(t);
            }
        }
        let end = tokens[range.end - 1].span.end();
        let reopens = paragraphs
            .get(p + 1)
            .is_some_and(|next| pairer.opens_double(next.start));
        while let Some(mut open) = pairer.stack.pop() {
            if open.mark == Mark::Single {
                continue;
            }
            if reopens && carried.is_none() {
                let fragment = trimmed(text, open.from, end);
                open.fragments.push(fragment);
                carried = Some(open);
            } else {
                pairer.emit(open, end, None);
            }
        }
    }
    if let Some(open) = carried {
        pairer.emit_fragments(open, None);
    }
    let mut quotes = pairer.quotes;
    quotes.sort_by_key(|q| (q.span.start(), std::cmp::Reverse(q.span.end())));
    Paired {
        quotes,
        marks: pairer.marks,
    }
}

struct Pairer<'a> {
    text: &'a str,
    tokens: &'a [Token],
    marks: Vec<u8>,
    quotes: Vec<Quotation>,
    stack: Vec<Open>,
}

impl Pairer<'_> {
    fn classify(&self, t: usize) -> (Mark, Dir, Dir) {
        let span = self.tokens[t].span;
        let (mark, glyph) = match &self.text[span] {
            "“" | "„" | "‟" | "«" | "``" | "‘‘" => (Mark::Double, Dir::Open),
            "”" | "»" | "’’" => (Mark::Double, Dir::Close),
            "\"" | "''" | "＂" => (Mark::Double, Dir::Either),
            "‘" | "`" | "‹" => (Mark::Single, Dir::Open),
            "’" | "›" => (Mark::Single, Dir::Close),
            _ => (Mark::Single, Dir::Either),
        };
        (mark, glyph, context(self.text, span))
    }

    /// Whether token `t` opens a double quotation when nothing is open.
    fn opens_double(&self, t: usize) -> bool {
        self.tokens[t].kind == TokenKind::Quote && {
            let (mark, glyph, context) = self.classify(t);
            mark == Mark::Double && resolve(glyph, context, false) == Dir::Open
        }
    }

    fn mark(&mut self, t: usize) {
        let span = self.tokens[t].span;
        let (mark, glyph, context) = self.classify(t);
        match mark {
            Mark::Double => {
                let open = self.stack.iter().rposition(|o| o.mark == Mark::Double);
                match resolve(glyph, context, open.is_some()) {
                    Dir::Close => {
                        if let Some(k) = open {
                            self.stack.truncate(k + 1);
                            let o = self.stack.pop().expect("index from rposition");
                            self.close(o, t);
                        }
                    }
                    _ => {
                        if let Some(k) = open {
                            self.stack.truncate(k + 1);
                            if self.reopens(t) {
                                // `... the Olympics. "The amber light is flashing."`: the
                                // multi-paragraph convention with its paragraph breaks lost.
                                let text = self.text;
                                let o = self.stack.last_mut().expect("index from rposition");
                                o.fragments.push(trimmed(text, o.from, span.start()));
                                o.from = span.end();
                                self.marks[t] |= OPENER;
                                return;
                            }
                            let o = self.stack.pop().expect("index from rposition");
                            self.emit(o, span.start(), None);
                        }
                        self.push(Mark::Double, t);
                    }
                }
            }
            Mark::Single => {
                let top_single = self.stack.last().is_some_and(|o| o.mark == Mark::Single);
                let dir = match glyph {
                    Dir::Either => match context {
                        Dir::Either if top_single => Dir::Close,
                        Dir::Either => Dir::Open,
                        d => d,
                    },
                    d => d,
                };
                match dir {
                    Dir::Close => {
                        if top_single {
                            let o = self.stack.pop().expect("checked top");
                            self.close(o, t);
                        }
                    }
                    _ => self.push(Mark::Single, t),
                }
            }
        }
    }

    /// Whether the opening mark at `t`, met while a double quotation is open, reopens it after a
    /// sentence end rather than starting a new one.
    fn reopens(&self, t: usize) -> bool {
        let Some(prev) = t.checked_sub(1).map(|p| self.tokens[p]) else {
            return false;
        };
        let s = &self.text[prev.span];
        prev.kind == TokenKind::Punct
            && s.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
            && prev.span.end() < self.tokens[t].span.start()
    }

    fn push(&mut self, mark: Mark, t: usize) {
        if self.stack.len() >= MAX_DEPTH {
            self.stack.remove(0);
        }
        let span = self.tokens[t].span;
        self.stack.push(Open {
            mark,
            token: t,
            first: span,
            fragments: Vec::new(),
            from: span.end(),
        });
    }

    /// Closes `open` with the mark at token `t`.
    fn close(&mut self, open: Open, t: usize) {
        let close = self.tokens[t].span;
        // Only quotations whose opening mark hugs its text guard their sentences: marks
        // standing between blanks (`'' like this ''`) pair too unreliably.
        let hugs = at(self.text, open.first.end()).is_some_and(|c| !chars::is_blank(c));
        let short = hugs
            && open.fragments.is_empty()
            && close.end() - open.first.start() <= GUARD_MAX_BYTES;
        let opener = open.token;
        if self.emit(open, close.start(), Some(close)) {
            self.marks[t] |= CLOSER;
            if short {
                for m in &mut self.marks[opener + 1..=t] {
                    *m |= INSIDE;
                }
            }
        }
    }

    /// Ends the current fragment of `open` at byte `end` and records the quotation. Returns
    /// whether it had any content.
    fn emit(&mut self, mut open: Open, end: usize, close: Option<Span>) -> bool {
        let fragment = trimmed(self.text, open.from, end);
        open.fragments.push(fragment);
        self.emit_fragments(open, close)
    }

    fn emit_fragments(&mut self, mut open: Open, close: Option<Span>) -> bool {
        open.fragments.retain(|f| !f.is_empty());
        let Some(last) = open.fragments.last().copied() else {
            return false;
        };
        self.marks[open.token] |= OPENER;
        let span_end = close.map_or(last.end(), |c| c.end());
        self.quotes.push(Quotation {
            span: Span::new(open.first.start(), span_end),
            fragments: open.fragments,
            closed: close.is_some(),
            open: open.first,
            close,
            single: open.mark == Mark::Single,
        });
        true
    }
}

/// The direction a mark's neighbours suggest.
fn context(text: &str, span: Span) -> Dir {
    let prev = before(text, span.start());
    let next = at(text, span.end());
    let left = prev.is_none_or(|c| {
        chars::is_blank(c)
            || chars::is_open_bracket(c)
            || chars::is_double_quote(c)
            || chars::is_apostrophe(c)
            || matches!(c, '—' | '–' | '-' | '/' | ':')
    });
    let right = next.is_none_or(|c| {
        chars::is_blank(c)
            || !(chars::is_word(c)
                || chars::is_open_bracket(c)
                || matches!(c, '$' | '€' | '£' | '¥' | '#' | '@' | '¿' | '¡'))
    });
    match (left, right) {
        (true, false) => Dir::Open,
        (false, true) => Dir::Close,
        _ => Dir::Either,
    }
}

/// The direction of a double mark: its shape unless the context plainly contradicts it.
fn resolve(glyph: Dir, context: Dir, open: bool) -> Dir {
    match glyph {
        Dir::Open if context == Dir::Close && open => Dir::Close,
        Dir::Close if context == Dir::Open && !open => Dir::Open,
        Dir::Open | Dir::Close => glyph,
        Dir::Either => match context {
            Dir::Either if open => Dir::Close,
            Dir::Either => Dir::Open,
            d => d,
        },
    }
}

/// `start..end` without blank chars at either end.
fn trimmed(text: &str, start: usize, end: usize) -> Span {
    let end = end.max(start);
    let s = &text[start..end];
    let body = s.trim_start_matches(chars::is_blank);
    let lead = s.len() - body.len();
    let body = body.trim_end_matches(chars::is_blank);
    Span::new(start + lead, start + lead + body.len())
}
