//! What the text says a person is: titles before a mention (`NATO Secretary-General`),
//! appositives after it (`, a doctor,`), and the sex a first name, an honorific or a gendered
//! role word (`spokeswoman`) gives.

use std::collections::HashSet;

use newsclaims_text::Span;
use newsclaims_tokenize::{Token, TokenKind, Tokens};

use super::names::{NameWords, first_name_share, honorific, strip_possessive};
use super::words::{cue_or_relative, lowercase_noun, modifier, role};
use crate::{Cluster, Label, Mention};

/// The share female of a person's first name, or what an honorific says.
pub(super) fn female(
    text: &str,
    mentions: &[Mention],
    c: &Cluster,
    words: &[NameWords],
) -> Option<f32> {
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
pub(super) fn gendered_descriptor(text: &str, descriptors: &[Span]) -> Option<f32> {
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

/// Titles and roles the text gives a person: the title before a mention (`NATO Secretary-General
/// Jens Stoltenberg`) and an appositive after it (`Hugh Hill, a doctor,`), deduplicated by text,
/// in order of appearance.
pub(super) fn descriptors(
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
    let mut seen: HashSet<&str> = HashSet::new();
    found.retain(|d| seen.insert(&text[*d]));
    found
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
                    || w.split(['-', '.']).any(|p| role(p) || modifier(p))
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
