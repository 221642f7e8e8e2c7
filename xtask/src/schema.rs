//! `cargo xtask schema [--check]`: writes the JSON Schema of the output contract,
//! `schema/newsclaims-1.schema.json`, from `newsclaims_format::json_schema`, which mirrors the
//! serde structs of the JSON writer. With `--check` it writes nothing and fails when the committed
//! file differs (CI runs this).

use anyhow::{Context, Result, bail};

use crate::root;

pub(crate) fn run(args: &[String]) -> Result<()> {
    let check = match args {
        [] => false,
        [flag] if flag == "--check" => true,
        _ => bail!("usage: cargo xtask schema [--check]"),
    };
    let path = root().join("schema/newsclaims-1.schema.json");
    let mut schema = serde_json::to_string_pretty(&newsclaims_format::json_schema())
        .context("serializing the schema")?;
    schema.push('\n');
    if check {
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != schema {
            bail!(
                "{} is stale: run `cargo xtask schema` and commit it",
                path.display()
            );
        }
        println!("schema: {} is current", path.display());
        return Ok(());
    }
    std::fs::create_dir_all(path.parent().expect("the schema lives in a folder"))
        .context("creating schema/")?;
    std::fs::write(&path, schema).with_context(|| format!("writing {}", path.display()))?;
    println!("schema: wrote {}", path.display());
    Ok(())
}
