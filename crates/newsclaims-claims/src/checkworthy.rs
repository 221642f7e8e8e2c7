//! Check-worthiness: how much a fact-checker would want a sentence or a claim checked, and what
//! kind of claim it is.
//!
//! The score is a logistic regression over hashed word and bigram features and the features the
//! earlier stages know (`features`), trained on ClaimBuster's crowd-labelled debate sentences by
//! `cargo xtask train-checkworthy` and embedded (`model/checkworthy.bin`). Its bias is shifted so
//! that 0.5 is the threshold with the best F1 on held-out folds of the training data: a score of
//! at least 0.5 means "check-worthy", and the score ranks sentences.
//!
//! News is not debate speech, so what only news has is kept out of the features rather than
//! scored: a dateline (`KYIV, Ukraine (AP) —`) and the attribution around a claim (`..., she
//! said.`) are skipped, so a quoted or reported fact scores as its content does. Credit lines and
//! photo captions score 0. Scoring is one hash and one table read per word and bigram.

mod features;
pub(crate) mod words;

use std::ops::Range;

use newsclaims_text::Span;
use newsclaims_tokenize::Sentence;

use crate::view::View;
use crate::{ClaimKind, ClaimType};

pub(crate) use features::BUCKETS;

/// The embedded model: the magic `NCW1`, the weight scale and the bias (`f32`, little-endian),
/// then one `i16` weight per bucket (the weight is `scale * w`).
static MODEL: &[u8] = include_bytes!("../model/checkworthy.bin");
const HEADER: usize = 12;

/// The check-worthiness of one sentence of the text, parallel to the tokenizer's sentences.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SentenceScore {
    /// In [0, 1], rounded to three decimals; at least 0.5 means check-worthy.
    pub checkworthiness: f32,
    pub claim_type: ClaimType,
}

/// The feature hashes of a whole text read as one sentence, as the model sees it (for training:
/// ClaimBuster's sentences are read whole). Allocates the one vector it returns.
#[cfg(feature = "train")]
pub fn checkworthy_features(
    text: &str,
    tokens: &newsclaims_tokenize::Tokens,
    entities: &newsclaims_entities::Entities,
) -> Vec<u32> {
    let view = View::new(text, tokens, entities);
    let mut out = Vec::new();
    features::collect(&view, 0..view.len(), &mut |h| out.push(h));
    out.iter().map(|&h| h % BUCKETS as u32).collect()
}

/// The check-worthiness and type of content made of `pieces`.
pub(crate) fn score(view: &View<'_>, pieces: &[Span], kind: ClaimKind) -> (f32, ClaimType) {
    let offset = if kind == ClaimKind::Statement {
        0.0
    } else {
        ATTRIBUTED
    };
    score_with(view, pieces, offset)
}

/// The logit offset of reported speech (a claim's content, or a sentence holding a quotation or
/// an attribution): in news, what people are quoted saying is more often stance and feeling than
/// the same words in the article's own voice. ClaimBuster is all speech, so this is chosen on
/// the news dev set: -0.3, -0.5 and -0.7 all gave the best sentence F1 (0.81 against 0.80 with
/// none); -0.5 is the middle.
const ATTRIBUTED: f32 = -0.5;

/// Like [`score`], with `offset` added to the logit (the layout of the piece's sentence).
pub(crate) fn score_with(view: &View<'_>, pieces: &[Span], offset: f32) -> (f32, ClaimType) {
    let mut hashes = Vec::with_capacity(HASHES);
    let tokens = pieces.iter().flat_map(|&p| piece_tokens(view, p));
    let signals = features::collect(view, tokens, &mut |h| hashes.push(h));
    (
        probability(sum_weights(&hashes), offset),
        claim_type(&signals),
    )
}

/// Room for the feature hashes of a sentence of some 30 words (two per word, and a dozen more):
/// most stretches scored need no second allocation.
const HASHES: usize = 80;

/// What the layout of the sentence spanning `range` says beyond its words, as a logit offset:
/// a line of its own without final punctuation is a headline, a caption or a section label
/// (`The Charges Against Trump`, `More: ...`), and a sentence ending in a colon leads in to
/// what follows (`Here are three lessons:`). ClaimBuster's transcribed speech has neither, so
/// the offset cannot be learned from it: it is chosen on the news dev set.
pub(crate) fn layout_offset(view: &View<'_>, range: Range<usize>) -> f32 {
    /// Chosen on the news dev set: -2 and -3 both raise its sentence F1 from 0.78 to 0.80.
    const HEADLINE: f32 = -2.0;
    let mut last = range.end;
    while last > range.start
        && (view.is_quote_mark(last - 1) || matches!(view.word(last - 1), ")" | "]"))
    {
        last -= 1;
    }
    if last == range.start {
        return 0.0;
    }
    let end = view.word(last - 1);
    if end == ":" {
        return HEADLINE;
    }
    let alone = view.para(range.start) != view.para(range.start.wrapping_sub(1))
        && view.para(range.end - 1) != view.para(range.end);
    let terminated = matches!(end, "." | "!" | "?" | "…" | "...") || end.ends_with('.');
    if alone && !terminated { HEADLINE } else { 0.0 }
}

/// Scores every sentence of the text; `attribution[k]` marks the tokens that attribute a claim
/// (its cue, its speaker, the clause after a final cue), which are left out.
pub(crate) fn sentences(
    view: &View<'_>,
    sentences: &[Sentence],
    attribution: &[bool],
) -> Vec<SentenceScore> {
    let mut hashes = Vec::with_capacity(HASHES);
    sentences
        .iter()
        .map(|sentence| {
            let range = sentence.tokens.start.min(view.len())..sentence.tokens.end.min(view.len());
            let text = &view.text[sentence.span];
            if is_credit_line(text) || is_caption(view, range.clone()) {
                return SentenceScore {
                    checkworthiness: 0.0,
                    claim_type: ClaimType::Other,
                };
            }
            let reported = range.clone().any(|k| {
                attribution.get(k).copied().unwrap_or(false) || view.quote_at(k).is_some()
            });
            let offset =
                layout_offset(view, range.clone()) + if reported { ATTRIBUTED } else { 0.0 };
            let start = dateline_end(view, range.clone());
            let tokens =
                (start..range.end).filter(|&k| !attribution.get(k).copied().unwrap_or(false));
            hashes.clear();
            let signals = features::collect(view, tokens, &mut |h| hashes.push(h));
            SentenceScore {
                checkworthiness: probability(sum_weights(&hashes), offset),
                claim_type: claim_type(&signals),
            }
        })
        .collect()
}

/// The token indices inside `piece`.
fn piece_tokens(view: &View<'_>, piece: Span) -> Range<usize> {
    let first = view.token_at_or_after(piece.start());
    let mut end = first;
    while end < view.len() && view.span(end).end() <= piece.end() {
        end += 1;
    }
    first..end
}

/// The sum of the weights of feature hashes `hashes`. The hashes are gathered before any weight
/// is read: a word's bigram weight is a cache miss more often than not, and in one short loop
/// the reads of a whole sentence are in flight together (summed as each hash was made, each
/// waited on the sum before it). Integer sums: the order changes nothing.
fn sum_weights(hashes: &[u32]) -> i64 {
    hashes
        .iter()
        .map(|&h| i64::from(weight(h as usize % BUCKETS)))
        .sum()
}

/// The calibrated probability of features whose weights sum to `sum`, rounded to three
/// decimals (as printed, so that the threshold decides on what the reader sees).
fn probability(sum: i64, offset: f32) -> f32 {
    let (scale, bias) = header();
    let logit = bias + scale * sum as f32 + offset;
    let p = 1.0 / (1.0 + (-logit).exp());
    (p * 1000.0).round() / 1000.0
}

fn header() -> (f32, f32) {
    let f = |at: usize| {
        MODEL
            .get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map_or(0.0, f32::from_le_bytes)
    };
    (f(4), f(8))
}

fn weight(bucket: usize) -> i16 {
    let at = HEADER + 2 * bucket;
    MODEL
        .get(at..at + 2)
        .and_then(|b| b.try_into().ok())
        .map_or(0, i16::from_le_bytes)
}

/// What a claim asserts, from its strongest signal.
fn claim_type(s: &features::Signals) -> ClaimType {
    if s.amounts + s.numbers > 0 {
        ClaimType::Quantity
    } else if s.comparison {
        ClaimType::Comparison
    } else if s.past_event && s.names + s.dates > 0 {
        ClaimType::Event
    } else if s.modal {
        ClaimType::Prediction
    } else if s.opinion || s.should {
        ClaimType::Opinion
    } else {
        ClaimType::Other
    }
}

/// The first token after a dateline opening the sentence (`KYIV, Ukraine (AP) —`,
/// `LONDON (Reuters) -`): capitalised words, commas and a parenthesised agency before a dash
/// within the first few tokens. The sentence's first token when there is none.
fn dateline_end(view: &View<'_>, range: Range<usize>) -> usize {
    /// A dateline is a place and an agency: longer openings are sentences.
    const MAX_DATELINE_TOKENS: usize = 10;
    for k in range.clone().take(MAX_DATELINE_TOKENS) {
        if view.is_dash(k) {
            return if k > range.start { k + 1 } else { range.start };
        }
        let w = view.word(k);
        let place_like =
            view.is_capitalized(k) && (w.chars().all(|c| !c.is_lowercase()) || k > range.start);
        if !(place_like || matches!(w, "," | "(" | ")" | ".")) {
            return range.start;
        }
    }
    range.start
}

/// A photo caption or credit: `(AP Photo/Efrem Lukatsky)`, `Photo: Getty Images`,
/// `Image copyright Reuters`.
fn is_caption(view: &View<'_>, range: Range<usize>) -> bool {
    range.take(4).any(|k| {
        view.is_any(
            k,
            &["photo", "photograph", "image", "images", "pictured", "file"],
        ) && (view.is_punct(k + 1, ":")
            || view.is_punct(k + 1, "/")
            || view.is_punct(k.wrapping_sub(1), "(")
            || view.is_any(k + 1, &["copyright", "credit", "caption"]))
    })
}

/// Whether a sentence is a credit or byline (`The Associated Press contributed to this report.`).
pub(crate) fn is_credit_line(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    (lower.contains("contributed") && (lower.contains("report") || lower.contains("story")))
        || lower.starts_with("reporting by")
        || lower.starts_with("additional reporting")
        || lower.starts_with("editing by")
        || lower.starts_with("writing by")
        || lower.starts_with("(reporting by")
        || lower.starts_with("follow ")
        || lower.starts_with("copyright")
        || lower.starts_with("click here")
        || lower.starts_with("read more")
}
