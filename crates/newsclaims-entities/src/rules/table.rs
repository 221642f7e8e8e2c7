//! The table of the OntoNotes label rules (what each gives and why, with an example that the
//! test below runs through [`crate::recognize`]); the rules themselves are in `rules.rs`.

use crate::Label;

/// One label rule, documented: what it matches, what it gives, why, and an example.
pub struct Rule {
    pub name: &'static str,
    /// The label the rule gives; `None` when it removes a name.
    pub label: Option<Label>,
    /// A sentence with the case, and the name the rule must produce in it with `label`.
    pub example: (&'static str, &'static str),
    pub why: &'static str,
}

/// The rules, in the order they run.
pub const RULES: &[Rule] = &[
    Rule {
        name: "known name",
        label: Some(Label::Org),
        example: (
            "He spoke to the Office of the Director of National Intelligence.",
            "Office of the Director of National Intelligence",
        ),
        why: "a name from the open lists (agencies, committees, newspapers, companies, members of Congress, demonyms) is one mention with the list's label, inner `of`/`and` included",
    },
    Rule {
        name: "organisation ending",
        label: Some(Label::Org),
        example: (
            "Reporters at the press briefing thanked the Lakeside Press for its help.",
            "Lakeside Press",
        ),
        why: "an organisation's name followed by a capitalised organisation ending (`Press`, `Group`, `Party`) that closes the run of capitals takes it in: the tagger leaves the ending out when the document also has the word in lower case",
    },
    Rule {
        name: "generation or regnal number",
        label: Some(Label::Person),
        example: (
            "The film starred Robert Downey Jr. and others.",
            "Robert Downey Jr.",
        ),
        why: "a person's name followed by `Jr.`, `Sr.` or a Roman numeral (`Elizabeth II`) takes it in, as OntoNotes does",
    },
    Rule {
        name: "title before a person",
        label: None,
        example: (
            "Former National Security Advisor Ann Lee spoke on Monday.",
            "National Security Advisor",
        ),
        why: "a title the tagger reads as a name of its own just before a person's name is no entity (OntoNotes); the tagger would call it an organisation",
    },
    Rule {
        name: "inner of/and",
        label: Some(Label::Org),
        example: (
            "She joined the Institute for Fiscal Studies in London.",
            "Institute for Fiscal Studies",
        ),
        why: "an organisation's head word (`Bureau`, `Office`, `Committee` ...) followed by `of`/`for`/`on`/`to` and capitalised words is one name: the greedy tagger cuts it at the function word",
    },
    Rule {
        name: "work title head",
        label: Some(Label::WorkOfArt),
        example: (
            "Lawmakers read the Mueller Report on Thursday.",
            "Mueller Report",
        ),
        why: "a name followed by a capitalised `Report`, `Review` or `Survey` is the title of a published work (OntoNotes WORK_OF_ART); the tagger leaves the head out and often calls the name a person",
    },
    Rule {
        name: "title inside a person",
        label: Some(Label::Person),
        example: (
            "Former National Security Adviser Michael Flynn spoke.",
            "Michael Flynn",
        ),
        why: "titles are not part of a PERSON (OntoNotes); the tagger sometimes takes in a run of capitalised title words",
    },
    Rule {
        name: "law",
        label: Some(Label::Law),
        example: (
            "The Affordable Care Act and the Second Amendment were debated.",
            "Affordable Care Act",
        ),
        why: "names ending in `Act`, `Amendment`, `Constitution`, `Code` and `X v. Y` cases are LAW whatever CoNLL type the tagger gave",
    },
    Rule {
        name: "party members",
        label: Some(Label::Norp),
        example: ("Republicans and Democrats met on Tuesday.", "Democrats"),
        why: "members of a party (`Democrats`, `Republican`) are a political group, NORP; CoNLL often tags them ORG or MISC",
    },
    Rule {
        name: "GOP",
        label: Some(Label::Org),
        example: ("The GOP nominee spoke.", "GOP"),
        why: "the party itself is an organisation",
    },
    Rule {
        name: "chamber and party",
        label: Some(Label::Org),
        example: ("House Democrats released a report.", "House"),
        why: "`House Democrats` is the chamber (ORG) and the party members (NORP), two mentions in OntoNotes",
    },
    Rule {
        name: "facility",
        label: Some(Label::Fac),
        example: ("Trump met him in the Oval Office on Friday.", "Oval Office"),
        why: "rooms, bases, squares, centres and forts named as places are FAC; CoNLL has LOC or ORG",
    },
    Rule {
        name: "outlet",
        label: Some(Label::Org),
        example: ("She wrote in Harper's magazine last week.", "Harper"),
        why: "a name before `magazine`, `newspaper`, `network` is the outlet, an organisation; a nationality is not (`a British newspaper`)",
    },
    Rule {
        name: "not a group",
        label: None,
        example: ("The shop opens on Sundays and Mondays.", "Sundays"),
        why: "day and month names in the plural (`Sundays`) are not nationalities; the tagger's NORP there is dropped",
    },
    Rule {
        name: "declared campaign",
        label: Some(Label::Event),
        example: ("The War on Poverty began in 1964.", "War on Poverty"),
        why: "`War on X` with capitalised words is a named campaign, an EVENT; the tagger sees no name there (`patterns.rs`)",
    },
    Rule {
        name: "named day",
        label: Some(Label::Event),
        example: ("Biden won on Super Tuesday in March.", "Super Tuesday"),
        why: "`Super Tuesday`, `Black Friday`: a capitalised day word before a weekday names an event, not a date",
    },
    Rule {
        name: "place and event noun",
        label: Some(Label::Event),
        example: (
            "They remembered the Oklahoma City bombing every year.",
            "Oklahoma City bombing",
        ),
        why: "a place's name before `massacre`, `bombing`, `riots`, `uprising` names the event that happened there; OntoNotes takes the noun in",
    },
    Rule {
        name: "vessel",
        label: Some(Label::Product),
        example: (
            "Iran seized the tanker Stena Impero in July.",
            "Stena Impero",
        ),
        why: "a capitalised run (with its number, `Grace 1`) after `tanker`, `vessel`, `warship`, `aircraft carrier` ... is a ship's name, a PRODUCT in OntoNotes; the tagger reads it as a person or a company",
    },
    Rule {
        name: "the name and a number",
        label: Some(Label::Product),
        example: (
            "Gibraltar released the tanker, then called the Grace 1, in August.",
            "Grace 1",
        ),
        why: "a person's name takes neither `the` before it nor a number after it: a name the tagger calls a person with both is a vessel's or a model's",
    },
    Rule {
        name: "code citation",
        label: Some(Label::Law),
        example: (
            "Machine guns are defined in 26 USC §5845(b) and elsewhere.",
            "26 USC §5845(b)",
        ),
        why: "a title number, `USC`/`U.S.C.`/`CFR` and a section cite a law",
    },
    Rule {
        name: "quoted title",
        label: Some(Label::WorkOfArt),
        example: (
            "He loved the film “Mr. Smith Goes to Washington” as a boy.",
            "Mr. Smith Goes to Washington",
        ),
        why: "a run of capitalised words (two or more) in quotation marks, or after `show`, `book`, `film`, `column` ..., is the title of a work",
    },
    Rule {
        name: "party affiliation",
        label: Some(Label::Norp),
        example: ("Sen. Ted Cruz (R-Texas) spoke.", "R"),
        why: "in `(D-N.Y.)` the party letter is NORP and the state GPE, as OntoNotes tags them",
    },
    Rule {
        name: "hyphenated group",
        label: Some(Label::Norp),
        example: ("The Democratic-led House voted.", "Democratic"),
        why: "`Democratic-led`, `Saudi-backed`: the group or nationality before the hyphen is NORP, the rest is not a name",
    },
];

#[cfg(test)]
mod tests {
    use super::RULES;

    /// Every rule of the table does what it says on its example.
    #[test]
    fn rules_do_what_the_table_says() {
        for rule in RULES {
            let (text, name) = rule.example;
            let tokens = newsclaims_tokenize::tokenize(text);
            let entities = crate::recognize(text, &tokens);
            let found: Vec<(&str, &str)> = entities
                .mentions
                .iter()
                .filter(|m| m.label.is_name())
                .map(|m| (&text[m.span], m.label.as_str()))
                .collect();
            match rule.label {
                Some(label) => assert!(
                    found.contains(&(name, label.as_str())),
                    "rule `{}`: expected {name:?} {}, found {found:?}",
                    rule.name,
                    label.as_str()
                ),
                None => assert!(
                    !found.iter().any(|(t, _)| *t == name),
                    "rule `{}`: {name:?} should not be a name, found {found:?}",
                    rule.name
                ),
            }
        }
    }
}
