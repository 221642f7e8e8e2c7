//! `cargo xtask build-lexicons [--check]`: derives the known-names lexicon (`names.rs`) and the
//! compact first-names lexicon
//! `crates/newsclaims-entities/lexicons/first_names.tsv` from the US Social Security first-name
//! counts in `../shared/data/gazetteers/first_names_us_ssa.tsv` (public domain).
//!
//! Each line is `Name<TAB>share female` (two decimals), for the names given to at least
//! [`MIN_COUNT`] people since 1930, sorted by lowercase name so the file diffs well and the crate can binary
//! search it. With `--check` the file is rebuilt in memory and compared with the committed one.
//! Without the gazetteer the task says so and succeeds, since the committed file stands alone.

use std::fmt::Write as _;

use anyhow::{Context, Result, bail};

/// Names rarer than this are left out: their share female is noisy and they cost space.
const MIN_COUNT: u64 = 1000;

const OUTPUT: &str = "crates/newsclaims-entities/lexicons/first_names.tsv";

pub(crate) fn run(args: &[String]) -> Result<()> {
    let check = args.iter().any(|a| a == "--check");
    let source = crate::shared().join("data/gazetteers/first_names_us_ssa.tsv");
    if !source.is_file() {
        eprintln!(
            "{} is absent: keeping the committed {OUTPUT}",
            source.display()
        );
        return Ok(());
    }
    let raw = std::fs::read_to_string(&source)
        .with_context(|| format!("reading {}", source.display()))?;
    let built = first_names(&raw)?;
    let output = crate::root().join(OUTPUT);
    let data = crate::shared().join("data");
    let names = crate::names::build(
        &data.join("gazetteers/open_lists"),
        &data.join("ner/wnut17"),
    )?;
    crate::generated::write_or_check(
        "build-lexicons",
        &[
            (output, built.into_bytes()),
            (crate::root().join(crate::names::OUTPUT), names.into_bytes()),
        ],
        check,
    )
}

/// `name count share_female` rows (with a header) to the sorted lexicon text.
fn first_names(raw: &str) -> Result<String> {
    let mut rows: Vec<(&str, f64)> = Vec::new();
    for (n, line) in raw.lines().enumerate().skip(1) {
        let mut cols = line.split('\t');
        let (Some(name), Some(count), Some(share)) = (cols.next(), cols.next(), cols.next()) else {
            bail!("line {}: expected name, count and share", n + 1);
        };
        let count: u64 = count
            .trim()
            .parse()
            .with_context(|| format!("line {}: count", n + 1))?;
        let share: f64 = share
            .trim()
            .parse()
            .with_context(|| format!("line {}: share", n + 1))?;
        if count >= MIN_COUNT && !name.is_empty() {
            rows.push((name, share));
        }
    }
    // Sorted and deduplicated ignoring case, the order the crate's lookup searches in.
    rows.sort_by_cached_key(|r| r.0.to_lowercase());
    rows.dedup_by(|a, b| a.0.eq_ignore_ascii_case(b.0));
    let mut out = String::with_capacity(rows.len() * 12);
    for (name, share) in rows {
        let _ = writeln!(out, "{name}\t{share:.2}");
    }
    Ok(out)
}
