//! Command-line arguments, parsed by hand: the surface is small and a parser crate would cost
//! more build time than it saves.

use std::ffi::OsString;
use std::path::PathBuf;

use anyhow::{Result, bail};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Json,
    Jsonl,
    Text,
    Csv,
    Html,
    Brat,
}

#[derive(Debug)]
pub(crate) struct Args {
    pub(crate) inputs: Vec<PathBuf>,
    pub(crate) format: Format,
    pub(crate) threads: usize,
    pub(crate) output: Option<PathBuf>,
    pub(crate) quiet: bool,
    /// The most text one document may hold; longer ones are cut there, with a `truncated` problem.
    pub(crate) max_bytes: usize,
}

/// 64 MiB: far beyond any article (a long one is 50 KB), small enough that one runaway document
/// (a whole dump on one line) cannot exhaust memory: the analysis takes about 75 bytes per byte
/// of text (1.5 GB measured for a 20 MB document), so about 5 GB at the limit.
pub(crate) const DEFAULT_MAX_BYTES: usize = 64 << 20;

pub(crate) enum Parsed {
    Run(Args),
    /// `--help` or `--version`: print this and exit successfully.
    Exit(String),
}

pub(crate) const HELP: &str = "\
newsclaims: who claimed what in news articles

Finds every named entity, every quote and piece of reported speech with its speaker resolved to a
name, and every check-worthy factual statement, with code-point offsets into the article.

USAGE:
    newsclaims [OPTIONS] [INPUT]...

INPUT:
    FILE.txt      one article; its id is the file stem
    FILE.jsonl    JSON Lines of {\"id\", \"text\", ...}, one article per line
    DIR           every .txt, .jsonl and .ndjson file inside, recursively, in path order;
                  other files are skipped (a note on standard error says how many)
    -             standard input: JSON Lines when it starts with '{', else one article (id \"stdin\")
    With no INPUT, standard input is read.

OPTIONS:
    -f, --format FORMAT   json (default for one .txt), jsonl (default otherwise), text,
                          csv (one row per claim), html (one page), brat (standoff .ann)
    -o, --output FILE     write there instead of standard output; with brat, a folder
                          that gets <id>.txt and <id>.ann per document
    -j, --threads N       worker threads (default: one per core); output never depends on it
    -q, --quiet           no summary, no notes and no progress line on standard error
                          (the progress line shows only when standard error is a terminal)
        --max-bytes N     analyse at most N bytes of one document (suffixes K, M, G; default 64M);
                          a longer one is cut there and its record lists a `truncated` problem;
                          analysing takes about 75 bytes of memory per byte of text
    -h, --help            this text
    -V, --version         the version

EXAMPLES:
    newsclaims article.txt
    newsclaims --format jsonl docs.jsonl > out.jsonl
    cat docs.jsonl | newsclaims --threads 2 > out.jsonl
    newsclaims --format text fixtures/articles/
    newsclaims --format csv docs.jsonl > claims.csv
    newsclaims --format html fixtures/articles/ > claims.html
    newsclaims --format brat --output brat/ docs.jsonl
    newsclaims corpus/ --threads 4 --output out.jsonl --quiet

OUTPUT:
    One record per input document, in input order, always. A document that cannot be read (a
    malformed JSON line, a missing `id` or `text`, an unreadable file) gets an error record
    {\"schema\", \"id\", \"error\": {\"kind\", \"message\", \"line\"}} and the run goes on. Problems in
    a document that is still analysed (invalid UTF-8 repaired, control characters, a duplicate
    id, an empty text, truncation) are listed in its record's \"errors\".

EXIT STATUS:
    0   every document was analysed (its record may still list problems in \"errors\")
    1   some documents could not be read; each has an error record in the output, and the
        summary on standard error says how many
    2   the run could not start or could not finish: bad arguments, a missing input, an
        output that cannot be written
";

pub(crate) fn parse(raw: impl Iterator<Item = OsString>) -> Result<Parsed> {
    let mut inputs = Vec::new();
    let mut format = None;
    let mut threads = 0;
    let mut output = None;
    let mut quiet = false;
    let mut max_bytes = DEFAULT_MAX_BYTES;
    let mut raw = raw.peekable();
    let mut only_inputs = false;
    while let Some(arg) = raw.next() {
        let Some(s) = arg.to_str().map(str::to_owned) else {
            inputs.push(PathBuf::from(arg));
            continue;
        };
        if only_inputs || s == "-" || !s.starts_with('-') {
            inputs.push(PathBuf::from(arg));
            continue;
        }
        let (flag, inline) = match s.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (s.clone(), None),
        };
        let mut value = |name: &str| -> Result<String> {
            if let Some(v) = inline.clone() {
                return Ok(v);
            }
            match raw.next().and_then(|v| v.into_string().ok()) {
                Some(v) => Ok(v),
                None => bail!("{name} needs a value"),
            }
        };
        match flag.as_str() {
            "--" => only_inputs = true,
            "-h" | "--help" => return Ok(Parsed::Exit(HELP.trim_end().to_owned())),
            "-V" | "--version" => {
                return Ok(Parsed::Exit(format!(
                    "newsclaims {}",
                    env!("CARGO_PKG_VERSION")
                )));
            }
            "-q" | "--quiet" => quiet = true,
            "-f" | "--format" => {
                format = Some(match value("--format")?.as_str() {
                    "json" => Format::Json,
                    "jsonl" => Format::Jsonl,
                    "text" => Format::Text,
                    "csv" => Format::Csv,
                    "html" => Format::Html,
                    "brat" => Format::Brat,
                    other => {
                        bail!("unknown format `{other}`: use json, jsonl, text, csv, html or brat")
                    }
                })
            }
            "-o" | "--output" => output = Some(PathBuf::from(value("--output")?)),
            "-j" | "--threads" => {
                let v = value("--threads")?;
                threads = v
                    .parse()
                    .map_err(|_| anyhow::anyhow!("--threads wants a number, not `{v}`"))?;
            }
            "--max-bytes" => {
                let v = value("--max-bytes")?;
                max_bytes = parse_size(&v).ok_or_else(|| {
                    anyhow::anyhow!(
                        "--max-bytes wants a size such as 1000, 64K, 64M or 1G, not `{v}`"
                    )
                })?;
            }
            other => bail!("unknown option `{other}`"),
        }
    }
    if inputs.is_empty() {
        inputs.push(PathBuf::from("-"));
    }
    let format = format.unwrap_or({
        let one_txt = inputs.len() == 1 && inputs[0].extension().is_some_and(|e| e == "txt");
        if one_txt { Format::Json } else { Format::Jsonl }
    });
    Ok(Parsed::Run(Args {
        inputs,
        format,
        threads,
        output,
        quiet,
        max_bytes,
    }))
}

/// `1000`, `64K`, `64M`, `1G` (powers of 1024); at least 1.
fn parse_size(s: &str) -> Option<usize> {
    let (digits, unit) = match s.char_indices().last()? {
        (i, 'k' | 'K') => (&s[..i], 1 << 10),
        (i, 'm' | 'M') => (&s[..i], 1 << 20),
        (i, 'g' | 'G') => (&s[..i], 1 << 30),
        _ => (s, 1),
    };
    let n: usize = digits.parse().ok()?;
    n.checked_mul(unit).filter(|&n| n > 0)
}
