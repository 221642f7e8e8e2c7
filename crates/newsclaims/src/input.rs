//! Reads documents from `.txt` files, folders, JSON Lines files and standard input, lazily, one
//! at a time as the run asks for them, so that memory does not grow with the corpus.
//!
//! Invariants: every input document becomes exactly one [`Input`], in input order: a document
//! (possibly with problems met while reading it, such as invalid UTF-8 or truncation) or an
//! [`Unreadable`] record. Nothing here panics or stops early on bad input; only a missing input
//! path (checked before anything is read) is an error of the run. No document holds more than
//! `max_bytes` of text, and no read buffers more than a few times that.

mod stream;
mod walk;

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead};
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use newsclaims_cli::args::InputFormat;
use newsclaims_cli::jsonl::{
    Line, OTHER_FIELDS_BYTES, Record, decode_lossy, parse_line, parse_long_line, read_line,
    truncated,
};
use newsclaims_pipeline::{DuplicateIds, Input, Unreadable};
use newsclaims_text::{Document, ErrorKind};
use stream::{Stream, read_capped, sniff};
use walk::Walk;

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
    /// Records read whole (a JSON array), not yet handed out.
    Queue(VecDeque<Input>),
    /// A JSON Lines stream: one document per line (blank lines skipped, except in
    /// `--input-format jsonl`).
    Lines {
        name: String,
        reader: Stream,
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
    /// Ids seen so far, to flag duplicates (kept, not dropped).
    seen: DuplicateIds,
    stdin_used: bool,
    options: Options,
    /// Called before a read that may wait for a writer (the output is flushed then).
    before_wait: Option<Box<dyn FnMut()>>,
}

/// How inputs are read.
pub(crate) struct Options {
    /// The most text one document may hold; longer ones are cut there.
    pub(crate) max_bytes: usize,
    pub(crate) input_format: InputFormat,
    /// Put before the ids newsclaims makes up (`stdin`, `FILE:LINE`).
    pub(crate) id_prefix: Option<String>,
}

/// What an input holds.
#[derive(Clone, Copy)]
enum Kind {
    /// JSON Lines.
    Lines,
    /// One JSON array of records.
    Array,
    /// One plain-text article.
    Text,
}

/// The extensions a folder walk picks up (in any case); other files in folders are not
/// articles, except Spark's and Hadoop's `part-00000` files, read by content.
const EXTENSIONS: [&str; 4] = ["txt", "jsonl", "ndjson", "json"];

impl Reader {
    /// Checks that every input exists and lists the folders; nothing is read yet.
    pub(crate) fn new(inputs: &[PathBuf], options: Options) -> Result<(Reader, Vec<Skipped>)> {
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
            seen: DuplicateIds::default(),
            stdin_used: false,
            options,
            before_wait: None,
        };
        Ok((reader, skipped))
    }

    /// The files found in the input folders, not yet read: an output must be none of them.
    pub(crate) fn walked(&self) -> impl Iterator<Item = &Path> {
        self.pending.iter().filter_map(|p| match p {
            Pending::File { path, named: false } => Some(path.as_path()),
            _ => None,
        })
    }

    /// Calls `hook` before each read that may wait for more input (a JSON Lines pipe fed
    /// slowly): the records of the lines already read are then out, so a trickle of input
    /// streams.
    pub(crate) fn before_wait(&mut self, hook: Box<dyn FnMut()>) {
        self.before_wait = Some(hook);
    }

    fn would_wait(&self) -> bool {
        match &self.current {
            Some(Source::Lines { reader, .. }) => reader.would_wait(),
            _ => false,
        }
    }

    fn read_next(&mut self) -> Option<Input> {
        if self.would_wait()
            && let Some(hook) = &mut self.before_wait
        {
            hook();
        }
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
                    let item = self.line_record(&name, line, &mut reader);
                    let Some(item) = item else {
                        // The end of the stream.
                        continue;
                    };
                    let stop =
                        matches!(&item, Ok(Input::Unreadable(u)) if u.kind == ErrorKind::ReadError);
                    if !stop {
                        self.current = Some(Source::Lines { name, reader, line });
                    }
                    match item {
                        Ok(item) => item,
                        // A blank line outside `--input-format jsonl`: no record.
                        Err(()) => continue,
                    }
                }
                Some(Source::Queue(mut queue)) => match queue.pop_front() {
                    Some(item) => {
                        self.current = Some(Source::Queue(queue));
                        item
                    }
                    None => continue,
                },
            };
            return Some(self.seen.flag(item));
        }
    }

    /// The record of the `line`-th line of JSON Lines input `name`; `None` at the end of the
    /// stream, `Err` for a blank line that gets no record. In `--input-format jsonl` every line
    /// gets exactly one record, so that output line N answers input line N.
    fn line_record(
        &self,
        name: &str,
        line: u64,
        reader: &mut dyn BufRead,
    ) -> Option<Result<Input, ()>> {
        let record = Record {
            name,
            line,
            fallback_id: self.id_of(&format!("{name}:{line}")),
        };
        let error = |kind: ErrorKind, message: String| {
            Ok(Input::Unreadable(Unreadable {
                id: record.fallback_id.clone(),
                kind,
                message,
                line: Some(line),
            }))
        };
        let (max_bytes, reserved) = (self.options.max_bytes, newsclaims_format::RESERVED_FIELDS);
        // `None` at the end, `Some(None)` for a blank line.
        let read = read_line(reader, self.max_line_bytes()).and_then(|read| {
            Ok(Some(match read {
                Line::End => return Ok(None),
                Line::Blank => None,
                Line::Text(raw) => Some(parse_line(&record, &raw, max_bytes, reserved)),
                // Too long to hold whole: read as a stream, its text cut at `--max-bytes`.
                Line::TooLong(head) => {
                    Some(parse_long_line(&record, head, reader, max_bytes, reserved)?)
                }
            }))
        });
        Some(match read {
            Ok(None) => return None,
            Ok(Some(Some(input))) => Ok(input),
            Ok(Some(None)) if self.options.input_format == InputFormat::Jsonl => error(
                ErrorKind::BlankLine,
                format!("line {line} of {name} is blank"),
            ),
            Ok(Some(None)) => Err(()),
            // The stream cannot go on: this record closes it.
            Err(e) => error(
                ErrorKind::ReadError,
                format!("reading {name} stopped at line {line}: {e}"),
            ),
        })
    }

    /// A JSON line may spell its text with escapes (`\u0001` is six bytes for one), so a line
    /// may be up to six times longer than the text it carries, and other fields come with it.
    fn max_line_bytes(&self) -> usize {
        self.options
            .max_bytes
            .saturating_mul(6)
            .saturating_add(OTHER_FIELDS_BYTES)
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
                    return Source::Ready(Input::unreadable(
                        id,
                        ErrorKind::UnreadableFile,
                        format!("{name} is not a regular file"),
                    ));
                }
                Err(e) => {
                    return Source::Ready(Input::unreadable(
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
                return Source::Ready(Input::unreadable(
                    id,
                    ErrorKind::UnreadableFile,
                    format!("cannot open {name}: {e}"),
                ));
            }
        };
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        let by_name = match (self.options.input_format, ext.as_deref()) {
            (InputFormat::Jsonl, _) => Some(Kind::Lines),
            (InputFormat::Text, _) | (InputFormat::Auto, Some("txt")) => Some(Kind::Text),
            (InputFormat::Auto, Some("jsonl" | "ndjson")) => Some(Kind::Lines),
            // `.json`: JSON Lines or one array of records, by content; others all by content.
            (InputFormat::Auto, _) => None,
        };
        let reader = Stream::new(Box::new(file));
        self.open_stream(name, id, reader, by_name)
    }

    /// Reads `reader` as `kind`, or as its content says (`{`: JSON Lines, `[`: a JSON array of
    /// records, anything else: one article).
    fn open_stream(
        &mut self,
        name: String,
        id: String,
        mut reader: Stream,
        kind: Option<Kind>,
    ) -> Source {
        let kind = match kind {
            Some(kind) => kind,
            None => match sniff(&mut reader) {
                Ok((prefix, first)) => {
                    reader.unread(prefix);
                    match first {
                        // Empty input is an empty JSON Lines stream: no documents.
                        None | Some(b'{') => Kind::Lines,
                        Some(b'[') => Kind::Array,
                        Some(_) => Kind::Text,
                    }
                }
                Err(e) => {
                    return Source::Ready(Input::unreadable(
                        id,
                        ErrorKind::ReadError,
                        format!("reading {name}: {e}"),
                    ));
                }
            },
        };
        let max = self.options.max_bytes;
        match kind {
            Kind::Lines => Source::Lines {
                name,
                reader,
                line: 0,
            },
            Kind::Text => Source::Ready(match read_capped(reader, max) {
                Ok((bytes, cut)) => document(id, bytes, cut, max),
                Err(e) => {
                    Input::unreadable(id, ErrorKind::ReadError, format!("reading {name}: {e}"))
                }
            }),
            Kind::Array => Source::Queue(self.read_array(&name, &id, reader)),
        }
    }

    /// The records of a JSON array `[{"id", "text", ...}, ...]`, each as a JSON Lines line would
    /// give it (its `line` is its place in the array, from 1). The array is read whole, up to the
    /// JSON Lines limit of one line.
    fn read_array(&self, name: &str, id: &str, reader: Stream) -> VecDeque<Input> {
        let fail = |message: String| {
            VecDeque::from([Input::unreadable(
                id.to_owned(),
                ErrorKind::MalformedJson,
                message,
            )])
        };
        let bytes = match read_capped(reader, self.max_line_bytes()) {
            Ok((_, true)) => {
                return VecDeque::from([Input::unreadable(
                    id.to_owned(),
                    ErrorKind::TooLarge,
                    format!(
                        "{name} is a JSON array longer than {} bytes; give it as JSON Lines",
                        self.max_line_bytes()
                    ),
                )]);
            }
            Ok((bytes, false)) => bytes,
            Err(e) => return fail(format!("reading {name}: {e}")),
        };
        let text = String::from_utf8_lossy(&bytes);
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        match serde_json::from_str::<Vec<&serde_json::value::RawValue>>(text) {
            Ok(elements) => elements
                .iter()
                .enumerate()
                .map(|(k, raw)| {
                    let line = k as u64 + 1;
                    let record = Record {
                        name,
                        line,
                        fallback_id: self.id_of(&format!("{name}:{line}")),
                    };
                    parse_line(
                        &record,
                        raw.get().as_bytes(),
                        self.options.max_bytes,
                        newsclaims_format::RESERVED_FIELDS,
                    )
                })
                .collect(),
            Err(e) => fail(format!("{name} is not a JSON array of records: {e}")),
        }
    }

    fn open_stdin(&mut self) -> Source {
        let name = "stdin".to_string();
        if self.stdin_used {
            // Standard input named twice is read once.
            return Source::Queue(VecDeque::new());
        }
        self.stdin_used = true;
        let reader = Stream::new(Box::new(io::stdin()));
        let kind = match self.options.input_format {
            InputFormat::Jsonl => Some(Kind::Lines),
            InputFormat::Text => Some(Kind::Text),
            InputFormat::Auto => None,
        };
        let id = self.id_of(&name);
        self.open_stream(name, id, reader, kind)
    }

    /// The id of a record made up from an input's name (`stdin`, `FILE:LINE`), after
    /// `--id-prefix`.
    fn id_of(&self, made_up: &str) -> String {
        match &self.options.id_prefix {
            Some(prefix) => format!("{prefix}:{made_up}"),
            None => made_up.to_owned(),
        }
    }
}

impl newsclaims_pipeline::Source for Reader {
    fn next_input(&mut self) -> Option<Input> {
        self.read_next()
    }

    fn would_wait(&mut self) -> bool {
        Reader::would_wait(self)
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// A document from raw bytes: invalid UTF-8 is repaired (U+FFFD) and the repair listed; a
/// document cut at `max` bytes says so.
fn document(id: String, bytes: Vec<u8>, cut: bool, max: usize) -> Input {
    let mut problems = Vec::new();
    let text = decode_lossy(bytes, &mut problems);
    if cut {
        problems.push(truncated(max));
    }
    Input::Document(Document::new(id, text), problems)
}
