//! Schedules written as JSON text by hand, for the JS boundary (issue 20, stop 29): the same
//! text serde_json writes for [`Schedule`]'s derive, byte for byte, without its generic
//! serialiser. A team's 10,000 children are 14,000 obligations and 4.8 MB of text; most of
//! their strings (ids, the policy's source and rule ids, reasons) need no escaping and are
//! copied whole. Breaches and advisories (left out when only due dates are wanted) are
//! written as `validate`'s findings are (`Finding::write_json`, held to serde_json's text in
//! `finding.rs`), so no build writes a schedule with serde_json's serialiser (stop 30).

use super::output::{Obligation, Schedule};
use crate::calendar::format_date;
use crate::finding::{write_json_list, Finding};
use crate::json::write::string;
use chrono::{Datelike, NaiveDate};

/// Appends the JSON object of one schedule to `out`: `asOf`, `obligations`, `breaches`,
/// `advisories`, in the derive's order. Always `true` (it was `false` when serde_json
/// refused a breach, which it never did).
pub(crate) fn schedule(out: &mut Vec<u8>, s: &Schedule) -> bool {
    out.extend_from_slice(b"{\"asOf\":");
    date(out, s.as_of);
    out.extend_from_slice(b",\"obligations\":[");
    for (i, o) in s.obligations.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        obligation(out, o);
    }
    out.extend_from_slice(b"],\"breaches\":");
    findings(out, &s.breaches);
    out.extend_from_slice(b",\"advisories\":");
    findings(out, &s.advisories);
    out.push(b'}');
    true
}

/// Breaches or advisories as `validate`'s findings are written (`write_json_list`); none
/// (due dates only) as `[]`, with no buffer.
fn findings(out: &mut Vec<u8>, list: &[Finding]) {
    if list.is_empty() {
        out.extend_from_slice(b"[]");
        return;
    }
    let mut text = String::new();
    write_json_list(list, &mut text);
    out.extend_from_slice(text.as_bytes());
}

/// One obligation: its fields in the derive's order, `reading` only when present.
fn obligation(out: &mut Vec<u8>, o: &Obligation) {
    out.extend_from_slice(b"{\"kind\":");
    text(out, o.kind.name());
    out.extend_from_slice(b",\"subject\":");
    text(out, &o.subject);
    out.extend_from_slice(b",\"due\":");
    date(out, o.due);
    out.extend_from_slice(b",\"status\":");
    text(out, o.status.name());
    out.extend_from_slice(b",\"source\":");
    text(out, &o.source);
    out.extend_from_slice(b",\"reason\":");
    text(out, &o.reason);
    out.extend_from_slice(b",\"rule\":");
    text(out, &o.rule);
    if let Some(reading) = &o.reading {
        out.extend_from_slice(b",\"reading\":");
        text(out, reading);
    }
    out.push(b'}');
}

/// A JSON string. One with nothing to escape (no `"`, `\` or control character) is copied
/// whole; any other is escaped by `json::write::string`, as serde_json escapes it.
fn text(out: &mut Vec<u8>, s: &str) {
    if escaped(s.as_bytes()) {
        let mut quoted = String::new();
        string(&mut quoted, s);
        out.extend_from_slice(quoted.as_bytes());
        return;
    }
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
}

/// Whether `bytes` hold one JSON escapes: `"`, `\` or a control character (below 0x20).
/// Eight bytes at a time (the text is megabytes, and the byte loop was 2% of a team's
/// call): a word has a zero byte when `(w - 0x01…) & !w & 0x80…` is not zero, and a byte
/// below 0x20 when `(w - 0x20…) & !w & 0x80…` is not.
fn escaped(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const QUOTES: u64 = 0x2222_2222_2222_2222;
    const BACKSLASHES: u64 = 0x5c5c_5c5c_5c5c_5c5c;
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGH;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
        let control = w.wrapping_sub(SPACES) & !w & HIGH;
        if control | zero(w ^ QUOTES) | zero(w ^ BACKSLASHES) != 0 {
            return true;
        }
    }
    (words.remainder().iter()).any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

/// A date as `"YYYY-MM-DD"`; a year outside 1–9999 as [`format_date`] writes it.
fn date(out: &mut Vec<u8>, d: NaiveDate) {
    let Ok(year) = u16::try_from(d.year()) else {
        return text(out, &format_date(d));
    };
    if year == 0 || year > 9999 {
        return text(out, &format_date(d));
    }
    out.push(b'"');
    digits(out, u32::from(year), 4);
    out.push(b'-');
    digits(out, d.month(), 2);
    out.push(b'-');
    digits(out, d.day(), 2);
    out.push(b'"');
}

/// The last `width` decimal digits of `n`, zero-padded (`n` has at most `width` digits).
#[allow(
    clippy::arithmetic_side_effects,
    reason = "`place` is below 4, so `10^place` fits; `digit` is below 10, so `b'0' + digit` \
              is at most `b'9'`"
)]
fn digits(out: &mut Vec<u8>, n: u32, width: u32) {
    for place in (0..width).rev() {
        let digit = n / 10u32.pow(place) % 10;
        // `digit` is below 10, so the cast is exact and `b'0' + digit` at most `b'9'`.
        out.push(b'0' + digit as u8);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Code, Finding, Run, Severity};
    use crate::schedule::Status;
    use crate::terms::ObligationKind;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
    }

    fn owed(reason: &str, reading: Option<&str>) -> Obligation {
        Obligation {
            kind: ObligationKind::ChildDiscussion,
            subject: "w1-c2".into(),
            due: day(2026, 3, 9),
            status: Status::DueSoon,
            source: "havering.txt Case Supervision".into(),
            reason: reason.into(),
            rule: "child-discussion".into(),
            reading: reading.map(Into::into),
        }
    }

    /// The list as `scheduleMany` writes it.
    fn written(list: &[Schedule]) -> String {
        let mut out = vec![b'['];
        for (i, s) in list.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            assert!(schedule(&mut out, s));
        }
        out.push(b']');
        String::from_utf8(out).expect("UTF-8")
    }

    /// Every byte at every place of a text longer than two words: escaped exactly when JSON
    /// escapes it.
    #[test]
    fn escaped_finds_every_byte_json_escapes() {
        for b in 0..=255u8 {
            let json_escapes = b < 0x20 || b == b'"' || b == b'\\';
            for at in 0..19 {
                let mut bytes = [b'a'; 19];
                bytes[at] = b;
                assert_eq!(escaped(&bytes), json_escapes, "byte {b:#x} at {at}");
                // Beside bytes of multi-byte UTF-8 (0xc3 0xa9, é), which escape nothing.
                let mut near = [0xc3; 19];
                near[at] = b;
                assert_eq!(
                    escaped(&near),
                    json_escapes,
                    "byte {b:#x} at {at} beside 0xc3"
                );
            }
        }
        assert!(!escaped(b""));
        assert!(!escaped(
            "Each child is discussed at least every 2 months.".as_bytes()
        ));
    }

    #[test]
    fn a_schedule_is_written_field_by_field() {
        let s = Schedule {
            as_of: day(2026, 3, 2),
            obligations: vec![owed("Due \"soon\".", Some("Ours."))],
            breaches: vec![],
            advisories: vec![],
        };
        let want = concat!(
            r#"[{"asOf":"2026-03-02","obligations":[{"kind":"child-discussion","#,
            r#""subject":"w1-c2","due":"2026-03-09","status":"due-soon","#,
            r#""source":"havering.txt Case Supervision","reason":"Due \"soon\".","#,
            r#""rule":"child-discussion","reading":"Ours."}],"breaches":[],"advisories":[]}]"#
        );
        assert_eq!(written(&[s]), want);
        assert_eq!(written(&[]), "[]");
    }

    /// The same text as serde_json's derive: escapes, non-ASCII, `reading` absent, years at
    /// the edges of four digits and beyond, breaches and advisories.
    #[test]
    fn the_text_is_serde_jsons() {
        let odd = "tab\there, nul\u{0}, \\ and \u{7f} \u{e9} \u{1f600} \u{2028}";
        let breach = Finding {
            path: "sessions[1]".into(),
            pointer: None,
            code: Code::CadenceGap,
            message: "A \"gap\".".into(),
            source: "a.txt".into(),
            severity: Severity::Error,
            reading: Some(odd.into()),
            rule: Some("one-to-one".into()),
            run: Some(Run {
                first: day(2025, 1, 6),
                last: day(2025, 3, 3),
                count: 3,
            }),
            period: None,
        };
        let mut list = Vec::new();
        for (y, m, d) in [
            (1, 1, 1),
            (999, 12, 31),
            (9999, 12, 31),
            (10_000, 1, 1),
            (-5, 6, 7),
        ] {
            let mut o = owed(odd, None);
            o.due = day(y, m, d);
            o.status = Status::Overdue;
            list.push(Schedule {
                as_of: day(y, m, d),
                obligations: vec![o, owed("plain", Some(odd))],
                breaches: vec![breach.clone()],
                advisories: vec![breach.clone(), breach.clone()],
            });
        }
        let serde = serde_json::to_string(&list).expect("serialised");
        assert_eq!(written(&list), serde);
    }
}
