//! Abbreviations that take a period, and the capitalised words that usually start a sentence.
//!
//! The scanner asks [`lookup`] whether a word keeps its period (`Dr.`, `Sept.`, `Calif.`); the
//! sentence splitter asks the same question and [`is_starter`] to decide whether a capitalised
//! word after an abbreviation begins a new sentence (`in the U.S. The ...`) or continues a name
//! (`the U.S. Government`). Lookups are `match`es on short strings: no allocation, no hashing.

/// How an abbreviation behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// A title or a word that always precedes something (`Dr.`, `Gen.`, `vs.`, `e.g.`): never
    /// ends a sentence inside a paragraph.
    Title,
    /// A month (`Sept.`): a digit after it continues the sentence.
    Month,
    /// Needs a number after it to be an abbreviation at all (`No. 10`, `p. 55`).
    NumberPrefix,
    /// A unit after a number (`5 lb.`, `6 in.`): ends the sentence before a capital.
    Unit,
    /// Times, eras and degrees (`p.m.`, `B.C.`, `Ph.D.`), rarely followed by a capitalised name:
    /// end the sentence before a capital, except a day, month or time zone, or when the sentence
    /// opened with a time phrase (`At 5 a.m. Mr. Smith went`).
    Final,
    /// A US state in AP style (`Calif.`): only after a comma (`Fresno, Calif.`).
    State,
    /// Everything else (`Inc.`, `Jr.`, `St.`, `U.S.`, `a.m.`, initials): ends the sentence only
    /// before a word that usually starts one.
    General,
}

/// The abbreviation `word` (without its period) is, if any. Case-sensitive: `Ill.` is Illinois,
/// `ill.` is not.
pub(crate) fn lookup(word: &str) -> Option<Abbrev> {
    lookup_exact(word).or_else(|| {
        // Headlines and datelines in capitals (`ST. LOUIS`, `GOV. SMITH`): retry as `St`, `Gov`.
        let bytes = word.as_bytes();
        if !(2..=6).contains(&bytes.len()) || !bytes.iter().all(u8::is_ascii_uppercase) {
            return None;
        }
        let mut buf = [0u8; 6];
        let title = &mut buf[..bytes.len()];
        title.copy_from_slice(bytes);
        title[1..].make_ascii_lowercase();
        let title = std::str::from_utf8(title).ok()?;
        lookup_exact(title).filter(|a| *a != Abbrev::Unit && *a != Abbrev::State)
    })
}

fn lookup_exact(word: &str) -> Option<Abbrev> {
    use Abbrev::*;
    let kind = match word {
        "Mr" | "Mrs" | "Ms" | "Mx" | "Dr" | "Prof" | "Gen" | "Lt" | "Col" | "Maj" | "Capt"
        | "Cmdr" | "Cmdt" | "Adm" | "Sgt" | "Cpl" | "Pvt" | "Gov" | "Sen" | "Sens" | "Rep"
        | "Reps" | "Rev" | "Hon" | "Pres" | "Supt" | "Det" | "Insp" | "Fr" | "Msgr" | "Brig"
        | "Amb" | "Atty" | "Gens" | "Messrs" | "Mmes" | "Mme" | "Mlle" | "Sec" | "Gov't" | "vs"
        | "v" | "Vs" | "eg" | "ie" | "cf" | "viz" | "approx" | "Rt" | "Ste" | "Pfc" | "Spc"
        | "Cpt" | "Sup" | "Asst" | "Assoc" => Title,
        "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov"
        | "Dec" => Month,
        "No" | "Nos" | "no" | "nos" | "Prop" | "p" | "pp" | "Art" | "art" | "Para" | "para"
        | "Ch" | "ch" => NumberPrefix,
        "lb" | "lbs" | "oz" | "ft" | "in" | "mi" | "yd" | "yds" | "sq" | "fl" | "gal" | "pt"
        | "qt" | "hr" | "hrs" | "min" | "mins" | "sec" | "secs" | "mo" | "mos" | "yr" | "yrs"
        | "cu" | "tsp" | "tbsp" | "Lb" | "Lbs" | "Oz" => Unit,
        "a.m" | "p.m" | "A.M" | "P.M" | "B.C" | "A.D" | "B.C.E" | "C.E" | "a.d" | "b.c"
        | "Ph.D" | "ph.d" | "M.D" | "B.A" | "M.A" | "B.S" | "M.S" | "M.B.A" | "J.D" | "LL.M"
        | "LL.B" | "LL.D" | "D.D.S" | "Ed.D" | "M.Sc" | "B.Sc" | "D.Phil" | "R.N" => Final,
        "Ala" | "Ariz" | "Ark" | "Calif" | "Colo" | "Conn" | "Del" | "Fla" | "Ga" | "Ill"
        | "Ind" | "Kan" | "Kans" | "Ky" | "La" | "Md" | "Mass" | "Mich" | "Minn" | "Miss"
        | "Mo" | "Mont" | "Neb" | "Nev" | "Okla" | "Ore" | "Pa" | "Penn" | "Tenn" | "Tex"
        | "Va" | "Vt" | "Wash" | "Wis" | "Wisc" | "Wyo" | "Alta" | "Ont" | "Que" | "Sask"
        | "Man" => State,
        "Inc" | "Co" | "Corp" | "Ltd" | "Bros" | "Cos" | "Jr" | "Sr" | "St" | "Dept" | "Ave"
        | "Blvd" | "Mt" | "Esq" | "Assn" | "Univ" | "Inst" | "Intl" | "Natl" | "Mfg" | "Rd"
        | "Hwy" | "Pkwy" | "Apt" | "Bldg" | "Vol" | "vol" | "Vols" | "Fig" | "fig" | "Figs"
        | "al" | "est" | "Est" | "ca" | "Op" | "op" | "Ed" | "ed" | "Eds" | "eds" | "Dist"
        | "Cal" | "Mex" | "Ft" | "Wm" | "Chas" | "Geo" | "Jas" | "Thos" => General,
        _ => return None,
    };
    Some(kind)
}

/// Whether `word` is a capitalised function word or adverb that usually begins a sentence, and so
/// rarely continues a name after an abbreviation.
pub(crate) fn is_starter(word: &str) -> bool {
    STARTERS.contains(&word)
}

/// The words of [`is_starter`]: articles, pronouns, conjunctions, prepositions, auxiliaries and
/// sentence adverbs, as they appear capitalised at a sentence's start.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Then",
    "Thus",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Your",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "If",
    "When",
    "While",
    "As",
    "In",
    "On",
    "At",
    "For",
    "From",
    "By",
    "With",
    "After",
    "Before",
    "During",
    "Since",
    "Although",
    "Though",
    "Because",
    "However",
    "Meanwhile",
    "Still",
    "Also",
    "Now",
    "Later",
    "Earlier",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Some",
    "Many",
    "Most",
    "All",
    "No",
    "Not",
    "Neither",
    "Each",
    "Every",
    "Both",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Which",
    "Do",
    "Does",
    "Did",
    "Is",
    "Are",
    "Was",
    "Were",
    "Has",
    "Have",
    "Had",
    "Will",
    "Would",
    "Can",
    "Could",
    "Should",
    "Might",
    "Must",
    "Let",
    "Please",
    "Other",
    "Another",
    "Even",
    "Only",
    "Despite",
    "Instead",
    "Under",
    "Over",
    "About",
    "Among",
    "Between",
    "To",
    "One",
    "Asked",
    "According",
    "Officials",
    "Police",
    "Here",
    "Last",
    "Until",
];

/// Days, months and time zones, which follow a time (`5 p.m. Tuesday`, `6 a.m. EST`).
pub(crate) fn is_time_word(word: &str) -> bool {
    matches!(
        word,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan."
            | "Feb."
            | "Aug."
            | "Sept."
            | "Oct."
            | "Nov."
            | "Dec."
            | "ET"
            | "EST"
            | "EDT"
            | "CT"
            | "CST"
            | "CDT"
            | "MT"
            | "MST"
            | "MDT"
            | "PT"
            | "PST"
            | "PDT"
            | "GMT"
            | "UTC"
            | "BST"
            | "CET"
            | "CEST"
            | "IST"
            | "JST"
            | "AEST"
            | "Eastern"
            | "Pacific"
            | "Central"
            | "Mountain"
            | "local"
            | "Local"
            | "Moscow"
            | "Kyiv"
    )
}

/// Prepositions that open a sentence with a time or place phrase (`At 5 a.m. ...`).
pub(crate) fn is_intro(word: &str) -> bool {
    matches!(
        word,
        "At" | "On"
            | "By"
            | "In"
            | "Around"
            | "Before"
            | "After"
            | "Since"
            | "Until"
            | "From"
            | "During"
            | "Between"
            | "About"
            | "Circa"
            | "Shortly"
            | "Early"
            | "Late"
    )
}

/// Verbs of saying that follow a quotation and its speaker (`“Why?” Trump asked.`).
pub(crate) fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "asked"
            | "asks"
            | "added"
            | "adds"
            | "told"
            | "tells"
            | "wrote"
            | "writes"
            | "replied"
            | "replies"
            | "continued"
            | "explained"
            | "noted"
            | "insisted"
            | "argued"
            | "stated"
            | "tweeted"
            | "declared"
            | "responded"
            | "recalled"
            | "shouted"
            | "answered"
            | "joked"
            | "quipped"
            | "warned"
            | "conceded"
            | "acknowledged"
            | "countered"
            | "exclaimed"
            | "sneered"
            | "mused"
            | "laughed"
            | "cried"
            | "demanded"
            | "whispered"
            | "concluded"
            | "agreed"
            | "admitted"
            | "claimed"
            | "posted"
            | "yelled"
            | "screamed"
            | "snapped"
            | "remarked"
            | "pleaded"
            | "wondered"
            | "boasted"
    )
}
