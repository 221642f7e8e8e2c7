//! An input's bytes as the reader sees them: [`Stream`], a buffered reader that first gives back
//! the bytes read to tell what the input holds ([`sniff`]), and can tell whether reading the
//! next line might wait for a writer ([`Stream::would_wait`]), so that a trickle of JSON Lines on
//! a pipe is answered line by line.

use std::io::{self, BufRead, BufReader, Read};
use std::os::fd::AsFd;

use newsclaims_cli::jsonl::BOM;
use rustix::event::{PollFd, PollFlags, Timespec};

/// Bytes of white space (after a byte-order mark) read at most to see what an input holds.
const SNIFF_BYTES: usize = 1 << 16;

/// Bytes read from an input at a time.
const BUFFER_BYTES: usize = 1 << 20;

/// What an input is read from: a file or standard input.
pub(super) trait Descriptor: Read + AsFd {}

impl<T: Read + AsFd> Descriptor for T {}

/// A buffered input: the bytes `sniff` read first, then the rest.
pub(super) struct Stream {
    prefix: Vec<u8>,
    at: usize,
    inner: BufReader<Box<dyn Descriptor>>,
    /// Not a regular file (a pipe, a terminal): a read may wait for a writer.
    may_wait: bool,
}

impl Stream {
    pub(super) fn new(input: Box<dyn Descriptor>) -> Stream {
        let regular = input
            .as_fd()
            .try_clone_to_owned()
            .map(std::fs::File::from)
            .and_then(|f| f.metadata())
            .is_ok_and(|m| m.is_file());
        Stream {
            prefix: Vec::new(),
            at: 0,
            inner: BufReader::with_capacity(BUFFER_BYTES, input),
            may_wait: !regular,
        }
    }

    /// Puts `bytes` back in front of what is still to be read.
    pub(super) fn unread(&mut self, bytes: Vec<u8>) {
        self.prefix = bytes;
        self.at = 0;
    }

    /// Whether reading the next line might wait: no whole line is at hand and the pipe has
    /// nothing more yet (nor its end). A regular file never waits.
    pub(super) fn would_wait(&self) -> bool {
        if !self.may_wait || self.at < self.prefix.len() || self.inner.buffer().contains(&b'\n') {
            return false;
        }
        let fd = self.inner.get_ref().as_fd();
        let mut fds = [PollFd::new(&fd, PollFlags::IN)];
        let now = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // Ready (bytes, the end, an error) or the question failed: a read would not wait long.
        rustix::event::poll(&mut fds, Some(&now)).is_ok_and(|ready| ready == 0)
    }
}

impl Read for Stream {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let buf = self.fill_buf()?;
        let n = buf.len().min(out.len());
        out[..n].copy_from_slice(&buf[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Stream {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.at < self.prefix.len() {
            return Ok(&self.prefix[self.at..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        if self.at < self.prefix.len() {
            self.at += n;
        } else {
            self.inner.consume(n);
        }
    }
}

/// Reads at most `max` bytes, cut back to a UTF-8 character boundary when the input holds more
/// (then the flag is set). The rest is not read: a named input may be endless (`/dev/zero`).
pub(super) fn read_capped(reader: impl Read, max: usize) -> io::Result<(Vec<u8>, bool)> {
    let mut bytes = Vec::new();
    reader
        .take((max as u64).saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() <= max {
        return Ok((bytes, false));
    }
    bytes.truncate(max);
    // Drop a last character the limit split, so the cut adds no invalid UTF-8.
    let lead = bytes
        .iter()
        .rev()
        .take(4)
        .position(|&b| b & 0xC0 != 0x80)
        .map(|back| bytes.len() - 1 - back);
    if let Some(lead) = lead {
        let want = match bytes[lead] {
            0xF0.. => 4,
            0xE0.. => 3,
            0xC0.. => 2,
            _ => 1,
        };
        if lead + want > bytes.len() {
            bytes.truncate(lead);
        }
    }
    Ok((bytes, true))
}

/// Reads the start of `reader` up to its first byte that is not white space (after a byte-order
/// mark, which may come split over several reads of a slow pipe): the bytes read, to be read
/// again, and that byte (`None` for input of nothing but white space).
pub(super) fn sniff(reader: &mut dyn BufRead) -> io::Result<(Vec<u8>, Option<u8>)> {
    let mut prefix = Vec::new();
    loop {
        let body = if prefix.starts_with(BOM) {
            &prefix[BOM.len()..]
        } else if BOM.starts_with(&prefix) {
            // Perhaps a byte-order mark still coming.
            &[][..]
        } else {
            &prefix[..]
        };
        if let Some(&b) = body.iter().find(|b| !b.is_ascii_whitespace()) {
            return Ok((prefix, Some(b)));
        }
        if prefix.len() > SNIFF_BYTES {
            return Ok((prefix, None));
        }
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            // A lone start of a byte-order mark is text.
            let first = (!prefix.is_empty() && !prefix.starts_with(BOM)).then(|| prefix[0]);
            return Ok((prefix, first));
        }
        // One byte at a time while a byte-order mark may be coming, then a buffer at once.
        let take = if prefix.len() < BOM.len() {
            1
        } else {
            buf.len()
        };
        prefix.extend_from_slice(&buf[..take]);
        reader.consume(take);
    }
}
