//! `cargo xtask eval claims --polnear-that`: the predictions rewritten to PolNeAR's convention
//! for a complementizer before they are scored. PolNeAR's annotators put the `that` after a cue
//! into the content (`said [that the plan failed]`); the project's contract leaves it out
//! (`said that [the plan failed]`), as the seed and the news gold have it. With the flag, an
//! indirect or mixed claim whose content follows its cue and starts right after a `that` gets
//! the `that` back, so that the referee's exact-content figure compares like with like. The
//! pipeline's own output is unchanged; the figure without the flag is the contract's.

use std::path::Path;

use anyhow::{Context, Result};
use serde_json::Value;

/// Writes `out`: `pred` (JSON Lines) with `that` put back before the content it opens.
pub(crate) fn rewrite(pred: &Path, docs: &Path, out: &Path) -> Result<usize> {
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
    let mut moved = 0;
    for line in pred_text.lines().filter(|l| !l.trim().is_empty()) {
        let mut v: Value = serde_json::from_str(line)?;
        let text = v["id"].as_str().and_then(|id| texts.get(id));
        if let (Some(text), Some(claims)) = (text, v["claims"].as_array_mut()) {
            for c in claims.iter_mut() {
                moved += usize::from(put_back(text, c));
            }
        }
        lines.push(serde_json::to_string(&v)?);
    }
    std::fs::write(out, lines.join("\n") + "\n")?;
    Ok(moved)
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
    use super::put_back;
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
}
