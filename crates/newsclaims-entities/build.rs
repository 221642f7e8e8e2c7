//! Hashes the embedded lexicons (`lexicons/`) into the table [`Lexicon::embedded`] reads where it
//! lies in the binary (`OUT_DIR/lexicon.bin`), with the crate's own code for their keys and the
//! table (`src/lexicon/{hash,entries,table}.rs`): parsing and hashing the 60,000 lines at
//! start-up cost 43 million instructions, a third of a one-article run's.
//!
//! [`Lexicon::embedded`]: src/lexicon.rs

use std::path::Path;

#[allow(dead_code)]
#[path = "src/lexicon/entries.rs"]
mod entries;
#[allow(dead_code)]
#[path = "src/lexicon/hash.rs"]
mod hash;
#[allow(dead_code)]
#[path = "src/lexicon/table.rs"]
mod table;

fn main() {
    for file in [
        "build.rs",
        "src/lexicon/entries.rs",
        "src/lexicon/hash.rs",
        "src/lexicon/table.rs",
    ] {
        println!("cargo:rerun-if-changed={file}");
    }
    let texts: Vec<String> = entries::FILES
        .iter()
        .map(|(name, _)| {
            let path = Path::new("lexicons").join(name);
            println!("cargo:rerun-if-changed={}", path.display());
            std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
        })
        .collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let keys = entries::entries(&texts);
    let bytes = table::encode(keys.into_iter().map(|(k, v)| (k, u32::from(v))));
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lexicon.bin");
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
