//! Where a content after a cue stops short of its clause end: before the narrator's aside
//! (`..., which makes him an outlier`) and, after a noun-phrase content, before a predicate of
//! the cue's own subject (`X promised a veto | and took questions`) or a clause with a subject
//! of its own (`X admitted using the loophole | , he does not defend it`).

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
