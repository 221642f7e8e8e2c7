//! What `cargo xtask train-speakers` needs from the speaker ranker: the candidate clusters of any
//! third-person pronoun with their features, computed by the very code the stage runs. Built only
//! with the `train` feature; the binary never has it.

use newsclaims_entities::Entities;
use newsclaims_text::Span;
use newsclaims_tokenize::Tokens;

use crate::attribution;
use crate::rank;
use crate::speaker::Earlier;
use crate::view::View;

/// How many features a candidate has.
pub const FEATURES: usize = rank::FEATURES;

/// The features' names, in order.
pub const FEATURE_NAMES: [&str; FEATURES] = rank::FEATURE_NAMES;

/// The feature that says the pronoun is the subject of a cue of speech: the linear part scores
/// its candidates, the trees the others.
pub const SPEECH_FEATURE: usize = rank::SPEECH_FEATURE;

/// The leaf one tree of the trainer gives the features `x`, by the ranker's own walk.
pub fn tree_leaf(splits: &[(usize, f32)], leaves: &[f32], x: &[f32]) -> f32 {
    rank::tree_leaf(splits, leaves, x)
}

/// One candidate of a pronoun: its cluster and its features.
pub type Candidate = (usize, [f32; FEATURES]);

/// For every span in `pronouns` (each one token of a third-person pronoun), its candidates in
/// cluster order; `None` where the span is no such pronoun. The earlier speakers are those the
/// stage finds named at claims before the pronoun.
pub fn pronoun_candidates(
    text: &str,
    tokens: &Tokens,
    entities: &Entities,
    pronouns: &[Span],
) -> Vec<Option<Vec<Candidate>>> {
    let view = View::new(text, tokens, entities);
    let mut said: Vec<(usize, Earlier)> = attribution::find(&view)
        .iter()
        .filter_map(|f| {
            // Speakers named at their claim only: one resolved from a pronoun depends on the
            // embedded weights, and the training data must not depend on the model it trains.
            let speaker = f.speaker?;
            if crate::lexicon::pronoun(&text[speaker.span]).is_some() {
                return None;
            }
            let cluster = speaker.cluster?;
            let at = f.cue.map_or(f.span().start(), |c| c.start());
            let t = view.token_at_or_after(at);
            Some((
                at,
                Earlier {
                    cluster,
                    sentence: view.sent(t),
                },
            ))
        })
        .collect();
    said.sort_by_key(|(at, e)| (*at, e.cluster));
    pronouns
        .iter()
        .map(|&span| {
            let at = view.token_at_or_after(span.start());
            if at >= view.len() || view.span(at) != span {
                return None;
            }
            let (p, case) = rank::classify_at(&view, at)?;
            let before = said.partition_point(|(s, _)| *s < span.start());
            let earlier: Vec<Earlier> = said[..before].iter().map(|(_, e)| *e).collect();
            Some(
                rank::candidates(&view, at, p, case, &earlier)
                    .into_iter()
                    .map(|c| (c.cluster, c.features))
                    .collect(),
            )
        })
        .collect()
}

/// The embedded model's score of one candidate's features.
pub fn score(features: &[f32; FEATURES]) -> f32 {
    rank::score(features)
}

/// Whether `word` is a third-person pronoun the ranker resolves (`he`, `his`, `them`, ...).
pub fn is_third_person(word: &str) -> bool {
    rank::classify(word).is_some()
}
