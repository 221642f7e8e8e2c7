//! Feature extraction and greedy left-to-right decoding over BILOU tags, shared by training and
//! inference: both see a document as sentences of token strings (`&[&str]`).
//!
//! Features follow Ratinov & Roth (2009): word and lowercase forms, shapes, affixes, a ±2 window,
//! the two previous predicted tags, capitalisation patterns (sentence-initial, ALL-CAPS
//! sentences), gazetteer matches, cue words, how the word is cased elsewhere in the document, and
//! the labels given to the same word earlier in the document (the prediction history, which
//! keeps a name's label consistent). Every feature is hashed with its template id into one of
//! `2^BITS` rows of `N_TAGS` weights; nothing is allocated per token (the scratch buffers are
//! reused across sentences and documents).

use crate::lexicon::{self, Cue, IdMap, Lexicon};

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
}

// Feature templates. The numbers only need to be distinct.
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2;
const T_LOWER: u64 = 3;
const T_SHAPE: u64 = 4;
const T_SHORT: u64 = 5;
const T_PREFIX: u64 = 6; // + 0..4
const T_SUFFIX: u64 = 10; // + 0..4
const T_LOWER_AT: u64 = 14; // + 0..4 for offsets -2, -1, +1, +2
const T_BIGRAM_LEFT: u64 = 18;
const T_BIGRAM_RIGHT: u64 = 19;
const T_SHORT_LEFT: u64 = 20;
const T_SHORT_RIGHT: u64 = 21;
const T_SHORT_TRIGRAM: u64 = 22;
const T_CLASS_WINDOW: u64 = 23;
const T_FIRST: u64 = 24;
const T_ALLCAPS_LOWER: u64 = 25;
const T_ALLCAPS_SHORT: u64 = 26;
const T_GAZ: u64 = 27;
const T_GAZ_LEFT: u64 = 28;
const T_GAZ_RIGHT: u64 = 29;
const T_CUE: u64 = 30;
const T_CUE_LEFT: u64 = 31;
const T_CUE_RIGHT: u64 = 32;
const T_CUE_RIGHT2: u64 = 33;
const T_DOC_CASE: u64 = 34;
const T_LEFT_CLASS: u64 = 35;
const T_WORD_RIGHT_CLASS: u64 = 36;
const T_CLUSTER: u64 = 37;
const T_CLUSTER_LEFT: u64 = 38;
const T_CLUSTER_RIGHT: u64 = 39;
const T_SENTENCE_LEN: u64 = 40;
const T_CLUSTER_COARSE: u64 = 41;
const T_CLUSTER_PAIR: u64 = 42;
const T_CAP_RUN: u64 = 43;
const T_PREV_RIGHT_CLASS: u64 = 57;
const T_TOPIC_GAZ: u64 = 44;
const T_TOPIC_WORD: u64 = 45;
const T_DOC_CONTEXT: u64 = 46;
const T_DOC_CONTEXT_BIT: u64 = 47;
const T_DOC_NEIGHBOUR: u64 = 48;
/// The most neighbours of a word's other occurrences used as features (a bound on the work).
const MAX_NEIGHBOURS: usize = 12;
// Dynamic templates: they depend on the tags already predicted.
const T_PREV: u64 = 50;
const T_PREV2: u64 = 51;
const T_PREV_LOWER: u64 = 52;
const T_PREV_SHORT: u64 = 53;
const T_HISTORY: u64 = 54;
const T_HISTORY_CLASS: u64 = 55;
const T_PREV_GAZ: u64 = 56;

#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let h = (a ^ b.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^ (h >> 31)
}

#[inline]
fn bucket(template: u64, value: u64) -> u32 {
    let h = mix(value, template.wrapping_mul(0xff51_afd7_ed55_8ccd))
        .wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    (h >> (64 - BITS)) as u32
}

/// Capitalisation class of a token.
const C_OTHER: u8 = 0;
const C_LOWER: u8 = 1;
const C_TITLE: u8 = 2;
const C_UPPER: u8 = 3;
const C_MIXED: u8 = 4;
const C_NUMBER: u8 = 5;

/// What the features need of one token, computed once per token.
#[derive(Clone, Copy, Default)]
struct Token {
    word: u64,
    lower: u64,
    shape: u64,
    short: u64,
    affixes: [u64; 8],
    class: u8,
    cue: u8,
    cluster: u32,
    gaz: u32,
}

fn describe(word: &str, lex: &Lexicon, clusters: &IdMap<u32>) -> Token {
    if word.is_ascii() {
        // The same chars, without decoding UTF-8: nearly every word of English news.
        let chars = word.bytes().map(char::from);
        describe_chars(word, chars.clone(), chars.rev(), lex, clusters)
    } else {
        describe_chars(word, word.chars(), word.chars().rev(), lex, clusters)
    }
}

/// [`describe`] of `word`, given its chars (`letters`) in order and in reverse.
#[inline(always)]
fn describe_chars(
    word: &str,
    letters: impl Iterator<Item = char>,
    reversed: impl Iterator<Item = char>,
    lex: &Lexicon,
    clusters: &IdMap<u32>,
) -> Token {
    let mut t = Token {
        word: lexicon::hash_bytes(word.as_bytes()),
        ..Token::default()
    };
    let (mut shape, mut short) = (lexicon::HASH_START, lexicon::HASH_START);
    let (mut uppers, mut lowers, mut digits, mut chars) = (0, 0, 0, 0);
    let mut last_kind = 0u8;
    let mut first_upper = false;
    let mut lower = lexicon::HASH_START;
    // Prefix hashes as the lowercase form grows: prefix k is the hash after k chars.
    for (k, c) in letters.enumerate() {
        let kind = if c.is_uppercase() {
            uppers += 1;
            if k == 0 {
                first_upper = true;
            }
            b'X'
        } else if c.is_lowercase() {
            lowers += 1;
            b'x'
        } else if c.is_ascii_digit() {
            digits += 1;
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'?'
        };
        if k < 10 {
            shape = lexicon::fnv_bytes(shape, &[kind]);
        }
        if kind != last_kind {
            short = lexicon::fnv_bytes(short, &[kind]);
            last_kind = kind;
        }
        lower = lexicon::fold_char(lower, c);
        if k < 4 {
            t.affixes[k] = lower;
        }
        chars += 1;
    }
    t.lower = lower;
    t.shape = shape;
    t.short = short;
    // Suffixes: hashed from the last chars, lowercased, in reverse order.
    let mut suffix = lexicon::HASH_START;
    for (k, c) in reversed.take(4).enumerate() {
        suffix = lexicon::fold_char(suffix, c);
        t.affixes[4 + k] = suffix;
    }
    if chars <= 4 {
        // The longest affixes equal the word; keep them anyway, the word features cover it.
    }
    t.class = if digits > 0 && digits * 2 >= chars {
        C_NUMBER
    } else if uppers + lowers == 0 {
        C_OTHER
    } else if lowers == 0 {
        C_UPPER
    } else if uppers == 0 {
        C_LOWER
    } else if first_upper && uppers == 1 {
        C_TITLE
    } else {
        C_MIXED
    };
    t.cue = lex.cue(lower) as u8;
    t.cluster = clusters.get(&lower).copied().unwrap_or(u32::MAX);
    t
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

/// Buffers reused across sentences and documents.
#[derive(Default)]
pub(crate) struct Scratch {
    tokens: Vec<Token>,
    gaz: Vec<u32>,
    features: Vec<u32>,
    static_features: Vec<u32>,
    /// Per sentence: where its tokens start in `tokens`, and whether it is in ALL CAPS.
    sentences: Vec<(usize, bool)>,
    doc_case: IdMap<u16>,
    /// `(word, side and neighbour)` for every capitalised occurrence in the document, sorted.
    neighbours: Vec<(u64, u64)>,
    history: IdMap<[u16; N_TYPES]>,
}

/// Whether a sentence is (mostly) in capitals: a headline or a dateline of wire copy.
fn all_caps(tokens: &[Token]) -> bool {
    let letters = tokens
        .iter()
        .filter(|t| matches!(t.class, C_LOWER | C_TITLE | C_UPPER | C_MIXED))
        .count();
    let upper = tokens.iter().filter(|t| t.class == C_UPPER).count();
    upper > 0 && upper * 10 >= letters * 8
}

/// Tags one document: `sentences` of token strings; `gold`, when training, holds one tag per
/// token of the whole document. The predicted tags of all tokens are appended to `out`.
pub(crate) fn tag_document<S: Scorer>(
    scorer: &mut S,
    lex: &Lexicon,
    clusters: &IdMap<u32>,
    sentences: &[&[&str]],
    gold: Option<&[u8]>,
    scratch: &mut Scratch,
    out: &mut Vec<u8>,
) {
    let Scratch {
        tokens,
        gaz,
        features,
        static_features,
        sentences: spans,
        doc_case,
        neighbours,
        history,
    } = scratch;
    tokens.clear();
    spans.clear();
    doc_case.clear();
    neighbours.clear();
    history.clear();
    for words in sentences {
        let start = tokens.len();
        tokens.extend(words.iter().map(|w| describe(w, lex, clusters)));
        gaz.resize(words.len(), 0);
        // `describe`'s `lower` is the word's `hash_lower`: the same fold from the same start.
        lex.annotate(words, |k| tokens[start + k].lower, gaz);
        for (t, &g) in tokens[start..].iter_mut().zip(gaz.iter()) {
            t.gaz = g;
        }
        let caps = all_caps(&tokens[start..]);
        spans.push((start, caps));
        let toks = &tokens[start..];
        for (i, t) in toks.iter().enumerate() {
            let mut seen = match t.class {
                C_TITLE | C_MIXED if !caps && i > 0 => SEEN_TITLE,
                C_LOWER if !caps && i > 0 => SEEN_LOWER,
                C_UPPER if !caps && i > 0 => SEEN_UPPER,
                C_TITLE | C_MIXED | C_UPPER => 0,
                _ => continue,
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
            }
            *doc_case.entry(t.lower).or_default() |= seen;
        }
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
        let toks = &tokens[start..start + words.len()];
        for i in 0..toks.len() {
            let t = &toks[i];
            let next_capital = toks
                .get(i + 1)
                .is_some_and(|r| matches!(r.class, C_TITLE | C_UPPER | C_MIXED));
            if gold.is_none()
                && (i == 0 || out[out.len() - 1] == O)
                && match t.class {
                    C_OTHER => true,
                    C_LOWER => !next_capital,
                    _ => false,
                }
            {
                out.push(O);
                continue;
            }
            static_features.clear();
            extract(toks, i, caps, topic, doc_case, static_features);
            let t = &toks[i];
            if matches!(t.class, C_TITLE | C_UPPER | C_MIXED) {
                let from = neighbours.partition_point(|&(w, _)| w < t.lower);
                for &(_, n) in neighbours[from..]
                    .iter()
                    .take_while(|&&(w, _)| w == t.lower)
                    .take(MAX_NEIGHBOURS)
                {
                    static_features.push(bucket(T_DOC_NEIGHBOUR, n));
                }
            }
            let done = out.len() - first_out - start;
            let prev = (i > 0).then(|| out[out.len() - 1]);
            let prev2 = (i > 1).then(|| out[out.len() - 2]);
            features.clear();
            features.extend_from_slice(static_features);
            let t = &toks[i];
            let p1 = u64::from(prev.map_or(255u8, |p| p));
            let p2 = u64::from(prev2.map_or(255u8, |p| p));
            features.push(bucket(T_PREV, p1));
            features.push(bucket(T_PREV2, mix(p1, p2)));
            features.push(bucket(T_PREV_LOWER, mix(p1, t.lower)));
            features.push(bucket(T_PREV_SHORT, mix(p1, t.short)));
            features.push(bucket(T_PREV_GAZ, mix(p1, u64::from(t.gaz))));
            let right_class = toks.get(i + 1).map_or(9, |r| r.class);
            features.push(bucket(
                T_PREV_RIGHT_CLASS,
                mix(p1, u64::from(right_class) << 4 | u64::from(t.class)),
            ));
            if matches!(t.class, C_TITLE | C_UPPER | C_MIXED)
                && let Some(counts) = history.get(&t.lower)
            {
                let (best, _) = counts
                    .iter()
                    .enumerate()
                    .max_by_key(|&(k, c)| (c, std::cmp::Reverse(k)))
                    .expect("N_TYPES > 0");
                features.push(bucket(T_HISTORY, best as u64));
                features.push(bucket(
                    T_HISTORY_CLASS,
                    mix(best as u64, u64::from(t.class)),
                ));
            }
            let mut scores = [0f32; N_TAGS];
            scorer.score(features, &mut scores);
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

/// The features of token `i` that do not depend on predicted tags.
fn extract(
    toks: &[Token],
    i: usize,
    caps: bool,
    topic: u64,
    doc_case: &IdMap<u16>,
    out: &mut Vec<u32>,
) {
    let t = &toks[i];
    let none = Token {
        word: 1,
        lower: 1,
        shape: 1,
        short: 1,
        class: 9,
        cluster: u32::MAX - 1,
        ..Token::default()
    };
    let at = |k: isize| -> &Token {
        let j = i as isize + k;
        if j < 0 || j as usize >= toks.len() {
            &none
        } else {
            &toks[j as usize]
        }
    };
    let (l2, l1, r1, r2) = (at(-2), at(-1), at(1), at(2));
    out.push(bucket(T_BIAS, 0));
    out.push(bucket(T_WORD, t.word));
    out.push(bucket(T_LOWER, t.lower));
    out.push(bucket(T_SHAPE, t.shape));
    out.push(bucket(T_SHORT, t.short));
    for k in 0..4 {
        if t.affixes[k] != 0 {
            out.push(bucket(T_PREFIX + k as u64, t.affixes[k]));
        }
        if t.affixes[4 + k] != 0 {
            out.push(bucket(T_SUFFIX + k as u64, t.affixes[4 + k]));
        }
    }
    for (k, n) in [l2, l1, r1, r2].iter().enumerate() {
        out.push(bucket(T_LOWER_AT + k as u64, n.lower));
    }
    out.push(bucket(T_BIGRAM_LEFT, mix(l1.lower, t.lower)));
    out.push(bucket(T_BIGRAM_RIGHT, mix(t.lower, r1.lower)));
    out.push(bucket(T_SHORT_LEFT, l1.short));
    out.push(bucket(T_SHORT_RIGHT, r1.short));
    out.push(bucket(
        T_SHORT_TRIGRAM,
        mix(mix(l1.short, t.short), r1.short),
    ));
    let classes = u64::from(l1.class) | u64::from(t.class) << 4 | u64::from(r1.class) << 8;
    out.push(bucket(T_CLASS_WINDOW, classes));
    out.push(bucket(T_LEFT_CLASS, mix(l1.lower, u64::from(t.class))));
    out.push(bucket(
        T_WORD_RIGHT_CLASS,
        mix(t.lower, u64::from(r1.class)),
    ));
    if i == 0 {
        out.push(bucket(T_FIRST, t.short));
    }
    if caps {
        out.push(bucket(T_ALLCAPS_LOWER, t.lower));
        out.push(bucket(
            T_ALLCAPS_SHORT,
            mix(t.short, toks.len().min(4) as u64),
        ));
    }
    out.push(bucket(
        T_SENTENCE_LEN,
        mix(toks.len().min(6) as u64, u64::from(t.class)),
    ));
    let mut g = t.gaz;
    while g != 0 {
        let bit = g.trailing_zeros();
        out.push(bucket(T_GAZ, u64::from(bit)));
        g &= g - 1;
    }
    out.push(bucket(
        T_GAZ_LEFT,
        mix(u64::from(l1.gaz), u64::from(t.class)),
    ));
    out.push(bucket(T_GAZ_RIGHT, u64::from(r1.gaz)));
    out.push(bucket(T_CUE, mix(u64::from(t.cue), u64::from(t.class))));
    out.push(bucket(T_CUE_LEFT, u64::from(l1.cue)));
    out.push(bucket(
        T_CUE_RIGHT,
        mix(u64::from(r1.cue), u64::from(r1.class)),
    ));
    out.push(bucket(T_CUE_RIGHT2, u64::from(r2.cue)));
    // The run of capitalised tokens around this one: its length and this token's place in it,
    // which helps to find a name's edges (`Rachel and Severine` is two names).
    let capital = |t: &Token| matches!(t.class, C_TITLE | C_UPPER | C_MIXED);
    if capital(t) {
        // Counted up to the 3 the feature keeps: a run of thousands (`Smith Smith ...`) must not
        // cost a scan per token (that made the tagger quadratic).
        let before = toks[..i]
            .iter()
            .rev()
            .take(3)
            .take_while(|t| capital(t))
            .count();
        let after = toks[i + 1..]
            .iter()
            .take(3)
            .take_while(|t| capital(t))
            .count();
        out.push(bucket(
            T_CAP_RUN,
            (before.min(3) as u64) << 4 | after.min(3) as u64 | u64::from(caps) << 8,
        ));
    }
    if topic != 0 && capital(t) {
        out.push(bucket(T_TOPIC_GAZ, mix(topic, u64::from(t.gaz))));
        out.push(bucket(T_TOPIC_WORD, mix(topic, t.lower)));
    }
    let seen = doc_case.get(&t.lower).copied().unwrap_or(0);
    out.push(bucket(
        T_DOC_CASE,
        u64::from(seen & 7)
            | u64::from(t.class) << 4
            | u64::from(caps) << 8
            | u64::from(i == 0) << 9,
    ));
    if capital(t) {
        out.push(bucket(T_DOC_CONTEXT, u64::from(seen >> 3)));
        let mut bits = seen >> 3;
        while bits != 0 {
            out.push(bucket(T_DOC_CONTEXT_BIT, u64::from(bits.trailing_zeros())));
            bits &= bits - 1;
        }
    }
    // Clusters are `coarse << 16 | fine`; `u32::MAX` for a word without one.
    if t.cluster != u32::MAX {
        out.push(bucket(T_CLUSTER, u64::from(t.cluster & 0xffff)));
        out.push(bucket(
            T_CLUSTER_COARSE,
            mix(u64::from(t.cluster >> 16), u64::from(t.class)),
        ));
    }
    out.push(bucket(T_CLUSTER_LEFT, u64::from(l1.cluster & 0xffff)));
    out.push(bucket(T_CLUSTER_RIGHT, u64::from(r1.cluster & 0xffff)));
    out.push(bucket(
        T_CLUSTER_PAIR,
        mix(u64::from(l1.cluster >> 16), u64::from(r1.cluster >> 16)),
    ));
}

/// The entities of a sentence's tags: `(first token, end token, type)`, end exclusive. Tolerates
/// ill-formed sequences (an `I` without a `B` opens an entity).
pub(crate) fn entities(tags: &[u8], mut emit: impl FnMut(usize, usize, u8)) {
    // Names that touch (no token between them) are merged, taking the type of the last part:
    // the greedy decoder often splits one name where its type is in doubt (`Eastern European`,
    // `Pirelli SpA`), while two distinct names next to each other are rare in running text.
    // On CoNLL dev this gains 0.6 F1. A nationality or other MISC word before a person's name
    // stays its own name (`American Dennis Mitchell`, `Mexican Ariel Cruz`): +0.2 F1.
    let mut pending: Option<(usize, usize, u8)> = None;
    raw_entities(tags, |a, b, ty| match pending {
        Some((pa, pb, pt)) if pb == a && !(pt == MISC && ty == PER) => pending = Some((pa, b, ty)),
        Some((pa, pb, pt)) => {
            emit(pa, pb, pt);
            pending = Some((a, b, ty));
        }
        None => pending = Some((a, b, ty)),
    });
    if let Some((a, b, ty)) = pending {
        emit(a, b, ty);
    }
}

/// The entities of well-formed or ill-formed BILOU tags, one per run.
fn raw_entities(tags: &[u8], mut emit: impl FnMut(usize, usize, u8)) {
    let mut open: Option<(usize, u8)> = None;
    for (k, &tag) in tags.iter().enumerate() {
        match split_tag(tag) {
            None => {
                if let Some((s, ty)) = open.take() {
                    emit(s, k, ty);
                }
            }
            Some((ty, p)) => {
                if let Some((s, oty)) = open
                    && (oty != ty || p == B || p == U)
                {
                    emit(s, k, oty);
                    open = None;
                }
                match p {
                    U => emit(k, k + 1, ty),
                    L => {
                        let s = open.take().map_or(k, |(s, _)| s);
                        emit(s, k + 1, ty);
                    }
                    _ => {
                        if open.is_none() {
                            open = Some((k, ty));
                        }
                    }
                }
            }
        }
    }
    if let Some((s, ty)) = open {
        emit(s, tags.len(), ty);
    }
}
