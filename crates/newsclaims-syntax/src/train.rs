//! The trainer of the POS tagger and the chunker (`cargo xtask train-syntax`): two greedy
//! averaged perceptrons over the features inference uses, trained on predicted history, and the
//! tag dictionary of frequent one-tag words. Built only with the `train` feature, which only
//! `newsclaims-dev` enables.
//!
//! Deterministic: the same sentences give the same model bytes.

use std::collections::HashMap;

use newsclaims_text::rng::Rng;

use crate::{Chunk, MAGIC, Pos, chunk_features, image, pos_features};

/// The largest quantised weight: inside the `i16` range with a margin, so rounding can never
/// overflow it.
const I16_RANGE: f32 = 32000.0;

/// A word enters the tag dictionary when seen at least this often in training ...
const KNOWN_MIN_COUNT: u32 = 20;
/// ... with one tag at least this share of the time.
const KNOWN_MIN_SHARE: f64 = 0.97;

/// The tag dictionary of a training set: words seen at least [`KNOWN_MIN_COUNT`] times with one
/// tag at least [`KNOWN_MIN_SHARE`] of the time, sorted by word.
fn known_words(sentences: &[TrainingSentence]) -> Vec<(&str, Pos)> {
    let mut counts: HashMap<&str, HashMap<Pos, u32>> = HashMap::new();
    for s in sentences {
        for (w, &p) in s.words.iter().zip(&s.pos) {
            *counts.entry(w.as_str()).or_default().entry(p).or_default() += 1;
        }
    }
    let mut known: Vec<(&str, Pos)> = counts
        .into_iter()
        .filter_map(|(w, tags)| {
            let total: u32 = tags.values().sum();
            // The most frequent tag, ties to the lowest tag index.
            let (&tag, &n) = tags
                .iter()
                .max_by_key(|&(t, n)| (*n, std::cmp::Reverse(*t)))?;
            let fits = w.len() < 256
                && total >= KNOWN_MIN_COUNT
                && f64::from(n) >= KNOWN_MIN_SHARE * f64::from(total);
            fits.then_some((w, tag))
        })
        .collect();
    known.sort_unstable();
    known
}

/// One training sentence: words with their POS and chunk tags.
pub struct TrainingSentence {
    pub words: Vec<String>,
    pub pos: Vec<Pos>,
    pub chunks: Vec<Chunk>,
}

struct Trainer {
    n_tags: usize,
    weights: HashMap<u32, Vec<[f32; 3]>>,
    // [weight, running total, last update step]
    step: u32,
}

impl Trainer {
    fn new(n_tags: usize) -> Trainer {
        Trainer {
            n_tags,
            weights: HashMap::new(),
            step: 0,
        }
    }

    fn predict(&self, features: &[u32], scores: &mut [f32]) -> u8 {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(ws) = self.weights.get(f) {
                for (k, w) in ws.iter().enumerate() {
                    scores[k] += w[0];
                }
            }
        }
        let mut best = 0;
        for k in 0..scores.len() {
            if scores[k] > scores[best] {
                best = k;
            }
        }
        best as u8
    }

    fn update(&mut self, truth: u8, guess: u8, features: &[u32]) {
        self.step += 1;
        if truth == guess {
            return;
        }
        let step = self.step as f32;
        for &f in features {
            let ws = self
                .weights
                .entry(f)
                .or_insert_with(|| vec![[0.0; 3]; self.n_tags]);
            for (tag, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let w = &mut ws[tag as usize];
                w[1] += (step - w[2]) * w[0];
                w[2] = step;
                w[0] += delta;
            }
        }
    }

    /// Averages, quantises to i16 and serialises; the bytes depend on nothing but the weights.
    fn write(&self, out: &mut Vec<u8>) {
        let step = self.step as f32;
        let mut keys: Vec<u32> = self.weights.keys().copied().collect();
        keys.sort_unstable();
        let averaged: Vec<(u32, Vec<(u8, f32)>)> = keys
            .iter()
            .map(|k| {
                let ws = &self.weights[k];
                let avg = ws
                    .iter()
                    .enumerate()
                    .map(|(t, w)| (t as u8, (w[1] + (step - w[2]) * w[0]) / step))
                    .filter(|(_, a)| a.abs() > 0.0)
                    .collect();
                (*k, avg)
            })
            .collect();
        let max = averaged
            .iter()
            .flat_map(|(_, ws)| ws.iter().map(|w| w.1.abs()))
            .fold(0.0f32, f32::max);
        let scale = if max > 0.0 { I16_RANGE / max } else { 1.0 };
        let kept: Vec<(u32, Vec<(u8, i16)>)> = averaged
            .into_iter()
            .map(|(k, ws)| {
                let q = ws
                    .into_iter()
                    .map(|(t, w)| (t, (w * scale).round() as i16))
                    .filter(|(_, w)| *w != 0)
                    .collect();
                (k, q)
            })
            .filter(|(_, ws): &(u32, Vec<(u8, i16)>)| !ws.is_empty())
            .collect();
        // In the order of their place in the reader's table (see `Table::insert`), so that
        // loading fills the table front to back instead of jumping about 4 MB at random.
        let mut kept = kept;
        let mask = image::table_size(kept.len()) as u32 - 1;
        kept.sort_unstable_by_key(|&(k, _)| (k & mask, k));
        out.extend_from_slice(&(self.n_tags as u32).to_le_bytes());
        out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
        for (k, ws) in kept {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(ws.len() as u8);
            for (t, w) in ws {
                out.push(t);
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }
}

/// Trains both taggers on `sentences` for `epochs` passes, shuffled with a fixed seed, and
/// returns the model file's bytes. Deterministic: the same data gives the same bytes.
pub fn train(
    sentences: &[TrainingSentence],
    epochs: usize,
    mut progress: impl FnMut(&str),
) -> Vec<u8> {
    let known_list = known_words(sentences);
    let known: HashMap<&str, Pos> = known_list.iter().copied().collect();
    let mut pos = Trainer::new(Pos::NAMES.len());
    let mut chunk = Trainer::new(Chunk::NAMES.len());
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = Rng::new(0x2545_f491_4f6c_dd1d);
    let mut features = Vec::new();
    let mut scores_pos = vec![0.0; Pos::NAMES.len()];
    let mut scores_chunk = vec![0.0; Chunk::NAMES.len()];
    for epoch in 0..epochs {
        // A fixed seed gives a fixed order.
        rng.shuffle(&mut order);
        let (mut right_pos, mut right_chunk, mut total) = (0usize, 0usize, 0usize);
        for &s in &order {
            let sentence = &sentences[s];
            let words: Vec<&str> = sentence.words.iter().map(String::as_str).collect();
            // Train on predicted history, as at inference, so errors do not compound unseen.
            let mut tags: Vec<Pos> = Vec::with_capacity(words.len());
            for i in 0..words.len() {
                // Dictionary words are tagged as at inference, and teach the perceptron nothing.
                let guess = match known.get(words[i]) {
                    Some(&tag) => tag as u8,
                    None => {
                        features.clear();
                        pos_features(&words, &tags, i, &mut |f| features.push(f));
                        let guess = pos.predict(&features, &mut scores_pos);
                        pos.update(sentence.pos[i] as u8, guess, &features);
                        guess
                    }
                };
                right_pos += usize::from(guess == sentence.pos[i] as u8);
                tags.push(Pos::from_index(guess));
            }
            // Chunks learn from predicted POS tags, as they will see at inference.
            let mut chunks: Vec<Chunk> = Vec::with_capacity(words.len());
            for i in 0..words.len() {
                features.clear();
                chunk_features(&words, &tags, &chunks, i, &mut |f| features.push(f));
                let guess = chunk.predict(&features, &mut scores_chunk);
                chunk.update(sentence.chunks[i].0, guess, &features);
                right_chunk += usize::from(guess == sentence.chunks[i].0);
                chunks.push(Chunk(guess));
            }
            total += words.len();
        }
        progress(&format!(
            "epoch {}: POS {:.4}, chunks {:.4} (training accuracy)",
            epoch + 1,
            right_pos as f64 / total as f64,
            right_chunk as f64 / total as f64
        ));
    }
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&(known_list.len() as u32).to_le_bytes());
    for (word, tag) in &known_list {
        out.push(word.len() as u8);
        out.extend_from_slice(word.as_bytes());
        out.push(*tag as u8);
    }
    pos.write(&mut out);
    chunk.write(&mut out);
    out
}
