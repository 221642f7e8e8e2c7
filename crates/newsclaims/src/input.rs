//! Reads documents from `.txt` files, folders, JSON Lines files and standard input, lazily, one
//! at a time as the run asks for them, so that memory does not grow with the corpus.
//!
//! Invariants: every input document becomes exactly one [`Input`], in input order: a document
//! (possibly with problems met while reading it, such as invalid UTF-8 or truncation) or an
//! [`Unreadable`] record. Nothing here panics or stops early on bad input; only a missing input
//! path (checked before anything is read) is an error of the run. No document holds more than
//! `max_bytes` of text, and no read buffers more than a few times that.

use std::collections::{HashSet, VecDeque};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use newsclaims_pipeline::{Input, Unreadable};
use newsclaims_text::{Document, ErrorKind, Problem, ProblemKind};
use serde_json::Value;

/// One input still to open.
enum Pending {
    /// `-`: standard input.
    Stdin,
    /// A file named on the command line (read whatever it is: it may be a pipe such as `<(...)`),
    /// or found in a folder (read only when it is a regular file, so a FIFO cannot hang the run).
    File { path: PathBuf, named: bool },
    /// A folder that could not be listed: its record is ready.
    Failed(Input),
}

enum Source {
    /// A whole-file document (or the record of a file that could not be read), not yet handed out.
    Ready(Input),
    /// A JSON Lines stream: one document per non-blank line.
    Lines {
        name: String,
        reader: Box<dyn BufRead>,
        line: u64,
    },
}

/// Files skipped inside one folder given on the command line, for the note on standard error.
pub(crate) struct Skipped {
    pub(crate) folder: PathBuf,
    pub(crate) count: usize,
    pub(crate) example: PathBuf,
}

pub(crate) struct Reader {
    pending: VecDeque<Pending>,
    current: Option<Source>,
    /// 64-bit hashes of the ids seen so far, to flag duplicates (kept, not dropped): 16 bytes
    /// an id however long it is, so that a run over millions of documents stays small. Two
    /// distinct ids of ten million collide with odds of about one in a million.
    seen: HashSet<u64>,
    stdin_used: bool,
    max_bytes: usize,
}

/// The extensions a folder walk picks up; other files in folders are not articles.
const EXTENSIONS: [&str; 3] = ["txt", "jsonl", "ndjson"];

impl Reader {
    /// Checks that every input exists and lists the folders; nothing is read yet.
    pub(crate) fn new(inputs: &[PathBuf], max_bytes: usize) -> Result<(Reader, Vec<Skipped>)> {
        let mut pending = VecDeque::new();
        let mut skipped = Vec::new();
        for input in inputs {
            if input.as_os_str() == "-" {
                pending.push_back(Pending::Stdin);
            } else if input.is_dir() {
                let mut walk = Walk::default();
                walk.dir(input);
                walk.files.sort_by(|a, b| a.0.cmp(&b.0));
                walk.skipped.sort();
                pending.extend(walk.files.into_iter().map(|(_, p)| p));
                if let Some(example) = walk.skipped.first() {
                    skipped.push(Skipped {
                        folder: input.clone(),
                        count: walk.skipped.len(),
                        example: example.clone(),
                    });
                }
            } else if input.exists() || input.is_symlink() {
                pending.push_back(Pending::File {
                    path: input.clone(),
                    named: true,
                });
            } else {
                bail!(
                    "no such file or folder: {} (give .txt or .jsonl files, folders, or - for stdin)",
                    input.display()
                );
            }
        }
        let reader = Reader {
            pending,
            current: None,
            seen: HashSet::new(),
            stdin_used: false,
            max_bytes,
        };
        Ok((reader, skipped))
    }

    fn read_next(&mut self) -> Option<Input> {
        loop {
            let item = match self.current.take() {
                None => {
                    let next = self.pending.pop_front()?;
                    self.current = Some(self.open(next));
                    continue;
                }
                Some(Source::Ready(item)) => item,
                Some(Source::Lines {
                    name,
                    mut reader,
                    mut line,
                }) => {
                    line += 1;
                    let item = match read_line(&mut *reader, self.max_line_bytes()) {
                        Ok(Line::End) => continue,
                        Ok(Line::Blank) => None,
                        Ok(Line::Text(raw)) => Some(parse_line(&name, line, &raw, self.max_bytes)),
                        Ok(Line::TooLong(len)) => Some(Input::Unreadable(Unreadable {
                            id: format!("{name}:{line}"),
                            kind: ErrorKind::TooLarge,
                            message: format!(
                                "line {line} of {name} is longer than {} bytes ({len} bytes or more); \
                                 raise --max-bytes to read it",
                                self.max_line_bytes()
                            ),
                            line: Some(line),
                        })),
                        Err(e) => {
                            // The stream cannot go on: this record closes it.
                            return Some(Input::Unreadable(Unreadable {
                                id: format!("{name}:{line}"),
                                kind: ErrorKind::ReadError,
                                message: format!("reading {name} stopped at line {line}: {e}"),
                                line: Some(line),
                            }));
                        }
                    };
                    self.current = Some(Source::Lines { name, reader, line });
                    match item {
                        Some(item) => item,
                        None => continue,
                    }
                }
            };
            return Some(self.flag_duplicate(item));
        }
    }

    /// A JSON line may spell its text with escapes (`\u00e9` is six bytes for two), so a line
    /// may be a few times longer than the text it carries.
    fn max_line_bytes(&self) -> usize {
        self.max_bytes.saturating_mul(4).saturating_add(1 << 16)
    }

    fn open(&mut self, pending: Pending) -> Source {
        let (path, named) = match pending {
            Pending::Failed(item) => return Source::Ready(item),
            Pending::Stdin => return self.open_stdin(),
            Pending::File { path, named } => (path, named),
        };
        let id = stem(&path);
        let name = path.display().to_string();
        // In a folder walk, read regular files only: a FIFO would block the run forever, and a
        // device could be endless.
        if !named {
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_file() => {}
                Ok(_) => {
                    return Source::Ready(unreadable(
                        id,
                        ErrorKind::UnreadableFile,
                        format!("{name} is not a regular file"),
                    ));
                }
                Err(e) => {
                    return Source::Ready(unreadable(
                        id,
                        ErrorKind::UnreadableFile,
                        format!("cannot read {name}: {e}"),
                    ));
                }
            }
        }
        let file = match File::open(&path) {
            Ok(file) => file,
            Err(e) => {
                return Source::Ready(unreadable(
                    id,
                    ErrorKind::UnreadableFile,
                    format!("cannot open {name}: {e}"),
                ));
            }
        };
        let is_jsonl = path
            .extension()
            .is_some_and(|e| e == "jsonl" || e == "ndjson");
        if is_jsonl {
            return Source::Lines {
                name,
                reader: Box::new(BufReader::with_capacity(1 << 20, file)),
                line: 0,
            };
        }
        Source::Ready(match read_capped(file, self.max_bytes) {
            Ok((bytes, cut)) => document(id, bytes, cut, self.max_bytes),
            Err(e) => unreadable(
                id,
                ErrorKind::UnreadableFile,
                format!("cannot read {name}: {e}"),
            ),
        })
    }

    fn open_stdin(&mut self) -> Source {
        let name = "stdin".to_string();
        if self.stdin_used {
            // Standard input named twice is read once.
            return Source::Lines {
                name,
                reader: Box::new(io::empty()),
                line: 0,
            };
        }
        self.stdin_used = true;
        let mut reader: Box<dyn BufRead> = Box::new(BufReader::with_capacity(1 << 20, io::stdin()));
        // JSON Lines when the input starts with '{' (after a byte-order mark and blanks), else one
        // plain-text article. Empty input is an empty JSON Lines stream: no documents.
        let starts_json = match reader.fill_buf() {
            Ok(buf) => buf
                .strip_prefix(BOM)
                .unwrap_or(buf)
                .iter()
                .find(|b| !b.is_ascii_whitespace())
                .is_none_or(|&b| b == b'{'),
            Err(_) => true,
        };
        if starts_json {
            return Source::Lines {
                name,
                reader,
                line: 0,
            };
        }
        Source::Ready(match read_capped(reader, self.max_bytes) {
            Ok((bytes, cut)) => document(name, bytes, cut, self.max_bytes),
            Err(e) => unreadable(name, ErrorKind::ReadError, format!("reading stdin: {e}")),
        })
    }

    fn flag_duplicate(&mut self, mut item: Input) -> Input {
        if let Input::Document(doc, problems) = &mut item
            && !self.seen.insert(id_hash(&doc.id))
        {
            problems.push(Problem {
                kind: ProblemKind::DuplicateId,
                message: format!(
                    "the id `{}` was seen before in this run; both documents are kept",
                    doc.id
                ),
                span: None,
            });
        }
        item
    }
}

impl newsclaims_pipeline::Source for Reader {
    fn next_input(&mut self) -> Option<Input> {
        self.read_next()
    }
}

/// FNV-1a over the id's bytes, then mixed: a fixed function, so that runs agree.
fn id_hash(id: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325_u64;
    for &b in id.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A folder walk: the article files under one folder and the files skipped.
#[derive(Default)]
struct Walk {
    /// Sort key (the path) and the pending input.
    files: Vec<(PathBuf, Pending)>,
    skipped: Vec<PathBuf>,
    /// Folders already walked, by canonical path, so a symbolic link loop ends.
    visited: HashSet<PathBuf>,
}

impl Walk {
    fn dir(&mut self, dir: &Path) {
        if let Ok(canonical) = dir.canonicalize()
            && !self.visited.insert(canonical)
        {
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                let item = unreadable(
                    dir.display().to_string(),
                    ErrorKind::UnreadableFolder,
                    format!("cannot list {}: {e}", dir.display()),
                );
                self.files.push((dir.to_path_buf(), Pending::Failed(item)));
                return;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let item = unreadable(
                        dir.display().to_string(),
                        ErrorKind::UnreadableFolder,
                        format!("listing {} failed part way: {e}", dir.display()),
                    );
                    self.files.push((dir.to_path_buf(), Pending::Failed(item)));
                    return;
                }
            };
            let path = entry.path();
            // `is_dir` follows symbolic links; `visited` stops loops.
            if path.is_dir() {
                self.dir(&path);
            } else if path
                .extension()
                .is_some_and(|e| EXTENSIONS.iter().any(|x| e == *x))
            {
                let pending = Pending::File {
                    path: path.clone(),
                    named: false,
                };
                self.files.push((path, pending));
            } else {
                self.skipped.push(path);
            }
        }
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn unreadable(id: String, kind: ErrorKind, message: String) -> Input {
    Input::Unreadable(Unreadable {
        id,
        kind,
        message,
        line: None,
    })
}

/// Reads at most `max` bytes, cut back to a UTF-8 character boundary when the input holds more
/// (then the flag is set). The rest is not read: a named input may be endless (`/dev/zero`).
fn read_capped(reader: impl Read, max: usize) -> io::Result<(Vec<u8>, bool)> {
    let mut bytes = Vec::new();
    reader
        .take((max as u64).saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() <= max {
        return Ok((bytes, false));
    }
    bytes.truncate(max);
    // Drop a last character the limit split, so the cut adds no invalid UTF-8.
    let lead = bytes
        .iter()
        .rev()
        .take(4)
        .position(|&b| b & 0xC0 != 0x80)
        .map(|back| bytes.len() - 1 - back);
    if let Some(lead) = lead {
        let want = match bytes[lead] {
            0xF0.. => 4,
            0xE0.. => 3,
            0xC0.. => 2,
            _ => 1,
        };
        if lead + want > bytes.len() {
            bytes.truncate(lead);
        }
    }
    Ok((bytes, true))
}

/// A document from raw bytes: invalid UTF-8 is repaired (U+FFFD) and the repair listed; a
/// document cut at `max` bytes says so.
fn document(id: String, bytes: Vec<u8>, cut: bool, max: usize) -> Input {
    let mut problems = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.into_bytes();
            let bad = count_invalid(&bytes);
            problems.push(Problem {
                kind: ProblemKind::InvalidUtf8,
                message: format!("{} replaced by U+FFFD", sequences(bad)),
                span: None,
            });
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    if cut {
        problems.push(truncated(max));
    }
    Input::Document(Document::new(id, text), problems)
}

fn truncated(max: usize) -> Problem {
    Problem {
        kind: ProblemKind::Truncated,
        message: format!(
            "the document is longer than {max} bytes; only its first {max} bytes were analysed \
             (see --max-bytes)"
        ),
        span: None,
    }
}

fn sequences(bad: usize) -> String {
    match bad {
        1 => "1 invalid UTF-8 sequence".to_owned(),
        n => format!("{n} invalid UTF-8 sequences"),
    }
}

fn count_invalid(mut bytes: &[u8]) -> usize {
    let mut bad = 0;
    while let Err(e) = std::str::from_utf8(bytes) {
        bad += 1;
        let skip = e.valid_up_to() + e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
        bytes = &bytes[skip..];
    }
    bad
}

enum Line {
    End,
    Blank,
    Text(Vec<u8>),
    /// Longer than allowed: skipped to its end without being kept; at least this many bytes.
    TooLong(usize),
}

/// Reads one line (without its `\n`), keeping at most `max` bytes in memory.
fn read_line(reader: &mut dyn BufRead, max: usize) -> io::Result<Line> {
    let mut raw = Vec::new();
    let mut len = 0;
    let mut any = false;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], true),
            None => (buf, false),
        };
        len += chunk.len();
        if len <= max {
            raw.extend_from_slice(chunk);
        } else if !raw.is_empty() {
            raw = Vec::new();
        }
        let used = chunk.len() + usize::from(done);
        reader.consume(used);
        if done {
            break;
        }
    }
    Ok(if !any {
        Line::End
    } else if len > max {
        Line::TooLong(len)
    } else if raw.iter().all(u8::is_ascii_whitespace) {
        Line::Blank
    } else {
        Line::Text(raw)
    })
}

/// One JSON Lines record: `{"id", "text", ...}`; its other fields go to the output as they are
/// (in the order of their names), unless they bear the name of an output field.
fn parse_line(name: &str, line: u64, raw: &[u8], max_bytes: usize) -> Input {
    let fallback_id = format!("{name}:{line}");
    let mut problems = Vec::new();
    // A byte-order mark opens some files saved by Windows tools; it is not part of the record.
    let raw = if line == 1 {
        raw.strip_prefix(BOM).unwrap_or(raw)
    } else {
        raw
    };
    let repaired;
    let raw = match std::str::from_utf8(raw) {
        Ok(s) => s,
        Err(_) => {
            let bad = count_invalid(raw);
            problems.push(Problem {
                kind: ProblemKind::InvalidUtf8,
                message: format!("{} on line {line} replaced by U+FFFD", sequences(bad)),
                span: None,
            });
            repaired = String::from_utf8_lossy(raw).into_owned();
            repaired.as_str()
        }
    };
    let error = |id: String, kind: ErrorKind, message: String| {
        Input::Unreadable(Unreadable {
            id,
            kind,
            message,
            line: Some(line),
        })
    };
    let value: Value = match serde_json::from_str(raw.trim()) {
        Ok(v) => v,
        Err(e) => {
            // A lone UTF-16 surrogate escape (`\ud83d` of an emoji cut in half, common in
            // scraped social media) is not valid JSON text; repaired, the line is readable.
            let repaired = repair_surrogates(raw.trim());
            match repaired.and_then(|(fixed, n)| Some((serde_json::from_str(&fixed).ok()?, n))) {
                Some((v, n)) => {
                    problems.push(Problem {
                        kind: ProblemKind::LoneSurrogate,
                        message: format!(
                            "{n} unpaired UTF-16 surrogate escape{} on line {line} replaced by U+FFFD",
                            if n == 1 { "" } else { "s" }
                        ),
                        span: None,
                    });
                    v
                }
                None => {
                    return error(
                        fallback_id,
                        ErrorKind::MalformedJson,
                        format!("line {line} of {name} is not JSON: {e}"),
                    );
                }
            }
        }
    };
    let Value::Object(mut map) = value else {
        return error(
            fallback_id,
            ErrorKind::MalformedJson,
            format!("line {line} of {name} is not a JSON object"),
        );
    };
    let id = match map.get("id") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => {
            return error(
                fallback_id,
                ErrorKind::MissingField,
                format!("line {line} of {name} has no string or number `id`"),
            );
        }
    };
    let mut text = match map.remove("text") {
        Some(Value::String(s)) => s,
        Some(other) => {
            let kind = match other {
                Value::Null => "null",
                Value::Bool(_) => "a boolean",
                Value::Number(_) => "a number",
                Value::Array(_) => "an array",
                Value::Object(_) => "an object",
                Value::String(_) => "a string",
            };
            return error(
                id,
                ErrorKind::BadField,
                format!("line {line} of {name}: `text` is {kind}, not a string"),
            );
        }
        None => {
            return error(
                id,
                ErrorKind::MissingField,
                format!("line {line} of {name} has no `text`"),
            );
        }
    };
    if text.len() > max_bytes {
        let mut end = max_bytes;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        problems.push(truncated(max_bytes));
    }
    let fields = map
        .into_iter()
        .filter(|(name, _)| name != "id")
        .filter_map(|(name, value)| {
            if newsclaims_format::RESERVED_FIELDS.contains(&name.as_str()) {
                problems.push(Problem {
                    kind: ProblemKind::FieldClash,
                    message: format!(
                        "the input field `{name}` has the name of an output field and is left out"
                    ),
                    span: None,
                });
                return None;
            }
            Some((name, value.to_string()))
        })
        .collect();
    Input::Document(Document { id, text, fields }, problems)
}

/// `raw` with every unpaired surrogate escape (`\uD800`–`\uDFFF` not forming a pair) replaced
/// by `\uFFFD`, and how many there were; `None` when there were none.
fn repair_surrogates(raw: &str) -> Option<(String, usize)> {
    fn unit(b: &[u8], i: usize) -> Option<u16> {
        let hex = b.get(i..i + 6)?;
        if hex[0] != b'\\' || hex[1] != b'u' {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&hex[2..]).ok()?, 16).ok()
    }
    let b = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let mut n = 0;
    let (mut i, mut copied) = (0, 0);
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit(b, i) {
            Some(0xD800..=0xDBFF) if matches!(unit(b, i + 6), Some(0xDC00..=0xDFFF)) => i += 12,
            Some(0xD800..=0xDFFF) => {
                out.push_str(&raw[copied..i]);
                out.push_str("\\uFFFD");
                n += 1;
                i += 6;
                copied = i;
            }
            // Any other escape, `\\` included, is two bytes or a whole `\uXXXX`: skip it.
            Some(_) => i += 6,
            None => i += 2,
        }
    }
    out.push_str(&raw[copied.min(raw.len())..]);
    (n > 0).then_some((out, n))
}
