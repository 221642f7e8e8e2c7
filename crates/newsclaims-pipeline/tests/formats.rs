//! The output formats over the fixtures (they live here because the format crate cannot run the
//! pipeline): a snapshot of each, the CSV read back by a real CSV reader, the brat output read
//! back by the referee's PolNeAR reader, the HTML well nested and rendered by a real browser, and
//! the JSON validated against the committed contract's schema.
//!
//! The checks that need an outside program (python3, `../shared/eval/convert.py`, chromium) say
//! so on stderr and pass where it is missing.

use std::path::{Path, PathBuf};
use std::process::Command;

use newsclaims_claims::{Claim, ClaimKind, ClaimType, Speaker};
use newsclaims_format::{Format, Writer};
use newsclaims_pipeline::{
    Analysis, Document, ErrorKind, Problem, ProblemKind, Unreadable, analyze,
};
use newsclaims_text::{CharIndex, Span};
use serde_json::Value;

fn analyze_fixture(path: &Path) -> Analysis {
    let text = std::fs::read_to_string(path).unwrap();
    let id = path.file_stem().unwrap().to_string_lossy();
    analyze(&Document::new(id, text))
}

/// The fixtures and one hand-built analysis that has every part a claim can have.
fn analyses() -> Vec<Analysis> {
    let mut all: Vec<Analysis> = super::fixture_documents().iter().map(analyze).collect();
    all.push(everything());
    all
}

/// An analysis with every claim kind, a split quote, a nested claim with its channel, a statement,
/// two claims that overlap partly, a problem with a span and a non-ASCII text: what the fixtures'
/// output may not hold yet.
fn everything() -> Analysis {
    let text = "NATO Secretary-General Jens Stoltenberg said the alliance will stand with Ukraine.\n\n\
                “We stand with you,” Stoltenberg said in Kyiv, “for the long haul, & more.”\n\n\
                A NATO release states that Stoltenberg emphasized that members have provided more \
                than 150 billion euros.\n\nHe told reporters it was a “serious threat.”\n\n\
                Its acceptance doubled Russia’s land border.";
    let mut analysis = analyze(&Document::new("every <part>", text));
    let at = |s: &str, nth: usize| -> Span {
        let start = text
            .match_indices(s)
            .nth(nth)
            .expect("the test text holds it")
            .0;
        Span::new(start, start + s.len())
    };
    let name = at("Jens Stoltenberg", 0);
    let speaker = |span| {
        Some(Speaker {
            span,
            name,
            cluster: None,
        })
    };
    let claim = |kind, span, fragments, cue, speaker, source, cw, claim_type| Claim {
        kind,
        span,
        fragments,
        cue,
        speaker,
        source,
        checkworthiness: cw,
        claim_type,
        entities: Vec::new(),
    };
    let first = at("We stand with you,", 0);
    let second = at("for the long haul, & more.", 0);
    analysis.claims = vec![
        claim(
            ClaimKind::Indirect,
            at("the alliance will stand with Ukraine", 0),
            Vec::new(),
            Some(at("said", 0)),
            speaker(name),
            None,
            0.25,
            ClaimType::Prediction,
        ),
        claim(
            ClaimKind::Direct,
            first.cover(second),
            vec![first, second],
            Some(at("said", 1)),
            speaker(at("Stoltenberg", 1)),
            None,
            0.1,
            ClaimType::Opinion,
        ),
        // Overlaps the next claim partly, to test the HTML's nesting.
        claim(
            ClaimKind::Indirect,
            at("Stoltenberg emphasized that members have provided", 0),
            Vec::new(),
            Some(at("states", 0)),
            None,
            None,
            0.0,
            ClaimType::Other,
        ),
        claim(
            ClaimKind::Indirect,
            at("members have provided more than 150 billion euros", 0),
            Vec::new(),
            Some(at("emphasized", 0)),
            speaker(at("Stoltenberg", 2)),
            Some(at("A NATO release", 0)),
            0.91,
            ClaimType::Quantity,
        ),
        claim(
            ClaimKind::Mixed,
            at("it was a “serious threat.”", 0),
            Vec::new(),
            Some(at("told", 0)),
            Some(Speaker {
                span: at("He", 0),
                name: at("He", 0),
                cluster: None,
            }),
            None,
            0.4,
            ClaimType::Opinion,
        ),
        claim(
            ClaimKind::Statement,
            at("Its acceptance doubled Russia’s land border.", 0),
            Vec::new(),
            None,
            None,
            None,
            0.8,
            ClaimType::Comparison,
        ),
    ];
    analysis.problems.push(Problem {
        kind: ProblemKind::ControlCharacters,
        message: "a made-up problem with a span".into(),
        span: Some(at("Kyiv", 0)),
    });
    analysis
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsclaims-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn has(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The output of `analyses` written in `format`.
fn write(format: Format, analyses: &[Analysis]) -> Vec<u8> {
    let writer = newsclaims_format::writer(format);
    let mut out = Vec::new();
    writer.begin(&mut out);
    for (n, analysis) in analyses.iter().enumerate() {
        writer.record(&mut out, n, analysis);
    }
    writer.end(&mut out, analyses.len());
    out
}

/// A claim's content as the formats cut it: its fragments, or its one span.
fn content(claim: &Claim) -> Vec<Span> {
    if claim.fragments.is_empty() {
        vec![claim.span]
    } else {
        claim.fragments.clone()
    }
}

// ---- CSV ----

#[test]
fn csv() {
    insta::glob!("../../../fixtures", "articles/*.txt", |path| {
        let out = write(Format::Csv, &[analyze_fixture(path)]);
        insta::assert_snapshot!(String::from_utf8(out).unwrap());
    });
}

#[test]
fn csv_parses_back() {
    let analyses = analyses();
    let out = write(Format::Csv, &analyses);
    if !has("python3") {
        eprintln!("csv_parses_back: python3 is missing, so the CSV was not read back");
        return;
    }
    let dir = scratch("csv");
    let file = dir.join("claims.csv");
    std::fs::write(&file, &out).unwrap();
    // Python's csv module, strict, as a spreadsheet-minded reader: `utf-8-sig` drops the BOM.
    let script = "import csv, json, sys\n\
        with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n\
        \x20   print(json.dumps(list(csv.reader(f, strict=True))))";
    let run = Command::new("python3")
        .args(["-c", script])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let rows: Vec<Vec<String>> = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(rows[0], newsclaims_format::CSV_COLUMNS);
    let mut rows = rows[1..].iter();
    for analysis in &analyses {
        let text = analysis.document.text.as_str();
        let index = CharIndex::new(text);
        for (id, claim) in analysis.claims.iter().enumerate() {
            let row = rows.next().expect("one row per claim");
            let field = |name: &str| {
                let k = newsclaims_format::CSV_COLUMNS
                    .iter()
                    .position(|c| *c == name)
                    .unwrap();
                row[k].as_str()
            };
            assert_eq!(row.len(), newsclaims_format::CSV_COLUMNS.len());
            assert_eq!(field("document"), analysis.document.id);
            assert_eq!(field("claim"), id.to_string());
            assert_eq!(field("kind"), claim.kind.as_str());
            assert_eq!(field("type"), claim.claim_type.as_str());
            let content: Vec<&str> = content(claim).into_iter().map(|s| &text[s]).collect();
            assert_eq!(field("text"), content.join(" … "));
            assert_eq!(field("cue"), claim.cue.map_or("", |c| &text[c]));
            assert_eq!(
                field("speaker"),
                claim.speaker.map_or("", |s| &text[s.name])
            );
            assert_eq!(
                field("speaker_mention"),
                claim.speaker.map_or("", |s| &text[s.span])
            );
            assert_eq!(field("source"), claim.source.map_or("", |s| &text[s]));
            let start: usize = field("start").parse().unwrap();
            let end: usize = field("end").parse().unwrap();
            assert_eq!(start, index.char_offset(claim.span.start()));
            assert_eq!(end, index.char_offset(claim.span.end()));
            let cw: f32 = field("checkworthiness").parse().unwrap();
            assert!((cw - claim.checkworthiness).abs() < 1e-3);
        }
    }
    assert!(rows.next().is_none(), "no rows beyond the claims");
    let _ = std::fs::remove_dir_all(dir);
}

// ---- brat ----

#[test]
fn brat() {
    insta::glob!("../../../fixtures", "articles/*.txt", |path| {
        insta::assert_snapshot!(newsclaims_format::brat_ann(&analyze_fixture(path)));
    });
}

/// What brat checks when it opens a document: every text-bound annotation's text is what its
/// offsets cover (code points, fragments joined by a space), its type is declared in the
/// collection's `annotation.conf`, and events, attributes and notes point at annotations that exist.
#[test]
fn brat_annotations_are_consistent() {
    let conf = newsclaims_format::BRAT_ANNOTATION_CONF;
    let declared = |ty: &str| conf.lines().any(|l| l.split('\t').next() == Some(ty));
    for analysis in analyses() {
        let chars: Vec<char> = analysis.document.text.chars().collect();
        let ann = newsclaims_format::brat_ann(&analysis);
        let mut ids = std::collections::BTreeSet::new();
        for line in ann.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            let id = fields[0];
            assert!(
                ids.insert(id.to_owned()) || id.starts_with('#'),
                "{id} repeats"
            );
            match id.chars().next() {
                Some('T') => {
                    let (ty, offsets) = fields[1].split_once(' ').unwrap();
                    assert!(declared(ty), "{ty} is declared in annotation.conf");
                    let covered: Vec<String> = offsets
                        .split(';')
                        .map(|piece| {
                            let (a, b) = piece.split_once(' ').unwrap();
                            let (a, b): (usize, usize) = (a.parse().unwrap(), b.parse().unwrap());
                            assert!(a < b && b <= chars.len(), "{line}");
                            chars[a..b].iter().collect()
                        })
                        .collect();
                    assert_eq!(fields[2], covered.join(" "), "{line}");
                }
                Some('E') => {
                    for arg in fields[1].split(' ') {
                        let (role, target) = arg.split_once(':').unwrap();
                        assert!(
                            declared(role)
                                || conf.contains(&format!("{role}?:"))
                                || conf.contains(&format!("{role}:")),
                            "{role}"
                        );
                        assert!(ids.contains(target), "{line}: {target} exists");
                    }
                }
                Some('A') => {
                    let target = fields[1].split(' ').nth(1).unwrap();
                    assert!(ids.contains(target), "{line}: {target} exists");
                }
                Some('#') => {
                    let target = fields[1].split(' ').nth(1).unwrap();
                    assert!(ids.contains(target), "{line}: {target} exists");
                }
                _ => panic!("unexpected line {line:?}"),
            }
        }
    }
}

/// Writes brat files the way PolNeAR lays them out, reads them back with the referee's reader,
/// and checks every attribution comes back with its spans.
#[test]
fn brat_round_trips_through_the_polnear_reader() {
    let convert = root().join("../shared/eval/convert.py");
    if !convert.exists() || !has("python3") {
        eprintln!(
            "brat round trip: {} or python3 is missing, so the brat output was not read back",
            convert.display()
        );
        return;
    }
    let analyses = analyses();
    let dir = scratch("brat");
    std::fs::create_dir_all(dir.join("text")).unwrap();
    std::fs::create_dir_all(dir.join("attributions")).unwrap();
    let mut stems = Vec::new();
    for analysis in &analyses {
        // PolNeAR names its files `<document>_<annotator>.ann`.
        let stem = newsclaims_format::brat_file_stem(&analysis.document.id).replace('_', "-");
        std::fs::write(
            dir.join("text").join(format!("{stem}.txt")),
            &analysis.document.text,
        )
        .unwrap();
        std::fs::write(
            dir.join("attributions")
                .join(format!("{stem}_newsclaims.ann")),
            newsclaims_format::brat_ann(analysis),
        )
        .unwrap();
        stems.push(stem);
    }
    let (docs, gold) = (dir.join("docs.jsonl"), dir.join("gold.jsonl"));
    let run = Command::new("python3")
        .arg(&convert)
        .arg("polnear")
        .args([&dir, &docs, &gold])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let read: Vec<Value> = std::fs::read_to_string(&gold)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut attributions = 0;
    for (analysis, stem) in analyses.iter().zip(&stems) {
        let text = analysis.document.text.as_str();
        let index = CharIndex::new(text);
        let range = |s: Span| (index.char_offset(s.start()), index.char_offset(s.end()));
        let record = read
            .iter()
            .find(|r| r["id"] == stem.as_str())
            .unwrap_or_else(|| panic!("{stem} read back"));
        let back = record["claims"].as_array().unwrap();
        let expected: Vec<&Claim> = analysis
            .claims
            .iter()
            .filter(|c| c.kind != ClaimKind::Statement)
            .collect();
        assert_eq!(back.len(), expected.len(), "{stem}: attributions read back");
        for claim in expected {
            // brat cannot keep white space at the edges of a span; the claim comes back without.
            let trimmed = &text[claim.span];
            let lead = trimmed.len() - trimmed.trim_start().len();
            let trail = trimmed.len() - trimmed.trim_end().len();
            let (start, end) = range(Span::new(
                claim.span.start() + lead,
                (claim.span.end() - trail).max(claim.span.start() + lead),
            ));
            let got = back
                .iter()
                .find(|c| c["start"] == start && c["end"] == end)
                .unwrap_or_else(|| panic!("{stem}: claim {start}..{end} read back"));
            // Fragments may be cut further at line breaks; the words they cover are the same.
            let words = |spans: Vec<(usize, usize)>| -> Vec<String> {
                let chars: Vec<char> = text.chars().collect();
                spans
                    .iter()
                    .flat_map(|&(a, b)| {
                        chars[a..b]
                            .iter()
                            .collect::<String>()
                            .split_whitespace()
                            .map(str::to_owned)
                            .collect::<Vec<_>>()
                    })
                    .collect()
            };
            let got_fragments: Vec<(usize, usize)> = got["fragments"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| {
                    (
                        f[0].as_u64().unwrap() as usize,
                        f[1].as_u64().unwrap() as usize,
                    )
                })
                .collect();
            assert_eq!(
                words(got_fragments),
                words(content(claim).into_iter().map(range).collect()),
                "{stem}: content of claim {start}..{end}"
            );
            let span_of = |v: &Value| -> Option<(usize, usize)> {
                Some((v["start"].as_u64()? as usize, v["end"].as_u64()? as usize))
            };
            assert_eq!(span_of(&got["cue"]), claim.cue.map(range), "{stem}: cue");
            assert_eq!(
                span_of(&got["speaker_mention"]),
                claim.speaker.map(|s| range(s.span)),
                "{stem}: speaker mention"
            );
            attributions += 1;
        }
    }
    eprintln!("brat round trip: {attributions} attributions read back with their spans");
    let _ = std::fs::remove_dir_all(dir);
}

// ---- HTML ----

/// The HTML of one fixture article: the stage snapshots pin what every fixture holds, and the
/// tests below check the page's structure on all of them.
#[test]
fn html() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/articles/harbor-bridge-vote.txt");
    let mut out = Vec::new();
    newsclaims_format::Html::default().record(&mut out, 0, &analyze_fixture(&path));
    insta::assert_snapshot!("html@harbor-bridge-vote", String::from_utf8(out).unwrap());
}

/// One tag or run of text of an HTML document.
#[derive(Debug)]
enum Piece {
    Open(String, Vec<(String, String)>),
    Close(String),
    Text(String),
}

/// Splits HTML into tags and text: enough for our own pages and Chromium's serialization of them.
fn lex(html: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!") {
            rest = &after[after.find('>').unwrap() + 1..];
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').unwrap();
            pieces.push(Piece::Close(after[..end].trim().to_ascii_lowercase()));
            rest = &after[end + 1..];
        } else if let Some(after) = rest.strip_prefix('<') {
            // Attribute values may hold `>`: walk the tag respecting quotes.
            let mut quote = None;
            let end = after
                .char_indices()
                .find(|&(_, c)| match quote {
                    Some(q) if c == q => {
                        quote = None;
                        false
                    }
                    Some(_) => false,
                    None if c == '"' || c == '\'' => {
                        quote = Some(c);
                        false
                    }
                    None => c == '>',
                })
                .unwrap()
                .0;
            let tag = after[..end].trim_end_matches('/');
            let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
            let mut attrs = Vec::new();
            let mut a = &tag[name_end..];
            while let Some(eq) = a.find('=') {
                let key = a[..eq].trim().to_owned();
                let v = a[eq + 1..].trim_start();
                let q = v.chars().next().unwrap();
                let close = v[1..].find(q).unwrap() + 1;
                attrs.push((key, unescape(&v[1..close])));
                a = &v[close + 1..];
            }
            pieces.push(Piece::Open(tag[..name_end].to_ascii_lowercase(), attrs));
            rest = &after[end + 1..];
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            pieces.push(Piece::Text(unescape(&rest[..end])));
            rest = &rest[end..];
        }
    }
    pieces
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

const VOID: [&str; 4] = ["meta", "br", "link", "img"];

/// The text each claim highlight holds, by section id and claim number, after checking that the
/// elements nest properly.
fn highlighted(html: &str) -> std::collections::BTreeMap<(String, String), String> {
    let mut found = std::collections::BTreeMap::new();
    let mut stack: Vec<(String, Option<(String, String)>)> = Vec::new();
    let mut section = String::new();
    for piece in lex(html) {
        match piece {
            Piece::Open(name, attrs) if VOID.contains(&name.as_str()) => drop(attrs),
            Piece::Open(name, attrs) => {
                let attr = |k: &str| attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.clone());
                if name == "section" {
                    section = attr("id").unwrap();
                }
                let class = attr("class").unwrap_or_default();
                let claim = (name == "mark" && class.split(' ').any(|c| c == "claim"))
                    .then(|| attr("data-claim"))
                    .flatten()
                    .map(|id| (section.clone(), id));
                stack.push((name, claim));
            }
            Piece::Close(name) => {
                let (open, _) = stack.pop().expect("a close tag has an open one");
                assert_eq!(open, name, "elements nest");
            }
            Piece::Text(text) => {
                // Inside a legend, not a document.
                if section.is_empty() {
                    continue;
                }
                for key in stack.iter().filter_map(|(_, c)| c.clone()) {
                    found.entry(key).or_insert_with(String::new).push_str(&text);
                }
            }
        }
    }
    assert!(stack.is_empty(), "every element is closed: {stack:?}");
    found
}

fn page(analyses: &[Analysis]) -> String {
    String::from_utf8(write(Format::Html, analyses)).unwrap()
}

/// What each claim's highlight must hold: its content, fragments joined.
fn expected_highlights(
    analyses: &[Analysis],
) -> std::collections::BTreeMap<(String, String), String> {
    let mut expected = std::collections::BTreeMap::new();
    for (n, analysis) in analyses.iter().enumerate() {
        for (id, claim) in analysis.claims.iter().enumerate() {
            let text: String = content(claim)
                .into_iter()
                .map(|s| &analysis.document.text[s])
                .collect();
            expected.insert((format!("d{n}"), id.to_string()), text);
        }
    }
    expected
}

#[test]
fn html_nests_and_highlights_every_claim() {
    let analyses = analyses();
    let html = page(&analyses);
    assert_eq!(highlighted(&html), expected_highlights(&analyses));
    assert!(!html.contains("<script"), "the page runs no script");
    assert!(!html.contains("src="), "the page loads nothing");
}

/// Renders the page in headless Chromium and finds every claim's highlight in its DOM.
#[test]
fn html_in_a_browser() {
    let Some(chromium) = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|p| has(p))
    else {
        eprintln!("html_in_a_browser: chromium is missing, so the page was not rendered");
        return;
    };
    let analyses = analyses();
    let dir = scratch("html");
    let file = dir.join("page.html");
    std::fs::write(&file, page(&analyses)).unwrap();
    let run = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", file.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8(run.stdout).unwrap();
    assert!(
        run.status.success() && dom.contains("</html>"),
        "chromium rendered the page: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let found = highlighted(&dom);
    assert_eq!(found, expected_highlights(&analyses));
    eprintln!(
        "html_in_a_browser: {} claim highlights found in Chromium's DOM",
        found.len()
    );
    let _ = std::fs::remove_dir_all(dir);
}

// ---- JSON Schema ----

/// Validates `value` against `schema` for the subset of JSON Schema the contract uses, strictly:
/// a property the schema does not declare is an error, so the schema must cover every field the
/// serializer emits.
fn validate(root: &Value, schema: &Value, value: &Value, path: &str) -> Result<(), String> {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/$defs/").expect("local references only");
        return validate(root, &root["$defs"][name], value, path);
    }
    if let Some(options) = schema.get("oneOf").and_then(Value::as_array) {
        let ok = options
            .iter()
            .filter(|o| validate(root, o, value, path).is_ok())
            .count();
        if ok != 1 {
            return Err(format!("{path}: matches {ok} of oneOf, not 1: {value}"));
        }
    }
    if let Some(c) = schema.get("const")
        && c != value
    {
        return Err(format!("{path}: {value} is not {c}"));
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array)
        && !e.contains(value)
    {
        return Err(format!("{path}: {value} is not one of {e:?}"));
    }
    if let Some(t) = schema.get("type").and_then(Value::as_str) {
        let ok = match t {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "integer" => value.is_u64() || value.is_i64(),
            "number" => value.is_number(),
            "null" => value.is_null(),
            "boolean" => value.is_boolean(),
            other => panic!("type {other} is not in the validator's subset"),
        };
        if !ok {
            return Err(format!("{path}: {value} is not a {t}"));
        }
    }
    if let Some(n) = value.as_f64() {
        if schema
            .get("minimum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n < m)
        {
            return Err(format!("{path}: {n} below the minimum"));
        }
        if schema
            .get("maximum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n > m)
        {
            return Err(format!("{path}: {n} above the maximum"));
        }
    }
    if let Some(object) = value.as_object() {
        for key in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !object.contains_key(key.as_str().unwrap()) {
                return Err(format!("{path}: {key} is missing"));
            }
        }
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            for (key, v) in object {
                let Some(p) = properties.get(key) else {
                    return Err(format!("{path}: {key} is not in the schema"));
                };
                validate(root, p, v, &format!("{path}.{key}"))?;
            }
        }
    }
    if let Some(array) = value.as_array() {
        let len = array.len() as u64;
        if schema
            .get("minItems")
            .and_then(Value::as_u64)
            .is_some_and(|m| len < m)
            || schema
                .get("maxItems")
                .and_then(Value::as_u64)
                .is_some_and(|m| len > m)
        {
            return Err(format!("{path}: {len} items"));
        }
        let prefix = schema
            .get("prefixItems")
            .and_then(Value::as_array)
            .map_or(&[][..], |p| &p[..]);
        for (k, v) in array.iter().enumerate() {
            let item = match prefix.get(k) {
                Some(p) => p,
                None => match schema.get("items") {
                    Some(Value::Bool(false)) => return Err(format!("{path}: too many items")),
                    Some(s) => s,
                    None => continue,
                },
            };
            validate(root, item, v, &format!("{path}[{k}]"))?;
        }
    }
    Ok(())
}

#[test]
fn json_output_matches_the_schema() {
    let schema = newsclaims_format::json_schema();
    let check = |record: &Value| {
        if let Err(e) = validate(&schema, &schema, record, "$") {
            panic!("{e}");
        }
    };
    let mut fields = std::collections::BTreeSet::new();
    for analysis in analyses() {
        let record = newsclaims_format::to_json(&analysis);
        check(&record);
        for claim in record["claims"].as_array().unwrap() {
            fields.extend(claim.as_object().unwrap().keys().cloned());
        }
    }
    assert!(
        fields.contains("fragments"),
        "the optional fields were checked too"
    );
    let mut out = Vec::new();
    newsclaims_format::write_error_record(
        &mut out,
        &Unreadable {
            id: "bad".into(),
            kind: ErrorKind::MalformedJson,
            message: "expected value at line 1 column 1".into(),
            line: Some(3),
        },
    );
    check(&serde_json::from_slice(&out).unwrap());
    // The validator is not vacuous: it rejects a field the schema lacks, and a wrong type.
    let mut extra = newsclaims_format::to_json(&everything());
    extra["claims"][0]["mood"] = Value::from("grumpy");
    assert!(validate(&schema, &schema, &extra, "$").is_err());
    let mut wrong = newsclaims_format::to_json(&everything());
    wrong["claims"][0]["kind"] = Value::from("rumour");
    assert!(validate(&schema, &schema, &wrong, "$").is_err());
}
