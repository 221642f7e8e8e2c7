//! `cargo xtask train-accept [--check]`: the claims stage's claim-acceptance model,
//! `crates/newsclaims-claims/model/accept.bin`: a logistic regression that reads whether a claim
//! the stage built is one (`newsclaims_claims::training::accept_cases`), trained on PolNeAR train
//! and measured on PolNeAR dev (never test).
//!
//! A claim's label is the referee's (`../shared/eval/score.py`): its words and a gold content's
//! are matched greedily by their Dice overlap, and a pair counts when the prediction covers at
//! least half of the gold's words and at least half of its own words are gold. A claim matched
//! to a required gold content is a positive, one matched to none a negative; one matched to an
//! optional content is left out (the referee counts it neither way).
//!
//! The model reads the output of the cue classifier, the boundary ranker and the speaker ranker
//! as the binary embeds them: run it after `train-claims` and `train-speakers`. A claim the model
//! does not judge (no cue, `that` after the cue, a long content: `accept::judged`) is left out of
//! training and counted as kept in the dev report. The threshold is chosen on dev with the
//! weights and stored after them, so that a retraining after another stage's change moves both
//! together. Instances are visited in a fixed order shuffled by a seeded generator, and the
//! averaged weights are scaled to `i16`: the bytes are the same on every run.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::Result;
use newsclaims_claims::training::{self, ACCEPT_FEATURE_BITS};
use serde_json::Value;

use crate::referee::{match_pairs, word_runs, words_in};
use crate::train_boundary::annotated_documents;
use newsclaims_text::rng::Rng;

use crate::{generated, perceptron, root, shared};

/// Passes over the training claims per fit.
const EPOCHS: usize = 8;

/// Step size of the gradient descent; with [`L2`] chosen on PolNeAR dev among 0.005 / 0.01 /
/// 0.02 / 0.05 (dev accuracy of the mean fit 0.849 / 0.852 / 0.850 / 0.842, before the long
/// contents were left unjudged).
const RATE: f64 = 0.01;

/// L2 penalty per step on a feature's weight.
const L2: f64 = 1e-3;

/// Step of the thresholds the dev report lists and the threshold is chosen among: fine enough
/// to tell a right claim's score from the wrong ones' next to it.
const THRESHOLD_STEP: i32 = 2_500;

/// Steps listed, from 0 to -40,000 (the largest weight is 32,767: below that few claims score).
const STEPS: i32 = 16;

/// The highest threshold the model may have: the project's own gold loses claims above it (at
/// -10,000 a GUM quotation, `no one will be refused “based solely on ...”`,
/// `eval_speakers::gum_news_floor`), which PolNeAR dev does not see.
const MAX_THRESHOLD: i32 = -20_000;

/// Seed of the per-pass shuffle.
const SEED: u64 = 0x6a09_e667_f3bc_c908;

/// One claim of the stage with its label.
struct Instance {
    features: Vec<u32>,
    positive: bool,
}

/// The claims of a set of converted documents that the model judges, how many claims it does
/// not judge (kept whatever their score), and how many required gold contents there are.
struct Set {
    claims: Vec<Instance>,
    unjudged: Unjudged,
    gold: usize,
}

/// The claims the model does not judge: how many, and of them true.
#[derive(Default)]
struct Unjudged {
    all: usize,
    right: usize,
}

pub(crate) fn run(args: &[String]) -> Result<()> {
    let check = args.iter().any(|a| a == "--check");
    let polnear = shared().join("data/polnear");
    if !generated::source_present(
        "train-accept",
        &polnear.join("train"),
        check,
        "PolNeAR train is needed to train the claim-acceptance model",
    )? {
        return Ok(());
    }
    let tmp = std::env::temp_dir().join(format!("newsclaims-train-accept-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let sets = crate::train_boundary::convert_train(&polnear, &tmp).and_then(|(docs, gold)| {
        let train = instances(&docs, &gold)?;
        let dev = instances(
            &polnear.join("dev.docs.jsonl"),
            &polnear.join("dev.gold.jsonl"),
        )?;
        Ok((train, dev))
    });
    let _ = std::fs::remove_dir_all(&tmp);
    let (train, dev) = sets?;
    let bytes = train_model(&train, &dev);
    generated::write_or_check(
        "train-accept",
        &[(
            root().join("crates/newsclaims-claims/model/accept.bin"),
            bytes,
        )],
        check,
    )
}

/// Trains the model, reports on dev what each threshold would drop and chooses the threshold;
/// returns the model's bytes: the weights, then the threshold (`i32` little-endian).
fn train_model(train: &Set, dev: &Set) -> Vec<u8> {
    let count = |s: &Set| s.claims.iter().filter(|x| x.positive).count();
    eprintln!(
        "train-accept: judged claims: train {} ({} true), dev {} ({} true; not judged {}, of them true {}; gold {})",
        train.claims.len(),
        count(train),
        dev.claims.len(),
        count(dev),
        dev.unjudged.all,
        dev.unjudged.right,
        dev.gold
    );
    let weights = logistic(&train.claims, &dev.claims);
    let quantized = perceptron::quantize(&weights);
    let threshold = report(&quantized.weights, dev);
    let mut bytes = quantized.bytes;
    bytes.extend(threshold.to_le_bytes());
    bytes
}

/// Per threshold, the dev claims dropped (of them true) and the content F1 that follows, as if
/// the referee's matching of the others stayed the same; returns the threshold chosen: the
/// highest step at or below [`MAX_THRESHOLD`] that drops no right claim of dev (a right claim
/// dropped lowers indirect recall, the other target, and content F1 moves by a few
/// claims either way).
fn report(weights: &[f64], dev: &Set) -> i32 {
    let tp = dev.claims.iter().filter(|x| x.positive).count() + dev.unjudged.right;
    let pred = dev.claims.len() + dev.unjudged.all;
    let f1 = |tp: usize, pred: usize| 2.0 * tp as f64 / (pred + dev.gold).max(1) as f64;
    eprintln!("train-accept: dev content F1 before: {:.4}", f1(tp, pred));
    let mut chosen = None;
    for t in (0..=STEPS).map(|k| -THRESHOLD_STEP * k) {
        let dropped = dev
            .claims
            .iter()
            .filter(|x| score(weights, x) < f64::from(t));
        let (n, right) = (
            dropped.clone().count(),
            dropped.filter(|x| x.positive).count(),
        );
        eprintln!(
            "train-accept: threshold {t}: drop {n} ({right} true), content F1 {:.4}",
            f1(tp - right, pred - n)
        );
        if chosen.is_none() && t <= MAX_THRESHOLD && right == 0 {
            chosen = Some(t);
        }
    }
    let chosen = chosen.unwrap_or(i32::MIN);
    eprintln!("train-accept: threshold chosen: {chosen}");
    chosen
}

fn score(weights: &[f64], x: &Instance) -> f64 {
    perceptron::dot(weights, &x.features)
}

/// Logistic regression by stochastic gradient descent with an L2 penalty on the features an
/// instance holds, in a seeded shuffled order per pass, the weights averaged over the last
/// pass's steps; the model is the mean of [`perceptron::RUNS`] such fits over different
/// shuffles (one fit's dev accuracy moves with its order). Reports each fit's accuracy on train
/// and dev.
fn logistic(train: &[Instance], dev: &[Instance]) -> Vec<f64> {
    let n = 1usize << ACCEPT_FEATURE_BITS;
    let mut sum = vec![0f64; n];
    for run in 0..perceptron::RUNS {
        let mut w = vec![0f64; n];
        let mut mean = vec![0f64; n];
        let mut order: Vec<usize> = (0..train.len()).collect();
        let mut rng = Rng::new(SEED.wrapping_add(run.wrapping_mul(0x9e37_79b9)));
        for epoch in 0..EPOCHS {
            rng.shuffle(&mut order);
            let last = epoch + 1 == EPOCHS;
            for &k in &order {
                let x = &train[k];
                let p = 1.0 / (1.0 + (-score(&w, x)).exp());
                let g = p - if x.positive { 1.0 } else { 0.0 };
                for &f in &x.features {
                    let f = f as usize;
                    w[f] -= RATE * (g + L2 * w[f]);
                }
                if last {
                    for (m, v) in mean.iter_mut().zip(&w) {
                        *m += v;
                    }
                }
            }
        }
        mean.iter_mut()
            .for_each(|m| *m /= train.len().max(1) as f64);
        eprintln!(
            "train-accept: run {}: train {:.4}, dev {:.4}",
            run + 1,
            accuracy(&mean, train),
            accuracy(&mean, dev)
        );
        for (s, m) in sum.iter_mut().zip(&mean) {
            *s += m;
        }
    }
    eprintln!(
        "train-accept: mean of {} runs: train {:.4}, dev {:.4}",
        perceptron::RUNS,
        accuracy(&sum, train),
        accuracy(&sum, dev)
    );
    sum
}

fn accuracy(weights: &[f64], xs: &[Instance]) -> f64 {
    perceptron::accuracy(
        weights,
        xs.iter().map(|x| (x.features.as_slice(), x.positive)),
    )
}

/// The stage's claims on the converted documents, labelled by the referee's match rule.
fn instances(docs: &Path, gold: &Path) -> Result<Set> {
    let mut set = Set {
        claims: Vec::new(),
        unjudged: Unjudged::default(),
        gold: 0,
    };
    annotated_documents(docs, gold, |text, tokens, entities, bytes, g| {
        let cases = training::accept_cases(text, tokens, entities);
        let words = word_runs(text.char_indices(), text.len());
        let golds: Vec<(BTreeSet<usize>, bool)> = g["claims"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|c| {
                        let spans = gold_spans(bytes, c);
                        (
                            words_in(&spans, &words),
                            c["optional"].as_bool() == Some(true),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        set.gold += golds.iter().filter(|g| !g.1).count();
        let preds: Vec<BTreeSet<usize>> = cases
            .iter()
            .map(|c| {
                let spans: Vec<(usize, usize)> =
                    c.pieces.iter().map(|p| (p.start(), p.end())).collect();
                words_in(&spans, &words)
            })
            .collect();
        // Per claim: `None` unmatched, else whether its gold content is optional.
        let mut matched = vec![None; preds.len()];
        let gold_words: Vec<_> = golds.iter().map(|g| &g.0).collect();
        for (i, j) in match_pairs(&gold_words, &preds.iter().collect::<Vec<_>>()) {
            matched[j] = Some(golds[i].1);
        }
        for (case, m) in cases.into_iter().zip(matched) {
            match m {
                Some(true) => continue,
                m if !case.judged => {
                    set.unjudged.all += 1;
                    set.unjudged.right += usize::from(m.is_some());
                }
                m => set.claims.push(Instance {
                    features: case.features,
                    positive: m.is_some(),
                }),
            }
        }
    })?;
    Ok(set)
}

/// A gold content's spans in bytes: its fragments, or its start and end.
fn gold_spans(bytes: &[usize], c: &Value) -> Vec<(usize, usize)> {
    let at = |v: &Value| bytes.get(v.as_u64()? as usize).copied();
    match c["fragments"].as_array().filter(|f| !f.is_empty()) {
        Some(frags) => frags
            .iter()
            .filter_map(|f| Some((at(&f[0])?, at(&f[1])?)))
            .collect(),
        None => at(&c["start"]).zip(at(&c["end"])).into_iter().collect(),
    }
}
