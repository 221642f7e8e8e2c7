//! Where a content after a cue stops short of its clause end: before the narrator's aside
//! (`..., which makes him an outlier`) and, after a noun-phrase content, before a predicate of
//! the cue's own subject (`X promised a veto | and took questions`) or a clause with a subject
//! of its own (`X admitted using the loophole | , he does not defend it`); and, whatever end the
//! boundary ranker picks, before another speaker's attribution (`the budget was balanced | ,
//! Councilman Jones wrote that ...`).

use newsclaims_syntax::Pos;

use crate::view::View;

/// Whether the comma at `k` opens the narrator's aside rather than more of the reported
/// content: a non-restrictive relative (`..., which makes him an outlier`), a participle clause
/// (`..., implicitly putting his name on the line`, `..., including ...`) or a concessive or
/// causal clause (`..., although they say ...`). PolNeAR's annotators end the content before
/// them.
pub(super) fn narrator_aside(view: &View<'_>, k: usize) -> bool {
    if !view.is_punct(k, ",") || view.quote_at(k + 1).is_some() {
        return false;
    }
    let mut next = k + 1;
    if view.is_any(next, &["which", "although", "though", "because", "whereas"]) {
        return true;
    }
    // `..., implicitly putting ...`: an adverb before the participle.
    if view.word(next).ends_with("ly") && view.is_wordlike(next + 1) {
        next += 1;
    }
    view.is_wordlike(next)
        && view.word(next).ends_with("ing")
        && !view.is_capitalized(next)
        && view.tag(next) == Some(Pos::VBG)
}

/// Whether token `k` (a comma, or `but`/`and` itself) opens a predicate coordinated with the
/// cue's own (`X signaled his support for Y, but refrained from ...`, `X promised a veto and
/// attempted to ...`, `X signaled willingness to change ACA but has been met with ...`): a
/// noun-phrase content (no finite verb in `f..k`) cannot hold a second predicate, so it belongs
/// to the cue's subject. Without the comma only a finite verb (or a pronoun and one) counts:
/// `new measures and increased funding` coordinates two noun phrases.
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
    predicate && !(f..k).any(|j| view.is_finite(j))
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

/// The comma where the content `f..end` runs into another speaker's attribution, if it does:
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
        .find_map(|k| attribution_comma(view, f, k))
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
