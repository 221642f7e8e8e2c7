//! The `newsclaims` command: reads articles from files, folders, JSON Lines or standard input,
//! runs the pipeline in bounded parallel batches, and writes one record per document in input
//! order.
//!
//! Invariants: every input document yields exactly one record, a result or an error record, even
//! when a stage panics on it (caught here, per document, as a last line of defence); the exit
//! status is 0 when every document was analysed, 1 when some got error records, 2 when the run
//! could not start or its output could not be written.

mod args;
mod brat_dir;
mod input;
mod progress;

use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;

use anyhow::{Context, Result};
use newsclaims_format::{Analysis, Problem, Unreadable};
use newsclaims_text::Document;

use crate::args::{Args, Format};
use crate::input::{Item, Reader};

fn main() -> ExitCode {
    let args = match args::parse(std::env::args_os().skip(1)) {
        Ok(args::Parsed::Run(args)) => args,
        Ok(args::Parsed::Exit(message)) => {
            println!("{message}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("newsclaims: {e:#}\ntry `newsclaims --help`");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(summary) => {
            if !args.quiet {
                let plural = |n: u64| if n == 1 { "" } else { "s" };
                eprintln!(
                    "newsclaims: {} document{}: {} analysed ({} with problems listed in \"errors\"), {} error record{}",
                    summary.documents,
                    plural(summary.documents),
                    summary.documents - summary.failed,
                    summary.with_problems,
                    summary.failed,
                    plural(summary.failed)
                );
            }
            if summary.failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        // The reader of our output went away (`newsclaims ... | head`): nobody is left to tell.
        Err(e) if is_broken_pipe(&e) => ExitCode::from(2),
        Err(e) => {
            eprintln!("newsclaims: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

#[derive(Default)]
struct Summary {
    documents: u64,
    failed: u64,
    with_problems: u64,
}

/// Documents a thread analyses stage by stage in one go (see [`analyze_chunk`]): enough that
/// each stage's model stays in the caches, few enough that memory stays small and flat (what a
/// document costs in memory grows with its text, not with the number of documents).
const CHUNK_DOCS: usize = 16;
/// Bytes of text in one run, whichever limit comes first (a longer document is a run alone).
const CHUNK_BYTES: usize = 32 << 10;

fn run(args: &Args) -> Result<Summary> {
    let (mut reader, skipped) = Reader::new(&args.inputs, args.max_bytes)?;
    if !args.quiet {
        for s in &skipped {
            eprintln!(
                "newsclaims: skipped {} file{} in {} that {} not .txt, .jsonl or .ndjson (such as {})",
                s.count,
                if s.count == 1 { "" } else { "s" },
                s.folder.display(),
                if s.count == 1 { "is" } else { "are" },
                s.example.display()
            );
        }
    }
    // With `--format brat`, `--output` names a folder of .txt and .ann files.
    let mut brat_dir = match (&args.output, args.format) {
        (Some(dir), Format::Brat) => Some(brat_dir::BratDir::create(dir.clone())?),
        _ => None,
    };
    let mut out: Box<dyn Write> = match &args.output {
        _ if brat_dir.is_some() => Box::new(io::sink()),
        Some(path) => {
            check_not_an_input(path, &args.inputs)?;
            Box::new(io::BufWriter::new(
                std::fs::File::create(path)
                    .with_context(|| format!("creating {}", path.display()))?,
            ))
        }
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    let workers = newsclaims_pipeline::Workers::new(args.threads);
    let mut summary = Summary::default();
    let mut progress = progress::Progress::new(args.quiet, &args.inputs);
    if args.format == Format::Json {
        out.write_all(b"[\n")?;
    }
    out.write_all(&opening(args.format))?;
    // This thread reads runs of documents and writes their records while the workers analyse
    // and render them. A run carries the index of its first document, so that a worker renders
    // what depends on a record's place (the JSON array's commas, the HTML section numbers).
    let mut read = 0;
    let format = args.format;
    let keep = brat_dir.is_some();
    workers.stream(
        || -> Result<Option<(usize, Vec<Item>)>> {
            let run = reader.next_batch(CHUNK_DOCS, CHUNK_BYTES);
            let first = read;
            read += run.len();
            Ok((!run.is_empty()).then_some((first, run)))
        },
        |(first, run)| render_run(first, run, format, keep),
        |rendered| {
            for doc in &rendered.documents {
                summary.documents += 1;
                summary.failed += u64::from(doc.failed);
                summary.with_problems += u64::from(doc.with_problems);
            }
            if let Some(dir) = &mut brat_dir {
                for analysis in &rendered.analyses {
                    dir.write(analysis)?;
                }
            }
            out.write_all(&rendered.bytes).context("writing output")?;
            if let Some(progress) = &mut progress {
                for doc in &rendered.documents {
                    progress.document(doc.text_bytes);
                }
            }
            Ok(())
        },
    )?;

    if args.format == Format::Json {
        out.write_all(b"\n]\n")?;
    }
    out.write_all(&closing(args.format))?;
    out.flush().context("writing output")?;
    if let Some(progress) = progress {
        progress.finish();
    }
    Ok(summary)
}

/// A run of documents analysed and rendered by a worker.
struct Rendered {
    /// The records of the run, one after the other.
    bytes: Vec<u8>,
    documents: Vec<Rendering>,
    /// The analyses, kept only for a brat folder (which writes files of its own).
    analyses: Vec<Analysis>,
}

/// What the summary and the progress line need of one document.
struct Rendering {
    failed: bool,
    with_problems: bool,
    text_bytes: usize,
}

/// Analyses a run of documents whose first is the `first`-th of the input, and renders their
/// records into one buffer. The analyses are dropped here, on the worker that made them, unless
/// `keep`: freeing them on the writing thread cost the allocator a lock per block.
fn render_run(first: usize, items: Vec<Item>, format: Format, keep: bool) -> Rendered {
    let mut rendered = Rendered {
        bytes: Vec::new(),
        documents: Vec::with_capacity(items.len()),
        analyses: Vec::new(),
    };
    for (k, result) in analyze_chunk(items).into_iter().enumerate() {
        let n = first + k;
        match result {
            Ok(analysis) => {
                write_record(&mut rendered.bytes, &analysis, format, n == 0, n);
                rendered.documents.push(Rendering {
                    failed: false,
                    with_problems: !analysis.problems.is_empty(),
                    text_bytes: analysis.document.text.len(),
                });
                if keep {
                    rendered.analyses.push(analysis);
                }
            }
            Err(unreadable) => {
                write_unreadable(&mut rendered.bytes, &unreadable, format, n == 0, n);
                rendered.documents.push(Rendering {
                    failed: true,
                    with_problems: false,
                    text_bytes: 0,
                });
            }
        }
    }
    rendered
}

/// Runs the pipeline on a run of documents, stage by stage over all of them (see
/// [`newsclaims_pipeline::find`]). Should a stage panic, the documents are analysed again one by
/// one, so that only the one at fault gets an error record.
fn analyze_chunk(items: Vec<Item>) -> Vec<Result<Analysis, Unreadable>> {
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

/// Runs the pipeline on one document. The stages never fail by design; should one panic all the
/// same, the document gets an error record and the run goes on (the panic message is already on
/// standard error, from the default hook, for the bug report).
fn analyze_guarded(doc: Document, problems: Vec<Problem>) -> Result<Analysis, Unreadable> {
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

/// Refuses to write over an input file: `newsclaims docs.jsonl -o docs.jsonl` would empty it
/// before it is read.
fn check_not_an_input(output: &std::path::Path, inputs: &[std::path::PathBuf]) -> Result<()> {
    let Ok(out) = output.canonicalize() else {
        return Ok(());
    };
    for input in inputs {
        if input
            .canonicalize()
            .is_ok_and(|i| i == out || out.starts_with(&i))
        {
            anyhow::bail!(
                "the output {} is also an input; write elsewhere",
                output.display()
            );
        }
    }
    Ok(())
}

/// What the output starts with, before any record.
fn opening(format: Format) -> Vec<u8> {
    let mut buf = Vec::new();
    match format {
        Format::Csv => newsclaims_format::write_csv_header(&mut buf),
        Format::Html => {
            let mut s = String::new();
            newsclaims_format::write_html_header(&mut s);
            buf = s.into_bytes();
        }
        Format::Json | Format::Jsonl | Format::Text | Format::Brat => {}
    }
    buf
}

/// What the output ends with, after every record.
fn closing(format: Format) -> Vec<u8> {
    let mut s = String::new();
    if format == Format::Html {
        newsclaims_format::write_html_footer(&mut s);
    }
    s.into_bytes()
}

/// The `n`th record (0-based) of the output.
fn write_record(buf: &mut Vec<u8>, analysis: &Analysis, format: Format, first: bool, n: usize) {
    match format {
        Format::Csv => newsclaims_format::write_csv(buf, analysis),
        Format::Html => {
            let mut s = String::new();
            newsclaims_format::write_html(&mut s, analysis, n);
            buf.extend_from_slice(s.as_bytes());
        }
        // Standard output holds every document's .ann, each after a comment naming it; brat
        // itself wants one file per document (`--output DIR`).
        Format::Brat => {
            let id = analysis.document.id.replace(['\n', '\r'], " ");
            buf.extend_from_slice(format!("# document {id}\n").as_bytes());
            buf.extend_from_slice(newsclaims_format::brat_ann(analysis).as_bytes());
        }
        Format::Jsonl => {
            newsclaims_format::write_json(buf, analysis, false);
            buf.push(b'\n');
        }
        Format::Json => {
            if !first {
                buf.extend_from_slice(b",\n");
            }
            newsclaims_format::write_json(buf, analysis, true);
        }
        Format::Text => {
            let mut s = String::new();
            newsclaims_format::write_text(&mut s, analysis);
            buf.extend_from_slice(s.as_bytes());
        }
    }
}

fn write_unreadable(
    buf: &mut Vec<u8>,
    unreadable: &Unreadable,
    format: Format,
    first: bool,
    n: usize,
) {
    match format {
        // A CSV row is a claim: an unreadable document has none.
        Format::Csv => {}
        Format::Html => {
            let mut s = String::new();
            newsclaims_format::write_html_unreadable(&mut s, unreadable, n);
            buf.extend_from_slice(s.as_bytes());
        }
        Format::Brat => {
            let line = |s: &str| s.replace(['\n', '\r'], " ");
            let s = format!(
                "# document {}\n# unreadable: {}: {}\n",
                line(&unreadable.id),
                unreadable.kind,
                line(&unreadable.message)
            );
            buf.extend_from_slice(s.as_bytes());
        }
        Format::Jsonl => {
            newsclaims_format::write_error_record(buf, unreadable);
            buf.push(b'\n');
        }
        Format::Json => {
            if !first {
                buf.extend_from_slice(b",\n");
            }
            newsclaims_format::write_error_record(buf, unreadable);
        }
        Format::Text => {
            let line = unreadable
                .line
                .map(|l| format!(" (line {l})"))
                .unwrap_or_default();
            let s = format!(
                "== {} ==\n! {}{}: {}\n\n",
                unreadable.id, unreadable.kind, line, unreadable.message
            );
            buf.extend_from_slice(s.as_bytes());
        }
    }
}
