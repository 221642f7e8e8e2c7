//! The claims stage's cue classifier, `crates/newsclaims-claims/model/cue.bin`: an averaged
//! perceptron that reads whether a form of a cue lemma is an attribution's cue, given the rules'
//! own decision there (`newsclaims_claims::training::cue_cases`), trained on PolNeAR train and
//! measured on PolNeAR dev (never test).
//!
//! A word is a positive when it lies inside the cue of a required gold attribution (a verb of
//! saying, as the referee's converter marks them), a negative when it lies inside no gold cue;
//! a word inside an optional attribution's cue only (`believe`, `think`) is left out. Instances
//! are visited in a fixed order shuffled by a seeded generator, and the averaged weights are
//! scaled to `i16`: the bytes are the same on every run.

use std::path::Path;

use anyhow::Result;
use newsclaims_claims::training::{self, CUE_FEATURE_BITS};
use serde_json::Value;

use crate::perceptron;
use crate::train_boundary::annotated_documents;

/// Passes over the training words; chosen on PolNeAR dev (`cargo xtask train-claims` prints
/// the dev accuracy of each pass).
const EPOCHS: usize = 6;

/// Seed of the per-pass shuffle.
const SEED: u64 = 0x2545_f491_4f6c_dd1d;

/// One cue word with its gold label.
struct Instance {
    features: Vec<u32>,
    positive: bool,
    outcome: &'static str,
}

/// The cue words of the converted documents with their labels.
fn instances(docs: &Path, gold: &Path) -> Result<Vec<Instance>> {
    let mut out = Vec::new();
    annotated_documents(docs, gold, |text, tokens, entities, bytes, g| {
        // Gold cue spans in bytes, with whether their attribution is required.
        let cues: Vec<(usize, usize, bool)> = g["claims"]
            .as_array()
            .map(|a| a.iter().filter_map(|c| gold_cue(bytes, c)).collect())
            .unwrap_or_default();
        for case in training::cue_cases(text, tokens, entities) {
            let (a, b) = (case.cue.start(), case.cue.end());
            let inside: Vec<bool> = cues
                .iter()
                .filter(|c| c.0 < b && a < c.1)
                .map(|c| c.2)
                .collect();
            if !inside.is_empty() && !inside.contains(&true) {
                continue;
            }
            out.push(Instance {
                features: case.features,
                positive: !inside.is_empty(),
                outcome: case.outcome,
            });
        }
    })?;
    Ok(out)
}

/// A gold attribution's cue in bytes and whether the attribution is required.
fn gold_cue(bytes: &[usize], c: &Value) -> Option<(usize, usize, bool)> {
    let at = |k: &str| bytes.get(c["cue"][k].as_u64()? as usize).copied();
    let required = !c["optional"].as_bool().unwrap_or(false);
    Some((at("start")?, at("end")?, required))
}

fn score(weights: &[f64], x: &Instance) -> f64 {
    perceptron::dot(weights, &x.features)
}

/// One step of the classifier's training: when the sign of the score is wrong, the features
/// move towards the gold label.
fn step(w: &mut perceptron::Weights, x: &Instance) {
    let y: i64 = if x.positive { 1 } else { -1 };
    if w.score(&x.features) * y <= 0 {
        w.update(&x.features, y);
    }
}

fn accuracy(weights: &[f64], xs: &[Instance]) -> f64 {
    perceptron::accuracy(
        weights,
        xs.iter().map(|x| (x.features.as_slice(), x.positive)),
    )
}

/// Prints, for the quantised weights on dev, what vetoing and rescuing at several thresholds
/// would do: claims of the rules dropped (of them true cues), words rescued (of them true cues).
fn report(weights: &[f64], dev: &[Instance]) {
    let ok = |x: &&Instance| x.outcome == "ok";
    let rules_right = dev.iter().filter(ok).filter(|x| x.positive).count();
    let rules_all = dev.iter().filter(ok).count();
    let gold = dev.iter().filter(|x| x.positive).count();
    eprintln!(
        "train-claims: cue words on dev {}, gold cues {gold}; the rules' claims {rules_all}, of them cues {rules_right}",
        dev.len()
    );
    let mut outcomes: Vec<&str> = dev.iter().map(|x| x.outcome).collect();
    outcomes.sort_unstable();
    outcomes.dedup();
    for o in outcomes {
        let of = dev.iter().filter(|x| x.outcome == o);
        let (n, pos) = (of.clone().count(), of.filter(|x| x.positive).count());
        eprintln!("train-claims: cue outcome {o}: {n} words, {pos} gold cues");
    }
    for t in [0, 2_000, 5_000, 10_000, 20_000, 40_000] {
        let t = f64::from(t);
        let vetoed = dev.iter().filter(ok).filter(|x| score(weights, x) < -t);
        let rescued = dev
            .iter()
            .filter(|x| x.outcome != "ok" && score(weights, x) > t);
        eprintln!(
            "train-claims: cue threshold {t}: veto {} ({} cues), rescue {} ({} cues)",
            vetoed.clone().count(),
            vetoed.filter(|x| x.positive).count(),
            rescued.clone().count(),
            rescued.filter(|x| x.positive).count(),
        );
    }
}

/// Trains the classifier on the converted train set and returns the model's bytes.
pub(crate) fn train(polnear: &Path, docs: &Path, gold: &Path) -> Result<Vec<u8>> {
    let train = instances(docs, gold)?;
    let dev = instances(
        &polnear.join("dev.docs.jsonl"),
        &polnear.join("dev.gold.jsonl"),
    )?;
    eprintln!(
        "train-claims: cue words: train {} ({} cues), dev {}",
        train.len(),
        train.iter().filter(|x| x.positive).count(),
        dev.len()
    );
    let setup = perceptron::Setup {
        name: "cue",
        features: 1usize << CUE_FEATURE_BITS,
        epochs: EPOCHS,
        seed: SEED,
    };
    let weights = perceptron::mean_of_runs(&setup, &train, &dev, step, accuracy);
    let quantized = perceptron::quantize(&weights);
    report(&quantized.weights, &dev);
    Ok(quantized.bytes)
}
