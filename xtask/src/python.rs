//! `cargo xtask ci`'s Python step: a virtual environment in `target/py-venv`, the `newsclaims`
//! package built into it from `crates/newsclaims-py` (maturin, through pip; with the
//! `fault-injection` feature, which the tests of panic isolation and Ctrl-C need), pytest, pandas
//! and PySpark, then the module's tests and the Spark examples' test.
//!
//! Only shells out to Python and pip. PySpark is large (a few hundred MB from the package
//! index): when it cannot be installed the step goes on, and the Spark test fails saying so.
//! The Spark test also needs Java, which `.ci/run` installs from Debian when it is missing.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Result;

use crate::{cargo, root, run_status};

/// The Python that makes the environment: `NEWSCLAIMS_PYTHON`, else `python3`.
fn host_python() -> String {
    std::env::var("NEWSCLAIMS_PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

pub(crate) fn run() -> Result<()> {
    // The code behind the `fault-injection` feature, which the workspace's clippy does not see.
    run_status(cargo().args([
        "clippy",
        "-q",
        "-p",
        "newsclaims-py",
        "--features",
        "fault-injection",
        "--",
        "-D",
        "warnings",
    ]))?;
    // The tests compare the module with the binary, and time both: the optimised build.
    run_status(cargo().args(["build", "--release", "-q", "-p", "newsclaims"]))?;
    let binary = target_dir().join("release").join("newsclaims");
    let venv = target_dir().join("py-venv");
    let python = venv.join("bin").join("python");
    if !python.exists() {
        run_status(Command::new(host_python()).args(["-m", "venv"]).arg(&venv))?;
    }
    let pip = |args: &[&str]| {
        let mut cmd = Command::new(&python);
        cmd.args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .args(args)
        .current_dir(root());
        cmd
    };
    // PySpark 4 does not yet support pandas 3 (it warns so), hence the bound.
    run_status(&mut pip(&["pytest", "pandas<3", "pyarrow"]))?;
    if run_status(&mut pip(&["pyspark"])).is_err() {
        eprintln!("ci: PySpark could not be installed; the Spark test will fail saying so");
    }
    // Always the package of this checkout, even when the version did not change, with the
    // pipeline's faults on demand for the tests of panic isolation and Ctrl-C.
    run_status(
        pip(&["--force-reinstall", "--no-deps", "./crates/newsclaims-py"])
            .env("MATURIN_PEP517_ARGS", "--features fault-injection"),
    )?;
    pytest(&python, &binary, "crates/newsclaims-py/tests")?;
    pytest(&python, &binary, "examples/spark")
}

fn pytest(python: &Path, binary: &Path, tests: &str) -> Result<()> {
    run_status(
        Command::new(python)
            .args(["-m", "pytest", "-q", "-p", "no:cacheprovider", tests])
            .env("NEWSCLAIMS_BIN", binary)
            .current_dir(root()),
    )
}
