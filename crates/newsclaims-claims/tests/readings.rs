//! Data-driven cases for the structural readings of cue words added after the first layouts:
//! counted groups as subjects, negated progressives, a participle clause opening the sentence.

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
}
