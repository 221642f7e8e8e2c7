//! The closed word classes the numeric rules use, matched on lowercase text with `match`
//! (compiled to comparisons, no allocation, no tables built at run time).
//!
//! Currency words are the head nouns of CLDR's English currency names
//! (`../shared/data/gazetteers/cldr_currencies_en.tsv`, Unicode licence), minus heads that are
//! common English words after a number (`won`, `real`, `mark`, `gold`, `unit`, `pound`: a bare
//! `pounds` is read as weight, `£` and `pounds sterling` as money).

/// `zero` ..= `nineteen`, and the spelled tens.
pub(super) fn small_number(w: &str) -> bool {
    matches!(
        w,
        "zero"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
    ) || tens(w)
}

pub(super) fn tens(w: &str) -> bool {
    matches!(
        w,
        "twenty" | "thirty" | "forty" | "fifty" | "sixty" | "seventy" | "eighty" | "ninety"
    )
}

/// The unit words that can follow a tens word after a hyphen (`twenty-three`).
pub(super) fn digit_word(w: &str) -> bool {
    matches!(
        w,
        "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine"
    )
}

/// Multipliers that follow a number (`150 billion`, `a hundred`, `$5bn`).
pub(super) fn scale(w: &str) -> bool {
    matches!(
        w,
        "hundred"
            | "thousand"
            | "million"
            | "billion"
            | "trillion"
            | "bn"
            | "mn"
            | "mln"
            | "bln"
            | "tn"
            | "trn"
    )
}

/// Plural, approximate amounts that stand alone as CARDINAL (`dozens`, `hundreds of thousands`).
pub(super) fn approx_plural(w: &str) -> bool {
    matches!(
        w,
        "dozens" | "hundreds" | "thousands" | "millions" | "billions" | "trillions" | "scores"
    )
}

/// Ordinal words, including the ones spelled with a tens prefix's unit (`twenty-first` is read
/// as `twenty` `-` `first`).
pub(super) fn ordinal_word(w: &str) -> bool {
    matches!(
        w,
        "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
            | "eleventh"
            | "twelfth"
            | "thirteenth"
            | "fourteenth"
            | "fifteenth"
            | "sixteenth"
            | "seventeenth"
            | "eighteenth"
            | "nineteenth"
            | "twentieth"
            | "thirtieth"
            | "fortieth"
            | "fiftieth"
            | "sixtieth"
            | "seventieth"
            | "eightieth"
            | "ninetieth"
            | "hundredth"
            | "thousandth"
            | "millionth"
            | "billionth"
            | "trillionth"
            | "nineth"
    )
}

pub(super) fn ordinal_suffix(s: &str) -> bool {
    matches!(s, "st" | "nd" | "rd" | "th")
}

pub(super) use crate::calendar::is_weekday as weekday;

/// Month names and their news abbreviations; the `bool` is whether it is an abbreviation
/// (which may take a glued period: `Feb.`, `Sept.`).
pub(super) fn month(w: &str) -> Option<bool> {
    if crate::calendar::is_month(w) {
        return Some(false);
    }
    match w {
        "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov"
        | "dec" => Some(true),
        _ => None,
    }
}

pub(super) fn season(w: &str) -> bool {
    matches!(w, "spring" | "summer" | "autumn" | "fall" | "winter")
}

/// Named days that OntoNotes tags DATE.
pub(super) fn holiday(w: &str) -> bool {
    matches!(w, "christmas" | "easter" | "thanksgiving" | "halloween")
}

/// Calendar periods of a day or longer: DATE.
pub(super) fn date_unit(w: &str) -> bool {
    matches!(
        w,
        "day" | "week" | "month" | "year" | "decade" | "century" | "fortnight" | "quarter"
    )
}

pub(super) fn date_units(w: &str) -> bool {
    matches!(
        w,
        "days" | "weeks" | "months" | "years" | "decades" | "centuries" | "quarters"
    )
}

/// Periods shorter than a day: TIME.
pub(super) fn time_unit(w: &str) -> bool {
    matches!(w, "hour" | "minute" | "second")
}

pub(super) fn time_units(w: &str) -> bool {
    matches!(w, "hours" | "minutes" | "seconds")
}

/// Parts of a day: `this morning`, `last night` are TIME.
pub(super) fn day_part(w: &str) -> bool {
    matches!(w, "morning" | "afternoon" | "evening" | "night")
}

/// Words that make a following period relative to now: `this week`, `last year`.
pub(super) fn deictic(w: &str) -> bool {
    matches!(w, "this" | "last" | "next" | "past" | "coming" | "previous")
}

/// Time zones that may follow a clock time (`3 p.m. GMT`).
pub(super) fn time_zone(w: &str) -> bool {
    matches!(
        w,
        "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "cest"
            | "et"
            | "est"
            | "edt"
            | "ct"
            | "cst"
            | "cdt"
            | "mt"
            | "mst"
            | "mdt"
            | "pt"
            | "pst"
            | "pdt"
    )
}

/// Currency symbols, one char each.
pub(super) fn currency_symbol(w: &str) -> bool {
    matches!(
        w,
        "$" | "€"
            | "£"
            | "¥"
            | "₹"
            | "₩"
            | "₽"
            | "₴"
            | "₪"
            | "₱"
            | "₫"
            | "₺"
            | "₦"
            | "₿"
            | "₭"
            | "₡"
            | "₾"
    )
}

/// Letters glued before `$` that name the dollar (`US$`, `C$`, `HK$`).
pub(super) fn dollar_prefix(w: &str) -> bool {
    matches!(
        w,
        "us" | "a" | "au" | "c" | "ca" | "hk" | "nz" | "nt" | "r" | "mx" | "s" | "sg" | "ec"
    )
}

/// ISO 4217 codes of the currencies news mentions most; matched only uppercase and next to a
/// number.
pub(super) fn currency_code(raw: &str) -> bool {
    // Every code below has three letters: most words are answered here. Matched as a byte
    // array, which compiles to a few byte tests rather than a string comparison per code (the
    // test runs at every word the number finder scans).
    let Ok(code) = <[u8; 3]>::try_from(raw.as_bytes()) else {
        return false;
    };
    // Lowercased text writes the commonest codes in lowercase; `try` and `all` stay words.
    matches!(
        &code,
        b"usd"
            | b"eur"
            | b"gbp"
            | b"rmb"
            | b"cny"
            | b"jpy"
            | b"rub"
            | b"uah"
            | b"inr"
            | b"chf"
            | b"btc"
    ) || matches!(
        &code,
        b"BTC"
            | b"USD"
            | b"EUR"
            | b"GBP"
            | b"JPY"
            | b"CNY"
            | b"RMB"
            | b"RUB"
            | b"UAH"
            | b"INR"
            | b"CHF"
            | b"CAD"
            | b"AUD"
            | b"NZD"
            | b"HKD"
            | b"SEK"
            | b"NOK"
            | b"DKK"
            | b"PLN"
            | b"TRY"
            | b"BRL"
            | b"MXN"
            | b"ZAR"
            | b"KRW"
            | b"SGD"
            | b"ILS"
            | b"SAR"
            | b"AED"
            | b"NGN"
            | b"KES"
    )
}

/// Head nouns of currency names (`150 billion euros`, `10 Hong Kong dollars`).
pub(super) fn currency_word(w: &str) -> bool {
    matches!(
        w,
        "dollar"
            | "dollars"
            | "euro"
            | "euros"
            | "cent"
            | "cents"
            | "pence"
            | "penny"
            | "pennies"
            | "sterling"
            | "yen"
            | "yuan"
            | "renminbi"
            | "rupee"
            | "rupees"
            | "rupiah"
            | "rupiahs"
            | "ruble"
            | "rubles"
            | "rouble"
            | "roubles"
            | "kopecks"
            | "hryvnia"
            | "hryvnias"
            | "hryvnias'"
            | "franc"
            | "francs"
            | "peso"
            | "pesos"
            | "lira"
            | "liras"
            | "lire"
            | "shekel"
            | "shekels"
            | "dinar"
            | "dinars"
            | "dirham"
            | "dirhams"
            | "rial"
            | "rials"
            | "riyal"
            | "riyals"
            | "krona"
            | "kronor"
            | "krone"
            | "kroner"
            | "zloty"
            | "zlotys"
            | "forint"
            | "forints"
            | "baht"
            | "ringgit"
            | "ringgits"
            | "naira"
            | "rand"
            | "shilling"
            | "shillings"
            | "kwacha"
            | "cedi"
            | "cedis"
            | "birr"
            | "leu"
            | "lei"
            | "lev"
            | "leva"
            | "koruna"
            | "korunas"
            | "tenge"
            | "manat"
            | "lari"
            | "dram"
            | "drams"
            | "bolivar"
            | "bolivars"
            | "bolívar"
            | "bolívares"
            | "reais"
            | "taka"
            | "kyat"
            | "kyats"
            | "dong"
            | "afghani"
            | "afghanis"
            | "somoni"
            | "bitcoin"
            | "bitcoins"
    )
}

/// Units of measure written as words or abbreviations after a number (QUANTITY).
pub(super) fn measure(w: &str) -> bool {
    length_area_or_mass(w) || volume_or_other_unit(w)
}

/// Units of length, area and mass: `miles`, `km`, `acres`, `tonnes`, `lbs`.
fn length_area_or_mass(w: &str) -> bool {
    matches!(
        w,
        "mile"
            | "miles"
            | "kilometer"
            | "kilometers"
            | "kilometre"
            | "kilometres"
            | "km"
            | "kms"
            | "meter"
            | "meters"
            | "metre"
            | "metres"
            | "centimeter"
            | "centimeters"
            | "centimetre"
            | "centimetres"
            | "cm"
            | "millimeter"
            | "millimeters"
            | "millimetre"
            | "millimetres"
            | "mm"
            | "foot"
            | "feet"
            | "ft"
            | "inch"
            | "inches"
            | "yard"
            | "yards"
            | "acre"
            | "acres"
            | "hectare"
            | "hectares"
            | "ton"
            | "tons"
            | "tonne"
            | "tonnes"
            | "kilogram"
            | "kilograms"
            | "kilogramme"
            | "kilogrammes"
            | "kg"
            | "kgs"
            | "kilo"
            | "kilos"
            | "gram"
            | "grams"
            | "gramme"
            | "grammes"
            | "milligram"
            | "milligrams"
            | "mg"
            | "pound"
            | "pounds"
            | "lb"
            | "lbs"
            | "ounce"
            | "ounces"
            | "oz"
    )
}

/// Units of volume, temperature, speed, power, energy and data: `litres`, `barrels`, `degrees`,
/// `mph`, `megawatts`, `calories`, `gigabytes`.
fn volume_or_other_unit(w: &str) -> bool {
    matches!(
        w,
        "liter"
            | "liters"
            | "litre"
            | "litres"
            | "milliliter"
            | "milliliters"
            | "millilitre"
            | "millilitres"
            | "ml"
            | "gallon"
            | "gallons"
            | "barrel"
            | "barrels"
            | "bpd"
            | "degree"
            | "degrees"
            | "deg"
            | "celsius"
            | "fahrenheit"
            | "celcius"
            | "farenheit"
            | "centigrade"
            | "centigrate"
            | "mph"
            | "kph"
            | "knot"
            | "knots"
            | "watt"
            | "watts"
            | "kilowatt"
            | "kilowatts"
            | "megawatt"
            | "megawatts"
            | "gigawatt"
            | "gigawatts"
            | "kw"
            | "kwh"
            | "mw"
            | "mwh"
            | "gw"
            | "gwh"
            | "twh"
            | "volt"
            | "volts"
            | "calorie"
            | "calories"
            | "kcal"
            | "bushel"
            | "bushels"
            | "megabyte"
            | "megabytes"
            | "gigabyte"
            | "gigabytes"
            | "terabyte"
            | "terabytes"
            | "mb"
            | "gb"
            | "tb"
            | "decibels"
            | "megatons"
            | "kilotons"
    )
}

/// Words that make the next unit an area or volume (`100 square feet`).
pub(super) fn measure_prefix(w: &str) -> bool {
    matches!(
        w,
        "square" | "cubic" | "sq" | "nautical" | "metric" | "light"
    )
}

/// Words after `degrees` that belong to the quantity.
pub(super) fn temperature_scale(w: &str) -> bool {
    matches!(
        w,
        "celsius"
            | "fahrenheit"
            | "centigrade"
            | "c"
            | "f"
            | "kelvin"
            | "celcius"
            | "farenheit"
            | "centigrate"
    )
}

/// Letter suffixes glued to digits that make a quantity (`5km`, `10kg`, `3ft`), lowercase as written.
pub(super) fn glued_measure(suffix: &str) -> bool {
    measure(suffix) || matches!(suffix, "g" | "l" | "t" | "c" | "f")
}

/// Glued suffixes that scale a number (`$5bn`, `$3m`, `20k`).
pub(super) fn glued_scale(suffix: &str) -> bool {
    matches!(suffix, "bn" | "b" | "m" | "mn" | "mln" | "k" | "tn" | "trn")
}

/// One-word hedges before an amount: `about 30%`, `nearly 2,000`.
pub(super) fn hedge_word(w: &str) -> bool {
    matches!(
        w,
        "about"
            | "around"
            | "approximately"
            | "nearly"
            | "almost"
            | "roughly"
            | "some"
            | "over"
            | "under"
            | "barely"
            | "estimated"
            | "circa"
            | "approx"
    )
}

/// Abbreviated time units after a number (`3 hrs`, `20 min`).
pub(super) fn time_abbrev(w: &str) -> bool {
    matches!(w, "hr" | "hrs" | "min" | "mins" | "sec" | "secs")
}
