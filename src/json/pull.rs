//! A JSON pull reader over text, for the policy reader: values are read straight into the
//! model's types as they come, with no tree and no buffering. It accepts exactly the JSON
//! that `serde_json` accepts (the same nesting limit of 127) and refuses anything else with
//! `None`: it says nothing about why, because what it reads was checked before (a built-in
//! by `tests/builtin_policies.rs`, a compiled policy by `compilePolicy`).
//!
//! Records, workers and options are read with it too, into the borrowed value
//! ([`Reader::value`], for [`Json::parse`](super::Json::parse)): serde_json's parser under
//! it was 8 KB gzipped of every `.wasm` (issue 20).

#[cfg(any(target_arch = "wasm32", test))]
use super::{Json as Value, JsonMap};
use std::borrow::Cow;

/// Nesting deeper than this is refused, as `serde_json` refuses it.
const MAX_DEPTH: u8 = 127;

/// A JSON number as written: its digits as an integer (`mantissa`) and the power of ten
/// they are scaled by, read without floating point.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Number {
    pub negative: bool,
    pub mantissa: u64,
    pub exponent: i32,
    /// Written with no fraction and no exponent.
    pub integer: bool,
}

/// The reader: the text and where it has got to.
pub(crate) struct Reader<'a> {
    text: &'a str,
    at: usize,
    depth: u8,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Reader {
            text,
            at: 0,
            depth: 0,
        }
    }

    /// Moves on `n` bytes (never past the end of the text, which is far from `usize::MAX`:
    /// reading there gives `None`).
    fn bump(&mut self, n: usize) {
        self.at = self.at.wrapping_add(n);
    }

    fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// The next byte that is not white space, not consumed.
    pub(crate) fn peek(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.byte() {
            self.bump(1);
        }
        self.byte()
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        (self.peek()? == b).then(|| self.bump(1))
    }

    fn word(&mut self, w: &str) -> Option<()> {
        let rest = self.text.get(self.at..)?;
        rest.starts_with(w).then(|| self.bump(w.len()))
    }

    /// Nothing but white space is left.
    pub(crate) fn end(&mut self) -> Option<()> {
        self.peek().is_none().then_some(())
    }

    /// `null`, consumed when it is next.
    pub(crate) fn null(&mut self) -> bool {
        self.peek() == Some(b'n') && self.word("null").is_some()
    }

    pub(crate) fn bool(&mut self) -> Option<bool> {
        match self.peek()? {
            b't' => self.word("true").map(|()| true),
            b'f' => self.word("false").map(|()| false),
            _ => None,
        }
    }

    fn nest(&mut self, open: u8) -> Option<()> {
        self.eat(open)?;
        self.depth = self.depth.checked_add(1).filter(|d| *d < MAX_DEPTH)?;
        Some(())
    }

    /// An object, each member handed to `member` with its key; `member` says whether it
    /// read the value (`Some(false)`: a key it does not know). With `deny`, an unknown key
    /// refuses the object; without, its value is skipped.
    pub(crate) fn object(
        &mut self,
        deny: bool,
        mut member: impl FnMut(&mut Self, &str) -> Option<bool>,
    ) -> Option<()> {
        self.members(deny, &mut member)
    }

    /// [`object`](Self::object)'s loop, once for every struct (not one copy per caller).
    fn members(
        &mut self,
        deny: bool,
        member: &mut dyn FnMut(&mut Self, &str) -> Option<bool>,
    ) -> Option<()> {
        self.nest(b'{')?;
        if self.eat(b'}').is_none() {
            loop {
                let key = self.string()?;
                self.eat(b':')?;
                if !member(self, &key)? {
                    if deny {
                        return None;
                    }
                    self.skip()?;
                }
                if self.eat(b'}').is_some() {
                    break;
                }
                self.eat(b',')?;
            }
        }
        self.depth = self.depth.wrapping_sub(1);
        Some(())
    }

    /// A struct's keys and values (the policy reader's `read_fields!`), its loops once for
    /// every struct: `keys` in the struct's order, and `field`, which reads the value of the
    /// key at an index. An object's keys are found in `keys` (one not there refuses the
    /// object with `deny`, else its value is skipped); with `deny`, an array's elements are
    /// the keys' values in order, as serde's derive reads a struct from an array (fewer than
    /// the keys: the rest are left out; more: refused).
    pub(crate) fn fields(
        &mut self,
        keys: &[&str],
        deny: bool,
        field: &mut dyn FnMut(&mut Self, usize) -> Option<()>,
    ) -> Option<()> {
        if deny && self.peek() == Some(b'[') {
            self.open_array()?;
            let mut i = 0;
            while self.element(i == 0)? {
                if i == keys.len() {
                    return None;
                }
                field(self, i)?;
                i = i.wrapping_add(1);
            }
            return Some(());
        }
        self.members(
            deny,
            &mut |j, key| match keys.iter().position(|k| *k == key) {
                Some(i) => field(j, i).map(|()| true),
                None => Some(false),
            },
        )
    }

    /// An array, each element read by `element`.
    pub(crate) fn array(&mut self, mut element: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.elements(&mut element)
    }

    /// [`array`](Self::array)'s loop, once for every element type.
    fn elements(&mut self, element: &mut dyn FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.nest(b'[')?;
        if self.eat(b']').is_none() {
            loop {
                element(self)?;
                if self.eat(b']').is_some() {
                    break;
                }
                self.eat(b',')?;
            }
        }
        self.depth = self.depth.wrapping_sub(1);
        Some(())
    }

    /// An array read element by element: its `[`.
    pub(crate) fn open_array(&mut self) -> Option<()> {
        self.nest(b'[')
    }

    /// After [`open_array`](Self::open_array): `Some(true)` when an element follows (read
    /// it next), `Some(false)` at the array's end (consumed).
    pub(crate) fn element(&mut self, first: bool) -> Option<bool> {
        if self.eat(b']').is_some() {
            self.depth = self.depth.wrapping_sub(1);
            return Some(false);
        }
        if !first {
            self.eat(b',')?;
        }
        Some(true)
    }

    /// Any value, checked and left unread.
    pub(crate) fn skip(&mut self) -> Option<()> {
        match self.peek()? {
            b'{' => self.object(false, |_, _| Some(false)),
            b'[' => self.array(Self::skip),
            b'"' => self.string().map(drop),
            b'n' => self.word("null"),
            b't' | b'f' => self.bool().map(drop),
            _ => self.number().map(drop),
        }
    }

    /// Any value, checked, as the text it was written with.
    pub(crate) fn raw(&mut self) -> Option<&'a str> {
        self.peek()?;
        let from = self.at;
        self.skip()?;
        self.text.get(from..self.at)
    }

    /// A string, unescaped.
    pub(crate) fn string(&mut self) -> Option<Cow<'a, str>> {
        self.eat(b'"')?;
        let from = self.at;
        loop {
            match self.byte()? {
                b'"' => {
                    let s = self.text.get(from..self.at)?;
                    self.bump(1);
                    return Some(Cow::Borrowed(s));
                }
                b'\\' => break,
                0..=0x1f => return None,
                _ => self.bump(1),
            }
        }
        let mut out = String::from(self.text.get(from..self.at)?);
        loop {
            match self.byte()? {
                b'"' => {
                    self.bump(1);
                    return Some(Cow::Owned(out));
                }
                b'\\' => {
                    self.bump(1);
                    out.push(self.escape()?);
                }
                0..=0x1f => return None,
                _ => {
                    let c = self.text.get(self.at..)?.chars().next()?;
                    out.push(c);
                    self.bump(c.len_utf8());
                }
            }
        }
    }

    /// The character of an escape, after its backslash.
    fn escape(&mut self) -> Option<char> {
        let b = self.byte()?;
        self.bump(1);
        Some(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                if (0xdc00..0xe000).contains(&first) {
                    return None;
                }
                if !(0xd800..0xdc00).contains(&first) {
                    return char::from_u32(first);
                }
                self.word("\\u")?;
                let second = self.hex4()?;
                if !(0xdc00..0xe000).contains(&second) {
                    return None;
                }
                let high = first.checked_sub(0xd800)?.checked_shl(10)?;
                let low = second.checked_sub(0xdc00)?;
                char::from_u32(high.checked_add(low)?.checked_add(0x10000)?)?
            }
            _ => return None,
        })
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.at..self.at.checked_add(4)?)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.bump(4);
        u32::from_str_radix(digits, 16).ok()
    }

    fn digits(&mut self, mut each: impl FnMut(u8) -> Option<()>) -> Option<usize> {
        let from = self.at;
        while let Some(b @ b'0'..=b'9') = self.byte() {
            each(b.wrapping_sub(b'0'))?;
            self.bump(1);
        }
        self.at.checked_sub(from).filter(|n| *n > 0)
    }

    /// A number as written; `None` for one that is not JSON, or whose digits or exponent do
    /// not fit (more than 19 significant digits: no policy needs them).
    pub(crate) fn number(&mut self) -> Option<Number> {
        self.peek()?;
        let negative = self.byte() == Some(b'-');
        if negative {
            self.bump(1);
        }
        let mut mantissa: u64 = 0;
        let mut push = |d: u8| {
            mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(d))?;
            Some(())
        };
        let leading_zero = self.byte() == Some(b'0');
        let whole = self.digits(&mut push)?;
        if leading_zero && whole > 1 {
            return None;
        }
        let mut exponent: i32 = 0;
        let mut integer = true;
        if self.byte() == Some(b'.') {
            self.bump(1);
            integer = false;
            let places = self.digits(&mut push)?;
            exponent = exponent.checked_sub(i32::try_from(places).ok()?)?;
        }
        if let Some(b'e' | b'E') = self.byte() {
            self.bump(1);
            integer = false;
            let minus = match self.byte() {
                Some(b'-') => true,
                Some(b'+') => false,
                _ => false,
            };
            if let Some(b'-' | b'+') = self.byte() {
                self.bump(1);
            }
            let mut e: i32 = 0;
            self.digits(|d| {
                e = e.checked_mul(10)?.checked_add(i32::from(d))?;
                Some(())
            })?;
            exponent = if minus {
                exponent.checked_sub(e)?
            } else {
                exponent.checked_add(e)?
            };
        }
        Some(Number {
            negative,
            mantissa,
            exponent,
            integer,
        })
    }

    /// Any value, read into the borrowed value as serde_json reads it: an object's entries
    /// in the order written (a key repeated kept twice), a string borrowed unless it has an
    /// escape, a number as [`number_value`](Self::number_value) reads it. Nesting as deep
    /// as serde_json's limit allows (127 levels: `remaining` starts at 128).
    #[cfg(any(target_arch = "wasm32", test))]
    pub(crate) fn value(&mut self, remaining: u8) -> Option<Value<'a>> {
        Some(match self.peek()? {
            b'{' => {
                let remaining = remaining.checked_sub(1).filter(|d| *d > 0)?;
                self.bump(1);
                let mut entries = Vec::new();
                if self.eat(b'}').is_none() {
                    loop {
                        let key = self.string()?;
                        self.eat(b':')?;
                        entries.push((key, self.value(remaining)?));
                        if self.eat(b'}').is_some() {
                            break;
                        }
                        self.eat(b',')?;
                    }
                }
                Value::Object(JsonMap(entries))
            }
            b'[' => {
                let remaining = remaining.checked_sub(1).filter(|d| *d > 0)?;
                self.bump(1);
                let mut items = Vec::new();
                if self.eat(b']').is_none() {
                    loop {
                        items.push(self.value(remaining)?);
                        if self.eat(b']').is_some() {
                            break;
                        }
                        self.eat(b',')?;
                    }
                }
                Value::Array(items)
            }
            b'"' => Value::String(self.string()?),
            b'n' => self.word("null").map(|()| Value::Null)?,
            b't' | b'f' => Value::Bool(self.bool()?),
            _ => Value::Number(self.number_value()?),
        })
    }

    /// A number, as JavaScript and serde_json (with `float_roundtrip`) read its text: the
    /// nearest double, `None` beyond the doubles' range (as serde_json refuses it). A short
    /// integer is exact; any other text goes to [`decimal::parse`](super::decimal::parse).
    #[cfg(any(target_arch = "wasm32", test))]
    fn number_value(&mut self) -> Option<f64> {
        let from = self.at;
        let negative = self.byte() == Some(b'-');
        if negative {
            self.bump(1);
        }
        let mut n: u64 = 0;
        let whole = match self.byte()? {
            b'0' => {
                self.bump(1);
                1
            }
            b'1'..=b'9' => self.digits(|d| {
                n = n.wrapping_mul(10).wrapping_add(u64::from(d));
                Some(())
            })?,
            _ => return None,
        };
        let mut integer = true;
        if self.byte() == Some(b'.') {
            self.bump(1);
            integer = false;
            self.digits(|_| Some(()))?;
        }
        if let Some(b'e' | b'E') = self.byte() {
            self.bump(1);
            integer = false;
            if let Some(b'-' | b'+') = self.byte() {
                self.bump(1);
            }
            self.digits(|_| Some(()))?;
        }
        // Up to 15 digits, the integer is below 2^53: its double is exact.
        #[allow(clippy::cast_precision_loss)]
        if integer && whole <= 15 {
            let x = n as f64;
            return Some(if negative { -x } else { x });
        }
        super::decimal::parse(self.text.get(from..self.at)?)
    }
}
