#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use super::holidays::easter_sunday;
use super::*;
use chrono::{Datelike, NaiveDate, Weekday};
use proptest::prelude::*;

fn date(s: &str) -> NaiveDate {
    parse_date(s).unwrap_or_else(|e| panic!("bad test date {s}: {e}"))
}

fn dates(list: &[&str]) -> Vec<NaiveDate> {
    list.iter().map(|s| date(s)).collect()
}

fn formatted(list: Vec<NaiveDate>) -> Vec<String> {
    list.into_iter().map(format_date).collect()
}

mod arithmetic;
mod bank_holidays;
mod properties;
mod working_days;
