//! Stable sorting with one copy of the sorting code in a `.wasm` (issue 20, stop 30).
//!
//! The standard library's `sort`, `sort_by` and `sort_by_key` are a driftsort, and each
//! element type and comparison gets its own copy of it (its quicksort, merges and small
//! sorts): the ten sorts of the schedule were 31.6 KB of the `base` entry point's `.wasm`,
//! before gzip. Here the sorting is a merge sort of indices, not generic ([`order`]), so
//! each caller adds only its comparison and the moving of its elements into place. A short
//! list (most are: a child's dates) is sorted in place by insertion, with no allocation.
//!
//! The result is the standard library's stable sort's, element for element: items that
//! compare equal keep their order (the tests hold it to `slice::sort_by` on any list).

use std::cmp::Ordering;

/// Lists up to this long are sorted in place by insertion.
const SMALL: usize = 16;

/// Sorts `v` by `cmp`, stably: what `v.sort_by(cmp)` gives.
pub(crate) fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    // Most lists the schedule sorts are a child's few dates: those are sorted in place, with
    // no allocation, by insertion (stable: an item moves left past greater ones only). Inline
    // for each type: through a `dyn` step function it was slower (scheduleMany ~3%) and, in
    // the core, larger.
    if v.len() <= SMALL {
        for i in 1..v.len() {
            let mut j = i;
            while let (Some(before), Some(at)) = (v.get(j.wrapping_sub(1)), v.get(j)) {
                if cmp(before, at) != Ordering::Greater {
                    break;
                }
                v.swap(j.wrapping_sub(1), j);
                j = j.wrapping_sub(1);
            }
        }
        return;
    }
    let items = &*v;
    let order = order(
        items.len(),
        &mut |a, b| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        },
    );
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `v` in its order, stably: what `v.sort()` gives.
pub(crate) fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// Sorts `v` by a key, stably: what `v.sort_by_key(key)` gives.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The indices `0..n` in the stable order of `cmp` (which compares the items at two
/// indices): a bottom-up merge sort, runs of 1, 2, 4, … merged from one buffer to the
/// other. Of two equal items the one of the left run comes first, so equal items keep
/// their order.
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to: Vec<usize> = Vec::with_capacity(n);
    let mut width = 1_usize;
    while width < n {
        to.clear();
        for pair in from.chunks(width.saturating_mul(2)) {
            let (left, right) = pair.split_at(width.min(pair.len()));
            merge(left, right, &mut to, cmp);
        }
        std::mem::swap(&mut from, &mut to);
        width = width.saturating_mul(2);
    }
    from
}

/// Appends the merge of two sorted runs to `out`: the left run's item first when equal.
fn merge(
    left: &[usize],
    right: &[usize],
    out: &mut Vec<usize>,
    cmp: &mut dyn FnMut(usize, usize) -> Ordering,
) {
    let mut left = left.iter().copied().peekable();
    let mut right = right.iter().copied().peekable();
    while let (Some(&l), Some(&r)) = (left.peek(), right.peek()) {
        if cmp(r, l) == Ordering::Less {
            out.push(r);
            right.next();
        } else {
            out.push(l);
            left.next();
        }
    }
    out.extend(left);
    out.extend(right);
}

// proptest is a host-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn small_lists_by_hand() {
        let mut v: Vec<u8> = vec![];
        sort(&mut v);
        assert_eq!(v, Vec::<u8>::new());
        let mut v = vec![7];
        sort(&mut v);
        assert_eq!(v, [7]);
        let mut v = vec![3, 1, 2, 1, 0];
        sort(&mut v);
        assert_eq!(v, [0, 1, 1, 2, 3]);
        // Equal keys keep their order: (key, position) pairs.
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    proptest! {
        /// Element for element the standard library's stable sort, on lists of any length
        /// with many equal keys (each item carries its first position, so an unstable
        /// order would show).
        #[test]
        fn the_standard_librarys_stable_order(keys in prop::collection::vec(0u8..8, 0..300)) {
            let items: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut theirs = items.clone();
            theirs.sort_by_key(|p| p.0);
            prop_assert_eq!(&ours, &theirs);
            // Descending: the comparison reversed, against the key reversed.
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut theirs = items;
            theirs.sort_by_key(|p| std::cmp::Reverse(p.0));
            prop_assert_eq!(ours, theirs);
        }

        /// A list in order already (many equal keys), and one in order but for its last
        /// item: as the standard library's.
        #[test]
        fn nearly_sorted_lists(mut keys in prop::collection::vec(0u8..8, 17..200), last in 0u8..8) {
            keys.sort_unstable();
            for keys in [keys.clone(), [keys, vec![last]].concat()] {
                let items: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
                let mut ours = items.clone();
                sort_by_key(&mut ours, |p| p.0);
                let mut theirs = items;
                theirs.sort_by_key(|p| p.0);
                prop_assert_eq!(ours, theirs);
            }
        }

        /// Whole values sorted as `sort` does (owned strings: moved, not copied).
        #[test]
        fn strings_as_sort(v in prop::collection::vec("[a-c]{0,3}", 0..100)) {
            let mut ours = v.clone();
            sort(&mut ours);
            let mut theirs = v;
            theirs.sort();
            prop_assert_eq!(ours, theirs);
        }
    }
}
