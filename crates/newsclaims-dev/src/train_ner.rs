//! `cargo xtask train-ner [--check | --speed | --cv | --seed K]`: derives the gazetteer
//! lexicons, trains the name tagger of `newsclaims-entities` on CoNLL-2003 train (reporting entity
//! F1 on dev after each epoch) and writes `crates/newsclaims-entities/{lexicons/*.txt,
//! model/ner.bin}`.
//!
//! The committed model is the mean of [`MIX`] models trained in different document orders;
//! `--mix N` mixes N instead (for `--cv` too).
//!
//! `--cv [--folds K] [--seeds N] [--epochs E]` writes nothing: it reports K-fold
//! cross-validation on train and dev, per epoch, for N training seeds (mean and spread).
//! `--seed K` writes a model trained with the K-th of those seeds instead of the committed one
//! (to score the spread through the whole pipeline; never committed).
//!
//! `--check` re-derives everything in memory (training takes well under a minute) and fails when
//! the committed bytes differ. `--speed` times the embedded tagger alone on the news corpora.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use newsclaims_entities::train::{self, Resources};

use crate::{generated, root, shared};

mod cv;
mod text;

use cv::cross_validate;
use text::{cluster_texts, news_texts};

/// Passes over the training data; chosen on dev (see the crate README).
const EPOCHS: usize = 14;
/// Models trained in different document orders whose weights are averaged into the committed one.
const MIX: usize = 3;

pub(crate) fn run(args: &[String]) -> Result<()> {
    let check = args.iter().any(|a| a == "--check");
    if args.iter().any(|a| a == "--speed") {
        return speed();
    }
    let cv = args.iter().any(|a| a == "--cv");
    let Some(inputs) = Inputs::read(args, check || cv)? else {
        return Ok(());
    };
    if cv {
        return cross_validate(args, &inputs);
    }
    let started = Instant::now();
    let model = train::train(
        &inputs.train,
        &inputs.dev,
        &inputs.resources(),
        EPOCHS,
        &cv::seeds(cv::option(args, "--seed", 0)?, args)?,
        |epoch, c| {
            eprintln!(
                "train-ner: epoch {epoch:2} dev F1 {} {:.1}s",
                by_type(&c),
                started.elapsed().as_secs_f64()
            );
        },
    );
    let crate_dir = root().join("crates/newsclaims-entities");
    let mut outputs: Vec<(PathBuf, Vec<u8>)> = inputs
        .lexicons
        .into_iter()
        .map(|(name, text)| (crate_dir.join("lexicons").join(name), text.into_bytes()))
        .collect();
    outputs.push((
        crate_dir.join("model/clusters.txt"),
        inputs.clusters.into_bytes(),
    ));
    outputs.push((crate_dir.join("model/ner.bin"), model));
    generated::write_or_check("train-ner", &outputs, check)
}

/// Everything training reads: CoNLL train and dev, the derived lexicons, the first names, the
/// known names and the word clusters.
struct Inputs {
    train: Vec<train::ConllDoc>,
    dev: Vec<train::ConllDoc>,
    lexicons: Vec<(&'static str, String)>,
    first_names: String,
    /// `names.tsv`, the known names, also build-lexicons' output.
    names: String,
    clusters: String,
}

impl Inputs {
    /// Reads and derives the inputs; `None` (after a notice) when CoNLL-2003 is absent and
    /// `required` is false.
    fn read(args: &[String], required: bool) -> Result<Option<Inputs>> {
        let data = shared().join("data");
        let train_path = data.join("conll2003/train.txt");
        if !generated::source_present(
            "train-ner",
            &train_path,
            required,
            "the name tagger is trained on CoNLL-2003",
        )? {
            return Ok(None);
        }
        let crate_dir = root().join("crates/newsclaims-entities");
        let gazetteers: Vec<String> = train::GAZETTEER_FILES
            .iter()
            .map(|f| read(&data.join("gazetteers").join(f)))
            .collect::<Result<_>>()?;
        let gazetteers: Vec<&str> = gazetteers.iter().map(String::as_str).collect();
        let lexicons = train::build_lexicons(&gazetteers);
        // The last lexicons, the first names and the known names, are build-lexicons' output,
        // read as committed.
        let first_names = read(&crate_dir.join("lexicons/first_names.tsv"))?;
        let names = read(&crate_dir.join("lexicons/names.tsv"))?;
        let train = train::parse_conll(&read(&train_path)?);
        let clusters = if args.iter().any(|a| a == "--no-clusters") {
            read(&crate_dir.join("model/clusters.txt"))?
        } else {
            let started = Instant::now();
            let clusters = derive_clusters(&train)?;
            eprintln!(
                "train-ner: word clusters derived in {:.1}s",
                started.elapsed().as_secs_f64()
            );
            clusters
        };
        let dev = train::parse_conll(&read(&data.join("conll2003/dev.txt"))?);
        Ok(Some(Inputs {
            train,
            dev,
            lexicons,
            first_names,
            names,
            clusters,
        }))
    }

    fn resources(&self) -> Resources<'_> {
        Resources {
            lexicons: self
                .lexicons
                .iter()
                .map(|(_, text)| text.as_str())
                .chain([self.first_names.as_str(), self.names.as_str()])
                .collect(),
            clusters: &self.clusters,
        }
    }
}

/// `F1 (PER .. ORG .. LOC .. MISC ..)` of one set of counts.
fn by_type(c: &[train::Counts; 5]) -> String {
    format!(
        "{:.4} (PER {:.4} ORG {:.4} LOC {:.4} MISC {:.4})",
        c[4].f1(),
        c[0].f1(),
        c[1].f1(),
        c[2].f1(),
        c[3].f1()
    )
}

/// Word clusters from [`cluster_texts`] and the CoNLL training text (its words only, not its
/// labels). The news is split by [`split_words`] rather than by the project's tokenizer, so that
/// the committed clusters do not go stale whenever the tokenizer improves.
fn derive_clusters(train_docs: &[train::ConllDoc]) -> Result<String> {
    let texts = cluster_texts()?;
    let mut documents: Vec<Vec<&str>> = texts.iter().map(|t| split_words(t)).collect();
    for doc in train_docs {
        documents.push(
            doc.sentences
                .iter()
                .flat_map(|s| s.iter().map(|t| t.word.as_str()))
                .collect(),
        );
    }
    Ok(train::derive_clusters(&documents))
}

/// Splits text at white space, then peels punctuation off both ends of each piece, one char per
/// token, and a possessive `'s` off its end.
fn split_words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for piece in text.split_whitespace() {
        let mut word = piece;
        while let Some(c) = word.chars().next().filter(|c| !c.is_alphanumeric()) {
            out.push(&word[..c.len_utf8()]);
            word = &word[c.len_utf8()..];
        }
        let mut tail = Vec::new();
        while let Some(c) = word.chars().next_back().filter(|c| !c.is_alphanumeric()) {
            let at = word.len() - c.len_utf8();
            tail.push(&word[at..]);
            word = &word[..at];
        }
        for possessive in ["'s", "’s"] {
            if word.len() > possessive.len()
                && let Some(stem) = word.strip_suffix(possessive)
            {
                out.push(stem);
                word = &word[stem.len()..];
                break;
            }
        }
        if !word.is_empty() {
            out.push(word);
        }
        out.extend(tail.into_iter().rev());
    }
    out
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

/// Times the tagger alone (tokenizing first, outside the clock) over the news corpora.
fn speed() -> Result<()> {
    let texts = news_texts()?;
    let load = Instant::now();
    let loaded = train::load();
    let load = load.elapsed();
    let tokenized: Vec<_> = texts
        .iter()
        .map(|t| newsclaims_tokenize::tokenize(t))
        .collect();
    let n_tokens: usize = tokenized.iter().map(|t| t.tokens.len()).sum();
    let started = Instant::now();
    let cpu_started = thread_cpu_seconds();
    let mut names = 0;
    for (text, tokens) in texts.iter().zip(&tokenized) {
        names += train::tag_names(text, tokens).len();
    }
    let secs = started.elapsed().as_secs_f64();
    let cpu = thread_cpu_seconds().zip(cpu_started).map(|(b, a)| b - a);
    println!(
        "train-ner --speed: model loaded={loaded} in {:.1} ms; {} documents, {n_tokens} tokens, \
         {names} names in {secs:.3} s wall on one thread: {:.0} tokens/s",
        load.as_secs_f64() * 1000.0,
        texts.len(),
        n_tokens as f64 / secs
    );
    if let Some(cpu) = cpu {
        // On a shared machine the wall clock also counts time spent waiting for a core.
        println!(
            "train-ner --speed: {cpu:.3} s on the CPU: {:.0} tokens per CPU-second",
            n_tokens as f64 / cpu
        );
    }
    Ok(())
}

/// This thread's time on the CPU (Linux: `/proc/thread-self/schedstat`, in nanoseconds).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// The string value of `"key"` in a one-line JSON object, unescaped; enough for the corpora's
/// flat records, so that xtask needs no JSON parser.
fn json_field(line: &str, key: &str) -> Option<String> {
    let pattern = format!("\"{key}\":");
    let start = line.find(&pattern)? + pattern.len();
    let rest = line[start..].trim_start().strip_prefix('"')?;
    let mut out = String::with_capacity(rest.len());
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let mut code = u32::from_str_radix(&hex, 16).ok()?;
                    if (0xd800..0xdc00).contains(&code) {
                        // A surrogate pair: `\uD83D\uDE00`.
                        let low: String = chars.by_ref().skip(2).take(4).collect();
                        let low = u32::from_str_radix(&low, 16).ok()?;
                        code = 0x10000 + ((code - 0xd800) << 10) + (low.wrapping_sub(0xdc00));
                    }
                    out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}
