//! `cargo xtask train-claims [--check]`: derives the claims stage's cue lexicon,
//! `crates/newsclaims-claims/lexicons/cues.tsv`, from the PolNeAR training attributions, and
//! trains its content-boundary ranker, `model/boundary.bin` (`train_boundary`), and its cue
//! classifier, `model/cue.bin` (`train_cue`).
//!
//! The lexicon's lemmas and their classes (how the content follows the cue) are curated by hand
//! in the file itself; this task refills each lemma's two counts from
//! `../shared/data/polnear/train`: how often a form of the lemma is an annotated cue (the first
//! cue word whose lemma is listed, as the referee's converter reads it), and how often a form of
//! it occurs at all. Their ratio is the cue's reliability. Only these counts leave the corpus
//! (PolNeAR states no licence): no text, no sentence. `--check` fails when the file is stale.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::{generated, root, shared};

pub(crate) fn run(args: &[String]) -> Result<()> {
    let check = args.iter().any(|a| a == "--check");
    let path = root().join("crates/newsclaims-claims/lexicons/cues.tsv");
    let current =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let train = shared().join("data/polnear/train");
    if !generated::source_present(
        "train-claims",
        &train,
        check,
        "PolNeAR train is needed to count cues",
    )? {
        return Ok(());
    }
    let mut lemmas: Vec<(String, String)> = Vec::new();
    let mut header = Vec::new();
    for line in current.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            header.push(line.to_string());
            continue;
        }
        let mut f = line.split('\t');
        let (Some(lemma), Some(class)) = (f.next(), f.next()) else {
            bail!("malformed lexicon line {line:?}");
        };
        lemmas.push((lemma.to_string(), class.to_string()));
    }
    let known: BTreeMap<&str, usize> = lemmas
        .iter()
        .enumerate()
        .map(|(k, (l, _))| (l.as_str(), k))
        .collect();
    let (cues, seen) = count(&train, &known)?;
    let mut out = header.join("\n");
    if !out.is_empty() {
        out.push('\n');
    }
    for (k, (lemma, class)) in lemmas.iter().enumerate() {
        out.push_str(&format!("{lemma}\t{class}\t{}\t{}\n", cues[k], seen[k]));
    }
    let polnear = shared().join("data/polnear");
    let tmp = std::env::temp_dir().join(format!("newsclaims-train-claims-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let models = crate::train_boundary::convert_train(&polnear, &tmp).and_then(|(docs, gold)| {
        let start = crate::train_start::train(&polnear, &docs, &gold)?;
        let boundary = crate::train_boundary::train(&polnear, &docs, &gold)?;
        let cue = crate::train_cue::train(&polnear, &docs, &gold)?;
        Ok((start, boundary, cue))
    });
    let _ = std::fs::remove_dir_all(&tmp);
    let (start, boundary, cue) = models?;
    let model = root().join("crates/newsclaims-claims/model");
    generated::write_or_check(
        "train-claims",
        &[
            (path, out.into_bytes()),
            (model.join("start.bin"), start),
            (model.join("boundary.bin"), boundary),
            (model.join("cue.bin"), cue),
        ],
        check,
    )
}

/// Per lemma: annotated cue count and occurrence count over the first annotator's files.
fn count(train: &Path, known: &BTreeMap<&str, usize>) -> Result<(Vec<u32>, Vec<u32>)> {
    let mut cues = vec![0u32; known.len()];
    let mut seen = vec![0u32; known.len()];
    let ann_dir = train.join("attributions");
    let mut anns: Vec<String> = std::fs::read_dir(&ann_dir)
        .with_context(|| format!("reading {}", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".ann"))
        .collect();
    anns.sort();
    // The first annotator per document, as convert.py takes it.
    let mut first: BTreeMap<String, String> = BTreeMap::new();
    for a in anns {
        let base = a
            .rsplit_once('_')
            .map_or(a.as_str(), |(b, _)| b)
            .to_string();
        first.entry(base).or_insert(a);
    }
    for (base, ann) in &first {
        let text_path = train.join("text").join(format!("{base}.txt"));
        let text = std::fs::read_to_string(&text_path)
            .with_context(|| format!("reading {}", text_path.display()))?;
        for word in ascii_words(&text) {
            if let Some(k) = lemma_of(&word.to_ascii_lowercase(), known) {
                seen[k] += 1;
            }
        }
        let ann_text = std::fs::read_to_string(ann_dir.join(ann))?;
        let mut spans: BTreeMap<&str, (&str, &str)> = BTreeMap::new();
        for line in ann_text.lines().filter(|l| l.starts_with('T')) {
            let mut f = line.split('\t');
            let (Some(id), Some(info), Some(words)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let label = info.split(' ').next().unwrap_or("");
            spans.insert(id, (label, words));
        }
        for line in ann_text.lines().filter(|l| l.starts_with('E')) {
            let Some(args) = line.split('\t').nth(1) else {
                continue;
            };
            let has_content = args.split(' ').any(|a| a.starts_with("Content:"));
            let cue = args.split(' ').find_map(|a| a.strip_prefix("Cue:"));
            let (true, Some(cue)) = (has_content, cue) else {
                continue;
            };
            let Some((_, words)) = spans.get(cue) else {
                continue;
            };
            let lemma = ascii_words(words).find_map(|w| lemma_of(&w.to_ascii_lowercase(), known));
            if let Some(k) = lemma {
                cues[k] += 1;
            }
        }
    }
    Ok((cues, seen))
}

/// Runs of ASCII letters, as the converter's `[A-Za-z]+`.
fn ascii_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
}

/// The first listed lemma among the word's lemma candidates, in the converter's order (the word
/// itself first), with the claims crate's irregular forms and suffix rules. (The crate's extra
/// irregular forms, `thought` and the like, change no count on PolNeAR train: `--check` agrees.)
fn lemma_of(w: &str, known: &BTreeMap<&str, usize>) -> Option<usize> {
    let mut candidates = vec![w.to_string()];
    candidates.extend(newsclaims_claims::irregular_lemma(w).map(str::to_owned));
    candidates.extend(newsclaims_claims::regular_lemmas(w));
    candidates
        .iter()
        .find_map(|c| known.get(c.as_str()).copied())
}
