//! The `newsclaims` command: reads articles from files, folders, JSON Lines or standard input,
//! runs the pipeline in bounded parallel batches, and writes one record per document in input
//! order.

mod args;
mod input;

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use newsclaims_format::{Analysis, Unreadable};

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
            if !args.quiet && summary.failed > 0 {
                eprintln!(
                    "newsclaims: {} documents, {} unreadable (see their error records)",
                    summary.documents, summary.failed
                );
            }
            if summary.failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("newsclaims: {e:#}");
            ExitCode::from(2)
        }
    }
}

#[derive(Default)]
struct Summary {
    documents: u64,
    failed: u64,
}

/// Documents per batch: enough to keep every core busy, few enough that memory stays flat.
const BATCH_DOCS: usize = 512;
/// Bytes of text per batch, whichever limit comes first.
const BATCH_BYTES: usize = 16 << 20;

fn run(args: &Args) -> Result<Summary> {
    let mut reader = Reader::new(&args.inputs)?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    let workers = newsclaims_pipeline::Workers::new(args.threads);
    let mut summary = Summary::default();
    let mut first = true;
    if args.format == Format::Json {
        out.write_all(b"[\n")?;
    }
    let mut buf = Vec::new();
    loop {
        let batch = reader.next_batch(BATCH_DOCS, BATCH_BYTES);
        if batch.is_empty() {
            break;
        }
        let results = workers.map(batch, |item| match item {
            Item::Document(doc, problems) => Ok(newsclaims_pipeline::analyze_owned(doc, problems)),
            Item::Unreadable(u) => Err(u),
        });
        for result in results {
            summary.documents += 1;
            buf.clear();
            match &result {
                Ok(analysis) => write_record(&mut buf, analysis, args.format, first),
                Err(unreadable) => {
                    summary.failed += 1;
                    write_unreadable(&mut buf, unreadable, args.format, first);
                }
            }
            first = false;
            out.write_all(&buf).context("writing output")?;
        }
    }
    if args.format == Format::Json {
        out.write_all(b"\n]\n")?;
    }
    out.flush().context("writing output")?;
    Ok(summary)
}

fn write_record(buf: &mut Vec<u8>, analysis: &Analysis, format: Format, first: bool) {
    match format {
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

fn write_unreadable(buf: &mut Vec<u8>, unreadable: &Unreadable, format: Format, first: bool) {
    match format {
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
