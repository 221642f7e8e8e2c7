//! `--baseline BINARY`: the binary against an earlier build of itself on the same documents, one
//! thread each, the two run in turn so that a slow spell of a shared machine weighs on both.
//!
//! The figure that decides is CPU time (user plus system, the least of the runs): a change meant
//! to cost nothing must stay within [`WITHIN`] of the baseline. Wall time is printed beside it;
//! on a machine shared with other work it varies more than CPU time does.

use std::path::Path;
use std::time::Duration;

use anyhow::Result;

use super::Corpus;
use super::run::{Timer, binary_command};

/// How much more CPU time than the baseline still counts as the same speed: the spread of
/// best-of-N CPU times of one binary on a quiet machine is about 1–2%.
pub(super) const WITHIN: f64 = 1.03;

/// One corpus measured with both binaries: the least CPU time of each.
pub(super) struct Comparison {
    pub(super) name: String,
    pub(super) cpu: [Option<Duration>; 2],
}

impl Comparison {
    /// CPU time of the binary over the baseline's (`None` when it could not be measured).
    pub(super) fn cpu_ratio(&self) -> Option<f64> {
        match self.cpu {
            [Some(base), Some(now)] => Some(now.as_secs_f64() / base.as_secs_f64()),
            _ => None,
        }
    }
}

/// Runs `baseline` and `binary` in turn `runs` times per corpus and prints a row per corpus.
pub(super) fn compare(
    binary: &Path,
    baseline: &Path,
    timer: &Timer,
    corpora: &[Corpus],
    runs: usize,
) -> Result<Vec<Comparison>> {
    println!(
        "against the baseline {} (1 thread each, alternating, least of {runs} runs):",
        baseline.display()
    );
    println!(
        "{:<36} {:>14} {:>14} {:>9} {:>14} {:>14} {:>9}",
        "corpus", "wall baseline", "wall now", "ratio", "CPU baseline", "CPU now", "ratio"
    );
    let mut out = Vec::new();
    for corpus in corpora {
        let mut wall = [Duration::MAX; 2];
        let mut cpu = [None::<Duration>; 2];
        for _ in 0..runs {
            for (k, b) in [baseline, binary].into_iter().enumerate() {
                let run = timer.run(binary_command(b, 1, Some(&corpus.path)), |_| Ok(()))?;
                wall[k] = wall[k].min(run.wall);
                cpu[k] = match (cpu[k], run.cpu) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
        }
        let c = Comparison {
            name: corpus.name.clone(),
            cpu,
        };
        let secs =
            |d: Option<Duration>| d.map_or("?".into(), |d| format!("{:.3} s", d.as_secs_f64()));
        println!(
            "{:<36} {:>14} {:>14} {:>8.3}× {:>14} {:>14} {:>9}",
            c.name,
            secs(Some(wall[0])),
            secs(Some(wall[1])),
            wall[1].as_secs_f64() / wall[0].as_secs_f64(),
            secs(cpu[0]),
            secs(cpu[1]),
            c.cpu_ratio().map_or("?".into(), |r| format!("{r:.3}×")),
        );
        out.push(c);
    }
    println!();
    Ok(out)
}
