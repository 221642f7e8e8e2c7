//! Integration tests.

mod bad_input;
mod formats;
