//! `train-speakers [--check]` (`cargo xtask train-speakers`): learns the speaker ranker's weights,
//! `crates/newsclaims-claims/src/rank_weights.rs`.
//!
//! Training cases are third-person pronouns with their candidate clusters, as the claims stage
//! computes them over the pipeline's own mentions: GAP development (`gap-development.tsv`: the
//! cluster holding a gold-coreferent name is the answer) and GUM's training documents outside
//! the news genre (the clusters holding a mention of the pronoun's gold chain are the answer).
//! The model is a conditional logit over each pronoun's candidates (softmax, L2), fitted by
//! full-batch gradient descent in a fixed order, so the weights are deterministic. The L2 strength
//! is chosen on GAP validation plus GUM's dev documents outside news; GAP test and GUM's news
//! documents are only measured (`cargo xtask eval-speakers`). Only the weights leave the data.

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
/// The L2 strengths tried on validation.
const L2: [f64; 4] = [1e-4, 1e-3, 1e-2, 1e-1];

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
    let dev = eval_speakers::read_gap(&gap.join("gap-development.tsv"))?;
    let val = eval_speakers::read_gap(&gap.join("gap-validation.tsv"))?;
    let dev_cases: Vec<GapCase> = dev.iter().map(eval_speakers::gap_case).collect();
    let val_cases: Vec<GapCase> = val.iter().map(eval_speakers::gap_case).collect();
    let mut train: Vec<Case> = dev
        .iter()
        .zip(&dev_cases)
        .filter_map(|(g, c)| gap_training_case(g, c))
        .collect();
    let mut gum_val: Vec<Case> = Vec::new();
    if gum_dir.exists() {
        let splits = std::fs::read_to_string(shared().join("data/coref/gum/splits.md"))?;
        let held: BTreeSet<&str> = splits
            .lines()
            .filter_map(|l| l.trim().strip_prefix("* "))
            .collect();
        let dev_docs = dev_split(&splits);
        let docs = gum::read_dir(&gum_dir, |n| {
            !n.starts_with("GUM_news_") && !n.starts_with("GUM_reddit_")
        })?;
        for doc in &docs {
            let cases = gum_cases(doc);
            if dev_docs.contains(doc.name.as_str()) {
                gum_val.extend(cases);
            } else if !held.contains(doc.name.as_str()) {
                train.extend(cases);
            }
        }
    } else {
        println!("train-speakers: {} is absent; GAP only", gum_dir.display());
    }
    println!(
        "train-speakers: {} training pronouns, {} GUM validation pronouns",
        train.len(),
        gum_val.len()
    );
    let mut best: Option<(f64, f64, Vec<f64>)> = None;
    for l2 in L2 {
        let w = fit(&train, l2);
        let score = |f: &[f32; FEATURES]| dot(&w, f) as f32;
        let gap_f1 = eval_speakers::gap_f1(&val, &val_cases, score)[0].f1();
        let gum_acc = accuracy(&gum_val, &w);
        let chosen = gap_f1 + gum_acc;
        println!("  L2 {l2:e}: GAP validation F1 {gap_f1:.4}, GUM dev accuracy {gum_acc:.4}");
        if best.as_ref().is_none_or(|b| chosen > b.0) {
            best = Some((chosen, l2, w));
        }
    }
    let Some((_, l2, w)) = best else {
        bail!("no L2 strength tried");
    };
    println!("train-speakers: L2 {l2:e} chosen on validation");
    let path = root().join("crates/newsclaims-claims/src/rank_weights.rs");
    generated::write_or_check("train-speakers", &[(path, render(&w).into_bytes())], check)
}

/// The documents of the `## dev` section of GUM's `splits.md`.
fn dev_split(splits: &str) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    let mut inside = false;
    for line in splits.lines() {
        if line.starts_with("## ") {
            inside = line.trim() == "## dev";
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
fn fit(cases: &[Case], l2: f64) -> Vec<f64> {
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
         //! `rank::FEATURE_NAMES`, learned from GAP development and GUM's training documents.\n\n\
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
