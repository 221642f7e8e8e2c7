//! The subject after the cue in an inversion (`said Stoltenberg`, `according to NATO officials`).

use newsclaims_entities::Label;
use newsclaims_syntax::Pos;

use super::phrase::is_role_noun;
use super::{Head, Np};
use crate::lexicon::{self, Pronoun};
use crate::view::View;

/// The subject after the cue in an inversion (`said Stoltenberg`, `said the spokesperson`).
pub(crate) fn subject_right(view: &View<'_>, start: usize, end: usize) -> Option<Np> {
    let start = skip_stray_comma(view, start, end);
    if start >= end || !view.is_wordlike(start) {
        return None;
    }
    let w = view.word(start);
    if let Some(pron) = lexicon::pronoun(w) {
        return matches!(
            pron,
            Pronoun::He | Pronoun::She | Pronoun::They | Pronoun::It
        )
        .then_some(Np {
            first: start,
            last: start,
            head: Head::Pronoun(pron),
            relative: None,
        });
    }
    // Walk the phrase: capitalised words, role nouns, determiners, mentions. A number before a
    // noun counts as a determiner (`said one shop owner`, `said two officials`).
    let counted = view.label_at(start).is_some_and(|l| l.is_numeric())
        && start + 1 < end
        && view.is_wordlike(start + 1)
        && !view.is_capitalized(start + 1)
        && view.tag(start + 1).is_some_and(Pos::is_noun);
    let determined = counted || lexicon::is_determiner(view.word(start));
    let mut last = None;
    let mut best_mention: Option<(usize, usize)> = None;
    let mut k = if counted { start + 1 } else { start };
    while k < end && k < start + 8 {
        if !(view.is_wordlike(k)
            || view.is_punct(k, "-")
            || view.is_quote_mark(k) && view.is(k + 1, "s"))
        {
            break;
        }
        let kw = view.word(k);
        if k > start
            && (lexicon::is_np_boundary(kw) || lexicon::is_preposition(kw))
            && !view.is_capitalized(k)
        {
            break;
        }
        if k == start && (lexicon::is_np_boundary(kw) || lexicon::is_preposition(kw)) {
            return None;
        }
        if let Some((m, mention)) = view.mention_at(k) {
            if mention.label.is_numeric() {
                break;
            }
            if let Some(last) = members_after(view, k, m, end) {
                // `according to USPS leaders`: the body's people, not the body.
                return Some(Np {
                    first: start,
                    last,
                    head: Head::Words,
                    relative: None,
                });
            }
            let prefer = mention.label == Label::Person
                || best_mention
                    .is_none_or(|(b, _)| view.entities.mentions[b].label != Label::Person);
            let mut e = k;
            while e + 1 < end && view.mention_at(e + 1).is_some_and(|(n, _)| n == m) {
                e += 1;
            }
            if prefer {
                best_mention = Some((m, e));
            }
            last = Some(e);
            k = e + 1;
            continue;
        }
        // Lower-case words only after a determiner, in a title before a name (`Virginia
        // delegate Beau Correll`), and never a verb form.
        if !(view.is_capitalized(k)
            || determined
            || speaker_role(view, k)
            || view.is_capitalized(k + 1) && k + 1 < end)
            || kw.ends_with("ed") && !view.is_capitalized(k)
        {
            break;
        }
        // An adjective with its own phrase after the noun (`officials familiar with the
        // matter`, `a person close to the family`; the tagger often reads these as nouns) is a
        // longer subject than this walk reads: the caller's reading takes it.
        if (view.tag(k) == Some(Pos::JJ) || view.is_any(k, super::head::CLOSENESS))
            && !view.is_capitalized(k)
            && lexicon::is_preposition(view.word(k + 1))
        {
            return None;
        }
        last = Some(k);
        k += 1;
    }
    let last = last?;
    inverted_phrase(view, start, last, best_mention)
}

/// The token after a stray comma between the cue and a name (`argued, Alan Dershowitz, ...`),
/// else `start`.
fn skip_stray_comma(view: &View<'_>, start: usize, end: usize) -> usize {
    // A stray comma between the cue and a name (`argued, Alan Dershowitz, ...`).
    if view.is_punct(start, ",")
        && start + 1 < end
        && view
            .mention_at(start + 1)
            .is_some_and(|(_, m)| m.label == Label::Person)
    {
        start + 1
    } else {
        start
    }
}

/// The walked phrase `start..=last`: headed by its preferred mention `(mention, last token)` when
/// it has one, else by its last word unless that is a determiner.
fn inverted_phrase(
    view: &View<'_>,
    start: usize,
    last: usize,
    best_mention: Option<(usize, usize)>,
) -> Option<Np> {
    if let Some((m, e)) = best_mention {
        return Some(Np {
            first: start,
            last: e,
            head: Head::Mention(m),
            relative: None,
        });
    }
    let head = view.word(last);
    if lexicon::is_determiner(head) {
        return None;
    }
    Some(Np {
        first: start,
        last,
        head: Head::Words,
        relative: None,
    })
}

/// The last token of a plural noun of people right after the non-person mention `m` that starts
/// at token `k` (`USPS leaders`, `White House officials`), if one follows.
fn members_after(view: &View<'_>, k: usize, m: usize, end: usize) -> Option<usize> {
    if view.entities.mentions[m].label == Label::Person {
        return None;
    }
    let mut e = k;
    while e + 1 < end && view.mention_at(e + 1).is_some_and(|(n, _)| n == m) {
        e += 1;
    }
    let next = e + 1;
    (next < end
        && view.is_wordlike(next)
        && !view.is_capitalized(next)
        && view.tag(next) == Some(Pos::NNS)
        && is_people_noun(view.word(next)))
    .then_some(next)
}

/// A plural noun of people who speak for a body: its role nouns in the plural and the common
/// words for its members.
fn is_people_noun(w: &str) -> bool {
    const PLURALS: &[&str] = &[
        "members",
        "lawmakers",
        "leaders",
        "employees",
        "workers",
        "staffers",
        "researchers",
        "scientists",
        "experts",
        "investigators",
        "prosecutors",
        "lawyers",
        "sources",
    ];
    PLURALS.iter().any(|d| w.eq_ignore_ascii_case(d))
        || w.strip_suffix('s').is_some_and(is_role_noun)
}

/// Whether the word at token `k` is a role noun (`spokesperson`, `chair`).
fn speaker_role(view: &View<'_>, k: usize) -> bool {
    is_role_noun(view.word(k))
}
