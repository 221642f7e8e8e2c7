//! The command line of the `newsclaims` binary, as a library so that the generator of its shell
//! completions and man page (`examples/generate_docs.rs`) builds from the same declaration, and
//! the JSON Lines reader, so that a fuzz target can drive it. The run itself is in `main.rs`.

pub mod args;
pub mod jsonl;
