//! Integration tests.
mod numeric_specs;

mod syntax;
