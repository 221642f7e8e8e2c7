//! Faults on demand, for tests of what surrounds the stages (the Python module's): compiled only
//! with the `fault-injection` feature, which no shipped build enables. A text holding
//! [`PANIC_MARKER`] makes the stages panic, as a bug would; one holding [`STALL_MARKER`] makes
//! them work for [`STALL`] before going on, as a pathological document might.

use std::time::Duration;

/// A text holding this makes the stages panic.
pub const PANIC_MARKER: &str = "\u{0}newsclaims:fault-injection:panic\u{0}";
/// A text holding this makes the stages stall for [`STALL`].
pub const STALL_MARKER: &str = "\u{0}newsclaims:fault-injection:stall\u{0}";
/// Long enough that a test waiting for an interrupt cannot mistake the stall's end for it.
pub const STALL: Duration = Duration::from_secs(120);

/// Panics or stalls when one of `texts` asks for it.
pub(crate) fn inject(texts: &[&str]) {
    if texts.iter().any(|t| t.contains(STALL_MARKER)) {
        std::thread::sleep(STALL);
    }
    if texts.iter().any(|t| t.contains(PANIC_MARKER)) {
        panic!("fault injection: a document asked the stages to panic");
    }
}
