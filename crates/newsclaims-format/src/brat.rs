//! Brat standoff (`.ann`), the format the brat and INCEpTION annotation tools open, so people can
//! correct the output and feed it back as gold.
//!
//! Claims follow PolNeAR's attribution scheme, so PolNeAR readers (such as the project's
//! `eval/convert.py`) read them back: text-bound `Source` (the speaker mention), `Cue` and
//! `Content` annotations tied by an event whose trigger is the cue, of type `Attribution`, or
//! `Attribution-no-source` when the claim has no speaker (fields tab-separated in the files):
//!
//! ```text
//! T1 Source 660 671 Stoltenberg
//! T2 Cue 672 676 said
//! T3 Content 540 600;612 658 We stand ... the long haul,
//! T4 Attribution 672 676 said
//! E1 Attribution:T4 Content:T3 Cue:T2 Source:T1
//! A1 Kind E1 direct
//! #1 AnnotatorNotes T4 speaker Jens Stoltenberg; type event; check-worthiness 0.91
//! ```
//!
//! Beyond PolNeAR: the channel of a nested claim is a `Channel` argument of the event; the
//! article's own statements are text-bound `Statement` annotations with no event (they are not
//! attributions); entity mentions are text-bound annotations named by their label (`PERSON`).
//! Offsets are code points. A span that crosses a line break is cut into fragments at it (brat
//! draws one line at a time), and white space at the edges of a piece is left out, so a claim
//! may gain fragments, and keeps its start and end but for white space there.
//! A collection needs [`BRAT_ANNOTATION_CONF`] beside the files for brat to know these types.
//!
//! brat wants one `.txt` and one `.ann` per document: `newsclaims --format brat --output DIR`
//! writes them (with the two `.conf` files). It is not a stream, so it has no [`crate::Writer`],
//! and the binary refuses it on standard output.

use std::fmt::Write;

use newsclaims_claims::ClaimKind;
use newsclaims_text::{CharIndex, Span};

use crate::Analysis;

/// brat's `annotation.conf` for a collection of newsclaims output.
pub const BRAT_ANNOTATION_CONF: &str = "\
# newsclaims output: PolNeAR's attribution scheme (Source, Cue, Content) plus entities.
[entities]
Source
Cue
Content
Channel
Statement
PERSON
ORG
GPE
LOC
FAC
NORP
EVENT
PRODUCT
WORK_OF_ART
LAW
LANGUAGE
DATE
TIME
MONEY
PERCENT
QUANTITY
CARDINAL
ORDINAL

[relations]
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]
Attribution\tSource?:Source, Cue?:Cue, Content:Content, Channel?:Channel
Attribution-no-source\tCue?:Cue, Content:Content, Channel?:Channel

[attributes]
Kind\tArg:<EVENT>, Value:direct|indirect|mixed
";

/// brat's `visual.conf`: the claim parts in the colours of the HTML view.
pub const BRAT_VISUAL_CONF: &str = "\
[labels]
Attribution | Attribution | Attr
Attribution-no-source | Attribution without source | Attr?
Statement | Statement | Stmt

[drawing]
Source\tbgColor:#ffb870
Cue\tbgColor:#ffe08a
Content\tbgColor:#bfe0ff
Channel\tbgColor:#dddddd
Statement\tbgColor:#e8dcff
Attribution\tbgColor:#ffe08a
Attribution-no-source\tbgColor:#ffe08a
PERSON\tbgColor:#f4a3a4
ORG\tbgColor:#a6c8e8
GPE\tbgColor:#aadfaa
";

/// The `.ann` contents of one document.
pub fn brat_ann(analysis: &Analysis) -> String {
    let text = analysis.document.text.as_str();
    let mut ann = Ann {
        text,
        index: CharIndex::new(text),
        out: String::new(),
        t: 0,
    };
    for mention in &analysis.entities.mentions {
        ann.text_bound(mention.label.as_str(), &[mention.span]);
    }
    // Events (E) and their attributes (A) share numbers; notes (#) count on their own.
    let (mut events, mut notes) = (0, 0);
    for claim in &analysis.claims {
        let fragments = if claim.fragments.is_empty() {
            std::slice::from_ref(&claim.span)
        } else {
            &claim.fragments[..]
        };
        let checkworthiness = crate::json::round3(claim.checkworthiness);
        let ty = claim.claim_type.as_str();
        if claim.kind == ClaimKind::Statement {
            if let Some(t) = ann.text_bound("Statement", fragments) {
                notes += 1;
                let _ = writeln!(
                    ann.out,
                    "#{notes}\tAnnotatorNotes T{t}\ttype {ty}; check-worthiness {checkworthiness}"
                );
            }
            continue;
        }
        let source = claim
            .speaker
            .and_then(|s| ann.text_bound("Source", &[s.span]));
        let cue = claim.cue.and_then(|c| ann.text_bound("Cue", &[c]));
        let Some(content) = ann.text_bound("Content", fragments) else {
            continue;
        };
        let channel = claim.source.and_then(|s| ann.text_bound("Channel", &[s]));
        let event_type = if source.is_some() {
            "Attribution"
        } else {
            "Attribution-no-source"
        };
        // PolNeAR's trigger is the cue; without one, the speaker, else the content stands in.
        let trigger_span = claim
            .cue
            .or(claim.speaker.map(|s| s.span))
            .unwrap_or(fragments[0]);
        let Some(trigger) = ann.text_bound(event_type, &[trigger_span]) else {
            continue;
        };
        events += 1;
        let _ = write!(
            ann.out,
            "E{events}\t{event_type}:T{trigger} Content:T{content}"
        );
        if let Some(cue) = cue {
            let _ = write!(ann.out, " Cue:T{cue}");
        }
        if let Some(source) = source {
            let _ = write!(ann.out, " Source:T{source}");
        }
        if let Some(channel) = channel {
            let _ = write!(ann.out, " Channel:T{channel}");
        }
        ann.out.push('\n');
        let _ = writeln!(ann.out, "A{events}\tKind E{events} {}", claim.kind.as_str());
        notes += 1;
        let speaker = claim.speaker.map_or("unknown", |s| &text[s.name]);
        let _ = writeln!(
            ann.out,
            "#{notes}\tAnnotatorNotes T{trigger}\tspeaker {}; type {ty}; check-worthiness \
             {checkworthiness}",
            one_line(speaker)
        );
    }
    ann.out
}

/// A file name for a document's `.txt` and `.ann`: its id with every character that a file name
/// cannot hold (or that would climb out of the folder) replaced by `_`. Distinct ids may share a
/// stem; the caller makes them unique.
pub fn brat_file_stem(id: &str) -> String {
    let stem: String = id
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    match stem.trim_start_matches('.') {
        "" => format!("_{stem}"),
        s if s.len() < stem.len() => format!("_{s}"),
        _ => stem,
    }
}

struct Ann<'a> {
    text: &'a str,
    index: CharIndex,
    out: String,
    /// The number of the last text-bound annotation written.
    t: usize,
}

impl Ann<'_> {
    /// Writes a text-bound annotation over `spans`, cut at line breaks and without white space at
    /// the edges of a piece, and returns its number; `None` when nothing but white space is
    /// covered.
    fn text_bound(&mut self, label: &str, spans: &[Span]) -> Option<usize> {
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        for &span in spans {
            let mut at = span.start();
            for line in self.text[span].split_inclusive(['\n', '\r']) {
                let lead = line.len() - line.trim_start().len();
                let kept = line.trim().len();
                if kept > 0 {
                    pieces.push((at + lead, at + lead + kept));
                }
                at += line.len();
            }
        }
        if pieces.is_empty() {
            return None;
        }
        self.t += 1;
        let _ = write!(self.out, "T{}\t{label} ", self.t);
        for (k, &(a, b)) in pieces.iter().enumerate() {
            let sep = if k > 0 { ";" } else { "" };
            let _ = write!(
                self.out,
                "{sep}{} {}",
                self.index.char_offset(a),
                self.index.char_offset(b)
            );
        }
        let covered: Vec<&str> = pieces.iter().map(|&(a, b)| &self.text[a..b]).collect();
        let _ = writeln!(self.out, "\t{}", one_line(&covered.join(" ")));
        Some(self.t)
    }
}

/// Tabs and other control characters would break the line format; brat shows spaces for them.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::brat_file_stem;

    #[test]
    fn file_stems_stay_in_the_folder() {
        assert_eq!(brat_file_stem("seed-nato-kyiv"), "seed-nato-kyiv");
        assert_eq!(brat_file_stem("../etc/passwd"), "__etc_passwd");
        assert_eq!(brat_file_stem(".hidden"), "_hidden");
        assert_eq!(brat_file_stem(""), "_");
        assert_eq!(brat_file_stem("a:b"), "a_b");
    }
}
