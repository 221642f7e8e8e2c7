//! The JSON Schema (draft 2020-12) of the output contract: one record per document, or the error
//! record of a document that could not be read.
//!
//! It is written beside the serde structs of `json.rs` and mirrors them field by field; the
//! pipeline's tests validate real output against it with unknown properties forbidden, so a field
//! the serializer emits but the schema lacks fails a test. Enumerations come from the Rust enums
//! themselves. The committed copy (`schema/newsclaims-1.schema.json`) is written by
//! `cargo xtask schema`, and CI checks that it is current.
//!
//! The schema itself allows extra properties, because the contract lets later versions add
//! fields without changing the meaning of these.

use newsclaims_claims::{ClaimKind, ClaimType};
use newsclaims_entities::Label;
use serde_json::{Value, json};

use crate::SCHEMA;

/// The JSON Schema of one output record (a document's record or an error record).
pub fn json_schema() -> Value {
    let kinds: Vec<&str> = CLAIM_KINDS.iter().map(|k| k.as_str()).collect();
    let types: Vec<&str> = CLAIM_TYPES.iter().map(|t| t.as_str()).collect();
    let labels: Vec<&str> = Label::ALL.iter().map(|l| l.as_str()).collect();
    let offset = json!({"type": "integer", "minimum": 0});
    let index = json!({"type": "integer", "minimum": 0});
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "newsclaims output record, version 1",
        "description": "One record per input document: what newsclaims found in it, or why it could \
            not be read. Offsets are Unicode code points into the document text, end exclusive.",
        "oneOf": [{"$ref": "#/$defs/record"}, {"$ref": "#/$defs/errorRecord"}],
        "$defs": {
            "record": {
                "type": "object",
                "description": "A document that was analysed.",
                "required": ["schema", "id", "sentences", "entities", "clusters", "claims", "errors"],
                "properties": {
                    "schema": {"const": SCHEMA},
                    "id": {"type": "string", "description": "The document's id: the file stem or the input line's id."},
                    "sentences": {"type": "array", "items": {"$ref": "#/$defs/range"}},
                    "entities": {"type": "array", "items": {"$ref": "#/$defs/entity"}},
                    "clusters": {"type": "array", "items": {"$ref": "#/$defs/cluster"}},
                    "claims": {"type": "array", "items": {"$ref": "#/$defs/claim"}},
                    "errors": {"type": "array", "items": {"$ref": "#/$defs/problem"},
                        "description": "Problems met in this document; it was still analysed."}
                }
            },
            "range": {
                "type": "object",
                "required": ["start", "end"],
                "properties": {"start": offset, "end": offset}
            },
            "span": {
                "type": "object",
                "required": ["start", "end", "text"],
                "properties": {"start": offset, "end": offset, "text": {"type": "string"}}
            },
            "entity": {
                "type": "object",
                "description": "One mention of an entity.",
                "required": ["start", "end", "text", "label", "cluster"],
                "properties": {
                    "start": offset,
                    "end": offset,
                    "text": {"type": "string"},
                    "label": {"enum": labels},
                    "cluster": {"type": "integer", "minimum": 0, "description": "Index into clusters."}
                }
            },
            "cluster": {
                "type": "object",
                "description": "The mentions of one entity.",
                "required": ["id", "name", "label", "mentions", "descriptors"],
                "properties": {
                    "id": index,
                    "name": {"type": "string", "description": "The fullest name the text gives."},
                    "label": {"enum": labels},
                    "mentions": {"type": "array", "items": index, "description": "Indices into entities."},
                    "descriptors": {"type": "array", "items": {"type": "string"},
                        "description": "Titles and roles the text gives the entity."}
                }
            },
            "claim": {
                "type": "object",
                "required": ["id", "kind", "start", "end", "text", "cue", "speaker", "source",
                    "checkworthiness", "type", "entities"],
                "properties": {
                    "id": index,
                    "kind": {"enum": kinds},
                    "start": offset,
                    "end": offset,
                    "text": {"type": "string"},
                    "fragments": {
                        "type": "array",
                        "description": "The content's pieces, only when it is split.",
                        "items": {"type": "array", "prefixItems": [offset, offset], "items": false,
                            "minItems": 2, "maxItems": 2}
                    },
                    "cue": {"oneOf": [{"$ref": "#/$defs/span"}, {"type": "null"}]},
                    "speaker": {"oneOf": [{"$ref": "#/$defs/speaker"}, {"type": "null"}]},
                    "source": {"oneOf": [{"$ref": "#/$defs/span"}, {"type": "null"}],
                        "description": "The channel reporting a nested claim."},
                    "checkworthiness": {"type": "number", "minimum": 0, "maximum": 1},
                    "type": {"enum": types},
                    "entities": {"type": "array", "items": index, "description": "Indices into entities."}
                }
            },
            "speaker": {
                "type": "object",
                "required": ["start", "end", "text", "name", "cluster"],
                "properties": {
                    "start": offset,
                    "end": offset,
                    "text": {"type": "string", "description": "The words at the claim that name the speaker."},
                    "name": {"type": "string", "description": "The speaker's canonical name."},
                    "cluster": {"oneOf": [index, {"type": "null"}]}
                }
            },
            "problem": {
                "type": "object",
                "required": ["kind", "message"],
                "properties": {
                    "kind": {"type": "string"},
                    "message": {"type": "string"},
                    "start": offset,
                    "end": offset
                }
            },
            "errorRecord": {
                "type": "object",
                "description": "A document that could not be read at all.",
                "required": ["schema", "id", "error"],
                "properties": {
                    "schema": {"const": SCHEMA},
                    "id": {"type": "string"},
                    "error": {
                        "type": "object",
                        "required": ["kind", "message", "line"],
                        "properties": {
                            "kind": {"type": "string"},
                            "message": {"type": "string"},
                            "line": {"oneOf": [{"type": "integer", "minimum": 1}, {"type": "null"}]}
                        }
                    }
                }
            }
        }
    })
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
