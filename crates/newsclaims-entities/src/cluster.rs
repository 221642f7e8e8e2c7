//! Groups the mentions of one entity (`Stoltenberg` → `Jens Stoltenberg`) and finds what the
//! text says each person is (descriptors: `NATO Secretary-General`, `a doctor`).
//!
//! - PERSON: mentions with the same first and last name word are one person; a one-word mention
//!   (`Stoltenberg`, `Mr. Biden`) joins the person whose last (or else first) name it is, the
//!   nearest one before it when several share it. Honorifics (`Mr.`, `Ms.`) are not part of names.
//! - Other names: the same text, ignoring case, a possessive, a leading `the` and a company
//!   suffix (`Inc.`), is one entity whatever label the tagger gave each mention (the cluster
//!   takes the most frequent); an all-capitals ORG or GPE joins the one whose initials it spells (`EU` →
//!   `European Union`, `U.S.` → `United States`).
//! - Numeric mentions (DATE, MONEY, ...) each get a cluster of their own: two `31`s are rarely
//!   the same thing.
//!
//! A person's `female` is the share female of the first name (US Social Security counts), else
//! what an honorific (`Ms.`) or a gendered descriptor (`spokeswoman`) says, else unknown.
//!
//! Invariants: clusters are numbered in order of first mention, each lists its mentions
//! ascending, every mention is in exactly one cluster, and the output does not depend on any
//! hash order. A cluster's name is its fullest mention (most words, then longest, then first),
//! without a possessive or honorific.

use std::sync::OnceLock;

use newsclaims_text::Span;
use newsclaims_tokenize::{Token, TokenKind, Tokens};

use crate::{Cluster, Label, Mention};

/// Assigns every mention a cluster and returns the clusters, numbered in order of first mention.
pub fn cluster(text: &str, tokens: &Tokens, mentions: &mut [Mention]) -> Vec<Cluster> {
    let words: Vec<NameWords> = mentions.iter().map(|m| name_words(text, m)).collect();
    // Provisional groups; `group[i]` is mention i's.
    let mut group: Vec<usize> = vec![usize::MAX; mentions.len()];
    let mut groups = 0usize;

    // Full person names first, over the whole text, so a surname may join a name given later.
    // (group, first name, last name, where the name is first given)
    let mut people: Vec<(usize, &str, &str, usize)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.label != Label::Person || words[i].len() < 2 {
            continue;
        }
        let (first, last) = (words[i].first(text), words[i].last(text));
        let found = people
            .iter()
            .find(|p| p.1.eq_ignore_ascii_case(first) && p.2.eq_ignore_ascii_case(last));
        group[i] = match found {
            Some(p) => p.0,
            None => {
                people.push((groups, first, last, m.span.start()));
                groups += 1;
                groups - 1
            }
        };
    }
    // One sense per discourse: a one-word name the tagger labelled otherwise (`Wright` GPE)
    // after a person of that surname or first name was introduced is that person.
    for (i, m) in mentions.iter_mut().enumerate() {
        if m.label == Label::Person || !m.label.is_name() || words[i].len() != 1 {
            continue;
        }
        let w = words[i].last(text);
        // Only a person whose first name the lexicon knows: a tagger slip (`Magna Corp` read as
        // a person) must not turn the company's other mentions into people.
        let introduced = people.iter().any(|p| {
            (p.2.eq_ignore_ascii_case(w) || p.1.eq_ignore_ascii_case(w))
                && p.3 < m.span.start()
                && first_name_share(p.1).is_some()
        });
        if introduced && w.chars().next().is_some_and(char::is_uppercase) {
            m.label = Label::Person;
        }
    }
    let mut singles: Vec<(usize, &str)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.label != Label::Person || group[i] != usize::MAX {
            continue;
        }
        let Some(w) = (words[i].len() == 1).then(|| words[i].last(text)) else {
            group[i] = groups;
            groups += 1;
            continue;
        };
        let by_last: Vec<usize> = people
            .iter()
            .filter(|p| p.2.eq_ignore_ascii_case(w))
            .map(|p| p.0)
            .collect();
        let candidates = if by_last.is_empty() {
            people
                .iter()
                .filter(|p| p.1.eq_ignore_ascii_case(w))
                .map(|p| p.0)
                .collect()
        } else {
            by_last
        };
        group[i] = if candidates.is_empty() {
            match singles.iter().find(|s| s.1.eq_ignore_ascii_case(w)) {
                Some(s) => s.0,
                None => {
                    singles.push((groups, w));
                    groups += 1;
                    groups - 1
                }
            }
        } else {
            nearest(&group, i, &candidates)
        };
    }

    // Other names: same label and normalised text.
    let mut named: Vec<(usize, Label, &str)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if group[i] != usize::MAX {
            continue;
        }
        if m.label.is_numeric() {
            group[i] = groups;
            groups += 1;
            continue;
        }
        let key = name_key(&text[m.span]);
        group[i] = match named.iter().find(|n| n.2.eq_ignore_ascii_case(key)) {
            Some(n) => n.0,
            None => {
                named.push((groups, m.label, key));
                groups += 1;
                groups - 1
            }
        };
    }
    // Acronyms join the name they abbreviate, when exactly one name fits.
    let mut alias: Vec<usize> = (0..groups).collect();
    for a in &named {
        if !matches!(a.1, Label::Org | Label::Gpe) || !is_acronym(a.2) {
            continue;
        }
        let mut fits = named
            .iter()
            .filter(|b| b.1 == a.1 && b.0 != a.0 && spells(a.2, b.2));
        if let (Some(b), None) = (fits.next(), fits.next()) {
            alias[a.0] = b.0;
        }
    }
    for g in &mut group {
        *g = alias[*g];
    }

    // Number the groups in order of first mention.
    let mut number = vec![usize::MAX; groups];
    let mut clusters: Vec<Cluster> = Vec::new();
    for (i, m) in mentions.iter_mut().enumerate() {
        let g = group[i];
        if number[g] == usize::MAX {
            number[g] = clusters.len();
            clusters.push(Cluster {
                name: m.span,
                label: m.label,
                mentions: Vec::new(),
                descriptors: Vec::new(),
                female: None,
            });
        }
        m.cluster = number[g];
        clusters[number[g]].mentions.push(i);
    }

    for c in &mut clusters {
        // The tagger may label one name differently in two places (`Kremlin` GPE, then ORG):
        // the cluster takes the most frequent label, the first on a tie.
        let mut counts: Vec<(Label, usize)> = Vec::new();
        for &i in &c.mentions {
            match counts.iter_mut().find(|(l, _)| *l == mentions[i].label) {
                Some((_, n)) => *n += 1,
                None => counts.push((mentions[i].label, 1)),
            }
        }
        let top = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
        if let Some((label, _)) = counts.iter().find(|(_, n)| *n == top) {
            c.label = *label;
        }
        let best = c
            .mentions
            .iter()
            .copied()
            .max_by_key(|&i| (words[i].len(), words[i].span().len(), std::cmp::Reverse(i)))
            .expect("a cluster has a mention");
        c.name = if mentions[best].label.is_numeric() {
            mentions[best].span
        } else {
            words[best].span()
        };
        if c.label == Label::Person {
            c.descriptors = descriptors(text, tokens, &words, mentions, &c.mentions);
            c.female = female(text, mentions, c, &words)
                .or_else(|| gendered_descriptor(text, &c.descriptors));
        }
    }
    clusters
}

/// The words of a name mention, without honorifics before it or a possessive after it.
#[derive(Clone, Debug)]
struct NameWords {
    spans: Vec<Span>,
}

impl NameWords {
    fn len(&self) -> usize {
        self.spans.len()
    }

    fn first<'t>(&self, text: &'t str) -> &'t str {
        self.spans.first().map_or("", |s| &text[*s])
    }

    fn last<'t>(&self, text: &'t str) -> &'t str {
        self.spans.last().map_or("", |s| &text[*s])
    }

    fn span(&self) -> Span {
        match (self.spans.first(), self.spans.last()) {
            (Some(a), Some(b)) => a.cover(*b),
            _ => Span::default(),
        }
    }
}

fn name_words(text: &str, m: &Mention) -> NameWords {
    let mut spans = Vec::new();
    let mut offset = m.span.start();
    for w in text[m.span].split(' ') {
        let start = offset;
        offset += w.len() + 1;
        if w.is_empty() {
            continue;
        }
        let w = strip_possessive(w);
        if w.is_empty() || (spans.is_empty() && honorific(w).is_some()) {
            continue;
        }
        spans.push(Span::new(start, start + w.len()));
    }
    // A title the tagger left in a person's mention (`Mayor Elena Ruiz`, `President Biden`) is
    // no part of the name: the descriptors pick it up instead.
    if m.label == Label::Person {
        let titles = spans
            .iter()
            .take_while(|s| {
                let w = &text[**s];
                w.chars().next().is_some_and(char::is_uppercase) && (role(w) || modifier(w))
            })
            .count();
        if titles < spans.len() {
            spans.drain(..titles);
        }
    }
    if spans.is_empty() {
        spans.push(m.span);
    }
    NameWords { spans }
}

fn strip_possessive(w: &str) -> &str {
    ["’s", "'s", "’", "'"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w)
}

/// A name's text for comparison: no possessive, no leading `the`.
fn name_key(s: &str) -> &str {
    let s = strip_possessive(s.trim());
    let s = ["the ", "The "]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(s);
    // `Streamly Inc.` and `Streamly` are one company.
    [
        " Inc.", " Inc", " Corp.", " Corp", " Co.", " Ltd.", " Ltd", " LLC", " plc", " PLC", " AG",
        " SA", " S.A.", " GmbH", " N.V.",
    ]
    .iter()
    .find_map(|suffix| s.strip_suffix(suffix).map(|k| k.trim_end_matches(',')))
    .unwrap_or(s)
}

/// `Mr.` → male (0.0), `Ms.` → female (1.0): what an honorific says of the bearer.
fn honorific(w: &str) -> Option<f32> {
    match w.trim_end_matches('.') {
        "Mr" | "Sir" | "Lord" => Some(0.0),
        "Mrs" | "Ms" | "Miss" | "Dame" | "Lady" | "Madam" => Some(1.0),
        _ => None,
    }
}

/// Among the groups `candidates`, the one with the latest mention before `i`, else the first.
fn nearest(group: &[usize], i: usize, candidates: &[usize]) -> usize {
    group[..i]
        .iter()
        .rev()
        .find(|g| candidates.contains(g))
        .copied()
        .unwrap_or(candidates[0])
}

/// `EU`, `NATO`, `U.S.`: two to six capitals, maybe with periods.
fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| *c != '.').count();
    (2..=6).contains(&letters) && s.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// Whether `acronym` spells the initials of `name`'s capitalised words (`European Union`).
fn spells(acronym: &str, name: &str) -> bool {
    let mut letters = acronym.chars().filter(|c| *c != '.');
    let mut any = false;
    for word in name.split([' ', '-']) {
        let Some(c) = word.chars().next() else {
            continue;
        };
        if !c.is_uppercase() {
            continue;
        }
        if letters.next() != Some(c) {
            return false;
        }
        any = true;
    }
    any && letters.next().is_none()
}

/// The share female of a person's first name, or what an honorific says.
fn female(text: &str, mentions: &[Mention], c: &Cluster, words: &[NameWords]) -> Option<f32> {
    let best = c
        .mentions
        .iter()
        .copied()
        .max_by_key(|&i| (words[i].len(), std::cmp::Reverse(i)))?;
    if words[best].len() >= 2
        && let Some(share) = first_name_share(words[best].first(text))
    {
        return Some(share);
    }
    c.mentions.iter().find_map(|&i| {
        let m = mentions[i];
        let inside = text[m.span].split(' ').next().and_then(honorific);
        let before = text[..m.span.start()]
            .trim_end()
            .rsplit(' ')
            .next()
            .and_then(honorific);
        inside.or(before)
    })
}

/// What a gendered role word in a descriptor says (`spokeswoman` → 1.0, `congressman` → 0.0),
/// for a person whose first name is unknown.
fn gendered_descriptor(text: &str, descriptors: &[Span]) -> Option<f32> {
    descriptors.iter().find_map(|d| {
        text[*d].split([' ', '-']).find_map(|w| {
            match w.to_ascii_lowercase().trim_end_matches(',') {
                "spokeswoman" | "chairwoman" | "congresswoman" | "councilwoman"
                | "businesswoman" | "actress" | "queen" | "princess" | "duchess" | "countess"
                | "mother" | "wife" | "daughter" | "sister" | "grandmother" | "widow" | "girl"
                | "woman" => Some(1.0),
                "spokesman" | "congressman" | "councilman" | "businessman" | "king" | "prince"
                | "duke" | "father" | "husband" | "son" | "brother" | "grandfather" | "boy"
                | "man" => Some(0.0),
                _ => None,
            }
        })
    })
}

/// The embedded lexicon: `Name<TAB>share female`, sorted by lowercase name.
static FIRST_NAMES: &str = include_str!("../lexicons/first_names.tsv");

/// The share female of a first name, from the US Social Security counts; `None` when unknown.
pub fn first_name_share(name: &str) -> Option<f32> {
    static TABLE: OnceLock<Vec<(&'static str, f32)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        FIRST_NAMES
            .lines()
            .filter_map(|l| {
                let (n, s) = l.split_once('\t')?;
                Some((n, s.parse().ok()?))
            })
            .collect()
    });
    let lower = |s: &str| {
        s.chars()
            .flat_map(char::to_lowercase)
            .collect::<Vec<char>>()
    };
    let key = lower(name);
    table
        .binary_search_by(|(n, _)| {
            n.chars()
                .flat_map(char::to_lowercase)
                .cmp(key.iter().copied())
        })
        .ok()
        .map(|k| table[k].1)
}

/// Titles and roles the text gives a person: the title before a mention (`NATO Secretary-General
/// Jens Stoltenberg`) and an appositive after it (`Hugh Hill, a doctor,`), deduplicated by text,
/// in order of appearance.
fn descriptors(
    text: &str,
    tokens: &Tokens,
    words: &[NameWords],
    mentions: &[Mention],
    of: &[usize],
) -> Vec<Span> {
    let mut found: Vec<Span> = Vec::new();
    for &i in of {
        let m = mentions[i];
        // The title ends where the name starts, which may be inside the mention.
        let name_start = words[i].span().start();
        let t0 = tokens
            .tokens
            .partition_point(|t| t.span.start() < name_start);
        let t1 = tokens
            .tokens
            .partition_point(|t| t.span.start() < m.span.end());
        let Some(s) = sentence_of(tokens, t0) else {
            continue;
        };
        let range = tokens.sentences[s].tokens.clone();
        let context = Context {
            text,
            toks: &tokens.tokens,
            mentions,
        };
        found.extend(context.title_before(range.start, t0));
        found.extend(context.appositive_after(t1, range.end));
    }
    found.sort_by_key(|s| s.start());
    let mut unique: Vec<Span> = Vec::new();
    for d in found {
        if !unique.iter().any(|u| text[*u] == text[d]) {
            unique.push(d);
        }
    }
    unique
}

fn sentence_of(tokens: &Tokens, t: usize) -> Option<usize> {
    let s = tokens.sentences.partition_point(|s| s.tokens.end <= t);
    (s < tokens.sentences.len() && tokens.sentences[s].tokens.contains(&t)).then_some(s)
}

struct Context<'a> {
    text: &'a str,
    toks: &'a [Token],
    mentions: &'a [Mention],
}

impl Context<'_> {
    fn word(&self, t: usize) -> &str {
        &self.text[self.toks[t].span]
    }

    /// The label of the name mention holding token `t`, if any.
    fn name_label(&self, t: usize) -> Option<Label> {
        // A token `Kremlin’s` belongs to the mention `Kremlin`.
        let whole = self.toks[t].span;
        let bare = strip_possessive(&self.text[whole]);
        let span = Span::new(
            whole.start(),
            whole.start() + bare.len().max(1).min(whole.len()),
        );
        let k = self
            .mentions
            .partition_point(|m| m.span.end() <= span.start());
        self.mentions
            .get(k)
            .filter(|m| m.span.contains(span) && m.label.is_name())
            .map(|m| m.label)
    }

    /// Whether token `t` can be part of a title: a role or modifier word, or a word of an
    /// organisation, place or group name (`NATO`, `Kremlin`, `Ukrainian`).
    fn titular(&self, t: usize) -> bool {
        let tok = self.toks[t];
        match tok.kind {
            TokenKind::Word => {
                let w = self.word(t);
                role(w)
                    || modifier(w)
                    || w.split(['-', '.']).any(role)
                    || matches!(
                        self.name_label(t),
                        Some(Label::Org | Label::Gpe | Label::Norp | Label::Loc | Label::Fac)
                    )
            }
            _ => false,
        }
    }

    /// The title right before a name starting at token `t0`, within tokens `lo..t0`.
    fn title_before(&self, lo: usize, t0: usize) -> Option<Span> {
        if t0 <= lo {
            return None;
        }
        // `the Kremlin’s spokesman, Dmitry Peskov,`: a described role, a comma, the name.
        let comma = self.word(t0 - 1) == "," && t0 >= lo + 2;
        let last = if comma { t0 - 2 } else { t0 - 1 };
        let tok = self.toks[last];
        let w = self.word(last);
        let is_role = tok.kind == TokenKind::Word && (role(w) || w.split(['-', '.']).any(role));
        if !is_role {
            return None;
        }
        let mut first = last;
        let mut k = last;
        while k > lo {
            let p = k - 1;
            let tok = self.toks[p];
            let glued = tok.span.end() == self.toks[k].span.start();
            if self.titular(p) && self.name_label(p) != Some(Label::Person) {
                k = p;
                first = p;
                continue;
            }
            // `Secretary-General` split at the hyphen, `U.S.` split at its periods, and the
            // possessive of `Ukraine’s President`.
            let inner = glued
                && p > lo
                && matches!(self.word(p), "-" | "." | "’" | "'")
                && self.toks[p - 1].span.end() == tok.span.start();
            if inner {
                k = p;
                continue;
            }
            // `Ukraine’s President`, whether the tokenizer keeps `’s` whole or splits it.
            // The possessive mark touches the name before it, not the title after it.
            let touches = |a: usize, b: usize| self.toks[a].span.end() == self.toks[b].span.start();
            if p > lo
                && matches!(self.word(p), "’s" | "'s")
                && touches(p - 1, p)
                && self.name_label(p - 1).is_some()
            {
                k = p;
                continue;
            }
            if p > lo + 1
                && self.word(p) == "s"
                && matches!(self.word(p - 1), "’" | "'")
                && touches(p - 2, p - 1)
                && touches(p - 1, p)
                && self.name_label(p - 2).is_some()
            {
                k = p - 1;
                continue;
            }
            // `Secretary of State`: `of` between two capitalised title words.
            if self.word(p) == "of"
                && p > lo
                && self.titular(p - 1)
                && self.word(k).chars().next().is_some_and(char::is_uppercase)
            {
                k = p;
                continue;
            }
            break;
        }
        if comma {
            // The described role keeps its determiner, and needs one: `the spokesman, X` but
            // not `Thanks, President X` or a list.
            return (k > lo && matches!(self.word(k - 1), "the" | "The" | "a" | "an"))
                .then(|| self.toks[k - 1].span.cover(self.toks[last].span));
        }
        // `first` is always a title word, never a hyphen or possessive mark.
        Some(self.toks[first].span.cover(self.toks[last].span))
    }

    /// An appositive right after a name ending before token `t1`: `, a doctor,`.
    fn appositive_after(&self, t1: usize, hi: usize) -> Option<Span> {
        if t1 + 1 >= hi || self.word(t1) != "," {
            return None;
        }
        let start = t1 + 1;
        let first = self.word(start);
        let determiner = matches!(first, "a" | "an" | "the");
        if !(determiner || self.titular(start)) || self.toks[start].kind != TokenKind::Word {
            return None;
        }
        let mut end = start;
        let mut has_role = false;
        while end < hi && end - start < 12 {
            let tok = self.toks[end];
            let w = self.word(end);
            if matches!(tok.kind, TokenKind::Quote)
                || matches!(w, "," | ";" | "(" | ")" | "—" | "–")
            {
                break;
            }
            if matches!(w, "." | "!" | "?") && end + 1 >= hi {
                break;
            }
            // A clause, or another person (`Blumenthal, President George W. Bush and ...`).
            if tok.kind == TokenKind::Word
                && (cue_or_relative(w) || self.name_label(end) == Some(Label::Person))
            {
                return None;
            }
            if tok.kind == TokenKind::Word
                && (role(w) || w.split('-').any(role) || lowercase_noun(w))
            {
                has_role = true;
            }
            end += 1;
        }
        if end == start || end - start >= 12 || !has_role {
            return None;
        }
        // A list (`Hill, Smith and Jones`) is no appositive: it must end at a comma or the end.
        if end < hi
            && !matches!(
                self.word(end),
                "," | "." | ")" | "—" | "–" | "!" | "?" | ";"
            )
        {
            return None;
        }
        if determiner && end - start < 2 {
            return None;
        }
        Some(self.toks[start].span.cover(self.toks[end - 1].span))
    }
}

/// Words that name a role or title.
fn role(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    let w = lower.trim_end_matches('.');
    matches!(
        w,
        "president"
            | "president-elect"
            | "minister"
            | "secretary"
            | "secretary-general"
            | "general"
            | "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "chancellor"
            | "senator"
            | "sen"
            | "rep"
            | "representative"
            | "congressman"
            | "congresswoman"
            | "governor"
            | "gov"
            | "mayor"
            | "gen"
            | "commander"
            | "chief"
            | "director"
            | "ceo"
            | "cfo"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "chairperson"
            | "leader"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "pope"
            | "ambassador"
            | "envoy"
            | "official"
            | "adviser"
            | "advisor"
            | "analyst"
            | "professor"
            | "prof"
            | "doctor"
            | "dr"
            | "judge"
            | "justice"
            | "attorney"
            | "lawyer"
            | "coach"
            | "manager"
            | "captain"
            | "colonel"
            | "col"
            | "lieutenant"
            | "lt"
            | "sergeant"
            | "sgt"
            | "officer"
            | "head"
            | "founder"
            | "economist"
            | "researcher"
            | "reporter"
            | "correspondent"
            | "editor"
            | "author"
            | "writer"
            | "commissioner"
            | "inspector"
            | "sheriff"
            | "executive"
            | "owner"
            | "candidate"
            | "nominee"
            | "lawmaker"
            | "legislator"
            | "activist"
            | "spokesperson's"
            | "premier"
            | "diplomat"
            | "emir"
            | "sheikh"
            | "ayatollah"
            | "bishop"
            | "archbishop"
            | "cardinal"
            | "rabbi"
            | "imam"
            | "rev"
            | "reverend"
            | "speaker"
            | "admiral"
            | "adm"
            | "marshal"
            | "major"
            | "maj"
            | "sen.-elect"
            | "physician"
            | "surgeon"
            | "scientist"
            | "expert"
            | "historian"
            | "prosecutor"
            | "counsel"
            | "chairs"
            | "deputy"
            | "mp"
            | "mep"
            | "councillor"
            | "councilman"
            | "councilwoman"
            | "delegate"
            | "superintendent"
            | "principal"
            | "teacher"
            | "nurse"
            | "student"
            | "resident"
            | "player"
            | "striker"
            | "midfielder"
            | "defender"
            | "goalkeeper"
            | "forward"
            | "quarterback"
            | "actor"
            | "actress"
            | "singer"
            | "artist"
            | "director-general"
            | "commander-in-chief"
            | "attorney-general"
    )
}

/// Words that may qualify a role inside a title (`former`, `Foreign`, `press`).
fn modifier(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "former"
            | "acting"
            | "interim"
            | "deputy"
            | "vice"
            | "prime"
            | "foreign"
            | "defense"
            | "defence"
            | "press"
            | "senior"
            | "top"
            | "assistant"
            | "associate"
            | "national"
            | "security"
            | "finance"
            | "interior"
            | "health"
            | "state"
            | "home"
            | "trade"
            | "economy"
            | "energy"
            | "justice"
            | "education"
            | "communications"
            | "general"
            | "supreme"
            | "lead"
            | "military"
            | "executive"
            | "then"
            | "first"
            | "lady"
            | "managing"
            | "human"
            | "rights"
            | "policy"
            | "army"
            | "navy"
            | "air"
            | "force"
            | "secretary"
            | "white"
            | "house"
            | "u.s."
            | "us"
            | "uk"
            | "eu"
            | "un"
            | "nato"
    )
}

/// Words that start a clause rather than an appositive noun phrase.
fn cue_or_relative(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "who"
            | "which"
            | "that"
            | "and"
            | "or"
            | "but"
            | "added"
            | "wrote"
            | "is"
            | "was"
            | "has"
            | "had"
            | "will"
            | "would"
    )
}

/// Lowercase nouns that make an appositive a description even without a listed role
/// (`a mother of three`, `a resident of Kyiv`): any lowercase word of four or more letters
/// ending like a person noun.
fn lowercase_noun(w: &str) -> bool {
    w.len() >= 4
        && w.chars().all(|c| c.is_ascii_lowercase())
        && [
            "er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "mother", "father",
        ]
        .iter()
        .any(|s| w.ends_with(s))
}
