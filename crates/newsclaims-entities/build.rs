//! Hashes the embedded lexicons (`lexicons/`), word clusters (`model/clusters.txt`) and first
//! names' shares female into the tables [`Lexicon::embedded`], the tagger's model and
//! `first_name_share` read where they lie in the binary (`OUT_DIR/lexicon.bin`, `clusters.bin`,
//! `first_names.bin`), with the crate's own code for their keys and the table
//! (`src/lexicon/{hash,entries,table}.rs`): parsing and hashing the 60,000 lexicon lines at
//! start-up cost 43 million instructions, a third of a one-article run's, the 20,000 cluster
//! lines about 16 million more and the 10,000 first names 8 million.
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
    write(
        "lexicon.bin",
        &table::encode(keys.into_iter().map(|(k, v)| (k, u32::from(v)))),
    );
    let path = Path::new("model").join("clusters.txt");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    write(
        "clusters.bin",
        &table::encode(entries::cluster_keys(&text).into_iter()),
    );
    let first_names = entries::FILES
        .iter()
        .position(|(name, _)| *name == "first_names.tsv")
        .expect("a listed file");
    write(
        "first_names.bin",
        &table::encode(entries::first_name_keys(texts[first_names]).into_iter()),
    );
}

/// Writes `bytes` to `name` in `OUT_DIR`.
fn write(name: &str, bytes: &[u8]) {
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(name);
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
