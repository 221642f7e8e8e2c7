//! A name's edges: its last word when the tagger left it out (an organisation's ending, `Press`,
//! `Group`; a person's generational suffix or regnal number, `Jr.`, `II`), and a title the tagger
//! made a name of its own before a person's (`National Security Adviser | Michael Flynn`). Runs
//! first among the rules, so the others see the whole name.

use super::words::{PARTY_MEMBERS, PERSON_TITLES};
use super::{Doc, Name, capitalised};
use crate::Label;
use crate::lexicon::{self, Cue};

/// Suffixes that end a person's name (OntoNotes keeps them in the PERSON): generations and regnal
/// numbers. Exact case: a lowercase `i` or `v` is no numeral; `X` is left out (`Malcolm X` is
/// a name of its own, and a letter after a name is more often a label than a number).
const PERSON_SUFFIXES: &[&str] = &[
    "Jr", "Jr.", "Sr", "Sr.", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "XI", "XII",
    "XIII", "XIV", "XV", "XVI",
];

/// Extends each name by the word after it when that word ends such a name and no other name
/// starts there.
pub(super) fn apply(doc: &Doc, names: &mut [Name]) {
    for k in 0..names.len() {
        let n = names[k];
        let free = names.get(k + 1).is_none_or(|m| m.a > n.b);
        if free && (org_ending(doc, n) || person_suffix(doc, n)) {
            names[k].b += 1;
        }
    }
}

/// Drops a name of two words or more that ends in a title (`adviser`, `secretary`) and touches
/// a person's name after it: titles are no entities in OntoNotes, and the tagger, which reads
/// the two as separate names, would otherwise call the title an organisation. A party word
/// (`House Republican`) is a group, not a title, and stays.
pub(super) fn drop_titles(doc: &Doc, names: &mut Vec<Name>) {
    let title_before_person = |k: usize| {
        let n = names[k];
        n.b - n.a > 1
            && n.label != Label::Person
            && doc.is(n.b - 1, PERSON_TITLES)
            && !doc.is(n.b - 1, PARTY_MEMBERS)
            && names
                .get(k + 1)
                .is_some_and(|m| m.a == n.b && m.label == Label::Person)
    };
    let drop: Vec<bool> = (0..names.len()).map(title_before_person).collect();
    let mut k = 0;
    names.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// An organisation's name followed by a capitalised organisation ending (`Press`, `Group`,
/// `Party`: the tagger's cue words) that closes the run of capitals. The tagger leaves such a
/// word out when the document also has it in lower case (`press`, `group`), which its
/// document-casing feature reads as a common noun.
fn org_ending(doc: &Doc, n: Name) -> bool {
    let w = doc.word(n.b);
    let title_case = w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().skip(1).all(char::is_lowercase);
    n.label == Label::Org
        && title_case
        && doc.lex.cue(lexicon::hash_lower(w)) == Cue::Org
        && !doc.word(n.b - 1).ends_with('.')
        && !capitalised(doc.word(n.b + 1))
}

/// `Elizabeth I`, `Martin Luther King Jr.`: a person's name followed by a generational suffix or
/// a regnal number.
fn person_suffix(doc: &Doc, n: Name) -> bool {
    n.label == Label::Person && PERSON_SUFFIXES.contains(&doc.word(n.b))
}
