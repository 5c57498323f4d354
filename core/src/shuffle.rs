//! Seeded option orders for level items.
//!
//! * A level item's responses are shown in an order drawn from the attempt's seed and the
//!   item's index. Every item thus gets its own order, and a resumed attempt shows it
//!   again.
//! * The generator is SplitMix64 with a Fisher–Yates shuffle: small, fast, and the same on
//!   every platform.
//!
//! ```
//! use candor_core::shuffle::order;
//! let a = order(42, 3, 5);
//! assert_eq!(a, order(42, 3, 5)); // reproducible
//! let mut sorted = a.clone();
//! sorted.sort();
//! assert_eq!(sorted, [0, 1, 2, 3, 4]); // a permutation
//! ```

/// SplitMix64: one 64-bit state, one multiply-xorshift output per step.
pub(crate) struct SplitMix(pub(crate) u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound`, by multiply-shift (no division).
    pub(crate) fn below(&mut self, bound: usize) -> usize {
        ((u128::from(self.next()) * bound as u128) >> 64) as usize
    }
}

/// The display order of `n` options of item `item` for an attempt seeded with `seed`:
/// `order[k]` is the definition-order index of the option shown in position `k`.
pub fn order(seed: u64, item: usize, n: usize) -> Vec<u8> {
    let mut rng = SplitMix(seed ^ (item as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93));
    let mut order: Vec<u8> = (0..n.min(usize::from(u8::MAX)) as u8).collect();
    for i in (1..order.len()).rev() {
        let j = rng.below(i + 1);
        order.swap(i, j);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn is_a_reproducible_permutation(seed: u64, item in 0usize..200, n in 0usize..10) {
            let a = order(seed, item, n);
            prop_assert_eq!(&a, &order(seed, item, n));
            let mut sorted = a.clone();
            sorted.sort_unstable();
            prop_assert_eq!(sorted, (0..n as u8).collect::<Vec<_>>());
        }
    }

    #[test]
    fn different_items_get_different_orders() {
        let orders: std::collections::HashSet<Vec<u8>> = (0..10).map(|i| order(7, i, 5)).collect();
        assert!(
            orders.len() > 5,
            "only {} distinct orders of 10",
            orders.len()
        );
    }

    #[test]
    fn every_position_is_reached() {
        // Over many seeds, each option lands first about a fifth of the time.
        let mut first = [0u32; 5];
        for seed in 0..5000 {
            first[usize::from(order(seed, 0, 5)[0])] += 1;
        }
        for count in first {
            assert!((800..1200).contains(&count), "{first:?}");
        }
    }
}
