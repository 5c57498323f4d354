//! One small sort for the core's short lists.
//!
//! The lists the core orders are short: a model's virtues, a reader's answers at one level,
//! a grid's cells, a subscale's items, the gaps between two views, a namespace's records.
//! An insertion sort orders them in a few hundred steps at most. Each use of the standard
//! library's sorts adds its own copy of a merge sort and a quicksort to a bundle: the
//! shared result's bundle carried four, about 18 KB of code before wasm-opt.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in the order they came (a stable sort).
/// Quadratic: for lists of up to a few hundred items.
///
/// ```
/// let mut words = ["pear", "fig", "apple", "kiwi"];
/// candor_core::sort::sort_by(&mut words, |a, b| a.len().cmp(&b.len()));
/// assert_eq!(words, ["fig", "pear", "kiwi", "apple"]);
/// ```
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, ties included.
        #[test]
        fn orders_as_the_standard_stable_sort(items in prop::collection::vec((0_u8..8, any::<u16>()), 0..60)) {
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut theirs = items;
            theirs.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, theirs);
        }
    }
}
