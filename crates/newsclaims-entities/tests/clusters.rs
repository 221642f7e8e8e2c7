//! Clustering and descriptors on hand-marked mentions: `[PERSON Jens Stoltenberg]` marks a
//! mention in the input, so these tests do not depend on the tagger.

use newsclaims_entities::{Label, Mention, cluster};
use newsclaims_text::Span;

/// Strips `[LABEL words]` marks from `marked` and returns the text and its mentions.
fn parse(marked: &str) -> (String, Vec<Mention>) {
    let mut text = String::new();
    let mut mentions = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let close = open + rest[open..].find(']').expect("a closing bracket");
        let (label, words) = rest[open + 1..close].split_once(' ').expect("a label");
        let start = text.len();
        text.push_str(words);
        mentions.push(Mention {
            span: Span::new(start, text.len()),
            label: Label::parse(label).expect("a known label"),
            cluster: 0,
        });
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    (text, mentions)
}

/// One line per cluster: `#N LABEL "name" [descriptors] female=F: mention texts`.
fn check(marked: &str, expect: &str) {
    let (text, mut mentions) = parse(marked);
    let tokens = newsclaims_tokenize::tokenize(&text);
    let clusters = cluster::cluster(&text, &tokens, &mut mentions);
    let mut got = String::new();
    for (n, c) in clusters.iter().enumerate() {
        let descriptors: Vec<&str> = c.descriptors.iter().map(|d| &text[*d]).collect();
        let texts: Vec<&str> = c
            .mentions
            .iter()
            .map(|&i| &text[mentions[i].span])
            .collect();
        for &i in &c.mentions {
            assert_eq!(mentions[i].cluster, n, "mention {i} points at its cluster");
        }
        let female = c.female.map_or("-".to_string(), |f| format!("{f:.2}"));
        got.push_str(&format!(
            "#{n} {} {:?} {descriptors:?} female={female}: {}\n",
            c.label.as_str(),
            &text[c.name],
            texts.join(" | ")
        ));
    }
    assert_eq!(got.trim_end(), expect.trim(), "in {text:?}");
}

#[test]
fn surnames_join_the_full_name() {
    check(
        "[ORG NATO] Secretary-General [PERSON Jens Stoltenberg] is visiting [GPE Ukraine]. \
         “We stand with you,” [PERSON Stoltenberg] said. [PERSON Stoltenberg’s] visit",
        r#"
#0 ORG "NATO" [] female=-: NATO
#1 PERSON "Jens Stoltenberg" ["NATO Secretary-General"] female=0.00: Jens Stoltenberg | Stoltenberg | Stoltenberg’s
#2 GPE "Ukraine" [] female=-: Ukraine"#,
    );
}

#[test]
fn a_surname_before_the_full_name() {
    check(
        "[PERSON Zelensky] met [NORP Ukrainian] President [PERSON Volodymyr Zelensky] aides.",
        r#"
#0 PERSON "Volodymyr Zelensky" ["Ukrainian President"] female=-: Zelensky | Volodymyr Zelensky
#1 NORP "Ukrainian" [] female=-: Ukrainian"#,
    );
}

#[test]
fn honorifics_are_not_names_but_tell_gender() {
    check(
        "[PERSON Joe Biden] spoke. Later Mr. [PERSON Biden] left. Ms. [PERSON Harris] stayed.",
        r#"
#0 PERSON "Joe Biden" [] female=0.02: Joe Biden | Biden
#1 PERSON "Harris" [] female=1.00: Harris"#,
    );
}

#[test]
fn the_nearest_namesake_wins() {
    check(
        "[PERSON Joe Biden] and [PERSON Jill Biden] arrived. [PERSON Biden] said",
        r#"
#0 PERSON "Joe Biden" [] female=0.02: Joe Biden
#1 PERSON "Jill Biden" [] female=1.00: Jill Biden | Biden"#,
    );
}

#[test]
fn titles_and_appositives_are_descriptors() {
    check(
        "[ORG Kremlin] spokesperson [PERSON Dmitry Peskov] said no. \
         [PERSON Hugh Hill], a doctor, said yes. [PERSON Peskov], the [ORG Kremlin] spokesperson, added.",
        r#"
#0 ORG "Kremlin" [] female=-: Kremlin | Kremlin
#1 PERSON "Dmitry Peskov" ["Kremlin spokesperson", "the Kremlin spokesperson"] female=-: Dmitry Peskov | Peskov
#2 PERSON "Hugh Hill" ["a doctor"] female=0.00: Hugh Hill"#,
    );
}

#[test]
fn a_described_role_before_a_comma() {
    check(
        "said the [ORG Kremlin]’s spokesman, [PERSON Dmitry Peskov]. Thanks, President [PERSON Joe Biden].",
        r#"
#0 ORG "Kremlin" [] female=-: Kremlin
#1 PERSON "Dmitry Peskov" ["the Kremlin’s spokesman"] female=0.00: Dmitry Peskov
#2 PERSON "Joe Biden" ["President"] female=0.02: Joe Biden"#,
    );
}

#[test]
fn no_descriptor_from_lists_or_clauses() {
    check(
        "[PERSON Ann Smith], [PERSON Bob Jones] and others met. \
         [PERSON Ann Smith], who is 40, said.",
        r#"
#0 PERSON "Ann Smith" [] female=1.00: Ann Smith | Ann Smith
#1 PERSON "Bob Jones" [] female=0.00: Bob Jones"#,
    );
}

#[test]
fn no_appositive_naming_another_person() {
    check(
        "[PERSON Richard Blumenthal], President [PERSON George Bush] and others met.",
        r#"
#0 PERSON "Richard Blumenthal" [] female=0.00: Richard Blumenthal
#1 PERSON "George Bush" ["President"] female=0.01: George Bush"#,
    );
}

#[test]
fn gendered_descriptors_tell_gender_without_a_first_name() {
    check(
        "[ORG Kremlin] spokeswoman [PERSON Zakharova] said.",
        r#"
#0 ORG "Kremlin" [] female=-: Kremlin
#1 PERSON "Zakharova" ["Kremlin spokeswoman"] female=1.00: Zakharova"#,
    );
}

#[test]
fn acronyms_join_their_names() {
    check(
        "the [ORG European Union] and the [ORG EU] and [GPE the United States] and [GPE U.S.] \
         and [ORG NATO]",
        r#"
#0 ORG "European Union" [] female=-: European Union | EU
#1 GPE "the United States" [] female=-: the United States | U.S.
#2 ORG "NATO" [] female=-: NATO"#,
    );
}

#[test]
fn numbers_get_a_cluster_each() {
    check(
        "[CARDINAL 31] and [CARDINAL 31] on [DATE today]",
        r#"
#0 CARDINAL "31" [] female=-: 31
#1 CARDINAL "31" [] female=-: 31
#2 DATE "today" [] female=-: today"#,
    );
}

#[test]
fn titles_inside_a_mention_are_descriptors() {
    check(
        "[PERSON Mayor Elena Ruiz] said. [PERSON Elena Ruiz] added. [PERSON President Biden] too.",
        r#"
#0 PERSON "Elena Ruiz" ["Mayor"] female=1.00: Mayor Elena Ruiz | Elena Ruiz
#1 PERSON "Biden" ["President"] female=-: President Biden"#,
    );
}

#[test]
fn company_suffixes_do_not_split_a_company() {
    check(
        "[ORG Streamly Inc.] said [ORG Streamly] would pay.",
        r#"
#0 ORG "Streamly Inc." [] female=-: Streamly Inc. | Streamly"#,
    );
}
