//! What the schedule and validation read of a policy, defined here so that neither names the
//! policy's type: `policy` implements [`Rulebook`] for its `Policy`, and imports `schedule`
//! and `validate`, never the other way round (issue 23).

use super::rules::Rule;
use crate::terms::Role;
use std::rc::Rc;
use std::sync::Arc;

/// A policy as the schedule and validation read it: its id and authority (a template's JSON
/// Schema names them), its roles (a worker's role is checked against them) and its timing
/// rules. The crate's `Policy` is one; `&`, `Box`, `Rc` and `Arc` of one are one too, so
/// [`schedule`](super::schedule) takes a `Registry`'s `&Arc<Policy>` as it is.
pub trait Rulebook {
    /// The id used in every call, e.g. `havering`.
    fn id(&self) -> &str;
    /// The council or board.
    fn authority(&self) -> &str;
    /// Every role the policy distinguishes.
    fn roles(&self) -> &[Role];
    /// The timing rules, in the policy's order.
    fn rules(&self) -> &[Rule];
}

/// One impl per pointer, each passing the call on.
macro_rules! through {
    ($($ptr:ty),*) => {
        $(impl<T: Rulebook + ?Sized> Rulebook for $ptr {
            fn id(&self) -> &str {
                (**self).id()
            }
            fn authority(&self) -> &str {
                (**self).authority()
            }
            fn roles(&self) -> &[Role] {
                (**self).roles()
            }
            fn rules(&self) -> &[Rule] {
                (**self).rules()
            }
        })*
    };
}
through!(&T, Box<T>, Rc<T>, Arc<T>);
