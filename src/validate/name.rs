//! How a message names a field: the document's label made to fit a GOV.UK-style sentence.
//!
//! Labels are the documents' own headings, and they come in every shape: `NAME`,
//! `1. THE PURPOSE`, `Date of Supervision:`, `Case Update – (what do we know and how do we
//! know it?)`, `Is supervision meeting my learning and developmental needs?`,
//! `Summarise your discussion here`. A message needs one that reads in the middle of a
//! sentence ("Enter the date of supervision") and at its start ("Date of supervision must be
//! a real date"). So the label is shortened to its heading (numbering, explanations after a
//! dash, colon or semicolon, and every sentence after the first are dropped), capitals used
//! for emphasis are lowered (`THE PURPOSE` → `the purpose`, `Name of Social Worker` → `name
//! of social worker`; acronyms such as `ASYE` and `PDR` stay), and a heading that is a
//! question, an instruction or a long phrase is quoted instead (`‘Summarise your discussion
//! here’`), since no verb in front of it would read right. A label used by more than one
//! field of a template (Havering's six "Record of Discussion" boxes) carries its section's
//! heading in brackets, so the error summary says which one.

use crate::validate::Template;
use crate::words::{capitalise, lower};
use std::cell::RefCell;

/// Words that open a heading written as an instruction or a past participle: such a heading
/// is quoted rather than put after "Enter".
const INSTRUCTIONS: &[&str] = &[
    "summarise",
    "list",
    "note",
    "signed",
    "shared",
    "please",
    "describe",
    "identify",
    "reflect",
    "acknowledge",
    "print",
];

/// First words after which "the" reads right: "Enter the date of supervision".
const TAKES_THE: &[&str] = &[
    "date",
    "name",
    "time",
    "record",
    "frequency",
    "review",
    "role",
    "venue",
    "type",
    "duration",
    "function",
    "signature",
    "signatures",
];

/// Last words after which "the" reads right: "Enter the review date".
const TAKES_THE_LAST: &[&str] = &["date", "time", "signature", "name"];

/// Longer headings than this many words are quoted.
const MAX_WORDS: usize = 9;

/// A field's name, ready for a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Name {
    /// The shortened heading: lowered for mid-sentence use, or as written when quoted.
    text: String,
    /// The heading is a question, an instruction or long, so it is quoted.
    quoted: bool,
    /// The heading ends in a question mark.
    question: bool,
    /// The section's heading, for a label that more than one field uses.
    context: Option<String>,
}

impl Name {
    /// A name made from one label, without context.
    pub(crate) fn from_label(label: &str) -> Name {
        let short = shorten(label);
        let question = short.ends_with('?');
        let words = short.split_whitespace().count();
        let first = lower(
            short
                .split(|c: char| !crate::words::is_letter(c))
                .find(|w| !w.is_empty())
                .unwrap_or(""),
        );
        let quoted = question || words > MAX_WORDS || INSTRUCTIONS.contains(&first.as_str());
        let text = if quoted {
            capitalise(&short)
        } else {
            lower_emphasis(&short)
        };
        Name {
            text,
            quoted,
            question,
            context: None,
        }
    }

    /// The name in the middle of a sentence: `date of supervision`, `‘Summarise your
    /// discussion here’`, `record of discussion (how feeling?)`.
    pub(crate) fn mid(&self) -> String {
        let base = if self.quoted {
            format!("‘{}’", self.text)
        } else {
            self.text.clone()
        };
        match &self.context {
            Some(c) => format!("{base} ({c})"),
            None => base,
        }
    }

    /// The name opening a sentence: `Date of supervision`.
    pub(crate) fn start(&self) -> String {
        capitalise(&self.mid())
    }

    /// The name as the object of a verb or a comparison: `the date of supervision`, `the
    /// review date`, `supervisee`.
    pub(crate) fn the(&self) -> String {
        let mid = self.mid();
        if self.quoted || mid.starts_with("the ") {
            return mid;
        }
        let words: Vec<&str> = self
            .text
            .split(|c: char| !crate::words::is_letter_or_digit(c))
            .filter(|w| !w.is_empty())
            .collect();
        let first = words.first().copied().unwrap_or("");
        let last = words.last().copied().unwrap_or("");
        if TAKES_THE.contains(&first) || TAKES_THE_LAST.contains(&last) {
            format!("the {mid}")
        } else {
            mid
        }
    }

    /// Whether the heading is quoted (a question, an instruction or long).
    pub(crate) fn is_quoted(&self) -> bool {
        self.quoted
    }

    /// Whether the heading is a question.
    pub(crate) fn is_question(&self) -> bool {
        self.question
    }

    /// The section's heading, when the label alone does not tell the field apart.
    pub(crate) fn context(&self) -> Option<&str> {
        self.context.as_deref()
    }

    /// Whether the heading, as a message shows it, mentions this word.
    pub(crate) fn mentions(&self, word: &str) -> bool {
        lower(&self.text).contains(word)
    }
}

/// Labels whose names have been made, at most this many (then the memo starts afresh).
const MAX_MEMO: usize = 4096;

thread_local! {
    /// Names already made from labels. A label always gives the same name, and making one
    /// (shortening, lowering) was most of the cost of validating a record that has findings.
    static MEMO: RefCell<KeyList<Name>> = const { RefCell::new(KeyList(Vec::new())) };
}

/// A map by text kept as a list in key order (found by binary search). A field's names and
/// the memo of labels are its only uses in validation, and a `BTreeMap`'s code for them was
/// ~6 KB of the form page's `.wasm` (issue 20).
#[derive(Debug, Clone)]
pub(crate) struct KeyList<V>(Vec<(String, V)>);

impl<V> Default for KeyList<V> {
    fn default() -> Self {
        KeyList(Vec::new())
    }
}

impl<V> KeyList<V> {
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The value under `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&V> {
        let i = self.find(key).ok()?;
        self.0.get(i).map(|(_, v)| v)
    }

    fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        let i = self.find(key).ok()?;
        self.0.get_mut(i).map(|(_, v)| v)
    }

    /// `value` under `key`, in place of any value there.
    fn insert(&mut self, key: String, value: V) {
        match self.find(&key) {
            Ok(i) => {
                if let Some(slot) = self.0.get_mut(i) {
                    slot.1 = value;
                }
            }
            Err(i) => self.0.insert(i, (key, value)),
        }
    }
}

impl<T> KeyList<Vec<T>> {
    /// `item` added to the list under `key` (a new list if there is none).
    fn push(&mut self, key: String, item: T) {
        match self.find(&key) {
            Ok(i) => {
                if let Some((_, items)) = self.0.get_mut(i) {
                    items.push(item);
                }
            }
            Err(i) => self.0.insert(i, (key, vec![item])),
        }
    }
}

/// [`Name::from_label`], remembered.
fn from_label_memo(label: &str) -> Name {
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if let Some(n) = memo.get(label) {
            return n.clone();
        }
        if memo.0.len() >= MAX_MEMO {
            memo.0.clear();
        }
        let n = Name::from_label(label);
        memo.insert(label.to_string(), n.clone());
        n
    })
}

/// The names of every field of a template, by field id, told apart where two fields would
/// otherwise read the same: by their section's heading when they are in different sections
/// (Havering's "Record of Discussion" (how feeling?)), or else by their full label, quoted
/// (Havering's two "Role" fields: ‘Role - Line manager, other’).
pub(crate) fn names(template: &Template) -> KeyList<Name> {
    let mut out = KeyList::default();
    // Which sections each name occurs in, in field order.
    let mut seen: KeyList<Vec<&str>> = KeyList::default();
    for s in &template.sections {
        for f in &s.fields {
            let n = from_label_memo(&f.label);
            seen.push(lower(&n.mid()), s.id.as_str());
            out.insert(f.id.clone(), n);
        }
    }
    for s in &template.sections {
        let section = from_label_memo(&s.title);
        // A long section heading is no help in brackets.
        let useful = section.text.split_whitespace().count() <= 6;
        for f in &s.fields {
            let Some(n) = out.get_mut(&f.id) else {
                continue;
            };
            let Some(sections) = seen.get(&lower(&n.mid())) else {
                continue;
            };
            if sections.len() < 2 {
                continue;
            }
            let alone_in_section = sections.iter().filter(|id| **id == s.id).count() == 1;
            if alone_in_section && useful && lower(&section.text) != lower(&n.text) {
                n.context = Some(lower_emphasis(&section.text));
            } else {
                let full = full_label(&f.label);
                if lower(&full) != lower(&n.text) {
                    *n = Name {
                        text: capitalise(&full),
                        quoted: true,
                        question: full.ends_with('?'),
                        context: None,
                    };
                }
            }
        }
    }
    out
}

/// A label with only its numbering, a trailing bracketed explanation and end punctuation
/// taken off: "Role - Line manager, other - (please specify)" → "Role - Line manager, other".
fn full_label(label: &str) -> String {
    let mut s = label.trim();
    if let Some((num, rest)) = s.split_once(". ") {
        if !num.is_empty() && num.chars().all(|c| c.is_ascii_digit()) {
            s = rest.trim_start();
        }
    }
    for sep in [" – (", " - ("] {
        if let Some(i) = s.find(sep) {
            if let Some(head) = s.get(..i).filter(|h| !h.trim().is_empty()) {
                s = head;
            }
        }
    }
    s.trim()
        .trim_end_matches([':', ';', ',', '.'])
        .trim()
        .to_string()
}

/// The heading part of a label: numbering, explanations and later sentences dropped.
fn shorten(label: &str) -> String {
    let mut s = label.trim();
    // "12. Health & Safety" → "Health & Safety"
    if let Some((num, rest)) = s.split_once(". ") {
        if !num.is_empty() && num.chars().all(|c| c.is_ascii_digit()) {
            s = rest.trim_start();
        }
    }
    // "(please specify)" → "please specify"
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        s = inner.trim();
    }
    for sep in [
        " – (",
        " - (",
        " – ",
        " - ",
        ": ",
        "; ",
        " (including ",
        ", including ",
        " including ",
    ] {
        if let Some(i) = s.find(sep) {
            if let Some(head) = s.get(..i).filter(|h| !h.trim().is_empty()) {
                s = head;
            }
        }
    }
    // Only the first sentence: "Review previous notes … actions. Any areas …"
    if let Some(i) = s.find(". ") {
        if let Some(head) = s.get(..i) {
            s = head;
        }
    }
    if let Some(i) = s.find("? ") {
        if let Some(head) = s.get(..=i) {
            s = head;
        }
    }
    let s = s
        .trim()
        .trim_end_matches([':', ';', ',', '.', '–', '-'])
        .trim();
    if s.is_empty() {
        label.trim().to_string()
    } else {
        s.to_string()
    }
}

/// Capitals used for emphasis lowered: a heading in capitals (`THE PURPOSE`) entirely;
/// otherwise each capitalised word (`Name of Social Worker`), leaving acronyms (`ASYE`,
/// `PDR`, `ID`) and "I" as they are.
fn lower_emphasis(s: &str) -> String {
    let letters: Vec<char> = s.chars().filter(|c| crate::words::is_letter(*c)).collect();
    if letters.len() >= 2 && letters.iter().all(|c| crate::words::is_upper_letter(*c)) {
        return lower(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let mut chars = word.chars();
        let titlecase = match chars.next() {
            Some(c) if crate::words::is_upper_letter(c) => {
                let rest: Vec<char> = chars.collect();
                !rest.is_empty() && rest.iter().all(|c| crate::words::is_lower_letter(*c))
            }
            _ => false,
        };
        if titlecase {
            out.push_str(&lower(word));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in s.chars() {
        if crate::words::is_letter(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mid(label: &str) -> String {
        Name::from_label(label).mid()
    }

    #[test]
    fn headings_are_shortened_and_lowered() {
        assert_eq!(mid("1. THE PURPOSE"), "the purpose");
        assert_eq!(mid("NAME"), "name");
        assert_eq!(mid("Date of Supervision:"), "date of supervision");
        assert_eq!(mid("Name of Social Worker"), "name of social worker");
        assert_eq!(mid("ASYE/Student signature"), "ASYE/student signature");
        assert_eq!(mid("PDR date"), "PDR date");
        assert_eq!(
            mid("Case Update – (what do we know and how do we know it?)"),
            "case update"
        );
        assert_eq!(
            mid("Action to be taken; By who and by when"),
            "action to be taken"
        );
        assert_eq!(
            mid("5. Actions; what needs to happen, by who and when?"),
            "actions"
        );
        assert_eq!(mid("Role - Line manager, other - (please specify)"), "role");
        assert_eq!(
            mid("1. Staff Welfare (including Annual Leave / Flexi)"),
            "staff welfare"
        );
        assert_eq!(
            mid("Date contract to be reviewed - Recommended at least annually"),
            "date contract to be reviewed"
        );
    }

    #[test]
    fn questions_instructions_and_long_headings_are_quoted() {
        assert_eq!(
            mid("Is supervision meeting my learning and developmental needs?"),
            "‘Is supervision meeting my learning and developmental needs?’"
        );
        assert_eq!(
            mid("What needs to be done? What is your deadline? Who you can go to for help?"),
            "‘What needs to be done?’"
        );
        assert_eq!(
            mid("Summarise your discussion here"),
            "‘Summarise your discussion here’"
        );
        assert_eq!(
            mid(
                "Review previous notes to confirm these are agreed and progress of actions. \
                 Any areas of disagreement/correction to be noted."
            ),
            "‘Review previous notes to confirm these are agreed and progress of actions’"
        );
        assert_eq!(mid("Signed by you"), "‘Signed by you’");
    }

    #[test]
    fn articles_where_they_read_right() {
        assert_eq!(
            Name::from_label("Date of Supervision").the(),
            "the date of supervision"
        );
        assert_eq!(Name::from_label("Review date").the(), "the review date");
        assert_eq!(Name::from_label("Supervisee").the(), "supervisee");
        assert_eq!(Name::from_label("1. THE PLAN").the(), "the plan");
        assert_eq!(
            Name::from_label("Date of Supervision").start(),
            "Date of supervision"
        );
        assert_eq!(Name::from_label("DATE").start(), "Date");
    }
}
