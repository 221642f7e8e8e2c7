//! The words the rules look for: speech cues by how their complement is built, and the small
//! closed classes (auxiliaries, pronouns, determiners) used to find a cue's subject.
//!
//! Cue words are matched through a light lemmatizer (`said` → `say`, `adding` → `add`,
//! `emphasised` → `emphasise`), so every inflection of a listed lemma is a cue. Which lemmas are
//! listed, and how reliable each is as a cue, comes from `lexicons/cues.tsv`, derived from the
//! PolNeAR training attributions by `cargo xtask train-claims` (see the crate README).

mod words;

use std::sync::LazyLock;

use newsclaims_text::hash::FxHashMap;

pub(crate) use words::{
    BE_FORMS, Pronoun, is_addressee, is_aux_or_adverb, is_connective, is_determiner, is_ly_word,
    is_negated_verb, is_np_boundary, is_preposition, is_subordinator, is_weekday,
    opens_participle_clause, pronoun, pronoun_with_clitic,
};

/// How a cue's reported content follows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueClass {
    /// `say (that) CLAUSE`, or the inverted `CLAUSE, X said`.
    Say,
    /// `tell ADDRESSEE (that) CLAUSE`.
    Tell,
    /// `declare NP`, `call X Y`, `cite NP`: the rest of the clause is the content.
    Object,
    /// `speak about`, `talk about`: a cue only with its particle.
    Particle,
}

/// One cue lemma: its class and how often PolNeAR's annotators marked a form of it as a cue.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cue {
    pub(crate) lemma: &'static str,
    pub(crate) class: CueClass,
    /// Share of the lemma's occurrences in PolNeAR train that are attribution cues.
    pub(crate) reliability: f32,
}

/// The embedded lexicon: `lemma<TAB>class<TAB>cue count<TAB>occurrences`.
const CUES_TSV: &str = include_str!("../lexicons/cues.tsv");

static CUES: LazyLock<Vec<(&'static str, Cue)>> = LazyLock::new(|| {
    let mut out: Vec<(&'static str, Cue)> = CUES_TSV
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            let lemma = f.next()?;
            let class = match f.next()? {
                "say" => CueClass::Say,
                "tell" => CueClass::Tell,
                "object" => CueClass::Object,
                "particle" => CueClass::Particle,
                _ => return None,
            };
            let cues: f32 = f.next()?.parse().ok()?;
            let seen: f32 = f.next()?.parse().ok()?;
            let reliability = if seen > 0.0 { cues / seen } else { 0.5 };
            Some((
                lemma,
                Cue {
                    lemma,
                    class,
                    reliability,
                },
            ))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(b.0));
    out
});

/// The cue lemma `word` is a form of, if any.
pub(crate) fn cue(word: &str) -> Option<Cue> {
    let mut buf = [0u8; 32];
    let lower = lower_ascii(word, &mut buf)?;
    FORMS.get(lower).copied()
}

/// Every form the lemmatizer reads as a cue, with its cue: one lookup per word instead of a
/// dozen candidate lemmas. Built by inflecting each lemma with the inverse of every rule of
/// [`lemma_candidates`], then asking the lemmatizer itself about each form, so a form gets the
/// cue the lemmatizer gives it and no form the lemmatizer knows is missing.
static FORMS: LazyLock<FxHashMap<Box<str>, Cue>> = LazyLock::new(|| {
    let mut forms: Vec<String> = IRREGULAR.iter().map(|(f, _)| f.to_string()).collect();
    for &(lemma, _) in CUES.iter() {
        forms.push(lemma.to_owned());
        for (suffix, repl) in SUFFIXES {
            if let Some(stem) = lemma.strip_suffix(repl) {
                forms.push(format!("{stem}{suffix}"));
            }
        }
        if let Some(last) = lemma.chars().last() {
            forms.push(format!("{lemma}{last}ed"));
            forms.push(format!("{lemma}{last}ing"));
        }
    }
    forms
        .into_iter()
        .filter_map(|form| {
            let cue = lemma_candidates(&form).find_map(lookup)?;
            Some((form.into_boxed_str(), cue))
        })
        .collect()
});

/// Every form [`cue`] finds, with its cue.
pub(crate) fn forms() -> impl Iterator<Item = (&'static str, Cue)> {
    FORMS.iter().map(|(form, cue)| (&**form, *cue))
}

fn lookup(lemma: String) -> Option<Cue> {
    let k = CUES.binary_search_by(|(l, _)| (*l).cmp(&lemma)).ok()?;
    Some(CUES[k].1)
}

pub(crate) use newsclaims_text::fold::lower_ascii;

/// The lemma of an irregular form the cues use (`said` → `say`, `spoken` → `speak`).
pub(crate) fn irregular_lemma(w: &str) -> Option<&'static str> {
    IRREGULAR
        .iter()
        .find(|(form, _)| *form == w)
        .map(|(_, lemma)| *lemma)
}

const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"),
    ("says", "say"),
    ("told", "tell"),
    ("wrote", "write"),
    ("written", "write"),
    ("writes", "write"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("according", "according"),
    ("forecast", "forecast"),
    ("thought", "think"),
];

/// Inflectional endings and what replaces them in the lemma.
const SUFFIXES: &[(&str, &str)] = &[
    ("ies", "y"),
    ("ied", "y"),
    ("ying", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("d", ""),
];

/// Possible lemmas of a lower-case word, most likely first: an irregular form's lemma, the
/// word itself, then its [`regular_lemmas`].
fn lemma_candidates(w: &str) -> impl Iterator<Item = String> + '_ {
    irregular_lemma(w)
        .map(str::to_owned)
        .into_iter()
        .chain(std::iter::once(w.to_owned()))
        .chain(regular_lemmas(w))
}

/// The lemmas a lower-case word may be a regular inflection of, by its ending, most likely
/// first: `adding` → `add`, `adde`; `slammed` → `slamm`, `slamme`, `slam`; `carries` → `carry`,
/// `carri`, `carrie`. Guesses, to be looked up in a list of lemmas. `cargo xtask train-claims`
/// counts cues with them too, so the lexicon's counts and the rules read words alike.
pub(crate) fn regular_lemmas(w: &str) -> impl Iterator<Item = String> + '_ {
    let stripped = SUFFIXES
        .iter()
        .filter(move |(suffix, _)| w.len() > suffix.len() + 2 && w.ends_with(suffix))
        .map(move |(suffix, repl)| format!("{}{repl}", &w[..w.len() - suffix.len()]));
    // A doubled consonant: `slammed` → `slam`.
    let doubled = w
        .strip_suffix("ed")
        .or_else(|| w.strip_suffix("ing"))
        .filter(|s| s.len() > 2 && w.len() > 5)
        .filter(|s| {
            // ASCII letters only: cutting one byte off elsewhere could split a character.
            let b = s.as_bytes();
            b[b.len() - 1] == b[b.len() - 2] && b[b.len() - 1].is_ascii_alphabetic()
        })
        .map(|s| s[..s.len() - 1].to_owned());
    stripped.chain(doubled)
}

/// Whether `next` is a particle that belongs to the cue lemma (`called for`, `pointed to`), so
/// that the content starts after it. PolNeAR's annotators mark `called out`, `called upon`,
/// `cautioned against`, `tweeted out`, `blasted out`, `wrote back`, `remarked upon` as cues too:
/// with these, PolNeAR train exact contents 7,203 -> 7,223, content true positives +1.
pub(crate) fn is_particle(lemma: &str, next: &str) -> bool {
    const PARTICLES: &[(&str, &[&str])] = &[
        ("call", &["for", "on", "upon", "out"]),
        ("point", &["to", "out"]),
        ("ask", &["about", "for"]),
        ("speak", &["about", "of", "on", "to"]),
        ("talk", &["about", "of"]),
        ("warn", &["of", "about", "against"]),
        ("write", &["about", "of", "back"]),
        ("respond", &["to"]),
        ("reply", &["to"]),
        ("comment", &["on"]),
        ("joke", &["about"]),
        ("boast", &["of", "about"]),
        ("complain", &["about", "of"]),
        ("tweet", &["about", "out", "back"]),
        ("caution", &["against"]),
        ("argue", &["against", "for"]),
        ("remark", &["upon", "on", "about"]),
        ("blast", &["out"]),
        ("shout", &["out"]),
        ("post", &["about"]),
        ("testify", &["about", "to"]),
        ("agree", &["with"]),
    ];
    PARTICLES
        .iter()
        .find(|(l, _)| *l == lemma)
        .is_some_and(|(_, ps)| ps.iter().any(|p| next.eq_ignore_ascii_case(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_find_their_lemma() {
        for w in [
            "said",
            "says",
            "saying",
            "told",
            "adding",
            "added",
            "emphasized",
            "tweeted",
        ] {
            assert!(cue(w).is_some(), "{w}");
        }
        assert_eq!(cue("told").map(|c| c.class), Some(CueClass::Tell));
        assert!(cue("table").is_none());
        assert!(cue("").is_none());
        assert!(cue("Ünïcödé").is_none());
    }

    /// A doubled final byte that is not a letter is no doubled consonant: `ကed` (U+1000 is
    /// E1 80 80) must not be cut inside its character.
    #[test]
    fn regular_lemmas_keep_characters_whole() {
        let lemmas: Vec<String> = regular_lemmas("abc\u{1000}ed").collect();
        assert!(
            lemmas.iter().all(|l| l.starts_with("abc\u{1000}")),
            "{lemmas:?}"
        );
        assert!(regular_lemmas("slammed").any(|l| l == "slam"));
    }

    /// The form table answers as the lemmatizer does, for every word of the fixture articles
    /// and every word built from a cue lemma by adding or cutting an ending.
    #[test]
    fn form_table_agrees_with_the_lemmatizer() {
        let slow = |w: &str| {
            let mut buf = [0u8; 32];
            let lower = lower_ascii(w, &mut buf)?;
            lemma_candidates(lower).find_map(lookup)
        };
        let mut words: Vec<String> = Vec::new();
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/articles");
        for entry in std::fs::read_dir(fixtures).expect("fixtures/articles") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("fixture");
            words.extend(
                text.split(|c: char| !c.is_ascii_alphabetic())
                    .map(str::to_owned),
            );
        }
        for &(lemma, _) in CUES.iter() {
            for end in [
                "", "s", "es", "d", "ed", "ing", "ies", "ied", "ying", "ly", "er",
            ] {
                words.push(format!("{lemma}{end}"));
                for cut in 1..=2.min(lemma.len()) {
                    words.push(format!("{}{end}", &lemma[..lemma.len() - cut]));
                }
            }
        }
        assert!(words.len() > 1000, "{} words", words.len());
        for w in &words {
            let (fast, slow) = (cue(w), slow(w));
            assert_eq!(
                fast.map(|c| c.lemma),
                slow.map(|c| c.lemma),
                "{w}: the form table and the lemmatizer disagree"
            );
        }
    }
}
