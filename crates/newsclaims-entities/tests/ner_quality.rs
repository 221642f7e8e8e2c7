//! The name tagger's quality floor on CoNLL-2003 dev, scored like the referee
//! (`score.py ner --map conll`): exact span and CoNLL label, micro F1 over all documents.
//!
//! The dev text is rebuilt as `dev.docs.jsonl` has it (gold tokens joined by spaces, one
//! sentence per line) and goes through the whole library (`tokenize`, then `recognize`).
//! Passes with a notice when `../shared/data` is absent.

use std::path::Path;

use newsclaims_entities::Label;
use newsclaims_entities::train::parse_conll;

/// What the committed model and label rules reach here (0.9355), minus 0.02.
const FLOOR: f64 = 0.915;

fn conll_label(label: Label) -> Option<&'static str> {
    match label {
        Label::Person => Some("PER"),
        Label::Org => Some("ORG"),
        Label::Gpe | Label::Loc | Label::Fac => Some("LOC"),
        Label::Norp
        | Label::Event
        | Label::Product
        | Label::WorkOfArt
        | Label::Law
        | Label::Language => Some("MISC"),
        _ => None,
    }
}

#[test]
fn conll_dev_f1_floor() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/conll2003/dev.txt");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!(
            "ner_quality: {} is absent; the CoNLL dev floor is not checked",
            path.display()
        );
        return;
    };
    let (mut gold_n, mut pred_n, mut correct) = (0usize, 0usize, 0usize);
    for doc in parse_conll(&data) {
        let mut text = String::new();
        let mut gold: Vec<(usize, usize, String)> = Vec::new();
        for sentence in &doc.sentences {
            if !text.is_empty() {
                text.push('\n');
            }
            let mut open: Option<(usize, usize, String)> = None;
            for (k, token) in sentence.iter().enumerate() {
                if k > 0 {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(&token.word);
                let (prefix, ty) = token.tag.split_once('-').unwrap_or(("O", ""));
                match &mut open {
                    Some((_, end, t)) if prefix == "I" && t == ty => *end = text.len(),
                    _ => {
                        gold.extend(open.take());
                        if !ty.is_empty() {
                            open = Some((start, text.len(), ty.to_string()));
                        }
                    }
                }
            }
            gold.extend(open);
        }
        let tokens = newsclaims_tokenize::tokenize(&text);
        let entities = newsclaims_entities::recognize(&text, &tokens);
        let predicted: Vec<(usize, usize, &str)> = entities
            .mentions
            .iter()
            .filter_map(|m| Some((m.span.start(), m.span.end(), conll_label(m.label)?)))
            .collect();
        gold_n += gold.len();
        pred_n += predicted.len();
        correct += predicted
            .iter()
            .filter(|p| gold.iter().any(|g| (g.0, g.1, g.2.as_str()) == **p))
            .count();
    }
    let p = correct as f64 / pred_n.max(1) as f64;
    let r = correct as f64 / gold_n.max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    eprintln!("ner_quality: CoNLL dev P {p:.4} R {r:.4} F1 {f1:.4} (floor {FLOOR})");
    assert!(
        f1 >= FLOOR,
        "CoNLL dev F1 {f1:.4} fell below the floor {FLOOR}"
    );
}

/// The names `recognize` finds in `text`, as `LABEL "text"`.
fn names(text: &str) -> Vec<String> {
    let tokens = newsclaims_tokenize::tokenize(text);
    newsclaims_entities::recognize(text, &tokens)
        .mentions
        .iter()
        .filter(|m| m.label.is_name())
        .map(|m| format!("{} {:?}", m.label.as_str(), &text[m.span]))
        .collect()
}

#[test]
fn hashtags_titles_and_nationalities() {
    assert_eq!(
        names("Support for #Ukraine grew in Brussels, NATO officials said."),
        [r#"GPE "Ukraine""#, r#"GPE "Brussels""#, r#"ORG "NATO""#]
    );
    assert_eq!(
        names("President Joe Biden met German Chancellor Olaf Scholz."),
        [
            r#"PERSON "Joe Biden""#,
            r#"NORP "German""#,
            r#"PERSON "Olaf Scholz""#
        ]
    );
}
