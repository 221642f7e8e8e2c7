//! Check-worthiness: every sentence gets a score, the scores rank sentences the way the issue's
//! examples say, news layout (datelines, captions, section labels) is read as such, and the
//! threshold decides which own-voice sentences become statements. The quality against labelled
//! data is measured by the referee in `newsclaims-pipeline/tests/claims_quality.rs`.

use newsclaims_claims::{ClaimKind, Extraction, Options, extract_with};

fn run_with(text: &str, threshold: f32) -> Extraction {
    let tokens = newsclaims_tokenize::tokenize(text);
    let entities = newsclaims_entities::recognize(text, &tokens);
    let extraction = extract_with(
        text,
        &tokens,
        &entities,
        &Options {
            checkworthy_threshold: threshold,
        },
    );
    assert_eq!(extraction.sentences.len(), tokens.sentences.len());
    extraction
}

/// The score of the one sentence of `text`.
fn sentence_score(text: &str) -> f32 {
    let found = run_with(text, 0.5);
    assert_eq!(found.sentences.len(), 1, "{text:?} is one sentence");
    found.sentences[0].checkworthiness
}

/// Each pair: a sentence a fact-checker would check, and one they would not.
fn check_ranks(pairs: &[(&str, &str)]) {
    for (worthy, unworthy) in pairs {
        let (a, b) = (sentence_score(worthy), sentence_score(unworthy));
        assert!(a > b, "{worthy:?} ({a}) should outrank {unworthy:?} ({b})");
        assert!(a >= 0.5, "{worthy:?} ({a}) should be check-worthy");
        assert!(b < 0.5, "{unworthy:?} ({b}) should not be check-worthy");
    }
}

#[test]
fn facts_outrank_opinions_and_asides() {
    check_ranks(&[
        (
            "The council handed the contract to a local firm in 2021.",
            "It is a disgrace and I am ashamed of it.",
        ),
        (
            "Unemployment fell to 4.1 percent in March, the lowest rate since 2001.",
            "We will keep fighting for you every single day.",
        ),
        (
            "The state spent $3 million on the program last year.",
            "I think that is a wonderful thing for our families.",
        ),
    ]);
}

#[test]
fn quoted_facts_score_as_their_content() {
    let text = "“We cut taxes for three million families in 2019,” Smith said.";
    let found = run_with(text, 0.5);
    let quote = found.claims.iter().find(|c| c.kind == ClaimKind::Direct);
    assert!(
        quote.is_some_and(|c| c.checkworthiness >= 0.5),
        "{:?}",
        found.claims
    );
    assert!(found.sentences[0].checkworthiness >= 0.5);
}

#[test]
fn a_dateline_is_not_scored() {
    let plain = "The army said 40 soldiers were killed in the attack on Tuesday.";
    let dated = format!("KYIV, Ukraine (AP) — {plain}");
    assert_eq!(sentence_score(&dated), sentence_score(plain));
}

#[test]
fn captions_and_section_labels_are_not_check_worthy() {
    for text in [
        "(AP Photo/Efrem Lukatsky)",
        "Photo: Getty Images",
        "The Budget Fight in Numbers",
        "Here are the five things the council decided on Tuesday:",
    ] {
        let found = run_with(text, 0.5);
        assert!(
            found.sentences.iter().all(|s| s.checkworthiness < 0.5),
            "{text:?}: {:?}",
            found.sentences
        );
    }
}

#[test]
fn the_threshold_decides_statements() {
    let text = "The council spent $48 million on the bridge in 2023. The mayor visited the \
        site with two engineers on Monday. Residents have mixed feelings about the new bridge.";
    let statements = |threshold| -> Vec<(usize, usize)> {
        run_with(text, threshold)
            .claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Statement)
            .map(|c| (c.span.start(), c.span.end()))
            .collect()
    };
    let (low, default, high) = (statements(0.05), statements(0.5), statements(0.999));
    assert!(default.iter().all(|s| low.contains(s)));
    assert!(high.iter().all(|s| default.contains(s)));
    assert!(low.len() > high.len(), "{low:?} {high:?}");
    // Every sentence keeps its score whatever the threshold.
    assert_eq!(
        run_with(text, 0.05).sentences,
        run_with(text, 0.999).sentences
    );
}
