//! Integration tests of the part-of-speech and chunk taggers: a few sentences of news prose, and a quality floor on
//! CoNLL-2003 dev when the data is present.

use newsclaims_syntax as syntax;

/// Tags `text` and renders `word/POS/chunk` per token.
fn render(text: &str) -> String {
    let tokens = newsclaims_tokenize::tokenize(text);
    let tags = syntax::analyze(text, &tokens);
    tokens
        .tokens
        .iter()
        .zip(tags.pos.iter().zip(&tags.chunks))
        .map(|(t, (p, c))| format!("{}/{}/{}", &text[t.span], p.as_str(), c.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn check(text: &str, expect: &str) {
    assert_eq!(render(text), expect, "tagging {text:?}");
}

#[test]
fn speech_verbs_and_their_subjects() {
    check(
        "Peskov told reporters the talks had stalled.",
        "Peskov/NNP/B-NP told/VBD/B-VP reporters/NNS/B-NP the/DT/B-NP talks/NNS/I-NP had/VBD/B-VP stalled/VBN/I-VP ././O",
    );
    check(
        "The company said in a statement that it would appeal.",
        "The/DT/B-NP company/NN/I-NP said/VBD/B-VP in/IN/B-PP a/DT/B-NP statement/NN/I-NP that/IN/B-SBAR it/PRP/B-NP would/MD/B-VP appeal/VB/I-VP ././O",
    );
}

#[test]
fn tags_parallel_tokens_for_any_text() {
    for text in [
        "",
        " ",
        "“",
        "a",
        "Hello world. Second one!\n\nThird “quote” here",
    ] {
        let tokens = newsclaims_tokenize::tokenize(text);
        let tags = syntax::analyze(text, &tokens);
        assert_eq!(tags.pos.len(), tokens.tokens.len());
        assert_eq!(tags.chunks.len(), tokens.tokens.len());
    }
}

/// Measured with `cargo xtask eval-syntax` (POS 0.9511, chunks 0.9534), less 0.01.
const POS_FLOOR: f64 = 0.941;
const CHUNK_FLOOR: f64 = 0.943;

#[test]
fn quality_floor_on_conll_dev() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/conll2003/dev.txt");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!(
            "syntax quality floor: {} is absent; not measured",
            path.display()
        );
        return;
    };
    let (mut pos_right, mut chunk_right, mut total) = (0usize, 0usize, 0usize);
    // CoNLL-2003 columns: word, POS, chunk, name tag; a blank line ends a sentence.
    for sentence in data.split("\n\n") {
        let rows: Vec<Vec<&str>> = sentence
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>())
            .filter(|r| r.len() >= 3 && r[0] != "-DOCSTART-")
            .collect();
        if rows.is_empty() {
            continue;
        }
        let words: Vec<&str> = rows.iter().map(|r| r[0]).collect();
        let (pos, chunks) = syntax::tag_words(&words);
        for (k, r) in rows.iter().enumerate() {
            pos_right += usize::from(pos[k].as_str() == r[1].split('|').next().unwrap_or(r[1]));
            chunk_right += usize::from(chunks[k].as_str() == r[2]);
        }
        total += rows.len();
    }
    let pos = pos_right as f64 / total as f64;
    let chunk = chunk_right as f64 / total as f64;
    eprintln!("syntax on CoNLL-2003 dev: POS {pos:.4}, chunks {chunk:.4} over {total} tokens");
    assert!(
        pos >= POS_FLOOR,
        "POS accuracy {pos:.4} fell below the floor {POS_FLOOR}"
    );
    assert!(
        chunk >= CHUNK_FLOOR,
        "chunk accuracy {chunk:.4} fell below the floor {CHUNK_FLOOR}"
    );
}

/// Checks that `tag_pos_at`, asked about the words of each sentence of `text` in `order`
/// (indices into the sentence, taken modulo its length), gives the tags of tagging the whole
/// sentence.
fn check_lazy(text: &str, order: impl Fn(usize) -> Vec<usize>) {
    let tokens = newsclaims_tokenize::tokenize(text);
    for sentence in &tokens.sentences {
        let words: Vec<&str> = tokens.tokens[sentence.tokens.clone()]
            .iter()
            .map(|t| &text[t.span])
            .collect();
        let mut whole = Vec::new();
        syntax::tag_sentence_pos(&words, &mut whole);
        let tags = vec![std::cell::Cell::new(None); words.len()];
        for i in order(words.len()) {
            assert_eq!(
                syntax::tag_pos_at(&words, &tags, i),
                Some(whole[i]),
                "word {i} of {words:?}"
            );
        }
    }
}

#[test]
fn tagging_one_word_gives_the_whole_sentence_tag() {
    let orders: [fn(usize) -> Vec<usize>; 4] = [
        |n| (0..n).collect(),
        |n| (0..n).rev().collect(),
        // A few words, the way the claims stage asks: one far in, then around it, then back.
        |n| {
            [n / 2, n / 2 + 1, 0, n.saturating_sub(1)]
                .into_iter()
                .filter(|&i| i < n)
                .collect()
        },
        |n| (0..n).map(|k| k * 7 % n).collect(),
    ];
    insta::glob!("../../../fixtures", "articles/*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("fixture article");
        for order in orders {
            check_lazy(&text, order);
        }
    });
    assert_eq!(
        syntax::tag_pos_at(&["a"], &[std::cell::Cell::new(None)], 1),
        None,
        "a word past the end"
    );
}
