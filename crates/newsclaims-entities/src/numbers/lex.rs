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
                let (mut commas, mut dots, mut colons, mut slashes) = (0u8, 0u8, 0u8, 0u8);
                i += 1;
                loop {
                    while i < end && bytes[i].is_ascii_digit() {
                        i += 1;
                    }
                    let sep = if i + 1 < end { bytes[i] } else { 0 };
                    if matches!(sep, b',' | b'.' | b':' | b'/') && bytes[i + 1].is_ascii_digit() {
                        let n = match sep {
                            b',' => &mut commas,
                            b'.' => &mut dots,
                            b':' => &mut colons,
                            _ => &mut slashes,
                        };
                        *n = n.saturating_add(1);
                        i += 1;
                    } else {
                        break;
                    }
                }
                let digits = i - start;
                while i < end && bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
                self.push(text, start, i, Kind::Num, space, true);
                let p = self.items.last_mut().expect("just pushed");
                p.digits = digits as u32;
                p.commas = commas;
                p.dots = dots;
                p.colons = colons;
                p.slashes = slashes;
            } else if c.is_alphabetic() {
                let mut ascii = w == 1;
                i += w;
                while i < end {
                    match bytes[i] {
                        // An ASCII letter, as the general test below would find, undecoded.
                        b if b.is_ascii_alphabetic() => {
                            i += 1;
                            continue;
                        }
                        // Any other ASCII char but an apostrophe ends the word: most words end
                        // at a space or a punctuation mark, answered without decoding it.
                        b if b.is_ascii() && b != b'\'' => break,
                        _ => {}
                    }
                    let d = text[i..].chars().next().unwrap_or(' ');
                    // Letters, and apostrophes between letters (`o’clock`).
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
