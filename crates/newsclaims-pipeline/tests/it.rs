//! Integration tests of the whole pipeline: the final JSON of every fixture article, and output
//! that never depends on the thread count.

mod claims_quality;
mod formats;
mod properties;

use newsclaims_pipeline::{Document, Workers, analyze};

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

#[test]
fn final_json() {
    insta::glob!("../../../fixtures", "articles/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let id = path.file_stem().unwrap().to_string_lossy();
        let analysis = analyze(&Document::new(id, text));
        insta::assert_json_snapshot!(newsclaims_format::to_json(&analysis));
    });
}

#[test]
fn thread_count_does_not_change_output() {
    let documents = fixture_documents();
    assert!(
        documents.len() >= 2,
        "the fixtures folder holds several articles"
    );
    let render = |threads: usize| {
        let batch = documents.iter().cloned().map(|d| (d, Vec::new())).collect();
        let mut out = Vec::new();
        for analysis in Workers::new(threads).analyze(batch) {
            newsclaims_format::write_json(&mut out, &analysis, false);
            out.push(b'\n');
        }
        out
    };
    let one = render(1);
    assert_eq!(one, render(2), "2 threads differ from 1");
    assert_eq!(one, render(3), "3 threads differ from 1");
}

/// The binary's loop: documents streamed through the workers in runs, read and written on the
/// calling thread, give the same records in the same order whatever the thread count; an error
/// from the sink stops the run, and a panic in a worker reaches the caller.
#[test]
fn streamed_runs_keep_order() {
    let documents = fixture_documents();
    let render = |threads: usize| {
        let workers = Workers::new(threads);
        let mut runs = documents.chunks(2).map(|c| c.to_vec());
        let mut out = Vec::new();
        workers
            .stream(
                || Ok::<_, ()>(runs.next()),
                |run: Vec<Document>| run.iter().map(analyze).collect::<Vec<_>>(),
                |analyses| {
                    for analysis in analyses {
                        newsclaims_format::write_json(&mut out, &analysis, false);
                        out.push(b'\n');
                    }
                    Ok(())
                },
            )
            .expect("no error");
        out
    };
    let sequential: Vec<u8> = documents
        .iter()
        .flat_map(|d| {
            let mut out = Vec::new();
            newsclaims_format::write_json(&mut out, &analyze(d), false);
            out.push(b'\n');
            out
        })
        .collect();
    assert_eq!(render(1), sequential, "1 thread, streamed");
    assert_eq!(render(2), sequential, "2 threads, streamed");
    assert_eq!(render(3), sequential, "3 threads, streamed");

    for threads in [1, 2] {
        let workers = Workers::new(threads);
        let mut n = 0;
        let mut seen = 0;
        let stopped = workers.stream(
            || {
                n += 1;
                Ok((n <= 100).then_some(n))
            },
            |k: i32| k * 2,
            |k| {
                seen += 1;
                if k == 20 { Err("full disk") } else { Ok(()) }
            },
        );
        assert_eq!(stopped, Err("full disk"), "{threads} threads");
        assert_eq!(seen, 10, "results after the error are not handed over");

        let mut n = 0;
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            workers.stream(
                || {
                    n += 1;
                    Ok::<_, ()>((n <= 10).then_some(n))
                },
                |k: i32| {
                    assert_ne!(k, 5, "a bug in a stage");
                    k
                },
                |_| Ok(()),
            )
        }));
        assert!(
            panicked.is_err(),
            "{threads} threads: the panic reached the caller"
        );
    }
}
