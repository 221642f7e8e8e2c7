//! `--format brat --output DIR`: a brat collection, one `<id>.txt` and `<id>.ann` per document
//! plus the `annotation.conf` and `visual.conf` that tell brat (and INCEpTION) the types.
//!
//! Invariants: nothing outside the folder is written and no existing file is changed unless
//! `--force`: every file is created anew (`create_new`, which also refuses to follow a symbolic
//! link in the folder), and with `--force` an existing name is unlinked first (so a hard link to
//! another file is never written through). A folder that holds an input, or lies inside an input
//! folder, is refused before anything is read. File names come from the ids
//! ([`newsclaims_format::brat_file_stem`]); an id that is too long for a file name, or that had
//! characters a file name cannot hold, gives a shortened name with a hash of the id, and the
//! `.ann` file names the id in a note. Two documents whose ids give the same name get `-2`,
//! `-3`, ... A document whose files cannot be written gets an error record; the run goes on.

use std::collections::BTreeSet;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// Bytes of a file name's stem at most: file systems allow 255 bytes a name, and the suffixes
/// (`-2`, `.ann`) and a hash need room.
const MAX_STEM_BYTES: usize = 120;

pub(crate) struct BratDir {
    dir: PathBuf,
    stems: BTreeSet<String>,
    force: bool,
}

impl BratDir {
    /// Creates the folder (when needed) and its configuration files; refuses a folder that is or
    /// holds an input, or lies inside an input folder.
    pub(crate) fn create(dir: PathBuf, force: bool, inputs: &[PathBuf]) -> Result<BratDir> {
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let canonical = dir
            .canonicalize()
            .with_context(|| format!("reading {}", dir.display()))?;
        for input in inputs.iter().filter(|i| i.as_os_str() != "-") {
            let Ok(input) = input.canonicalize() else {
                continue;
            };
            if input.starts_with(&canonical) || canonical.starts_with(&input) {
                bail!(
                    "the brat folder {} holds an input or is inside one ({}): its files could be \
                     overwritten or read back; write elsewhere",
                    dir.display(),
                    input.display()
                );
            }
        }
        let brat = BratDir {
            dir,
            stems: BTreeSet::new(),
            force,
        };
        for (name, conf) in [
            ("annotation.conf", newsclaims_format::BRAT_ANNOTATION_CONF),
            ("visual.conf", newsclaims_format::BRAT_VISUAL_CONF),
        ] {
            let path = brat.dir.join(name);
            // The same file from an earlier run is fine as it is.
            if std::fs::read(&path).is_ok_and(|old| old == conf.as_bytes()) {
                continue;
            }
            brat.create_file(&path, conf.as_bytes())
                .map_err(anyhow::Error::msg)?;
        }
        Ok(brat)
    }

    /// Writes one document's text and annotations (rendered by [`newsclaims_format::brat_ann`]);
    /// `Err` says why they could not be written.
    pub(crate) fn write(&mut self, id: &str, text: &str, ann: &str) -> Result<(), String> {
        let (base, renamed) = stem_for(id);
        let mut stem = base.clone();
        let mut n = 1;
        // Compared without case, for file systems that ignore it.
        while !self.stems.insert(stem.to_lowercase()) {
            n += 1;
            stem = format!("{base}-{n}");
        }
        let ann = match (renamed, ann.starts_with("T1\t")) {
            // brat's notes hang on an annotation: the first one carries the id.
            (true, true) => format!("#0\tAnnotatorNotes T1\tid: {}\n{ann}", one_line(id)),
            _ => ann.to_owned(),
        };
        for (ext, contents) in [("txt", text), ("ann", ann.as_str())] {
            let path = self.dir.join(format!("{stem}.{ext}"));
            self.create_file(&path, contents.as_bytes())?;
        }
        Ok(())
    }

    /// Creates `path` with `contents`: never through an existing file or link; an existing name
    /// is an error unless `--force`, which removes it first.
    fn create_file(&self, path: &Path, contents: &[u8]) -> Result<(), String> {
        let open = || OpenOptions::new().write(true).create_new(true).open(path);
        let file = match open() {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && self.force => {
                std::fs::remove_file(path)
                    .map_err(|e| format!("removing {}: {e}", path.display()))?;
                open()
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(format!(
                    "{} exists; give --force to overwrite it",
                    path.display()
                ));
            }
            other => other,
        };
        file.and_then(|mut f| f.write_all(contents))
            .map_err(|e| format!("writing {}: {e}", path.display()))
    }
}

/// The file stem of `id`, and whether it had to be changed beyond the characters
/// [`newsclaims_format::brat_file_stem`] replaces: too long, cut and given a hash of the id.
fn stem_for(id: &str) -> (String, bool) {
    let stem = newsclaims_format::brat_file_stem(id);
    if stem.len() <= MAX_STEM_BYTES {
        return (stem.clone(), stem != id);
    }
    let mut end = MAX_STEM_BYTES - 17;
    while !stem.is_char_boundary(end) {
        end -= 1;
    }
    (format!("{}-{:016x}", &stem[..end], fnv(id)), true)
}

/// FNV-1a over the id's bytes: a fixed function, so that runs agree on names.
fn fnv(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
