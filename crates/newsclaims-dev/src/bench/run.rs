//! Runs of the `newsclaims` binary for the bench: the command, the best of several runs, wall
//! time, CPU time and peak memory of a child, streaming and start-up.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use super::report::megabytes;
use super::{Corpus, Run};
use crate::root;

/// The binary writing JSON Lines; it reads `input`, or standard input when there is none.
pub(super) fn binary_command(binary: &Path, threads: usize, input: Option<&Path>) -> Command {
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
pub(super) fn best_run(
    timer: &Timer,
    runs: usize,
    mut make: impl FnMut() -> Command,
) -> Result<Run> {
    let mut best: Option<Run> = None;
    for _ in 0..runs {
        let run = timer.run(make(), |_| Ok(()))?;
        best = Some(better(best, run));
    }
    Ok(best.expect("runs ≥ 1"))
}

/// [`best_run`] of the command with one thread and with every core (`threads` 0), the two run
/// in turn.
pub(super) fn best_runs_alternating(
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
pub(super) fn better(best: Option<Run>, run: Run) -> Run {
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
pub(super) struct Timer {
    /// `/usr/bin/time` when it exists: it reports the child's `ru_maxrss` exactly.
    pub(super) time: Option<PathBuf>,
    report: PathBuf,
}

impl Timer {
    pub(super) fn new() -> Timer {
        let time = Path::new("/usr/bin/time");
        Timer {
            time: time.exists().then(|| time.to_path_buf()),
            report: target_dir().join("bench/peak-rss.txt"),
        }
    }

    /// Runs `cmd` with standard output to `/dev/null`; `feed` gets the child right after it starts
    /// (to write its standard input) and must drop what it takes before returning.
    pub(super) fn run(
        &self,
        cmd: Command,
        feed: impl FnOnce(&mut Child) -> Result<()>,
    ) -> Result<Run> {
        let mut cmd = match &self.time {
            Some(time) => {
                let mut wrapped = Command::new(time);
                wrapped
                    .args(["-f", "%M", "-o"])
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
        let cpu_before = children_cpu();
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
        let cpu_waited = children_cpu()
            .zip(cpu_before)
            .map(|(after, before)| after.saturating_sub(before));
        fed?;
        // Exit status 1 means some documents were unreadable: they still got records.
        if !matches!(status.code(), Some(0 | 1)) {
            bail!("{described} failed: {status}");
        }
        // `/usr/bin/time` writes the peak in KB as its last line.
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
        Ok(Run {
            wall,
            peak_kb,
            cpu: cpu_waited,
        })
    }
}

/// User plus system CPU time of every child this process has waited for, and of their own
/// waited-for children (the program under `/usr/bin/time`), to the microsecond: `/usr/bin/time`
/// prints hundredths of a second, too coarse for a 3% verdict on a run of 0.7 s.
#[cfg(unix)]
fn children_cpu() -> Option<Duration> {
    use nix::sys::resource::{UsageWho, getrusage};
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).ok()?;
    let time = |t: nix::sys::time::TimeVal| {
        Duration::from_secs(t.tv_sec().max(0) as u64)
            + Duration::from_micros(t.tv_usec().max(0) as u64)
    };
    Some(time(usage.user_time()) + time(usage.system_time()))
}

#[cfg(not(unix))]
fn children_cpu() -> Option<Duration> {
    None
}

pub(super) fn vm_hwm(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Streams the AllSides sample (or the last corpus) through standard input once and
/// `repeat` times with two threads; returns the ratio of the peak memories.
pub(super) fn streaming(
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
pub(super) fn startup(binary: &Path, work: &Path) -> Result<Duration> {
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

pub(super) fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}
