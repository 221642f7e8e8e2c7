//! Project tasks: `cargo xtask <task>` (matklad's cargo-xtask convention).
//!
//! - `pipeline [ARGS]`: the release `newsclaims` binary; with no arguments, over `fixtures/articles/` as text
//! - `eval ner|claims --gold G --docs D [--map conll] [--errors]`: runs the pipeline, scores with the
//!   referee; `--errors` lists the claims' misses and false alarms by class
//! - `bench [--input F]... [--spacy PYTHON] [--limit N]`: throughput, stages, memory, start-up, vs spaCy
//! - `build-lexicons [--check]`: the first-names lexicon of newsclaims-entities
//! - `schema [--check]`: the JSON Schema of the output contract, `schema/newsclaims-1.schema.json`
//! - `ci`: fmt, clippy `-D warnings`, tests with `CI=true`, orphaned snapshots
//! - `print tokens|entities|claims FILE`: one stage's output, one item per line

mod bench;
mod ci;
mod eval;
mod eval_errors;
mod generated;
mod lexicons;
mod schema;
mod train_claims;
mod train_ner;
mod train_syntax;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let task = args.next().unwrap_or_default();
    let rest: Vec<String> = args.collect();
    match task.as_str() {
        "pipeline" => pipeline(&rest),
        "eval" => eval::run(&rest),
        "bench" => bench::run(&rest),
        "ci" => ci::run(),
        "schema" => schema::run(&rest),
        "build-lexicons" => lexicons::run(&rest),
        "print" => print(&rest),
        "train-ner" => train_ner::run(&rest),
        "train-claims" => train_claims::run(&rest),
        "train-syntax" => train_syntax::run(&rest),
        "eval-syntax" => train_syntax::eval(),
        _ => bail!(
            "usage: cargo xtask <task>\n\n\
             tasks:\n  \
             pipeline [ARGS]                          run newsclaims (default: the fixtures, as text)\n  \
             eval ner|claims --gold G --docs D [--map conll] [--errors]\n  \
             bench [--input F]... [--spacy PYTHON] [--limit N]   speed, memory, start-up, vs spaCy\n  \
             ci                                       fmt, clippy, tests, orphaned snapshots\n  \
             schema [--check]                         write (or check) the output's JSON Schema\n  \
             print tokens|entities|claims FILE        one stage's output\n  \
             train-claims [--check]                   count the claims cue lexicon from PolNeAR train\n  \
             train-ner [--check|--speed]              train the name tagger (or check it, or time it)\n  \
             train-syntax [--check]                   train the POS and chunk taggers\n  \
             eval-syntax                              their accuracy on CoNLL dev"
        ),
    }
}

/// The workspace root.
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// `../shared` beside the workspace root.
pub(crate) fn shared() -> PathBuf {
    root()
        .parent()
        .map(|p| p.join("shared"))
        .unwrap_or_else(|| PathBuf::from("../shared"))
}

pub(crate) fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(root());
    cmd
}

pub(crate) fn run_status(cmd: &mut Command) -> Result<()> {
    let status = cmd.status().with_context(|| format!("starting {cmd:?}"))?;
    if !status.success() {
        bail!("{cmd:?} failed: {status}");
    }
    Ok(())
}

/// Builds the release binary once and returns its path.
pub(crate) fn release_binary() -> Result<PathBuf> {
    run_status(cargo().args(["build", "--release", "-q", "-p", "newsclaims"]))?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    Ok(target.join("release").join("newsclaims"))
}

fn pipeline(args: &[String]) -> Result<()> {
    let binary = release_binary()?;
    let mut cmd = Command::new(binary);
    if args.is_empty() {
        cmd.args(["--format", "text"])
            .arg(root().join("fixtures/articles"));
    } else {
        cmd.args(args);
    }
    let status = cmd.status().context("running newsclaims")?;
    std::process::exit(status.code().unwrap_or(2));
}

fn print(args: &[String]) -> Result<()> {
    let [what, file] = args else {
        bail!("usage: cargo xtask print tokens|entities|claims FILE")
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
