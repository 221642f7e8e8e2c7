//! Integration tests: snapshots of the claims of every fixture article (one line per claim),
//! data-driven cases for the attribution layouts, and property tests for the invariants (no
//! panic on any input; spans inside the text, on char boundaries, sorted).
//!
//! The cases check the layout (kind, content, cue, speaker mention) with names any tagger finds;
//! the quality of the whole stage is measured against the referee in
//! `newsclaims-pipeline/tests/claims_quality.rs`.

use std::fmt::Write as _;

use newsclaims_claims::{Claim, extract};
use proptest::prelude::*;

mod checkworthy;
mod content_ends;
mod content_starts;
mod fragments;
mod readings;

fn run(text: &str) -> Vec<Claim> {
    let tokens = newsclaims_tokenize::tokenize(text);
    let entities = newsclaims_entities::recognize(text, &tokens);
    extract(text, &tokens, &entities)
}

/// One line per claim: `kind start..end speaker="..." cue="..." cw=0.91 type "text"`; the
/// speaker is the mention, then `→ name` when the name differs.
fn render(text: &str, claims: &[Claim]) -> String {
    let mut out = String::new();
    for c in claims {
        let speaker = c.speaker.map_or("-".to_string(), |s| {
            let (m, n) = (&text[s.span], &text[s.name]);
            if m == n {
                m.to_string()
            } else {
                format!("{m} → {n}")
            }
        });
        let cue = c.cue.map_or("-", |s| &text[s]);
        let _ = write!(
            out,
            "{} {:?} speaker={speaker:?} cue={cue:?} cw={:.2} {}",
            c.kind.as_str(),
            c.span,
            c.checkworthiness,
            c.claim_type.as_str(),
        );
        if let Some(source) = c.source {
            let _ = write!(out, " source={:?}", &text[source]);
        }
        if c.fragments.is_empty() {
            let _ = writeln!(out, " {:?}", &text[c.span]);
        } else {
            let pieces: Vec<&str> = c.fragments.iter().map(|f| &text[*f]).collect();
            let _ = writeln!(out, " {pieces:?}");
        }
    }
    out
}

#[test]
fn claims() {
    insta::glob!("../../../fixtures", "articles/*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("reading a fixture");
        insta::assert_snapshot!(render(&text, &run(&text)));
    });
}

/// The attributed claims of `text`, as `kind|content|cue|speaker mention` lines.
fn attributions(text: &str) -> Vec<String> {
    run(text)
        .iter()
        .filter(|c| c.kind.as_str() != "statement")
        .map(|c| {
            let content = if c.fragments.is_empty() {
                text[c.span].to_string()
            } else {
                c.fragments
                    .iter()
                    .map(|f| &text[*f])
                    .collect::<Vec<_>>()
                    .join(" / ")
            };
            format!(
                "{}|{}|{}|{}",
                c.kind.as_str(),
                content,
                c.cue.map_or("-", |s| &text[s]),
                c.speaker.map_or("-", |s| &text[s.span]),
            )
        })
        .collect()
}

fn check(text: &str, expect: &[&str]) {
    let got = attributions(text);
    assert_eq!(got, expect, "in {text:?}");
}

#[test]
fn quote_then_cue() {
    check(
        "“We will rebuild the bridge,” she said.",
        &["direct|We will rebuild the bridge,|said|she"],
    );
    check(
        "“We will rebuild the bridge,” said she.",
        &["direct|We will rebuild the bridge,|said|she"],
    );
}

#[test]
fn cue_then_quote() {
    check(
        "He said: “The talks have stalled.”",
        &["direct|The talks have stalled.|said|He"],
    );
    check(
        "She said, “The talks have stalled.”",
        &["direct|The talks have stalled.|said|She"],
    );
}

#[test]
fn interrupted_quote_is_one_claim() {
    check(
        "“The talks,” she said, “have stalled for good.”",
        &["direct|The talks, / have stalled for good.|said|she"],
    );
}

#[test]
fn continuation_joins_the_quote() {
    check(
        "“The talks have stalled,” he said. “Nobody wants a deal.”",
        &["direct|The talks have stalled, / Nobody wants a deal.|said|he"],
    );
}

#[test]
fn reported_speech() {
    check(
        "She said that the talks had stalled.",
        &["indirect|the talks had stalled|said|She"],
    );
    check(
        "He told reporters the talks had stalled.",
        &["indirect|the talks had stalled|told|He"],
    );
    check(
        "The talks had stalled for months, she said.",
        &["indirect|The talks had stalled for months|said|she"],
    );
}

#[test]
fn several_cues_one_speaker() {
    check(
        "She said the talks had stalled, adding that nobody wanted a deal.",
        &[
            "indirect|the talks had stalled|said|She",
            "indirect|nobody wanted a deal|adding|She",
        ],
    );
}

#[test]
fn mixed_has_no_separate_direct_claim() {
    check(
        "He told reporters the plan would be a “serious threat to our country.”",
        &["mixed|the plan would be a “serious threat to our country.”|told|He"],
    );
}

#[test]
fn scare_quotes_are_not_claims() {
    check(
        "The plan is what critics call a “gimmick” in the budget.",
        &[],
    );
    assert!(attributions("The so-called “reform” passed on Tuesday.").is_empty());
}

#[test]
fn no_claim_without_speech() {
    check(
        "The bridge opened in 1932 and carries 30,000 cars a day.",
        &[],
    );
}

#[test]
fn credit_lines_and_questions_are_no_statements() {
    let text = "The Associated Press contributed to this report.\n\nDid the city pay $4 million for the bridge in 2019?";
    assert!(run(text).is_empty(), "{:?}", run(text));
}

#[test]
fn statements_score_numbers_above_opinions() {
    let text = "The council spent $48 million on the bridge in 2023.\n\nThe bridge is a beautiful sight and we should love it.";
    let claims = run(text);
    let money = claims.iter().find(|c| text[c.span].contains("$48"));
    assert!(money.is_some_and(|c| c.checkworthiness >= 0.5 && c.claim_type.as_str() == "quantity"));
    assert!(
        !claims
            .iter()
            .any(|c| text[c.span].contains("beautiful") && c.checkworthiness >= 0.5)
    );
}

#[test]
fn attribution_layouts_of_issue_14() {
    // A colon after a clause with a verb: its subject speaks, not the noun before the colon.
    check(
        "The mayor posted on Facebook: “The bridge will open on time and under budget.”",
        &["direct|The bridge will open on time and under budget.|posted|The mayor"],
    );
    // A clause right after a time adjunct, with no `that`: the outlet's claim.
    check(
        "The newspaper reported on Thursday the council is considering a delay.",
        &["indirect|the council is considering a delay|reported|The newspaper"],
    );
    // An infinitive after a cue of commitment is its content.
    check(
        "The governor pledged to veto the budget bill.",
        &["indirect|to veto the budget bill|pledged|The governor"],
    );
    // `according to` a source that is no name.
    check(
        "According to court records, the company paid the fine in March.",
        &["indirect|the company paid the fine in March|According to|court records"],
    );
}

#[test]
fn labels_and_headline_lists_are_no_claims() {
    // A name and a colon before a headline or a list of links, with no sentence end.
    let text = "Mayor Ann Lee: Council approves new budget | Bridge reopens | Schools close early\n\nWATCH: Mayor Lee visits the new bridge";
    assert_eq!(attributions(text), Vec::<String>::new());
}

#[test]
fn headline_before_a_colon_is_no_speaker() {
    // A name after other capitalised words is part of a headline, not a speaker.
    let text = "Veto Power Impedes Peace: Eliminating war is one of the original goals of the United Nations.\n\nMayor Lee Faces Critics: The council failed to agree on the spending plan for next year.";
    assert_eq!(attributions(text), Vec::<String>::new());
    // A title before the name is part of it.
    check(
        "Sen. Ann Lee: The council failed to agree on the spending plan for next year.",
        &["indirect|The council failed to agree on the spending plan for next year|:|Ann Lee"],
    );
}

#[test]
fn statements_run_through_scare_quotes() {
    let text = "The so-called “relief package” passed the Senate by 12 votes in 2019 and cost $1.5 billion.";
    let claims = run(text);
    assert!(
        claims
            .iter()
            .any(|c| c.kind.as_str() == "statement" && text[c.span].starts_with("The so-called")),
        "{claims:?}"
    );
}

/// Any text goes through without panic; every span lies inside the text on char boundaries;
/// claims are sorted; scores lie in [0, 1].
fn invariants(text: &str) {
    let claims = run(text);
    let ok = |s: newsclaims_text::Span| {
        s.end() <= text.len() && text.is_char_boundary(s.start()) && text.is_char_boundary(s.end())
    };
    let mut last = 0;
    for c in &claims {
        assert!(ok(c.span), "{c:?}");
        assert!(c.span.start() >= last, "unsorted {c:?}");
        last = c.span.start();
        for f in &c.fragments {
            assert!(ok(*f) && c.span.contains(*f), "{c:?}");
        }
        for s in [c.cue, c.source].into_iter().flatten() {
            assert!(ok(s), "{c:?}");
        }
        if let Some(s) = c.speaker {
            assert!(ok(s.span) && ok(s.name), "{c:?}");
        }
        assert!((0.0..=1.0).contains(&c.checkworthiness), "{c:?}");
    }
}

#[test]
fn odd_inputs() {
    for text in [
        "",
        "“",
        "”",
        "\"\"\"",
        "said",
        ", said",
        "“Q,” said",
        "according to",
        "according to,",
        "He said: “",
        "— ",
        "“a” — ",
        "“Unclosed quote, she said.\n\n“And another",
        "x, who, said, that, “",
        "‘’“”«»",
    ] {
        invariants(text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_string(text in "\\PC{0,200}") {
        invariants(&text);
    }

    #[test]
    fn news_like(words in proptest::collection::vec(
        prop_oneof![
            Just("said"), Just("told"), Just("according"), Just("to"), Just("that"), Just("“"),
            Just("”"), Just("\""), Just(","), Just("."), Just(":"), Just("—"), Just("he"),
            Just("Stoltenberg"), Just("the"), Just("spokesperson"), Just("\n\n"), Just("adding"),
            Just("who"), Just("("), Just(")"), Just("$5"), Just("2022"), Just("?"),
        ],
        0..60,
    )) {
        invariants(&words.join(" "));
    }
}

#[test]
fn quoted_transcript_is_one_claim_per_turn() {
    check(
        "Partial transcript as follows:\n\n\"HOLT: Will the senator be at the hearing tomorrow?\n\n\"(CROSSTALK.)\n\n\"MORALES: She will not be attending. The hearing is about the budget.\n\n\"The budget comes first.\"",
        &[
            "direct|Will the senator be at the hearing tomorrow?|:|HOLT",
            "direct|She will not be attending. The hearing is about the budget. / The budget comes first.|:|MORALES",
        ],
    );
    // A title in mid-sentence is no transcript turn.
    check(
        "The book, \"ISIS: The State of Terror,\" was a best seller.",
        &[],
    );
}

#[test]
fn block_quotation_after_a_colon() {
    check(
        "The governor added:\n\nIt is typical of the agency. It knows nothing about the roads.\n\nThe hearing ended.",
        &[
            "indirect|It is typical of the agency. It knows nothing about the roads|added|The governor",
        ],
    );
}

#[test]
fn infinitive_cues() {
    // The subject of the verb that governs the infinitive speaks.
    check(
        "The senator appeared to suggest that the veterans who suffer from the illness are weaker.",
        &["indirect|the veterans who suffer from the illness are weaker|suggest|The senator"],
    );
    check(
        "Ham went on to explain how the cuts to military spending left the generals without tools.",
        &["indirect|how the cuts to military spending left the generals without tools|explain|Ham"],
    );
    // The governing verb a few words before `to`, over its adjunct or adjectives.
    check(
        "The senator took to Twitter on Monday to say that the bridge would reopen in May.",
        &["indirect|the bridge would reopen in May|say|The senator"],
    );
    check(
        "Democratic voters are slightly more likely to say that the mayor represents their views.",
        &["indirect|the mayor represents their views|say|Democratic voters"],
    );
}

#[test]
fn passive_cues() {
    check(
        "Mr. Quiros was accused of using $50 million for personal expenses.",
        &["indirect|Mr. Quiros / using $50 million for personal expenses|accused of|-"],
    );
    check(
        "His views were echoed by a number of tax experts.",
        &["indirect|His views|echoed|a number"],
    );
    // Vague: neither a speaker nor a stance.
    check(
        "The ministry has been heavily criticized in the aftermath of the attack.",
        &[],
    );
}

#[test]
fn adverbial_lead_before_the_cue() {
    // An adverbial clause and the main clause after its comma are the content together.
    check(
        "If the states fail to protect students, the department can step in, Wilcox said.",
        &[
            "indirect|If the states fail to protect students, the department can step in|said|Wilcox",
        ],
    );
    // An adverbial clause alone is the narrator's.
    check(
        "But when the council cut the funding, the mayor said the program would end.",
        &["indirect|the program would end|said|the mayor"],
    );
}

#[test]
fn questions_put_to_someone() {
    // `Asked` with no subject: a question its asker put, when a `by` phrase names the asker.
    check(
        "Asked by a reporter about the strike, the minister said nothing.",
        &["indirect|about the strike|Asked|a reporter"],
    );
    // An unnamed asker's question is nobody's claim.
    check(
        "Asked whether the bridge would reopen, the mayor shook her head.",
        &[],
    );
}

#[test]
fn that_after_an_aside() {
    check(
        "Several experts cautioned, as did the campaign itself, that the plan might change.",
        &["indirect|the plan might change|cautioned|Several experts"],
    );
}

#[test]
fn clause_opening_subjects() {
    // A long subject phrase with a reduced relative, after the narrator's lead.
    check(
        "In the mayor's favor, all the experts I interviewed said her plan was more detailed.",
        &["indirect|her plan was more detailed|said|all the experts I interviewed"],
    );
}

#[test]
fn particles_after_words_of_manner() {
    check(
        "The senator spoke emotionally of his years in the Navy.",
        &["indirect|his years in the Navy|spoke emotionally of|The senator"],
    );
}

#[test]
fn noun_phrase_content_stops_at_the_speakers_next_predicate() {
    // A noun phrase holds no predicate: a verb coordinated after it, with or without a comma,
    // is the cue's subject's, and so is a clause with its own subject after a comma.
    check(
        "The governor promised a veto and took questions from members of both parties.",
        &["indirect|a veto|promised|The governor"],
    );
    check(
        "The company praised the mayor's work on the bridge but also had to delay the payment.",
        &["indirect|the mayor's work on the bridge|praised|The company"],
    );
    check(
        "The senator admitted using the loophole, he does not defend it.",
        &["indirect|using the loophole|admitted|The senator"],
    );
    // A clause content keeps its own coordinated predicate.
    check(
        "The mayor said the company lost money and fired workers.",
        &["indirect|the company lost money and fired workers|said|The mayor"],
    );
    // Where the trained ranker outscores the rules' stop by its margin, the content still runs
    // on (`signaled its support for the plan but has faced ...`): a known gap in the README.
}

#[test]
fn passives_with_an_adverb_before_the_cue() {
    // `was first reported by`: a passive, its `by` phrase the speaker, not an active `reported`.
    check(
        "The registration issue was first reported by The Washington Post.",
        &["indirect|The registration issue|reported|Washington Post"],
    );
}

#[test]
fn infinitives_the_tagger_misreads() {
    // After an adverb, a quotation mark or a day, and where the tagger takes the bare verb for
    // a noun or an adjective, `to` still opens the content.
    check(
        "The Republican nominee vowed to harshly punish those who violate the rules.",
        &["indirect|to harshly punish those who violate the rules|vowed|The Republican nominee"],
    );
    check(
        "Many European countries agreed to share a single currency.",
        &["indirect|to share a single currency|agreed|Many European countries"],
    );
    check(
        "The senator pledged Saturday to rid the world of this organization.",
        &["indirect|to rid the world of this organization|pledged|The senator"],
    );
}

#[test]
fn particles_after_an_addressee_or_a_day() {
    // `asked X about`: the particle after the addressee opens the content.
    check(
        "The moderator asked the senator about his tax returns.",
        &["indirect|his tax returns|asked|The moderator"],
    );
    // `called Friday for`: a day between a cue and its particle.
    check(
        "Attorney General Roy Cooper called Friday for releasing the police videos.",
        &["indirect|releasing the police videos|called Friday for|Roy Cooper"],
    );
}

#[test]
fn present_verbs_the_tagger_reads_as_nouns() {
    // `Lynch notes they were ...`: a form in `-s` after a name is its verb, where the tagger
    // reads a plural noun.
    check(
        "Attorney General Loretta Lynch notes they were appointed before she came.",
        &["indirect|they were appointed before she came|notes|Loretta Lynch"],
    );
}

#[test]
fn content_stops_before_another_speakers_attribution() {
    // A clause content ends where another speaker's attribution with its own content begins;
    // that cue makes a claim of its own.
    check(
        "The mayor insisted the budget was balanced, Councilman Jones wrote that the figures did not add up.",
        &[
            "indirect|the budget was balanced|insisted|The mayor",
            "indirect|the figures did not add up|wrote|Councilman Jones",
        ],
    );
    check(
        "She said the flood was tragic, he maintained that it does not change the plan.",
        &[
            "indirect|the flood was tragic|said|She",
            "indirect|it does not change the plan|maintained|he",
        ],
    );
    // A relative clause after a list of names is no second attribution.
    check(
        "He cited problems in the Middle East, China and elsewhere that he blamed on the government.",
        &[
            "indirect|problems in the Middle East, China and elsewhere that he blamed on the government|cited|He",
        ],
    );
}

#[test]
fn one_word_noun_contents() {
    // A noun phrase of one word is content after a cue that takes an object (`declared
    // bankruptcy`, `praised Obama`), not the addressee after `tell`.
    check(
        "Another mining company declared bankruptcy.",
        &["indirect|bankruptcy|declared|Another mining company"],
    );
    check(
        "The union praised Obama.",
        &["indirect|Obama|praised|The union"],
    );
}

#[test]
fn amounts_open_the_content() {
    // `said about 20 people ...`: a preposition before an amount qualifies it, no adjunct.
    check(
        "The governor has said about 20 people have applied for the seat.",
        &["indirect|about 20 people have applied for the seat|said|The governor"],
    );
}

#[test]
fn contracted_has_before_a_cue() {
    // `He's said`: after a person's pronoun `'s` is `has`, no passive.
    check(
        "He's said that he believes the tax plan is fair.",
        &["indirect|he believes the tax plan is fair|said|He"],
    );
}
