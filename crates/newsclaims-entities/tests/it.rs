//! Integration tests.
mod allsides_dev;
mod clusters;
mod ner_quality;
mod numeric_specs;

/// Every mention and every cluster of each fixture article, one line each.
#[test]
fn entities() {
    insta::glob!("../../../fixtures", "articles/*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("reading a fixture");
        let tokens = newsclaims_tokenize::tokenize(&text);
        let entities = newsclaims_entities::recognize(&text, &tokens);
        let mut out = String::new();
        for m in &entities.mentions {
            out.push_str(&format!(
                "{:?} {} {:?} cluster {}\n",
                m.span,
                m.label.as_str(),
                &text[m.span],
                m.cluster
            ));
        }
        for (n, c) in entities.clusters.iter().enumerate() {
            let descriptors: Vec<&str> = c.descriptors.iter().map(|d| &text[*d]).collect();
            let female = c.female.map_or("-".to_string(), |f| format!("{f:.2}"));
            out.push_str(&format!(
                "#{n} {} {:?} {descriptors:?} female={female}\n",
                c.label.as_str(),
                &text[c.name]
            ));
        }
        insta::assert_snapshot!(out);
    });
}
