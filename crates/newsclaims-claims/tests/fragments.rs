//! Contents in more than one fragment, as PolNeAR's annotators read them: a quotation going on
//! across a title, the relative pronoun that is the content's subject,
//! an adverbial lead before an attribution set off by commas (with an adjunct of its cue too),
//! the subject of a quoted predicate and a quotation before an inverted attribution.

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
fn noun_phrase_as_the_contents_subject() {
    check(
        "The city opened a probe the agency said was still ongoing in May.",
        &["indirect|a probe / was still ongoing in May|said|the agency"],
    );
}

#[test]
fn adverbial_lead_before_an_interrupting_attribution() {
    check(
        "If the talks fail, the minister said, the border will close.",
        &["indirect|If the talks fail / the border will close|said|the minister"],
    );
}

#[test]
fn lead_before_a_quotation_that_goes_on_the_sentence() {
    check(
        "If the plan fails, the minister said, “the border will close for good.”",
        &["mixed|If the plan fails / the border will close for good.|said|the minister"],
    );
    // A capitalised quotation is a sentence of its own: the lead is the narrator's.
    check(
        "In a statement on Monday, the minister said, “The border will close for good.”",
        &["direct|The border will close for good.|said|the minister"],
    );
}

#[test]
fn subject_of_a_quoted_predicate() {
    check(
        "An economic downturn, the minister said, “could be a good time to borrow.”",
        &["mixed|An economic downturn / could be a good time to borrow.|said|the minister"],
    );
}

#[test]
fn quotation_before_an_inverted_attribution() {
    check(
        "“The talks have stalled for a month,” said Anna Lee, “and nobody wants a deal.”",
        &["direct|The talks have stalled for a month, / and nobody wants a deal.|said|Anna Lee"],
    );
}

#[test]
fn quotation_goes_on_across_a_relative_clause_and_a_scare_quote() {
    check(
        "“The talks have stalled,” said a longtime adviser to Lee, who declined to be identified. “Nobody wants a deal.”",
        // The request for anonymity is no claim of its own.
        &["direct|The talks have stalled, / Nobody wants a deal.|said|a longtime adviser"],
    );
    check(
        "“The talks have stalled,” said Anna Lee, one of the original “big four” negotiators. “Nobody wants a deal.”",
        &["direct|The talks have stalled, / Nobody wants a deal.|said|Anna Lee"],
    );
}

#[test]
fn attribution_set_off_with_an_adjunct_interrupts_the_content() {
    // The adjunct after the cue (`later`, `in a statement`) stays out; the subject before the
    // attribution and the predicate after it are one content.
    check(
        "The cuts, the mayor said later, would hit schools first.",
        &["indirect|The cuts / would hit schools first|said|the mayor"],
    );
    check(
        "The new rules, the agency said in a statement, were never enforced.",
        &["indirect|The new rules / were never enforced|said|the agency"],
    );
    check(
        "The new payroll, Lee said in a statement on Monday, “will pay nobody.”",
        &["mixed|The new payroll / will pay nobody.|said|Lee"],
    );
    // An adverbial lead, as without the adjunct.
    check(
        "In the end, the mayor said on Tuesday, the city would pay.",
        &["indirect|In the end / the city would pay|said|the mayor"],
    );
}

#[test]
fn attribution_in_an_as_aside_interrupts_the_content() {
    check(
        "The island, as one of the governor's advisers pointed out, rarely gets two storms in a row.",
        &[
            "indirect|The island / rarely gets two storms in a row|pointed out|one of the governor's advisers",
        ],
    );
    // A leading `And` is left out.
    check(
        "And the budget, as the senator noted, was never audited.",
        &["indirect|the budget / was never audited|noted|the senator"],
    );
}

#[test]
fn clause_interrupted_by_according_to() {
    // A subject before the source and its predicate after, past an appositive of the source.
    check(
        "The merger, according to two bankers involved in the talks, was never approved by the board.",
        &["indirect|The merger / was never approved by the board|according to|two bankers"],
    );
    check(
        "The delay, according to Maria Ortiz, a spokeswoman for the port, is costing millions.",
        &["indirect|The delay / is costing millions|according to|Maria Ortiz"],
    );
    // An adjunct before the source and a whole clause after it.
    check(
        "Since the spring, according to the ministry, inspectors have closed 40 factories.",
        &[
            "indirect|Since the spring / inspectors have closed 40 factories|according to|the ministry",
        ],
    );
    // A clause before and another coordinated after it.
    check(
        "Exports fell 5 percent last year, according to the ministry, and imports rose sharply.",
        &[
            "indirect|Exports fell 5 percent last year / and imports rose sharply|according to|the ministry",
        ],
    );
    // A relative clause of the source, or a clause before it, leaves the content whole.
    check(
        "Sales fell sharply, according to the agency, which publishes the figures monthly.",
        &["indirect|Sales fell sharply|according to|the agency"],
    );
}
