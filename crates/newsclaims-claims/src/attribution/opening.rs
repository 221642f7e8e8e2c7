//! Where a content opens after its cue: an infinitive (`pledged to push for ...`, also after a
//! day or a date), or an amount that a preposition qualifies (`said about 20 people ...`), which
//! is the content's subject and no adjunct to skip.

use newsclaims_entities::Label;
use newsclaims_syntax::Pos;

use crate::lexicon;
use crate::view::View;

/// Whether the preposition at `f` qualifies an amount (`said about 20 people ...`, `at least
/// 108`, `over $2 million`): the content's subject, not an adjunct.
pub(super) fn opens_amount(view: &View<'_>, f: usize) -> bool {
    let amount = |k: usize| {
        matches!(
            view.label_at(k),
            Some(Label::Cardinal | Label::Money | Label::Percent | Label::Quantity)
        )
    };
    let next = if view.is(f, "at") && view.is(f + 1, "least") {
        f + 2
    } else {
        f + 1
    };
    view.is_any(f, &["about", "around", "over", "nearly", "almost", "at"]) && amount(next)
}

/// Words of a day or date between a cue and its infinitive (`vowed last month to ...`).
const MAX_DATE_WORDS: usize = 4;

/// Whether `to` at `f` opens an infinitive: the verb after it, or after an opening quotation
/// mark or an adverb in `-ly` (`vowed to harshly punish`), where the tagger reads a verb or
/// mistakes the bare verb for a singular noun or an adjective (`agreed to share`); not before a
/// determiner, a pronoun, a name, a number or a plural noun (`said to reporters`).
pub(super) fn opens_infinitive(view: &View<'_>, f: usize) -> bool {
    if !view.is(f, "to") {
        return false;
    }
    // An opening quotation mark (`vowed to “bomb ...”`) or an adverb may stand before the verb.
    let mut v = f + 1;
    if !view.is_wordlike(v) && view.quote_at(v).is_some() {
        v += 1;
    }
    if view.is_wordlike(v) && view.word(v).ends_with("ly") {
        v += 1;
    }
    view.is_wordlike(v)
        && !view.is_capitalized(v)
        && !lexicon::is_determiner(view.word(v))
        && matches!(view.tag(v), Some(Pos::VB | Pos::VBP | Pos::NN | Pos::JJ))
}

/// The `to` of an infinitive after a day or a date that follows the cue (`vowed Tuesday to
/// remain ...`, `pledged last month to ...`), within [`MAX_DATE_WORDS`] words.
pub(super) fn infinitive_after_date(view: &View<'_>, f: usize, end: usize) -> Option<usize> {
    if !(lexicon::is_weekday(view.word(f)) || view.label_at(f) == Some(Label::Date)) {
        return None;
    }
    let to = (f + 1..end.min(f + MAX_DATE_WORDS + 1)).find(|&k| !ends_time(view, k))?;
    opens_infinitive(view, to).then_some(to)
}

/// Whether token `k` is a day or a date (`Thursday`, `last week`).
pub(super) fn ends_time(view: &View<'_>, k: usize) -> bool {
    lexicon::is_weekday(view.word(k)) || matches!(view.label_at(k), Some(Label::Date | Label::Time))
}
