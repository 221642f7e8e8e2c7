//! Groups the mentions of one entity (`Stoltenberg` → `Jens Stoltenberg`) and finds descriptors.

use newsclaims_tokenize::Tokens;

use crate::{Cluster, Mention};

/// Assigns every mention a cluster and returns the clusters, numbered in order of first mention.
pub(crate) fn cluster(text: &str, tokens: &Tokens, mentions: &mut [Mention]) -> Vec<Cluster> {
    // FIXME: a first cut: one cluster per distinct text and label.
    let _ = tokens;
    let mut clusters: Vec<Cluster> = Vec::new();
    for (i, m) in mentions.iter_mut().enumerate() {
        let found = clusters
            .iter()
            .position(|c| c.label == m.label && text[c.name] == text[m.span]);
        let id = found.unwrap_or_else(|| {
            clusters.push(Cluster {
                name: m.span,
                label: m.label,
                mentions: Vec::new(),
                descriptors: Vec::new(),
                female: None,
            });
            clusters.len() - 1
        });
        clusters[id].mentions.push(i);
        m.cluster = id;
    }
    clusters
}
