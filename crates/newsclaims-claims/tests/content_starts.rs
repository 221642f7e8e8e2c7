//! Where a content starts, at the readings PolNeAR train supports: a leading `But` or `So` stays
//! in the content before a trailing cue, `And` does not.

use super::check;

#[test]
fn but_and_so_open_the_content_before_a_trailing_cue() {
    check(
        "But the plan was never tested, the mayor said.",
        &["indirect|But the plan was never tested|said|the mayor"],
    );
    check(
        "So the bridge will stay closed, the engineer said.",
        &["indirect|So the bridge will stay closed|said|the engineer"],
    );
    check(
        "And the bridge will stay closed, the engineer said.",
        &["indirect|the bridge will stay closed|said|the engineer"],
    );
    // An adverbial clause alone is no content, after the conjunction too.
    check(
        "But when the council cut funding, the mayor said the plan failed.",
        &["indirect|the plan failed|said|the mayor"],
    );
}
