//! The statistical tagger for names (`PERSON ORG GPE LOC FAC NORP EVENT ...`).

use newsclaims_tokenize::{Token, TokenKind, Tokens};

use crate::{Label, Mention};

/// Tags the names of `text`, sorted, not overlapping.
pub(crate) fn tag(text: &str, tokens: &Tokens) -> Vec<Mention> {
    // FIXME: a first cut (runs of capitalised words after a sentence's first word, as PERSON),
    // to be replaced by the trained tagger.
    let is_cap = |t: &Token| {
        t.kind == TokenKind::Word && text[t.span].chars().next().is_some_and(char::is_uppercase)
    };
    let mut mentions = Vec::new();
    for sentence in &tokens.sentences {
        let toks = &tokens.tokens[sentence.tokens.clone()];
        let mut k = 1;
        while k < toks.len() {
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
    mentions
}
