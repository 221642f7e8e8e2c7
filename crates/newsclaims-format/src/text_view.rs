//! `--format text`: a plain-text view that a person can read in a terminal, a block per
//! document (its entities by cluster, then its claims, one a line), an unreadable document as
//! its id and what went wrong.

use std::fmt::Write;

use crate::{Analysis, Unreadable};

/// The terminal view.
pub struct Text;

impl crate::Writer for Text {
    fn record(&self, out: &mut Vec<u8>, _n: usize, analysis: &Analysis) {
        let mut s = String::new();
        write_text(&mut s, analysis);
        out.extend_from_slice(s.as_bytes());
    }

    fn unreadable(&self, out: &mut Vec<u8>, _n: usize, unreadable: &Unreadable) {
        let line = unreadable
            .line
            .map(|l| format!(" (line {l})"))
            .unwrap_or_default();
        let s = format!(
            "== {} ==\n! {}{}: {}\n\n",
            clean(&unreadable.id),
            unreadable.kind,
            line,
            clean(&unreadable.message)
        );
        out.extend_from_slice(s.as_bytes());
    }
}

/// Appends the text view of `analysis` to `out`.
fn write_text(out: &mut String, analysis: &Analysis) {
    let text = analysis.document.text.as_str();
    let entities = &analysis.entities;
    let _ = writeln!(out, "== {} ==", clean(&analysis.document.id));
    if let Some(title) = crate::carried(analysis, "title") {
        let _ = writeln!(out, "{}", one_line(&title));
    }
    let _ = writeln!(
        out,
        "{} sentences, {} entities in {} clusters, {} claims",
        analysis.tokens.sentences.len(),
        entities.mentions.len(),
        entities.clusters.len(),
        analysis.claims.len()
    );
    for problem in &analysis.problems {
        let _ = writeln!(out, "! {}: {}", problem.kind, clean(&problem.message));
    }
    let _ = writeln!(out, "\nEntities:");
    for cluster in &entities.clusters {
        let _ = write!(
            out,
            "  {:<11} {}",
            cluster.label.as_str(),
            clean(&text[cluster.name])
        );
        if cluster.mentions.len() > 1 {
            let _ = write!(out, " (×{})", cluster.mentions.len());
        }
        for &d in &cluster.descriptors {
            let _ = write!(out, " [{}]", clean(&text[d]));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "\nClaims:");
    for claim in &analysis.claims {
        let who = match claim.speaker {
            Some(s) => text[s.name].to_string(),
            None if claim.kind == newsclaims_claims::ClaimKind::Statement => "(the article)".into(),
            None => "(unknown)".into(),
        };
        let cue = claim.cue.map(|c| &text[c]).unwrap_or("-");
        let _ = writeln!(
            out,
            "  [{} {} {:.2}] {} ({}): {}",
            claim.kind.as_str(),
            claim.claim_type.as_str(),
            claim.checkworthiness,
            clean(&who),
            clean(cue),
            one_line(&crate::claim_content(text, claim))
        );
        if let Some(source) = claim.source {
            let _ = writeln!(out, "      via {}", clean(&text[source]));
        }
    }
    out.push('\n');
}

/// `s` on one line (white space runs as one space), its control characters escaped.
fn one_line(s: &str) -> String {
    clean(&s.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned()
}

/// `s` with its control characters (line breaks, escape sequences that would drive the
/// terminal) written as escapes (`\n`, `\u{1b}`), so that a document cannot break the view's
/// layout or take over the terminal.
fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return s.into();
    }
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}
