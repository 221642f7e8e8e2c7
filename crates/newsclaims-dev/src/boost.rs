//! Gradient-boosted decision trees for a yes/no target (logistic loss, Newton steps), as the
//! speaker ranker uses them: every tree is complete, of depth [`DEPTH`], its splits `x <=
//! threshold` (left) over one feature each, stored breadth first; a node with no useful split
//! sends everything left (threshold `+inf`).
//!
//! Split points are histogram bins: each feature's distinct training values, or at most
//! [`BINS`] of its quantiles, so a split tests a value the data has. Each tree may be grown on a
//! share of the examples drawn by a seeded generator ([`Params::subsample`], stochastic gradient
//! boosting); everything else runs in a fixed order, so the same data and seed give the same
//! trees bit for bit.

use newsclaims_text::rng::Rng;

/// The depth of every tree: three tests, eight leaves (interactions of up to three features).
pub(crate) const DEPTH: usize = 3;
/// Split tests per tree.
pub(crate) const SPLITS: usize = (1 << DEPTH) - 1;
/// Leaves per tree.
pub(crate) const LEAVES: usize = 1 << DEPTH;

/// At most this many split points per feature: enough for counts and distances.
const BINS: usize = 32;

/// One tree: its splits (feature, threshold) breadth first, and its leaves' values.
#[derive(Clone, Debug)]
pub(crate) struct Tree {
    pub(crate) splits: [(usize, f32); SPLITS],
    pub(crate) leaves: [f32; LEAVES],
}

impl Tree {
    /// The leaf value of one example.
    pub(crate) fn eval(&self, x: &[f32]) -> f32 {
        newsclaims_claims::speaker_training::tree_leaf(&self.splits, &self.leaves, x)
    }
}

/// A trained ensemble: the bias plus every tree's leaf, as a log-odds.
#[derive(Clone, Debug)]
pub(crate) struct Ensemble {
    pub(crate) bias: f32,
    pub(crate) trees: Vec<Tree>,
}

impl Ensemble {
    /// The score of one example with the first `n` trees.
    pub(crate) fn score(&self, x: &[f32], n: usize) -> f32 {
        self.bias + self.trees[..n].iter().map(|t| t.eval(x)).sum::<f32>()
    }
}

/// The workspace's generator ([`Rng`]) for `seed`, which may be zero (the seeds of `--spread`
/// count from 0): `2 * seed + 1` is odd, so never xorshift's fixed point, and differs by seed.
pub(crate) fn rng(seed: u64) -> Rng {
    Rng::new(seed.wrapping_mul(2).wrapping_add(1))
}

/// How one ensemble is grown.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Params {
    pub(crate) trees: usize,
    /// The learning rate (shrinkage of every leaf).
    pub(crate) rate: f32,
    /// The share of examples each tree is grown on; 1.0 grows every tree on all of them.
    pub(crate) subsample: f64,
    /// Seeds the draws of [`Params::subsample`].
    pub(crate) seed: u64,
    /// A leaf holds at least this many examples, so no leaf fits a handful of outliers.
    pub(crate) min_leaf: usize,
    /// L2 strength on the leaf values, which keeps a sparse leaf's step small.
    pub(crate) lambda: f64,
}

/// Fits an ensemble with `params` to examples `x` with targets `y`, each example counting
/// `weight` times.
pub(crate) fn fit(x: &[&[f32]], y: &[bool], weight: &[f64], params: Params) -> Ensemble {
    let features = x.first().map_or(0, |r| r.len());
    let edges: Vec<Vec<f32>> = (0..features).map(|f| bin_edges(x, f)).collect();
    // bins[i * features + f]: the bin of example i's feature f.
    let bins: Vec<u8> = x
        .iter()
        .flat_map(|r| {
            r.iter()
                .zip(&edges)
                .map(|(v, e)| e.partition_point(|edge| edge < v) as u8)
        })
        .collect();
    let positive: f64 = y
        .iter()
        .zip(weight)
        .filter(|(y, _)| **y)
        .map(|(_, w)| w)
        .sum();
    let total: f64 = weight.iter().sum();
    let share = (positive / total.max(1.0)).clamp(1e-6, 1.0 - 1e-6);
    let bias = (share / (1.0 - share)).ln() as f32;
    let mut ensemble = Ensemble {
        bias,
        trees: Vec::new(),
    };
    let mut margin = vec![bias; x.len()];
    let mut rng = rng(params.seed);
    for _ in 0..params.trees {
        let (grad, hess): (Vec<f64>, Vec<f64>) = margin
            .iter()
            .zip(y)
            .zip(weight)
            .map(|((m, y), w)| {
                let p = 1.0 / (1.0 + (-f64::from(*m)).exp());
                (
                    w * (p - f64::from(u8::from(*y))),
                    w * (p * (1.0 - p)).max(1e-9),
                )
            })
            .unzip();
        let members: Vec<usize> = if params.subsample < 1.0 {
            (0..x.len())
                .filter(|_| rng.unit() < params.subsample)
                .collect()
        } else {
            (0..x.len()).collect()
        };
        let tree = grow(&bins, features, &edges, (&grad, &hess), members, &params);
        for (m, r) in margin.iter_mut().zip(x) {
            *m += tree.eval(r);
        }
        ensemble.trees.push(tree);
    }
    ensemble
}

/// Split points of feature `f`: its distinct values, or [`BINS`] of its quantiles; the last
/// value is never one (nothing lies above it).
fn bin_edges(x: &[&[f32]], f: usize) -> Vec<f32> {
    let mut values: Vec<f32> = x.iter().map(|r| r[f]).collect();
    values.sort_by(f32::total_cmp);
    let mut distinct = values.clone();
    distinct.dedup();
    distinct.pop();
    if distinct.len() <= BINS {
        return distinct;
    }
    let mut out: Vec<f32> = (1..BINS).map(|q| values[q * values.len() / BINS]).collect();
    out.dedup();
    out.retain(|v| Some(v) != values.last());
    out
}

/// Grows one tree over the examples `members`: each node takes the split of greatest gain.
fn grow(
    bins: &[u8],
    features: usize,
    edges: &[Vec<f32>],
    (grad, hess): (&[f64], &[f64]),
    members: Vec<usize>,
    params: &Params,
) -> Tree {
    let mut tree = Tree {
        splits: [(0, f32::INFINITY); SPLITS],
        leaves: [0.0; LEAVES],
    };
    // The examples at each node of the current level.
    let mut level: Vec<Vec<usize>> = vec![members];
    for depth in 0..DEPTH {
        let mut next = Vec::with_capacity(2 * level.len());
        for (k, members) in level.iter().enumerate() {
            let node = (1 << depth) - 1 + k;
            let split = best_split(bins, features, edges, (grad, hess), members, params);
            let (left, right): (Vec<usize>, Vec<usize>) = match split {
                Some((f, b)) => {
                    tree.splits[node] = (f, edges[f][b]);
                    members
                        .iter()
                        .partition(|&&i| usize::from(bins[i * features + f]) <= b)
                }
                None => (members.clone(), Vec::new()),
            };
            next.push(left);
            next.push(right);
        }
        level = next;
    }
    for (leaf, members) in level.iter().enumerate() {
        let g: f64 = members.iter().map(|&i| grad[i]).sum();
        let h: f64 = members.iter().map(|&i| hess[i]).sum();
        tree.leaves[leaf] = params.rate * (-g / (h + params.lambda)) as f32;
    }
    tree
}

/// The (feature, bin) split of `members` with the greatest gain, if any leaves both sides at
/// least [`Params::min_leaf`] examples and gains anything.
fn best_split(
    bins: &[u8],
    features: usize,
    edges: &[Vec<f32>],
    (grad, hess): (&[f64], &[f64]),
    members: &[usize],
    params: &Params,
) -> Option<(usize, usize)> {
    let (min_leaf, lambda) = (params.min_leaf, params.lambda);
    if members.len() < 2 * min_leaf {
        return None;
    }
    let total_g: f64 = members.iter().map(|&i| grad[i]).sum();
    let total_h: f64 = members.iter().map(|&i| hess[i]).sum();
    let parent = total_g * total_g / (total_h + lambda);
    let mut best: Option<(f64, usize, usize)> = None;
    let mut hist = vec![(0.0f64, 0.0f64, 0usize); BINS + 1];
    for (f, e) in edges.iter().enumerate() {
        if e.is_empty() {
            continue;
        }
        hist.iter_mut().for_each(|h| *h = (0.0, 0.0, 0));
        for &i in members {
            let h = &mut hist[usize::from(bins[i * features + f])];
            h.0 += grad[i];
            h.1 += hess[i];
            h.2 += 1;
        }
        let (mut g, mut h, mut n) = (0.0, 0.0, 0);
        for (b, bin) in hist.iter().enumerate().take(e.len()) {
            g += bin.0;
            h += bin.1;
            n += bin.2;
            if n < min_leaf || members.len() - n < min_leaf {
                continue;
            }
            let (rg, rh) = (total_g - g, total_h - h);
            let gain = g * g / (h + lambda) + rg * rg / (rh + lambda) - parent;
            if gain > 1e-9 && best.is_none_or(|(bg, _, _)| gain > bg) {
                best = Some((gain, f, b));
            }
        }
    }
    best.map(|(_, f, b)| (f, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Examples on a grid whose target is an interaction (`a` and not `b`), which no single
    /// split separates.
    fn grid() -> (Vec<[f32; 2]>, Vec<bool>) {
        let mut x = Vec::new();
        let mut y = Vec::new();
        for k in 0..400 {
            let (a, b) = ((k % 2) as f32, ((k / 2) % 2) as f32);
            x.push([a, b]);
            y.push(a > 0.5 && b < 0.5);
        }
        (x, y)
    }

    const PARAMS: Params = Params {
        trees: 50,
        rate: 0.3,
        subsample: 1.0,
        seed: 0,
        min_leaf: 20,
        lambda: 1.0,
    };

    #[test]
    fn learns_an_interaction() {
        let (x, y) = grid();
        let rows: Vec<&[f32]> = x.iter().map(|r| &r[..]).collect();
        for params in [
            PARAMS,
            Params {
                subsample: 0.5,
                seed: 7,
                ..PARAMS
            },
        ] {
            let model = fit(&rows, &y, &vec![1.0; y.len()], params);
            for (r, want) in rows.iter().zip(&y) {
                let score = model.score(r, model.trees.len());
                assert_eq!(score > 0.0, *want, "{r:?} scored {score} with {params:?}");
            }
        }
    }

    /// Subsampling draws by the seed: the same seed grows the same trees, another seed others.
    #[test]
    fn subsampling_follows_the_seed() {
        let (x, y) = grid();
        let rows: Vec<&[f32]> = x.iter().map(|r| &r[..]).collect();
        let weight = vec![1.0; y.len()];
        let leaves = |seed: u64| -> Vec<f32> {
            let params = Params {
                subsample: 0.5,
                seed,
                ..PARAMS
            };
            let model = fit(&rows, &y, &weight, params);
            model.trees.iter().flat_map(|t| t.leaves).collect()
        };
        assert_eq!(leaves(1), leaves(1));
        assert_ne!(leaves(1), leaves(2));
    }
}
