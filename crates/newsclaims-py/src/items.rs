//! Python objects to documents: a `str` is an article, a `dict` is a JSON Lines record
//! (`{"id", "text", ...}`) read as the binary reads one, and anything else is a document that
//! cannot be read, which yields an error record in its place.
//!
//! What the binary says of a JSON line, this says of a dict: an `id` that is neither a string nor
//! a number is `missing-field`, a `text` that is not a string `bad-field`, an absent `text`
//! `missing-field`; other fields are carried to the output as JSON, in the dict's order, and one
//! named like an output field is left out with a `field-clash` problem. A document without a
//! usable id is named by its 0-based position in the input.

use newsclaims_pipeline::{Document, DuplicateIds, ErrorKind, Input, Problem, ProblemKind};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyString};

/// Reads Python objects into [`Input`]s, numbering them and flagging repeated ids as the binary
/// does.
pub(crate) struct Reader {
    json_dumps: Py<PyAny>,
    /// Compact, UTF-8 as it is, no NaN: what serde_json writes.
    dumps_options: Py<PyDict>,
    position: u64,
    /// Ids seen so far, to flag duplicates as the binary does.
    seen: DuplicateIds,
}

impl Reader {
    pub(crate) fn new(py: Python<'_>) -> PyResult<Reader> {
        let dumps_options = PyDict::new(py);
        dumps_options.set_item("ensure_ascii", false)?;
        dumps_options.set_item("allow_nan", false)?;
        dumps_options.set_item("separators", (",", ":"))?;
        Ok(Reader {
            json_dumps: py.import("json")?.getattr("dumps")?.unbind(),
            dumps_options: dumps_options.unbind(),
            position: 0,
            seen: DuplicateIds::default(),
        })
    }

    /// Reads one input object; never fails (a bad object is an error record).
    pub(crate) fn read(&mut self, object: &Bound<'_, PyAny>) -> Input {
        let n = self.position;
        self.position += 1;
        let item = if let Ok(text) = object.cast::<PyString>() {
            let (text, problems) = text_of(text);
            Input::Document(Document::new(n.to_string(), text), problems)
        } else if let Ok(dict) = object.cast::<PyDict>() {
            self.record(n, dict)
        } else {
            Input::unreadable(
                n.to_string(),
                ErrorKind::BadField,
                format!(
                    "item {n} is {}, not a str or a dict with a str `text`",
                    type_phrase(object)
                ),
            )
        };
        self.seen.flag(item)
    }

    /// A dict read as the binary reads a JSON Lines record.
    fn record(&self, n: u64, dict: &Bound<'_, PyDict>) -> Input {
        let py = dict.py();
        let id = match dict.get_item(intern!(py, "id")).ok().flatten() {
            Some(id) if id.is_instance_of::<PyString>() => match id.cast::<PyString>() {
                Ok(s) => text_of(s).0,
                Err(_) => unreachable!("checked to be a str"),
            },
            // A JSON number, which `true` is not (a Python bool is an int).
            Some(id)
                if (id.is_instance_of::<PyInt>() || id.is_instance_of::<PyFloat>())
                    && !id.is_instance_of::<PyBool>() =>
            {
                id.str().map(|s| s.to_string()).unwrap_or_default()
            }
            _ => {
                return Input::unreadable(
                    n.to_string(),
                    ErrorKind::MissingField,
                    format!("item {n} has no str or int `id`"),
                );
            }
        };
        let (text, mut problems) = match dict.get_item(intern!(py, "text")).ok().flatten() {
            Some(text) => match text.cast::<PyString>() {
                Ok(s) => text_of(s),
                Err(_) => {
                    return Input::unreadable(
                        id,
                        ErrorKind::BadField,
                        format!("item {n}: `text` is {}, not a str", type_phrase(&text)),
                    );
                }
            },
            None => {
                return Input::unreadable(
                    id,
                    ErrorKind::MissingField,
                    format!("item {n} has no `text`"),
                );
            }
        };
        let mut fields = Vec::new();
        for (name, value) in dict.iter() {
            let Ok(name) = name.cast::<PyString>().map(|s| text_of(s).0) else {
                return Input::unreadable(
                    id,
                    ErrorKind::BadField,
                    format!(
                        "item {n} has a key that is not a str: {}",
                        type_phrase(&name)
                    ),
                );
            };
            if name == "id" || name == "text" {
                continue;
            }
            if newsclaims_format::RESERVED_FIELDS.contains(&name.as_str()) {
                problems.push(Problem {
                    kind: ProblemKind::FieldClash,
                    message: format!(
                        "the input field `{name}` has the name of an output field and is left out"
                    ),
                    span: None,
                });
                continue;
            }
            match self.to_json(&value) {
                Ok(json) => fields.push((name, json)),
                Err(why) => {
                    return Input::unreadable(
                        id,
                        ErrorKind::BadField,
                        format!("item {n}: the field `{name}` cannot be written as JSON: {why}"),
                    );
                }
            }
        }
        Input::Document(Document { id, text, fields }, problems)
    }

    /// A carried field's value as compact JSON text. A float JSON cannot hold (NaN, the
    /// infinities: what pandas puts in an empty cell) is `null`, as pandas writes it. Strings,
    /// booleans and None, most carried fields, are written here; the rest by `json.dumps`.
    fn to_json(&self, value: &Bound<'_, PyAny>) -> Result<String, String> {
        let py = value.py();
        if let Ok(f) = value.cast::<PyFloat>()
            && !f.value().is_finite()
        {
            return Ok("null".to_owned());
        }
        if let Ok(s) = value.cast::<PyString>()
            && let Ok(s) = s.to_cow()
        {
            return serde_json::to_string(&*s).map_err(|e| e.to_string());
        }
        if let Ok(b) = value.cast::<PyBool>() {
            return Ok(b.is_true().to_string());
        }
        if value.is_none() {
            return Ok("null".to_owned());
        }
        let json = self
            .json_dumps
            .bind(py)
            .call((value,), Some(self.dumps_options.bind(py)))
            .map_err(|e| e.to_string())?;
        json.cast::<PyString>()
            .map(|s| text_of(s).0)
            .map_err(|e| e.to_string())
    }
}

/// The text of a Python `str`. A lone surrogate (`"\ud83d"`, half an emoji, which Python
/// strings can hold and UTF-8 cannot) becomes U+FFFD, one code point for one, so that offsets
/// still index the caller's string; the problem is noted as the binary notes it.
pub(crate) fn text_of(s: &Bound<'_, PyString>) -> (String, Vec<Problem>) {
    if let Ok(text) = s.to_cow() {
        return (text.into_owned(), Vec::new());
    }
    let units: Vec<u16> = s
        .call_method1("encode", ("utf-16-le", "surrogatepass"))
        .and_then(|b| b.extract::<Vec<u8>>())
        .map(|bytes| {
            bytes
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect()
        })
        .unwrap_or_default();
    let lone = char::decode_utf16(units.iter().copied())
        .filter(Result::is_err)
        .count();
    let text = String::from_utf16_lossy(&units);
    let problems = vec![Problem {
        kind: ProblemKind::LoneSurrogate,
        message: format!(
            "{lone} unpaired UTF-16 surrogate{} replaced by U+FFFD",
            if lone == 1 { "" } else { "s" }
        ),
        span: None,
    }];
    (text, problems)
}

/// `a str`, `an int`, `None` ...: the Python type of `object`, for messages.
fn type_phrase(object: &Bound<'_, PyAny>) -> String {
    if object.is_none() {
        return "None".to_owned();
    }
    let name = object
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "an object".to_owned());
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}
