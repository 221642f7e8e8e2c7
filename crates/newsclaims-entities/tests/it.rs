//! Integration tests.
mod numeric_specs;
