//! The JSON output validated against the contract's schema, strictly: a field the schema does
//! not declare is an error.

use super::*;

/// Validates `value` against `schema` for the subset of JSON Schema the contract uses, strictly:
/// a property the schema does not declare is an error, so the schema must cover every field the
/// serializer emits.
fn validate(root: &Value, schema: &Value, value: &Value, path: &str) -> Result<(), String> {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/$defs/").expect("local references only");
        return validate(root, &root["$defs"][name], value, path);
    }
    if let Some(options) = schema.get("oneOf").and_then(Value::as_array) {
        let ok = options
            .iter()
            .filter(|o| validate(root, o, value, path).is_ok())
            .count();
        if ok != 1 {
            return Err(format!("{path}: matches {ok} of oneOf, not 1: {value}"));
        }
    }
    if let Some(c) = schema.get("const")
        && c != value
    {
        return Err(format!("{path}: {value} is not {c}"));
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array)
        && !e.contains(value)
    {
        return Err(format!("{path}: {value} is not one of {e:?}"));
    }
    if let Some(t) = schema.get("type").and_then(Value::as_str) {
        let ok = match t {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "integer" => value.is_u64() || value.is_i64(),
            "number" => value.is_number(),
            "null" => value.is_null(),
            "boolean" => value.is_boolean(),
            other => panic!("type {other} is not in the validator's subset"),
        };
        if !ok {
            return Err(format!("{path}: {value} is not a {t}"));
        }
    }
    if let Some(n) = value.as_f64() {
        if schema
            .get("minimum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n < m)
        {
            return Err(format!("{path}: {n} below the minimum"));
        }
        if schema
            .get("maximum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n > m)
        {
            return Err(format!("{path}: {n} above the maximum"));
        }
    }
    if let Some(object) = value.as_object() {
        validate_object(root, schema, object, path)?;
    }
    if let Some(array) = value.as_array() {
        validate_array(root, schema, array, path)?;
    }
    Ok(())
}

/// The `required` and `properties` of an object schema; undeclared properties are errors.
fn validate_object(
    root: &Value,
    schema: &Value,
    object: &serde_json::Map<String, Value>,
    path: &str,
) -> Result<(), String> {
    for key in schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if !object.contains_key(key.as_str().unwrap()) {
            return Err(format!("{path}: {key} is missing"));
        }
    }
    if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
        for (key, v) in object {
            let Some(p) = properties.get(key) else {
                return Err(format!("{path}: {key} is not in the schema"));
            };
            validate(root, p, v, &format!("{path}.{key}"))?;
        }
    }
    Ok(())
}

/// The `minItems`, `maxItems`, `prefixItems` and `items` of an array schema.
fn validate_array(root: &Value, schema: &Value, array: &[Value], path: &str) -> Result<(), String> {
    let len = array.len() as u64;
    if schema
        .get("minItems")
        .and_then(Value::as_u64)
        .is_some_and(|m| len < m)
        || schema
            .get("maxItems")
            .and_then(Value::as_u64)
            .is_some_and(|m| len > m)
    {
        return Err(format!("{path}: {len} items"));
    }
    let prefix = schema
        .get("prefixItems")
        .and_then(Value::as_array)
        .map_or(&[][..], |p| &p[..]);
    for (k, v) in array.iter().enumerate() {
        let item = match prefix.get(k) {
            Some(p) => p,
            None => match schema.get("items") {
                Some(Value::Bool(false)) => return Err(format!("{path}: too many items")),
                Some(s) => s,
                None => continue,
            },
        };
        validate(root, item, v, &format!("{path}[{k}]"))?;
    }
    Ok(())
}

#[test]
fn json_output_matches_the_schema() {
    let schema = newsclaims_format::json_schema();
    let check = |record: &Value| {
        if let Err(e) = validate(&schema, &schema, record, "$") {
            panic!("{e}");
        }
    };
    let mut fields = std::collections::BTreeSet::new();
    for analysis in analyses() {
        let record = newsclaims_format::to_json(&analysis);
        check(&record);
        for claim in record["claims"].as_array().unwrap() {
            fields.extend(claim.as_object().unwrap().keys().cloned());
        }
    }
    assert!(
        fields.contains("fragments"),
        "the optional fields were checked too"
    );
    let mut out = Vec::new();
    newsclaims_format::write_error_record(
        &mut out,
        &Unreadable {
            id: "bad".into(),
            kind: ErrorKind::MalformedJson,
            message: "expected value at line 1 column 1".into(),
            line: Some(3),
        },
    );
    check(&serde_json::from_slice(&out).unwrap());
    // The validator is not vacuous: it rejects a field the schema lacks, and a wrong type.
    let mut extra = newsclaims_format::to_json(&everything());
    extra["claims"][0]["mood"] = Value::from("grumpy");
    assert!(validate(&schema, &schema, &extra, "$").is_err());
    let mut wrong = newsclaims_format::to_json(&everything());
    wrong["claims"][0]["kind"] = Value::from("rumour");
    assert!(validate(&schema, &schema, &wrong, "$").is_err());
}
