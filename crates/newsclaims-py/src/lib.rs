//! The compiled half of the `newsclaims` Python package (`newsclaims._native`): the pipeline and
//! the record of the binary behind three functions. The Python half (`python/newsclaims`)
//! checks arguments and holds the docstrings.
//!
//! Records are the binary's: each worker turns its document's record into a [`Tape`] (the items
//! `newsclaims-format`'s JSON writer writes), which the Python thread walks into dicts and lists
//! (`objects.rs`), so that a record from Python is the binary's record without JSON text in
//! between. Nothing a document holds can crash the interpreter: a panic in a stage becomes the
//! document's `internal-error` record.
//!
//! Streaming: the Python thread reads the input iterable and hands runs of documents to a
//! coordinating thread, which streams them through the pipeline's [`Run`] (the binary's run:
//! batching, panic isolation, ordered streaming) and sends the records back in input order. The
//! Python thread waits for records with the GIL released, and keeps a bounded number of
//! documents in flight, so memory does not grow with the input.

mod items;
mod objects;

use std::collections::VecDeque;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Mutex, OnceLock, mpsc};
use std::time::Duration;

use newsclaims_format::Tape;
use newsclaims_pipeline::{
    Analysis, DOCS_PER_RUN, Document, Input, RUNS_PER_THREAD, Run, Source, Unreadable,
};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyString};

use crate::items::Reader;
use crate::objects::Builder;

/// How often a wait for records checks for Ctrl-C.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// The record of one text.
#[pyfunction]
fn analyze_record<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    id: String,
) -> PyResult<Bound<'py, PyAny>> {
    // One thread: the run works on the calling thread, and its pool is made once.
    static SINGLE: OnceLock<Run> = OnceLock::new();
    let (text, problems) = items::text_of(text);
    let input = Input::Document(Document::new(id, text), problems);
    let tape = py.detach(|| {
        let mut out = Tape::default();
        let run = SINGLE.get_or_init(|| Run::new(1));
        let _ = run.stream(std::iter::once(input), render, |record| {
            out = record;
            Ok::<(), std::convert::Infallible>(())
        });
        out
    });
    Builder::new(py)?.build(py, &tape)
}

/// The JSON Schema of a record, as JSON text.
#[pyfunction]
fn schema_json() -> String {
    newsclaims_format::json_schema().to_string()
}

/// One record as a tape, on the worker that analysed the document.
fn render(_: usize, record: Result<Analysis, Unreadable>) -> Tape {
    match record {
        Ok(analysis) => Tape::record(&analysis),
        Err(unreadable) => Tape::error_record(&unreadable),
    }
}

/// What the coordinating thread sends back.
enum Message {
    Record(Tape),
    /// The run failed (a bug); the stream ends.
    Failed(String),
}

/// The records of an iterable of documents, in input order.
#[pyclass(module = "newsclaims._native")]
struct Stream {
    state: Mutex<State>,
}

struct State {
    /// The input; `None` once exhausted (or once it raised).
    input: Option<Py<PyIterator>>,
    reader: Reader,
    builder: Builder,
    /// Documents to the coordinating thread, a run at a time; dropped at the end of the input.
    documents: Option<mpsc::Sender<Vec<Input>>>,
    records: mpsc::Receiver<Message>,
    /// Documents sent, records received, and how far the first may run ahead of the second.
    sent: u64,
    received: u64,
    ahead: u64,
    /// What the input raised, raised once the records before it are out.
    raised: Option<PyErr>,
}

#[pymethods]
impl Stream {
    #[new]
    fn new(py: Python<'_>, docs: &Bound<'_, PyAny>, threads: usize) -> PyResult<Stream> {
        let input = docs.try_iter()?.unbind();
        let run = Run::new(threads);
        // What the workers may hold, and one run more being read: they never wait for input
        // the Python thread could have read, and memory is bounded whatever the input's length.
        let ahead = ((RUNS_PER_THREAD * run.threads() + 1) * DOCS_PER_RUN) as u64;
        let (documents_tx, documents_rx) = mpsc::channel();
        let (records_tx, records_rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("newsclaims-stream".to_owned())
            .spawn(move || coordinate(&run, documents_rx, &records_tx))
            .map_err(|e| PyRuntimeError::new_err(format!("starting a thread: {e}")))?;
        Ok(Stream {
            state: Mutex::new(State {
                input: Some(input),
                reader: Reader::new(py)?,
                builder: Builder::new(py)?,
                documents: Some(documents_tx),
                records: records_rx,
                sent: 0,
                received: 0,
                ahead,
                raised: None,
            }),
        })
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(
        mut slf: PyRefMut<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let state = slf
            .state
            .get_mut()
            .map_err(|_| PyRuntimeError::new_err("the stream failed before"))?;
        while state.input.is_some() && state.sent - state.received < state.ahead {
            let documents = state.read_run(py);
            let n = documents.len() as u64;
            if n > 0
                && let Some(channel) = &state.documents
                && channel.send(documents).is_ok()
            {
                state.sent += n;
            }
        }
        if state.input.is_none() {
            // The coordinating thread ends once it has answered what it holds.
            state.documents = None;
        }
        if state.sent == state.received {
            return match state.raised.take() {
                Some(e) => Err(e),
                None => Ok(None),
            };
        }
        match wait(py, &mut state.records)? {
            Some(Message::Record(record)) => {
                state.received += 1;
                state.builder.build(py, &record).map(Some)
            }
            Some(Message::Failed(why)) => Err(PyRuntimeError::new_err(why)),
            None => Err(PyRuntimeError::new_err(
                "the analysing thread ended early (a bug, please report it)",
            )),
        }
    }
}

impl State {
    /// Reads up to one run of documents from the input; marks the input done at its end.
    fn read_run(&mut self, py: Python<'_>) -> Vec<Input> {
        let mut run = Vec::new();
        let mut bytes = 0;
        let Some(input) = &self.input else {
            return run;
        };
        let mut input = input.bind(py).clone();
        while run.len() < DOCS_PER_RUN && bytes < newsclaims_pipeline::BYTES_PER_RUN {
            match input.next() {
                Some(Ok(object)) => {
                    let document = self.reader.read(&object);
                    bytes += document.size();
                    run.push(document);
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

/// The documents the Python thread sends, as the run's [`Source`].
struct Inbox {
    channel: mpsc::Receiver<Vec<Input>>,
    buffer: VecDeque<Input>,
}

impl Source for Inbox {
    fn next_input(&mut self) -> Option<Input> {
        if self.buffer.is_empty() {
            self.buffer.extend(self.channel.recv().ok()?);
        }
        self.buffer.pop_front()
    }

    /// Nothing at hand: the Python thread may be waiting for the records in flight before it
    /// reads more, so the run hands them over before it asks.
    fn would_wait(&mut self) -> bool {
        if !self.buffer.is_empty() {
            return false;
        }
        match self.channel.try_recv() {
            Ok(documents) => {
                self.buffer.extend(documents);
                false
            }
            Err(mpsc::TryRecvError::Empty) => true,
            Err(mpsc::TryRecvError::Disconnected) => false,
        }
    }
}

/// The coordinating thread: streams the documents it receives through the run and sends their
/// records back in order. Ends at the end of the input (the documents' sender dropped) or when
/// nobody takes the records any more (the stream was dropped).
fn coordinate(run: &Run, documents: mpsc::Receiver<Vec<Input>>, records: &mpsc::Sender<Message>) {
    struct Gone;
    let inbox = Inbox {
        channel: documents,
        buffer: VecDeque::new(),
    };
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        run.stream(inbox, render, |record| {
            records.send(Message::Record(record)).map_err(|_| Gone)
        })
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
    use super::{Stream, analyze_record, schema_json};

    /// The version of the package, which is the version of the Rust crates.
    #[pymodule_export]
    const VERSION: &str = env!("CARGO_PKG_VERSION");

    /// Whether the module was built with the pipeline's faults on demand (tests only).
    #[pymodule_export]
    const FAULT_INJECTION: bool = cfg!(feature = "fault-injection");

    /// A text holding this makes the stages panic (built with `fault-injection`).
    #[cfg(feature = "fault-injection")]
    #[pymodule_export]
    const PANIC_MARKER: &str = newsclaims_pipeline::faults::PANIC_MARKER;

    /// A text holding this makes the stages stall (built with `fault-injection`).
    #[cfg(feature = "fault-injection")]
    #[pymodule_export]
    const STALL_MARKER: &str = newsclaims_pipeline::faults::STALL_MARKER;
}
