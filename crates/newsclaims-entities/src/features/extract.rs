//! The feature templates and their hashing into rows of the weight table: the static features
//! of a token ([`extract`]), the contexts of its other occurrences in the document, and the
//! dynamic features that depend on the tags already predicted.
//!
//! Among the static features, a token's own ones depend on its word alone (its forms, affixes,
//! cue word and cluster): [`Own`] says where they go, so that inference can sum their weights
//! once per word ([`super::memo`]).

use super::token::{C_MIXED, C_TITLE, C_UPPER, Token, coarse, corpus_case, fine, finer};
use super::{BITS, N_TYPES};
use crate::lexicon::IdMap;

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
const T_GAZ_CLASS: u64 = 49;
const T_CLUSTER_FINER: u64 = 58;
const T_CORPUS_CASE: u64 = 59;
const T_CORPUS_CASE_START: u64 = 60;
const T_HISTORY_SEEN: u64 = 61;
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
pub(super) fn mix(a: u64, b: u64) -> u64 {
    let h = (a ^ b.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^ (h >> 31)
}

#[inline]
fn bucket(template: u64, value: u64) -> u32 {
    let h = mix(value, template.wrapping_mul(0xff51_afd7_ed55_8ccd))
        .wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    (h >> (64 - BITS)) as u32
}

/// Where [`extract`] puts a token's own features, those that depend on its word alone.
pub(super) enum Own<'a> {
    /// With the other features, in their order (training sums floats: the order matters).
    Inline,
    /// Apart, to be summed once and remembered.
    Apart(&'a mut Vec<u32>),
    /// Nowhere: their sum is known already.
    Known,
}

impl Own<'_> {
    /// Runs `push` on the list the token's own features go to, if any.
    #[inline(always)]
    fn push(&mut self, out: &mut Vec<u32>, push: impl FnOnce(&mut Vec<u32>)) {
        match self {
            Own::Inline => push(out),
            Own::Apart(own) => push(own),
            Own::Known => {}
        }
    }
}

/// How far from the token scored [`extract`] reads other tokens' clusters ([`push_clusters`]:
/// the token and its two neighbours; the words of the `±2` window are read without them).
pub(super) const CLUSTER_WINDOW: usize = 1;

/// The features of token `i` that do not depend on predicted tags; its own features go where
/// `own` says. The clusters of the tokens up to [`CLUSTER_WINDOW`] away must be known
/// ([`super::token::find_cluster`]).
pub(super) fn extract(
    toks: &[Token],
    i: usize,
    caps: bool,
    topic: u64,
    doc_case: &IdMap<u16>,
    own: &mut Own<'_>,
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
    push_window(t, [l2, l1, r1, r2], own, out);
    push_sentence(t, i, caps, toks.len(), out);
    push_gazetteer_and_cues(t, l1, r1, r2, own, out);
    push_capitals(toks, i, caps, topic, doc_case, out);
    push_clusters(t, l1, r1, own, out);
}

/// The token's own forms and affixes, and its ±2 window (`around` is `[l2, l1, r1, r2]`).
#[inline]
fn push_window(t: &Token, around: [&Token; 4], own: &mut Own<'_>, out: &mut Vec<u32>) {
    let [_, l1, r1, _] = around;
    own.push(out, |out| {
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
    });
    for (k, n) in around.iter().enumerate() {
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
}

/// The token's place in its sentence: first, in an ALL-CAPS sentence (of `len` tokens), and the
/// sentence's length.
#[inline]
fn push_sentence(t: &Token, i: usize, caps: bool, len: usize, out: &mut Vec<u32>) {
    if i == 0 {
        out.push(bucket(T_FIRST, t.short));
    }
    if (i == 0 || caps) && capital(t) {
        // Where the case says nothing, how the word is cased in running text does.
        let place = u64::from(i == 0) | u64::from(caps) << 1 | u64::from(t.class) << 2;
        out.push(bucket(
            T_CORPUS_CASE_START,
            mix(corpus_case(t.cluster), place),
        ));
    }
    if caps {
        out.push(bucket(T_ALLCAPS_LOWER, t.lower));
        out.push(bucket(T_ALLCAPS_SHORT, mix(t.short, len.min(4) as u64)));
    }
    out.push(bucket(
        T_SENTENCE_LEN,
        mix(len.min(6) as u64, u64::from(t.class)),
    ));
}

/// The gazetteer lists the token matches, and the cue words at and around it.
#[inline]
fn push_gazetteer_and_cues(
    t: &Token,
    l1: &Token,
    r1: &Token,
    r2: &Token,
    own: &mut Own<'_>,
    out: &mut Vec<u32>,
) {
    let mut g = t.gaz;
    while g != 0 {
        let bit = g.trailing_zeros();
        out.push(bucket(T_GAZ, u64::from(bit)));
        // A list match means more when capitalised (`Reading` the town, `reading`).
        out.push(bucket(T_GAZ_CLASS, mix(u64::from(bit), u64::from(t.class))));
        g &= g - 1;
    }
    out.push(bucket(T_GAZ_LEFT, mix(l1.gaz, u64::from(t.class))));
    out.push(bucket(T_GAZ_RIGHT, r1.gaz));
    own.push(out, |out| {
        out.push(bucket(T_CUE, mix(u64::from(t.cue), u64::from(t.class))));
    });
    out.push(bucket(T_CUE_LEFT, u64::from(l1.cue)));
    out.push(bucket(
        T_CUE_RIGHT,
        mix(u64::from(r1.cue), u64::from(r1.class)),
    ));
    out.push(bucket(T_CUE_RIGHT2, u64::from(r2.cue)));
}

/// Whether a token is capitalised (title case, upper case or mixed).
#[inline]
pub(super) fn capital(t: &Token) -> bool {
    matches!(t.class, C_TITLE | C_UPPER | C_MIXED)
}

/// The run of capitals around token `i`, the wire copy's topic, and how the word is cased and
/// placed elsewhere in the document.
#[inline]
fn push_capitals(
    toks: &[Token],
    i: usize,
    caps: bool,
    topic: u64,
    doc_case: &IdMap<u16>,
    out: &mut Vec<u32>,
) {
    let t = &toks[i];
    // The run of capitalised tokens around this one: its length and this token's place in it,
    // which helps to find a name's edges (`Rachel and Severine` is two names).
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
        out.push(bucket(T_TOPIC_GAZ, mix(topic, t.gaz)));
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
}

/// The word clusters of the token and its neighbours.
#[inline]
fn push_clusters(t: &Token, l1: &Token, r1: &Token, own: &mut Own<'_>, out: &mut Vec<u32>) {
    // Clusters are `coarse << 16 | fine`; `u32::MAX` for a word without one.
    debug_assert!(
        [t, l1, r1]
            .iter()
            .all(|t| t.cluster != super::token::CLUSTER_UNKNOWN),
        "a cluster not looked up"
    );
    if t.cluster != u32::MAX {
        own.push(out, |out| {
            out.push(bucket(T_CLUSTER, fine(t.cluster)));
            out.push(bucket(T_CLUSTER_FINER, finer(t.cluster)));
            out.push(bucket(
                T_CLUSTER_COARSE,
                mix(coarse(t.cluster), u64::from(t.class)),
            ));
            out.push(bucket(
                T_CORPUS_CASE,
                mix(corpus_case(t.cluster), u64::from(t.class)),
            ));
        });
    }
    out.push(bucket(T_CLUSTER_LEFT, fine(l1.cluster)));
    out.push(bucket(T_CLUSTER_RIGHT, fine(r1.cluster)));
    out.push(bucket(
        T_CLUSTER_PAIR,
        mix(coarse(l1.cluster), coarse(r1.cluster)),
    ));
}

/// The neighbours of a capitalised word's other occurrences in the document (`neighbours` is
/// sorted by word), at most [`MAX_NEIGHBOURS`] of them.
#[inline]
pub(super) fn push_neighbours(t: &Token, neighbours: &[(u64, u64)], out: &mut Vec<u32>) {
    if capital(t) {
        let from = neighbours.partition_point(|&(w, _)| w < t.lower);
        for &(_, n) in neighbours[from..]
            .iter()
            .take_while(|&&(w, _)| w == t.lower)
            .take(MAX_NEIGHBOURS)
        {
            out.push(bucket(T_DOC_NEIGHBOUR, n));
        }
    }
}

/// The features of token `i` that depend on the tags already predicted: the previous two tags
/// (`prev`, `prev2`) and the types given to the same word earlier in the document (`history`).
#[inline]
pub(super) fn push_dynamic(
    toks: &[Token],
    i: usize,
    prev: Option<u8>,
    prev2: Option<u8>,
    history: &IdMap<[u16; N_TYPES]>,
    out: &mut Vec<u32>,
) {
    let t = &toks[i];
    let p1 = u64::from(prev.map_or(255u8, |p| p));
    let p2 = u64::from(prev2.map_or(255u8, |p| p));
    out.push(bucket(T_PREV, p1));
    out.push(bucket(T_PREV2, mix(p1, p2)));
    out.push(bucket(T_PREV_LOWER, mix(p1, t.lower)));
    out.push(bucket(T_PREV_SHORT, mix(p1, t.short)));
    out.push(bucket(T_PREV_GAZ, mix(p1, t.gaz)));
    let right_class = toks.get(i + 1).map_or(9, |r| r.class);
    out.push(bucket(
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
        out.push(bucket(T_HISTORY, best as u64));
        out.push(bucket(
            T_HISTORY_CLASS,
            mix(best as u64, u64::from(t.class)),
        ));
        // Every type the word was given, not only the most frequent (Ratinov & Roth's
        // extended prediction history), when it was given more than one.
        if counts.iter().filter(|&&c| c > 0).count() > 1 {
            let seen = counts
                .iter()
                .enumerate()
                .fold(0u64, |m, (k, &c)| m | u64::from(c > 0) << k);
            out.push(bucket(T_HISTORY_SEEN, seen));
        }
    }
}
