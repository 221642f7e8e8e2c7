//! Splits a paragraph into the small pieces the numeric rules read: letter runs, digit runs (with
//! their inner `, . : /` separators and a glued letter suffix such as `21st`, `5km`, `1990s`),
//! and single symbols. Each piece keeps its lowercase form in one buffer reused across paragraphs:
//! the paragraph with its ASCII letters lowercased, which is every ASCII piece's lowercase form at
//! the piece's own offset, then the lowercase forms of the other pieces (`É`, `’`) after it.
//!
//! The pieces do not depend on how the tokenizer splits `1,000`, `twenty-three` or `p.m.`: the
//! rules see the same pieces either way, and mentions are widened to token boundaries afterwards.

use newsclaims_text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Digits, maybe with inner separators and a letter suffix.
    Num,
    /// Letters, maybe with inner apostrophes (`o’clock`).
    Word,
    /// One symbol or punctuation char.
    Sym,
    /// A URL, hashtag or handle token: never part of a number.
    Opaque,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Piece {
    pub(super) span: Span,
    pub(super) kind: Kind,
    /// Whether whitespace separates this piece from the one before.
    pub(super) space_before: bool,
    /// For `Num`: the length in bytes of the digits part (the rest is a letter suffix).
    pub(super) digits: u32,
    /// For `Num`: how many separators (`, . : /`) the digits part has, by kind.
    pub(super) commas: u8,
    pub(super) dots: u8,
    pub(super) colons: u8,
    pub(super) slashes: u8,
    /// The lowercase form, as a range into [`Pieces::lower`].
    lo: (u32, u32),
}

/// The pieces of one paragraph.
#[derive(Default)]
pub(super) struct Pieces {
    pub(super) items: Vec<Piece>,
    lower: String,
    /// Where the paragraph starts in the text: its copy starts [`Pieces::lower`].
    base: usize,
}

impl Pieces {
    /// The lowercase text of piece `i`, or `""` past the end.
    pub(super) fn low(&self, i: usize) -> &str {
        match self.items.get(i) {
            Some(p) => &self.lower[p.lo.0 as usize..p.lo.1 as usize],
            None => "",
        }
    }

    /// Lexes `text[span]`, leaving the byte ranges in `opaque` (sorted) as single pieces.
    pub(super) fn lex(&mut self, text: &str, span: Span, opaque: &[Span]) {
        self.items.clear();
        self.lower.clear();
        self.base = span.start();
        // One copy and one vectorised pass, in place of a copy per piece.
        self.lower.push_str(&text[span]);
        self.lower.make_ascii_lowercase();
        let bytes = text.as_bytes();
        let mut i = span.start();
        let end = span.end();
        let mut space = true;
        let mut op = opaque.iter().peekable();
        while i < end {
            while op.peek().is_some_and(|o| o.end() <= i) {
                op.next();
            }
            if let Some(o) = op.peek().filter(|o| o.start() == i) {
                let e = o.end().min(end);
                self.push(text, i, e, Kind::Opaque, space, text[i..e].is_ascii());
                space = false;
                i = e;
                continue;
            }
            let c = match bytes[i] {
                b if b.is_ascii() => char::from(b),
                _ => text[i..].chars().next().unwrap_or(' '),
            };
            let w = c.len_utf8();
            if c.is_whitespace() {
                space = true;
                i += w;
                continue;
            }
            let start = i;
            if c.is_ascii_digit() {
                let number = number_at(bytes, start, end);
                i = number.end;
                self.push(text, start, i, Kind::Num, space, true);
                let p = self.items.last_mut().expect("just pushed");
                p.digits = number.digits;
                [p.commas, p.dots, p.colons, p.slashes] = number.separators;
            } else if c.is_alphabetic() {
                let ascii;
                (i, ascii) = word_end(text, start + w, end, w == 1);
                self.push(text, start, i, Kind::Word, space, ascii);
            } else {
                i += w;
                self.push(text, start, i, Kind::Sym, space, w == 1);
            }
            space = false;
        }
    }

    /// Adds the piece `text[start..end]`; `ascii` says whether it is all ASCII, so that its
    /// lowercase form lies in the paragraph's copy at the start of [`Pieces::lower`].
    fn push(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        kind: Kind,
        space_before: bool,
        ascii: bool,
    ) {
        let lo = if ascii {
            let at = start - self.base;
            (at as u32, (at + end - start) as u32)
        } else {
            let lo_start = self.lower.len();
            self.push_lower(&text[start..end]);
            (lo_start as u32, self.lower.len() as u32)
        };
        self.items.push(Piece {
            span: Span::new(start, end),
            kind,
            space_before,
            digits: 0,
            commas: 0,
            dots: 0,
            colons: 0,
            slashes: 0,
            lo,
        });
    }

    fn push_lower(&mut self, piece: &str) {
        for c in piece.chars() {
            // Curly apostrophes read as straight ones so `o’clock` and `o'clock` match alike.
            if c == '’' {
                self.lower.push('\'');
            } else {
                self.lower.extend(c.to_lowercase());
            }
        }
    }
}

/// A digit run starting at `start`: where it ends, with its inner separators and letter suffix.
struct Number {
    end: usize,
    /// The length in bytes of the digits part.
    digits: u32,
    /// How many `, . : /` the digits part has, in that order.
    separators: [u8; 4],
}

/// Reads the digits at `bytes[start..end]`, their inner `, . : /` (each before a digit) and a
/// glued letter suffix.
fn number_at(bytes: &[u8], start: usize, end: usize) -> Number {
    let mut separators = [0u8; 4];
    let mut i = start + 1;
    loop {
        while i < end && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let sep = if i + 1 < end { bytes[i] } else { 0 };
        let Some(k) = [b',', b'.', b':', b'/'].iter().position(|&s| s == sep) else {
            break;
        };
        if !bytes[i + 1].is_ascii_digit() {
            break;
        }
        separators[k] = separators[k].saturating_add(1);
        i += 1;
    }
    let digits = (i - start) as u32;
    while i < end && bytes[i].is_ascii_alphabetic() {
        i += 1;
    }
    Number {
        end: i,
        digits,
        separators,
    }
}

/// Where the word whose first letter ends at `i` ends (letters, and apostrophes between letters:
/// `o’clock`), and whether it is all ASCII (`ascii`: whether its first letter is).
fn word_end(text: &str, mut i: usize, end: usize, mut ascii: bool) -> (usize, bool) {
    let bytes = text.as_bytes();
    while i < end {
        match bytes[i] {
            // An ASCII letter, as the general test below would find, undecoded.
            b if b.is_ascii_alphabetic() => {
                i += 1;
                continue;
            }
            // Any other ASCII char but an apostrophe ends the word: most words end at a space
            // or a punctuation mark, answered without decoding it.
            b if b.is_ascii() && b != b'\'' => break,
            _ => {}
        }
        let d = text[i..].chars().next().unwrap_or(' ');
        let apostrophe = matches!(d, '\'' | '’')
            && text[i + d.len_utf8()..end]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic);
        if d.is_alphabetic() || apostrophe {
            ascii &= d.is_ascii();
            i += d.len_utf8();
        } else {
            break;
        }
    }
    (i, ascii)
}
