//! A one-line progress report on standard error (documents, rate, and an estimate of the time
//! left when the input's size is known), shown only when standard error is a terminal and
//! `--quiet` is not given, so logs and pipes never see it.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

pub(crate) struct Progress {
    started: Instant,
    last: Instant,
    /// Bytes of input when every input is a regular file; `None` for stdin and folders.
    total_bytes: Option<u64>,
    documents: u64,
    text_bytes: u64,
    shown: bool,
}

/// How often the line is redrawn.
const EVERY: Duration = Duration::from_millis(200);

impl Progress {
    pub(crate) fn new(quiet: bool, inputs: &[PathBuf]) -> Option<Progress> {
        if quiet || !std::io::stderr().is_terminal() {
            return None;
        }
        let total_bytes = inputs
            .iter()
            .map(|p| {
                std::fs::metadata(p)
                    .ok()
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
            })
            .sum();
        let now = Instant::now();
        Some(Progress {
            started: now,
            last: now,
            total_bytes,
            documents: 0,
            text_bytes: 0,
            shown: false,
        })
    }

    /// Counts one written document of `bytes` bytes of text.
    pub(crate) fn document(&mut self, bytes: usize) {
        self.documents += 1;
        self.text_bytes += bytes as u64;
        let now = Instant::now();
        if now.duration_since(self.last) < EVERY {
            return;
        }
        self.last = now;
        let seconds = now.duration_since(self.started).as_secs_f64().max(1e-3);
        let rate = self.text_bytes as f64 / seconds;
        let mut line = format!(
            "\r{} documents, {:.1} MB, {:.0} documents/s, {:.2} MB/s",
            self.documents,
            self.text_bytes as f64 / 1e6,
            self.documents as f64 / seconds,
            rate / 1e6
        );
        // JSON Lines carry some bytes besides the text, so the estimate errs on the long side.
        if let Some(total) = self
            .total_bytes
            .filter(|&t| t > self.text_bytes && rate > 0.0)
        {
            let left = (total - self.text_bytes) as f64 / rate;
            line.push_str(&format!(", about {:.0} s left", left.ceil()));
        }
        line.push_str("   ");
        let _ = std::io::stderr().write_all(line.as_bytes());
        self.shown = true;
    }

    /// Clears the line so that the summary starts on a clean one.
    pub(crate) fn finish(self) {
        if self.shown {
            let _ = std::io::stderr().write_all(b"\r\x1b[2K");
        }
    }
}
