//! JSON Lines input: one line read with bounded memory ([`read_line`]) and one line parsed into
//! the pipeline's [`Input`] ([`parse_line`]). A library module so that a fuzz target can drive it.
//!
//! Invariants: every line gives exactly one `Input`, a document or an error record; nothing
//! panics on any bytes. Fields other than `id` and `text` are kept as the JSON text they were
//! written as, in their input order (serde_json's `RawValue`): numbers keep their digits, objects
//! their key order. A numeric `id` keeps its exact digits. A byte-order mark at the start of any
//! line is dropped (files saved by Windows tools and then concatenated).

mod long;

use std::borrow::Cow;
use std::io::{self, BufRead};

use newsclaims_pipeline::{Input, Unreadable};
use newsclaims_text::{Document, ErrorKind, Problem, ProblemKind};
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

pub use long::{OTHER_FIELDS_BYTES, parse_long_line};

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One line of a JSON Lines stream, as [`read_line`] found it.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// The end of the stream: no line.
    End,
    /// A line of nothing but white space (a byte-order mark included).
    Blank,
    /// A line's bytes, without its line break.
    Text(Vec<u8>),
    /// Longer than `max`: its first bytes (at most `max`); the rest of the line is still in the
    /// reader, for [`parse_long_line`].
    TooLong(Vec<u8>),
}

/// Reads one line (without its `\n`), keeping at most `max` bytes in memory.
pub fn read_line(reader: &mut dyn BufRead, max: usize) -> io::Result<Line> {
    let mut raw = Vec::new();
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
        if raw.len() + chunk.len() > max {
            return Ok(Line::TooLong(raw));
        }
        raw.extend_from_slice(chunk);
        let used = chunk.len() + usize::from(done);
        reader.consume(used);
        if done {
            break;
        }
    }
    Ok(if !any {
        Line::End
    } else if raw
        .strip_prefix(BOM)
        .unwrap_or(&raw)
        .iter()
        .all(u8::is_ascii_whitespace)
    {
        Line::Blank
    } else {
        Line::Text(raw)
    })
}

/// A JSON object's members in their order, each value as its JSON text.
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Members<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Of;
        impl<'de> Visitor<'de> for Of {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut members = Vec::new();
                while let Some((name, value)) = map.next_entry::<String, &'de RawValue>()? {
                    members.push((name, value));
                }
                Ok(Members(members))
            }
        }
        deserializer.deserialize_map(Of)
    }
}

/// What a JSON value is, for a message: `null`, `a number` ...
fn kind_of(raw: &RawValue) -> &'static str {
    match raw.get().as_bytes().first() {
        Some(b'n') => "null",
        Some(b't' | b'f') => "a boolean",
        Some(b'"') => "a string",
        Some(b'[') => "an array",
        Some(b'{') => "an object",
        _ => "a number",
    }
}

/// Where a JSON Lines record comes from.
pub struct Record<'a> {
    /// The input's name, for messages.
    pub name: &'a str,
    /// The line (1-based).
    pub line: u64,
    /// The id of its error record when it gives none (`FILE:LINE`, after `--id-prefix`).
    pub fallback_id: String,
}

/// One JSON Lines record (`raw`, one line): `{"id", "text", ...}`. Its other fields go to the
/// output as they are, in their order, unless they bear the name of an output field
/// (`reserved`). A text longer than `max_bytes` is cut there, like a `.txt` file.
pub fn parse_line(record: &Record<'_>, raw: &[u8], max_bytes: usize, reserved: &[&str]) -> Input {
    let (name, line) = (record.name, record.line);
    let mut problems = Vec::new();
    let error = |id: String, kind: ErrorKind, message: String| {
        Input::Unreadable(Unreadable {
            id,
            kind,
            message,
            line: Some(line),
        })
    };
    let raw = match json_text(raw, line, &mut problems) {
        Ok(raw) => raw,
        Err(e) => {
            let message = format!("line {line} of {name} is not JSON: {e}");
            return error(
                record.fallback_id.clone(),
                ErrorKind::MalformedJson,
                message,
            );
        }
    };
    let Ok(Members(members)) = serde_json::from_str::<Members<'_>>(&raw) else {
        let message = format!("line {line} of {name} is not a JSON object");
        return error(
            record.fallback_id.clone(),
            ErrorKind::MalformedJson,
            message,
        );
    };
    // Of a name given twice, the last value counts (as in most JSON readers).
    let last = |field: &str| members.iter().rev().find(|(n, _)| n == field).map(|m| m.1);
    let id = match last("id") {
        Some(v) if v.get().starts_with('"') => string(v, line, &mut problems).ok(),
        // A number keeps its digits: `123456789012345678901234567890`, `1.10`.
        Some(v) if kind_of(v) == "a number" => Some(v.get().to_owned()),
        _ => None,
    };
    let Some(id) = id else {
        let message = format!("line {line} of {name} has no string or number `id`");
        return error(record.fallback_id.clone(), ErrorKind::MissingField, message);
    };
    let mut text = match text_field(last("text"), line, &mut problems) {
        Ok(text) => text,
        Err((kind, why)) => return error(id, kind, format!("line {line} of {name}{why}")),
    };
    if text.len() > max_bytes {
        let mut end = max_bytes;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        problems.push(truncated(max_bytes));
    }
    let fields = carried(&members, reserved, &mut problems);
    Input::Document(Document { id, text, fields }, problems)
}

/// The line as JSON text: a byte-order mark dropped, invalid UTF-8 and lone UTF-16 surrogate
/// escapes repaired (each repair listed in `problems`); the parser's error when it is no JSON.
fn json_text<'a>(
    raw: &'a [u8],
    line: u64,
    problems: &mut Vec<Problem>,
) -> Result<Cow<'a, str>, serde_json::Error> {
    let raw = raw.strip_prefix(BOM).unwrap_or(raw);
    let raw = match std::str::from_utf8(raw) {
        Ok(s) => Cow::Borrowed(s.trim()),
        Err(_) => {
            problems.push(Problem {
                kind: ProblemKind::InvalidUtf8,
                message: format!(
                    "{} on line {line} replaced by U+FFFD",
                    invalid_sequences(raw)
                ),
                span: None,
            });
            Cow::Owned(String::from_utf8_lossy(raw).trim().to_owned())
        }
    };
    let e = match serde_json::from_str::<&RawValue>(&raw) {
        Ok(_) => return Ok(raw),
        Err(e) => e,
    };
    // A lone UTF-16 surrogate escape (`\ud83d` of an emoji cut in half, common in scraped social
    // media) is not valid JSON text; repaired, the line is readable.
    match repair_surrogates(&raw) {
        Some((text, n)) if serde_json::from_str::<&RawValue>(&text).is_ok() => {
            problems.push(surrogates_replaced(n, line));
            Ok(Cow::Owned(text))
        }
        _ => Err(e),
    }
}

/// The value of the `text` member; else the kind of error record and the end of its message
/// (after `line N of NAME`).
fn text_field(
    value: Option<&RawValue>,
    line: u64,
    problems: &mut Vec<Problem>,
) -> Result<String, (ErrorKind, String)> {
    match value {
        Some(v) if v.get().starts_with('"') => string(v, line, problems)
            .map_err(|e| (ErrorKind::BadField, format!(": `text` cannot be read: {e}"))),
        Some(v) => Err((
            ErrorKind::BadField,
            format!(": `text` is {}, not a string", kind_of(v)),
        )),
        None => Err((ErrorKind::MissingField, " has no `text`".to_owned())),
    }
}

/// The members carried to the output: all but `id`, `text` and those bearing the name of an
/// output field (`reserved`, left out with a problem), in order, each as its JSON text; of a name
/// given twice, the last value in the first place.
fn carried(
    members: &[(String, &RawValue)],
    reserved: &[&str],
    problems: &mut Vec<Problem>,
) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = Vec::new();
    for (field, value) in members {
        if field == "id" || field == "text" {
            continue;
        }
        if reserved.contains(&field.as_str()) {
            problems.push(Problem {
                kind: ProblemKind::FieldClash,
                message: format!(
                    "the input field `{field}` has the name of an output field and is left out"
                ),
                span: None,
            });
            continue;
        }
        match fields.iter_mut().find(|(n, _)| n == field) {
            Some(kept) => kept.1 = value.get().to_owned(),
            None => fields.push((field.clone(), value.get().to_owned())),
        }
    }
    fields
}

/// A JSON string's value; a lone surrogate escape in it (JSON syntax allows it, a Rust string
/// cannot hold it) becomes U+FFFD, with a problem saying so.
fn string(raw: &RawValue, line: u64, problems: &mut Vec<Problem>) -> serde_json::Result<String> {
    let e = match serde_json::from_str::<String>(raw.get()) {
        Ok(s) => return Ok(s),
        Err(e) => e,
    };
    let Some((fixed, n)) = repair_surrogates(raw.get()) else {
        return Err(e);
    };
    let s = serde_json::from_str::<String>(&fixed)?;
    problems.push(surrogates_replaced(n, line));
    Ok(s)
}

/// The problem of `n` lone surrogate escapes on `line`, replaced by U+FFFD.
fn surrogates_replaced(n: usize, line: u64) -> Problem {
    Problem {
        kind: ProblemKind::LoneSurrogate,
        message: format!(
            "{n} unpaired UTF-16 surrogate escape{} on line {line} replaced by U+FFFD",
            if n == 1 { "" } else { "s" }
        ),
        span: None,
    }
}

/// The `truncated` problem of a document cut at `max` bytes.
pub fn truncated(max: usize) -> Problem {
    Problem {
        kind: ProblemKind::Truncated,
        message: format!(
            "the document is longer than {max} bytes; only its first {max} bytes were analysed \
             (see --max-bytes)"
        ),
        span: None,
    }
}

/// `bytes` as text: invalid UTF-8 sequences become U+FFFD, counted in an `invalid-utf8` problem.
pub fn decode_lossy(bytes: Vec<u8>, problems: &mut Vec<Problem>) -> String {
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.into_bytes();
            problems.push(Problem {
                kind: ProblemKind::InvalidUtf8,
                message: format!("{} replaced by U+FFFD", invalid_sequences(&bytes)),
                span: None,
            });
            String::from_utf8_lossy(&bytes).into_owned()
        }
    }
}

/// `1 invalid UTF-8 sequence`, `3 invalid UTF-8 sequences`: how many `bytes` holds.
pub fn invalid_sequences(mut bytes: &[u8]) -> String {
    let mut bad = 0;
    while let Err(e) = std::str::from_utf8(bytes) {
        bad += 1;
        let skip = e.valid_up_to() + e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
        bytes = &bytes[skip..];
    }
    match bad {
        1 => "1 invalid UTF-8 sequence".to_owned(),
        n => format!("{n} invalid UTF-8 sequences"),
    }
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
