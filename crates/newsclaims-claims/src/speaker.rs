//! Finds the noun phrase that names a cue's speaker and resolves it to a canonical name.
//!
//! The subject is the nearest noun phrase left of the cue (auxiliaries, adverbs, dates and
//! appositives skipped), or the one right after it in an inversion (`said Stoltenberg`). It
//! resolves to its entity cluster's fullest name: a mention through its cluster, a pronoun to the
//! most likely earlier entity (gender, recency, subject position, earlier speakers), a definite
//! description (`the spokesperson`) to the cluster whose descriptor names it, and anything else to
//! the phrase itself without its determiner.

mod inversion;
mod phrase;
mod resolve;

use newsclaims_entities::Label;
use newsclaims_syntax::Pos;
use newsclaims_text::Span;

use crate::lexicon::{self, Pronoun};
use crate::view::View;

pub(crate) use inversion::subject_right;
pub(crate) use phrase::np_ending_at;
pub(crate) use resolve::resolve;

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
                || (lexicon::is_aux_or_adverb(w) && !view.is_capitalized(p))
                || (view.is_any(p, &["on", "last", "this"]) && k < cue))
        {
            k = p;
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
    np_ending_at(view, p, floor)
}

/// `Hugh Hill, a doctor, said`, `Peskov, who ..., said`, `Hill, 45, said`: the phrase before the
/// earlier comma. `comma` is the comma just before the cue.
fn appositive_subject(view: &View<'_>, comma: usize, floor: usize) -> Option<Np> {
    let lo = comma.saturating_sub(16).max(floor);
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
        // `wearing a T-shirt ...`, `clad in red`: a participle phrase.
        || matches!(view.tag(first), Some(Pos::VBG | Pos::VBN))
        // `director of research at X`: a role with no finite verb.
        || (first..comma).all(|j| !matches!(view.tag(j), Some(Pos::VBD | Pos::VBZ | Pos::VBP | Pos::MD)));
    if !aside_ok || (first..comma).any(|j| view.is_terminator(j) || view.is_quote_mark(j)) {
        return None;
    }
    let np = np_ending_at(view, earlier - 1, floor)?;
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
mod tests {
    /// The speaker name of the first attributed claim of `text`.
    fn check(text: &str, expect: &str) {
        let tokens = newsclaims_tokenize::tokenize(text);
        let entities = newsclaims_entities::recognize(text, &tokens);
        let claims = crate::extract(text, &tokens, &entities);
        let got = claims
            .iter()
            .find(|c| c.kind != crate::ClaimKind::Statement)
            .and_then(|c| c.speaker)
            .map_or("-", |s| &text[s.name]);
        assert_eq!(got, expect, "in {text:?}");
    }

    #[test]
    fn a_name_inside_the_phrase_is_not_its_head() {
        check(
            "Maria Lopez of the Greenfield Foundation said the grant was approved.",
            "Maria Lopez",
        );
        check(
            "The senior commander in Afghanistan told Congress the mission would end soon.",
            "senior commander",
        );
    }

    #[test]
    fn a_description_named_by_its_appositive() {
        check(
            "The agency's deputy director, Karen Holt, said the plan was sound.",
            "Karen Holt",
        );
        // A stray comma after the cue.
        check(
            "\"We will win this,\" argued, Maria Lopez, the party's chair.",
            "Maria Lopez",
        );
    }

    #[test]
    fn a_title_with_a_rank_is_another_office() {
        check(
            "Vice President Anna Berg met President Carl Dunn on Monday.\n\n\
             The talks went well, the president said.",
            "Carl Dunn",
        );
    }

    #[test]
    fn the_body_a_bare_description_names() {
        check(
            "Students at Lakeside University protested on Monday.\n\n\
             The university said the fees would not rise.",
            "Lakeside University",
        );
        // A modifier may name another body: the phrase stays.
        check(
            "Students at Lakeside University protested on Monday.\n\n\
             The state university said the fees would not rise.",
            "state university",
        );
    }

    #[test]
    fn the_people_of_a_body_are_not_the_body() {
        check(
            "The merger will be delayed, according to NATO officials.",
            "NATO officials",
        );
    }
}
