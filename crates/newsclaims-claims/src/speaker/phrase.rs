//! The noun phrase that ends at a token: a pronoun, an entity mention with the title before it,
//! or a description of up to seven words (`Russia's foreign ministry`).

use newsclaims_entities::{Label, Mention};
use newsclaims_syntax::Pos;

use super::{Head, Np};
use crate::lexicon::{self, Pronoun};
use crate::view::View;

/// The noun phrase whose last token is `p`.
pub(crate) fn np_ending_at(view: &View<'_>, p: usize, floor: usize) -> Option<Np> {
    if !view.is_wordlike(p) {
        // `the company’s` is not a subject; a possessive ends in `s` after an apostrophe.
        return None;
    }
    let w = view.word(p);
    if let Some(pron) = lexicon::pronoun(w).or_else(|| Some(lexicon::pronoun_with_clitic(w)?.0)) {
        return pronoun_phrase(view, p, pron, floor);
    }
    // `victims' families, many of whom say`: the share names its antecedent as `who` would.
    if w.eq_ignore_ascii_case("whom")
        && p > floor + 2
        && view.is(p - 1, "of")
        && view.is_any(p - 2, SHARES)
    {
        return pronoun_phrase(view, p - 2, Pronoun::Relative, floor);
    }
    if let Some((m, mention)) = view.mention_at(p) {
        return mention_phrase(view, p, m, mention, floor);
    }
    // A quantifier that ends the phrase stands for its people (`..., some argue.`).
    let quantifier = view.is_any(p, &["some", "many", "most"]);
    if lexicon::is_np_boundary(w)
        || lexicon::is_determiner(w) && !view.is_capitalized(p) && !quantifier
    {
        return None;
    }
    // An adverb is no head (`publicly`), but a noun in -ly is (`the family`, `an ally`).
    if w.len() > 4 && w.ends_with("ly") && !view.tag(p).is_some_and(Pos::is_noun) {
        return None;
    }
    // A verb is no head of a subject (`denied reports that ...`), but after a determiner the
    // tagger's verb is a noun (`Some conservatives argue`).
    let determined = p > floor && lexicon::is_determiner(view.word(p - 1));
    if !view.is_capitalized(p) && view.tag(p).is_some_and(|t| t.is_verb()) && !determined {
        return None;
    }
    let first = description_start(view, p, floor);
    Some(Np {
        first,
        last: p,
        head: Head::Words,
        relative: None,
    })
}

/// Words of a share that opens a relative clause (`many of whom`, `some of which`).
const SHARES: &[&str] = &[
    "many", "some", "most", "all", "several", "one", "two", "both", "half", "none", "few",
];

/// The phrase of the pronoun `pron` at token `p`: the pronoun itself, or for a relative pronoun
/// the phrase it refers back to.
fn pronoun_phrase(view: &View<'_>, p: usize, pron: Pronoun, floor: usize) -> Option<Np> {
    if pron == Pronoun::Relative {
        // `Peskov, who ...`: the antecedent before the comma, or right before `who`.
        // After a comma or a dash (`Clinton — who has called for ...`).
        let aside = |k: usize| view.is_punct(k, ",") || view.is_long_dash(k);
        let mut q = if p > floor && aside(p - 1) {
            p.checked_sub(2)?
        } else {
            p.checked_sub(1)?
        };
        // A place adverb after the antecedent: `demonstrators here, who ...`.
        if q > floor && view.is_any(q, &["here", "there"]) {
            q -= 1;
        }
        if q < floor {
            return None;
        }
        return np_ending_at(view, q, floor)
            .filter(|np| np.head != Head::Pronoun(Pronoun::Relative))
            // `who` is a person's: `whistleblowers within the administration who ...`.
            .map(|np| match np.head {
                Head::Words if view.is(p, "who") || view.is_any(p, SHARES) => {
                    head_before_preposition(view, np.first, floor).unwrap_or(np)
                }
                _ => np,
            })
            .map(|np| Np {
                relative: Some(p),
                ..np
            });
    }
    Some(Np {
        first: p,
        last: p,
        head: Head::Pronoun(pron),
        relative: None,
    })
}

/// The phrase ending in the entity mention `m` at token `p`: a share of those polled, the name
/// with its title, or the larger phrase a place or organisation sits in.
fn mention_phrase(
    view: &View<'_>,
    p: usize,
    m: usize,
    mention: &Mention,
    floor: usize,
) -> Option<Np> {
    if matches!(mention.label, Label::Percent | Label::Cardinal) {
        // `Another 19 percent said`, `73 percent said`: a share of those polled.
        let mut first = view.token_at_or_after(mention.span.start()).min(p);
        if first > floor && view.is_any(first - 1, &["another", "only", "just", "about", "nearly"])
        {
            first -= 1;
        }
        return Some(Np {
            first,
            last: p,
            head: Head::Words,
            relative: None,
        });
    }
    if mention.label.is_numeric() {
        return None;
    }
    let mut first = view.token_at_or_after(mention.span.start()).min(p);
    // A title before the name is part of the phrase (`Kremlin spokesperson Dmitry Peskov`).
    while first > floor && first > 0 && is_title_word(view, first - 1) {
        first -= 1;
    }
    if mention.label != Label::Person
        && let Some(outer) = head_before_preposition(view, first, floor)
    {
        return Some(outer);
    }
    Some(Np {
        first,
        last: p,
        head: Head::Mention(m),
        relative: None,
    })
}

/// The first token of a description that ends at token `p`: up to seven words back, stopping at
/// a determiner (taken), a boundary word, a date or a lower-case past verb.
fn description_start(view: &View<'_>, p: usize, floor: usize) -> usize {
    let mut first = p;
    let mut taken = 1;
    while first > floor && taken < 7 {
        let q = first - 1;
        let qw = view.word(q);
        if lexicon::is_determiner(qw) {
            first = q;
            break;
        }
        // A possessive inside the phrase: `Russia ’ s foreign ministry`.
        if view.is_quote_mark(q) && view.is(first, "s") {
            first = q;
            continue;
        }
        if view.is_punct(q, "-")
            || view.is_punct(q, "&")
            || view.is_punct(q, ".") && q > 0 && view.word(q - 1).len() == 1
        {
            first = q;
            continue;
        }
        if !view.is_wordlike(q) || lexicon::is_np_boundary(qw) && !view.is_capitalized(q) {
            break;
        }
        if matches!(view.label_at(q), Some(Label::Date | Label::Time)) {
            break;
        }
        // A past verb ends the phrase (`officials found ...`), and so does any finite verb of a
        // relative clause (`who came forward`, `who lives nearby`); only lower case ones.
        let relative_verb = q > 0
            && view.is_any(q - 1, &["who", "that", "which"])
            && matches!(view.tag(q), Some(Pos::VBD | Pos::VBZ | Pos::VBP));
        if !view.is_capitalized(q) && (qw.ends_with("ed") || relative_verb) {
            break;
        }
        first = q;
        taken += 1;
    }
    // Never start a phrase with the second half of a possessive, nor with a conjunction that
    // opens the sentence (`But others vowed ...`).
    while first < p
        && (view.is_quote_mark(first)
            || view.is(first, "s") && first > 0 && view.is_quote_mark(first - 1)
            || view.is_any(first, &["but", "and", "or", "so", "yet", "still"]))
    {
        first += 1;
    }
    first
}

/// A place or organisation inside a larger phrase is not its head: in `the top commander in
/// Afghanistan` or `Chris Cox of the Y Foundation` the speaker is the phrase before the
/// preposition. `first` is the inner name's first token; the phrase before `of`, `in`, `at`,
/// `for`, `from`, `with` or `within` is returned when it is a person or a description
/// (`whistleblowers within the administration who ...`).
fn head_before_preposition(view: &View<'_>, first: usize, floor: usize) -> Option<Np> {
    let mut k = first;
    // A common noun naming what the name is: `the journal Nature`, `the newspaper Le Monde`.
    if k > floor + 1
        && !view.is_capitalized(k - 1)
        && matches!(view.tag(k - 1), Some(Pos::NN | Pos::JJ))
        && view.is(k - 2, "the")
    {
        k -= 1;
    }
    if k > floor && view.is_any(k - 1, &["the"]) {
        k -= 1;
    }
    if k < floor + 2 || !view.is_any(k - 1, &["of", "in", "at", "for", "from", "with", "within"]) {
        return None;
    }
    let outer = np_ending_at(view, before_participle(view, k - 2, floor), floor)?;
    match outer.head {
        Head::Mention(m) if view.entities.mentions[m].label == Label::Person => Some(outer),
        Head::Words
            if !view.is_capitalized(outer.last)
                && view.tag(outer.last).is_some_and(|t| t.is_noun()) =>
        {
            Some(outer)
        }
        _ => None,
    }
}

/// A word that can stand in a title before a name: capitalised, or a lower-case role noun.
fn is_title_word(view: &View<'_>, i: usize) -> bool {
    if !view.is_wordlike(i) {
        return view.is_punct(i, "-");
    }
    if matches!(view.label_at(i), Some(l) if l.is_numeric()) {
        return false;
    }
    let w = view.word(i);
    if lexicon::is_np_boundary(w) || lexicon::is_determiner(w) {
        return false;
    }
    view.is_capitalized(i) || is_role_noun(w)
}

/// Role nouns that head descriptions of people and bodies.
pub(crate) fn is_role_noun(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "secretary",
        "minister",
        "president",
        "senator",
        "sen",
        "rep",
        "representative",
        "governor",
        "gov",
        "mayor",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "chief",
        "official",
        "officials",
        "leader",
        "head",
        "commissioner",
        "adviser",
        "advisor",
        "aide",
        "attorney",
        "general",
        "judge",
        "officer",
        "ambassador",
        "envoy",
        "candidate",
        "nominee",
        "manager",
        "strategist",
        "analyst",
        "professor",
        "economist",
        "executive",
        "founder",
        "ceo",
        "chancellor",
        "premier",
        "prime",
        "vice",
        "deputy",
        "press",
        "foreign",
        "defense",
        "campaign",
        "white",
        "house",
        "state",
        "party",
        "democratic",
        "republican",
        "gop",
        "mr",
        "mrs",
        "ms",
        "dr",
    ];
    WORDS.iter().any(|d| w.eq_ignore_ascii_case(d))
}

/// The token before a participle at token `p` that hangs a prepositional phrase off a noun
/// (`A study [published] in ...`, `People [briefed] on the situation`), else `p`.
pub(super) fn before_participle(view: &View<'_>, p: usize, floor: usize) -> usize {
    if p > floor && !view.is_capitalized(p) && matches!(view.tag(p), Some(Pos::VBN | Pos::VBG)) {
        p - 1
    } else {
        p
    }
}
