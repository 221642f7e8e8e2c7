//! Finds the noun phrase that names a cue's speaker and resolves it to a canonical name.
//!
//! The subject is the nearest noun phrase left of the cue (auxiliaries, adverbs, dates and
//! appositives skipped), or the one right after it in an inversion (`said Stoltenberg`). It
//! resolves to its entity cluster's fullest name: a mention through its cluster, a pronoun to the
//! most likely earlier entity (gender, recency, subject position, earlier speakers), a definite
//! description (`the spokesperson`) to the cluster whose descriptor names it, and anything else to
//! the phrase itself without its determiner.

use newsclaims_entities::Label;
use newsclaims_syntax::Pos;
use newsclaims_text::Span;

use crate::Speaker;
use crate::lexicon::{self, Pronoun};
use crate::rank;
use crate::view::View;

/// A noun phrase over tokens `first..=last`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Np {
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) head: Head,
    /// The relative pronoun that names the speaker at the cue (`who`), when the phrase is its
    /// antecedent (`Ted Cruz, who said ...`).
    pub(crate) relative: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Head {
    /// The phrase ends in (or is) this entity mention.
    Mention(usize),
    Pronoun(Pronoun),
    /// A description with no entity at its head (`the spokesperson`, `A NATO release`).
    Words,
}

impl Np {
    pub(crate) fn span(&self, view: &View<'_>) -> Span {
        view.cover(self.first, self.last)
    }
}

/// The subject of the cue at token `cue`, searched left of it but not before token `floor`.
pub(crate) fn subject_left(view: &View<'_>, cue: usize, floor: usize) -> Option<Np> {
    let mut k = cue;
    // Auxiliaries, adverbs and dates between subject and verb: `has repeatedly`, `on Monday`.
    while k > floor {
        let p = k - 1;
        let w = view.word(p);
        let date = matches!(view.label_at(p), Some(Label::Date | Label::Time));
        if view.is_wordlike(p)
            && (date
                || lexicon::is_weekday(w)
                || (lexicon::is_aux_or_adverb(w) && !view.is_capitalized(p))
                || (view.is_any(p, &["on", "last", "this"]) && k < cue))
        {
            k = p;
            continue;
        }
        // A parenthesis after the name: `Rep. Stephen Lynch (D-Mass.) said`.
        if view.is_punct(p, ")") {
            let lo = p.saturating_sub(8).max(floor);
            if let Some(open) = (lo..p).rev().find(|&j| view.is_punct(j, "(")) {
                k = open;
                continue;
            }
        }
        // The apostrophe of a split `didn’t`.
        if view.is_quote_mark(p) && view.is(k, "t") {
            k = p;
            continue;
        }
        break;
    }
    if k <= floor {
        return None;
    }
    let p = k - 1;
    if view.is_punct(p, ",") {
        return appositive_subject(view, p, floor);
    }
    // A reduced relative: `A government report released Friday states ...`. The participle is
    // lower case; asking that first spares the tagger most sentences (`Peskov said`).
    if p > floor
        && !view.is_capitalized(p)
        && matches!(view.tag(p), Some(Pos::VBN | Pos::VBD))
        && view.tag(p - 1).is_some_and(Pos::is_noun)
    {
        return np_ending_at(view, p - 1, floor);
    }
    np_ending_at(view, p, floor)
}

/// `Hugh Hill, a doctor, said`, `Peskov, who ..., said`, `Hill, 45, said`: the phrase before the
/// earlier comma. `comma` is the comma just before the cue.
fn appositive_subject(view: &View<'_>, comma: usize, floor: usize) -> Option<Np> {
    let lo = comma.saturating_sub(16).max(floor);
    let earlier = (lo..comma)
        .rev()
        .find(|&j| view.is_punct(j, ",") && view.quote_at(j).is_none())?;
    if earlier <= floor || comma - earlier < 2 {
        return None;
    }
    // The aside must look like one: a determiner, a number, `who`, or a capitalised title.
    let first = earlier + 1;
    let aside_ok = lexicon::is_determiner(view.word(first))
        || view.is_any(first, &["who", "which", "whose", "herself", "himself"])
        || matches!(
            view.kind(first),
            Some(newsclaims_tokenize::TokenKind::Number)
        )
        || view.is_capitalized(first)
        // `wearing a T-shirt ...`, `clad in red`: a participle phrase.
        || matches!(view.tag(first), Some(Pos::VBG | Pos::VBN))
        // `director of research at X`: a role with no finite verb.
        || (first..comma).all(|j| !matches!(view.tag(j), Some(Pos::VBD | Pos::VBZ | Pos::VBP | Pos::MD)));
    if !aside_ok || (first..comma).any(|j| view.is_terminator(j) || view.is_quote_mark(j)) {
        return None;
    }
    let np = np_ending_at(view, earlier - 1, floor)?;
    // A description named by its appositive: `McConnell's Democratic counterpart, Chuck
    // Schumer, said` is Schumer's.
    if np.head == Head::Words
        && let Some(name) = np_ending_at(view, comma - 1, earlier)
        && name.first == first
        && matches!(name.head, Head::Mention(m) if view.entities.mentions[m].label == Label::Person)
    {
        return Some(name);
    }
    // An appositive hangs off a name or a pronoun, not off a clause.
    matches!(np.head, Head::Mention(_) | Head::Pronoun(_) | Head::Words).then_some(np)
}

/// The noun phrase whose last token is `p`.
pub(crate) fn np_ending_at(view: &View<'_>, p: usize, floor: usize) -> Option<Np> {
    if !view.is_wordlike(p) {
        // `the company’s` is not a subject; a possessive ends in `s` after an apostrophe.
        return None;
    }
    let w = view.word(p);
    if let Some(pron) = lexicon::pronoun(w) {
        if pron == Pronoun::Relative {
            // `Peskov, who ...`: the antecedent before the comma, or right before `who`.
            let q = if p > floor && view.is_punct(p - 1, ",") {
                p.checked_sub(2)?
            } else {
                p.checked_sub(1)?
            };
            if q < floor {
                return None;
            }
            return np_ending_at(view, q, floor)
                .filter(|np| np.head != Head::Pronoun(Pronoun::Relative))
                .map(|np| Np {
                    relative: Some(p),
                    ..np
                });
        }
        return Some(Np {
            first: p,
            last: p,
            head: Head::Pronoun(pron),
            relative: None,
        });
    }
    if let Some((m, mention)) = view.mention_at(p) {
        if matches!(mention.label, Label::Percent | Label::Cardinal) {
            // `Another 19 percent said`, `73 percent said`: a share of those polled.
            let mut first = view.token_at_or_after(mention.span.start()).min(p);
            if first > floor
                && view.is_any(first - 1, &["another", "only", "just", "about", "nearly"])
            {
                first -= 1;
            }
            return Some(Np {
                first,
                last: p,
                head: Head::Words,
                relative: None,
            });
        }
        if mention.label.is_numeric() {
            return None;
        }
        let mut first = view.token_at_or_after(mention.span.start()).min(p);
        // A title before the name is part of the phrase (`Kremlin spokesperson Dmitry Peskov`).
        while first > floor && first > 0 && is_title_word(view, first - 1) {
            first -= 1;
        }
        if mention.label != Label::Person
            && let Some(outer) = head_before_preposition(view, first, floor)
        {
            return Some(outer);
        }
        return Some(Np {
            first,
            last: p,
            head: Head::Mention(m),
            relative: None,
        });
    }
    if lexicon::is_np_boundary(w) || lexicon::is_determiner(w) && !view.is_capitalized(p) {
        return None;
    }
    if w.len() > 4 && w.ends_with("ly") {
        return None;
    }
    // A verb is no head of a subject (`denied reports that ...`).
    if !view.is_capitalized(p) && view.tag(p).is_some_and(|t| t.is_verb()) {
        return None;
    }
    let mut first = p;
    let mut taken = 1;
    while first > floor && taken < 7 {
        let q = first - 1;
        let qw = view.word(q);
        if lexicon::is_determiner(qw) {
            first = q;
            break;
        }
        // A possessive inside the phrase: `Russia ’ s foreign ministry`.
        if view.is_quote_mark(q) && view.is(first, "s") {
            first = q;
            continue;
        }
        if view.is_punct(q, "-")
            || view.is_punct(q, "&")
            || view.is_punct(q, ".") && q > 0 && view.word(q - 1).len() == 1
        {
            first = q;
            continue;
        }
        if !view.is_wordlike(q) || lexicon::is_np_boundary(qw) && !view.is_capitalized(q) {
            break;
        }
        if matches!(view.label_at(q), Some(Label::Date | Label::Time)) {
            break;
        }
        if qw.ends_with("ed") && !view.is_capitalized(q) && q + 1 < first + 1 {
            // A past verb ends the phrase (`officials found ...`), but only lower case ones.
            break;
        }
        first = q;
        taken += 1;
    }
    // Never start a phrase with the second half of a possessive, nor with a conjunction that
    // opens the sentence (`But others vowed ...`).
    while first < p
        && (view.is_quote_mark(first)
            || view.is(first, "s") && first > 0 && view.is_quote_mark(first - 1)
            || view.is_any(first, &["but", "and", "or", "so", "yet", "still"]))
    {
        first += 1;
    }
    Some(Np {
        first,
        last: p,
        head: Head::Words,
        relative: None,
    })
}

/// A place or organisation inside a larger phrase is not its head: in `the top commander in
/// Afghanistan` or `Chris Cox of the Y Foundation` the speaker is the phrase before the
/// preposition. `first` is the inner name's first token; the phrase before `of`, `in`, `at`,
/// `for` or `from` is returned when it is a person or a description.
fn head_before_preposition(view: &View<'_>, first: usize, floor: usize) -> Option<Np> {
    let mut k = first;
    if k > floor && view.is_any(k - 1, &["the"]) {
        k -= 1;
    }
    if k < floor + 2 || !view.is_any(k - 1, &["of", "in", "at", "for", "from"]) {
        return None;
    }
    let outer = np_ending_at(view, k - 2, floor)?;
    match outer.head {
        Head::Mention(m) if view.entities.mentions[m].label == Label::Person => Some(outer),
        Head::Words
            if !view.is_capitalized(outer.last)
                && view.tag(outer.last).is_some_and(|t| t.is_noun()) =>
        {
            Some(outer)
        }
        _ => None,
    }
}

/// A word that can stand in a title before a name: capitalised, or a lower-case role noun.
fn is_title_word(view: &View<'_>, i: usize) -> bool {
    if !view.is_wordlike(i) {
        return view.is_punct(i, "-");
    }
    if matches!(view.label_at(i), Some(l) if l.is_numeric()) {
        return false;
    }
    let w = view.word(i);
    if lexicon::is_np_boundary(w) || lexicon::is_determiner(w) {
        return false;
    }
    view.is_capitalized(i) || is_role_noun(w)
}

/// Role nouns that head descriptions of people and bodies.
pub(crate) fn is_role_noun(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "secretary",
        "minister",
        "president",
        "senator",
        "sen",
        "rep",
        "representative",
        "governor",
        "gov",
        "mayor",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "chief",
        "official",
        "officials",
        "leader",
        "head",
        "commissioner",
        "adviser",
        "advisor",
        "aide",
        "attorney",
        "general",
        "judge",
        "officer",
        "ambassador",
        "envoy",
        "candidate",
        "nominee",
        "manager",
        "strategist",
        "analyst",
        "professor",
        "economist",
        "executive",
        "founder",
        "ceo",
        "chancellor",
        "premier",
        "prime",
        "vice",
        "deputy",
        "press",
        "foreign",
        "defense",
        "campaign",
        "white",
        "house",
        "state",
        "party",
        "democratic",
        "republican",
        "gop",
        "mr",
        "mrs",
        "ms",
        "dr",
    ];
    WORDS.iter().any(|d| w.eq_ignore_ascii_case(d))
}

/// The subject after the cue in an inversion (`said Stoltenberg`, `said the spokesperson`).
pub(crate) fn subject_right(view: &View<'_>, start: usize, end: usize) -> Option<Np> {
    // A stray comma between the cue and a name (`argued, Alan Dershowitz, ...`).
    let start = if view.is_punct(start, ",")
        && start + 1 < end
        && view
            .mention_at(start + 1)
            .is_some_and(|(_, m)| m.label == Label::Person)
    {
        start + 1
    } else {
        start
    };
    if start >= end || !view.is_wordlike(start) {
        return None;
    }
    let w = view.word(start);
    if let Some(pron) = lexicon::pronoun(w) {
        return matches!(
            pron,
            Pronoun::He | Pronoun::She | Pronoun::They | Pronoun::It
        )
        .then_some(Np {
            first: start,
            last: start,
            head: Head::Pronoun(pron),
            relative: None,
        });
    }
    // Walk the phrase: capitalised words, role nouns, determiners, mentions.
    let mut last = None;
    let mut best_mention: Option<(usize, usize)> = None;
    let mut k = start;
    while k < end && k < start + 8 {
        if !(view.is_wordlike(k)
            || view.is_punct(k, "-")
            || view.is_quote_mark(k) && view.is(k + 1, "s"))
        {
            break;
        }
        let kw = view.word(k);
        if k > start
            && (lexicon::is_np_boundary(kw) || lexicon::is_preposition(kw))
            && !view.is_capitalized(k)
        {
            break;
        }
        if k == start && (lexicon::is_np_boundary(kw) || lexicon::is_preposition(kw)) {
            return None;
        }
        if let Some((m, mention)) = view.mention_at(k) {
            if mention.label.is_numeric() {
                break;
            }
            if let Some(last) = members_after(view, k, m, end) {
                // `according to USPS leaders`: the body's people, not the body.
                return Some(Np {
                    first: start,
                    last,
                    head: Head::Words,
                    relative: None,
                });
            }
            let prefer = mention.label == Label::Person
                || best_mention
                    .is_none_or(|(b, _)| view.entities.mentions[b].label != Label::Person);
            let mut e = k;
            while e + 1 < end && view.mention_at(e + 1).is_some_and(|(n, _)| n == m) {
                e += 1;
            }
            if prefer {
                best_mention = Some((m, e));
            }
            last = Some(e);
            k = e + 1;
            continue;
        }
        // Lower-case words only after a determiner, in a title before a name (`Virginia
        // delegate Beau Correll`), and never a verb form.
        if !(view.is_capitalized(k)
            || lexicon::is_determiner(view.word(start))
            || speaker_role(view, k)
            || view.is_capitalized(k + 1) && k + 1 < end)
            || kw.ends_with("ed") && !view.is_capitalized(k)
        {
            break;
        }
        last = Some(k);
        k += 1;
    }
    let last = last?;
    if let Some((m, e)) = best_mention {
        return Some(Np {
            first: start,
            last: e,
            head: Head::Mention(m),
            relative: None,
        });
    }
    let head = view.word(last);
    if lexicon::is_determiner(head) {
        return None;
    }
    Some(Np {
        first: start,
        last,
        head: Head::Words,
        relative: None,
    })
}

/// The last token of a plural noun of people right after the non-person mention `m` that starts
/// at token `k` (`USPS leaders`, `White House officials`), if one follows.
fn members_after(view: &View<'_>, k: usize, m: usize, end: usize) -> Option<usize> {
    if view.entities.mentions[m].label == Label::Person {
        return None;
    }
    let mut e = k;
    while e + 1 < end && view.mention_at(e + 1).is_some_and(|(n, _)| n == m) {
        e += 1;
    }
    let next = e + 1;
    (next < end
        && view.is_wordlike(next)
        && !view.is_capitalized(next)
        && view.tag(next) == Some(Pos::NNS)
        && is_people_noun(view.word(next)))
    .then_some(next)
}

/// A plural noun of people who speak for a body: its role nouns in the plural and the common
/// words for its members.
fn is_people_noun(w: &str) -> bool {
    const PLURALS: &[&str] = &[
        "members",
        "lawmakers",
        "leaders",
        "employees",
        "workers",
        "staffers",
        "researchers",
        "scientists",
        "experts",
        "investigators",
        "prosecutors",
        "lawyers",
        "sources",
    ];
    PLURALS.iter().any(|d| w.eq_ignore_ascii_case(d))
        || w.strip_suffix('s').is_some_and(is_role_noun)
}

/// A resolved speaker seen earlier in the text, for pronoun resolution.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Earlier {
    pub(crate) cluster: usize,
    pub(crate) sentence: u32,
}

/// Resolves a subject phrase to a speaker. `earlier` lists previous speakers, oldest first.
pub(crate) fn resolve(view: &View<'_>, np: Np, earlier: &[Earlier]) -> Speaker {
    let mut speaker = resolve_phrase(view, np, earlier);
    if let Some(r) = np.relative {
        speaker.span = view.span(r);
    }
    speaker
}

fn resolve_phrase(view: &View<'_>, np: Np, earlier: &[Earlier]) -> Speaker {
    let span = np.span(view);
    let ents = view.entities;
    match np.head {
        Head::Mention(m) => {
            let mention = ents.mentions[m];
            let span = mention.span.cover(view.span(np.last)).cover(mention.span);
            let span = if span.start() < mention.span.start() {
                mention.span
            } else {
                span
            };
            match ents.clusters.get(mention.cluster) {
                Some(c) if c.mentions.binary_search(&m).is_ok() => Speaker {
                    span: mention.span,
                    name: c.name,
                    cluster: Some(mention.cluster),
                },
                _ => Speaker {
                    span,
                    name: mention.span,
                    cluster: None,
                },
            }
        }
        Head::Pronoun(p) => match antecedent(view, np.first, p, earlier) {
            Some(c) => Speaker {
                span,
                name: ents.clusters[c].name,
                cluster: Some(c),
            },
            None => Speaker {
                span,
                name: span,
                cluster: None,
            },
        },
        Head::Words => {
            if let Some(c) = described(view, np, false).or_else(|| described(view, np, true)) {
                return Speaker {
                    span,
                    name: ents.clusters[c].name,
                    cluster: Some(c),
                };
            }
            let mut first = np.first;
            while first < np.last && lexicon::is_determiner(view.word(first)) {
                first += 1;
            }
            Speaker {
                span,
                name: view.cover(first, np.last),
                cluster: None,
            }
        }
    }
}

/// Clusters on each side of a description's place that may be what it describes: far more than
/// one article has, so that only documents of thousands of clusters are cut short.
const MAX_DESCRIBED_CLUSTERS: usize = 256;

/// Words before a title that make it another office: `the president` is not the person
/// described as `Vice President`, nor `the chancellor` the `vice chancellor`.
const RANK_MODIFIERS: [&str; 11] = [
    "vice",
    "deputy",
    "assistant",
    "associate",
    "acting",
    "former",
    "interim",
    "lieutenant",
    "under",
    "co",
    "ex",
];

/// The rank modifier a title's head has just before it, lower-cased, if any.
fn rank_modifier(word: Option<&str>) -> Option<&'static str> {
    let w = word?;
    RANK_MODIFIERS
        .iter()
        .copied()
        .find(|m| w.eq_ignore_ascii_case(m))
}

/// The head noun of an organisation's name: its last word before `of`, `on`, `for`, `at` or
/// `and`, or its last word (`Committee` of `House Committee on Oversight and Reform`).
fn name_head(name: &str) -> &str {
    let mut head = "";
    for w in name
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if ["of", "on", "for", "at", "and"].contains(&w) {
            break;
        }
        head = w;
    }
    head
}

/// The cluster a definite description names: one whose descriptor ends in the same head noun
/// (`the spokesperson` → the cluster described as `Kremlin spokesperson`).
///
/// With `by_name`, `the` and a lower-case noun name the nearest organisation whose name has that
/// noun as its head instead (`the committee` → `House Committee on Oversight and Reform`): the
/// article said who it is.
fn described(view: &View<'_>, np: Np, by_name: bool) -> Option<usize> {
    let det = view.word(np.first);
    // Only a bare `the` + noun: a modifier may name another body (`the House committee`).
    if by_name
        && (!det.eq_ignore_ascii_case("the")
            || np.last != np.first + 1
            || view.is_capitalized(np.last)
            || view.tag(np.last) != Some(Pos::NN))
    {
        return None;
    }
    let definite = det.eq_ignore_ascii_case("the") || view.is_capitalized(np.first);
    if !definite
        || np.first == np.last && !view.is_capitalized(np.first) && !det.eq_ignore_ascii_case("the")
    {
        return None;
    }
    let head = view.word(np.last);
    if head.len() < 3 {
        return None;
    }
    let modifier = rank_modifier((np.last > np.first).then(|| view.word(np.last - 1)));
    let at = view.span(np.first).start();
    let mut best: Option<(usize, usize)> = None;
    // Clusters are numbered by first mention: look at those first named nearest `at`, so that
    // a huge document's thousands of clusters are not all scanned for every description.
    let clusters = &view.entities.clusters;
    let first = |c: &newsclaims_entities::Cluster| {
        c.mentions
            .first()
            .and_then(|&m| view.entities.mentions.get(m))
            .map_or(usize::MAX, |m| m.span.start())
    };
    let here = clusters.partition_point(|c| first(c) <= at);
    let window = here.saturating_sub(MAX_DESCRIBED_CLUSTERS)
        ..clusters.len().min(here + MAX_DESCRIBED_CLUSTERS);
    for (c, cluster) in clusters
        .iter()
        .enumerate()
        .skip(window.start)
        .take(window.len())
    {
        if cluster.label.is_numeric() {
            continue;
        }
        let names_it = if by_name {
            // `the committee` → `House Committee on Oversight and Reform`.
            cluster.label == Label::Org
                && name_head(&view.text[cluster.name]).eq_ignore_ascii_case(head)
        } else {
            cluster.descriptors.iter().any(|d| {
                let mut words = view
                    .text
                    .get(d.start()..d.end())
                    .unwrap_or("")
                    .split(|ch: char| !ch.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .rev();
                words
                    .next()
                    .is_some_and(|last| last.eq_ignore_ascii_case(head))
                    && rank_modifier(words.next()) == modifier
            })
        };
        if !names_it {
            continue;
        }
        // The nearest mention before the description wins; one after it only when none is before.
        // Mentions are ascending, so the nearest one before `at` is found by bisection.
        let starts = |m: &usize| {
            view.entities
                .mentions
                .get(*m)
                .map_or(usize::MAX, |x| x.span.start())
        };
        let k = cluster.mentions.partition_point(|m| starts(m) <= at);
        let distance = if k > 0 {
            at - starts(&cluster.mentions[k - 1])
        } else {
            cluster.mentions.first().map_or(usize::MAX, |m| {
                usize::MAX / 2 + starts(m).saturating_sub(at).min(usize::MAX / 4)
            })
        };
        if best.is_none_or(|(_, d)| distance < d) {
            best = Some((c, distance));
        }
    }
    best.map(|(c, _)| c)
}

/// The cluster a pronoun at token `at` most likely refers to: the ranker's best candidate, else
/// (beyond its window) the latest earlier speaker for `he`/`she`.
fn antecedent(view: &View<'_>, at: usize, p: Pronoun, earlier: &[Earlier]) -> Option<usize> {
    rank::best(view, at, p, earlier).or_else(|| {
        matches!(p, Pronoun::He | Pronoun::She)
            .then(|| earlier.last().map(|e| e.cluster))
            .flatten()
    })
}

/// Whether a mention looks like a name rather than a tagger slip on a function word (`It`, `In`).
pub(crate) fn plausible_name(text: &str, span: Span) -> bool {
    let Some(first) = text
        .get(span.start()..span.end())
        .and_then(|t| t.split_whitespace().next())
    else {
        return false;
    };
    let first = first.trim_end_matches(['’', '\'', ',', '.']);
    lexicon::pronoun(first).is_none()
        && !lexicon::is_determiner(first)
        && !(lexicon::is_np_boundary(first) && text[span].split_whitespace().count() == 1)
}

fn speaker_role(view: &View<'_>, k: usize) -> bool {
    is_role_noun(view.word(k))
}

#[cfg(test)]
mod tests {
    /// The speaker name of the first attributed claim of `text`.
    fn check(text: &str, expect: &str) {
        let tokens = newsclaims_tokenize::tokenize(text);
        let entities = newsclaims_entities::recognize(text, &tokens);
        let claims = crate::extract(text, &tokens, &entities);
        let got = claims
            .iter()
            .find(|c| c.kind != crate::ClaimKind::Statement)
            .and_then(|c| c.speaker)
            .map_or("-", |s| &text[s.name]);
        assert_eq!(got, expect, "in {text:?}");
    }

    #[test]
    fn a_name_inside_the_phrase_is_not_its_head() {
        check(
            "Maria Lopez of the Greenfield Foundation said the grant was approved.",
            "Maria Lopez",
        );
        check(
            "The senior commander in Afghanistan told Congress the mission would end soon.",
            "senior commander",
        );
    }

    #[test]
    fn a_description_named_by_its_appositive() {
        check(
            "The agency's deputy director, Karen Holt, said the plan was sound.",
            "Karen Holt",
        );
        // A stray comma after the cue.
        check(
            "\"We will win this,\" argued, Maria Lopez, the party's chair.",
            "Maria Lopez",
        );
    }

    #[test]
    fn a_title_with_a_rank_is_another_office() {
        check(
            "Vice President Anna Berg met President Carl Dunn on Monday.\n\n\
             The talks went well, the president said.",
            "Carl Dunn",
        );
    }

    #[test]
    fn the_body_a_bare_description_names() {
        check(
            "Students at Lakeside University protested on Monday.\n\n\
             The university said the fees would not rise.",
            "Lakeside University",
        );
        // A modifier may name another body: the phrase stays.
        check(
            "Students at Lakeside University protested on Monday.\n\n\
             The state university said the fees would not rise.",
            "state university",
        );
    }

    #[test]
    fn the_people_of_a_body_are_not_the_body() {
        check(
            "The merger will be delayed, according to NATO officials.",
            "NATO officials",
        );
    }
}
