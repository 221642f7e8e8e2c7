//! The calendar's names (weekdays, months), one list for the date finder, the name rules and the
//! claims stage. Every test takes a word in any letter case.

/// The days of the week, lower-case.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The months, lower-case, in order.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether `w` names a day of the week (`Monday`, `monday`).
pub fn is_weekday(w: &str) -> bool {
    (6..=9).contains(&w.len()) && WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(w))
}

/// Whether `w` names a month in full (`March`, `may`).
pub fn is_month(w: &str) -> bool {
    (3..=9).contains(&w.len()) && MONTHS.iter().any(|m| m.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_in_any_case_and_nothing_else() {
        for w in WEEKDAYS {
            assert!(is_weekday(w) && is_weekday(&w.to_uppercase()) && !is_month(w));
        }
        for m in MONTHS {
            assert!(is_month(m) && is_month(&m.to_uppercase()) && !is_weekday(m));
        }
        for w in ["mon", "mondays", "sept", "day", "", "Mayor"] {
            assert!(!is_weekday(w) && !is_month(w), "{w}");
        }
    }
}
