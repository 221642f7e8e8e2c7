//! The CSV read back by the csv crate's reader: one row per claim (or mention) with the carried
//! columns, formula cells defused, fragments joined, and the other carried fields in input order.

use newsclaims_pipeline::{Analysis, Document, analyze};
use newsclaims_text::CharIndex;

use super::{CSV_COLUMNS, CSV_ENTITY_COLUMNS, defuse};
use crate::Format;

/// A document with carried fields (one a formula, one nested) and an interrupted quote.
fn document() -> Analysis {
    let mut document = Document::new(
        "-d1",
        "“We will hold the line,” Mayor Ana Ruiz said in a statement on Friday. “The city \
         will not close the clinic.”\n\n=SUM(A1) was written on the wall, police said.",
    );
    document.fields = [
        ("url", "\"https://example.org/a\""),
        ("zeta", "{\"b\": 1, \"a\": [2]}"),
        ("title", "\"=HYPERLINK(\\\"x\\\")\""),
        ("date", "\"2026-11-29\""),
        ("alpha", "7"),
    ]
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .to_vec();
    analyze(&document)
}

/// Writes `analyses` in `format` and reads the rows back, header first.
fn read_back(format: Format, analyses: &[Analysis]) -> Vec<Vec<String>> {
    let writer = crate::writer(format);
    let mut out = Vec::new();
    writer.begin(&mut out);
    for (n, analysis) in analyses.iter().enumerate() {
        writer.record(&mut out, n, analysis);
    }
    writer.end(&mut out, analyses.len());
    let body = out
        .strip_prefix("\u{feff}".as_bytes())
        .expect("a byte-order mark first");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The value of column `name` in `row`.
fn cell<'a>(columns: &[&str], row: &'a [String], name: &str) -> &'a str {
    &row[columns.iter().position(|c| *c == name).unwrap()]
}

#[test]
fn claims_round_trip() {
    let analysis = document();
    let text = analysis.document.text.as_str();
    let index = CharIndex::new(text);
    let rows = read_back(Format::Csv, std::slice::from_ref(&analysis));
    assert_eq!(rows[0], CSV_COLUMNS);
    assert_eq!(rows.len(), 1 + analysis.claims.len());
    assert!(
        analysis.claims.iter().any(|c| !c.fragments.is_empty()),
        "the test document has an interrupted quote"
    );
    for (row, (id, claim)) in rows[1..].iter().zip(analysis.claims.iter().enumerate()) {
        let get = |name| cell(&CSV_COLUMNS, row, name);
        assert_eq!(row.len(), CSV_COLUMNS.len());
        assert_eq!(get("document"), "'-d1");
        assert_eq!(get("title"), "'=HYPERLINK(\"x\")");
        assert_eq!(get("url"), "https://example.org/a");
        assert_eq!(get("date"), "2026-11-29");
        assert_eq!(get("fields"), r#"{"zeta":{"b": 1, "a": [2]},"alpha":7}"#);
        assert_eq!(get("claim"), id.to_string());
        assert_eq!(get("kind"), claim.kind.as_str());
        assert_eq!(get("type"), claim.claim_type.as_str());
        let content = if claim.fragments.is_empty() {
            text[claim.span].to_owned()
        } else {
            let pieces: Vec<&str> = claim.fragments.iter().map(|&f| &text[f]).collect();
            pieces.join(" … ")
        };
        assert_eq!(get("text"), defuse(&content));
        assert_eq!(get("cue"), claim.cue.map_or("", |c| &text[c]));
        assert_eq!(get("speaker"), claim.speaker.map_or("", |s| &text[s.name]));
        assert_eq!(
            get("start"),
            index.char_offset(claim.span.start()).to_string()
        );
        assert_eq!(get("end"), index.char_offset(claim.span.end()).to_string());
        let cw: f32 = get("checkworthiness").parse().unwrap();
        assert!((cw - claim.checkworthiness).abs() < 1e-3);
    }
}

#[test]
fn entities_round_trip() {
    let analysis = document();
    let text = analysis.document.text.as_str();
    let rows = read_back(Format::CsvEntities, &[analysis.clone(), analysis.clone()]);
    assert_eq!(rows[0], CSV_ENTITY_COLUMNS);
    let mentions = &analysis.entities.mentions;
    assert!(!mentions.is_empty());
    assert_eq!(rows.len(), 1 + 2 * mentions.len());
    for (row, mention) in rows[1..].iter().zip(mentions.iter().chain(mentions)) {
        let get = |name| cell(&CSV_ENTITY_COLUMNS, row, name);
        assert_eq!(get("label"), mention.label.as_str());
        assert_eq!(get("text"), &text[mention.span]);
        assert_eq!(get("cluster"), mention.cluster.to_string());
        assert_eq!(get("url"), "https://example.org/a");
    }
}

#[test]
fn formulas_are_defused() {
    for (cell, expect) in [
        ("=1+1", "'=1+1"),
        ("+44 20", "'+44 20"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        ("", ""),
    ] {
        assert_eq!(defuse(cell), expect);
    }
}

#[test]
fn unreadable_documents_and_empty_runs_give_only_the_header() {
    let writer = crate::writer(Format::Csv);
    let mut out = Vec::new();
    writer.begin(&mut out);
    writer.unreadable(
        &mut out,
        0,
        &newsclaims_pipeline::Unreadable {
            id: "x".into(),
            kind: newsclaims_pipeline::ErrorKind::MalformedJson,
            message: "no".into(),
            line: Some(1),
        },
    );
    writer.end(&mut out, 1);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        format!("\u{feff}{}\r\n", CSV_COLUMNS.join(","))
    );
}
