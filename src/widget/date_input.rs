//! The GOV.UK date input: one date field read from three boxes (day, month, year).
//!
//! The boxes make the field's value as `YYYY-MM-DD` (day and month zero-padded), or blank
//! when all three are blank, so the core checks the date as it checks any other. Boxes that
//! make no date (one or two left blank, a letter, a two-digit year) give the core a value it
//! cannot read, and the core's "written as YYYY-MM-DD" finding is then put in the words of
//! GOV.UK's date input pattern ("must include a month", "must be a real date"): the user
//! never sees "Enter the date" beside a filled-in date, nor a format they did not type.

/// What three boxes hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum DateBoxes {
    /// All three blank.
    Blank,
    /// A date written `YYYY-MM-DD` (the core still checks that it is a real one).
    Date(String),
    /// Some boxes blank: which (`day`, `month`, `year`, in that order).
    Missing(Vec<&'static str>),
    /// A box holds something other than digits, or too many of them.
    NotReal,
    /// A year without four digits.
    ShortYear,
}

/// The value the core is given for boxes that make no date: never a date, and no text of
/// the user's.
const NO_DATE: &str = "not-a-date";

impl DateBoxes {
    /// Reads the three boxes' text (surrounding white space ignored).
    pub(super) fn read(day: &str, month: &str, year: &str) -> DateBoxes {
        let boxes = [
            ("day", day.trim()),
            ("month", month.trim()),
            ("year", year.trim()),
        ];
        let missing: Vec<&'static str> = boxes
            .iter()
            .filter(|(_, v)| v.is_empty())
            .map(|(k, _)| *k)
            .collect();
        if missing.len() == boxes.len() {
            return DateBoxes::Blank;
        }
        if !missing.is_empty() {
            return DateBoxes::Missing(missing);
        }
        let digits = |s: &str, max: usize| {
            !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
        };
        let (day, month, year) = (day.trim(), month.trim(), year.trim());
        if !digits(day, 2) || !digits(month, 2) || !year.bytes().all(|b| b.is_ascii_digit()) {
            return DateBoxes::NotReal;
        }
        if year.len() != 4 {
            return DateBoxes::ShortYear;
        }
        DateBoxes::Date(format!("{year}-{month:0>2}-{day:0>2}"))
    }

    /// The field's value in the record.
    pub(super) fn value(&self) -> &str {
        match self {
            DateBoxes::Blank => "",
            DateBoxes::Date(s) => s,
            _ => NO_DATE,
        }
    }

    /// The message for boxes that make no date, opening with the field's name (`subject`).
    pub(super) fn message(&self, subject: &str) -> Option<String> {
        match self {
            DateBoxes::Blank | DateBoxes::Date(_) => None,
            DateBoxes::Missing(parts) => {
                Some(format!("{subject} must include a {}", parts.join(" and ")))
            }
            DateBoxes::NotReal => Some(format!("{subject} must be a real date")),
            DateBoxes::ShortYear => Some(format!(
                "{subject} must include a year with 4 numbers, like 2026"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DateBoxes;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn boxes_make_a_date() {
        // 3 / 7 / 2026 → 2026-07-03: day and month padded to two digits.
        assert_eq!(
            DateBoxes::read(" 3", "7 ", "2026"),
            DateBoxes::Date("2026-07-03".into())
        );
        assert_eq!(DateBoxes::read("31", "12", "2025").value(), "2025-12-31");
        // 30 / 2 / 2026 is written as a date; the core finds that it is not a real one.
        assert_eq!(DateBoxes::read("30", "2", "2026").value(), "2026-02-30");
        assert_eq!(DateBoxes::read("", " ", "").value(), "");
    }

    #[wasm_bindgen_test]
    fn boxes_that_make_no_date() {
        let s = "Date of supervision";
        let msg = |d, m, y| DateBoxes::read(d, m, y).message(s).unwrap_or_default();
        assert_eq!(
            msg("3", "", "2026"),
            "Date of supervision must include a month"
        );
        assert_eq!(
            msg("3", "", ""),
            "Date of supervision must include a month and year"
        );
        assert_eq!(
            msg("", "7", ""),
            "Date of supervision must include a day and year"
        );
        assert_eq!(
            msg("3", "July", "2026"),
            "Date of supervision must be a real date"
        );
        assert_eq!(
            msg("123", "7", "2026"),
            "Date of supervision must be a real date"
        );
        assert_eq!(
            msg("3", "7", "26"),
            "Date of supervision must include a year with 4 numbers, like 2026"
        );
        assert_eq!(DateBoxes::read("3", "", "2026").value(), "not-a-date");
    }
}
