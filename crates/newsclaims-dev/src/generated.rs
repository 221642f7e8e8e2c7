//! What every generator task shares: finding its source data, and writing its output or, with
//! `--check`, comparing it with the committed files.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// Whether a generator's source data is present. Absent, `--check` passes with a notice (the
/// research data is not everywhere CI runs) and a real run fails saying what the data is for.
pub(crate) fn source_present(task: &str, path: &Path, check: bool, used_for: &str) -> Result<bool> {
    if path.exists() {
        return Ok(true);
    }
    if check {
        println!(
            "{task} --check: {} is absent; nothing to compare",
            path.display()
        );
        return Ok(false);
    }
    bail!("{} is absent: {used_for}", path.display())
}

/// Writes what `task` generated, or with `check` fails naming every committed file that differs
/// from it.
pub(crate) fn write_or_check(task: &str, files: &[(PathBuf, Vec<u8>)], check: bool) -> Result<()> {
    if check {
        let stale: Vec<String> = files
            .iter()
            .filter(|(path, bytes)| std::fs::read(path).ok().as_deref() != Some(bytes.as_slice()))
            .map(|(path, _)| path.display().to_string())
            .collect();
        if !stale.is_empty() {
            bail!(
                "stale, run `cargo xtask {task}` and commit: {}",
                stale.join(", ")
            );
        }
        let sizes: Vec<String> = files
            .iter()
            .map(|(path, bytes)| format!("{} ({} bytes)", path.display(), bytes.len()))
            .collect();
        println!(
            "{task} --check: the committed files match: {}",
            sizes.join(", ")
        );
        return Ok(());
    }
    for (path, bytes) in files {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .with_context(|| format!("creating {}", folder.display()))?;
        }
        std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))?;
        println!("{task}: wrote {} ({} bytes)", path.display(), bytes.len());
    }
    Ok(())
}
