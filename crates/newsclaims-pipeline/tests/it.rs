//! Integration tests of the whole pipeline: the final JSON of one fixture article, and output
//! that never depends on the thread count.

mod claims_quality;
mod formats;
mod properties;

use newsclaims_pipeline::{
    DOCS_PER_RUN, Document, ErrorKind, Input, RUNS_PER_THREAD, Run, Unreadable, analyze,
};

fn fixture_documents() -> Vec<Document> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/articles exists")
        .map(|e| e.expect("readable fixtures folder").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            Document::new(id, std::fs::read_to_string(&p).expect("fixture is UTF-8"))
        })
        .collect()
}

/// The final JSON of one fixture article, whole. One is enough: the stage crates' snapshots pin
/// every fixture's tokens, entities and claims, so a model change moves those and this one only.
#[test]
fn final_json() {
    let fixture = "kremlin-pipeline-talks";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("../../fixtures/articles/{fixture}.txt"));
    let text = std::fs::read_to_string(path).unwrap();
    let analysis = analyze(&Document::new(fixture, text));
    insta::assert_json_snapshot!(
        "final_json@kremlin-pipeline-talks",
        newsclaims_format::to_json(&analysis)
    );
}

/// The JSON Lines records of `documents` through [`Run::stream`] on `threads` threads: the path
/// the binary takes (runs, panic isolation, ordered streaming), rendered on the workers.
pub(crate) fn run_jsonl(documents: &[Document], threads: usize) -> Vec<u8> {
    let inputs = documents
        .iter()
        .cloned()
        .map(|d| Input::Document(d, Vec::new()));
    let mut out = Vec::new();
    Run::new(threads)
        .stream(
            inputs,
            |_, record| {
                let mut line = Vec::new();
                newsclaims_format::write_json(&mut line, &record.expect("readable"), false);
                line.push(b'\n');
                line
            },
            |line| {
                out.extend_from_slice(&line);
                Ok::<(), ()>(())
            },
        )
        .expect("no error");
    out
}

fn sequential_jsonl(documents: &[Document]) -> Vec<u8> {
    let mut out = Vec::new();
    for d in documents {
        newsclaims_format::write_json(&mut out, &analyze(d), false);
        out.push(b'\n');
    }
    out
}

/// The run gives the records of the documents one by one, in the same order, whatever the
/// thread count; many documents make several runs per thread.
#[test]
fn thread_count_does_not_change_output() {
    let fixtures = fixture_documents();
    assert!(
        fixtures.len() >= 2,
        "the fixtures folder holds several articles"
    );
    let documents: Vec<Document> = (0..5)
        .flat_map(|round| {
            fixtures
                .iter()
                .map(move |d| Document::new(format!("{}-{round}", d.id), d.text.clone()))
        })
        .collect();
    let sequential = sequential_jsonl(&documents);
    for threads in [1, 2, 3] {
        assert_eq!(
            run_jsonl(&documents, threads),
            sequential,
            "{threads} threads differ from document by document"
        );
    }
}

/// Unreadable inputs keep their place; an error from `on_record` stops the run; a panic in
/// `render` reaches the caller.
#[test]
fn run_keeps_places_stops_and_panics() {
    let inputs = || {
        (0..100).map(|n| {
            if n % 7 == 3 {
                Input::Unreadable(Unreadable {
                    id: format!("u{n}"),
                    kind: ErrorKind::MalformedJson,
                    message: "not JSON".into(),
                    line: Some(n),
                })
            } else {
                Input::Document(Document::new(format!("d{n}"), "He said it."), Vec::new())
            }
        })
    };
    for threads in [1, 2, 3] {
        let run = Run::new(threads);
        let mut seen = Vec::new();
        run.stream(
            inputs(),
            |n, record| match record {
                Ok(a) => (n, a.document.id),
                Err(u) => (n, u.id),
            },
            |(n, id)| {
                seen.push((n, id));
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        let expected: Vec<(usize, String)> = (0..100)
            .map(|n| {
                (
                    n,
                    if n % 7 == 3 {
                        format!("u{n}")
                    } else {
                        format!("d{n}")
                    },
                )
            })
            .collect();
        assert_eq!(seen, expected, "{threads} threads");

        let mut handed = 0;
        let stopped = run.stream(
            inputs(),
            |n, _| n,
            |n| {
                handed += 1;
                if n == 40 { Err("full disk") } else { Ok(()) }
            },
        );
        assert_eq!(stopped, Err("full disk"), "{threads} threads");
        assert_eq!(handed, 41, "records after the error are not handed over");

        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run.stream(
                inputs(),
                |n, _| assert_ne!(n, 50, "a bug in a renderer"),
                |()| Ok::<(), ()>(()),
            )
        }));
        assert!(
            panicked.is_err(),
            "{threads} threads: the panic reached the caller"
        );
    }
}

/// A run asks for no more inputs than it may hold: memory stays bounded however long the input.
#[test]
fn run_holds_a_bounded_number_of_inputs() {
    for threads in [1, 2, 3] {
        let pulled = std::cell::Cell::new(0usize);
        let mut max_ahead = 0;
        let inputs = (0..2000).map(|n| {
            pulled.set(pulled.get() + 1);
            Input::Document(Document::new(format!("d{n}"), "Tiny."), Vec::new())
        });
        let mut handed = 0usize;
        Run::new(threads)
            .stream(
                inputs,
                |n, _| n,
                |_| {
                    handed += 1;
                    max_ahead = max_ahead.max(pulled.get() - handed);
                    Ok::<(), ()>(())
                },
            )
            .unwrap();
        let bound = DOCS_PER_RUN * (RUNS_PER_THREAD * threads + 1);
        assert!(
            max_ahead <= bound,
            "{threads} threads: {max_ahead} documents held, bound {bound}"
        );
        assert_eq!(handed, 2000);
    }
}

/// Runs whose text together exceeds the budget are not analysed side by side: the memory a run
/// needs does not grow with the thread count.
#[test]
fn large_documents_take_the_budget() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    // 600 bytes a document, 16 documents a run: 9,600 bytes a run.
    let text = "Smith said the vote was lost. ".repeat(20);
    for (budget, most) in [(1000, 1), (1 << 20, 3)] {
        let (now, peak) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let inputs = (0..48)
            .map(|n| Input::Document(Document::new(format!("d{n}"), text.as_str()), Vec::new()));
        Run::new(3)
            .with_budget(budget)
            .stream(
                inputs,
                |_, _| {
                    let running = now.fetch_add(1, Ordering::SeqCst) + 1;
                    peak.fetch_max(running, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(10));
                    now.fetch_sub(1, Ordering::SeqCst);
                },
                |()| Ok::<(), ()>(()),
            )
            .unwrap();
        let peak = peak.into_inner();
        assert!(peak <= most, "budget {budget}: {peak} documents at once");
        if most > 1 {
            assert!(
                peak > 1,
                "a large budget lets the threads work side by side"
            );
        }
    }
}
