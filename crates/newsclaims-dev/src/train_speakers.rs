//! `train-speakers [--check]` (`cargo xtask train-speakers`): learns the speaker ranker,
//! `crates/newsclaims-claims/src/rank_weights.rs`.
//!
//! Training cases are third-person pronouns with their candidate clusters, as the claims stage
//! computes them: GAP development and validation with names A and B given as mentions (GAP's
//! task, `gap.rs`; the cluster holding a gold-coreferent name is right; the trees also learn
//! from the same examples over the pipeline's own mentions), and GUM's training
//! documents outside the news genre over the pipeline's own mentions (the clusters holding a
//! mention of the pronoun's gold chain are right). The ranker has two parts (`rank.rs`): a
//! conditional logit over each pronoun's candidates (softmax, L2, `logit.rs`) for the speaker of
//! a cue of speech, and boosted trees (`boost.rs`, every candidate one yes/no example) for any
//! other pronoun. Both are fitted in a fixed order, so the output is deterministic. The L2
//! strength, then the number of trees, are chosen by five-fold cross-validation over GAP
//! development + validation (GAP F1) and the accuracy on GUM's dev documents outside news,
//! pooled by their numbers of pronouns; GAP
//! test and GUM's news documents are only measured (`cargo xtask eval-speakers`). Only the
//! weights and trees leave the data. The trees may be several bagged ensembles averaged
//! ([`Config`]); `--spread N` (`spread.rs`) measures how much a retrain moves them.

use std::collections::BTreeSet;

use anyhow::{Result, bail};
use newsclaims_claims::speaker_training::{
    self, Candidate, FEATURE_NAMES, FEATURES, SPEECH_FEATURE,
};

use crate::boost::{self, Ensemble, LEAVES, SPLITS};
use crate::gap::{self, Gap, GapCase, Task};
use crate::{generated, gum, logit, root, shared};

mod spread;

/// One training case: the candidates' features and which are right.
struct Case {
    features: Vec<[f32; FEATURES]>,
    right: Vec<bool>,
    /// How many times it counts in training.
    weight: f64,
}

/// The linear part's L2 strengths tried by cross-validation.
const L2: [f64; 3] = [1e-3, 1e-2, 1e-1];
/// The learning rate of boosting. Chosen by the pooled cross-validated figure below, run once
/// per rate (each with its best ensemble size, one unbagged ensemble): 0.05 gave 0.7337 (GAP F1
/// 0.7284 at 300 trees), 0.1 gave 0.7385 (0.7334 at 400), 0.2 gave 0.7403 (0.7357 at 300).
/// Trying them all on every run would triple the time `check-generated` spends here.
const RATE: f32 = 0.2;
/// The ensemble sizes tried by cross-validation, trees per bag: the bagged trees fit GAP best
/// at 200 (`--spread 2`: 300 to 500 lose 0.004 to 0.011), and every size costs bytes.
const TREES: [usize; 4] = [50, 100, 150, 200];
/// Cross-validation folds over GAP development + validation.
const FOLDS: usize = 5;

/// How the trees are fitted: how many bags are averaged, the share of training cases each bag
/// draws, and the boosting parameters of each.
#[derive(Clone, Copy, Debug)]
struct Config {
    bags: usize,
    share: f64,
    params: boost::Params,
}

/// The shipped configuration: four ensembles averaged, each tree grown on a seeded 80% of the
/// candidates. Chosen by `train-speakers --spread 2` (for two fold shuffles: the CV figure, and
/// the share of GAP test pronouns two fold models resolve differently, which is what an
/// unrelated retrain moves; the test figure itself chose nothing): one ensemble on all cases,
/// as before, gave CV F1 0.7464 at 200 trees, 6.4% of choices differing and fold models' test
/// F1 from 0.7282 to 0.7408; these four 0.7486, 5.3% and 0.7326 to 0.7400. Four bags of 80% of
/// the cases gave 0.7447 and 5.6%, one ensemble at learning rate 0.1 0.7439 and 5.8%, and
/// subsampling 0.5 with leaves of 40 and L2 5 no better than none.
const CONFIG: Config = Config {
    bags: 4,
    share: 1.0,
    params: boost::Params {
        trees: 0,
        rate: RATE,
        subsample: 0.8,
        seed: 0,
        min_leaf: 20,
        lambda: 1.0,
    },
};

/// Several boosted ensembles, each fitted on its own draw of the training cases; the score is
/// their mean.
struct Bag(Vec<Ensemble>);

impl Bag {
    /// The mean score of the first `n` trees of every ensemble.
    fn score(&self, x: &[f32], n: usize) -> f32 {
        self.0.iter().map(|e| e.score(x, n)).sum::<f32>() / self.0.len().max(1) as f32
    }

    /// The bias and trees the ranker embeds, whose sum is [`Bag::score`]: the mean bias, and
    /// every ensemble's first `n` trees with their leaves divided by the number of ensembles.
    fn flatten(&self, n: usize) -> (f32, Vec<boost::Tree>) {
        let scale = 1.0 / self.0.len().max(1) as f32;
        let bias = self.0.iter().map(|e| e.bias).sum::<f32>() * scale;
        let trees = self
            .0
            .iter()
            .flat_map(|e| &e.trees[..n])
            .map(|t| {
                let mut t = t.clone();
                t.leaves.iter_mut().for_each(|v| *v *= scale);
                t
            })
            .collect();
        (bias, trees)
    }
}

/// The fold of each of `n` GAP examples: example `k` is in fold `k % FOLDS` with seed 0, else
/// in the fold of its place in a seeded shuffle.
fn folds_of(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    if seed != 0 {
        boost::rng(seed).shuffle(&mut order);
    }
    let mut fold = vec![0; n];
    for (place, &k) in order.iter().enumerate() {
        fold[k] = place % FOLDS;
    }
    fold
}

/// The training data: GAP's cases (names given and end to end, one per example each, in the
/// examples' order) and GUM's training cases.
struct Data<'a> {
    gap_gold: &'a [Gap],
    gap_cases: &'a [GapCase],
    gap_train: &'a [Case],
    end_to_end: &'a [Case],
    gum_train: &'a [Case],
}

/// Cross-validation of the trees over GAP development + validation with the folds of `seed`:
/// each fold is scored by trees fitted on the other folds and GUM's training documents, at every
/// size of [`TREES`]; also the fold models, for [`spread`].
fn cross_validate(
    data: &Data<'_>,
    linear: &[Vec<f64>],
    config: Config,
    seed: u64,
) -> (Vec<gap::Counts>, Vec<Bag>) {
    let fold = folds_of(data.gap_train.len(), seed);
    let most = *TREES.last().unwrap_or(&0);
    let mut counts = vec![gap::Counts::default(); TREES.len()];
    let mut models = Vec::new();
    for (f, linear) in linear.iter().enumerate() {
        let train = data
            .gap_train
            .iter()
            .enumerate()
            .chain(data.end_to_end.iter().enumerate())
            .filter(|(k, _)| fold[*k] != f)
            .map(|(_, c)| c)
            .chain(data.gum_train);
        let trees = fit(
            train,
            most,
            config,
            seed.wrapping_mul(31).wrapping_add(f as u64),
        );
        for (n, c) in TREES.iter().zip(&mut counts) {
            let held = data
                .gap_gold
                .iter()
                .zip(data.gap_cases)
                .enumerate()
                .filter(|(k, _)| fold[*k] == f)
                .map(|(_, pair)| pair);
            *c = c.add(&gap::gap_f1(held, ranker(linear, &trees, *n))[0]);
        }
        models.push(trees);
    }
    (counts, models)
}

pub(crate) fn run(args: &[String]) -> Result<()> {
    let check = args.iter().any(|a| a == "--check");
    let spread_seeds = spread::flag_value(args, "--spread")?;
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
    let mut gap_gold = gap::read_gap(&gap.join("gap-development.tsv"))?;
    gap_gold.extend(gap::read_gap(&gap.join("gap-validation.tsv"))?);
    let gap_cases: Vec<GapCase> = gap_gold
        .iter()
        .map(|g| gap::gap_case(g, Task::Given))
        .collect();
    let gap_train: Vec<Case> = gap_gold
        .iter()
        .zip(&gap_cases)
        .map(|(g, c)| gap_training_case(g, c))
        .collect();
    // The same examples over the pipeline's own mentions train the trees too: candidates as the
    // binary sees them (a name the tagger missed, a cluster it split), in the same folds.
    let end_to_end: Vec<Case> = gap_gold
        .iter()
        .map(|g| gap_training_case(g, &gap::gap_case(g, Task::EndToEnd)))
        .collect();
    let (gum_train, gum_val) = gum_split(&gum_dir)?;
    println!(
        "train-speakers: {} GAP training pronouns, {} GUM training pronouns, {} GUM validation pronouns",
        gap_train.len(),
        gum_train.len(),
        gum_val.len()
    );
    let data = Data {
        gap_gold: &gap_gold,
        gap_cases: &gap_cases,
        gap_train: &gap_train,
        end_to_end: &end_to_end,
        gum_train: &gum_train,
    };
    if let Some(seeds) = spread_seeds {
        return spread::spread(&data, seeds, &spread::config_from(args)?);
    }
    let (l2, folds) = choose_l2(&gap_gold, &gap_cases, &gap_train, &gum_train, &gum_val);
    let (counts, _) = cross_validate(&data, &folds, CONFIG, 0);
    let linear = fit_linear(gap_train.iter().chain(&gum_train), l2);
    let most = *TREES.last().unwrap_or(&0);
    let all = gap_train.iter().chain(&end_to_end).chain(&gum_train);
    let trees = fit(all, most, CONFIG, 0);
    let mut best: Option<(f64, usize)> = None;
    for (&n, c) in TREES.iter().zip(&counts) {
        let gum_acc = accuracy(&gum_val, ranker(&linear, &trees, n));
        let gap_f1 = c.f1();
        let chosen = pooled(gap_f1, gap_train.len(), gum_acc, gum_val.len());
        println!("  {n} trees: GAP cross-validated F1 {gap_f1:.4}, GUM dev accuracy {gum_acc:.4}");
        if best.is_none_or(|b| chosen > b.0) {
            best = Some((chosen, n));
        }
    }
    let Some((_, n)) = best else {
        bail!("no ensemble size tried");
    };
    println!("train-speakers: {n} trees chosen by cross-validation");
    let path = root().join("crates/newsclaims-claims/src/rank_weights.rs");
    generated::write_or_check(
        "train-speakers",
        &[(path, render(&linear, &trees, n).into_bytes())],
        check,
    )
}

/// The ranker as the stage runs it: the linear part for the speaker of a cue of speech, the
/// first `n` trees for any other pronoun.
fn ranker<'m>(
    linear: &'m [f64],
    trees: &'m Bag,
    n: usize,
) -> impl Fn(&[f32; FEATURES]) -> f32 + 'm {
    move |f| {
        if f[SPEECH_FEATURE] > 0.0 {
            logit::dot(linear, f) as f32
        } else {
            trees.score(f, n)
        }
    }
}

/// The held-out figures pooled by how many pronouns each rests on: GAP's cross-validated F1
/// over its examples and GUM dev accuracy over its pronouns (a hundred pronouns' accuracy moves
/// by several points by chance, and must not outvote thousands).
fn pooled(gap_f1: f64, gap: usize, gum_acc: f64, gum: usize) -> f64 {
    (gap_f1 * gap as f64 + gum_acc * gum as f64) / (gap + gum).max(1) as f64
}

/// The linear part's L2 strength, chosen by its own cross-validated GAP F1 plus its accuracy on
/// GUM dev, with its weights fitted on each fold's training part.
fn choose_l2(
    gap_gold: &[Gap],
    gap_cases: &[GapCase],
    gap_train: &[Case],
    gum_train: &[Case],
    gum_val: &[Case],
) -> (f64, Vec<Vec<f64>>) {
    let mut best: Option<(f64, f64, Vec<Vec<f64>>)> = None;
    for l2 in L2 {
        let mut counts = gap::Counts::default();
        let mut folds = Vec::new();
        for fold in 0..FOLDS {
            let train = gap_train
                .iter()
                .enumerate()
                .filter(|(k, _)| k % FOLDS != fold)
                .map(|(_, c)| c)
                .chain(gum_train);
            let w = fit_linear(train, l2);
            let held = gap_gold
                .iter()
                .zip(gap_cases)
                .enumerate()
                .filter(|(k, _)| k % FOLDS == fold)
                .map(|(_, pair)| pair);
            counts = counts.add(&gap::gap_f1(held, |f| logit::dot(&w, f) as f32)[0]);
            folds.push(w);
        }
        let w = fit_linear(gap_train.iter().chain(gum_train), l2);
        let gum_acc = accuracy(gum_val, |f| logit::dot(&w, f) as f32);
        let gap_f1 = counts.f1();
        println!(
            "  linear, L2 {l2:e}: GAP cross-validated F1 {gap_f1:.4}, GUM dev accuracy {gum_acc:.4}"
        );
        let chosen = pooled(gap_f1, gap_train.len(), gum_acc, gum_val.len());
        if best.as_ref().is_none_or(|b| chosen > b.0) {
            best = Some((chosen, l2, folds));
        }
    }
    let (_, l2, folds) = best.unwrap_or_default();
    println!("train-speakers: linear L2 {l2:e} chosen by cross-validation");
    (l2, folds)
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

/// A GAP example as a training case: each candidate is right when it holds a gold name.
fn gap_training_case(g: &Gap, c: &GapCase) -> Case {
    let right = c
        .holds
        .iter()
        .map(|h| (h[0] && g.gold[0]) || (h[1] && g.gold[1]))
        .collect();
    Case {
        features: c.candidates.iter().map(|(_, f)| *f).collect(),
        right,
        weight: 1.0,
    }
}

/// A pronoun with candidates as a case, when one is right and one is wrong (what accuracy can
/// judge).
fn case(candidates: &[Candidate], right: Vec<bool>) -> Option<Case> {
    (right.iter().any(|r| *r) && right.iter().any(|r| !*r)).then(|| Case {
        features: candidates.iter().map(|(_, f)| *f).collect(),
        right,
        weight: 1.0,
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

/// Fits the ranker's trees, `trees` per bag: every candidate of every case is one example, right
/// or wrong, weighted by its case's weight; each bag draws its share of the cases by `seed`.
fn fit<'a>(cases: impl Iterator<Item = &'a Case>, trees: usize, config: Config, seed: u64) -> Bag {
    let cases: Vec<&Case> = cases.collect();
    let mut rng = boost::rng(seed);
    let bags = (0..config.bags.max(1))
        .map(|_| {
            let (mut x, mut y, mut weight): (Vec<&[f32]>, Vec<bool>, Vec<f64>) = Default::default();
            for c in &cases {
                if config.share < 1.0 && rng.unit() >= config.share {
                    continue;
                }
                for (f, r) in c.features.iter().zip(&c.right) {
                    x.push(f);
                    y.push(*r);
                    weight.push(c.weight);
                }
            }
            let params = boost::Params {
                trees,
                seed: rng.next_u64(),
                ..config.params
            };
            boost::fit(&x, &y, &weight, params)
        })
        .collect();
    Bag(bags)
}

/// Fits the linear part on the cases where a candidate is right and one is wrong.
fn fit_linear<'a>(cases: impl Iterator<Item = &'a Case>, l2: f64) -> Vec<f64> {
    let usable: Vec<(&[[f32; FEATURES]], &[bool])> = cases
        .filter(|c| c.right.iter().any(|r| *r) && c.right.iter().any(|r| !*r))
        .map(|c| (&c.features[..], &c.right[..]))
        .collect();
    logit::fit(&usable, FEATURES, l2)
}

/// Share of cases whose best-scored candidate is a right one.
fn accuracy(cases: &[Case], score: impl Fn(&[f32; FEATURES]) -> f32) -> f64 {
    let right = cases
        .iter()
        .filter(|c| {
            let mut best = (f32::MIN, false);
            for (f, r) in c.features.iter().zip(&c.right) {
                let s = score(f);
                if s > best.0 {
                    best = (s, *r);
                }
            }
            best.1
        })
        .count();
    right as f64 / cases.len().max(1) as f64
}

/// The generated Rust file: the linear weights, the bias and the first `n` trees, each on one
/// line.
fn render(linear: &[f64], bag: &Bag, n: usize) -> String {
    let mut out = String::from(
        "//! Generated by `cargo xtask train-speakers`; do not edit. The speaker ranker's boosted\n\
         //! trees and linear weights over the features of `rank::FEATURE_NAMES` (a split names one by\n\
         //! its index), learned from GAP development + validation and GUM's training documents.\n\n",
    );
    out.push_str(&format!(
        "/// The linear part's weights, one per feature. A learned weight may round to what clippy\n\
         /// reads as an approximate constant (0.52360 is not pi / 6).\n\
         #[allow(clippy::approx_constant)]\n\
         pub(crate) const WEIGHTS: [f32; {FEATURES}] = [\n"
    ));
    // rustfmt lines up the comments, so the values are padded to the widest.
    let values: Vec<String> = linear.iter().map(|x| format!("{x:.5},")).collect();
    let width = values.iter().map(String::len).max().unwrap_or(0);
    for (name, v) in FEATURE_NAMES.iter().zip(&values) {
        out.push_str(&format!("    {v:<width$} // {name}\n"));
    }
    out.push_str("];\n\n");
    let (bias, trees) = bag.flatten(n);
    let total = trees.len();
    out.push_str(&format!(
        "/// The log-odds before any tree.\npub(crate) const BIAS: f32 = {bias:?};\n\n"
    ));
    out.push_str(&format!(
        "/// One tree: its splits `(feature, threshold)` breadth first (`x <= threshold` goes left)\n\
         /// and its leaves, left to right.\n\
         pub(crate) type Tree = ([(u8, f32); {SPLITS}], [f32; {LEAVES}]);\n\n\
         /// The trees. Thresholds are values the features take, logarithms of small counts among\n\
         /// them (ln 2, ln 10), which clippy would read as approximate constants.\n\
         #[rustfmt::skip]\n\
         #[allow(clippy::approx_constant)]\n\
         pub(crate) static TREES: [Tree; {total}] = [\n"
    ));
    let number = |x: f32| {
        if x.is_infinite() {
            "f32::INFINITY".to_owned()
        } else {
            format!("{x:?}")
        }
    };
    for tree in &trees {
        let splits: Vec<String> = tree
            .splits
            .iter()
            .map(|(f, t)| format!("({f}, {})", number(*t)))
            .collect();
        let leaves: Vec<String> = tree.leaves.iter().map(|v| number(*v)).collect();
        out.push_str(&format!(
            "    ([{}], [{}]),\n",
            splits.join(", "),
            leaves.join(", ")
        ));
    }
    out.push_str("];\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The trees the ranker embeds score every example as the bags' mean does.
    #[test]
    fn flattened_bags_score_their_mean() {
        let x: Vec<[f32; 2]> = (0..300)
            .map(|k| [(k % 2) as f32, ((k / 2) % 3) as f32])
            .collect();
        let y: Vec<bool> = x.iter().map(|r| r[0] > 0.5 && r[1] < 1.5).collect();
        let rows: Vec<&[f32]> = x.iter().map(|r| &r[..]).collect();
        let weight = vec![1.0; y.len()];
        let bag = Bag((1..=3)
            .map(|seed| {
                let params = boost::Params {
                    trees: 10,
                    seed,
                    min_leaf: 5,
                    ..CONFIG.params
                };
                boost::fit(&rows, &y, &weight, params)
            })
            .collect());
        let (bias, trees) = bag.flatten(8);
        assert_eq!(trees.len(), 24);
        for r in &rows {
            let flat = bias + trees.iter().map(|t| t.eval(r)).sum::<f32>();
            let mean = bag.score(r, 8);
            assert!((flat - mean).abs() < 1e-5, "{r:?}: {flat} against {mean}");
        }
    }
}
