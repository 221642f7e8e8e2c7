//! The unlabelled text the word clusters are derived from: the news corpora (BBC, AllSides), the
//! articles of PolNeAR's train split and the debate sentences of ClaimBuster's train file
//! (`crowdsourced.csv`), each as documents' texts; the CoNLL training text is added by the caller.
//! Only text is read, never a label, and no held-out split (PolNeAR dev, ClaimBuster's
//! `groundtruth.csv`) is.

use std::path::Path;

use anyhow::{Context, Result};

use super::{json_field, read};
use crate::shared;

/// The unlabelled news corpora, as documents' texts.
pub(super) fn news_texts() -> Result<Vec<String>> {
    let news = shared().join("data/news");
    let mut texts = Vec::new();
    for name in ["bbc_2004_2005.jsonl", "allsides_2015_2020_sample1000.jsonl"] {
        for line in read(&news.join(name))?.lines() {
            if let Some(text) = json_field(line, "text") {
                texts.push(text);
            }
        }
    }
    Ok(texts)
}

/// The texts the clusters are derived from: [`news_texts`], PolNeAR's train articles (in file
/// name order) and ClaimBuster's train debates (one document per debate, in file order).
pub(super) fn cluster_texts() -> Result<Vec<String>> {
    let data = shared().join("data");
    let mut texts = news_texts()?;
    texts.extend(polnear_texts(&data.join("polnear/train/text"))?);
    texts.extend(debate_texts(&read(
        &data.join("checkworthiness/claimbuster/crowdsourced.csv"),
    )?));
    Ok(texts)
}

/// The `.txt` articles of a PolNeAR split, sorted by file name.
fn polnear_texts(dir: &Path) -> Result<Vec<String>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("listing {}", dir.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths.iter().map(|p| read(p)).collect()
}

/// ClaimBuster's sentences (the `Text` column) joined per debate (`File_id`), debates in the
/// order they first appear.
fn debate_texts(csv_text: &str) -> Vec<String> {
    let mut rows = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let header = rows.headers().cloned().unwrap_or_default();
    let column = |name: &str| header.iter().position(|h| h == name);
    let (Some(text), Some(file)) = (column("Text"), column("File_id")) else {
        return Vec::new();
    };
    let mut debates: Vec<(String, String)> = Vec::new();
    for row in rows.records().map_while(Result::ok) {
        let (Some(t), Some(f)) = (row.get(text), row.get(file)) else {
            continue;
        };
        match debates.iter_mut().find(|(name, _)| name == f) {
            Some((_, body)) => {
                body.push(' ');
                body.push_str(t);
            }
            None => debates.push((f.to_string(), t.to_string())),
        }
    }
    debates.into_iter().map(|(_, body)| body).collect()
}
