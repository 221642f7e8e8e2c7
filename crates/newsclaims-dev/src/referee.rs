//! The referee's reading of claims (`../shared/eval/score.py`), for the tools that label or list
//! claims as it scores them: a text's words are its `\w+` runs, a span's words those wholly
//! inside it, and gold and predicted claims pair greedily by the Dice overlap of their words,
//! best first, each side used once, a pair matching when each side has at least half of its
//! words in the other.

use std::collections::BTreeSet;

/// The share of its words each side of a match must have in the other, as the referee's.
const MATCH_SHARE: f64 = 0.5;

/// Whether `c` is a `\w` character.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The `\w+` runs of a text given as its chars with their positions (bytes or code points), in
/// order, as ranges of those positions; `end` is the text's end.
pub(crate) fn word_runs(
    chars: impl Iterator<Item = (usize, char)>,
    end: usize,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (k, c) in chars {
        match (is_word_char(c), start) {
            (true, None) => start = Some(k),
            (false, Some(s)) => {
                out.push((s, k));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, end));
    }
    out
}

/// The indices of the `words` (sorted ranges) wholly inside any of `spans`.
pub(crate) fn words_in(spans: &[(usize, usize)], words: &[(usize, usize)]) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    for &(a, b) in spans {
        let first = words.partition_point(|&(s, _)| s < a);
        for (k, &(s, e)) in words.iter().enumerate().skip(first) {
            if s >= b {
                break;
            }
            if e <= b {
                out.insert(k);
            }
        }
    }
    out
}

/// The matched `(gold, prediction)` index pairs of the two sides' word sets.
pub(crate) fn match_pairs(
    gold: &[&BTreeSet<usize>],
    pred: &[&BTreeSet<usize>],
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, p) in pred.iter().enumerate() {
            let inter = g.intersection(p).count();
            if inter > 0 {
                let dice = 2.0 * inter as f64 / (g.len() + p.len()) as f64;
                pairs.push((dice, i, j, inter));
            }
        }
    }
    // Python sorts the tuples in reverse: the best Dice first, ties by the higher indices.
    pairs.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(b.2.cmp(&a.2))
            .then(b.3.cmp(&a.3))
    });
    let (mut used_g, mut used_p) = (vec![false; gold.len()], vec![false; pred.len()]);
    let mut out = Vec::new();
    for (_, i, j, inter) in pairs {
        if used_g[i] || used_p[j] {
            continue;
        }
        let cov = inter as f64 / gold[i].len() as f64;
        let prec = inter as f64 / pred[j].len() as f64;
        if cov >= MATCH_SHARE && prec >= MATCH_SHARE {
            used_g[i] = true;
            used_p[j] = true;
            out.push((i, j));
        }
    }
    out
}
