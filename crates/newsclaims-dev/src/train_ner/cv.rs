//! `train-ner --cv`: K-fold cross-validation on CoNLL-2003 train and the dev score, per epoch,
//! for several training seeds, so that a model choice is made on train-CV and dev together and
//! a difference smaller than the spread between seeds is not mistaken for a gain.

use anyhow::{Result, bail};
use newsclaims_entities::train::{self, Counts};
use newsclaims_text::rng::Rng;

use super::{EPOCHS, Inputs, MIX, by_type};

/// Folds of the cross-validation by default.
const FOLDS: usize = 5;
/// Training seeds by default: enough to see the spread that the document order alone causes.
const SEEDS: usize = 3;

pub(super) fn cross_validate(args: &[String], inputs: &Inputs) -> Result<()> {
    let folds = option(args, "--folds", FOLDS)?;
    let n_seeds = option(args, "--seeds", SEEDS)?;
    let epochs = option(args, "--epochs", EPOCHS)?;
    let seeds: Vec<Vec<u64>> = (0..n_seeds)
        .map(|k| seeds(k, args))
        .collect::<Result<_>>()?;
    let resources = inputs.resources();
    // Per seed, per epoch: (train-CV counts, dev counts).
    let mut runs: Vec<Vec<([Counts; 5], [Counts; 5])>> = Vec::new();
    for (k, seed) in seeds.iter().enumerate() {
        let cv =
            train::cross_validate(&inputs.train, &resources, epochs, folds, seed, |f, e, c| {
                if e == epochs {
                    eprintln!(
                        "train-ner --cv: seed {k} fold {f} epoch {e} F1 {}",
                        by_type(&c)
                    );
                }
            });
        let mut dev = Vec::new();
        train::train(
            &inputs.train,
            &inputs.dev,
            &resources,
            epochs,
            seed,
            |_, c| dev.push(c),
        );
        for (e, (c, d)) in cv.iter().zip(&dev).enumerate() {
            eprintln!(
                "train-ner --cv: seed {k} epoch {:2} train-CV {} dev {}",
                e + 1,
                by_type(c),
                by_type(d)
            );
        }
        runs.push(cv.into_iter().zip(dev).collect());
    }
    println!("train-ner --cv: {folds} folds, {n_seeds} seeds; F1 mean ± half-range over seeds");
    for e in 0..epochs {
        let cv: Vec<[Counts; 5]> = runs.iter().map(|r| r[e].0).collect();
        let dev: Vec<[Counts; 5]> = runs.iter().map(|r| r[e].1).collect();
        println!(
            "epoch {:2}  train-CV {}  dev {}",
            e + 1,
            summary(&cv),
            summary(&dev)
        );
    }
    Ok(())
}

/// `mean±spread (PER mean ORG mean LOC mean MISC mean)` over seeds, spread the half range.
fn summary(runs: &[[Counts; 5]]) -> String {
    let stats = |t: usize| {
        let f: Vec<f64> = runs.iter().map(|c| c[t].f1()).collect();
        let mean = f.iter().sum::<f64>() / f.len() as f64;
        let lo = f.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = f.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (mean, (hi - lo) / 2.0)
    };
    let (mean, spread) = stats(4);
    format!(
        "{mean:.4}±{spread:.4} (PER {:.4} ORG {:.4} LOC {:.4} MISC {:.4})",
        stats(0).0,
        stats(1).0,
        stats(2).0,
        stats(3).0
    )
}

/// Training seed `k`: the committed model's seed first, then further ones from a fixed
/// generator.
pub(super) fn seed(k: usize) -> u64 {
    let mut rng = Rng::new(train::SEED);
    let mut seed = train::SEED;
    for _ in 0..k {
        seed = rng.next_u64();
    }
    seed
}

/// The training seeds of run `k`: [`MIX`] (or `--mix N`) of them, whose models are mixed; run 0
/// is the committed model's.
pub(super) fn seeds(k: usize, args: &[String]) -> Result<Vec<u64>> {
    let mix = option(args, "--mix", MIX)?;
    Ok((k * mix..(k + 1) * mix).map(seed).collect())
}

/// The value of `--name N`, or `default`.
pub(super) fn option(args: &[String], name: &str, default: usize) -> Result<usize> {
    match args.iter().position(|a| a == name) {
        None => Ok(default),
        Some(k) => match args.get(k + 1).and_then(|v| v.parse().ok()) {
            Some(v) if v > 0 => Ok(v),
            _ => bail!("{name} needs a positive number"),
        },
    }
}
