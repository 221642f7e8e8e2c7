//! `print tokens|pos|entities|claims FILE`: one stage's output, one item per line (a debugging
//! printer, as ruff's `cargo dev print-tokens`).

use anyhow::{Context, Result, bail};

pub(crate) fn run(args: &[String]) -> Result<()> {
    let [what, file] = args else {
        bail!("usage: cargo xtask print tokens|pos|entities|claims FILE")
    };
    let text = std::fs::read_to_string(file).with_context(|| format!("reading {file}"))?;
    let tokens = newsclaims_tokenize::tokenize(&text);
    match what.as_str() {
        "tokens" => {
            for (k, s) in tokens.sentences.iter().enumerate() {
                println!("sentence {k} {:?} paragraph {}", s.span, s.paragraph);
                for t in tokens.sentence_tokens(k) {
                    println!("  {:?} {:?} {:?}", t.span, t.kind, &text[t.span]);
                }
            }
            for q in &tokens.quotes {
                println!(
                    "quote {:?} closed={} fragments={:?}",
                    q.span, q.closed, q.fragments
                );
            }
        }
        "pos" => {
            let syntax = newsclaims_syntax::analyze(&text, &tokens);
            for (t, pos) in tokens.tokens.iter().zip(&syntax.pos) {
                print!("{}/{} ", &text[t.span], pos.as_str());
            }
            println!();
        }
        "entities" => {
            let entities = newsclaims_entities::recognize(&text, &tokens);
            for m in &entities.mentions {
                println!(
                    "{:?} {} {:?} cluster {}",
                    m.span,
                    m.label.as_str(),
                    &text[m.span],
                    m.cluster
                );
            }
        }
        "claims" => {
            let entities = newsclaims_entities::recognize(&text, &tokens);
            for c in newsclaims_claims::extract(&text, &tokens, &entities) {
                let speaker = c.speaker.map(|s| &text[s.name]).unwrap_or("-");
                let cue = c.cue.map(|s| &text[s]).unwrap_or("-");
                println!(
                    "{:?} {} {speaker:?} {cue:?} {:?}",
                    c.span,
                    c.kind.as_str(),
                    &text[c.span]
                );
            }
        }
        _ => bail!("print what? tokens, entities or claims"),
    }
    Ok(())
}
