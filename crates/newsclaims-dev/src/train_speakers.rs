//! `train-speakers [--check]` (`cargo xtask train-speakers`): learns the speaker ranker's weights,
//! `crates/newsclaims-claims/src/rank_weights.rs`.
//!
//! Training cases are third-person pronouns with their candidate clusters, as the claims stage
//! computes them over the pipeline's own mentions: GAP development and validation (the cluster
//! holding a gold-coreferent name is the answer) and GUM's training documents outside the news
//! genre (the clusters holding a mention of the pronoun's gold chain are the answer). The model
//! is a conditional logit over each pronoun's candidates (softmax, L2), fitted by full-batch
//! gradient descent in a fixed order, so the weights are deterministic. The L2 strength is chosen
//! by five-fold cross-validation over GAP development + validation (GAP F1) plus the accuracy on
//! GUM's dev documents outside news; GAP test and GUM's news documents are only measured (`cargo
//! xtask eval-speakers`). Only the weights leave the data.

use std::collections::BTreeSet;

use anyhow::{Result, bail};
use newsclaims_claims::speaker_training::{self, Candidate, FEATURE_NAMES, FEATURES};

use crate::eval_speakers::{self, GapCase};
use crate::{generated, gum, root, shared};

/// One training case: the candidates' features and which are right.
struct Case {
    features: Vec<[f32; FEATURES]>,
    right: Vec<bool>,
}

/// Gradient-descent steps: the loss is convex and flat well before this.
const STEPS: usize = 1500;
/// Step size on the mean loss; features are flags or logs of small counts.
const RATE: f64 = 0.5;
/// The L2 strengths tried by cross-validation.
const L2: [f64; 4] = [1e-4, 1e-3, 1e-2, 1e-1];
/// Cross-validation folds over GAP development + validation (example `k` is in fold `k % FOLDS`).
const FOLDS: usize = 5;

pub(crate) fn run(args: &[String]) -> Result<()> {
    let check = args.iter().any(|a| a == "--check");
    let gap = shared().join("data/coref/gap");
    let gum_dir = shared().join("data/coref/gum/dep");
    if !generated::source_present(
        "train-speakers",
        &gap,
        check,
        "GAP trains the speaker ranker",
    )? {
        return Ok(());
    }
    let mut gap_gold = eval_speakers::read_gap(&gap.join("gap-development.tsv"))?;
    gap_gold.extend(eval_speakers::read_gap(&gap.join("gap-validation.tsv"))?);
    let gap_cases: Vec<GapCase> = gap_gold.iter().map(eval_speakers::gap_case).collect();
    let gap_train: Vec<Option<Case>> = gap_gold
        .iter()
        .zip(&gap_cases)
        .map(|(g, c)| gap_training_case(g, c))
        .collect();
    let (gum_train, gum_val) = gum_split(&gum_dir)?;
    println!(
        "train-speakers: {} GAP training pronouns, {} GUM training pronouns, {} GUM validation pronouns",
        gap_train.iter().flatten().count(),
        gum_train.len(),
        gum_val.len()
    );
    let mut best: Option<(f64, f64)> = None;
    for l2 in L2 {
        // Cross-validation over GAP development + validation: each fold is scored by a model
        // fitted on the other folds and GUM's training documents.
        let mut counts = eval_speakers::Counts::default();
        for fold in 0..FOLDS {
            let train: Vec<&Case> = gap_train
                .iter()
                .enumerate()
                .filter(|(k, _)| k % FOLDS != fold)
                .filter_map(|(_, c)| c.as_ref())
                .chain(&gum_train)
                .collect();
            let w = fit(&train, l2);
            let score = |f: &[f32; FEATURES]| dot(&w, f) as f32;
            let held = gap_gold
                .iter()
                .zip(&gap_cases)
                .enumerate()
                .filter(|(k, _)| k % FOLDS == fold)
                .map(|(_, pair)| pair);
            counts = counts.add(&eval_speakers::gap_f1(held, score)[0]);
        }
        let all: Vec<&Case> = gap_train.iter().flatten().chain(&gum_train).collect();
        let gum_acc = accuracy(&gum_val, &fit(&all, l2));
        let gap_f1 = counts.f1();
        let chosen = gap_f1 + gum_acc;
        println!("  L2 {l2:e}: GAP cross-validated F1 {gap_f1:.4}, GUM dev accuracy {gum_acc:.4}");
        if best.as_ref().is_none_or(|b| chosen > b.0) {
            best = Some((chosen, l2));
        }
    }
    let Some((_, l2)) = best else {
        bail!("no L2 strength tried");
    };
    println!("train-speakers: L2 {l2:e} chosen by cross-validation");
    let all: Vec<&Case> = gap_train.iter().flatten().chain(&gum_train).collect();
    let w = fit(&all, l2);
    let path = root().join("crates/newsclaims-claims/src/rank_weights.rs");
    generated::write_or_check("train-speakers", &[(path, render(&w).into_bytes())], check)
}

/// GUM's pronoun cases outside news and reddit: those of the training documents and those of
/// the `## dev` section (test documents are left out); none when the corpus is absent.
fn gum_split(dir: &std::path::Path) -> Result<(Vec<Case>, Vec<Case>)> {
    let (mut train, mut val) = (Vec::new(), Vec::new());
    if !dir.exists() {
        println!("train-speakers: {} is absent; GAP only", dir.display());
        return Ok((train, val));
    }
    let splits = std::fs::read_to_string(shared().join("data/coref/gum/splits.md"))?;
    let train_docs = split(&splits, "train");
    let dev_docs = split(&splits, "dev");
    let docs = gum::read_dir(dir, |n| {
        !n.starts_with("GUM_news_") && !n.starts_with("GUM_reddit_")
    })?;
    for doc in &docs {
        let cases = gum_cases(doc);
        if dev_docs.contains(doc.name.as_str()) {
            val.extend(cases);
        } else if train_docs.contains(doc.name.as_str()) {
            train.extend(cases);
        }
    }
    Ok((train, val))
}

/// The documents of the section `## {name}` of GUM's `splits.md`.
fn split<'a>(splits: &'a str, name: &str) -> BTreeSet<&'a str> {
    let mut out = BTreeSet::new();
    let mut inside = false;
    for line in splits.lines() {
        if line.starts_with("## ") {
            inside = line.trim().strip_prefix("## ") == Some(name);
        } else if inside && let Some(name) = line.trim().strip_prefix("* ") {
            out.insert(name);
        }
    }
    out
}

/// A GAP example as a training case; none when no candidate is right or none is wrong.
fn gap_training_case(g: &eval_speakers::Gap, c: &GapCase) -> Option<Case> {
    let right: Vec<bool> = c
        .holds
        .iter()
        .map(|h| (h[0] && g.gold[0]) || (h[1] && g.gold[1]))
        .collect();
    case(&c.candidates, right)
}

fn case(candidates: &[Candidate], right: Vec<bool>) -> Option<Case> {
    (right.iter().any(|r| *r) && right.iter().any(|r| !*r)).then(|| Case {
        features: candidates.iter().map(|(_, f)| *f).collect(),
        right,
    })
}

/// The pronouns of one GUM document that have an earlier gold antecedent, as training cases.
fn gum_cases(doc: &gum::Doc) -> Vec<Case> {
    let tokens = newsclaims_tokenize::tokenize(&doc.text);
    let entities = newsclaims_entities::recognize(&doc.text, &tokens);
    let pronouns: Vec<(usize, u32)> = doc
        .mentions
        .iter()
        .filter(|(_, a, b)| a == b)
        .filter(|(_, a, _)| {
            newsclaims_claims::speaker_training::is_third_person(&doc.text[doc.tokens[*a].span])
        })
        .map(|&(e, a, _)| (a, e))
        .collect();
    let spans: Vec<_> = pronouns.iter().map(|(t, _)| doc.tokens[*t].span).collect();
    let found = speaker_training::pronoun_candidates(&doc.text, &tokens, &entities, &spans);
    let mut out = Vec::new();
    for ((t, e), candidates) in pronouns.iter().zip(found) {
        let Some(candidates) = candidates else {
            continue;
        };
        let right = candidates
            .iter()
            .map(|(c, _)| {
                entities.clusters[*c].mentions.iter().any(|&m| {
                    let s = entities.mentions[m].span;
                    doc.mentions.iter().any(|(id, a, b)| {
                        id == e
                            && a != t
                            && doc.tokens[*a].span.start() < s.end()
                            && s.start() < doc.tokens[*b].span.end()
                    })
                })
            })
            .collect();
        out.extend(case(&candidates, right));
    }
    out
}

fn dot(w: &[f64], f: &[f32; FEATURES]) -> f64 {
    w.iter().zip(f).map(|(w, f)| w * f64::from(*f)).sum()
}

/// Fits the conditional logit: maximises the mean log-probability of the right candidates.
fn fit(cases: &[&Case], l2: f64) -> Vec<f64> {
    let mut w = vec![0.0f64; FEATURES];
    let n = cases.len().max(1) as f64;
    let mut grad = vec![0.0f64; FEATURES];
    for _ in 0..STEPS {
        grad.iter_mut().for_each(|g| *g = 0.0);
        for c in cases {
            let scores: Vec<f64> = c.features.iter().map(|f| dot(&w, f)).collect();
            let top = scores.iter().copied().fold(f64::MIN, f64::max);
            let exp: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
            let all: f64 = exp.iter().sum();
            let right: f64 = exp
                .iter()
                .zip(&c.right)
                .filter(|(_, r)| **r)
                .map(|(e, _)| e)
                .sum();
            for (k, f) in c.features.iter().enumerate() {
                let model = exp[k] / all;
                let target = if c.right[k] { exp[k] / right } else { 0.0 };
                for (g, x) in grad.iter_mut().zip(f) {
                    *g += (model - target) * f64::from(*x);
                }
            }
        }
        for (wi, g) in w.iter_mut().zip(&grad) {
            *wi -= RATE * (g / n + l2 * *wi);
        }
    }
    w
}

/// Share of cases whose best-scored candidate is a right one.
fn accuracy(cases: &[Case], w: &[f64]) -> f64 {
    let right = cases
        .iter()
        .filter(|c| {
            let mut best = (f64::MIN, false);
            for (f, r) in c.features.iter().zip(&c.right) {
                let s = dot(w, f);
                if s > best.0 {
                    best = (s, *r);
                }
            }
            best.1
        })
        .count();
    right as f64 / cases.len().max(1) as f64
}

/// The generated Rust file, formatted as rustfmt leaves it.
fn render(w: &[f64]) -> String {
    let mut out = String::from(
        "//! Generated by `cargo xtask train-speakers`; do not edit. One weight per feature of\n\
         //! `rank::FEATURE_NAMES`, learned from GAP development + validation and GUM's training\n\
         //! documents.\n\n\
         /// The speaker ranker's weights.\n",
    );
    out.push_str(&format!(
        "pub(crate) const WEIGHTS: [f32; {FEATURES}] = [\n"
    ));
    // rustfmt lines up the comments, so the values are padded to the widest.
    let values: Vec<String> = w.iter().map(|x| format!("{x:.5},")).collect();
    let width = values.iter().map(String::len).max().unwrap_or(0);
    for (name, v) in FEATURE_NAMES.iter().zip(&values) {
        out.push_str(&format!("    {v:<width$} // {name}\n"));
    }
    out.push_str("];\n");
    out
}
