//! The compiled half of the `newsclaims` Python package (`newsclaims._native`): the pipeline and
//! the JSON writer of the binary behind three functions. The Python half (`python/newsclaims`)
//! checks arguments, turns records into dicts and holds the docstrings.
//!
//! Records are the binary's JSON text, written by `newsclaims-format`, so that a record from
//! Python is the binary's record. Nothing a document holds can crash the interpreter: a panic in
//! a stage becomes the document's `internal-error` record.
//!
//! Streaming: the Python thread reads the input iterable and hands runs of documents to a
//! coordinating thread, which streams them through the pipeline's workers and sends each run's
//! records back in input order. The Python thread waits for records with the GIL released, and
//! keeps a bounded number of runs in flight, so memory does not grow with the input.

mod items;
mod run;

use std::collections::VecDeque;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Mutex, mpsc};
use std::time::Duration;

use newsclaims_text::Document;
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyString};

use crate::items::{Item, Reader};

/// Runs a thread of the pipeline's stream keeps in flight, at most (`Workers::stream` takes
/// four per thread). The Python thread keeps one more than that outstanding, so that the stream
/// never waits for input while the Python thread waits for records.
const AHEAD_PER_THREAD: usize = 4;
/// How often a wait for records checks for Ctrl-C.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// The record of one text, as compact JSON.
#[pyfunction]
fn analyze_json(py: Python<'_>, text: &Bound<'_, PyString>, id: String) -> String {
    let (text, problems) = items::text_of(text);
    let item = Item::Document(Document::new(id, text), problems);
    py.detach(|| run::records(vec![item]).pop().unwrap_or_default())
}

/// The JSON Schema of a record, as JSON text.
#[pyfunction]
fn schema_json() -> String {
    newsclaims_format::json_schema().to_string()
}

/// What the coordinating thread sends back.
enum Message {
    /// The records of one run, in order.
    Records(Vec<String>),
    /// The coordinating thread failed (a bug); the stream ends.
    Failed(String),
}

/// The records of an iterable of documents, in input order, as JSON text.
#[pyclass(module = "newsclaims._native")]
struct Stream {
    state: Mutex<State>,
}

struct State {
    /// The input; `None` once exhausted (or once it raised).
    input: Option<Py<PyIterator>>,
    reader: Reader,
    /// Runs to the coordinating thread; dropped at the end of the input.
    runs: Option<mpsc::Sender<Vec<Item>>>,
    records: mpsc::Receiver<Message>,
    ready: VecDeque<String>,
    /// Runs sent and not yet answered, and how many may be.
    outstanding: usize,
    limit: usize,
    /// What the input raised, raised once the records before it are out.
    raised: Option<PyErr>,
}

#[pymethods]
impl Stream {
    #[new]
    fn new(py: Python<'_>, docs: &Bound<'_, PyAny>, threads: usize) -> PyResult<Stream> {
        let input = docs.try_iter()?.unbind();
        let workers = newsclaims_pipeline::Workers::new(threads);
        let limit = AHEAD_PER_THREAD * workers.threads() + 1;
        let (runs_tx, runs_rx) = mpsc::channel::<Vec<Item>>();
        let (records_tx, records_rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("newsclaims-stream".to_owned())
            .spawn(move || coordinate(&workers, &runs_rx, &records_tx))
            .map_err(|e| PyRuntimeError::new_err(format!("starting a thread: {e}")))?;
        Ok(Stream {
            state: Mutex::new(State {
                input: Some(input),
                reader: Reader::new(py)?,
                runs: Some(runs_tx),
                records: records_rx,
                ready: VecDeque::new(),
                outstanding: 0,
                limit,
                raised: None,
            }),
        })
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(mut slf: PyRefMut<'_, Self>, py: Python<'_>) -> PyResult<Option<String>> {
        let state = slf
            .state
            .get_mut()
            .map_err(|_| PyRuntimeError::new_err("the stream failed before"))?;
        loop {
            if let Some(record) = state.ready.pop_front() {
                return Ok(Some(record));
            }
            while state.outstanding < state.limit && state.input.is_some() {
                let run = state.read_run(py);
                if !run.is_empty()
                    && let Some(runs) = &state.runs
                    && runs.send(run).is_ok()
                {
                    state.outstanding += 1;
                }
            }
            if state.input.is_none() {
                // The coordinating thread ends once it has answered what it holds.
                state.runs = None;
            }
            if state.outstanding == 0 {
                return match state.raised.take() {
                    Some(e) => Err(e),
                    None => Ok(None),
                };
            }
            match wait(py, &mut state.records)? {
                Some(Message::Records(records)) => {
                    state.outstanding -= 1;
                    state.ready.extend(records);
                }
                Some(Message::Failed(why)) => return Err(PyRuntimeError::new_err(why)),
                None => {
                    return Err(PyRuntimeError::new_err(
                        "the analysing thread ended early (a bug, please report it)",
                    ));
                }
            }
        }
    }
}

impl State {
    /// Reads up to one run of documents from the input; marks the input done at its end.
    fn read_run(&mut self, py: Python<'_>) -> Vec<Item> {
        let mut run = Vec::new();
        let mut bytes = 0;
        let Some(input) = &self.input else {
            return run;
        };
        let mut input = input.bind(py).clone();
        while run.len() < run::RUN_DOCS && bytes < run::RUN_BYTES {
            match input.next() {
                Some(Ok(object)) => {
                    let item = self.reader.read(&object);
                    bytes += item.size();
                    run.push(item);
                }
                Some(Err(e)) => {
                    self.raised = Some(e);
                    self.input = None;
                    break;
                }
                None => {
                    self.input = None;
                    break;
                }
            }
        }
        run
    }
}

/// The next message, waiting with the GIL released; `None` when the sender is gone. Ctrl-C
/// interrupts the wait.
fn wait(py: Python<'_>, records: &mut mpsc::Receiver<Message>) -> PyResult<Option<Message>> {
    loop {
        // A `&mut` is `Send` where the receiver is, and the receiver is not `Sync`.
        let receiver = &mut *records;
        match py.detach(move || receiver.recv_timeout(SIGNAL_CHECK)) {
            Ok(message) => return Ok(Some(message)),
            Err(mpsc::RecvTimeoutError::Timeout) => py.check_signals()?,
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(None),
        }
    }
}

/// The coordinating thread: streams the runs it receives through the workers and sends their
/// records back in order. Ends when the runs' sender is dropped (end of input) or when nobody
/// takes the records any more (the stream was dropped).
fn coordinate(
    workers: &newsclaims_pipeline::Workers,
    runs: &mpsc::Receiver<Vec<Item>>,
    records: &mpsc::Sender<Message>,
) {
    struct Gone;
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        workers.stream(
            || Ok::<_, Gone>(runs.recv().ok()),
            run::records,
            |out| records.send(Message::Records(out)).map_err(|_| Gone),
        )
    }));
    if let Err(payload) = result {
        let why = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let _ = records.send(Message::Failed(format!(
            "newsclaims failed (a bug, please report it): {why}"
        )));
    }
}

#[pymodule]
mod _native {
    #[pymodule_export]
    use super::{Stream, analyze_json, schema_json};

    /// The version of the package, which is the version of the Rust crates.
    #[pymodule_export]
    const VERSION: &str = env!("CARGO_PKG_VERSION");
}
