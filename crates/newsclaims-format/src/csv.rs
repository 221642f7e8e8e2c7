//! `--format csv` (one row per claim) and `--format csv-entities` (one row per entity mention),
//! for spreadsheets, written by the csv crate.
//!
//! RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote, CR
//! or LF, quotes inside doubled. The output starts with a UTF-8 byte-order mark because the
//! spreadsheet that most newsrooms use reads a CSV without one as Windows-1252, which garbles
//! the curly quotes every news article is full of; readers meant for programs skip it (Python's
//! `utf-8-sig`, pandas), and programs that want data should read JSON Lines anyway.
//!
//! Each row carries its document's `title`, `url` and `date` input fields (a JSON string
//! unquoted, any other value as its JSON text), so a row can be traced to its article, and the
//! other carried fields, in input order, as one JSON object in the last column (`fields`): the
//! header is written before any document is read, so it cannot grow a column per field.
//! A claim interrupted by its attribution frame shows its fragments joined by ` … `; `start` and
//! `end` still cover the whole claim. Offsets are code points, as in the JSON.
//!
//! A cell that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab
//! or a CR) is defused with a leading `'`, as OWASP recommends: article text is not trusted.
//! Numbers never start so and are written as they are. Documents with no claims (or no
//! entities) and unreadable documents give no rows.

use std::borrow::Cow;

use newsclaims_text::CharIndex;

use crate::{Analysis, Unreadable, Writer};

/// The carried input fields that get columns of their own, after `document`.
const CARRIED_COLUMNS: [&str; 3] = ["title", "url", "date"];

/// The header row of `--format csv`, in order.
pub const CSV_COLUMNS: [&str; 16] = [
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
    "fields",
];

/// The header row of `--format csv-entities`, in order.
pub const CSV_ENTITY_COLUMNS: [&str; 12] = [
    "document", "title", "url", "date", "entity", "label", "text", "start", "end", "cluster",
    "name", "fields",
];

/// One row per claim.
pub struct Csv;

/// One row per entity mention.
pub struct CsvEntities;

impl Writer for Csv {
    fn begin(&self, out: &mut Vec<u8>) {
        write_header(out, &CSV_COLUMNS);
    }

    fn record(&self, out: &mut Vec<u8>, _n: usize, analysis: &Analysis) {
        let text = analysis.document.text.as_str();
        let index = CharIndex::new(text);
        let document = DocumentCells::new(analysis);
        let mut rows = rows(out);
        for (id, claim) in analysis.claims.iter().enumerate() {
            let content = crate::claim_content(text, claim);
            let checkworthiness = crate::json::round3(claim.checkworthiness).to_string();
            let (id, start, end) = (
                id.to_string(),
                index.char_offset(claim.span.start()).to_string(),
                index.char_offset(claim.span.end()).to_string(),
            );
            let row: [&str; 16] = [
                &defuse(&analysis.document.id),
                &document.title,
                &document.url,
                &document.date,
                &id,
                claim.kind.as_str(),
                claim.claim_type.as_str(),
                &defuse(claim.speaker.map_or("", |s| &text[s.name])),
                &defuse(claim.speaker.map_or("", |s| &text[s.span])),
                &defuse(claim.cue.map_or("", |c| &text[c])),
                &defuse(&content),
                &checkworthiness,
                &start,
                &end,
                &defuse(claim.source.map_or("", |s| &text[s])),
                &document.fields,
            ];
            write_row(&mut rows, &row);
        }
        finish(rows);
    }

    /// A row is a claim: an unreadable document has none.
    fn unreadable(&self, _out: &mut Vec<u8>, _n: usize, _unreadable: &Unreadable) {}
}

impl Writer for CsvEntities {
    fn begin(&self, out: &mut Vec<u8>) {
        write_header(out, &CSV_ENTITY_COLUMNS);
    }

    fn record(&self, out: &mut Vec<u8>, _n: usize, analysis: &Analysis) {
        let text = analysis.document.text.as_str();
        let index = CharIndex::new(text);
        let document = DocumentCells::new(analysis);
        let entities = &analysis.entities;
        let mut rows = rows(out);
        for (id, mention) in entities.mentions.iter().enumerate() {
            let (id, start, end, cluster) = (
                id.to_string(),
                index.char_offset(mention.span.start()).to_string(),
                index.char_offset(mention.span.end()).to_string(),
                mention.cluster.to_string(),
            );
            let name = entities
                .clusters
                .get(mention.cluster)
                .map_or("", |c| &text[c.name]);
            let row: [&str; 12] = [
                &defuse(&analysis.document.id),
                &document.title,
                &document.url,
                &document.date,
                &id,
                mention.label.as_str(),
                &defuse(&text[mention.span]),
                &start,
                &end,
                &cluster,
                &defuse(name),
                &document.fields,
            ];
            write_row(&mut rows, &row);
        }
        finish(rows);
    }

    /// A row is a mention: an unreadable document has none.
    fn unreadable(&self, _out: &mut Vec<u8>, _n: usize, _unreadable: &Unreadable) {}
}

/// The cells every row of one document repeats, defused.
struct DocumentCells {
    title: String,
    url: String,
    date: String,
    /// The other carried fields as one JSON object, in input order.
    fields: String,
}

impl DocumentCells {
    fn new(analysis: &Analysis) -> DocumentCells {
        let cell = |name: &str| {
            crate::carried(analysis, name).map_or(String::new(), |v| defuse(&v).into_owned())
        };
        let others: Vec<String> = analysis
            .document
            .fields
            .iter()
            .filter(|(name, _)| {
                !CARRIED_COLUMNS.contains(&name.as_str())
                    && !crate::RESERVED_FIELDS.contains(&name.as_str())
            })
            .map(|(name, raw)| {
                // The name as a JSON string; the value as read (it is JSON text already, or a
                // library caller's plain string, quoted here).
                let name = serde_json::to_string(name).expect("a string serializes");
                match serde_json::from_str::<&serde_json::value::RawValue>(raw) {
                    Ok(value) => format!("{name}:{}", value.get()),
                    Err(_) => format!(
                        "{name}:{}",
                        serde_json::to_string(raw).expect("a string serializes")
                    ),
                }
            })
            .collect();
        let fields = if others.is_empty() {
            String::new()
        } else {
            defuse(&format!("{{{}}}", others.join(","))).into_owned()
        };
        DocumentCells {
            title: cell("title"),
            url: cell("url"),
            date: cell("date"),
            fields,
        }
    }
}

/// The byte-order mark and the header row: once per output.
fn write_header(out: &mut Vec<u8>, columns: &[&str]) {
    out.extend_from_slice("\u{feff}".as_bytes());
    let mut rows = rows(out);
    write_row(&mut rows, columns);
    finish(rows);
}

fn rows(out: &mut Vec<u8>) -> csv::Writer<&mut Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

fn write_row(rows: &mut csv::Writer<&mut Vec<u8>>, row: &[&str]) {
    rows.write_record(row)
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
