//! Resolves a subject phrase to a speaker: a mention through its cluster, a pronoun to its most
//! likely antecedent, a definite description to the cluster it describes, anything else to itself.

use newsclaims_entities::Label;
use newsclaims_syntax::Pos;
use newsclaims_text::Span;

use super::{Earlier, Head, Np};
use crate::Speaker;
use crate::lexicon::{self, Pronoun};
use crate::rank;
use crate::view::View;

/// Resolves a subject phrase to a speaker. `earlier` lists previous speakers, oldest first.
pub(crate) fn resolve(view: &View<'_>, np: Np, earlier: &[Earlier]) -> Speaker {
    let mut speaker = resolve_phrase(view, np, earlier);
    if let Some(r) = np.relative {
        speaker.span = view.span(r);
    }
    speaker
}

fn resolve_phrase(view: &View<'_>, np: Np, earlier: &[Earlier]) -> Speaker {
    let mut span = np.span(view);
    // `They’ve said`: the speaker is `They`, without the verb's clitic.
    if let (Head::Pronoun(_), Some((_, stem))) =
        (np.head, lexicon::pronoun_with_clitic(view.word(np.last)))
    {
        span = Span::new(span.start(), view.span(np.last).start() + stem);
    }
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
        // `Researchers say ... They call for ...`: the people the sentence before named.
        Head::Pronoun(Pronoun::They) if let Some(name) = plural_subject_before(view, np.first) => {
            Speaker {
                span,
                name,
                cluster: None,
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
            Speaker {
                span,
                name: view.cover(name_start(view, np.first, np.last), np.last),
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
/// (beyond its window) the latest earlier speaker for `he`/`she` who is a person of the
/// pronoun's sex.
fn antecedent(view: &View<'_>, at: usize, p: Pronoun, earlier: &[Earlier]) -> Option<usize> {
    rank::best(view, at, p, earlier).or_else(|| {
        // `he` never names the White House that spoke before. The last speaker may be of
        // unknown sex; one further back must be known to be of the pronoun's.
        let sex_ok = |female: Option<f32>, known: bool| {
            rank::other_sex_share(p, female).map_or(!known, |other| other < 0.5)
        };
        if !matches!(p, Pronoun::He | Pronoun::She) {
            return None;
        }
        let last = earlier.len().checked_sub(1)?;
        earlier
            .iter()
            .enumerate()
            .rev()
            .map(|(k, e)| (k, e.cluster))
            .find_map(|(k, c)| {
                let cluster = view.entities.clusters.get(c)?;
                (cluster.label == Label::Person && sex_ok(cluster.female, k < last)).then_some(c)
            })
    })
}

/// The words of a plural description that is the subject of the first finite verb of the
/// sentence before token `at` (`The authors say ...`), without its determiner: what a `they`
/// speaking next refers to ahead of any named body. A name, a pronoun or a singular noun is
/// left to the ranker.
fn plural_subject_before(view: &View<'_>, at: usize) -> Option<newsclaims_text::Span> {
    let s = (view.sent(at) as usize).checked_sub(1)?;
    let range = view.sentence_tokens(s);
    let verb = range.clone().find(|&k| {
        view.quote_at(k).is_none()
            && !view.is_capitalized(k)
            && view.is_wordlike(k)
            && view.is_finite(k)
    })?;
    let np = super::subject_left(view, verb, range.start)?;
    let plural = np.head == Head::Words
        && np.relative.is_none()
        && view.tag(np.last) == Some(Pos::NNS)
        && (np.first..=np.last).all(|k| view.mention_at(k).is_none() && view.quote_at(k).is_none());
    if !plural {
        return None;
    }
    Some(view.cover(name_start(view, np.first, np.last), np.last))
}

/// Where the name of the description `first..=last` starts: past its determiners (`the
/// committee` is `committee`), but a share stays with what it is a share of (`one of the
/// president's advisers`, not `of the president's advisers`).
fn name_start(view: &View<'_>, first: usize, last: usize) -> usize {
    let mut k = first;
    while k < last && lexicon::is_determiner(view.word(k)) && !view.is(k + 1, "of") {
        k += 1;
    }
    k
}
