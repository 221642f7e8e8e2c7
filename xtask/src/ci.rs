//! `cargo xtask ci`: what CI runs. Formatting and `tidy` first (neither compiles anything), then that the generated files (schema,
//! lexicons, models) are current, clippy with `-D warnings`, every test with `CI=true` (so insta
//! never writes snapshots), and a check that no snapshot file is orphaned.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Result, bail};

use crate::{cargo, root, run_status};

pub(crate) fn run() -> Result<()> {
    // Formatting first: it needs no compiling, and fails in seconds.
    run_status(cargo().args(["fmt", "--all", "--check"]))?;
    crate::tidy::run(&root())?;
    // Generated files: each `--check` regenerates from code and data and compares bytes (the
    // trainers say so and pass where the research data is absent).
    let code = crate::dev_task("check-generated", &[])?;
    if code != 0 {
        bail!("newsclaims-dev check-generated failed (exit status {code})");
    }
    run_status(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "-q",
        "--",
        "-D",
        "warnings",
    ]))?;
    let refs = root().join("target/insta-references.txt");
    let _ = std::fs::remove_file(&refs);
    std::fs::create_dir_all(root().join("target"))?;
    run_status(
        cargo()
            .args(["test", "--workspace"])
            .env("CI", "true")
            .env("INSTA_UPDATE", "no")
            .env("INSTA_SNAPSHOT_REFERENCES_FILE", &refs),
    )?;
    orphaned_snapshots(&refs)?;
    crate::python::run()
}

/// Fails when a `.snap` file on disk was not touched by any test.
fn orphaned_snapshots(refs: &Path) -> Result<()> {
    let touched: BTreeSet<String> = std::fs::read_to_string(refs)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| std::fs::canonicalize(l.trim()).ok())
        .map(|p| p.display().to_string())
        .collect();
    let mut on_disk = Vec::new();
    find_snaps(&root().join("crates"), &mut on_disk);
    let orphans: Vec<String> = on_disk
        .into_iter()
        .filter_map(|p| std::fs::canonicalize(&p).ok())
        .map(|p| p.display().to_string())
        .filter(|p| !touched.contains(p))
        .collect();
    if !orphans.is_empty() {
        bail!(
            "orphaned snapshots (no test uses them; delete them):\n  {}",
            orphans.join("\n  ")
        );
    }
    println!("ci: {} snapshots, none orphaned", touched.len());
    Ok(())
}

fn find_snaps(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "target") {
                find_snaps(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "snap") {
            out.push(path);
        }
    }
}
