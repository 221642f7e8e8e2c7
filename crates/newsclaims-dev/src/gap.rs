//! GAP (`../shared/data/coref/gap`, Google's gendered pronoun resolution pairs) for the speaker
//! ranker: reading the TSV files, running an example through the stages, and the GAP scorer's F1.
//!
//! An example gives a pronoun and two names, A and B; the task is to say for each whether the
//! pronoun refers to it. The ranker answers through its best-ranked cluster: a name is said
//! coreferent when that cluster holds a mention overlapping it. Two tasks are scored:
//!
//! - [`Task::Given`], the one GAP's scorer and its published baselines solve: names A and B are
//!   given as person mentions (the tagger's mentions stay for the rest of the text, and the
//!   other occurrences of the two names are mentions of them too), so every example has both
//!   names among its candidates.
//! - [`Task::EndToEnd`]: the pipeline's own mentions only, as the binary sees a news article; a
//!   name the tagger misses cannot be chosen.
//!
//! In both, the example's Wikipedia page title (from its URL) is the document's headline, as a
//! news article has one: the ranker's features see it as any text before the paragraph.

use std::path::Path;

use anyhow::{Context, Result};
use newsclaims_claims::speaker_training::{self, Candidate, FEATURES};
use newsclaims_entities::{Entities, Label, Mention};
use newsclaims_text::Span;
use newsclaims_tokenize::Tokens;

/// One GAP example: a pronoun and the two names, with the gold answers.
pub(crate) struct Gap {
    pub(crate) text: String,
    pub(crate) pronoun: Span,
    pub(crate) names: [Span; 2],
    pub(crate) gold: [bool; 2],
    pub(crate) feminine: bool,
    /// The title of the Wikipedia page the paragraph is from (`Jeremy Dehner`).
    pub(crate) title: String,
}

/// Reads one GAP TSV file (header line, then one example per line; offsets in characters).
pub(crate) fn read_gap(path: &Path) -> Result<Vec<Gap>> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for line in raw.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 11 {
            continue;
        }
        let text = f[1].to_owned();
        let span = |word: &str, offset: &str| -> Option<Span> {
            let chars: usize = offset.parse().ok()?;
            let start = text
                .char_indices()
                .nth(chars)
                .map_or(text.len(), |(b, _)| b);
            let end = start + word.len();
            (text.get(start..end) == Some(word)).then(|| Span::new(start, end))
        };
        let (Some(pronoun), Some(a), Some(b)) =
            (span(f[2], f[3]), span(f[4], f[5]), span(f[7], f[8]))
        else {
            continue;
        };
        let feminine = matches!(
            f[2].to_ascii_lowercase().as_str(),
            "she" | "her" | "hers" | "herself"
        );
        out.push(Gap {
            pronoun,
            names: [a, b],
            gold: [f[6] == "TRUE", f[9] == "TRUE"],
            feminine,
            title: page_title(f[10]),
            text,
        });
    }
    Ok(out)
}

/// The title of a Wikipedia page from its URL: the last path segment, percent-decoded, with
/// spaces for underscores and without a disambiguation in brackets (`Mary_Smith_(singer)` →
/// `Mary Smith`).
fn page_title(url: &str) -> String {
    let segment = url.rsplit('/').next().unwrap_or("");
    let bytes = segment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut k = 0;
    while k < bytes.len() {
        let hex = bytes
            .get(k + 1..k + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[k], hex) {
            (b'%', Some(b)) => {
                decoded.push(b);
                k += 3;
            }
            (b'_', _) => {
                decoded.push(b' ');
                k += 1;
            }
            (b, _) => {
                decoded.push(b);
                k += 1;
            }
        }
    }
    let title = String::from_utf8_lossy(&decoded);
    title.split(" (").next().unwrap_or("").trim().to_owned()
}

/// Which mentions the ranker chooses from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Task {
    /// Names A and B given as person mentions: GAP's own task.
    Given,
    /// The pipeline's mentions only.
    EndToEnd,
}

/// A GAP example run through the stages: the candidates of its pronoun, and for each whether
/// its cluster holds a mention overlapping name A and name B.
pub(crate) struct GapCase {
    pub(crate) candidates: Vec<Candidate>,
    pub(crate) holds: Vec<[bool; 2]>,
}

pub(crate) fn gap_case(g: &Gap, task: Task) -> GapCase {
    // The page title is the headline, a paragraph of its own before the text.
    let shift = g.title.len() + 2;
    let text = format!("{}\n\n{}", g.title, g.text);
    let moved = |s: Span| Span::new(s.start() + shift, s.end() + shift);
    let names = g.names.map(moved);
    let tokens = newsclaims_tokenize::tokenize(&text);
    let mut entities = newsclaims_entities::recognize(&text, &tokens);
    if task == Task::Given {
        entities = give_names(&text, &tokens, entities, &names, shift);
    }
    let candidates =
        speaker_training::pronoun_candidates(&text, &tokens, &entities, &[moved(g.pronoun)])
            .pop()
            .flatten()
            .unwrap_or_default();
    let holds = candidates
        .iter()
        .map(|(c, _)| {
            let mut h = [false; 2];
            for &m in &entities.clusters[*c].mentions {
                let s = entities.mentions[m].span;
                for (k, n) in names.iter().enumerate() {
                    h[k] |= s.overlaps(*n);
                }
            }
            h
        })
        .collect();
    GapCase { candidates, holds }
}

/// The entities with the given names as person mentions (the tagger's mentions that overlap
/// them give way), and every other occurrence of a given name's words as whole words after
/// byte `from` (the paragraph, not the headline) where the tagger found nothing; the mentions
/// are clustered afresh.
fn give_names(
    text: &str,
    tokens: &Tokens,
    entities: Entities,
    names: &[Span; 2],
    from: usize,
) -> Entities {
    let mut given: Vec<Span> = Vec::new();
    for n in names {
        if !given.iter().any(|g| g.overlaps(*n)) {
            given.push(*n);
        }
    }
    let mut mentions: Vec<Mention> = entities
        .mentions
        .into_iter()
        .filter(|m| !given.iter().any(|g| g.overlaps(m.span)))
        .collect();
    for n in names {
        let word = &text[*n];
        for (start, _) in text[from..].match_indices(word) {
            let s = Span::new(from + start, from + start + word.len());
            let whole = !text[..s.start()].ends_with(char::is_alphanumeric)
                && !text[s.end()..].starts_with(char::is_alphanumeric);
            let free = !given.iter().any(|g| g.overlaps(s))
                && !mentions.iter().any(|m| m.span.overlaps(s));
            if whole && free {
                given.push(s);
            }
        }
    }
    mentions.extend(given.iter().map(|&span| Mention {
        span,
        label: Label::Person,
        cluster: 0,
    }));
    mentions.sort_by_key(|m| m.span.start());
    let clusters = newsclaims_entities::cluster::cluster(text, tokens, &mut mentions);
    Entities { mentions, clusters }
}

/// True/false positives and false negatives of the positive class.
#[derive(Clone, Copy, Default)]
pub(crate) struct Counts {
    tp: u32,
    fp: u32,
    fn_: u32,
}

impl Counts {
    /// The sum of two counts.
    pub(crate) fn add(&self, other: &Counts) -> Counts {
        Counts {
            tp: self.tp + other.tp,
            fp: self.fp + other.fp,
            fn_: self.fn_ + other.fn_,
        }
    }

    pub(crate) fn f1(&self) -> f64 {
        let d = 2 * self.tp + self.fp + self.fn_;
        if d == 0 {
            0.0
        } else {
            f64::from(2 * self.tp) / f64::from(d)
        }
    }
}

/// GAP F1: overall, masculine, feminine, for a scoring function.
pub(crate) fn gap_f1<'a>(
    examples: impl IntoIterator<Item = (&'a Gap, &'a GapCase)>,
    score: impl Fn(&[f32; FEATURES]) -> f32,
) -> [Counts; 3] {
    let mut out = [Counts::default(); 3];
    for (g, case) in examples {
        let best = case
            .candidates
            .iter()
            .enumerate()
            .map(|(k, (_, f))| (score(f), k))
            .fold(None::<(f32, usize)>, |b, x| match b {
                Some(b) if b.0 >= x.0 => Some(b),
                _ => Some(x),
            });
        let said = best.map_or([false; 2], |(_, k)| case.holds[k]);
        for (said, gold) in said.iter().zip(g.gold) {
            for i in [0, 1 + usize::from(g.feminine)] {
                let c = &mut out[i];
                match (*said, gold) {
                    (true, true) => c.tp += 1,
                    (true, false) => c.fp += 1,
                    (false, true) => c.fn_ += 1,
                    (false, false) => {}
                }
            }
        }
    }
    out
}

/// Prints the GAP figures of one split.
pub(crate) fn print_gap(split: &str, f: &[Counts; 3]) {
    let (m, w) = (f[1].f1(), f[2].f1());
    println!(
        "GAP {split}: F1 overall {:.4}  masculine {m:.4}  feminine {w:.4}  bias F/M {:.3}",
        f[0].f1(),
        if m > 0.0 { w / m } else { 0.0 },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(url: &str, expect: &str) {
        assert_eq!(page_title(url), expect, "{url}");
    }

    #[test]
    fn titles_from_urls() {
        check(
            "http://en.wikipedia.org/wiki/Jeremy_Dehner",
            "Jeremy Dehner",
        );
        check(
            "http://en.wikipedia.org/wiki/Mary_Smith_(singer)",
            "Mary Smith",
        );
        check("http://en.wikipedia.org/wiki/Ren%C3%A9_Clair", "René Clair");
    }
}
