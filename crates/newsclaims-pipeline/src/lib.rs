//! Composes the stages (tokenize, entities, claims) for one document, and runs many documents in
//! parallel with rayon. This is the only crate that knows about threads.
//!
//! Results come back in input order and never depend on the thread count.
//!
//! ```
//! use newsclaims_pipeline::{Document, analyze};
//! let doc = Document::new("d1", "“We will prevail,” Zelensky said.");
//! let analysis = analyze(&doc);
//! assert_eq!(analysis.tokens.sentences.len(), 1);
//! ```

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Mutex, mpsc};

use rayon::prelude::*;

pub use newsclaims_format::{Analysis, Problem};
pub use newsclaims_text::Document;
use newsclaims_text::Span;

/// Runs every stage over one document. Never fails: odd input becomes [`Problem`]s.
pub fn analyze(document: &Document) -> Analysis {
    analyze_owned(document.clone(), Vec::new())
}

/// Like [`analyze`], taking the document and the problems met while reading it.
pub fn analyze_owned(document: Document, problems: Vec<Problem>) -> Analysis {
    let found = find(std::slice::from_ref(&document.text.as_str()));
    let found = found.into_iter().next().expect("one text, one finding");
    assemble(document, problems, found)
}

/// What the stages find in one text.
pub struct Found {
    pub tokens: newsclaims_tokenize::Tokens,
    pub entities: newsclaims_entities::Entities,
    pub claims: Vec<newsclaims_claims::Claim>,
}

/// Runs the stages over several texts, one stage over all of them before the next: each stage's
/// model and lexicons then stay in the CPU caches for a whole batch, instead of evicting each
/// other at every document (the `stages` bench shows the difference: its stage rows, each over
/// all documents, add up to less than `whole`, which goes document by document).
/// The results are those of each text alone, in order.
pub fn find(texts: &[&str]) -> Vec<Found> {
    let tokens: Vec<_> = texts
        .iter()
        .map(|t| newsclaims_tokenize::tokenize(t))
        .collect();
    let entities: Vec<_> = texts
        .iter()
        .zip(&tokens)
        .map(|(text, tokens)| newsclaims_entities::recognize(text, tokens))
        .collect();
    let claims: Vec<_> = texts
        .iter()
        .zip(&tokens)
        .zip(&entities)
        .map(|((text, tokens), entities)| newsclaims_claims::extract(text, tokens, entities))
        .collect();
    tokens
        .into_iter()
        .zip(entities)
        .zip(claims)
        .map(|((tokens, entities), claims)| Found {
            tokens,
            entities,
            claims,
        })
        .collect()
}

/// The analysis of `document` from what the stages found in its text, with the problems met
/// while reading it and those of the text itself.
pub fn assemble(document: Document, mut problems: Vec<Problem>, found: Found) -> Analysis {
    check_text(&document.text, &mut problems);
    Analysis {
        document,
        tokens: found.tokens,
        entities: found.entities,
        claims: found.claims,
        problems,
    }
}

/// Notes what in the text itself a reader of the output should know about: a document with no
/// words (it yields no sentences), and control characters (NUL and the like, often the sign of a
/// binary file or a wrong encoding). Both are still analysed as they are.
fn check_text(text: &str, problems: &mut Vec<Problem>) {
    if text.trim().is_empty() {
        problems.push(Problem {
            kind: "empty",
            message: if text.is_empty() {
                "the document is empty".to_owned()
            } else {
                "the document holds only whitespace".to_owned()
            },
            span: None,
        });
        return;
    }
    // Tabs and line breaks are layout; every other C0/C1 control character is suspect.
    let is_odd = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    let mut odd = text.char_indices().filter(|&(_, c)| is_odd(c));
    if let Some((first, c)) = odd.next() {
        let count = 1 + odd.count();
        problems.push(Problem {
            kind: "control-characters",
            message: format!(
                "{count} control character{} (the first is U+{:04X})",
                if count == 1 { "" } else { "s" },
                u32::from(c)
            ),
            span: Some(Span::new(first, first + c.len_utf8())),
        });
    }
}

/// The calling thread's side of [`Workers::stream`]: keeps up to `ahead` items in flight, and
/// hands results over in input order. Dropping `work` on return stops the workers.
fn coordinate<T, R, E>(
    ahead: usize,
    work: mpsc::Sender<(u64, T)>,
    done: &mpsc::Receiver<(u64, std::thread::Result<R>)>,
    next: &mut impl FnMut() -> Result<Option<T>, E>,
    sink: &mut impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    let (mut sent, mut handed) = (0u64, 0u64);
    let mut exhausted = false;
    let mut ready = BTreeMap::new();
    loop {
        while !exhausted && sent - handed < ahead as u64 {
            match next()? {
                Some(item) => {
                    // The workers hold the receiver until this sender is dropped.
                    let _ = work.send((sent, item));
                    sent += 1;
                }
                None => exhausted = true,
            }
        }
        if handed == sent {
            return Ok(());
        }
        let (seq, result) = done
            .recv()
            .expect("the workers live while work is in flight");
        ready.insert(seq, result);
        while let Some(result) = ready.remove(&handed) {
            match result {
                Ok(r) => sink(r)?,
                Err(payload) => panic::resume_unwind(payload),
            }
            handed += 1;
        }
    }
}

/// A pool of worker threads that maps work over documents, keeping input order.
pub struct Workers {
    pool: Option<rayon::ThreadPool>,
}

impl Workers {
    /// A pool of `threads` threads; 0 means one per core.
    pub fn new(threads: usize) -> Workers {
        // Building a pool fails only when the OS refuses threads; the global pool serves then.
        Workers {
            pool: rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .ok(),
        }
    }

    /// Maps `f` over `items` in parallel; results in input order, whatever the thread count.
    pub fn map<T: Send, R: Send>(&self, items: Vec<T>, f: impl Fn(T) -> R + Sync + Send) -> Vec<R> {
        let run = || items.into_par_iter().map(f).collect();
        match &self.pool {
            Some(pool) => pool.install(run),
            None => run(),
        }
    }

    /// Maps `f` over the items `next` yields, on the pool's threads, and hands each result to
    /// `sink` on the calling thread, in input order: the binary's loop. Reading and writing
    /// happen on the calling thread while the workers analyse, and no thread waits for the
    /// others at any boundary (a batch-by-batch map would leave all but one idle at the end of
    /// every batch). At most four items per thread are taken and not yet handed to `sink`, so
    /// memory stays bounded whatever the input's length.
    ///
    /// With one thread everything runs on the calling thread, one after the other, so that
    /// `--threads 1` uses one core and is an honest single-thread figure. A panic in `f` reaches
    /// the caller; an error from `next` or `sink` stops the run and is returned.
    pub fn stream<T: Send, R: Send, E>(
        &self,
        mut next: impl FnMut() -> Result<Option<T>, E>,
        f: impl Fn(T) -> R + Sync,
        mut sink: impl FnMut(R) -> Result<(), E>,
    ) -> Result<(), E> {
        let pool = match &self.pool {
            Some(pool) if pool.current_num_threads() > 1 => pool,
            // One thread, or the global pool (the OS refused threads): no workers of our own.
            _ => {
                while let Some(item) = next()? {
                    sink(f(item))?;
                }
                return Ok(());
            }
        };
        let threads = pool.current_num_threads();
        let (work_tx, work_rx) = mpsc::channel::<(u64, T)>();
        let work_rx = Mutex::new(work_rx);
        let (done_tx, done_rx) = mpsc::channel::<(u64, std::thread::Result<R>)>();
        pool.in_place_scope(|scope| {
            for _ in 0..threads {
                let done_tx = done_tx.clone();
                let (work_rx, f) = (&work_rx, &f);
                scope.spawn(move |_| {
                    // Ends when the calling thread drops the work channel.
                    while let Ok(Ok((seq, item))) = work_rx.lock().map(|rx| rx.recv()) {
                        let result = panic::catch_unwind(AssertUnwindSafe(|| f(item)));
                        if done_tx.send((seq, result)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(done_tx);
            coordinate(4 * threads, work_tx, &done_rx, &mut next, &mut sink)
        })
    }

    /// The number of worker threads.
    pub fn threads(&self) -> usize {
        self.pool
            .as_ref()
            .map_or_else(rayon::current_num_threads, |p| p.current_num_threads())
    }

    /// Analyses documents in parallel; results in input order.
    pub fn analyze(&self, batch: Vec<(Document, Vec<Problem>)>) -> Vec<Analysis> {
        self.map(batch, |(d, p)| analyze_owned(d, p))
    }
}
