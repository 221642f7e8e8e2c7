//! `cargo xtask eval claims --polnear-that [--polnear-nested]`: the predictions rewritten to
//! PolNeAR's conventions before they are scored. First the complementizer. PolNeAR's annotators put the `that` after a cue
//! into the content (`said [that the plan failed]`); the project's contract leaves it out
//! (`said that [the plan failed]`), as the seed and the news gold have it. With the flag, an
//! indirect or mixed claim whose content follows its cue and starts right after a `that` gets
//! the `that` back, so that the referee's exact-content figure compares like with like.
//!
//! Then nesting (`--polnear-nested`): the contract's claim of `A release states that X
//! emphasized that ...` is the innermost one (X's, with the release as its source), the outer
//! relation optional; PolNeAR's annotators mark the outer attribution and mostly not the inner
//! one. With the flag, the claims that have a source are left out before scoring. The pipeline's
//! own output is unchanged; the figure without the flags is the contract's.

use std::path::Path;

use anyhow::{Context, Result};
use serde_json::Value;

/// What [`rewrite`] maps to PolNeAR's conventions.
#[derive(Clone, Copy)]
pub(crate) struct Conventions {
    /// Put the `that` back before the content it opens.
    pub(crate) that: bool,
    /// Leave out the claims nested in another's content (those with a source).
    pub(crate) nested: bool,
}

/// Writes `out`: `pred` (JSON Lines) mapped to PolNeAR's `conventions`; returns how many
/// contents got their `that` back and how many nested claims were left out.
pub(crate) fn rewrite(
    pred: &Path,
    docs: &Path,
    out: &Path,
    conventions: Conventions,
) -> Result<(usize, usize)> {
    let mut texts = std::collections::BTreeMap::new();
    let docs_text =
        std::fs::read_to_string(docs).with_context(|| format!("reading {}", docs.display()))?;
    for line in docs_text.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line)?;
        let id = v["id"].as_str().unwrap_or_default().to_string();
        let text: Vec<char> = v["text"].as_str().unwrap_or_default().chars().collect();
        texts.insert(id, text);
    }
    let pred_text =
        std::fs::read_to_string(pred).with_context(|| format!("reading {}", pred.display()))?;
    let mut lines = Vec::new();
    let (mut moved, mut left_out) = (0, 0);
    for line in pred_text.lines().filter(|l| !l.trim().is_empty()) {
        let mut v: Value = serde_json::from_str(line)?;
        let text = v["id"].as_str().and_then(|id| texts.get(id));
        if let (Some(text), Some(claims)) = (text, v["claims"].as_array_mut()) {
            let (m, l) = map_claims(text, claims, conventions);
            moved += m;
            left_out += l;
        }
        lines.push(serde_json::to_string(&v)?);
    }
    std::fs::write(out, lines.join("\n") + "\n")?;
    Ok((moved, left_out))
}

/// Maps one document's claims to `conventions`; returns how many got their `that` back and how
/// many nested ones were left out.
fn map_claims(text: &[char], claims: &mut Vec<Value>, conventions: Conventions) -> (usize, usize) {
    let before = claims.len();
    if conventions.nested {
        claims.retain(|c| c["source"].is_null());
    }
    let left_out = before - claims.len();
    let moved = if conventions.that {
        claims
            .iter_mut()
            .map(|c| usize::from(put_back(text, c)))
            .sum()
    } else {
        0
    };
    (moved, left_out)
}

/// Moves the claim's start (and its first fragment's) back over a `that` and the spaces after
/// it; whether it did.
fn put_back(text: &[char], c: &mut Value) -> bool {
    let kind = c["kind"].as_str().unwrap_or_default();
    let (Some(start), Some(cue_start)) = (c["start"].as_u64(), c["cue"]["start"].as_u64()) else {
        return false;
    };
    let start = start as usize;
    if !matches!(kind, "indirect" | "mixed") || cue_start as usize >= start {
        return false;
    }
    let mut k = start;
    while k > 0 && text[k - 1].is_whitespace() {
        k -= 1;
    }
    if k == start || k < 4 {
        return false;
    }
    let word: String = text[k - 4..k].iter().collect();
    let bounded = k == 4 || !text[k - 5].is_alphanumeric();
    if !word.eq_ignore_ascii_case("that") || !bounded || k - 4 < cue_start as usize {
        return false;
    }
    let new = (k - 4) as u64;
    c["start"] = new.into();
    if let Some(first) = c["fragments"]
        .as_array_mut()
        .and_then(|f| f.first_mut())
        .and_then(Value::as_array_mut)
        .and_then(|p| p.first_mut())
    {
        *first = new.into();
    }
    let prefix: String = text[k - 4..start].iter().collect();
    if let Some(t) = c["text"].as_str() {
        c["text"] = format!("{prefix}{t}").into();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::{Conventions, map_claims, put_back};
    use serde_json::json;

    fn claim(text: &str, kind: &str, cue: &str, content: &str) -> serde_json::Value {
        let at = |s: &str| text.find(s).expect("in the text") as u64;
        let (c, s) = (at(cue), at(content));
        json!({"kind": kind, "start": s, "cue": {"start": c}, "fragments": [[s, s + content.len() as u64]], "text": content})
    }

    #[test]
    fn that_goes_back_into_indirect_content_after_its_cue_only() {
        let text = "He said that it rained. That it rained, he said.";
        let chars: Vec<char> = text.chars().collect();
        let mut c = claim(text, "indirect", "said", "it rained");
        assert!(put_back(&chars, &mut c));
        assert_eq!(c["start"], 8);
        assert_eq!(c["fragments"][0][0], 8);
        assert_eq!(c["text"], "that it rained");
        // A direct quotation, and content before its cue, keep their start.
        let mut direct = claim(text, "direct", "said", "it rained");
        assert!(!put_back(&chars, &mut direct));
        let mut before =
            json!({"kind": "indirect", "start": 29, "cue": {"start": 43}, "text": "it rained"});
        assert!(!put_back(&chars, &mut before));
        assert_eq!(before["start"], 29);
    }

    #[test]
    fn nested_claims_are_left_out_only_with_their_flag() {
        let text = "A release states that Lee said the talks failed.";
        let chars: Vec<char> = text.chars().collect();
        let outer = json!({"kind": "indirect", "start": 22, "cue": {"start": 10}, "source": null});
        let inner =
            json!({"kind": "indirect", "start": 35, "cue": {"start": 30}, "source": "A release"});
        let both = vec![outer.clone(), inner];
        let mut kept = both.clone();
        let none = Conventions {
            that: false,
            nested: false,
        };
        assert_eq!(map_claims(&chars, &mut kept, none), (0, 0));
        assert_eq!(kept, both);
        let mut mapped = both.clone();
        let nested = Conventions {
            that: false,
            nested: true,
        };
        assert_eq!(map_claims(&chars, &mut mapped, nested), (0, 1));
        assert_eq!(mapped, vec![outer]);
    }
}
