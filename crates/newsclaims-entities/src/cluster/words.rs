//! The word lists of titles and descriptions: roles (`minister`), their modifiers (`former`),
//! clause openers and person nouns.

/// Words that name a role or title, lower case without a final period, sorted (a binary search).
const ROLES: [&str; 133] = [
    "activist",
    "actor",
    "actress",
    "adm",
    "admiral",
    "adviser",
    "advisor",
    "ambassador",
    "analyst",
    "archbishop",
    "artist",
    "attorney",
    "attorney-general",
    "author",
    "ayatollah",
    "bishop",
    "candidate",
    "captain",
    "cardinal",
    "ceo",
    "cfo",
    "chair",
    "chairman",
    "chairperson",
    "chairs",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "col",
    "colonel",
    "commander",
    "commander-in-chief",
    "commissioner",
    "congressman",
    "congresswoman",
    "correspondent",
    "councillor",
    "councilman",
    "councilwoman",
    "counsel",
    "defender",
    "delegate",
    "deputy",
    "diplomat",
    "director",
    "director-general",
    "doctor",
    "dr",
    "economist",
    "editor",
    "emir",
    "envoy",
    "executive",
    "expert",
    "forward",
    "founder",
    "gen",
    "general",
    "goalkeeper",
    "gov",
    "governor",
    "head",
    "historian",
    "imam",
    "inspector",
    "judge",
    "justice",
    "king",
    "lawmaker",
    "lawyer",
    "leader",
    "legislator",
    "lieutenant",
    "lt",
    "maj",
    "major",
    "manager",
    "marshal",
    "mayor",
    "mep",
    "midfielder",
    "minister",
    "mp",
    "nominee",
    "nurse",
    "officer",
    "official",
    "owner",
    "physician",
    "player",
    "pope",
    "premier",
    "president",
    "president-elect",
    "prince",
    "princess",
    "principal",
    "prof",
    "professor",
    "prosecutor",
    "quarterback",
    "queen",
    "rabbi",
    "rep",
    "reporter",
    "representative",
    "researcher",
    "resident",
    "rev",
    "reverend",
    "scientist",
    "secretary",
    "secretary-general",
    "sen",
    "sen.-elect",
    "senator",
    "sergeant",
    "sgt",
    "sheikh",
    "sheriff",
    "singer",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokesperson's",
    "spokeswoman",
    "striker",
    "student",
    "superintendent",
    "surgeon",
    "teacher",
    "writer",
];

/// Words that name a role or title (`President`, `Sen.`, `spokeswoman`).
pub(super) fn role(w: &str) -> bool {
    with_lower(w, |lower| {
        ROLES.binary_search(&lower.trim_end_matches('.')).is_ok()
    })
}

/// `f` of `w` with its ASCII letters lower-cased (`to_ascii_lowercase`), on the stack unless the
/// word is long: asked of the words around every person's mention.
fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    match newsclaims_text::fold::lower_ascii(w, &mut buf) {
        Some(lower) => f(lower),
        None => f(&w.to_ascii_lowercase()),
    }
}

/// Words that may qualify a role inside a title (`former`, `Foreign`, `press`).
pub(super) fn modifier(w: &str) -> bool {
    with_lower(w, |lower| {
        matches!(
            lower,
            "former"
                | "acting"
                | "interim"
                | "deputy"
                | "vice"
                | "prime"
                | "foreign"
                | "defense"
                | "defence"
                | "press"
                | "senior"
                | "top"
                | "assistant"
                | "associate"
                | "national"
                | "security"
                | "finance"
                | "interior"
                | "health"
                | "state"
                | "home"
                | "trade"
                | "economy"
                | "energy"
                | "justice"
                | "education"
                | "communications"
                | "general"
                | "supreme"
                | "lead"
                | "military"
                | "executive"
                | "then"
                | "first"
                | "lady"
                | "managing"
                | "human"
                | "rights"
                | "policy"
                | "army"
                | "navy"
                | "air"
                | "force"
                | "secretary"
                | "white"
                | "house"
                | "u.s."
                | "us"
                | "uk"
                | "eu"
                | "un"
                | "nato"
        )
    })
}

/// Words that start a clause rather than an appositive noun phrase.
pub(super) fn cue_or_relative(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "who"
            | "which"
            | "that"
            | "and"
            | "or"
            | "but"
            | "added"
            | "wrote"
            | "is"
            | "was"
            | "has"
            | "had"
            | "will"
            | "would"
    )
}

/// Lowercase nouns that make an appositive a description even without a listed role
/// (`a mother of three`, `a resident of Kyiv`): any lowercase word of four or more letters
/// ending like a person noun.
pub(super) fn lowercase_noun(w: &str) -> bool {
    w.len() >= 4
        && w.chars().all(|c| c.is_ascii_lowercase())
        && [
            "er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "mother", "father",
        ]
        .iter()
        .any(|s| w.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_sorted_for_the_binary_search() {
        assert!(ROLES.windows(2).all(|w| w[0] < w[1]));
        assert!(role("Secretary-General") && role("Sen.") && !role("Smith"));
    }
}
