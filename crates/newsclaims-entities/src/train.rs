//! Training the name tagger and deriving its lexicons, for `cargo xtask train-ner`.
//!
//! No I/O here: the caller reads the CoNLL-2003 files and the gazetteers and writes what these
//! functions return. Training is deterministic: documents are shuffled with a fixed seed, and
//! the same inputs give the same bytes.

use newsclaims_text::rng::Rng;
use newsclaims_tokenize::Tokens;

use crate::Mention;
use crate::features::{self, LOC, MISC, N_TYPES, ORG, PER, Scratch};
use crate::lexicon::{self, IdMap, Lexicon};
use crate::model::{self, Training, Weights};

/// One CoNLL-2003 document: sentences of `(token, type)`, the type `None` outside names.
#[derive(Clone, Debug, Default)]
pub struct ConllDoc {
    pub sentences: Vec<Vec<ConllToken>>,
}

#[derive(Clone, Debug)]
pub struct ConllToken {
    pub word: String,
    /// The part-of-speech column (`NNP`), empty when the line has fewer than four columns.
    pub pos: String,
    /// The chunk column (`B-NP`), empty when the line has fewer than four columns.
    pub chunk: String,
    /// The CoNLL tag as written (`B-PER`, `I-LOC`, `O`).
    pub tag: String,
}

/// Parses CoNLL-2003 columns (`token POS chunk NER`, blank lines between sentences,
/// `-DOCSTART-` between documents).
pub fn parse_conll(text: &str) -> Vec<ConllDoc> {
    let mut docs = vec![ConllDoc::default()];
    let mut sentence = Vec::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() {
            if !sentence.is_empty() {
                docs.last_mut()
                    .expect("one doc")
                    .sentences
                    .push(std::mem::take(&mut sentence));
            }
            continue;
        }
        if cols[0] == "-DOCSTART-" {
            if !sentence.is_empty() {
                docs.last_mut()
                    .expect("one doc")
                    .sentences
                    .push(std::mem::take(&mut sentence));
            }
            docs.push(ConllDoc::default());
            continue;
        }
        let column = |k: usize| {
            if cols.len() == 4 {
                cols[k].to_string()
            } else {
                String::new()
            }
        };
        sentence.push(ConllToken {
            word: cols[0].to_string(),
            pos: column(1),
            chunk: column(2),
            tag: cols.last().map_or("O", |t| t).to_string(),
        });
    }
    if !sentence.is_empty() {
        docs.last_mut().expect("one doc").sentences.push(sentence);
    }
    docs.retain(|d| !d.sentences.is_empty());
    docs
}

fn conll_type(name: &str) -> Option<u8> {
    match name {
        "PER" => Some(PER),
        "ORG" => Some(ORG),
        "LOC" => Some(LOC),
        "MISC" => Some(MISC),
        _ => None,
    }
}

/// Entities of one sentence from IOB tags: `(first, end, type)`.
pub(crate) fn iob_entities(tags: &[&str]) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, u8)> = None;
    for (k, tag) in tags.iter().enumerate() {
        let (prefix, ty) = match tag.split_once('-') {
            Some((p, t)) => (p, conll_type(t)),
            None => ("O", None),
        };
        match (open, ty) {
            (Some((s, oty)), Some(t)) if t == oty && prefix == "I" => {
                let _ = s;
            }
            _ => {
                if let Some((s, oty)) = open.take() {
                    out.push((s, k, oty));
                }
                if let Some(t) = ty {
                    open = Some((k, t));
                }
            }
        }
    }
    if let Some((s, t)) = open {
        out.push((s, tags.len(), t));
    }
    out
}

/// BILOU tags for a sentence.
fn bilou(tokens: &[ConllToken]) -> Vec<u8> {
    let tags: Vec<&str> = tokens.iter().map(|t| t.tag.as_str()).collect();
    let mut out = vec![features::O; tokens.len()];
    for (s, e, ty) in iob_entities(&tags) {
        if e - s == 1 {
            out[s] = features::tag_of(ty, features::U);
        } else {
            out[s] = features::tag_of(ty, features::B);
            for slot in &mut out[s + 1..e - 1] {
                *slot = features::tag_of(ty, features::I);
            }
            out[e - 1] = features::tag_of(ty, features::L);
        }
    }
    out
}

/// Precision, recall and F1 counts of exact entity matches.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Counts {
    pub fn f1(&self) -> f64 {
        let p = self.correct as f64 / self.predicted.max(1) as f64;
        let r = self.correct as f64 / self.gold.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// The inputs of training besides the corpus.
pub struct Resources<'a> {
    /// Texts of the lexicon files, in the order of [`lexicon_files`].
    pub lexicons: Vec<&'a str>,
    /// `word<TAB>cluster` lines.
    pub clusters: &'a str,
}

/// The lexicon file names under `lexicons/`, in the order [`Resources::lexicons`] expects.
pub fn lexicon_files() -> Vec<&'static str> {
    lexicon::FILES.iter().map(|(name, _)| *name).collect()
}

struct Prepared<'a> {
    sentences: Vec<Vec<&'a str>>,
    gold: Vec<u8>,
    entities: Vec<Vec<(usize, usize, u8)>>,
}

fn prepare(doc: &ConllDoc) -> Prepared<'_> {
    let sentences = doc
        .sentences
        .iter()
        .map(|s| s.iter().map(|t| t.word.as_str()).collect())
        .collect();
    let gold = doc.sentences.iter().flat_map(|s| bilou(s)).collect();
    let entities = doc
        .sentences
        .iter()
        .map(|s| iob_entities(&s.iter().map(|t| t.tag.as_str()).collect::<Vec<_>>()))
        .collect();
    Prepared {
        sentences,
        gold,
        entities,
    }
}

/// Trains for `epochs` passes over `train` and returns the model file. After each epoch, `log`
/// receives the epoch number and the entity counts on `dev` (tagged with the averaged weights).
pub fn train(
    train: &[ConllDoc],
    dev: &[ConllDoc],
    resources: &Resources<'_>,
    epochs: usize,
    mut log: impl FnMut(usize, [Counts; N_TYPES + 1]),
) -> Vec<u8> {
    let lex = Lexicon::new(&resources.lexicons);
    let clusters = model::parse_clusters(resources.clusters);
    let train: Vec<Prepared<'_>> = train.iter().map(prepare).collect();
    let dev: Vec<Prepared<'_>> = dev.iter().map(prepare).collect();
    let mut weights = Training::new();
    let mut scratch = Scratch::default();
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = Rng::new(0x2545_f491_4f6c_dd1d);
    let mut out = Vec::new();
    let mut bytes = Vec::new();
    for epoch in 1..=epochs {
        // A fixed seed: the same order on every machine.
        rng.shuffle(&mut order);
        for &d in &order {
            let doc = &train[d];
            let sentences: Vec<&[&str]> = doc.sentences.iter().map(Vec::as_slice).collect();
            out.clear();
            features::tag_document(
                &mut weights,
                &lex,
                &clusters,
                &sentences,
                Some(&doc.gold),
                &mut scratch,
                &mut out,
            );
        }
        bytes = weights.encode();
        if !dev.is_empty() {
            let compact = Weights::decode(&bytes).expect("just encoded");
            log(epoch, evaluate(&compact, &lex, &clusters, &dev));
        }
    }
    bytes
}

fn evaluate(
    weights: &Weights,
    lex: &Lexicon,
    clusters: &IdMap<u32>,
    docs: &[Prepared<'_>],
) -> [Counts; N_TYPES + 1] {
    let mut counts = [Counts::default(); N_TYPES + 1];
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    let mut weights = Scoring(weights);
    for doc in docs {
        let sentences: Vec<&[&str]> = doc.sentences.iter().map(Vec::as_slice).collect();
        out.clear();
        features::tag_document(
            &mut weights,
            lex,
            clusters,
            &sentences,
            None,
            &mut scratch,
            &mut out,
        );
        let mut offset = 0;
        for (s, gold) in doc.sentences.iter().zip(&doc.entities) {
            let mut predicted = Vec::new();
            features::entities(&out[offset..offset + s.len()], |a, b, t| {
                predicted.push((a, b, t))
            });
            offset += s.len();
            for &(_, _, t) in gold {
                counts[t as usize].gold += 1;
                counts[N_TYPES].gold += 1;
            }
            if std::env::var_os("NER_DEBUG").is_some() {
                let words: Vec<&str> = s.to_vec();
                let show = |e: &(usize, usize, u8)| {
                    format!(
                        "{}:{}",
                        words[e.0..e.1].join(" "),
                        ["PER", "ORG", "LOC", "MISC"][e.2 as usize]
                    )
                };
                let fn_: Vec<String> = gold
                    .iter()
                    .filter(|g| !predicted.contains(g))
                    .map(show)
                    .collect();
                let fp: Vec<String> = predicted
                    .iter()
                    .filter(|p| !gold.contains(p))
                    .map(show)
                    .collect();
                if !fn_.is_empty() || !fp.is_empty() {
                    eprintln!(
                        "DBG gold-only {fn_:?} pred-only {fp:?} | {}",
                        words.join(" ")
                    );
                }
            }
            for p in &predicted {
                counts[p.2 as usize].predicted += 1;
                counts[N_TYPES].predicted += 1;
                if gold.contains(p) {
                    counts[p.2 as usize].correct += 1;
                    counts[N_TYPES].correct += 1;
                }
            }
        }
    }
    counts
}

/// A read-only scorer over borrowed weights.
struct Scoring<'a>(&'a Weights);

impl features::Scorer for Scoring<'_> {
    fn score(&self, features: &[u32], scores: &mut [f32; features::N_TAGS]) {
        self.0.score(features, scores);
    }
}

/// The gazetteer files `build_lexicons` reads, by file name under `data/gazetteers/`.
pub const GAZETTEER_FILES: [&str; 6] = [
    "geonames_countries.tsv",
    "cldr_territories_en.tsv",
    "countryinfo_demonyms.tsv",
    "geonames_cities15000.tsv",
    "us_states.tsv",
    "cldr_languages_en.tsv",
];

/// Derives the lexicon files from the gazetteers (texts in the order of [`GAZETTEER_FILES`]).
/// Returns `(file name, contents)` in the order of [`lexicon_files`], sorted, deduplicated lines,
/// for every file but the last: the first names are `first_names.tsv`, which
/// `cargo xtask build-lexicons` writes for the speaker resolver too.
pub fn build_lexicons(gazetteers: &[&str]) -> Vec<(&'static str, String)> {
    let [countries, territories, demonyms, cities, states, languages] = gazetteers else {
        panic!(
            "build_lexicons needs the {} gazetteer texts",
            GAZETTEER_FILES.len()
        );
    };
    let mut country = Vec::new();
    let mut city = Vec::new();
    let mut state = Vec::new();
    let mut region = Vec::new();
    let mut demonym = Vec::new();
    let mut language = Vec::new();
    for r in rows(countries) {
        if let Some(name) = r.get(2) {
            country.push(name.to_string());
        }
    }
    for r in rows(territories) {
        let (Some(code), Some(name)) = (r.first(), r.get(1)) else {
            continue;
        };
        // Numeric codes are regions (`Eastern Europe`); letters are territories.
        if code.chars().all(|c| c.is_ascii_digit()) {
            if name.chars().next().is_some_and(char::is_uppercase) {
                region.push(name.to_string());
            }
        } else {
            country.push(name.replace(" & ", " and "));
            country.push(name.to_string());
        }
    }
    for r in rows(demonyms) {
        if let Some(name) = r.first() {
            country.push(name.to_string());
        }
        if let Some(d) = r.get(1).filter(|d| !d.is_empty()) {
            demonym.push(d.to_string());
            if d.ends_with('n') || d.ends_with('i') {
                demonym.push(format!("{d}s"));
            }
        }
        if let Some(alts) = r.get(6) {
            for alt in alts.split('|') {
                // Two-letter codes (`US`, `IN`) collide with words; longer codes (`USA`) do not.
                if alt.chars().count() >= 3 && alt.chars().all(|c| c.is_alphabetic() || c == ' ') {
                    country.push(alt.to_string());
                }
            }
        }
        if let Some(region_name) = r.get(8).filter(|s| !s.is_empty()) {
            region.push(region_name.to_string());
        }
    }
    for r in rows(cities) {
        if let Some(name) = r.get(1) {
            city.push(name.to_string());
        }
    }
    for r in rows(states) {
        if let Some(name) = r.first() {
            state.push(name.to_string());
        }
    }
    for r in rows(languages) {
        if let Some(name) = r.get(1)
            && !name.contains('(')
        {
            language.push(name.to_string());
        }
    }
    for continent in [
        "Africa",
        "Asia",
        "Europe",
        "North America",
        "South America",
        "Oceania",
        "Antarctica",
        "Middle East",
        "Far East",
        "Balkans",
        "Caucasus",
        "Scandinavia",
        "Gulf",
        "Pacific",
        "Atlantic",
        "Mediterranean",
        "Arctic",
        "West Bank",
        "Gaza Strip",
        "Gaza",
        "Kashmir",
        "Siberia",
        "Central Europe",
        "Eastern Europe",
        "Western Europe",
        "Latin America",
        "Central America",
        "East Africa",
        "West Africa",
        "Southeast Asia",
        "Central Asia",
    ] {
        region.push(continent.to_string());
    }
    let finish = |mut v: Vec<String>| {
        v.retain(|s| !s.trim().is_empty());
        for s in &mut v {
            *s = s.trim().to_string();
        }
        v.sort();
        v.dedup();
        let mut text = v.join("\n");
        text.push('\n');
        text
    };
    vec![
        ("countries.txt", finish(country)),
        ("cities.txt", finish(city)),
        ("states.txt", finish(state)),
        ("regions.txt", finish(region)),
        ("demonyms.txt", finish(demonym)),
        ("languages.txt", finish(language)),
    ]
}

/// Tags the names of an already tokenized text with the embedded model (for timing).
pub fn tag_names(text: &str, tokens: &Tokens) -> Vec<Mention> {
    crate::tagger::tag(text, tokens)
}

/// Loads the embedded model now (for timing the load apart from tagging).
pub fn load() -> bool {
    model::MODEL.weights.is_some()
}

/// The rows of a TSV file after its header line, split into columns.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> + '_ {
    text.lines()
        .skip(1)
        .map(|l| l.split('\t').collect::<Vec<_>>())
}

/// Derives word clusters from unlabelled text (`documents` of tokens): each frequent word is
/// described by its PPMI-weighted left and right neighbours, randomly projected to a dense
/// vector, and grouped by spherical k-means into [`FINE`] clusters, which are grouped again into
/// [`COARSE`] ones (a cheap stand-in for the prefixes of Brown clusters). Returns
/// `word<TAB>cluster` lines, sorted, where `cluster = coarse << 16 | fine`. Deterministic.
pub fn derive_clusters(documents: &[Vec<&str>]) -> String {
    use std::collections::HashMap;
    const MIN_COUNT: u32 = 4;
    const MAX_WORDS: usize = 40_000;
    const CONTEXTS: usize = 2000;
    const DIMS: usize = 256;
    let norm = |w: &str| -> String {
        w.chars()
            .map(|c| match c {
                '’' | '‘' => '\'',
                c if c.is_ascii_digit() => '0',
                c => c,
            })
            .collect::<String>()
            .to_lowercase()
    };
    let docs: Vec<Vec<String>> = documents
        .iter()
        .map(|d| d.iter().map(|w| norm(w)).collect())
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
    let ctx = |w: Option<&String>| match w {
        None => CONTEXTS + 1,
        Some(w) => contexts.get(w.as_str()).copied().unwrap_or(CONTEXTS),
    };
    let mut pairs: Vec<u64> = Vec::new();
    for d in &docs {
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
    let mut word_total = vec![0f64; words.len()];
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
    let mut vectors = vec![0f32; words.len() * DIMS];
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
    normalise(&mut vectors, DIMS);
    let fine = kmeans(&vectors, DIMS, FINE, 12);
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
        .map(|(w, &f)| format!("{w}\t{}", (coarse[f] as u32) << 16 | f as u32))
        .collect();
    lines.sort();
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// Fine and coarse cluster counts of [`derive_clusters`].
pub const FINE: usize = 384;
pub const COARSE: usize = 48;

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
