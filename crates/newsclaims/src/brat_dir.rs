//! `--format brat --output DIR`: a brat collection, one `<id>.txt` and `<id>.ann` per document
//! plus the `annotation.conf` and `visual.conf` that tell brat (and INCEpTION) the types.
//!
//! File names come from the ids ([`newsclaims_format::brat_file_stem`]); two documents whose ids
//! give the same name get `-2`, `-3`, ... so that no file is written twice. Unreadable documents
//! have no text to annotate and get no files (their error records are in the other formats).

use std::collections::BTreeSet;
use std::path::PathBuf;

use anyhow::{Context, Result};

pub(crate) struct BratDir {
    dir: PathBuf,
    stems: BTreeSet<String>,
}

impl BratDir {
    pub(crate) fn create(dir: PathBuf) -> Result<BratDir> {
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        for (name, conf) in [
            ("annotation.conf", newsclaims_format::BRAT_ANNOTATION_CONF),
            ("visual.conf", newsclaims_format::BRAT_VISUAL_CONF),
        ] {
            let path = dir.join(name);
            std::fs::write(&path, conf).with_context(|| format!("writing {}", path.display()))?;
        }
        Ok(BratDir {
            dir,
            stems: BTreeSet::new(),
        })
    }

    /// Writes one document's text and annotations (rendered by [`newsclaims_format::brat_ann`]).
    pub(crate) fn write(&mut self, id: &str, text: &str, ann: &str) -> Result<()> {
        let base = newsclaims_format::brat_file_stem(id);
        let mut stem = base.clone();
        let mut n = 1;
        // Compared without case, for file systems that ignore it.
        while !self.stems.insert(stem.to_lowercase()) {
            n += 1;
            stem = format!("{base}-{n}");
        }
        for (ext, contents) in [("txt", text), ("ann", ann)] {
            let path = self.dir.join(format!("{stem}.{ext}"));
            std::fs::write(&path, contents)
                .with_context(|| format!("writing {}", path.display()))?;
        }
        Ok(())
    }
}
