//! The heavy development tasks of newsclaims: training the models, building the lexicons, the
//! JSON Schema, evaluation with the referee, benchmarks and stage printers. They link the runtime
//! crates (with their `train` features) and run optimised, so they live here, out of the binary
//! and out of `xtask`, which only calls `cargo run --release -p newsclaims-dev -- <task>`.
//!
//! Nothing here is a dependency of the `newsclaims` binary: `cargo tree -p newsclaims` never
//! lists this crate or a `train` feature.

mod bench;
mod boost;
mod cli_docs;
mod eval;
mod eval_errors;
mod eval_speakers;
mod eval_that;
mod gap;
mod generated;
mod gum;
mod lexicons;
mod logit;
mod names;
mod perceptron;
mod print;
mod referee;
mod schema;
mod train_accept;
mod train_boundary;
mod train_checkworthy;
mod train_claims;
mod train_cue;
mod train_ner;
mod train_speakers;
mod train_start;
mod train_syntax;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

/// The usage text: every task and its arguments.
const USAGE: &str = "usage: newsclaims-dev <task> (or cargo xtask <task>)\n\n\
tasks:\n  \
eval ner|claims --gold G --docs D [--map conll] [--errors] [--polnear-that] [--polnear-nested] [--allsides-dev]\n  \
bench [--input F]... [--spacy PYTHON] [--limit N]   speed, memory, start-up, vs spaCy\n  \
schema [--check]                         write (or check) the output's JSON Schema\n  \
print tokens|entities|claims FILE        one stage's output\n  \
build-lexicons [--check]                 the first-names and known-names lexicons of newsclaims-entities\n  \
train-claims [--check]                   the claims cue lexicon and boundary ranker (PolNeAR train)\n  \
train-accept [--check]                   the claims' acceptance model (PolNeAR train; after train-speakers)\n  \
train-checkworthy [--check]              train the check-worthiness model on ClaimBuster\n  \
train-ner [--check|--speed|--cv]         train the name tagger (or check it, time it, cross-validate it)\n  \
train-speakers [--check]                 train the speaker ranker on GAP and GUM\n  \
eval-speakers [--binary PATH]            GAP F1 and GUM news speaker accuracy\n  \
train-syntax [--check]                   train the POS and chunk taggers\n  \
eval-syntax                              their accuracy on CoNLL dev\n  \
cli-docs [--check]                       the binary's shell completions and man page\n  \
check-generated                          every generator's --check (what CI runs)";

/// Runs one task: `args[0]` names it, the rest are its arguments.
pub fn run(args: &[String]) -> Result<()> {
    let (task, rest) = args
        .split_first()
        .map_or(("", &[][..]), |(t, r)| (t.as_str(), r));
    match task {
        "eval" => eval::run(rest),
        "bench" => bench::run(rest),
        "schema" => schema::run(rest),
        "build-lexicons" => lexicons::run(rest),
        "print" => print::run(rest),
        "train-ner" => train_ner::run(rest),
        "train-claims" => train_claims::run(rest),
        "train-accept" => train_accept::run(rest),
        "train-checkworthy" => train_checkworthy::run(rest),
        "train-speakers" => train_speakers::run(rest),
        "eval-speakers" => eval_speakers::run(rest),
        "train-syntax" => train_syntax::run(rest),
        "eval-syntax" => train_syntax::eval(),
        "cli-docs" => cli_docs::run(rest),
        "check-generated" => check_generated(),
        _ => bail!("{USAGE}"),
    }
}

/// Every generated file is current: each `--check` regenerates from code and data and compares
/// bytes (the trainers say so and pass where the research data is absent).
fn check_generated() -> Result<()> {
    let check = ["--check".to_owned()];
    schema::run(&check)?;
    lexicons::run(&check)?;
    train_syntax::run(&check)?;
    train_ner::run(&check)?;
    train_claims::run(&check)?;
    train_checkworthy::run(&check)?;
    train_speakers::run(&check)?;
    train_accept::run(&check)?;
    cli_docs::run(&check)
}

/// The workspace root.
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("newsclaims-dev lives in crates/ of the workspace")
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
