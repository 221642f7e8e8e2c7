//! Quality floors of the claims stage, scored by the referee itself (`score.py claims --json`):
//! PolNeAR dev (attribution and content F1) and the seed article's hand-made gold (attribution F1
//! and check-worthy sentence F1). The pipeline's JSON output is what gets scored, exactly as the
//! binary writes it.
//!
//! Passes with a notice when `../shared` (the data or the scorer) or `python3` is absent.

use std::path::{Path, PathBuf};
use std::process::Command;

use newsclaims_pipeline::Document;

/// What the stage reaches on PolNeAR dev, minus 0.02.
const POLNEAR_ATTRIBUTION: f64 = 0.70;
const POLNEAR_CONTENT: f64 = 0.74;
/// What the stage reaches on the seed article, minus 0.02.
const SEED_ATTRIBUTION: f64 = 0.98;
const SEED_CHECKWORTHY: f64 = 0.86;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// Runs the pipeline over `docs` and scores the output against `gold` with `score.py`; `None`
/// (after a notice) when python3 or the scorer cannot run.
fn referee(
    name: &str,
    docs: Vec<Document>,
    gold: &Path,
    docs_jsonl: &Path,
) -> Option<serde_json::Value> {
    let scorer = shared().join("eval/score.py");
    if !scorer.exists() {
        eprintln!(
            "claims_quality: {} is absent; {name} is not scored",
            scorer.display()
        );
        return None;
    }
    let out = super::run_jsonl(&docs, 0);
    let dir = std::env::temp_dir().join(format!(
        "newsclaims-claims-quality-{}-{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    let pred = dir.join(format!("{name}.pred.jsonl"));
    std::fs::write(&pred, out).expect("writing predictions");
    let result = Command::new("python3")
        .arg(&scorer)
        .args(["claims", "--json", "--gold"])
        .arg(gold)
        .arg("--pred")
        .arg(&pred)
        .arg("--text")
        .arg(docs_jsonl)
        .output();
    let _ = std::fs::remove_dir_all(&dir);
    let output = match result {
        Ok(o) if o.status.success() => o,
        Ok(o) => panic!("score.py failed: {}", String::from_utf8_lossy(&o.stderr)),
        Err(e) => {
            eprintln!("claims_quality: python3 cannot run ({e}); {name} is not scored");
            return None;
        }
    };
    let metrics: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("score.py prints one JSON object");
    eprintln!("claims_quality: {name}: {metrics}");
    Some(metrics)
}

fn f1(metrics: &serde_json::Value, key: &str) -> f64 {
    metrics[key]["f1"].as_f64().unwrap_or(0.0)
}

fn read_docs(path: &Path) -> Option<Vec<Document>> {
    let data = std::fs::read_to_string(path).ok()?;
    Some(
        data.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
                Document::new(
                    v["id"].as_str().unwrap_or_default(),
                    v["text"].as_str().unwrap_or_default(),
                )
            })
            .collect(),
    )
}

#[test]
fn polnear_dev_floor() {
    let data = shared().join("data/polnear");
    let (gold, docs_jsonl) = (data.join("dev.gold.jsonl"), data.join("dev.docs.jsonl"));
    let Some(docs) = read_docs(&docs_jsonl).filter(|_| gold.exists()) else {
        eprintln!(
            "claims_quality: {} is absent; the PolNeAR floor is not checked",
            data.display()
        );
        return;
    };
    let Some(m) = referee("polnear-dev", docs, &gold, &docs_jsonl) else {
        return;
    };
    let attribution = f1(&m, "attribution");
    assert_floor(
        "PolNeAR dev attribution F1",
        attribution,
        POLNEAR_ATTRIBUTION,
    );
    assert_floor("PolNeAR dev content F1", f1(&m, "content"), POLNEAR_CONTENT);
}

/// Fails when `figure` fell below its floor.
fn assert_floor(what: &str, figure: f64, floor: f64) {
    assert!(figure >= floor, "{what} {figure:.4} fell below {floor}");
}

#[test]
fn seed_floor() {
    let gold_json = shared().join("gold/seed-nato-kyiv.gold.json");
    let article =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/articles/seed-nato-kyiv.txt");
    let (Ok(gold), Ok(text)) = (
        std::fs::read_to_string(&gold_json),
        std::fs::read_to_string(&article),
    ) else {
        eprintln!(
            "claims_quality: {} is absent; the seed floor is not checked",
            gold_json.display()
        );
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(&gold).expect("the seed gold is JSON");
    let id = gold["id"].as_str().unwrap_or("seed-nato-kyiv").to_string();
    let dir = std::env::temp_dir().join(format!("newsclaims-seed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    let gold_jsonl = dir.join("seed.gold.jsonl");
    let docs_jsonl = dir.join("seed.docs.jsonl");
    std::fs::write(&gold_jsonl, format!("{gold}\n")).expect("writing the gold");
    let doc = serde_json::json!({"id": id, "text": text});
    std::fs::write(&docs_jsonl, format!("{doc}\n")).expect("writing the document");
    let m = referee(
        "seed",
        vec![Document::new(id, text)],
        &gold_jsonl,
        &docs_jsonl,
    );
    let _ = std::fs::remove_dir_all(&dir);
    let Some(m) = m else {
        return;
    };
    assert_floor(
        "seed attribution F1",
        f1(&m, "attribution"),
        SEED_ATTRIBUTION,
    );
    let checkworthy = f1(&m, "checkworthy_sentences");
    assert_floor(
        "seed check-worthy sentence F1",
        checkworthy,
        SEED_CHECKWORTHY,
    );
}
