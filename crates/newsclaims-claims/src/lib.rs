//! Finds who claimed what: direct quotes, reported speech (indirect and mixed), nested
//! attributions, and the article's own check-worthy statements, each with its cue and a speaker
//! resolved to the entity's canonical name.
//!
//! Extraction never fails. Claims are sorted by start; every span lies inside the text.

use newsclaims_entities::Entities;
use newsclaims_text::Span;
use newsclaims_tokenize::Tokens;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClaimKind {
    /// Words inside quotation marks, attributed to a speaker.
    Direct,
    /// Reported speech without quotation marks.
    Indirect,
    /// Reported speech containing a partial quote.
    Mixed,
    /// A check-worthy factual statement the article makes itself.
    Statement,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
            ClaimKind::Mixed => "mixed",
            ClaimKind::Statement => "statement",
        }
    }
}

/// What a claim asserts, for fact-checkers sorting their queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClaimType {
    Quantity,
    Comparison,
    Event,
    Prediction,
    Opinion,
    Other,
}

impl ClaimType {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimType::Quantity => "quantity",
            ClaimType::Comparison => "comparison",
            ClaimType::Event => "event",
            ClaimType::Prediction => "prediction",
            ClaimType::Opinion => "opinion",
            ClaimType::Other => "other",
        }
    }
}

/// Who made a claim: the words at the claim that name them, and the canonical name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The speaker mention at the claim (`He`, `Stoltenberg`, `the spokesperson`).
    pub span: Span,
    /// The canonical name: the cluster's fullest name, or the mention itself without a leading
    /// determiner when it resolves to no cluster (`NATO release`).
    pub name: Span,
    /// Index into [`Entities::clusters`] when resolved to one.
    pub cluster: Option<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub kind: ClaimKind,
    /// From the first fragment's start to the last fragment's end.
    pub span: Span,
    /// The content's pieces when it is split (a quote over several paragraphs, or interrupted by
    /// its attribution); empty when the content is the one span.
    pub fragments: Vec<Span>,
    pub cue: Option<Span>,
    pub speaker: Option<Speaker>,
    /// The channel reporting a nested claim (`A NATO release`).
    pub source: Option<Span>,
    /// In [0, 1]: how much a fact-checker would want this checked.
    pub checkworthiness: f32,
    pub claim_type: ClaimType,
    /// Indices into [`Entities::mentions`] of the mentions inside the content.
    pub entities: Vec<usize>,
}

/// Extracts the claims of one tokenized, entity-tagged text.
pub fn extract(text: &str, tokens: &Tokens, entities: &Entities) -> Vec<Claim> {
    // FIXME: a first cut (quotes only, no speaker), to be replaced by the full attribution stage.
    let _ = text;
    tokens
        .quotes
        .iter()
        .map(|q| {
            let span = q.content();
            Claim {
                kind: ClaimKind::Direct,
                span,
                fragments: if q.fragments.len() > 1 {
                    q.fragments.clone()
                } else {
                    Vec::new()
                },
                cue: None,
                speaker: None,
                source: None,
                checkworthiness: 0.0,
                claim_type: ClaimType::Other,
                entities: entities.inside(span).collect(),
            }
        })
        .collect()
}
