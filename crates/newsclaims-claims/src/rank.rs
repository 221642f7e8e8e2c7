//! Pronoun resolution as ranking: every entity cluster that a pronoun could name is scored by a
//! learned model over features of the pronoun, the cluster and its nearest mention; the best
//! score wins. The speaker of a cue of speech is scored by a linear model, other pronouns by
//! boosted trees (see [`score`]).
//!
//! The features are what news prose and the coreference literature say matter: recency in
//! sentences and tokens, subject position (and the parallelism of a subject pronoun with a
//! subject antecedent), gender from the first name, honorific or gendered title, being the topic
//! of the document or paragraph, being introduced just before, the kind of entity (a person for
//! `he`/`she`, an organisation, place or group for `it`/`they`: only entities that can speak are
//! candidates, so `the video` never is), and being the speaker of a quote just before. The
//! weights and trees are learned (`cargo xtask train-speakers`, from GAP and GUM) and embedded
//! in `rank_weights.rs`; no threshold here is tuned by hand except the candidate window.
//!
//! Invariants: candidates come out in cluster order, so ties break towards the earlier cluster;
//! the answer depends only on the text, its tokens and its entities.

mod context;

use newsclaims_entities::Label;
use newsclaims_syntax::Pos;

use crate::lexicon::Pronoun;
use crate::rank_weights::{BIAS, TREES, WEIGHTS};
use crate::speaker::{Earlier, plausible_name};
use crate::view::View;
use context::Context;

/// A first name this often borne by the other sex rules a person out for `he` or `she`: the
/// name lexicon is reliable at the extremes, and agreement is a hard constraint of English.
const OTHER_SEX_RULES_OUT: f32 = 0.8;

/// How many sentences back a candidate's nearest mention may lie: GAP's paragraphs and news
/// paragraphs rarely refer further back with a bare pronoun.
const WINDOW_SENTENCES: u32 = 5;

/// The features, by the index the trees' splits name.
#[cfg(any(test, feature = "train"))]
pub(crate) const FEATURE_NAMES: [&str; FEATURES] = [
    "same_sentence",
    "previous_sentence",
    "two_sentences_back",
    "further_back",
    "log_token_distance",
    "nearest_candidate",
    "second_nearest_candidate",
    "first_mention_of_sentence",
    "followed_by_verb",
    "after_preposition",
    "possessive",
    "parallel_subject",
    "possessive_pronoun_subject",
    "object_pronoun_subject",
    "gender_agreement",
    "gender_unknown",
    "log_mentions_before",
    "document_topic",
    "paragraph_topic",
    "mentioned_in_paragraph",
    "introduced_just_before",
    "inside_quotation",
    "only_after_pronoun",
    "last_speaker",
    "recent_speaker",
    "organisation",
    "place",
    "group",
    "full_name_nearest",
    "pronoun_opens_sentence",
    "not_tagged_person",
    "known_first_name",
    "object_pronoun_same_clause",
    "followed_by_relative",
    "in_relative_clause",
    "after_verb",
    "city_word",
    "most_mentioned",
    "log_mentions_after",
    "subject_before_previous_pronoun",
    "sentences_back",
    "previous_sentence_subject",
    "subject_in_pronoun_sentence",
    "subject_in_previous_sentence",
    "relative_clause_head",
    "named_in_headline",
    "pronoun_inside_quotation",
    "speech",
    "same_sentence&subject",
    "same_sentence&object",
    "same_sentence&possessive",
    "previous_sentence&subject",
    "previous_sentence&object",
    "previous_sentence&possessive",
    "nearest_candidate&subject",
    "nearest_candidate&object",
    "nearest_candidate&possessive",
    "first_mention_of_sentence&subject",
    "first_mention_of_sentence&object",
    "first_mention_of_sentence&possessive",
    "followed_by_verb&subject",
    "followed_by_verb&object",
    "followed_by_verb&possessive",
    "after_preposition&subject",
    "after_preposition&object",
    "after_preposition&possessive",
    "only_after_pronoun&subject",
    "only_after_pronoun&object",
    "only_after_pronoun&possessive",
    "document_topic&subject",
    "document_topic&object",
    "document_topic&possessive",
    "possessive&subject",
    "possessive&object",
    "possessive&possessive",
    "full_name_nearest&subject",
    "full_name_nearest&object",
    "full_name_nearest&possessive",
    "within_3_tokens",
    "within_8_tokens",
    "within_15_tokens",
    "within_30_tokens",
    "speech&previous_sentence",
    "subject_of_pronoun_sentence",
    "speech&same_sentence",
    "speech&introduced_just_before",
    "speech&first_mention_of_sentence",
    "speech&last_speaker",
    "speech&document_topic",
    "speech&full_name_nearest",
    "speech&log_mentions_before",
    "speech&previous_sentence_subject",
];

/// The features computed directly; the rest are conjunctions and buckets of them.
const BASE: usize = 48;

/// Base features conjoined with the pronoun's case (subject, object, possessive), in the order
/// of their names.
const CONJOINED: [usize; 10] = [0, 1, 5, 7, 8, 9, 22, 17, 10, 28];

/// Base features conjoined with the pronoun being the subject of a cue of speech (`he said`):
/// the speaker's case, which news text and GAP's encyclopaedic prose resolve differently.
const SPEECH: [usize; 8] = [0, 20, 7, 23, 17, 28, 16, 41];

pub(crate) const FEATURES: usize = BASE + 3 * CONJOINED.len() + 6 + SPEECH.len();

/// A cluster that a pronoun may name, with its features.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub(crate) cluster: usize,
    pub(crate) features: [f32; FEATURES],
}

/// The grammatical case of a pronoun, from its form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    Subject,
    Object,
    Possessive,
}

/// The gender class and case of a third-person pronoun (`him` → `He`, object).
pub(crate) fn classify(word: &str) -> Option<(Pronoun, Case)> {
    let mut buf = [0u8; 32];
    Some(match crate::lexicon::lower_ascii(word, &mut buf)? {
        "he" => (Pronoun::He, Case::Subject),
        "him" | "himself" => (Pronoun::He, Case::Object),
        "his" => (Pronoun::He, Case::Possessive),
        "she" => (Pronoun::She, Case::Subject),
        "her" | "herself" => (Pronoun::She, Case::Object),
        "hers" => (Pronoun::She, Case::Possessive),
        "it" => (Pronoun::It, Case::Subject),
        "its" => (Pronoun::It, Case::Possessive),
        "they" => (Pronoun::They, Case::Subject),
        "them" | "themselves" => (Pronoun::They, Case::Object),
        "their" => (Pronoun::They, Case::Possessive),
        _ => return None,
    })
}

/// The gender class and case of the third-person pronoun at token `at`: as [`classify`], but
/// `her` before a word of the noun phrase it would qualify (a noun, adjective, number or
/// participle by the tagger: `her husband`, `her first album`) is possessive, as `his` is.
pub(crate) fn classify_at(view: &View<'_>, at: usize) -> Option<(Pronoun, Case)> {
    let (p, case) = classify(view.word(at))?;
    let possessive = p == Pronoun::She
        && case == Case::Object
        && view.is_wordlike(at + 1)
        && view.tag(at + 1).is_some_and(|t| {
            matches!(
                t,
                Pos::NN
                    | Pos::NNS
                    | Pos::NNP
                    | Pos::NNPS
                    | Pos::JJ
                    | Pos::JJR
                    | Pos::JJS
                    | Pos::CD
                    | Pos::VBG
                    | Pos::VBN
            )
        });
    Some((p, if possessive { Case::Possessive } else { case }))
}

/// How often a person of this first-name share (`female`, the share of women) is of the other
/// sex than `he` or `she`; `None` for another pronoun or an unknown name.
pub(crate) fn other_sex_share(p: Pronoun, female: Option<f32>) -> Option<f32> {
    match (p, female?) {
        (Pronoun::He, f) => Some(f),
        (Pronoun::She, f) => Some(1.0 - f),
        _ => None,
    }
}

/// The cluster the pronoun at token `at` most likely names, if any candidate exists.
pub(crate) fn best(view: &View<'_>, at: usize, p: Pronoun, earlier: &[Earlier]) -> Option<usize> {
    let case = classify_at(view, at).map_or(Case::Subject, |(_, c)| c);
    let mut best: Option<(f32, usize)> = None;
    for c in candidates(view, at, p, case, earlier) {
        let s = score(&c.features);
        if best.is_none_or(|(b, _)| s > b) {
            best = Some((s, c.cluster));
        }
    }
    best.map(|(_, c)| c)
}

/// The base feature that says the pronoun is the subject of a cue of speech (`he said`).
pub(crate) const SPEECH_FEATURE: usize = BASE - 1;

/// The model's score of one candidate. The speaker of a cue of speech (`he said`) is scored by
/// the linear model over all features, which GUM's dialogue and the speech conjunctions shape;
/// any other pronoun by the boosted trees, which GAP's encyclopaedic prose shapes (as a
/// log-odds: the bias plus one leaf of every tree). All candidates of one pronoun are scored by
/// the same part, so the two scales never meet.
pub(crate) fn score(features: &[f32; FEATURES]) -> f32 {
    if features[SPEECH_FEATURE] > 0.0 {
        return features
            .iter()
            .zip(WEIGHTS.iter())
            .map(|(f, w)| f * w)
            .sum();
    }
    let leaves: f32 = TREES
        .iter()
        .map(|(splits, leaves)| tree_leaf(splits, leaves, features))
        .sum();
    BIAS + leaves
}

/// The leaf that one complete tree, its splits `(feature, threshold)` breadth first
/// (`x <= threshold` goes left), gives the features `x`: the ranker's and its trainer's walk.
pub(crate) fn tree_leaf<F: Copy + Into<usize>>(
    splits: &[(F, f32)],
    leaves: &[f32],
    x: &[f32],
) -> f32 {
    let mut node = 0;
    while node < splits.len() {
        let (f, t) = splits[node];
        node = 2 * node + if x[f.into()] <= t { 1 } else { 2 };
    }
    leaves[node - splits.len()]
}

/// Whether a mention of `label` can be what pronoun `p` names: people for `he`/`she` (and a
/// one-word name the tagger may have mislabelled, which the model weighs), bodies that speak
/// (organisations, countries, groups) for `it`/`they`.
fn fits(p: Pronoun, label: Label, one_word: bool) -> bool {
    match p {
        Pronoun::He | Pronoun::She => label == Label::Person || one_word && label.is_name(),
        Pronoun::It => matches!(label, Label::Org | Label::Gpe),
        // `they` for a country is rare in news; a group or an organisation speaks.
        Pronoun::They => matches!(label, Label::Org | Label::Norp),
        _ => false,
    }
}

/// How many of a cluster's mentions [`surname_like`] looks at: enough to see a body's usual
/// contexts, few enough to stay cheap on a document that names it hundreds of times.
const SURNAME_MENTIONS: usize = 8;

/// Whether the one-word mention `m` may be a surname the tagger mislabelled: a word of letters
/// only, labelled a body or place (never a group, work, law or event), listed in no lexicon
/// (places, nationalities, words that end names of bodies: `Congress`), and
/// in none of its cluster's first mentions after a determiner (`the Post`) or before a common
/// noun it modifies (`Arsenal manager`).
fn surname_like(view: &View<'_>, m: &newsclaims_entities::Mention) -> bool {
    let word = &view.text[m.span];
    if !matches!(m.label, Label::Org | Label::Gpe | Label::Fac | Label::Loc)
        || !word.chars().all(char::is_alphabetic)
        || newsclaims_entities::word_class(word) != newsclaims_entities::WordClass::Unknown
    {
        return false;
    }
    let ents = view.entities;
    let Some(cluster) = ents.clusters.get(m.cluster) else {
        return false;
    };
    cluster.mentions.iter().take(SURNAME_MENTIONS).all(|&k| {
        let span = ents.mentions[k].span;
        let t = view.token_at_or_after(span.start());
        let next = view.token_at_or_after(span.end());
        let after_determiner = t > 0 && crate::lexicon::is_determiner(view.word(t - 1));
        let modifier = view.is_wordlike(next)
            && !view.is_capitalized(next)
            && view
                .tag(next)
                .is_some_and(|t| matches!(t, Pos::NN | Pos::NNS));
        !(view.text[span].contains(' ') || after_determiner || modifier)
    })
}

/// Whether a mention fills its sentence alone (`Period.`, `Boom.`): an exclamation the tagger
/// took for a name, which no pronoun names.
fn alone_in_sentence(view: &View<'_>, first: usize, last: usize) -> bool {
    let s = view.sent(first);
    let before = (0..first).rev().take_while(|&k| view.sent(k) == s);
    let after = (last + 1..view.len()).take_while(|&k| view.sent(k) == s);
    !before.chain(after).any(|k| view.is_wordlike(k))
}

/// What is known of one candidate while the mentions are walked.
#[derive(Clone, Copy)]
struct Seen {
    cluster: usize,
    /// Its nearest mention before the pronoun, or its first after it in the same sentence.
    mention: usize,
    before: bool,
}

/// The mentions from index `from` on, later in the sentence of the pronoun at token `at`, that
/// it may look ahead to (`In his youth, Smith ...`): not one that a subject pronoun governs
/// (`They warned of [the White House]'s advisers`, `He said Smith ...`: a pronoun never names
/// what its own clause goes on to mention, binding's principle C); a comma, colon, dash or
/// bracket between them opens another clause (`When he arrived, Smith ...`).
fn later_in_clause_reach(
    view: &View<'_>,
    at: usize,
    case: Case,
    from: usize,
) -> impl Iterator<Item = usize> {
    let ents = view.entities;
    let here = view.sent(at);
    (from..ents.mentions.len())
        .map(move |k| (k, view.token_at_or_after(ents.mentions[k].span.start())))
        .take_while(move |&(_, t)| view.sent(t) == here)
        .filter(move |&(_, t)| {
            case != Case::Subject
                || (at + 1..t).any(|j| matches!(view.word(j), "," | ";" | ":" | "—" | "–" | "("))
        })
        .map(|(k, _)| k)
}

/// Every cluster the pronoun at token `at` may name, in cluster order, with features.
pub(crate) fn candidates(
    view: &View<'_>,
    at: usize,
    p: Pronoun,
    case: Case,
    earlier: &[Earlier],
) -> Vec<Candidate> {
    let ents = view.entities;
    let here = view.sent(at);
    let pos = view.span(at).start();
    let end = ents.mentions.partition_point(|m| m.span.start() < pos);
    let usable = |k: usize| {
        let m = ents.mentions[k];
        let one_word = !view.text[m.span].contains(' ');
        let Some(c) = ents.clusters.get(m.cluster) else {
            return false;
        };
        // A one-word person's sex is the first-name lexicon's, when the cluster knows none.
        let female = c.female.or_else(|| {
            let w = view.text[m.span].split(['’', '\'']).next().unwrap_or("");
            if one_word {
                newsclaims_entities::cluster::first_name_share(w)
            } else {
                None
            }
        });
        let other_sex = other_sex_share(p, female).unwrap_or(0.0);
        // A nationality before a noun is an adjective (`the Australian population`), no group.
        let adjective = m.label == Label::Norp && {
            let next = view.token_at_or_after(m.span.end());
            view.is_wordlike(next)
                && !view.is_capitalized(next)
                && view
                    .tag(next)
                    .is_some_and(|t| matches!(t, Pos::NN | Pos::NNS))
        };
        // A one-word name labelled otherwise is a person only when it is a first name
        // (`Nicole` tagged NORP), never a country or agency (`Russia`, `NATO`).
        // So is a bare surname the tagger took for a body (`Lyubimov`, `Kwan` tagged ORG): a
        // capitalised word of letters with no determiner before it, which the model weighs
        // through `not_tagged_person`.
        let person_like = one_word
            && !view.text[m.span].ends_with(char::is_uppercase)
            && (female.is_some() || surname_like(view, &m));
        fits(p, m.label, person_like)
            && fits(p, c.label, person_like)
            && other_sex < OTHER_SEX_RULES_OUT
            && !adjective
            && plausible_name(view.text, m.span)
            && !(one_word && {
                let t = view.token_at_or_after(m.span.start());
                alone_in_sentence(view, t, t)
            })
    };
    let mut seen: Vec<Seen> = Vec::new();
    for k in (0..end).rev() {
        let m = ents.mentions[k];
        let s = view.sent(view.token_at_or_after(m.span.start()));
        if here.saturating_sub(s) > WINDOW_SENTENCES {
            break;
        }
        if usable(k) && !seen.iter().any(|x| x.cluster == m.cluster) {
            seen.push(Seen {
                cluster: m.cluster,
                mention: k,
                before: true,
            });
        }
    }
    for k in later_in_clause_reach(view, at, case, end) {
        let m = ents.mentions[k];
        if usable(k) && !seen.iter().any(|x| x.cluster == m.cluster) {
            seen.push(Seen {
                cluster: m.cluster,
                mention: k,
                before: false,
            });
        }
    }
    let context = Context::new(view, at, p, case, earlier, &seen);
    let mut out: Vec<Candidate> = seen
        .iter()
        .enumerate()
        .map(|(rank, s)| Candidate {
            cluster: s.cluster,
            features: context.features(s, rank),
        })
        .collect();
    out.sort_by_key(|c| c.cluster);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The name the ranker gives the first `word` of `text`, or `-` when it gives none.
    fn check(text: &str, word: &str, expect: &str) {
        let tokens = newsclaims_tokenize::tokenize(text);
        let entities = newsclaims_entities::recognize(text, &tokens);
        let view = View::new(text, &tokens, &entities);
        let at = (0..view.len())
            .find(|&k| view.word(k) == word)
            .expect("the pronoun is in the text");
        let (p, _) = classify(word).expect("a third-person pronoun");
        let got = best(&view, at, p, &[]).map_or("-", |c| &text[entities.clusters[c].name]);
        assert_eq!(got, expect, "{word} in {text:?}");
    }

    #[test]
    fn pronoun_forms() {
        assert_eq!(classify("His"), Some((Pronoun::He, Case::Possessive)));
        assert_eq!(classify("her"), Some((Pronoun::She, Case::Object)));
        assert_eq!(classify("They"), Some((Pronoun::They, Case::Subject)));
        assert_eq!(classify("we"), None);
        assert_eq!(FEATURE_NAMES[SPEECH_FEATURE], "speech");
        assert_eq!(FEATURE_NAMES.len(), WEIGHTS.len());
        assert!(
            TREES
                .iter()
                .all(|(splits, _)| splits.iter().all(|&(f, _)| usize::from(f) < FEATURES))
        );
    }

    /// The case of the `her` of `text` (its first one).
    fn case_of_her(text: &str) -> Option<Case> {
        let tokens = newsclaims_tokenize::tokenize(text);
        let entities = newsclaims_entities::recognize(text, &tokens);
        let view = View::new(text, &tokens, &entities);
        let at = (0..view.len()).find(|&k| view.word(k) == "her")?;
        classify_at(&view, at).map(|(_, c)| c)
    }

    #[test]
    fn her_before_a_noun_is_possessive() {
        for (text, case) in [
            (
                "Mary Jones later married her cousin Anne.",
                Case::Possessive,
            ),
            (
                "Later, her brother said she had moved to Paris.",
                Case::Possessive,
            ),
            ("John Smith met her in Paris in 1990.", Case::Object),
            ("The committee gave her the award.", Case::Object),
        ] {
            assert_eq!(case_of_her(text), Some(case), "{text}");
        }
    }

    #[test]
    fn gender_of_the_first_name() {
        check(
            "Alice Walker met Robert Jones in the capital on Monday. He said the talks went well.",
            "He",
            "Robert Jones",
        );
        check(
            "Alice Walker met Robert Jones in the capital on Monday. She said the talks went well.",
            "She",
            "Alice Walker",
        );
    }

    #[test]
    fn the_person_just_introduced() {
        check(
            "Mayor Thomas Reed opened the session and spoke about the budget for an hour.\n\n\
             A council member, Daniel Ortiz, who represents the eastern district, disagreed. \
             He said the plan was unfair.",
            "He",
            "Daniel Ortiz",
        );
    }

    #[test]
    fn only_what_can_speak() {
        // `the video` is no entity; the company that posted it is.
        check(
            "The video was posted by Northwind Industries on Monday. It said the footage was old.",
            "It",
            "Northwind Industries",
        );
        check("The rain stopped at noon. He said nothing.", "He", "-");
    }

    #[test]
    fn a_subject_never_names_what_its_clause_mentions() {
        check(
            "They have warned of conflicts of interest among White House advisers.",
            "They",
            "-",
        );
        check(
            "The hearing ran late. He said Robert Jones had lied.",
            "He",
            "-",
        );
        // Another clause, opened by a comma, may hold the name the pronoun looks ahead to.
        check(
            "When he arrived in the capital, Robert Jones said the talks went well.",
            "he",
            "Robert Jones",
        );
    }
}
