//! The run: documents read in input order, analysed on worker threads in runs of a few
//! documents, and handed back in input order. The binary and the Python module both drive their
//! work through [`Run::stream`]; nothing else in the workspace knows threads.
//!
//! Invariants: every [`Input`] yields exactly one record, in input order, whatever the thread
//! count; a panic in a stage costs only the document at fault its analysis (it gets an
//! `internal-error` record); memory holds at most [`RUNS_PER_THREAD`] runs per thread and
//! [`MAX_BYTES_IN_FLIGHT`] bytes of text (or one larger document) at any time, so it grows
//! neither with the input's length nor with the thread count.

use std::collections::{BTreeMap, VecDeque};
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Mutex, mpsc};

use newsclaims_text::{Document, ErrorKind, Problem};

use crate::{Analysis, Options, Unreadable, assemble, find_with};

/// Documents a thread analyses stage by stage in one go (see [`find`]): enough that each
/// stage's model stays in the caches, few enough that memory stays small and flat.
pub const DOCS_PER_RUN: usize = 16;
/// Bytes of text in one run, whichever limit comes first (a longer document is a run alone), so
/// that the threads finish their runs at about the same time.
pub const BYTES_PER_RUN: usize = 32 << 10;
/// Runs taken per thread and not yet handed back: enough that no thread waits for work while
/// the calling thread writes, few enough that memory stays bounded.
pub const RUNS_PER_THREAD: usize = 4;
/// Bytes of text analysed at once, over all threads, unless one run alone is larger: analysis
/// takes up to about 160 bytes of memory per byte of text (text of nothing but quotation marks;
/// news text about 50), so large documents are analysed one after the other rather than side by
/// side, and the memory a run needs does not grow with the thread count. Runs of news articles
/// (32 KB each) never come near it.
pub const MAX_BYTES_IN_FLIGHT: usize = 8 << 20;
/// The most worker threads a run uses, whatever is asked: analysis is compute-bound, so threads
/// beyond the cores only add stacks and runs in flight (a thousand threads took seconds to start).
pub const MAX_THREADS: usize = 64;

/// One document of the input, as its reader found it.
#[derive(Clone, Debug)]
pub enum Input {
    /// A document to analyse, with the problems met while reading it (invalid UTF-8 repaired,
    /// truncation, ...).
    Document(Document, Vec<Problem>),
    /// A document that could not be read: it still gets its record, an error record.
    Unreadable(Unreadable),
}

impl Input {
    /// Bytes of text the document holds (0 for an unreadable one).
    pub fn size(&self) -> usize {
        match self {
            Input::Document(d, _) => d.text.len(),
            Input::Unreadable(_) => 0,
        }
    }

    /// An unreadable document of no particular input line.
    pub fn unreadable(id: String, kind: ErrorKind, message: String) -> Input {
        Input::Unreadable(Unreadable {
            id,
            kind,
            message,
            line: None,
        })
    }
}

/// Where a run takes its inputs from, in order. Every iterator of [`Input`]s is one.
pub trait Source {
    /// The next input; `None` at the end.
    fn next_input(&mut self) -> Option<Input>;

    /// Whether [`next_input`](Source::next_input) might now wait for input that has not
    /// arrived yet (a pipe fed slowly). The run then hands the documents it holds to the workers
    /// and the finished records to the caller before it asks, so that a trickle of input is
    /// answered as it comes. The default, `false`, suits inputs that are all at hand.
    fn would_wait(&mut self) -> bool {
        false
    }
}

impl<I: Iterator<Item = Input>> Source for I {
    fn next_input(&mut self) -> Option<Input> {
        self.next()
    }
}

/// A pool of worker threads that analyses documents and hands the records back in input order.
///
/// ```
/// use newsclaims_pipeline::{Document, Input, Run};
/// let inputs = ["“We will prevail,” Zelensky said.", "The vote is on Friday."]
///     .into_iter()
///     .enumerate()
///     .map(|(n, text)| Input::Document(Document::new(format!("d{n}"), text), Vec::new()));
/// let mut claims = Vec::new();
/// Run::new(2)
///     .stream(
///         inputs,
///         // On a worker thread: render the record there (here: count its claims).
///         |n, record| (n, record.map(|analysis| analysis.claims.len())),
///         // On the calling thread, in input order.
///         |(n, claims_found)| {
///             claims.push((n, claims_found.expect("readable")));
///             Ok::<(), std::io::Error>(())
///         },
///     )
///     .unwrap();
/// assert_eq!(claims, [(0, 1), (1, 0)]);
/// ```
pub struct Run {
    pool: Option<rayon::ThreadPool>,
    budget: usize,
    options: Options,
}

impl Run {
    /// A run on `threads` worker threads (0: one per core; at most [`MAX_THREADS`]).
    pub fn new(threads: usize) -> Run {
        let threads = if threads == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            threads
        };
        // Building a pool fails only when the OS refuses threads; the calling thread serves then.
        Run {
            pool: rayon::ThreadPoolBuilder::new()
                .num_threads(threads.min(MAX_THREADS))
                .build()
                .ok(),
            budget: MAX_BYTES_IN_FLIGHT,
            options: Options::default(),
        }
    }

    /// The same run with at most `bytes` of text analysed at once (default
    /// [`MAX_BYTES_IN_FLIGHT`]); a larger document is still analysed, alone.
    pub fn with_budget(mut self, bytes: usize) -> Run {
        self.budget = bytes;
        self
    }

    /// The same run with the claims stage's `options` (the check-worthiness threshold).
    pub fn with_options(mut self, options: Options) -> Run {
        self.options = options;
        self
    }

    /// The number of worker threads.
    pub fn threads(&self) -> usize {
        self.pool.as_ref().map_or(1, |p| p.current_num_threads())
    }

    /// Analyses every input of `source` and hands one record per input to `on_record`, in input
    /// order: `render(n, record)` runs on a worker thread with the record of the `n`-th input
    /// (0-based), an [`Analysis`] or the [`Unreadable`] the input was, and turns it into what the
    /// caller wants (JSON bytes, counts); `on_record` runs on the calling thread, which also
    /// reads `source`. Documents are analysed in runs of up to [`DOCS_PER_RUN`] documents or
    /// [`BYTES_PER_RUN`] bytes, stage by stage over the run; should a stage panic, the run is
    /// analysed again document by document so that only the document at fault gets an
    /// `internal-error` record (the panic message goes to standard error from the default hook).
    ///
    /// An error from `on_record` stops the run and is returned; a panic in `render` reaches the
    /// caller. With one thread everything runs on the calling thread, one document after the
    /// other, so that one thread is an honest single-core figure.
    pub fn stream<R: Send, E>(
        &self,
        mut source: impl Source,
        render: impl Fn(usize, Result<Analysis, Unreadable>) -> R + Sync,
        mut on_record: impl FnMut(R) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut runs = Runs::default();
        let work = |run: Batch| -> Vec<R> {
            analyze_run(run.inputs, &self.options)
                .into_iter()
                .enumerate()
                .map(|(k, record)| render(run.first + k, record))
                .collect()
        };
        let pool = match &self.pool {
            Some(pool) if pool.current_num_threads() > 1 => pool,
            _ => {
                while let Some(run) = runs.next(&mut source) {
                    for record in work(run) {
                        on_record(record)?;
                    }
                }
                return Ok(());
            }
        };
        let threads = pool.current_num_threads();
        let (work_tx, work_rx) = mpsc::channel::<(u64, Batch)>();
        let work_rx = Mutex::new(work_rx);
        let (done_tx, done_rx) = mpsc::channel::<(u64, std::thread::Result<Vec<R>>)>();
        pool.in_place_scope(|scope| {
            for _ in 0..threads {
                let done_tx = done_tx.clone();
                let (work_rx, work) = (&work_rx, &work);
                scope.spawn(move |_| {
                    // Ends when the calling thread drops the work channel.
                    while let Ok(Ok((seq, run))) = work_rx.lock().map(|rx| rx.recv()) {
                        let result = panic::catch_unwind(AssertUnwindSafe(|| work(run)));
                        if done_tx.send((seq, result)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(done_tx);
            let mut coordinator = Coordinator {
                ahead: RUNS_PER_THREAD * threads,
                budget: self.budget,
                work: work_tx,
                done: &done_rx,
            };
            coordinator.run(&mut runs, &mut source, &mut |records: Vec<R>| {
                records.into_iter().try_for_each(&mut on_record)
            })
        })
    }
}

/// A run of inputs, and the place of its first in the whole input.
struct Batch {
    first: usize,
    inputs: Vec<Input>,
}

impl Batch {
    fn bytes(&self) -> usize {
        self.inputs.iter().map(Input::size).sum()
    }
}

/// Cuts the input into runs.
#[derive(Default)]
struct Runs {
    read: usize,
}

impl Runs {
    /// The next run: up to [`DOCS_PER_RUN`] inputs or [`BYTES_PER_RUN`] bytes, fewer when the
    /// source would wait for more; `None` at the end of input.
    fn next(&mut self, source: &mut impl Source) -> Option<Batch> {
        let mut inputs = Vec::new();
        let mut bytes = 0;
        while inputs.len() < DOCS_PER_RUN && bytes < BYTES_PER_RUN {
            if !inputs.is_empty() && source.would_wait() {
                break;
            }
            let Some(input) = source.next_input() else {
                break;
            };
            bytes += input.size();
            inputs.push(input);
        }
        let first = self.read;
        self.read += inputs.len();
        (!inputs.is_empty()).then_some(Batch { first, inputs })
    }
}

/// The calling thread's side of a run with workers: keeps up to `ahead` runs in flight, and
/// hands results over in input order. Dropping `work` stops the workers.
struct Coordinator<'a, R> {
    ahead: usize,
    /// Bytes of text in flight at most, unless one run alone is larger.
    budget: usize,
    work: mpsc::Sender<(u64, Batch)>,
    done: &'a mpsc::Receiver<(u64, std::thread::Result<R>)>,
}

impl<R> Coordinator<'_, R> {
    fn run<E>(
        &mut self,
        runs: &mut Runs,
        source: &mut impl Source,
        sink: &mut impl FnMut(R) -> Result<(), E>,
    ) -> Result<(), E> {
        let (mut sent, mut handed) = (0u64, 0u64);
        let mut exhausted = false;
        let mut ready = BTreeMap::new();
        // Bytes of text of each run in flight, oldest first, and their sum.
        let mut in_flight = VecDeque::new();
        let mut held: Option<Batch> = None;
        loop {
            while sent - handed < self.ahead as u64 {
                // A source about to wait: first hand over what is in flight.
                if held.is_none() && (exhausted || (sent > handed && source.would_wait())) {
                    break;
                }
                let Some(run) = held.take().or_else(|| runs.next(source)) else {
                    exhausted = true;
                    break;
                };
                let bytes = run.bytes();
                let busy: usize = in_flight.iter().sum();
                if busy > 0 && busy + bytes > self.budget {
                    held = Some(run);
                    break;
                }
                // The workers hold the receiver until this sender is dropped.
                let _ = self.work.send((sent, run));
                in_flight.push_back(bytes);
                sent += 1;
            }
            if handed == sent {
                return Ok(());
            }
            let (seq, result) = self
                .done
                .recv()
                .expect("the workers live while work is in flight");
            ready.insert(seq, result);
            while let Some(result) = ready.remove(&handed) {
                in_flight.pop_front();
                match result {
                    Ok(r) => sink(r)?,
                    Err(payload) => panic::resume_unwind(payload),
                }
                handed += 1;
            }
        }
    }
}

/// Runs the pipeline on a run of inputs, stage by stage over all of its documents (see
/// [`find`]). Should a stage panic, the documents are analysed again one by one, so that only
/// the one at fault gets an error record.
fn analyze_run(inputs: Vec<Input>, options: &Options) -> Vec<Result<Analysis, Unreadable>> {
    let texts: Vec<&str> = inputs
        .iter()
        .filter_map(|input| match input {
            Input::Document(doc, _) => Some(doc.text.as_str()),
            Input::Unreadable(_) => None,
        })
        .collect();
    let found = panic::catch_unwind(|| find_with(&texts, options));
    drop(texts);
    match found {
        Ok(found) => {
            let mut found = found.into_iter();
            inputs
                .into_iter()
                .map(|input| match input {
                    Input::Document(doc, problems) => {
                        let found = found.next().expect("one finding per document");
                        Ok(assemble(doc, problems, found))
                    }
                    Input::Unreadable(u) => Err(u),
                })
                .collect()
        }
        Err(_) => inputs
            .into_iter()
            .map(|input| match input {
                Input::Document(doc, problems) => analyze_guarded(doc, problems, options),
                Input::Unreadable(u) => Err(u),
            })
            .collect(),
    }
}

/// Runs the pipeline on one document. The stages never fail by design; should one panic all the
/// same, the document gets an error record and the run goes on.
fn analyze_guarded(
    doc: Document,
    problems: Vec<Problem>,
    options: &Options,
) -> Result<Analysis, Unreadable> {
    let id = doc.id.clone();
    panic::catch_unwind(AssertUnwindSafe(|| {
        crate::analyze_owned_with(doc, problems, options)
    }))
    .map_err(|payload| {
        let why = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Unreadable {
            id,
            kind: ErrorKind::InternalError,
            message: format!("newsclaims failed on this document (a bug, please report it): {why}"),
            line: None,
        }
    })
}
