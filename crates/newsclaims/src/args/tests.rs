//! The parser's conventions: combined short flags, `--flag=value`, suggestions, boolean flags
//! that refuse values, defaults that depend on the inputs, and the build details of `--version`.

use std::path::PathBuf;

use clap::error::ErrorKind;

use super::{Args, DEFAULT_MAX_BYTES, Format, InputFormat, parse};

fn ok(line: &str) -> Args {
    match parse(line.split_whitespace().map(Into::into)) {
        Ok(args) => args,
        Err(e) => panic!("`{line}` should parse: {e}"),
    }
}

/// Parses `line`, expecting an error of `kind` whose message contains `says`.
fn err(line: &str, kind: ErrorKind, says: &str) {
    match parse(line.split_whitespace().map(Into::into)) {
        Ok(args) => panic!("`{line}` should fail, parsed as {args:?}"),
        Err(e) => {
            let message = e.render().to_string();
            assert_eq!(e.kind(), kind, "`{line}`: {message}");
            assert!(message.contains(says), "`{line}`: {message}");
        }
    }
}

#[test]
fn defaults() {
    let args = ok("");
    assert_eq!(args.inputs, [PathBuf::from("-")]);
    assert_eq!(args.format, Format::Jsonl);
    assert_eq!(args.input_format, InputFormat::Auto);
    assert_eq!(args.max_bytes, DEFAULT_MAX_BYTES);
    assert!(!args.quiet && !args.keep_going && !args.force);
    assert_eq!(args.id_prefix, None);
    assert_eq!(args.checkworthy_threshold, None);
    // One .txt article is shown as one pretty record; anything else streams JSON Lines.
    assert_eq!(ok("a.txt").format, Format::Json);
    assert_eq!(ok("a.txt b.txt").format, Format::Jsonl);
    assert_eq!(ok("docs.jsonl").format, Format::Jsonl);
    assert_eq!(ok("-f text a.txt").format, Format::Text);
}

#[test]
fn combined_short_flags() {
    let args = ok("-qj2 docs.jsonl");
    assert!(args.quiet);
    assert_eq!(args.threads, 2);
    assert_eq!(ok("-fjsonl a.txt").format, Format::Jsonl);
    assert_eq!(ok("-qfcsv-entities").format, Format::CsvEntities);
    assert_eq!(ok("-oout.jsonl").output, Some(PathBuf::from("out.jsonl")));
}

#[test]
fn every_flag() {
    let args = ok(
        "--format=brat --output dir --threads 3 --quiet --keep-going \
                   --id-prefix part-00007: --force --checkworthy-threshold 0.4 \
                   --input-format jsonl --max-bytes 2K a b",
    );
    assert_eq!(args.format, Format::Brat);
    assert_eq!(args.output, Some(PathBuf::from("dir")));
    assert_eq!(args.threads, 3);
    assert!(args.quiet && args.keep_going && args.force);
    assert_eq!(args.id_prefix.as_deref(), Some("part-00007:"));
    assert_eq!(args.checkworthy_threshold, Some(0.4));
    assert_eq!(args.input_format, InputFormat::Jsonl);
    assert_eq!(args.max_bytes, 2048);
    assert_eq!(args.inputs, [PathBuf::from("a"), PathBuf::from("b")]);
}

#[test]
fn inputs_after_a_double_dash_are_inputs() {
    assert_eq!(ok("-- -q").inputs, [PathBuf::from("-q")]);
    assert_eq!(ok("-").inputs, [PathBuf::from("-")]);
}

#[test]
fn boolean_flags_refuse_values() {
    err("--quiet=no", ErrorKind::TooManyValues, "--quiet");
    err(
        "--keep-going=false",
        ErrorKind::TooManyValues,
        "--keep-going",
    );
    err("--force=1", ErrorKind::TooManyValues, "--force");
}

#[test]
fn suggestions() {
    err("--quite", ErrorKind::UnknownArgument, "--quiet");
    err("--format jsnl", ErrorKind::InvalidValue, "jsonl");
    err(
        "--format csv_entities",
        ErrorKind::InvalidValue,
        "csv-entities",
    );
    err("--input-format txt", ErrorKind::InvalidValue, "text");
    err("--treads 2", ErrorKind::UnknownArgument, "--threads");
}

#[test]
fn bad_values() {
    err("--threads two", ErrorKind::ValueValidation, "two");
    err("--max-bytes 0", ErrorKind::ValueValidation, "64M");
    err("--max-bytes 12X", ErrorKind::ValueValidation, "64M");
    err(
        "--checkworthy-threshold 1.5",
        ErrorKind::ValueValidation,
        "0 to 1",
    );
    err(
        "--checkworthy-threshold NaN",
        ErrorKind::ValueValidation,
        "0 to 1",
    );
    err("--format", ErrorKind::InvalidValue, "value is required");
    err("-j", ErrorKind::InvalidValue, "value is required");
}

#[test]
fn brat_needs_a_folder() {
    err(
        "--format brat",
        ErrorKind::MissingRequiredArgument,
        "--output DIR",
    );
    assert_eq!(ok("-fbrat -o dir").format, Format::Brat);
}

#[test]
fn sizes() {
    assert_eq!(ok("--max-bytes 1000").max_bytes, 1000);
    assert_eq!(ok("--max-bytes 64k").max_bytes, 64 << 10);
    assert_eq!(ok("--max-bytes 1G").max_bytes, 1 << 30);
}

#[test]
fn help_and_version() {
    err("--help", ErrorKind::DisplayHelp, "--checkworthy-threshold");
    err("--help", ErrorKind::DisplayHelp, "Exit status:");
    err("-h", ErrorKind::DisplayHelp, "--keep-going");
    err("-V", ErrorKind::DisplayVersion, env!("CARGO_PKG_VERSION"));
    err("--version", ErrorKind::DisplayVersion, "commit:");
    err(
        "--version",
        ErrorKind::DisplayVersion,
        env!("NEWSCLAIMS_BUILD_TARGET"),
    );
}

#[test]
fn the_command_is_consistent() {
    super::command().debug_assert();
}
