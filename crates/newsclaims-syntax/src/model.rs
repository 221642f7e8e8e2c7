//! The embedded model `model/syntax.bin`: sparse weights per feature, quantised to i16. The POS
//! perceptron's table is laid out at compile time (`build.rs`) and read where it lies; the tag
//! dictionary is read on first use, and the chunker's table is laid out only when chunks are
//! asked for.

use std::cell::Cell;
use std::sync::LazyLock;

use newsclaims_text::hash::FxHashMap;

use crate::image;
use crate::sparse::Table;

use crate::{BEFORE_START, Pos, pos_features, pos_features_after};

/// Moves `bytes` past one perceptron without building its table.
fn skip_perceptron(bytes: &mut &[u8]) {
    let _n_tags = take_u32(bytes);
    let n_features = take_u32(bytes) as usize;
    for _ in 0..n_features {
        let _key = take_u32(bytes);
        let len = usize::from(take_u8(bytes));
        *bytes = &bytes[3 * len..];
    }
}

fn take_u8(bytes: &mut &[u8]) -> u8 {
    let b = bytes[0];
    *bytes = &bytes[1..];
    b
}

fn take_u32(bytes: &mut &[u8]) -> u32 {
    let v = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    *bytes = &bytes[4..];
    v
}

pub(crate) struct Model {
    /// Frequent words that had one tag in training nearly always: they take it without the
    /// perceptron (Honnibal's tag dictionary), which spares the costliest step for about half
    /// of the tokens of news text.
    known: FxHashMap<Box<str>, Pos>,
    pos: Table,
}

impl Model {
    /// Appends the tags of one sentence's words to `out`.
    pub(crate) fn tag_pos(&self, words: &[&str], out: &mut Vec<Pos>) {
        let start = out.len();
        for (i, w) in words.iter().enumerate() {
            let tag =
                match self.known.get(*w) {
                    Some(&tag) => tag,
                    None => Pos::from_index(self.pos.predict(|keys| {
                        pos_features(words, &out[start..], i, &mut |f| keys.push(f))
                    })),
                };
            out.push(tag);
        }
    }

    /// Fills `tags` up to `tags[i]` with the tags of a left-to-right pass over `words`,
    /// starting just after the last two words before `i` whose tags are known (see
    /// [`crate::tag_pos_at`]). `i` is below `words.len()`, and `tags` as long as `words`.
    pub(crate) fn tag_pos_at(&self, words: &[&str], tags: &[Cell<Option<Pos>>], i: usize) {
        // Whether the tag of word `j` is known: worked out before, or the word's in the tag
        // dictionary (then filled in).
        let known = |j: usize| -> bool {
            if tags[j].get().is_some() {
                return true;
            }
            let tag = self.known.get(words[j]).copied();
            tags[j].set(tag);
            tag.is_some()
        };
        if known(i) {
            return;
        }
        // Back from `i` to the first two words in a row with known tags (the tags before the
        // sentence are known: `BEFORE_START`). The walk looks every word from `start` on up in
        // the dictionary once: a tag still unknown after it is the perceptron's to work out.
        let mut start = i;
        let (mut k, mut run) = (i, 0);
        while k > 0 && run < 2 {
            k -= 1;
            if known(k) {
                run += 1;
            } else {
                (start, run) = (k, 0);
            }
        }
        // Every tag before `j` is known when word `j` is tagged.
        let tag_before = |j: usize, back: usize| {
            j.checked_sub(back)
                .and_then(|k| tags[k].get())
                .map_or(BEFORE_START, |t| t as u8)
        };
        for (j, cell) in tags.iter().enumerate().take(i + 1).skip(start) {
            if cell.get().is_some() {
                continue;
            }
            let (t1, t2) = (tag_before(j, 1), tag_before(j, 2));
            let tag = self
                .pos
                .predict(|keys| pos_features_after(words, j, t1, t2, &mut |f| keys.push(f)));
            cell.set(Some(Pos::from_index(tag)));
        }
    }
}

pub(crate) use crate::image::MAGIC;

static EMBEDDED: &[u8] = include_bytes!("../model/syntax.bin");

/// Bytes aligned to a cache line.
#[repr(C, align(64))]
struct Aligned<B: ?Sized>(B);

/// The POS perceptron's table as `image::encode` lays it out, made by `build.rs` from the
/// model file: read where it lies in the binary, aligned so that no slot spans two cache lines.
static POS_IMAGE: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/pos.bin")));

/// The tag dictionary and the POS perceptron, loaded on first use.
pub(crate) static MODEL: LazyLock<Model> = LazyLock::new(|| {
    let known = read_known(&mut body());
    let pos = Table::from_image(&POS_IMAGE.0);
    Model { known, pos }
});

/// The chunker, loaded on its own first use: the pipeline reads POS tags only, and should not
/// pay for building the chunker's table at start-up.
pub(crate) static CHUNKER: LazyLock<Table> =
    LazyLock::new(|| Table::from_image(Vec::leak(image::encode(&mut chunk_section()))));

/// The model file after its magic: the tag dictionary and the POS perceptron, then the chunker.
fn body() -> &'static [u8] {
    // The model file is generated by `cargo xtask train-syntax` and checked in CI; a corrupt one
    // is a build defect, not an input error.
    EMBEDDED
        .strip_prefix(MAGIC)
        .expect("model/syntax.bin is not a syntax model")
}

/// The chunker's part of the model file: what follows the tag dictionary and the POS
/// perceptron.
fn chunk_section() -> &'static [u8] {
    let mut rest = body();
    image::skip_dictionary(&mut rest);
    skip_perceptron(&mut rest);
    rest
}

fn read_known(bytes: &mut &[u8]) -> FxHashMap<Box<str>, Pos> {
    let n = take_u32(bytes) as usize;
    let mut known = FxHashMap::with_capacity_and_hasher(n, Default::default());
    for _ in 0..n {
        let len = usize::from(take_u8(bytes));
        let word = std::str::from_utf8(&bytes[..len]).expect("tag dictionary words are UTF-8");
        *bytes = &bytes[len..];
        let tag = take_u8(bytes);
        known.insert(word.into(), Pos::from_index(tag));
    }
    known
}
