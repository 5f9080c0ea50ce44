//! The finding codes validation emits: one place, so `docs/finding-codes.md` can be checked
//! against it (`tests/validate_codes.rs`).

use crate::finding::Severity;

macro_rules! codes {
    ($( $(#[doc = $doc:literal])* $variant:ident = $code:literal, $severity:ident; )*) => {
        /// A finding code of [`validate`](super::validate): what kind of problem a finding
        /// reports. `docs/finding-codes.md` lists each with an example.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Code {
            /// Every code, in the order of `docs/finding-codes.md`.
            pub const ALL: &'static [Code] = &[$( Code::$variant, )*];

            /// The code as a finding carries it: `"required"`, `"invalid-date"`, …
            pub fn as_str(self) -> &'static str {
                match self {
                    $( Code::$variant => $code, )*
                }
            }

            /// The severity in `final` mode (in `draft` mode every finding is a warning).
            pub fn severity(self) -> Severity {
                match self {
                    $( Code::$variant => Severity::$severity, )*
                }
            }
        }
    };
}

codes! {
    /// A required field is empty (absent, `null`, blank text or an empty list).
    Required = "required", Error;
    /// A value of the wrong JSON type: a number, object, array or boolean where text belongs,
    /// text where a list belongs, a table row that is not an object.
    InvalidType = "invalid-type", Error;
    /// Not a real calendar date written as `YYYY-MM-DD` (`2026-02-30`, `2 March`).
    InvalidDate = "invalid-date", Error;
    /// Not a real 24-hour time written as `HH:MM` (`25:00`, `9.30`).
    InvalidTime = "invalid-time", Error;
    /// Text that is not a number in a number field.
    InvalidNumber = "invalid-number", Error;
    /// A number below the field's `min`.
    NumberTooSmall = "number-too-small", Error;
    /// A number above the field's `max`.
    NumberTooLarge = "number-too-large", Error;
    /// A value that is not one of the field's `options`.
    InvalidChoice = "invalid-choice", Error;
    /// A case-IDs field holding anything but case IDs (Stockport Appendix A §6).
    CaseIdsOnly = "case-ids-only", Error;
    /// An action row without what needs to happen.
    ActionMissing = "action-missing", Error;
    /// An action row without who will do it.
    ActionWhoMissing = "action-who-missing", Error;
    /// An action row without by when.
    ActionWhenMissing = "action-when-missing", Error;
    /// An action's "by when" before the session date.
    ActionWhenBeforeSession = "action-when-before-session", Error;
    /// A child row without a name.
    ChildNameMissing = "child-name-missing", Error;
    /// A date after `options.today` where the template says it cannot be in the future.
    DateInFuture = "date-in-future", Error;
    /// Two dates the wrong way round (a template `date-order` rule, or a child's date of birth
    /// after the session).
    DateOrder = "date-order", Error;
    /// A session's end time before its start time.
    TimeOrder = "time-order", Error;
    /// A step of a process dated later than its deadline after an earlier date (a template
    /// `date-within` rule).
    DateTooLate = "date-too-late", Warning;
    /// The next session booked later than the policy's cadence for the role allows.
    NextTooLate = "next-too-late", Warning;
    /// A field the template requires only after a long gap since the last session is empty.
    RequiredAfterGap = "required-after-gap", Error;
    /// A session shorter than the policy's minimum.
    SessionTooShort = "session-too-short", Warning;
}
