//! The conditional logit of the speaker ranker's speech part: over each pronoun's candidates, a
//! softmax of a linear score, fitted by full-batch gradient descent (L2) in a fixed order, so
//! the weights are deterministic.

/// Gradient-descent steps: the loss is convex and flat well before this.
const STEPS: usize = 1500;
/// Step size on the mean loss; features are flags or logs of small counts.
const RATE: f64 = 0.5;

/// The linear score of one candidate.
pub(crate) fn dot(w: &[f64], f: &[f32]) -> f64 {
    w.iter().zip(f).map(|(w, f)| w * f64::from(*f)).sum()
}

/// Fits the weights that maximise the mean log-probability of the right candidates; each case
/// is its candidates' features and which of them are right (at least one is, one is not).
pub(crate) fn fit(cases: &[(&[impl AsRef<[f32]>], &[bool])], features: usize, l2: f64) -> Vec<f64> {
    let mut w = vec![0.0f64; features];
    let n = cases.len().max(1) as f64;
    let mut grad = vec![0.0f64; features];
    for _ in 0..STEPS {
        grad.iter_mut().for_each(|g| *g = 0.0);
        for (candidates, right) in cases {
            let scores: Vec<f64> = candidates.iter().map(|f| dot(&w, f.as_ref())).collect();
            let top = scores.iter().copied().fold(f64::MIN, f64::max);
            let exp: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
            let all: f64 = exp.iter().sum();
            let right_mass: f64 = exp
                .iter()
                .zip(right.iter())
                .filter(|(_, r)| **r)
                .map(|(e, _)| e)
                .sum();
            for (k, f) in candidates.iter().enumerate() {
                let model = exp[k] / all;
                let target = if right[k] { exp[k] / right_mass } else { 0.0 };
                for (g, x) in grad.iter_mut().zip(f.as_ref()) {
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
