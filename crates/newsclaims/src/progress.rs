//! Progress on standard error, drawn by indicatif: a bar of bytes done, with the rate and the
//! time left, when every input is a regular file (so the total is known); a spinner with the
//! documents and bytes done otherwise (standard input, folders). Hidden when standard error is
//! not a terminal or `--quiet` is given, so logs and pipes never see it.
//!
//! The bytes counted are the documents' text; JSON Lines carry some bytes besides the text, so
//! on them the bar ends a little short of full and the estimate errs on the long side.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub(crate) struct Progress {
    bar: ProgressBar,
    documents: u64,
}

/// How often the spinner turns when no document is done (a slow trickle of input).
const TICK: Duration = Duration::from_millis(120);

/// Redraws per second at most: more would cost time and flicker.
const REFRESH_HZ: u8 = 10;

impl Progress {
    pub(crate) fn new(quiet: bool, inputs: &[PathBuf]) -> Option<Progress> {
        if quiet || !std::io::stderr().is_terminal() {
            return None;
        }
        let total_bytes: Option<u64> = inputs
            .iter()
            .map(|p| {
                std::fs::metadata(p)
                    .ok()
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
            })
            .sum();
        let target = ProgressDrawTarget::stderr_with_hz(REFRESH_HZ);
        let bar = match total_bytes {
            Some(total) => ProgressBar::with_draw_target(Some(total), target).with_style(
                ProgressStyle::with_template(
                    "{bar:30} {bytes}/{total_bytes} {msg}, {binary_bytes_per_sec}, about {eta} left",
                )
                .expect("a valid template"),
            ),
            None => ProgressBar::with_draw_target(None, target).with_style(
                ProgressStyle::with_template(
                    "{spinner} {msg}, {bytes}, {binary_bytes_per_sec}, {elapsed}",
                )
                .expect("a valid template"),
            ),
        };
        bar.set_message("0 documents");
        bar.enable_steady_tick(TICK);
        Some(Progress { bar, documents: 0 })
    }

    /// Counts one written document of `bytes` bytes of text.
    pub(crate) fn document(&mut self, bytes: usize) {
        self.documents += 1;
        self.bar.inc(bytes as u64);
        let plural = if self.documents == 1 { "" } else { "s" };
        self.bar
            .set_message(format!("{} document{plural}", self.documents));
    }

    /// Clears the bar so that the summary starts on a clean line.
    pub(crate) fn finish(self) {
        self.bar.finish_and_clear();
    }
}
