//! Where a content starts, at the readings PolNeAR train supports: a leading `But` or `So` stays
//! in the content before a trailing cue, `And` does not; a cue's particle (`called out`) is no
//! content; the addressee of `tell` is no content either; `that` is left out unless it is the
//! subject.

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

#[test]
fn a_cues_particle_is_no_content() {
    // `call out`, `call upon`, `caution against`, `tweet out`, `write back`: the particle belongs
    // to the cue, as PolNeAR's annotators mark it.
    check(
        "The senator called out his rival for the remarks.",
        &["indirect|his rival for the remarks|called out|The senator"],
    );
    check(
        "Several Democrats cautioned against drawing lessons from the vote.",
        &["indirect|drawing lessons from the vote|cautioned against|Democrats"],
    );
    check(
        "The mayor called upon the council to restore the funding.",
        &["indirect|the council to restore the funding|called upon|The mayor"],
    );
    // `argue for` states a position as `call for` does.
    check(
        "Others have argued for expanding the agency's mission to include banking.",
        &["indirect|expanding the agency's mission to include banking|argued for|Others"],
    );
}

#[test]
fn the_start_ranker_skips_the_noun_of_an_expressed_feeling() {
    // `expressed concern about X`: the feeling's noun and its
    // preposition are the cue's (PolNeAR train's contents start after them); the rules start at
    // the noun, the ranker (`model/start.bin`) after it.
    check(
        "Civil rights groups have expressed deep concern about the new voting policy.",
        &["indirect|the new voting policy|expressed|Civil rights groups"],
    );
    // And after its `that`, which the content leaves out.
    check(
        "Local officials expressed concern that the closures could hurt small businesses.",
        &["indirect|the closures could hurt small businesses|expressed|Local officials"],
    );
}

#[test]
fn the_start_ranker_keeps_a_possessive_before_the_addressee() {
    // The rules skip `her` as an addressee; before a noun it is the addressee's determiner.
    check(
        "In the video, the woman urges her husband to come out of the car.",
        &["indirect|her husband to come out of the car|urges|the woman"],
    );
}

#[test]
fn the_addressee_of_tell_is_no_content() {
    // A bare noun, a determiner's phrase or a title with a name, before the clause's subject.
    check(
        "She told police she heard shots.",
        &["indirect|she heard shots|told|She"],
    );
    check(
        "He told the court the plan had failed.",
        &["indirect|the plan had failed|told|He"],
    );
    check(
        "The mayor told local residents the water was safe.",
        &["indirect|the water was safe|told|The mayor"],
    );
    check(
        "Schoen told radio host Sean Hannity a loss is likely.",
        &["indirect|a loss is likely|told|Schoen"],
    );
}

#[test]
fn a_named_addressee_runs_through_its_possessive_and_title() {
    // A programme's quoted title before `that`, an outlet's presenter, a title with its holder.
    check(
        "Sanders told MSNBC's \"Morning Joe\" that the debate would be close.",
        &["indirect|the debate would be close|told|Sanders"],
    );
    check(
        "Sanders told CNN's Jake Tapper he would still consider running.",
        &["indirect|he would still consider running|told|Sanders"],
    );
    check(
        "Bolton told Breitbart News Daily host Matt Boyle the campaign was over.",
        &["indirect|the campaign was over|told|Bolton"],
    );
    // A question after the day it was put: `how` opens the content.
    check(
        "Caddell told Breitbart News Daily host Alex Marlow on Thursday how surprised he was.",
        &["indirect|how surprised he was|told|Caddell"],
    );
}

#[test]
fn a_demonstrative_that_stays_with_its_noun() {
    // `that argument` is the object; the complementizer `that` is left out as ever.
    check(
        "Justice Frank Nervo rejected that argument in a ruling released Thursday.",
        &["indirect|that argument|rejected|Frank Nervo"],
    );
    check(
        "She declined that assignment and has since left the network.",
        &["indirect|that assignment|declined|She"],
    );
    check(
        "The senator said that revelations about his taxes show the need for reform.",
        &["indirect|revelations about his taxes show the need for reform|said|The senator"],
    );
}

#[test]
fn that_before_an_auxiliary_is_the_contents_subject() {
    // No complementizer comes right before `was`, `would` or `'s`: `that` is the subject.
    check(
        "The mayor said that was a fair price for the bridge.",
        &["indirect|that was a fair price for the bridge|said|The mayor"],
    );
    check(
        "The engineer pointed out that’s what the survey had found.",
        &["indirect|that’s what the survey had found|pointed out|The engineer"],
    );
    // The complementizer before a subject stays out of the content.
    check(
        "The mayor said that costs would rise.",
        &["indirect|costs would rise|said|The mayor"],
    );
}
