//! Reads documents from `.txt` files, folders, JSON Lines files and standard input, lazily, in
//! bounded batches, so that memory does not grow with the corpus.
//!
//! Every input document becomes exactly one [`Item`]: a document (possibly with problems met while
//! reading it, such as invalid UTF-8) or an [`Unreadable`] record.

use std::collections::{HashSet, VecDeque};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use newsclaims_format::{Problem, Unreadable};
use newsclaims_text::Document;
use serde_json::Value;

pub(crate) enum Item {
    Document(Document, Vec<Problem>),
    Unreadable(Unreadable),
}

impl Item {
    fn size(&self) -> usize {
        match self {
            Item::Document(d, _) => d.text.len(),
            Item::Unreadable(_) => 0,
        }
    }
}

enum Source {
    /// A whole-file document (or the record of a file that could not be read), not yet handed out.
    Ready(Item),
    /// A JSON Lines stream: one document per non-blank line.
    Lines {
        name: String,
        reader: Box<dyn BufRead>,
        line: u64,
    },
}

pub(crate) struct Reader {
    pending: VecDeque<PathBuf>,
    current: Option<Source>,
    /// Ids seen so far, to flag duplicates (kept, not dropped).
    seen: HashSet<String>,
    stdin_used: bool,
}

impl Reader {
    pub(crate) fn new(inputs: &[PathBuf]) -> Result<Reader> {
        let mut pending = VecDeque::new();
        for input in inputs {
            if input.as_os_str() == "-" {
                pending.push_back(input.clone());
            } else if input.is_dir() {
                let mut files = Vec::new();
                collect_dir(input, &mut files);
                files.sort();
                pending.extend(files);
            } else if input.exists() {
                pending.push_back(input.clone());
            } else {
                bail!(
                    "no such file or folder: {} (give .txt or .jsonl files, folders, or - for stdin)",
                    input.display()
                );
            }
        }
        Ok(Reader {
            pending,
            current: None,
            seen: HashSet::new(),
            stdin_used: false,
        })
    }

    /// Up to `max_docs` items holding at most about `max_bytes` of text (always at least one item
    /// while any remain); empty at the end of input.
    pub(crate) fn next_batch(&mut self, max_docs: usize, max_bytes: usize) -> Vec<Item> {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while batch.len() < max_docs && bytes < max_bytes {
            match self.next_item() {
                Some(item) => {
                    bytes += item.size();
                    batch.push(item);
                }
                None => break,
            }
        }
        batch
    }

    fn next_item(&mut self) -> Option<Item> {
        loop {
            let source = match &mut self.current {
                Some(source) => source,
                None => {
                    let path = self.pending.pop_front()?;
                    self.current = Some(self.open(&path));
                    continue;
                }
            };
            let item = match source {
                Source::Ready(_) => {
                    let Some(Source::Ready(item)) = self.current.take() else {
                        unreachable!()
                    };
                    item
                }
                Source::Lines { name, reader, line } => {
                    let mut raw = Vec::new();
                    match reader.read_until(b'\n', &mut raw) {
                        Ok(0) => {
                            self.current = None;
                            continue;
                        }
                        Ok(_) => {
                            *line += 1;
                            if raw.iter().all(u8::is_ascii_whitespace) {
                                continue;
                            }
                            parse_line(name, *line, &raw)
                        }
                        Err(e) => {
                            let line = *line + 1;
                            let item = Item::Unreadable(Unreadable {
                                id: format!("{name}:{line}"),
                                kind: "read-error",
                                message: format!("reading {name} stopped at line {line}: {e}"),
                                line: Some(line),
                            });
                            self.current = None;
                            item
                        }
                    }
                }
            };
            return Some(self.flag_duplicate(item));
        }
    }

    fn open(&mut self, path: &Path) -> Source {
        if path.as_os_str() == "-" {
            let name = "stdin".to_string();
            if self.stdin_used {
                return Source::Lines {
                    name,
                    reader: Box::new(io::empty()),
                    line: 0,
                };
            }
            self.stdin_used = true;
            let mut reader: Box<dyn BufRead> =
                Box::new(BufReader::with_capacity(1 << 20, io::stdin()));
            // JSON Lines when the input starts with '{', else one plain-text article.
            let starts_json = match reader.fill_buf() {
                Ok(buf) => buf
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
            let mut bytes = Vec::new();
            return Source::Ready(match reader.read_to_end(&mut bytes) {
                Ok(_) => document("stdin".into(), bytes, Vec::new()),
                Err(e) => unreadable("stdin".into(), "read-error", format!("reading stdin: {e}")),
            });
        }
        let id = stem(path);
        let is_jsonl = path
            .extension()
            .is_some_and(|e| e == "jsonl" || e == "ndjson");
        let name = path.display().to_string();
        if is_jsonl {
            return match File::open(path) {
                Ok(f) => Source::Lines {
                    name,
                    reader: Box::new(BufReader::with_capacity(1 << 20, f)),
                    line: 0,
                },
                Err(e) => Source::Ready(unreadable(
                    id,
                    "unreadable-file",
                    format!("cannot open {name}: {e}"),
                )),
            };
        }
        Source::Ready(match std::fs::read(path) {
            Ok(bytes) => document(id, bytes, Vec::new()),
            Err(e) => unreadable(id, "unreadable-file", format!("cannot read {name}: {e}")),
        })
    }

    fn flag_duplicate(&mut self, mut item: Item) -> Item {
        if let Item::Document(doc, problems) = &mut item {
            if !self.seen.insert(doc.id.clone()) {
                problems.push(Problem {
                    kind: "duplicate-id",
                    message: format!(
                        "the id `{}` was seen before in this run; both documents are kept",
                        doc.id
                    ),
                    span: None,
                });
            }
        }
        item
    }
}

/// Every `.txt`, `.jsonl` and `.ndjson` file under `dir`; other files are not articles and are skipped.
fn collect_dir(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        out.push(dir.to_path_buf());
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_dir(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "txt" || e == "jsonl" || e == "ndjson")
        {
            out.push(path);
        }
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn unreadable(id: String, kind: &'static str, message: String) -> Item {
    Item::Unreadable(Unreadable {
        id,
        kind,
        message,
        line: None,
    })
}

/// A document from raw bytes: invalid UTF-8 is repaired (U+FFFD) and the repair listed.
fn document(id: String, bytes: Vec<u8>, mut problems: Vec<Problem>) -> Item {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.into_bytes();
            let bad = count_invalid(&bytes);
            problems.push(Problem {
                kind: "invalid-utf8",
                message: format!("{bad} invalid UTF-8 sequences replaced by U+FFFD"),
                span: None,
            });
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    Item::Document(Document { id, text }, problems)
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

/// One JSON Lines record: `{"id", "text", ...}`; other fields are ignored here.
fn parse_line(name: &str, line: u64, raw: &[u8]) -> Item {
    let fallback_id = format!("{name}:{line}");
    let mut problems = Vec::new();
    let repaired;
    let raw = match std::str::from_utf8(raw) {
        Ok(s) => s,
        Err(_) => {
            let bad = count_invalid(raw);
            problems.push(Problem {
                kind: "invalid-utf8",
                message: format!("{bad} invalid UTF-8 sequences on line {line} replaced by U+FFFD"),
                span: None,
            });
            repaired = String::from_utf8_lossy(raw).into_owned();
            repaired.as_str()
        }
    };
    let value: Value = match serde_json::from_str(raw.trim_end()) {
        Ok(v) => v,
        Err(e) => {
            return Item::Unreadable(Unreadable {
                id: fallback_id,
                kind: "malformed-json",
                message: format!("line {line} of {name} is not JSON: {e}"),
                line: Some(line),
            });
        }
    };
    let Value::Object(mut map) = value else {
        return Item::Unreadable(Unreadable {
            id: fallback_id,
            kind: "malformed-json",
            message: format!("line {line} of {name} is not a JSON object"),
            line: Some(line),
        });
    };
    let id = match map.get("id") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let Some(id) = id else {
        return Item::Unreadable(Unreadable {
            id: fallback_id,
            kind: "missing-field",
            message: format!("line {line} of {name} has no string or number `id`"),
            line: Some(line),
        });
    };
    let text = match map.remove("text") {
        Some(Value::String(s)) => s,
        Some(other) => {
            let kind = match other {
                Value::Null => "null",
                Value::Bool(_) => "a boolean",
                Value::Number(_) => "a number",
                Value::Array(_) => "an array",
                Value::Object(_) => "an object",
                Value::String(_) => unreachable!(),
            };
            return Item::Unreadable(Unreadable {
                id,
                kind: "bad-field",
                message: format!("line {line} of {name}: `text` is {kind}, not a string"),
                line: Some(line),
            });
        }
        None => {
            return Item::Unreadable(Unreadable {
                id,
                kind: "missing-field",
                message: format!("line {line} of {name} has no `text`"),
                line: Some(line),
            });
        }
    };
    Item::Document(Document { id, text }, problems)
}
