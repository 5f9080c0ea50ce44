//! A number field's text read as `str::parse::<f64>` reads it, without the standard
//! library's float parser, whose tables and slow path were about 14 KB of the form page's
//! gzipped `.wasm` (issue 20). The same grammar and the same value, rounded to the nearest
//! double (half to even): a short decimal is converted with one exact multiplication or
//! division (as the standard parser's fast path does); any other is found by stepping from
//! an estimate to the double whose rounding interval holds the exact value, compared with
//! big integers. `tests` holds it to `str::parse::<f64>` bit for bit.

use std::cmp::Ordering;

/// Significant digits kept; any further non-zero digit is kept as one more `1`. A point
/// halfway between two doubles has at most 767 significant digits, so the digits kept
/// decide the rounding as the whole text would.
const MAX_DIGITS: usize = 800;

/// `s` as `s.parse::<f64>()` reads it, when that is finite: `None` for text that is not a
/// number, for `inf` and `NaN`, and for a value too large for an `f64`.
pub(crate) fn parse(s: &str) -> Option<f64> {
    let d = Decimal::read(s)?;
    let x = d.magnitude().filter(|x| x.is_finite())?;
    Some(if d.negative { -x } else { x })
}

/// A decimal number: `0.d₁d₂… × 10^point`, its digits without leading or trailing zeros.
struct Decimal {
    negative: bool,
    digits: Vec<u8>,
    point: i64,
}

impl Decimal {
    /// Rust's float grammar without `inf` and `NaN`: `[+-]? (d+ | d+ . d* | . d+)
    /// ([eE] [+-]? d+)?`.
    fn read(s: &str) -> Option<Decimal> {
        let (negative, s) = match s.as_bytes().split_first() {
            Some((b'-', rest)) => (true, rest),
            Some((b'+', rest)) => (false, rest),
            _ => (false, s.as_bytes()),
        };
        let mantissa_end = s.iter().position(|c| matches!(c, b'e' | b'E'));
        let (mantissa, exponent) = match mantissa_end {
            Some(i) => (s.get(..i)?, Some(s.get(i.saturating_add(1)..)?)),
            None => (s, None),
        };
        let mut d = Decimal {
            negative,
            digits: Vec::new(),
            point: 0,
        };
        let (mut any, mut dot, mut sticky) = (false, false, false);
        for &c in mantissa {
            match c {
                b'.' if !dot => dot = true,
                b'0'..=b'9' => {
                    any = true;
                    let digit = c.saturating_sub(b'0');
                    if d.digits.is_empty() && digit == 0 {
                        // A leading zero: after the dot it moves the point.
                        if dot {
                            d.point = d.point.saturating_sub(1);
                        }
                        continue;
                    }
                    if !dot {
                        d.point = d.point.saturating_add(1);
                    }
                    if d.digits.len() < MAX_DIGITS {
                        d.digits.push(digit);
                    } else {
                        sticky |= digit != 0;
                    }
                }
                _ => return None,
            }
        }
        if !any {
            return None;
        }
        if let Some(e) = exponent {
            d.point = d.point.saturating_add(read_exponent(e)?);
        }
        if sticky {
            d.digits.push(1);
        } else {
            while d.digits.last() == Some(&0) {
                d.digits.pop();
            }
        }
        Some(d)
    }

    /// The value's magnitude, rounded to the nearest double; `None` above `f64::MAX`'s
    /// rounding interval.
    fn magnitude(&self) -> Option<f64> {
        let n = i64::try_from(self.digits.len()).ok()?;
        if n == 0 || self.point < -323 {
            // Below 10^-324, under half the least double: zero.
            return Some(0.0);
        }
        if self.point > 309 {
            // At least 10^309.
            return None;
        }
        // The value is D × 10^e, D the digits as an integer.
        let e = self.point.saturating_sub(n);
        if n <= 15 && e.abs() <= 22 {
            // D < 2^53 and 10^|e| are exact doubles: one rounding.
            let x = self.leading(15).0;
            let p = pow10(e.unsigned_abs());
            return Some(if e < 0 { x / p } else { x * p });
        }
        let digits = big_digits(&self.digits);
        Some(round_from(&digits, e, self.estimate()))
    }

    /// The first `take` digits as a double (exact below 2^53), and how many they were.
    fn leading(&self, take: usize) -> (f64, usize) {
        let head = self.digits.iter().take(take);
        // At most 19 digits: below 10^19 < 2^64.
        let d = head.fold(0_u64, |d, &c| d.wrapping_mul(10).wrapping_add(u64::from(c)));
        #[allow(clippy::cast_precision_loss)]
        let x = d as f64;
        (x, self.digits.len().min(take))
    }

    /// The value within a few dozen units in the last place (from its first 19 digits).
    fn estimate(&self) -> f64 {
        let (mut x, taken) = self.leading(19);
        let taken = i64::try_from(taken).unwrap_or(19);
        let mut e = self.point.saturating_sub(taken);
        while e > 0 {
            let step = e.min(22);
            x *= pow10(step.unsigned_abs());
            e = e.saturating_sub(step);
        }
        while e < 0 {
            let step = e.max(-22);
            x /= pow10(step.unsigned_abs());
            e = e.saturating_sub(step);
        }
        x
    }
}

/// An exponent's digits after `e`: `[+-]? d+`, saturating far beyond any double's range.
fn read_exponent(s: &[u8]) -> Option<i64> {
    let (negative, s) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, s),
    };
    if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let e = s.iter().fold(0_i64, |e, &c| {
        e.saturating_mul(10)
            .saturating_add(i64::from(c.saturating_sub(b'0')))
            .min(1 << 40)
    });
    Some(if negative { e.saturating_neg() } else { e })
}

/// 10^p, exact for p ≤ 22.
fn pow10(p: u64) -> f64 {
    (0..p).fold(1.0, |x, _| x * 10.0)
}

/// The double nearest D × 10^e (half to even), stepping from `x` one unit in the last
/// place at a time to the double whose rounding interval holds it.
fn round_from(digits: &Big, e: i64, x: f64) -> f64 {
    let mut bits = if x == 0.0 {
        1
    } else if x.is_infinite() {
        f64::MAX.to_bits()
    } else {
        x.to_bits()
    };
    // The estimate is within a few dozen steps; the bound only keeps the loop finite.
    for _ in 0..4096 {
        let (m, k) = parts(bits);
        let odd = m & 1 == 1;
        let above = compare(
            digits,
            e,
            m.wrapping_mul(2).wrapping_add(1),
            k.saturating_sub(1),
        );
        if above == Ordering::Greater || (above == Ordering::Equal && odd) {
            bits = bits.saturating_add(1);
            if bits >= f64::INFINITY.to_bits() {
                return f64::INFINITY;
            }
            continue;
        }
        // The double below: a quarter unit away where the binade starts (not below it).
        let (low, low_k) = if m == 1 << 52 && bits >> 52 > 1 {
            (m.wrapping_mul(4).wrapping_sub(1), k.saturating_sub(2))
        } else {
            (m.wrapping_mul(2).wrapping_sub(1), k.saturating_sub(1))
        };
        let below = compare(digits, e, low, low_k);
        if below == Ordering::Less || (below == Ordering::Equal && odd) {
            bits = bits.saturating_sub(1);
            if bits == 0 {
                return 0.0;
            }
            continue;
        }
        break;
    }
    f64::from_bits(bits)
}

/// A positive finite double's bits as `m × 2^k`.
fn parts(bits: u64) -> (u64, i64) {
    let exponent = i64::try_from(bits >> 52).unwrap_or(0);
    let fraction = bits & ((1 << 52) - 1);
    if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, exponent.saturating_sub(1075))
    }
}

/// How D × 10^e compares with `h × 2^k`: both sides made integers (10^e = 5^e × 2^e).
fn compare(digits: &Big, e: i64, h: u64, k: i64) -> Ordering {
    let mut left = digits.clone();
    let mut right = Big::from(h);
    if e >= 0 {
        left.mul_pow5(e.unsigned_abs());
    } else {
        right.mul_pow5(e.unsigned_abs());
    }
    let shift = e.saturating_sub(k);
    if shift >= 0 {
        left.shl(shift.unsigned_abs());
    } else {
        right.shl(shift.unsigned_abs());
    }
    left.order(&right)
}

/// The digits as an integer.
fn big_digits(digits: &[u8]) -> Big {
    let mut big = Big::from(0);
    for chunk in digits.chunks(9) {
        let scale = chunk.iter().fold(1_u32, |s, _| s.wrapping_mul(10));
        let value = chunk
            .iter()
            .fold(0_u32, |v, &c| v.wrapping_mul(10).wrapping_add(u32::from(c)));
        big.mul_add(scale, value);
    }
    big
}

/// An unsigned integer of any size: 32-bit limbs, least significant first.
#[derive(Clone)]
struct Big(Vec<u32>);

impl From<u64> for Big {
    fn from(n: u64) -> Big {
        #[allow(clippy::cast_possible_truncation)]
        Big(vec![n as u32, (n >> 32) as u32])
    }
}

impl Big {
    /// self × m + a.
    fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.0 {
            // (2^32 − 1)² + 2^32 − 1 < 2^64.
            let p = u64::from(*limb)
                .wrapping_mul(u64::from(m))
                .wrapping_add(carry);
            #[allow(clippy::cast_possible_truncation)]
            let low = p as u32;
            *limb = low;
            carry = p >> 32;
        }
        if carry > 0 {
            #[allow(clippy::cast_possible_truncation)]
            self.0.push(carry as u32);
        }
    }

    /// self × 5^p.
    fn mul_pow5(&mut self, mut p: u64) {
        while p > 0 {
            let step = p.min(13);
            let m = (0..step).fold(1_u32, |m, _| m.wrapping_mul(5));
            self.mul_add(m, 0);
            p = p.saturating_sub(step);
        }
    }

    /// self × 2^bits.
    fn shl(&mut self, bits: u64) {
        let limbs = usize::try_from(bits / 32).unwrap_or(0);
        let rest = bits % 32;
        if rest > 0 {
            let mut carry = 0_u32;
            for limb in &mut self.0 {
                let wide = u64::from(*limb) << rest | u64::from(carry);
                #[allow(clippy::cast_possible_truncation)]
                let low = wide as u32;
                *limb = low;
                #[allow(clippy::cast_possible_truncation)]
                let high = (wide >> 32) as u32;
                carry = high;
            }
            self.0.push(carry);
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    /// The limbs without the zeros at the top.
    fn significant(&self) -> &[u32] {
        let len = self
            .0
            .iter()
            .rposition(|&l| l != 0)
            .map_or(0, |i| i.saturating_add(1));
        self.0.get(..len).unwrap_or(&[])
    }

    /// How self compares with `other`.
    fn order(&self, other: &Big) -> Ordering {
        let (a, b) = (self.significant(), other.significant());
        a.len()
            .cmp(&b.len())
            .then_with(|| a.iter().rev().cmp(b.iter().rev()))
    }
}

// proptest is a host-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
