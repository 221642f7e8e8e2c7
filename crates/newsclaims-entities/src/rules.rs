//! OntoNotes label rules applied to the tagger's names: one table ([`RULES`], in `rules/table.rs`)
//! says, for each rule, which label it gives and why, with an example that a test runs through
//! [`crate::recognize`].
//!
//! The tagger learnt CoNLL-2003's four types from 1996 Reuters copy; OntoNotes (what spaCy and
//! our gold use) splits and re-draws some of them. These rules work on whole names, after the
//! tagger and the gazetteer of known names ([`crate::gazetteer`]), in the order of the table.
//! They never read the gold articles: each is stated for a class of names.
//!
//! Invariants: names stay sorted and non-overlapping. A name lies on token boundaries, except
//! the party letter and state of `D-N.Y.` and the first part of `Democratic-led`, which the
//! tokenizer keeps as one word.

use newsclaims_text::Span;

mod endings;
mod patterns;
mod table;
mod words;

pub use table::{RULES, Rule};
use words::{
    CHAMBERS, EVENT_HEADS, FAC_HEADS, FAC_LAST, HYPHEN_TAILS, INNER, LAW_LAST, LOC_FIRST,
    NUMBERED_HEADS, ORG_HEADS, ORG_SUFFIXES, OUTLET_NEXT, PARTY_MEMBERS, PERSON_TITLES,
    STATE_TITLES, WEEKDAYS, WORK_CUES, WORK_HEADS, WORK_TITLE_HEADS,
};

use crate::lexicon::{self, Lexicon};
use crate::{Label, calendar};

/// A name as a token range `a..b` of the document with a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Name {
    pub(crate) a: usize,
    pub(crate) b: usize,
    pub(crate) label: Label,
}

/// The words of a document with what the rules ask of them.
pub(crate) struct Doc<'a> {
    pub(crate) text: &'a str,
    pub(crate) lex: &'a Lexicon,
    pub(crate) words: &'a [&'a str],
    pub(crate) spans: &'a [Span],
}

impl Doc<'_> {
    fn word(&self, k: usize) -> &str {
        self.words.get(k).copied().unwrap_or("")
    }

    pub(crate) fn is(&self, k: usize, options: &[&str]) -> bool {
        let w = self.word(k);
        options.iter().any(|o| o.eq_ignore_ascii_case(w))
    }

    pub(crate) fn is_possessive(&self, k: usize) -> bool {
        self.is(k, &["’s", "'s", "’", "'"])
    }
}

/// Whether `w` starts with a capital or a digit, as a name may.
pub(crate) fn capitalised(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Runs the rules over `names` (sorted, not overlapping), in the order of [`RULES`]; the first
/// (known names) runs in `gazetteer`. Returns the mentions, sorted.
pub(crate) fn refine(doc: &Doc, names: &mut Vec<Name>) {
    endings::apply(doc, names);
    endings::drop_titles(doc, names);
    join_inner(doc, names);
    for n in names.iter_mut() {
        ordinal_prefix(doc, n);
        cut_titles(doc, n);
        relabel(doc, n);
    }
    split_chamber(doc, names);
    split_repeated(doc, names);
    names.retain(|n| n.a < n.b);
    patterns::apply(doc, names);
    quoted_titles(doc, names);
    names.sort_by_key(|n| n.a);
}

/// `9th Circuit`, `101st Airborne Division`: an ordinal before a court's, a unit's or an
/// amendment's name is part of it.
fn ordinal_prefix(doc: &Doc, n: &mut Name) {
    let Some(before) = n.a.checked_sub(1) else {
        return;
    };
    let w = doc.word(before);
    let ordinal = w.len() > 2
        && w.as_bytes()[0].is_ascii_digit()
        && ["st", "nd", "rd", "th"].iter().any(|s| w.ends_with(s));
    if ordinal && doc.is(n.b - 1, NUMBERED_HEADS) {
        n.a = before;
    }
}

/// `Bureau` + `of Labor Statistics`: joins a name ending in an organisation's head word with the
/// capitalised run after `of`/`for`/`on`/`to`, absorbing the names inside it.
fn join_inner(doc: &Doc, names: &mut Vec<Name>) {
    let mut k = 0;
    while k < names.len() {
        let mut n = names[k];
        // The tagger sometimes takes in the `of` (`Office of | the Director ...`).
        if n.b - n.a > 1 && doc.is(n.b - 1, &["of", "for", "on"]) {
            n.b -= 1;
            names[k].b = n.b;
        }
        // `Mueller Report`: a name followed by a capitalised work head outside any name is the
        // work's title (the tagger leaves the head out, and calls the rest a person, a place or,
        // after `X Commission`, an organisation); a name the tagger ends with the head is one
        // too, unless an organisation's (an outlet).
        let head_after = doc.is(n.b, WORK_TITLE_HEADS)
            && capitalised(doc.word(n.b))
            && names.get(k + 1).is_none_or(|m| m.a > n.b);
        let head_last = n.b - n.a > 1
            && doc.is(n.b - 1, WORK_TITLE_HEADS)
            && !matches!(n.label, Label::Org | Label::WorkOfArt);
        if head_after || head_last {
            names[k] = Name {
                b: n.b + usize::from(head_after),
                label: Label::WorkOfArt,
                ..n
            };
            k += 1;
            continue;
        }
        // A person's name takes nothing in.
        if n.label == Label::Person {
            k += 1;
            continue;
        }
        // The head: the last word, or the word before an inner `of` the tagger took in
        // (`International Summit of Communities` + `and Regions`).
        let inner_of = (n.a + 1..n.b - 1).find(|&j| doc.is(j, &["of", "for", "on"]));
        let last = doc.word(inner_of.map_or(n.b, |j| j) - 1);
        // Lower-cased on the stack when ASCII (as `to_lowercase` would): asked of every name.
        let mut buf = [0u8; 32];
        let owned: String;
        let head = match last
            .is_ascii()
            .then(|| newsclaims_text::fold::lower_ascii(last, &mut buf))
            .flatten()
        {
            Some(head) => head,
            None => {
                owned = last.to_lowercase();
                owned.as_str()
            }
        };
        let is_head = ORG_HEADS.contains(&head)
            || FAC_HEADS.contains(&head)
            || EVENT_HEADS.contains(&head)
            || WORK_HEADS.contains(&head);
        if !is_head {
            k += 1;
            continue;
        }
        let end = match inner_of {
            None => capitalised_run(doc, n.b, head),
            Some(_) if doc.is(n.b, &["and"]) && EVENT_HEADS.contains(&head) => and_run(doc, n.b),
            Some(_) => n.b,
        };
        if end <= n.b {
            k += 1;
            continue;
        }
        let label = if FAC_HEADS.contains(&head) {
            Label::Fac
        } else if EVENT_HEADS.contains(&head) {
            Label::Event
        } else if WORK_HEADS.contains(&head) {
            Label::WorkOfArt
        } else {
            Label::Org
        };
        names[k] = Name {
            a: n.a,
            b: end,
            label,
        };
        // The names now inside the joined one go.
        let mut j = k + 1;
        while j < names.len() && names[j].a < end {
            if names[j].b > end {
                names[k].b = names[j].b;
            }
            names.remove(j);
            j = k + 1;
        }
        k += 1;
    }
}

/// The end of `and Capitalised+` at token `k`, or `k`.
fn and_run(doc: &Doc, k: usize) -> usize {
    let mut j = k + 1;
    while j < doc.words.len()
        && capitalised(doc.word(j))
        && !is_punct(doc.word(j))
        && !is_calendar_word(doc.word(j))
    {
        j += 1;
    }
    if j > k + 1 { j } else { k }
}

/// The end of `of [the] Capitalised (inner Capitalised)*` starting at token `k`, or `k`.
fn capitalised_run(doc: &Doc, k: usize, head: &str) -> usize {
    // `on` and `to` take a complement only after a body that meets on a subject
    // (`Committee on Foreign Relations`, `Committee to Protect Journalists`); elsewhere they
    // start a date or a place (`Centre on Friday`, `West Bank to Jerusalem`).
    const ON_HEADS: &[&str] = &[
        "committee",
        "subcommittee",
        "commission",
        "council",
        "conference",
        "coalition",
        "center",
        "centers",
    ];
    let linked = doc.is(k, &["of", "for"]) || doc.is(k, &["on", "to"]) && ON_HEADS.contains(&head);
    if !linked {
        return k;
    }
    let mut j = k + 1;
    if doc.is(j, &["the"]) {
        j += 1;
    }
    let mut end = k;
    while j < doc.words.len() {
        let w = doc.word(j);
        if capitalised(w) && !is_punct(w) && !is_calendar_word(w) {
            j += 1;
            end = j;
        } else if INNER.iter().any(|i| i.eq_ignore_ascii_case(w))
            && (capitalised(doc.word(j + 1))
                || doc.is(j + 1, &["the"]) && capitalised(doc.word(j + 2)) && !doc.is(j, &["and"]))
        {
            // `and` joins two parts of one name only before a capitalised word that is not a
            // new sentence's start; `Labor and Pensions`, not `Labor and Obama said`.
            j += 1;
        } else if w == "," && doc.is(j + 1, &["and"]) && capitalised(doc.word(j + 2)) {
            j += 2;
        } else {
            break;
        }
    }
    end
}

/// Day and month names, which start a date after a name, not a part of it (not `May`, which
/// is as often a name).
fn is_calendar_word(w: &str) -> bool {
    calendar::is_weekday(w) || (calendar::is_month(w) && !w.eq_ignore_ascii_case("may"))
}

fn is_punct(w: &str) -> bool {
    !w.chars().any(char::is_alphanumeric)
}

/// `National Security Adviser Michael Flynn` → `Michael Flynn`: a person's name starts after
/// its last title word.
fn cut_titles(doc: &Doc, n: &mut Name) {
    if n.label != Label::Person || n.b - n.a < 2 {
        return;
    }
    if let Some(k) = (n.a..n.b - 1).rev().find(|&k| doc.is(k, PERSON_TITLES)) {
        n.a = k + 1;
    }
}

fn relabel(doc: &Doc, n: &mut Name) {
    if n.a >= n.b {
        return;
    }
    let first = doc.word(n.a);
    let last = doc.word(n.b - 1);
    let single = n.b - n.a == 1;
    if n.b - n.a > 2 && doc.is(n.a, LOC_FIRST) && doc.is(n.a + 1, &["of"]) {
        n.label = Label::Loc;
    } else if n.label != Label::Person && administration_of_person(doc, n) {
        if n.b - n.a > 1 {
            n.b -= 1;
        }
        n.label = Label::Person;
    } else if LAW_LAST.iter().any(|l| l.eq_ignore_ascii_case(last))
        && (n.b - n.a > 1 || last.eq_ignore_ascii_case("constitution"))
        && capitalised(last)
        || (n.a..n.b).any(|k| doc.is(k, &["v.", "vs."])) && n.b - n.a > 2
    {
        n.label = Label::Law;
    } else if single && PARTY_MEMBERS.iter().any(|p| p.eq_ignore_ascii_case(first)) {
        n.label = Label::Norp;
    } else if single && n.label == Label::Norp && doc.text[..doc.spans[n.a].start()].ends_with('@')
    {
        n.label = if handle_of_person(doc, first) {
            Label::Person
        } else {
            Label::Org
        };
    } else if single
        && n.label == Label::Org
        && doc.lex.categories([first]) & (1 << lexicon::STATE | 1 << lexicon::COUNTRY) != 0
        && (doc.is(n.b, STATE_TITLES) || doc.is(n.a.wrapping_sub(1), &["for", "from"]))
    {
        // `Alabama Sen. Richard Shelby`, `senator for Alabama`: the state, not a team.
        n.label = Label::Gpe;
    } else if single && doc.is(n.a, ORG_SUFFIXES) {
        // `LLC` alone (after a comma in a copyright line) names nothing new.
        n.b = n.a;
    } else if single && first == "GOP" {
        n.label = Label::Org;
    } else if single
        && n.label == Label::Norp
        && WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(first))
    {
        n.b = n.a;
    } else if n.b - n.a > 1
        && FAC_LAST.iter().any(|f| f.eq_ignore_ascii_case(last))
        && matches!(n.label, Label::Gpe | Label::Loc | Label::Org)
        && !ORG_HEADS.contains(&doc.word(n.a).to_lowercase().as_str())
        && (last != "Center" || doc.is(n.a, &["world"]))
        && (last != "Office" || doc.is(n.a, &["oval"]))
        || first == "Fort" && n.b - n.a > 1 && n.label == Label::Gpe && doc.is(n.b, &[","])
    {
        n.label = Label::Fac;
    } else if (doc.is(n.b, OUTLET_NEXT)
        || doc.is(n.b, &["’s", "'s"]) && doc.is(n.b + 1, OUTLET_NEXT))
        // `a British newspaper`: a nationality says whose outlet, it names none.
        && !(single && doc.lex.categories([first]) & 1 << lexicon::DEMONYM != 0)
    {
        n.label = Label::Org;
    }
}

/// `@realDonaldTrump`, `@DrRobDavidson`: a handle whose camel-case parts hold a first name.
fn handle_of_person(doc: &Doc, handle: &str) -> bool {
    let mut start = 0;
    let parts = handle
        .char_indices()
        .skip(1)
        .filter(|(_, c)| c.is_uppercase())
        .map(|(i, _)| i)
        .chain([handle.len()]);
    for end in parts {
        let part = &handle[start..end];
        if part.len() > 2 && doc.lex.categories([part]) & (1 << lexicon::FIRST_NAME) != 0 {
            return true;
        }
        start = end;
    }
    false
}

/// `the Bush administration`, `the Obama Administration`: the person is PERSON (OntoNotes),
/// and `administration` is not part of the name. The word before must be a family name: one
/// that is capitalised and not an organisation's head (`Small Business Administration` stays).
fn administration_of_person(doc: &Doc, n: &Name) -> bool {
    let (last, after) = (doc.word(n.b - 1), doc.word(n.b));
    let single = n.b - n.a == 1;
    let named = if single {
        after == "administration" || after == "Administration"
    } else {
        n.b - n.a == 2 && last == "Administration"
    };
    let person = doc.word(n.a);
    // The capitalised form (`Obama Administration`) is also an agency's (`Veterans
    // Administration`): there the person must appear elsewhere in the text.
    named
        && capitalised(person)
        && !ORG_HEADS.contains(&person.to_lowercase().as_str())
        && person.chars().skip(1).all(char::is_lowercase)
        && (single
            || doc
                .words
                .iter()
                .enumerate()
                .any(|(k, w)| *w == person && k != n.a))
}

/// `Facebook Facebook` (a caption run into a headline): a name that is one name twice is two.
fn split_repeated(doc: &Doc, names: &mut Vec<Name>) {
    let mut k = 0;
    while k < names.len() {
        let n = names[k];
        let len = n.b - n.a;
        if len >= 2
            && len.is_multiple_of(2)
            && (0..len / 2).all(|i| doc.word(n.a + i) == doc.word(n.a + len / 2 + i))
        {
            let mid = n.a + len / 2;
            names[k].b = mid;
            names.insert(
                k + 1,
                Name {
                    a: mid,
                    b: n.b,
                    label: n.label,
                },
            );
            k += 1;
        }
        k += 1;
    }
}

/// `House Democrats` → `House` ORG + `Democrats` NORP.
fn split_chamber(doc: &Doc, names: &mut Vec<Name>) {
    let mut k = 0;
    while k < names.len() {
        let n = names[k];
        if n.b - n.a == 2
            && doc.is(n.a, CHAMBERS)
            && PARTY_MEMBERS
                .iter()
                .any(|p| p.eq_ignore_ascii_case(doc.word(n.a + 1)))
        {
            names[k] = Name {
                a: n.a,
                b: n.a + 1,
                label: Label::Org,
            };
            names.insert(
                k + 1,
                Name {
                    a: n.a + 1,
                    b: n.b,
                    label: Label::Norp,
                },
            );
            k += 1;
        }
        k += 1;
    }
}

fn is_open_quote(w: &str) -> bool {
    matches!(w, "“" | "\"" | "‘")
}

fn is_close_quote(w: &str) -> bool {
    matches!(w, "”" | "\"" | "’")
}

/// A quoted run of capitalised words (function words allowed inside), two or more words or
/// after a work cue, becomes one WORK_OF_ART, replacing the names inside it.
fn quoted_titles(doc: &Doc, names: &mut Vec<Name>) {
    const MAX_WORDS: usize = 10;
    let mut k = 0;
    while k < doc.words.len() {
        if !is_open_quote(doc.word(k)) {
            k += 1;
            continue;
        }
        let a = k + 1;
        let mut b = a;
        let mut words = 0;
        while b < doc.words.len() && b - a <= MAX_WORDS {
            let w = doc.word(b);
            if capitalised(w) && !is_punct(w) || w.contains('.') && capitalised(w) {
                words += 1;
            } else if !(INNER.iter().any(|i| i.eq_ignore_ascii_case(w)) || w == "-" || w == ":") {
                break;
            }
            b += 1;
        }
        // An American comma inside the marks: `“Title,”`.
        let close = if doc.is(b, &[","]) { b + 1 } else { b };
        let cue = a >= 2 && doc.is(a - 2, WORK_CUES)
            || doc.is(a.wrapping_sub(3), WORK_CUES) && doc.is(a - 2, &["the", "a"]);
        let ends_on_word = b > a && capitalised(doc.word(b - 1));
        let title = is_close_quote(doc.word(close))
            && ends_on_word
            && (words >= 2 && !all_names(names, a, b) || cue && words >= 1);
        if title {
            names.retain(|n| n.b <= a || n.a >= b);
            let at = names.partition_point(|n| n.a < a);
            names.insert(
                at,
                Name {
                    a,
                    b,
                    label: Label::WorkOfArt,
                },
            );
            k = close + 1;
        } else {
            k += 1;
        }
    }
}

/// Whether `a..b` is exactly one person's or place's name (`“Donald Trump”` is a name in quotes).
fn all_names(names: &[Name], a: usize, b: usize) -> bool {
    names
        .iter()
        .any(|n| n.a == a && n.b == b && matches!(n.label, Label::Person | Label::Gpe | Label::Org))
}

/// Splits a token that holds two names or a name and a word: `D-N.Y.` → `D` NORP + `N.Y.` GPE;
/// `Democratic-led` → `Democratic` NORP; and a bare party letter `(D)` is NORP. Returns the new
/// mentions with the token each replaces.
pub(crate) fn split_tokens(
    doc: &Doc,
    is_demonym: impl Fn(&str) -> bool,
) -> Vec<(usize, Span, Label)> {
    let mut out = Vec::new();
    for (k, w) in doc.words.iter().enumerate() {
        let span = doc.spans[k];
        if matches!(*w, "D" | "R" | "I")
            && doc.is(k.wrapping_sub(1), &["("])
            && doc.is(k + 1, &[")"])
        {
            out.push((k, span, Label::Norp));
            continue;
        }
        // A byte test first: nearly no word holds a hyphen.
        // A loop, not `contains` (a `memchr` call per word): words are a few bytes long.
        if !w.bytes().any(|b| b == b'-') {
            continue;
        }
        let Some((left, right)) = w.split_once('-') else {
            continue;
        };
        let left_span = Span::new(span.start(), span.start() + left.len());
        let right_span = Span::new(span.start() + left.len() + 1, span.end());
        if matches!(left, "ex" | "then" | "former")
            && right.len() > 1
            && right.chars().all(|c| c.is_ascii_uppercase())
        {
            out.push((k, right_span, Label::Org));
        } else if matches!(left, "D" | "R" | "I") && is_state_abbreviation(right) {
            out.push((k, left_span, Label::Norp));
            out.push((k, right_span, Label::Gpe));
        } else if HYPHEN_TAILS.contains(&right)
            && capitalised(left)
            && (PARTY_MEMBERS.iter().any(|p| p.eq_ignore_ascii_case(left)) || is_demonym(left))
        {
            out.push((k, left_span, Label::Norp));
        }
    }
    out
}

/// `N.Y.`, `Ky.`, `NJ`, `Texas`: what follows a party letter.
fn is_state_abbreviation(s: &str) -> bool {
    let s = s.trim_end_matches(['.', ',']);
    !s.is_empty()
        && s.len() <= 14
        && s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && s.chars()
            .all(|c| c.is_ascii_alphabetic() || c == '.' || c == ' ')
}
