//! Input as engines feed it, through the binary: `--input-format jsonl` answers line N with
//! record N whatever the line holds, `.json` arrays, `part-00000` and upper-case extensions are
//! read by what they are, other fields come out byte for byte in their order, byte-order marks
//! anywhere, `--id-prefix`, `--keep-going`, a reader that goes away early, and a slow trickle of
//! lines answered line by line.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;

use crate::bad_input::{run, s, scratch};

/// Every line of a stream gets exactly one record, in its place: output line N is input line N
/// (blank lines, a bad first line, a JSON array, CRLF, no final newline).
#[test]
fn jsonl_mode_answers_every_line_in_its_place() {
    let input = b"garbage first\n{\"id\":\"a\",\"text\":\"He said so.\"}\r\n\n  \r\n[1,2]\n\
                  \xef\xbb\xbf{\"id\":\"b\",\"text\":\"x\"}\n{\"id\":\"c\",\"text\":\"Last.\"}";
    let out = run(&["--input-format", "jsonl", "-q", "-f", "jsonl"], input);
    let records = out.records();
    let want = [
        ("stdin:1", Some("malformed-json")),
        ("a", None),
        ("stdin:3", Some("blank-line")),
        ("stdin:4", Some("blank-line")),
        ("stdin:5", Some("malformed-json")),
        ("b", None),
        ("c", None),
    ];
    assert_eq!(records.len(), want.len(), "{records:?}");
    for (n, (record, (id, error))) in records.iter().zip(want).enumerate() {
        assert_eq!(record["id"], id, "line {}", n + 1);
        match error {
            Some(kind) => {
                assert_eq!(record["error"]["kind"], kind, "line {}", n + 1);
                assert_eq!(record["error"]["line"], n as u64 + 1);
            }
            None => assert!(record["error"].is_null(), "line {}: {record}", n + 1),
        }
    }
    assert_eq!(out.status, Some(1), "unreadable lines: status 1");
    // --keep-going: the same records, status 0.
    let kept = run(
        &[
            "--input-format",
            "jsonl",
            "-q",
            "-f",
            "jsonl",
            "--keep-going",
        ],
        input,
    );
    assert_eq!(kept.stdout, out.stdout);
    assert_eq!(kept.status, Some(0));
    // --id-prefix makes the made-up ids of two partitions differ.
    let prefixed = run(
        &["--input-format", "jsonl", "-q", "--id-prefix", "part-7"],
        input,
    );
    assert_eq!(prefixed.records()[0]["id"], "part-7:stdin:1");
}

/// Auto mode reads stdin by its content: a bad first line no longer makes the stream one
/// article when the flag says JSON Lines, and text stays text.
#[test]
fn stdin_by_content() {
    let text = run(&["-q"], b"Plain words. \"Yes,\" he said.\n");
    let records = text.records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["id"], "stdin");
    // A byte-order mark, then a blank line: no spurious record.
    let bom = run(&["-q"], b"\xef\xbb\xbf\n{\"id\":\"a\",\"text\":\"x\"}\n");
    assert_eq!(bom.records().len(), 1, "{}", bom.stderr);
    assert_eq!(bom.records()[0]["id"], "a");
    // A text forced with --input-format text, whatever it starts with.
    let forced = run(
        &["-q", "--input-format", "text"],
        b"{\"id\":\"a\",\"text\":\"x\"}\n",
    );
    assert_eq!(forced.records()[0]["id"], "stdin");
}

/// A byte-order mark split over two reads of a slow pipe is still one.
#[test]
fn byte_order_mark_split_across_reads() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsclaims"))
        .args(["-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut stdin = child.stdin.take().expect("piped");
    stdin.write_all(b"\xef").unwrap();
    stdin.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    stdin
        .write_all(b"\xbb\xbf{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n")
        .unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let ids: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].clone())
        .collect();
    assert_eq!(ids, ["a", "b"]);
}

/// `.json` (JSON Lines or an array), `part-00000` and `D.JSONL` are read as what they hold.
#[test]
fn files_by_content_and_any_case() {
    let dir = scratch("input-formats");
    let lines = "{\"id\":\"l1\",\"text\":\"One.\"}\n{\"id\":\"l2\",\"text\":\"Two.\"}\n";
    std::fs::write(dir.join("lines.json"), lines).unwrap();
    std::fs::write(
        dir.join("array.json"),
        "[{\"id\":\"a1\",\"text\":\"One.\"},\n {\"id\":\"a2\",\"text\":\"Two.\"}]",
    )
    .unwrap();
    std::fs::write(dir.join("part-00000"), lines).unwrap();
    std::fs::write(dir.join("D.JSONL"), lines).unwrap();
    for (file, ids) in [
        ("lines.json", ["l1", "l2"]),
        ("array.json", ["a1", "a2"]),
        ("part-00000", ["l1", "l2"]),
        ("D.JSONL", ["l1", "l2"]),
    ] {
        let out = run(&["-q", "-f", "jsonl", s(&dir.join(file))], b"");
        let got: Vec<Value> = out.records().iter().map(|r| r["id"].clone()).collect();
        assert_eq!(got, ids, "{file}");
    }
    // A folder walk takes all four.
    let out = run(&["-q", "-f", "jsonl", s(&dir)], b"");
    assert_eq!(out.records().len(), 8);
}

/// Other fields come out as they were written: their order, the digits of numbers, nested key
/// order; a numeric id keeps its exact digits, so two long ids stay two.
#[test]
fn other_fields_byte_for_byte() {
    let input = concat!(
        r#"{"id":123456789012345678901234567890,"zeta":1.10,"alpha":{"b":1,"a":[2.50,1e3]},"text":"He said so."}"#,
        "\n",
        r#"{"id":123456789012345678901234567891,"text":"x"}"#,
        "\n"
    );
    let out = run(&["-q", "-f", "jsonl"], input.as_bytes());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with(
            r#"{"schema":"newsclaims/1","id":"123456789012345678901234567890","zeta":1.10,"alpha":{"b":1,"a":[2.50,1e3]},"sentences""#
        ),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains(r#""id":"123456789012345678901234567891""#));
    assert!(!lines[1].contains("duplicate-id"), "two ids, not one");
}

/// A reader that goes away (`newsclaims docs.jsonl | head -c 10`) ends the run quietly, status 0.
#[test]
fn broken_pipe_ends_quietly() {
    let record = "{\"id\":\"a\",\"text\":\"“We won,” she said. The vote was 52 to 48.\"}\n";
    let input = record.repeat(2000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsclaims"))
        .args(["-f", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut head = [0u8; 10];
    child
        .stdout
        .take()
        .unwrap()
        .read_exact(&mut head)
        .expect("ten bytes");
    // stdout is dropped here: the pipe's reader is gone.
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// A slow trickle of JSON Lines on standard input streams: each line's record comes out before
/// the next line is written and before standard input is closed, with one thread or two.
#[test]
fn a_trickle_of_lines_streams() {
    for (threads, format) in [("1", "jsonl"), ("2", "jsonl"), ("2", "auto")] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsclaims"))
            .args(["-q", "--threads", threads, "--input-format", format])
            .args(["--format", "jsonl"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let lines = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                if tx.send(line.unwrap()).is_err() {
                    break;
                }
            }
        });
        for id in ["first", "second", "third"] {
            writeln!(stdin, r#"{{"id":"{id}","text":"“Yes,” {id} said."}}"#).unwrap();
            stdin.flush().unwrap();
            // Far longer than one line takes; a record held back until the end never comes.
            let line = rx
                .recv_timeout(Duration::from_secs(60))
                .unwrap_or_else(|_| panic!("no record for {id} while input is open ({threads})"));
            let record: Value = serde_json::from_str(&line).unwrap();
            assert_eq!(record["id"], id);
        }
        drop(stdin);
        assert!(child.wait().unwrap().success());
        lines.join().unwrap();
        assert!(rx.try_recv().is_err(), "one record per line");
    }
}
