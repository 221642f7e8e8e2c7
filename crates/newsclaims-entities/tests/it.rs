//! Integration tests.
mod syntax;

mod clusters;
mod numeric_specs;
