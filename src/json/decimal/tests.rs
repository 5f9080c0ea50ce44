//! [`parse`] against `str::parse::<f64>`: the same finite value, bit for bit, or both none
//! (so every `min`/`max` finding is decided as before). Hand cases at the edges of the
//! grammar and of the doubles, then properties: text of Rust's float grammar, text of its
//! characters in any order, every double written three ways, and the points halfway between
//! two doubles (exactly, and a digit above and below), where rounding is decided.

use super::parse;
use proptest::prelude::*;

/// What the field's number was before: the standard parser's finite value.
fn std_parse(s: &str) -> Option<f64> {
    s.parse::<f64>().ok().filter(|x| x.is_finite())
}

fn same(s: &str) -> Result<(), TestCaseError> {
    let (ours, theirs) = (parse(s).map(f64::to_bits), std_parse(s).map(f64::to_bits));
    prop_assert_eq!(ours, theirs, "{}", s);
    Ok(())
}

#[test]
fn hand_cases() {
    let cases: &[(&str, Option<f64>)] = &[
        ("45", Some(45.0)),
        ("4.5", Some(4.5)),
        ("+1", Some(1.0)),
        ("-0", Some(-0.0)),
        (".5", Some(0.5)),
        ("5.", Some(5.0)),
        ("1.e2", Some(100.0)),
        ("1E+2", Some(100.0)),
        ("007.50", Some(7.5)),
        ("0.000", Some(0.0)),
        ("0e99999999999999999999", Some(0.0)),
        ("1e-400", Some(0.0)),
        ("1e400", None),
        ("inf", None),
        ("-Infinity", None),
        ("NaN", None),
        ("", None),
        (".", None),
        ("-", None),
        ("e5", None),
        (".e5", None),
        ("1e", None),
        ("1e+", None),
        ("1.2.3", None),
        ("--1", None),
        ("1_000", None),
        ("0x10", None),
        ("1 2", None),
        ("١٢", None),
        // The least normal double, and the classic hard case just below it.
        ("2.2250738585072014e-308", Some(f64::MIN_POSITIVE)),
        (
            "2.2250738585072011e-308",
            Some(f64::from_bits(0x000F_FFFF_FFFF_FFFF)),
        ),
        // The least subnormal; exactly half of it rounds to even (zero), above it up.
        ("4.9406564584124654e-324", Some(f64::from_bits(1))),
        ("2.4703282292062327e-324", Some(0.0)),
        ("2.4703282292062328e-324", Some(f64::from_bits(1))),
        ("1.7976931348623157e308", Some(f64::MAX)),
        ("1.7976931348623158e308", Some(f64::MAX)),
        ("1.7976931348623159e308", None),
    ];
    for &(s, want) in cases {
        assert_eq!(parse(s).map(f64::to_bits), want.map(f64::to_bits), "{s}");
        assert_eq!(
            parse(s).map(f64::to_bits),
            std_parse(s).map(f64::to_bits),
            "{s}"
        );
    }
}

#[test]
fn half_the_least_double_is_zero() {
    // 2^-1075 exactly: halfway between 0 and the least double, so even: zero.
    let h = half(&format!("{:.1100}", f64::from_bits(1)));
    assert_eq!(parse(&h).map(f64::to_bits), Some(0));
    assert_eq!(parse(&format!("{h}1")), Some(f64::from_bits(1)));
    assert_eq!(parse(&h).map(f64::to_bits), std_parse(&h).map(f64::to_bits));
}

/// A decimal string's digits plus another's, both with the same number of places.
fn add(a: &str, b: &str) -> String {
    let (a, b) = (pad(a, b.len()), pad(b, a.len()));
    let mut out = Vec::new();
    let mut carry = 0;
    for (x, y) in a.bytes().rev().zip(b.bytes().rev()) {
        if x == b'.' {
            out.push(b'.');
            continue;
        }
        let s = (x - b'0') + (y - b'0') + carry;
        out.push(b'0' + s % 10);
        carry = s / 10;
    }
    if carry > 0 {
        out.push(b'0' + carry);
    }
    out.reverse();
    String::from_utf8(out).expect("digits")
}

fn pad(s: &str, len: usize) -> String {
    format!("{}{s}", "0".repeat(len.saturating_sub(s.len())))
}

/// A decimal string halved (its last place must be free: a 0).
fn half(s: &str) -> String {
    let mut out = String::new();
    let mut rest = 0;
    for c in s.bytes() {
        if c == b'.' {
            out.push('.');
            continue;
        }
        let v = rest * 10 + (c - b'0');
        out.push(char::from(b'0' + v / 2));
        rest = v % 2;
    }
    out
}

/// The last digit lowered by one, borrowing (the string must not be zero).
fn minus_one_place(s: &str) -> String {
    let mut out: Vec<u8> = s.bytes().collect();
    for c in out.iter_mut().rev() {
        match *c {
            b'.' => {}
            b'0' => *c = b'9',
            _ => {
                *c -= 1;
                break;
            }
        }
    }
    String::from_utf8(out).expect("digits")
}

proptest! {
    #[test]
    fn grammar_text(s in "[+-]?[0-9]{0,25}(\\.[0-9]{0,25})?([eE][+-]?[0-9]{1,4})?") {
        same(&s)?;
    }

    #[test]
    fn any_order(s in "[0-9.eE+-]{0,12}") {
        same(&s)?;
    }

    #[test]
    fn every_double_written(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        same(&format!("{x}"))?;
        same(&format!("{x:e}"))?;
        same(&format!("{x:.12e}"))?;
    }

    #[test]
    fn halfway_between_doubles(bits in 0_u64..0x7FEF_FFFF_FFFF_FFFF) {
        let x = f64::from_bits(bits);
        let ulp = f64::from_bits(bits + 1) - x;
        // Both exact in 1,100 places (the least double has 1,074), half the unit too.
        let mid = add(&format!("{x:.1100}"), &half(&format!("{ulp:.1100}")));
        same(&mid)?;
        same(&format!("{mid}1"))?;
        same(&minus_one_place(&mid))?;
        same(&format!("-{mid}"))?;
    }

    #[test]
    fn long_digits(int in "[1-9][0-9]{0,20}", zeros in 0_usize..900, tail in "[0-9]{0,3}") {
        same(&format!("{int}{}{tail}", "0".repeat(zeros)))?;
        same(&format!("0.{}{int}{tail}", "0".repeat(zeros)))?;
        same(&format!("{int}.{}{tail}e-300", "0".repeat(zeros)))?;
    }
}
