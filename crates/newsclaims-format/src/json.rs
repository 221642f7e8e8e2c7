//! The JSON output contract, version 1, and its two writers: [`Json`] (one pretty array) and
//! [`JsonLines`] (one compact record per line, the format for programs).

use newsclaims_claims::Claim;
use newsclaims_text::{CharIndex, Span};
use schemars::JsonSchema;
use serde::Serialize;

use crate::schema::{
    ClaimKindName, ClaimTypeName, ErrorKindName, LabelName, ProblemKindName, SchemaName,
};
use crate::{Analysis, SCHEMA, Unreadable, Writer};

/// A document that was analysed.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "record")]
pub(crate) struct Record<'a> {
    #[schemars(with = "SchemaName")]
    schema: &'static str,
    /// The document's id: the file stem or the input line's id.
    id: &'a str,
    /// The input record's other fields, as they were.
    #[serde(flatten)]
    fields: Fields<'a>,
    sentences: Vec<SentenceOut>,
    entities: Vec<EntityOut<'a>>,
    clusters: Vec<ClusterOut<'a>>,
    claims: Vec<ClaimOut<'a>>,
    /// Problems met in this document; it was still analysed.
    errors: Vec<ProblemOut<'a>>,
}

/// Names of the output record's own fields: an input field of the same name is not carried
/// through (it would make two keys of one name, or change what a contract field means).
pub const RESERVED_FIELDS: &[&str] = &[
    "schema",
    "id",
    "text",
    "sentences",
    "entities",
    "clusters",
    "claims",
    "errors",
    "error",
];

/// Carried fields, written as `"name": value` with the value's JSON text as it was read.
struct Fields<'a>(&'a [(String, String)]);

/// Carried fields are any JSON values under names the contract does not use.
impl JsonSchema for Fields<'_> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "fields".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "object"})
    }
}

impl Serialize for Fields<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0 {
            if RESERVED_FIELDS.contains(&name.as_str()) {
                continue;
            }
            // The reader wrote `value` from a parsed JSON value, so it parses; a caller of the
            // library who put anything else here gets it as a string rather than broken JSON.
            match serde_json::from_str::<&serde_json::value::RawValue>(value) {
                Ok(raw) => map.serialize_entry(name, raw)?,
                Err(_) => map.serialize_entry(name, value)?,
            }
        }
        map.end()
    }
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "range")]
struct Range {
    start: usize,
    end: usize,
}

/// One sentence, scored for check-worthiness.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "sentence")]
struct SentenceOut {
    start: usize,
    end: usize,
    /// How much a fact-checker would want the sentence checked; calibrated so that 0.5 and above
    /// means check-worthy.
    #[schemars(range(min = 0, max = 1))]
    checkworthiness: f64,
    #[serde(rename = "type")]
    #[schemars(with = "ClaimTypeName")]
    claim_type: &'static str,
}

/// One mention of an entity.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "entity")]
struct EntityOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[schemars(with = "LabelName")]
    label: &'static str,
    /// Index into clusters.
    cluster: usize,
}

/// The mentions of one entity.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "cluster")]
struct ClusterOut<'a> {
    id: usize,
    /// The fullest name the text gives.
    name: &'a str,
    #[schemars(with = "LabelName")]
    label: &'static str,
    /// Indices into entities.
    mentions: &'a [usize],
    /// Titles and roles the text gives the entity.
    descriptors: Vec<&'a str>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "span")]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "speaker")]
struct SpeakerOut<'a> {
    start: usize,
    end: usize,
    /// The words at the claim that name the speaker.
    text: &'a str,
    /// The speaker's canonical name.
    name: &'a str,
    cluster: Option<usize>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "claim")]
struct ClaimOut<'a> {
    id: usize,
    #[schemars(with = "ClaimKindName")]
    kind: &'static str,
    start: usize,
    end: usize,
    text: &'a str,
    /// The content's pieces, only when it is split.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fragments: Vec<[usize; 2]>,
    cue: Option<SpanOut<'a>>,
    speaker: Option<SpeakerOut<'a>>,
    /// The channel reporting a nested claim.
    source: Option<SpanOut<'a>>,
    #[schemars(range(min = 0, max = 1))]
    checkworthiness: f64,
    #[serde(rename = "type")]
    #[schemars(with = "ClaimTypeName")]
    claim_type: &'static str,
    /// Indices into entities.
    entities: &'a [usize],
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "problem")]
struct ProblemOut<'a> {
    #[schemars(with = "ProblemKindName")]
    kind: &'static str,
    message: &'a str,
    /// Where in the text, when the problem has a place; never null.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "usize")]
    start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "usize")]
    end: Option<usize>,
}

/// A document that could not be read at all.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "errorRecord")]
pub(crate) struct ErrorRecord<'a> {
    #[schemars(with = "SchemaName")]
    schema: &'static str,
    id: &'a str,
    error: ErrorOut<'a>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "error")]
struct ErrorOut<'a> {
    #[schemars(with = "ErrorKindName")]
    kind: &'static str,
    message: &'a str,
    /// The 1-based input line, for JSON Lines input.
    #[schemars(range(min = 1))]
    line: Option<u64>,
}

struct Offsets<'a> {
    text: &'a str,
    index: CharIndex,
}

impl<'a> Offsets<'a> {
    fn range(&self, span: Span) -> Range {
        Range {
            start: self.index.char_offset(span.start()),
            end: self.index.char_offset(span.end()),
        }
    }

    fn span(&self, span: Span) -> SpanOut<'a> {
        let Range { start, end } = self.range(span);
        SpanOut {
            start,
            end,
            text: &self.text[span],
        }
    }
}

/// Rounds to three decimals so that output bytes never depend on float noise.
pub(crate) fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// The record of an analysed document, as every writer of the contract serializes it.
pub(crate) fn record(analysis: &Analysis) -> Record<'_> {
    let text = analysis.document.text.as_str();
    let at = Offsets {
        text,
        index: CharIndex::new(text),
    };
    let entities = &analysis.entities;
    Record {
        schema: SCHEMA,
        id: &analysis.document.id,
        fields: Fields(&analysis.document.fields),
        sentences: analysis
            .tokens
            .sentences
            .iter()
            .enumerate()
            .map(|(k, s)| {
                let Range { start, end } = at.range(s.span);
                let score = analysis.sentences.get(k);
                SentenceOut {
                    start,
                    end,
                    checkworthiness: score.map_or(0.0, |s| round3(s.checkworthiness)),
                    claim_type: score.map_or("other", |s| s.claim_type.as_str()),
                }
            })
            .collect(),
        entities: entities
            .mentions
            .iter()
            .map(|m| {
                let Range { start, end } = at.range(m.span);
                EntityOut {
                    start,
                    end,
                    text: &text[m.span],
                    label: m.label.as_str(),
                    cluster: m.cluster,
                }
            })
            .collect(),
        clusters: entities
            .clusters
            .iter()
            .enumerate()
            .map(|(id, c)| ClusterOut {
                id,
                name: &text[c.name],
                label: c.label.as_str(),
                mentions: &c.mentions,
                descriptors: c.descriptors.iter().map(|&d| &text[d]).collect(),
            })
            .collect(),
        claims: analysis
            .claims
            .iter()
            .enumerate()
            .map(|(id, c)| claim(&at, id, c))
            .collect(),
        errors: analysis
            .problems
            .iter()
            .map(|p| ProblemOut {
                kind: p.kind.as_str(),
                message: &p.message,
                start: p.span.map(|s| at.index.char_offset(s.start())),
                end: p.span.map(|s| at.index.char_offset(s.end())),
            })
            .collect(),
    }
}

fn claim<'a>(at: &Offsets<'a>, id: usize, c: &'a Claim) -> ClaimOut<'a> {
    let Range { start, end } = at.range(c.span);
    ClaimOut {
        id,
        kind: c.kind.as_str(),
        start,
        end,
        text: &at.text[c.span],
        fragments: c
            .fragments
            .iter()
            .map(|&f| {
                let r = at.range(f);
                [r.start, r.end]
            })
            .collect(),
        cue: c.cue.map(|s| at.span(s)),
        speaker: c.speaker.map(|s| {
            let Range { start, end } = at.range(s.span);
            SpeakerOut {
                start,
                end,
                text: &at.text[s.span],
                name: &at.text[s.name],
                cluster: s.cluster,
            }
        }),
        source: c.source.map(|s| at.span(s)),
        checkworthiness: round3(c.checkworthiness),
        claim_type: c.claim_type.as_str(),
        entities: &c.entities,
    }
}

/// Appends one document's record to `out`, compact (one line, no newline) or pretty.
pub fn write_json(out: &mut Vec<u8>, analysis: &Analysis, pretty: bool) {
    let record = record(analysis);
    // Serializing plain structs of strings and numbers into a Vec cannot fail.
    let result = if pretty {
        serde_json::to_writer_pretty(&mut *out, &record)
    } else {
        serde_json::to_writer(&mut *out, &record)
    };
    result.expect("serializing to memory cannot fail");
}

/// One document's record as a JSON value (for tests and library users).
pub fn to_json(analysis: &Analysis) -> serde_json::Value {
    serde_json::to_value(record(analysis)).expect("serializing to memory cannot fail")
}

/// Appends the error record of a document that could not be read, compact.
pub fn write_error_record(out: &mut Vec<u8>, unreadable: &Unreadable) {
    serde_json::to_writer(&mut *out, &error_record(unreadable))
        .expect("serializing to memory cannot fail");
}

/// The error record of a document that could not be read.
pub(crate) fn error_record(unreadable: &Unreadable) -> ErrorRecord<'_> {
    ErrorRecord {
        schema: SCHEMA,
        id: &unreadable.id,
        error: ErrorOut {
            kind: unreadable.kind.as_str(),
            message: &unreadable.message,
            line: unreadable.line,
        },
    }
}

/// `--format json`: the records, pretty, as one JSON array (`[` and `]` on lines of their own).
pub struct Json;

impl Writer for Json {
    fn begin(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"[\n");
    }

    fn record(&self, out: &mut Vec<u8>, n: usize, analysis: &Analysis) {
        if n > 0 {
            out.extend_from_slice(b",\n");
        }
        write_json(out, analysis, true);
    }

    fn unreadable(&self, out: &mut Vec<u8>, n: usize, unreadable: &Unreadable) {
        if n > 0 {
            out.extend_from_slice(b",\n");
        }
        write_error_record(out, unreadable);
    }

    fn end(&self, out: &mut Vec<u8>, _records: usize) {
        out.extend_from_slice(b"\n]\n");
    }
}

/// `--format jsonl`: one compact record per line, so that line N of the output is the N-th
/// document.
pub struct JsonLines;

impl Writer for JsonLines {
    fn record(&self, out: &mut Vec<u8>, _n: usize, analysis: &Analysis) {
        write_json(out, analysis, false);
        out.push(b'\n');
    }

    fn unreadable(&self, out: &mut Vec<u8>, _n: usize, unreadable: &Unreadable) {
        write_error_record(out, unreadable);
        out.push(b'\n');
    }
}
