//! Duplicate ids across a run: a document whose id was seen before gets a `duplicate-id` problem
//! (both documents are kept). Shared by the binary's reader and the Python module's, so that the
//! two flag the same documents.

use std::collections::HashSet;

use crate::{Input, Problem, ProblemKind};

/// 64-bit hashes of the ids seen so far: 16 bytes an id however long it is, so that a run over
/// millions of documents stays small. Two distinct ids of ten million collide with odds of about
/// one in a million.
#[derive(Default)]
pub struct DuplicateIds {
    seen: HashSet<u64>,
}

impl DuplicateIds {
    /// Adds a `duplicate-id` problem to a document whose id was seen before in this run.
    pub fn flag(&mut self, mut item: Input) -> Input {
        if let Input::Document(doc, problems) = &mut item
            && !self.seen.insert(id_hash(&doc.id))
        {
            problems.push(Problem {
                kind: ProblemKind::DuplicateId,
                message: format!(
                    "the id `{}` was seen before in this run; both documents are kept",
                    doc.id
                ),
                span: None,
            });
        }
        item
    }
}

/// FNV-1a over the id's bytes, then mixed: a fixed function, so that runs agree.
fn id_hash(id: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325_u64;
    for &b in id.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}
