//! A JSON Lines line too long to hold whole (over the reader's line limit), read as a stream
//! member by member: its `text` is decoded and kept up to `--max-bytes` (the document is cut like
//! a `.txt` file, with a `truncated` problem), its `id` up to [`OTHER_FIELDS_BYTES`], and its
//! other members up to [`OTHER_FIELDS_BYTES`] in all (a member beyond that is left out, with a
//! `truncated` problem naming it). The rest of the line is read and dropped, so memory stays
//! bounded whatever the line's length, and the document still gets its record.
//!
//! Invariants: the whole line is consumed (up to its `\n` or the end of input), whatever it
//! holds; the kept members are put back together as one JSON object and read by
//! [`parse_line`], so the record is what a short line with the same members would give. Where
//! nothing can be cut (the line is not a JSON object, its syntax breaks, it has no `id`) the
//! record is an error record of the same kinds as a short line's.

use std::io::{self, BufRead};

use newsclaims_pipeline::Input;
use newsclaims_text::{Problem, ProblemKind};

use super::{BOM, Record, decode_lossy, parse_line, truncated};

/// Bytes a long line may keep of its members other than `text` (title, url, metadata), and of
/// its `id`: far more than any article's metadata, and a bound on memory.
pub const OTHER_FIELDS_BYTES: usize = 1 << 20;

/// Bytes read from the reader at a time.
const CHUNK: usize = 1 << 16;

/// Why a long line cannot be read.
enum Fail {
    /// The input cannot be read: the stream ends here.
    Io(io::Error),
    /// The line is no JSON object; the message says where it breaks.
    Syntax(String),
}

impl From<io::Error> for Fail {
    fn from(e: io::Error) -> Fail {
        Fail::Io(e)
    }
}

/// The rest of a line: `head` (its first bytes, already read), then `reader` up to the line's end.
struct Stream<'r> {
    reader: &'r mut dyn BufRead,
    chunk: Vec<u8>,
    at: usize,
    /// The reader is at the line's end.
    ended: bool,
    /// Bytes of the line read before `chunk`, for messages.
    before: usize,
}

impl Stream<'_> {
    fn peek(&mut self) -> io::Result<Option<u8>> {
        if self.at == self.chunk.len() {
            self.refill()?;
        }
        Ok(self.chunk.get(self.at).copied())
    }

    fn next(&mut self) -> io::Result<Option<u8>> {
        let b = self.peek()?;
        self.at += usize::from(b.is_some());
        Ok(b)
    }

    /// The next byte, which must be there: the line may not end inside a value.
    fn need(&mut self) -> Result<u8, Fail> {
        self.next()?
            .ok_or_else(|| Fail::Syntax("the line ends inside a value".to_owned()))
    }

    fn refill(&mut self) -> io::Result<()> {
        self.before += self.chunk.len();
        self.chunk.clear();
        self.at = 0;
        while !self.ended && self.chunk.is_empty() {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                self.ended = true;
                break;
            }
            let n = buf.len().min(CHUNK);
            let (take, newline) = match buf[..n].iter().position(|&b| b == b'\n') {
                Some(i) => (i, true),
                None => (n, false),
            };
            self.chunk.extend_from_slice(&buf[..take]);
            self.reader.consume(take + usize::from(newline));
            self.ended = newline;
        }
        Ok(())
    }

    /// The next byte that is not white space, not consumed.
    fn skip_space(&mut self) -> io::Result<Option<u8>> {
        while let Some(b) = self.peek()? {
            if !b.is_ascii_whitespace() {
                return Ok(Some(b));
            }
            self.at += 1;
        }
        Ok(None)
    }

    fn expect(&mut self, want: u8) -> Result<(), Fail> {
        match self.skip_space()? {
            Some(b) if b == want => {
                self.at += 1;
                Ok(())
            }
            Some(b) => Err(self.syntax(&format!(
                "expected `{}`, found `{}`",
                want as char,
                b.escape_ascii()
            ))),
            None => Err(self.syntax(&format!(
                "expected `{}`, found the line's end",
                want as char
            ))),
        }
    }

    fn syntax(&self, why: &str) -> Fail {
        Fail::Syntax(format!("{why} at byte {}", self.before + self.at))
    }

    /// Reads the rest of the line; whether it held only white space.
    fn finish(&mut self) -> io::Result<bool> {
        let mut blank = true;
        loop {
            blank &= self.chunk[self.at..].iter().all(u8::is_ascii_whitespace);
            self.at = self.chunk.len();
            if self.ended {
                return Ok(blank);
            }
            self.refill()?;
        }
    }

    /// One JSON value as its text, appended to `out` if it holds no more than `keep` bytes;
    /// whether it was kept. Nesting and strings are followed only to find the value's end: a
    /// kept value is checked by the JSON parser afterwards.
    fn value(&mut self, out: &mut Vec<u8>, keep: usize) -> Result<bool, Fail> {
        let start = out.len();
        let mut fits = true;
        let mut put = |out: &mut Vec<u8>, b: u8| {
            fits &= out.len() - start < keep;
            if fits {
                out.push(b);
            }
        };
        match self.skip_space()? {
            Some(b'"' | b'{' | b'[') => {
                let (mut depth, mut in_string) = (0usize, false);
                loop {
                    let b = self.need()?;
                    put(out, b);
                    if in_string {
                        match b {
                            b'\\' => put(out, self.need()?),
                            b'"' => in_string = false,
                            _ => {}
                        }
                    } else {
                        match b {
                            b'"' => in_string = true,
                            b'{' | b'[' => depth += 1,
                            b'}' | b']' => depth = depth.saturating_sub(1),
                            _ => {}
                        }
                    }
                    if depth == 0 && !in_string {
                        break;
                    }
                }
            }
            // A number, `true`, `false` or `null`: up to a delimiter.
            Some(b) if !matches!(b, b',' | b'}' | b']' | b':') => {
                while let Some(b) = self.peek()? {
                    if matches!(b, b',' | b'}' | b']') || b.is_ascii_whitespace() {
                        break;
                    }
                    self.at += 1;
                    put(out, b);
                }
            }
            _ => return Err(self.syntax("expected a value")),
        }
        if !fits {
            out.truncate(start);
        }
        Ok(fits)
    }
}

/// The decoded `text` of a long line: at most `max` bytes kept, and what was met on the way.
#[derive(Default)]
struct Text {
    bytes: Vec<u8>,
    /// Bytes the whole text decodes to.
    total: usize,
    lone_surrogates: usize,
}

impl Text {
    fn push(&mut self, piece: &[u8], max: usize) {
        self.total += piece.len();
        // A few bytes past the limit, so the character the limit cuts can be seen and dropped.
        if self.bytes.len() < max + 4 {
            self.bytes.extend_from_slice(piece);
        }
    }

    fn push_char(&mut self, c: char, max: usize) {
        self.push(c.encode_utf8(&mut [0; 4]).as_bytes(), max);
    }

    /// A high surrogate not followed by a low one: U+FFFD.
    fn lone(&mut self, max: usize) {
        self.lone_surrogates += 1;
        self.push_char(char::REPLACEMENT_CHARACTER, max);
    }
}

impl Stream<'_> {
    /// A JSON string's value, the opening quote read, decoded up to `max` bytes.
    fn text(&mut self, max: usize) -> Result<Text, Fail> {
        let mut text = Text::default();
        let mut high: Option<u16> = None;
        loop {
            let b = self.need()?;
            if b != b'\\' {
                if high.take().is_some() {
                    text.lone(max);
                }
                if b == b'"' {
                    return Ok(text);
                }
                text.push(&[b], max);
                continue;
            }
            let escaped = self.need()?;
            let unit = match escaped {
                b'u' => {
                    let mut hex = [0u8; 4];
                    for h in &mut hex {
                        *h = self.need()?;
                    }
                    std::str::from_utf8(&hex)
                        .ok()
                        .and_then(|h| u16::from_str_radix(h, 16).ok())
                        .ok_or_else(|| self.syntax("a bad \\u escape"))?
                }
                _ => {
                    let c = match escaped {
                        b'"' | b'\\' | b'/' => escaped,
                        b'b' => 8,
                        b'f' => 12,
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        _ => return Err(self.syntax("a bad escape")),
                    };
                    if high.take().is_some() {
                        text.lone(max);
                    }
                    text.push(&[c], max);
                    continue;
                }
            };
            match (high.take(), unit) {
                (Some(h), 0xDC00..=0xDFFF) => {
                    let c = 0x10000 + ((u32::from(h) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                    text.push_char(char::from_u32(c).unwrap_or('\u{FFFD}'), max);
                }
                (earlier, 0xD800..=0xDBFF) => {
                    if earlier.is_some() {
                        text.lone(max);
                    }
                    high = Some(unit);
                }
                (earlier, _) => {
                    if earlier.is_some() {
                        text.lone(max);
                    }
                    match char::from_u32(u32::from(unit)) {
                        Some(c) => text.push_char(c, max),
                        None => text.lone(max),
                    }
                }
            }
        }
    }
}

/// What a long line kept: its members as one JSON object, and the problems of cutting it.
struct Kept {
    object: Vec<u8>,
    problems: Vec<Problem>,
}

/// Reads a line too long to hold whole: `head`, its first bytes, then the rest from `reader`,
/// up to the line's end, which is consumed whatever happens. An `Err` is a read error: the
/// stream cannot go on.
pub fn parse_long_line(
    record: &Record<'_>,
    head: Vec<u8>,
    reader: &mut dyn BufRead,
    max_bytes: usize,
    reserved: &[&str],
) -> io::Result<Input> {
    let mut stream = Stream {
        reader,
        chunk: head,
        at: 0,
        ended: false,
        before: 0,
    };
    let kept = match members(&mut stream, max_bytes) {
        Ok(kept) => match stream.finish()? {
            true => kept,
            false => {
                let why = "more after the object".to_owned();
                return Ok(malformed(record, &why));
            }
        },
        Err(Fail::Io(e)) => return Err(e),
        Err(Fail::Syntax(why)) => {
            stream.finish()?;
            return Ok(malformed(record, &why));
        }
    };
    Ok(
        match parse_line(record, &kept.object, max_bytes, reserved) {
            Input::Document(doc, mut problems) => {
                problems.extend(kept.problems);
                Input::Document(doc, problems)
            }
            unreadable => unreadable,
        },
    )
}

fn malformed(record: &Record<'_>, why: &str) -> Input {
    Input::Unreadable(newsclaims_pipeline::Unreadable {
        id: record.fallback_id.clone(),
        kind: newsclaims_text::ErrorKind::MalformedJson,
        message: format!(
            "line {} of {} is not a JSON object: {why}",
            record.line, record.name
        ),
        line: Some(record.line),
    })
}

/// The members of the object the stream holds, kept within their limits.
fn members(stream: &mut Stream<'_>, max: usize) -> Result<Kept, Fail> {
    // A byte-order mark at the line's start (concatenated files saved by Windows tools).
    if stream.peek()? == Some(BOM[0]) {
        for &b in BOM {
            if stream.next()? != Some(b) {
                return Err(stream.syntax("a broken byte-order mark"));
            }
        }
    }
    stream.expect(b'{')?;
    let mut object = vec![b'{'];
    let mut problems = Vec::new();
    let mut others = 0;
    if stream.skip_space()? == Some(b'}') {
        stream.at += 1;
        object.push(b'}');
        return Ok(Kept { object, problems });
    }
    loop {
        if stream.skip_space()? != Some(b'"') {
            return Err(stream.syntax("expected a member's name"));
        }
        let mut key = Vec::new();
        stream.value(&mut key, OTHER_FIELDS_BYTES)?;
        let name: String = serde_json::from_str(&String::from_utf8_lossy(&key))
            .map_err(|_| stream.syntax("a bad member name"))?;
        stream.expect(b':')?;
        if name == "text" && stream.skip_space()? == Some(b'"') {
            stream.at += 1;
            let text = stream.text(max)?;
            object.extend_from_slice(&key);
            object.push(b':');
            let value = cut_text(text, max, &mut problems);
            object.extend(serde_json::to_vec(&value).expect("a string serializes"));
            object.push(b',');
        } else {
            let budget = if name == "id" {
                OTHER_FIELDS_BYTES
            } else {
                OTHER_FIELDS_BYTES.saturating_sub(others)
            };
            let mut value = Vec::new();
            if stream.value(&mut value, budget)? {
                if name != "id" {
                    others += key.len() + value.len();
                }
                object.extend_from_slice(&key);
                object.push(b':');
                object.extend_from_slice(&value);
                object.push(b',');
            } else {
                problems.push(Problem {
                    kind: ProblemKind::Truncated,
                    message: format!(
                        "the input field `{name}` of this very long line is left out: the \
                         fields other than `text` may hold {OTHER_FIELDS_BYTES} bytes"
                    ),
                    span: None,
                });
            }
        }
        match stream.skip_space()? {
            Some(b',') => stream.at += 1,
            Some(b'}') => {
                stream.at += 1;
                break;
            }
            _ => return Err(stream.syntax("expected `,` or `}`")),
        }
    }
    if object.last() == Some(&b',') {
        object.pop();
    }
    object.push(b'}');
    Ok(Kept { object, problems })
}

/// The text kept of a long line, cut at `max` bytes on a character boundary, with the
/// problems of reading it (cut, invalid UTF-8 repaired, lone surrogates replaced).
fn cut_text(text: Text, max: usize, problems: &mut Vec<Problem>) -> String {
    let Text {
        mut bytes,
        total,
        lone_surrogates,
    } = text;
    if bytes.len() > max {
        bytes.truncate(max);
        // Drop a last character the limit split, so the cut adds no invalid UTF-8.
        let keep = match std::str::from_utf8(&bytes) {
            Ok(_) => bytes.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => bytes.len(),
        };
        bytes.truncate(keep);
    }
    let mut value = decode_lossy(bytes, problems);
    let mut end = value.len().min(max);
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    value.truncate(end);
    if lone_surrogates > 0 {
        problems.push(Problem {
            kind: ProblemKind::LoneSurrogate,
            message: format!(
                "{lone_surrogates} unpaired UTF-16 surrogate escape{} replaced by U+FFFD",
                if lone_surrogates == 1 { "" } else { "s" }
            ),
            span: None,
        });
    }
    if total > max {
        problems.push(truncated(max));
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Record<'static> {
        Record {
            name: "t",
            line: 1,
            fallback_id: "t:1".to_owned(),
        }
    }

    /// What a record says, without messages (which name the line differently).
    fn summary(input: &Input) -> String {
        match input {
            Input::Document(doc, problems) => {
                let kinds: Vec<&str> = problems.iter().map(|p| p.kind.as_str()).collect();
                format!("{:?} {:?} {:?} {kinds:?}", doc.id, doc.text, doc.fields)
            }
            Input::Unreadable(u) => format!("{} {}", u.id, u.kind.as_str()),
        }
    }

    /// Read as a stream from its first byte, a line gives the record it gives read whole.
    #[test]
    fn a_streamed_line_reads_as_a_whole_one() {
        let lines: [&[u8]; 12] = [
            br#"{"id":"a","text":"He said so."}"#,
            br#" { "title" : "T\"x" , "text" : "caf\u00e9 \ud83d\ude00 \n\t\\ \/" , "id" : 7 } "#,
            br#"{"text":"lone \ud83d here \udc00","id":"s","meta":{"a":[1,"]}"]}}"#,
            b"\xEF\xBB\xBF{\"id\":\"bom\",\"text\":\"x\",\"n\":-1.50e3,\"b\":true,\"z\":null}",
            b"{\"id\":\"latin\",\"text\":\"caf\xe9\"}",
            br#"{"id":"long","text":"0123456789abcdefghijklmnopqrstuvwxyz"}"#,
            r#"{"id":"cut-emoji","text":"0123456789😀😀😀😀😀😀😀😀😀"}"#.as_bytes(),
            br#"{"id":"dup","text":"a","text":"b","x":1,"x":2}"#,
            br#"{"id":"num-text","text":42}"#,
            br#"{"text":"no id"}"#,
            br#"{"id":"claims","text":"x","claims":[]}"#,
            br#"{}"#,
        ];
        for line in lines {
            let whole = parse_line(&record(), line, 16, &["claims"]);
            let mut reader = io::Cursor::new(line);
            let streamed = parse_long_line(&record(), Vec::new(), &mut reader, 16, &["claims"])
                .expect("memory");
            assert_eq!(
                summary(&streamed),
                summary(&whole),
                "{}",
                line.escape_ascii()
            );
        }
    }

    /// A line the stream cannot read is an error record, and the line is consumed to its end.
    #[test]
    fn a_broken_line_is_consumed_to_its_end() {
        for line in [
            &b"[1,2]\nnext"[..],
            b"{\"id\":\"a\",\"text\":\"x\"} tail\nnext",
            b"{\"id\":\"a\" \"text\":\"x\"}\nnext",
            b"{\"id\":\"a\",\"text\":\"x\\q\"}\nnext",
            b"{\"id\":\"a\",\"text\":\"never closed\nnext",
        ] {
            let mut reader = io::Cursor::new(line);
            let input = parse_long_line(&record(), Vec::new(), &mut reader, 16, &[]).unwrap();
            assert_eq!(
                summary(&input),
                "t:1 malformed-json",
                "{}",
                line.escape_ascii()
            );
            let mut rest = String::new();
            io::Read::read_to_string(&mut reader, &mut rest).unwrap();
            assert_eq!(rest, "next");
        }
    }
}
