//! Attributed claims: reported speech around a cue word, and the quotations no cue claimed.
//!
//! First every cue outside quotations (`said`, `told`, `according to`, `adding` ...) is read in
//! its layout: subject before or after it, content after it (`X said (that) ...`, `X said: “Q”`)
//! or before it (`“Q,” X said.`, `..., X said.`), or on both sides (`“Q1,” X said, “Q2.”`). The
//! content's shape gives the kind: one whole quotation is direct, a clause holding a quotation is
//! mixed, anything else indirect. A claim whose content holds another cue and its subject makes
//! that inner claim nested, with the outer speaker as its source.
//!
//! Then every quotation that no cue claimed is attributed from its surroundings: a dash sign-off,
//! a colon lead-in, the previous quote's speaker (continuation), or a person named in the
//! sentence before. Short quotations embedded in a clause (scare quotes, coined terms) and titles
//! are not claims.
//!
//! All scans are bounded by clause ends or small windows, so the whole pass is linear.

use newsclaims_entities::Label;
use newsclaims_syntax::Pos;
use newsclaims_text::Span;

use crate::lexicon::{self, CueClass};
use crate::speaker::{self, Earlier, Head, Np};
use crate::view::View;
use crate::{ClaimKind, Speaker};

/// An attributed claim before scoring.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub(crate) kind: ClaimKind,
    /// Content pieces in text order; one piece unless split.
    pub(crate) pieces: Vec<Span>,
    pub(crate) cue: Option<Span>,
    pub(crate) speaker: Option<Speaker>,
    /// The subject phrase's full span (`A NATO release`), for nesting.
    pub(crate) subject: Option<Span>,
    pub(crate) source: Option<Span>,
    /// Token range of the content.
    pub(crate) tokens: std::ops::Range<usize>,
    /// Token of the cue (or of the first content token when there is no cue).
    pub(crate) anchor: usize,
}

impl Found {
    pub(crate) fn span(&self) -> Span {
        match (self.pieces.first(), self.pieces.last()) {
            (Some(a), Some(b)) => a.cover(*b),
            _ => Span::default(),
        }
    }
}

/// Finds every attributed claim of the text, sorted by content start.
pub(crate) fn find(view: &View<'_>) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut earlier: Vec<Earlier> = Vec::new();
    let mut i = 0;
    while i < view.len() {
        if view.quote_at(i).is_some() {
            i += 1;
            continue;
        }
        let claim = if view.is_wordlike(i) {
            at_cue(view, i, &found, &earlier)
        } else if view.is_punct(i, ":") {
            colon_lead(view, i, &earlier)
        } else {
            None
        };
        if let Some(f) = claim {
            if let Some(c) = f.speaker.and_then(|s| s.cluster) {
                earlier.push(Earlier {
                    cluster: c,
                    sentence: view.sent(i),
                });
            }
            found.push(f);
        }
        i += 1;
    }
    nest(view, &mut found);
    let found = dedupe(found);
    let mut all = unclaimed_quotes(view, found);
    all.sort_by_key(|f| (f.span().start(), f.span().end()));
    all
}

/// The claim introduced by the cue word at token `i`, if it is one.
fn at_cue(view: &View<'_>, i: usize, found: &[Found], earlier: &[Earlier]) -> Option<Found> {
    let w = view.word(i);
    if w.eq_ignore_ascii_case("according") {
        return according(view, i, earlier);
    }
    let cue = lexicon::cue(w)?;
    // Forms shared with nouns (`the report`, `calls`, `questions`) need the tagger's verb reading;
    // the reliable cues (`said`, `told`) are trusted as they are.
    let past = w.ends_with("ed") || view.is_any(i, &["said", "told", "wrote", "says"]);
    // The tagger last: it is the costliest question (see `View::tag`).
    if (cue.reliability < 0.6 || !past) && !view.is(i + 1, "that") && !view.is_verb(i) {
        return None;
    }
    let particle = lexicon::is_particle(cue.lemma, view.word(i + 1));
    if cue.class == CueClass::Particle && !particle {
        return None;
    }
    // Cue verbs are lower case in running text; `State` or `Post` are names.
    if view.is_capitalized(i) && i != view.clause_start(i) {
        return None;
    }
    // Nouns that share a form with a cue verb: `the report`, `a call`, `his statement`.
    if i > 0
        && lexicon::is_determiner(view.word(i - 1))
        && !view.is_any(i - 1, &["that", "all", "both"])
    {
        return None;
    }
    if i > 0
        && (view.is(i - 1, "to")
            || view
                .label_at(i)
                .is_some_and(|l| l != Label::Date && !l.is_numeric() && view.is_capitalized(i)))
    {
        // `to say` is an intention, not an utterance.
        return None;
    }
    let start = view.clause_start(i);
    let end = view.clause_end(i);
    if end <= i {
        return None;
    }
    let prev = i.checked_sub(1);
    let after_comma = prev.is_some_and(|p| p >= start && view.is_punct(p, ","));
    let after_close = prev.is_some_and(|p| {
        view.quote_at(p)
            .is_some_and(|q| view.quotes[q].tokens.end == p + 1)
    });
    let participle = w.ends_with("ing");
    // The nearest word before the cue that is not an adverb: a form of `be` makes a participle
    // progressive (`is saying`) and a past participle passive (`was asked`).
    let before = (start..i)
        .rev()
        .find(|&k| !(view.is(k, "also") || view.is_wordlike(k) && view.word(k).ends_with("ly")));
    let be = before.is_some_and(|k| {
        view.is_any(
            k,
            &[
                "is", "was", "were", "are", "be", "been", "being", "am", "’s", "'s",
            ],
        )
    });
    if be && (w.ends_with("ed") || view.is_any(i, &["told", "said"])) {
        // The passive names no speaker as its subject (`Trump was asked ...`).
        return None;
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
    let after_and = prev.is_some_and(|p| view.is(p, "and"))
        || prev.is_some_and(|p| p > 0 && view.is(p, "also") && view.is(p - 1, "and"));

    // The subject: inverted after the cue, shared with an earlier cue, or before the cue.
    let mut inverted = false;
    let subject: Np;
    if after_close && participle {
        // `... as “fantastic,” telling reporters ...`: a participle never inverts.
        subject = shared_subject(view, i, start, found)?;
    } else if after_close {
        if let Some(np) = inverted_subject(view, i, end) {
            inverted = true;
            subject = np;
        } else {
            subject = speaker::subject_left(view, i, start)?;
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
            subject = speaker::subject_left(view, i, start)?;
        }
    } else if (after_comma && participle) || after_and || object_participle {
        subject = shared_subject(view, i, start, found)?;
    } else {
        subject = speaker::subject_left(view, i, start)?;
    }
    if !inverted && subject.last + 1 > i {
        return None;
    }
    // `what he called “...”`, `where he praised ...`: a relative clause inside another claim or
    // statement, not a claim of its own.
    if !inverted
        && subject.first > 0
        && view.is_any(
            subject.first - 1,
            &["what", "where", "which", "whom", "whose"],
        )
    {
        return None;
    }
    // `the economy added 87,000 jobs`: `add` with an amount after it is arithmetic, not speech.
    if cue.lemma == "add" && view.label_at(i + 1).is_some_and(Label::is_numeric) {
        return None;
    }
    // `declined to comment`, `refused to say`: only with the infinitive.
    if cue.lemma == "decline" && !view.is(i + 1, "to") {
        return None;
    }
    if cue.reliability < 0.12 && !followed_by_that(view, i, end) {
        return None;
    }

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
            forward_content(view, k, end, CueClass::Say)
        } else {
            None
        }
    } else {
        let from = if particle { i + 2 } else { i + 1 };
        let class = if particle {
            CueClass::Object
        } else {
            cue.class
        };
        forward_content(view, from, end, class)
    };
    // Content before the subject (or before the cue when inverted).
    let before_at = if inverted {
        i
    } else {
        phrase_start(view, subject.first, start)
    };
    let backward = backward_content(view, before_at, start);

    let forward = forward.filter(|f| !f.range.is_empty());
    let is_quote = |r: &std::ops::Range<usize>| {
        view.quote_at(r.start)
            .is_some_and(|q| view.quotes[q].tokens.start == r.start)
    };
    // `continued` is a cue only after a quotation (`“...,” he continued.`).
    if cue.lemma == "continue" && !backward.as_ref().is_some_and(&is_quote) {
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
    let speaker = speaker::resolve(view, subject, earlier);
    let cue_span = if particle {
        view.cover(i, i + 1)
    } else {
        view.span(i)
    };
    build(
        view,
        pieces,
        Some(cue_span),
        Some(speaker),
        Some(subject.span(view)),
        i,
    )
}

/// A name and a colon opening a paragraph or sentence, as in headlines and transcripts
/// (`Bernie Sanders: ...`, `Clinton to Planned Parenthood: ...`, `TAPPER: ...`): the rest of the
/// clause is the claim, the colon its cue. A lead-in without a name (`Note:`, `Update:`) is none.
fn colon_lead(view: &View<'_>, colon: usize, earlier: &[Earlier]) -> Option<Found> {
    let start = view.clause_start(colon);
    if colon <= start || colon - start > 7 {
        return None;
    }
    let lead = start..colon;
    if lead
        .clone()
        .any(|k| view.is_punct(k, ",") || view.quote_at(k).is_some())
    {
        return None;
    }
    // The speaker: the first person or organisation named, or a lone all-caps name.
    let named = lead.clone().find(|&k| {
        view.mention_at(k).is_some_and(|(_, m)| {
            matches!(
                m.label,
                Label::Person | Label::Org | Label::Norp | Label::Gpe
            ) && speaker::plausible_name(view.text, m.span)
        })
    });
    let np = match named {
        Some(k) => {
            let (m, _) = view.mention_at(k)?;
            let mut last = k;
            while view.mention_at(last + 1).is_some_and(|(n, _)| n == m) {
                last += 1;
            }
            Np {
                first: k,
                last,
                head: Head::Mention(m),
                relative: None,
            }
        }
        // A lone all-caps transcript name (`TAPPER:`). A lone capitalised word the tagger did
        // not know is no speaker: on the news corpora it was a section label three times in
        // four (`Takeaway:`, `Subs:`, `Midwest:`).
        None if colon - start == 1 => {
            let w = view.word(start);
            let shouting = w.len() >= 3 && w.chars().all(|c| c.is_ascii_uppercase());
            if !shouting || is_label(w) {
                return None;
            }
            Np {
                first: start,
                last: start,
                head: Head::Words,
                relative: None,
            }
        }
        None => return None,
    };
    // Every lead-in word is a name, a title or a short function word (`to`, `on`, `at`).
    let name_like = lead.clone().all(|k| {
        !view.is_wordlike(k)
            || view.is_capitalized(k)
            || view.is_any(
                k,
                &[
                    "to", "on", "at", "in", "of", "for", "about", "and", "the", "from",
                ],
            )
    });
    if !name_like || lead.clone().any(|k| is_label(view.word(k))) {
        return None;
    }
    let end = view.clause_end(colon + 1);
    let range = trim(view, colon + 1..end);
    if view.count_words(range.clone()) < 3 {
        return None;
    }
    let speaker = speaker::resolve(view, np, earlier);
    build(
        view,
        vec![range],
        Some(view.span(colon)),
        Some(speaker),
        Some(np.span(view)),
        colon,
    )
}

/// Section labels that a colon follows in news pages (`Update:`, `WATCH:`).
fn is_label(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "note",
        "update",
        "updated",
        "related",
        "watch",
        "photos",
        "photo",
        "video",
        "read",
        "editor",
        "correction",
        "source",
        "sources",
        "via",
        "warning",
        "breaking",
        "exclusive",
        "listen",
        "more",
        "see",
        "also",
        "q",
        "a",
        "question",
        "answer",
        "disclosure",
        "credit",
        "caption",
        "image",
        "images",
        "reporting",
        "contact",
        "email",
        "tags",
        "share",
        "ps",
        "pictured",
        "above",
        "below",
        "here",
        "analysis",
        "opinion",
        "poll",
        "transcript",
        "washington",
        "live",
        "editorial",
        "review",
        "interview",
        "obituary",
        "explainer",
        "factbox",
        "timeline",
        "recap",
        "preview",
        "report",
        "podcast",
        "letters",
        "comment",
        "commentary",
        "feature",
        "profile",
        "graphic",
        "chart",
        "map",
        "quiz",
        "satire",
        "sponsored",
        "advertisement",
        "summary",
        "background",
        "context",
        "details",
        "result",
        "results",
        "score",
        "scores",
        "final",
        "where",
        "when",
        "what",
        "why",
        "how",
        "who",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "sports",
        "business",
        "politics",
        "world",
        "news",
    ];
    WORDS.iter().any(|d| w.eq_ignore_ascii_case(d))
}

/// `“Q,” said Stoltenberg.` / `..., said the spokesperson, adding ...`: a subject right after the
/// cue, followed by the clause end, a comma, or an adjunct.
fn inverted_subject(view: &View<'_>, cue: usize, end: usize) -> Option<Np> {
    let np = speaker::subject_right(view, cue + 1, end)?;
    let next = np.last + 1;
    let closes = next >= end
        || view.is_punct(next, ",")
        || view.is_terminator(next)
        || lexicon::is_preposition(view.word(next))
        || view.is_dash(next)
        || view.is_punct(next, "(");
    // A pronoun after the cue is a subject only when nothing follows (`..., said he.`), else it
    // is the content's own subject (`said he would go`).
    let pronoun_ok =
        !matches!(np.head, Head::Pronoun(_)) || next >= end || view.is_terminator(next);
    (closes && pronoun_ok).then_some(np)
}

/// The subject of a participle or coordinated cue: the subject of the previous cue in the same
/// sentence, else the first noun phrase of the clause.
fn shared_subject(view: &View<'_>, cue: usize, start: usize, found: &[Found]) -> Option<Np> {
    if let Some(prev) = found
        .iter()
        .rev()
        .take_while(|f| f.anchor >= start)
        .find(|f| f.anchor < cue)
    {
        let s = prev.subject?;
        let first = view.token_at_or_after(s.start());
        let last = view.token_at_or_after(s.end()).checked_sub(1)?;
        if first <= last {
            let mut np = speaker::np_ending_at(view, last, first)?;
            np.first = np.first.min(first);
            return Some(np);
        }
    }
    // The first noun phrase: walk to the first verb-like word and take the phrase before it.
    let mut k = start;
    while k < cue && k < start + 12 {
        if view.is_punct(k, ",") || view.quote_at(k).is_some() {
            break;
        }
        let w = view.word(k);
        if k > start
            && view.is_wordlike(k)
            && !view.is_capitalized(k)
            && (lexicon::is_aux_or_adverb(w)
                || w.ends_with("ed")
                || w.ends_with('s') && view.word(k - 1) != "’")
            && view.label_at(k).is_none()
        {
            return speaker::subject_left(view, k, start);
        }
        k += 1;
    }
    None
}

struct Forward {
    range: std::ops::Range<usize>,
    /// The content follows a comma after the cue (`X said, “Q”` or `“Q1,” X said, “Q2”`).
    after_comma: bool,
    /// The content came after an adjunct (`said at a rally, ...`).
    adjunct: bool,
}

/// Whether `that` follows the cue within a short adjunct.
fn followed_by_that(view: &View<'_>, cue: usize, end: usize) -> bool {
    (cue + 1..end.min(cue + 10)).any(|k| view.is(k, "that"))
}

/// The content after a cue: skips the addressee of `tell`, a short adjunct, `that`, a colon;
/// runs to the clause end or to the next cue sharing this subject (`, adding that ...`).
fn forward_content(view: &View<'_>, from: usize, end: usize, class: CueClass) -> Option<Forward> {
    let mut f = from;
    if f >= end {
        return None;
    }
    let mut after_comma = false;
    let mut adjunct = false;
    if class == CueClass::Tell {
        f = skip_addressee(view, f, end);
        // `told his advisers to figure out ...`: the infinitive is the content.
        if f > from && view.is(f, "to") {
            return forward_to_end(view, f, end);
        }
    }
    // `said as she left`: an adverbial clause, not what was said.
    if f < end
        && lexicon::is_subordinator(view.word(f))
        && !view.is(f, "if")
        && !view.is(f, "whether")
    {
        return Some(Forward {
            range: f..f,
            after_comma: false,
            adjunct: false,
        });
    }
    // An adjunct: `in a statement`, `on Monday`, `during a press conference ... in Kyiv`.
    let starts_adjunct = |k: usize| {
        lexicon::is_preposition(view.word(k))
            || lexicon::is_weekday(view.word(k))
            || matches!(view.label_at(k), Some(Label::Date | Label::Time))
    };
    if f < end && starts_adjunct(f) && view.quote_at(f).is_none() {
        let limit = end.min(f + 14);
        let mut k = f;
        let mut resolved = false;
        while k < limit {
            if view.quote_at(k).is_some() {
                break;
            }
            if view.is(k, "that") {
                f = k + 1;
                resolved = true;
                break;
            }
            // `told reporters on Thursday he viewed ...`: a subject pronoun opens the content.
            if k > f && view.is_any(k, &["he", "she", "they", "we", "i", "it"]) {
                f = k;
                resolved = true;
                break;
            }
            if view.is_punct(k, ",") || view.is_punct(k, ":") {
                f = k;
                resolved = true;
                adjunct = true;
                break;
            }
            k += 1;
        }
        if !resolved {
            // Nothing but the adjunct up to the clause end: `X said in the tweet.`
            return Some(Forward {
                range: f..f,
                after_comma: false,
                adjunct: false,
            });
        }
    }
    if f < end && (view.is_punct(f, ",") || view.is_punct(f, ":")) {
        after_comma = view.is_punct(f, ",");
        f += 1;
        // `she said of the election, in which ...`: a relative clause, not content.
        if view.is_any(
            f,
            &[
                "in", "which", "who", "where", "when", "whom", "whose", "as", "at", "on",
            ],
        ) {
            return Some(Forward {
                range: f..f,
                after_comma: false,
                adjunct: false,
            });
        }
        // After an adjunct, only a quotation continues an interrupted quote.
        if adjunct && view.quote_at(f).is_none() {
            after_comma = false;
        }
    }
    if f < end && view.is(f, "that") {
        f += 1;
    }
    // `“Q,” he said Monday, adding that ...`: the next cue's content, not this one's.
    if f >= end
        || view.is_wordlike(f)
            && lexicon::cue(view.word(f)).is_some()
            && view.word(f).ends_with("ing")
    {
        return Some(Forward {
            range: f..f,
            after_comma: false,
            adjunct: false,
        });
    }
    // The content runs to the clause end, or stops before a cue that shares this subject, or
    // before another speaker's coordinated attribution (`..., and the mayor warned ...`).
    let mut e = end;
    let mut k = f;
    while k < end {
        if let Some(q) = view.quote_at(k) {
            k = view.quotes[q].tokens.end.max(k + 1);
            continue;
        }
        if let Some(conj) = coordinated_attribution(view, k, f) {
            e = if conj > f && view.is_punct(conj - 1, ",") {
                conj - 1
            } else {
                conj
            };
            break;
        }
        let kw = view.word(k);
        let is_cue = lexicon::cue(kw).is_some() || kw.eq_ignore_ascii_case("according");
        if is_cue && k > f + 1 {
            let p = k - 1;
            let shared = view.is_punct(p, ",")
                && (kw.ends_with("ing") || kw.eq_ignore_ascii_case("according"))
                || view.is(p, "and")
                    && view.is_punct(p.saturating_sub(1), ",")
                    && kw.ends_with("ing")
                || view.is(p, "and") && !kw.ends_with("ing") && kw.ends_with("ed");
            if shared {
                e = if view.is(p, "and") && view.is_punct(p - 1, ",") {
                    p - 1
                } else {
                    p
                };
                break;
            }
            // A trailing `, X said` / `, said X` closes the content too.
            if trailing_attribution(view, k, f) {
                e = k;
                while e > f && !view.is_punct(e - 1, ",") {
                    e -= 1;
                }
                e = e.saturating_sub(1).max(f);
                break;
            }
        }
        k += 1;
    }
    let range = trim(view, f..e);
    if range.is_empty() {
        return None;
    }
    let words = view.count_words(range.clone());
    let is_quote = view.quote_at(range.start).is_some();
    if words < 2 && !is_quote {
        return None;
    }
    Some(Forward {
        range,
        after_comma,
        adjunct,
    })
}

/// Whether the quotation opening `r` ends with sentence-final punctuation inside its marks.
fn quote_finished(view: &View<'_>, r: &std::ops::Range<usize>) -> bool {
    view.quote_at(r.start)
        .is_some_and(|q| view.quote_ends_sentence(q))
}

/// Content from `f` to the clause end, as a [`Forward`].
fn forward_to_end(view: &View<'_>, f: usize, end: usize) -> Option<Forward> {
    let range = trim(view, f..end);
    (view.count_words(range.clone()) >= 2).then_some(Forward {
        range,
        after_comma: false,
        adjunct: false,
    })
}

/// When token `k` is a cue with a subject of its own just after `and`/`but` (`and the mayor
/// warned`, `but Republicans said`), the conjunction's index: a second attribution coordinated
/// with the first, not part of its content.
fn coordinated_attribution(view: &View<'_>, k: usize, floor: usize) -> Option<usize> {
    let w = view.word(k);
    if w.ends_with("ing") || !view.is_wordlike(k) || lexicon::cue(w).is_none() {
        return None;
    }
    let lo = k.saturating_sub(5).max(floor + 1);
    let conj = (lo..k).rev().find(|&j| view.is_any(j, &["and", "but"]))?;
    let subject = conj + 1..k;
    if subject.is_empty()
        || subject
            .clone()
            .any(|j| !view.is_wordlike(j) || view.is(j, "that"))
    {
        return None;
    }
    // A subject: a name, a pronoun, or a determiner's phrase; not a verb phrase.
    let first = subject.start;
    let opens = view.is_capitalized(first)
        || view.is_any(
            first,
            &["he", "she", "they", "we", "i", "officials", "critics"],
        )
        || lexicon::is_determiner(view.word(first));
    let verbless = subject
        .clone()
        .all(|j| !view.is_verb(j) || view.is_capitalized(j));
    (opens && verbless).then_some(conj)
}

/// Whether the cue at `k` closes a stretch of content as `..., X said` or `..., said X`.
fn trailing_attribution(view: &View<'_>, k: usize, floor: usize) -> bool {
    let lo = k.saturating_sub(7).max(floor);
    let Some(comma) = (lo..k).rev().find(|&j| view.is_punct(j, ",")) else {
        return false;
    };
    let between = comma + 1..k;
    let short = view.count_words(between.clone()) <= 5;
    let end = view.clause_end(k);
    let ends_soon = (k + 1..end).filter(|&j| view.is_wordlike(j)).count() <= 6;
    short && ends_soon && !between.clone().any(|j| view.is(j, "that"))
}

/// Skips the addressee after `tell`/`ask`/`urge`: up to a close `that`, or one short phrase.
fn skip_addressee(view: &View<'_>, f: usize, end: usize) -> usize {
    if let Some(t) = (f..end.min(f + 7))
        .take_while(|&k| view.is_wordlike(k))
        .find(|&k| view.is(k, "that"))
    {
        return t;
    }
    if view.quote_at(f).is_some() || !view.is_wordlike(f) {
        return f;
    }
    if lexicon::is_addressee(view.word(f)) {
        return f + 1;
    }
    if let Some((m, _)) = view.mention_at(f) {
        let mut k = f;
        while k < end && view.mention_at(k).is_some_and(|(n, _)| n == m) {
            k += 1;
        }
        return k;
    }
    if lexicon::is_determiner(view.word(f)) {
        let mut k = f + 1;
        while k < end
            && k < f + 5
            && view.is_wordlike(k)
            && !lexicon::is_np_boundary(view.word(k))
            && !lexicon::is_preposition(view.word(k))
        {
            k += 1;
        }
        return k;
    }
    f
}

/// Where a subject's phrase really starts when it runs left of the parsed phrase, up to a comma
/// or quotation it follows (`,” Trump lawyer Marc Kasowitz said`, `,” Mr. Morgan of the Sierra
/// Club said`): the token after that comma or quote, else `first` itself.
fn phrase_start(view: &View<'_>, first: usize, floor: usize) -> usize {
    let mut k = first;
    while k > floor && first - k < 8 {
        let p = k - 1;
        if view.is_punct(p, ",") || view.quote_at(p).is_some() {
            return k;
        }
        let w = view.word(p);
        let np_word = view.is_wordlike(p)
            && (view.is_capitalized(p)
                || !lexicon::is_np_boundary(w) && lexicon::cue(w).is_none()
                || view.is_any(p, &["of", "the"]))
            || view.is_punct(p, ".")
            || view.is_punct(p, "-")
            || view.is_punct(p, "(")
            || view.is_punct(p, ")");
        if !np_word {
            break;
        }
        k = p;
    }
    first
}

/// The content before a subject at `at`: a quotation ending right before it, or the clause up
/// to a comma right before it (`..., X said`).
fn backward_content(view: &View<'_>, at: usize, start: usize) -> Option<std::ops::Range<usize>> {
    let p = at.checked_sub(1)?;
    // `“We won.” Trump said.`: a quotation ending in a full stop still belongs to the
    // attribution right after it, though the clause starts after it.
    let quote_before = view
        .quote_at(p)
        .is_some_and(|q| view.quotes[q].tokens.end == p + 1);
    if p < start && !(quote_before && p + 1 == start && view.para(p) == view.para(at)) {
        return None;
    }
    let close = view
        .quote_at(p)
        .filter(|&q| view.quotes[q].tokens.end == p + 1);
    let end = if close.is_some() {
        p + 1
    } else if view.is_punct(p, ",") || view.is_dash(p) {
        p
    } else {
        return None;
    };
    let from = view.clause_start(p);
    let range = trim(view, from.max(start.min(from))..end);
    if range.is_empty() {
        return None;
    }
    if close.is_none() && lexicon::is_subordinator(view.word(range.start)) {
        return None;
    }
    Some(range)
}

/// Trims punctuation (commas, colons, dashes, sentence-final stops) from both ends of a token
/// range, keeping quotation marks.
fn trim(view: &View<'_>, mut r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let junk = |k: usize| {
        !view.is_wordlike(k)
            && view.quote_at(k).is_none()
            && !view.is_punct(k, "(")
            && !view.is_punct(k, ")")
    };
    while r.start < r.end && junk(r.start) {
        r.start += 1;
    }
    while r.end > r.start && junk(r.end - 1) {
        r.end -= 1;
    }
    // An unpaired closing parenthesis or a lone opening one at either end.
    while r.end > r.start && view.is_punct(r.end - 1, "(") {
        r.end -= 1;
    }
    r
}

/// `according to X, CONTENT` and `CONTENT, according to X`.
fn according(view: &View<'_>, i: usize, earlier: &[Earlier]) -> Option<Found> {
    if !view.is(i + 1, "to") {
        return None;
    }
    let start = view.clause_start(i);
    let end = view.clause_end(i);
    let np = speaker::subject_right(view, i + 2, end)?;
    let speaker = speaker::resolve(view, np, earlier);
    let lead =
        (start..i).all(|k| !view.is_wordlike(k) || view.is_any(k, &["but", "and", "yet", "so"]));
    let range = if lead {
        let comma = (np.last + 1..end).find(|&k| view.is_punct(k, ","))?;
        trim(view, comma + 1..end)
    } else {
        let mut e = i;
        if e > start && view.is_punct(e - 1, ",") {
            e -= 1;
        }
        // `CONTENT, according to X, who ...` and `..., according to X, CONTENT2` are rare: the
        // clause before is the content.
        trim(view, start..e)
    };
    if range.is_empty() || view.count_words(range.clone()) < 2 {
        return None;
    }
    build(
        view,
        vec![range],
        Some(view.cover(i, i + 1)),
        Some(speaker),
        Some(np.span(view)),
        i,
    )
}

/// Builds a claim from content token ranges, deciding its kind from its quotations.
fn build(
    view: &View<'_>,
    pieces: Vec<std::ops::Range<usize>>,
    cue: Option<Span>,
    speaker: Option<Speaker>,
    subject: Option<Span>,
    anchor: usize,
) -> Option<Found> {
    let pieces: Vec<_> = pieces.into_iter().filter(|r| !r.is_empty()).collect();
    let first = pieces.first()?.start;
    let last = pieces.last()?.end;
    // Direct when every piece is exactly one quotation (trailing punctuation aside).
    let whole_quotes: Option<Vec<usize>> = pieces
        .iter()
        .map(|r| {
            let q = view.quote_at(r.start)?;
            let qt = &view.quotes[q].tokens;
            (qt.start == r.start
                && r.end >= qt.end
                && (qt.end..r.end).all(|k| !view.is_wordlike(k)))
            .then_some(q)
        })
        .collect();
    let has_quote = pieces
        .iter()
        .any(|r| r.clone().any(|k| view.quote_at(k).is_some()));
    let (kind, spans) = match whole_quotes {
        Some(qs) => {
            let mut spans = Vec::new();
            for q in qs {
                spans.extend(
                    view.quotes[q]
                        .fragments
                        .iter()
                        .copied()
                        .filter(|s| !s.is_empty()),
                );
            }
            (ClaimKind::Direct, spans)
        }
        None => {
            let spans = pieces
                .iter()
                .map(|r| view.cover(r.start, r.end - 1))
                .collect();
            let kind = if has_quote {
                ClaimKind::Mixed
            } else {
                ClaimKind::Indirect
            };
            (kind, spans)
        }
    };
    if spans.is_empty() {
        return None;
    }
    Some(Found {
        kind,
        pieces: spans,
        cue,
        speaker,
        subject,
        source: None,
        tokens: first..last,
        anchor,
    })
}

/// Marks claims whose cue and subject lie inside another claim's content as nested, with the
/// outer claim's subject as their source.
fn nest(view: &View<'_>, found: &mut [Found]) {
    // For each claim with a cue and a subject, the outer claim is the first one (by index) whose
    // content covers both and differs from its own. Asking every claim of every other would be
    // quadratic on long texts; instead the claims are swept by content start, and a Fenwick tree
    // over content ends answers "the first claim starting at or before `lo` and ending at or
    // after `hi`" in O(log n), keeping the two first with different spans (see `First2`).
    let spans: Vec<Span> = found.iter().map(Found::span).collect();
    let mut queries: Vec<(usize, usize, usize)> = found
        .iter()
        .enumerate()
        .filter_map(|(k, f)| {
            let need = f.cue?.cover(f.subject?);
            Some((need.start(), need.end(), k))
        })
        .collect();
    queries.sort_unstable();
    let mut by_start: Vec<usize> = (0..found.len()).collect();
    by_start.sort_unstable_by_key(|&j| spans[j].start());
    // Distinct content ends, descending: "ends at or after `hi`" is a prefix of positions.
    let mut ends: Vec<usize> = spans.iter().map(|s| s.end()).collect();
    ends.sort_unstable_by(|a, b| b.cmp(a));
    ends.dedup();
    let mut tree = vec![First2::default(); ends.len() + 1];
    let mut next = 0;
    for (lo, hi, k) in queries {
        while let Some(&j) = by_start.get(next).filter(|&&j| spans[j].start() <= lo) {
            let mut i = ends.partition_point(|&e| e > spans[j].end()) + 1;
            while i < tree.len() {
                tree[i] = tree[i].merge(First2::one(j), &spans);
                i += i & i.wrapping_neg();
            }
            next += 1;
        }
        let mut best = First2::default();
        let mut i = ends.partition_point(|&e| e >= hi);
        while i > 0 {
            best = best.merge(tree[i], &spans);
            i -= i & i.wrapping_neg();
        }
        let outer = [best.first, best.second]
            .into_iter()
            .flatten()
            .find(|&j| spans[j] != spans[k]);
        if let Some(j) = outer {
            found[k].source = found[j].subject;
        }
    }
    let _ = view;
}

/// Among some claims: the first (lowest index), and the first whose span differs from the
/// first's. Whatever span a query must avoid, one of the two is the first claim without it.
#[derive(Clone, Copy, Default)]
struct First2 {
    first: Option<usize>,
    second: Option<usize>,
}

impl First2 {
    fn one(j: usize) -> First2 {
        First2 {
            first: Some(j),
            second: None,
        }
    }

    fn merge(self, other: First2, spans: &[Span]) -> First2 {
        let all = [self.first, self.second, other.first, other.second];
        let first = all.iter().flatten().copied().min();
        let second = first.and_then(|f| {
            all.iter()
                .flatten()
                .copied()
                .filter(|&j| spans[j] != spans[f])
                .min()
        });
        First2 { first, second }
    }
}

/// Drops claims whose content repeats another's (two cues reading the same content); the one
/// with the nearer cue stays.
fn dedupe(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by_key(|f| (f.span().start(), f.span().end()));
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if let Some(last) = out.last_mut()
            && last.span() == f.span()
        {
            let d = |x: &Found| {
                x.cue
                    .map_or(usize::MAX, |c| c.start().abs_diff(x.span().start()))
            };
            if d(&f) < d(last) {
                *last = f;
            }
            continue;
        }
        out.push(f);
    }
    out
}

/// Attributes the quotations no cue claimed, and drops scare quotes and titles.
fn unclaimed_quotes(view: &View<'_>, mut found: Vec<Found>) -> Vec<Found> {
    let sorted = found.len();
    let mut used = vec![false; view.quotes.len()];
    for f in &found {
        for k in f.tokens.clone() {
            if let Some(q) = view.quote_at(k) {
                used[q] = true;
            }
        }
    }
    for (q, quote) in view.quotes.iter().enumerate() {
        if used[q] {
            continue;
        }
        let qt = quote.tokens.clone();
        let words = view.count_words(qt.clone());
        if words == 0 {
            continue;
        }
        let open = qt.start;
        let start = view.clause_start(open);
        let embedded = open > start
            && !view.is_punct(open - 1, ":")
            && !view.is_punct(open - 1, ",")
            && !view.is_dash(open - 1);
        // A quotation inside a clause that no cue reports is a term, a title or a fragment
        // (`its “special military operation”`, `identified the judge as “Spanish”`).
        if embedded && words <= 8 || is_title(view, qt.clone()) {
            continue;
        }
        if !quote.closed && words <= 4 {
            continue;
        }
        let mut cue = None;
        let mut speaker = None;
        // A dash sign-off: `“...” — Commissioner X`.
        if view.is_dash(qt.end) {
            let end = view.clause_end(qt.end + 1).max(qt.end + 1);
            if let Some(np) = speaker::subject_right(view, qt.end + 1, end.min(qt.end + 10)) {
                cue = Some(view.span(qt.end));
                speaker = Some(speaker::resolve(view, np, &[]));
            }
        }
        // A colon lead-in: `And from the chairwoman: “...”`.
        if speaker.is_none()
            && open > 0
            && view.is_punct(open - 1, ":")
            && open - 1 > start
            && let Some(np) = speaker::np_ending_at(view, open - 2, start)
        {
            cue = Some(view.span(open - 1));
            speaker = Some(speaker::resolve(view, np, &[]));
        }
        // A continuation: the previous quote's speaker, when it spoke in this paragraph or the
        // one before. Right after `“Q1,” X said.` in the same paragraph, the quote goes on the
        // same claim as another fragment (PolNeAR's and the news convention's reading).
        if speaker.is_none() {
            let para = view.para(open);
            // Only claims near the quote are candidates, which keeps the pass linear: the cue
            // claims are sorted, the quote claims come in text order after them.
            let near = nearby(&found, sorted, view.span(open).start());
            let prev = near
                .iter()
                .copied()
                .filter(|&k| found[k].tokens.end <= open && found[k].speaker.is_some())
                .max_by_key(|&k| found[k].tokens.end);
            if let Some(k) = prev {
                let p = &found[k];
                let pp = view.para(p.tokens.end.saturating_sub(1));
                let cue_between = p.cue.is_some_and(|c| c.start() >= p.span().end());
                // Nothing else was reported in between (`“Q1,” X said, adding that ... “Q2”`).
                let gap = p.tokens.end..open;
                let gap_clear = gap.len() <= 40
                    && gap.clone().all(|t| view.quote_at(t).is_none())
                    && !near.iter().any(|&o| {
                        found[o].tokens.start >= gap.start && found[o].tokens.start < gap.end
                    });
                // The next paragraph continues it too when the previous one ended with the
                // attribution (`“Q1,” X said.¶“Q2.”`), as PolNeAR's annotators read it.
                let ends_paragraph = gap_clear
                    && p.cue.is_some_and(|c| {
                        let after = view.token_at_or_after(c.end());
                        (after..open)
                            .all(|t| view.para(t) != pp || !view.is_wordlike(t) || t < after + 12)
                    });
                let next_para = para == pp + 1 && ends_paragraph;
                if (para == pp || next_para)
                    && p.kind == ClaimKind::Direct
                    && cue_between
                    && gap_clear
                {
                    let extra: Vec<Span> = quote
                        .fragments
                        .iter()
                        .copied()
                        .filter(|s| !s.is_empty())
                        .collect();
                    let f = &mut found[k];
                    f.pieces.extend(extra);
                    f.tokens.end = qt.end;
                    continue;
                }
                if para.saturating_sub(pp) <= 1
                    && matches!(p.kind, ClaimKind::Direct | ClaimKind::Mixed)
                {
                    speaker = p.speaker;
                }
            }
        }
        // A person named in the sentence before, with no cue.
        if speaker.is_none() && start > 0 {
            let prev_start = view.clause_start(start - 1);
            let person = (prev_start..start).find_map(|k| {
                view.mention_at(k)
                    .filter(|(_, m)| {
                        m.label == Label::Person && speaker::plausible_name(view.text, m.span)
                    })
                    .map(|(m, _)| m)
            });
            if let Some(m) = person {
                let np = Np {
                    first: view.token_at_or_after(view.entities.mentions[m].span.start()),
                    last: view
                        .token_at_or_after(view.entities.mentions[m].span.end())
                        .saturating_sub(1),
                    head: Head::Mention(m),
                    relative: None,
                };
                speaker = Some(speaker::resolve(view, np, &[]));
            }
        }
        if (embedded || words < 5) && speaker.is_none() {
            continue;
        }
        let pieces: Vec<Span> = quote
            .fragments
            .iter()
            .copied()
            .filter(|s| !s.is_empty())
            .collect();
        if pieces.is_empty() {
            continue;
        }
        found.push(Found {
            kind: ClaimKind::Direct,
            pieces,
            cue,
            speaker,
            subject: speaker.map(|s| s.span),
            source: None,
            tokens: qt.clone(),
            anchor: open,
        });
    }
    found
}

/// Indices of the claims near byte `pos`: the 32 cue claims (sorted by start, the first
/// `sorted` of `found`) starting last before it, and the last 8 quote claims added after them.
fn nearby(found: &[Found], sorted: usize, pos: usize) -> Vec<usize> {
    let cut = found[..sorted].partition_point(|f| f.span().start() < pos);
    let mut out: Vec<usize> = (cut.saturating_sub(32)..cut).collect();
    out.extend(found.len().saturating_sub(8).max(sorted)..found.len());
    out
}

/// A title of a work: every word capitalised or a short function word (`“The Art of the Deal”`).
fn is_title(view: &View<'_>, r: std::ops::Range<usize>) -> bool {
    let words: Vec<usize> = r.filter(|&k| view.is_wordlike(k)).collect();
    words.len() >= 2
        && words.len() <= 10
        && view.is_capitalized(words[0])
        && words.iter().all(|&k| {
            view.is_capitalized(k)
                || view.is_any(
                    k,
                    &[
                        "of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at",
                    ],
                )
        })
}
