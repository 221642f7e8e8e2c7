//! The output contract (`newsclaims/1`, JSON with code-point offsets) and the human views.
//!
//! This is the only crate that knows serde and the JSON contract. It converts byte spans to
//! Unicode code-point offsets here and nowhere else. Output is deterministic: fields in a fixed
//! order, floats rounded to three decimals.
//!
//! Writing one document's analysis as the JSON record and as CSV rows:
//!
//! ```
//! use newsclaims_pipeline::{Document, analyze};
//! let analysis = analyze(&Document::new("d1", "“We will prevail,” Zelensky said."));
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

// The records this crate writes are the pipeline's; `crate::Analysis` names them here.
use newsclaims_pipeline::{Analysis, Unreadable};

pub use brat::{BRAT_ANNOTATION_CONF, BRAT_VISUAL_CONF, brat_ann, brat_file_stem};
pub use csv::{
    CSV_COLUMNS, CSV_ENTITY_COLUMNS, write_csv, write_csv_entities, write_csv_entities_header,
    write_csv_header,
};
pub use html::{write_html, write_html_footer, write_html_header, write_html_unreadable};
pub use json::{RESERVED_FIELDS, to_json, write_error_record, write_json};
pub use schema::json_schema;
pub use text_view::write_text;

/// The schema name written in every record.
pub const SCHEMA: &str = "newsclaims/1";
