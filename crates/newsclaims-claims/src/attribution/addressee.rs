//! The addressee after a cue of telling (`told police she heard shots`, `told CNN's Jake Tapper
//! ...`, `told his advisers to figure out ...`): what the content skips before it starts.

use std::ops::ControlFlow;

use newsclaims_entities::Label;
use newsclaims_syntax::Pos;

use super::content::{Forward, forward_to_end};
use crate::lexicon;
use crate::view::View;

/// After a cue of telling, skips the addressee; breaks with the whole content when the
/// addressee is followed by an infinitive or by the cue's particle.
pub(super) fn after_addressee(
    view: &View<'_>,
    from: usize,
    end: usize,
    cue: Option<(usize, &'static str)>,
) -> ControlFlow<Option<Forward>, usize> {
    let f = skip_addressee(view, from, end);
    // `told his advisers to figure out ...`: the infinitive is the content; after `ask` and
    // `urge` the addressee is part of it (`urged [his colleagues to remember ...]`), as
    // PolNeAR train has it 73 times in 97.
    if f > from && view.is(f, "to") {
        let with_addressee = cue.is_some_and(|(_, lemma)| matches!(lemma, "ask" | "urge"));
        return ControlFlow::Break(forward_to_end(
            view,
            if with_addressee { from } else { f },
            end,
        ));
    }
    // `asked Clinton about her email scandal`: the particle after the addressee opens the
    // content.
    if f > from && cue.is_some_and(|(_, lemma)| lexicon::is_particle(lemma, view.word(f))) {
        return ControlFlow::Break(forward_to_end(view, f + 1, end));
    }
    ControlFlow::Continue(f)
}

/// Skips the addressee after `tell`/`ask`/`urge`: up to a close `that`, or one short phrase.
pub(super) fn skip_addressee(view: &View<'_>, f: usize, end: usize) -> usize {
    // A `that` within a few words ends the addressee, a programme's quoted title too (`told
    // MSNBC's “Morning Joe” that ...`).
    if let Some(t) = (f..end.min(f + 9))
        .take_while(|&k| view.is_wordlike(k) || view.is_quote_mark(k))
        .filter(|&k| view.is_wordlike(k))
        .take(7)
        .find(|&k| view.is(k, "that") && view.quote_at(k).is_none())
    {
        return t;
    }
    if view.quote_at(f).is_some() || !view.is_wordlike(f) {
        return f;
    }
    if lexicon::is_addressee(view.word(f)) {
        return f + 1;
    }
    if view.mention_at(f).is_some() {
        return after_name_chain(view, f, end);
    }
    // The clause after the addressee opens with its subject: a pronoun, a determiner's phrase
    // or a name (`told the court [the plan had failed]`, `told police [she heard shots]`).
    let subject_word = |k: usize| {
        k < end
            && (view.is_any(k, &["he", "she", "they", "it", "we", "i"])
                || lexicon::is_determiner(view.word(k)))
    };
    let opens_clause = |k: usize| subject_word(k) || k < end && view.is_capitalized(k);
    if lexicon::is_determiner(view.word(f)) {
        let mut k = f + 1;
        while k < end
            && k < f + 5
            && view.is_wordlike(k)
            && !lexicon::is_np_boundary(view.word(k))
            && !lexicon::is_preposition(view.word(k))
            && !(k > f + 1 && subject_word(k) && !view.is_capitalized(k))
        {
            k += 1;
        }
        return k;
    }
    // A bare plural or mass noun with its modifiers (`police`, `state investigators`), when a
    // clause follows.
    let noun = |k: usize| {
        view.is_wordlike(k)
            && !view.is_capitalized(k)
            && !lexicon::is_np_boundary(view.word(k))
            && view
                .tag(k)
                .is_some_and(|t| matches!(t, Pos::NN | Pos::NNS | Pos::JJ))
    };
    let mut k = f;
    while k < end && k < f + 3 && noun(k) {
        k += 1;
    }
    if k > f && view.tag(k - 1).is_some_and(Pos::is_noun) {
        // A title before the addressee's name (`told radio host Hugh Hewitt ...`).
        if view.mention_at(k).is_some() {
            return view.mention_end(k, end);
        }
        if opens_clause(k) {
            return k;
        }
    }
    f
}

/// The token after the name at `f` and what extends it as one addressee: a possessive with the
/// name it qualifies (`NBC's Lester Holt`), a title with its holder's name (`Breitbart News Daily
/// host Alex Marlow`).
fn after_name_chain(view: &View<'_>, f: usize, end: usize) -> usize {
    // A title is one lower-case word before a person's name; the tagger reads `host` as a verb
    // there as often as not, so only a plural, a pronoun or a function word is refused.
    let title = |k: usize| {
        let w = view.word(k);
        view.is_wordlike(k)
            && !view.is_capitalized(k)
            && view.tag(k) != Some(Pos::NNS)
            && !(lexicon::is_np_boundary(w)
                || lexicon::is_determiner(w)
                || lexicon::is_preposition(w)
                || lexicon::pronoun(w).is_some())
    };
    let mut k = view.mention_end(f, end);
    loop {
        let possessive = k < end && view.is_possessive(k);
        let mut next = k + usize::from(possessive);
        let named = next;
        while next < end && next < named + 2 && title(next) {
            next += 1;
        }
        let titled = next > named;
        let extends = next < end
            && match view.label_at(next) {
                Some(Label::Person) => possessive || titled,
                Some(_) => possessive && !titled,
                None => false,
            };
        if !extends {
            return k;
        }
        k = view.mention_end(next, end);
    }
}
