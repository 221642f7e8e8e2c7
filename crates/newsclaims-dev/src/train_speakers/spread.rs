//! `train-speakers --spread N [--config BAGS,SHARE,SUBSAMPLE,RATE,MIN_LEAF,LAMBDA]...`: how
//! stable the speaker ranker's trees are. For seeds `0..N` (each a shuffle of the
//! cross-validation folds and the draws of bagging and subsampling) it prints the trees'
//! cross-validated GAP F1 at every ensemble size, and the GAP test F1 of the five fold models
//! at the size that seed's cross-validation picks, with the share of GAP test pronouns that two
//! fold models resolve differently: what a retrain on slightly different data moves. GAP test
//! is only measured here; nothing is chosen on it.

use anyhow::{Result, bail};
use newsclaims_claims::speaker_training::FEATURES;

use super::{CONFIG, Config, Data, FOLDS, TREES, cross_validate, fit_linear, ranker};
use crate::boost;
use crate::gap::{self, GapCase, Task};
use crate::shared;

/// The number after `flag` in `args`, if the flag is there.
pub(super) fn flag_value(args: &[String], flag: &str) -> Result<Option<u64>> {
    match args.iter().position(|a| a == flag) {
        None => Ok(None),
        Some(k) => match args.get(k + 1).map(|v| v.parse()) {
            Some(Ok(v)) => Ok(Some(v)),
            _ => bail!("{flag} takes a number"),
        },
    }
}

/// The configurations `--spread` compares: those given by `--config
/// BAGS,SHARE,SUBSAMPLE,RATE,MIN_LEAF,LAMBDA`, else the shipped one.
pub(super) fn config_from(args: &[String]) -> Result<Vec<Config>> {
    let mut out = Vec::new();
    for (k, a) in args.iter().enumerate() {
        if a != "--config" {
            continue;
        }
        let v: Vec<f64> = args
            .get(k + 1)
            .map(|v| v.split(',').filter_map(|x| x.parse().ok()).collect())
            .unwrap_or_default();
        let [bags, share, subsample, rate, min_leaf, lambda] = v[..] else {
            bail!("--config takes BAGS,SHARE,SUBSAMPLE,RATE,MIN_LEAF,LAMBDA");
        };
        out.push(Config {
            bags: bags as usize,
            share,
            params: boost::Params {
                trees: 0,
                rate: rate as f32,
                subsample,
                seed: 0,
                min_leaf: min_leaf as usize,
                lambda,
            },
        });
    }
    if out.is_empty() {
        out.push(CONFIG);
    }
    Ok(out)
}

/// `--spread N`: how much the trees' cross-validated GAP F1 moves with the seed (the folds and
/// the draws of bagging and subsampling) for each configuration, over seeds `0..N`; and the GAP
/// test F1 of the fold models, only measured. The linear part is fitted once on all training
/// cases (L2 1e-2), the same for every configuration.
pub(super) fn spread(data: &Data<'_>, seeds: u64, configs: &[Config]) -> Result<()> {
    let test_gold = gap::read_gap(&shared().join("data/coref/gap/gap-test.tsv"))?;
    let test_cases: Vec<GapCase> = test_gold
        .iter()
        .map(|g| gap::gap_case(g, Task::Given))
        .collect();
    let linear = fit_linear(data.gap_train.iter().chain(data.gum_train), 1e-2);
    let folds = vec![linear.clone(); FOLDS];
    for config in configs {
        println!("{config:?}");
        let (mut cv, mut test, mut flip) = (Vec::new(), Vec::new(), Vec::new());
        for seed in 0..seeds {
            let (counts, models) = cross_validate(data, &folds, *config, seed);
            let figures: Vec<String> = counts.iter().map(|c| format!("{:.4}", c.f1())).collect();
            // The size a retrain with this seed would ship: its best cross-validated one.
            let best = (0..TREES.len()).fold(0, |b, k| {
                if counts[k].f1() > counts[b].f1() {
                    k
                } else {
                    b
                }
            });
            let n = TREES[best];
            let tested: Vec<f64> = models
                .iter()
                .map(|m| {
                    gap::gap_f1(test_gold.iter().zip(&test_cases), ranker(&linear, m, n))[0].f1()
                })
                .collect();
            let chosen: Vec<Vec<usize>> = models
                .iter()
                .map(|m| choices(&test_cases, ranker(&linear, m, n)))
                .collect();
            let mut flips = Vec::new();
            for (a, x) in chosen.iter().enumerate() {
                for y in &chosen[a + 1..] {
                    let differ = x.iter().zip(y).filter(|(p, q)| p != q).count();
                    flips.push(differ as f64 / x.len().max(1) as f64);
                }
            }
            println!(
                "  seed {seed}: CV F1 by size {}; fold models' GAP test F1 at {n} trees {tested:.4?}, \
                 choices that differ between two of them {}",
                figures.join(" "),
                summary(&flips)
            );
            flip.extend(flips);
            cv.push(counts.iter().map(gap::Counts::f1).collect::<Vec<_>>());
            test.extend(tested);
        }
        for (k, n) in TREES.iter().enumerate() {
            let at: Vec<f64> = cv.iter().map(|c| c[k]).collect();
            println!("  {n} trees: CV F1 {}", summary(&at));
        }
        println!("  GAP test F1 of the fold models: {}", summary(&test));
        println!(
            "  GAP test choices that differ between fold models: {}",
            summary(&flip)
        );
    }
    Ok(())
}

/// The candidate each GAP case's pronoun is resolved to by `score` (the first of the best).
fn choices(cases: &[GapCase], score: impl Fn(&[f32; FEATURES]) -> f32) -> Vec<usize> {
    cases
        .iter()
        .map(|c| {
            let mut best = (f32::MIN, usize::MAX);
            for (k, (_, f)) in c.candidates.iter().enumerate() {
                let s = score(f);
                if s > best.0 {
                    best = (s, k);
                }
            }
            best.1
        })
        .collect()
}

/// Mean, standard deviation, least and greatest of some figures.
fn summary(x: &[f64]) -> String {
    let n = x.len().max(1) as f64;
    let mean = x.iter().sum::<f64>() / n;
    let sd = (x.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0)).sqrt();
    let lo = x.iter().copied().fold(f64::MAX, f64::min);
    let hi = x.iter().copied().fold(f64::MIN, f64::max);
    format!("mean {mean:.4} sd {sd:.4} min {lo:.4} max {hi:.4}")
}
