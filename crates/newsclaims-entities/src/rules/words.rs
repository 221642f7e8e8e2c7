//! The word lists the label rules read (lower-case unless said otherwise).

/// Words that may stand inside a name between capitalised words.
pub(super) const INNER: &[&str] = &["of", "for", "on", "and", "the", "to", "&", "in", "de"];

/// Head words of organisations that take an `of`/`for`/`on` complement.
pub(super) const ORG_HEADS: &[&str] = &[
    "office",
    "department",
    "bureau",
    "committee",
    "subcommittee",
    "council",
    "center",
    "centers",
    "centre",
    "institute",
    "institutes",
    "organisation",
    "organization",
    "agency",
    "board",
    "commission",
    "university",
    "federation",
    "association",
    "society",
    "foundation",
    "school",
    "college",
    "academy",
    "administration",
    "division",
    "ministry",
    "secretary",
    "service",
    "services",
    "court",
    "conference",
    "union",
    "league",
    "coalition",
    "alliance",
    "network",
    "party",
    "corps",
    "museum",
    "bank",
    "fund",
    "authority",
    "chamber",
    "house",
];

/// Heads that make a joined name a facility.
pub(super) const FAC_HEADS: &[&str] = &[
    "basilica",
    "shrine",
    "church",
    "cathedral",
    "museum",
    "base",
];

/// Last words of a facility's name that the tagger's cue list lacks.
pub(super) const FAC_LAST: &[&str] = &[
    "office", "base", "square", "center", "memorial", "diner", "airport", "field", "capitol",
];

pub(super) const PARTY_MEMBERS: &[&str] = &[
    "democrat",
    "democrats",
    "democratic",
    "republican",
    "republicans",
    "libertarian",
    "libertarians",
    "dems",
    "dem",
    "socialist",
    "socialists",
    "conservative",
    "conservatives",
    "tories",
    "independents",
];

pub(super) const LAW_LAST: &[&str] = &["act", "amendment", "constitution", "code", "acts", "bill"];

pub(super) const WEEKDAYS: &[&str] = &[
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
    "januarys",
    "junes",
    "julys",
    "augusts",
    "octobers",
    "decembers",
];

/// Words before a quoted title that say it is a work.
pub(super) const WORK_CUES: &[&str] = &[
    "show",
    "book",
    "film",
    "movie",
    "column",
    "novel",
    "song",
    "album",
    "series",
    "play",
    "podcast",
    "documentary",
    "article",
    "essay",
    "op-ed",
    "headline",
    "report",
    "memoir",
    "episode",
    "program",
    "programme",
    "titled",
    "entitled",
    "called",
    "poem",
    "magazine",
];

pub(super) const OUTLET_NEXT: &[&str] = &[
    "magazine",
    "newspaper",
    "network",
    "website",
    "tabloid",
    "daily",
];

/// The chambers that lead `House Democrats`.
pub(super) const CHAMBERS: &[&str] = &["house", "senate", "congressional", "assembly"];

/// Natural places named `X of Y`: `Strait of Hormuz`, `Gulf of Mexico`.
pub(super) const LOC_FIRST: &[&str] = &[
    "strait", "straits", "gulf", "lake", "mount", "bay", "sea", "isle", "cape", "sea",
];

/// What follows a group's name in a hyphenated adjective that is not part of the name.
pub(super) const HYPHEN_TAILS: &[&str] = &[
    "led",
    "backed",
    "controlled",
    "dominated",
    "aligned",
    "allied",
    "majority",
    "born",
    "based",
    "flagged",
    "funded",
    "run",
    "owned",
    "sponsored",
    "leaning",
];

/// Titles of office-holders that follow the state they serve (`Alabama Sen.`).
pub(super) const STATE_TITLES: &[&str] = &[
    "sen.",
    "sen",
    "senator",
    "rep.",
    "rep",
    "representative",
    "gov.",
    "gov",
    "governor",
    "congressman",
    "congresswoman",
    "lawmaker",
    "lawmakers",
    "delegation",
    "democrat",
    "democrats",
    "republican",
    "republicans",
    "attorney",
];

/// Head words of events that take an `of` complement (`Summit of the Americas`).
pub(super) const EVENT_HEADS: &[&str] = &[
    "summit",
    "festival",
    "games",
    "championship",
    "championships",
    "expo",
    "olympiad",
];

/// Names that take an ordinal in front (`9th Circuit`, `1st Cavalry Division`).
pub(super) const NUMBERED_HEADS: &[&str] = &[
    "circuit",
    "district",
    "division",
    "fleet",
    "army",
    "corps",
    "regiment",
    "brigade",
    "battalion",
    "squadron",
    "precinct",
    "congress",
    "amendment",
    "airborne",
    "infantry",
];

/// Company-form suffixes, which are no name alone.
pub(super) const ORG_SUFFIXES: &[&str] =
    &["llc", "inc", "inc.", "ltd", "ltd.", "corp", "corp.", "plc"];

/// Head words that make a name before them a work's title (`Mueller Report`).
pub(super) const WORK_TITLE_HEADS: &[&str] = &["report", "review", "survey"];

/// Head words of published works that take an `of` complement (`Statistical Review of World
/// Energy`, `Survey of Consumer Finances`).
pub(super) const WORK_HEADS: &[&str] = &[
    "review",
    "survey",
    "report",
    "history",
    "atlas",
    "dictionary",
];

/// Titles that may lead a person's name and are no part of it (`National Security Adviser
/// [Michael Flynn]`).
pub(super) const PERSON_TITLES: &[&str] = &[
    "adviser",
    "advisor",
    "president",
    "secretary",
    "justice",
    "operator",
    "director",
    "chairman",
    "chairwoman",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "gov.",
    "governor",
    "mayor",
    "judge",
    "officer",
    "minister",
    "ambassador",
    "general",
    "commander",
    "spokesman",
    "spokeswoman",
    "administrator",
    "attorney",
    "counsel",
    "chief",
    "leader",
    "speaker",
    "vp",
    "prince",
    "king",
    "queen",
    "ceo",
    "cardinal",
    "democrat",
    "republican",
];
