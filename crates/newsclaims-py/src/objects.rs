//! Records to Python objects: a record's [`Tape`] (the items the binary's JSON writer writes,
//! made on the worker that analysed the document) walked into the dicts, lists, strs, ints and
//! floats `json.loads` would make of the binary's line, without writing or parsing JSON.
//!
//! Key strings are made once and shared by every record of a stream, as interned names are.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use newsclaims_format::{Item, Tape};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString};

/// Makes Python records from tapes.
pub(crate) struct Builder {
    /// The key strings made so far, by their text.
    keys: HashMap<Box<str>, Py<PyString>, BuildHasherDefault<KeyHasher>>,
    /// `json.loads`, for carried fields other than strings, booleans and null.
    loads: Py<PyAny>,
}

/// A map or list being filled, with the key of a map's next value.
enum Open<'py> {
    Map(Bound<'py, PyDict>, Option<Bound<'py, PyString>>),
    List(Bound<'py, PyList>),
}

impl Builder {
    pub(crate) fn new(py: Python<'_>) -> PyResult<Builder> {
        Ok(Builder {
            keys: HashMap::default(),
            loads: py.import("json")?.getattr("loads")?.unbind(),
        })
    }

    /// The record a tape holds, as `json.loads` makes it of the JSON line.
    pub(crate) fn build<'py>(
        &mut self,
        py: Python<'py>,
        tape: &Tape,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut open: Vec<Open<'py>> = Vec::new();
        for item in tape.items() {
            let value = match item {
                Item::Map => {
                    open.push(Open::Map(PyDict::new(py), None));
                    continue;
                }
                Item::List => {
                    open.push(Open::List(PyList::empty(py)));
                    continue;
                }
                Item::Key(name) => {
                    if let Some(Open::Map(_, key)) = open.last_mut() {
                        *key = Some(self.key(py, name));
                    }
                    continue;
                }
                Item::End => match open.pop() {
                    Some(Open::Map(map, _)) => map.into_any(),
                    Some(Open::List(list)) => list.into_any(),
                    None => return Err(malformed()),
                },
                Item::Str(s) => PyString::new(py, s).into_any(),
                Item::Json(json) => self.json(py, json)?,
                Item::Int(i) => i.into_pyobject(py)?.into_any(),
                Item::UInt(u) => u.into_pyobject(py)?.into_any(),
                Item::Float(f) => PyFloat::new(py, f).into_any(),
                Item::Bool(b) => PyBool::new(py, b).to_owned().into_any(),
                Item::Null => py.None().into_bound(py),
            };
            match open.last_mut() {
                Some(Open::Map(map, key)) => {
                    map.set_item(key.take().ok_or_else(malformed)?, value)?
                }
                Some(Open::List(list)) => list.append(value)?,
                None => return Ok(value),
            }
        }
        Err(malformed())
    }

    /// The key string of `name`, made once.
    fn key<'py>(&mut self, py: Python<'py>, name: &str) -> Bound<'py, PyString> {
        if let Some(key) = self.keys.get(name) {
            return key.bind(py).clone();
        }
        let key = PyString::intern(py, name);
        self.keys.insert(name.into(), key.clone().unbind());
        key
    }

    /// A value given as JSON text (a carried input field), as `json.loads` reads it.
    fn json<'py>(&self, py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
        match json {
            "null" => return Ok(py.None().into_bound(py)),
            "true" | "false" => return Ok(PyBool::new(py, json == "true").to_owned().into_any()),
            _ => {}
        }
        // Most carried fields are strings (a title, a url, a date); a string serde_json cannot
        // hold (an escaped lone surrogate) is left to json.loads.
        if json.starts_with('"')
            && let Ok(s) = serde_json::from_str::<String>(json)
        {
            return Ok(PyString::new(py, &s).into_any());
        }
        self.loads.bind(py).call1((json,))
    }
}

fn malformed() -> PyErr {
    pyo3::exceptions::PyRuntimeError::new_err("a malformed record (a bug, please report it)")
}

/// FxHash's word-at-a-time mix: keys are a few dozen short, trusted names, so a fast hash
/// beats a DoS-resistant one.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        /// FxHash's multiplier.
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(SEED);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
