//! The `newsclaims` command: reads articles from files, folders, JSON Lines or standard input,
//! streams them through the pipeline's run ([`newsclaims_pipeline::Run`]), and writes one record
//! per document in input order.
//!
//! Invariants: every input document yields exactly one record, a result or an error record, even
//! when a stage panics on it (the run isolates it, per document); the exit
//! status is 0 when every document was analysed, 1 when some got error records, 2 when the run
//! could not start or its output could not be written.

mod brat_dir;
mod input;
mod progress;

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use newsclaims_pipeline::{Analysis, Unreadable};

use newsclaims_cli::args::{self, Args, Format};

use crate::input::Reader;

fn main() -> ExitCode {
    let args = match args::parse(std::env::args_os().skip(1)) {
        Ok(args) => args,
        // Help and version go to standard output with status 0; a usage error to standard
        // error with status 2, named like every other message of ours.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let message = e.render().to_string();
            let message = message.strip_prefix("error: ").unwrap_or(&message);
            eprint!("newsclaims: {message}");
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
            if summary.failed > 0 && !args.keep_going {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        // The reader of our output went away (`newsclaims ... | head`): it has what it wanted,
        // and nobody is left to tell.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
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

fn run(args: &Args) -> Result<Summary> {
    let options = input::Options {
        max_bytes: args.max_bytes,
        input_format: args.input_format,
        id_prefix: args.id_prefix.clone(),
    };
    let (reader, skipped) = Reader::new(&args.inputs, options)?;
    if !args.quiet {
        for s in &skipped {
            eprintln!(
                "newsclaims: skipped {} file{} in {} that {} not .txt, .jsonl, .ndjson, .json or part-NNNNN (such as {})",
                s.count,
                if s.count == 1 { "" } else { "s" },
                s.folder.display(),
                if s.count == 1 { "is" } else { "are" },
                s.example.display()
            );
        }
    }
    // With `--format brat`, `--output` names a folder of .txt and .ann files (the parser
    // refuses brat without one: brat cannot open anything written to standard output).
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
    let mut summary = Summary::default();
    let mut progress = progress::Progress::new(args.quiet, &args.inputs);
    let writer = stream_format(args.format).map(newsclaims_format::writer);
    let mut framing = Vec::new();
    if let Some(writer) = &writer {
        writer.begin(&mut framing);
    }
    out.write_all(&framing).context("writing output")?;
    // This thread reads the documents and writes their records while the workers analyse and
    // render them (a record's place decides the JSON array's commas and the HTML numbers).
    let writer_ref = writer.as_deref();
    let options = newsclaims_pipeline::Options {
        // The parser keeps the value in [0, 1], where f32 holds it to the printed precision.
        checkworthy_threshold: args.checkworthy_threshold.unwrap_or(0.5) as f32,
    };
    newsclaims_pipeline::Run::new(args.threads)
        .with_options(options)
        .stream(
            reader,
            |n, record| render(n, record, writer_ref),
            |rendered| {
                summary.documents += 1;
                summary.failed += u64::from(rendered.failed);
                summary.with_problems += u64::from(rendered.with_problems);
                if let (Some(dir), Some(files)) = (&mut brat_dir, &rendered.brat) {
                    dir.write(&files.id, &files.text, &files.ann)?;
                }
                out.write_all(&rendered.bytes).context("writing output")?;
                if let Some(progress) = &mut progress {
                    progress.document(rendered.text_bytes);
                }
                Ok::<(), anyhow::Error>(())
            },
        )?;

    framing.clear();
    if let Some(writer) = &writer {
        writer.end(&mut framing, summary.documents as usize);
    }
    out.write_all(&framing).context("writing output")?;
    out.flush().context("writing output")?;
    if let Some(progress) = progress {
        progress.finish();
    }
    Ok(summary)
}

/// One document's record, rendered by a worker, and what the summary and the progress line need
/// of it. The analysis itself is dropped on the worker that made it: freeing it on the writing
/// thread cost the allocator a lock per block.
struct Rendered {
    bytes: Vec<u8>,
    failed: bool,
    with_problems: bool,
    text_bytes: usize,
    /// The files of a brat folder (`--format brat --output DIR`).
    brat: Option<BratFiles>,
}

struct BratFiles {
    id: String,
    text: String,
    ann: String,
}

/// The streamed format of `format`; `None` for brat, a folder of files (`--output DIR`).
fn stream_format(format: Format) -> Option<newsclaims_format::Format> {
    Some(match format {
        Format::Json => newsclaims_format::Format::Json,
        Format::Jsonl => newsclaims_format::Format::JsonLines,
        Format::Text => newsclaims_format::Format::Text,
        Format::Csv => newsclaims_format::Format::Csv,
        Format::CsvEntities => newsclaims_format::Format::CsvEntities,
        Format::Html => newsclaims_format::Format::Html,
        Format::Brat => return None,
    })
}

/// Renders the record of the `n`-th document (0-based) with `writer`; with none (a brat
/// folder), its files instead.
fn render(
    n: usize,
    record: Result<Analysis, Unreadable>,
    writer: Option<&dyn newsclaims_format::Writer>,
) -> Rendered {
    let mut bytes = Vec::new();
    match record {
        Ok(analysis) => {
            let brat = writer.is_none().then(|| BratFiles {
                id: analysis.document.id.clone(),
                text: analysis.document.text.clone(),
                ann: newsclaims_format::brat_ann(&analysis),
            });
            if let Some(writer) = writer {
                writer.record(&mut bytes, n, &analysis);
            }
            Rendered {
                bytes,
                failed: false,
                with_problems: !analysis.problems.is_empty(),
                text_bytes: analysis.document.text.len(),
                brat,
            }
        }
        Err(unreadable) => {
            if let Some(writer) = writer {
                writer.unreadable(&mut bytes, n, &unreadable);
            }
            Rendered {
                bytes,
                failed: true,
                with_problems: false,
                text_bytes: 0,
                brat: None,
            }
        }
    }
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
