//! Finds the noun phrase that names a cue's speaker and resolves it to a canonical name.
//!
//! The subject is the nearest noun phrase left of the cue (auxiliaries, adverbs, dates and
//! appositives skipped), or the one right after it in an inversion (`said Stoltenberg`); a
//! description before it takes the description its prepositional phrase modifies (`officials in
//! both cities`, not `both cities`: `head`). It
//! resolves to its entity cluster's fullest name: a mention through its cluster, a pronoun to the
//! most likely earlier entity (gender, recency, subject position, earlier speakers), a definite
//! description (`the spokesperson`) to the cluster whose descriptor names it, and anything else to
//! the phrase itself without its determiner.

mod head;
mod inversion;
mod phrase;
mod resolve;
mod shared;

use newsclaims_entities::Label;
use newsclaims_syntax::Pos;
use newsclaims_text::Span;

use crate::lexicon::{self, Pronoun};
use crate::view::View;

pub(crate) use head::speaker_head;
pub(crate) use inversion::subject_right;
pub(crate) use phrase::np_ending_at;
pub(crate) use resolve::resolve;
pub(crate) use shared::shared_subject;

/// A noun phrase over tokens `first..=last`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Np {
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) head: Head,
    /// The relative pronoun that names the speaker at the cue (`who`), when the phrase is its
    /// antecedent (`Ted Cruz, who said ...`).
    pub(crate) relative: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Head {
    /// The phrase ends in (or is) this entity mention.
    Mention(usize),
    Pronoun(Pronoun),
    /// A description with no entity at its head (`the spokesperson`, `A NATO release`).
    Words,
}

impl Np {
    pub(crate) fn span(&self, view: &View<'_>) -> Span {
        view.cover(self.first, self.last)
    }
}

/// The subject of the cue at token `cue`, searched left of it but not before token `floor`.
pub(crate) fn subject_left(view: &View<'_>, cue: usize, floor: usize) -> Option<Np> {
    let mut k = cue;
    // Auxiliaries, adverbs and dates between subject and verb: `has repeatedly`, `on Monday`.
    while k > floor {
        let p = k - 1;
        let w = view.word(p);
        let date = matches!(view.label_at(p), Some(Label::Date | Label::Time));
        if view.is_wordlike(p)
            && (date
                || lexicon::is_weekday(w)
                || (view.is_aux_or_adverb(p) && !view.is_capitalized(p))
                || lexicon::is_negated_verb(w)
                // `which together vowed`: an adverb the word lists lack.
                || (!view.is_capitalized(p) && k == cue && view.tag(p) == Some(Pos::RB))
                || (view.is_any(p, &["on", "last", "this"]) && k < cue)
                // `who in 2010 said`.
                || (view.is(p, "in")
                    && k < cue
                    && matches!(view.label_at(k), Some(Label::Date | Label::Time))))
        {
            k = p;
            continue;
        }
        // A short adjunct between subject and verb: `Trump at the time said`, `critics have in
        // particular noted`.
        if let Some(j) = adjunct_start(view, p, floor) {
            k = j;
            continue;
        }
        // A parenthesis after the name: `Rep. Stephen Lynch (D-Mass.) said`.
        if view.is_punct(p, ")") {
            let lo = p.saturating_sub(8).max(floor);
            if let Some(open) = (lo..p).rev().find(|&j| view.is_punct(j, "(")) {
                k = open;
                continue;
            }
        }
        // The apostrophe of a split `didn’t`.
        if view.is_quote_mark(p) && view.is(k, "t") {
            k = p;
            continue;
        }
        break;
    }
    if k <= floor {
        return None;
    }
    let p = k - 1;
    if view.is_punct(p, ",") {
        return appositive_subject(view, p, floor);
    }
    // A reduced relative: `A government report released Friday states ...`. The participle is
    // lower case; asking that first spares the tagger most sentences (`Peskov said`).
    if p > floor
        && !view.is_capitalized(p)
        && matches!(view.tag(p), Some(Pos::VBN | Pos::VBD))
        && view.tag(p - 1).is_some_and(Pos::is_noun)
    {
        return np_ending_at(view, p - 1, floor);
    }
    // `People close to him say`: an object pronoun ends the phrase that `speaker_head` reads.
    let close_to_pronoun = p > floor + 2
        && view.is_any(p, &["him", "her", "them"])
        && view.is_any(p - 1, &["to", "with"])
        && view.is_any(p - 2, head::CLOSENESS);
    if close_to_pronoun {
        return Some(Np {
            first: p,
            last: p,
            head: Head::Words,
            relative: None,
        });
    }
    // A relative clause that ends in a verb: `Officials who asked not to be named said`.
    let Some(np) = np_ending_at(view, p, floor) else {
        return clause_antecedent(view, p, floor);
    };
    if let Some(outer) = relative_antecedent(view, &np, floor) {
        return Some(outer);
    }
    // A noun cue's modifiers are not its speaker (`made an impassioned call for`, `offered her
    // firmest promise`): the subject of the verb before them is.
    if np.head == Head::Words
        && np.last + 1 == cue
        && view.tag(cue).is_some_and(Pos::is_noun)
        && view
            .tag(np.last)
            .is_some_and(|t| matches!(t, Pos::JJ | Pos::JJR | Pos::JJS | Pos::DT | Pos::RB))
        // `Mr. Trump’s fire-breathing vows`: a possessor is the speaker.
        && (np.first..=np.last).all(|t| !view.is_quote_mark(t) && view.mention_at(t).is_none())
    {
        return Some(shared::verb_subject(view, np.first, floor).unwrap_or(np));
    }
    Some(np)
}

/// The most tokens of an adjunct between a subject and its verb (`in his announcement speech`).
const MAX_ADJUNCT_TOKENS: usize = 4;

/// Prepositions that open an adjunct between a subject and its verb.
const ADJUNCT_PREPOSITIONS: &[&str] = &["in", "at", "during", "for"];

/// The first token of a short prepositional adjunct ending at token `p` (`at the time`, `in
/// particular`), when a subject or an auxiliary stands before it.
fn adjunct_start(view: &View<'_>, p: usize, floor: usize) -> Option<usize> {
    if !view.is_wordlike(p) || view.is_capitalized(p) || view.mention_at(p).is_some() {
        return None;
    }
    let lo = p.saturating_sub(MAX_ADJUNCT_TOKENS).max(floor + 1);
    let j = (lo..p)
        .rev()
        .find(|&j| view.is_any(j, ADJUNCT_PREPOSITIONS))?;
    // Determiners, adjectives and nouns only, ending in a noun or adjective (`in particular`).
    let words_only = view
        .tag(p)
        .is_some_and(|g| matches!(g, Pos::NN | Pos::NNS | Pos::JJ))
        && (j + 1..=p).all(|t| {
            view.is_wordlike(t)
                && !view.is_capitalized(t)
                && view.tag(t).is_some_and(|g| {
                    matches!(g, Pos::DT | Pos::JJ | Pos::NN | Pos::NNS | Pos::PRPS)
                })
        });
    let before = j - 1;
    let subject_before = view.mention_at(before).is_some()
        || lexicon::pronoun(view.word(before)).is_some()
        || (view.is_aux_or_adverb(before) && !view.is_capitalized(before));
    (words_only && subject_before).then_some(j)
}

/// The most tokens of a relative clause between its antecedent and the cue (`Republicans who
/// have praised his candidacy warned`, `Officials who asked not to be named said`).
const MAX_RELATIVE_VERB: usize = 6;

/// The antecedent of a relative clause that ends in the phrase `np` just before the cue: the
/// cue's subject is the phrase before `who` (`One of the docs who sent the letter called ...`).
fn relative_antecedent(view: &View<'_>, np: &Np, floor: usize) -> Option<Np> {
    // A person or a pronoun is the speaker where it stands (`a speech that included Trump
    // vowing ...`, `Trump, who has called ...`).
    let person =
        matches!(np.head, Head::Mention(m) if view.entities.mentions[m].label == Label::Person);
    if person || np.relative.is_some() || matches!(np.head, Head::Pronoun(_)) {
        return None;
    }
    clause_antecedent(view, np.first.checked_sub(1)?, floor)
}

/// The antecedent of a relative clause whose verbs end at token `last` (`One of the docs [who
/// sent]`, `Officials [who asked not to be named]`): the noun phrase before `who` or `that`.
fn clause_antecedent(view: &View<'_>, last: usize, floor: usize) -> Option<Np> {
    let mut j = last;
    let lo = j.saturating_sub(MAX_RELATIVE_VERB).max(floor);
    while j > lo
        && view.is_wordlike(j)
        && !view.is_capitalized(j)
        && view
            .tag(j)
            .is_some_and(|t| t.is_verb() || matches!(t, Pos::RB | Pos::IN | Pos::TO | Pos::MD))
        && !view.is_any(j, &["who", "that", "which"])
    {
        j -= 1;
    }
    let has_verb = (j + 1..=last).any(|t| view.tag(t).is_some_and(Pos::is_verb));
    if j <= floor || !has_verb || !view.is_any(j, &["who", "that"]) {
        return None;
    }
    let outer = np_ending_at(view, j - 1, floor)?;
    let noun_head = match outer.head {
        Head::Mention(m) => !view.entities.mentions[m].label.is_numeric(),
        Head::Words => view.tag(outer.last).is_some_and(Pos::is_noun),
        Head::Pronoun(_) => false,
    };
    noun_head.then_some(outer)
}

/// `Hugh Hill, a doctor, said`, `Peskov, who ..., said`, `Hill, 45, said`: the phrase before the
/// earlier comma. `comma` is the comma just before the cue.
fn appositive_subject(view: &View<'_>, comma: usize, floor: usize) -> Option<Np> {
    let lo = comma.saturating_sub(MAX_ASIDE_TOKENS).max(floor);
    let earlier = (lo..comma)
        .rev()
        .find(|&j| view.is_punct(j, ",") && view.quote_at(j).is_none())?;
    if earlier <= floor || comma - earlier < 2 {
        return None;
    }
    // The aside must look like one: a determiner, a number, `who`, or a capitalised title.
    let first = earlier + 1;
    let aside_ok = lexicon::is_determiner(view.word(first))
        || view.is_any(first, &["who", "which", "whose", "herself", "himself"])
        || matches!(
            view.kind(first),
            Some(newsclaims_tokenize::TokenKind::Number)
        )
        || view.is_capitalized(first)
        // `wearing a T-shirt ...`, `clad in red`: a participle phrase, after a subordinator
        // too (`while insisting he respects women`, `despite admitting that ...`).
        || matches!(view.tag(first), Some(Pos::VBG | Pos::VBN))
        // `nominated to the court by Ford`, whatever tag the past form gets.
        || view.word(first).ends_with("ed") && !view.is_capitalized(first)
        || view.is_any(first, &["while", "despite", "after", "before", "since", "when"])
            && view.tag(first + 1) == Some(Pos::VBG)
        // `director of research at X`: a role with no finite verb.
        || (first..comma).all(|j| !view.is_finite(j));
    if !aside_ok || (first..comma).any(|j| view.is_terminator(j) || view.is_quote_mark(j)) {
        return None;
    }
    let np = np_ending_at(view, before_parenthesis(view, earlier - 1, floor), floor)?;
    if let Some(person) = person_before_asides(view, &np, floor) {
        return Some(person);
    }
    // A description named by its appositive: `McConnell's Democratic counterpart, Chuck
    // Schumer, said` is Schumer's.
    if np.head == Head::Words
        && let Some(name) = np_ending_at(view, comma - 1, earlier)
        && name.first == first
        && matches!(name.head, Head::Mention(m) if view.entities.mentions[m].label == Label::Person)
    {
        return Some(name);
    }
    // An appositive hangs off a name or a pronoun, not off a clause.
    matches!(np.head, Head::Mention(_) | Head::Pronoun(_) | Head::Words).then_some(np)
}

/// The most tokens of an aside between commas: PolNeAR's reach twenty (`Leonard E. Burman,
/// director of the centrist Urban-Brookings Tax Policy Center and a professor at ..., said`).
const MAX_ASIDE_TOKENS: usize = 28;

/// The token before a parenthesis that ends at token `p` (`Rep. Jim Jordan (R-Ohio)`), else `p`.
fn before_parenthesis(view: &View<'_>, p: usize, floor: usize) -> usize {
    if !view.is_punct(p, ")") {
        return p;
    }
    let lo = p.saturating_sub(8).max(floor);
    (lo..p)
        .rev()
        .find(|&j| view.is_punct(j, "("))
        .filter(|&open| open > floor)
        .map_or(p, |open| open - 1)
}

/// Whether the phrase is headed by a person's name.
fn is_person(view: &View<'_>, np: &Np) -> bool {
    matches!(np.head, Head::Mention(m) if view.entities.mentions[m].label == Label::Person)
}

/// The person named before a chain of asides that ends in the phrase `np` (`Woodrow Benford,
/// 58, who lives ..., says`; `Giovanni Maria Vian, the editor in chief of the Vatican’s
/// newspaper, L’Osservatore Romano, said`): `np` is an age, or the end of an aside that opens
/// with a determiner after the comma that follows the person.
fn person_before_asides(view: &View<'_>, np: &Np, floor: usize) -> Option<Np> {
    if is_person(view, np) || np.first <= floor + 1 {
        return None;
    }
    let age = np.first == np.last && view.label_at(np.first).is_some_and(Label::is_numeric);
    let lo = np.first.saturating_sub(MAX_ASIDE_TOKENS).max(floor);
    let comma = (lo..np.first)
        .rev()
        .find(|&j| view.is_punct(j, ",") || view.is_quote_mark(j) || view.is_terminator(j))?;
    if !view.is_punct(comma, ",") || comma <= floor {
        return None;
    }
    // The aside is what lies between that comma and `np`, or `np` itself when it opens right
    // after the comma (`Scott Pruitt, the Republican attorney general of Oklahoma, one of the
    // states suing the EPA, said`).
    let aside = if comma + 1 == np.first && !age {
        np.first..np.last + 1
    } else {
        comma + 1..np.first
    };
    // A description opens with a determiner, or with a role in lower case (`executive director
    // of the lobbying arm`).
    let role = !view.is_capitalized(aside.start)
        && matches!(view.tag(aside.start), Some(Pos::NN | Pos::JJ));
    let described = !aside.is_empty()
        && (lexicon::is_determiner(view.word(aside.start)) || role)
        && aside.clone().all(|j| !view.is_finite(j));
    if !(age && aside.is_empty() || described) {
        return None;
    }
    let person = np_ending_at(view, before_parenthesis(view, comma - 1, floor), floor)?;
    is_person(view, &person).then_some(person)
}

/// A resolved speaker seen earlier in the text, for pronoun resolution.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Earlier {
    pub(crate) cluster: usize,
    pub(crate) sentence: u32,
}

/// Whether a mention looks like a name rather than a tagger slip on a function word (`It`, `In`).
pub(crate) fn plausible_name(text: &str, span: Span) -> bool {
    let Some(first) = text
        .get(span.start()..span.end())
        .and_then(|t| t.split_whitespace().next())
    else {
        return false;
    };
    let first = first.trim_end_matches(['’', '\'', ',', '.']);
    lexicon::pronoun(first).is_none()
        && !lexicon::is_determiner(first)
        && !(lexicon::is_np_boundary(first) && text[span].split_whitespace().count() == 1)
}

#[cfg(test)]
mod tests;
