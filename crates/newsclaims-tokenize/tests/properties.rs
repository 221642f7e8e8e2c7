//! Property tests for the tokenizer's invariants (tokens sorted, disjoint and trimmed; sentences
//! and paragraphs tiling them; quotation fragments inside their quotation, on char boundaries)
//! on any string, and a check that adversarial runs of marks stay linear in time.

use std::time::Instant;

use newsclaims_tokenize::tokenize;
use proptest::prelude::*;

#[test]
fn linear_time() {
    let started = Instant::now();
    let marks = [
        "\"",
        "“",
        "”",
        "‘",
        "'",
        "’",
        "``",
        "‘‘",
        ".",
        ". ",
        "(",
        "[1]",
        "#",
        "@a",
        "a.",
        "“a. ",
        "\"“‘'’”",
        "“‘",
        "a’",
        "No. ",
        "?” A said. ",
    ];
    for mark in marks {
        let text = mark.repeat(100_000 / mark.chars().count());
        let tokens = tokenize(&text);
        assert!(!tokens.tokens.is_empty());
    }
    let article = "“We stand by you,” Stoltenberg said in St. Michael’s Square. ".repeat(5_000);
    let tokens = tokenize(&article);
    assert_eq!(tokens.sentences.len(), 5_000);
    assert!(
        started.elapsed().as_secs() < 60,
        "took {:?}",
        started.elapsed()
    );
}

fn check_invariants(text: &str) {
    let tokens = tokenize(text);
    let mut last = 0;
    for t in &tokens.tokens {
        assert!(!t.span.is_empty());
        assert!(t.span.start() >= last, "tokens sorted and disjoint");
        assert!(text.is_char_boundary(t.span.start()) && text.is_char_boundary(t.span.end()));
        assert!(t.span.end() <= text.len());
        assert_eq!(
            text[t.span].trim(),
            &text[t.span],
            "no blank at a token's edges"
        );
        last = t.span.end();
    }
    let mut next = 0;
    for (i, s) in tokens.sentences.iter().enumerate() {
        assert_eq!(
            s.tokens.start, next,
            "sentence token ranges tile the tokens"
        );
        assert!(s.tokens.end > s.tokens.start);
        next = s.tokens.end;
        assert_eq!(s.span.start(), tokens.tokens[s.tokens.start].span.start());
        assert_eq!(s.span.end(), tokens.tokens[s.tokens.end - 1].span.end());
        let p = &tokens.paragraphs[s.paragraph];
        assert!(p.span.contains(s.span) && p.sentences.contains(&i));
    }
    assert_eq!(next, tokens.tokens.len());
    let mut sentence = 0;
    for p in &tokens.paragraphs {
        assert_eq!(
            p.sentences.start, sentence,
            "paragraph sentence ranges tile the sentences"
        );
        sentence = p.sentences.end;
    }
    assert_eq!(sentence, tokens.sentences.len());
    for w in tokens.quotes.windows(2) {
        assert!(w[0].span.start() <= w[1].span.start(), "quotes sorted");
    }
    for q in &tokens.quotes {
        assert!(!q.fragments.is_empty());
        assert!(q.span.end() <= text.len());
        assert!(q.span.contains(q.open));
        for f in &q.fragments {
            assert!(!f.is_empty() && q.span.contains(*f));
            assert!(text.is_char_boundary(f.start()) && text.is_char_boundary(f.end()));
        }
    }
}

proptest! {
    #[test]
    fn any_string(text in any::<String>()) {
        check_invariants(&text);
    }

    #[test]
    fn newsy_strings(text in "[a-zA-Z0-9 .,!?;:'\"“”‘’«»()\\[\\]#@$%&/\\-—…\n\r\t\u{0}\u{301}\u{200B}é]{0,120}") {
        check_invariants(&text);
    }
}
