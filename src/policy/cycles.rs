//! Override cycles: a rule that, through others, overrides itself. Found in one pass over
//! the override graph (Tarjan's strongly connected components), so a chain of thousands of
//! overrides costs what it holds rather than its square.

use super::model::Policy;
use crate::terms::Problems;
use std::collections::BTreeMap;

/// `overrides` must not form a cycle: a rule that (through others) overrides itself would
/// leave a worker with no rule at all. A rule is in a cycle when its strongly connected
/// component of the override graph has more than one rule, or it overrides itself: one pass
/// (Tarjan's), so a chain of thousands of overrides costs what it holds.
pub(super) fn check_override_cycles(
    p: &Policy,
    ids: &BTreeMap<&str, usize>,
    problems: &mut Problems,
) {
    let edges: Vec<Vec<usize>> = p
        .rules
        .iter()
        .map(|r| {
            r.overrides
                .iter()
                .filter_map(|o| ids.get(o.as_str()).copied())
                .collect()
        })
        .collect();
    let component = components(&edges);
    let mut size: BTreeMap<usize, usize> = BTreeMap::new();
    for c in &component {
        let n = size.entry(*c).or_default();
        *n = n.saturating_add(1);
    }
    for (i, r) in p.rules.iter().enumerate() {
        // Two rules with one id (a problem of its own) stand for the one `ids` holds.
        let me = ids.get(r.id.as_str()).copied().unwrap_or(i);
        let cyclic = |n: usize| {
            edges.get(n).is_some_and(|e| e.contains(&n))
                || component
                    .get(n)
                    .and_then(|c| size.get(c))
                    .is_some_and(|s| *s > 1)
        };
        let reaches_me = edges.get(i).is_some_and(|e| {
            e.iter()
                .any(|&t| t == me || (cyclic(me) && component.get(t) == component.get(me)))
        });
        if reaches_me || r.overrides.contains(&r.id) {
            problems.push(
                format!("rules[{i}].overrides"),
                "no cycle: this rule is overridden, through other rules, by itself",
            );
        }
    }
}

/// The strongly connected component of each node (Tarjan's algorithm, without recursion).
fn components(edges: &[Vec<usize>]) -> Vec<usize> {
    const NONE: usize = usize::MAX;
    let n = edges.len();
    let (mut index, mut low, mut comp) = (vec![NONE; n], vec![0; n], vec![NONE; n]);
    let (mut on_stack, mut stack, mut next) = (vec![false; n], Vec::new(), 0usize);
    for root in 0..n {
        if index.get(root) != Some(&NONE) {
            continue;
        }
        // (node, the next of its edges to follow)
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(&mut (v, ref mut k)) = work.last_mut() {
            if *k == 0 && index.get(v) == Some(&NONE) {
                set(&mut index, v, next);
                set(&mut low, v, next);
                next = next.saturating_add(1);
                stack.push(v);
                set(&mut on_stack, v, true);
            }
            if let Some(&w) = edges.get(v).and_then(|e| e.get(*k)) {
                *k = k.saturating_add(1);
                if index.get(w) == Some(&NONE) {
                    work.push((w, 0));
                } else if on_stack.get(w) == Some(&true) {
                    let m = at(&low, v).min(at(&index, w));
                    set(&mut low, v, m);
                }
                continue;
            }
            work.pop();
            if let Some(&(u, _)) = work.last() {
                let m = at(&low, u).min(at(&low, v));
                set(&mut low, u, m);
            }
            if low.get(v) == index.get(v) {
                while let Some(w) = stack.pop() {
                    set(&mut on_stack, w, false);
                    set(&mut comp, w, v);
                    if w == v {
                        break;
                    }
                }
            }
        }
    }
    comp
}

fn at(list: &[usize], i: usize) -> usize {
    list.get(i).copied().unwrap_or(usize::MAX)
}

fn set<T>(list: &mut [T], i: usize, value: T) {
    if let Some(slot) = list.get_mut(i) {
        *slot = value;
    }
}
