//! `cargo xtask eval claims --errors`: every miss and false alarm of the claims stage against a
//! gold file, with its class, and the counts per class.
//!
//! Pairs are matched as the referee (`../shared/eval/score.py`) matches them: `\w+` words,
//! greedy best-Dice pairs, each side used once, a match needs half the gold words covered and
//! half the predicted words gold. A required gold claim that is not attributed is one miss:
//! - `wrong-source`: the content matched but the speaker did not;
//! - `wrong-boundary`: a prediction shares words with it but did not match;
//! - `no-cue`: nothing predicted touches it.
//!
//! A prediction that is neither attributed nor matched to optional gold is one false alarm:
//! `wrong-source` (its content matched), `wrong-boundary` (it shares words with a required gold
//! claim) or `spurious`. The figures agree with the referee's: misses = gold − attributed, false
//! alarms = pred − attributed.
//!
//! A `no-cue` miss also says what the rules decided at the gold cue's first word the cue lexicon
//! knows (`rules: nosubject`, `rules: notverb`, ...: the outcomes of
//! `newsclaims_claims::training::cue_cases`, before the cue classifier's rescue or veto), or
//! `rules: no-cue-word` when no word of the cue is a form of a cue lemma; the counts per
//! decision follow the counts per class.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::Value;

use crate::referee::{is_word_char, match_pairs, word_runs, words_in};

/// Characters of a claim's text shown in the listing.
const SHOWN_CHARS: usize = 140;

/// A claim as the scorer sees it: its word set and what the listing shows.
struct Side<'a> {
    claim: &'a Value,
    words: BTreeSet<usize>,
}

fn num(v: &Value, key: &str) -> usize {
    v.get(key).and_then(Value::as_u64).unwrap_or(0) as usize
}

fn claim_spans(c: &Value) -> Vec<(usize, usize)> {
    if let Some(frags) = c.get("fragments").and_then(Value::as_array)
        && !frags.is_empty()
    {
        return frags
            .iter()
            .filter_map(|f| {
                let f = f.as_array()?;
                Some((f.first()?.as_u64()? as usize, f.get(1)?.as_u64()? as usize))
            })
            .collect();
    }
    vec![(num(c, "start"), num(c, "end"))]
}

/// Whether the predicted speaker is right for the gold claim, as the referee decides it.
fn speaker_ok(gold: &Value, pred: &Value, toks: &[(usize, usize)]) -> bool {
    let ps = pred.get("speaker").filter(|s| !s.is_null());
    if let Some(names) = gold.get("speaker") {
        let names: Vec<&str> = names
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if names.is_empty() {
            return ps.is_none();
        }
        let Some(ps) = ps else { return false };
        let name = ps
            .get("name")
            .or_else(|| ps.get("text"))
            .and_then(Value::as_str)
            .unwrap_or("");
        return name_ok(name, &names);
    }
    let Some(gm) = gold.get("speaker_mention").filter(|m| !m.is_null()) else {
        return ps.is_none();
    };
    let Some(ps) = ps.filter(|s| s.get("start").is_some()) else {
        return false;
    };
    let a = words_in(&[(num(gm, "start"), num(gm, "end"))], toks);
    let b = words_in(&[(num(ps, "start"), num(ps, "end"))], toks);
    a.intersection(&b).next().is_some()
}

/// The referee's name comparison: normalised equality, or the same last word when one side is
/// one word or the first words agree.
fn name_ok(pred: &str, gold: &[&str]) -> bool {
    let norm = |s: &str| -> Vec<String> {
        let mut s = s.trim().to_lowercase().replace('’', "'");
        for d in ["the ", "a ", "an "] {
            if let Some(rest) = s.strip_prefix(d) {
                s = rest.to_string();
            }
        }
        if let Some(rest) = s.strip_suffix("'s") {
            s = rest.to_string();
        }
        s.split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let p = norm(pred);
    if p.is_empty() {
        return false;
    }
    gold.iter().map(|g| norm(g)).any(|g| {
        !g.is_empty()
            && (p == g || p.last() == g.last() && (p.len() == 1 || g.len() == 1 || p[0] == g[0]))
    })
}

/// Per class: misses and false alarms, and the listing's lines.
#[derive(Default)]
struct Report {
    misses: BTreeMap<&'static str, usize>,
    alarms: BTreeMap<&'static str, usize>,
    /// `no-cue` misses by the rules' decision at the cue word.
    no_cue: BTreeMap<&'static str, usize>,
    lines: Vec<String>,
}

/// The rules' decision at every form of a cue lemma of `text`, in code points.
fn rule_outcomes(text: &str) -> Vec<(usize, usize, &'static str)> {
    let tokens = newsclaims_tokenize::tokenize(text);
    let entities = newsclaims_entities::recognize(text, &tokens);
    let chars = |b: usize| text.get(..b).map_or(0, |s| s.chars().count());
    newsclaims_claims::training::cue_cases(text, &tokens, &entities)
        .into_iter()
        .map(|c| (chars(c.cue.start()), chars(c.cue.end()), c.outcome))
        .collect()
}

/// The rules' decision at the first cue word inside the gold claim's cue.
fn outcome_at(gold: &Value, outcomes: &[(usize, usize, &'static str)]) -> &'static str {
    let Some(cue) = gold.get("cue").filter(|c| !c.is_null()) else {
        return "no-gold-cue";
    };
    let (a, b) = (num(cue, "start"), num(cue, "end"));
    outcomes
        .iter()
        .find(|&&(s, e, _)| s < b && a < e)
        .map_or("no-cue-word", |o| o.2)
}

fn shown(text: &[char], c: &Value) -> String {
    let spans = claim_spans(c);
    let s: String = spans
        .iter()
        .map(|&(a, b)| {
            text[a.min(text.len())..b.min(text.len())]
                .iter()
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" … ");
    let s = s.replace('\n', " ");
    if s.chars().count() > SHOWN_CHARS {
        format!("{}…", s.chars().take(SHOWN_CHARS).collect::<String>())
    } else {
        s
    }
}

fn part(text: &[char], v: Option<&Value>) -> String {
    match v.filter(|v| !v.is_null()) {
        Some(v) => {
            let (a, b) = (
                num(v, "start").min(text.len()),
                num(v, "end").min(text.len()),
            );
            text[a..b.max(a)]
                .iter()
                .collect::<String>()
                .replace('\n', " ")
        }
        None => "-".to_string(),
    }
}

fn describe(text: &[char], c: &Value) -> String {
    let speaker = c.get("speaker_mention").or_else(|| c.get("speaker"));
    format!(
        "{} cue {:?} speaker {:?}: {:?}",
        c.get("kind").and_then(Value::as_str).unwrap_or("?"),
        part(text, c.get("cue")),
        part(text, speaker),
        shown(text, c)
    )
}

/// Classifies one document's misses and false alarms into `report`.
fn document(id: &str, text: &[char], gold: &[Value], pred: &[Value], report: &mut Report) {
    let toks = word_runs(text.iter().copied().enumerate(), text.len());
    // Asked only of a document with a `no-cue` miss: it runs the entities and the rules again.
    let mut outcomes: Option<Vec<(usize, usize, &'static str)>> = None;
    let side = |c| Side {
        claim: c,
        words: words_in(&claim_spans(c), &toks),
    };
    let gold: Vec<Side<'_>> = gold.iter().map(side).collect();
    let pred: Vec<Side<'_>> = pred
        .iter()
        .filter(|c| c.get("kind").and_then(Value::as_str) != Some("statement"))
        .map(side)
        .collect();
    let optional = |g: &Side<'_>| g.claim.get("optional").and_then(Value::as_bool) == Some(true);
    let gold_words: Vec<_> = gold.iter().map(|s| &s.words).collect();
    let pred_words: Vec<_> = pred.iter().map(|s| &s.words).collect();
    let matches = match_pairs(&gold_words, &pred_words);
    let of_gold: BTreeMap<usize, usize> = matches.iter().copied().collect();
    let of_pred: BTreeMap<usize, usize> = matches.iter().map(|&(i, j)| (j, i)).collect();
    let touches = |a: &BTreeSet<usize>, b: &BTreeSet<usize>| a.intersection(b).next().is_some();
    for (i, g) in gold.iter().enumerate() {
        if optional(g) {
            continue;
        }
        let class = match of_gold.get(&i) {
            Some(&j) if speaker_ok(g.claim, pred[j].claim, &toks) => continue,
            Some(_) => "wrong-source",
            None if pred.iter().any(|p| touches(&p.words, &g.words)) => "wrong-boundary",
            None => "no-cue",
        };
        *report.misses.entry(class).or_default() += 1;
        // The matched prediction, else the one sharing the most words.
        let near = of_gold
            .get(&i)
            .copied()
            .or_else(|| {
                (0..pred.len())
                    .filter(|&j| touches(&pred[j].words, &g.words))
                    .max_by_key(|&j| pred[j].words.intersection(&g.words).count())
            })
            .map(|j| format!("\n    predicted {}", describe(text, pred[j].claim)))
            .unwrap_or_default();
        let rules = if class == "no-cue" {
            let all =
                outcomes.get_or_insert_with(|| rule_outcomes(&text.iter().collect::<String>()));
            let o = outcome_at(g.claim, all);
            *report.no_cue.entry(o).or_default() += 1;
            format!(" (rules: {o})")
        } else {
            String::new()
        };
        report.lines.push(format!(
            "miss {class:<14} {id}{rules}\n    gold {}{near}",
            describe(text, g.claim)
        ));
    }
    for (j, p) in pred.iter().enumerate() {
        let class = match of_pred.get(&j) {
            Some(&i) if optional(&gold[i]) => continue,
            Some(&i) if speaker_ok(gold[i].claim, p.claim, &toks) => continue,
            Some(_) => "wrong-source",
            None if gold
                .iter()
                .any(|g| !optional(g) && touches(&p.words, &g.words)) =>
            {
                "wrong-boundary"
            }
            None => "spurious",
        };
        *report.alarms.entry(class).or_default() += 1;
        report.lines.push(format!(
            "false-alarm {class:<14} {id}\n    predicted {}",
            describe(text, p.claim)
        ));
    }
}

fn read_jsonl(path: &Path) -> Result<BTreeMap<String, Value>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", path.display(), n + 1))?;
        let id = v
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        out.insert(id, v);
    }
    Ok(out)
}

/// Prints every miss and false alarm of `pred` against `gold`, then the counts per class.
pub(crate) fn run(gold: &Path, pred: &Path, docs: &Path) -> Result<()> {
    let gold = read_jsonl(gold)?;
    let pred = read_jsonl(pred)?;
    let docs = read_jsonl(docs)?;
    let mut report = Report::default();
    let empty = Vec::new();
    for (id, g) in &gold {
        let text: Vec<char> = docs
            .get(id)
            .and_then(|d| d.get("text"))
            .and_then(Value::as_str)
            .with_context(|| format!("no input text for document {id:?}"))?
            .chars()
            .collect();
        let claims = |v: Option<&Value>| {
            v.and_then(|v| v.get("claims"))
                .and_then(Value::as_array)
                .unwrap_or(&empty)
                .clone()
        };
        document(
            id,
            &text,
            &claims(Some(g)),
            &claims(pred.get(id)),
            &mut report,
        );
    }
    for line in &report.lines {
        println!("{line}");
    }
    let total = |m: &BTreeMap<&str, usize>| m.values().sum::<usize>();
    println!("\nmisses {}", total(&report.misses));
    for (class, n) in &report.misses {
        println!("  {class:<14} {n}");
    }
    println!("no-cue misses by the rules' decision at the cue word");
    let mut by_count: Vec<_> = report.no_cue.iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (outcome, n) in by_count {
        println!("  {outcome:<14} {n}");
    }
    println!("false alarms {}", total(&report.alarms));
    for (class, n) in &report.alarms {
        println!("  {class:<14} {n}");
    }
    Ok(())
}
