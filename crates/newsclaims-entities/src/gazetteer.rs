//! Known names from open lists (placeholder until the list is built).

use crate::rules::{Doc, Name};

pub(crate) fn apply(_doc: &Doc, _names: &mut Vec<Name>) {}
