//! Nested attributions: a claim whose cue and subject lie inside another claim's content takes the
//! outer subject as its source. A sweep with a Fenwick tree keeps it O(n log n).

use newsclaims_text::Span;

use super::Found;
use crate::view::View;

/// Marks claims whose cue and subject lie inside another claim's content as nested, with the
/// outer claim's subject as their source.
pub(super) fn nest(view: &View<'_>, found: &mut [Found]) {
    // For each claim with a cue and a subject, the outer claim is the first one (by index) whose
    // content covers both and differs from its own. Asking every claim of every other would be
    // quadratic on long texts; instead the claims are swept by content start, and a Fenwick tree
    // over content ends answers "the first claim starting at or before `lo` and ending at or
    // after `hi`" in O(log n), keeping the two first with different spans (see `First2`).
    let spans: Vec<Span> = found.iter().map(Found::span).collect();
    let mut queries: Vec<(usize, usize, usize)> = found
        .iter()
        .enumerate()
        .filter_map(|(k, f)| {
            let need = f.cue?.cover(f.subject?);
            Some((need.start(), need.end(), k))
        })
        .collect();
    queries.sort_unstable();
    let mut by_start: Vec<usize> = (0..found.len()).collect();
    by_start.sort_unstable_by_key(|&j| spans[j].start());
    // Distinct content ends, descending: "ends at or after `hi`" is a prefix of positions.
    let mut ends: Vec<usize> = spans.iter().map(|s| s.end()).collect();
    ends.sort_unstable_by(|a, b| b.cmp(a));
    ends.dedup();
    let mut tree = vec![First2::default(); ends.len() + 1];
    let mut next = 0;
    for (lo, hi, k) in queries {
        while let Some(&j) = by_start.get(next).filter(|&&j| spans[j].start() <= lo) {
            let mut i = ends.partition_point(|&e| e > spans[j].end()) + 1;
            while i < tree.len() {
                tree[i] = tree[i].merge(First2::one(j), &spans);
                i += i & i.wrapping_neg();
            }
            next += 1;
        }
        let mut best = First2::default();
        let mut i = ends.partition_point(|&e| e >= hi);
        while i > 0 {
            best = best.merge(tree[i], &spans);
            i -= i & i.wrapping_neg();
        }
        let outer = [best.first, best.second]
            .into_iter()
            .flatten()
            .find(|&j| spans[j] != spans[k]);
        if let Some(j) = outer {
            found[k].source = found[j].subject;
        }
    }
    let _ = view;
}

/// Among some claims: the first (lowest index), and the first whose span differs from the
/// first's. Whatever span a query must avoid, one of the two is the first claim without it.
#[derive(Clone, Copy, Default)]
pub(super) struct First2 {
    first: Option<usize>,
    second: Option<usize>,
}

impl First2 {
    fn one(j: usize) -> First2 {
        First2 {
            first: Some(j),
            second: None,
        }
    }

    fn merge(self, other: First2, spans: &[Span]) -> First2 {
        let all = [self.first, self.second, other.first, other.second];
        let first = all.iter().flatten().copied().min();
        let second = first.and_then(|f| {
            all.iter()
                .flatten()
                .copied()
                .filter(|&j| spans[j] != spans[f])
                .min()
        });
        First2 { first, second }
    }
}
