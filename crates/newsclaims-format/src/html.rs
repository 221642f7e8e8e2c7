//! `--format html`: one self-contained page for a run: a table of contents, then each document
//! under its title (its `title` input field, else its id) with its text, its claims highlighted
//! by kind, the speakers' names shown, the entities underlined in their label's colour with the
//! label printed after them (as displaCy does), and the list of claims beside the text.
//!
//! The page needs nothing beside it: inline CSS, no script, no external resource (a
//! Content-Security-Policy forbids them, so a hostile article cannot make the page fetch
//! anything). Every piece of article text is escaped.
//!
//! The table of contents is known only when every document has been written, so it is written
//! last, after the documents, and CSS (`order` in the body's flex column) shows it before them:
//! the page still streams, one section per document.
//!
//! Highlights may overlap in any way (entities inside claims, a cue inside a claim, claims that
//! overlap each other partly); the markup stays well nested because it is built segment by
//! segment: between two consecutive span boundaries the set of covering highlights is fixed,
//! ordered outermost first (claims, then cues and speakers, then entities), and only the
//! elements that differ from the previous segment are closed and opened. An element cut this
//! way continues in a second element with the same attributes and the class `cont`. An entity's
//! label is an empty element at the end of its last piece (`<i data-l="ORG"></i>`), drawn by
//! CSS from the attribute, so the DOM's text stays the article's text.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;

use newsclaims_claims::ClaimKind;
use newsclaims_text::Span;

use crate::{Analysis, Unreadable};

/// The page writer. It remembers each document's entry of the table of contents, by place, for
/// [`crate::Writer::end`].
#[derive(Default)]
pub struct Html {
    contents: Mutex<BTreeMap<usize, String>>,
}

impl Html {
    fn add_to_contents(&self, n: usize, entry: String) {
        // A panic elsewhere while the lock was held cannot leave the map half-written.
        let mut contents = self.contents.lock().unwrap_or_else(|e| e.into_inner());
        contents.insert(n, entry);
    }
}

impl crate::Writer for Html {
    fn begin(&self, out: &mut Vec<u8>) {
        let mut s = String::new();
        write_header(&mut s);
        out.extend_from_slice(s.as_bytes());
    }

    fn record(&self, out: &mut Vec<u8>, n: usize, analysis: &Analysis) {
        let mut s = String::new();
        write_document(&mut s, analysis, n);
        out.extend_from_slice(s.as_bytes());
        let entry = format!(
            "<li><a href=\"#d{n}\">{}</a> <small>{} claim{}</small></li>",
            escape(&title(analysis)),
            analysis.claims.len(),
            if analysis.claims.len() == 1 { "" } else { "s" }
        );
        self.add_to_contents(n, entry);
    }

    fn unreadable(&self, out: &mut Vec<u8>, n: usize, unreadable: &Unreadable) {
        let mut s = String::new();
        write_unreadable(&mut s, unreadable, n);
        out.extend_from_slice(s.as_bytes());
        let entry = format!(
            "<li class=\"unreadable\"><a href=\"#d{n}\">{}</a> <small>unreadable</small></li>",
            escape(&unreadable.id)
        );
        self.add_to_contents(n, entry);
    }

    fn end(&self, out: &mut Vec<u8>, _records: usize) {
        let contents =
            std::mem::take(&mut *self.contents.lock().unwrap_or_else(|e| e.into_inner()));
        let mut s = String::from("</main>\n<nav class=\"toc\"><h2>Contents</h2>\n<ol>\n");
        for entry in contents.values() {
            s.push_str(entry);
            s.push('\n');
        }
        s.push_str("</ol></nav>\n</body>\n</html>\n");
        out.extend_from_slice(s.as_bytes());
    }
}

/// The page's head, style and legend, before any document.
fn write_header(out: &mut String) {
    out.push_str(HEAD);
    out.push_str("<header><h1>newsclaims</h1><p class=\"legend\">");
    for kind in crate::schema::CLAIM_KINDS {
        let _ = write!(out, "<mark class=\"key k-{0}\">{0}</mark> ", kind.as_str());
    }
    out.push_str("<br>");
    for label in newsclaims_entities::Label::ALL {
        let _ = write!(out, "<span class=\"ent e-{0}\">{0}</span> ", label.as_str());
    }
    out.push_str("</p></header>\n<main>\n");
}

/// A document's heading: its `title` input field, else its id.
fn title(analysis: &Analysis) -> String {
    crate::carried(analysis, "title")
        .filter(|t| !t.trim().is_empty())
        .map_or_else(|| analysis.document.id.clone(), |t| t.into_owned())
}

/// Appends the section of one document, the `n`th of the output (0-based), which makes its
/// element ids unique in the page.
fn write_document(out: &mut String, analysis: &Analysis, n: usize) {
    let entities = &analysis.entities;
    let title = title(analysis);
    let _ = write!(
        out,
        "<section class=\"doc\" id=\"d{n}\">\n<h2>{}</h2>\n<p class=\"stats\">",
        escape(&title)
    );
    if title != analysis.document.id {
        let _ = write!(out, "<code>{}</code> · ", escape(&analysis.document.id));
    }
    let _ = writeln!(
        out,
        "{} sentences, {} entities, {} claims</p>",
        analysis.tokens.sentences.len(),
        entities.mentions.len(),
        analysis.claims.len()
    );
    for problem in &analysis.problems {
        let _ = writeln!(
            out,
            "<p class=\"problem\">{}: {}</p>",
            escape(problem.kind.as_str()),
            escape(&problem.message)
        );
    }
    out.push_str("<div class=\"cols\">\n<div class=\"text\">");
    write_marked_text(out, analysis, n);
    out.push_str("</div>\n<div class=\"side\">\n<ol class=\"claims\">\n");
    for id in 0..analysis.claims.len() {
        write_claim_item(out, analysis, n, id);
    }
    out.push_str("</ol>\n");
    if !entities.clusters.is_empty() {
        write_clusters(out, analysis);
    }
    out.push_str("</div>\n</div>\n</section>\n");
}

/// One item of the claim list: kind (linking to the claim in the text), speaker, cue, channel,
/// type and score, then the content (a direct quote between quotation marks; the other kinds
/// hold their own marks where they have any, so none are added).
fn write_claim_item(out: &mut String, analysis: &Analysis, n: usize, id: usize) {
    let text = analysis.document.text.as_str();
    let claim = &analysis.claims[id];
    let kind = claim.kind.as_str();
    let _ = write!(
        out,
        "<li class=\"item k-{kind}\"><a href=\"#d{n}-c{id}\"><b class=\"kind\">{kind}</b></a> \
         <span class=\"who\">{}</span>",
        escape(&who(analysis, id)),
    );
    if let Some(cue) = claim.cue {
        let _ = write!(out, " <i class=\"cue-word\">{}</i>", escape(&text[cue]));
    }
    if let Some(source) = claim.source {
        let _ = write!(
            out,
            " <span class=\"via\">via {}</span>",
            escape(&text[source])
        );
    }
    let content = escape(&crate::claim_content(text, claim));
    let content = if claim.kind == ClaimKind::Direct {
        format!("“{content}”")
    } else {
        content
    };
    let _ = writeln!(
        out,
        " <span class=\"meta\">{} · {:.2}</span><span class=\"content\">{content}</span></li>",
        claim.claim_type.as_str(),
        claim.checkworthiness,
    );
}

/// The document's entities, one per cluster, folded.
fn write_clusters(out: &mut String, analysis: &Analysis) {
    let text = analysis.document.text.as_str();
    let clusters = &analysis.entities.clusters;
    let _ = writeln!(
        out,
        "<details class=\"entities\"><summary>{} entities</summary><ul>",
        clusters.len()
    );
    for cluster in clusters {
        let label = cluster.label.as_str();
        let _ = write!(
            out,
            "<li><span class=\"ent e-{label}\">{}</span> <small>{label}",
            escape(&text[cluster.name])
        );
        if cluster.mentions.len() > 1 {
            let _ = write!(out, " ×{}", cluster.mentions.len());
        }
        for &d in &cluster.descriptors {
            let _ = write!(out, " · {}", escape(&text[d]));
        }
        out.push_str("</small></li>\n");
    }
    out.push_str("</ul></details>\n");
}

/// Appends the section of a document that could not be read.
fn write_unreadable(out: &mut String, unreadable: &Unreadable, n: usize) {
    let line = unreadable
        .line
        .map(|l| format!(" (line {l})"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<section class=\"doc unreadable\" id=\"d{n}\">\n<h2>{}</h2>\n<p class=\"problem\">{}{}: \
         {}</p>\n</section>",
        escape(&unreadable.id),
        escape(unreadable.kind.as_str()),
        line,
        escape(&unreadable.message)
    );
}

/// Who a claim is by, for people: the speaker's name, or the article for a statement.
fn who(analysis: &Analysis, id: usize) -> String {
    let claim = &analysis.claims[id];
    match claim.speaker {
        Some(s) => analysis.document.text[s.name].to_string(),
        None if claim.kind == ClaimKind::Statement => "the article".to_string(),
        None => "unknown speaker".to_string(),
    }
}

/// One highlight: a span and the element that marks it.
struct Mark {
    span: Span,
    /// Lower is outer: 0 claims, 1 cues and speakers, 2 entities.
    rank: u8,
    tag: &'static str,
    /// The attributes of the opening tag, escaped, with a leading space.
    attrs: String,
    /// The id of the claim's first element, so the list can link to it.
    anchor: Option<String>,
    /// An entity's label, printed after it.
    label: Option<&'static str>,
}

fn marks(analysis: &Analysis, n: usize) -> Vec<Mark> {
    let text = analysis.document.text.as_str();
    let mut marks = Vec::new();
    for (id, claim) in analysis.claims.iter().enumerate() {
        let kind = claim.kind.as_str();
        let who = who(analysis, id);
        let mut title = format!("{kind} claim by {who}");
        if let Some(cue) = claim.cue {
            let _ = write!(title, " ({})", &text[cue]);
        }
        let _ = write!(
            title,
            "; {}, check-worthiness {:.2}",
            claim.claim_type.as_str(),
            claim.checkworthiness
        );
        let attrs = format!(
            " class=\"claim k-{kind}\" data-claim=\"{id}\" data-who=\"{}\" title=\"{}\"",
            escape(&who),
            escape(&title)
        );
        let fragments = if claim.fragments.is_empty() {
            std::slice::from_ref(&claim.span)
        } else {
            &claim.fragments[..]
        };
        for (k, &span) in fragments.iter().enumerate() {
            marks.push(Mark {
                span,
                rank: 0,
                tag: "mark",
                attrs: if k == 0 {
                    attrs.clone()
                } else {
                    attrs.replacen("class=\"claim ", "class=\"claim cont ", 1)
                },
                anchor: (k == 0).then(|| format!("d{n}-c{id}")),
                label: None,
            });
        }
        if let Some(cue) = claim.cue {
            marks.push(Mark {
                span: cue,
                rank: 1,
                tag: "span",
                attrs: format!(" class=\"cue\" data-claim=\"{id}\" title=\"cue of claim {id}\""),
                anchor: None,
                label: None,
            });
        }
        if let Some(speaker) = claim.speaker {
            marks.push(Mark {
                span: speaker.span,
                rank: 1,
                tag: "span",
                attrs: format!(
                    " class=\"spk\" data-claim=\"{id}\" title=\"speaker of claim {id}: {}\"",
                    escape(&who)
                ),
                anchor: None,
                label: None,
            });
        }
    }
    for mention in &analysis.entities.mentions {
        let label = mention.label.as_str();
        let name = analysis
            .entities
            .clusters
            .get(mention.cluster)
            .map_or("", |c| &text[c.name]);
        marks.push(Mark {
            span: mention.span,
            rank: 2,
            tag: "span",
            attrs: format!(
                " class=\"ent e-{label}\" title=\"{label}: {}\"",
                escape(name)
            ),
            anchor: None,
            label: Some(label),
        });
    }
    marks.retain(|m| !m.span.is_empty() && m.span.end() <= text.len());
    marks
}

/// Appends the escaped article text with every highlight, well nested (see the module doc).
fn write_marked_text(out: &mut String, analysis: &Analysis, n: usize) {
    let text = analysis.document.text.as_str();
    let mut marks = marks(analysis, n);
    // Outermost first: by rank, then the earlier and longer span.
    marks.sort_by_key(|m| (m.rank, m.span.start(), std::cmp::Reverse(m.span.end())));
    let mut bounds: Vec<usize> = vec![0, text.len()];
    for m in &marks {
        bounds.push(m.span.start());
        bounds.push(m.span.end());
    }
    bounds.sort_unstable();
    bounds.dedup();
    // A sweep: `by_start` feeds marks in as the segments reach them; `active` holds the marks
    // covering the current segment, as indices into `marks`, which are in nesting order.
    let mut by_start: Vec<usize> = (0..marks.len()).collect();
    by_start.sort_by_key(|&k| marks[k].span.start());
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut opened = vec![false; marks.len()];
    for pair in bounds.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        active.retain(|&k| marks[k].span.end() > start);
        while next < by_start.len() && marks[by_start[next]].span.start() <= start {
            active.push(by_start[next]);
            next += 1;
        }
        active.sort_unstable();
        let keep = open.iter().zip(&active).take_while(|(a, b)| a == b).count();
        while open.len() > keep {
            let k = open.pop().expect("open is longer than keep");
            close(out, &marks[k], start);
        }
        for &k in &active[keep..] {
            let mark = &marks[k];
            if opened[k] {
                // The element was cut by an overlapping one: continue it without its id.
                let attrs = mark.attrs.replacen("class=\"", "class=\"cont ", 1);
                let _ = write!(out, "<{}{attrs}>", mark.tag);
            } else {
                let _ = write!(out, "<{}", mark.tag);
                if let Some(anchor) = &mark.anchor {
                    let _ = write!(out, " id=\"{anchor}\"");
                }
                let _ = write!(out, "{}>", mark.attrs);
                opened[k] = true;
            }
            open.push(k);
        }
        out.push_str(&escape(&text[start..end]));
    }
    while let Some(k) = open.pop() {
        close(out, &marks[k], text.len());
    }
}

/// Closes the element of `mark` at byte `at`; an entity that ends there gets its label first.
fn close(out: &mut String, mark: &Mark, at: usize) {
    if let Some(label) = mark.label.filter(|_| mark.span.end() <= at) {
        let _ = write!(out, "<i data-l=\"{label}\"></i>");
    }
    let _ = write!(out, "</{}>", mark.tag);
}

/// Escapes text for HTML element content and double- or single-quoted attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Stray control characters are not allowed in HTML text.
            c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

const HEAD: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsclaims">
<title>newsclaims</title>
<style>
body { font: 16px/1.6 Georgia, "Times New Roman", serif; margin: 0; color: #1d1d1f; background: #fafaf7;
  display: flex; flex-direction: column; }
/* The contents come last in the file (they are known at the end) and show first. */
header { order: 0; } nav.toc { order: 1; } main { order: 2; }
.toc { font: 14px/1.5 system-ui, sans-serif; padding: .5em 1.5em; border-bottom: 1px solid #ccc; }
.toc h2 { font-size: 1em; margin: .3em 0; }
.toc ol { margin: 0; padding-left: 2em; columns: 2 24em; }
.toc small, .stats code { color: #666; }
header { padding: .6em 1.5em; background: #24292f; color: #fff; }
header h1 { font: 600 1.2em system-ui, sans-serif; margin: 0; }
.legend { font: 12px/2.2 system-ui, sans-serif; margin: .3em 0 0; }
.legend .ent { color: #fff; }
.legend .key { color: #1d1d1f; padding: 0 4px; border-radius: 2px; }
main { padding: 0 1.5em 2em; }
.doc { border-bottom: 1px solid #ccc; padding: 1em 0; }
.doc h2 { font: 600 1.1em system-ui, sans-serif; margin: .2em 0; }
.stats { font: 13px system-ui, sans-serif; color: #666; margin: 0 0 .8em; }
.problem { font: 13px system-ui, sans-serif; color: #a40000; }
.cols { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 2em; align-items: start; }
@media (max-width: 800px) { .cols { grid-template-columns: minmax(0, 1fr); } }
.text { white-space: pre-wrap; overflow-wrap: break-word; }
mark.claim { color: inherit; padding: .1em 0; border-radius: 2px; }
mark.claim:not(.cont)::before { content: attr(data-who); font: 600 10px/1 system-ui, sans-serif;
  background: #24292f; color: #fff; border-radius: 3px; padding: 1px 4px; margin-right: 3px;
  vertical-align: super; }
.k-direct { background: #ffe08a; }
.k-indirect { background: #bfe0ff; }
.k-mixed { background: #c6efbf; }
.k-statement { background: #e8dcff; }
/* A claim inside another (a nested attribution) is outlined, so that it stands out from its host. */
mark.claim mark.claim { outline: 1px solid rgba(0, 0, 0, .45); }
.cue { font-weight: bold; text-decoration: underline dotted; }
.spk { font-weight: bold; text-decoration: underline; }
.ent { border-bottom: 2px solid var(--c); }
.ent i[data-l]::after { content: attr(data-l); font-style: normal; font: 600 .62em/1 system-ui, sans-serif; color: var(--c);
  margin-left: .3em; vertical-align: middle; letter-spacing: .02em; }
.legend .ent { background: var(--c); border: 0; padding: 0 4px; border-radius: 2px; }
.e-PERSON { --c: #d62728; } .e-ORG { --c: #1f77b4; } .e-GPE { --c: #2ca02c; } .e-LOC { --c: #17becf; }
.e-FAC { --c: #8c564b; } .e-NORP { --c: #9467bd; } .e-EVENT { --c: #e377c2; } .e-PRODUCT { --c: #bcbd22; }
.e-WORK_OF_ART { --c: #7f7f7f; } .e-LAW { --c: #ff7f0e; } .e-LANGUAGE { --c: #393b79; }
.e-DATE { --c: #637939; } .e-TIME { --c: #8ca252; } .e-MONEY { --c: #bd9e39; } .e-PERCENT { --c: #ad494a; }
.e-QUANTITY { --c: #7b4173; } .e-CARDINAL { --c: #5254a3; } .e-ORDINAL { --c: #6b6ecf; }
.side { font: 14px/1.45 system-ui, sans-serif; }
.claims { margin: 0; padding-left: 1.8em; }
.claims li { margin: 0 0 .7em; padding: .3em .5em; border-radius: 4px; }
.claims .content { display: block; font-family: Georgia, serif; }
.claims .kind { text-transform: uppercase; font-size: 11px; }
.claims a { color: inherit; }
.claims .who { font-weight: 600; }
.meta, .via { color: #555; font-size: 12px; }
.entities { margin-top: 1em; }
.entities ul { list-style: none; padding-left: .5em; }
</style>
</head>
<body>
"#;

#[cfg(test)]
mod tests {
    use newsclaims_pipeline::{Document, analyze};

    use super::escape;
    use crate::Writer;

    #[test]
    fn titles_head_the_sections_and_the_contents() {
        let mut titled = Document::new("a1", "“We will hold,” Ana Ruiz said. “The clinic stays.”");
        titled.fields = vec![("title".into(), "\"Clinic <stays>\"".into())];
        let untitled = Document::new("b2", "Ruiz said the clinic stays.");
        let html = super::Html::default();
        let mut out = Vec::new();
        html.begin(&mut out);
        html.record(&mut out, 1, &analyze(&untitled));
        html.record(&mut out, 0, &analyze(&titled));
        html.end(&mut out, 2);
        let page = String::from_utf8(out).unwrap();
        assert!(page.contains("<h2>Clinic &lt;stays&gt;</h2>\n<p class=\"stats\"><code>a1</code>"));
        assert!(page.contains("<h2>b2</h2>"));
        // The contents are in output order, whatever order the records were rendered in.
        let toc = &page[page.find("<nav").unwrap()..];
        assert!(toc.find("Clinic &lt;stays&gt;</a>").unwrap() < toc.find(">b2</a>").unwrap());
        // The claim list shows the interrupted quote's fragments, with one pair of marks.
        assert!(
            page.contains("<span class=\"content\">“We will hold, … The clinic stays.”</span>")
        );
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<b>\"Tom & Jerry's\"</b>"),
            "&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;&lt;/b&gt;"
        );
        assert_eq!(escape("a\u{0}b"), "a\u{fffd}b");
    }
}
