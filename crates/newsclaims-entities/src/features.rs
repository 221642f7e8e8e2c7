//! Feature extraction and greedy left-to-right decoding over BILOU tags, shared by training and
//! inference: both see a document as sentences of token strings (`&[&str]`).
//!
//! Features follow Ratinov & Roth (2009): word and lowercase forms, shapes, affixes, a ±2 window,
//! the two previous predicted tags, capitalisation patterns (sentence-initial, ALL-CAPS
//! sentences), gazetteer matches, cue words, how the word is cased elsewhere in the document, and
//! the labels given to the same word earlier in the document (the prediction history, which
//! keeps a name's label consistent). Every feature is hashed with its template id into one of
//! `2^BITS` rows of `N_TAGS` weights; nothing is allocated per token (the scratch buffers are
//! reused across sentences and documents). At inference, the weights of a token's own features
//! (those that depend on its word alone) are summed once per distinct token ([`memo`]).

mod bilou;
mod extract;
mod memo;
mod token;

pub(crate) use bilou::entities;

use crate::lexicon::{Cue, IdMap, Lexicon, Table};
use crate::model::{Lookup, Weights};
use extract::{CLUSTER_WINDOW, Own, capital, extract, mix, push_dynamic, push_neighbours};
use memo::Memo;
use token::{C_LOWER, C_MIXED, C_OTHER, C_TITLE, C_UPPER, Token, all_caps, describe, find_cluster};

/// Rows in the hashed weight table: `2^BITS`.
pub(crate) const BITS: u32 = 21;
/// CoNLL's types, in tag order.
pub(crate) const N_TYPES: usize = 4;
pub(crate) const PER: u8 = 0;
pub(crate) const ORG: u8 = 1;
pub(crate) const LOC: u8 = 2;
pub(crate) const MISC: u8 = 3;
/// `O`, then B, I, L, U for each type: tag `1 + 4 * type + position`.
pub(crate) const N_TAGS: usize = 1 + 4 * N_TYPES;
pub(crate) const O: u8 = 0;
pub(crate) const B: u8 = 0;
pub(crate) const I: u8 = 1;
pub(crate) const L: u8 = 2;
pub(crate) const U: u8 = 3;

pub(crate) fn tag_of(ty: u8, position: u8) -> u8 {
    1 + 4 * ty + position
}

/// The type and position of a tag other than `O`.
pub(crate) fn split_tag(tag: u8) -> Option<(u8, u8)> {
    (tag != O).then(|| ((tag - 1) / 4, (tag - 1) % 4))
}

/// Scores features and, in training, learns from mistakes.
pub(crate) trait Scorer {
    /// Adds the weights of `features` to `scores`.
    fn score(&self, features: &[u32], scores: &mut [f32; N_TAGS]);
    /// Called after each token with its features, the predicted and (in training) gold tag.
    fn learn(&mut self, _features: &[u32], _predicted: u8, _gold: u8) {}
    /// The fixed-point weights `score` reads, if they never change: their sums may then be
    /// taken in parts and a word's own part remembered ([`memo`]).
    fn fixed(&self) -> Option<&Weights> {
        None
    }
}

/// How a word is cased elsewhere in the document (not sentence-initial, not in ALL-CAPS lines).
const SEEN_TITLE: u16 = 1;
const SEEN_LOWER: u16 = 2;
const SEEN_UPPER: u16 = 4;
const CTX_TITLE: u16 = 8;
const CTX_PREP: u16 = 16;
const CTX_THE: u16 = 32;
const CTX_ORG: u16 = 64;
const CTX_SAID: u16 = 128;
/// The word comes after / before another capitalised word (a part of a longer name: `Duran` in
/// `Roberto Duran`), outside ALL-CAPS lines.
const CTX_AFTER_CAPITAL: u16 = 256;
const CTX_BEFORE_CAPITAL: u16 = 512;

/// Buffers reused across sentences and documents.
#[derive(Default)]
pub(crate) struct Scratch {
    tokens: Vec<Token>,
    memo: Memo,
    lookup: Lookup,
    own_features: Vec<u32>,
    gaz: Vec<u64>,
    features: Vec<u32>,
    static_features: Vec<u32>,
    /// Per sentence: where its tokens start in `tokens`, and whether it is in ALL CAPS.
    sentences: Vec<(usize, bool)>,
    doc_case: IdMap<u16>,
    /// `(word, side and neighbour)` for every capitalised occurrence in the document, sorted.
    neighbours: Vec<(u64, u64)>,
    /// At inference, the sum of the weights of a capitalised word's neighbour features, by word:
    /// the same at each of its occurrences in the document ([`add_neighbours`]).
    neighbour_sums: IdMap<[i32; N_TAGS]>,
    history: IdMap<[u16; N_TYPES]>,
}

/// Tags one document: `sentences` of token strings; `gold`, when training, holds one tag per
/// token of the whole document. The predicted tags of all tokens are appended to `out`.
pub(crate) fn tag_document<S: Scorer>(
    scorer: &mut S,
    lex: &Lexicon,
    clusters: &Table,
    sentences: &[&[&str]],
    gold: Option<&[u8]>,
    scratch: &mut Scratch,
    out: &mut Vec<u8>,
) {
    let Scratch {
        tokens,
        memo,
        lookup,
        own_features,
        gaz,
        features,
        static_features,
        sentences: spans,
        doc_case,
        neighbours,
        neighbour_sums,
        history,
    } = scratch;
    tokens.clear();
    spans.clear();
    doc_case.clear();
    neighbours.clear();
    neighbour_sums.clear();
    history.clear();
    if let Some(weights) = scorer.fixed() {
        memo.start(weights);
    }
    for words in sentences {
        describe_sentence(lex, words, tokens, gaz, spans, doc_case, neighbours);
    }
    neighbours.sort_unstable();
    neighbours.dedup();
    // The topic of wire copy: the first word of an ALL-CAPS first line (`SOCCER - ...`,
    // `CRICKET - ...`), which tells whether `Leeds` is a team or a city.
    let topic = match spans.first() {
        Some(&(0, true)) if tokens.len() > 1 && tokens[1].class == C_OTHER => tokens[0].lower,
        _ => 0,
    };
    let first_out = out.len();
    for (s, words) in sentences.iter().enumerate() {
        let (start, caps) = spans[s];
        let sentence = start..start + words.len();
        for i in 0..words.len() {
            if gold.is_none() && plainly_outside(&tokens[sentence.clone()], i, out) {
                out.push(O);
                continue;
            }
            // The features of token `i` read the clusters of its neighbours only.
            let near = i.saturating_sub(CLUSTER_WINDOW)..(i + CLUSTER_WINDOW + 1).min(words.len());
            for t in &mut tokens[sentence.clone()][near] {
                find_cluster(t, clusters);
            }
            let toks = &tokens[sentence.clone()];
            let t = &toks[i];
            static_features.clear();
            let mut own = push_static(
                scorer.fixed(),
                (memo, lookup),
                own_features,
                (toks, i, caps),
                topic,
                doc_case,
                static_features,
            );
            match (own.as_mut(), scorer.fixed()) {
                (Some(sum), Some(weights)) => {
                    let sums = (&mut *neighbour_sums, &mut *own_features, &mut *lookup);
                    add_neighbours(weights, t, neighbours, sums, sum);
                }
                _ => push_neighbours(t, neighbours, static_features),
            }
            let done = out.len() - first_out - start;
            let prev = (i > 0).then(|| out[out.len() - 1]);
            let prev2 = (i > 1).then(|| out[out.len() - 2]);
            features.clear();
            features.extend_from_slice(static_features);
            push_dynamic(toks, i, prev, prev2, history, features);
            let best = best_tag(&token_scores(scorer, own, features, lookup));
            debug_assert_eq!(done, i);
            let gold_tag = gold.map_or(best, |g| g[start + i]);
            scorer.learn(features, best, gold_tag);
            out.push(best);
            if let Some((ty, _)) = split_tag(best)
                && t.class != C_LOWER
            {
                let counts = history.entry(t.lower).or_default();
                counts[ty as usize] = counts[ty as usize].saturating_add(1);
            }
        }
    }
    if gold.is_none() {
        history.clear();
        harmonise(tokens, spans, sentences, &mut out[first_out..], history);
    }
}

/// The scores of one token: at inference the memo's sum of its own features (`own`) plus the
/// weights of the rest, in training every feature through the scorer.
fn token_scores<S: Scorer>(
    scorer: &S,
    own: Option<[i32; N_TAGS]>,
    features: &[u32],
    lookup: &mut Lookup,
) -> [f32; N_TAGS] {
    let mut scores = [0f32; N_TAGS];
    match (own, scorer.fixed()) {
        (Some(mut sum), Some(weights)) => {
            weights.add(features, &mut sum, lookup);
            for (s, v) in scores.iter_mut().zip(sum) {
                *s += v as f32;
            }
        }
        _ => scorer.score(features, &mut scores),
    }
    scores
}

/// Pushes the static features of token `i` of `toks` (a sentence, `caps` if in ALL CAPS) to
/// `out`. At inference (`fixed` weights) the token's own features are left out and the sum of
/// their weights returned instead: from `memo`, else summed now from `own` (scratch space) and
/// remembered.
fn push_static(
    fixed: Option<&Weights>,
    (memo, lookup): (&mut Memo, &mut Lookup),
    own: &mut Vec<u32>,
    (toks, i, caps): (&[Token], usize, bool),
    topic: u64,
    doc_case: &IdMap<u16>,
    out: &mut Vec<u32>,
) -> Option<[i32; N_TAGS]> {
    let Some(weights) = fixed else {
        extract(toks, i, caps, topic, doc_case, &mut Own::Inline, out);
        return None;
    };
    let t = &toks[i];
    let known = memo.sum(t);
    own.clear();
    let mut sink = match known {
        Ok(_) => Own::Known,
        Err(_) => Own::Apart(own),
    };
    extract(toks, i, caps, topic, doc_case, &mut sink, out);
    Some(known.unwrap_or_else(|slot| {
        let mut sum = [0; N_TAGS];
        weights.add(own, &mut sum, lookup);
        memo.insert(slot, t, sum);
        sum
    }))
}

/// Adds to `sum` the weights of the neighbour features of `t` (a capitalised word's other
/// occurrences' neighbours, [`push_neighbours`]), from `sums` (a document's) or summed now into
/// it (`features` and `lookup` are scratch space). A name recurs in an article: its dozen
/// neighbour features were read again at each mention, a tenth of the tagger's lookups on news.
fn add_neighbours(
    weights: &Weights,
    t: &Token,
    neighbours: &[(u64, u64)],
    (sums, features, lookup): (&mut IdMap<[i32; N_TAGS]>, &mut Vec<u32>, &mut Lookup),
    sum: &mut [i32; N_TAGS],
) {
    if !matches!(t.class, C_TITLE | C_UPPER | C_MIXED) {
        return;
    }
    // The features depend on the word's lowercase form and capitals only: its `word` hash.
    let part = *sums.entry(t.word).or_insert_with(|| {
        features.clear();
        push_neighbours(t, neighbours, features);
        let mut part = [0; N_TAGS];
        weights.add(features, &mut part, lookup);
        part
    });
    for (s, p) in sum.iter_mut().zip(part) {
        *s += p;
    }
}

/// Describes one sentence's `words` onto the end of `tokens` with their gazetteer matches (`gaz`
/// is scratch space), records where it starts and whether it is in ALL CAPS in `spans`, and how
/// each word is cased and placed in `doc_case` and `neighbours`.
fn describe_sentence(
    lex: &Lexicon,
    words: &[&str],
    tokens: &mut Vec<Token>,
    gaz: &mut Vec<u64>,
    spans: &mut Vec<(usize, bool)>,
    doc_case: &mut IdMap<u16>,
    neighbours: &mut Vec<(u64, u64)>,
) {
    let start = tokens.len();
    tokens.extend(words.iter().map(|w| describe(w, lex)));
    gaz.resize(words.len(), 0);
    // `describe`'s `lower` is the word's `hash_lower`: the same fold from the same start.
    lex.annotate(words, |k| tokens[start + k].lower, gaz);
    for (t, &g) in tokens[start..].iter_mut().zip(gaz.iter()) {
        t.gaz = g;
    }
    let caps = all_caps(&tokens[start..]);
    spans.push((start, caps));
    let toks = &tokens[start..];
    for i in 0..toks.len() {
        record_case(toks, i, caps, doc_case, neighbours);
    }
}

/// Records how token `i` of a sentence (`caps` if in ALL CAPS) is cased, and for a capitalised
/// word the words and cues around it, in `doc_case` and `neighbours`.
#[inline]
fn record_case(
    toks: &[Token],
    i: usize,
    caps: bool,
    doc_case: &mut IdMap<u16>,
    neighbours: &mut Vec<(u64, u64)>,
) {
    let t = &toks[i];
    let mut seen = match t.class {
        C_TITLE | C_MIXED if !caps && i > 0 => SEEN_TITLE,
        C_LOWER if !caps && i > 0 => SEEN_LOWER,
        C_UPPER if !caps && i > 0 => SEEN_UPPER,
        C_TITLE | C_MIXED | C_UPPER => 0,
        _ => return,
    };
    // The contexts of the word's capitalised occurrences anywhere in the document
    // (Ratinov & Roth's context aggregation): `Mr X`, `X Inc`, `in X`, `X said`.
    if t.class != C_LOWER {
        let left = if i > 0 { toks[i - 1].lower } else { 1 };
        let right = toks.get(i + 1).map_or(1, |r| r.lower);
        neighbours.push((t.lower, mix(left, 1)));
        neighbours.push((t.lower, mix(right, 2)));
        let left = if i > 0 { toks[i - 1].cue } else { 0 };
        let right = toks.get(i + 1).map_or(0, |r| r.cue);
        if left == Cue::Title as u8 {
            seen |= CTX_TITLE;
        }
        if left == Cue::Prep as u8 {
            seen |= CTX_PREP;
        }
        if left == Cue::The as u8 {
            seen |= CTX_THE;
        }
        if right == Cue::Org as u8 {
            seen |= CTX_ORG;
        }
        if right == Cue::Said as u8 {
            seen |= CTX_SAID;
        }
        if !caps && i > 0 && capital(&toks[i - 1]) {
            seen |= CTX_AFTER_CAPITAL;
        }
        if !caps && toks.get(i + 1).is_some_and(capital) {
            seen |= CTX_BEFORE_CAPITAL;
        }
    }
    *doc_case.entry(t.lower).or_default() |= seen;
}

/// Whether token `i` is tagged `O` without scoring, at inference: it starts a sentence or follows
/// an `O` (the last tag in `out`), and is not a word (punctuation, a number) or is a lowercase
/// word not followed by a capital.
#[inline]
fn plainly_outside(toks: &[Token], i: usize, out: &[u8]) -> bool {
    let t = &toks[i];
    let next_capital = toks
        .get(i + 1)
        .is_some_and(|r| matches!(r.class, C_TITLE | C_UPPER | C_MIXED));
    (i == 0 || out[out.len() - 1] == O)
        && match t.class {
            C_OTHER => true,
            C_LOWER => !next_capital,
            _ => false,
        }
}

/// The tag with the highest score, the first of equals.
#[inline]
fn best_tag(scores: &[f32; N_TAGS]) -> u8 {
    // No BILOU constraint: forcing `I`/`L` after a greedy `B` spreads one mistake over a
    // sentence (`Rachel and Severine`); `entities` reads ill-formed runs leniently.
    let mut best = O;
    let mut best_score = f32::NEG_INFINITY;
    for (tag, &score) in scores.iter().enumerate() {
        let tag = tag as u8;
        if score > best_score {
            best = tag;
            best_score = score;
        }
    }
    best
}

/// Document-level consistency after tagging: a name given different types in one document takes
/// the type it was given most often (ties keep each mention's own), so `Magna` is not an ORG in
/// one sentence and a PERSON in the next. `votes` is scratch space.
fn harmonise(
    tokens: &[Token],
    spans: &[(usize, bool)],
    sentences: &[&[&str]],
    tags: &mut [u8],
    votes: &mut IdMap<[u16; N_TYPES]>,
) {
    let key = |a: usize, b: usize| {
        tokens[a..b]
            .iter()
            .fold(0x51_7cc1_b727_220a_u64, |h, t| mix(h, t.lower))
    };
    for (s, words) in sentences.iter().enumerate() {
        let start = spans[s].0;
        entities(&tags[start..start + words.len()], |a, b, ty| {
            let counts = votes.entry(key(start + a, start + b)).or_default();
            counts[ty as usize] = counts[ty as usize].saturating_add(1);
        });
    }
    for (s, words) in sentences.iter().enumerate() {
        let start = spans[s].0;
        let mut found = Vec::new();
        entities(&tags[start..start + words.len()], |a, b, ty| {
            found.push((start + a, start + b, ty))
        });
        for (a, b, ty) in found {
            let counts = votes[&key(a, b)];
            let (best, &n) = counts
                .iter()
                .enumerate()
                .max_by_key(|&(k, c)| (c, std::cmp::Reverse(k)))
                .expect("N_TYPES > 0");
            if best as u8 != ty && n > counts[ty as usize] {
                for (k, tag) in tags[a..b].iter_mut().enumerate() {
                    let position = match (k, b - a) {
                        (_, 1) => U,
                        (0, _) => B,
                        (k, n) if k + 1 == n => L,
                        _ => I,
                    };
                    *tag = tag_of(best as u8, position);
                }
            }
        }
    }
}
