//! The output contract (`newsclaims/1`, JSON with code-point offsets) and the human views: one
//! [`Writer`] per output format, which owns every byte of that format (the JSON array's framing,
//! the CSV header, the HTML page around the documents, the text view of unreadable documents).
//!
//! This is the only crate that knows serde and the JSON contract. It converts byte spans to
//! Unicode code-point offsets here and nowhere else. Output is deterministic: fields in a fixed
//! order, carried input fields in input order, floats rounded to three decimals.
//!
//! A writer is called [`Writer::begin`] once, then [`Writer::record`] or [`Writer::unreadable`]
//! once per document with its 0-based place `n` in the output, then [`Writer::place`] with what
//! that rendered, in input order, then [`Writer::end`]. Records may be rendered on several
//! threads at once and in any order: what a record's rendering looks like depends only on the
//! document and `n`; `place`, on the caller's thread, may depend on the documents before it
//! (the CSV's carried columns).
//!
//! Writing one document's analysis as the JSON record and as CSV rows:
//!
//! ```
//! use newsclaims_format::{Format, Writer};
//! use newsclaims_pipeline::{Document, analyze};
//! let analysis = analyze(&Document::new("d1", "“We will prevail,” Zelensky said."));
//!
//! let record = newsclaims_format::to_json(&analysis);
//! assert_eq!(record["schema"], "newsclaims/1");
//! assert_eq!(record["claims"][0]["text"], "We will prevail,");
//! assert_eq!(record["claims"][0]["start"], 1); // code points: the “ is one
//!
//! let writer = newsclaims_format::writer(Format::Csv);
//! let mut csv = Vec::new();
//! writer.begin(&mut csv);
//! let mut rendered = Vec::new();
//! writer.record(&mut rendered, 0, &analysis);
//! csv.extend_from_slice(&writer.place(0, &rendered));
//! writer.end(&mut csv, 1);
//! let csv = String::from_utf8(csv).unwrap();
//! assert!(csv.lines().nth(1).unwrap().starts_with("d1,,,,0,direct,"));
//! ```

mod brat;
mod csv;
mod html;
mod json;
mod schema;
mod tape;
mod text_view;

// The records this crate writes are the pipeline's; `crate::Analysis` names them here.
use newsclaims_pipeline::{Analysis, Unreadable};

pub use brat::{BRAT_ANNOTATION_CONF, BRAT_VISUAL_CONF, brat_ann, brat_file_stem};
pub use csv::{
    CSV_COLUMNS, CSV_ENTITY_COLUMNS, Csv, HEADER_WINDOW, MAX_CARRIED_COLUMNS, OTHER_FIELDS,
};
pub use html::Html;
pub use json::{Json, JsonLines, RESERVED_FIELDS, to_json, write_error_record, write_json};
pub use schema::json_schema;
pub use tape::{Item, Tape};
pub use text_view::Text;

/// The schema name written in every record.
pub const SCHEMA: &str = "newsclaims/1";

/// The formats a [`Writer`] streams. brat is not one of them: it is a folder of two files per
/// document ([`brat_ann`], [`brat_file_stem`], [`BRAT_ANNOTATION_CONF`]), not a stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The contract, pretty, as one JSON array of records.
    Json,
    /// The contract, one compact record per line.
    JsonLines,
    /// A view for the terminal.
    Text,
    /// One row per claim.
    Csv,
    /// One row per entity mention.
    CsvEntities,
    /// One self-contained page.
    Html,
}

/// One output format: everything it writes, in the order described in the crate documentation.
pub trait Writer: Send + Sync {
    /// What the output starts with, before any record.
    fn begin(&self, _out: &mut Vec<u8>) {}
    /// The record of an analysed document, the `n`-th of the output (0-based).
    fn record(&self, out: &mut Vec<u8>, n: usize, analysis: &Analysis);
    /// The record of a document that could not be read, the `n`-th of the output.
    fn unreadable(&self, out: &mut Vec<u8>, n: usize, unreadable: &Unreadable);
    /// The output's bytes for what [`Writer::record`] or [`Writer::unreadable`] rendered of the
    /// `n`-th document, called once per document on one thread, in input order. Most formats
    /// write their records as rendered; the CSV writers lay out their carried columns here,
    /// which depend on the documents before (and hold the first few until the header is known).
    fn place<'a>(&self, _n: usize, rendered: &'a [u8]) -> std::borrow::Cow<'a, [u8]> {
        rendered.into()
    }
    /// What the output ends with, after the `records` records.
    fn end(&self, _out: &mut Vec<u8>, _records: usize) {}
}

/// The writer of `format`.
pub fn writer(format: Format) -> Box<dyn Writer> {
    match format {
        Format::Json => Box::new(Json),
        Format::JsonLines => Box::new(JsonLines),
        Format::Text => Box::new(Text),
        Format::Csv => Box::new(Csv::claims()),
        Format::CsvEntities => Box::new(Csv::entities()),
        Format::Html => Box::new(Html::default()),
    }
}

/// A claim's content as the human views show it: its text, or for a quote interrupted by its
/// attribution frame (`“A,” he said. “B.”`) its fragments joined by ` … `.
pub(crate) fn claim_content(text: &str, claim: &newsclaims_claims::Claim) -> String {
    if claim.fragments.is_empty() {
        return text[claim.span].to_owned();
    }
    let pieces: Vec<&str> = claim.fragments.iter().map(|&f| &text[f]).collect();
    pieces.join(" … ")
}

/// A carried input field's value as a person reads it: a JSON string unquoted, anything else as
/// its JSON text.
pub(crate) fn field_text(raw: &str) -> std::borrow::Cow<'_, str> {
    match serde_json::from_str::<String>(raw) {
        Ok(s) => s.into(),
        Err(_) => raw.into(),
    }
}

/// The value of the carried input field `name`, as [`field_text`] gives it.
pub(crate) fn carried<'a>(analysis: &'a Analysis, name: &str) -> Option<std::borrow::Cow<'a, str>> {
    analysis
        .document
        .fields
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, raw)| field_text(raw))
}
