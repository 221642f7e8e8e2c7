//! The spaCy peer: runs it on the same documents as our binary and reads its figures.

use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

use super::report::thousands;
use super::run::{Timer, best_run, binary_command};
use super::{Corpus, Options, Run};
use crate::shared;

/// Runs the spaCy peer on the corpus (its first `--limit` documents) and our binary on one thread
/// on the same documents; prints both and returns how many times faster we are.
pub(super) fn spacy(
    python: &Path,
    binary: &Path,
    timer: &Timer,
    work: &Path,
    corpus: &Corpus,
    full_run: Run,
    options: &Options,
) -> Result<f64> {
    let (docs_path, documents, ours) = match options.limit {
        Some(n) if n < corpus.documents.len() => {
            let path = work.join(format!("{}.first{n}.jsonl", corpus.name));
            let raw = std::fs::read_to_string(&corpus.path)?;
            let mut out = String::new();
            for line in raw.lines().filter(|l| !l.trim().is_empty()).take(n) {
                out.push_str(line);
                out.push('\n');
            }
            std::fs::write(&path, out)?;
            let ours = best_run(timer, options.runs, || {
                binary_command(binary, 1, Some(&path))
            })?;
            (path, &corpus.documents[..n], ours)
        }
        _ => (corpus.path.clone(), &corpus.documents[..], full_run),
    };
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    let tokens: usize = documents
        .iter()
        .map(|d| newsclaims_tokenize::tokenize(&d.text).tokens.len())
        .sum();
    let pred = work.join(format!("{}.spacy.jsonl", corpus.name));
    let peer = shared().join("peers/spacy_peer.py");
    eprintln!(
        "bench: running the spaCy peer on {} documents of {} ...",
        documents.len(),
        corpus.name
    );
    let output = Command::new(python)
        .arg(&peer)
        .arg(&docs_path)
        .arg(&pred)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .with_context(|| format!("running {} {}", python.display(), peer.display()))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        bail!("the spaCy peer failed: {}\n{stderr}", output.status);
    }
    // "spacy peer: N docs, W tokens in T s: ..."
    let line = stderr
        .lines()
        .find(|l| l.starts_with("spacy peer:"))
        .with_context(|| format!("the spaCy peer printed no figures:\n{stderr}"))?;
    let spacy_tokens: f64 =
        field_before(line, " tokens in ").context("no token count in the spaCy peer's line")?;
    let spacy_secs: f64 = field_before(line, " s:").context("no time in the spaCy peer's line")?;
    let ours_secs = ours.wall.as_secs_f64();
    let ratio = spacy_secs / ours_secs;
    println!(
        "spaCy peer vs newsclaims, {} documents of {} ({:.2} MB), one thread each:",
        thousands(documents.len() as f64),
        corpus.name,
        bytes as f64 / 1e6
    );
    println!(
        "  spaCy (en_core_web_sm + textacy quotes, model load excluded) {:>8.2} s {:>12} tokens/s {:>7.3} MB/s",
        spacy_secs,
        thousands(spacy_tokens / spacy_secs),
        bytes as f64 / 1e6 / spacy_secs
    );
    println!(
        "  newsclaims (whole process, start-up included)                {:>8.3} s {:>12} tokens/s {:>7.3} MB/s",
        ours_secs,
        thousands(tokens as f64 / ours_secs),
        bytes as f64 / 1e6 / ours_secs
    );
    println!(
        "  newsclaims is {ratio:.0}× faster on the same documents ({:.0}× by each one's tokens/s: {} vs {} tokens)",
        (tokens as f64 / ours_secs) / (spacy_tokens / spacy_secs),
        thousands(tokens as f64),
        thousands(spacy_tokens)
    );
    Ok(ratio)
}

/// The number just before `marker` in `line`, commas allowed.
pub(super) fn field_before(line: &str, marker: &str) -> Option<f64> {
    let head = &line[..line.find(marker)?];
    let word = head.rsplit(' ').next()?;
    word.replace(',', "").parse().ok()
}
