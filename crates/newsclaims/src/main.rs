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

use std::cell::RefCell;
use std::io::{self, Write};
use std::os::fd::AsFd;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use anyhow::{Context, Result};
use newsclaims_pipeline::{Analysis, Unreadable};

use newsclaims_cli::args::{self, Args, Format};

use crate::input::Reader;

fn main() -> ExitCode {
    // A closed standard output (`>&-`) would swallow every record silently: refuse it before
    // any file is opened (one could take its descriptor).
    if stdout_closed() {
        note(format_args!(
            "newsclaims: standard output is closed; nothing could be written\n"
        ));
        return ExitCode::from(2);
    }
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
            note(format_args!("newsclaims: {message}"));
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(summary) => {
            if !args.quiet {
                let plural = |n: u64| if n == 1 { "" } else { "s" };
                note(format_args!(
                    "newsclaims: {} document{}: {} analysed ({} with problems listed in \"errors\"), {} error record{}\n",
                    summary.documents,
                    plural(summary.documents),
                    summary.documents - summary.failed,
                    summary.with_problems,
                    summary.failed,
                    plural(summary.failed)
                ));
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
            note(format_args!("newsclaims: {e:#}\n"));
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
    let (mut reader, skipped) = Reader::new(&args.inputs, options)?;
    if !args.quiet {
        note_skipped(&skipped);
    }
    // With `--format brat`, `--output` names a folder of .txt and .ann files (the parser
    // refuses brat without one: brat cannot open anything written to standard output).
    let mut brat_dir = match (&args.output, args.format) {
        (Some(dir), Format::Brat) => Some(brat_dir::BratDir::create(
            dir.clone(),
            args.force,
            &args.inputs,
        )?),
        _ => None,
    };
    check_not_an_input(args.output.as_deref(), &args.inputs, reader.walked())?;
    let out: Box<dyn Write> = match &args.output {
        // A brat folder's error records (documents that got no files) go to standard output.
        Some(path) if brat_dir.is_none() => Box::new(io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        _ => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    // Shared with the reader, which flushes it before it waits for input.
    let out = Rc::new(RefCell::new(out));
    let flush = Rc::clone(&out);
    reader.before_wait(Box::new(move || {
        // A failure shows again at the next write, which stops the run.
        let _ = flush.borrow_mut().flush();
    }));
    let mut summary = Summary::default();
    let mut progress = progress::Progress::new(args.quiet, &args.inputs);
    let writer = stream_format(args.format).map(newsclaims_format::writer);
    let mut framing = Vec::new();
    if let Some(writer) = &writer {
        writer.begin(&mut framing);
    }
    out.borrow_mut()
        .write_all(&framing)
        .context("writing output")?;
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
                let n = summary.documents as usize;
                summary.documents += 1;
                summary.failed += u64::from(rendered.failed);
                summary.with_problems += u64::from(rendered.with_problems);
                if let (Some(dir), Some(files)) = (&mut brat_dir, &rendered.brat)
                    && let Err(why) = dir.write(&files.id, &files.text, &files.ann)
                {
                    // This document's files are missing: it gets an error record, the run goes on.
                    summary.failed += 1;
                    out.borrow_mut()
                        .write_all(&write_error(&files.id, why))
                        .context("writing output")?;
                }
                let bytes = match writer_ref {
                    Some(writer) => writer.place(n, &rendered.bytes),
                    None => rendered.bytes.as_slice().into(),
                };
                out.borrow_mut()
                    .write_all(&bytes)
                    .context("writing output")?;
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
    let mut out = out.borrow_mut();
    out.write_all(&framing).context("writing output")?;
    out.flush().context("writing output")?;
    if let Some(progress) = progress {
        progress.finish();
    }
    Ok(summary)
}

/// The note on standard error of the files skipped in each input folder.
fn note_skipped(skipped: &[input::Skipped]) {
    for s in skipped {
        note(format_args!(
            "newsclaims: skipped {} file{} in {} that {} not .txt, .jsonl, .ndjson, .json or part-NNNNN (such as {})\n",
            s.count,
            if s.count == 1 { "" } else { "s" },
            s.folder.display(),
            if s.count == 1 { "is" } else { "are" },
            s.example.display()
        ));
    }
}

/// The error record of a document whose brat files could not be written (JSON Lines).
fn write_error(id: &str, why: String) -> Vec<u8> {
    let unreadable = Unreadable {
        id: id.to_owned(),
        kind: newsclaims_text::ErrorKind::WriteError,
        message: why,
        line: None,
    };
    let mut record = Vec::new();
    newsclaims_format::writer(newsclaims_format::Format::JsonLines).unreadable(
        &mut record,
        0,
        &unreadable,
    );
    record
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
            match writer {
                Some(writer) => writer.unreadable(&mut bytes, n, &unreadable),
                // A brat folder has no files for it: its error record goes to standard output.
                None => newsclaims_format::writer(newsclaims_format::Format::JsonLines).unreadable(
                    &mut bytes,
                    n,
                    &unreadable,
                ),
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

/// Refuses an output that is also an input before anything is opened for writing: the same
/// file (device and inode, so a hard link or another spelling of the path is caught), a file
/// inside an input folder or a hard link to one of the files found there (`walked`), or
/// standard input. Without `--output`, standard output is checked (`newsclaims < in.jsonl >>
/// in.jsonl` would read its own output).
fn check_not_an_input<'a>(
    output: Option<&Path>,
    inputs: &[PathBuf],
    walked: impl Iterator<Item = &'a Path>,
) -> Result<()> {
    let out = match output {
        Some(path) => match std::fs::metadata(path) {
            Ok(meta) if meta.is_file() => (identity(&meta), path.display().to_string()),
            // A new file, a folder (brat) or a device: nothing to overwrite.
            _ => return Ok(()),
        },
        None => match fd_metadata(io::stdout().as_fd()) {
            Some(meta) if meta.is_file() => (identity(&meta), "standard output".to_owned()),
            _ => return Ok(()),
        },
    };
    let refuse = |input: &str| {
        anyhow::bail!(
            "the output ({}) is also an input ({input}): it would be emptied before it is read; \
             write elsewhere",
            out.1
        )
    };
    for input in inputs {
        if input.as_os_str() == "-" {
            if fd_metadata(io::stdin().as_fd()).is_some_and(|m| identity(&m) == out.0) {
                return refuse("standard input");
            }
            continue;
        }
        let Ok(meta) = std::fs::metadata(input) else {
            continue;
        };
        let inside = meta.is_dir()
            && output
                .and_then(|o| o.canonicalize().ok())
                .zip(input.canonicalize().ok())
                .is_some_and(|(o, i)| o.starts_with(i));
        if inside || identity(&meta) == out.0 {
            return refuse(&input.display().to_string());
        }
    }
    for file in walked {
        if std::fs::metadata(file).is_ok_and(|meta| identity(&meta) == out.0) {
            return refuse(&file.display().to_string());
        }
    }
    Ok(())
}

/// A file's device and inode: the same pair is the same file, whatever the path.
fn identity(meta: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

/// The metadata of an open standard stream; `None` when it is closed.
fn fd_metadata(fd: std::os::fd::BorrowedFd<'_>) -> Option<std::fs::Metadata> {
    let fd = fd.try_clone_to_owned().ok()?;
    std::fs::File::from(fd).metadata().ok()
}

/// Whether standard output was closed when we started. The Rust runtime opens `/dev/null`
/// read-write in place of a closed standard stream, which a shell never does for `>/dev/null`
/// (write-only): that is how a closed one shows on Linux.
fn stdout_closed() -> bool {
    if fd_metadata(io::stdout().as_fd()).is_none() {
        return true;
    }
    let is_null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|p| p == Path::new("/dev/null"));
    let read_write = std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
        info.lines()
            .find_map(|l| l.strip_prefix("flags:"))
            .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
            .is_some_and(|flags| flags & 0o3 == 0o2)
    });
    is_null && read_write
}

/// Writes a message to standard error; a standard error that cannot be written (closed, a full
/// disk) is no reason to fail the run.
fn note(message: std::fmt::Arguments<'_>) {
    let _ = io::stderr().write_fmt(message);
}
