//! Rules for `DATE TIME MONEY PERCENT QUANTITY CARDINAL ORDINAL` mentions.

use newsclaims_tokenize::{TokenKind, Tokens};

use crate::{Label, Mention};

/// Finds the numeric mentions of `text`, sorted, not overlapping.
pub(crate) fn find(text: &str, tokens: &Tokens) -> Vec<Mention> {
    // FIXME: a first cut: bare numbers as CARDINAL.
    let _ = text;
    tokens
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Number)
        .map(|t| Mention {
            span: t.span,
            label: Label::Cardinal,
            cluster: 0,
        })
        .collect()
}
