//! `docs/contract.md` stays true: its full sample is what the binary prints for the sample input
//! (the same fields at every level; the values may move as the models improve), and every
//! problem and error kind is described there. `NEWSCLAIMS_UPDATE_DOCS=1` rewrites the sample.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use newsclaims_text::{ErrorKind, ProblemKind};
use serde_json::Value;

const INPUT_START: &str = "<!-- sample input: written by crates/newsclaims/tests/contract.rs -->\n";
const INPUT_END: &str = "<!-- end of sample input -->";
const OUTPUT_START: &str =
    "<!-- sample output: written by crates/newsclaims/tests/contract.rs -->\n";
const OUTPUT_END: &str = "<!-- end of sample output -->";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The sample input: paragraphs 3 to 5 of a fixture (a statement, direct quotes, one of them
/// interrupted by its frame, reported speech, a pronoun resolved) with carried fields.
fn sample_input() -> String {
    let fixture =
        std::fs::read_to_string(root().join("fixtures/articles/council-speakers-context.txt"))
            .unwrap();
    let paragraphs: Vec<&str> = fixture.split("\n\n").collect();
    let text = paragraphs[2..5].join("\n\n");
    let string = |s: &str| serde_json::to_string(s).unwrap();
    // Written by hand, not through a map, to keep the fields in this order.
    format!(
        "{{\"id\": \"council-1\", \"date\": \"2026-11-26\", \"title\": {}, \"url\": \"https://example.org/council\", \"text\": {}}}",
        string(paragraphs[0].trim()),
        string(&text)
    )
}

/// What `newsclaims --format json` prints for `input`, without the array's brackets.
fn sample_output(input: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsclaims"))
        .args(["--format", "json", "--quiet", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.as_bytes()).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let out = String::from_utf8(out.stdout).unwrap();
    out.strip_prefix("[\n")
        .and_then(|o| o.strip_suffix("\n]\n"))
        .expect("one JSON array")
        .to_owned()
}

/// The text between `start` and `end` in `doc`, and where it is.
fn between(doc: &str, start: &str, end: &str) -> (std::ops::Range<usize>, String) {
    let from = doc.find(start).expect("the start marker") + start.len();
    let to = from + doc[from..].find(end).expect("the end marker");
    (from..to, doc[from..to].to_owned())
}

/// Every path of `value`, array items as `[]`: the fields at every level.
fn paths(value: &Value, path: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let p = format!("{path}.{k}");
                out.insert(p.clone());
                paths(v, &p, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                paths(item, &format!("{path}[]"), out);
            }
        }
        _ => {}
    }
}

fn fields(json: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    paths(&serde_json::from_str(json).unwrap(), "", &mut out);
    out
}

#[test]
fn the_sample_has_every_field_of_the_output() {
    let path = root().join("docs/contract.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let input = sample_input();
    let output = sample_output(&input);
    let input_block = format!("```json\n{input}\n```\n");
    let output_block = format!("```json\n{output}\n```\n");
    if std::env::var_os("NEWSCLAIMS_UPDATE_DOCS").is_some() {
        let mut doc = doc;
        let (range, _) = between(&doc, OUTPUT_START, OUTPUT_END);
        doc.replace_range(range, &output_block);
        let (range, _) = between(&doc, INPUT_START, INPUT_END);
        doc.replace_range(range, &input_block);
        std::fs::write(&path, doc).unwrap();
        return;
    }
    let update = "run `NEWSCLAIMS_UPDATE_DOCS=1 cargo test -p newsclaims --test it contract`";
    let (_, shown_input) = between(&doc, INPUT_START, INPUT_END);
    assert_eq!(
        shown_input, input_block,
        "the sample input changed: {update}"
    );
    let (_, shown) = between(&doc, OUTPUT_START, OUTPUT_END);
    let shown = shown
        .strip_prefix("```json\n")
        .and_then(|s| s.strip_suffix("\n```\n"))
        .expect("the sample is a json block");
    let (shown, printed) = (fields(shown), fields(&output));
    assert!(
        shown == printed,
        "docs/contract.md's sample lacks {:?} and has {:?} that the output has not: {update}, \
         and describe the change in the tables",
        printed.difference(&shown).collect::<Vec<_>>(),
        shown.difference(&printed).collect::<Vec<_>>()
    );
    assert!(
        printed.contains(".claims[].fragments") && printed.contains(".title"),
        "the sample shows an interrupted quote and a carried field"
    );
}

#[test]
fn every_kind_is_described() {
    let doc = std::fs::read_to_string(root().join("docs/contract.md")).unwrap();
    let kinds = ProblemKind::ALL
        .iter()
        .map(|k| k.as_str())
        .chain(ErrorKind::ALL.iter().map(|k| k.as_str()));
    for kind in kinds {
        assert!(
            doc.contains(&format!("| `{kind}` |")),
            "docs/contract.md describes {kind}"
        );
    }
}
