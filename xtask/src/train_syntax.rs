//! `cargo xtask train-syntax [--check]`: trains the part-of-speech and chunk taggers of
//! `newsclaims-entities` on the POS and chunk columns of CoNLL-2003 train, reports accuracy on
//! dev, and writes `crates/newsclaims-entities/model/syntax.bin`. With `--check`, fails when the
//! committed model differs from what the code and data produce.

use std::path::Path;

use anyhow::{Context, Result, bail};
use newsclaims_entities::syntax::{self, Chunk, Pos, TrainingSentence};

use crate::{root, shared};

const EPOCHS: usize = 6;

pub(crate) fn run(args: &[String]) -> Result<()> {
    let check = args.iter().any(|a| a == "--check");
    let conll = shared().join("data/conll2003");
    let train_path = conll.join("train.txt");
    if !train_path.exists() {
        if check {
            println!(
                "train-syntax --check: {} is absent; nothing to compare",
                train_path.display()
            );
            return Ok(());
        }
        bail!(
            "{} is absent: the syntax model is trained from CoNLL-2003",
            train_path.display()
        );
    }
    let train = read_conll(&train_path)?;
    eprintln!("train-syntax: {} training sentences", train.len());
    let bytes = syntax::train(&train, EPOCHS, |line| eprintln!("train-syntax: {line}"));
    let model = root().join("crates/newsclaims-entities/model/syntax.bin");
    if check {
        let committed =
            std::fs::read(&model).with_context(|| format!("reading {}", model.display()))?;
        if committed != bytes {
            bail!(
                "{} is stale: run `cargo xtask train-syntax`",
                model.display()
            );
        }
        println!(
            "train-syntax --check: the committed model matches ({} bytes)",
            bytes.len()
        );
        return Ok(());
    }
    std::fs::write(&model, &bytes).with_context(|| format!("writing {}", model.display()))?;
    println!(
        "train-syntax: wrote {} ({} bytes); rebuild to evaluate on dev with `cargo xtask eval-syntax`",
        model.display(),
        bytes.len()
    );
    Ok(())
}

/// Accuracy of the embedded model on CoNLL dev.
pub(crate) fn eval() -> Result<()> {
    let dev = read_conll(&shared().join("data/conll2003/dev.txt"))?;
    let (mut pos_right, mut chunk_right, mut total) = (0, 0, 0);
    for s in &dev {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let (pos, chunks) = syntax::tag_words(&words);
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

/// Sentences of a CoNLL-2003 file (`token POS chunk NER` per line, blank lines between
/// sentences, `-DOCSTART-` lines between documents).
fn read_conll(path: &Path) -> Result<Vec<TrainingSentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    let mut current = TrainingSentence {
        words: Vec::new(),
        pos: Vec::new(),
        chunks: Vec::new(),
    };
    for (n, line) in text.lines().enumerate() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() || cols[0] == "-DOCSTART-" {
            if !current.words.is_empty() {
                out.push(std::mem::replace(
                    &mut current,
                    TrainingSentence {
                        words: Vec::new(),
                        pos: Vec::new(),
                        chunks: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let [word, pos, chunk, ..] = cols[..] else {
            bail!("{}:{}: expected 4 columns", path.display(), n + 1);
        };
        // `NN|SYM` occurs four times: keep the first tag.
        let pos = pos.split('|').next().unwrap_or(pos);
        current.words.push(word.to_string());
        current.pos.push(
            Pos::parse(pos)
                .with_context(|| format!("{}:{}: unknown POS {pos}", path.display(), n + 1))?,
        );
        current.chunks.push(
            Chunk::parse(chunk)
                .with_context(|| format!("{}:{}: unknown chunk {chunk}", path.display(), n + 1))?,
        );
    }
    if !current.words.is_empty() {
        out.push(current);
    }
    Ok(out)
}
