//! Findings: what validation and the schedule's audit report, as data.

pub use crate::code::{Code, Origin, Severity};
use chrono::NaiveDate;
use serde::Serialize;

/// One thing wrong with a record, or one past breach of a policy.
///
/// A finding never carries the value it is about: records hold children's personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The field's id, or a path into it: `actions[2].when`.
    pub path: String,
    /// The same place as a JSON Pointer (RFC 6901) into the record: `/actions/2/when`. Every
    /// finding of [`validate`](crate::validate) has one; a schedule's breach has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// What kind of problem: a stable code, listed in `docs/finding-codes.md`.
    pub code: Code,
    /// Plain English, naming the field by its label and saying what to do.
    pub message: String,
    /// The policy file and clause.
    pub source: String,
    /// `error`, `warning` or `advisory`.
    pub severity: Severity,
    /// With severity `advisory`: why the limit is ours and not the policy's (the rule's
    /// `reading`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// For a schedule breach, the id of the policy rule that was broken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// For a schedule breach that repeated period after period (see
    /// `docs/finding-codes.md`, *Runs*): the breaches merged into this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run: Option<Run>,
    /// While the schedule is worked out: the period a chained breach is about, from the day
    /// it counts from to the day of the late event. Never written out.
    #[serde(skip)]
    pub(crate) period: Option<(NaiveDate, NaiveDate)>,
}

/// Breaches of one rule for one subject, period after period, reported as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Run {
    /// The day of the first breach's late event.
    #[serde(with = "iso_date")]
    pub first: NaiveDate,
    /// The day of the last one's.
    #[serde(with = "iso_date")]
    pub last: NaiveDate,
    /// How many breaches in a row.
    pub count: u32,
}

impl Finding {
    /// Writes the finding as JSON text, byte for byte as serde_json writes it (its
    /// `Serialize`: the keys in this order, `None`s left out), with no serializer: the form
    /// page's `.wasm` writes its reports with this (issue 20).
    pub(crate) fn write_json(&self, out: &mut String) {
        use crate::json::write::string;
        out.push_str("{\"path\":");
        string(out, &self.path);
        if let Some(pointer) = &self.pointer {
            out.push_str(",\"pointer\":");
            string(out, pointer);
        }
        out.push_str(",\"code\":");
        string(out, self.code.as_str());
        out.push_str(",\"message\":");
        string(out, &self.message);
        out.push_str(",\"source\":");
        string(out, &self.source);
        out.push_str(match self.severity {
            Severity::Error => ",\"severity\":\"error\"",
            Severity::Warning => ",\"severity\":\"warning\"",
            Severity::Advisory => ",\"severity\":\"advisory\"",
        });
        if let Some(reading) = &self.reading {
            out.push_str(",\"reading\":");
            string(out, reading);
        }
        if let Some(rule) = &self.rule {
            out.push_str(",\"rule\":");
            string(out, rule);
        }
        if let Some(run) = &self.run {
            use crate::calendar::format_date;
            out.push_str(",\"run\":{\"first\":");
            string(out, &format_date(run.first));
            out.push_str(",\"last\":");
            string(out, &format_date(run.last));
            out.push_str(",\"count\":");
            out.push_str(&crate::json::write::integer(u64::from(run.count)));
            out.push('}');
        }
        out.push('}');
    }
}

/// Findings as a JSON array (see [`Finding::write_json`]).
pub(crate) fn write_json_list(findings: &[Finding], out: &mut String) {
    out.push('[');
    for (i, f) in findings.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        f.write_json(out);
    }
    out.push(']');
}

mod iso_date {
    use crate::calendar::format_date;
    use chrono::NaiveDate;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_date(*d))
    }
}

// proptest is a host-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    fn json(f: &Finding) -> String {
        let mut out = String::new();
        f.write_json(&mut out);
        out
    }

    #[test]
    fn a_finding_written_by_hand() {
        // Worked by hand from the struct's order: `None`s left out, dates ISO, count a number.
        let mut f = Finding {
            path: "actions[2].when".into(),
            pointer: Some("/actions/2/when".into()),
            code: Code::ALL[0],
            message: "Say \"when\".".into(),
            source: "a.txt §1".into(),
            severity: Severity::Warning,
            reading: None,
            rule: None,
            run: None,
            period: Some((date(2026, 1, 1), date(2026, 2, 1))),
        };
        let code = Code::ALL[0].as_str();
        assert_eq!(
            json(&f),
            format!(
                r#"{{"path":"actions[2].when","pointer":"/actions/2/when","code":"{code}","message":"Say \"when\".","source":"a.txt §1","severity":"warning"}}"#
            )
        );
        f.pointer = None;
        f.severity = Severity::Advisory;
        f.reading = Some("r".into());
        f.rule = Some("r1".into());
        f.run = Some(Run {
            first: date(2026, 3, 2),
            last: date(2026, 12, 31),
            count: 7,
        });
        assert_eq!(
            json(&f),
            format!(
                r#"{{"path":"actions[2].when","code":"{code}","message":"Say \"when\".","source":"a.txt §1","severity":"advisory","reading":"r","rule":"r1","run":{{"first":"2026-03-02","last":"2026-12-31","count":7}}}}"#
            )
        );
    }

    fn any_finding() -> impl Strategy<Value = Finding> {
        let text = || any::<String>();
        let day = || (-400i32..12000, 1u32..13, 1u32..29).prop_map(|(y, m, d)| date(y, m, d));
        (
            (
                text(),
                proptest::option::of(text()),
                0..Code::ALL.len(),
                text(),
                text(),
            ),
            (
                0u8..3,
                proptest::option::of(text()),
                proptest::option::of(text()),
            ),
            proptest::option::of((day(), day(), any::<u32>())),
        )
            .prop_map(
                |((path, pointer, code, message, source), (severity, reading, rule), run)| {
                    Finding {
                        path,
                        pointer,
                        code: Code::ALL[code],
                        message,
                        source,
                        severity: [Severity::Error, Severity::Warning, Severity::Advisory]
                            [usize::from(severity)],
                        reading,
                        rule,
                        run: run.map(|(first, last, count)| Run { first, last, count }),
                        period: None,
                    }
                },
            )
    }

    proptest! {
        /// Any finding, and any list of them, as serde_json writes it. (Reports: every
        /// report of the recorded corpus, `tests/recorded_corpus.rs`.)
        #[test]
        fn as_serde_json_writes_it(findings in proptest::collection::vec(any_finding(), 0..4)) {
            for f in &findings {
                prop_assert_eq!(json(f), serde_json::to_string(f).unwrap());
            }
            let mut list = String::new();
            write_json_list(&findings, &mut list);
            prop_assert_eq!(list, serde_json::to_string(&findings).unwrap());
        }
    }
}
