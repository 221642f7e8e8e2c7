//! Word clusters from unlabelled text for the name tagger's cluster features: PPMI-weighted
//! neighbour counts, randomly projected and grouped by spherical k-means ([`derive_clusters`]).
//! Deterministic: a fixed-seed projection, ordered inputs, no hash-map order reaches the output.

use std::collections::HashMap;

use newsclaims_text::rng::Rng;

/// Words seen fewer times get no cluster.
const MIN_COUNT: u32 = 4;
/// The most words clustered, the most frequent first.
const MAX_WORDS: usize = 40_000;
/// The most frequent words serve as context dimensions, on each side.
const CONTEXTS: usize = 2000;
/// The dimensions of the random projection.
const DIMS: usize = 256;

/// Derives word clusters from unlabelled text (`documents` of tokens): each frequent word is
/// described by its PPMI-weighted left and right neighbours, randomly projected to a dense
/// vector, and grouped by spherical k-means into [`FINE`] clusters, which are grouped again into
/// [`COARSE`] ones (a cheap stand-in for the prefixes of Brown clusters). Returns
/// `word<TAB>cluster` lines, sorted, where `cluster = coarse << 16 | fine`. Deterministic.
pub fn derive_clusters(documents: &[Vec<&str>]) -> String {
    let casing = corpus_casing(documents);
    let docs: Vec<Vec<String>> = documents
        .iter()
        .map(|d| d.iter().map(|w| normalise_word(w)).collect())
        .collect();
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for d in &docs {
        for w in d {
            *counts.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut by_count: Vec<(&str, u32)> = counts.iter().map(|(w, c)| (*w, *c)).collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let contexts: HashMap<&str, usize> = by_count
        .iter()
        .take(CONTEXTS)
        .enumerate()
        .map(|(k, (w, _))| (*w, k))
        .collect();
    let words: Vec<&str> = by_count
        .iter()
        .filter(|(w, c)| *c >= MIN_COUNT && w.chars().any(char::is_alphabetic))
        .take(MAX_WORDS)
        .map(|(w, _)| *w)
        .collect();
    let index: HashMap<&str, usize> = words.iter().enumerate().map(|(k, w)| (*w, k)).collect();
    // Context dimensions: left neighbour, right neighbour; `CONTEXTS` stands for any other word
    // and `CONTEXTS + 1` for the document edge.
    let side = CONTEXTS + 2;
    let pairs = neighbour_pairs(&docs, &index, &contexts, side);
    let mut vectors = ppmi_vectors(&pairs, words.len(), side);
    normalise(&mut vectors, DIMS);
    let case: Vec<u32> = words
        .iter()
        .map(|w| case_bucket(casing.get(*w).copied().unwrap_or_default()))
        .collect();
    cluster_lines(&words, &vectors, &case)
}

/// Per normalised word: how often it is capitalised and how often lowercase, away from the start
/// of a sentence (after a word or a comma: the text is not split into sentences here).
fn corpus_casing(documents: &[Vec<&str>]) -> HashMap<String, (u32, u32)> {
    let mut casing: HashMap<String, (u32, u32)> = HashMap::new();
    for d in documents {
        for pair in d.windows(2) {
            let (before, w) = (pair[0], pair[1]);
            let mid_sentence = before == "," || before.chars().all(char::is_alphanumeric);
            let Some(first) = w.chars().next().filter(|c| c.is_alphabetic()) else {
                continue;
            };
            if !mid_sentence {
                continue;
            }
            let counts = casing.entry(normalise_word(w)).or_default();
            if first.is_uppercase() {
                counts.0 += 1;
            } else if w.chars().all(|c| !c.is_uppercase()) {
                counts.1 += 1;
            }
        }
    }
    casing
}

/// Mid-sentence occurrences below which a word's casing is not told ([`case_bucket`] 0).
const MIN_CASED: u32 = 2;
/// The upper bounds of the share capitalised of [`case_bucket`]s 1 to 4; above the last, 5.
const CASE_SHARES: [f64; 4] = [0.05, 0.3, 0.7, 0.95];

/// How a word is cased in the unlabelled text, from its `(capitalised, lowercase)` counts: 0
/// unknown, then 1 (nearly always lowercase) to 5 (nearly always capitalised).
fn case_bucket((capitalised, lower): (u32, u32)) -> u32 {
    let n = capitalised + lower;
    if n < MIN_CASED {
        return 0;
    }
    let share = f64::from(capitalised) / f64::from(n);
    1 + CASE_SHARES.iter().filter(|&&t| share >= t).count() as u32
}

/// The form a word is counted in: curly apostrophes straightened, digits as `0`, lowercase.
fn normalise_word(w: &str) -> String {
    w.chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            c if c.is_ascii_digit() => '0',
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
}

/// Every occurrence of a clustered word (`index`) with its left and its right context dimension
/// (`side` dimensions per side), as `word << 32 | dimension`, sorted.
fn neighbour_pairs(
    docs: &[Vec<String>],
    index: &HashMap<&str, usize>,
    contexts: &HashMap<&str, usize>,
    side: usize,
) -> Vec<u64> {
    let ctx = |w: Option<&String>| match w {
        None => CONTEXTS + 1,
        Some(w) => contexts.get(w.as_str()).copied().unwrap_or(CONTEXTS),
    };
    let mut pairs: Vec<u64> = Vec::new();
    for d in docs {
        for (i, w) in d.iter().enumerate() {
            let Some(&k) = index.get(w.as_str()) else {
                continue;
            };
            let left = ctx(i.checked_sub(1).and_then(|j| d.get(j)));
            let right = side + ctx(d.get(i + 1));
            pairs.push((k as u64) << 32 | left as u64);
            pairs.push((k as u64) << 32 | right as u64);
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Each of `n_words` words as the sum of the random projections of its contexts, weighted by
/// their positive PMI (`pairs` sorted, as [`neighbour_pairs`] returns them); not yet normalised.
fn ppmi_vectors(pairs: &[u64], n_words: usize, side: usize) -> Vec<f32> {
    let mut word_total = vec![0f64; n_words];
    let mut dim_total = vec![0f64; 2 * side];
    let mut cells: Vec<(usize, usize, f64)> = Vec::new();
    for run in pairs.chunk_by(|a, b| a == b) {
        let (w, d) = ((run[0] >> 32) as usize, (run[0] & 0xffff_ffff) as usize);
        let c = run.len() as f64;
        word_total[w] += c;
        dim_total[d] += c;
        cells.push((w, d, c));
    }
    // Per side (left, right): the sum of smoothed context counts.
    let smoothed: Vec<f64> = dim_total
        .chunks(side)
        .map(|c| c.iter().map(|c| c.powf(0.75)).sum())
        .collect();
    // A random ±1 projection per context dimension, from a fixed-seed generator.
    let mut rng = Rng::new(0x9e37_79b9_7f4a_7c15);
    let signs: Vec<f32> = (0..2 * side * DIMS)
        .map(|_| if rng.next_u64() & 1 == 0 { 1.0 } else { -1.0 })
        .collect();
    let mut vectors = vec![0f32; n_words * DIMS];
    for &(w, d, c) in &cells {
        // The catch-all contexts say little about a word; PMI uses smoothed context counts
        // (Levy et al. 2015: exponent 0.75) so that rare contexts do not dominate.
        if d % side >= CONTEXTS {
            continue;
        }
        let pmi = (c * smoothed[d / side] / (word_total[w] * dim_total[d].powf(0.75))).ln();
        if pmi > 0.0 {
            let v = &mut vectors[w * DIMS..(w + 1) * DIMS];
            for (x, s) in v.iter_mut().zip(&signs[d * DIMS..(d + 1) * DIMS]) {
                *x += pmi as f32 * s;
            }
        }
    }
    vectors
}

/// Groups the unit `vectors` of `words` into fine clusters, and their centroids into coarse
/// ones; returns the sorted `word<TAB>coarse << 16 | fine` lines of the words without digits.
///
/// A word with digits is clustered (as its digit-folded form, it shapes the centroids) but not
/// written: the tagger looks words up unfolded, and folding the lookup too (`1990s` as `0000s`)
/// scored worse over three training seeds (CoNLL dev -0.003, AllSides dev -0.006; train-CV
/// +0.002), so no word with digits has a cluster, rather than only those with literal zeros.
fn cluster_lines(words: &[&str], vectors: &[f32], case: &[u32]) -> String {
    let fine = kmeans(vectors, DIMS, FINE, 12);
    let sub = split_clusters(vectors, &fine);
    let mut centroids = vec![0f32; FINE * DIMS];
    for (w, &c) in fine.iter().enumerate() {
        for j in 0..DIMS {
            centroids[c * DIMS + j] += vectors[w * DIMS + j];
        }
    }
    normalise(&mut centroids, DIMS);
    let coarse = kmeans(&centroids, DIMS, COARSE, 12);
    let mut lines: Vec<String> = words
        .iter()
        .zip(&fine)
        .enumerate()
        .filter(|(_, (w, _))| !has_digit(w))
        .map(|(k, (w, &f))| {
            let id = case[k] << CASE_SHIFT
                | (coarse[f] as u32) << COARSE_SHIFT
                | (sub[k] as u32) << SUB_SHIFT
                | f as u32;
            format!("{w}\t{id}")
        })
        .collect();
    lines.sort();
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// Each word's sub-cluster within its fine cluster (`fine`): the fine clusters split again by
/// spherical k-means into up to [`SUB`] parts, a third, finer level (Brown clusters' longer
/// prefixes).
fn split_clusters(vectors: &[f32], fine: &[usize]) -> Vec<usize> {
    let mut sub = vec![0usize; fine.len()];
    for c in 0..FINE {
        let members: Vec<usize> = (0..fine.len()).filter(|&w| fine[w] == c).collect();
        if members.is_empty() {
            continue;
        }
        let rows: Vec<f32> = members
            .iter()
            .flat_map(|&w| vectors[w * DIMS..(w + 1) * DIMS].iter().copied())
            .collect();
        for (&w, s) in members.iter().zip(kmeans(&rows, DIMS, SUB, 8)) {
            sub[w] = s;
        }
    }
    sub
}

fn has_digit(w: &str) -> bool {
    w.bytes().any(|b| b.is_ascii_digit())
}

/// Fine and coarse cluster counts of [`derive_clusters`].
pub const FINE: usize = 384;
pub const COARSE: usize = 48;
/// Sub-clusters per fine cluster.
const SUB: usize = 8;
/// Where each part sits in a cluster id: `case << 24 | coarse << 16 | sub << 9 | fine` (the
/// readers are in `features/token.rs`).
const SUB_SHIFT: u32 = 9;
const COARSE_SHIFT: u32 = 16;
const CASE_SHIFT: u32 = 24;

fn normalise(vectors: &mut [f32], dims: usize) {
    for v in vectors.chunks_exact_mut(dims) {
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        if n > 0.0 {
            v.iter_mut().for_each(|x| *x /= n);
        }
    }
}

/// Spherical k-means over unit `vectors`; starts from evenly spaced rows (the input is ordered
/// by frequency, so the seeds span frequent and rare words). Returns each row's cluster.
fn kmeans(vectors: &[f32], dims: usize, k: usize, iterations: usize) -> Vec<usize> {
    let n = vectors.len() / dims;
    let k = k.min(n.max(1));
    let mut centroids: Vec<f32> = (0..k)
        .flat_map(|c| {
            let row = c * n / k;
            vectors[row * dims..(row + 1) * dims].iter().copied()
        })
        .collect();
    let mut assignment = vec![0usize; n];
    for _ in 0..iterations {
        for (r, a) in assignment.iter_mut().enumerate() {
            let v = &vectors[r * dims..(r + 1) * dims];
            let mut best = (f32::NEG_INFINITY, 0);
            for (c, centroid) in centroids.chunks_exact(dims).enumerate() {
                let dot = dot(v, centroid);
                if dot > best.0 {
                    best = (dot, c);
                }
            }
            *a = best.1;
        }
        let mut sums = vec![0f32; k * dims];
        for (r, &a) in assignment.iter().enumerate() {
            for j in 0..dims {
                sums[a * dims + j] += vectors[r * dims + j];
            }
        }
        for c in 0..k {
            if sums[c * dims..(c + 1) * dims].iter().all(|&x| x == 0.0) {
                // An empty cluster keeps its old centroid.
                continue;
            }
            centroids[c * dims..(c + 1) * dims].copy_from_slice(&sums[c * dims..(c + 1) * dims]);
        }
        normalise(&mut centroids, dims);
    }
    assignment
}

/// A dot product in eight lanes, so that it vectorises (float sums are not reordered otherwise).
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0f32; 8];
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        for k in 0..8 {
            lanes[k] += x[k] * y[k];
        }
    }
    lanes.iter().sum()
}
