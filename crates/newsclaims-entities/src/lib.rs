//! Finds entity mentions in tokenized news text, labels them in the OntoNotes style, and groups
//! the mentions of one entity into clusters with a canonical name and descriptors.
//!
//! Recognition never fails. Mentions are sorted by start, never overlap, and start and end on
//! token boundaries (a hashtag's mention leaves out the `#`).
//!
//! Tagging a sentence on its own:
//!
//! ```
//! use newsclaims_entities::Label;
//! let text = "NATO Secretary-General Jens Stoltenberg visited Kyiv on Thursday.";
//! let tokens = newsclaims_tokenize::tokenize(text);
//! let entities = newsclaims_entities::recognize(text, &tokens);
//! let person = entities.mentions.iter().find(|m| m.label == Label::Person).unwrap();
//! assert_eq!(&text[person.span], "Jens Stoltenberg");
//! // The cluster of a mention names the entity and keeps its titles.
//! let cluster = &entities.clusters[person.cluster];
//! assert_eq!(&text[cluster.name], "Jens Stoltenberg");
//! ```

pub mod calendar;
pub mod cluster;
mod features;
mod gazetteer;
mod lexicon;
mod model;
pub mod numbers;
pub mod rules;
mod tagger;
#[cfg(feature = "train")]
pub mod train;

use newsclaims_text::Span;
use newsclaims_tokenize::Tokens;

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

    /// The cluster of the mention that covers `span` (`Stoltenberg` → the cluster named
    /// `Jens Stoltenberg`), if any.
    pub fn cluster_of(&self, span: Span) -> Option<usize> {
        let k = self
            .mentions
            .partition_point(|m| m.span.end() <= span.start());
        self.mentions
            .get(k)
            .filter(|m| m.span.contains(span))
            .map(|m| m.cluster)
    }
}

/// What the embedded lexicons say of one capitalised word, as the speaker ranker asks of a bare
/// word the tagger did not call a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordClass {
    /// Listed nowhere.
    Unknown,
    /// A city or town only: many are also surnames (`Florence`, `Moore`, `Canton`).
    City,
    /// A country, state, region, nationality or language, or a word that ends names of bodies,
    /// places, events or laws (`Congress`, `Senate`, `River`): no surname.
    NotPerson,
}

/// How the lexicons list the single word `word` (case-insensitively).
pub fn word_class(word: &str) -> WordClass {
    let lexicon = &model::MODEL.lexicon;
    let bits = lexicon.categories([word]);
    let wide = 1 << lexicon::COUNTRY
        | 1 << lexicon::STATE
        | 1 << lexicon::REGION
        | 1 << lexicon::DEMONYM
        | 1 << lexicon::LANGUAGE;
    let cue = lexicon.cue(lexicon::hash_lower(word));
    if bits & wide != 0
        || matches!(
            cue,
            lexicon::Cue::Org
                | lexicon::Cue::Loc
                | lexicon::Cue::Fac
                | lexicon::Cue::Event
                | lexicon::Cue::Law
                | lexicon::Cue::Norp
        )
    {
        WordClass::NotPerson
    } else if bits & 1 << lexicon::CITY != 0 {
        WordClass::City
    } else {
        WordClass::Unknown
    }
}

/// Finds, labels and clusters the entity mentions of `text`.
pub fn recognize(text: &str, tokens: &Tokens) -> Entities {
    let numeric = numbers::find(text, tokens);
    let mut names = tagger::tag(text, tokens);
    numbers::drop_numeric_names(text, &numeric, &mut names);
    let mut mentions = merge(numeric, names);
    let clusters = cluster::cluster(text, tokens, &mut mentions);
    Entities { mentions, clusters }
}

/// Merges the rule-found numeric mentions with the tagger's names: sorted by start, no overlaps.
/// Where two overlap, the longer wins (ties go to the name), so `May` the month inside
/// `Theresa May` loses to the person.
fn merge(numeric: Vec<Mention>, names: Vec<Mention>) -> Vec<Mention> {
    let mut all: Vec<(Mention, bool)> = numeric
        .into_iter()
        .map(|m| (m, false))
        .chain(names.into_iter().map(|m| (m, true)))
        .collect();
    all.sort_by_key(|(m, is_name)| (std::cmp::Reverse(m.span.len()), !is_name, m.span.start()));
    let mut kept: Vec<Mention> = Vec::with_capacity(all.len());
    // The kept spans, by (start, end). They never overlap, so their ends rise with their starts,
    // and of those starting before `m` ends only the last can reach past `m`'s start: one
    // lookup per mention instead of a scan of all kept (which was quadratic on long texts).
    let mut taken: std::collections::BTreeSet<(usize, usize)> = std::collections::BTreeSet::new();
    for (m, _) in all {
        let clash = taken
            .range(..(m.span.end(), 0))
            .next_back()
            .is_some_and(|&(start, end)| Span::new(start, end).overlaps(m.span));
        if !clash {
            taken.insert((m.span.start(), m.span.end()));
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.span.start());
    kept
}
