//! The output contract (`newsclaims/1`, JSON with code-point offsets) and the human views.
//!
//! This is the only crate that knows serde and the JSON contract. It converts byte spans to
//! Unicode code-point offsets here and nowhere else. Output is deterministic: fields in a fixed
//! order, floats rounded to three decimals.
//!
//! Writing one document's analysis as the JSON record and as CSV rows:
//!
//! ```
//! use newsclaims_format::Analysis;
//! use newsclaims_text::Document;
//! let document = Document::new("d1", "“We will prevail,” Zelensky said.");
//! let text = document.text.as_str();
//! let tokens = newsclaims_tokenize::tokenize(text);
//! let entities = newsclaims_entities::recognize(text, &tokens);
//! let claims = newsclaims_claims::extract(text, &tokens, &entities);
//! let analysis = Analysis { document, tokens, entities, claims, problems: Vec::new() };
//!
//! let record = newsclaims_format::to_json(&analysis);
//! assert_eq!(record["schema"], "newsclaims/1");
//! assert_eq!(record["claims"][0]["text"], "We will prevail,");
//! assert_eq!(record["claims"][0]["start"], 1); // code points: the “ is one
//!
//! let mut csv = Vec::new();
//! newsclaims_format::write_csv_header(&mut csv);
//! newsclaims_format::write_csv(&mut csv, &analysis);
//! let csv = String::from_utf8(csv).unwrap();
//! assert!(csv.lines().nth(1).unwrap().starts_with("d1,0,direct,"));
//! ```

mod brat;
mod csv;
mod html;
mod json;
mod schema;
mod text_view;

use newsclaims_claims::Claim;
use newsclaims_entities::Entities;
use newsclaims_text::{Document, Span};
use newsclaims_tokenize::Tokens;

pub use brat::{BRAT_ANNOTATION_CONF, BRAT_VISUAL_CONF, brat_ann, brat_file_stem};
pub use csv::{CSV_COLUMNS, write_csv, write_csv_header};
pub use html::{write_html, write_html_footer, write_html_header, write_html_unreadable};
pub use json::{RESERVED_FIELDS, to_json, write_error_record, write_json};
pub use schema::json_schema;
pub use text_view::write_text;

/// The schema name written in every record.
pub const SCHEMA: &str = "newsclaims/1";

/// A problem met while reading or analysing one document; the document is still processed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// A short machine-readable kind: `invalid-utf8`, `control-characters`, `truncated`, ...
    pub kind: &'static str,
    pub message: String,
    pub span: Option<Span>,
}

/// Everything the pipeline found in one document.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub document: Document,
    pub tokens: Tokens,
    pub entities: Entities,
    pub claims: Vec<Claim>,
    pub problems: Vec<Problem>,
}

/// A document that could not be read at all: it still yields one output record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub id: String,
    /// `malformed-json`, `missing-field`, `unreadable-file`, ...
    pub kind: &'static str,
    pub message: String,
    /// The 1-based input line, for JSON Lines input.
    pub line: Option<u64>,
}
