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
//! without a possessive or honorific.//!
//! Work is linear in the mentions: every comparison of names above is a lookup in a hash map
//! keyed by the name word(s) without regard to ASCII case (the nearest person of a surname is
//! kept up to date while the mentions are read in order, acronyms are looked up by the
//! initials of each name), so a text with thousands of distinct names costs no more per
//! mention than a short article. The hash maps are only looked up, never iterated.
//!
//! The parts: `names` (a mention's name words, keys, initials, first names), `describe`
//! (descriptors and sex), `words` (the word lists).

mod describe;
mod names;
mod words;

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use newsclaims_tokenize::Tokens;

use crate::{Cluster, Label, Mention};
use describe::{descriptors, female, gendered_descriptor};
pub use names::first_name_share;
use names::{NameWords, initials, is_acronym, name_key, name_words};

/// Assigns every mention a cluster and returns the clusters, numbered in order of first mention.
pub fn cluster(text: &str, tokens: &Tokens, mentions: &mut [Mention]) -> Vec<Cluster> {
    let words: Vec<NameWords> = mentions.iter().map(|m| name_words(text, m)).collect();
    let mut grouping = Grouping {
        group: vec![usize::MAX; mentions.len()],
        groups: 0,
    };
    // Full person names first, over the whole text, so a surname may join a name given later.
    let people = grouping.people(text, mentions, &words);
    one_sense(text, mentions, &words, &people);
    grouping.single_names(text, mentions, &words, &people);
    let named = grouping.other_names(text, mentions);
    grouping.acronyms(&named);

    let mut clusters = number(mentions, &grouping.group);
    for c in &mut clusters {
        settle(text, tokens, mentions, &words, c);
    }
    clusters
}

/// A string hashed and compared without regard to ASCII case, as `eq_ignore_ascii_case` compares.
#[derive(Clone, Copy, Debug)]
struct Caseless<'t>(&'t str);

impl PartialEq for Caseless<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for Caseless<'_> {}

impl Hash for Caseless<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // Folded a chunk at a time: one `write` per chunk costs far less than one per byte.
        let mut chunk = [0u8; 32];
        for part in self.0.as_bytes().chunks(chunk.len()) {
            let folded = &mut chunk[..part.len()];
            folded.copy_from_slice(part);
            folded.make_ascii_lowercase();
            state.write(folded);
        }
        // Ends the key, as `str`'s own hash does, so that two keys never run together.
        state.write_u8(0xFF);
    }
}

/// The provisional groups of the mentions: `group[i]` is mention i's (`usize::MAX`: none yet).
struct Grouping {
    group: Vec<usize>,
    groups: usize,
}

/// The people named in full (two words or more): group `k` is `names[k]`.
#[derive(Default)]
struct People<'t> {
    /// Each person's last and first name word (their `NameWord::id`s), by group.
    names: Vec<(usize, usize)>,
    by_last: HashMap<Caseless<'t>, NameWord>,
    by_first: HashMap<Caseless<'t>, NameWord>,
}

/// The people who bear one name word (as a last or as a first name).
struct NameWord {
    /// The word's number among the last (or first) name words, in order of first use.
    id: usize,
    /// The first of them (the lowest group).
    first: usize,
    /// Where the first of them whose first name the lexicon knows is first named in full.
    known_from: Option<usize>,
}

impl People<'_> {
    /// Whether a person with `w` as last or first name, whose first name the lexicon knows, is
    /// named in full before `at`.
    fn introduced(&self, w: &str, at: usize) -> bool {
        let before = |map: &HashMap<Caseless<'_>, NameWord>| {
            map.get(&Caseless(w))
                .and_then(|p| p.known_from)
                .is_some_and(|start| start < at)
        };
        before(&self.by_last) || before(&self.by_first)
    }
}

impl Grouping {
    fn new_group(&mut self) -> usize {
        self.groups += 1;
        self.groups - 1
    }

    /// Groups the full person names: the same first and last name word is one person.
    fn people<'t>(
        &mut self,
        text: &'t str,
        mentions: &[Mention],
        words: &[NameWords],
    ) -> People<'t> {
        let mut people = People::default();
        let mut by_full: HashMap<(Caseless<'t>, Caseless<'t>), usize> = HashMap::new();
        for (i, m) in mentions.iter().enumerate() {
            if m.label != Label::Person || words[i].len() < 2 {
                continue;
            }
            let (first, last) = (words[i].first(text), words[i].last(text));
            let key = (Caseless(first), Caseless(last));
            if let Some(&g) = by_full.get(&key) {
                self.group[i] = g;
                continue;
            }
            let g = self.new_group();
            by_full.insert(key, g);
            self.group[i] = g;
            let known = first_name_share(first).is_some().then_some(m.span.start());
            let mut ids = [0; 2];
            for (k, (map, word)) in [(&mut people.by_last, last), (&mut people.by_first, first)]
                .into_iter()
                .enumerate()
            {
                let id = map.len();
                let entry = map.entry(Caseless(word)).or_insert(NameWord {
                    id,
                    first: g,
                    known_from: None,
                });
                entry.known_from = entry.known_from.or(known);
                ids[k] = entry.id;
            }
            people.names.push((ids[0], ids[1]));
        }
        people
    }

    /// Groups the one-word person names (`Stoltenberg`): the person whose last (or else first)
    /// name it is, the one mentioned last before it when several are, the first of them when
    /// none is yet; a name no full name has is grouped with its own kind.
    fn single_names(
        &mut self,
        text: &str,
        mentions: &[Mention],
        words: &[NameWords],
        people: &People<'_>,
    ) {
        // The person of each last and first name word (by id) mentioned last so far.
        let mut latest_last = vec![usize::MAX; people.by_last.len()];
        let mut latest_first = vec![usize::MAX; people.by_first.len()];
        let latest = |seen: &[usize], p: &NameWord| match seen[p.id] {
            usize::MAX => p.first,
            g => g,
        };
        let mut singles: HashMap<Caseless<'_>, usize> = HashMap::new();
        for (i, m) in mentions.iter().enumerate() {
            if m.label == Label::Person && self.group[i] == usize::MAX {
                self.group[i] = if words[i].len() == 1 {
                    let w = Caseless(words[i].last(text));
                    if let Some(p) = people.by_last.get(&w) {
                        latest(&latest_last, p)
                    } else if let Some(p) = people.by_first.get(&w) {
                        latest(&latest_first, p)
                    } else {
                        match singles.get(&w) {
                            Some(&g) => g,
                            None => {
                                let g = self.new_group();
                                singles.insert(w, g);
                                g
                            }
                        }
                    }
                } else {
                    self.new_group()
                };
            }
            if let Some(&(last, first)) = people.names.get(self.group[i]) {
                latest_last[last] = self.group[i];
                latest_first[first] = self.group[i];
            }
        }
    }

    /// Groups the other names: the same normalised text is one entity; numeric mentions each
    /// get a group of their own. Returns each name's group, label and key, in order.
    fn other_names<'t>(
        &mut self,
        text: &'t str,
        mentions: &[Mention],
    ) -> Vec<(usize, Label, &'t str)> {
        let mut named = Vec::new();
        let mut by_key: HashMap<Caseless<'t>, usize> = HashMap::new();
        for (i, m) in mentions.iter().enumerate() {
            if self.group[i] != usize::MAX {
                continue;
            }
            if m.label.is_numeric() {
                self.group[i] = self.new_group();
                continue;
            }
            let key = name_key(&text[m.span]);
            self.group[i] = match by_key.get(&Caseless(key)) {
                Some(&g) => g,
                None => {
                    let g = self.new_group();
                    by_key.insert(Caseless(key), g);
                    named.push((g, m.label, key));
                    g
                }
            };
        }
        named
    }

    /// Acronyms join the name they abbreviate (`EU` → `European Union`), when exactly one name of
    /// their label fits.
    fn acronyms(&mut self, named: &[(usize, Label, &str)]) {
        // For each label and initials, the first name that has them and how many do.
        let mut by_initials: HashMap<(Label, String), (usize, usize)> = HashMap::new();
        for &(g, label, key) in named {
            if let Some(initials) = initials(key) {
                by_initials.entry((label, initials)).or_insert((g, 0)).1 += 1;
            }
        }
        let mut alias: Vec<usize> = (0..self.groups).collect();
        for &(g, label, key) in named {
            if !matches!(label, Label::Org | Label::Gpe) || !is_acronym(key) {
                continue;
            }
            let letters: String = key.chars().filter(|c| *c != '.').collect();
            // An acronym is one word: its own initials are one letter, never its letters.
            if let Some(&(b, 1)) = by_initials.get(&(label, letters))
                && b != g
            {
                alias[g] = b;
            }
        }
        for g in &mut self.group {
            *g = alias[*g];
        }
    }
}

/// One sense per discourse: a one-word name the tagger labelled otherwise (`Wright` GPE) after a
/// person of that surname or first name was introduced is that person. Only a person whose
/// first name the lexicon knows: a tagger slip (`Magna Corp` read as a person) must not turn
/// the company's other mentions into people.
fn one_sense(text: &str, mentions: &mut [Mention], words: &[NameWords], people: &People<'_>) {
    for (i, m) in mentions.iter_mut().enumerate() {
        if m.label == Label::Person || !m.label.is_name() || words[i].len() != 1 {
            continue;
        }
        let w = words[i].last(text);
        if w.chars().next().is_some_and(char::is_uppercase) && people.introduced(w, m.span.start())
        {
            m.label = Label::Person;
        }
    }
}

/// The clusters of the groups, numbered in order of first mention, each with its mentions.
fn number(mentions: &mut [Mention], group: &[usize]) -> Vec<Cluster> {
    let mut number = vec![usize::MAX; group.iter().max().map_or(0, |g| g + 1)];
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
    clusters
}

/// A cluster's label, name, and for a person descriptors and sex.
fn settle(text: &str, tokens: &Tokens, mentions: &[Mention], words: &[NameWords], c: &mut Cluster) {
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
        c.descriptors = descriptors(text, tokens, words, mentions, &c.mentions);
        c.female =
            female(text, mentions, c, words).or_else(|| gendered_descriptor(text, &c.descriptors));
    }
}
