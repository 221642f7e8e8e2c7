//! Invariants every stage keeps on any input: no panic, spans on char boundaries inside the text
//! and sorted, sentences tiling the text, valid cross-references, one-line JSON, and parallel runs
//! equal to sequential ones.
//!
//! Two string generators: arbitrary Unicode (control characters, combining marks, RTL, emoji,
//! NUL), and a news-like alphabet dense in quotes, apostrophes, periods and line breaks, where the
//! tokenizer's and attribution's special cases live.

use newsclaims_pipeline::{Analysis, Document, analyze};
use newsclaims_text::Span;
use newsclaims_tokenize::Quotation;
use proptest::prelude::*;

/// Text made of the characters the stages treat specially, in news-like proportions.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Stoltenberg",
        "said",
        " ",
        " ",
        " ",
        ".",
        ",",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "\n",
        "\n\n",
        "\r\n",
        "U.S.",
        "Mr.",
        "He",
        "told",
        "reporters",
        "that",
        "NATO",
        "150",
        "$",
        "3.5",
        "%",
        "February 2022",
        "—",
        "-",
        "(",
        ")",
        "#Ukraine",
        "@NATO",
        "https://x.org/a?b=c",
        "...",
        "«",
        "»",
        "?",
        "!",
        ":",
        ";",
        "according to",
        "é",
        "\u{301}",
        "\u{5d0}",
        "👍🏽",
        "\t",
        "\u{0}",
        "\u{200b}",
        "\u{feff}",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

fn texts() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), newsy(), "[\"“”'‘’ .\n]{0,60}"]
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(span.start() <= span.end(), "{what} {span:?} reversed");
    assert!(
        span.end() <= text.len(),
        "{what} {span:?} past the end ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()),
        "{what} {span:?} splits a char"
    );
}

fn check_sorted_disjoint(spans: impl Iterator<Item = Span>, what: &str) {
    let mut end = 0;
    for span in spans {
        assert!(
            span.start() >= end,
            "{what} {span:?} overlaps the one before (ending at {end})"
        );
        end = span.end();
    }
}

fn check_tokens(text: &str, a: &Analysis) {
    let t = &a.tokens;
    // Blank is the tokenizer's word: whitespace, control characters (NUL, escape) and the
    // invisible separators, which are not text and may lie outside every sentence.
    let blank = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}' | '\u{180E}')
    };
    for token in &t.tokens {
        check_span(text, token.span, "token");
        assert!(!token.span.is_empty(), "empty token at {:?}", token.span);
    }
    check_sorted_disjoint(t.tokens.iter().map(|t| t.span), "token");

    for s in &t.sentences {
        check_span(text, s.span, "sentence");
        assert!(
            !text[s.span].chars().all(blank),
            "blank sentence {:?}",
            s.span
        );
        assert!(
            s.paragraph < t.paragraphs.len(),
            "sentence {:?} has no paragraph",
            s.span
        );
        for token in &t.tokens[s.tokens.clone()] {
            assert!(
                s.span.contains(token.span),
                "token {:?} outside sentence {:?}",
                token.span,
                s.span
            );
        }
    }
    check_sorted_disjoint(t.sentences.iter().map(|s| s.span), "sentence");
    // Sentences tile the text: every char that is not blank lies in exactly one sentence
    // (disjoint and sorted is checked above, so "at least one" remains).
    let mut sentences = t.sentences.iter().peekable();
    for (i, c) in text.char_indices() {
        while sentences.peek().is_some_and(|s| s.span.end() <= i) {
            sentences.next();
        }
        if !blank(c) {
            let inside = sentences.peek().is_some_and(|s| s.span.start() <= i);
            assert!(inside, "{c:?} at byte {i} lies in no sentence");
        }
    }
    // Token ranges partition the tokens, in order.
    let mut next = 0;
    for s in &t.sentences {
        assert_eq!(s.tokens.start, next, "sentence {:?} token range", s.span);
        next = s.tokens.end;
    }
    assert_eq!(next, t.tokens.len(), "tokens left outside every sentence");

    for p in &t.paragraphs {
        check_span(text, p.span, "paragraph");
        assert!(
            p.sentences.end <= t.sentences.len(),
            "paragraph {:?} sentence range",
            p.span
        );
        for s in &t.sentences[p.sentences.clone()] {
            assert!(
                p.span.contains(s.span),
                "sentence {:?} outside paragraph {:?}",
                s.span,
                p.span
            );
        }
    }
    check_sorted_disjoint(t.paragraphs.iter().map(|p| p.span), "paragraph");

    check_quotes(text, &t.quotes);
}

/// Quotation fragments lie inside their quotation; quotations nest but never cross.
fn check_quotes(text: &str, quotes: &[Quotation]) {
    for q in quotes {
        check_span(text, q.span, "quote");
        for &f in &q.fragments {
            check_span(text, f, "quote fragment");
            assert!(
                q.span.contains(f),
                "fragment {f:?} outside quote {:?}",
                q.span
            );
        }
        check_sorted_disjoint(q.fragments.iter().copied(), "quote fragment");
    }
    // Quotes nest (`“He said ‘no’ today”`) but never cross, and come in order of their start.
    let mut open: Vec<Span> = Vec::new();
    for q in quotes {
        if let Some(last) = open.last() {
            assert!(
                last.start() <= q.span.start(),
                "quote {:?} before {last:?}",
                q.span
            );
        }
        while open.last().is_some_and(|o| o.end() <= q.span.start()) {
            open.pop();
        }
        if let Some(outer) = open.last() {
            assert!(
                outer.contains(q.span),
                "quote {:?} crosses {outer:?}",
                q.span
            );
        }
        open.push(q.span);
    }
}

fn check_entities(text: &str, a: &Analysis) {
    let e = &a.entities;
    for m in &e.mentions {
        check_span(text, m.span, "mention");
        assert!(!m.span.is_empty(), "empty mention at {:?}", m.span);
        assert!(
            m.cluster < e.clusters.len(),
            "mention {:?} cluster {}",
            m.span,
            m.cluster
        );
    }
    check_sorted_disjoint(e.mentions.iter().map(|m| m.span), "mention");
    for (k, c) in e.clusters.iter().enumerate() {
        check_span(text, c.name, "cluster name");
        assert!(c.mentions.is_sorted(), "cluster {k} mentions not ascending");
        for &m in &c.mentions {
            assert!(m < e.mentions.len(), "cluster {k} mention {m}");
            assert_eq!(
                e.mentions[m].cluster, k,
                "mention {m} is in cluster {k}'s list but not in it"
            );
        }
        for &d in &c.descriptors {
            check_span(text, d, "descriptor");
        }
        if let Some(f) = c.female {
            assert!((0.0..=1.0).contains(&f), "cluster {k} female share {f}");
        }
    }
}

fn check_claims(text: &str, a: &Analysis) {
    for c in &a.claims {
        check_span(text, c.span, "claim");
        for &f in &c.fragments {
            check_span(text, f, "claim fragment");
            assert!(
                c.span.contains(f),
                "fragment {f:?} outside claim {:?}",
                c.span
            );
        }
        for span in [c.cue, c.source].into_iter().flatten() {
            check_span(text, span, "cue or source");
        }
        if let Some(s) = c.speaker {
            check_span(text, s.span, "speaker");
            check_span(text, s.name, "speaker name");
            if let Some(k) = s.cluster {
                assert!(k < a.entities.clusters.len(), "speaker cluster {k}");
            }
        }
        let w = c.checkworthiness;
        assert!(
            w.is_finite() && (0.0..=1.0).contains(&w),
            "checkworthiness {w}"
        );
        for &m in &c.entities {
            assert!(m < a.entities.mentions.len(), "claim entity {m}");
        }
    }
    assert!(
        a.claims.is_sorted_by_key(|c| c.span.start()),
        "claims not in text order"
    );
}

fn check_json(text: &str, a: &Analysis) {
    let mut out = Vec::new();
    newsclaims_format::write_json(&mut out, a, false);
    assert!(
        !out.contains(&b'\n'),
        "a JSON Lines record must be one line"
    );
    let value: serde_json::Value = serde_json::from_slice(&out).expect("the record is JSON");
    let chars = text.chars().count() as u64;
    for s in value["sentences"].as_array().expect("sentences") {
        let end = s["end"].as_u64().expect("end");
        assert!(
            s["start"].as_u64().expect("start") <= end && end <= chars,
            "sentence {s}"
        );
    }
}

fn check_all(text: &str) {
    let a = analyze(&Document::new("p", text));
    assert_eq!(a.document.text, text, "the text is never changed");
    check_tokens(text, &a);
    check_entities(text, &a);
    check_claims(text, &a);
    check_json(text, &a);
}

fn json(a: &Analysis) -> Vec<u8> {
    let mut out = Vec::new();
    newsclaims_format::write_json(&mut out, a, false);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_stage_keeps_its_invariants(text in texts()) {
        check_all(&text);
    }

    #[test]
    fn parallel_equals_sequential(texts in prop::collection::vec(texts(), 0..12)) {
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("d{i}"), t.as_str()))
            .collect();
        let sequential: Vec<u8> = docs
            .iter()
            .flat_map(|d| {
                let mut line = json(&analyze(d));
                line.push(b'\n');
                line
            })
            .collect();
        prop_assert_eq!(super::run_jsonl(&docs, 2), sequential);
    }
}

/// Inputs that once broke a stage or that stress one, checked on every run.
#[test]
fn hard_cases_keep_the_invariants() {
    let quotes = "\"".repeat(10_000);
    let curly = "“".repeat(5_000);
    let cases = [
        "",
        " ",
        "\n\n\n",
        "\r\n\r\n",
        "\u{0}",
        "a\u{0}b. c",
        "“",
        "”",
        "’",
        "He said “",
        "“a “b “c “d",
        "e\u{301}\u{301}\u{301}. \u{5e9}\u{5dc}\u{5d5}\u{5dd} “\u{5d0}” said.",
        "👨‍👩‍👧 said “🎉”.",
        "Line one.\r\nLine two said \"x\".\r\n",
        quotes.as_str(),
        curly.as_str(),
    ];
    for text in cases {
        check_all(text);
    }
}
