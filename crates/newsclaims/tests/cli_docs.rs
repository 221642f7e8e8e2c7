//! The committed shell completions and man page (written by `cargo xtask cli-docs`, whose
//! `--check` CI runs) know every flag of the parser, and the bash completion completes flags and
//! format names when bash runs it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every long flag of the parser, `--format` ...
fn long_flags() -> Vec<String> {
    newsclaims_cli::args::command()
        .get_arguments()
        .filter_map(|a| a.get_long())
        .map(|l| format!("--{l}"))
        .chain(["--help".to_owned(), "--version".to_owned()])
        .collect()
}

#[test]
fn every_flag_is_in_the_completions_and_the_man_page() {
    for file in [
        "completions/newsclaims.bash",
        "completions/_newsclaims",
        "completions/newsclaims.fish",
        "completions/newsclaims.elv",
        "completions/_newsclaims.ps1",
        "docs/newsclaims.1",
    ] {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        // The man page escapes dashes (`\-\-format`), fish names flags without them (`-l format`).
        let text = text.replace("\\-", "-").replace("-l ", "--");
        for flag in long_flags() {
            assert!(text.contains(&flag), "{file} lacks {flag}");
        }
    }
}

/// What the bash completion offers for the words typed so far (the last one being completed).
fn complete(words: &[&str]) -> Vec<String> {
    let script = root().join("completions/newsclaims.bash");
    let cword = words.len() - 1;
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "source '{}'; COMP_WORDS=({}); COMP_CWORD={cword}; \
         _newsclaims newsclaims '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        quoted.join(" "),
        words[cword],
        words[cword.saturating_sub(1)]
    );
    let out = Command::new("bash")
        .args(["--norc", "-c", &program])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_flags_and_formats() {
    if Command::new("bash").arg("--version").output().is_err() {
        println!("bash is absent: the bash completion is not run");
        return;
    }
    assert_eq!(complete(&["newsclaims", "--ke"]), ["--keep-going"]);
    assert_eq!(
        complete(&["newsclaims", "--format", "csv"]),
        ["csv", "csv-entities"]
    );
    assert_eq!(
        complete(&["newsclaims", "--input-format", ""]),
        ["auto", "jsonl", "text"]
    );
}
