//! The scan's examples, and the proof that [`Rules::tries`](super::Rules::tries) is
//! conservative: the bitmap holds every word the rules quote; with the skips and without them,
//! the same mentions, on every leading word of the rules followed by an unknown word and then any
//! word the rules know, and on random texts drawn from the rules' vocabulary.

use super::start::{Start, known};
use super::{find, find_with};

/// Every word of the rules' string literals, as `build.rs` collected them.
const WORDS: &str = super::start::KNOWN_WORDS;

fn check(text: &str, expect: &str) {
    let tokens = newsclaims_tokenize::tokenize(text);
    let got: Vec<String> = find(text, &tokens)
        .iter()
        .map(|m| format!("{} {:?}", m.label.as_str(), &text[m.span]))
        .collect();
    assert_eq!(got.join("; "), expect, "in {text:?}");
}

#[test]
fn hedges_belong_to_the_amount() {
    check(
        "allies have provided more than 150 billion euros of support",
        "MONEY \"more than 150 billion euros\"",
    );
    check(
        "Russia invaded more than a year ago.",
        "DATE \"more than a year ago\"",
    );
    check("about 30% of voters", "PERCENT \"about 30%\"");
    check(
        "nearly 2,000 people and at least three",
        "CARDINAL \"nearly 2,000\"; CARDINAL \"at least three\"",
    );
}

/// Whether `text` gives the same mentions with the skip and without it.
fn same(text: &str) {
    let tokens = newsclaims_tokenize::tokenize(text);
    let fast = find_with(text, &tokens, true);
    let full = find_with(text, &tokens, false);
    let show = |ms: &[crate::Mention]| -> Vec<String> {
        ms.iter()
            .map(|m| format!("{} {:?}", m.label.as_str(), &text[m.span]))
            .collect()
    };
    assert_eq!(show(&fast), show(&full), "in {text:?}");
}

/// Words the rules do not know, in the shapes a word takes (capitalised, upper case,
/// possessive).
const UNKNOWN: [&str; 4] = ["zorb", "Zorb", "ZORB", "zorb's"];

/// Number shapes the rules read differently.
const NUMBERS: [&str; 12] = [
    "5", "24", "2004", "21st", "1990s", "3.5", "1,000", "10:30", "5km", "9/11", "3/4", "325p",
];

/// How a word is written in a text: as the rules list it, capitalised, or upper case.
fn shapes(w: &str) -> [String; 3] {
    let mut cap = w.to_string();
    if let Some(c) = cap.get_mut(..1) {
        c.make_ascii_uppercase();
    }
    [w.to_string(), cap, w.to_uppercase()]
}

#[test]
fn the_rules_words_are_known_and_few_others_are() {
    let words: Vec<&str> = WORDS.lines().collect();
    assert!(words.len() > 300, "{} words", words.len());
    for w in &words {
        assert!(known(w), "{w}");
    }
    // Two bits a word in 8192: the share of other words taken for known stays small.
    let text = include_str!("../../../../fixtures/articles/seed-nato-kyiv.txt");
    let others: std::collections::BTreeSet<String> = text
        .split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !words.contains(&w.as_str()))
        .collect();
    let false_known = others.iter().filter(|w| known(w)).count();
    /// One in twenty would still skip most leading words.
    const MOST: usize = 20;
    assert!(
        false_known * MOST <= others.len(),
        "{false_known} of {} unknown words read as known",
        others.len()
    );
}

/// The sources whose string literals `build.rs` collects, as the compiler reads them.
const SOURCES: [&str; 9] = [
    include_str!("../numbers.rs"),
    include_str!("../calendar.rs"),
    include_str!("amount.rs"),
    include_str!("date.rs"),
    include_str!("follow.rs"),
    include_str!("lex.rs"),
    include_str!("start.rs"),
    include_str!("time.rs"),
    include_str!("words.rs"),
];

/// A check of `build.rs`'s scan by another, cruder one: every quoted run of letters and
/// apostrophes on a line (in code or not) is known.
#[test]
fn every_quoted_word_of_the_rules_is_known() {
    let mut words = 0;
    for source in SOURCES {
        for line in source.lines() {
            for quoted in line.split('"').skip(1).step_by(2) {
                let word = quoted.to_lowercase().replace('’', "'");
                if !word.is_empty() && word.chars().all(|c| c.is_alphabetic() || c == '\'') {
                    assert!(known(&word), "{word:?} in {line:?}");
                    words += 1;
                }
            }
        }
    }
    assert!(words > 500, "{words} quoted words");
}

/// How the scan classes piece 1 of `text` (lexed as one paragraph), with or without its
/// bitmaps.
fn start_of(text: &str, known_only: bool) -> Start {
    let mut pieces = super::Pieces::default();
    pieces.lex(text, newsclaims_text::Span::new(0, text.len()), &[]);
    let rules = super::Rules {
        p: &pieces,
        text,
        known_only,
        starts: super::start::starts(),
        numbers: std::cell::RefCell::new(vec![None; pieces.items.len()]),
    };
    rules.start(1)
}

/// The start bitmap, which [`super::start`] makes by asking its classes of every known word,
/// holds every word they class as a start, in any letter case.
#[test]
fn the_start_bitmap_holds_every_start_word() {
    let mut starting = 0;
    for w in WORDS.lines() {
        for w in shapes(w) {
            let text = format!("in {w} zorb");
            let full = start_of(&text, false);
            assert_eq!(start_of(&text, true), full, "{w}");
            starting += usize::from(full != Start::Never);
        }
    }
    assert!(starting > 300, "{starting} start words");
}

#[test]
fn leading_words_need_a_known_next_word() {
    let words: Vec<&str> = WORDS.lines().collect();
    for w in UNKNOWN {
        assert!(!known(&w.to_lowercase().replace("'s", "")), "{w}");
    }
    let mut leading = 0;
    for lead in &words {
        for lead in shapes(lead) {
            let text = format!("in {lead} zorb");
            let tokens = newsclaims_tokenize::tokenize(&text);
            if start_of(&text, true) != Start::BeforeKnown || tokens.tokens.len() != 3 {
                continue;
            }
            leading += 1;
            // One paragraph per continuation, each unknown shape and word before in turn; the
            // mentions of each must agree.
            let mut text = String::new();
            for (k, next) in words.iter().copied().chain(NUMBERS).enumerate() {
                let unknown = UNKNOWN[k % UNKNOWN.len()];
                let before = ["in", "from", "the"][k % 3];
                text.push_str(&format!("{before} {lead} {unknown} {next} 5\n\n"));
            }
            same(&text);
        }
    }
    assert!(leading > 50, "{leading} leading words");
}

/// Each piece's lowercase form, as the rules compare it: lowercase, `’` read as `'`.
fn lowercase_pieces(text: &str) {
    let mut pieces = super::Pieces::default();
    // Lexed after a prefix, as a paragraph that does not start the text.
    let text = format!("Ab. {text}");
    pieces.lex(&text, newsclaims_text::Span::new(4, text.len()), &[]);
    for (i, p) in pieces.items.iter().enumerate() {
        let expect: String = text[p.span]
            .chars()
            .flat_map(|c| {
                let c = if c == '’' { '\'' } else { c };
                c.to_lowercase()
            })
            .collect();
        assert_eq!(pieces.low(i), expect, "piece {i} of {text:?}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    #[test]
    fn pieces_are_lowercased(text in "([A-Za-z0-9 ,.:/'’$%-]|\\PC){0,60}") {
        lowercase_pieces(&text);
    }

    #[test]
    fn the_skip_changes_nothing(
        picks in proptest::collection::vec((0usize..10_000, 0usize..3, 0usize..8), 1..16)
    ) {
        let words: Vec<&str> = WORDS.lines().collect();
        let mut text = String::new();
        for (k, shape, glue) in picks {
            let word = match k % 10 {
                0 => NUMBERS[k / 10 % NUMBERS.len()].to_string(),
                1 => UNKNOWN[k / 10 % UNKNOWN.len()].to_string(),
                2 => ["$", "£", "-", "'", "’", "%", ",", ".", "°", "—"][k / 10 % 10].to_string(),
                _ => shapes(words[k / 10 % words.len()])[shape].clone(),
            };
            // Mostly spaced, sometimes glued (`US$`, `-5`, `’90s`).
            if glue != 0 && !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&word);
        }
        same(&text);
    }
}
