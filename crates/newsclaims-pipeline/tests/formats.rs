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

mod html;
mod schema;

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
    analysis.claims = every_kind_of_claim(text);
    analysis.problems.push(Problem {
        kind: ProblemKind::ControlCharacters,
        message: "a made-up problem with a span".into(),
        span: Some(at(text, "Kyiv", 0)),
    });
    analysis
}

/// The span of the `nth` occurrence of `s` in `text`.
fn at(text: &str, s: &str, nth: usize) -> Span {
    let start = text
        .match_indices(s)
        .nth(nth)
        .expect("the test text holds it")
        .0;
    Span::new(start, start + s.len())
}

/// One claim of each kind over [`everything`]'s text, with fragments, a source, a pronoun
/// speaker and two claims that overlap.
fn every_kind_of_claim(text: &str) -> Vec<Claim> {
    let at = |s: &str, nth: usize| at(text, s, nth);
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
    vec![
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
    ]
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
        let mut rendered = Vec::new();
        writer.record(&mut rendered, n, analysis);
        out.extend_from_slice(&writer.place(n, &rendered));
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
    // The fixtures carry no fields: the fixed columns, then `other_fields`.
    let columns: Vec<&str> = newsclaims_format::CSV_COLUMNS
        .into_iter()
        .chain([newsclaims_format::OTHER_FIELDS])
        .collect();
    assert_eq!(rows[0], columns);
    let mut rows = rows[1..].iter();
    for analysis in &analyses {
        let text = analysis.document.text.as_str();
        let index = CharIndex::new(text);
        for (id, claim) in analysis.claims.iter().enumerate() {
            let row = rows.next().expect("one row per claim");
            let field = |name: &str| {
                let k = columns.iter().position(|c| *c == name).unwrap();
                row[k].as_str()
            };
            assert_eq!(row.len(), columns.len());
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
    let stems = write_polnear_layout(&dir, &analyses);
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
        let record = read
            .iter()
            .find(|r| r["id"] == stem.as_str())
            .unwrap_or_else(|| panic!("{stem} read back"));
        attributions += check_read_back(analysis, stem, record);
    }
    eprintln!("brat round trip: {attributions} attributions read back with their spans");
    let _ = std::fs::remove_dir_all(dir);
}

/// Writes each analysis's text and `.ann` in PolNeAR's layout under `dir`; returns the stems.
fn write_polnear_layout(dir: &Path, analyses: &[Analysis]) -> Vec<String> {
    std::fs::create_dir_all(dir.join("text")).unwrap();
    std::fs::create_dir_all(dir.join("attributions")).unwrap();
    let mut stems = Vec::new();
    for analysis in analyses {
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
    stems
}

/// Checks that every attribution of `analysis` came back in the reader's `record` with its
/// spans, content words, cue and speaker mention; returns how many.
fn check_read_back(analysis: &Analysis, stem: &str, record: &Value) -> usize {
    let text = analysis.document.text.as_str();
    let index = CharIndex::new(text);
    let range = |s: Span| (index.char_offset(s.start()), index.char_offset(s.end()));
    let back = record["claims"].as_array().unwrap();
    let expected: Vec<&Claim> = analysis
        .claims
        .iter()
        .filter(|c| c.kind != ClaimKind::Statement)
        .collect();
    assert_eq!(back.len(), expected.len(), "{stem}: attributions read back");
    // Fragments may be cut further at line breaks; the words they cover are the same.
    let chars: Vec<char> = text.chars().collect();
    let words = |spans: Vec<(usize, usize)>| -> Vec<String> {
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
    let span_of = |v: &Value| -> Option<(usize, usize)> {
        Some((v["start"].as_u64()? as usize, v["end"].as_u64()? as usize))
    };
    for claim in &expected {
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
        assert_eq!(span_of(&got["cue"]), claim.cue.map(range), "{stem}: cue");
        assert_eq!(
            span_of(&got["speaker_mention"]),
            claim.speaker.map(|s| range(s.span)),
            "{stem}: speaker mention"
        );
    }
    expected.len()
}
