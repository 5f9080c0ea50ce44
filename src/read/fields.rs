//! The unchecked reader's parts every struct's reading uses: the [`Read`] trait, the
//! [`read_fields!`] list of a struct's keys, the JSON scalars, lists and options, an enum
//! read by name and a kind's tag.

use crate::json::pull::Reader as Json;
use serde::de::value::{Error as ValueError, StrDeserializer};
use serde::de::DeserializeOwned;

/// A value read from JSON text without its checks; `None` when it is not one.
pub(crate) trait Read: Sized {
    /// Reads one value; `None` refuses it.
    fn read(j: &mut Json<'_>) -> Option<Self>;
}

/// Declares how a struct (or an enum's struct variant) is read from a JSON object:
///
/// ```ignore
/// read_fields!(j, Type { field: "key", other: default "otherKey" }, deny)
/// ```
///
/// one line per key, in the struct's order: `default` for a key that may be left out (the
/// field's default then); `deny` to refuse an object with a key not listed
/// (`deny_unknown_fields`), `allow` to skip such keys. The expression is an `Option<Type>`.
///
/// As serde's derive does, a `deny` struct may also be written as an array of its values
/// in the struct's order (the ones with a default may be left off the end); an `allow` one
/// (a rule kind, or the keys beside a flattened kind) only as an object.
macro_rules! read_fields {
    ($j:expr, $($ty:ident)::+ {
        $($field:ident : $($default:ident)? $key:literal),* $(,)?
    }, $deny:ident) => {{
        let j: &mut $crate::read::Json<'_> = $j;
        $(let mut $field = None;)*
        // Each key's value read by its index in the list: the loops over the object's keys
        // or the array's elements are `Json::fields`', once for every struct.
        let read = j.fields(
            &[$($key),*],
            $crate::read::read_fields!(@deny $deny),
            &mut |j, i| {
                let mut at = 0_usize;
                $(if i == at {
                    $field = Some($crate::read::Read::read(j)?);
                    return Some(());
                }
                at = at.wrapping_add(1);)*
                let _ = at;
                None
            },
        );
        read.and_then(move |()| {
            Some($($ty)::+ {
                $($field: $crate::read::read_fields!(@take $field $($default)?),)*
            })
        })
    }};
    (@take $field:ident) => { $field? };
    (@take $field:ident default) => { $field.unwrap_or_default() };
    (@deny deny) => { true };
    (@deny allow) => { false };
}
pub(crate) use read_fields;

impl Read for String {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        j.string().map(|s| s.into_owned())
    }
}

impl Read for bool {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        j.bool()
    }
}

impl Read for u32 {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        let n = j.number().filter(|n| n.integer && !n.negative)?;
        u32::try_from(n.mantissa).ok()
    }
}

/// A number as `serde_json` reads it into an `f64` (its digits as an `f64`, times or divided by
/// a power of ten), for the numbers whose power of ten is exact (up to 10^22); others refused.
impl Read for f64 {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        let n = j.number()?;
        // The digits as serde_json converts them (rounded to the nearest f64 above 2^53).
        #[allow(clippy::cast_precision_loss)]
        let mut x = n.mantissa as f64;
        let power = (0..n.exponent.unsigned_abs())
            .try_fold(1.0_f64, |p, _| (p < 1e22).then_some(p * 10.0))?;
        if n.exponent < 0 {
            x /= power;
        } else {
            x *= power;
        }
        Some(if n.negative { -x } else { x })
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        let mut items = Vec::new();
        j.array(|j| {
            items.push(T::read(j)?);
            Some(())
        })?;
        Some(items)
    }
}

/// `null` is `None`, as serde reads an `Option`.
impl<T: Read> Read for Option<T> {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        if j.null() {
            return Some(None);
        }
        T::read(j).map(Some)
    }
}

/// One of an enum's names, read by the enum's own list of names (its serde `rename`s: the
/// enums are also read from records and options, so that list is in the build anyway).
pub(crate) fn by_name<T: DeserializeOwned>(j: &mut Json<'_>) -> Option<T> {
    let name = j.string()?;
    T::deserialize(StrDeserializer::<ValueError>::new(&name)).ok()
}

/// A kind's tag: its name, or (as serde reads an enum's tag) its index in the list of kinds.
pub(crate) enum Tag {
    Name(String),
    Index(u64),
}

impl Tag {
    /// The kind's name, out of `names` (in the enum's order).
    pub(crate) fn name<'n>(&'n self, names: &[&'n str]) -> Option<&'n str> {
        match self {
            Tag::Name(name) => Some(name),
            Tag::Index(i) => names.get(usize::try_from(*i).ok()?).copied(),
        }
    }
}

impl Read for Tag {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        if j.peek()? == b'"' {
            return String::read(j).map(Tag::Name);
        }
        let n = j.number().filter(|n| n.integer && !n.negative)?;
        Some(Tag::Index(n.mantissa))
    }
}

/// Reads each enum by its name ([`by_name`]).
macro_rules! read_by_name {
    ($($ty:ty),* $(,)?) => {
        $(impl $crate::read::Read for $ty {
            fn read(j: &mut $crate::read::Json<'_>) -> Option<Self> {
                $crate::read::by_name(j)
            }
        })*
    };
}
pub(crate) use read_by_name;
