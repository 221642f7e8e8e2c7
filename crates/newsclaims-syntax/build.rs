//! Lays the POS perceptron of `model/syntax.bin` out as the table the tagger reads where it lies
//! in the binary (`OUT_DIR/pos.bin`), with the crate's own layout code (`src/image.rs`):
//! building the 4 MB table at start-up cost 13 million instructions and a thousand page
//! faults, a third of a one-article run's.

use std::path::Path;

#[allow(dead_code)]
#[path = "src/image.rs"]
mod image;

fn main() {
    for file in ["build.rs", "src/image.rs", "model/syntax.bin"] {
        println!("cargo:rerun-if-changed={file}");
    }
    let model = std::fs::read("model/syntax.bin")
        .unwrap_or_else(|e| panic!("cannot read model/syntax.bin: {e}"));
    let mut rest = model
        .strip_prefix(image::MAGIC)
        .expect("model/syntax.bin is not a syntax model");
    image::skip_dictionary(&mut rest);
    let pos = image::encode(&mut rest);
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("pos.bin");
    std::fs::write(&out, pos).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
