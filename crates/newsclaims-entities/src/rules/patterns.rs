//! Label rules that find names by a pattern of words around them rather than by the tagger's
//! type: named events (`War on Poverty`, a place before `massacre`, `Super Tuesday`), vessels
//! (`the tanker Stena Impero`, `the Grace 1`) and citations of the US Code (`26 USC §5845(b)`). Each is a row
//! of the rule table (`rules::RULES`).

use super::{Doc, Name, capitalised, is_calendar_word, is_punct};
use crate::Label;

/// Lower-case nouns after a place's name that make the two one named event (`the Bowling Green
/// massacre`, `the Oklahoma City bombing`).
/// Not `shooting` or `attacks`: `the Florida shooting` is read as a place and a common noun.
const EVENT_NOUNS: &[&str] = &[
    "massacre",
    "massacres",
    "bombing",
    "bombings",
    "riot",
    "riots",
    "uprising",
];

/// Words before a weekday that name a day of the calendar (`Super Tuesday`, `Black Friday`).
const DAY_PREFIXES: &[&str] = &["super", "black", "cyber", "giving", "ash", "good", "bloody"];

/// Lower-case nouns for ships before their name (`the tanker Stena Impero`).
const VESSELS: &[&str] = &[
    "tanker",
    "vessel",
    "warship",
    "frigate",
    "destroyer",
    "cruiser",
    "submarine",
    "freighter",
    "yacht",
    "ferry",
    "cutter",
];

/// The words of the US Code and federal regulations in a citation (`26 USC`, `42 U.S.C.`).
const CODES: &[&str] = &["usc", "u.s.c.", "u.s.c", "cfr", "c.f.r."];

/// The most digits of the number after a vessel's or model's name (`Grace 1`; `the Smith 2019`
/// is a year).
const MAX_MODEL_DIGITS: usize = 3;

/// The longest name a pattern takes, in tokens.
const MAX_TOKENS: usize = 8;

/// Runs the pattern rules over `names` (sorted, not overlapping); a found name replaces the names
/// it overlaps.
pub(super) fn apply(doc: &Doc, names: &mut Vec<Name>) {
    let mut found = Vec::new();
    for k in 0..doc.words.len() {
        // `War`, a day's prefix and a title of the Code start with a capital or a digit; at any
        // other word (nearly all) only a vessel's name can start, after its noun, and only with
        // a capital outside ASCII (`Ørsted`): a word starting with another ASCII char starts
        // nothing.
        let first = doc.word(k).as_bytes().first();
        let found_here = match first {
            Some(b) if b.is_ascii_uppercase() || b.is_ascii_digit() => war_on(doc, k)
                .or_else(|| named_day(doc, k))
                .or_else(|| vessel(doc, k))
                .or_else(|| code_citation(doc, k)),
            Some(b) if !b.is_ascii() => vessel(doc, k),
            _ => None,
        };
        if let Some(name) = found_here {
            found.push(name);
        }
    }
    // A place before an event noun: the tagger's name grows to take the noun in.
    for n in names.iter_mut() {
        let place = matches!(n.label, Label::Gpe | Label::Loc | Label::Fac);
        if place && n.b < doc.words.len() && EVENT_NOUNS.contains(&doc.word(n.b)) {
            *n = Name {
                a: n.a,
                b: n.b + 1,
                label: Label::Event,
            };
        }
    }
    // `the Grace 1`, `the Adrian Darya 1`: a person's name takes neither `the` nor a number
    // after it; with both it is a vessel's or a model's name.
    for n in names.iter_mut() {
        let number = doc.word(n.b);
        if n.label == Label::Person
            && n.a > 0
            && doc.is(n.a - 1, &["the"])
            && !number.is_empty()
            && number.len() <= MAX_MODEL_DIGITS
            && number.chars().all(|c| c.is_ascii_digit())
        {
            *n = Name {
                a: n.a,
                b: n.b + 1,
                label: Label::Product,
            };
        }
    }
    let mut last_end = 0;
    for &name in &found {
        if name.a < last_end {
            continue;
        }
        last_end = name.b;
        names.retain(|n| n.b <= name.a || n.a >= name.b);
        let at = names.partition_point(|n| n.a < name.a);
        names.insert(at, name);
    }
    // The same words elsewhere in the document name the same thing: `the Stena Impero` after
    // `the tanker Stena Impero`.
    for name in found {
        let words = &doc.words[name.a..name.b];
        for n in names.iter_mut() {
            if n.b - n.a == words.len() && doc.words[n.a..n.b] == *words {
                n.label = name.label;
            }
        }
    }
}

/// The end of the run of capitalised words from token `k` (not punctuation or a day or month),
/// at most [`MAX_TOKENS`] long.
fn capitalised_end(doc: &Doc, k: usize) -> usize {
    let mut j = k;
    while j < doc.words.len() && j - k < MAX_TOKENS {
        let w = doc.word(j);
        if !capitalised(w) || is_punct(w) || is_calendar_word(w) {
            break;
        }
        j += 1;
    }
    j
}

/// `War on Poverty`, `War on Terror`: a declared campaign is a named event.
fn war_on(doc: &Doc, k: usize) -> Option<Name> {
    if doc.word(k) != "War" || !doc.is(k + 1, &["on"]) {
        return None;
    }
    let end = capitalised_end(doc, k + 2);
    (end > k + 2).then_some(Name {
        a: k,
        b: end,
        label: Label::Event,
    })
}

/// `Super Tuesday`, `Black Friday`: a named day is an event, not a date.
fn named_day(doc: &Doc, k: usize) -> Option<Name> {
    let named = capitalised(doc.word(k))
        && doc.is(k, DAY_PREFIXES)
        && capitalised(doc.word(k + 1))
        && crate::calendar::is_weekday(doc.word(k + 1));
    named.then_some(Name {
        a: k,
        b: k + 2,
        label: Label::Event,
    })
}

/// `the tanker Stena Impero`, `the Iranian tanker Grace 1`: a capitalised run after a word for a
/// ship, with its number, is the ship's name, a PRODUCT in OntoNotes.
fn vessel(doc: &Doc, k: usize) -> Option<Name> {
    // Asked at every token: the capital is tested before the word before is looked up.
    let first = doc.word(k);
    // A ship's name starts with a letter; `the ship Monday` is a date.
    if !first.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // `the British-flagged Stena Impero`: a flag is a ship's.
    let before = doc.word(k.wrapping_sub(1));
    // A carrier alone may be an airline's: only an aircraft carrier is a ship.
    let carrier =
        matches!(before, "carrier" | "carriers") && doc.is(k.wrapping_sub(2), &["aircraft"]);
    if k == 0 || !(VESSELS.contains(&before) || before.ends_with("-flagged") || carrier) {
        return None;
    }
    let mut end = capitalised_end(doc, k);
    if end == k {
        return None;
    }
    if doc.word(end).chars().all(|c| c.is_ascii_digit()) && !doc.word(end).is_empty() {
        end += 1;
    }
    Some(Name {
        a: k,
        b: end,
        label: Label::Product,
    })
}

/// `26 USC §5845(b)`, `42 U.S.C. 1983`: a title of the US Code or of the federal regulations
/// with its section is a law.
fn code_citation(doc: &Doc, k: usize) -> Option<Name> {
    let title = doc.word(k);
    if title.is_empty() || !title.chars().all(|c| c.is_ascii_digit()) || !doc.is(k + 1, CODES) {
        return None;
    }
    // The section: `§`, `Section` or a number, then the tokens that touch it (`5845(b)`).
    let mut end = k + 2;
    if doc.is(end, &["§", "§§", "sec.", "section"]) {
        end += 1;
    }
    if !doc
        .word(end)
        .starts_with(|c: char| c.is_ascii_digit() || c == '§')
    {
        return (end > k + 2).then_some(Name {
            a: k,
            b: end,
            label: Label::Law,
        });
    }
    end += 1;
    while end < doc.words.len()
        && end - k < MAX_TOKENS
        && doc.spans[end].start() == doc.spans[end - 1].end()
        && !matches!(doc.word(end), "," | "." | ";" | ":")
    {
        end += 1;
    }
    Some(Name {
        a: k,
        b: end,
        label: Label::Law,
    })
}
