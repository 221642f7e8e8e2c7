//! The human formats through the binary: the header and footer once per run whatever the number
//! of documents, unreadable documents kept in view, and `--format brat --output DIR` writing a
//! brat collection with one file pair per document, even when ids repeat (and brat refused on
//! standard output, where brat could not open it), and the CSV's carried columns read back by
//! the csv crate.

use std::io::Write;
use std::process::{Command, Stdio};

/// Two documents with the same id, then a line that is not JSON.
const INPUT: &str = "{\"id\": \"a\", \"text\": \"“We will prevail,” Zelensky said.\"}\n\
                     {\"id\": \"a\", \"text\": \"Stoltenberg said NATO stands with Ukraine.\"}\n\
                     not json\n";

fn run(args: &[&str]) -> String {
    let (status, out) = run_status(args);
    // 1: one document could not be read.
    assert_eq!(status, Some(1));
    out
}

/// The exit status and the standard output of a run over [`INPUT`].
fn run_status(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsclaims"))
        .args(args)
        .arg("--quiet")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(INPUT.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "{stderr}");
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn keep_going_exits_0_with_the_same_records() {
    let (status, out) = run_status(&["--keep-going"]);
    assert_eq!(status, Some(0));
    assert_eq!(out, run(&[]));
    assert_eq!(out.lines().count(), 3);
}

#[test]
fn csv_entities_has_a_row_per_mention() {
    let csv = run(&["--format", "csv-entities"]);
    let jsonl = run(&["--format", "jsonl"]);
    let mentions: usize = jsonl
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|r| r["entities"].as_array().map(Vec::len))
        .sum();
    assert!(mentions > 0);
    assert!(csv.starts_with("\u{feff}document,title,url,date,entity,label,text,start,end,"));
    assert_eq!(csv.lines().count(), 1 + mentions);
}

#[test]
fn csv_has_one_header() {
    let csv = run(&["--format", "csv"]);
    assert_eq!(csv.matches('\u{feff}').count(), 1);
    assert!(csv.starts_with("\u{feff}document,title,url,date,claim,kind,"));
    assert_eq!(csv.matches("document,title,").count(), 1);
    assert!(csv.lines().skip(1).all(|l| l.starts_with("a,")));
}

#[test]
fn html_is_one_page_with_a_section_per_document() {
    let html = run(&["--format", "html"]);
    assert_eq!(html.matches("<!DOCTYPE html>").count(), 1);
    assert_eq!(html.matches("</html>").count(), 1);
    assert_eq!(html.matches("<section class=\"doc").count(), 3);
    assert!(html.contains("<section class=\"doc unreadable\" id=\"d2\">"));
    // The contents list every document, the unreadable one too, in order.
    let toc = &html[html.find("<nav class=\"toc\">").unwrap()..];
    let entries: Vec<usize> = ["#d0", "#d1", "#d2"]
        .iter()
        .map(|a| toc.find(a).unwrap())
        .collect();
    assert!(entries.is_sorted());
}

#[test]
fn brat_to_standard_output_is_refused() {
    let out = Command::new(env!("CARGO_BIN_EXE_newsclaims"))
        .args(["--format", "brat", "-"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("newsclaims: --format brat writes a folder")
            && stderr.contains("--output DIR"),
        "{stderr}"
    );
}

#[test]
fn brat_folder_has_a_file_pair_per_document() {
    let dir = std::env::temp_dir().join(format!("newsclaims-brat-dir-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let stdout = run(&["--format", "brat", "--output", dir.to_str().unwrap()]);
    // The unreadable document has no files: its error record goes to standard output.
    let records: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 1, "{stdout}");
    assert!(records[0]["error"]["kind"].is_string(), "{stdout}");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "a-2.ann",
            "a-2.txt",
            "a.ann",
            "a.txt",
            "annotation.conf",
            "visual.conf"
        ]
    );
    let text = std::fs::read_to_string(dir.join("a-2.txt")).unwrap();
    assert_eq!(text, "Stoltenberg said NATO stands with Ukraine.");
    let _ = std::fs::remove_dir_all(dir);
}

/// Every carried top-level field is a column of its own, in first-seen order over the first
/// documents, whatever the thread count; a field first seen later goes into `other_fields`;
/// read back by the csv crate's reader, every row has every column.
#[test]
fn csv_carried_fields_are_columns() {
    let mut input = String::new();
    for k in 0..20 {
        let (extra, late) = match k {
            0 => (r#""section":"World","n":1,"#, ""),
            1 => (r#""tags":["a","b"],"section":"=cmd","#, ""),
            19 => ("", r#","late":{"x":1.10}"#),
            _ => ("", ""),
        };
        input.push_str(&format!(
            r#"{{"id":"d{k}",{extra}"url":"https://x.org/{k}","text":"“We will prevail,” Zelensky said."{late}}}"#
        ));
        input.push('\n');
    }
    let mut outputs = Vec::new();
    for threads in ["1", "2"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsclaims"))
            .args(["-q", "--format", "csv", "--threads", threads])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        outputs.push(out.stdout);
    }
    assert_eq!(
        outputs[0], outputs[1],
        "the same CSV for one and two threads"
    );
    let body = outputs[0].strip_prefix("\u{feff}".as_bytes()).unwrap();
    let mut reader = csv::Reader::from_reader(body);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let carried = &header[header.len() - 4..];
    assert_eq!(carried, ["section", "n", "tags", "other_fields"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 20, "one claim a document");
    let get = |row: &csv::StringRecord, name: &str| {
        row[header.iter().position(|h| h == name).unwrap()].to_owned()
    };
    assert!(rows.iter().all(|row| row.len() == header.len()));
    assert_eq!(
        [0, 1, 2].map(|k| get(&rows[k], "section")),
        ["World", "'=cmd", ""]
    );
    assert_eq!(get(&rows[0], "n"), "1");
    assert_eq!(get(&rows[1], "tags"), r#"["a","b"]"#);
    assert_eq!(get(&rows[3], "url"), "https://x.org/3");
    assert_eq!(get(&rows[19], "other_fields"), r#"{"late":{"x":1.10}}"#);
    assert_eq!(get(&rows[18], "other_fields"), "");
}
