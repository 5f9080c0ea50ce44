//! Runs: a breach that repeats period after period for one subject and one rule is reported
//! once, with its first and last date and a count (`docs/finding-codes.md`, *Runs*).
//!
//! A chained breach (one made with a period, e.g. a `cadence-gap` from the session before to
//! the late session) continues a run when it has the same code, rule and subject (the worker,
//! the team, or the same child or supervisor) and its period begins on the day the run's last
//! period ended: the late event that closed one period opened the next, so nothing on time
//! came in between. One sort and one pass: n·log n in the breaches.

use crate::code::Code;
use crate::finding::{Finding, Run};
use crate::words::long_date;
use chrono::NaiveDate;

/// Whom a breach is about, read from its path: `cases[2]` or `supervisors[0]`, else the
/// worker (or the team) as a whole.
fn subject(path: &str) -> &str {
    for prefix in ["cases[", "supervisors["] {
        if path.starts_with(prefix) {
            if let Some(end) = path.find(']') {
                return &path[..=end];
            }
        }
    }
    ""
}

type Key<'b> = (Code, Option<&'b str>, &'b str);

fn key(b: &Finding) -> Key<'_> {
    (b.code, b.rule.as_deref(), subject(&b.path))
}

/// The breaches with each run merged into its first breach, in the order they were found;
/// every breach's period is cleared.
pub(crate) fn merge(mut breaches: Vec<Finding>) -> Vec<Finding> {
    // (key, from, to, index) of each chained breach, in order of key and period.
    let mut chained: Vec<(Key<'_>, NaiveDate, NaiveDate, usize)> = breaches
        .iter()
        .enumerate()
        .filter_map(|(i, b)| b.period.map(|(from, to)| (key(b), from, to, i)))
        .collect();
    crate::sort::sort(&mut chained);
    // For each breach: the index of the run's first breach it belongs to, when not its own.
    let mut into: Vec<Option<usize>> = vec![None; breaches.len()];
    // For each run's first breach: the last day and the count.
    let mut runs: Vec<(usize, NaiveDate, u32)> = Vec::new();
    let mut open: Option<(Key<'_>, usize, NaiveDate, u32)> = None;
    for (k, from, to, i) in chained {
        match &mut open {
            Some((ok, head, last, count)) if *ok == k && *last == from => {
                if let Some(slot) = into.get_mut(i) {
                    *slot = Some(*head);
                }
                *last = to;
                *count = count.saturating_add(1);
            }
            _ => {
                if let Some((_, head, last, count)) = open.take() {
                    runs.push((head, last, count));
                }
                open = Some((k, i, to, 1));
            }
        }
    }
    if let Some((_, head, last, count)) = open {
        runs.push((head, last, count));
    }
    for (head, last, count) in runs {
        if count > 1 {
            if let Some(b) = breaches.get_mut(head) {
                mark(b, last, count);
            }
        }
    }
    breaches
        .into_iter()
        .zip(into)
        .filter(|(_, into)| into.is_none())
        .map(|(mut b, _)| {
            b.period = None;
            b
        })
        .collect()
}

/// Makes a run's first breach stand for the run.
fn mark(b: &mut Finding, last: NaiveDate, count: u32) {
    let Some((_, first)) = b.period else {
        return;
    };
    b.message = format!(
        "{} It happened {count} times in a row, from {} to {}.",
        b.message,
        long_date(first),
        long_date(last)
    );
    b.run = Some(Run { first, last, count });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, day).unwrap_or_default()
    }

    fn chained(path: &str, from: u32, to: u32) -> Finding {
        Finding {
            path: path.to_string(),
            pointer: None,
            code: Code::CadenceGap,
            message: "Late.".to_string(),
            source: "s".to_string(),
            severity: Severity::Error,
            rule: Some("r".to_string()),
            run: None,
            reading: None,
            period: Some((d(from), d(to))),
        }
    }

    #[test]
    fn a_chain_merges_and_a_break_or_another_child_does_not() {
        let out = merge(vec![
            chained("sessions[1]", 1, 5),
            chained("cases[0].discussed", 1, 5),
            chained("sessions[2]", 5, 9),
            chained("cases[1].discussed", 5, 9),
            chained("sessions[3]", 9, 14),
            // An on-time session on the 14th opened the next period on the 15th: a new run.
            chained("sessions[5]", 15, 20),
        ]);
        let paths: Vec<&str> = out.iter().map(|b| b.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "sessions[1]",
                "cases[0].discussed",
                "cases[1].discussed",
                "sessions[5]"
            ]
        );
        // Late on 5, 9 and 14 March: 3 times, from the 5th to the 14th.
        let run = out.first().and_then(|b| b.run);
        assert_eq!(
            run,
            Some(Run {
                first: d(5),
                last: d(14),
                count: 3
            })
        );
        assert_eq!(
            out.first().map(|b| b.message.as_str()),
            Some("Late. It happened 3 times in a row, from 5 March 2026 to 14 March 2026.")
        );
        assert!(out
            .iter()
            .skip(1)
            .all(|b| b.run.is_none() && b.period.is_none()));
    }
}
