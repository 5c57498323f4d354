//! Hand-worked examples of level placement on `customer-focus`.
//!
//! Every item lists its options in level order, so option `k` (definition order) is level
//! `k + 1`. The headline is the median of the ten chosen levels, taking the lower of the two
//! middle values (ties go to the lower level); consistency is the share of answers at the
//! headline, in whole percent.

mod common;

use candor_core::response::Response;
use candor_core::scoring::{LevelOutcome, Outcome};

fn score(levels: [u8; 10]) -> LevelOutcome {
    let response = Response {
        answers: levels.iter().map(|l| Some(l - 1)).collect(),
        group: None,
    };
    match common::builtin("customer-focus").score(&response) {
        Ok(Outcome::Levels(outcome)) => outcome,
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn hand_worked_patterns() {
    // (levels chosen, counts per level, headline, consistency)
    let rows: &[([u8; 10], [u16; 5], u8, u8)] = &[
        // All at level 3: median 3, every answer there.
        ([3; 10], [0, 0, 10, 0, 0], 3, 100),
        // Five at 1, five at 5: the middle pair is (1, 5); ties go to the lower level, 1.
        ([1, 5, 1, 5, 1, 5, 1, 5, 1, 5], [5, 0, 0, 0, 5], 1, 50),
        // Sorted 2 2 3 3 3 4 4 4 4 5: middle pair (3, 4) → 3; three answers at 3 → 30 %.
        ([4, 2, 3, 4, 5, 3, 4, 2, 3, 4], [0, 2, 3, 4, 1], 3, 30),
        // Sorted 1 2 2 2 3 4 5 5 5 5: middle pair (3, 4) → 3, though only one answer is at 3.
        ([5, 1, 2, 5, 2, 3, 5, 2, 4, 5], [1, 3, 1, 1, 4], 3, 10),
        // Sorted 4 4 4 4 4 4 5 5 5 5: middle pair (4, 4) → 4; six of ten → 60 %.
        ([4, 5, 4, 5, 4, 5, 4, 5, 4, 4], [0, 0, 0, 6, 4], 4, 60),
        // Sorted 1 1 1 2 2 2 2 2 2 2: middle pair (2, 2) → 2; seven answers → 70 %.
        ([2, 1, 2, 1, 2, 1, 2, 2, 2, 2], [3, 7, 0, 0, 0], 2, 70),
    ];
    for (i, (levels, counts, headline, consistency)) in rows.iter().enumerate() {
        let outcome = score(*levels);
        assert_eq!(outcome.counts, counts.to_vec(), "row {i}: counts");
        assert_eq!(outcome.headline, *headline, "row {i}: headline");
        assert_eq!(outcome.consistency, *consistency, "row {i}: consistency");
    }
}

#[test]
fn the_answer_is_the_option_not_its_screen_position() {
    // Options are shown shuffled, but answers are stored in definition order: the same
    // stored answers score the same whatever order they were shown in.
    let a = score([2; 10]);
    assert_eq!(a.headline, 2);
}
