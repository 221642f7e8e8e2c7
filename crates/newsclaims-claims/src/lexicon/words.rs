//! The small closed classes the rules walk noun phrases and clauses with: auxiliaries and
//! adverbs, pronouns, determiners, noun-phrase boundaries, prepositions, weekdays,
//! subordinators and addressees. Matched case-insensitively, with no allocation.

use super::lower_ascii;

/// Auxiliaries and adverbs of [`is_aux_or_adverb`] beyond the forms of `be` and the words in -ly.
const AUX_OR_ADVERB: &[&str] = &[
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "shall",
    "should",
    "must",
    "cannot",
    "did",
    "does",
    "do",
    "also",
    "almost",
    "nearly",
    "immediately",
    "promptly",
    "then",
    "later",
    "again",
    "already",
    "still",
    "once",
    "first",
    "further",
    "never",
    "not",
    "often",
    "earlier",
    "even",
    "just",
    "only",
    "previously",
    "recently",
    "reportedly",
    "repeatedly",
    "publicly",
    "privately",
    "initially",
    "subsequently",
    "similarly",
    "separately",
    "flatly",
    "simply",
    "quickly",
    "finally",
    "originally",
    "both",
    "all",
    "too",
    "n't",
    "t",
    "’",
    "'",
    "didn",
    "doesn",
    "hasn",
    "haven",
    "wasn",
    "isn",
    "weren",
    "aren",
    "won",
    "wouldn",
    "couldn",
    "reportedly",
    "had",
    "ever",
    "now",
    "since",
    "long",
    "has",
    "likewise",
    "personally",
    "directly",
    "explicitly",
    "specifically",
    "openly",
    "loudly",
    "angrily",
    "however",
    "meanwhile",
    "instead",
    "therefore",
    "nonetheless",
    "nevertheless",
];

/// The plain forms of `be`: auxiliaries between a subject and its verb, and before a passive or
/// progressive participle.
pub(crate) const BE_FORMS: &[&str] = &["is", "was", "were", "are", "be", "been", "being"];

/// Words between a subject and its verb that are not part of either (`has`, `is`, `also`,
/// `repeatedly`).
pub(crate) fn is_aux_or_adverb(w: &str) -> bool {
    let listed = |x: &&str| w.eq_ignore_ascii_case(x);
    AUX_OR_ADVERB.iter().any(listed) || BE_FORMS.iter().any(listed) || is_ly_word(w)
}

/// A verb with its negation in one token (`doesn’t`, `isn't`), which the tagger does not read as
/// a finite verb.
pub(crate) fn is_negated_verb(w: &str) -> bool {
    w.ends_with("n’t") || w.ends_with("n't")
}

/// A word in -ly, most often an adverb (`repeatedly`); [`crate::view::View::is_aux_or_adverb`]
/// asks the tagger whether it is a noun (`family`, `ally`).
pub(crate) fn is_ly_word(w: &str) -> bool {
    w.len() > 4 && w.is_ascii() && w[w.len() - 2..].eq_ignore_ascii_case("ly")
}

/// The pronoun class of `w`, if it is a pronoun that may name a speaker.
pub(crate) fn pronoun(w: &str) -> Option<Pronoun> {
    let mut buf = [0u8; 32];
    Some(match lower_ascii(w, &mut buf)? {
        "he" => Pronoun::He,
        "she" => Pronoun::She,
        "they" => Pronoun::They,
        "it" => Pronoun::It,
        "i" | "we" | "you" => Pronoun::Other,
        "who" | "which" => Pronoun::Relative,
        _ => return None,
    })
}

/// A pronoun written with its verb's clitic as one token (`They’ve`, `I'd`, `we’re`): the
/// pronoun's class and the bytes of the pronoun alone. Not `it's`, most often `it is` in an
/// impersonal frame (`it's said that ...`).
pub(crate) fn pronoun_with_clitic(w: &str) -> Option<(Pronoun, usize)> {
    const CLITICS: &[&str] = &["ve", "d", "ll", "re", "m", "s"];
    let (stem, clitic) = w.split_once(['’', '\''])?;
    let pronoun = pronoun(stem)?;
    let listed = CLITICS.iter().any(|c| clitic.eq_ignore_ascii_case(c));
    let impersonal = pronoun == Pronoun::It && clitic.eq_ignore_ascii_case("s");
    (listed && !impersonal && pronoun != Pronoun::Relative).then_some((pronoun, stem.len()))
}

/// A pronoun by whom it may name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pronoun {
    He,
    She,
    They,
    It,
    /// `I`, `we`, `you`: inside quotes mostly; never resolved.
    Other,
    /// `who`, `which`: the speaker is the noun phrase before the comma.
    Relative,
}

/// Determiners, possessives and quantifiers that open a noun phrase (`the`, `his`, `several`).
pub(crate) fn is_determiner(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
        "my", "your", "some", "many", "several", "other", "another", "each", "every", "both",
        "all", "no", "most", "two", "three", "four", "one",
    ];
    WORDS.iter().any(|d| w.eq_ignore_ascii_case(d))
}

/// Words that end a noun phrase when walking left from its head.
pub(crate) fn is_np_boundary(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "and",
        "but",
        "or",
        "nor",
        "that",
        "which",
        "who",
        "whom",
        "because",
        "while",
        "when",
        "as",
        "if",
        "though",
        "although",
        "since",
        "after",
        "before",
        "where",
        "in",
        "on",
        "to",
        "by",
        "into",
        "than",
        "so",
        "yet",
        "said",
        "says",
        "say",
        "told",
        "is",
        "was",
        "are",
        "were",
        "has",
        "have",
        "had",
        "not",
        "also",
        "then",
        "there",
        "here",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "him",
        "them",
        "us",
        "me",
        "would",
        "will",
        "could",
        "should",
        "can",
        "may",
        "might",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "about",
        "over",
        "under",
        "against",
        "during",
        "without",
        "through",
        "until",
        "like",
        "whether",
        "what",
        "how",
        "why",
        "just",
        "even",
        "only",
        "now",
        "however",
        "meanwhile",
        "instead",
    ];
    WORDS.iter().any(|d| w.eq_ignore_ascii_case(d))
}

/// Words that may follow a cue as an adjunct before its content or sentence end
/// (`said in a statement`, `told reporters on Monday`).
pub(crate) fn is_preposition(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "in",
        "of",
        "on",
        "at",
        "during",
        "to",
        "after",
        "before",
        "with",
        "from",
        "via",
        "through",
        "while",
        "outside",
        "inside",
        "near",
        "for",
        "about",
        "over",
        "last",
        "this",
        "early",
        "late",
        "earlier",
        "later",
        "again",
        "also",
        "recently",
        "privately",
        "publicly",
        "repeatedly",
        "previously",
        "yesterday",
        "today",
        "tonight",
    ];
    WORDS.iter().any(|d| w.eq_ignore_ascii_case(d))
}

/// The days of the week and the days next to today (`yesterday`, `tonight`).
pub(crate) fn is_weekday(w: &str) -> bool {
    newsclaims_entities::calendar::is_weekday(w)
        || ["yesterday", "today", "tonight"]
            .iter()
            .any(|d| w.eq_ignore_ascii_case(d))
}

/// Words that open an adverbial clause: after a cue they end it (`said as she left`), and a
/// clause they open is no reported content (`But when Congress cut funding, Mexico said ...`).
pub(crate) fn is_subordinator(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "as", "when", "while", "because", "before", "after", "if", "although", "though", "since",
        "until", "once", "whereas", "unless", "whether",
    ];
    WORDS.iter().any(|d| w.eq_ignore_ascii_case(d))
}

/// Words that open a participle clause whose subject is its main clause's (`After thanking the
/// crowd, he ...`, `Ryan, despite admitting that ..., backed ...`): PolNeAR train annotates 34
/// cues after `after`, 22 after `while`, 15 after `before`.
pub(crate) fn opens_participle_clause(w: &str) -> bool {
    const WORDS: &[&str] = &["after", "before", "despite", "while", "since"];
    WORDS.iter().any(|d| w.eq_ignore_ascii_case(d))
}

/// Addressees of `tell` that are not named entities (`told reporters`).
pub(crate) fn is_addressee(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "reporters",
        "journalists",
        "him",
        "her",
        "them",
        "me",
        "us",
        "you",
        "supporters",
        "lawmakers",
        "members",
        "listeners",
        "viewers",
        "audience",
        "crowd",
        "voters",
        "students",
        "people",
        "congress",
    ];
    WORDS.iter().any(|d| w.eq_ignore_ascii_case(d))
}

/// Discourse connectives that open a sentence in the narrator's voice before a comma
/// (`However, ...`, `In fact, ...`): PolNeAR train leaves them out of the content before a
/// trailing cue (`However, growth is slowing, she said.`), while a time or place (`In 2014,`)
/// stays in.
pub(crate) fn is_connective(words: &[&str]) -> bool {
    const ONE: &[&str] = &[
        "however",
        "still",
        "moreover",
        "meanwhile",
        "nevertheless",
        "nonetheless",
        "furthermore",
        "additionally",
        "indeed",
        "besides",
        "likewise",
        "similarly",
        "also",
        "regardless",
    ];
    const TWO: &[[&str; 2]] = &[
        ["in", "fact"],
        ["in", "addition"],
        ["even", "so"],
        ["as", "such"],
        ["in", "contrast"],
        ["in", "particular"],
        ["of", "course"],
        ["by", "contrast"],
        ["for", "example"],
        ["for", "instance"],
        ["in", "short"],
    ];
    match words {
        [w] => ONE.iter().any(|d| w.eq_ignore_ascii_case(d)),
        [a, b] => TWO
            .iter()
            .any(|[x, y]| a.eq_ignore_ascii_case(x) && b.eq_ignore_ascii_case(y)),
        _ => false,
    }
}
