//! How the bench prints: table rows, verdicts, units.

use std::time::Duration;

use super::{Corpus, Run};

pub(super) fn verdict(label: &str, ok: bool, figure: String) {
    println!("  {} {label}: {figure}", if ok { "ok  " } else { "MISS" });
}

pub(super) fn print_run(corpus: &Corpus, threads: &str, run: Run, speedup: Option<f64>) {
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

/// The machine's 1, 5 and 15 minute load averages: the figures above mean little when other
/// work kept the cores busy.
pub(super) fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or("unknown".into(), |s| {
        s.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    })
}

pub(super) fn percent(part: Duration, whole: Duration) -> f64 {
    if whole.is_zero() {
        0.0
    } else {
        100.0 * part.as_secs_f64() / whole.as_secs_f64()
    }
}

pub(super) fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

pub(super) fn megabytes(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 / 1024.0)
}

/// `1234567.8` as `1,234,568`.
pub(super) fn thousands(x: f64) -> String {
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
