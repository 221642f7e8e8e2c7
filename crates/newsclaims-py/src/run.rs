//! Runs of documents through the pipeline, each rendered as JSON records: the binary's run,
//! with the same panic isolation (a stage that panics on a document gives that document an
//! `internal-error` record, and the others of its run their usual records).

use std::panic::{self, AssertUnwindSafe};

use newsclaims_format::{Analysis, Problem, Unreadable};
use newsclaims_text::Document;

use crate::items::Item;

/// Documents analysed stage by stage in one go, as the binary does: enough that each stage's
/// model stays in the caches, few enough that memory stays small and flat.
pub(crate) const RUN_DOCS: usize = 16;
/// Bytes of text in one run, whichever limit comes first (a longer document is a run alone).
pub(crate) const RUN_BYTES: usize = 32 << 10;

/// The compact JSON record of every item of `run`, in order.
pub(crate) fn records(run: Vec<Item>) -> Vec<String> {
    analyze_run(run)
        .into_iter()
        .map(|result| {
            let mut buf = Vec::new();
            match result {
                Ok(analysis) => newsclaims_format::write_json(&mut buf, &analysis, false),
                Err(unreadable) => newsclaims_format::write_error_record(&mut buf, &unreadable),
            }
            // serde_json writes UTF-8.
            String::from_utf8(buf).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into())
        })
        .collect()
}

/// Runs the pipeline on a run of documents, stage by stage over all of them. Should a stage
/// panic, the documents are analysed again one by one, so that only the one at fault gets an
/// error record.
fn analyze_run(items: Vec<Item>) -> Vec<Result<Analysis, Unreadable>> {
    let texts: Vec<&str> = items
        .iter()
        .filter_map(|item| match item {
            Item::Document(doc, _) => Some(doc.text.as_str()),
            Item::Unreadable(_) => None,
        })
        .collect();
    let found = panic::catch_unwind(|| newsclaims_pipeline::find(&texts));
    drop(texts);
    match found {
        Ok(found) => {
            let mut found = found.into_iter();
            items
                .into_iter()
                .map(|item| match item {
                    Item::Document(doc, problems) => {
                        let found = found.next().expect("one finding per document");
                        Ok(newsclaims_pipeline::assemble(doc, problems, found))
                    }
                    Item::Unreadable(u) => Err(u),
                })
                .collect()
        }
        Err(_) => items
            .into_iter()
            .map(|item| match item {
                Item::Document(doc, problems) => analyze_guarded(doc, problems),
                Item::Unreadable(u) => Err(u),
            })
            .collect(),
    }
}

/// Runs the pipeline on one document; a panic becomes the document's error record.
pub(crate) fn analyze_guarded(
    doc: Document,
    problems: Vec<Problem>,
) -> Result<Analysis, Unreadable> {
    let id = doc.id.clone();
    panic::catch_unwind(AssertUnwindSafe(|| {
        newsclaims_pipeline::analyze_owned(doc, problems)
    }))
    .map_err(|payload| {
        let why = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Unreadable {
            id,
            kind: "internal-error",
            message: format!("newsclaims failed on this document (a bug, please report it): {why}"),
            line: None,
        }
    })
}
