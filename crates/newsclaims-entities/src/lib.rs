//! Finds entity mentions in tokenized news text, labels them in the OntoNotes style, and groups
//! the mentions of one entity into clusters with a canonical name and descriptors.
//!
//! Recognition never fails. Mentions are sorted by start, never overlap, and start and end on
//! token boundaries (a hashtag's mention leaves out the `#`).

use newsclaims_text::Span;
use newsclaims_tokenize::{TokenKind, Tokens};

/// OntoNotes-style entity labels, as spaCy's English models use them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Person,
    Org,
    Gpe,
    Loc,
    Fac,
    Norp,
    Event,
    Product,
    WorkOfArt,
    Law,
    Language,
    Date,
    Time,
    Money,
    Percent,
    Quantity,
    Cardinal,
    Ordinal,
}

impl Label {
    pub const ALL: [Label; 18] = [
        Label::Person,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Fac,
        Label::Norp,
        Label::Event,
        Label::Product,
        Label::WorkOfArt,
        Label::Law,
        Label::Language,
        Label::Date,
        Label::Time,
        Label::Money,
        Label::Percent,
        Label::Quantity,
        Label::Cardinal,
        Label::Ordinal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Fac => "FAC",
            Label::Norp => "NORP",
            Label::Event => "EVENT",
            Label::Product => "PRODUCT",
            Label::WorkOfArt => "WORK_OF_ART",
            Label::Law => "LAW",
            Label::Language => "LANGUAGE",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Money => "MONEY",
            Label::Percent => "PERCENT",
            Label::Quantity => "QUANTITY",
            Label::Cardinal => "CARDINAL",
            Label::Ordinal => "ORDINAL",
        }
    }

    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// Whether this label names something (as opposed to a number, amount or time).
    pub fn is_name(self) -> bool {
        !self.is_numeric()
    }

    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            Label::Date
                | Label::Time
                | Label::Money
                | Label::Percent
                | Label::Quantity
                | Label::Cardinal
                | Label::Ordinal
        )
    }
}

/// One mention of an entity in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub label: Label,
    /// Index into [`Entities::clusters`].
    pub cluster: usize,
}

/// The mentions of one entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// The fullest name the text gives (`Jens Stoltenberg` rather than `Stoltenberg`).
    pub name: Span,
    pub label: Label,
    /// Indices into [`Entities::mentions`], ascending.
    pub mentions: Vec<usize>,
    /// Titles and roles the text gives the entity (`NATO Secretary-General`), in order of appearance.
    pub descriptors: Vec<Span>,
    /// For a PERSON: the share of that first name's bearers who are female, when known.
    pub female: Option<f32>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entities {
    pub mentions: Vec<Mention>,
    pub clusters: Vec<Cluster>,
}

impl Entities {
    /// The mentions that lie wholly inside `span`, as indices.
    pub fn inside(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let first = self
            .mentions
            .partition_point(|m| m.span.start() < span.start());
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.span.start() < span.end())
            .enumerate()
            .filter(move |(_, m)| span.contains(m.span))
            .map(move |(k, _)| first + k)
    }
}

/// Finds, labels and clusters the entity mentions of `text`.
pub fn recognize(text: &str, tokens: &Tokens) -> Entities {
    // FIXME: a first cut (runs of capitalised words as PERSON), to be replaced by the trained
    // tagger, the number and date rules and the gazetteers.
    let mut mentions = Vec::new();
    for sentence in &tokens.sentences {
        let toks = &tokens.tokens[sentence.tokens.clone()];
        let mut k = 1; // The sentence's first word is capitalised anyway.
        while k < toks.len() {
            let is_cap = |t: &newsclaims_tokenize::Token| {
                t.kind == TokenKind::Word
                    && text[t.span].chars().next().is_some_and(char::is_uppercase)
            };
            if is_cap(&toks[k]) {
                let start = k;
                while k < toks.len() && is_cap(&toks[k]) {
                    k += 1;
                }
                let span = toks[start].span.cover(toks[k - 1].span);
                mentions.push(Mention {
                    span,
                    label: Label::Person,
                    cluster: 0,
                });
            } else {
                k += 1;
            }
        }
    }
    let clusters = mentions
        .iter_mut()
        .enumerate()
        .map(|(i, m)| {
            m.cluster = i;
            Cluster {
                name: m.span,
                label: m.label,
                mentions: vec![i],
                descriptors: Vec::new(),
                female: None,
            }
        })
        .collect();
    Entities { mentions, clusters }
}
