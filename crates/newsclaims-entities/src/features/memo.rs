//! The sums a thread remembers at inference: for each distinct [`Token`] it has scored, the sum of
//! the weights of the token's own features ([`super::extract::Own`]), which depend on its word
//! alone (news is Zipfian: most tokens scored are words scored before).
//!
//! A token's own features are a function of its [`Token`] and the weights, so a sum found under
//! an equal token and the same weights is the sum that would be computed again; the weights are
//! integers, whose sum is the same taken in any order or in parts. So the memo changes no output,
//! whatever it keeps: it is emptied between documents when it outgrows [`MAX_TOKENS`], and when
//! it is used with other weights.

use super::N_TAGS;
use super::extract::mix;
use super::token::Token;
use crate::model::Weights;

/// Distinct tokens kept from one document to the next (about 3 MB per thread): the names and
/// capitalised words of a few hundred articles. On the first 200 AllSides articles, memos of
/// 1,024 / 4,096 / 16,384 tokens took 1.73 / 1.72 / 1.72 billion instructions and missed the
/// (simulated 1 MB) last-level cache 2.90 / 2.83 / 2.77 million times on reads.
const MAX_TOKENS: usize = 16384;

#[derive(Default)]
pub(super) struct Memo {
    /// Open addressing by the token's hash: the hash's high half above the entry's index + 1, or
    /// 0 for an empty slot (most other tokens are told apart without reading their entry); the
    /// length is 0 or a power of two, at least twice the entries.
    slots: Vec<u64>,
    /// Each token with its sum, side by side: a hit reads one entry, not a token in one array
    /// and its sum in another (the memo is megabytes: each read was a cache miss of its own).
    entries: Vec<(Token, [i32; N_TAGS])>,
    /// The address of the weights the sums were taken with.
    weights: usize,
}

impl Memo {
    /// Readies the memo for a document scored with `weights`.
    pub(super) fn start(&mut self, weights: &Weights) {
        let address = std::ptr::from_ref(weights) as usize;
        if address != self.weights || self.entries.len() > MAX_TOKENS {
            self.slots.clear();
            self.entries.clear();
            self.weights = address;
        }
    }

    /// The sum of `t`'s own features' weights, or the slot to [`Memo::insert`] it at.
    #[inline]
    pub(super) fn sum(&mut self, t: &Token) -> Result<[i32; N_TAGS], usize> {
        if self.slots.len() < 2 * (self.entries.len() + 1) {
            self.grow();
        }
        let hash = hash(t);
        let mask = self.slots.len() - 1;
        let mut slot = spread(hash) & mask;
        loop {
            match self.slots[slot] {
                0 => return Err(slot),
                s if s >> 32 == hash >> 32 => {
                    let (token, sum) = &self.entries[(s as u32 - 1) as usize];
                    if token == t {
                        return Ok(*sum);
                    }
                }
                _ => {}
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Remembers `sum` for `t` at `slot`, which [`Memo::sum`] returned.
    pub(super) fn insert(&mut self, slot: usize, t: &Token, sum: [i32; N_TAGS]) {
        self.slots[slot] = slot_value(hash(t), self.entries.len());
        self.entries.push((*t, sum));
    }

    /// Doubles the slots (at least 1024) and places the entries again.
    fn grow(&mut self) {
        let len = (self.slots.len() * 2).max(1024);
        self.slots.clear();
        self.slots.resize(len, 0);
        let mask = len - 1;
        for (e, (t, _)) in self.entries.iter().enumerate() {
            let hash = hash(t);
            let mut slot = spread(hash) & mask;
            while self.slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = slot_value(hash, e);
        }
    }
}

/// The hash of a token: its word's, with its gazetteer matches.
#[inline]
fn hash(t: &Token) -> u64 {
    mix(t.word, t.gaz)
}

/// A slot's value for entry `e` of a token whose hash is `hash`.
#[inline]
fn slot_value(hash: u64, e: usize) -> u64 {
    hash & !0 << 32 | (e as u64 + 1)
}

/// A slot index from a hash.
#[inline]
fn spread(hash: u64) -> usize {
    hash as usize
}

#[cfg(test)]
mod tests {
    use super::super::{N_TAGS, Scorer, Scratch, tag_document};
    use crate::model::{MODEL, Weights};

    /// The embedded weights read feature by feature, as training reads its own.
    struct Plain<'a>(&'a Weights);

    impl Scorer for Plain<'_> {
        fn score(&self, features: &[u32], scores: &mut [f32; N_TAGS]) {
            self.0.score(features, scores);
        }
    }

    /// The embedded weights with their own features' sums remembered, as at inference.
    struct Remembered<'a>(&'a Weights);

    impl Scorer for Remembered<'_> {
        fn score(&self, features: &[u32], scores: &mut [f32; N_TAGS]) {
            self.0.score(features, scores);
        }

        fn fixed(&self) -> Option<&Weights> {
            Some(self.0)
        }
    }

    #[test]
    fn remembered_sums_change_no_tag() {
        let model = &*MODEL;
        let weights = model.weights.as_ref().expect("the embedded model decodes");
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/articles");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("the fixtures folder")
            .map(|e| e.expect("a fixture").path())
            .collect();
        paths.sort();
        let mut scratch = Scratch::default();
        let mut remembered = Remembered(weights);
        // Twice over the articles: the second pass finds every sum remembered.
        for path in paths.iter().chain(&paths) {
            let text = std::fs::read_to_string(path).expect("a fixture article");
            let tokens = newsclaims_tokenize::tokenize(&text);
            let words: Vec<&str> = tokens.tokens.iter().map(|t| &text[t.span]).collect();
            let sentences: Vec<&[&str]> = tokens
                .sentences
                .iter()
                .map(|s| &words[s.tokens.clone()])
                .collect();
            let (mut plain_tags, mut remembered_tags) = (Vec::new(), Vec::new());
            let (lex, clusters) = (&model.lexicon, &model.clusters);
            tag_document(
                &mut Plain(weights),
                lex,
                clusters,
                &sentences,
                None,
                &mut Scratch::default(),
                &mut plain_tags,
            );
            tag_document(
                &mut remembered,
                lex,
                clusters,
                &sentences,
                None,
                &mut scratch,
                &mut remembered_tags,
            );
            assert!(plain_tags.iter().any(|&t| t != super::super::O));
            assert_eq!(plain_tags, remembered_tags, "{}", path.display());
        }
        assert!(!scratch.memo.entries.is_empty());
    }
}
