//! Part-of-speech tags (a typed [`Pos`]) and phrase chunks, from two greedy averaged perceptrons
//! trained on the POS and chunk columns of CoNLL-2003 (`cargo xtask train-syntax`, the trainer
//! behind the `train` feature).
//!
//! The claims stage uses them to find the subject noun phrase of a speech verb and the clause it
//! reports. Tags are Penn Treebank tags; chunks are IOB tags over NP, VP, PP, SBAR, ADJP, ADVP ...
//!
//! Tagging never fails and allocates only the output vectors. Weights are embedded in the binary
//! (`model/syntax.bin`) and loaded once, on first use.

use newsclaims_text::Span;
use newsclaims_text::fold::{fold_char, fold_typography};

mod image;
mod model;
mod sparse;
#[cfg(feature = "train")]
pub mod train;

#[cfg(feature = "train")]
pub(crate) use crate::model::MAGIC;
use crate::model::{CHUNKER, MODEL};
use newsclaims_tokenize::Tokens;

/// Part-of-speech and chunk tags of every token of a text, parallel to `Tokens::tokens`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Syntax {
    pub pos: Vec<Pos>,
    pub chunks: Vec<Chunk>,
}

/// A Penn Treebank part-of-speech tag. The discriminant is the tag's index in [`Pos::NAMES`]
/// and in the model file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
// The Treebank's own tag names read best (`Pos::VBG`); punctuation tags are spelled out.
#[allow(clippy::upper_case_acronyms)]
pub enum Pos {
    #[default]
    NNP,
    NN,
    CD,
    IN,
    DT,
    JJ,
    NNS,
    VBD,
    /// `.`: a sentence-final mark
    Period,
    /// `,`
    Comma,
    VB,
    VBN,
    RB,
    CC,
    TO,
    PRP,
    /// `)`
    RightParen,
    /// `(`
    LeftParen,
    VBG,
    VBZ,
    /// `:`, also dashes and semicolons
    Colon,
    /// `"`, an opening quotation mark
    Quote,
    /// A possessive ending
    POS,
    /// `PRP$`: a possessive pronoun
    PRPS,
    VBP,
    MD,
    NNPS,
    WP,
    RP,
    WDT,
    SYM,
    /// `$`
    Dollar,
    WRB,
    JJR,
    JJS,
    FW,
    RBR,
    EX,
    RBS,
    /// `''`: a closing quotation mark
    CloseQuote,
    PDT,
    UH,
    /// `WP$`: a possessive wh-pronoun
    WPS,
    LS,
    /// `-X-`: the CoNLL document-start token
    X,
}

impl Pos {
    /// Every tag, in the order of [`Pos::NAMES`].
    pub const ALL: [Pos; 45] = [
        Pos::NNP,
        Pos::NN,
        Pos::CD,
        Pos::IN,
        Pos::DT,
        Pos::JJ,
        Pos::NNS,
        Pos::VBD,
        Pos::Period,
        Pos::Comma,
        Pos::VB,
        Pos::VBN,
        Pos::RB,
        Pos::CC,
        Pos::TO,
        Pos::PRP,
        Pos::RightParen,
        Pos::LeftParen,
        Pos::VBG,
        Pos::VBZ,
        Pos::Colon,
        Pos::Quote,
        Pos::POS,
        Pos::PRPS,
        Pos::VBP,
        Pos::MD,
        Pos::NNPS,
        Pos::WP,
        Pos::RP,
        Pos::WDT,
        Pos::SYM,
        Pos::Dollar,
        Pos::WRB,
        Pos::JJR,
        Pos::JJS,
        Pos::FW,
        Pos::RBR,
        Pos::EX,
        Pos::RBS,
        Pos::CloseQuote,
        Pos::PDT,
        Pos::UH,
        Pos::WPS,
        Pos::LS,
        Pos::X,
    ];

    pub const NAMES: &'static [&'static str] = &[
        "NNP", "NN", "CD", "IN", "DT", "JJ", "NNS", "VBD", ".", ",", "VB", "VBN", "RB", "CC", "TO",
        "PRP", ")", "(", "VBG", "VBZ", ":", "\"", "POS", "PRP$", "VBP", "MD", "NNPS", "WP", "RP",
        "WDT", "SYM", "$", "WRB", "JJR", "JJS", "FW", "RBR", "EX", "RBS", "''", "PDT", "UH", "WP$",
        "LS", "-X-",
    ];

    pub fn as_str(self) -> &'static str {
        Pos::NAMES[self as usize]
    }

    pub fn parse(s: &str) -> Option<Pos> {
        Pos::NAMES.iter().position(|&n| n == s).map(|k| Pos::ALL[k])
    }

    /// The tag with index `k` of the model file. A model's tags are all below 45: another is a
    /// build defect, not an input error.
    fn from_index(k: u8) -> Pos {
        Pos::ALL[usize::from(k)]
    }

    /// Any verb form, modal excluded.
    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Pos::VB | Pos::VBD | Pos::VBG | Pos::VBN | Pos::VBP | Pos::VBZ
        )
    }

    /// A finite verb or a modal: past, present, or `MD` (`said`, `says`, `say`, `will`).
    pub fn is_finite(self) -> bool {
        matches!(self, Pos::VBD | Pos::VBZ | Pos::VBP | Pos::MD)
    }

    pub fn is_noun(self) -> bool {
        matches!(self, Pos::NN | Pos::NNS | Pos::NNP | Pos::NNPS)
    }

    /// A personal or possessive pronoun.
    pub fn is_pronoun(self) -> bool {
        matches!(self, Pos::PRP | Pos::PRPS | Pos::WP | Pos::WPS)
    }
}

/// A chunk tag: the phrase type and whether the token begins the phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chunk(u8);

impl Chunk {
    pub const NAMES: &'static [&'static str] = &[
        "O", "B-NP", "I-NP", "B-VP", "I-VP", "B-PP", "I-PP", "B-ADJP", "I-ADJP", "B-ADVP",
        "I-ADVP", "B-SBAR", "I-SBAR", "B-PRT", "I-PRT", "B-INTJ", "I-INTJ", "B-CONJP", "I-CONJP",
        "B-LST", "I-LST", "B-UCP", "I-UCP",
    ];

    pub fn as_str(self) -> &'static str {
        Chunk::NAMES[self.0 as usize]
    }

    pub fn parse(s: &str) -> Option<Chunk> {
        Chunk::NAMES
            .iter()
            .position(|&n| n == s)
            .map(|k| Chunk(k as u8))
    }

    /// The phrase type (`NP`, `VP` ...), or `O`.
    pub fn phrase(self) -> &'static str {
        let name = self.as_str();
        name.split_once('-').map_or(name, |(_, p)| p)
    }

    pub fn begins(self) -> bool {
        self.as_str().starts_with("B-")
    }
}

/// Tags every token of `text`.
pub fn analyze(text: &str, tokens: &Tokens) -> Syntax {
    let mut syntax = Syntax {
        pos: Vec::with_capacity(tokens.tokens.len()),
        chunks: Vec::with_capacity(tokens.tokens.len()),
    };
    let mut words: Vec<&str> = Vec::new();
    for sentence in &tokens.sentences {
        words.clear();
        words.extend(
            tokens.tokens[sentence.tokens.clone()]
                .iter()
                .map(|t| &text[t.span]),
        );
        tag_sentence(&words, &mut syntax);
    }
    syntax
}

/// Appends the POS tags and the chunks of one sentence's words to `out`.
fn tag_sentence(words: &[&str], out: &mut Syntax) {
    let start = out.pos.len();
    MODEL.tag_pos(words, &mut out.pos);
    for i in 0..words.len() {
        let tag = CHUNKER.predict(|keys| {
            chunk_features(
                words,
                &out.pos[start..],
                &out.chunks[start..],
                i,
                &mut |f| keys.push(f),
            )
        });
        out.chunks.push(Chunk(tag));
    }
}

/// Part-of-speech tags of one sentence's words, appended to `out`. Tagging reads nothing outside
/// the sentence, so tagging sentences one at a time, in any order, gives the tags [`analyze`]
/// gives: a caller that needs the tags of a few sentences can tag just those.
pub fn tag_sentence_pos(words: &[&str], out: &mut Vec<Pos>) {
    MODEL.tag_pos(words, out);
}

/// The part-of-speech tag of word `i` of a sentence, working out only the tags it depends on.
/// `tags`, parallel to `words`, holds the tags of the sentence worked out so far (`None` for the
/// others): the call fills in the tags it works out, up to word `i`'s. `None` when `i` is past
/// the end or `tags` is not as long as `words`.
///
/// The tags are those [`tag_sentence_pos`] gives. The tagger reads the sentence left to right,
/// and a word's tag depends on its words and the two tags before it; a word of the tag dictionary
/// takes its tag whatever they are. So tagging can start just after any two words whose tags
/// are known, rather than at the sentence start, and stop at word `i`: a caller that needs the
/// tags of a few words of a sentence (the claims stage, around its cue words) tags a fraction of
/// its words.
pub fn tag_pos_at(words: &[&str], tags: &[std::cell::Cell<Option<Pos>>], i: usize) -> Option<Pos> {
    if i >= words.len() || tags.len() != words.len() {
        return None;
    }
    if let Some(tag) = tags[i].get() {
        return Some(tag);
    }
    MODEL.tag_pos_at(words, tags, i);
    tags[i].get()
}

/// The noun-phrase chunks of a sentence's tokens, as token index ranges.
pub fn noun_phrases(
    syntax: &Syntax,
    tokens: std::ops::Range<usize>,
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for i in tokens.clone() {
        let chunk = syntax.chunks[i];
        let continues = chunk.phrase() == "NP" && !chunk.begins();
        if let Some(s) = open
            && !continues
        {
            out.push(s..i);
            open = None;
        }
        if chunk.phrase() == "NP" && (chunk.begins() || open.is_none()) && open.is_none() {
            open = Some(i);
        }
    }
    if let Some(s) = open {
        out.push(s..tokens.end);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Features. Each feature is a 32-bit hash of a template number and the strings it looks at; the
// strings are hashed char by char (folded by `newsclaims_text::fold`), so no
// feature allocates.

/// The tag feature of a position before the sentence: no real tag has this index.
const BEFORE_START: u8 = 250;
/// The tag feature of a position after the sentence.
const PAST_END: u8 = 251;

const START: &str = "-START-";
const END: &str = "-END-";

#[derive(Clone, Copy)]
struct FeatureHasher(u64);

impl FeatureHasher {
    fn new(template: u8) -> FeatureHasher {
        FeatureHasher(0xcbf2_9ce4_8422_2325 ^ u64::from(template).wrapping_mul(0x100_0000_01b3))
    }

    fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }

    // Out of line: inlined at each of the 16 strings of a POS template set, it made the
    // feature function three times larger, and the tagger runs between the claims rules' steps,
    // which evict its code from the instruction cache (cachegrind: -240,000 I1 misses on 400
    // BBC articles, for +0.1% instructions).
    #[inline(never)]
    fn str(self, s: &str) -> FeatureHasher {
        // ASCII, nearly every word, in one pass: the same bytes as the general loop, since
        // folding changes no ASCII char but A-Z.
        let mut h = self;
        for b in s.bytes() {
            if !b.is_ascii() {
                return self.str_wide(s);
            }
            h.byte(b.to_ascii_lowercase());
        }
        h.byte(0xff);
        h
    }

    /// [`FeatureHasher::str`] of a string with a char outside ASCII.
    #[inline(never)]
    fn str_wide(mut self, s: &str) -> FeatureHasher {
        for c in s.chars().flat_map(fold_char) {
            let mut buf = [0u8; 4];
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                self.byte(b);
            }
        }
        self.byte(0xff);
        self
    }

    fn tag(mut self, tag: u8) -> FeatureHasher {
        self.byte(tag);
        self.byte(0xfe);
        self
    }

    fn finish(self) -> u32 {
        let h = self.0 ^ (self.0 >> 29);
        (h.wrapping_mul(0xbf58_476d_1ce4_e5b9) >> 32) as u32
    }
}

fn suffix(word: &str, n: usize) -> &str {
    if word.is_ascii() {
        // The same slice as the char walk below: an ASCII char is one byte.
        return &word[word.len().saturating_sub(n)..];
    }
    let start = word.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &word[start..]
}

fn prefix(word: &str, n: usize) -> &str {
    if word.is_ascii() {
        return &word[..n.min(word.len())];
    }
    let end = word.char_indices().nth(n).map_or(word.len(), |(i, _)| i);
    &word[..end]
}

/// A word's shape with runs collapsed: `Stoltenberg` → `Xx`, `U.S.` → `X.X.`, `1996-08-22` → `d-d-d`.
fn shape_hash(word: &str, h: FeatureHasher) -> FeatureHasher {
    let mut h = h;
    let mut last = 0u8;
    for c in word.chars() {
        let class = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_alphabetic() {
            b'a'
        } else {
            let f = fold_typography(c);
            if f.is_ascii() { f as u8 } else { b'*' }
        };
        if class != last {
            h.byte(class);
            last = class;
        }
    }
    h
}

fn word_at<'a>(words: &[&'a str], i: isize) -> &'a str {
    if i < 0 {
        START
    } else {
        words.get(i as usize).copied().unwrap_or(END)
    }
}

fn pos_features(words: &[&str], tags: &[Pos], i: usize, emit: &mut impl FnMut(u32)) {
    let t1 = if i >= 1 {
        tags[i - 1] as u8
    } else {
        BEFORE_START
    };
    let t2 = if i >= 2 {
        tags[i - 2] as u8
    } else {
        BEFORE_START
    };
    pos_features_after(words, i, t1, t2, emit);
}

/// [`pos_features`] of word `i` after the tags `t1` (of the word before) and `t2` (two before),
/// [`BEFORE_START`] before the sentence: a word's features read no other tag.
fn pos_features_after(words: &[&str], i: usize, t1: u8, t2: u8, emit: &mut impl FnMut(u32)) {
    let w = words[i];
    let ii = i as isize;
    let f = FeatureHasher::new;
    emit(f(0).finish());
    emit(f(1).str(w).finish());
    emit(f(2).str(suffix(w, 3)).finish());
    emit(f(3).str(suffix(w, 2)).finish());
    emit(f(4).str(prefix(w, 1)).finish());
    emit(f(5).tag(t1).finish());
    emit(f(6).tag(t1).tag(t2).finish());
    emit(f(7).tag(t1).str(w).finish());
    emit(f(8).str(word_at(words, ii - 1)).finish());
    emit(f(9).str(suffix(word_at(words, ii - 1), 3)).finish());
    emit(f(10).str(word_at(words, ii - 2)).finish());
    emit(f(11).str(word_at(words, ii + 1)).finish());
    emit(f(12).str(suffix(word_at(words, ii + 1), 3)).finish());
    emit(f(13).str(word_at(words, ii + 2)).finish());
    emit(shape_hash(w, f(14)).finish());
    let capitalised = w.chars().next().is_some_and(char::is_uppercase);
    emit(
        f(15)
            .tag(u8::from(capitalised) + 2 * u8::from(i == 0))
            .finish(),
    );
    emit(f(16).str(suffix(w, 1)).finish());
    emit(f(17).str(suffix(w, 4)).finish());
    emit(f(18).str(word_at(words, ii - 1)).str(w).finish());
}

fn chunk_features(
    words: &[&str],
    tags: &[Pos],
    chunks: &[Chunk],
    i: usize,
    emit: &mut impl FnMut(u32),
) {
    let p = |k: isize| -> u8 {
        let j = i as isize + k;
        if j < 0 {
            BEFORE_START
        } else {
            tags.get(j as usize).map_or(PAST_END, |&t| t as u8)
        }
    };
    let c1 = if i >= 1 {
        chunks[i - 1].0
    } else {
        BEFORE_START
    };
    let c2 = if i >= 2 {
        chunks[i - 2].0
    } else {
        BEFORE_START
    };
    let ii = i as isize;
    let w = words[i];
    let f = FeatureHasher::new;
    emit(f(40).finish());
    emit(f(41).tag(p(0)).finish());
    emit(f(42).tag(p(-1)).finish());
    emit(f(43).tag(p(1)).finish());
    emit(f(44).tag(p(-2)).finish());
    emit(f(45).tag(p(2)).finish());
    emit(f(46).tag(p(-1)).tag(p(0)).finish());
    emit(f(47).tag(p(0)).tag(p(1)).finish());
    emit(f(48).tag(c1).finish());
    emit(f(49).tag(c1).tag(p(0)).finish());
    emit(f(50).tag(c1).tag(c2).finish());
    emit(f(51).str(w).finish());
    emit(f(52).str(w).tag(p(0)).finish());
    emit(f(53).str(word_at(words, ii - 1)).finish());
    emit(f(54).str(word_at(words, ii + 1)).finish());
    emit(f(55).tag(p(-1)).tag(p(0)).tag(p(1)).finish());
    emit(f(56).tag(c1).tag(p(-1)).tag(p(0)).finish());
}

/// Tags pre-tokenized sentences with the embedded model (for evaluation on CoNLL dev).
pub fn tag_words(words: &[&str]) -> (Vec<Pos>, Vec<Chunk>) {
    let mut syntax = Syntax::default();
    tag_sentence(words, &mut syntax);
    (syntax.pos, syntax.chunks)
}

/// The span of a token range.
pub fn span_of(tokens: &Tokens, range: std::ops::Range<usize>) -> Span {
    tokens.tokens[range.start]
        .span
        .cover(tokens.tokens[range.end - 1].span)
}
