//! Contents in more than one fragment, as PolNeAR's annotators read them: a quotation going on
//! across a title, the relative pronoun that is the content's subject,
//! and an adverbial lead before an attribution set off by commas.

use super::check;

#[test]
fn quotation_after_a_mixed_claim_is_its_own() {
    // PolNeAR's annotators join them; the project's news gold does not (a mixed claim, then a
    // direct one).
    check(
        "The new rules are “not meeting the need,” says Anna Lee, the group's director. “We keep asking for more help and nobody answers.”",
        &[
            "mixed|The new rules are “not meeting the need,”|says|Anna Lee",
            "direct|We keep asking for more help and nobody answers.|-|Anna Lee",
        ],
    );
}

#[test]
fn quotation_goes_on_across_a_title() {
    check(
        "“The talks have stalled,” Lee said on Monday on “Meet the Press.” “Nobody wants a deal.”",
        &["direct|The talks have stalled, / Nobody wants a deal.|said|Lee"],
    );
}

#[test]
fn capitalised_sentence_goes_on_as_a_quotation() {
    // Every word capitalised, but a sentence opening its own clause: no title.
    check(
        "“We rebuilt the bridge,” the mayor added. “We're Springfield.”",
        &["direct|We rebuilt the bridge, / We're Springfield.|added|the mayor"],
    );
}

#[test]
fn long_attribution_ending_its_paragraph() {
    check(
        "“The talks have stalled,” said Anna Lee, a lawyer from Ohio who chairs the bar association of the state and teaches at a college.\n“Nobody wants a deal.”",
        &["direct|The talks have stalled, / Nobody wants a deal.|said|Anna Lee"],
    );
}

#[test]
fn relative_pronoun_as_the_contents_subject() {
    check(
        "The plant, which officials said was dangerous, closed in May.",
        &["indirect|which / was dangerous|said|officials"],
    );
    // With a subject of its own, the content leaves the pronoun out.
    check(
        "The plan, which she said he will sign next week, is popular.",
        &["indirect|he will sign next week|said|she"],
    );
}

#[test]
fn adverbial_lead_before_an_interrupting_attribution() {
    check(
        "If the talks fail, the minister said, the border will close.",
        &["indirect|If the talks fail / the border will close|said|the minister"],
    );
}
