//! A council's policy compiled for a form page: checked once by the authoring build
//! ([`compile`]), loaded by the core without the reader and checks ([`load_compiled`]).
//!
//! The compiled form is JSON text:
//!
//! ```json
//! {"compiledPolicy":1,"checksum":"fnv1a64:…","policy":{…the policy, extends resolved…}}
//! ```
//!
//! The checksum is taken over the policy's text exactly as written, so a compiled file
//! edited by hand (and so not checked) is refused rather than trusted. It guards against
//! mistakes, not against an attacker: whoever can change the page can change the policy.

use super::Policy;
use crate::error::{Error, PolicyProblem, Result};
use crate::read::{Json, Read};

/// The version of the compiled form this build reads and writes.
pub const COMPILED_FORMAT: u32 = 1;

/// The compiled form's keys, the policy as the text it was written with.
struct Envelope<'a> {
    compiled_policy: u32,
    checksum: &'a str,
    policy: &'a str,
}

impl<'a> Envelope<'a> {
    /// Read by hand, with no key but these three (and each once at least); the checksum as
    /// written, with no escapes.
    fn read(text: &'a str) -> Option<Self> {
        let mut j = Json::new(text);
        let (mut format, mut checksum, mut policy) = (None, None, None);
        j.object(true, |j, key| {
            match key {
                "compiledPolicy" => format = Some(u32::read(j)?),
                "checksum" => checksum = Some(j.raw()?),
                "policy" => policy = Some(j.raw()?),
                _ => return Some(false),
            }
            Some(true)
        })?;
        j.end()?;
        let checksum = checksum?.strip_prefix('"')?.strip_suffix('"')?;
        Some(Envelope {
            compiled_policy: format?,
            checksum: (!checksum.contains('\\')).then_some(checksum)?,
            policy: policy?,
        })
    }
}

/// The policy's own text in a compiled form (what [`compile`] wrote of it with serde_json).
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) fn policy_text(compiled: &str) -> Option<&str> {
    Envelope::read(compiled).map(|e| e.policy)
}

/// The text of the first template with this id in a policy's text: an element of its
/// `templates`, as written.
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) fn template_text<'a>(policy: &'a str, id: &str) -> Option<&'a str> {
    let mut found = None;
    let mut j = Json::new(policy);
    j.object(false, |j, key| {
        if key != "templates" {
            return Some(false);
        }
        j.array(|j| {
            let text = j.raw()?;
            if found.is_none() && template_id(text)? == id {
                found = Some(text);
            }
            Some(())
        })?;
        Some(true)
    })?;
    found
}

/// A template's `id`, from its text.
#[cfg(any(target_arch = "wasm32", test))]
fn template_id(text: &str) -> Option<std::borrow::Cow<'_, str>> {
    let mut id = None;
    Json::new(text).object(false, |j, key| {
        if key != "id" {
            return Some(false);
        }
        id = Some(j.string()?);
        Some(true)
    })?;
    id
}

/// FNV-1a (64 bits) of the text, as `fnv1a64:` and 16 hex digits.
fn checksum(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("fnv1a64:{hash:016x}")
}

fn refused(expected: &str) -> Error {
    Error::InvalidPolicy(vec![PolicyProblem {
        path: String::new(),
        expected: expected.to_string(),
    }])
}

/// The compiled form of a policy that has passed its checks.
///
/// # Errors
/// [`Error::InvalidPolicy`] if the policy cannot be written as JSON (it always can).
pub fn compile(policy: &Policy) -> Result<String> {
    let text = serde_json::to_string(policy).map_err(|_| refused("a policy that serialises"))?;
    Ok(format!(
        "{{\"compiledPolicy\":{COMPILED_FORMAT},\"checksum\":\"{}\",\"policy\":{text}}}",
        checksum(&text)
    ))
}

/// Reads a policy compiled by [`compile`] (by this version of the format), without
/// checking it again.
///
/// # Errors
/// [`Error::InvalidPolicy`] when the text is not a compiled policy, was compiled for
/// another version of the format, or was changed after it was compiled.
pub fn load_compiled(text: &str) -> Result<Policy> {
    let envelope = Envelope::read(text).ok_or_else(|| {
        refused(concat!(
            "a compiled policy as compilePolicy writes it: ",
            "{\"compiledPolicy\": 1, \"checksum\": …, \"policy\": {…}}"
        ))
    })?;
    if envelope.compiled_policy != COMPILED_FORMAT {
        return Err(refused(concat!(
            "a policy compiled for version 1 of the compiled form: ",
            "compile it again with this release's compilePolicy"
        )));
    }
    let raw = envelope.policy;
    if checksum(raw) != envelope.checksum {
        return Err(refused(concat!(
            "a compiled policy as compilePolicy wrote it: its checksum does not match, ",
            "so it was changed after it was checked; compile the policy again"
        )));
    }
    super::read_unchecked(raw).ok_or_else(|| {
        refused(concat!(
            "a policy compiled by this release: ",
            "compile it again with this release's compilePolicy"
        ))
    })
}
