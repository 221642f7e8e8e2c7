//! The carried fields' columns of a CSV output. A worker renders a document's rows with its
//! carried fields apart ([`encode`]); on the writing thread, in input order, [`Layout::place`]
//! lays them out under the header. The header names the carried fields of the first
//! [`HEADER_WINDOW`] documents, in the order first seen, so their rows are held until then (or
//! until [`Layout::finish`] at the end of a shorter input); a field first seen after the header
//! is written has no column and goes into the last one, [`OTHER_FIELDS`].
//!
//! Invariants: every row has as many cells as the header; the output depends only on the
//! documents in their order, not on threads or timing (the window counts documents, not runs).

use std::collections::{HashMap, HashSet};

use super::{CARRIED_COLUMNS, defuse, finish, rows, write_row};

/// Documents whose carried fields name the columns: one run of the pipeline's, so a file's
/// usual fields (all in its first records) all get columns, while the header waits little.
pub const HEADER_WINDOW: usize = 16;

/// Carried fields that get columns at most; the others go into [`OTHER_FIELDS`], so a document
/// of thousands of fields cannot make a sheet of thousands of columns.
pub const MAX_CARRIED_COLUMNS: usize = 256;

/// The last column: the carried fields without a column of their own, as one JSON object.
pub const OTHER_FIELDS: &str = "other_fields";

/// What a worker rendered of one document: its carried fields (name, JSON text) and its rows
/// of fixed cells.
type Rendered = (Vec<(String, String)>, Vec<Vec<String>>);

/// Writes a document's carried `fields` and its `rows` of fixed cells for [`Layout::place`].
pub(super) fn encode(out: &mut Vec<u8>, fields: &[(String, String)], rows: &[Vec<String>]) {
    serde_json::to_writer(out, &(fields, rows)).expect("serializing to memory cannot fail");
}

/// The carried columns, once the header is written, and the documents held until then.
#[derive(Default)]
pub(super) struct Layout {
    /// The carried fields with a column, in order, once the header is written.
    columns: Option<Vec<String>>,
    /// Where each carried field's column is, by field name.
    index: HashMap<String, usize>,
    /// Carried fields seen so far, in order, while the header waits.
    seen: Vec<String>,
    seen_set: HashSet<String>,
    held: Vec<Rendered>,
}

impl Layout {
    /// The bytes of one document's rows (those held before the header included), in input
    /// order; `rendered` is what [`encode`] wrote (nothing for an unreadable document).
    pub(super) fn place(&mut self, rendered: &[u8], fixed: &[&str]) -> Vec<u8> {
        let document: Rendered = serde_json::from_slice(rendered).unwrap_or_default();
        let mut out = Vec::new();
        if self.columns.is_some() {
            self.write(&mut out, &document);
            return out;
        }
        for (name, _) in &document.0 {
            if carried(name)
                && self.seen.len() < MAX_CARRIED_COLUMNS
                && !self.seen_set.contains(name)
            {
                self.seen_set.insert(name.clone());
                self.seen.push(name.clone());
            }
        }
        self.held.push(document);
        if self.held.len() >= HEADER_WINDOW {
            self.finish(&mut out, fixed);
        }
        out
    }

    /// Writes the header and the documents held, if the header is not written yet.
    pub(super) fn finish(&mut self, out: &mut Vec<u8>, fixed: &[&str]) {
        if self.columns.is_some() {
            return;
        }
        let columns = std::mem::take(&mut self.seen);
        self.index = columns
            .iter()
            .enumerate()
            .map(|(k, name)| (name.clone(), k))
            .collect();
        let mut header: Vec<String> = fixed.iter().map(|c| (*c).to_owned()).collect();
        header.extend(columns.iter().map(|name| {
            if fixed.contains(&name.as_str()) || name == OTHER_FIELDS {
                format!("input_{name}")
            } else {
                name.clone()
            }
        }));
        header.push(OTHER_FIELDS.to_owned());
        let mut writer = rows(out);
        write_row(&mut writer, &header);
        finish(writer);
        self.columns = Some(columns);
        for document in std::mem::take(&mut self.held) {
            self.write(out, &document);
        }
    }

    /// A document's rows with its carried cells after the fixed ones.
    fn write(&self, out: &mut Vec<u8>, (fields, fixed_rows): &Rendered) {
        if fixed_rows.is_empty() {
            return;
        }
        let columns = self.columns.as_ref().map_or(0, Vec::len);
        let mut cells = vec![String::new(); columns];
        let mut others: Vec<String> = Vec::new();
        for (name, raw) in fields {
            if !carried(name) {
                continue;
            }
            match self.index.get(name) {
                Some(&k) => cells[k] = defuse(&crate::field_text(raw)).into_owned(),
                None => others.push(member(name, raw)),
            }
        }
        let other = if others.is_empty() {
            String::new()
        } else {
            defuse(&format!("{{{}}}", others.join(","))).into_owned()
        };
        let mut writer = rows(out);
        for row in fixed_rows {
            let all = row.iter().chain(&cells).chain(std::iter::once(&other));
            writer
                .write_record(all)
                .expect("writing CSV to memory cannot fail");
        }
        finish(writer);
    }
}

/// Whether a carried field gets a column of the carried ones (title, url and date have theirs
/// among the fixed columns; the record's own names are never carried).
fn carried(name: &str) -> bool {
    !CARRIED_COLUMNS.contains(&name) && !crate::RESERVED_FIELDS.contains(&name)
}

/// `"name":value`, a member of the `other_fields` object: the value as read (it is JSON text
/// already, or a library caller's plain string, quoted here).
fn member(name: &str, raw: &str) -> String {
    let name = serde_json::to_string(name).expect("a string serializes");
    match serde_json::from_str::<&serde_json::value::RawValue>(raw) {
        Ok(value) => format!("{name}:{}", value.get()),
        Err(_) => format!(
            "{name}:{}",
            serde_json::to_string(raw).expect("a string serializes")
        ),
    }
}
