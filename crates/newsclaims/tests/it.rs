//! Integration tests.

mod bad_input;
mod cli_docs;
mod contract;
mod formats;
mod input_formats;
mod reliability;
