//! The claims stage's content-boundary ranker, `crates/newsclaims-claims/model/boundary.bin`:
//! an averaged perceptron that picks where reported content ends among the candidate ends the
//! stage offers (`newsclaims_claims::training::boundary_cases`), trained on PolNeAR train and
//! measured on PolNeAR dev (never test).
//!
//! The gold end of a decision comes from the annotated attribution whose cue holds the decision's
//! cue and whose content starts at the decision's content start (a leading `that` aside, which
//! the stage leaves out of the content); the ranker learns from the decisions whose gold end is
//! a candidate. Instances are visited in a fixed order shuffled by a seeded generator, and the
//! averaged weights are scaled to `i16`: the bytes are the same on every run.
//!
//! The dev report also says what the ranker could reach: per decision whose cue has a gold
//! content (at any start), whether the rules' end, the ranker's pick and the best candidate
//! match that content as the referee matches contents (half of either side's words in the
//! other). At 78fc148: of 676 dev decisions, rules 585, ranker 599, some candidate 662, so the
//! candidates hold the right end for 63 of the ranker's 77 misses and the scorer, not the
//! candidate set, is what falls short.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use newsclaims_claims::training::{self, FEATURE_BITS};
use newsclaims_entities::Entities;
use newsclaims_tokenize::Tokens;
use serde_json::Value;

use crate::referee::{is_word_char, word_runs};
use crate::{perceptron, root};

/// Passes over the training decisions; chosen on PolNeAR dev (`cargo xtask train-claims` prints
/// the dev accuracy of each pass).
const EPOCHS: usize = 4;

/// Seed of the per-pass shuffle.
const SEED: u64 = 0x9e37_79b9_7f4a_7c15;

/// One decision with a gold content: per candidate its features and whether it matches the
/// gold as the referee matches contents.
#[derive(Clone)]
struct Instance {
    candidates: Vec<Vec<u32>>,
    /// The candidate that ends where the gold does, if one does.
    exact: Option<usize>,
    /// Per candidate: half its words gold and half the gold's words in it.
    matches: Vec<bool>,
    rule: usize,
    shape: &'static str,
}

/// Reads the converted documents and gold and returns the decisions with their gold ends, and
/// how many decisions there were.
fn instances(docs: &Path, gold: &Path) -> Result<(Vec<Instance>, usize)> {
    let mut out = Vec::new();
    let mut total = 0;
    gold_documents(docs, gold, |text, tokens, entities, claims| {
        let cases = training::boundary_cases(text, tokens, entities);
        total += cases.len();
        let words = word_runs(text.char_indices(), text.len());
        for case in cases {
            // The stage's content may open with a quotation mark, the gold's first word after it.
            let from = first_word_at(text, case.from.start());
            let at_cue =
                |c: &&GoldContent| c.cue.0 <= case.cue.start() && case.cue.start() < c.cue.1;
            let Some(want) = claims
                .iter()
                .filter(at_cue)
                .find(|c| c.first == from)
                .or_else(|| claims.iter().find(at_cue))
            else {
                continue;
            };
            let exact = case.candidates.iter().position(|(end, _)| {
                want.first == from && last_word_end(text, *end) == want.last_end
            });
            let gold_words = count_words(&words, want.start, want.last_end);
            let matches: Vec<bool> = case
                .candidates
                .iter()
                .map(|&(end, _)| {
                    let pred = count_words(&words, from, end);
                    let both = count_words(&words, from.max(want.start), end.min(want.last_end));
                    2 * both >= pred.max(1) && 2 * both >= gold_words.max(1)
                })
                .collect();
            out.push(Instance {
                candidates: case.candidates.into_iter().map(|(_, f)| f).collect(),
                exact,
                matches,
                rule: case.rule,
                shape: case.shape,
            });
        }
    })?;
    Ok((out, total))
}

/// Calls `f` on every document of `docs` that `gold` annotates: its text, tokens and entities
/// as the stage makes them, and its gold contents after their cues in one fragment.
pub(crate) fn gold_documents(
    docs: &Path,
    gold: &Path,
    mut f: impl FnMut(&str, &Tokens, &Entities, &[GoldContent]),
) -> Result<()> {
    annotated_documents(docs, gold, |text, tokens, entities, bytes, g| {
        let claims: Vec<GoldContent> = g["claims"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|c| gold_content(text, bytes, c))
                    .collect()
            })
            .unwrap_or_default();
        f(text, tokens, entities, &claims);
    })
}

/// Calls `f` on every document of `docs` that `gold` annotates: its text, tokens and entities
/// as the stage makes them, the byte of each code point (gold offsets count code points) and
/// the gold record.
pub(crate) fn annotated_documents(
    docs: &Path,
    gold: &Path,
    mut f: impl FnMut(&str, &Tokens, &Entities, &[usize], &Value),
) -> Result<()> {
    let docs = read_jsonl(docs)?;
    let gold = read_jsonl(gold)?;
    for (id, g) in &gold {
        let Some(text) = docs.get(id).and_then(|d| d["text"].as_str()) else {
            continue;
        };
        let tokens = newsclaims_tokenize::tokenize(text);
        let entities = newsclaims_entities::recognize(text, &tokens);
        f(text, &tokens, &entities, &byte_offsets(text), g);
    }
    Ok(())
}

/// A gold content after its cue: the cue's bytes, the byte where its first word starts (a
/// leading `that` skipped) and where its last word ends.
pub(crate) struct GoldContent {
    pub(crate) cue: (usize, usize),
    /// Where the content's first word starts, `that` included.
    start: usize,
    pub(crate) first: usize,
    last_end: usize,
}

fn gold_content(text: &str, bytes: &[usize], c: &Value) -> Option<GoldContent> {
    let at = |v: &Value, k: &str| bytes.get(v[k].as_u64()? as usize).copied();
    let cue = (at(&c["cue"], "start")?, at(&c["cue"], "end")?);
    let (start, end) = (at(c, "start")?, at(c, "end")?);
    if c["fragments"].as_array().is_some_and(|f| f.len() > 1) || start < cue.1 {
        return None;
    }
    let content = text.get(start..end)?;
    let words: Vec<(usize, usize)> = word_runs(content.char_indices(), content.len())
        .into_iter()
        .map(|(a, b)| (start + a, start + b))
        .collect();
    let mut first = *words.first()?;
    let start = first.0;
    if text[first.0..first.1].eq_ignore_ascii_case("that") {
        first = *words.get(1)?;
    }
    Some(GoldContent {
        cue,
        start,
        first: first.0,
        last_end: words.last()?.1,
    })
}

/// How many of the sorted `words` lie wholly in the bytes `from..to`.
fn count_words(words: &[(usize, usize)], from: usize, to: usize) -> usize {
    if to <= from {
        return 0;
    }
    let first = words.partition_point(|w| w.0 < from);
    let last = words.partition_point(|w| w.1 <= to);
    last.saturating_sub(first)
}

/// Where the first `\w` character at or after byte `at` starts (the text's end if none).
pub(crate) fn first_word_at(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| is_word_char(c))
        .map_or(text.len(), |(k, _)| at + k)
}

/// Where the last `\w` character ending at or before byte `end` ends: a candidate's last token
/// may close with a full stop (`U.S.`), the gold's last word does not.
fn last_word_end(text: &str, end: usize) -> usize {
    text[..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_word_char(c))
        .map_or(0, |(k, c)| k + c.len_utf8())
}

/// Byte offset of every code point, and of the end.
pub(crate) fn byte_offsets(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = text.char_indices().map(|(k, _)| k).collect();
    out.push(text.len());
    out
}

pub(crate) fn read_jsonl(path: &Path) -> Result<BTreeMap<String, Value>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).with_context(|| format!("{}", path.display()))?;
        out.insert(v["id"].as_str().unwrap_or_default().to_string(), v);
    }
    Ok(out)
}

/// The best candidate under `weights`: the rules' own end on a tie, as the stage decides.
fn predict(weights: &[f64], x: &Instance) -> usize {
    predict_margin(weights, x, 0.0)
}

/// The best candidate when any other than the rules' end must win by `margin`.
fn predict_margin(weights: &[f64], x: &Instance, margin: f64) -> usize {
    let score = |c: &[u32]| c.iter().map(|&f| weights[f as usize]).sum::<f64>();
    let mut best = (score(&x.candidates[x.rule]) + margin, x.rule);
    for (k, c) in x.candidates.iter().enumerate() {
        let s = score(c);
        if s > best.0 {
            best = (s, k);
        }
    }
    best.1
}

/// The share of `xs` whose pick matches the gold content as the referee matches them.
fn accuracy(weights: &[f64], xs: &[Instance]) -> f64 {
    let right = xs.iter().filter(|x| x.matches[predict(weights, x)]).count();
    right as f64 / xs.len().max(1) as f64
}

/// One step of the ranker's training: the best-scoring candidate (the rules' own first, on a
/// tie), and when it is not the gold end, the gold candidate's features up, the guess's down.
fn step(w: &mut perceptron::Weights, x: &Instance) {
    let Some(gold) = x.exact else {
        return;
    };
    let mut best = (w.score(&x.candidates[x.rule]), x.rule);
    for (k, f) in x.candidates.iter().enumerate() {
        let s = w.score(f);
        if s > best.0 {
            best = (s, k);
        }
    }
    let guess = best.1;
    if guess != gold {
        w.update(&x.candidates[gold], 1);
        w.update(&x.candidates[guess], -1);
    }
}

/// Counts on `xs` of what the ranker can reach: decisions where the rules' end, the ranker's
/// pick under `weights` with `margin`, and the best candidate match the gold content.
fn report(name: &str, weights: &[f64], margin: f64, xs: &[Instance]) {
    let rule = xs.iter().filter(|x| x.matches[x.rule]).count();
    let pick = xs
        .iter()
        .filter(|x| x.matches[predict_margin(weights, x, margin)])
        .count();
    let exact = xs
        .iter()
        .filter(|x| {
            x.exact
                .is_some_and(|e| predict_margin(weights, x, margin) == e)
        })
        .count();
    let oracle = xs.iter().filter(|x| x.matches.contains(&true)).count();
    eprintln!(
        "train-claims: boundary {name} margin {margin}: of {} decisions with gold, rules match {rule}, ranker matches {pick} (exact {exact}), some candidate matches {oracle}",
        xs.len()
    );
}

/// Converts PolNeAR train with the referee's converter (speech cues required, the rest
/// optional) into `dir`, and returns the documents' and the gold's paths.
pub(crate) fn convert_train(polnear: &Path, dir: &Path) -> Result<(PathBuf, PathBuf)> {
    let (docs, gold) = (dir.join("train.docs.jsonl"), dir.join("train.gold.jsonl"));
    let converter = crate::shared().join("eval/convert.py");
    crate::run_status(
        std::process::Command::new("python3")
            .arg(&converter)
            .arg("polnear")
            .arg(polnear.join("train"))
            .args([&docs, &gold])
            .arg("--speech-only"),
    )?;
    Ok((docs, gold))
}

/// Trains the ranker on the converted train set and returns the model's bytes.
pub(crate) fn train(polnear: &Path, docs: &Path, gold: &Path) -> Result<Vec<u8>> {
    let (train, train_total) = instances(docs, gold)?;
    let (dev, dev_total) = instances(
        &polnear.join("dev.docs.jsonl"),
        &polnear.join("dev.gold.jsonl"),
    )?;
    eprintln!(
        "train-claims: boundary decisions with a gold content: train {} of {train_total}, dev {} of {dev_total}",
        train.len(),
        dev.len()
    );
    // Rules are chosen on train: how many of its decisions the rules' own end matches.
    eprintln!(
        "train-claims: boundary rules on train: of {} decisions with gold, rules match {}",
        train.len(),
        train.iter().filter(|x| x.matches[x.rule]).count()
    );
    let shipped = root().join("crates/newsclaims-claims/model/boundary.bin");
    if let Ok(bytes) = std::fs::read(&shipped) {
        let w: Vec<f64> = bytes
            .chunks_exact(2)
            .map(|b| f64::from(i16::from_le_bytes([b[0], b[1]])))
            .collect();
        report(
            "dev (committed model)",
            &w,
            f64::from(training::MARGIN),
            &dev,
        );
    }
    let setup = perceptron::Setup {
        name: "boundary",
        features: 1usize << FEATURE_BITS,
        epochs: EPOCHS,
        seed: SEED,
    };
    let train: Vec<Instance> = train.into_iter().filter(|x| x.exact.is_some()).collect();
    let weights = perceptron::mean_of_runs(&setup, &train, &dev, step, accuracy);
    let quantized = perceptron::quantize(&weights);
    for margin in [0, 2_000, 5_000, 10_000, 20_000, 40_000] {
        report("dev", &quantized.weights, f64::from(margin), &dev);
    }
    for shape in ["np", "clause", "to", "ing"] {
        let xs: Vec<Instance> = dev.iter().filter(|x| x.shape == shape).cloned().collect();
        report(shape, &quantized.weights, f64::from(training::MARGIN), &xs);
    }
    Ok(quantized.bytes)
}
