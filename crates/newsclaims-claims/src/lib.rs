//! Finds who claimed what: direct quotes, reported speech (indirect and mixed), nested
//! attributions, and the article's own check-worthy statements, each with its cue and a speaker
//! resolved to the entity's canonical name.
//!
//! Extraction never fails. Claims are sorted by start; every span lies inside the text.
//!
//! Finding who said what in a paragraph, after the two stages before:
//!
//! ```
//! use newsclaims_claims::ClaimKind;
//! let text = "“We will prevail,” Zelensky said.";
//! let tokens = newsclaims_tokenize::tokenize(text);
//! let entities = newsclaims_entities::recognize(text, &tokens);
//! let claims = newsclaims_claims::extract(text, &tokens, &entities);
//! let quote = &claims[0];
//! assert_eq!(quote.kind, ClaimKind::Direct);
//! assert_eq!(&text[quote.span], "We will prevail,");
//! assert_eq!(quote.cue.map(|c| &text[c]), Some("said"));
//! assert_eq!(quote.speaker.map(|s| &text[s.name]), Some("Zelensky"));
//! ```

mod attribution;
mod checkworthy;
mod lexicon;
mod rank;
mod rank_weights;
mod speaker;
#[cfg(feature = "train")]
pub mod speaker_training;
mod token_word;
mod view;

/// The lemma of an irregular form the cues use (`said` → `say`), for `newsclaims-dev
/// train-claims`, which counts cues with the stage's own rules.
#[cfg(feature = "train")]
pub fn irregular_lemma(w: &str) -> Option<&'static str> {
    lexicon::irregular_lemma(w)
}

/// The lemmas a lower-case word may be a regular inflection of, most likely first, for
/// `newsclaims-dev train-claims`.
#[cfg(feature = "train")]
pub fn regular_lemmas(w: &str) -> impl Iterator<Item = String> + '_ {
    lexicon::regular_lemmas(w)
}

/// What `newsclaims-dev train-claims` trains the content-boundary ranker with.
#[cfg(feature = "train")]
pub mod training {
    use std::cell::RefCell;

    use newsclaims_entities::Entities;
    use newsclaims_text::Span;
    use newsclaims_tokenize::Tokens;

    use crate::attribution::boundary;

    /// Bits of a hashed feature: the model holds `2^FEATURE_BITS` weights.
    pub const FEATURE_BITS: u32 = boundary::FEATURE_BITS;
    /// How much better than the rules' end another end must score to replace it.
    pub const MARGIN: i32 = boundary::MARGIN;

    /// One content-boundary decision of the rules.
    pub struct Case {
        /// The cue token.
        pub cue: Span,
        /// The content's first token.
        pub from: Span,
        /// Per candidate end: the byte where its last word ends, and its hashed features.
        pub candidates: Vec<(usize, Vec<u32>)>,
        /// Index of the rules' own end among `candidates`.
        pub rule: usize,
        /// What the content opens with: `to` (an infinitive), `ing` (a participle), `clause` (a
        /// finite verb near its start) or `np`.
        pub shape: &'static str,
    }

    /// Bits of a hashed feature of the cue classifier.
    pub const CUE_FEATURE_BITS: u32 = crate::attribution::cue_model::FEATURE_BITS;

    /// One decision of the rules at a form of a cue lemma.
    pub struct CueCase {
        /// The cue word.
        pub cue: Span,
        /// Its hashed features.
        pub features: Vec<u32>,
        /// The rules' outcome: `ok` (a claim) or why not.
        pub outcome: &'static str,
    }

    /// Runs the attribution rules over one text and returns their decision at every form of a
    /// cue lemma outside quotations, with its features.
    pub fn cue_cases(text: &str, tokens: &Tokens, entities: &Entities) -> Vec<CueCase> {
        let mut view = crate::view::View::new(text, tokens, entities);
        view.cue_record = Some(RefCell::new(Vec::new()));
        crate::attribution::find(&view);
        let cases = view.cue_record.map(RefCell::into_inner).unwrap_or_default();
        cases
            .into_iter()
            .map(|c| CueCase {
                cue: c.cue,
                features: c.features,
                outcome: c.outcome,
            })
            .collect()
    }

    /// Bits of a hashed feature of the content-start ranker.
    pub const START_FEATURE_BITS: u32 = crate::attribution::start::FEATURE_BITS;
    /// How much better than the rules' start another start must score to replace it.
    pub const START_MARGIN: i32 = crate::attribution::start::MARGIN;

    /// One content-start decision of the rules.
    pub struct StartCase {
        /// The cue token.
        pub cue: Span,
        /// Per candidate start: the byte where its token starts, and its hashed features.
        pub candidates: Vec<(usize, Vec<u32>)>,
        /// Index of the rules' own start among `candidates`.
        pub rule: usize,
    }

    /// Runs the attribution rules over one text and returns every content-start decision they
    /// made after a cue, with the rules' own start and every candidate's features.
    pub fn start_cases(text: &str, tokens: &Tokens, entities: &Entities) -> Vec<StartCase> {
        let mut view = crate::view::View::new(text, tokens, entities);
        // The boundary ranker and the cue classifier stand aside too, as while the boundary
        // ranker's decisions are recorded.
        view.record = Some(RefCell::new(Vec::new()));
        view.start_record = Some(RefCell::new(Vec::new()));
        crate::attribution::find(&view);
        let cases = view
            .start_record
            .map(RefCell::into_inner)
            .unwrap_or_default();
        cases
            .into_iter()
            .map(|c| StartCase {
                cue: c.cue,
                candidates: c.candidates,
                rule: c.rule,
            })
            .collect()
    }

    /// Bits of a hashed feature of the claim-acceptance model.
    pub const ACCEPT_FEATURE_BITS: u32 = crate::attribution::accept::FEATURE_BITS;

    /// One claim of the stage before the acceptance model judges it.
    pub struct AcceptCase {
        /// The content pieces, in text order.
        pub pieces: Vec<Span>,
        /// Its hashed features.
        pub features: Vec<u32>,
        /// Whether the model judges it (a long content is kept whatever its score).
        pub judged: bool,
    }

    /// Runs the attribution stage over one text and returns every claim it finds before the
    /// acceptance model, with the model's features.
    pub fn accept_cases(text: &str, tokens: &Tokens, entities: &Entities) -> Vec<AcceptCase> {
        let mut view = crate::view::View::new(text, tokens, entities);
        // On the rules' content starts: retrained on the start ranker's, the model moved its
        // threshold from -22,500 to -35,000 (one true PolNeAR dev claim scored below the old
        // one) and PolNeAR dev content F1 from 0.8440 to 0.8423, noise of retraining alone.
        view.rule_starts = true;
        crate::attribution::find(&view)
            .iter()
            .map(|f| AcceptCase {
                pieces: f.pieces.clone(),
                features: crate::attribution::accept::features(&view, f).to_vec(),
                judged: crate::attribution::accept::judged(&view, f),
            })
            .collect()
    }

    /// Runs the attribution rules over one text and returns every content-boundary decision
    /// they made, with the rules' own end and every candidate's features.
    pub fn boundary_cases(text: &str, tokens: &Tokens, entities: &Entities) -> Vec<Case> {
        let mut view = crate::view::View::new(text, tokens, entities);
        view.record = Some(RefCell::new(Vec::new()));
        crate::attribution::find(&view);
        let cases = view.record.map(RefCell::into_inner).unwrap_or_default();
        cases
            .into_iter()
            .map(|c| Case {
                cue: c.cue,
                from: c.from,
                candidates: c.candidates,
                rule: c.rule,
                shape: c.shape,
            })
            .collect()
    }
}

pub use checkworthy::SentenceScore;
/// The check-worthiness features of a text read whole, for `newsclaims-dev train-checkworthy`.
#[cfg(feature = "train")]
pub use checkworthy::checkworthy_features;

use newsclaims_entities::Entities;
use newsclaims_text::Span;
use newsclaims_tokenize::Tokens;

use crate::view::View;

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

/// Choices a caller can make about extraction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// The check-worthiness from which an own-voice sentence becomes a `statement` claim. The
    /// scores are calibrated so that 0.5, the default, is the threshold with the best F1 on
    /// held-out ClaimBuster data; lower finds more statements, higher fewer and surer ones.
    pub checkworthy_threshold: f32,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            checkworthy_threshold: 0.5,
        }
    }
}

/// Everything the claims stage finds in one text.
#[derive(Clone, Debug, PartialEq)]
pub struct Extraction {
    /// Sorted by start.
    pub claims: Vec<Claim>,
    /// One per sentence of the tokens, in order.
    pub sentences: Vec<SentenceScore>,
}

/// Extracts the claims of one tokenized, entity-tagged text, with the default [`Options`].
pub fn extract(text: &str, tokens: &Tokens, entities: &Entities) -> Vec<Claim> {
    extract_with(text, tokens, entities, &Options::default()).claims
}

/// Extracts the claims of one tokenized, entity-tagged text and scores each of its sentences.
pub fn extract_with(
    text: &str,
    tokens: &Tokens,
    entities: &Entities,
    options: &Options,
) -> Extraction {
    extract_found(text, tokens, entities, options, attribution::find_accepted)
}

/// The claims before the acceptance model judges them, for the tests of the steps before it
/// (who speaks, not whether it is a claim).
#[cfg(test)]
pub(crate) fn extract_unjudged(text: &str, tokens: &Tokens, entities: &Entities) -> Vec<Claim> {
    extract_found(
        text,
        tokens,
        entities,
        &Options::default(),
        attribution::find,
    )
    .claims
}

/// [`extract_with`] with the attributed claims that `find` finds.
fn extract_found(
    text: &str,
    tokens: &Tokens,
    entities: &Entities,
    options: &Options,
    find: fn(&View<'_>) -> Vec<attribution::Found>,
) -> Extraction {
    let view = View::new(text, tokens, entities);
    tag_cue_sentences(&view);
    let found = find(&view);
    let mut claims: Vec<Claim> = found
        .iter()
        .filter(|f| f.pieces.iter().all(|p| p.end() <= text.len()))
        .map(|f| {
            let (checkworthiness, claim_type) = checkworthy::score(&view, &f.pieces, f.kind);
            Claim {
                kind: f.kind,
                span: f.span(),
                fragments: if f.pieces.len() > 1 {
                    f.pieces.clone()
                } else {
                    Vec::new()
                },
                cue: f.cue,
                speaker: f.speaker,
                source: f.source,
                checkworthiness,
                claim_type,
                entities: mentions_inside(entities, &f.pieces),
            }
        })
        .collect();
    let attributing = attribution_tokens(&view, &found);
    let sentences = checkworthy::sentences(&view, &tokens.sentences, &attributing);
    claims.extend(statements(
        &view,
        &found,
        &attributing,
        &sentences,
        options.checkworthy_threshold,
    ));
    claims.sort_by_key(|c| (c.span.start(), c.span.end(), c.kind));
    Extraction { claims, sentences }
}

/// Tags every cue word outside quotations and the word after it, in one run before the rules:
/// they ask for these tags first (the cue classifier reads them), and asked one at a time between
/// the rules' steps, the tagger and the rules evict each other's code and data from the caches.
/// The tags of a sentence depend on that sentence alone, so the order changes no answer.
fn tag_cue_sentences(view: &View<'_>) {
    for k in 0..view.len() {
        if view.quote_at(k).is_none() && token_word::is_cue(view, k) {
            let next = k + 1;
            view.tag(if view.sent(next) == view.sent(k) {
                next
            } else {
                k
            });
        }
    }
}

/// The indices of the mentions inside any of `pieces`, ascending.
fn mentions_inside(entities: &Entities, pieces: &[Span]) -> Vec<usize> {
    let mut out: Vec<usize> = pieces.iter().flat_map(|&p| entities.inside(p)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The tokens that attribute a claim rather than state anything: a subject right before its cue
/// (`that supporters call ...`) or with a relative clause or an aside between them, the cue,
/// and after content the rest of the cue's clause (`“Q,” said X, who pushed for it.`).
fn attribution_tokens(view: &View<'_>, found: &[attribution::Found]) -> Vec<bool> {
    let n = view.len();
    let mut marked = vec![false; n];
    let mut mark = |a: usize, b: usize| {
        for c in marked.iter_mut().take(b.min(n)).skip(a) {
            *c = true;
        }
    };
    for f in found {
        if let (Some(subject), Some(cue)) = (f.subject, f.cue)
            && subject.end() <= cue.start()
        {
            let (after, at_cue) = (
                view.token_at_or_after(subject.end()),
                view.token_at_or_after(cue.start()),
            );
            if at_cue <= after + 3 {
                mark(view.token_at_or_after(subject.start()), after);
            } else {
                // The subject with its relative clause or its aside (`The whistleblowers who
                // came forward have expressed ...`, `Bass, who took office in 2022, said ...`).
                let relative = at_cue <= after + 8 && view.is_any(after, &["who", "that"]);
                let aside = at_cue <= after + 30
                    && view.is_punct(after, ",")
                    && view.is_punct(at_cue - 1, ",");
                let one_sentence =
                    !(after..at_cue).any(|k| view.is_terminator(k) || view.quote_at(k).is_some());
                if (relative || aside) && one_sentence {
                    mark(view.token_at_or_after(subject.start()), at_cue);
                }
            }
        }
        if let Some(cue) = f.cue {
            let a = view.token_at_or_after(cue.start());
            let mut b = view.token_at_or_after(cue.end());
            if cue.start() >= f.span().end() {
                b = view.clause_end(a).max(b);
            }
            mark(a, b);
        }
    }
    marked
}

/// The article's own check-worthy statements: in every sentence, the longest stretch that no
/// attributed claim, cue or quotation covers, when it scores at least `threshold`.
fn statements(
    view: &View<'_>,
    found: &[attribution::Found],
    attributing: &[bool],
    scores: &[SentenceScore],
    threshold: f32,
) -> Vec<Claim> {
    let n = view.len();
    let mut covered = attributing.to_vec();
    for f in found {
        for p in &f.pieces {
            let a = view.token_at_or_after(p.start());
            let b = view.token_at_or_after(p.end());
            for c in covered.iter_mut().take(b.min(n)).skip(a) {
                *c = true;
            }
        }
    }
    // A quotation that no claim holds (a scare quote, a title) stays in the statement around
    // it: cutting there would stop the statement in the middle of a phrase.
    let mut out = Vec::new();
    let mut s = 0;
    while s < n {
        let sentence = view.sent(s);
        let mut e = s;
        while e < n && view.sent(e) == sentence {
            e += 1;
        }
        let span = view.cover(s, e - 1);
        let sentence_text = &view.text[span];
        let question = sentence_text
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with('?');
        if !question && !checkworthy::is_credit_line(sentence_text) {
            // The longest uncovered run of tokens in the sentence.
            let mut best = 0..0;
            let mut k = s;
            while k < e {
                if covered[k] {
                    k += 1;
                    continue;
                }
                let a = k;
                while k < e && !covered[k] {
                    k += 1;
                }
                if view.count_words(a..k) > view.count_words(best.clone()) {
                    best = a..k;
                }
            }
            let mut r = best;
            while r.start < r.end && !view.is_wordlike(r.start) {
                r.start += 1;
            }
            // Trailing punctuation and a dangling connective (`..., on Wednesday that`).
            while r.end > r.start
                && (!view.is_wordlike(r.end - 1) && !view.is_punct(r.end - 1, ")")
                    || view.is_any(
                        r.end - 1,
                        &["that", "which", "who", "and", "but", "or", "as"],
                    )
                    || lexicon::is_determiner(view.word(r.end - 1)))
            {
                r.end -= 1;
            }
            if view.count_words(r.clone()) >= 6 {
                let piece = view.cover(r.start, r.end - 1);
                // A sentence that nothing attributes is scored already, as a whole: scoring it
                // again would double the stage's cost for no new information.
                let whole = scores
                    .get(sentence as usize)
                    .filter(|_| !covered[s..e].iter().any(|&c| c));
                let (checkworthiness, claim_type) = match whole {
                    Some(score) => (score.checkworthiness, score.claim_type),
                    None => {
                        let offset = checkworthy::layout_offset(view, s..e);
                        checkworthy::score_with(view, &[piece], offset)
                    }
                };
                if checkworthiness >= threshold {
                    out.push(Claim {
                        kind: ClaimKind::Statement,
                        span: piece,
                        fragments: Vec::new(),
                        cue: None,
                        speaker: None,
                        source: None,
                        checkworthiness,
                        claim_type,
                        entities: mentions_inside(view.entities, &[piece]),
                    });
                }
            }
        }
        s = e.max(s + 1);
    }
    out
}
