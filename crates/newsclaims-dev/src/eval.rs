//! `cargo xtask eval ner|claims --gold G --docs D [--map conll] [--errors]`: runs the release
//! pipeline over the documents and scores its output with the referee, `../shared/eval/score.py`.
//! `claims --errors` lists every miss and false alarm with its class after the scores
//! (`eval_errors`); `claims --polnear-that` and `--polnear-nested` score the output rewritten to
//! PolNeAR's conventions of a `that` inside the content and of nesting (`eval_that`).
//! `ner --allsides-dev` scores the entities' own modern-news dev set: twenty AllSides articles
//! whose gold is committed as offsets only
//! (`crates/newsclaims-entities/tests/data/allsides_dev.offsets.jsonl`) and rebuilt here from the
//! corpus.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::{release_binary, root, run_status, shared};

pub(crate) fn run(args: &[String]) -> Result<()> {
    let mut what = None;
    let mut gold = None;
    let mut docs = None;
    let mut extra = Vec::new();
    let mut errors = false;
    let mut conventions = crate::eval_that::Conventions {
        that: false,
        nested: false,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "ner" | "claims" if what.is_none() => what = Some(a.clone()),
            "--gold" => gold = it.next().map(PathBuf::from),
            "--docs" | "--text" => docs = it.next().map(PathBuf::from),
            "--map" => {
                extra.push("--map".to_string());
                extra.push(it.next().context("--map needs a value")?.clone());
            }
            "--json" => extra.push(a.clone()),
            "--errors" => errors = true,
            "--polnear-that" => conventions.that = true,
            "--polnear-nested" => conventions.nested = true,
            "--allsides-dev" => {
                let (g, d) = allsides_dev()?;
                gold = Some(g);
                docs = Some(d);
            }
            other => bail!("unknown argument `{other}`"),
        }
    }
    let what = what.context("eval what? ner or claims")?;
    let data = shared().join("data");
    let (default_gold, default_docs) = match what.as_str() {
        "ner" => (
            data.join("conll2003/dev.gold.jsonl"),
            data.join("conll2003/dev.docs.jsonl"),
        ),
        _ => (
            data.join("polnear/dev.gold.jsonl"),
            data.join("polnear/dev.docs.jsonl"),
        ),
    };
    if what == "ner" && !extra.iter().any(|a| a == "--map") && gold.is_none() {
        extra.extend(["--map".to_string(), "conll".to_string()]);
    }
    let gold = gold.unwrap_or(default_gold);
    let docs = docs.unwrap_or(default_docs);
    let binary = release_binary()?;
    let out_dir = root().join("target/eval");
    std::fs::create_dir_all(&out_dir)?;
    let pred = out_dir.join(format!("{what}.pred.jsonl"));
    let docs_jsonl = as_jsonl(&docs, &out_dir)?;
    run_status(
        Command::new(&binary)
            .args(["--quiet", "--format", "jsonl", "--output"])
            .arg(&pred)
            .arg(&docs_jsonl),
    )?;
    let pred = if (conventions.that || conventions.nested) && what == "claims" {
        let mapped = out_dir.join("claims.pred.polnear.jsonl");
        let (moved, left_out) =
            crate::eval_that::rewrite(&pred, &docs_jsonl, &mapped, conventions)?;
        eprintln!(
            "eval: {moved} contents given back their leading `that`, {left_out} nested claims left out (PolNeAR's conventions)"
        );
        mapped
    } else {
        pred
    };
    run_status(
        Command::new("python3")
            .arg(shared().join("eval/score.py"))
            .arg(&what)
            .arg("--gold")
            .arg(&gold)
            .arg("--pred")
            .arg(&pred)
            .arg("--text")
            .arg(&docs_jsonl)
            .args(&extra),
    )?;
    if errors && what == "claims" {
        crate::eval_errors::run(&gold, &pred, &docs_jsonl)?;
    }
    Ok(())
}

/// The scorer reads documents as JSON Lines; a `.txt` article becomes a one-line file whose id is
/// the file stem.
fn as_jsonl(docs: &std::path::Path, out_dir: &std::path::Path) -> Result<PathBuf> {
    if docs.extension().is_some_and(|e| e == "jsonl") {
        return Ok(docs.to_path_buf());
    }
    let text =
        std::fs::read_to_string(docs).with_context(|| format!("reading {}", docs.display()))?;
    let id = docs
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let path = out_dir.join(format!("{id}.docs.jsonl"));
    let line = format!(
        "{{\"id\":{},\"text\":{}}}\n",
        json_string(&id),
        json_string(&text)
    );
    std::fs::write(&path, line)?;
    Ok(path)
}

/// A JSON string literal, escaped by hand so that xtask needs no serde.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The committed offsets of the AllSides dev set joined with the corpus' texts, written as the
/// referee's gold and documents under `target/eval`.
fn allsides_dev() -> Result<(PathBuf, PathBuf)> {
    let corpus = shared().join("data/news/allsides_2015_2020_sample1000.jsonl");
    let offsets = root().join("crates/newsclaims-entities/tests/data/allsides_dev.offsets.jsonl");
    let corpus = std::fs::read_to_string(&corpus)
        .with_context(|| format!("reading {}", corpus.display()))?;
    let offsets = std::fs::read_to_string(&offsets)
        .with_context(|| format!("reading {}", offsets.display()))?;
    // Documents in the order of their first entity; entities grouped per document.
    let mut order: Vec<String> = Vec::new();
    let mut entities: std::collections::BTreeMap<String, Vec<serde_json::Value>> =
        std::collections::BTreeMap::new();
    for line in offsets.lines().filter(|l| !l.trim().is_empty()) {
        let e: serde_json::Value = serde_json::from_str(line).context("an offsets line")?;
        let id = e["id"]
            .as_str()
            .context("an offsets line without id")?
            .to_string();
        if !entities.contains_key(&id) {
            order.push(id.clone());
        }
        entities.entry(id).or_default().push(serde_json::json!({
            "start": e["start"], "end": e["end"], "label": e["label"],
        }));
    }
    let mut texts: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
    for line in corpus.lines().filter(|l| !l.trim().is_empty()) {
        let d: serde_json::Value = serde_json::from_str(line).context("a corpus line")?;
        if let (Some(id), Some(text)) = (d["id"].as_str(), d["text"].as_str())
            && entities.contains_key(id)
        {
            texts.insert(id.to_string(), text.to_string());
        }
    }
    let (mut gold, mut docs) = (String::new(), String::new());
    for id in &order {
        let text = texts
            .get(id)
            .with_context(|| format!("article {id} is not in the corpus"))?;
        docs.push_str(&serde_json::json!({"id": id, "text": text}).to_string());
        docs.push('\n');
        gold.push_str(&serde_json::json!({"id": id, "entities": entities[id]}).to_string());
        gold.push('\n');
    }
    let out_dir = root().join("target/eval");
    std::fs::create_dir_all(&out_dir)?;
    let (gold_path, docs_path) = (
        out_dir.join("allsides_dev.gold.jsonl"),
        out_dir.join("allsides_dev.docs.jsonl"),
    );
    std::fs::write(&gold_path, gold)?;
    std::fs::write(&docs_path, docs)?;
    Ok((gold_path, docs_path))
}
