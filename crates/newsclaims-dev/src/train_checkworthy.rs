//! `cargo xtask train-checkworthy [--check]`: trains the check-worthiness model of the claims
//! stage, `crates/newsclaims-claims/model/checkworthy.bin`, on ClaimBuster.
//!
//! ClaimBuster (Arslan et al., ICWSM 2020, CC BY 4.0) labels sentences of US presidential debates
//! as check-worthy factual (verdict 1), unimportant factual (0) or not factual (-1). The model is
//! a logistic regression, check-worthy against the rest, over the claims crate's own features
//! (`checkworthy_features`: hashed words and bigrams, entity labels and counts, numbers, word
//! classes), fitted by AdaGrad on `crowdsourced.csv`. Its L2 strength is chosen by 5-fold
//! cross-validation over debates (a debate's sentences stay in one fold); the bias is then shifted
//! so that 0.5 is the threshold with the best F1 on the pooled held-out folds. `groundtruth.csv`
//! (expert labels) is only evaluated, never tuned on. Every step is deterministic: fixed seeds,
//! sorted debates, one thread.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Context, Result, bail};
use newsclaims_text::rng::Rng;

use crate::{generated, root, shared};

/// Must match the claims crate's feature buckets and model header.
const BUCKETS: usize = 1 << 17;
const MAGIC: &[u8; 4] = b"NCW1";
const FOLDS: usize = 5;
/// Candidate L2 strengths for cross-validation.
const L2: [f64; 4] = [1e-4, 3e-4, 1e-3, 3e-3];
/// Passes over the data: held-out F1 stops improving well before this.
const EPOCHS: usize = 8;
/// AdaGrad's step size.
const RATE: f64 = 0.2;
/// Thresholds the README's precision/recall table lists.
const TABLE: [f64; 7] = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

/// One labelled sentence: its feature buckets, whether it is check-worthy, its debate.
struct Example {
    features: Vec<u32>,
    positive: bool,
    debate: String,
}

pub(crate) fn run(args: &[String]) -> Result<()> {
    let check = args.iter().any(|a| a == "--check");
    let data = shared().join("data/checkworthiness/claimbuster");
    if !generated::source_present(
        "train-checkworthy",
        &data.join("crowdsourced.csv"),
        check,
        "ClaimBuster is needed to train the check-worthiness model",
    )? {
        return Ok(());
    }
    let train = read(&data.join("crowdsourced.csv"))?;
    let test = read(&data.join("groundtruth.csv"))?;
    let folds = fold_of_debate(&train);
    let mut best: Option<(f64, f64, f64)> = None; // (F1, l2, threshold)
    for l2 in L2 {
        let mut held_out = vec![0.0; train.len()];
        for fold in 0..FOLDS {
            let fit: Vec<usize> = (0..train.len()).filter(|&k| folds[k] != fold).collect();
            let (w, b) = fit_model(&train, &fit, l2);
            for k in (0..train.len()).filter(|&k| folds[k] == fold) {
                held_out[k] = sigmoid(logit(&w, b, &train[k].features));
            }
        }
        let labels: Vec<bool> = train.iter().map(|e| e.positive).collect();
        let (f1, threshold) = best_f1(&held_out, &labels);
        println!(
            "train-checkworthy: L2 {l2:e}: cross-validated best F1 {f1:.4} at {threshold:.3}, AP {:.4}",
            average_precision(&held_out, &labels)
        );
        if best.is_none_or(|(f, _, _)| f1 > f) {
            best = Some((f1, l2, threshold));
        }
    }
    let Some((_, l2, threshold)) = best else {
        bail!("no L2 candidate")
    };
    let all: Vec<usize> = (0..train.len()).collect();
    let (w, b) = fit_model(&train, &all, l2);
    // 0.5 after the shift is `threshold` before it.
    let bias = b - (threshold / (1.0 - threshold)).ln();
    let bytes = encode(&w, bias);
    report(&bytes, &test);
    let path = root().join("crates/newsclaims-claims/model/checkworthy.bin");
    generated::write_or_check("train-checkworthy", &[(path, bytes)], check)
}

/// Reads a ClaimBuster CSV into examples, each text through the pipeline's first stages.
fn read(path: &Path) -> Result<Vec<Example>> {
    let data =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let rows = parse_csv(&data);
    let Some(header) = rows.first() else {
        bail!("{} is empty", path.display())
    };
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .with_context(|| format!("{} has no column {name}", path.display()))
    };
    let (text, verdict, debate) = (column("Text")?, column("Verdict")?, column("File_id")?);
    let mut out = Vec::new();
    for row in &rows[1..] {
        let (Some(t), Some(v), Some(d)) = (row.get(text), row.get(verdict), row.get(debate)) else {
            continue;
        };
        let tokens = newsclaims_tokenize::tokenize(t);
        let entities = newsclaims_entities::recognize(t, &tokens);
        out.push(Example {
            features: newsclaims_claims::checkworthy_features(t, &tokens, &entities),
            positive: v.trim() == "1",
            debate: d.clone(),
        });
    }
    Ok(out)
}

/// Each example's fold: debates in sorted order, dealt round-robin.
fn fold_of_debate(examples: &[Example]) -> Vec<usize> {
    let debates: Vec<&str> = examples
        .iter()
        .map(|e| e.debate.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    examples
        .iter()
        .map(|e| debates.binary_search(&e.debate.as_str()).unwrap_or(0) % FOLDS)
        .collect()
}

/// Logistic regression by AdaGrad over `subset`, visited in a seeded shuffled order each epoch;
/// L2 applies to the weights of the features an example has, scaled by how rare the feature is,
/// so that over an epoch every weight decays as much as with the full penalty.
fn fit_model(examples: &[Example], subset: &[usize], l2: f64) -> (Vec<f64>, f64) {
    let mut seen = vec![0u32; BUCKETS];
    for &k in subset {
        for &f in &examples[k].features {
            seen[f as usize] += 1;
        }
    }
    let decay: Vec<f64> = seen
        .iter()
        .map(|&n| {
            if n > 0 {
                l2 * subset.len() as f64 / f64::from(n)
            } else {
                0.0
            }
        })
        .collect();
    let mut w = vec![0.0; BUCKETS];
    let mut g2 = vec![1e-8; BUCKETS];
    let (mut b, mut b2) = (0.0, 1e-8);
    let mut order = subset.to_vec();
    let mut rng = Rng::new(0x2545_f491_4f6c_dd1d);
    for _ in 0..EPOCHS {
        rng.shuffle(&mut order);
        for &k in &order {
            let e = &examples[k];
            let y = if e.positive { 1.0 } else { 0.0 };
            let g = sigmoid(logit(&w, b, &e.features)) - y;
            for &f in &e.features {
                let f = f as usize;
                let grad = g + decay[f] * w[f];
                g2[f] += grad * grad;
                w[f] -= RATE * grad / g2[f].sqrt();
            }
            b2 += g * g;
            b -= RATE * g / f64::sqrt(b2);
        }
    }
    (w, b)
}

fn logit(w: &[f64], b: f64, features: &[u32]) -> f64 {
    b + features.iter().map(|&f| w[f as usize]).sum::<f64>()
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// The model file: magic, scale and bias as `f32`, then the weights as `i16` of `scale`.
fn encode(w: &[f64], bias: f64) -> Vec<u8> {
    let max = w.iter().fold(0.0f64, |m, x| m.max(x.abs())).max(1e-9);
    let scale = (max / f64::from(i16::MAX)) as f32;
    let mut out = Vec::with_capacity(12 + 2 * w.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&scale.to_le_bytes());
    out.extend_from_slice(&(bias as f32).to_le_bytes());
    for x in w {
        let q = (x / f64::from(scale)).round() as i16;
        out.extend_from_slice(&q.to_le_bytes());
    }
    out
}

/// Scores `examples` with the encoded model as the claims crate reads it (`f32` arithmetic,
/// three decimals).
fn score_encoded(bytes: &[u8], examples: &[Example]) -> Vec<f64> {
    let f =
        |at: usize| f32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let (scale, bias) = (f(4), f(8));
    examples
        .iter()
        .map(|e| {
            let sum: i64 = e
                .features
                .iter()
                .map(|&h| {
                    let at = 12 + 2 * h as usize;
                    i64::from(i16::from_le_bytes([bytes[at], bytes[at + 1]]))
                })
                .sum();
            let p = 1.0 / (1.0 + (-(bias + scale * sum as f32)).exp());
            f64::from((p * 1000.0).round() / 1000.0)
        })
        .collect()
}

/// Prints the figures on ClaimBuster's expert-labelled ground truth (never tuned on).
fn report(bytes: &[u8], test: &[Example]) {
    let scores = score_encoded(bytes, test);
    let labels: Vec<bool> = test.iter().map(|e| e.positive).collect();
    println!(
        "train-checkworthy: ground truth ({} sentences, {} check-worthy): AP {:.4}",
        test.len(),
        labels.iter().filter(|&&l| l).count(),
        average_precision(&scores, &labels)
    );
    for t in TABLE {
        let (p, r, f1) = prf(&scores, &labels, t);
        println!("train-checkworthy:   threshold {t:.1}: P {p:.3}  R {r:.3}  F1 {f1:.3}");
    }
}

fn prf(scores: &[f64], labels: &[bool], threshold: f64) -> (f64, f64, f64) {
    let (mut tp, mut pred, mut gold) = (0.0, 0.0, 0.0);
    for (&s, &l) in scores.iter().zip(labels) {
        let p = s >= threshold;
        tp += f64::from(u8::from(p && l));
        pred += f64::from(u8::from(p));
        gold += f64::from(u8::from(l));
    }
    let p = if pred > 0.0 { tp / pred } else { 0.0 };
    let r = if gold > 0.0 { tp / gold } else { 0.0 };
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f1)
}

/// Indices by descending score, ties by index: one order on every run.
fn ranked(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order
}

/// The best F1 over thresholds and the threshold giving it (midway to the next lower score).
fn best_f1(scores: &[f64], labels: &[bool]) -> (f64, f64) {
    let gold = labels.iter().filter(|&&l| l).count() as f64;
    let order = ranked(scores);
    let (mut tp, mut best) = (0.0, (0.0, 0.5));
    for (n, &k) in order.iter().enumerate() {
        tp += f64::from(u8::from(labels[k]));
        let next = order.get(n + 1).map(|&j| scores[j]);
        if next == Some(scores[k]) {
            continue;
        }
        let f1 = 2.0 * tp / (n as f64 + 1.0 + gold);
        if f1 > best.0 {
            best = (f1, next.map_or(scores[k], |x| (x + scores[k]) / 2.0));
        }
    }
    best
}

fn average_precision(scores: &[f64], labels: &[bool]) -> f64 {
    let gold = labels.iter().filter(|&&l| l).count() as f64;
    let (mut tp, mut sum) = (0.0, 0.0);
    for (n, k) in ranked(scores).into_iter().enumerate() {
        if labels[k] {
            tp += 1.0;
            sum += tp / (n as f64 + 1.0);
        }
    }
    if gold > 0.0 { sum / gold } else { 0.0 }
}

/// RFC 4180 rows (quoted fields may hold commas, line breaks and doubled quotes), by the csv crate.
fn parse_csv(data: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(data.as_bytes())
        .records()
        .map_while(Result::ok)
        .map(|r| r.iter().map(str::to_owned).collect())
        .collect()
}
