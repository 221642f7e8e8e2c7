//! The JSON Schema (draft 2020-12) of the output contract: one record per document, or the error
//! record of a document that could not be read.
//!
//! It is generated with schemars from the serde structs of `json.rs` themselves, their doc
//! comments becoming descriptions, so it cannot drift from what the writer emits. The strings
//! that name a value of a Rust enum (labels, claim kinds and types, problem and error kinds) are
//! listed as `enum` from the enums here. The pipeline's tests validate real output against it
//! with unknown properties forbidden. The committed copy (`schema/newsclaims-1.schema.json`) is
//! written by `cargo xtask schema`, and CI checks that it is current.
//!
//! The schema itself allows extra properties, because the contract lets later versions add
//! fields without changing the meaning of these.

use std::borrow::Cow;

use newsclaims_claims::{ClaimKind, ClaimType};
use newsclaims_entities::Label;
use newsclaims_text::{ErrorKind, ProblemKind};
use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};

use crate::SCHEMA;
use crate::json::{ErrorRecord, Record};

/// The JSON Schema of one output record (a document's record or an error record).
pub fn json_schema() -> Value {
    let settings = SchemaSettings::draft2020_12()
        .for_serialize()
        .with_transform(RecursiveTransform(one_of));
    let mut generator = settings.into_generator();
    let record = generator.subschema_for::<Record<'_>>();
    let error = generator.subschema_for::<ErrorRecord<'_>>();
    let defs = generator.take_definitions(true);
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "newsclaims output record, version 1",
        "description": "One record per input document: what newsclaims found in it, or why it could \
            not be read. Offsets are Unicode code points into the document text, end exclusive.",
        "oneOf": [record, error],
        "$defs": defs,
    })
}

/// schemars writes an `Option<T>` as `anyOf` T or null; the two never overlap, so `oneOf` says
/// the same, and it is what the contract's readers (and our validator) expect.
fn one_of(schema: &mut Schema) {
    if let Some(object) = schema.as_object_mut()
        && let Some(options) = object.remove("anyOf")
    {
        object.insert("oneOf".into(), options);
    }
}

/// A schema for a string that is one of `values`.
fn string_enum(values: impl IntoIterator<Item = &'static str>) -> Schema {
    let values: Vec<&str> = values.into_iter().collect();
    json_schema!({"type": "string", "enum": values})
}

macro_rules! names_of {
    ($(#[$meta:meta])* $schema:ident, $name:literal, $values:expr) => {
        $(#[$meta])*
        pub(crate) struct $schema;

        impl JsonSchema for $schema {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                string_enum($values)
            }
        }
    };
}

names_of!(
    /// The OntoNotes label of an entity or cluster.
    LabelName,
    "label",
    Label::ALL.iter().map(|l| l.as_str())
);
names_of!(
    /// How a claim is made.
    ClaimKindName,
    "claimKind",
    CLAIM_KINDS.iter().map(|k| k.as_str())
);
names_of!(
    /// What a claim is about.
    ClaimTypeName,
    "claimType",
    CLAIM_TYPES.iter().map(|t| t.as_str())
);
names_of!(
    /// What was odd about a document that was still analysed.
    ProblemKindName,
    "problemKind",
    ProblemKind::ALL.iter().map(|k| k.as_str())
);
names_of!(
    /// Why a document could not be read.
    ErrorKindName,
    "errorKind",
    ErrorKind::ALL.iter().map(|k| k.as_str())
);

/// The `schema` field: always [`SCHEMA`].
pub(crate) struct SchemaName;

impl JsonSchema for SchemaName {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "schemaName".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"const": SCHEMA})
    }
}

pub(crate) const CLAIM_KINDS: [ClaimKind; 4] = [
    ClaimKind::Direct,
    ClaimKind::Indirect,
    ClaimKind::Mixed,
    ClaimKind::Statement,
];

const CLAIM_TYPES: [ClaimType; 6] = [
    ClaimType::Quantity,
    ClaimType::Comparison,
    ClaimType::Event,
    ClaimType::Prediction,
    ClaimType::Opinion,
    ClaimType::Other,
];

/// Fails to compile when a variant is added to an enum the schema lists, so the lists above
/// cannot silently fall behind.
#[allow(dead_code)]
fn every_variant_listed(kind: ClaimKind, ty: ClaimType) {
    match kind {
        ClaimKind::Direct | ClaimKind::Indirect | ClaimKind::Mixed | ClaimKind::Statement => {}
    }
    match ty {
        ClaimType::Quantity
        | ClaimType::Comparison
        | ClaimType::Event
        | ClaimType::Prediction
        | ClaimType::Opinion
        | ClaimType::Other => {}
    }
}
