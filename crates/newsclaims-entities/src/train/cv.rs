//! Cross-validation on the training set ([`cross_validate`]): the model choices (epochs,
//! features, word-cluster variants) are made on held-out parts of train, not on dev alone.

use super::{ConllDoc, Counts, Prepared, Resources, evaluate, fit, prepare};
use crate::features::N_TYPES;
use crate::lexicon::Lexicon;
use crate::model::{self, Weights};

/// Entity counts of `folds`-fold cross-validation over `train`, one entry per epoch (1 to
/// `epochs`), summed over the folds. Fold `f` holds out the `f`-th contiguous block of documents
/// (neighbouring documents of CoNLL are from the same days, so a block is held out as dev is);
/// each fold trains on the rest, one model per seed of `seeds` (mixed as in [`super::train`]). `log`
/// receives the fold, the epoch and that fold's counts.
pub fn cross_validate(
    train: &[ConllDoc],
    resources: &Resources<'_>,
    epochs: usize,
    folds: usize,
    seeds: &[u64],
    mut log: impl FnMut(usize, usize, [Counts; N_TYPES + 1]),
) -> Vec<[Counts; N_TYPES + 1]> {
    let lex = Lexicon::new(&resources.lexicons);
    let clusters = model::parse_clusters(resources.clusters);
    let docs: Vec<Prepared<'_>> = train.iter().map(prepare).collect();
    let folds = folds.clamp(2, docs.len().max(2));
    let mut total = vec![[Counts::default(); N_TYPES + 1]; epochs];
    for fold in 0..folds {
        let range = fold * docs.len() / folds..(fold + 1) * docs.len() / folds;
        let held = &docs[range.clone()];
        let rest: Vec<&Prepared<'_>> = docs
            .iter()
            .enumerate()
            .filter(|(k, _)| !range.contains(k))
            .map(|(_, d)| d)
            .collect();
        fit(&rest, &lex, &clusters, epochs, seeds, |epoch, encoded| {
            let compact = Weights::decode(&encoded).expect("just encoded");
            let counts = evaluate(&compact, &lex, &clusters, held);
            for (sum, c) in total[epoch - 1].iter_mut().zip(counts) {
                sum.gold += c.gold;
                sum.predicted += c.predicted;
                sum.correct += c.correct;
            }
            log(fold, epoch, counts);
        });
    }
    total
}
