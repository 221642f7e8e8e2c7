//! The CSV read back by the csv crate's reader: one row per claim (or mention) with the carried
//! columns, formula cells defused, fragments joined, a column per carried field in first-seen
//! order, and the fields first seen after the header in `other_fields`.

use newsclaims_pipeline::{Analysis, Document, analyze};
use newsclaims_text::CharIndex;

use super::{CSV_COLUMNS, CSV_ENTITY_COLUMNS, HEADER_WINDOW, OTHER_FIELDS, defuse};
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
        let mut rendered = Vec::new();
        writer.record(&mut rendered, n, analysis);
        out.extend_from_slice(&writer.place(n, &rendered));
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
fn cell<'a, S: AsRef<str>>(columns: &[S], row: &'a [String], name: &str) -> &'a str {
    &row[columns.iter().position(|c| c.as_ref() == name).unwrap()]
}

/// The header: the fixed columns, then the carried ones, then `other_fields`.
fn header(fixed: &[&str], carried: &[&str]) -> Vec<String> {
    let all = fixed.iter().chain(carried).chain([&OTHER_FIELDS]);
    all.map(|c| (*c).to_owned()).collect()
}

#[test]
fn claims_round_trip() {
    let analysis = document();
    let text = analysis.document.text.as_str();
    let index = CharIndex::new(text);
    let rows = read_back(Format::Csv, std::slice::from_ref(&analysis));
    let columns = header(&CSV_COLUMNS, &["zeta", "alpha"]);
    assert_eq!(rows[0], columns);
    assert_eq!(rows.len(), 1 + analysis.claims.len());
    assert!(
        analysis.claims.iter().any(|c| !c.fragments.is_empty()),
        "the test document has an interrupted quote"
    );
    for (row, (id, claim)) in rows[1..].iter().zip(analysis.claims.iter().enumerate()) {
        let get = |name| cell(&columns, row, name);
        assert_eq!(row.len(), columns.len());
        assert_eq!(get("document"), "'-d1");
        assert_eq!(get("title"), "'=HYPERLINK(\"x\")");
        assert_eq!(get("url"), "https://example.org/a");
        assert_eq!(get("date"), "2026-11-29");
        assert_eq!(get("zeta"), r#"{"b": 1, "a": [2]}"#);
        assert_eq!(get("alpha"), "7");
        assert_eq!(get(OTHER_FIELDS), "");
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
    let columns = header(&CSV_ENTITY_COLUMNS, &["zeta", "alpha"]);
    assert_eq!(rows[0], columns);
    let mentions = &analysis.entities.mentions;
    assert!(!mentions.is_empty());
    assert_eq!(rows.len(), 1 + 2 * mentions.len());
    for (row, mention) in rows[1..].iter().zip(mentions.iter().chain(mentions)) {
        let get = |name| cell(&columns, row, name);
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
    let mut rendered = Vec::new();
    writer.unreadable(
        &mut rendered,
        0,
        &newsclaims_pipeline::Unreadable {
            id: "x".into(),
            kind: newsclaims_pipeline::ErrorKind::MalformedJson,
            message: "no".into(),
            line: Some(1),
        },
    );
    out.extend_from_slice(&writer.place(0, &rendered));
    writer.end(&mut out, 1);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        format!("\u{feff}{},{OTHER_FIELDS}\r\n", CSV_COLUMNS.join(","))
    );
}

/// The header names the carried fields of the first documents in the order first seen; a field
/// first seen after the header is written goes into `other_fields`; a field named like one of
/// the CSV's own columns is headed `input_NAME`; every row has every column.
#[test]
fn carried_columns_in_first_seen_order() {
    let with = |fields: &[(&str, &str)]| {
        let mut document = Document::new("d", "“We will hold the line,” Ana Ruiz said.");
        document.fields = fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        analyze(&document)
    };
    let mut analyses = vec![
        with(&[("b", "1"), ("title", "\"T\"")]),
        with(&[("a", "\"=x\""), ("b", "2"), ("kind", "\"k\"")]),
    ];
    analyses.extend((2..HEADER_WINDOW).map(|_| with(&[])));
    analyses.push(with(&[
        ("late", "[1, \"2\"]"),
        ("a", "\"y\""),
        ("later", "null"),
    ]));
    let rows = read_back(Format::Csv, &analyses);
    let columns = header(&CSV_COLUMNS, &["b", "a", "input_kind"]);
    assert_eq!(rows[0], columns);
    assert!(rows.iter().all(|row| row.len() == columns.len()));
    let get = |row: &[String], name| cell(&columns, row, name).to_owned();
    let first = &rows[1];
    assert_eq!(
        [get(first, "b"), get(first, "a"), get(first, "title")],
        ["1", "", "T"]
    );
    let second = &rows[2];
    assert_eq!(
        [
            get(second, "b"),
            get(second, "a"),
            get(second, "input_kind")
        ],
        ["2", "'=x", "k"]
    );
    let last = rows.last().unwrap();
    assert_eq!(get(last, "a"), "y");
    assert_eq!(get(last, OTHER_FIELDS), r#"{"late":[1, "2"],"later":null}"#);
}
