//! Fuzzes the whole pipeline: any bytes, decoded lossily as the binary does, go through every
//! stage and the JSON writer. Beyond "no panic", it checks the invariants the output contract
//! promises: every span lies on char boundaries inside the text, and sentences are sorted and
//! disjoint.

#![no_main]

use libfuzzer_sys::fuzz_target;
use newsclaims_pipeline::{Document, analyze};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = Document::new("fuzz", text.as_ref());
    let analysis = analyze(&doc);
    let text = analysis.document.text.as_str();
    let on_boundary = |i: usize| i <= text.len() && text.is_char_boundary(i);
    for t in &analysis.tokens.tokens {
        assert!(on_boundary(t.span.start()) && on_boundary(t.span.end()), "token {:?}", t.span);
    }
    let mut last_end = 0;
    for s in &analysis.tokens.sentences {
        assert!(on_boundary(s.span.start()) && on_boundary(s.span.end()), "sentence {:?}", s.span);
        assert!(s.span.start() >= last_end, "sentences overlap at {:?}", s.span);
        last_end = s.span.end();
    }
    for m in &analysis.entities.mentions {
        assert!(on_boundary(m.span.start()) && on_boundary(m.span.end()), "mention {:?}", m.span);
    }
    for c in &analysis.claims {
        assert!(on_boundary(c.span.start()) && on_boundary(c.span.end()), "claim {:?}", c.span);
    }
    let mut out = Vec::new();
    newsclaims_format::write_json(&mut out, &analysis, false);
    assert!(serde_json_ok(&out));
});

/// The record must be one line of valid UTF-8 (it is JSON Lines); the binary relies on it.
fn serde_json_ok(out: &[u8]) -> bool {
    std::str::from_utf8(out).is_ok_and(|s| !s.contains('\n'))
}
