//! `eval-speakers [--binary PATH]` (`cargo xtask eval-speakers`): the speaker ranker's figures with the embedded weights.
//!
//! - **GAP** (`../shared/data/coref/gap`), the GAP scorer's definition: every example has two
//!   candidate names, A and B; the system says for each whether the pronoun refers to it (here:
//!   whether the best-ranked cluster holds a mention overlapping the name), and the figure is F1 of
//!   the positive class over all these decisions, overall and by the pronoun's gender
//!   (masculine, feminine; bias = F/M). Two figures per split (`gap.rs`): with names A and B
//!   given as mentions, GAP's own task and the one its published baselines solve, and end to
//!   end, with the pipeline's mentions only.
//! - **GUM news** (`../shared/data/coref/gum`, the 24 news documents): speaker accuracy is the
//!   share of gold quotations with a gold speaker (see `gum.rs`) for which the pipeline emits a
//!   claim whose content holds the quotation (one of its pieces covers at least half of the
//!   quotation's bytes, the marks aside; the claim with the most wins) and whose canonical
//!   speaker name's last word is a word of a mention in the gold speaker's chain (the referee's
//!   lenient last-word rule). It is also given over the matched quotations only. A claim's
//!   pieces are its fragments: a quotation interrupted by its attribution (`"Q1," X said, "Q2."`)
//!   or running over paragraphs is one claim in this project's contract and two or more
//!   quotations in GUM's markup, and a partial quotation inside reported speech is a mixed claim
//!   holding it; a claim is credited with every quotation it holds.

use std::path::Path;

use anyhow::Result;
use newsclaims_claims::speaker_training;
use newsclaims_text::Span;

use crate::gap::{self, GapCase, Task};
use crate::{gum, root, run_status, shared};

/// A predicted attributed claim: its content's pieces (bytes: the fragments, or the one span)
/// and its canonical speaker name.
pub(crate) struct Said {
    pub(crate) pieces: Vec<Span>,
    pub(crate) name: Option<String>,
}

/// The attributed claims the stages find in a text, run in this process.
pub(crate) fn said_here(text: &str) -> Vec<Said> {
    let tokens = newsclaims_tokenize::tokenize(text);
    let entities = newsclaims_entities::recognize(text, &tokens);
    newsclaims_claims::extract(text, &tokens, &entities)
        .into_iter()
        .filter(|c| c.kind != newsclaims_claims::ClaimKind::Statement)
        .map(|c| Said {
            pieces: if c.fragments.is_empty() {
                vec![c.span]
            } else {
                c.fragments
            },
            name: c.speaker.map(|s| text[s.name].to_owned()),
        })
        .collect()
}

/// The attributed claims a binary's JSON Lines output gives for each document, in order.
fn said_by(binary: &Path, docs: &[gum::Doc]) -> Result<Vec<Vec<Said>>> {
    let dir = root().join("target/eval");
    std::fs::create_dir_all(&dir)?;
    let input = dir.join("gum_news.docs.jsonl");
    let output = dir.join("gum_news.pred.jsonl");
    let mut lines = String::new();
    for d in docs {
        lines.push_str(&serde_json::json!({"id": d.name, "text": d.text}).to_string());
        lines.push('\n');
    }
    std::fs::write(&input, lines)?;
    run_status(
        std::process::Command::new(binary)
            .args(["--quiet", "--format", "jsonl", "--output"])
            .arg(&output)
            .arg(&input),
    )?;
    let raw = std::fs::read_to_string(&output)?;
    let mut out = Vec::new();
    for (line, doc) in raw.lines().zip(docs) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        // Code points to bytes.
        let bytes: Vec<usize> = doc
            .text
            .char_indices()
            .map(|(b, _)| b)
            .chain([doc.text.len()])
            .collect();
        let at = |x: &serde_json::Value| x.as_u64().and_then(|c| bytes.get(c as usize).copied());
        let mut said = Vec::new();
        for c in v["claims"].as_array().into_iter().flatten() {
            if c["kind"] == "statement" {
                continue;
            }
            let piece = |start: &serde_json::Value, end: &serde_json::Value| {
                let (a, b) = (at(start)?, at(end)?);
                Some(Span::new(a, b.max(a)))
            };
            let fragments = c["fragments"].as_array().into_iter().flatten();
            let mut pieces: Vec<Span> = fragments.filter_map(|f| piece(&f[0], &f[1])).collect();
            if pieces.is_empty() {
                pieces.extend(piece(&c["start"], &c["end"]));
            }
            if pieces.is_empty() {
                continue;
            }
            said.push(Said {
                pieces,
                name: c["speaker"]["name"].as_str().map(str::to_owned),
            });
        }
        out.push(said);
    }
    Ok(out)
}

/// Speaker accuracy on GUM's news documents: (correct, matched, gold quotations with a speaker).
/// A name is right when its last word is a word of a mention of the gold speaker's chain.
pub(crate) fn gum_news_accuracy(docs: &[gum::Doc], said: &[Vec<Said>]) -> (u32, u32, u32) {
    let (mut correct, mut matched, mut total) = (0, 0, 0);
    for (doc, claims) in docs.iter().zip(said) {
        for &q in &doc.quotes {
            let Some(entity) = doc.quote_speaker(q) else {
                continue;
            };
            total += 1;
            let gold = doc.tokens[q.0].span.cover(doc.tokens[q.1].span);
            let held = |c: &Said| {
                c.pieces
                    .iter()
                    .map(|p| {
                        p.end()
                            .min(gold.end())
                            .saturating_sub(p.start().max(gold.start()))
                    })
                    .max()
                    .unwrap_or(0)
            };
            // The first claim holding the most of the quotation, so ties go to the earlier one.
            let claim = claims
                .iter()
                .map(|c| (held(c), c))
                .filter(|&(inter, _)| inter > 0 && 2 * inter >= gold.len().saturating_sub(2))
                .reduce(|best, next| if next.0 > best.0 { next } else { best })
                .map(|(_, c)| c);
            let Some(claim) = claim else {
                continue;
            };
            matched += 1;
            let right = claim.name.as_deref().is_some_and(|name| {
                let last = last_word(name);
                doc.mentions.iter().any(|&(e, a, b)| {
                    e == entity
                        && doc.text[doc.tokens[a].span.cover(doc.tokens[b].span)]
                            .split_whitespace()
                            .any(|w| last_word(w) == last)
                })
            });
            correct += u32::from(right);
        }
    }
    (correct, matched, total)
}

/// The last word of a name, lower-cased, without a possessive.
fn last_word(name: &str) -> String {
    let w = name.split_whitespace().next_back().unwrap_or("");
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'');
    let w = ["’s", "'s", "’", "'"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    w.to_lowercase()
}

/// The GUM news documents, or `None` when the corpus is absent.
pub(crate) fn gum_news() -> Result<Option<Vec<gum::Doc>>> {
    let dir = shared().join("data/coref/gum/dep");
    if !dir.exists() {
        return Ok(None);
    }
    gum::read_dir(&dir, |n| n.starts_with("GUM_news_")).map(Some)
}

pub(crate) fn run(args: &[String]) -> Result<()> {
    let binary = match args {
        [flag, path] if flag == "--binary" => Some(std::path::PathBuf::from(path)),
        [] => None,
        _ => anyhow::bail!("usage: cargo xtask eval-speakers [--binary PATH]"),
    };
    let gap = shared().join("data/coref/gap");
    if gap.exists() {
        for split in ["validation", "test"] {
            let gold = gap::read_gap(&gap.join(format!("gap-{split}.tsv")))?;
            for (task, name) in [(Task::Given, "given names"), (Task::EndToEnd, "end to end")] {
                let cases: Vec<GapCase> = gold.iter().map(|g| gap::gap_case(g, task)).collect();
                gap::print_gap(
                    &format!("{split} ({name})"),
                    &gap::gap_f1(gold.iter().zip(&cases), speaker_training::score),
                );
            }
        }
    } else {
        println!("eval-speakers: {} is absent", gap.display());
    }
    match gum_news()? {
        Some(docs) => {
            let said = match &binary {
                Some(b) => said_by(b, &docs)?,
                None => docs.iter().map(|d| said_here(&d.text)).collect(),
            };
            let (correct, matched, total) = gum_news_accuracy(&docs, &said);
            println!(
                "GUM news: speaker accuracy {:.4} ({correct}/{total} quotations with a gold speaker); on matched quotations {:.4} ({correct}/{matched})",
                f64::from(correct) / f64::from(total.max(1)),
                f64::from(correct) / f64::from(matched.max(1)),
            );
        }
        None => println!("eval-speakers: GUM is absent"),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    //! Quality floors of the speaker ranker: what it reaches minus 0.02. Each passes with a
    //! notice when its data is absent.

    use super::*;

    /// GAP test F1 (overall, names A and B given) reached, minus 0.02: 0.7408 (0.7442 once a
    /// subject pronoun no longer took a name later in its own clause as a candidate, before the
    /// claims models' next retraining moved the GUM-trained part; 0.7361 before the clause rule,
    /// 0.7318 with four bagged ensembles and a `her` before its noun possessive, 0.7191 before
    /// the possessive `her`).
    const GAP_TEST_F1: f64 = 0.720;
    /// GAP test F1 (overall, end to end) reached, minus 0.02: 0.7234 (0.7257 before the last
    /// retraining, 0.7212 before the clause rule, 0.7096 before the possessive `her`).
    const GAP_TEST_END_TO_END_F1: f64 = 0.703;
    /// Speaker accuracy on GUM's news documents reached, minus 0.02: 0.952 (40/42) once a
    /// quotation is matched by the claim whose content holds it (0.643, 27/42, when a claim had
    /// to cover the quotation and little else, which an interrupted quotation's one claim never
    /// does; rankings flip with the candidates' labels and the ranker's retraining).
    const GUM_NEWS_ACCURACY: f64 = 0.932;

    #[test]
    fn gap_test_floor() {
        let path = shared().join("data/coref/gap/gap-test.tsv");
        if !path.exists() {
            eprintln!("gap_test_floor: {} is absent; not scored", path.display());
            return;
        }
        let gold = gap::read_gap(&path).expect("GAP test reads");
        for (task, floor) in [
            (Task::Given, GAP_TEST_F1),
            (Task::EndToEnd, GAP_TEST_END_TO_END_F1),
        ] {
            let cases: Vec<GapCase> = gold.iter().map(|g| gap::gap_case(g, task)).collect();
            let f1 = gap::gap_f1(gold.iter().zip(&cases), speaker_training::score)[0].f1();
            eprintln!("gap_test_floor: {task:?} F1 {f1:.4}");
            assert!(f1 >= floor, "GAP test F1 ({task:?}) {f1:.4} < {floor}");
        }
    }

    #[test]
    fn gum_news_floor() {
        let Some(docs) = gum_news().expect("GUM reads") else {
            eprintln!("gum_news_floor: GUM is absent; not scored");
            return;
        };
        let said: Vec<Vec<Said>> = docs.iter().map(|d| said_here(&d.text)).collect();
        let (correct, _, total) = gum_news_accuracy(&docs, &said);
        let accuracy = f64::from(correct) / f64::from(total.max(1));
        eprintln!("gum_news_floor: accuracy {accuracy:.4} ({correct}/{total})");
        assert!(
            accuracy >= GUM_NEWS_ACCURACY,
            "GUM news speaker accuracy {accuracy:.4} < {GUM_NEWS_ACCURACY}"
        );
    }
}
