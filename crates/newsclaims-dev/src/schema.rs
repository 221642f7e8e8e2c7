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
    crate::generated::write_or_check("schema", &[(path, schema.into_bytes())], check)
}
