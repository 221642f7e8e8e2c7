//! `newsclaims-dev <task>`: the tasks that need the models (training, lexicon building,
//! evaluation, benchmarks, stage printers). `cargo xtask <task>` calls it in release mode; see
//! [`newsclaims_dev::run`] for the list.

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    newsclaims_dev::run(&args)
}
