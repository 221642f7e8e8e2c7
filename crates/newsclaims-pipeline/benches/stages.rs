//! One divan bench per stage, for profiling: `cargo bench -p newsclaims-pipeline --bench stages`.
//!
//! Each bench runs its stage over the same documents: the first `NEWSCLAIMS_BENCH_DOCS` (default
//! 200) articles of `../shared/data/news/allsides_2015_2020_sample1000.jsonl` when that corpus is
//! present, else the fixture articles. The input of each stage (tokens, entities, ...) is computed
//! once outside the timed loop, so a bench measures its stage alone. Throughput is in bytes of
//! article text. `cargo xtask bench` gives the whole-binary figures; this is the microscope.

use std::path::Path;
use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use newsclaims_claims::Claim;
use newsclaims_entities::Entities;
use newsclaims_pipeline::Analysis;
use newsclaims_pipeline::Document;
use newsclaims_tokenize::Tokens;

fn main() {
    let corpus = &*CORPUS;
    eprintln!(
        "stages bench: {} documents, {:.2} MB, from {}",
        corpus.analyses.len(),
        corpus.bytes as f64 / 1e6,
        corpus.source
    );
    divan::main();
}

struct Corpus {
    source: String,
    bytes: usize,
    /// Every stage's output for every document, computed once.
    analyses: Vec<Analysis>,
}

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| {
    let (source, documents) = load();
    let bytes = documents.iter().map(|d| d.text.len()).sum();
    let analyses = documents.iter().map(newsclaims_pipeline::analyze).collect();
    Corpus {
        source,
        bytes,
        analyses,
    }
});

fn load() -> (String, Vec<Document>) {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = manifest.join("../../../shared/data/news/allsides_2015_2020_sample1000.jsonl");
    let limit = std::env::var("NEWSCLAIMS_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    if let Ok(raw) = std::fs::read_to_string(&corpus) {
        let documents = raw
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(limit)
            .enumerate()
            .filter_map(|(k, line)| {
                let value: serde_json::Value = serde_json::from_str(line).ok()?;
                let text = value["text"].as_str()?;
                Some(Document::new(format!("doc{k}"), text))
            })
            .collect();
        return (format!("{} (first {limit})", corpus.display()), documents);
    }
    let dir = manifest.join("../../fixtures/articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/articles exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let documents = paths
        .iter()
        .map(|p| {
            let id = p.file_stem().unwrap_or_default().to_string_lossy();
            Document::new(id, std::fs::read_to_string(p).expect("fixture is UTF-8"))
        })
        .collect();
    (
        format!("{} (the corpus is absent)", dir.display()),
        documents,
    )
}

fn bytes() -> BytesCount {
    BytesCount::new(CORPUS.bytes)
}

fn each<R>(bencher: Bencher, f: impl Fn(&Analysis) -> R + Sync) {
    let corpus = &*CORPUS;
    bencher.counter(bytes()).bench(|| {
        for analysis in &corpus.analyses {
            black_box(f(black_box(analysis)));
        }
    });
}

#[divan::bench]
fn tokenize(bencher: Bencher) {
    each(bencher, |a| -> Tokens {
        newsclaims_tokenize::tokenize(&a.document.text)
    });
}

#[divan::bench]
fn recognize(bencher: Bencher) {
    each(bencher, |a| -> Entities {
        newsclaims_entities::recognize(&a.document.text, &a.tokens)
    });
}

#[divan::bench]
fn extract(bencher: Bencher) {
    each(bencher, |a| -> Vec<Claim> {
        newsclaims_claims::extract(&a.document.text, &a.tokens, &a.entities)
    });
}

#[divan::bench]
fn write_json(bencher: Bencher) {
    let corpus = &*CORPUS;
    bencher
        .counter(bytes())
        .with_inputs(|| Vec::with_capacity(1 << 16))
        .bench_local_refs(|buf: &mut Vec<u8>| {
            for analysis in &corpus.analyses {
                buf.clear();
                newsclaims_format::write_json(buf, black_box(analysis), false);
            }
        });
}

/// All stages and the JSON, as one worker thread of the binary does per document.
#[divan::bench]
fn whole(bencher: Bencher) {
    let corpus = &*CORPUS;
    bencher.counter(bytes()).bench_local(|| {
        let mut buf = Vec::with_capacity(1 << 16);
        for analysis in &corpus.analyses {
            let a = newsclaims_pipeline::analyze(black_box(&analysis.document));
            buf.clear();
            newsclaims_format::write_json(&mut buf, &a, false);
        }
        black_box(buf.len())
    });
}
