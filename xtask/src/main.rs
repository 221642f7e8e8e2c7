//! Project tasks: `cargo xtask <task>` (matklad's cargo-xtask convention).
//!
//! xtask is cheap to compile: it links no crate of the workspace and builds in debug mode. The
//! tasks that need the models run `cargo run --release -p newsclaims-dev -- <task>`.
//!
//! - `pipeline [ARGS]`: the release `newsclaims` binary; with no arguments, over `fixtures/articles/` as text
//! - `tidy`: the source checks no compiler makes (see `tidy.rs`)
//! - `ci`: fmt, tidy, generated files, clippy `-D warnings`, tests with `CI=true`, orphaned snapshots,
//!   then the Python module's and the Spark examples' tests in `target/py-venv`
//! - `python`: that last step alone
//! - in `newsclaims-dev`: `eval ner|claims ...`, `bench ...`, `schema [--check]`,
//!   `build-lexicons [--check]`, `train-ner|train-claims|train-accept|train-checkworthy|train-speakers|train-syntax
//!   [--check]`, `eval-syntax`, `eval-speakers`,
//!   `print tokens|entities|claims FILE`, `cli-docs [--check]` (completions and man page)

mod ci;
mod python;
mod tidy;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

/// The tasks `newsclaims-dev` runs.
const DEV_TASKS: [&str; 14] = [
    "eval",
    "train-speakers",
    "eval-speakers",
    "bench",
    "schema",
    "build-lexicons",
    "print",
    "train-ner",
    "train-claims",
    "train-accept",
    "train-checkworthy",
    "train-syntax",
    "eval-syntax",
    "cli-docs",
];

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let task = args.next().unwrap_or_default();
    let rest: Vec<String> = args.collect();
    match task.as_str() {
        "pipeline" => pipeline(&rest),
        "ci" => ci::run(),
        "tidy" => tidy::run(&root()),
        "python" => python::run(),
        dev if DEV_TASKS.contains(&dev) => {
            let code = dev_task(dev, &rest)?;
            std::process::exit(code);
        }
        _ => bail!(
            "usage: cargo xtask <task>\n\n\
             tasks:\n  \
             pipeline [ARGS]                          run newsclaims (default: the fixtures, as text)\n  \
             ci                                       fmt, generated files, clippy, tests, orphaned snapshots, pytest, Spark\n  \
             python                                   ci's last step alone: the Python module's and Spark's tests\n  \
             eval ner|claims --gold G --docs D [--map conll] [--errors] [--polnear-that] [--polnear-nested] [--allsides-dev]\n  \
             bench [--input F]... [--spacy PYTHON] [--baseline BIN] [--limit N]   speed, memory, start-up, vs spaCy\n  \
             schema [--check]                         write (or check) the output's JSON Schema\n  \
             print tokens|entities|claims FILE        one stage's output\n  \
             build-lexicons [--check]                 the first-names lexicon of newsclaims-entities\n  \
             train-claims [--check]                   count the claims cue lexicon from PolNeAR train\n  \
             train-accept [--check]                   the claims' acceptance model (PolNeAR train; after train-speakers)\n  \
             train-checkworthy [--check]              train the check-worthiness model on ClaimBuster\n  \
             train-ner [--check|--speed|--cv]         train the name tagger (or check it, time it, cross-validate it)\n  \
             train-speakers [--check]                 train the speaker ranker on GAP and GUM\n  \
             eval-speakers [--binary PATH]            GAP F1 and GUM news speaker accuracy\n  \
             train-syntax [--check]                   train the POS and chunk taggers\n  \
             eval-syntax                              their accuracy on CoNLL dev\n  \
             cli-docs [--check]                       the binary's shell completions and man page"
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

/// Runs `newsclaims-dev <task> ARGS` optimised and returns its exit code. The relative paths in
/// `args` keep meaning what they meant: the child runs in the caller's directory.
pub(crate) fn dev_task(task: &str, args: &[String]) -> Result<i32> {
    let mut cmd = cargo();
    cmd.current_dir(std::env::current_dir().context("reading the current directory")?)
        .args([
            "run",
            "--release",
            "-q",
            "-p",
            "newsclaims-dev",
            "--manifest-path",
        ])
        .arg(root().join("Cargo.toml"))
        .args(["--", task])
        .args(args);
    let status = cmd.status().with_context(|| format!("starting {cmd:?}"))?;
    Ok(status.code().unwrap_or(2))
}

fn pipeline(args: &[String]) -> Result<()> {
    run_status(cargo().args(["build", "--release", "-q", "-p", "newsclaims"]))?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    let mut cmd = Command::new(target.join("release").join("newsclaims"));
    if args.is_empty() {
        cmd.args(["--format", "text"])
            .arg(root().join("fixtures/articles"));
    } else {
        cmd.args(args);
    }
    let status = cmd.status().context("running newsclaims")?;
    std::process::exit(status.code().unwrap_or(2));
}
