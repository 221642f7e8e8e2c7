//! Bad input through the binary: every input document yields exactly one record, in input order,
//! whatever is wrong with it, and the exit status says whether any could not be read.
//!
//! The nasty inputs (20 MB documents, 100,000 quote marks, FIFOs, dangling links) are made at
//! test time in Cargo's scratch folder, never committed.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

pub(crate) struct Run {
    pub(crate) status: Option<i32>,
    pub(crate) stdout: Vec<u8>,
    pub(crate) stderr: String,
}

impl Run {
    pub(crate) fn records(&self) -> Vec<Value> {
        let text = std::str::from_utf8(&self.stdout).expect("output is UTF-8");
        text.lines()
            .map(|line| serde_json::from_str(line).expect("every output line is one JSON record"))
            .collect()
    }
}

pub(crate) fn run(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsclaims"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    // Written from a thread so that a large input cannot deadlock against a full stdout pipe;
    // the binary may stop reading early (bad arguments), so a broken pipe is fine.
    let writer = std::thread::spawn(move || {
        let _ = std::io::Write::write_all(&mut input, &stdin);
    });
    let out = child.wait_with_output().expect("the binary runs");
    writer.join().expect("the stdin writer ends");
    Run {
        status: out.status.code(),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A fresh, empty folder in Cargo's scratch space.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

pub(crate) fn s(path: &Path) -> &str {
    path.to_str().expect("scratch paths are UTF-8")
}

/// What one record must be: an analysis listing these problem kinds, or an error record.
#[derive(Debug)]
enum Want {
    Analysed(&'static [&'static str]),
    Error(&'static str, Option<u64>),
}

/// Checks that the records are exactly the wanted ones, one per document, in order.
fn check(records: &[Value], want: &[(&str, Want)]) {
    let ids: Vec<&str> = records
        .iter()
        .map(|r| r["id"].as_str().unwrap_or("?"))
        .collect();
    let want_ids: Vec<&str> = want.iter().map(|(id, _)| *id).collect();
    assert_eq!(
        ids.len(),
        want_ids.len(),
        "one record per document: {ids:?}"
    );
    for (record, (id, want)) in records.iter().zip(want) {
        let got_id = record["id"].as_str().expect("every record has a string id");
        // Error records of lines without an id are named `FILE:LINE`; the folder varies.
        assert!(
            got_id == *id || got_id.ends_with(id),
            "id {got_id} where {id} was due"
        );
        assert_eq!(record["schema"], "newsclaims/1", "{id}: schema");
        match want {
            Want::Analysed(kinds) => {
                assert!(
                    record.get("error").is_none(),
                    "{id}: analysed, not {record}"
                );
                let got: Vec<&str> = record["errors"]
                    .as_array()
                    .expect("errors")
                    .iter()
                    .map(|e| e["kind"].as_str().expect("kind"))
                    .collect();
                assert_eq!(got, *kinds, "{id}: problems");
                assert!(record["sentences"].is_array(), "{id}: sentences");
            }
            Want::Error(kind, line) => {
                assert_eq!(record["error"]["kind"], *kind, "{id}: {record}");
                assert_eq!(record["error"]["line"].as_u64(), *line, "{id}: line");
                let message = record["error"]["message"].as_str().expect("message");
                assert!(!message.is_empty(), "{id}: a message");
            }
        }
    }
}

fn jsonl(id: &str, text: &str) -> Vec<u8> {
    let mut line = serde_json::to_vec(&serde_json::json!({"id": id, "text": text})).unwrap();
    line.push(b'\n');
    line
}

/// One JSON Lines file holding every kind of bad line.
fn bad_lines() -> (Vec<u8>, Vec<(&'static str, Want)>) {
    let mut input = Vec::new();
    let mut want = Vec::new();
    let mut add = |bytes: &[u8], id: &'static str, w: Want| {
        input.extend_from_slice(bytes);
        want.push((id, w));
    };
    broken_records(&mut add);
    odd_texts(&mut add);
    // The file ends in the middle of a record, without a newline.
    add(
        b"{\"id\":\"cut\",\"text\":\"The dump was trunc",
        ":21",
        Want::Error("malformed-json", Some(21)),
    );
    want.retain(|(id, _)| !id.is_empty());
    (input, want)
}

/// Lines 1 to 12 of [`bad_lines`]: records that cannot be read, or only with a repair.
fn broken_records(add: &mut dyn FnMut(&[u8], &'static str, Want)) {
    use Want::*;
    add(
        &jsonl("plain", "“We will prevail,” Zelensky said."),
        "plain",
        Analysed(&[]),
    );
    // Latin-1 bytes inside the JSON string: repaired, analysed, and the repair listed.
    add(
        b"{\"id\":\"latin1\",\"text\":\"caf\xe9 cr\xe8me \xff\"}\n",
        "latin1",
        Analysed(&["invalid-utf8"]),
    );
    add(
        b"{\"id\":\"broken\",\"text\":\n",
        ":3",
        Error("malformed-json", Some(3)),
    );
    add(
        b"[\"an\", \"array\"]\n",
        ":4",
        Error("malformed-json", Some(4)),
    );
    add(
        b"{\"text\":\"no id here\"}\n",
        ":5",
        Error("missing-field", Some(5)),
    );
    add(
        b"{\"id\":\"no-text\",\"title\":\"x\"}\n",
        "no-text",
        Error("missing-field", Some(6)),
    );
    add(
        b"{\"id\":\"number-text\",\"text\":42}\n",
        "number-text",
        Error("bad-field", Some(7)),
    );
    add(
        b"{\"id\":\"null-text\",\"text\":null}\n",
        "null-text",
        Error("bad-field", Some(8)),
    );
    add(
        &jsonl("plain", "Again, the same id."),
        "plain",
        Analysed(&["duplicate-id"]),
    );
    add(&jsonl("empty", ""), "empty", Analysed(&["empty"]));
    add(
        &jsonl("blank", " \n\t \r\n "),
        "blank",
        Analysed(&["empty"]),
    );
    // Blank lines are not documents.
    add(b"\n   \n", "", Analysed(&[]));
}

/// Lines 13 to 20 of [`bad_lines`]: readable records with odd texts.
fn odd_texts(add: &mut dyn FnMut(&[u8], &'static str, Want)) {
    use Want::*;
    add(
        &jsonl("quote-marks", &"\"".repeat(100_000)),
        "quote-marks",
        Analysed(&[]),
    );
    let unbalanced = "“He said “no, ‘maybe “yes ”” ’’ «« » ".repeat(2_000);
    add(
        &jsonl("unbalanced", &unbalanced),
        "unbalanced",
        Analysed(&[]),
    );
    add(
        &jsonl("control", "a\u{0}b\u{7}c \u{1b}[0m said \u{85}“x\u{0}”."),
        "control",
        Analysed(&["control-characters"]),
    );
    let scripts = "שלום עולם, אמר השר. «مرحبا» قال الوزير. e\u{301}\u{301}\u{308} \
                   Zoë said “👨‍👩‍👧‍👦 🇺🇦 👍🏽” on X.\u{200f}\u{202e}reversed\u{202c}.";
    add(&jsonl("scripts", scripts), "scripts", Analysed(&[]));
    let mut crlf = jsonl("crlf", "One line.\r\n\r\nHe said \"two\".\r\n");
    crlf.insert(crlf.len() - 1, b'\r');
    add(&crlf, "crlf", Analysed(&[]));
    add(
        b"{\"id\":7,\"text\":\"A numeric id.\",\"extra\":[1,{}]}\n",
        "7",
        Analysed(&[]),
    );
    // Half an emoji as a lone surrogate escape (repaired), a whole one, and an escaped backslash
    // before `ud800`, which is text, not an escape.
    add(
        b"{\"id\":\"surrogate\",\"text\":\"Cut \\ud83d, whole \\ud83d\\ude00, text \\\\ud800.\"}\n",
        "surrogate",
        Analysed(&["lone-surrogate"]),
    );
}

#[test]
fn every_bad_line_gets_one_record() {
    let dir = scratch("bad-lines");
    let (input, want) = bad_lines();
    let path = dir.join("cases.jsonl");
    std::fs::write(&path, &input).unwrap();

    let out = run(&["--threads", "2", s(&path)], b"");
    assert_eq!(out.status, Some(1), "{}", out.stderr);
    check(&out.records(), &want);
    let errors = want
        .iter()
        .filter(|(_, w)| matches!(w, Want::Error(..)))
        .count();
    assert!(
        out.stderr.contains(&format!("{errors} error records")),
        "the summary counts the error records: {}",
        out.stderr
    );

    // The same lines on standard input, with a byte-order mark in front.
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(&input);
    let out = run(&["--quiet"], &with_bom);
    assert_eq!(out.status, Some(1), "{}", out.stderr);
    assert_eq!(out.stderr, "", "--quiet");
    check(&out.records(), &want);
}

#[cfg(unix)]
#[test]
fn a_folder_of_mixed_files() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = scratch("mixed-folder");
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    write(
        "a.txt",
        "“We stand with you,” Stoltenberg said in Kyiv.\n".as_bytes(),
    );
    write("b-latin1.txt", b"Caf\xe9 owners said prices rose 5 %.\n");
    write("c-nul.txt", b"A binary\0file\0said\0nothing.");
    write("crlf.txt", b"First line.\r\n\r\nSecond said \"yes\".\r\n");
    write("empty.txt", b"");
    write("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write("notes.md", b"# not an article\n");
    write("trailing.txt", b"No newline at the end, officials said");
    symlink("missing.txt", dir.join("dangling.txt")).unwrap();
    let fifo = dir.join("fifo.txt");
    let made_fifo = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    write("locked.txt", b"Locked away.");
    let locked = dir.join("locked.txt");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads a file whatever its mode: then the file is simply analysed.
    let locked_readable = std::fs::File::open(&locked).is_ok();
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/deep.txt"), "Deep inside, she said.").unwrap();
    symlink("..", dir.join("sub/loop")).unwrap();
    std::fs::create_dir_all(dir.join("x.txt")).unwrap();
    std::fs::write(dir.join("x.txt/inner.txt"), "A folder named like a file.").unwrap();

    use Want::*;
    let mut want = vec![
        ("a", Analysed(&[])),
        ("b-latin1", Analysed(&["invalid-utf8"])),
        ("c-nul", Analysed(&["control-characters"])),
        ("crlf", Analysed(&[])),
        ("dangling", Error("unreadable-file", None)),
        ("empty", Analysed(&["empty"])),
    ];
    if made_fifo {
        want.push(("fifo", Error("unreadable-file", None)));
    }
    want.push(if locked_readable {
        ("locked", Analysed(&[]))
    } else {
        ("locked", Error("unreadable-file", None))
    });
    want.extend([
        ("deep", Analysed(&[])),
        ("trailing", Analysed(&[])),
        ("inner", Analysed(&[])),
    ]);

    let out = run(&["--format", "jsonl", s(&dir)], b"");
    assert_eq!(out.status, Some(1), "{}", out.stderr);
    check(&out.records(), &want);
    assert!(
        out.stderr.contains("skipped 2 files") && out.stderr.contains("image.png"),
        "a note on the skipped files: {}",
        out.stderr
    );
    let quiet = run(&["--format", "jsonl", "--quiet", s(&dir)], b"");
    assert_eq!(quiet.stderr, "", "--quiet silences the notes");
    assert_eq!(quiet.stdout, out.stdout);

    // A dangling link named on the command line is an unreadable document, not a bad argument.
    let out = run(&[s(&dir.join("dangling.txt")), s(&dir.join("a.txt"))], b"");
    assert_eq!(out.status, Some(1), "{}", out.stderr);
    check(
        &out.records(),
        &[
            ("dangling", Error("unreadable-file", None)),
            ("a", Analysed(&[])),
        ],
    );
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
}

/// A 20 MB document: read whole and analysed (its words are few, so that a debug build keeps
/// up; the linear-time figures on dense text are measured on the release build), and cut with a
/// `truncated` problem past `--max-bytes`.
#[test]
fn big_documents() {
    let dir = scratch("big");
    let mut text = String::from("Officials said the bridge opened on Monday.\n");
    let filler = " \n".repeat(10 << 20);
    text.push_str(&filler);
    text.push_str("“It works,” the mayor said.\n");
    assert!(text.len() > 20 << 20);
    let path = dir.join("big.txt");
    std::fs::write(&path, &text).unwrap();

    let out = run(&["--format", "jsonl", "--quiet", s(&path)], b"");
    assert_eq!(out.status, Some(0), "{}", out.stderr);
    let records = out.records();
    check(&records, &[("big", Want::Analysed(&[]))]);
    let last = records[0]["sentences"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert!(
        last["end"].as_u64().unwrap() > 20 << 20,
        "the last sentence is found at the end: {last}"
    );

    let out = run(&["--format", "jsonl", "--max-bytes", "1M", s(&path)], b"");
    assert_eq!(out.status, Some(0), "{}", out.stderr);
    check(&out.records(), &[("big", Want::Analysed(&["truncated"]))]);

    long_json_lines();
    // A cut never splits a character.
    let out = run(&["--max-bytes", "10"], "ééééééé said.".as_bytes());
    check(&out.records(), &[("stdin", Want::Analysed(&["truncated"]))]);
}

#[test]
fn exit_status_and_options() {
    let dir = scratch("options");
    let input = dir.join("in.jsonl");
    std::fs::write(&input, jsonl("one", "“Yes,” she said.")).unwrap();

    let out = run(&["--version"], b"");
    assert_eq!(out.status, Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("newsclaims "));
    let out = run(&["--help"], b"");
    assert_eq!(out.status, Some(0));
    let help = String::from_utf8_lossy(&out.stdout);
    for part in [
        "Exit status:",
        "Examples:",
        "--max-bytes",
        "--threads",
        "--output",
        "--quiet",
    ] {
        assert!(help.contains(part), "--help mentions {part}");
    }

    for bad in [
        &["--bogus"][..],
        &["--threads", "many"],
        &["--format", "yaml"],
        &["--max-bytes", "0"],
        &["--output"],
        &["/no/such/file.txt"],
    ] {
        let out = run(bad, b"");
        assert_eq!(out.status, Some(2), "{bad:?}: {}", out.stderr);
        assert!(out.stdout.is_empty(), "{bad:?}: no output");
        assert!(
            out.stderr.starts_with("newsclaims: "),
            "{bad:?}: {}",
            out.stderr
        );
    }

    // All read: 0, and a summary unless --quiet.
    let out = run(&[s(&input)], b"");
    assert_eq!(out.status, Some(0), "{}", out.stderr);
    assert!(out.stderr.contains("1 document:"), "{}", out.stderr);
    check(&out.records(), &[("one", Want::Analysed(&[]))]);

    // --output writes there, --threads is honoured.
    let output = dir.join("out.jsonl");
    let out = run(&["-q", "-j", "3", "-o", s(&output), s(&input)], b"");
    assert_eq!(out.status, Some(0), "{}", out.stderr);
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
    assert_eq!(
        std::fs::read(&output).unwrap(),
        run(&["-q", s(&input)], b"").stdout
    );

    // Writing over an input would destroy it before it is read.
    let out = run(&["--output", s(&input), s(&input)], b"");
    assert_eq!(out.status, Some(2), "{}", out.stderr);
    assert_eq!(
        std::fs::read(&input).unwrap(),
        jsonl("one", "“Yes,” she said.")
    );

    // Empty standard input: no documents, nothing wrong.
    let out = run(&["-q"], b"");
    assert_eq!(out.status, Some(0));
    assert!(out.stdout.is_empty());
    // Plain text on standard input is one article.
    let out = run(&["-q", "-f", "jsonl"], "He said “hi”.".as_bytes());
    check(&out.records(), &[("stdin", Want::Analysed(&[]))]);
}

/// The fixtures, and the bad lines, give the same bytes whatever the thread count.
#[test]
fn threads_do_not_change_output() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/articles");
    let dir = scratch("threads");
    let (bad, _) = bad_lines();
    let bad_path = dir.join("bad.jsonl");
    std::fs::write(&bad_path, bad).unwrap();
    let runs = [
        ("jsonl", vec![s(&fixtures), s(&bad_path)]),
        ("json", vec![s(&fixtures)]),
        ("text", vec![s(&fixtures)]),
    ];
    for (format, inputs) in runs {
        let output = |threads: &str| {
            let mut args = vec!["-q", "-f", format, "-j", threads];
            args.extend(&inputs);
            let out = run(&args, b"");
            assert!(matches!(out.status, Some(0 | 1)), "{}", out.stderr);
            assert!(!out.stdout.is_empty());
            out.stdout
        };
        assert!(
            output("1") == output("2"),
            "{format}: --threads 2 differs from --threads 1"
        );
    }
}

/// Fields of a JSON Lines record other than `id` and `text` reach the output record as they were
/// (values of every JSON type, nested ones too); one named like an output field is left out and
/// said so in `errors`, and the output field keeps its meaning.
#[test]
fn other_fields_are_carried_through() {
    let input = concat!(
        r#"{"id":"a","url":"https://example.org/a","text":"“We won,” Ms Lee said.","published":"2020-01-02","#,
        r#""meta":{"tags":["x",1,null,true],"score":0.5},"claims":"theirs"}"#,
        "\n",
        r#"{"id":"b","text":"No fields here."}"#,
        "\n",
    );
    let run = run(&["--format", "jsonl", "-"], input.as_bytes());
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    let records = run.records();
    assert_eq!(records.len(), 2);
    let a = &records[0];
    assert_eq!(a["url"], "https://example.org/a");
    assert_eq!(a["published"], "2020-01-02");
    let meta: Value = serde_json::from_str(r#"{"tags":["x",1,null,true],"score":0.5}"#).unwrap();
    assert_eq!(a["meta"], meta);
    assert!(a["claims"].is_array(), "the contract's claims stay: {a}");
    assert_eq!(a["claims"][0]["kind"], "direct");
    let errors = a["errors"].as_array().expect("errors");
    assert!(
        errors
            .iter()
            .any(|e| e["kind"] == "field-clash"
                && e["message"].as_str().unwrap().contains("`claims`")),
        "{errors:?}"
    );
    // Nothing added to a record that had nothing else.
    let b = records[1].as_object().expect("record b");
    let keys: Vec<&str> = b.keys().map(String::as_str).collect();
    for key in &keys {
        assert!(newsclaims_format::RESERVED_FIELDS.contains(key), "{key}");
    }
}

/// JSON Lines: a text over the limit is cut, like a .txt file, however long: a line longer than
/// the reader holds whole (six times the limit, as escapes take up to six bytes a character, and
/// 1 MB for other fields) is read as a stream, its text cut, its other fields kept up to 1 MB;
/// only a line that is no JSON object gets an error record, and the next line goes on.
fn long_json_lines() {
    // Members in this order (a JSON object of serde_json's would sort them).
    let long_line = |members: &[(&str, serde_json::Value)]| {
        let members: Vec<String> = members
            .iter()
            .map(|(k, v)| format!("\"{k}\":{v}"))
            .collect();
        format!("{{{}}}\n", members.join(",")).into_bytes()
    };
    let mut input = jsonl("long", &"Word said. ".repeat(200));
    input.extend(jsonl("escaped", &"\u{1}".repeat(100_000)));
    input.extend(jsonl("huge", &"x".repeat(1_100_000)));
    // Long only because escaped: 200,000 characters of six bytes.
    input.extend(jsonl("huge-escaped", &"\u{1}".repeat(200_000)));
    // The id after a long text, a cut emoji and an escaped quote in it, fields around it.
    let text = format!("“Yes,” he said. \"{}", "é😀".repeat(200_000));
    input.extend(long_line(&[
        ("title", "T".into()),
        ("text", text.into()),
        ("n", 1.into()),
        ("id", "id-last".into()),
    ]));
    // A carried field over 1 MB is left out, with a problem; the document is analysed.
    input.extend(long_line(&[
        ("id", "big-field".into()),
        ("text", "She said so.".into()),
        ("html", "<p>".repeat(400_000).into()),
    ]));
    let mut broken = jsonl("broken", &"y".repeat(1_100_000));
    broken.splice(500_000..500_000, *b"\"]");
    input.extend(broken);
    input.extend(jsonl("after", "Still read."));
    let out = run(&["--max-bytes", "1K"], &input);
    assert_eq!(out.status, Some(1), "{}", out.stderr);
    let records = out.records();
    check(
        &records,
        &[
            ("long", Want::Analysed(&["truncated"])),
            (
                "escaped",
                Want::Analysed(&["truncated", "control-characters"]),
            ),
            ("huge", Want::Analysed(&["truncated"])),
            (
                "huge-escaped",
                Want::Analysed(&["truncated", "control-characters"]),
            ),
            ("id-last", Want::Analysed(&["truncated"])),
            ("big-field", Want::Analysed(&["truncated"])),
            (":7", Want::Error("malformed-json", Some(7))),
            ("after", Want::Analysed(&[])),
        ],
    );
    // The cut text is the line's: its opening quotation is a claim.
    let claim = records[4]["claims"][0]["text"].as_str().unwrap_or_default();
    assert!(claim.starts_with("Yes,” he said. \"é😀"), "{}", records[4]);
    assert_eq!(records[4]["title"], "T");
    assert_eq!(records[4]["n"], 1);
    assert!(records[5].get("html").is_none());
}
