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
#[path = "src/numbers/follow.rs"]
mod follow;
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
    rule_words();
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

/// The words of the numeric rules' string literals (not their tests'), as `follow.bin` (the bitmap that
/// `src/numbers/follow.rs` reads) and `follow.txt` (one word a line, for the tests).
fn rule_words() {
    let mut sources = vec![
        Path::new("src/numbers.rs").to_path_buf(),
        Path::new("src/calendar.rs").to_path_buf(),
    ];
    let dir = Path::new("src/numbers");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        // Not the tests: their words are examples, not words the rules know.
        .filter(|p| p.extension().is_some_and(|x| x == "rs") && !p.ends_with("tests.rs"))
        .collect();
    files.sort();
    sources.extend(files);
    let mut words = std::collections::BTreeSet::new();
    for path in &sources {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        for literal in string_literals(&text) {
            // As `Pieces::low` and `Rules::base` read a piece: lowercase, straight apostrophes,
            // with and without a possessive ending.
            let low = literal.to_lowercase().replace('’', "'");
            let base = low
                .strip_suffix("'s")
                .or_else(|| low.strip_suffix('\''))
                .unwrap_or(&low)
                .to_string();
            words.extend([low, base].into_iter().filter(|w| !w.is_empty()));
        }
    }
    let mut table = vec![0u8; 1 << (follow::BITS - 3)];
    for w in &words {
        follow::insert(&mut table, w.as_bytes());
    }
    write("follow.bin", &table);
    let list: String = words.iter().map(|w| format!("{w}\n")).collect();
    write("follow.txt", list.as_bytes());
}

/// The contents of the string and byte-string literals of Rust source `text`, escapes left as
/// written (the rules' words have none). Comments are skipped, and so are char literals, whose
/// `'"'` would otherwise open a string.
fn string_literals(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '"' => {
                let mut s = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        s.push(chars[i]);
                        i += 1;
                    }
                    if let Some(&c) = chars.get(i) {
                        s.push(c);
                    }
                    i += 1;
                }
                out.push(s);
                i += 1;
            }
            // A char literal (`'a'`, `'\''`), not a lifetime (`'a`).
            '\'' if chars.get(i + 1) == Some(&'\\') => {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            }
            '\'' if chars.get(i + 2) == Some(&'\'') => i += 3,
            _ => i += 1,
        }
    }
    out
}

/// Writes `bytes` to `name` in `OUT_DIR`.
fn write(name: &str, bytes: &[u8]) {
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(name);
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
