//! The compact encoding `js/fast-validate.js` writes a validate call in (issue 20): the
//! reduced record, the two ids and the options in one buffer, copied into the module in
//! one crossing and read here into [`Json`] with every string borrowed from the buffer: no
//! `JSON.stringify` on the JS side, no JSON text to parse on this one.
//!
//! One tag byte per value: 0 null, 1 false, 2 true, 3 a number (8 bytes, an `f64`, little
//! endian), 4 a string (a `u32` length, little endian, then UTF-8), 5 an array (a `u32`
//! count, then the items), 6 an object (a `u32` count, then each key as a length and UTF-8
//! followed by its value), 7 a number as `JSON.stringify` writes it (read by the JSON
//! reader, so it is the number the JSON text gave).
//!
//! JavaScript writes only what it writes exactly as `JSON.stringify` would and within the
//! module's limits; anything this reader does not take (a bad tag, a short buffer, invalid
//! UTF-8, nesting deeper than [`DEEPEST`]) is `None`, and the call goes the slow way.

use super::{Json, JsonMap};
use std::borrow::Cow;

/// Deeper than JavaScript writes (it sends data 30 levels deep the slow way).
pub(crate) const DEEPEST: usize = 32;

/// A reader over the encoding.
pub(crate) struct Bytes<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Bytes<'a> {
    /// A reader at the start of `bytes`.
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Bytes { bytes, at: 0 }
    }

    /// Whether every byte has been read.
    pub(crate) fn done(&self) -> bool {
        self.at == self.bytes.len()
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let out = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(out)
    }

    fn byte(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }

    fn count(&mut self) -> Option<usize> {
        let b: [u8; 4] = self.take(4)?.try_into().ok()?;
        usize::try_from(u32::from_le_bytes(b)).ok()
    }

    /// What is left to read: a count read cannot reserve more items than that.
    fn left(&self) -> usize {
        self.bytes.len().saturating_sub(self.at)
    }

    /// A string with no tag: its length and UTF-8.
    pub(crate) fn text(&mut self) -> Option<&'a str> {
        let n = self.count()?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    /// One value.
    pub(crate) fn value(&mut self) -> Option<Json<'a>> {
        self.nested(0)
    }

    fn nested(&mut self, depth: usize) -> Option<Json<'a>> {
        if depth > DEEPEST {
            return None;
        }
        Some(match self.byte()? {
            0 => Json::Null,
            1 => Json::Bool(false),
            2 => Json::Bool(true),
            3 => {
                let b = self.take(8)?;
                Json::Number(f64::from_le_bytes(b.try_into().ok()?))
            }
            4 => Json::String(Cow::Borrowed(self.text()?)),
            5 => {
                let n = self.count()?;
                // Every item takes a byte at least: a bad count cannot reserve much.
                let mut items = Vec::with_capacity(n.min(self.left()));
                for _ in 0..n {
                    items.push(self.nested(depth.saturating_add(1))?);
                }
                Json::Array(items)
            }
            6 => {
                let n = self.count()?;
                let mut entries = Vec::with_capacity(n.min(self.left()));
                for _ in 0..n {
                    let key = Cow::Borrowed(self.text()?);
                    entries.push((key, self.nested(depth.saturating_add(1))?));
                }
                Json::Object(JsonMap(entries))
            }
            7 => match Json::parse(self.text()?.as_bytes())? {
                n @ Json::Number(_) => n,
                _ => return None,
            },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The encoding of `{"a":[null,false,true,1.5,"é"],"b":{}}` (`1.5` as a number's text
    /// and as an f64), written by hand from the tags above.
    fn sample(text_number: bool) -> Vec<u8> {
        let mut b = vec![6, 2, 0, 0, 0, 1, 0, 0, 0, b'a', 5, 5, 0, 0, 0, 0, 1, 2];
        if text_number {
            b.extend([7, 3, 0, 0, 0, b'1', b'.', b'5']);
        } else {
            b.push(3);
            b.extend(1.5f64.to_le_bytes());
        }
        b.extend([4, 2, 0, 0, 0, 0xc3, 0xa9]);
        b.extend([1, 0, 0, 0, b'b', 6, 0, 0, 0, 0]);
        b
    }

    #[test]
    fn reads_what_json_text_reads() {
        let text = r#"{"a":[null,false,true,1.5,"é"],"b":{}}"#;
        let json = Json::parse(text.as_bytes()).expect("JSON");
        for text_number in [false, true] {
            let bytes = sample(text_number);
            let mut r = Bytes::new(&bytes);
            assert_eq!(r.value().as_ref(), Some(&json));
            assert!(r.done());
        }
    }

    #[test]
    fn anything_else_is_none() {
        let good = sample(false);
        // Every cut short, a bad tag, bad UTF-8, a number's text that is not a number.
        for n in 0..good.len() {
            assert_eq!(Bytes::new(&good[..n]).value(), None, "{n}");
        }
        assert_eq!(Bytes::new(&[8]).value(), None);
        assert_eq!(Bytes::new(&[4, 1, 0, 0, 0, 0xff]).value(), None);
        assert_eq!(Bytes::new(&[7, 1, 0, 0, 0, b'"']).value(), None);
        assert_eq!(Bytes::new(&[5, 255, 255, 255, 255]).value(), None);
        // Nesting deeper than DEEPEST.
        let mut deep = Vec::new();
        for _ in 0..=DEEPEST + 1 {
            deep.extend([5, 1, 0, 0, 0]);
        }
        deep.push(0);
        assert_eq!(Bytes::new(&deep).value(), None);
    }
}
