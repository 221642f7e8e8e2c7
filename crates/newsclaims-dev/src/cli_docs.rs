//! `cargo xtask cli-docs [--check]`: the shell completions (`completions/`) and the man page
//! (`docs/newsclaims.1`) of the `newsclaims` binary, generated from its clap declaration
//! (`newsclaims_cli::args`) so they cannot drift from the flags. With `--check` it writes
//! nothing and fails when a committed file differs (CI runs this).

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap_complete::Shell;
use clap_mangen::roff::{Roff, roman};

use crate::root;

/// The shells and the file each one's completion script goes to, in `completions/`: the names
/// each shell looks for (bash-completion's `newsclaims`, zsh's `_newsclaims` ...).
const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::Elvish,
    Shell::PowerShell,
];

pub(crate) fn run(args: &[String]) -> Result<()> {
    let check = match args {
        [] => false,
        [flag] if flag == "--check" => true,
        _ => bail!("usage: cargo xtask cli-docs [--check]"),
    };
    crate::generated::write_or_check("cli-docs", &files()?, check)
}

/// Every generated file, with its path.
fn files() -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut files = Vec::new();
    for shell in SHELLS {
        let mut command = newsclaims_cli::args::command();
        let name = command.get_name().to_owned();
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut command, &name, &mut script);
        let file = clap_complete::Generator::file_name(&shell, &name);
        files.push((root().join("completions").join(file), script));
    }
    files.push((root().join("docs/newsclaims.1"), man_page()?));
    Ok(files)
}

/// The man page: clap_mangen's sections, then the long help's own sections (inputs, output,
/// exit status, examples) as man sections with their lines kept as written (no filling, which
/// would run the aligned columns together).
fn man_page() -> Result<Vec<u8>> {
    let command = newsclaims_cli::args::command();
    let extra = command
        .get_after_long_help()
        .map(ToString::to_string)
        .unwrap_or_default();
    // The version alone: the build details (commit, compiler) would change the page at every
    // commit.
    let command = command
        .long_version(None::<&'static str>)
        .after_long_help(None::<&'static str>)
        .after_help(None::<&'static str>);
    let man = clap_mangen::Man::new(command);
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    let mut roff = Roff::new();
    for line in extra.lines() {
        match line.strip_suffix(':') {
            Some(heading) if !line.starts_with(' ') => {
                roff.control("SH", [heading.to_uppercase().as_str()]);
                roff.control("nf", []);
            }
            _ if line.trim().is_empty() => {}
            _ => {
                roff.text([roman(line.strip_prefix("  ").unwrap_or(line))]);
            }
        }
    }
    roff.control("fi", []);
    roff.to_writer(&mut page)
        .context("rendering the man page")?;
    man.render_version_section(&mut page)?;
    Ok(page)
}
