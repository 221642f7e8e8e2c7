//! Reported speech around a cue word: `X said (that) ...`, `“Q,” X said.`, `..., said X`,
//! `according to X, ...` (in `according`); the subject before or after the cue, and which side
//! holds the content.

use newsclaims_entities::Label;
use newsclaims_syntax::Pos;

use super::asked::{asked_claim, is_asked};
use super::auxiliary::{agrees_with_subject, verb_before};
use super::content::{
    backward_content, block_after_colon, followed_by_that, forward_content, is_framing,
    phrase_start, quote_finished,
};
use super::fallback::fallback_subject;
use super::infinitive::{carried_infinitive, carries_speech, infinitive_head};
use super::lead::{is_leading_participle, leading_claim};
use super::sense;
use super::{Found, according, build};
use crate::lexicon::{self, CueClass};
use crate::speaker::{self, Earlier, Head, Np};
use crate::view::View;

/// Why the rules read no claim at a word: the cue classifier's view of the rules' decision
/// (`cue_model`), and what a rescue may override.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reject {
    /// Not a form of a cue lemma: no decision at all.
    NotCue,
    /// A low-reliability form the tagger does not read as a verb.
    NotVerb,
    /// A particle cue (`speak about`) without its particle.
    NoParticle,
    /// Capitalised in mid-clause (`State`, `Post`).
    Capital,
    /// After a determiner: a noun (`the report`).
    Noun,
    /// After `to`, or inside a name.
    Infinitive,
    /// A relative clause (`what he called ...`).
    Relative,
    /// Another sense of the verb: `add` before an amount, `decline` without `to`.
    OtherSense,
    /// An unreliable cue with no `that` after it.
    Unreliable,
    /// A passive (`was asked`): no speaker as subject.
    Passive,
    /// No subject found (a rescue tries `fallback_subject`).
    NoSubject,
    /// No content found.
    NoContent,
}

impl Reject {
    /// The rule outcome as the classifier's feature; `ok` when the rules built a claim.
    pub(crate) fn as_str(outcome: Option<Reject>) -> &'static str {
        match outcome {
            None => "ok",
            Some(Reject::NotCue) => "notcue",
            Some(Reject::NotVerb) => "notverb",
            Some(Reject::NoParticle) => "noparticle",
            Some(Reject::Capital) => "capital",
            Some(Reject::Noun) => "noun",
            Some(Reject::Infinitive) => "infinitive",
            Some(Reject::Relative) => "relative",
            Some(Reject::OtherSense) => "othersense",
            Some(Reject::Unreliable) => "unreliable",
            Some(Reject::Passive) => "passive",
            Some(Reject::NoSubject) => "nosubject",
            Some(Reject::NoContent) => "nocontent",
        }
    }

    /// Whether a rescue (the classifier reads a cue here) may skip the check that rejected it:
    /// the word tests, not the structure (a subject and content must still be found).
    pub(crate) fn relaxable(self) -> bool {
        matches!(
            self,
            Reject::NotVerb
                | Reject::Capital
                | Reject::Noun
                | Reject::Infinitive
                | Reject::Relative
                | Reject::OtherSense
                | Reject::Unreliable
                | Reject::NoSubject
        )
    }
}

/// The claim introduced by the cue word at token `i`, or why there is none. With `relaxed`, the
/// word tests ([`Reject::relaxable`]) are skipped: the cue classifier reads a cue here.
pub(super) fn at_cue(
    view: &View<'_>,
    i: usize,
    found: &[Found],
    earlier: &[Earlier],
    relaxed: bool,
) -> Result<Found, Reject> {
    let w = view.word(i);
    if w.eq_ignore_ascii_case("according") {
        return according::according(view, i, earlier).ok_or(Reject::NoContent);
    }
    let (cue, particle) = cue_reading(view, i, relaxed)?;
    let start = view.clause_start(i);
    // `Asked whether ..., X said`: a question put to someone, with no subject of its own.
    if is_asked(view, i, start) {
        return asked_claim(view, i, earlier).ok_or(Reject::NoContent);
    }
    // `Citing the report, Trump said ...`: the main clause's subject is the participle's.
    if is_leading_participle(view, i, start, cue.class)
        && let Some(f) = leading_claim(view, i, earlier)
    {
        return Ok(f);
    }
    let end = view.clause_end(i);
    if end <= i {
        return Err(Reject::NoContent);
    }
    let head = infinitive_head(view, i, start).filter(|&h| relaxed || carries_speech(view, h, i));
    let (subject, inverted, shared) = match head {
        // `he appeared to suggest that ...`: the subject of the verb that governs the infinitive.
        Some(head) => match subject_of(view, head, start, end, found)? {
            (_, true, _) => return Err(Reject::NoSubject),
            (np, false, shared) => (np, false, shared),
        },
        None => match subject_of(view, i, start, end, found) {
            Err(Reject::NoSubject) if relaxed => fallback_subject(view, i, start, end)?,
            other => other?,
        },
    };
    let strict = |r: Reject| if relaxed { Ok(()) } else { Err(r) };
    // `what he called “...”`, `where he praised ...`: a relative clause inside another claim or
    // statement, not a claim of its own.
    if !inverted
        && subject.first > 0
        && view.is_any(
            subject.first - 1,
            &["what", "where", "which", "whom", "whose"],
        )
    {
        // A rescue still leaves a relative clause's quotation alone: `what it has called its
        // “special military operation”` is a scare quote.
        let quoted = (i + 1..end.min(i + 4)).any(|k| view.quote_at(k).is_some());
        if quoted {
            return Err(Reject::Relative);
        }
        strict(Reject::Relative)?;
    }
    // `the economy added 87,000 jobs`: `add` with an amount after it is arithmetic, not speech.
    // `declined to comment`, `refused to say`: only with the infinitive.
    if cue.lemma == "add" && view.label_at(i + 1).is_some_and(Label::is_numeric)
        || cue.lemma == "decline" && !view.is(i + 1, "to")
    {
        strict(Reject::OtherSense)?;
    }
    if cue.reliability < 0.12 && !followed_by_that(view, i, end) {
        strict(Reject::Unreliable)?;
    }

    let at = Cue {
        i,
        lemma: cue.lemma,
        class: cue.class,
        particle,
        inverted,
        shared,
        start,
        end,
    };
    let pieces = pieces(view, &at, subject).ok_or(Reject::NoContent)?;
    // The speaker is the description a prepositional phrase modifies (`officials in both
    // cities`), not its object (`speaker_head`).
    let named = if inverted {
        subject
    } else {
        speaker::speaker_head(view, subject, start)
    };
    let speaker = speaker::resolve(view, named, earlier);
    build(
        view,
        pieces,
        Some(view.cover(i, particle.unwrap_or(i))),
        Some(speaker),
        Some(subject.span(view)),
        i,
    )
    .ok_or(Reject::NoContent)
}

/// A cue word read in its place: its lemma and class, and the clause around it.
struct Cue {
    i: usize,
    lemma: &'static str,
    class: CueClass,
    /// A phrasal cue's particle (`call for`, `spoke out about`): the cue runs to it.
    particle: Option<usize>,
    /// The subject follows the cue (`..., said X`).
    inverted: bool,
    /// The subject is an earlier cue's (`X said ..., adding that ...`): the content before it
    /// is that cue's, not this one's.
    shared: bool,
    start: usize,
    end: usize,
}

/// Words of manner or time between `speak` and its particle (`spoke out sharply against`,
/// `speaks at length about`, `spoke Tuesday about`).
const MAX_PARTICLE_GAP: usize = 3;

/// The particle of the particle cue at `i` after words of manner or time (`spoke emotionally
/// of`, `has spoken out in favor of`): PolNeAR train annotates 25 such `speak`s and `talk`s with
/// the words between as part of the cue.
fn particle_after_manner(view: &View<'_>, i: usize, lemma: &str) -> Option<usize> {
    (i + 1..i + 2 + MAX_PARTICLE_GAP)
        .take_while(|&k| view.is_wordlike(k))
        .find(|&k| {
            lexicon::is_particle(lemma, view.word(k))
                && (i + 1..k).all(|j| {
                    view.is_any(j, &["out", "at", "length", "in", "favor", "publicly"])
                        || view.word(j).ends_with("ly") && !view.is_capitalized(j)
                        || lexicon::is_weekday(view.word(j))
                        || matches!(view.label_at(j), Some(Label::Date | Label::Time))
                })
        })
}

/// The cue lexicon's entry for token `i` and its particle's token if one follows, when the word
/// reads as a verb of saying here (not a noun, a name, an infinitive of intention).
fn cue_reading(
    view: &View<'_>,
    i: usize,
    relaxed: bool,
) -> Result<(lexicon::Cue, Option<usize>), Reject> {
    let w = view.word(i);
    let cue = view.cue(i).ok_or(Reject::NotCue)?;
    // `who asked not to be named`, `declined to be identified`: a request for the speaker's
    // anonymity, no claim (nor may a rescue make one).
    // `the Senate confirmed Tillerson`: an appointment, whatever the classifier reads.
    if sense::own_passive_request(view, i)
        || cue.lemma == "confirm" && sense::confirms_appointee(view, i)
    {
        return Err(Reject::OtherSense);
    }
    let strict = |r: Reject| if relaxed { Ok(()) } else { Err(r) };
    // Forms shared with nouns (`the report`, `calls`, `questions`) need the tagger's verb reading;
    // the reliable cues (`said`, `told`) are trusted as they are.
    let past = w.ends_with("ed") || view.is_any(i, &["said", "told", "wrote", "says"]);
    // The tagger last: it is the costliest question (see `View::tag`).
    if (cue.reliability < 0.6 || !past)
        && !view.is(i + 1, "that")
        && !view.is_verb(i)
        && !agrees_with_subject(view, i)
    {
        strict(Reject::NotVerb)?;
    }
    let particle = if lexicon::is_particle(cue.lemma, view.word(i + 1)) {
        Some(i + 1)
    } else if cue.class == CueClass::Particle {
        Some(particle_after_manner(view, i, cue.lemma).ok_or(Reject::NoParticle)?)
    } else {
        // `called Friday for releasing ...`: a particle after words of manner or time.
        particle_after_manner(view, i, cue.lemma)
    };
    // Cue verbs are lower case in running text; `State` or `Post` are names.
    if view.is_capitalized(i) && i != view.clause_start(i) {
        strict(Reject::Capital)?;
    }
    // Nouns that share a form with a cue verb: `the report`, `a call`, `personal attacks`.
    if sense::reads_as_noun(view, i, past) {
        strict(Reject::Noun)?;
    }
    if i > 0
        && (view.is(i - 1, "to") && !carried_infinitive(view, i)
            || view
                .label_at(i)
                .is_some_and(|l| l != Label::Date && !l.is_numeric() && view.is_capitalized(i)))
    {
        // `to say` is an intention, not an utterance.
        strict(Reject::Infinitive)?;
    }
    Ok((cue, particle))
}

/// The cue's subject, whether it is inverted (after the cue) and whether it is shared: inverted
/// after a quotation or a comma, shared with an earlier cue of the sentence (participles, `and`),
/// or before the cue.
fn subject_of(
    view: &View<'_>,
    i: usize,
    start: usize,
    end: usize,
    found: &[Found],
) -> Result<(Np, bool, bool), Reject> {
    let w = view.word(i);
    let prev = i.checked_sub(1);
    let after_comma = prev.is_some_and(|p| p >= start && view.is_punct(p, ","));
    let after_close = prev.is_some_and(|p| view.quote_closing_at(p).is_some());
    let participle = w.ends_with("ing");
    let (before, be) = verb_before(view, i, start);
    // `he's said`, `who's called for`: after a person's pronoun `'s` is `has` before a verb of
    // saying or a cue with its particle.
    let has = before.is_some_and(|k| {
        k > 0 && view.is_any(k, &["’s", "'s"]) && view.is_any(k - 1, &["he", "she", "who"])
    }) && view.cue(i).is_some_and(|c| {
        c.class == CueClass::Say || lexicon::is_particle(c.lemma, view.word(i + 1))
    });
    if be && !has && (w.ends_with("ed") || view.is_any(i, &["told", "said"])) {
        // The passive names no speaker as its subject (`Trump was asked ...`).
        return Err(Reject::Passive);
    }
    // A participle with an object before it (`issued a statement describing ...`) shares the
    // clause's subject.
    let object_participle = participle
        && !be
        && before.is_some_and(|k| {
            view.is_wordlike(k)
                && !view.is_capitalized(k)
                && !matches!(view.tag(k), Some(Pos::NNP | Pos::PRP))
        });
    // `and said`, `but pledged`, `and has called for`, `and repeatedly says`: a coordinated
    // verb phrase, auxiliaries and adverbs aside, shares the clause's subject.
    let after_and = (start..i)
        .rev()
        .find(|&k| !(view.is_wordlike(k) && view.is_aux_or_adverb(k)))
        .is_some_and(|k| view.is_any(k, &["and", "but"]));
    // `..., alternately shouting`: an adverb between the comma and a participle.
    let after_comma = after_comma || participle && before.is_some_and(|k| view.is_punct(k, ","));

    let mut inverted = false;
    let mut shared = false;
    let subject: Np;
    if after_close && participle {
        // `... as “fantastic,” telling reporters ...`: a participle never inverts.
        subject = speaker::shared_subject(view, i, start, found).ok_or(Reject::NoSubject)?;
        shared = true;
    } else if after_close {
        if let Some(np) = inverted_subject(view, i, end) {
            inverted = true;
            subject = np;
        } else {
            subject = speaker::subject_left(view, i, start).ok_or(Reject::NoSubject)?;
        }
    } else if after_comma && !participle {
        // `Hill, a doctor, said` before `..., said Hill`.
        let appositive = speaker::subject_left(view, i, start)
            .filter(|np| matches!(np.head, Head::Mention(_) | Head::Pronoun(_)));
        if let Some(np) = appositive {
            subject = np;
        } else if let Some(np) = inverted_subject(view, i, end) {
            inverted = true;
            subject = np;
        } else {
            subject = speaker::subject_left(view, i, start).ok_or(Reject::NoSubject)?;
        }
    } else if (after_comma && participle) || after_and || object_participle {
        subject = speaker::shared_subject(view, i, start, found).ok_or(Reject::NoSubject)?;
        shared = true;
    } else {
        // `he's said`: the subject before the contracted `has`.
        let verb = before.filter(|_| has).unwrap_or(i);
        subject = speaker::subject_left(view, verb, start).ok_or(Reject::NoSubject)?;
    }
    if !inverted && subject.last + 1 > i {
        return Err(Reject::NoSubject);
    }
    Ok((subject, inverted, shared))
}

/// The content pieces of a cue with its subject: after the cue, before the subject, or both.
fn pieces(view: &View<'_>, at: &Cue, subject: Np) -> Option<Vec<std::ops::Range<usize>>> {
    let (i, end, start, inverted, particle) = (at.i, at.end, at.start, at.inverted, at.particle);
    // Content after the cue.
    let forward = if inverted {
        // After `said X`, only a quotation continues (`“Q1,” said X, “Q2.”`); an appositive or
        // a parenthesis (`said Rep. X (D-N.C.), head of ...`) is part of the attribution.
        let mut k = subject.last + 1;
        let limit = end.min(k + 24);
        while k < limit && view.quote_at(k).is_none() {
            k += 1;
        }
        let at_quote = k < end && view.quote_at(k).is_some() && k > 0 && view.is_punct(k - 1, ",");
        if at_quote {
            forward_content(view, k, end, CueClass::Say, None)
        } else {
            None
        }
    } else {
        let from = particle.unwrap_or(i) + 1;
        let from = aside_that(view, from, end).unwrap_or(from);
        let class = if particle.is_some() {
            CueClass::Object
        } else {
            at.class
        };
        forward_content(view, from, end, class, Some((i, at.lemma)))
    };
    // Content before the subject (or before the cue when inverted).
    let before_at = if inverted {
        i
    } else {
        phrase_start(view, subject.first, start)
    };
    // `Asked whether ..., X said ...`: the question is the participle's claim (`asked`).
    let interrupts = view.is_punct(particle.unwrap_or(i) + 1, ",");
    let backward = if at.shared {
        None
    } else {
        backward_content(view, before_at, start)
            .filter(|b| !is_asked(view, b.start, b.start) && (interrupts || !is_framing(view, b)))
    };

    // `The governor added:` and a paragraph of his words after it, unquoted.
    let forward = forward.filter(|f| !f.range.is_empty()).or_else(|| {
        (!inverted)
            .then(|| block_after_colon(view, particle.unwrap_or(i), false))
            .flatten()
    });
    let is_quote = |r: &std::ops::Range<usize>| {
        view.quote_at(r.start)
            .is_some_and(|q| view.quotes[q].tokens.start == r.start)
    };
    // `continued` is a cue only after a quotation (`“...,” he continued.`).
    if at.lemma == "continue" && !backward.as_ref().is_some_and(&is_quote) {
        return None;
    }
    let pieces = match (backward, forward) {
        // `“Q,” X said at a rally in Y, last month.`: the quotation is the content; what
        // follows the cue is an adjunct unless it is another quotation.
        // But `“We won.” Trump said the game was fixed.`: a finished quotation before, a
        // clause right after the cue: the clause is the content.
        (Some(b), Some(f))
            if is_quote(&b)
                && !is_quote(&f.range)
                && (f.adjunct || f.after_comma || !quote_finished(view, &b)) =>
        {
            vec![b]
        }
        // Interrupted: `“Q1,” X said, “Q2.”`, `The museum, Obama said, would ...`.
        // `..., she said, referencing ...`: a participle phrase after the attribution.
        (Some(b), Some(f))
            if f.after_comma
                && !is_quote(&b)
                && view.word(f.range.start).ends_with("ing")
                && view.tag(f.range.start) == Some(Pos::VBG) =>
        {
            vec![b]
        }
        (Some(b), Some(f)) if f.after_comma && is_quote(&b) == is_quote(&f.range) => {
            vec![b, f.range]
        }
        (Some(b), Some(f)) if is_quote(&b) && !is_quote(&f.range) && f.after_comma => vec![b],
        (_, Some(f)) => vec![f.range],
        (Some(b), None) if view.count_words(b.clone()) >= 4 || is_quote(&b) => vec![b],
        _ => return None,
    };
    Some(pieces)
}

/// Tokens of an aside between a cue and its `that` (`said, among other things, that`,
/// `contended in its letter, written by ..., that`); PolNeAR train's reach a dozen.
const MAX_ASIDE: usize = 16;

/// `cautioned, as did the campaign itself, that ...`, `said – without evidence – that ...`: the
/// `that` after an aside set off by commas or dashes right after the cue, where the content
/// starts (PolNeAR train has 17 such attributions).
fn aside_that(view: &View<'_>, from: usize, end: usize) -> Option<usize> {
    let mark = |k: usize| view.is_punct(k, ",") || view.is_dash(k);
    if !mark(from) {
        return None;
    }
    let close = (from + 1..end.min(from + 1 + MAX_ASIDE)).find(|&k| mark(k))?;
    let plain = (from..close).all(|k| view.quote_at(k).is_none());
    (plain && close > from + 1 && view.is(close + 1, "that")).then_some(close + 1)
}

/// `“Q,” said Stoltenberg.` / `..., said the spokesperson, adding ...`: a subject right after the
/// cue, followed by the clause end, a comma, or an adjunct.
pub(super) fn inverted_subject(view: &View<'_>, cue: usize, end: usize) -> Option<Np> {
    // Only a verb of saying or telling inverts (`..., said X`, `..., asked X`): PolNeAR train
    // has no inverted subject after a cue that takes an object (`attack`, `call`, `praise`).
    if view.cue(cue).is_none_or(|c| c.class == CueClass::Object) {
        return None;
    }
    let np = speaker::subject_right(view, cue + 1, end)?;
    // `said in a phone interview`, `shouted to the crowd`: an adjunct, not the speaker.
    if lexicon::is_preposition(view.word(np.first)) {
        return None;
    }
    let next = np.last + 1;
    let closes = next >= end
        || view.is_punct(next, ",")
        || view.is_terminator(next)
        || lexicon::is_preposition(view.word(next))
        // A relative clause on the speaker: `said a shop owner who lives nearby`.
        || view.is_any(next, &["who", "whose"])
        || view.is_dash(next)
        || view.is_punct(next, "(");
    // A pronoun after the cue is a subject only when nothing follows (`..., said he.`), else it
    // is the content's own subject (`said he would go`).
    let pronoun_ok =
        !matches!(np.head, Head::Pronoun(_)) || next >= end || view.is_terminator(next);
    (closes && pronoun_ok).then_some(np)
}
