//! Deriving the gazetteer lexicons (`lexicons/*.txt`) from the gazetteer tables: countries,
//! cities, states, regions, demonyms and languages, each a sorted, deduplicated list of names.

/// The gazetteer files `build_lexicons` reads, by file name under `data/gazetteers/`.
pub const GAZETTEER_FILES: [&str; 6] = [
    "geonames_countries.tsv",
    "cldr_territories_en.tsv",
    "countryinfo_demonyms.tsv",
    "geonames_cities15000.tsv",
    "us_states.tsv",
    "cldr_languages_en.tsv",
];

/// Continents and other regions the gazetteers do not list.
const REGIONS: [&str; 31] = [
    "Africa",
    "Asia",
    "Europe",
    "North America",
    "South America",
    "Oceania",
    "Antarctica",
    "Middle East",
    "Far East",
    "Balkans",
    "Caucasus",
    "Scandinavia",
    "Gulf",
    "Pacific",
    "Atlantic",
    "Mediterranean",
    "Arctic",
    "West Bank",
    "Gaza Strip",
    "Gaza",
    "Kashmir",
    "Siberia",
    "Central Europe",
    "Eastern Europe",
    "Western Europe",
    "Latin America",
    "Central America",
    "East Africa",
    "West Africa",
    "Southeast Asia",
    "Central Asia",
];

/// Derives the lexicon files from the gazetteers (texts in the order of [`GAZETTEER_FILES`]).
/// Returns `(file name, contents)` in the order of [`lexicon_files`], sorted, deduplicated lines,
/// for every file but the last: the first names are `first_names.tsv`, which
/// `cargo xtask build-lexicons` writes for the speaker resolver too.
///
/// [`lexicon_files`]: super::lexicon_files
pub fn build_lexicons(gazetteers: &[&str]) -> Vec<(&'static str, String)> {
    let [countries, territories, demonyms, cities, states, languages] = gazetteers else {
        panic!(
            "build_lexicons needs the {} gazetteer texts",
            GAZETTEER_FILES.len()
        );
    };
    let mut country = Vec::new();
    let mut city = Vec::new();
    let mut state = Vec::new();
    let mut region = Vec::new();
    let mut demonym = Vec::new();
    let mut language = Vec::new();
    for r in rows(countries) {
        if let Some(name) = r.get(2) {
            country.push(name.to_string());
        }
    }
    read_territories(territories, &mut country, &mut region);
    read_demonyms(demonyms, &mut country, &mut demonym, &mut region);
    for r in rows(cities) {
        if let Some(name) = r.get(1) {
            city.push(name.to_string());
        }
    }
    for r in rows(states) {
        if let Some(name) = r.first() {
            state.push(name.to_string());
        }
    }
    for r in rows(languages) {
        if let Some(name) = r.get(1)
            && !name.contains('(')
        {
            language.push(name.to_string());
        }
    }
    for continent in REGIONS {
        region.push(continent.to_string());
    }
    vec![
        ("countries.txt", finish(country)),
        ("cities.txt", finish(city)),
        ("states.txt", finish(state)),
        ("regions.txt", finish(region)),
        ("demonyms.txt", finish(demonym)),
        ("languages.txt", finish(language)),
    ]
}

/// CLDR's territories: countries under their names (and with `and` for `&`), and regions.
fn read_territories(territories: &str, country: &mut Vec<String>, region: &mut Vec<String>) {
    for r in rows(territories) {
        let (Some(code), Some(name)) = (r.first(), r.get(1)) else {
            continue;
        };
        // Numeric codes are regions (`Eastern Europe`); letters are territories.
        if code.chars().all(|c| c.is_ascii_digit()) {
            if name.chars().next().is_some_and(char::is_uppercase) {
                region.push(name.to_string());
            }
        } else {
            country.push(name.replace(" & ", " and "));
            country.push(name.to_string());
        }
    }
}

/// The demonym table: country names and their alternatives, demonyms (and their plurals), and
/// the regions countries lie in.
fn read_demonyms(
    demonyms: &str,
    country: &mut Vec<String>,
    demonym: &mut Vec<String>,
    region: &mut Vec<String>,
) {
    for r in rows(demonyms) {
        if let Some(name) = r.first() {
            country.push(name.to_string());
        }
        if let Some(d) = r.get(1).filter(|d| !d.is_empty()) {
            demonym.push(d.to_string());
            if d.ends_with('n') || d.ends_with('i') {
                demonym.push(format!("{d}s"));
            }
        }
        if let Some(alts) = r.get(6) {
            for alt in alts.split('|') {
                // Two-letter codes (`US`, `IN`) collide with words; longer codes (`USA`) do not.
                if alt.chars().count() >= 3 && alt.chars().all(|c| c.is_alphabetic() || c == ' ') {
                    country.push(alt.to_string());
                }
            }
        }
        if let Some(region_name) = r.get(8).filter(|s| !s.is_empty()) {
            region.push(region_name.to_string());
        }
    }
}

/// A lexicon file's text: the names trimmed, blank ones dropped, sorted, deduplicated, one a line.
fn finish(mut v: Vec<String>) -> String {
    v.retain(|s| !s.trim().is_empty());
    for s in &mut v {
        *s = s.trim().to_string();
    }
    v.sort();
    v.dedup();
    let mut text = v.join("\n");
    text.push('\n');
    text
}

/// The rows of a TSV file after its header line, split into columns.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> + '_ {
    text.lines()
        .skip(1)
        .map(|l| l.split('\t').collect::<Vec<_>>())
}
