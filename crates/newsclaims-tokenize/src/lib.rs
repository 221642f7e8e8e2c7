//! Splits a news article into paragraphs, sentences and tokens, and pairs its quotation marks.
//!
//! Everything is a [`Span`] of bytes into the original text: nothing is normalised or copied.
//! Tokenizing never fails: any string gives a [`Tokens`] whose sentences tile the non-blank text
//! and whose spans lie on char boundaries, sorted.
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

/// What a token is, as far as the later stages care.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods (`don’t`, `U.S.`, `Secretary-General`).
    Word,
    /// Digits, possibly with separators and decimals (`1,000`, `3.5`, `2022`, `9/11`).
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

/// Tokenizes `text`. Never fails and never panics.
pub fn tokenize(text: &str) -> Tokens {
    let tokens = scan_tokens(text);
    let (paragraphs, sentences) = split(text, &tokens);
    let quotes = pair_quotes(text, &tokens, &paragraphs, &sentences);
    Tokens {
        tokens,
        sentences,
        paragraphs,
        quotes,
    }
}

// FIXME: a first cut, to be replaced by the full tokenizer (abbreviations, URLs, multi-paragraph quotes).
fn scan_tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let kind = if c.is_ascii_digit() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token {
                span: Span::new(i, end),
                kind,
            });
        } else {
            let kind = if matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»') {
                TokenKind::Quote
            } else {
                TokenKind::Punct
            };
            out.push(Token {
                span: Span::new(i, i + c.len_utf8()),
                kind,
            });
        }
    }
    out
}

fn split(text: &str, tokens: &[Token]) -> (Vec<Paragraph>, Vec<Sentence>) {
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    let mut t = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_end();
        if trimmed.trim_start().is_empty() {
            continue;
        }
        let lead = trimmed.len() - trimmed.trim_start().len();
        let span = Span::new(start + lead, start + trimmed.len());
        let first_sentence = sentences.len();
        let mut s_start = t;
        while t < tokens.len() && tokens[t].span.start() < span.end() {
            let ends = matches!(&text[tokens[t].span], "." | "!" | "?");
            t += 1;
            if ends && (t == tokens.len() || tokens[t].span.start() >= span.end())
                || ends
                    && t < tokens.len()
                    && text[tokens[t].span]
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            {
                sentences.push(Sentence {
                    span: Span::new(tokens[s_start].span.start(), tokens[t - 1].span.end()),
                    tokens: s_start..t,
                    paragraph: paragraphs.len(),
                });
                s_start = t;
            }
        }
        if s_start < t {
            sentences.push(Sentence {
                span: Span::new(tokens[s_start].span.start(), tokens[t - 1].span.end()),
                tokens: s_start..t,
                paragraph: paragraphs.len(),
            });
        }
        paragraphs.push(Paragraph {
            span,
            sentences: first_sentence..sentences.len(),
        });
    }
    (paragraphs, sentences)
}

fn pair_quotes(
    text: &str,
    tokens: &[Token],
    _paragraphs: &[Paragraph],
    _sentences: &[Sentence],
) -> Vec<Quotation> {
    let mut quotes = Vec::new();
    let mut open: Option<Span> = None;
    for token in tokens.iter().filter(|t| t.kind == TokenKind::Quote) {
        match (&text[token.span], open) {
            ("“", _) | ("\"", None) => open = Some(token.span),
            ("”", Some(o)) | ("\"", Some(o)) => {
                quotes.push(Quotation {
                    span: o.cover(token.span),
                    fragments: vec![Span::new(o.end(), token.span.start())],
                    closed: true,
                });
                open = None;
            }
            _ => {}
        }
    }
    quotes
}
