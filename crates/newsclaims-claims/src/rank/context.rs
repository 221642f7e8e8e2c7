//! The features of one candidate: what all candidates of a pronoun share (its case, the
//! document's and paragraph's topic, whether it is a speaker) and what each has of its own.

use newsclaims_entities::Label;
use newsclaims_syntax::Pos;

use super::{BASE, CONJOINED, Case, FEATURES, SPEECH, Seen};
use crate::lexicon::Pronoun;
use crate::speaker::Earlier;
use crate::view::View;

/// Relative pronouns that open a clause inside a sentence.
const RELATIVES: &[&str] = &["who", "whom", "whose", "which", "where"];

/// Whether a relative clause hangs off the mention ending before token `after` (`Lou
/// D'Allesandro, who represents ...`): a referent the text is introducing.
fn relative_after(view: &View<'_>, after: usize) -> bool {
    let k = if view.is_punct(after, ",") {
        after + 1
    } else {
        after
    };
    k < view.len() && view.is_any(k, &["who", "whom", "whose"])
}

/// How many sentences after the pronoun's a candidate's later mentions count: the next few
/// sentences tell whom the passage is about, the rest of a long article does not.
const AFTER_SENTENCES: u32 = 3;

/// The most tokens a headline has: longer, the first paragraph is prose.
const HEADLINE_TOKENS: usize = 40;

/// How many tokens back the previous pronoun of the same class is looked for.
const CHAIN_TOKENS: usize = 60;
/// How many mentions before that pronoun are looked at for its subject.
const CHAIN_MENTIONS: usize = 12;

/// Whether the mention over tokens `first..after` is subject-like: it opens its sentence or a
/// verb follows it.
fn subject_like_at(view: &View<'_>, first: usize, after: usize) -> bool {
    view.tag(after).is_some_and(|t| t.is_verb() || t == Pos::MD)
        || first == 0
        || view.sent(first - 1) != view.sent(first)
}

/// The subject-like candidate nearest before the previous pronoun of class `p` within
/// [`CHAIN_TOKENS`] of token `at`, in the same paragraph.
fn previous_chain(view: &View<'_>, at: usize, p: Pronoun, seen: &[Seen]) -> Option<usize> {
    let para = view.para(at);
    let lo = at.saturating_sub(CHAIN_TOKENS);
    let prev = (lo..at).rev().find(|&k| {
        view.para(k) == para && super::classify(view.word(k)).is_some_and(|(q, _)| q == p)
    })?;
    let ents = view.entities;
    let pos = view.span(prev).start();
    let end = ents.mentions.partition_point(|m| m.span.start() < pos);
    (end.saturating_sub(CHAIN_MENTIONS)..end)
        .rev()
        .find_map(|k| {
            let m = ents.mentions[k];
            if !seen.iter().any(|s| s.cluster == m.cluster) {
                return None;
            }
            let first = view.token_at_or_after(m.span.start());
            let after = view.token_at_or_after(m.span.end());
            subject_like_at(view, first, after).then_some(m.cluster)
        })
}

/// The end of the document's headline: its first paragraph when that is one sentence of at
/// most [`HEADLINE_TOKENS`] tokens that ends in no full stop, question or exclamation mark
/// (`Library hours cut as county trims budget`); 0 when the text opens with prose.
fn headline_end(view: &View<'_>) -> usize {
    let Some(end) = (0..view.len().min(HEADLINE_TOKENS + 1)).find(|&k| view.sent(k) != 0) else {
        return 0;
    };
    let one_paragraph = view.para(end) != 0;
    if one_paragraph && end <= HEADLINE_TOKENS && !view.is_terminator(end - 1) {
        end
    } else {
        0
    }
}

/// Where a candidate's nearest mention stands from the pronoun, and its role there.
#[derive(Clone, Copy)]
struct Place {
    /// The mention's first token, and the token after it.
    first: usize,
    after: usize,
    /// Sentences back from the pronoun's, or back to the latest claim the candidate was found
    /// making when that is nearer (0 for a mention after it).
    back: u32,
    /// Tokens between the mention and the pronoun.
    distance: f32,
    /// Words of the mention.
    words: usize,
    /// No other name comes before it in its sentence.
    sentence_first: bool,
    verb_after: bool,
    possessive: bool,
    prep_before: bool,
}

/// How present a candidate's cluster is before the pronoun.
struct Salience {
    /// How many of its mentions come before the pronoun (a prefix of them).
    before: usize,
    /// How many of those lie within the candidate window.
    count: f32,
    /// Whether the last of those is in the pronoun's paragraph.
    in_paragraph: bool,
    /// Whether it was first named in the pronoun's sentence or the one before.
    introduced: bool,
}

/// What the features of all candidates of one pronoun share.
pub(super) struct Context<'v, 'a> {
    view: &'v View<'a>,
    at: usize,
    p: Pronoun,
    case: Case,
    earlier: &'v [Earlier],
    /// The earliest first mention among the candidates: the document's topic.
    topic: usize,
    /// The candidate mentioned first in the pronoun's paragraph, before it.
    paragraph_topic: Option<usize>,
    /// Whether the pronoun is the subject of a cue of speech (`he said`, `said he`).
    speech: bool,
    /// The candidate with more mentions in the whole text than any other.
    most_mentioned: Option<usize>,
    /// The subject-like candidate nearest before the previous pronoun of the same class: the
    /// chain the text is continuing (`She won ... She then fought ... her wrestling`).
    chain: Option<usize>,
    /// The tokens of the document's headline, if it has one (see [`headline_end`]).
    headline: std::ops::Range<usize>,
}

impl<'v, 'a> Context<'v, 'a> {
    pub(super) fn new(
        view: &'v View<'a>,
        at: usize,
        p: Pronoun,
        case: Case,
        earlier: &'v [Earlier],
        seen: &[Seen],
    ) -> Context<'v, 'a> {
        let ents = view.entities;
        let first_of = |c: usize| ents.clusters[c].mentions.first().copied().unwrap_or(0);
        let topic = seen
            .iter()
            .map(|s| s.cluster)
            .min_by_key(|&c| first_of(c))
            .unwrap_or(usize::MAX);
        let para = view.para(at);
        let pos = view.span(at).start();
        let para_of = |m: usize| view.para(view.token_at_or_after(ents.mentions[m].span.start()));
        // A cluster's mentions are ascending, and so are their paragraphs: its first mention in
        // the pronoun's paragraph is found by bisection (a huge document's clusters have
        // thousands of mentions).
        let paragraph_topic = seen
            .iter()
            .filter_map(|s| {
                let c = &ents.clusters[s.cluster];
                let k = c.mentions.partition_point(|&m| para_of(m) < para);
                c.mentions
                    .get(k)
                    .copied()
                    .filter(|&m| ents.mentions[m].span.start() < pos && para_of(m) == para)
                    .map(|m| (m, s.cluster))
            })
            .min()
            .map(|(_, c)| c);
        let speech = case == Case::Subject
            && (at.checked_sub(1).into_iter().chain(at + 1..at + 4))
                .any(|k| view.is_wordlike(k) && view.cue(k).is_some());
        // Only a strict winner: a tie says nothing of whom the text is about.
        let count = |c: usize| ents.clusters[c].mentions.len();
        let most_mentioned = seen
            .iter()
            .map(|s| s.cluster)
            .max_by_key(|&c| count(c))
            .filter(|&c| {
                seen.iter()
                    .all(|s| s.cluster == c || count(s.cluster) < count(c))
            });
        let chain = previous_chain(view, at, p, seen);
        let headline = 0..headline_end(view);
        Context {
            headline,
            most_mentioned,
            chain,
            speech,
            view,
            at,
            p,
            case,
            earlier,
            topic,
            paragraph_topic,
        }
    }

    /// Whether token `t`, before the pronoun in its sentence, is in the pronoun's clause: no
    /// comma, conjunction or clause opener between them (`Smith saw him`, where `him` cannot be
    /// Smith).
    fn same_clause(&self, t: usize) -> bool {
        let view = self.view;
        t < self.at
            && view.sent(t) == view.sent(self.at)
            && (t + 1..self.at).all(|k| {
                !view.is_punct(k, ",")
                    && !view.is_punct(k, ";")
                    && !view.is_any(
                        k,
                        &[
                            "and", "but", "that", "which", "who", "because", "when", "while",
                            "after", "before", "if", "as", "since", "although",
                        ],
                    )
            })
    }

    /// Whether token `t` lies in a relative or subordinate clause of its sentence (`the district
    /// in which Briggs was killed`): a relative pronoun between the clause's start and it.
    fn in_relative_clause(&self, t: usize) -> bool {
        let view = self.view;
        (view.clause_start(t)..t).any(|k| view.is_any(k, RELATIVES))
    }

    /// How well the candidate's sex agrees with the pronoun's, in [-1, 1] when known (the
    /// cluster's, else a one-word name's first-name share), and whether its first word is a
    /// known first name.
    fn sex(
        &self,
        cluster: &newsclaims_entities::Cluster,
        name: &str,
        words: usize,
    ) -> (Option<f32>, bool) {
        let first_word = name.split([' ', '’', '\'']).next().unwrap_or("");
        let lexicon = newsclaims_entities::cluster::first_name_share(first_word);
        let share = cluster.female.or(if words == 1 { lexicon } else { None });
        let known_first = words >= 2 && share.is_some() || lexicon.is_some();
        let gender = match (self.p, share) {
            (Pronoun::He, Some(f)) => Some(1.0 - 2.0 * f),
            (Pronoun::She, Some(f)) => Some(2.0 * f - 1.0),
            _ => None,
        };
        (gender, known_first)
    }

    /// Whether the cluster is the latest earlier speaker, and one of the last three within three
    /// sentences of sentence `here`.
    fn spoke(&self, cluster: usize, here: u32) -> (bool, bool) {
        let last = self.earlier.last().is_some_and(|e| e.cluster == cluster);
        let recent = self
            .earlier
            .iter()
            .rev()
            .take(3)
            .any(|e| e.cluster == cluster && here.saturating_sub(e.sentence) <= 3);
        (last, recent)
    }

    /// How many of the cluster's mentions from its `before`-th on (those after the pronoun)
    /// lie within [`AFTER_SENTENCES`] sentences after it: the person the text goes on about.
    fn mentions_after(&self, cluster: &newsclaims_entities::Cluster, before: usize) -> usize {
        let view = self.view;
        let here = view.sent(self.at);
        cluster.mentions[before..]
            .iter()
            .take_while(|&&k| {
                let t = view.token_at_or_after(view.entities.mentions[k].span.start());
                view.sent(t) <= here + AFTER_SENTENCES
            })
            .count()
    }

    /// Whether a mention of the cluster before the pronoun (the first `before` of its mentions)
    /// is subject-like in the pronoun's sentence, and in the sentence before: the candidate's
    /// role there, whichever of its mentions is nearest.
    fn subject_roles(&self, cluster: &newsclaims_entities::Cluster, before: usize) -> (bool, bool) {
        let view = self.view;
        let here = view.sent(self.at);
        let (mut this, mut previous) = (false, false);
        for &k in cluster.mentions[..before].iter().rev() {
            let span = view.entities.mentions[k].span;
            let first = view.token_at_or_after(span.start());
            let back = here.saturating_sub(view.sent(first));
            if back > 1 {
                break;
            }
            if subject_like_at(view, first, view.token_at_or_after(span.end())) {
                if back == 0 {
                    this = true;
                } else {
                    previous = true;
                }
            }
        }
        (this, previous)
    }

    /// Whether the document's headline names the cluster: one of its mentions lies there, or the
    /// last word of its name is a word there (a headline the tagger read no name in).
    fn in_headline(&self, cluster: &newsclaims_entities::Cluster) -> bool {
        let view = self.view;
        let ents = view.entities;
        let end = self.headline.end;
        if end == 0 || end >= self.at {
            return false;
        }
        let first = cluster
            .mentions
            .first()
            .map(|&k| ents.mentions[k].span.start());
        if first.is_some_and(|s| s < view.span(end - 1).end()) {
            return true;
        }
        let name = &view.text[cluster.name];
        let last = name.rsplit(' ').next().unwrap_or(name);
        self.headline.clone().any(|k| view.word(k) == last)
    }

    /// Where candidate `s`'s nearest mention stands from the pronoun, and its role there.
    fn place(&self, s: &Seen) -> Place {
        let view = self.view;
        let ents = view.entities;
        let m = ents.mentions[s.mention];
        let first = view.token_at_or_after(m.span.start());
        let after = view.token_at_or_after(m.span.end());
        // A speaker resolved earlier continues the candidate's chain: after `X said ... He
        // called ...`, a `he said` one sentence on is one sentence from X, not two. The earlier
        // speakers are in text order: only those nearer than the named mention are read.
        let back = if s.before {
            let here = view.sent(self.at);
            let named_back = here.saturating_sub(view.sent(first));
            self.earlier
                .iter()
                .rev()
                .map(|e| (e.cluster, here.saturating_sub(e.sentence)))
                .take_while(|&(_, back)| back < named_back)
                .filter(|&(c, _)| c == s.cluster)
                .fold(named_back, |b, (_, back)| b.min(back))
        } else {
            0
        };
        let sentence_first = ents.mentions[..s.mention]
            .iter()
            .rev()
            .take_while(|o| view.sent(view.token_at_or_after(o.span.start())) == view.sent(first))
            .all(|o| o.label.is_numeric());
        Place {
            first,
            after,
            back,
            distance: self.at.abs_diff(first) as f32,
            words: view.text[m.span].split_whitespace().count(),
            sentence_first,
            verb_after: view.tag(after).is_some_and(|t| t.is_verb() || t == Pos::MD),
            possessive: view.is_possessive(after)
                || view.is_quote_mark(after) && view.is(after + 1, "s"),
            prep_before: first > 0 && matches!(view.tag(first - 1), Some(Pos::IN | Pos::TO)),
        }
    }

    /// How present `cluster` is before the pronoun.
    fn salience(&self, cluster: &newsclaims_entities::Cluster) -> Salience {
        let view = self.view;
        let ents = view.entities;
        let here = view.sent(self.at);
        let pos = view.span(self.at).start();
        // The cluster's mentions are ascending: those before the pronoun are a prefix.
        let before = cluster
            .mentions
            .partition_point(|&k| ents.mentions[k].span.start() < pos);
        // Salience is local: only the mentions within the candidate window count, so a long
        // article's protagonist does not outweigh the person of the last sentences.
        let count = cluster.mentions[..before]
            .iter()
            .rev()
            .take_while(|&&k| {
                let t = view.token_at_or_after(ents.mentions[k].span.start());
                here.saturating_sub(view.sent(t)) <= super::WINDOW_SENTENCES
            })
            .count() as f32;
        let para = view.para(self.at);
        // Of the mentions before the pronoun, the last is in the latest paragraph.
        let in_paragraph = before.checked_sub(1).is_some_and(|k| {
            let span = ents.mentions[cluster.mentions[k]].span;
            view.para(view.token_at_or_after(span.start())) == para
        });
        let introduced = cluster.mentions.first().is_some_and(|&k| {
            let t = view.token_at_or_after(ents.mentions[k].span.start());
            t < self.at && here.saturating_sub(view.sent(t)) <= 1
        });
        Salience {
            before,
            count,
            in_paragraph,
            introduced,
        }
    }

    /// The features of candidate `s`; `rank` is its place among the candidates as walked,
    /// the nearest before the pronoun first.
    pub(super) fn features(&self, s: &Seen, rank: usize) -> [f32; FEATURES] {
        let place = self.place(s);
        let salience = self.salience(&self.view.entities.clusters[s.cluster]);
        let base = self.base(s, rank, &place, &salience);
        let near = (
            place.distance,
            s.before && place.back == 1,
            s.before && place.back == 0 && place.sentence_first,
        );
        self.expand(&base, near)
    }

    /// The base features of candidate `s` at `place` with `salience`, in the order of their
    /// names.
    fn base(&self, s: &Seen, rank: usize, place: &Place, salience: &Salience) -> [f32; BASE] {
        let view = self.view;
        let cluster = &view.entities.clusters[s.cluster];
        let Place {
            first,
            after,
            back,
            distance,
            words,
            sentence_first,
            verb_after,
            possessive,
            prep_before,
        } = *place;
        let subject_like = sentence_first || verb_after;
        let here = view.sent(self.at);
        let m = view.entities.mentions[s.mention];
        let (gender, known_first) = self.sex(cluster, &view.text[m.span], words);
        let roles = self.subject_roles(cluster, salience.before);
        let person = matches!(self.p, Pronoun::He | Pronoun::She);
        let (last_speaker, recent_speaker) = self.spoke(s.cluster, here);
        let opens = view.clause_start(self.at) == self.at;
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        [
            flag(s.before && back == 0),
            flag(back == 1),
            flag(back == 2),
            flag(back > 2),
            (1.0 + distance).ln(),
            flag(rank == 0),
            flag(rank == 1),
            flag(sentence_first),
            flag(verb_after),
            flag(prep_before),
            flag(possessive),
            flag(self.case == Case::Subject && subject_like),
            flag(self.case == Case::Possessive && subject_like),
            flag(self.case == Case::Object && subject_like),
            gender.unwrap_or(0.0),
            flag(person && gender.is_none()),
            (1.0 + salience.count).ln(),
            flag(self.topic == s.cluster),
            flag(self.paragraph_topic == Some(s.cluster)),
            flag(salience.in_paragraph),
            flag(salience.introduced),
            flag(view.quote_at(first).is_some() && view.quote_at(self.at).is_none()),
            flag(!s.before),
            flag(last_speaker),
            flag(recent_speaker),
            flag(cluster.label == Label::Org),
            flag(cluster.label == Label::Gpe),
            flag(cluster.label == Label::Norp),
            flag(words >= 2),
            flag(opens),
            flag(person && cluster.label != Label::Person),
            flag(known_first),
            flag(self.case == Case::Object && subject_like && self.same_clause(first)),
            flag(relative_after(view, after)),
            flag(self.in_relative_clause(first)),
            flag(first > 0 && view.tag(first - 1).is_some_and(|t| t.is_verb())),
            flag(
                person
                    && words == 1
                    && cluster.label != Label::Person
                    && newsclaims_entities::word_class(&view.text[m.span])
                        == newsclaims_entities::WordClass::City,
            ),
            flag(self.most_mentioned == Some(s.cluster)),
            (self.mentions_after(cluster, salience.before) as f32).ln_1p(),
            flag(self.chain == Some(s.cluster)),
            back as f32,
            flag(s.before && back == 1 && subject_like),
            flag(roles.0),
            flag(roles.1),
            flag(
                s.before
                    && back == 0
                    && relative_after(view, after)
                    && (after..self.at).all(|k| !view.is_terminator(k)),
            ),
            flag(self.in_headline(cluster)),
            flag(view.quote_at(self.at).is_some() && view.quote_at(first).is_none()),
            flag(self.speech),
        ]
    }

    /// The base features with their conjunctions and distance buckets. `near` is the token
    /// distance, whether the mention is in the previous sentence, and whether it is the subject
    /// of the pronoun's own sentence.
    fn expand(&self, base: &[f32; BASE], near: (f32, bool, bool)) -> [f32; FEATURES] {
        let (distance, previous, subject_here) = near;
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        let mut out = [0.0; FEATURES];
        out[..BASE].copy_from_slice(base);
        let slot = match self.case {
            Case::Subject => 0,
            Case::Object => 1,
            Case::Possessive => 2,
        };
        for (j, &f) in CONJOINED.iter().enumerate() {
            out[BASE + 3 * j + slot] = base[f];
        }
        let k = BASE + 3 * CONJOINED.len();
        out[k] = flag(distance <= 3.0);
        out[k + 1] = flag(distance <= 8.0);
        out[k + 2] = flag(distance <= 15.0);
        out[k + 3] = flag(distance <= 30.0);
        out[k + 4] = flag(self.speech && previous);
        out[k + 5] = flag(subject_here);
        if self.speech {
            for (j, &f) in SPEECH.iter().enumerate() {
                out[k + 6 + j] = base[f];
            }
        }
        out
    }
}
