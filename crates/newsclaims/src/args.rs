//! The command line: every flag, its help, and the `--version` text, declared with clap's derive.
//!
//! This module depends on clap and std only, so that the generator of the shell completions and
//! the man page (`examples/generate_docs.rs`, run by `cargo xtask completions`) builds from it
//! without the pipeline. Parsing never exits the process: [`parse`] returns clap's error, whose
//! kind says whether it is `--help`/`--version` (print, exit 0) or a usage error (exit 2).
//!
//! Conventions clap gives: combined short flags (`-qj2`, `-fjsonl`), `--flag=value`,
//! suggestions for a misspelt flag or value, and a boolean flag refuses a value (`--quiet=no` is
//! an error, not quiet).

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{ArgAction, CommandFactory, Parser, ValueEnum};

/// The output formats (`--format`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The contract, pretty; an array of records for several documents.
    #[default]
    Json,
    /// The contract, one record per line.
    Jsonl,
    /// A view for the terminal.
    Text,
    /// One row per claim, carried input fields as columns (spreadsheets).
    Csv,
    /// One row per entity mention.
    CsvEntities,
    /// One self-contained page for the run.
    Html,
    /// brat standoff (`.ann`), PolNeAR's scheme; needs `--output DIR`.
    Brat,
}

/// How inputs are read (`--input-format`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// `.txt` an article, `.jsonl`/`.ndjson` JSON Lines; others (`.json`, stdin) by content.
    #[default]
    Auto,
    /// JSON Lines: every input line yields exactly one record.
    Jsonl,
    /// Each file (or standard input) is one plain-text article.
    Text,
}

/// 64 MiB: far beyond any article (a long one is 50 KB), small enough that one runaway document
/// (a whole dump on one line) cannot exhaust memory: the analysis takes up to about 160 bytes per
/// byte of text (8 MB of quotation marks: 1.28 GB; news about 50), so about 10 GB at the limit,
/// whatever the thread count (the run analyses large documents one at a time).
pub const DEFAULT_MAX_BYTES: usize = 64 << 20;

const ABOUT: &str = "Who claimed what in news articles";

const LONG_ABOUT: &str = "\
Who claimed what in news articles.

Finds every named entity, every quote and piece of reported speech with its speaker resolved to a
name, and every check-worthy factual statement, with code-point offsets into the article.";

/// The examples both helps end with (a macro, so that `concat!` can join it into constants).
macro_rules! examples {
    () => {
        "\
Examples:
  newsclaims article.txt
  newsclaims -fjsonl docs.jsonl > out.jsonl
  cat docs.jsonl | newsclaims -qj2 --input-format jsonl --keep-going > out.jsonl
  newsclaims --format text fixtures/articles/
  newsclaims --format csv docs.jsonl > claims.csv
  newsclaims --format html fixtures/articles/ > claims.html
  newsclaims --format brat --output brat/ docs.jsonl"
    };
}

const AFTER_HELP: &str = examples!();

const AFTER_LONG_HELP: &str = concat!(
    "\
Inputs:
  FILE.txt      one article; its id is the file stem
  FILE.jsonl    JSON Lines of {\"id\", \"text\", ...}, one article per line (also .ndjson)
  FILE.json     and any other file (Spark's and Hadoop's part-00000), and standard input: by
                content: JSON Lines when it starts with '{', a JSON array of such records
                when with '[', else one article
  DIR           every .txt, .jsonl, .ndjson, .json and part-NNNNN file inside, recursively, in
                path order; other files are skipped (a note on standard error says how many)
  -             standard input
  --input-format jsonl reads every input as JSON Lines (each line gets exactly one record, a
  blank one a blank-line error record), --input-format text each as one article.
  With no INPUT, standard input is read.

Output:
  One record per input document, in input order, always. A document that cannot be read (a
  malformed JSON line, a missing `id` or `text`, an unreadable file) gets an error record
  {\"schema\", \"id\", \"error\": {\"kind\", \"message\", \"line\"}} and the run goes on. Problems in
  a document that is still analysed (invalid UTF-8 repaired, control characters, a duplicate id,
  an empty text, truncation) are listed in its record's \"errors\".

Exit status:
  0   every document was analysed (its record may still list problems in \"errors\"), or
      --keep-going was given and every unreadable document has its error record
  1   some documents could not be read; each has an error record in the output, and the
      summary on standard error says how many
  2   the run could not start or could not finish: bad arguments, a missing input, an output
      that cannot be written

",
    examples!(),
    "
  newsclaims corpus/ --threads 4 --output out.jsonl --quiet"
);

/// The arguments of one run.
#[derive(Clone, Debug, Parser)]
#[command(
    name = "newsclaims",
    version = env!("CARGO_PKG_VERSION"),
    long_version = long_version(),
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = AFTER_HELP,
    after_long_help = AFTER_LONG_HELP,
    max_term_width = 100
)]
pub struct Args {
    /// Articles: .txt files, JSON Lines files, folders, or - for standard input [default: -]
    #[arg(value_name = "INPUT", value_hint = clap::ValueHint::AnyPath)]
    pub inputs: Vec<PathBuf>,

    /// Output format [default: json for one .txt input, jsonl otherwise]
    #[arg(short = 'f', long = "format", value_name = "FORMAT")]
    pub format_flag: Option<Format>,

    /// The format in effect: `--format`, or the default for the inputs.
    #[arg(skip)]
    pub format: Format,

    /// How to read inputs: by extension and content, or force JSON Lines or plain text
    #[arg(long, value_name = "HOW", default_value = "auto")]
    pub input_format: InputFormat,

    /// Write here, not to standard output; with --format brat, a folder of <id>.txt and <id>.ann
    #[arg(short, long, value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
    pub output: Option<PathBuf>,

    /// Worker threads; 0 is one per core. Output never depends on it
    #[arg(
        short = 'j',
        long,
        value_name = "N",
        default_value_t = 0,
        env = "NEWSCLAIMS_THREADS",
        hide_env_values = true
    )]
    pub threads: usize,

    /// No summary, no notes and no progress on standard error
    #[arg(short, long, action = ArgAction::SetTrue)]
    pub quiet: bool,

    /// Exit 0 when every unreadable document has its error record (Hadoop Streaming, Spark pipe)
    #[arg(long, action = ArgAction::SetTrue)]
    pub keep_going: bool,

    /// Prefix for made-up ids (PREFIX:FILE:LINE, PREFIX:stdin:N), e.g. a partition's name
    #[arg(long, value_name = "PREFIX")]
    pub id_prefix: Option<String>,

    /// Overwrite existing files in the --output folder (brat)
    #[arg(long, action = ArgAction::SetTrue)]
    pub force: bool,

    /// Score (0 to 1) from which a sentence of the article's own voice is a `statement` claim
    #[arg(
        long,
        value_name = "X",
        value_parser = parse_threshold,
        long_help = "Check-worthiness (0 to 1, default 0.5) from which a sentence of the article's \
                     own voice becomes a `statement` claim; every sentence keeps its score in \
                     `sentences`. Precision / recall of check-worthy sentences on ClaimBuster's \
                     expert-labelled debate sentences: 0.3: 0.69 / 0.95, 0.4: 0.79 / 0.95, \
                     0.5: 0.84 / 0.93, 0.6: 0.89 / 0.89, 0.7: 0.92 / 0.85, 0.8: 0.94 / 0.78"
    )]
    pub checkworthy_threshold: Option<f64>,

    /// Analyse at most this much of one document (suffixes K, M, G); a longer one is cut there
    /// and its record lists a `truncated` problem
    #[arg(
        long,
        value_name = "SIZE",
        default_value = "64M",
        value_parser = parse_size,
        long_help = "Analyse at most this much of one document (suffixes K, M, G, powers of 1024); \
                     a longer one is cut there and its record lists a `truncated` problem. \
                     Analysing takes up to about 160 bytes of memory per byte of text (measured on \
                     8 MB of quotation marks; news text about 50), for the largest document in \
                     the run: documents over 8 MB are analysed one at a time, so the bound holds \
                     whatever --threads is. Threads are capped at 64"
    )]
    pub max_bytes: usize,
}

/// Parses the arguments (without the program name), filling in the defaults that depend on
/// the inputs. `Err` is clap's error: help, version, or a usage error, each with its exit code.
pub fn parse(raw: impl IntoIterator<Item = OsString>) -> Result<Args, clap::Error> {
    let mut args = Args::try_parse_from(std::iter::once(OsString::from("newsclaims")).chain(raw))?;
    if args.inputs.is_empty() {
        args.inputs.push(PathBuf::from("-"));
    }
    args.format = args.format_flag.unwrap_or_else(|| {
        let one_txt =
            args.inputs.len() == 1 && args.inputs[0].extension().is_some_and(|e| e == "txt");
        if one_txt { Format::Json } else { Format::Jsonl }
    });
    if args.format == Format::Brat && args.output.is_none() {
        return Err(command().error(
            clap::error::ErrorKind::MissingRequiredArgument,
            "--format brat writes a folder (a .txt and an .ann per document, and the .conf \
             files brat needs), not standard output: give it with --output DIR",
        ));
    }
    Ok(args)
}

/// The clap command, for the completions and man page generator.
pub fn command() -> clap::Command {
    Args::command()
}

/// `--version`: the version, then what was built: commit, target, profile, features, compiler.
/// The build script sets these; a build outside a git checkout says `unknown`.
fn long_version() -> &'static str {
    concat!(
        env!("CARGO_PKG_VERSION"),
        "\ncommit:   ",
        env!("NEWSCLAIMS_BUILD_COMMIT"),
        "\ntarget:   ",
        env!("NEWSCLAIMS_BUILD_TARGET"),
        "\nprofile:  ",
        env!("NEWSCLAIMS_BUILD_PROFILE"),
        "\nfeatures: ",
        env!("NEWSCLAIMS_BUILD_FEATURES"),
        "\nrustc:    ",
        env!("NEWSCLAIMS_BUILD_RUSTC"),
    )
}

/// `1000`, `64K`, `64M`, `1G` (powers of 1024); at least 1.
fn parse_size(s: &str) -> Result<usize, String> {
    let bad = || format!("want a size such as 1000, 64K, 64M or 1G, not `{s}`");
    let (digits, unit) = match s.char_indices().last().ok_or_else(bad)? {
        (i, 'k' | 'K') => (&s[..i], 1 << 10),
        (i, 'm' | 'M') => (&s[..i], 1 << 20),
        (i, 'g' | 'G') => (&s[..i], 1 << 30),
        _ => (s, 1),
    };
    let n: usize = digits.parse().map_err(|_| bad())?;
    n.checked_mul(unit).filter(|&n| n > 0).ok_or_else(bad)
}

/// A number in [0, 1].
fn parse_threshold(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("want a number from 0 to 1, not `{s}`")),
    }
}

#[cfg(test)]
mod tests;
