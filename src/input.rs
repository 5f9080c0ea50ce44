//! Reading caller input (a worker, options) from JSON values, with errors that name the
//! path and what was expected — never the value given, which may be a child's data.
//!
//! The readers take either a `serde_json::Value` or a value read borrowed
//! ([`crate::json::Json`]: records and workers from JavaScript), through [`Input`].

use crate::calendar::{parse_date, DateErrorKind, PublishedList};
use crate::error::{Error, Result};
use crate::json::Json;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A JSON value as the readers see it.
pub(crate) trait Input: Sized {
    /// The value under `key`, when this is an object that has it.
    fn key(&self, key: &str) -> Option<&Self>;
    /// Whether this is an object.
    fn is_object(&self) -> bool;
    /// The items, when this is an array.
    fn items(&self) -> Option<&[Self]>;
    /// The string, when this is one.
    fn text(&self) -> Option<&str>;
    /// The number, when this is one.
    fn number(&self) -> Option<f64>;
    /// The boolean, when this is one.
    fn boolean(&self) -> Option<bool>;
    /// Whether this is `null`.
    fn null(&self) -> bool;
}

impl Input for Value {
    fn key(&self, key: &str) -> Option<&Self> {
        self.as_object().and_then(|m| m.get(key))
    }
    fn is_object(&self) -> bool {
        Value::is_object(self)
    }
    fn items(&self) -> Option<&[Self]> {
        self.as_array().map(Vec::as_slice)
    }
    fn text(&self) -> Option<&str> {
        self.as_str()
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn null(&self) -> bool {
        self.is_null()
    }
}

impl Input for Json<'_> {
    fn key(&self, key: &str) -> Option<&Self> {
        match self {
            Json::Object(m) => m.get(key),
            _ => None,
        }
    }
    fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }
    fn items(&self) -> Option<&[Self]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }
    fn text(&self) -> Option<&str> {
        self.as_str()
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }
    fn null(&self) -> bool {
        self.is_null()
    }
}

/// An object at a path in the caller's input.
pub(crate) struct Obj<'a, V> {
    map: &'a V,
    path: String,
}

/// What the caller gave, as an object, or an error naming the path.
pub(crate) fn object<'a, V: Input>(v: &'a V, path: &str) -> Result<Obj<'a, V>> {
    if v.is_object() {
        Ok(Obj {
            map: v,
            path: path.to_string(),
        })
    } else {
        Err(Error::bad_argument(path, "an object"))
    }
}

/// A date at `path`.
pub(crate) fn date<V: Input>(v: &V, path: &str) -> Result<NaiveDate> {
    date_at(v, || path.to_string())
}

/// A date at a path made only when there is an error: a worker's history holds thousands of
/// dates, and formatting a path for each was as slow as the schedule itself.
fn date_at<V: Input>(v: &V, path: impl FnOnce() -> String) -> Result<NaiveDate> {
    let Some(s) = v.text() else {
        return Err(Error::bad_argument(path(), "a date string as YYYY-MM-DD"));
    };
    parse_date(s).map_err(|e| match e.kind() {
        DateErrorKind::NotACalendarDate => {
            Error::bad_argument(path(), "a real calendar date (this day does not exist)")
        }
        DateErrorKind::OutOfRange => {
            Error::bad_argument(path(), "a date in the years 0001 to 9999")
        }
        _ => Error::bad_argument(path(), "a date as YYYY-MM-DD"),
    })
}

/// `{at}[{i}]`, pushed, not formatted: a worker's history holds thousands of items.
fn item_path(at: &str, i: usize) -> String {
    let mut path = String::with_capacity(at.len().saturating_add(8));
    path.push_str(at);
    path.push('[');
    crate::words::push_number(&mut path, i);
    path.push(']');
    path
}

impl<'a, V: Input> Obj<'a, V> {
    fn at(&self, key: &str) -> String {
        // Pushed, not formatted: a worker's history reads thousands of these.
        let mut at =
            String::with_capacity(self.path.len().saturating_add(key.len()).saturating_add(1));
        if !self.path.is_empty() {
            at.push_str(&self.path);
            at.push('.');
        }
        at.push_str(key);
        at
    }

    /// The value under `key`, treating `null` (JS `undefined`) as absent.
    pub(crate) fn get(&self, key: &str) -> Option<&'a V> {
        self.map.key(key).filter(|v| !v.null())
    }

    pub(crate) fn req_str(&self, key: &str) -> Result<&'a str> {
        match self.get(key).map(|v| v.text()) {
            Some(Some(s)) => {
                crate::limits::check_id(s, || self.at(key))?;
                Ok(s)
            }
            Some(None) => Err(Error::bad_argument(self.at(key), "a string")),
            None => Err(Error::bad_argument(
                self.at(key),
                "a string (it is missing)",
            )),
        }
    }

    pub(crate) fn req_date(&self, key: &str) -> Result<NaiveDate> {
        match self.get(key) {
            Some(v) => date_at(v, || self.at(key)),
            None => Err(Error::bad_argument(
                self.at(key),
                "a date as YYYY-MM-DD (it is missing)",
            )),
        }
    }

    pub(crate) fn opt_date(&self, key: &str) -> Result<Option<NaiveDate>> {
        self.get(key)
            .map(|v| date_at(v, || self.at(key)))
            .transpose()
    }

    /// A whole number in `lo..=hi`.
    pub(crate) fn opt_u32(&self, key: &str, lo: u32, hi: u32) -> Result<Option<u32>> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        let n = v
            .number()
            .filter(|n| n.fract() == 0.0 && *n >= f64::from(lo) && *n <= f64::from(hi));
        match n {
            // Whole and in range, so the conversion is exact.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            Some(n) => Ok(Some(n as u32)),
            None => Err(Error::bad_argument(
                self.at(key),
                format!("a whole number from {lo} to {hi}"),
            )),
        }
    }

    /// `true` or `false` (absent: `None`).
    pub(crate) fn opt_bool(&self, key: &str) -> Result<Option<bool>> {
        match self.get(key).map(|v| v.boolean()) {
            None => Ok(None),
            Some(Some(b)) => Ok(Some(b)),
            Some(None) => Err(Error::bad_argument(self.at(key), "true or false")),
        }
    }

    /// A frequency as an agreement form writes one (`"fortnightly"`, `"every 4 weeks"`,
    /// `"2 weeks"`), read by [`Duration::parse_frequency`](crate::calendar::Duration).
    pub(crate) fn opt_frequency(&self, key: &str) -> Result<Option<crate::calendar::Duration>> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        v.text()
            .and_then(|s| crate::calendar::Duration::parse_frequency(s).ok())
            .map(Some)
            .ok_or_else(|| {
                Error::bad_argument(
                    self.at(key),
                    "a frequency such as \"weekly\", \"fortnightly\", \"monthly\", \
                     \"every 4 weeks\", \"six-weekly\", \"every six weeks\" or \"2 weeks\"",
                )
            })
    }

    /// A time of day as `HH:MM`.
    pub(crate) fn opt_time(&self, key: &str) -> Result<Option<crate::calendar::TimeOfDay>> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        v.text()
            .and_then(|s| crate::calendar::parse_time(s).ok())
            .map(|(hour, minute)| Some(crate::calendar::TimeOfDay { hour, minute }))
            .ok_or_else(|| Error::bad_argument(self.at(key), "a time of day as HH:MM (24-hour)"))
    }

    /// A fraction in (0, 1], in thousandths (0.6 → 600; 0.0005 is too small to keep).
    pub(crate) fn opt_fraction(&self, key: &str) -> Result<Option<u32>> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        let n = v
            .number()
            .filter(|n| *n > 0.0 && *n <= 1.0)
            .map(|n| (n * 1000.0).round())
            .filter(|n| *n >= 1.0);
        match n {
            // In 1..=1000, whole, so the conversion is exact.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            Some(n) => Ok(Some(n as u32)),
            None => Err(Error::bad_argument(
                self.at(key),
                "a number above 0 and at most 1 (the fraction of full-time hours)",
            )),
        }
    }

    /// One of the strings a serde enum accepts; `expected` lists them for the message.
    pub(crate) fn opt_enum<T: DeserializeOwned>(
        &self,
        key: &str,
        expected: &str,
    ) -> Result<Option<T>> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        enum_value_at(v, || self.at(key), expected).map(Some)
    }

    /// The array under `key` (absent = empty), each element with its path.
    pub(crate) fn array(&self, key: &str) -> Result<Vec<(String, &'a V)>> {
        match self.get(key).map(|v| v.items()) {
            None => Ok(Vec::new()),
            Some(Some(items)) => {
                crate::limits::of_key(key).check(items.len(), || self.at(key))?;
                let at = self.at(key);
                Ok(items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (item_path(&at, i), v))
                    .collect())
            }
            Some(_) => Err(Error::bad_argument(self.at(key), "an array")),
        }
    }

    /// The dates in the array under `key` (absent = none), each checked with its path.
    pub(crate) fn dates(&self, key: &str) -> Result<Vec<NaiveDate>> {
        match self.get(key).map(|v| v.items()) {
            None => Ok(Vec::new()),
            Some(Some(items)) => {
                crate::limits::of_key(key).check(items.len(), || self.at(key))?;
                // Room for them all at once (collected from results, the list grew by
                // reallocation: a caseload's discussion dates are thousands).
                let mut dates = Vec::with_capacity(items.len());
                for (i, v) in items.iter().enumerate() {
                    dates.push(date_at(v, || format!("{}[{i}]", self.at(key)))?);
                }
                Ok(dates)
            }
            Some(_) => Err(Error::bad_argument(self.at(key), "an array")),
        }
    }

    /// The object under `key`, if present.
    pub(crate) fn opt_object(&self, key: &str) -> Result<Option<Obj<'a, V>>> {
        self.get(key).map(|v| object(v, &self.at(key))).transpose()
    }
}

/// A string that must be one of an enum's values.
pub(crate) fn enum_value<T: DeserializeOwned, V: Input>(
    v: &V,
    path: &str,
    expected: &str,
) -> Result<T> {
    enum_value_at(v, || path.to_string(), expected)
}

/// [`enum_value`] with the path made only for an error.
fn enum_value_at<T: DeserializeOwned, V: Input>(
    v: &V,
    path: impl FnOnce() -> String,
    expected: &str,
) -> Result<T> {
    let Some(s) = v.text() else {
        return Err(Error::bad_argument(path(), format!("a string: {expected}")));
    };
    crate::json::enum_of(s).ok_or_else(|| Error::bad_argument(path(), format!("one of {expected}")))
}

/// An error at `path[i].id` for the first id that an earlier element of the list used:
/// results name a `what` by its id, so two with one id could not be told apart.
pub(crate) fn unique<'a>(
    ids: impl Iterator<Item = (usize, &'a str)>,
    path: &str,
    what: &str,
) -> Result<()> {
    let mut seen = std::collections::BTreeSet::new();
    for (i, id) in ids {
        if !seen.insert(id) {
            return Err(Error::bad_argument(
                format!("{path}[{i}].id"),
                format!("a {what} id not used by another {what} in the list"),
            ));
        }
    }
    Ok(())
}

/// The published list of bank holidays read from gov.uk's JSON: the boundary's reading, as
/// for a worker or a record (the calendar itself reads no JSON).
impl PublishedList {
    /// Reads gov.uk's `bank-holidays.json` (or its `england-and-wales` division alone,
    /// `{division, events: [{title, date}]}`).
    ///
    /// # Errors
    /// [`Error::BadArgument`] naming the part of `list` that is not as published
    /// (`list.division`, `list.events[3].date`).
    pub fn from_gov_uk(list: &serde_json::Value) -> Result<Self> {
        Self::read_gov_uk(list)
    }

    /// [`PublishedList::from_gov_uk`] over either kind of value (the JS boundary reads the
    /// list borrowed, with no `serde_json::Value`).
    pub(crate) fn read_gov_uk<V: Input>(list: &V) -> Result<Self> {
        let wrong_division = || Error::bad_argument("list.division", "\"england-and-wales\"");
        let division = list.key("england-and-wales").unwrap_or(list);
        let name = division
            .key("division")
            .and_then(V::text)
            .ok_or_else(wrong_division)?;
        let Some(events) = division.key("events").and_then(V::items) else {
            return Err(Error::bad_argument(
                "list.events",
                "an array of {title, date}",
            ));
        };
        let dates = events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let path = format!("list.events[{i}].date");
                match e.key("date") {
                    Some(d) => date(d, &path),
                    // As input::date reads a missing value (`null`).
                    None => Err(Error::bad_argument(path, "a date string as YYYY-MM-DD")),
                }
            })
            .collect::<Result<Vec<_>>>()?;
        PublishedList::from_events(name, dates).map_err(|_| wrong_division())
    }
}
