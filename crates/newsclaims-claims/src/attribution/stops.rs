//! Where a content after a cue stops short of its clause end: before the narrator's aside
//! (`..., which makes him an outlier`) and, after a noun-phrase content, before a predicate of
//! the cue's own subject (`X promised a veto | and took questions`) or a clause with a subject
//! of its own (`X admitted using the loophole | , he does not defend it`); before a coordinated
//! clause with a subject of its own after any content (`the plan works | , but economists
//! disagreed`); after a cue in a subordinate or relative clause, before the sentence's main
//! clause (`While X insisted that ... | , the campaign has ...`); after a noun-phrase content,
//! before the cue's adverbial clause (`criticized the deal | before the president signed it`) or
//! the medium of its speaking (`attacked the report | in a series of tweets`); and, whatever end the
//! boundary ranker picks, before another speaker's attribution (`the budget was balanced | ,
//! Councilman Jones wrote that ...`).

use newsclaims_syntax::Pos;

use crate::lexicon;
use crate::view::View;

/// Whether the comma at `k` opens the narrator's aside rather than more of the reported
/// content: a non-restrictive relative (`..., which makes him an outlier`), a participle clause
/// (`..., implicitly putting his name on the line`; not `..., including ...`, which PolNeAR's
/// annotators keep in the content: train content true positives +9), a concessive, causal
/// or contrasting clause (`..., although they say ...`, `..., while 30 percent ...`) or a
/// comparison (`..., compared with 60 percent of ...`). PolNeAR's annotators end the content
/// before them (`, while` and `, compared with`: on PolNeAR train content true positives +5
/// and +4, `cargo xtask eval claims` over the converted train set).
pub(super) fn narrator_aside(view: &View<'_>, k: usize) -> bool {
    if !view.is_punct(k, ",") || view.quote_at(k + 1).is_some() {
        return false;
    }
    let mut next = k + 1;
    if view.is_any(
        next,
        &["which", "although", "though", "because", "whereas", "while"],
    ) {
        return true;
    }
    if view.is(next, "compared") && view.is_any(next + 1, &["with", "to"]) {
        return true;
    }
    // `..., implicitly putting ...`: an adverb before the participle.
    if view.word(next).ends_with("ly") && view.is_wordlike(next + 1) {
        next += 1;
    }
    view.is_wordlike(next)
        && !view.is(next, "including")
        && view.word(next).ends_with("ing")
        && !view.is_capitalized(next)
        && view.tag(next) == Some(Pos::VBG)
}

/// Whether token `k` (a comma, or `but`/`and` itself) opens a predicate coordinated with the
/// cue's own (`X signaled his support for Y, but refrained from ...`, `X promised a veto and
/// attempted to ...`, `X signaled willingness to change ACA but has been met with ...`): a
/// noun-phrase content (no finite verb in `f..k`) cannot hold a second predicate, so it belongs
/// to the cue's subject. Without the comma only a finite verb (or a pronoun and one) counts:
/// `new measures and increased funding` coordinates two noun phrases. Not asked inside a clause
/// after `that` ([`after_that`]).
pub(super) fn coordinated_verb(view: &View<'_>, f: usize, k: usize) -> bool {
    let comma = view.is_punct(k, ",");
    let conj = if comma { k + 1 } else { k };
    if !view.is_any(conj, &["but", "and"]) {
        return comma && clause_after_comma(view, k) && !(f..k).any(|j| view.is_finite(j));
    }
    let mut j = conj + 1;
    if view.tag(j) == Some(Pos::RB) {
        j += 1;
    }
    let predicate = match view.tag(j) {
        Some(Pos::VBD | Pos::VBZ) => true,
        Some(Pos::VBN) => comma,
        Some(Pos::PRP) => view.is(conj, "but") && view.is_finite(j + 1),
        _ => false,
    };
    // A cue of speech after the conjunction is the speaker's own next verb, even after a
    // clause with its own finite verb (`said replacement would begin next year but declined
    // to give a date`).
    let speech = matches!(view.tag(j), Some(Pos::VBD | Pos::VBZ)) && view.cue(j).is_some();
    predicate && (speech || !(f..k).any(|j| view.is_finite(j)))
}

/// Whether token `k` opens an adverbial clause of the cue's own after a noun-phrase content
/// (`X called on Republicans to unendorse Trump | after the mogul claimed ...`, `X criticized
/// the deal | before the president signed it`): a noun phrase (no predicate in `f..k`) takes
/// no adverbial clause, so the clause is the narrator's. The subordinator must be followed by a
/// subject and its finite verb (`as`, `after`, `before` are prepositions too). PolNeAR's
/// annotators keep `when`, `while`, `because` and `if` clauses in the content: with them
/// the stop lost train exact matches (`when` 6, `while` 5, `because` 2, `if` 1; `cargo xtask
/// eval claims` over the converted train set); with these words it gains 9.
pub(super) fn adverbial_clause(view: &View<'_>, f: usize, k: usize) -> bool {
    let comma = view.is_punct(k, ",");
    let s = if comma { k + 1 } else { k };
    // The words first: the predicate test walks the whole content.
    view.is_any(
        s,
        &["as", "since", "after", "before", "until", "so", "once"],
    ) && !view.is_capitalized(s)
        && clause_after_comma(view, s)
        && !holds_predicate(view, f, k)
}

/// Whether token `k` opens the frame of the speech act after a noun-phrase content
/// (`X called for more investment | in a statement on Thursday`, `X attacked the report | in a
/// series of tweets`): a preposition of place or means whose noun, within a few words, is
/// a medium or an occasion of speaking. After a noun phrase (no predicate in `f..k`) the
/// phrase says where the cue's speaking happened; inside a reported clause it may be the
/// speaker's (`said the governor lied in an interview`). PolNeAR train exact matches +7.
pub(super) fn speech_frame(view: &View<'_>, f: usize, k: usize) -> bool {
    view.is_any(k, &["in", "on", "at", "during", "via", "through"])
        && !view.is_capitalized(k)
        && (k + 1..k + 1 + FRAME_WITHIN)
            .take_while(|&j| view.is_wordlike(j) && view.quote_at(j).is_none())
            .any(|j| view.is_any(j, SPEECH_OCCASIONS))
        && !holds_predicate(view, f, k)
}

/// Whether `f..k` holds a predicate: a finite verb, or a negation the tagger may have left
/// without one (`the law doesn’t require ...`: the tagger does not read `doesn’t`, one token, as a
/// finite verb).
fn holds_predicate(view: &View<'_>, f: usize, k: usize) -> bool {
    (f..k).any(|j| {
        view.is_finite(j)
            || lexicon::is_negated_verb(view.word(j))
            || view.is_any(j, &["not", "never"])
    })
}

/// Words after a frame's preposition within which its noun is looked for.
const FRAME_WITHIN: usize = 4;

/// Media and occasions of speaking.
const SPEECH_OCCASIONS: &[&str] = &[
    "statement",
    "statements",
    "interview",
    "interviews",
    "speech",
    "speeches",
    "tweet",
    "tweets",
    "post",
    "posts",
    "letter",
    "letters",
    "email",
    "emails",
    "op-ed",
    "remarks",
    "appearance",
    "broadcast",
    "address",
    "conference",
    "hearing",
    "rally",
    "episode",
    "memo",
    "release",
    "briefing",
    "podcast",
    "video",
    "filing",
    "ruling",
    "call",
    "town",
    "twitter",
    "facebook",
    "instagram",
    "website",
    "blog",
    "radio",
    "forum",
];

/// Whether the content starting at `f` follows the complementizer `that` (punctuation between
/// them skipped): a clause whose verb may come after a comma (`joked that, among African
/// Americans, Trump ranks fourth`), so no predicate stop ([`coordinated_verb`]) applies inside
/// it: PolNeAR dev content true positives +3, train +4 (`cargo xtask eval claims`, the ranker of
/// 73d0208).
pub(super) fn after_that(view: &View<'_>, f: usize) -> bool {
    let mut k = f;
    while k > 0 && !view.is_wordlike(k - 1) && view.quote_at(k - 1).is_none() {
        k -= 1;
    }
    k > 0 && view.is(k - 1, "that")
}

/// Whether the cue before the content starting at `f` sits in a subordinate clause that opens
/// its sentence (`While the White House insisted that ...`), in a relative clause (`The Apple
/// case, in which the EU contended that ...`) or in a participle clause after a comma (`Ryan,
/// despite admitting that ...`): no comma between that clause's first word and
/// `f`, so the sentence's main clause is still to come, after a comma. Stopping there
/// ([`main_clause`]): PolNeAR train content true positives +21, exact +18, dev +2 (`cargo xtask
/// eval claims`, the ranker of 73d0208).
pub(super) fn subordinate_cue(view: &View<'_>, f: usize) -> bool {
    let start = view.clause_start(f);
    let Some(lead) = (start..f).rev().find(|&j| {
        view.quote_at(j).is_none()
            && (view.is_punct(j, ",")
                || view.is_any(j, &["which", "who", "whom", "whose"])
                || j == start && crate::lexicon::is_subordinator(view.word(j)))
    }) else {
        return false;
    };
    // `Ryan, despite admitting that ..., backed the bill`: an aside's participle clause.
    !view.is_punct(lead, ",") || crate::lexicon::opens_participle_clause(view.word(lead + 1))
}

/// Whether the dash at `k` closes an aside that a dash opened before the relative clause of the
/// cue (`Clinton — who's called for big tax hikes on the rich | — lambasting ...`, `Ayres --
/// author of a report, which urged the GOP to ... | -- is skeptical`): the content ends with
/// the aside, as at the comma of `Clinton, who's called for ..., attacked ...`.
pub(super) fn closing_dash(view: &View<'_>, f: usize, k: usize) -> bool {
    if !view.is_long_dash(k) {
        return false;
    }
    let start = view.clause_start(f);
    (start..f)
        .rev()
        .find(|&j| view.is_long_dash(j))
        .is_some_and(|open| {
            (open + 1..f).any(|j| view.is_any(j, &["who", "which"]))
                && !(f..k).any(|j| view.is_long_dash(j))
        })
}

/// Whether the comma at `k` opens a sentence's main clause after a subordinate one: a subject
/// and its finite verb (`..., the campaign has appeared to ...`) or the verb of a subject the
/// relative clause interrupted (`..., is a good example`).
pub(super) fn main_clause(view: &View<'_>, k: usize) -> bool {
    view.is_punct(k, ",")
        && view.quote_at(k + 1).is_none()
        && (view.is_finite(k + 1) || clause_after_comma(view, k))
}

/// Whether the comma at `k` and the conjunction after it open a clause with a subject of its
/// own (`X said the plan works, but the economists disagreed`): the narrator's, not the
/// reported content's; `, and that ...` is a second reported clause. PolNeAR train content
/// true positives +13, exact +6 (`cargo xtask eval claims`, the ranker of 73d0208).
pub(super) fn coordinated_clause(view: &View<'_>, k: usize) -> bool {
    view.is_punct(k, ",")
        && view.is_any(k + 1, &["and", "but"])
        && !view.is(k + 2, "that")
        && clause_after_comma(view, k + 1)
}

/// Words after a comma within which a subject's finite verb makes a clause of its own.
const CLAUSE_WITHIN: usize = 4;

/// Whether the comma at `k` opens a clause with a subject of its own (`X said his piece, he is
/// ready to move on`, `X admitted using the tax code, Mr. Y said ...`): a pronoun, a name or a
/// determiner, then a finite verb within [`CLAUSE_WITHIN`] words. After a noun-phrase content
/// that clause is the narrator's.
fn clause_after_comma(view: &View<'_>, k: usize) -> bool {
    let s = k + 1;
    matches!(view.tag(s), Some(Pos::PRP | Pos::NNP | Pos::NNPS | Pos::DT))
        && (s + 1..s + 1 + CLAUSE_WITHIN)
            .take_while(|&j| view.is_wordlike(j))
            .any(|j| view.is_finite(j))
}

/// Tokens between a comma and a cue within which a subject names another speaker: a full name
/// with a title (`Councilman John Q. Jones`).
const SUBJECT_WITHIN: usize = 5;

/// The comma where the content `f..end` runs into another speaker's attribution, if it does
/// (or, [`coordinated_comma`], a clause coordinated with it where another speaker speaks):
/// a comma, a subject of at most [`SUBJECT_WITHIN`] tokens opening with a name, a pronoun or a
/// determiner and holding no verb, conjunction, preposition or relative word, then a cue as a
/// finite verb not followed by a comma (`the budget was balanced | , Councilman Jones wrote that
/// ...`; `..., she said, ...` is an aside). That cue's content is a claim of its own. The
/// boundary ranker's pick is cut there (`boundary::decide`). On PolNeAR train (`cargo xtask eval
/// claims` over the converted train set) content true positives 9,636 -> 9,645 and attributions
/// 9,234 -> 9,244 with no prediction more; read as a stop of the rules, the rules' end of 10 more
/// train decisions matched the annotation and of none fewer.
pub(super) fn second_attribution(view: &View<'_>, f: usize, end: usize) -> Option<usize> {
    (f + 2..end)
        .filter(|&k| view.quote_at(k).is_none() && view.is_wordlike(k) && view.cue(k).is_some())
        .find_map(|k| attribution_comma(view, f, k).or_else(|| coordinated_comma(view, f, k)))
}

/// Tokens between a coordinating word and the cue of the clause it opens: a subject of a few
/// words (`more than 4 in 10`, `people familiar with her thinking`).
const COORDINATED_SUBJECT_WITHIN: usize = 8;

/// Where the content `f..` runs into a clause of its own, coordinated after a comma (`, and`,
/// `, but`, `, yet`) or opened by `while`, `though`, `although` or `whereas`, whose subject
/// (no comma, relative word, conjunction or finite verb but an auxiliary) speaks through the
/// cue at `k` with content of its own (`they were worried about the economy | , and more than 4
/// in 10 said ...`, `Burma's reforms were not complete | , and human rights groups warned that
/// ...`): the comma, or the subordinator. The rules stop before such a clause when its subject
/// is short and opens with a name, a pronoun or a determiner (`content::coordinated_attribution`);
/// this constraint holds for whatever end the ranker picks. PolNeAR train with the models as
/// they were: content true positives 9,915 -> 9,918, exact 7,448 -> 7,451; dev 1,171 -> 1,172
/// and 888 -> 889 (widening the rules' stop instead: content 9,921, exact 7,445).
fn coordinated_comma(view: &View<'_>, f: usize, k: usize) -> Option<usize> {
    let lo = k.saturating_sub(COORDINATED_SUBJECT_WITHIN + 2).max(f + 1);
    let conj = (lo..k).rev().find(|&j| {
        view.is_any(j, &["and", "but", "yet"]) && view.is_punct(j - 1, ",")
            || view.is_any(j, &["while", "though", "although", "whereas"])
    })?;
    let s = conj + 1;
    let subject = s < k
        && matches!(
            view.tag(s),
            Some(
                Pos::PRP
                    | Pos::NNP
                    | Pos::NNPS
                    | Pos::DT
                    | Pos::CD
                    | Pos::NN
                    | Pos::NNS
                    | Pos::JJ
                    | Pos::JJR
                    | Pos::RBR
            )
        )
        && (s..k).all(|j| {
            !matches!(view.tag(j), Some(Pos::CC | Pos::WDT | Pos::WP | Pos::TO))
                && !view.is_punct(j, ",")
                && (!view.is_finite(j) || view.is_aux_or_adverb(j))
        });
    let clause = subject && view.is_finite(k) && !view.is_punct(k + 1, ",");
    let cut = if view.is_punct(conj - 1, ",") {
        conj - 1
    } else {
        conj
    };
    (clause && view.quote_at(conj).is_none()).then_some(cut)
}

/// The comma before the subject of the cue at `k`, when [`second_attribution`] reads one there.
fn attribution_comma(view: &View<'_>, f: usize, k: usize) -> Option<usize> {
    let lo = k.saturating_sub(SUBJECT_WITHIN + 1).max(f + 1);
    let comma = (lo..k).rev().find(|&j| view.is_punct(j, ","))?;
    let s = comma + 1;
    let subject = s < k
        && matches!(view.tag(s), Some(Pos::PRP | Pos::NNP | Pos::NNPS | Pos::DT))
        && (s..k).all(|j| {
            !matches!(
                view.tag(j),
                Some(Pos::CC | Pos::WDT | Pos::WP | Pos::IN | Pos::TO)
            ) && (!view.is_verb(j) || view.tag(j) == Some(Pos::NNP))
        });
    (subject && view.is_finite(k) && !view.is_punct(k + 1, ",")).then_some(comma)
}
