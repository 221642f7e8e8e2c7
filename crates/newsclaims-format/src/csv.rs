//! `--format csv` (one row per claim) and `--format csv-entities` (one row per entity mention),
//! for spreadsheets, written by the csv crate.
//!
//! RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote, CR
//! or LF, quotes inside doubled. The output starts with a UTF-8 byte-order mark because the
//! spreadsheet that most newsrooms use reads a CSV without one as Windows-1252, which garbles
//! the curly quotes every news article is full of; readers meant for programs skip it (Python's
//! `utf-8-sig`, pandas), and programs that want data should read JSON Lines anyway.
//!
//! Each row carries its document's `title`, `url` and `date` input fields in columns of their
//! own after `document`, so a row can be traced to its article, and every other carried
//! top-level field in a column of its own after the fixed columns (a JSON string unquoted, any
//! other value as its JSON text). Those columns are the fields of the first
//! [`HEADER_WINDOW`] documents, in the order first seen (at most [`MAX_CARRIED_COLUMNS`]): the
//! header is written once they are placed (or at the end of a shorter input), so a CSV of a
//! trickle on standard input starts after that many documents. A field first seen later, or
//! beyond the cap, goes into the last column, `other_fields`, with the document's other such
//! fields as one JSON object in input order; a field named like a column of the CSV's own is
//! headed `input_NAME`. See [`layout`].
//! A claim interrupted by its attribution frame shows its fragments joined by ` … `; `start` and
//! `end` still cover the whole claim. Offsets are code points, as in the JSON.
//!
//! A cell that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab
//! or a CR) is defused with a leading `'`, as OWASP recommends: article text is not trusted.
//! Numbers never start so and are written as they are. Documents with no claims (or no
//! entities) and unreadable documents give no rows.

mod layout;

use std::borrow::Cow;
use std::sync::Mutex;

use newsclaims_text::CharIndex;

use crate::{Analysis, Unreadable, Writer};
pub use layout::{HEADER_WINDOW, MAX_CARRIED_COLUMNS, OTHER_FIELDS};
use layout::{Layout, encode};

/// The carried input fields that get columns of their own, after `document`.
const CARRIED_COLUMNS: [&str; 3] = ["title", "url", "date"];

/// The fixed columns of `--format csv`, in order; the carried fields' columns and
/// `other_fields` follow.
pub const CSV_COLUMNS: [&str; 15] = [
    "document",
    "title",
    "url",
    "date",
    "claim",
    "kind",
    "type",
    "speaker",
    "speaker_mention",
    "cue",
    "text",
    "checkworthiness",
    "start",
    "end",
    "source",
];

/// The fixed columns of `--format csv-entities`, in order; the carried fields' columns and
/// `other_fields` follow.
pub const CSV_ENTITY_COLUMNS: [&str; 11] = [
    "document", "title", "url", "date", "entity", "label", "text", "start", "end", "cluster",
    "name",
];

/// A CSV writer: one row per claim ([`Csv::claims`]) or per entity mention ([`Csv::entities`]).
pub struct Csv {
    /// The fixed columns, in order.
    columns: &'static [&'static str],
    /// A document's rows of fixed cells.
    rows: fn(&Analysis) -> Vec<Vec<String>>,
    layout: Mutex<Layout>,
}

impl Csv {
    /// `--format csv`: one row per claim, [`CSV_COLUMNS`].
    pub fn claims() -> Csv {
        Csv {
            columns: &CSV_COLUMNS,
            rows: claim_rows,
            layout: Mutex::default(),
        }
    }

    /// `--format csv-entities`: one row per entity mention, [`CSV_ENTITY_COLUMNS`].
    pub fn entities() -> Csv {
        Csv {
            columns: &CSV_ENTITY_COLUMNS,
            rows: mention_rows,
            layout: Mutex::default(),
        }
    }
}

impl Writer for Csv {
    fn begin(&self, out: &mut Vec<u8>) {
        out.extend_from_slice("\u{feff}".as_bytes());
    }

    /// The document's rows, its carried fields still apart: [`Writer::place`] lays them out.
    fn record(&self, out: &mut Vec<u8>, _n: usize, analysis: &Analysis) {
        encode(out, &analysis.document.fields, &(self.rows)(analysis));
    }

    /// A row is a claim or a mention: an unreadable document has none.
    fn unreadable(&self, _out: &mut Vec<u8>, _n: usize, _unreadable: &Unreadable) {}

    fn place<'a>(&self, _n: usize, rendered: &'a [u8]) -> Cow<'a, [u8]> {
        let mut layout = self.layout.lock().unwrap_or_else(|e| e.into_inner());
        layout.place(rendered, self.columns).into()
    }

    fn end(&self, out: &mut Vec<u8>, _records: usize) {
        let mut layout = self.layout.lock().unwrap_or_else(|e| e.into_inner());
        layout.finish(out, self.columns);
    }
}

/// A document's rows of [`CSV_COLUMNS`], one per claim.
fn claim_rows(analysis: &Analysis) -> Vec<Vec<String>> {
    let text = analysis.document.text.as_str();
    let index = CharIndex::new(text);
    let document = DocumentCells::new(analysis);
    let mut rows = Vec::with_capacity(analysis.claims.len());
    for (id, claim) in analysis.claims.iter().enumerate() {
        let content = crate::claim_content(text, claim);
        let mut row = document.row(id);
        row.extend([
            claim.kind.as_str().to_owned(),
            claim.claim_type.as_str().to_owned(),
            defuse(claim.speaker.map_or("", |s| &text[s.name])).into_owned(),
            defuse(claim.speaker.map_or("", |s| &text[s.span])).into_owned(),
            defuse(claim.cue.map_or("", |c| &text[c])).into_owned(),
            defuse(&content).into_owned(),
            crate::json::round3(claim.checkworthiness).to_string(),
            index.char_offset(claim.span.start()).to_string(),
            index.char_offset(claim.span.end()).to_string(),
            defuse(claim.source.map_or("", |s| &text[s])).into_owned(),
        ]);
        rows.push(row);
    }
    rows
}

/// A document's rows of [`CSV_ENTITY_COLUMNS`], one per entity mention.
fn mention_rows(analysis: &Analysis) -> Vec<Vec<String>> {
    let text = analysis.document.text.as_str();
    let index = CharIndex::new(text);
    let document = DocumentCells::new(analysis);
    let entities = &analysis.entities;
    let mut rows = Vec::with_capacity(entities.mentions.len());
    for (id, mention) in entities.mentions.iter().enumerate() {
        let name = entities
            .clusters
            .get(mention.cluster)
            .map_or("", |c| &text[c.name]);
        let mut row = document.row(id);
        row.extend([
            mention.label.as_str().to_owned(),
            defuse(&text[mention.span]).into_owned(),
            index.char_offset(mention.span.start()).to_string(),
            index.char_offset(mention.span.end()).to_string(),
            mention.cluster.to_string(),
            defuse(name).into_owned(),
        ]);
        rows.push(row);
    }
    rows
}

/// The cells every row of one document repeats, defused.
struct DocumentCells {
    id: String,
    title: String,
    url: String,
    date: String,
}

impl DocumentCells {
    /// The first cells of row `n`: `document`, `title`, `url`, `date` and the row's number.
    fn row(&self, n: usize) -> Vec<String> {
        let mut row = Vec::with_capacity(CSV_COLUMNS.len());
        row.extend([
            self.id.clone(),
            self.title.clone(),
            self.url.clone(),
            self.date.clone(),
            n.to_string(),
        ]);
        row
    }

    fn new(analysis: &Analysis) -> DocumentCells {
        let cell = |name: &str| {
            crate::carried(analysis, name).map_or(String::new(), |v| defuse(&v).into_owned())
        };
        DocumentCells {
            id: defuse(&analysis.document.id).into_owned(),
            title: cell("title"),
            url: cell("url"),
            date: cell("date"),
        }
    }
}

fn rows(out: &mut Vec<u8>) -> csv::Writer<&mut Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

fn write_row<S: AsRef<str>>(rows: &mut csv::Writer<&mut Vec<u8>>, row: &[S]) {
    rows.write_record(row.iter().map(AsRef::as_ref))
        .expect("writing CSV to memory cannot fail");
}

fn finish(mut rows: csv::Writer<&mut Vec<u8>>) {
    rows.flush().expect("writing CSV to memory cannot fail");
}

/// `cell`, with a leading `'` when a spreadsheet would read it as a formula.
fn defuse(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

#[cfg(test)]
mod tests;
