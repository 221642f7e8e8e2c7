//! Subjects that count people rather than name them: `most of them said`, `many of whom say`,
//! `all agreed that`, `42% say`, `those surveyed said`. The speaker rules look for a name, a
//! pronoun or a noun's phrase before the cue and find none here; where the cue classifier reads
//! a cue anyway (a rescue, `cue::fallback_subject`), the counted group is the subject.

use newsclaims_entities::Label;
use newsclaims_syntax::Pos;

use crate::speaker::{Head, Np};
use crate::view::View;

/// Words that count a group (`all`, `most of them`, `many of whom`).
const QUANTIFIERS: &[&str] = &[
    "all", "most", "many", "some", "both", "several", "few", "half", "none", "each", "majority",
];

/// What a quantifier counts after `of` (`most of them`, `many of whom`).
const COUNTED: &[&str] = &["them", "whom", "us", "those"];

/// The counted group that is the subject of the cue at `i`, auxiliaries and adverbs between them
/// skipped, when it opens its clause or follows a comma, a dash or a conjunction.
pub(super) fn group_subject(view: &View<'_>, i: usize, start: usize) -> Option<Np> {
    let mut last = i.checked_sub(1)?;
    while last > start
        && view.is_wordlike(last)
        && !view.is_capitalized(last)
        && view.is_aux_or_adverb(last)
        && !view.is_any(last, QUANTIFIERS)
    {
        last -= 1;
    }
    if last < start || !view.is_wordlike(last) && !view.is_punct(last, "%") {
        return None;
    }
    let first = if view.is_any(last, QUANTIFIERS) {
        last
    } else if view.is_any(last, COUNTED)
        && last >= start + 2
        && view.is(last - 1, "of")
        && (view.is_any(last - 2, QUANTIFIERS)
            || view.label_at(last - 2).is_some_and(Label::is_numeric))
    {
        last - 2
    } else if view.tag(last) == Some(Pos::VBN) && last > start && view.is(last - 1, "those") {
        // `those surveyed said`, `those polled say`.
        last - 1
    } else if matches!(view.label_at(last), Some(Label::Percent)) {
        // `42% say`, `26 percent said`: the whole amount.
        let mut k = last;
        while k > start && view.label_at(k - 1) == Some(Label::Percent) {
            k -= 1;
        }
        k
    } else {
        return None;
    };
    let opens = first == start
        || !view.is_wordlike(first - 1)
        || view.is_any(first - 1, &["and", "but", "while", "that", "as"]);
    opens.then_some(Np {
        first,
        last,
        head: Head::Words,
        relative: None,
    })
}
