//! The human formats through the binary: the header and footer once per run whatever the number
//! of documents, unreadable documents kept in view, and `--format brat --output DIR` writing a
//! brat collection with one file pair per document, even when ids repeat (and brat refused on
//! standard output, where brat could not open it).

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
