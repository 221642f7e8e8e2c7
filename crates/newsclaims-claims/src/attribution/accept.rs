//! The claim-acceptance model: whether an attributed claim the rules and the other two models
//! built (cue, content, speaker) is a claim at all, trained on PolNeAR train. It reads the claim
//! whole, as no earlier step could: its kind, its cue's lemma and on which side of the content
//! the cue lies (a `:` lead-in, a `-` sign-off, none), how long the content is, its first words
//! and whether it runs past a sentence end, what kind of words its speaker is (a name, a pronoun,
//! a description, a relative `who`), and where it lies in the article (the first paragraph is the
//! headline, where colons and dashes are debris more often than speech). It asks for no
//! part-of-speech tag: tagging is the stage's costliest step, and the tags of the content's
//! words (a finite verb, the first word's tag) moved no dev figure.
//!
//! A logistic regression over hashed features; its weights are `model/accept.bin`
//! (`cargo xtask train-accept`), `i16` little-endian, one per hashed feature. A claim scoring
//! below [`MIN_SCORE`], chosen with the weights and stored after them, is dropped. It runs once
//! per claim: two dozen hashes and lookups.
//!
//! The model reads the output of everything before it (the cue classifier, the boundary ranker,
//! the speaker ranker) and nothing reads its output while training, so it is trained last.

use newsclaims_entities::Label;

use super::Found;
use super::boundary::hash;
use crate::ClaimKind;
use crate::token_word::{FNV_BASIS, FNV_PRIME as PRIME};
use crate::view::View;

/// The trained weights, `2^FEATURE_BITS` little-endian `i16`, then [`MIN_SCORE`] as a
/// little-endian `i32`.
const MODEL: &[u8] = include_bytes!("../../model/accept.bin");

/// Bytes of the weights in [`MODEL`].
const WEIGHT_BYTES: usize = 2 << FEATURE_BITS;

/// Bits of a hashed feature: 16,384 weights (32 KB), for a few thousand distinct features.
pub(crate) const FEATURE_BITS: u32 = 14;

/// Below this score a claim is dropped, in the weights' units (the largest weight is 32,767).
/// Chosen on PolNeAR dev with the weights by `cargo xtask train-accept`, which prints per step of
/// 2,500 the judged claims it would drop and the content F1 that follows: the highest step that
/// drops no right claim of dev and is at most -20,000, above which the project's own gold loses
/// claims (at -10,000 a GUM quotation, `no one will be refused “based solely on ...”`,
/// `eval_speakers::gum_news_floor`). A fixed threshold did not survive retraining: after the
/// cue readings of dd71cad, -20,000 dropped a right claim (`He responded ... the same way that
/// we must respond now: THEY LOSE, WE WIN.`, scored -21,246) where -22,500 drops none.
pub(crate) const MIN_SCORE: i32 = if MODEL.len() >= WEIGHT_BYTES + 4 {
    i32::from_le_bytes([
        MODEL[WEIGHT_BYTES],
        MODEL[WEIGHT_BYTES + 1],
        MODEL[WEIGHT_BYTES + 2],
        MODEL[WEIGHT_BYTES + 3],
    ])
} else {
    // A model file of the weights alone, from before the threshold was stored: the crate still
    // builds, so that `cargo xtask train-accept` can regenerate it, nothing is dropped, and the
    // unit test and `train-accept --check` fail until it is regenerated.
    i32::MIN
};

/// The longest content, in tokens, the model judges. Longer contents are where PolNeAR's
/// boundaries and ours part (its contents run on into `which` clauses and adjuncts, ours stop
/// before them): trained on PolNeAR the model reads a long content as a wrong one, and on the
/// project's own gold (news dev, the seed article) long contents are right.
const MAX_JUDGED_TOKENS: usize = 20;

/// Whether the model keeps the claim `f`.
pub(crate) fn keep(view: &View<'_>, f: &Found) -> bool {
    !judged(view, f) || score(&features(view, f)) >= MIN_SCORE
}

/// Whether the model judges the claim `f` at all: only reported speech (indirect or mixed) with
/// a cue. Not a quotation (the project's convention attributes every quotation with its cue or
/// from its surroundings, where PolNeAR's annotators leave some out); not a content longer than
/// [`MAX_JUDGED_TOKENS`]; and not a claim whose cue `that` follows (`X states that ...`), a verb
/// of saying whatever the word's other readings, as the cue classifier's veto has it (PolNeAR's
/// `states` is mostly `the United States`).
///
/// Judging more was measured and does not pay: a model trained on every indirect and mixed claim
/// with a cue (7,542 train claims), with the cue's tag, the word after the cue and the claim's
/// class as features and a threshold per class, drops as many right claims as wrong ones among
/// `that` claims on PolNeAR dev (8, 4 right, at 0), and the long contents it would drop (8, none
/// right, at 0) come with right ones of the project's gold scored lower still (the seed article's
/// `members of the alliance have provided Ukraine ...` at -26,247, news dev's `Papadopoulos
/// offered to set up a meeting ...` at -35,136); on the claims judged today it was no better (9
/// dropped, 1 right, at -20,000, where the model of d7aa25f dropped 7, none right).
pub(crate) fn judged(view: &View<'_>, f: &Found) -> bool {
    f.kind != ClaimKind::Direct
        && f.tokens.len() <= MAX_JUDGED_TOKENS
        && f.cue.is_some()
        && !view.is(f.anchor + 1, "that")
}

/// The model's score of a claim's features.
pub(crate) fn score(features: &[u32]) -> i32 {
    features.iter().map(|&f| weight(f)).sum()
}

fn weight(f: u32) -> i32 {
    let k = f as usize * 2;
    match MODEL[..WEIGHT_BYTES].get(k..k + 2) {
        Some(b) => i32::from(i16::from_le_bytes([b[0], b[1]])),
        None => 0,
    }
}

/// What a feature is made of, in the order of `features`' `atoms`.
#[derive(Clone, Copy)]
enum Atom {
    Kind,
    /// The cue's lemma, its word where it has none (`:`, `-`), or `none`.
    Cue,
    /// Where the cue lies against the content: before, after, inside, none.
    Side,
    /// The content's length in tokens, bucketed.
    Len,
    /// What words the speaker mention is.
    Speaker,
    /// Whether the content runs past a sentence end.
    Sentences,
    /// The first paragraph, a paragraph's first sentence, or later.
    Place,
    /// The content's first word (`<q>` inside a quotation).
    First,
    /// The word before the cue.
    Before,
    /// The character the content ends with.
    End,
    /// Whether the claim is nested in another (has a source) or split in pieces.
    Shape,
    /// The cue's first word as written (`said`, `says`, `saying`).
    Form,
    /// The content's second word.
    Second,
    /// Tokens between the cue and the content, bucketed.
    Gap,
    /// The speaker mention's last word.
    Head,
}

/// The template byte a word atom's own hash is taken under, apart from the features' templates.
const ATOM: u8 = 255;

/// Spreads an atom's code (its index and value) over the bits of a word's hash (Knuth's
/// multiplicative constant).
const CODE_MIX: u32 = 0x9e37_79b1;

/// How many features a claim has.
pub(crate) const N_FEATURES: usize = 27;

/// Every feature: its template byte and its atoms.
const FEATURES: [(u8, &[Atom]); N_FEATURES] = {
    use Atom::*;
    [
        (0, &[]),
        (1, &[Kind]),
        (2, &[Cue]),
        (3, &[Cue, Kind]),
        (4, &[Cue, Side]),
        (5, &[Kind, Side]),
        (6, &[Kind, Len]),
        (7, &[Cue, Len]),
        (8, &[Speaker]),
        (9, &[Speaker, Kind]),
        (10, &[Speaker, Cue]),
        (11, &[Sentences, Kind]),
        (12, &[Place, Kind]),
        (13, &[Place, Cue]),
        (14, &[First, Kind]),
        (15, &[First, Cue]),
        (16, &[Before, Cue]),
        (19, &[End, Kind]),
        (20, &[Shape, Kind]),
        (21, &[Kind, Side, Len]),
        (22, &[Speaker, Side, Kind]),
        (23, &[Place, Side, Kind]),
        (24, &[Form, Kind]),
        (25, &[First, Second]),
        (28, &[Gap, Side, Kind]),
        (29, &[Head]),
        (30, &[Form, Side]),
    ]
};

/// The hashed features of the claim `f`.
pub(crate) fn features(view: &View<'_>, f: &Found) -> [u32; N_FEATURES] {
    let content = f.tokens.clone();
    let first = content.start.min(view.len().saturating_sub(1));
    let last = content.end.saturating_sub(1).max(first);
    let cue = f.cue.map(|_| f.anchor);
    // The atoms that take a few values are codes, the words are hashed.
    let kind = match f.kind {
        ClaimKind::Direct => 0,
        ClaimKind::Mixed => 1,
        _ => 2,
    };
    let side = match cue {
        None => 0,
        Some(c) if c < content.start => 1,
        Some(c) if c >= content.end => 2,
        Some(_) => 3,
    };
    let len = match content.len() {
        0..=2 => 0,
        3..=5 => 1,
        6..=10 => 2,
        11..=20 => 3,
        21..=40 => 4,
        _ => 5,
    };
    let sentences = u32::from(view.sent(first) != view.sent(last));
    let place = if view.para(first) == 0 {
        0
    } else if first > 0 && view.para(first - 1) == view.para(first) {
        1
    } else {
        2
    };
    let word = |k: usize| {
        if view.quote_at(k).is_some() {
            "<q>"
        } else {
            view.word(k)
        }
    };
    let second = if first + 1 < content.end {
        word(first + 1)
    } else {
        "<e>"
    };
    let before = cue
        .filter(|&c| c > 0 && view.sent(c - 1) == view.sent(c))
        .map_or("<s>", |c| view.word(c - 1));
    let end = end_mark(view, first, last);
    let shape = match (f.source.is_some(), f.pieces.len() > 1) {
        (true, _) => 0,
        (false, true) => 1,
        (false, false) => 2,
    };
    let gap = cue.map_or(0, |c| {
        match c.abs_diff(content.start).min(c.abs_diff(last)) {
            0..=1 => 1,
            2 => 2,
            3..=4 => 3,
            _ => 4,
        }
    });
    let head = f.speaker.map_or("<none>", |s| {
        let b = view.token_at_or_after(s.span.end()).min(view.len());
        if b > 0 { view.word(b - 1) } else { "<none>" }
    });
    let code = |atom: Atom, c: u32| ((atom as u32) << 8 | c).wrapping_mul(CODE_MIX);
    let text = |w: &str| hash(ATOM, &[w]);
    let atoms = [
        code(Atom::Kind, kind),
        text(cue_word(view, f)),
        code(Atom::Side, side),
        code(Atom::Len, len),
        code(Atom::Speaker, speaker_kind(view, f)),
        code(Atom::Sentences, sentences),
        code(Atom::Place, place),
        text(word(first)),
        text(before),
        code(Atom::End, end),
        code(Atom::Shape, shape),
        text(cue.map_or("none", |c| view.word(c))),
        text(second),
        code(Atom::Gap, gap),
        text(head),
    ];
    FEATURES.map(|(template, parts)| {
        let mut h = (FNV_BASIS ^ u32::from(template)).wrapping_mul(PRIME);
        for &a in parts {
            h = (h ^ atoms[a as usize]).wrapping_mul(PRIME);
        }
        (h ^ (h >> 16)) & ((1 << FEATURE_BITS) - 1)
    })
}

/// What the content ends with, its closing quotation marks and brackets aside: a full stop, a
/// comma, a question or exclamation mark, a colon, a dash, a word, or nothing.
fn end_mark(view: &View<'_>, first: usize, last: usize) -> u32 {
    (first..=last)
        .rev()
        .find(|&k| !view.is_quote_mark(k) && !view.is_punct(k, ")"))
        .map_or(0, |k| match view.word(k) {
            "." => 1,
            "," => 2,
            "?" => 3,
            "!" => 4,
            ":" | ";" => 5,
            _ if view.is_dash(k) => 6,
            _ => 7,
        })
}

/// The cue's lemma where its word has one, else its word (`:`, `-`), else `none`.
fn cue_word<'a>(view: &View<'a>, f: &Found) -> &'a str {
    if f.cue.is_none() {
        return "none";
    }
    let c = f.anchor;
    if view.is_wordlike(c)
        && let Some(cue) = view.cue(c)
    {
        return cue.lemma;
    }
    view.word(c)
}

/// What words the speaker mention is: none, a relative (`who`), a pronoun, or by the entity label
/// of its last word a person, an organisation, a place, another name, a capitalised word or a
/// description.
fn speaker_kind(view: &View<'_>, f: &Found) -> u32 {
    let Some(s) = f.speaker else {
        return 0;
    };
    let k = view.token_at_or_after(s.span.start());
    if k >= view.len() {
        return 0;
    }
    if view.is_any(k, &["who", "which", "that"]) {
        return 1;
    }
    if view.is_any(
        k,
        &["he", "she", "they", "it", "we", "i", "you", "him", "her"],
    ) {
        return 2;
    }
    let last = view
        .token_at_or_after(s.span.end())
        .saturating_sub(1)
        .max(k);
    match view.label_at(last) {
        Some(Label::Person) => 3,
        Some(Label::Org) => 4,
        Some(Label::Gpe | Label::Norp) => 5,
        Some(_) => 6,
        None if view.is_capitalized(last) => 7,
        None => 8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each claim the stage finds in `text`: its content, its score and whether it is kept.
    fn judge(text: &str) -> Vec<(String, i32, bool)> {
        let tokens = newsclaims_tokenize::tokenize(text);
        let entities = newsclaims_entities::recognize(text, &tokens);
        let view = View::new(text, &tokens, &entities);
        let kept: Vec<_> = super::super::find_accepted(&view)
            .iter()
            .map(|f| f.span())
            .collect();
        super::super::find(&view)
            .iter()
            .map(|f| {
                let features = features(&view, f);
                assert_eq!(features.len(), FEATURES.len());
                assert!(features.iter().all(|&x| x < 1 << FEATURE_BITS));
                (
                    text[f.span()].to_string(),
                    score(&features),
                    kept.contains(&f.span()),
                )
            })
            .collect()
    }

    #[test]
    fn the_model_has_one_weight_per_feature_and_is_trained() {
        assert_eq!(MODEL.len(), WEIGHT_BYTES + 4);
        assert!(MODEL[..WEIGHT_BYTES].iter().any(|&b| b != 0));
        assert!((-40_000..=-20_000).contains(&MIN_SCORE), "{MIN_SCORE}");
    }

    #[test]
    fn a_claim_is_kept_exactly_when_it_scores_at_least_the_threshold() {
        let text = "Smith said the plan had failed.\n\nTrump had claimed a loss of $916 million \
                    in 1995, the paper wrote.\n";
        let claims = judge(text);
        assert!(!claims.is_empty());
        for (content, score, kept) in claims {
            assert_eq!(kept, score >= MIN_SCORE, "{content:?} scored {score}");
        }
    }

    #[test]
    fn a_reply_in_capitals_after_a_colon_is_kept() {
        // PolNeAR dev's `He responded ... now: THEY LOSE, WE WIN.` (usa-today 2016-09-22): it
        // scores between -22,500 and -20,000, and a fixed threshold of -20,000 dropped it once
        // the cue readings of dd71cad had moved the weights.
        let text = "A plan to win\n\nRonald Reagan was once asked how the Cold War would end. He responded then \
                    the same way that we must respond now: THEY LOSE, WE WIN.\n\nRudy Giuliani \
                    is the former mayor of New York City.\n";
        let claims = judge(text);
        assert!(
            claims.iter().any(|c| c.0.contains("THEY LOSE") && c.2),
            "{claims:?}"
        );
    }

    #[test]
    fn reported_speech_is_kept() {
        for text in [
            "Smith said the plan had failed.\n",
            "“We will win,” Smith said.\n",
            "Police told the protesters to leave the area at once.\n",
        ] {
            let claims = judge(text);
            assert_eq!(claims.len(), 1, "{text:?}");
            assert!(claims[0].2, "{claims:?}");
        }
    }

    #[test]
    fn a_claim_of_money_is_no_claim_of_speech() {
        // `claimed a loss` on a tax return: the verb of saying with an amount for its object.
        let text = "The mayor spoke on Monday.\n\nTrump had claimed a loss of $916 million in \
                    1995, the paper wrote.\n";
        let claims = judge(text);
        let kept: Vec<(&str, bool)> = claims.iter().map(|c| (c.0.as_str(), c.2)).collect();
        assert_eq!(
            kept,
            [
                ("Trump had claimed a loss of $916 million in 1995", true),
                ("a loss of $916 million in 1995", false),
            ]
        );
    }
}
