//! Check-worthiness: how much a fact-checker would want a claim checked, and what kind of claim
//! it is; and the article's own statements (sentences not attributed to anyone).
//!
//! The score is a logistic function of hand-weighted features, following ClaimBuster's and
//! CheckThat!'s findings on what makes a sentence check-worthy: numbers and amounts, dates,
//! comparisons, and past events involving named places, people and bodies raise it; opinions,
//! first and second person, modal and future talk, questions and very short sentences lower it.
//! No check-worthiness data ships with the project, so the weights are set by hand on principle
//! (each feature's sign and rough size from that literature), not fitted to the seed article.

use newsclaims_entities::Label;
use newsclaims_text::Span;

use crate::lexicon;
use crate::view::View;
use crate::{ClaimKind, ClaimType};

/// The features of one stretch of text.
#[derive(Clone, Copy, Debug, Default)]
struct Features {
    words: usize,
    money_percent: usize,
    /// CARDINAL and QUANTITY mentions written with digits or a number word other than `one`.
    numbers: usize,
    dates: usize,
    names: usize,
    places: usize,
    comparison: bool,
    past_event: bool,
    modal: bool,
    should: bool,
    opinion: bool,
    personal: bool,
    question: bool,
}

/// The check-worthiness and type of content made of `pieces`, of the given kind.
pub(crate) fn score(view: &View<'_>, pieces: &[Span], kind: ClaimKind) -> (f32, ClaimType) {
    let f = features(view, pieces);
    let mut logit = -1.7;
    logit += 1.9 * (f.money_percent.min(2) as f32);
    logit += 1.3 * (f.numbers.min(2) as f32);
    logit += 0.8 * (f.dates.min(2) as f32);
    logit += 0.25 * (f.names.min(4) as f32);
    if f.comparison {
        logit += 1.0;
    }
    if f.past_event {
        logit += if f.places + f.dates + f.names > 0 {
            1.3
        } else {
            0.5
        };
    }
    if f.modal {
        logit -= 0.7;
    }
    if f.should {
        logit -= 1.0;
    }
    if f.opinion {
        logit -= 1.0;
    }
    if f.personal {
        logit -= 0.9;
    }
    if f.words < 6 {
        logit -= 1.5;
    }
    if kind == ClaimKind::Direct {
        // Quotes carry feelings and rhetoric more often than checkable facts.
        logit -= 0.6;
    }
    let cw = if f.question {
        0.02
    } else {
        1.0 / (1.0 + (-logit).exp())
    };
    let claim_type = if f.money_percent + f.numbers > 0 {
        ClaimType::Quantity
    } else if f.comparison {
        ClaimType::Comparison
    } else if f.past_event && (f.places + f.dates + f.names) > 0 {
        ClaimType::Event
    } else if f.modal {
        ClaimType::Prediction
    } else if f.opinion || f.should {
        ClaimType::Opinion
    } else {
        ClaimType::Other
    };
    ((cw * 100.0).round() / 100.0, claim_type)
}

fn features(view: &View<'_>, pieces: &[Span]) -> Features {
    let mut f = Features::default();
    for &piece in pieces {
        for m in view.entities.inside(piece) {
            let mention = view.entities.mentions[m];
            let text = &view.text[mention.span];
            match mention.label {
                Label::Money | Label::Percent => f.money_percent += 1,
                Label::Cardinal | Label::Quantity => {
                    let small = ["one", "One", "a", "an"].contains(&text);
                    if !small {
                        f.numbers += 1;
                    }
                }
                Label::Date => f.dates += 1,
                Label::Gpe | Label::Loc | Label::Fac => {
                    f.places += 1;
                    f.names += 1;
                }
                Label::Person | Label::Org | Label::Norp | Label::Event | Label::Law => {
                    f.names += 1
                }
                _ => {}
            }
        }
        let first = view.token_at_or_after(piece.start());
        let mut k = first;
        let mut prev_lower = "";
        while k < view.len() && view.span(k).end() <= piece.end() {
            let w = view.word(k);
            if view.is_wordlike(k) {
                f.words += 1;
                let mut buf = [0u8; 32];
                let long;
                // Lower-cased on the stack: this runs for every word of every claim.
                let lw = match lexicon::lower_ascii(w, &mut buf) {
                    Some(lw) => lw,
                    None => {
                        long = w.to_ascii_lowercase();
                        long.as_str()
                    }
                };
                if view.mention_at(k).is_none() && w.chars().any(|c| c.is_ascii_digit()) {
                    // Digits the tagger missed still make a quantity.
                    f.numbers += 1;
                }
                if is_comparison(lw) || (lw == "than" && is_comparative(prev_lower)) {
                    f.comparison = true;
                }
                if is_past_event(w) {
                    f.past_event = true;
                }
                if matches!(
                    lw,
                    "will"
                        | "would"
                        | "could"
                        | "might"
                        | "may"
                        | "expected"
                        | "expects"
                        | "forecast"
                        | "plans"
                        | "predicted"
                        | "likely"
                ) {
                    f.modal = true;
                }
                if matches!(lw, "should" | "must" | "ought" | "need" | "needs") {
                    f.should = true;
                }
                if is_opinion(lw) {
                    f.opinion = true;
                }
                if matches!(
                    lw,
                    "i" | "we" | "you" | "our" | "your" | "my" | "me" | "us" | "ours" | "yours"
                ) {
                    f.personal = true;
                }
                prev_lower = match lw {
                    "more" => "more",
                    "less" => "less",
                    "fewer" => "fewer",
                    _ if lw.ends_with("er") && lw.len() > 4 => "er",
                    _ => "",
                };
            } else if w == "?" {
                f.question = true;
            }
            k += 1;
        }
    }
    f
}

fn is_comparative(prev: &str) -> bool {
    !prev.is_empty()
}

fn is_comparison(w: &str) -> bool {
    matches!(
        w,
        "doubled"
            | "tripled"
            | "halved"
            | "quadrupled"
            | "largest"
            | "biggest"
            | "highest"
            | "lowest"
            | "smallest"
            | "fewest"
            | "record"
            | "increased"
            | "decreased"
            | "rose"
            | "fell"
            | "grew"
            | "dropped"
            | "declined"
            | "surged"
            | "jumped"
            | "soared"
            | "plunged"
            | "outnumber"
            | "outnumbered"
            | "twice"
            | "triple"
            | "double"
            | "most"
            | "least"
    )
}

/// A past-tense or participle verb that reports an event, not speech or a state.
fn is_past_event(w: &str) -> bool {
    if w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    const IRREGULAR: &[&str] = &[
        "began",
        "begun",
        "won",
        "lost",
        "met",
        "took",
        "taken",
        "made",
        "went",
        "came",
        "left",
        "fell",
        "rose",
        "sent",
        "found",
        "built",
        "brought",
        "bought",
        "sold",
        "paid",
        "held",
        "led",
        "struck",
        "shot",
        "hit",
        "fought",
        "fled",
        "froze",
        "gave",
        "given",
        "withdrew",
        "withdrawn",
        "broke",
        "broken",
        "chose",
        "drove",
        "ran",
        "spent",
        "stole",
        "swept",
        "threw",
        "wore",
        "became",
        "overtook",
        "seized",
    ];
    if IRREGULAR.contains(&w) {
        return true;
    }
    const NOT_EVENTS: &[&str] = &[
        "said",
        "called",
        "added",
        "noted",
        "stated",
        "claimed",
        "asked",
        "reported",
        "tweeted",
        "seemed",
        "appeared",
        "wanted",
        "needed",
        "liked",
        "loved",
        "hoped",
        "believed",
        "used",
        "based",
        "concerned",
        "interested",
        "expected",
        "supposed",
        "allowed",
        "related",
        "emphasized",
        "reiterated",
        "declared",
        "argued",
        "insisted",
        "warned",
        "pledged",
        "praised",
        "cited",
        "described",
        "suggested",
        "indicated",
    ];
    w.len() > 4 && w.ends_with("ed") && !NOT_EVENTS.contains(&w)
}

fn is_opinion(w: &str) -> bool {
    matches!(
        w,
        "great"
            | "terrible"
            | "wrong"
            | "right"
            | "rightful"
            | "good"
            | "bad"
            | "best"
            | "worst"
            | "important"
            | "serious"
            | "significant"
            | "amazing"
            | "horrible"
            | "disgrace"
            | "disgraceful"
            | "ridiculous"
            | "proud"
            | "honor"
            | "honored"
            | "honour"
            | "happy"
            | "sad"
            | "unfortunately"
            | "hope"
            | "hopes"
            | "believe"
            | "believes"
            | "think"
            | "thinks"
            | "feel"
            | "feels"
            | "wonderful"
            | "beautiful"
            | "fantastic"
            | "awful"
            | "shameful"
            | "outrageous"
            | "threat"
            | "dangerous"
            | "unacceptable"
            | "deplorable"
            | "incredible"
            | "stupid"
            | "crazy"
            | "nice"
            | "glad"
            | "pleased"
            | "disappointed"
            | "fair"
            | "unfair"
            | "brave"
            | "strong"
            | "weak"
            | "failed"
            | "disaster"
            | "tremendous"
            | "absolutely"
            | "clearly"
            | "love"
            | "hate"
            | "want"
            | "wants"
            | "wish"
    )
}

/// Whether a sentence is a credit or byline (`The Associated Press contributed to this report.`).
pub(crate) fn is_credit_line(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    (lower.contains("contributed") && (lower.contains("report") || lower.contains("story")))
        || lower.starts_with("reporting by")
        || lower.starts_with("additional reporting")
        || lower.starts_with("editing by")
        || lower.starts_with("writing by")
        || lower.starts_with("(reporting by")
        || lower.starts_with("follow ")
        || lower.starts_with("copyright")
        || lower.starts_with("click here")
        || lower.starts_with("read more")
}
