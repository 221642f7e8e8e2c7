//! The folder walk: the article files under a folder given on the command line, by extension
//! (in any case) or Spark's and Hadoop's `part-NNNNN` names, and the files skipped.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use newsclaims_text::ErrorKind;

use newsclaims_pipeline::Input;

use super::{EXTENSIONS, Pending};

/// A folder walk: the article files under one folder and the files skipped.
#[derive(Default)]
pub(super) struct Walk {
    /// Sort key (the path) and the pending input.
    pub(super) files: Vec<(PathBuf, Pending)>,
    pub(super) skipped: Vec<PathBuf>,
    /// Folders already walked, by canonical path, so a symbolic link loop ends.
    visited: HashSet<PathBuf>,
}

impl Walk {
    pub(super) fn dir(&mut self, dir: &Path) {
        if let Ok(canonical) = dir.canonicalize()
            && !self.visited.insert(canonical)
        {
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                let item = Input::unreadable(
                    dir.display().to_string(),
                    ErrorKind::UnreadableFolder,
                    format!("cannot list {}: {e}", dir.display()),
                );
                self.files.push((dir.to_path_buf(), Pending::Failed(item)));
                return;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let item = Input::unreadable(
                        dir.display().to_string(),
                        ErrorKind::UnreadableFolder,
                        format!("listing {} failed part way: {e}", dir.display()),
                    );
                    self.files.push((dir.to_path_buf(), Pending::Failed(item)));
                    return;
                }
            };
            let path = entry.path();
            // `is_dir` follows symbolic links; `visited` stops loops.
            if path.is_dir() {
                self.dir(&path);
            } else if path.extension().is_some_and(|e| {
                EXTENSIONS
                    .iter()
                    .any(|x| e.to_string_lossy().eq_ignore_ascii_case(x))
            }) || path.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.starts_with("part-") && !n.contains('.')
            }) {
                let pending = Pending::File {
                    path: path.clone(),
                    named: false,
                };
                self.files.push((path, pending));
            } else {
                self.skipped.push(path);
            }
        }
    }
}
