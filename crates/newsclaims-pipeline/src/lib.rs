//! Composes the stages (tokenize, entities, claims) into an [`Analysis`] of one document, and
//! owns the run over many documents ([`Run`]: runs of documents on worker threads, panic
//! isolation, input order). This is the only crate that knows about threads; the binary and the
//! Python module both go through [`Run::stream`].
//!
//! Results come back in input order and never depend on the thread count.
//!
//! ```
//! use newsclaims_pipeline::{Document, analyze};
//! let doc = Document::new("d1", "“We will prevail,” Zelensky said.");
//! let analysis = analyze(&doc);
//! assert_eq!(analysis.tokens.sentences.len(), 1);
//! ```

#[cfg(feature = "fault-injection")]
pub mod faults;
mod ids;
mod run;

pub use ids::DuplicateIds;
pub use newsclaims_claims::Options;
use newsclaims_text::Span;
pub use newsclaims_text::{Document, ErrorKind, Problem, ProblemKind};
pub use run::{
    BYTES_PER_RUN, DOCS_PER_RUN, Input, MAX_BYTES_IN_FLIGHT, MAX_THREADS, RUNS_PER_THREAD, Run,
    Source,
};

/// Everything the pipeline found in one document.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub document: Document,
    pub tokens: newsclaims_tokenize::Tokens,
    pub entities: newsclaims_entities::Entities,
    pub claims: Vec<newsclaims_claims::Claim>,
    /// The check-worthiness of each of `tokens.sentences`, in order.
    pub sentences: Vec<newsclaims_claims::SentenceScore>,
    pub problems: Vec<Problem>,
}

/// A document that could not be read at all: it still yields one output record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub id: String,
    pub kind: ErrorKind,
    pub message: String,
    /// The 1-based input line, for JSON Lines input.
    pub line: Option<u64>,
}

/// Runs every stage over one document. Never fails: odd input becomes [`Problem`]s.
pub fn analyze(document: &Document) -> Analysis {
    analyze_owned(document.clone(), Vec::new())
}

/// Like [`analyze`], taking the document and the problems met while reading it.
pub fn analyze_owned(document: Document, problems: Vec<Problem>) -> Analysis {
    analyze_owned_with(document, problems, &Options::default())
}

/// Like [`analyze_owned`], with the claims stage's [`Options`].
pub fn analyze_owned_with(
    document: Document,
    problems: Vec<Problem>,
    options: &Options,
) -> Analysis {
    let found = find_with(std::slice::from_ref(&document.text.as_str()), options);
    let found = found.into_iter().next().expect("one text, one finding");
    assemble(document, problems, found)
}

/// What the stages find in one text.
pub struct Found {
    pub tokens: newsclaims_tokenize::Tokens,
    pub entities: newsclaims_entities::Entities,
    pub claims: Vec<newsclaims_claims::Claim>,
    /// The check-worthiness of each sentence of `tokens`.
    pub sentences: Vec<newsclaims_claims::SentenceScore>,
}

/// Runs the stages over several texts, one stage over all of them before the next: each stage's
/// model and lexicons then stay in the CPU caches for a whole batch, instead of evicting each
/// other at every document (the `stages` bench shows the difference: its stage rows, each over
/// all documents, add up to less than `whole`, which goes document by document).
/// The results are those of each text alone, in order.
pub fn find(texts: &[&str]) -> Vec<Found> {
    find_with(texts, &Options::default())
}

/// Like [`find`], with the claims stage's [`Options`].
pub fn find_with(texts: &[&str], options: &Options) -> Vec<Found> {
    #[cfg(feature = "fault-injection")]
    faults::inject(texts);
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
        .map(|((text, tokens), entities)| {
            newsclaims_claims::extract_with(text, tokens, entities, options)
        })
        .collect();
    tokens
        .into_iter()
        .zip(entities)
        .zip(claims)
        .map(|((tokens, entities), extraction)| Found {
            tokens,
            entities,
            claims: extraction.claims,
            sentences: extraction.sentences,
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
        sentences: found.sentences,
        problems,
    }
}

/// Notes what in the text itself a reader of the output should know about: a document with no
/// words (it yields no sentences), and control characters (NUL and the like, often the sign of a
/// binary file or a wrong encoding). Both are still analysed as they are.
fn check_text(text: &str, problems: &mut Vec<Problem>) {
    if text.trim().is_empty() {
        problems.push(Problem {
            kind: ProblemKind::Empty,
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
    // Without a byte of a C0 control (but layout), DEL or the lead byte of the C1 controls
    // (0xC2), no char is odd: most texts are answered by this byte scan.
    let suspect =
        |b: &u8| (*b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || matches!(b, 0x7f | 0xc2);
    if !text.as_bytes().iter().any(suspect) {
        return;
    }
    let mut odd = text.char_indices().filter(|&(_, c)| is_odd(c));
    if let Some((first, c)) = odd.next() {
        let count = 1 + odd.count();
        problems.push(Problem {
            kind: ProblemKind::ControlCharacters,
            message: format!(
                "{count} control character{} (the first is U+{:04X})",
                if count == 1 { "" } else { "s" },
                u32::from(c)
            ),
            span: Some(Span::new(first, first + c.len_utf8())),
        });
    }
}
