//! A read-only view of one text for the claim rules: per-token sentence, paragraph, quotation and
//! mention indices, and the word tests the rules share.
//!
//! Building it is linear in the number of tokens, quotes and mentions. Every lookup is bounds
//! checked: an index past the end answers "nothing there" rather than panicking.

use std::cell::{Cell, RefCell};
use std::ops::Range;

use newsclaims_entities::{Entities, Label, Mention};
use newsclaims_syntax::{self as syntax, Pos};
use newsclaims_text::Span;
use newsclaims_tokenize::{Sentence, Token, TokenKind, Tokens};

/// The farthest a clause scan goes from its token: a news clause is a few dozen tokens, and text
/// without sentence punctuation (a transcript, `said said said ...`) would otherwise make every
/// cue scan the whole paragraph, quadratic in its length.
pub(crate) const MAX_CLAUSE_TOKENS: usize = 400;

pub(crate) struct View<'a> {
    pub(crate) text: &'a str,
    pub(crate) tokens: &'a [Token],
    pub(crate) entities: &'a Entities,
    /// Sentence index of every token.
    pub(crate) sentence: Vec<u32>,
    /// Paragraph index of every token.
    pub(crate) paragraph: Vec<u32>,
    /// For every token inside a top-level quotation (marks included), that quotation's index
    /// into `quotes`.
    pub(crate) quote: Vec<Option<u32>>,
    /// For every token inside a mention, the mention's index.
    pub(crate) mention: Vec<Option<u32>>,
    /// The top-level quotations (not nested in another), sorted by start.
    pub(crate) quotes: Vec<Quote>,
    sentences: &'a [Sentence],
    /// Part-of-speech tags, parallel to `tokens`, worked out on first use and only as far as
    /// asked (`syntax::tag_pos_at`): the rules ask for the tags of a few words of few sentences
    /// (around a cue word or a quotation), and the tagger is the costliest step of the stage. A
    /// tag is the one tagging the whole sentence gives, so the order of the questions changes no
    /// answer. `None` until worked out (and for a token outside every sentence).
    pos: Vec<Cell<Option<Pos>>>,
    /// The words of the sentence last tagged, and its index: the rules ask about the tags of
    /// one sentence after another, a few tokens at a time.
    tagging: RefCell<(usize, Vec<&'a str>)>,
    /// When set (training only), content-boundary decisions keep the rules' end and are
    /// recorded here with their candidates.
    pub(crate) record: Option<RefCell<Vec<crate::attribution::boundary::Case>>>,
    /// What the rules and the check-worthiness features read of each token on its own, worked
    /// out on first use.
    pub(crate) words: crate::token_word::Words,
    /// When set (training only), cue decisions are the rules' alone and are recorded here with
    /// their features.
    pub(crate) cue_record: Option<RefCell<Vec<crate::attribution::cue_model::Case>>>,
    /// When set (training only), content-start decisions keep the rules' start and are
    /// recorded here with their candidates.
    pub(crate) start_record: Option<RefCell<Vec<crate::attribution::start::Case>>>,
    /// When set (training only), contents start where the rules start them, not where the
    /// start ranker moves them.
    pub(crate) rule_starts: bool,
}

/// A top-level quotation with its token range.
#[derive(Clone, Debug)]
pub(crate) struct Quote {
    /// From the opening mark to the closing mark inclusive.
    pub(crate) span: Span,
    pub(crate) fragments: Vec<Span>,
    pub(crate) closed: bool,
    /// Token indices of the whole quotation, marks included.
    pub(crate) tokens: Range<usize>,
}

impl Quote {
    pub(crate) fn content(&self) -> Span {
        match (self.fragments.first(), self.fragments.last()) {
            (Some(a), Some(b)) => a.cover(*b),
            _ => self.span,
        }
    }
}

impl<'a> View<'a> {
    pub(crate) fn new(text: &'a str, tokens: &'a Tokens, entities: &'a Entities) -> View<'a> {
        let n = tokens.tokens.len();
        let mut sentence = vec![0u32; n];
        let mut paragraph = vec![0u32; n];
        for (k, s) in tokens.sentences.iter().enumerate() {
            let end = s.tokens.end.min(n);
            for t in s.tokens.start.min(end)..end {
                sentence[t] = k as u32;
                paragraph[t] = s.paragraph as u32;
            }
        }
        // Quotations nested in another are part of their host, not quotes of their own.
        let mut raw: Vec<_> = tokens
            .quotes
            .iter()
            .filter(|q| q.span.end() <= text.len())
            .collect();
        raw.sort_by_key(|q| (q.span.start(), std::cmp::Reverse(q.span.end())));
        let mut quotes: Vec<Quote> = Vec::new();
        let mut t = 0;
        let mut quote = vec![None; n];
        for q in raw {
            if quotes
                .last()
                .is_some_and(|last| last.span.end() > q.span.start())
            {
                continue;
            }
            while t < n && tokens.tokens[t].span.start() < q.span.start() {
                t += 1;
            }
            let first = t;
            while t < n && tokens.tokens[t].span.end() <= q.span.end() {
                quote[t] = Some(quotes.len() as u32);
                t += 1;
            }
            if first == t {
                continue;
            }
            quotes.push(Quote {
                span: q.span,
                fragments: q.fragments.clone(),
                closed: q.closed,
                tokens: first..t,
            });
        }
        let mut mention = vec![None; n];
        let mut t = 0;
        for (k, m) in entities.mentions.iter().enumerate() {
            while t < n && tokens.tokens[t].span.end() <= m.span.start() {
                t += 1;
            }
            let mut u = t;
            while u < n && tokens.tokens[u].span.start() < m.span.end() {
                mention[u] = Some(k as u32);
                u += 1;
            }
        }
        View {
            sentences: &tokens.sentences,
            pos: vec![Cell::new(None); n],
            tagging: RefCell::new((usize::MAX, Vec::new())),
            record: None,
            words: crate::token_word::Words::new(n),
            cue_record: None,
            start_record: None,
            rule_starts: false,
            text,
            tokens: &tokens.tokens,
            entities,
            sentence,
            paragraph,
            quote,
            mention,
            quotes,
        }
    }

    /// Whether the tagger reads token `i` as a verb (any form, modals excluded). Unknown tokens
    /// count as verbs, so that a missing tag never hides a cue.
    pub(crate) fn is_verb(&self, i: usize) -> bool {
        self.tag(i).is_none_or(|p| p.is_verb())
    }

    /// Whether the tagger reads token `i` as a finite verb or a modal ([`Pos::is_finite`]); an
    /// unknown token is not one.
    pub(crate) fn is_finite(&self, i: usize) -> bool {
        self.tag(i).is_some_and(Pos::is_finite)
    }

    /// The part-of-speech tag of token `i`, tagging its sentence as far as need be; `None` for a
    /// token outside every sentence.
    pub(crate) fn tag(&self, i: usize) -> Option<Pos> {
        match self.pos.get(i).and_then(Cell::get) {
            Some(tag) => Some(tag),
            None => self.tag_slow(i),
        }
    }

    /// [`View::tag`] of a token whose tag is not worked out yet, or that lies outside every
    /// sentence: out of line, so that the question above costs a load where it is inlined.
    #[inline(never)]
    fn tag_slow(&self, i: usize) -> Option<Pos> {
        let s = *self.sentence.get(i)? as usize;
        let range = self.sentences.get(s)?.tokens.clone();
        if !range.contains(&i) || range.end > self.tokens.len() {
            return None;
        }
        let mut tagging = self.tagging.borrow_mut();
        let (sentence, words) = &mut *tagging;
        if *sentence != s {
            *sentence = s;
            words.clear();
            words.extend(
                self.tokens[range.clone()]
                    .iter()
                    .map(|t| &self.text[t.span]),
            );
        }
        syntax::tag_pos_at(words, &self.pos[range.clone()], i - range.start)
    }

    /// The cue lemma token `i` is a form of: `lexicon::cue` of its word, looked up once per
    /// token.
    pub(crate) fn cue(&self, i: usize) -> Option<crate::lexicon::Cue> {
        crate::token_word::cue_at(self, i)
    }

    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The text of token `i`, or "" past the end.
    pub(crate) fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| &self.text[t.span])
    }

    pub(crate) fn span(&self, i: usize) -> Span {
        self.tokens
            .get(i)
            .map_or(Span::new(self.text.len(), self.text.len()), |t| t.span)
    }

    /// The span from token `a` to token `b` inclusive.
    pub(crate) fn cover(&self, a: usize, b: usize) -> Span {
        self.span(a).cover(self.span(b))
    }

    /// The span of a cue at token `i`: the word, and the particle after it (`speak about`) when
    /// the cue takes one there.
    pub(crate) fn cue_span(&self, i: usize, particle: bool) -> Span {
        if particle {
            self.cover(i, i + 1)
        } else {
            self.span(i)
        }
    }

    pub(crate) fn is(&self, i: usize, word: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(word)
    }

    pub(crate) fn is_any(&self, i: usize, words: &[&str]) -> bool {
        let w = self.word(i);
        words.iter().any(|x| w.eq_ignore_ascii_case(x))
    }

    pub(crate) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// A word, number, hashtag or handle (not punctuation or a quote mark).
    pub(crate) fn is_wordlike(&self, i: usize) -> bool {
        matches!(
            self.kind(i),
            Some(TokenKind::Word | TokenKind::Number | TokenKind::Hashtag | TokenKind::Handle)
        )
    }

    /// Whether token `i` stands between a subject and its verb (`has`, `also`, `repeatedly`):
    /// [`lexicon::is_aux_or_adverb`], save a noun in -ly (`the family said`).
    pub(crate) fn is_aux_or_adverb(&self, i: usize) -> bool {
        let w = self.word(i);
        crate::lexicon::is_aux_or_adverb(w)
            && !(crate::lexicon::is_ly_word(w) && self.tag(i).is_some_and(Pos::is_noun))
    }

    pub(crate) fn is_capitalized(&self, i: usize) -> bool {
        self.is_wordlike(i)
            && self
                .word(i)
                .trim_start_matches(['#', '@'])
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    pub(crate) fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind != TokenKind::Word && &self.text[t.span] == p)
    }

    pub(crate) fn is_quote_mark(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Quote)
    }

    /// Whether token `i` is the `’s` of a possessive.
    pub(crate) fn is_possessive(&self, i: usize) -> bool {
        self.is_any(i, &["’s", "'s"])
    }

    /// The token after the mention at `i` (`i` itself when there is none), at most `end`.
    pub(crate) fn mention_end(&self, i: usize, end: usize) -> usize {
        let Some((m, _)) = self.mention_at(i) else {
            return i;
        };
        let mut k = i;
        while k < end && self.mention_at(k).is_some_and(|(n, _)| n == m) {
            k += 1;
        }
        k
    }

    /// A dash that can introduce a sign-off: `—`, `–`, `--`, or a lone `-`.
    pub(crate) fn is_dash(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Punct)
            && matches!(self.word(i), "—" | "–" | "--" | "-" | "―")
    }

    /// A dash that sets off an aside: [`View::is_dash`] but a lone hyphen (`—`, `–`, `--`).
    pub(crate) fn is_long_dash(&self, i: usize) -> bool {
        self.is_dash(i) && !self.is(i, "-")
    }

    /// Sentence-final punctuation outside any quotation.
    pub(crate) fn is_terminator(&self, i: usize) -> bool {
        self.quote.get(i).is_some_and(Option::is_none)
            && self.kind(i) == Some(TokenKind::Punct)
            && matches!(self.word(i), "." | "!" | "?" | "..." | "…" | ";")
    }

    pub(crate) fn para(&self, i: usize) -> u32 {
        self.paragraph.get(i).copied().unwrap_or(u32::MAX)
    }

    /// The tokens of sentence `s` (empty past the last).
    pub(crate) fn sentence_tokens(&self, s: usize) -> Range<usize> {
        self.sentences.get(s).map_or(0..0, |x| x.tokens.clone())
    }

    pub(crate) fn sent(&self, i: usize) -> u32 {
        self.sentence.get(i).copied().unwrap_or(u32::MAX)
    }

    pub(crate) fn quote_at(&self, i: usize) -> Option<usize> {
        self.quote.get(i).copied().flatten().map(|q| q as usize)
    }

    /// The quotation whose last token is token `i` (its closing mark), if any.
    pub(crate) fn quote_closing_at(&self, i: usize) -> Option<usize> {
        self.quote_at(i)
            .filter(|&q| self.quotes[q].tokens.end == i + 1)
    }

    pub(crate) fn mention_at(&self, i: usize) -> Option<(usize, &'a Mention)> {
        let k = self.mention.get(i).copied().flatten()? as usize;
        self.entities.mentions.get(k).map(|m| (k, m))
    }

    pub(crate) fn label_at(&self, i: usize) -> Option<Label> {
        self.mention_at(i).map(|(_, m)| m.label)
    }

    /// Token index of the first token starting at or after byte `pos`.
    pub(crate) fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start() < pos)
    }

    /// The first token of the clause holding token `i`: just after the previous sentence-final
    /// punctuation (outside quotes) or paragraph start, at most [`MAX_CLAUSE_TOKENS`] back.
    /// Quotations are crossed as one unit.
    pub(crate) fn clause_start(&self, i: usize) -> usize {
        let para = self.para(i);
        let mut k = i.min(self.len());
        while k > 0 && i - k < MAX_CLAUSE_TOKENS {
            let p = k - 1;
            // A paragraph break ends the clause, unless one quotation runs across it.
            if self.para(p) != para
                && (self.quote_at(p).is_none() || self.quote_at(p) != self.quote_at(k))
            {
                break;
            }
            if let Some(q) = self.quote_at(p) {
                let start = self.quotes[q].tokens.start;
                // A quote that ends a sentence of its own (`“We won.” He said ...`) is a
                // boundary unless it is the quote the clause is about (it touches `i`).
                if p + 1 < i && self.quote_ends_sentence(q) {
                    break;
                }
                k = start;
                continue;
            }
            if self.is_terminator(p) {
                break;
            }
            k = p;
        }
        k
    }

    /// One past the last token of the clause starting at or containing `i`: the sentence-final
    /// punctuation outside quotes, a quote that ends its sentence, or the paragraph end, at most
    /// [`MAX_CLAUSE_TOKENS`] on.
    pub(crate) fn clause_end(&self, i: usize) -> usize {
        let para = self.para(i);
        let mut k = i;
        while k < self.len() && k - i < MAX_CLAUSE_TOKENS {
            // A paragraph break ends the clause, before a quotation that opens the next one too
            // (`... of those seeking entrance to the U.S.` and a new paragraph's `“Bad, bad
            // things ...”`: the abbreviation's full stop is no terminator).
            // After a colon the quotation is what it introduces (`X said: ¶ “...”`).
            let introduced = k > 0 && self.quote_at(k).is_some() && self.is_punct(k - 1, ":");
            if self.para(k) != para && !introduced {
                return k;
            }
            if let Some(q) = self.quote_at(k) {
                let end = self.quotes[q].tokens.end;
                if end <= k {
                    break;
                }
                k = end;
                if self.quote_ends_sentence(q) && !self.continues_after_quote(end) {
                    return k;
                }
                continue;
            }
            if self.is_terminator(k) {
                return k;
            }
            k += 1;
        }
        k.min(self.len())
    }

    /// Whether a quotation's words end with sentence-final punctuation.
    pub(crate) fn quote_ends_sentence(&self, q: usize) -> bool {
        let quote = &self.quotes[q];
        let content = &self.text[quote.content()];
        content.trim_end().ends_with(['.', '!', '?', '…'])
    }

    /// Whether the text after a quotation ending in `.` goes on in the same sentence
    /// (`“... today.” he said` or `“...?” asked X`): the next token is lower case or a comma.
    fn continues_after_quote(&self, next: usize) -> bool {
        if next >= self.len() || self.para(next) != self.para(next.saturating_sub(1)) {
            return false;
        }
        let w = self.word(next);
        w.chars().next().is_some_and(char::is_lowercase) || w == ","
    }

    /// Number of word-like tokens in `range`.
    pub(crate) fn count_words(&self, range: Range<usize>) -> usize {
        range.filter(|&i| self.is_wordlike(i)).count()
    }
}
