//! The claims stage's content-start ranker, `crates/newsclaims-claims/model/start.bin`: an
//! averaged perceptron that picks where reported content after a cue starts among the candidate
//! starts the stage offers (`newsclaims_claims::training::start_cases`), trained on PolNeAR
//! train and measured on PolNeAR dev (never test).
//!
//! The gold start of a decision is the first word of the annotated content (one fragment, after
//! the cue) whose cue holds the decision's cue, mapped to the project's convention: a leading
//! `that` is never part of the content, so a gold `that X` starts at `X`. The ranker learns
//! from the decisions whose gold start is a candidate. Instances are visited in a fixed order
//! shuffled by a seeded generator, and the averaged weights are scaled to `i16`: the bytes are
//! the same on every run.

use std::path::Path;

use anyhow::Result;
use newsclaims_claims::training::{self, START_FEATURE_BITS};

use crate::perceptron;
use crate::train_boundary::{GoldContent, first_word_at, gold_documents};

/// Passes over the training decisions; chosen on PolNeAR dev (`cargo xtask train-claims` prints
/// the dev accuracy of each pass).
const EPOCHS: usize = 4;

/// Seed of the per-pass shuffle.
const SEED: u64 = 0x5151_7a3c_0d1e_2f47;

/// One decision with a gold content: per candidate its features, and which candidate starts
/// where the gold does.
#[derive(Clone)]
struct Instance {
    candidates: Vec<Vec<u32>>,
    gold: Option<usize>,
    rule: usize,
}

/// Reads the converted documents and gold and returns the decisions with their gold starts,
/// and how many decisions there were.
fn instances(docs: &Path, gold: &Path) -> Result<(Vec<Instance>, usize)> {
    let mut out = Vec::new();
    let mut total = 0;
    gold_documents(docs, gold, |text, tokens, entities, claims| {
        let cases = training::start_cases(text, tokens, entities);
        total += cases.len();
        for case in cases {
            let at_cue =
                |c: &&GoldContent| c.cue.0 <= case.cue.start() && case.cue.start() < c.cue.1;
            let firsts: Vec<usize> = case
                .candidates
                .iter()
                .map(|&(at, _)| first_word_at(text, at))
                .collect();
            let Some(want) = claims
                .iter()
                .filter(at_cue)
                .find(|c| firsts.contains(&c.first))
                .or_else(|| claims.iter().find(at_cue))
            else {
                continue;
            };
            // The first candidate opening at the gold word: a quotation's mark before the word.
            let gold = firsts.iter().position(|&f| f == want.first);
            out.push(Instance {
                candidates: case.candidates.into_iter().map(|(_, f)| f).collect(),
                gold,
                rule: case.rule,
            });
        }
    })?;
    Ok((out, total))
}

/// The best candidate when any other than the rules' start must win by `margin`.
fn predict(weights: &[f64], x: &Instance, margin: f64) -> usize {
    let score = |c: &[u32]| perceptron::dot(weights, c);
    let mut best = (score(&x.candidates[x.rule]) + margin, x.rule);
    for (k, c) in x.candidates.iter().enumerate() {
        let s = score(c);
        if s > best.0 {
            best = (s, k);
        }
    }
    best.1
}

/// The share of `xs` whose pick starts where the gold does.
fn accuracy(weights: &[f64], xs: &[Instance]) -> f64 {
    let right = xs
        .iter()
        .filter(|x| x.gold == Some(predict(weights, x, 0.0)))
        .count();
    right as f64 / xs.len().max(1) as f64
}

/// One step of the ranker's training: the best-scoring candidate (the rules' own first, on a
/// tie), and when it is not the gold start, the gold candidate's features up, the guess's down.
fn step(w: &mut perceptron::Weights, x: &Instance) {
    let Some(gold) = x.gold else {
        return;
    };
    let mut best = (w.score(&x.candidates[x.rule]), x.rule);
    for (k, f) in x.candidates.iter().enumerate() {
        let s = w.score(f);
        if s > best.0 {
            best = (s, k);
        }
    }
    if best.1 != gold {
        w.update(&x.candidates[gold], 1);
        w.update(&x.candidates[best.1], -1);
    }
}

/// Counts on `xs`: decisions where the rules' start, the ranker's pick under `weights` with
/// `margin`, and some candidate start where the gold does.
fn report(name: &str, weights: &[f64], margin: f64, xs: &[Instance]) {
    let rule = xs.iter().filter(|x| x.gold == Some(x.rule)).count();
    let pick = xs
        .iter()
        .filter(|x| x.gold == Some(predict(weights, x, margin)))
        .count();
    let moved = xs
        .iter()
        .filter(|x| predict(weights, x, margin) != x.rule)
        .count();
    let oracle = xs.iter().filter(|x| x.gold.is_some()).count();
    eprintln!(
        "train-claims: start {name} margin {margin}: of {} decisions with gold, rules start right {rule}, ranker {pick} (moves {moved}), some candidate {oracle}",
        xs.len()
    );
}

/// Trains the ranker on the converted train set and returns the model's bytes.
pub(crate) fn train(polnear: &Path, docs: &Path, gold: &Path) -> Result<Vec<u8>> {
    let (train, train_total) = instances(docs, gold)?;
    let (dev, dev_total) = instances(
        &polnear.join("dev.docs.jsonl"),
        &polnear.join("dev.gold.jsonl"),
    )?;
    eprintln!(
        "train-claims: start decisions with a gold content: train {} of {train_total}, dev {} of {dev_total}",
        train.len(),
        dev.len()
    );
    let setup = perceptron::Setup {
        name: "start",
        features: 1usize << START_FEATURE_BITS,
        epochs: EPOCHS,
        seed: SEED,
    };
    cross_validate(&setup, &train);
    let learn: Vec<Instance> = train.iter().filter(|x| x.gold.is_some()).cloned().collect();
    let weights = perceptron::mean_of_runs(&setup, &learn, &dev, step, accuracy);
    let quantized = perceptron::quantize(&weights);
    for margin in [0, 2_000, 5_000, 10_000, 20_000, 40_000] {
        report("train", &quantized.weights, f64::from(margin), &train);
        report("dev", &quantized.weights, f64::from(margin), &dev);
    }
    Ok(quantized.bytes)
}

/// Folds of the cross-validation on train.
const FOLDS: usize = 5;

/// Trains on all but one contiguous block of train (documents stay whole but at the block
/// edges) and counts on that block, for every block: what the margin and the features would do
/// on text the model has not seen, over seven times dev's decisions.
fn cross_validate(setup: &perceptron::Setup, train: &[Instance]) {
    const MARGINS: [i32; 5] = [0, 5_000, 10_000, 20_000, 40_000];
    let mut right = [0usize; MARGINS.len()];
    let mut moves = [0usize; MARGINS.len()];
    let n = train.len();
    for fold in 0..FOLDS {
        let (lo, hi) = (n * fold / FOLDS, n * (fold + 1) / FOLDS);
        let learn: Vec<Instance> = train[..lo]
            .iter()
            .chain(&train[hi..])
            .filter(|x| x.gold.is_some())
            .cloned()
            .collect();
        let held = &train[lo..hi];
        let weights = perceptron::mean_of_runs(setup, &learn, held, step, accuracy);
        let quantized = perceptron::quantize(&weights);
        for (m, &margin) in MARGINS.iter().enumerate() {
            for x in held {
                let pick = predict(&quantized.weights, x, f64::from(margin));
                right[m] += usize::from(x.gold == Some(pick));
                moves[m] += usize::from(pick != x.rule);
            }
        }
    }
    let rule = train.iter().filter(|x| x.gold == Some(x.rule)).count();
    for (m, &margin) in MARGINS.iter().enumerate() {
        eprintln!(
            "train-claims: start {FOLDS}-fold on train margin {margin}: of {n} decisions with gold, rules start right {rule}, ranker {} (moves {})",
            right[m], moves[m]
        );
    }
}
