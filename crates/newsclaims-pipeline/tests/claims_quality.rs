//! Quality floors of the claims stage, scored by the referee itself (`score.py claims --json`):
//! PolNeAR dev (attribution and content F1), the seed article's hand-made gold (attribution F1
//! and check-worthy sentence F1), the news dev gold's attributions and check-worthy sentences, and ClaimBuster's
//! expert-labelled debate sentences (each one document whose one gold sentence is check-worthy
//! when its verdict is 1). The pipeline's JSON output is what gets scored, exactly as the
//! binary writes it.
//!
//! Passes with a notice when `../shared` (the data or the scorer) or `python3` is absent.

use std::path::{Path, PathBuf};
use std::process::Command;

use newsclaims_pipeline::Document;

/// What the stage reaches on PolNeAR dev (speech cues), minus 0.02.
const POLNEAR_ATTRIBUTION: f64 = 0.806;
const POLNEAR_CONTENT: f64 = 0.827;
const POLNEAR_CONTENT_EXACT: f64 = 0.622;
/// Attributed recall of indirect and mixed gold claims on PolNeAR dev, minus 0.02.
const POLNEAR_INDIRECT_RECALL: f64 = 0.755;
const POLNEAR_MIXED_RECALL: f64 = 0.844;
/// What the stage reaches on the seed article, minus 0.02.
const SEED_ATTRIBUTION: f64 = 0.98;
const SEED_CHECKWORTHY: f64 = 0.88;
/// What the check-worthiness model reaches on ClaimBuster's ground truth and on the news dev
/// gold, minus 0.02.
const CLAIMBUSTER_CHECKWORTHY: f64 = 0.85;
const DEV_CHECKWORTHY: f64 = 0.79;
/// What the stage reaches on the news dev gold's attributions (claim and speaker right), minus
/// 0.02.
const DEV_ATTRIBUTION: f64 = 0.821;
/// Every matched seed claim has the gold cue (issue 14's done-when).
const SEED_CUE_ACCURACY: f64 = 1.0;

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
    assert_floor(
        "PolNeAR dev exact content F1",
        f1(&m, "content_exact"),
        POLNEAR_CONTENT_EXACT,
    );
    let recall = |kind: &str| {
        m["recall_by_kind"][kind]["attributed"]
            .as_f64()
            .unwrap_or(0.0)
    };
    assert_floor(
        "PolNeAR dev indirect attributed recall",
        recall("indirect"),
        POLNEAR_INDIRECT_RECALL,
    );
    assert_floor(
        "PolNeAR dev mixed attributed recall",
        recall("mixed"),
        POLNEAR_MIXED_RECALL,
    );
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
    assert_floor(
        "seed cue accuracy on matched claims",
        m["cue_accuracy_on_matched"].as_f64().unwrap_or(0.0),
        SEED_CUE_ACCURACY,
    );
    let checkworthy = f1(&m, "checkworthy_sentences");
    assert_floor(
        "seed check-worthy sentence F1",
        checkworthy,
        SEED_CHECKWORTHY,
    );
}

#[test]
fn news_dev_floors() {
    let dev = shared().join("gold/dev");
    let (gold, docs_jsonl) = (dev.join("dev.gold.jsonl"), dev.join("dev.docs.jsonl"));
    let Some(docs) = read_docs(&docs_jsonl).filter(|_| gold.exists()) else {
        eprintln!(
            "claims_quality: {} is absent; the news dev floor is not checked",
            dev.display()
        );
        return;
    };
    let Some(m) = referee("news-dev", docs, &gold, &docs_jsonl) else {
        return;
    };
    assert_floor(
        "news dev attribution F1",
        f1(&m, "attribution"),
        DEV_ATTRIBUTION,
    );
    assert_floor(
        "news dev check-worthy sentence F1",
        f1(&m, "checkworthy_sentences"),
        DEV_CHECKWORTHY,
    );
}

#[test]
fn claimbuster_ground_truth_floor() {
    let csv = shared().join("data/checkworthiness/claimbuster/groundtruth.csv");
    let Ok(data) = std::fs::read_to_string(&csv) else {
        eprintln!(
            "claims_quality: {} is absent; the ClaimBuster floor is not checked",
            csv.display()
        );
        return;
    };
    let rows = parse_csv(&data);
    let header = &rows[0];
    let column = |name: &str| header.iter().position(|h| h == name).expect("a column");
    let (id, text, verdict) = (column("Sentence_id"), column("Text"), column("Verdict"));
    let (mut docs, mut docs_lines, mut gold_lines) = (Vec::new(), String::new(), String::new());
    for row in &rows[1..] {
        let (id, text) = (format!("cb-{}", row[id]), row[text].as_str());
        let sentence = serde_json::json!({
            "start": 0,
            "end": text.chars().count(),
            "checkworthy": row[verdict].trim() == "1",
        });
        docs_lines.push_str(&format!(
            "{}\n",
            serde_json::json!({"id": id, "text": text})
        ));
        gold_lines.push_str(&format!(
            "{}\n",
            serde_json::json!({"id": id, "sentences": [sentence]})
        ));
        docs.push(Document::new(id, text));
    }
    let dir = std::env::temp_dir().join(format!("newsclaims-claimbuster-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    let (gold, docs_jsonl) = (dir.join("gt.gold.jsonl"), dir.join("gt.docs.jsonl"));
    std::fs::write(&gold, gold_lines).expect("writing the gold");
    std::fs::write(&docs_jsonl, docs_lines).expect("writing the documents");
    let m = referee("claimbuster", docs, &gold, &docs_jsonl);
    let _ = std::fs::remove_dir_all(&dir);
    let Some(m) = m else {
        return;
    };
    assert_floor(
        "ClaimBuster ground truth check-worthy F1",
        f1(&m, "checkworthy_sentences"),
        CLAIMBUSTER_CHECKWORTHY,
    );
}

/// RFC 4180 rows (quoted fields may hold commas, line breaks and doubled quotes), by the csv crate.
fn parse_csv(data: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(data.as_bytes())
        .records()
        .map_while(Result::ok)
        .map(|r| r.iter().map(str::to_owned).collect())
        .collect()
}
