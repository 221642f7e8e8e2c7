//! Claims as CSV: one row per claim, for spreadsheets.
//!
//! RFC 4180: comma-separated, CRLF line ends, a field is quoted when it holds a comma, a quote,
//! CR or LF, and quotes inside are doubled. The file starts with a UTF-8 byte-order mark because
//! the spreadsheet that most newsrooms use reads a CSV without one as Windows-1252, which garbles
//! the curly quotes every news article is full of; readers meant for programs skip it (Python's
//! `utf-8-sig`, pandas) and programs that want data should read JSON Lines anyway.
//!
//! Fields are the article's words exactly (claim text may hold line breaks), so offsets still point
//! at them; nothing is prefixed to defuse cells that a spreadsheet would read as a formula.
//! Offsets are code points, as in the JSON. Documents with no claims, and unreadable documents,
//! give no rows.

use newsclaims_text::CharIndex;

use crate::Analysis;

/// The header row's column names, in order.
pub const CSV_COLUMNS: [&str; 12] = [
    "document",
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

/// Appends the byte-order mark and the header row: once per output, before any
/// [`write_csv`].
pub fn write_csv_header(out: &mut Vec<u8>) {
    out.extend_from_slice("\u{feff}".as_bytes());
    let mut line = String::new();
    for (k, name) in CSV_COLUMNS.iter().enumerate() {
        if k > 0 {
            line.push(',');
        }
        line.push_str(name);
    }
    line.push_str("\r\n");
    out.extend_from_slice(line.as_bytes());
}

/// Appends one row per claim of `analysis`.
pub fn write_csv(out: &mut Vec<u8>, analysis: &Analysis) {
    let text = analysis.document.text.as_str();
    let index = CharIndex::new(text);
    let mut line = String::new();
    for (id, claim) in analysis.claims.iter().enumerate() {
        line.clear();
        let checkworthiness = crate::json::round3(claim.checkworthiness);
        let fields: [&str; 12] = [
            &analysis.document.id,
            &id.to_string(),
            claim.kind.as_str(),
            claim.claim_type.as_str(),
            claim.speaker.map_or("", |s| &text[s.name]),
            claim.speaker.map_or("", |s| &text[s.span]),
            claim.cue.map_or("", |c| &text[c]),
            &text[claim.span],
            &checkworthiness.to_string(),
            &index.char_offset(claim.span.start()).to_string(),
            &index.char_offset(claim.span.end()).to_string(),
            claim.source.map_or("", |s| &text[s]),
        ];
        for (k, field) in fields.iter().enumerate() {
            if k > 0 {
                line.push(',');
            }
            push_field(&mut line, field);
        }
        line.push_str("\r\n");
        out.extend_from_slice(line.as_bytes());
    }
}

/// The header row of `--format csv-entities`, in order.
pub const CSV_ENTITY_COLUMNS: [&str; 8] = [
    "document", "entity", "label", "text", "start", "end", "cluster", "name",
];

/// Appends the byte-order mark and the header row of the entity table.
pub fn write_csv_entities_header(out: &mut Vec<u8>) {
    out.extend_from_slice("\u{feff}".as_bytes());
    out.extend_from_slice(CSV_ENTITY_COLUMNS.join(",").as_bytes());
    out.extend_from_slice(b"\r\n");
}

/// Appends one row per entity mention of `analysis`.
pub fn write_csv_entities(out: &mut Vec<u8>, analysis: &Analysis) {
    let text = analysis.document.text.as_str();
    let index = CharIndex::new(text);
    let entities = &analysis.entities;
    let mut line = String::new();
    for (id, mention) in entities.mentions.iter().enumerate() {
        line.clear();
        let fields: [&str; 8] = [
            &analysis.document.id,
            &id.to_string(),
            mention.label.as_str(),
            &text[mention.span],
            &index.char_offset(mention.span.start()).to_string(),
            &index.char_offset(mention.span.end()).to_string(),
            &mention.cluster.to_string(),
            &text[entities.clusters[mention.cluster].name],
        ];
        for (k, field) in fields.iter().enumerate() {
            if k > 0 {
                line.push(',');
            }
            push_field(&mut line, field);
        }
        line.push_str("\r\n");
        out.extend_from_slice(line.as_bytes());
    }
}

/// Appends `field`, quoted when RFC 4180 requires it.
fn push_field(line: &mut String, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        line.push('"');
        for c in field.chars() {
            if c == '"' {
                line.push('"');
            }
            line.push(c);
        }
        line.push('"');
    } else {
        line.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::push_field;

    fn check(field: &str, expect: &str) {
        let mut line = String::new();
        push_field(&mut line, field);
        assert_eq!(line, expect);
    }

    #[test]
    fn quoting() {
        check("plain", "plain");
        check("a, b", "\"a, b\"");
        check("say \"no\"", "\"say \"\"no\"\"\"");
        check("two\nlines", "\"two\nlines\"");
        check("“curly”", "“curly”");
        check("", "");
    }
}
