//! The averaged perceptron that the claims trainers share (the cue classifier and the boundary
//! ranker): integer weights averaged with the time-weighted update sum, a seeded shuffle per
//! pass, the model as the mean of several runs over different shuffles, and its 16-bit form;
//! also the float score and sign accuracy of hashed features that every linear claims trainer
//! (the logistic acceptance model's too) reads its weights with.

use newsclaims_text::rng::Rng;

/// Perceptrons averaged into the model, each over its own shuffle: one perceptron's weights
/// move with the order it saw the instances in (retrained on the same data with a few decisions
/// of the rules changed, its dev F1 moved by half a point), their mean much less. Five runs still
/// left the claims models' retraining worth seven PolNeAR dev contents either way after a dozen
/// rule changes; twenty (training four times as long, 28 s for `train-claims`) keep the dev
/// figures of the models before it.
pub(crate) const RUNS: u64 = 20;

/// The score of hashed `features` under float `weights`: the sum of theirs.
pub(crate) fn dot(weights: &[f64], features: &[u32]) -> f64 {
    features.iter().map(|&f| weights[f as usize]).sum()
}

/// The share of `(features, positive)` examples whose score under `weights` is positive exactly
/// when the example is.
pub(crate) fn accuracy<'a>(
    weights: &[f64],
    xs: impl ExactSizeIterator<Item = (&'a [u32], bool)>,
) -> f64 {
    let n = xs.len();
    let right = xs
        .filter(|&(f, positive)| (dot(weights, f) > 0.0) == positive)
        .count();
    right as f64 / n.max(1) as f64
}

/// Integer weights and the sum over time of their updates, weighted by when they happened
/// (Daumé's trick): their difference at the end is the average of the weights over every step.
pub(crate) struct Weights {
    w: Vec<i64>,
    u: Vec<i64>,
    c: i64,
}

impl Weights {
    fn new(n: usize) -> Weights {
        Weights {
            w: vec![0; n],
            u: vec![0; n],
            c: 1,
        }
    }

    /// The sum of the current weights of `features`.
    pub(crate) fn score(&self, features: &[u32]) -> i64 {
        features.iter().map(|&f| self.w[f as usize]).sum()
    }

    /// Adds `by` to the weight of each of `features`.
    pub(crate) fn update(&mut self, features: &[u32], by: i64) {
        for &f in features {
            self.w[f as usize] += by;
            self.u[f as usize] += by * self.c;
        }
    }

    fn average(&self) -> Vec<f64> {
        let c = self.c as f64;
        self.w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| w as f64 - u as f64 / c)
            .collect()
    }
}

/// What differs between the trainers that use the perceptron.
pub(crate) struct Setup<'a> {
    /// The model's name in the progress lines (`train-claims: <name> pass 1: ...`).
    pub(crate) name: &'a str,
    /// The size of the hashed feature space.
    pub(crate) features: usize,
    pub(crate) epochs: usize,
    /// The first run's shuffle seed; each further run adds to it.
    pub(crate) seed: u64,
}

/// The mean of [`RUNS`] perceptrons' averaged weights, each trained with its own seed over
/// `setup.epochs` shuffled passes; `step` sees one training instance and updates the weights
/// when it is wrong. Reports `accuracy` on train and dev after each pass and for the mean.
pub(crate) fn mean_of_runs<I>(
    setup: &Setup,
    train: &[I],
    dev: &[I],
    step: impl Fn(&mut Weights, &I),
    accuracy: impl Fn(&[f64], &[I]) -> f64,
) -> Vec<f64> {
    let mut sum = vec![0f64; setup.features];
    for run in 0..RUNS {
        let seed = setup.seed.wrapping_add(run.wrapping_mul(0x9e37_79b9));
        let mut weights = Weights::new(setup.features);
        let mut order: Vec<usize> = (0..train.len()).collect();
        let mut rng = Rng::new(seed);
        for epoch in 0..setup.epochs {
            rng.shuffle(&mut order);
            for &k in &order {
                step(&mut weights, &train[k]);
                weights.c += 1;
            }
            let average = weights.average();
            eprintln!(
                "train-claims: {} pass {}: train {:.4}, dev {:.4}",
                setup.name,
                epoch + 1,
                accuracy(&average, train),
                accuracy(&average, dev)
            );
        }
        for (s, w) in sum.iter_mut().zip(weights.average()) {
            *s += w;
        }
    }
    eprintln!(
        "train-claims: {} mean of {RUNS} runs: train {:.4}, dev {:.4}",
        setup.name,
        accuracy(&sum, train),
        accuracy(&sum, dev)
    );
    sum
}

/// A model as it ships: weights scaled so that the largest magnitude is `i16::MAX` and rounded.
pub(crate) struct Quantized {
    /// The 16-bit weights as `f64`, which the trainers' dev reports score with.
    pub(crate) weights: Vec<f64>,
    /// The model file: the 16-bit weights, little-endian.
    pub(crate) bytes: Vec<u8>,
}

/// `weights` quantised to 16 bits ([`Quantized`]).
pub(crate) fn quantize(weights: &[f64]) -> Quantized {
    let max = weights.iter().fold(0f64, |m, w| m.max(w.abs())).max(1e-9);
    let q: Vec<i16> = weights
        .iter()
        .map(|w| (w / max * f64::from(i16::MAX)).round() as i16)
        .collect();
    Quantized {
        weights: q.iter().map(|&w| f64::from(w)).collect(),
        bytes: q.iter().flat_map(|w| w.to_le_bytes()).collect(),
    }
}
