//! `cargo xtask train-syntax [--check]`: trains the part-of-speech and chunk taggers of
//! `newsclaims-syntax` on the POS and chunk columns of CoNLL-2003 train, reports accuracy on
//! dev, and writes `crates/newsclaims-syntax/model/syntax.bin`. With `--check`, fails when the
//! committed model differs from what the code and data produce.

use std::path::Path;

use anyhow::{Context, Result};
use newsclaims_syntax::train::{self, TrainingSentence};
use newsclaims_syntax::{Chunk, Pos};

use crate::{generated, root, shared};

const EPOCHS: usize = 6;

pub(crate) fn run(args: &[String]) -> Result<()> {
    let check = args.iter().any(|a| a == "--check");
    let conll = shared().join("data/conll2003");
    let train_path = conll.join("train.txt");
    if !generated::source_present(
        "train-syntax",
        &train_path,
        check,
        "the syntax model is trained from CoNLL-2003",
    )? {
        return Ok(());
    }
    let train = read_conll(&train_path)?;
    eprintln!("train-syntax: {} training sentences", train.len());
    let bytes = train::train(&train, EPOCHS, |line| eprintln!("train-syntax: {line}"));
    let model = root().join("crates/newsclaims-syntax/model/syntax.bin");
    generated::write_or_check("train-syntax", &[(model, bytes)], check)?;
    if !check {
        println!("train-syntax: rebuild to evaluate on dev with `cargo xtask eval-syntax`");
    }
    Ok(())
}

/// Accuracy of the embedded model on CoNLL dev.
pub(crate) fn eval() -> Result<()> {
    let dev = read_conll(&shared().join("data/conll2003/dev.txt"))?;
    let (mut pos_right, mut chunk_right, mut total) = (0, 0, 0);
    for s in &dev {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let (pos, chunks) = newsclaims_syntax::tag_words(&words);
        pos_right += pos.iter().zip(&s.pos).filter(|(a, b)| a == b).count();
        chunk_right += chunks.iter().zip(&s.chunks).filter(|(a, b)| a == b).count();
        total += words.len();
    }
    println!(
        "syntax on CoNLL-2003 dev ({total} tokens): POS accuracy {:.4}, chunk accuracy {:.4}",
        pos_right as f64 / total as f64,
        chunk_right as f64 / total as f64
    );
    Ok(())
}

/// Sentences of a CoNLL-2003 file, read by the name tagger's CoNLL reader.
fn read_conll(path: &Path) -> Result<Vec<TrainingSentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for sentence in newsclaims_entities::train::parse_conll(&text)
        .into_iter()
        .flat_map(|d| d.sentences)
    {
        let mut s = TrainingSentence {
            words: Vec::new(),
            pos: Vec::new(),
            chunks: Vec::new(),
        };
        for t in sentence {
            // `NN|SYM` occurs four times: keep the first tag.
            let pos = t.pos.split('|').next().unwrap_or(&t.pos);
            s.pos.push(
                Pos::parse(pos)
                    .with_context(|| format!("{}: unknown POS {pos}", path.display()))?,
            );
            s.chunks.push(
                Chunk::parse(&t.chunk)
                    .with_context(|| format!("{}: unknown chunk {}", path.display(), t.chunk))?,
            );
            s.words.push(t.word);
        }
        out.push(s);
    }
    Ok(out)
}
