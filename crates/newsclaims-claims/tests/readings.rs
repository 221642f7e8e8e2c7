//! Data-driven cases for the structural readings of cue words added after the first layouts:
//! counted groups as subjects, negated progressives, a participle clause opening the sentence,
//! relative clauses around the speaker.

use super::check;

#[test]
fn counted_groups_speak() {
    // A group counted rather than named is the subject (poll respondents, `most of them`).
    check(
        "By big margins, those surveyed say the economy is the top issue.",
        &["indirect|the economy is the top issue|say|those surveyed"],
    );
    check(
        "Most of them said they had loved working for the company.",
        &["indirect|they had loved working for the company|said|Most of them"],
    );
}

#[test]
fn negated_progressive() {
    // `isn’t saying` in one token: the subject is the name before it.
    check(
        "But the mayor isn’t saying whether the old bridge will reopen.",
        &["indirect|whether the old bridge will reopen|saying|the mayor"],
    );
}

#[test]
fn participle_opening_the_sentence() {
    // The participle shares the main clause's subject; its content ends at its comma.
    check(
        "Citing a new survey of farmers, the minister warned that prices would rise.",
        &[
            "indirect|a new survey of farmers|Citing|the minister",
            "indirect|prices would rise|warned|the minister",
        ],
    );
    // A participle before a preposition frames the clause: no claim of its own.
    check(
        "Speaking to reporters in Ohio, the governor said the plant would close.",
        &["indirect|the plant would close|said|the governor"],
    );
    // After a subordinator too (`After saying ...`).
    check(
        "After saying the plan would fail, the senator voted for it.",
        &["indirect|the plan would fail|saying|the senator"],
    );
}

#[test]
fn a_participle_in_an_aside_after_its_subject() {
    // `X, despite admitting that ..., backed ...`: the aside's subject is the one it
    // interrupts, and its content ends with the aside.
    check(
        "Ryan, despite admitting that he had concerns about lawyers, backed the bill.",
        &["indirect|he had concerns about lawyers|admitting|Ryan"],
    );
}

#[test]
fn a_cue_that_takes_an_object_never_inverts() {
    // `..., attacked her again` after an aside: `her again` is no speaker after the comma.
    check(
        "Trump, while saying he respects women, attacked her again.",
        &[
            "indirect|he respects women|saying|Trump",
            "indirect|her again|attacked|Trump",
        ],
    );
}

#[test]
fn a_request_for_anonymity_is_no_claim() {
    // The source's terms, not speech reported; the cue after the relative clause has its
    // antecedent for subject.
    check(
        "Officials who asked not to be named said the talks had stalled.",
        &["indirect|the talks had stalled|said|Officials"],
    );
    check(
        "A spokesman, who declined to be identified, said the company would appeal.",
        &["indirect|the company would appeal|said|A spokesman"],
    );
}

#[test]
fn a_relative_clause_after_an_inverted_speaker() {
    check(
        "“We realized it was all lies,” said a shop owner who lives nearby.",
        &["direct|We realized it was all lies,|said|a shop owner"],
    );
}

#[test]
fn the_description_a_for_phrase_modifies_speaks() {
    // `for` joins the prepositions whose object is not the speaker; a noun in -ly is a head,
    // not an adverb between subject and verb.
    check(
        "A spokesman for the company said the plant would close.",
        &["indirect|the plant would close|said|A spokesman for the company"],
    );
    check(
        "A lawyer for the family said on Monday that the officers had lied.",
        &["indirect|the officers had lied|said|A lawyer for the family"],
    );
    check(
        "The family said the officers had lied.",
        &["indirect|the officers had lied|said|The family"],
    );
}

#[test]
fn the_medium_of_a_cue_is_no_cue() {
    // A `post` names where the speaker said it, not a second speech.
    check(
        "The ministry said in a Telegram post that two drones had been shot down.",
        &["indirect|two drones had been shot down|said|The ministry"],
    );
    check(
        "The company said in a blog post that the plant would close.",
        &["indirect|the plant would close|said|The company"],
    );
}

#[test]
fn the_work_speaks_not_the_journal_it_appeared_in() {
    // The name inside a participle's phrase is where the study appeared, not who says.
    check(
        "A study published in the journal Nature suggests that the drug works.",
        &["indirect|the drug works|suggests|A study"],
    );
}

#[test]
fn an_inverted_speaker_counted_or_with_its_adjective_phrase() {
    // A number before a noun is a determiner; an adjective's own phrase stays with the noun.
    check(
        "“We realized it was all lies,” said one shop owner who declined to be named for fear of trouble.",
        &["direct|We realized it was all lies,|said|one shop owner"],
    );
    check(
        "“The talks failed,” said an official familiar with the matter.",
        &["direct|The talks failed,|said|an official familiar with the matter"],
    );
}

#[test]
fn a_frame_or_an_adverbial_clause_is_no_content() {
    // A prepositional phrase before the subject frames the clause; the day's possessive opens
    // the object.
    check(
        "In a White House statement, President Obama condemned Friday's test as reckless.",
        &["indirect|Friday's test as reckless|condemned|Obama"],
    );
    // `as he entered` says when, not what.
    check(
        "The French president said Friday as he entered the talks.",
        &[],
    );
    // After an adjective or a preposition a cue form in -s is a plural noun, and a past form
    // between a preposition and a noun an adjective.
    check(
        "He has intensified the personal attacks that have defined his bid.",
        &[],
    );
    check(
        "The vote took place despite repeated warnings from his attorney.",
        &[],
    );
}

#[test]
fn confirming_an_appointee_is_no_claim() {
    // A person approved for an office, or a confirmation by vote, is no speech; a fact
    // confirmed is.
    check(
        "The Senate confirmed Maria Lopez as ambassador on Wednesday.",
        &[],
    );
    check(
        "The Senate voted on Wednesday, confirming the former executive on a 56-43 vote.",
        &[],
    );
    check(
        "The ministry confirmed that three soldiers had died.",
        &["indirect|three soldiers had died|confirmed|The ministry"],
    );
}

#[test]
fn quantifiers_and_asides_before_the_cue() {
    // The tagger's verb after a determiner is a noun; a quantifier alone at the clause's end is
    // the subject; a past participle opens an aside whatever its tag.
    check(
        "Some conservatives argue that the postal service should be sold.",
        &["indirect|the postal service should be sold|argue|Some conservatives"],
    );
    check(
        "The agency needs fundamental changes to survive the crisis, many say.",
        &["indirect|The agency needs fundamental changes to survive the crisis|say|many"],
    );
    check(
        "Stevens, nominated to the court by Gerald Ford, had called for modifying the law.",
        &["indirect|modifying the law|called for|Stevens"],
    );
}

#[test]
fn an_adverbial_clause_with_its_main_clause_is_content() {
    // `said while ..., ...`: the main clause after the comma is what was said; alone, the
    // adverbial clause is not (`said as she left`).
    let got = super::attributions(
        "But Giuda said while he respects the police, the death penalty is wrong.",
    );
    assert!(
        got.iter()
            .any(|c| c.starts_with("indirect|")
                && c.contains("the death penalty is wrong|said|Giuda")),
        "{got:?}"
    );
    check("The mayor said as she left the building.", &[]);
}
