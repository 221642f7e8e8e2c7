//! The command line of the `newsclaims` binary, as a library so that the generator of its shell
//! completions and man page (`examples/generate_docs.rs`) builds from the same declaration. The
//! run itself is in `main.rs`; nothing else is public.

pub mod args;
