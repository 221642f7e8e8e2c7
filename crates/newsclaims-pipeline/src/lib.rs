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
/// other at every document (a third faster on the news corpora than document by document).
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

    /// Like [`Workers::map`], while `meanwhile` runs on the calling thread: the binary reads the
    /// next batch and writes the previous batch's records there, so that reading and writing
    /// overlap the analysis instead of leaving the workers idle at every batch.
    ///
    /// With one worker everything runs on the calling thread, one after the other, so that
    /// `--threads 1` uses one core and is an honest single-thread figure.
    pub fn map_meanwhile<T: Send, R: Send, M>(
        &self,
        items: Vec<T>,
        f: impl Fn(T) -> R + Sync + Send,
        meanwhile: impl FnOnce() -> M,
    ) -> (Vec<R>, M) {
        let pool = match &self.pool {
            Some(pool) if pool.current_num_threads() > 1 => pool,
            Some(_) => {
                let results = items.into_iter().map(f).collect();
                return (results, meanwhile());
            }
            // The global pool: rare enough (the OS refused threads) to go without overlap.
            None => return (self.map(items, f), meanwhile()),
        };
        let mut results = Vec::new();
        let m = pool.in_place_scope(|scope| {
            scope.spawn(|_| results = items.into_par_iter().map(f).collect());
            meanwhile()
        });
        (results, m)
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
