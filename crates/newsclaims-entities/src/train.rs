//! Training the name tagger and deriving its lexicons, for `cargo xtask train-ner`.
//!
//! No I/O here: the caller reads the CoNLL-2003 files and the gazetteers and writes what these
//! functions return. Training is deterministic: documents are shuffled with a fixed seed, and
//! the same inputs give the same bytes.

use newsclaims_text::rng::Rng;
use newsclaims_tokenize::Tokens;

use crate::Mention;
use crate::features::{self, LOC, MISC, N_TYPES, ORG, PER, Scratch};
use crate::lexicon::{self, Lexicon};
use crate::model::{self, Training, Weights};

mod clusters;
mod cv;
mod lexicons;

pub use clusters::{COARSE, FINE, derive_clusters};
pub use cv::cross_validate;
pub use lexicons::{GAZETTEER_FILES, build_lexicons};

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

/// The seed of the committed model's document order.
pub const SEED: u64 = 0x2545_f491_4f6c_dd1d;

/// Trains for `epochs` passes over `train`, one model per seed of `seeds` visiting documents in
/// an order drawn from it, mixed by averaging, and returns the model file. After each epoch, `log` receives the epoch number and the entity
/// counts on `dev` (tagged with the averaged weights).
pub fn train(
    train: &[ConllDoc],
    dev: &[ConllDoc],
    resources: &Resources<'_>,
    epochs: usize,
    seeds: &[u64],
    mut log: impl FnMut(usize, [Counts; N_TYPES + 1]),
) -> Vec<u8> {
    let lex = Lexicon::new(&resources.lexicons);
    let clusters = model::parse_clusters(resources.clusters);
    let train: Vec<Prepared<'_>> = train.iter().map(prepare).collect();
    let dev: Vec<Prepared<'_>> = dev.iter().map(prepare).collect();
    let docs: Vec<&Prepared<'_>> = train.iter().collect();
    let mut bytes = Vec::new();
    fit(&docs, &lex, &clusters, epochs, seeds, |epoch, encoded| {
        bytes = encoded;
        if !dev.is_empty() {
            let compact = Weights::decode(&bytes).expect("just encoded");
            log(epoch, evaluate(&compact, &lex, &clusters, &dev));
        }
    });
    bytes
}

/// Averaged-perceptron training over `docs` for `epochs` passes, one model per seed of `seeds`
/// (each visiting the documents in its own order), mixed by averaging their weights; `after`
/// sees the encoded weights after each pass.
fn fit(
    docs: &[&Prepared<'_>],
    lex: &Lexicon,
    clusters: &lexicon::Table,
    epochs: usize,
    seeds: &[u64],
    mut after: impl FnMut(usize, Vec<u8>),
) {
    let mut models: Vec<Training> = seeds.iter().map(|_| Training::new()).collect();
    // Fixed seeds: the same orders on every machine.
    let mut orders: Vec<(Rng, Vec<usize>)> = seeds
        .iter()
        .map(|&seed| (Rng::new(seed), (0..docs.len()).collect()))
        .collect();
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    for epoch in 1..=epochs {
        for (weights, (rng, order)) in models.iter_mut().zip(&mut orders) {
            rng.shuffle(order);
            for &d in order.iter() {
                let doc = docs[d];
                let sentences: Vec<&[&str]> = doc.sentences.iter().map(Vec::as_slice).collect();
                out.clear();
                features::tag_document(
                    weights,
                    lex,
                    clusters,
                    &sentences,
                    Some(&doc.gold),
                    &mut scratch,
                    &mut out,
                );
            }
        }
        after(epoch, Training::encode_mixed(&models));
    }
}

fn evaluate(
    weights: &Weights,
    lex: &Lexicon,
    clusters: &lexicon::Table,
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

/// Tags the names of an already tokenized text with the embedded model (for timing).
pub fn tag_names(text: &str, tokens: &Tokens) -> Vec<Mention> {
    crate::tagger::tag(text, tokens)
}

/// Loads the embedded model now (for timing the load apart from tagging).
pub fn load() -> bool {
    model::MODEL.weights.is_some()
}
