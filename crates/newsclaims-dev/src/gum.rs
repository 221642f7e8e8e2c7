//! Reads the GUM corpus (`../shared/data/coref/gum/dep/*.conllu`): each document's text rebuilt
//! from its tokens (paragraphs from `# newpar`), its gold coreference mentions (the `Entity=`
//! brackets), its quotations (`<quote>` markup) and dependency heads, as byte spans into the
//! rebuilt text.
//!
//! It also finds each quotation's gold speaker: the subject (`nsubj`) of the speech verb outside
//! the quotation in the sentences it touches, nearest to it; a quotation with no such verb has no
//! gold speaker and is left out of speaker accuracy.

use std::path::Path;

use anyhow::{Context, Result};
use newsclaims_text::Span;

/// One GUM document.
pub(crate) struct Doc {
    pub(crate) name: String,
    pub(crate) text: String,
    pub(crate) tokens: Vec<Token>,
    /// Gold mentions: (entity id, first token, last token), in order of their end.
    pub(crate) mentions: Vec<(u32, usize, usize)>,
    /// Quotations as token ranges (first, last), marks included.
    pub(crate) quotes: Vec<(usize, usize)>,
}

pub(crate) struct Token {
    pub(crate) span: Span,
    pub(crate) lemma: String,
    pub(crate) deprel: String,
    /// Document-level index of the head, `None` for a root.
    pub(crate) head: Option<usize>,
    pub(crate) sentence: usize,
}

/// Lemmas of verbs that report speech, for finding a quotation's gold speaker.
const SPEECH: &[&str] = &[
    "say",
    "tell",
    "add",
    "state",
    "explain",
    "write",
    "ask",
    "note",
    "claim",
    "declare",
    "announce",
    "reply",
    "respond",
    "argue",
    "warn",
    "insist",
    "admit",
    "continue",
    "report",
    "describe",
    "call",
    "comment",
    "remark",
    "suggest",
    "conclude",
    "quote",
    "tweet",
    "post",
    "recall",
    "acknowledge",
    "confirm",
    "deny",
    "joke",
    "complain",
    "urge",
    "emphasize",
];

/// Reads every `.conllu` file of `dir` whose name passes `keep`, sorted by name.
pub(crate) fn read_dir(dir: &Path, keep: impl Fn(&str) -> bool) -> Result<Vec<Doc>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|n| n.ends_with(".conllu"))
        .filter(|n| keep(n.trim_end_matches(".conllu")))
        .collect();
    names.sort();
    names
        .iter()
        .map(|n| {
            let path = dir.join(n);
            let raw = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            Ok(parse(n.trim_end_matches(".conllu"), &raw))
        })
        .collect()
}

/// Parses one document.
pub(crate) fn parse(name: &str, raw: &str) -> Doc {
    let mut doc = Doc {
        name: name.to_owned(),
        text: String::new(),
        tokens: Vec::new(),
        mentions: Vec::new(),
        quotes: Vec::new(),
    };
    let mut open: Vec<(u32, usize)> = Vec::new();
    let mut quote_open: Option<usize> = None;
    let mut sentence_base = 0usize;
    let mut sentence = 0usize;
    let mut space_before = false;
    let mut new_paragraph = false;
    for line in raw.lines() {
        if line.starts_with("# newpar") {
            new_paragraph = true;
            continue;
        }
        if line.is_empty() {
            if doc.tokens.len() > sentence_base {
                sentence += 1;
            }
            sentence_base = doc.tokens.len();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 10 || f[0].contains('-') || f[0].contains('.') {
            continue;
        }
        if !doc.text.is_empty() {
            if new_paragraph {
                doc.text.push_str("\n\n");
            } else if space_before || sentence_base == doc.tokens.len() {
                doc.text.push(' ');
            }
        }
        new_paragraph = false;
        let start = doc.text.len();
        doc.text.push_str(f[1]);
        let index = doc.tokens.len();
        let head = f[6]
            .parse::<usize>()
            .ok()
            .filter(|&h| h > 0)
            .map(|h| sentence_base + h - 1);
        doc.tokens.push(Token {
            span: Span::new(start, doc.text.len()),
            lemma: f[2].to_owned(),
            deprel: f[7].to_owned(),
            head,
            sentence,
        });
        let misc = f[9];
        space_before = !misc.split('|').any(|m| m == "SpaceAfter=No");
        if let Some(e) = misc.split('|').find_map(|m| m.strip_prefix("Entity=")) {
            entities(e, index, &mut open, &mut doc.mentions);
        }
        if let Some(x) = misc.split('|').find_map(|m| m.strip_prefix("XML=")) {
            if x.contains("<quote") {
                quote_open = Some(index);
            }
            if x.contains("</quote>")
                && let Some(a) = quote_open.take()
            {
                doc.quotes.push((a, index));
            }
        }
    }
    doc
}

/// Reads one token's `Entity=` value: `(3-person-...` opens entity 3, `3)` closes it, and
/// `(3-person-...)` is a one-token mention.
fn entities(
    value: &str,
    token: usize,
    open: &mut Vec<(u32, usize)>,
    out: &mut Vec<(u32, usize, usize)>,
) {
    let b = value.as_bytes();
    let mut k = 0;
    while k < b.len() {
        let opening = b[k] == b'(';
        if opening {
            k += 1;
        }
        let digits = b[k..].iter().take_while(|c| c.is_ascii_digit()).count();
        let id: u32 = value[k..k + digits].parse().unwrap_or(u32::MAX);
        k += digits;
        if opening {
            while k < b.len() && b[k] != b'(' && b[k] != b')' {
                k += 1;
            }
            if k < b.len() && b[k] == b')' {
                out.push((id, token, token));
                k += 1;
            } else {
                open.push((id, token));
            }
        } else {
            if let Some(at) = open.iter().rposition(|(o, _)| *o == id) {
                let (_, first) = open.remove(at);
                out.push((id, first, token));
            }
            k += 1;
        }
    }
}

impl Doc {
    /// The entity of the smallest gold mention holding token `t`.
    pub(crate) fn entity_at(&self, t: usize) -> Option<u32> {
        self.mentions
            .iter()
            .filter(|(_, a, b)| *a <= t && t <= *b)
            .min_by_key(|(_, a, b)| (b - a, *a))
            .map(|(e, _, _)| *e)
    }

    /// The gold speaker entity of quotation `q`: the subject of the nearest speech verb outside it
    /// in the sentences it touches.
    pub(crate) fn quote_speaker(&self, q: (usize, usize)) -> Option<u32> {
        let (a, b) = q;
        let first = self.tokens[a].sentence;
        let last = self.tokens[b].sentence;
        let lo = self.tokens[..a].partition_point(|t| t.sentence < first);
        let hi = b + self.tokens[b..]
            .iter()
            .take_while(|t| t.sentence <= last)
            .count();
        let verb = (lo..hi)
            .filter(|&t| (t < a || t > b) && SPEECH.contains(&self.tokens[t].lemma.as_str()))
            .min_by_key(|&t| if t < a { a - t } else { t - b })?;
        let subject = (lo..hi).find(|&t| {
            self.tokens[t].head == Some(verb)
                && self.tokens[t].deprel == "nsubj"
                && (t < a || t > b)
        })?;
        self.entity_at(subject)
    }
}
