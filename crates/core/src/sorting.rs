//! One sort for all of core, the web app and the JS API. Each element type sorted with the
//! standard library's sort adds its own copy of that sort to the wasm (about 3.5 KB each,
//! seven of them); even one copy of the standard sort is about 1 KB gzip, more than the merge
//! sort below, through which everything is sorted by position.

use std::cmp::Ordering;

/// Sorts `items` stably by `key`, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| keys[a].cmp(&keys[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|position| slots[position].take()));
}

/// Sorts positions stably by `compare`, as `slice::sort_by` does: a bottom-up merge sort (runs
/// of 1, 2, 4, … positions merged pairwise; on a tie the left run's position comes first), in
/// O(n log n) comparisons.
#[inline(never)]
pub fn sort_positions(positions: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    let n = positions.len();
    let mut source = positions.to_vec();
    let mut target = vec![0; n];
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let (middle, end) = ((start + width).min(n), (start + 2 * width).min(n));
            let (mut left, mut right) = (start, middle);
            for slot in &mut target[start..end] {
                let take_left =
                    right == end || (left < middle && compare(source[left], source[right]) != Ordering::Greater);
                let from = if take_left { &mut left } else { &mut right };
                *slot = source[*from];
                *from += 1;
            }
        }
        std::mem::swap(&mut source, &mut target);
        width *= 2;
    }
    positions.copy_from_slice(&source);
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, ties kept in input order.
        #[test]
        fn sorts_like_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..300)) {
            let mut expected = items.clone();
            expected.sort_by_key(|(key, _)| *key);
            let mut sorted = items;
            super::sort_by_key(&mut sorted, |(key, _)| *key);
            prop_assert_eq!(sorted, expected);
        }
    }
}
