//! Splits a news article into paragraphs, sentences and tokens, and pairs its quotation marks.
//!
//! Everything is a [`Span`] of bytes into the original text: nothing is normalised or copied,
//! and the only allocations are the result vectors. Tokenizing never fails and is linear in the
//! text. Invariants (checked by property tests):
//! - tokens are non-empty, sorted, disjoint, on char boundaries, and never contain a blank char;
//! - paragraphs are the non-blank lines (news feeds break paragraphs with a single newline);
//! - sentence token ranges tile the token vector, each sentence lies inside its paragraph and
//!   starts and ends on a token;
//! - quotations are sorted by start, their fragments non-empty and inside the text.
//!
//! Modules: `scan` (tokens), `split` (paragraphs and sentences), `quotes` (pairing), `abbrev`
//! (abbreviation lists), `chars` (character classes).
//!
//! ```
//! let text = "“We stand by you,” Stoltenberg said in Kyiv.";
//! let tokens = newsclaims_tokenize::tokenize(text);
//! assert_eq!(tokens.sentences.len(), 1);
//! assert_eq!(tokens.quotes.len(), 1);
//! assert_eq!(&text[tokens.quotes[0].fragments[0]], "We stand by you,");
//! ```

use std::ops::Range;

use newsclaims_text::Span;

mod abbrev;
mod chars;
mod quotes;
mod scan;
mod split;

/// What a token is, as far as the later stages care.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods (`don’t`, `U.S.`, `Secretary-General`),
    /// abbreviations with their period (`St.`, `Sept.`, `J.`), the possessive `’s` / `'s` and the
    /// plural possessive `’` (`students’`), elisions (`’n’`, `'em`).
    Word,
    /// Starts with a digit: separators and decimals (`1,000.5`, `9/11`, `2022-02-24`, `3:30`),
    /// ordinals and decades (`5th`, `1990s`, `’90s`), and digit-initial compounds (`20-year-old`, `5G`).
    Number,
    /// A quotation mark, straight or curly, single or double, or a guillemet.
    Quote,
    /// `#Ukraine`: the span covers the `#`.
    Hashtag,
    /// `@NATO`: the span covers the `@`.
    Handle,
    /// `https://...`, `www.example.com`, e-mail addresses.
    Url,
    /// Any other punctuation or symbol, one char per token except runs like `...` and `--`.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// A sentence: its span and the range of token indices in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
    /// Index of the paragraph holding this sentence.
    pub paragraph: usize,
}

/// A paragraph: its span and the range of sentence indices in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    pub sentences: Range<usize>,
}

/// A quotation: paired marks and the text between them.
///
/// A quote that runs over several paragraphs (each reopened with an opening mark, closed only at
/// the end) is one `Quotation` with one fragment per paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// From the first opening mark to the closing mark inclusive (or the end of the last fragment
    /// when the quote is never closed).
    pub span: Span,
    /// The quoted words, one span per paragraph, marks excluded.
    pub fragments: Vec<Span>,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// The first opening mark.
    pub open: Span,
    /// The closing mark, when there is one.
    pub close: Option<Span>,
    /// Whether the marks are single (`‘…’`, `'…'`): nested quotes, headline quotes, scare quotes.
    pub single: bool,
}

impl Quotation {
    /// The quoted words from the first fragment's start to the last fragment's end.
    pub fn content(&self) -> Span {
        let first = self.fragments.first().copied().unwrap_or(self.span);
        let last = self.fragments.last().copied().unwrap_or(self.span);
        first.cover(last)
    }
}

/// Everything the tokenizer finds in one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Paragraph>,
    pub quotes: Vec<Quotation>,
}

impl Tokens {
    /// The tokens of sentence `index`.
    pub fn sentence_tokens(&self, index: usize) -> &[Token] {
        &self.tokens[self.sentences[index].tokens.clone()]
    }
}

/// Tokenizes `text`. Never fails and never panics; linear in the length of `text`.
pub fn tokenize(text: &str) -> Tokens {
    let tokens = scan::scan(text);
    let paragraphs = split::paragraphs(text, &tokens);
    let paired = quotes::pair(text, &tokens, &paragraphs);
    let (paragraphs, sentences) = split::sentences(text, &tokens, paragraphs, &paired.marks);
    Tokens {
        tokens,
        sentences,
        paragraphs,
        quotes: paired.quotes,
    }
}
