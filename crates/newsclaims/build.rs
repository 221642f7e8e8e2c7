//! Build details for `newsclaims --version`: the git commit (from `NEWSCLAIMS_GIT_COMMIT` when
//! set, else from `git` when the source is a checkout, else `unknown`), the target, the profile,
//! the enabled features and the compiler. Nothing here affects what the binary computes.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=NEWSCLAIMS_GIT_COMMIT");
    let commit = std::env::var("NEWSCLAIMS_GIT_COMMIT")
        .ok()
        .filter(|c| !c.is_empty())
        .or_else(git_commit)
        .unwrap_or_else(|| "unknown".to_owned());
    let features: Vec<String> = std::env::vars()
        .filter_map(|(k, _)| {
            k.strip_prefix("CARGO_FEATURE_")
                .map(|f| f.to_lowercase().replace('_', "-"))
        })
        .collect();
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let rustc = output(Command::new(rustc).arg("-V")).unwrap_or_else(|| "unknown".to_owned());
    let var = |k: &str| std::env::var(k).unwrap_or_else(|_| "unknown".to_owned());
    for (key, value) in [
        ("COMMIT", commit),
        ("TARGET", var("TARGET")),
        ("PROFILE", var("PROFILE")),
        (
            "FEATURES",
            if features.is_empty() {
                "none".to_owned()
            } else {
                features.join(", ")
            },
        ),
        ("RUSTC", rustc),
    ] {
        println!("cargo:rustc-env=NEWSCLAIMS_BUILD_{key}={value}");
    }
}

/// The commit checked out, with its date, and the files whose change means a new one (so the
/// script reruns on a commit, and on nothing else).
fn git_commit() -> Option<String> {
    let git = |args: &[&str]| output(Command::new("git").args(args));
    let head = git(&["rev-parse", "--git-path", "HEAD"])?;
    println!("cargo:rerun-if-changed={head}");
    if let Some(reference) = git(&["symbolic-ref", "-q", "HEAD"]) {
        let path = git(&["rev-parse", "--git-path", &reference])?;
        if Path::new(&path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    if let Some(packed) = git(&["rev-parse", "--git-path", "packed-refs"])
        && Path::new(&packed).exists()
    {
        println!("cargo:rerun-if-changed={packed}");
    }
    git(&["log", "-1", "--format=%h (%cs)", "--abbrev=12"])
}

/// A command's standard output, trimmed, when it ran and succeeded.
fn output(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    (out.status.success() && !text.trim().is_empty()).then(|| text.trim().to_owned())
}
