//! The statistical tagger for names (`PERSON ORG GPE LOC FAC NORP EVENT LAW LANGUAGE ...`).
//!
//! An averaged perceptron trained on CoNLL-2003 (see `features` and `train`) finds names and
//! their CoNLL type (PER, ORG, LOC, MISC); gazetteers and cue words then split LOC into
//! GPE/LOC/FAC and MISC into NORP/EVENT/LAW/LANGUAGE/WORK_OF_ART, the OntoNotes labels spaCy uses.
//!
//! Invariants: mentions are sorted, never overlap and lie on token boundaries, except that a
//! hashtag's or handle's mention leaves out its `#` or `@`.

use std::cell::RefCell;

use newsclaims_text::Span;
use newsclaims_tokenize::{Token, TokenKind, Tokens};

use crate::features::{self, LOC, MISC, ORG, PER, Scratch};
use crate::lexicon::{self, Cue, Lexicon};
use crate::model::MODEL;
use crate::rules::{self, Name};
use crate::{Label, Mention, gazetteer};

/// Tokens of a document whose scratch buffers are kept for the next document on the thread: many
/// times a long article, so news never reallocates them.
const KEEP_SCRATCH_TOKENS: usize = 1 << 16;

thread_local! {
    static SCRATCH: RefCell<(Scratch, Vec<u8>)> = RefCell::default();
}

/// The part of a token the model reads: a hashtag's or handle's name without its mark.
fn word_span(text: &str, token: &Token) -> Span {
    let span = token.span;
    match token.kind {
        TokenKind::Hashtag | TokenKind::Handle if span.len() > 1 => {
            let mark = text[span].chars().next().map_or(1, char::len_utf8);
            Span::new(span.start() + mark, span.end())
        }
        _ => span,
    }
}

/// Tags the names of `text`, sorted, not overlapping.
pub(crate) fn tag(text: &str, tokens: &Tokens) -> Vec<Mention> {
    let model = &*MODEL;
    let Some(weights) = &model.weights else {
        return Vec::new();
    };
    let spans: Vec<Span> = tokens.tokens.iter().map(|t| word_span(text, t)).collect();
    let words: Vec<&str> = spans.iter().map(|&s| &text[s]).collect();
    let sentences: Vec<&[&str]> = tokens
        .sentences
        .iter()
        .map(|s| &words[s.tokens.clone()])
        .collect();
    let mut names = Vec::new();
    SCRATCH.with_borrow_mut(|(scratch, tags)| {
        tags.clear();
        let mut weights = ReadOnly(weights);
        features::tag_document(
            &mut weights,
            &model.lexicon,
            &model.clusters,
            &sentences,
            None,
            scratch,
            tags,
        );
        let mut offset = 0;
        for sentence in &tokens.sentences {
            let n = sentence.tokens.len();
            let first = sentence.tokens.start;
            features::entities(&tags[offset..offset + n], |a, b, ty| {
                let (mut a, b) = (first + a, first + b);
                // Titles are not part of a person's name (`Mayor [Elena Ruiz]`), though the
                // tagger sometimes takes them in; `St.` stays (`St. Michael’s Square`).
                while ty == PER
                    && b - a > 1
                    && model.lexicon.cue(lexicon::hash_lower(words[a])) == Cue::Title
                    && !words[a].starts_with("St")
                {
                    a += 1;
                }
                let label = label(&model.lexicon, ty, &words[a..b], &words, a, b);
                names.push(Name { a, b, label });
            });
            offset += n;
        }
        // A huge document's buffers are not kept for the next: each worker thread would hold
        // the largest it ever saw (memory grew with the thread count).
        if tokens.tokens.len() > KEEP_SCRATCH_TOKENS {
            *scratch = Scratch::default();
            *tags = Vec::new();
        }
    });
    let doc = rules::Doc {
        text,
        lex: &model.lexicon,
        words: &words,
        spans: &spans,
    };
    gazetteer::apply(&doc, &mut names);
    rules::refine(&doc, &mut names);
    let mut mentions: Vec<Mention> = names
        .iter()
        .map(|n| Mention {
            span: spans[n.a].cover(spans[n.b - 1]),
            label: n.label,
            cluster: 0,
        })
        .collect();
    split_tokens(&doc, &model.lexicon, &names, &mut mentions);
    possessive_facilities(text, &model.lexicon, &mut mentions);
    mentions
}

/// Replaces the names of tokens that hold two names or a name and a word (`D-N.Y.`,
/// `Democratic-led`) by their parts ([`rules::split_tokens`]).
fn split_tokens(doc: &rules::Doc, lex: &Lexicon, names: &[Name], mentions: &mut Vec<Mention>) {
    let is_demonym = |w: &str| lex.categories([w]) & (1 << lexicon::DEMONYM) != 0;
    let parts = rules::split_tokens(doc, is_demonym);
    if parts.is_empty() {
        return;
    }
    let mut split: Vec<usize> = parts.iter().map(|p| p.0).collect();
    split.dedup();
    // A name over a split token goes, unless it is longer than that token (`the D-Day landings`
    // stays whole).
    // A name over a split token goes; a longer name that starts with one loses that token
    // (`Iraqi-born Swedish` → `Swedish`).
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    for (n, m) in names.iter().zip(mentions.iter()) {
        if split.binary_search(&n.a).is_err() {
            kept.push(*m);
        } else if n.b - n.a > 1 {
            kept.push(Mention {
                span: doc.spans[n.a + 1].cover(doc.spans[n.b - 1]),
                ..*m
            });
        }
    }
    for (_, span, label) in parts {
        if !kept.iter().any(|m| m.span.overlaps(span)) {
            kept.push(Mention {
                span,
                label,
                cluster: 0,
            });
        }
    }
    kept.sort_by_key(|m| m.span.start());
    *mentions = kept;
}

/// `St. Michael’s Square`, `St Paul's Cathedral`: a name, a possessive `’s` and a name ending in
/// a facility's cue word are one facility (the tagger sees the possessive as a boundary).
/// The first name must be a person's or a saint's.
fn possessive_facilities(text: &str, lex: &Lexicon, mentions: &mut Vec<Mention>) {
    let mut k = 0;
    while k + 1 < mentions.len() {
        let (a, b) = (mentions[k], mentions[k + 1]);
        let between = text[a.span.end()..b.span.start()].trim();
        let last = text[b.span].split_whitespace().last().unwrap_or("");
        // Only after a person's name (`Britain’s Wembley Stadium` is two names).
        let person = a.label == Label::Person || text[a.span].starts_with("St");
        if person
            && matches!(between, "’s" | "'s")
            && lex.cue(lexicon::hash_lower(last)) == Cue::Fac
        {
            mentions[k] = Mention {
                span: a.span.cover(b.span),
                label: Label::Fac,
                cluster: 0,
            };
            mentions.remove(k + 1);
        }
        k += 1;
    }
}

struct ReadOnly<'a>(&'a crate::model::Weights);

impl features::Scorer for ReadOnly<'_> {
    #[inline]
    fn score(&self, f: &[u32], scores: &mut [f32; features::N_TAGS]) {
        self.0.score(f, scores);
    }

    fn fixed(&self) -> Option<&crate::model::Weights> {
        Some(self.0)
    }
}

/// The OntoNotes label of a name of CoNLL type `ty` made of `name` (tokens `a..b` of `all`).
fn label(lex: &Lexicon, ty: u8, name: &[&str], all: &[&str], a: usize, b: usize) -> Label {
    match ty {
        PER => Label::Person,
        // Summits, games and championships are often tagged ORG in CoNLL; OntoNotes calls them
        // events.
        ORG if name.len() > 1 && is_event_head(head(name)) => Label::Event,
        ORG => Label::Org,
        // The seat of a government standing for it (`the Kremlin said`): an organisation in
        // OntoNotes, a place in CoNLL.
        LOC if is_seat_of_government(name) => Label::Org,
        LOC | MISC => listed_label(lex, ty, name, all, a, b),
        _ => Label::Org,
    }
}

/// [`label`] of a LOC or MISC name, from the lexicons' categories and cue words (looked up only
/// for these types: most names are people's and organisations').
fn listed_label(lex: &Lexicon, ty: u8, name: &[&str], all: &[&str], a: usize, b: usize) -> Label {
    let cats = lex.categories(name.iter().copied());
    let has = |c: u8| cats & (1 << c) != 0;
    let last = name.last().copied().unwrap_or("");
    let last_cue = lex.cue(lexicon::hash_lower(last));
    let first_cue = lex.cue(lexicon::hash_lower(name[0]));
    match ty {
        LOC => {
            if has(lexicon::COUNTRY) || has(lexicon::CITY) || has(lexicon::STATE) {
                Label::Gpe
            } else if has(lexicon::REGION) {
                Label::Loc
            } else if name.len() > 1 && last_cue == Cue::Fac {
                Label::Fac
            } else if name.len() > 1
                && (last_cue == Cue::Loc || first_cue == Cue::Loc || is_region(lex, name))
            {
                Label::Loc
            } else {
                Label::Gpe
            }
        }
        // MISC, the one other type `label` passes on.
        _ => {
            let prev = a.checked_sub(1).map(|k| all[k]);
            let next = all.get(b).copied();
            if has(lexicon::LANGUAGE) && language_context(prev, next) {
                Label::Language
            } else if has(lexicon::DEMONYM)
                || has(lexicon::LANGUAGE)
                || first_cue == Cue::Norp && name.len() == 1
            {
                Label::Norp
            } else if name
                .iter()
                .any(|w| lex.cue(lexicon::hash_lower(w)) == Cue::Event)
                && name.len() > 1
            {
                Label::Event
            } else if name.len() > 1 && last_cue == Cue::Law {
                Label::Law
            } else if is_quote(prev) && is_quote(next) {
                Label::WorkOfArt
            } else if name.iter().any(|w| {
                let c = lex.categories([*w]);
                c & (1 << lexicon::DEMONYM) != 0 || lex.cue(lexicon::hash_lower(w)) == Cue::Norp
            }) {
                Label::Norp
            } else if name.len() > 1 && name.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
                Label::Product
            } else if name.len() == 1 && has(lexicon::FIRST_NAME) {
                // `Hillary praising`: a first name is a person, not a group.
                Label::Person
            } else {
                misc_fallback(name)
            }
        }
    }
}

/// A MISC name that no list or cue word placed: a report or show title is WORK_OF_ART; a web
/// name or camel-case brand (`CNSNews.com`, `PolitiFact`) is ORG; the rest stays NORP, CoNLL's
/// most frequent MISC (nationalities and groups the lists lack: `Chechens`, `Hutu`).
fn misc_fallback(name: &[&str]) -> Label {
    const WORKS: &[&str] = &[
        "report", "review", "survey", "index", "show", "podcast", "book",
    ];
    let last = name.last().copied().unwrap_or("");
    if name.len() > 1 && WORKS.iter().any(|w| w.eq_ignore_ascii_case(last)) {
        return Label::WorkOfArt;
    }
    let camel = last
        .as_bytes()
        .windows(2)
        .any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase());
    let web = last.contains('.') && last.chars().last().is_some_and(|c| c.is_ascii_lowercase());
    let model_number =
        last.chars().any(|c| c.is_ascii_digit()) && last.chars().any(char::is_alphabetic);
    if name.len() == 1 && (camel || web) && !last.contains('-') {
        Label::Org
    } else if name.len() == 1 && model_number {
        // `D-30`, `MI-17s`, `F-16`: a model's name, not a group.
        Label::Product
    } else {
        Label::Norp
    }
}

/// Buildings and streets whose name stands for a government or a ministry in the news.
fn is_seat_of_government(name: &[&str]) -> bool {
    const SEATS: &[&[&str]] = &[
        &["kremlin"],
        &["white", "house"],
        &["pentagon"],
        &["elysee"],
        &["élysée"],
        &["whitehall"],
        &["downing", "street"],
        &["zhongnanhai"],
        &["blue", "house"],
        &["foggy", "bottom"],
        &["quai", "d'orsay"],
    ];
    SEATS.iter().any(|seat| {
        seat.len() == name.len()
            && seat
                .iter()
                .zip(name)
                .all(|(s, w)| lexicon::hash_lower(w) == lexicon::hash_lower(s))
    })
}

/// `Eastern Europe`, `Southern Africa`: a compass word before a region or continent.
fn is_region(lex: &Lexicon, name: &[&str]) -> bool {
    let compass = [
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    ];
    name.len() == 2
        && compass.contains(&name[0].to_lowercase().as_str())
        && lex.categories([name[1]]) & (1 << lexicon::REGION | 1 << lexicon::COUNTRY) != 0
}

/// The head word of a name: the word before `of` (`Summit` in `Summit of the Americas`), else
/// the last.
fn head<'a>(name: &[&'a str]) -> &'a str {
    match name.iter().position(|w| *w == "of") {
        Some(k) if k > 0 => name[k - 1],
        _ => name.last().copied().unwrap_or(""),
    }
}

fn is_event_head(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "summit" | "olympics" | "games" | "championship" | "championships" | "war" | "festival"
    )
}

fn language_context(prev: Option<&str>, next: Option<&str>) -> bool {
    let prev = prev.map(str::to_lowercase);
    let next = next.map(str::to_lowercase);
    matches!(
        prev.as_deref(),
        Some("in" | "speak" | "speaks" | "spoke" | "speaking")
    ) || matches!(
        next.as_deref(),
        Some("language" | "languages" | "translation" | "speakers" | "-speaking")
    )
}

fn is_quote(word: Option<&str>) -> bool {
    word.is_some_and(|w| matches!(w, "\"" | "“" | "”" | "'" | "‘" | "’" | "«" | "»"))
}
