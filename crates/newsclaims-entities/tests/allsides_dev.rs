//! Quality floors on the entities' own modern-news dev set: twenty articles of the AllSides
//! sample (2015-2020, twenty outlets) annotated in OntoNotes labels under the project's gold
//! rules. The articles are under their publishers' copyright, so only the gold's offsets are
//! committed (`data/allsides_dev.offsets.jsonl`: id, start, end, label, in code points); the
//! texts are read from `../shared/data/news` and the test passes with a notice when they are
//! absent. `cargo xtask eval ner --allsides-dev` scores the same set with the referee.
//!
//! Scoring is the referee's: exact span and label after its lenient boundaries (a leading
//! determiner, `#`/`@` and a trailing possessive do not count), micro F1.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The committed gold offsets.
const OFFSETS: &str = include_str!("data/allsides_dev.offsets.jsonl");

/// What the committed rules and model reach here, minus 0.02, per label (`None`: overall).
/// Measured with the document-level capital-run and type-history features, the clusters from
/// more text and the work-title rule: overall 0.906, PERSON 0.947, GPE 0.956, ORG 0.812, NORP
/// 0.826, FAC 0.737, EVENT 0.80, PRODUCT 0.667, LAW 0.667 (one gold law), WORK_OF_ART 0.625;
/// with the hard-boundary reading of touching names and the endings rules: overall 0.907, GPE
/// 0.959, NORP 0.835 (the rest unchanged). ORG and NORP move by a handful of mentions with any
/// retraining (0.825 and 0.832 with the previous model); both stay above the 0.80.
const FLOORS: &[(Option<&str>, f64)] = &[
    (None, 0.887),
    (Some("PERSON"), 0.927),
    (Some("GPE"), 0.939),
    (Some("ORG"), 0.792),
    (Some("NORP"), 0.814),
    (Some("FAC"), 0.71),
    (Some("EVENT"), 0.78),
    (Some("PRODUCT"), 0.646),
    (Some("LAW"), 0.64),
    (Some("WORK_OF_ART"), 0.605),
];

type Entity = (usize, usize, String);

/// The referee's lenient boundaries over code-point offsets.
fn lenient(chars: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    let s: String = chars[start..end].iter().collect();
    let low = s.to_lowercase();
    for d in ["the ", "a ", "an "] {
        if low.starts_with(d) && s.chars().count() > d.len() {
            start += d.len();
            break;
        }
    }
    if matches!(chars.get(start), Some('#' | '@')) && end - start > 1 {
        start += 1;
    }
    let tail: String = chars[start..end].iter().collect();
    if (tail.ends_with("’s") || tail.ends_with("'s")) && end - start > 2 {
        end -= 2;
    }
    (start, end)
}

/// The articles' texts by id, when the corpus is here.
fn texts(ids: &BTreeSet<&str>) -> Option<BTreeMap<String, String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/news/allsides_2015_2020_sample1000.jsonl");
    let corpus = std::fs::read_to_string(&path).ok()?;
    let mut out = BTreeMap::new();
    for line in corpus.lines() {
        let doc: serde_json::Value = serde_json::from_str(line).expect("a corpus line is JSON");
        if let (Some(id), Some(text)) = (doc["id"].as_str(), doc["text"].as_str())
            && ids.contains(id)
        {
            out.insert(id.to_string(), text.to_string());
        }
    }
    Some(out)
}

#[test]
fn allsides_dev_floors() {
    let mut gold: BTreeMap<&str, Vec<(usize, usize, &str)>> = BTreeMap::new();
    let parsed: Vec<serde_json::Value> = OFFSETS
        .lines()
        .map(|l| serde_json::from_str(l).expect("an offsets line is JSON"))
        .collect();
    for e in &parsed {
        let id = e["id"].as_str().expect("id");
        let at = |k: &str| e[k].as_u64().expect("offset") as usize;
        gold.entry(id).or_default().push((
            at("start"),
            at("end"),
            e["label"].as_str().expect("label"),
        ));
    }
    let ids: BTreeSet<&str> = gold.keys().copied().collect();
    let Some(texts) = texts(&ids) else {
        eprintln!(
            "allsides_dev: the AllSides sample is absent; the modern-news floors are not checked"
        );
        return;
    };
    // (true positives, predicted, gold) per label, "" for all.
    let mut counts: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for (id, entities) in &gold {
        let text = &texts[*id];
        let chars: Vec<char> = text.chars().collect();
        let gold: BTreeSet<Entity> = entities
            .iter()
            .map(|&(s, e, l)| {
                let (s, e) = lenient(&chars, s, e);
                (s, e, l.to_string())
            })
            .collect();
        let index = newsclaims_text::CharIndex::new(text);
        let tokens = newsclaims_tokenize::tokenize(text);
        let predicted: BTreeSet<Entity> = newsclaims_entities::recognize(text, &tokens)
            .mentions
            .iter()
            .map(|m| {
                let (s, e) = (
                    index.char_offset(m.span.start()),
                    index.char_offset(m.span.end()),
                );
                let (s, e) = lenient(&chars, s, e);
                (s, e, m.label.as_str().to_string())
            })
            .collect();
        for (set, slot) in [(&gold, 2), (&predicted, 1)] {
            for (_, _, l) in set {
                for key in [l.as_str(), ""] {
                    let c = counts.entry(key.to_string()).or_default();
                    if slot == 2 { c.2 += 1 } else { c.1 += 1 }
                }
            }
        }
        for (_, _, l) in gold.intersection(&predicted) {
            for key in [l.as_str(), ""] {
                counts.entry(key.to_string()).or_default().0 += 1;
            }
        }
    }
    let f1 =
        |(tp, pred, gold): (usize, usize, usize)| 2.0 * tp as f64 / (pred + gold).max(1) as f64;
    for (label, c) in &counts {
        eprintln!(
            "allsides_dev: {:12} F1 {:.4} (gold {})",
            if label.is_empty() { "overall" } else { label },
            f1(*c),
            c.2
        );
    }
    for &(label, floor) in FLOORS {
        let got = f1(counts.get(label.unwrap_or("")).copied().unwrap_or_default());
        let name = label.unwrap_or("overall");
        assert!(
            got >= floor,
            "AllSides dev {name} F1 {got:.4} fell below the floor {floor}"
        );
    }
}
