//! `cargo xtask tidy`: checks of the source tree that no compiler makes (rust-analyzer's tidy
//! test). It fails when a `.rs` file lacks its `//!` opening comment, a dependency edge between
//! workspace crates is not listed in ARCHITECTURE.md, `unsafe` code appears, a snapshot file
//! exceeds [`MAX_SNAPSHOT_BYTES`], or a problem or error kind is spelled as a string outside its
//! enum in `newsclaims-text`. Files over [`MAX_FILE_LINES`] lines and functions over
//! [`MAX_FN_LINES`] are listed as warnings, without failing: some are still being split.
//!
//! It reads files only, so it runs before anything is compiled.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// A snapshot larger than this pins too much at once: one model change rewrites it whole.
const MAX_SNAPSHOT_BYTES: u64 = 20 * 1024;
/// STYLE.md: files under about 600 lines.
const MAX_FILE_LINES: usize = 600;
/// STYLE.md: functions under about 100 lines.
const MAX_FN_LINES: usize = 100;

/// The section of ARCHITECTURE.md that lists the allowed edges, one `- `a` → `b`: why` a line.
const EDGES_HEADING: &str = "## Dependency edges";

/// Runs every check; prints the warnings, fails listing every error.
pub(crate) fn run(root: &Path) -> Result<()> {
    let report = check(root)?;
    for warning in &report.warnings {
        println!("tidy: warning: {warning}");
    }
    if !report.errors.is_empty() {
        bail!("tidy:\n  {}", report.errors.join("\n  "));
    }
    println!(
        "tidy: {} files clean ({} warnings)",
        report.files,
        report.warnings.len()
    );
    Ok(())
}

#[derive(Default)]
struct Report {
    files: usize,
    errors: Vec<String>,
    warnings: Vec<String>,
}

fn check(root: &Path) -> Result<Report> {
    let mut report = Report::default();
    let mut sources = Vec::new();
    for dir in ["crates", "xtask", "fuzz"] {
        walk(&root.join(dir), &mut sources);
    }
    sources.sort();
    let kinds = kind_names(root)?;
    for path in &sources {
        let rel = path
            .strip_prefix(root)
            .unwrap_or(path)
            .display()
            .to_string();
        if rel.ends_with(".snap") {
            let size = std::fs::metadata(path)?.len();
            if size > MAX_SNAPSHOT_BYTES {
                report.errors.push(format!(
                    "{rel}: snapshot of {size} bytes, over {MAX_SNAPSHOT_BYTES}: snapshot less"
                ));
            }
            continue;
        }
        if !rel.ends_with(".rs") {
            continue;
        }
        report.files += 1;
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {rel}"))?;
        check_source(&rel, &text, &kinds, &mut report);
    }
    check_edges(root, &mut report)?;
    Ok(report)
}

fn check_source(rel: &str, text: &str, kinds: &BTreeSet<String>, report: &mut Report) {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if !first.starts_with("//!") {
        report.errors.push(format!(
            "{rel}: starts without a `//!` comment saying what it does"
        ));
    }
    // The word is assembled so that this file does not flag itself.
    let keyword = ["un", "safe"].concat();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let hit = code
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .any(|w| w == keyword)
            && !code.contains(&format!("'{keyword}-"));
        if hit {
            report.errors.push(format!(
                "{rel}:{}: `{keyword}` code (the workspace forbids it)",
                n + 1
            ));
        }
    }
    let in_enum_home = rel == "crates/newsclaims-text/src/lib.rs";
    let is_test = rel.contains("/tests/") || rel.contains("/benches/");
    if !in_enum_home && !is_test && !rel.starts_with("xtask/") {
        // Test modules sit at the end of a file; they may compare output strings.
        let body = text.split("#[cfg(test)]").next().unwrap_or(text);
        for (n, line) in body.lines().enumerate() {
            for kind in kinds {
                if line.contains(&format!("\"{kind}\"")) {
                    report.errors.push(format!(
                        "{rel}:{}: the kind \"{kind}\" spelled as a string: use its enum in newsclaims-text",
                        n + 1
                    ));
                }
            }
        }
    }
    let lines = text.lines().count();
    if lines > MAX_FILE_LINES {
        report
            .warnings
            .push(format!("{rel}: {lines} lines, over {MAX_FILE_LINES}"));
    }
    for (name, start, len) in functions(text) {
        if len > MAX_FN_LINES {
            report.warnings.push(format!(
                "{rel}:{start}: fn {name} has {len} lines, over {MAX_FN_LINES}"
            ));
        }
    }
}

/// The functions of a rustfmt-formatted file: name, first line (1-based) and length in lines.
/// A function ends at the first line that closes a brace at the indentation it started at.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let Some(after) = trimmed
            .split_once("fn ")
            .filter(|(head, _)| head.split_whitespace().all(is_fn_qualifier))
            .map(|(_, rest)| rest)
        else {
            continue;
        };
        let name: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() || trimmed.ends_with(';') || trimmed.ends_with('}') {
            continue;
        }
        let close = format!("{}}}", " ".repeat(indent));
        if let Some(end) = lines[k + 1..].iter().position(|l| *l == close) {
            out.push((name, k + 1, end + 2));
        }
    }
    out
}

fn is_fn_qualifier(word: &str) -> bool {
    matches!(
        word,
        "pub" | "pub(crate)" | "pub(super)" | "const" | "async" | "extern"
    )
}

/// The kebab-case names of the problem and error kinds, read from their enums.
fn kind_names(root: &Path) -> Result<BTreeSet<String>> {
    let path = root.join("crates/newsclaims-text/src/lib.rs");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let names: BTreeSet<String> = text
        .lines()
        .filter_map(|l| l.trim().split_once(" => \""))
        .filter(|(variant, _)| variant.chars().all(char::is_alphanumeric))
        .filter_map(|(_, rest)| rest.strip_suffix("\","))
        .map(str::to_owned)
        .collect();
    if names.is_empty() {
        bail!("no kind names found in {}", path.display());
    }
    Ok(names)
}

/// Every `[dependencies]` or `[build-dependencies]` edge between workspace crates must be
/// listed in ARCHITECTURE.md's edge section, and every listed edge must exist.
fn check_edges(root: &Path, report: &mut Report) -> Result<()> {
    let architecture =
        std::fs::read_to_string(root.join("ARCHITECTURE.md")).context("reading ARCHITECTURE.md")?;
    let section = architecture
        .split_once(EDGES_HEADING)
        .map(|(_, rest)| rest.split("\n## ").next().unwrap_or(rest))
        .with_context(|| format!("ARCHITECTURE.md has no `{EDGES_HEADING}` section"))?;
    let listed: BTreeSet<(String, String)> = section
        .lines()
        .filter_map(|l| l.strip_prefix("- `"))
        .filter_map(|l| {
            let (from, rest) = l.split_once("` → `")?;
            let (to, _) = rest.split_once('`')?;
            Some((from.to_owned(), to.to_owned()))
        })
        .collect();
    let mut found = BTreeSet::new();
    let mut manifests: Vec<PathBuf> = std::fs::read_dir(root.join("crates"))?
        .flatten()
        .map(|e| e.path().join("Cargo.toml"))
        .filter(|p| p.is_file())
        .collect();
    manifests.push(root.join("xtask/Cargo.toml"));
    manifests.sort();
    for manifest in manifests {
        let text = std::fs::read_to_string(&manifest)?;
        let name = package_name(&text).with_context(|| format!("{}", manifest.display()))?;
        let mut section = "";
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with('[') {
                section = line;
                continue;
            }
            if !matches!(section, "[dependencies]" | "[build-dependencies]") {
                continue;
            }
            let dep: String = line
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if dep.starts_with("newsclaims") || dep == "xtask" {
                found.insert((name.clone(), dep));
            }
        }
    }
    for (from, to) in found.difference(&listed) {
        report.errors.push(format!(
            "the edge {from} → {to} is not in ARCHITECTURE.md's `{EDGES_HEADING}`: add it with its reason, or remove the dependency"
        ));
    }
    for (from, to) in listed.difference(&found) {
        report.errors.push(format!(
            "ARCHITECTURE.md lists the edge {from} → {to}, which no Cargo.toml has"
        ));
    }
    Ok(())
}

fn package_name(manifest: &str) -> Option<String> {
    let line = manifest
        .lines()
        .find(|l| l.trim_start().starts_with("name"))?;
    Some(line.split('"').nth(1)?.to_owned())
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if name != "target" && name != "corpus" && name != "artifacts" {
                walk(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs" || e == "snap") {
            out.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as it is passes: `cargo test -p xtask` (so `cargo xtask ci`) runs this.
    #[test]
    fn the_tree_is_tidy() {
        if let Err(e) = run(&crate::root()) {
            panic!("{e:#}");
        }
    }

    #[test]
    fn finds_long_functions() {
        let text = "fn a() {\n    x;\n}\n\npub(crate) fn b(\n    y: u8,\n) -> u8 {\n    y\n}\n";
        let found = functions(text);
        assert_eq!(found, vec![("a".to_owned(), 1, 3), ("b".to_owned(), 5, 5)]);
    }

    #[test]
    fn flags_a_kind_spelled_as_a_string() {
        let kinds: BTreeSet<String> = ["truncated".to_owned()].into();
        let mut report = Report::default();
        check_source(
            "crates/x/src/lib.rs",
            "//! x\nfn f() -> &'static str { \"truncated\" }\n",
            &kinds,
            &mut report,
        );
        assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    }
}
