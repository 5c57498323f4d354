//! Invariants that hold for every answer set, checked with proptest over every built-in.

mod common;

use candor_core::builtin;
use candor_core::definition::Instrument;
use candor_core::response::{Response, ResponseError};
use candor_core::scoring::Outcome;
use proptest::prelude::*;

fn instruments() -> Vec<Instrument> {
    builtin::ids().map(common::builtin).collect()
}

/// Checks that `outcome` of `response` stays in its model's ranges.
fn check_ranges(
    instrument: &Instrument,
    response: &Response,
    outcome: &Outcome,
) -> Result<(), TestCaseError> {
    let real = instrument.items().len() - response.not_applicable(instrument);
    match outcome {
        Outcome::Unscored(short) => {
            prop_assert!(!short.is_empty());
            prop_assert!(short.iter().all(|s| s.found < s.needed));
        }
        Outcome::Subscales(o) => {
            prop_assert!(o.scores.iter().all(|&s| s <= 100));
            prop_assert!(o.quadrant < 4);
            prop_assert!(o.habits.len() <= 3);
        }
        Outcome::Levels(o) => {
            prop_assert!((1..=5).contains(&o.headline));
            prop_assert!(o.consistency <= 100 && o.consistency > 0);
            prop_assert_eq!(
                o.counts.iter().map(|&c| usize::from(c)).sum::<usize>(),
                real
            );
        }
        Outcome::Ratio(o) => {
            prop_assert!(o.sums.iter().all(|s| (5..=25).contains(s)));
            prop_assert!(
                (6..=150).contains(&o.quotient_tenths),
                "TQ {}",
                o.quotient_tenths
            );
            prop_assert!((0..=20).contains(&o.spread));
            prop_assert!(o.blends.len() <= 5);
        }
        Outcome::Grid(o) => {
            prop_assert!(o.cells.iter().flatten().all(|c| (0.0..=100.0).contains(c)));
            prop_assert!((0.0..=100.0).contains(&o.mean));
            let scored = o.cells.iter().flatten().count();
            for extremes in [&o.strongest, &o.weakest] {
                prop_assert!(extremes.len() >= scored.min(3));
                // Beyond three, only cells tied with the third.
                for &cell in extremes.iter().skip(3) {
                    prop_assert_eq!(o.cells[cell], o.cells[extremes[2]]);
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn scores_stay_in_range_for_any_complete_answer_set(
        seeds in prop::collection::vec(any::<u8>(), 1..40),
        group in any::<u8>(),
    ) {
        for instrument in instruments() {
            let response = common::response(&instrument, &seeds, group);
            let outcome = instrument.score(&response);
            prop_assert!(outcome.is_ok(), "{}: {:?}", instrument.id(), outcome);
            let outcome = outcome.unwrap();
            prop_assert!(!matches!(outcome, Outcome::Unscored(_)));
            check_ranges(&instrument, &response, &outcome)?;
        }
    }

    #[test]
    fn does_not_apply_anywhere_it_is_offered_still_scores_or_says_why_not(
        seeds in prop::collection::vec(any::<u8>(), 1..40),
        skip in prop::collection::vec(any::<bool>(), 1..40),
    ) {
        for instrument in instruments() {
            let mut response = common::response(&instrument, &seeds, 1);
            for (i, answer) in response.answers.iter_mut().enumerate() {
                if instrument.not_applicable(i).is_some() && skip[i % skip.len()] {
                    *answer = Some(instrument.option_count(i) as u8);
                }
            }
            let outcome = instrument.score(&response);
            prop_assert!(outcome.is_ok(), "{}: {:?}", instrument.id(), outcome);
            check_ranges(&instrument, &response, &outcome.unwrap())?;
        }
    }

    #[test]
    fn a_sample_response_is_complete_valid_and_reproducible(seed: u64) {
        for instrument in instruments() {
            let sample = Response::sample(&instrument, seed);
            prop_assert_eq!(sample.answered(), instrument.items().len());
            prop_assert!(sample.check(&instrument, true).is_ok(), "{}: {:?}", instrument.id(), sample);
            prop_assert_eq!(&sample, &Response::sample(&instrument, seed));
        }
    }

    #[test]
    fn an_incomplete_answer_set_is_refused(
        seeds in prop::collection::vec(any::<u8>(), 1..40),
        hole in any::<prop::sample::Index>(),
    ) {
        for instrument in instruments() {
            let mut response = common::response(&instrument, &seeds, 0);
            let missing = hole.index(response.answers.len());
            response.answers[missing] = None;
            prop_assert_eq!(
                instrument.score(&response),
                Err(ResponseError::Incomplete { missing: vec![missing] })
            );
        }
    }

    #[test]
    fn an_answer_beyond_the_options_is_refused(
        seeds in prop::collection::vec(any::<u8>(), 1..40),
        at in any::<prop::sample::Index>(),
        extra in 0u8..100,
    ) {
        for instrument in instruments() {
            let mut response = common::response(&instrument, &seeds, 0);
            let item = at.index(response.answers.len());
            let option = instrument.answer_count(item) as u8 + extra;
            response.answers[item] = Some(option);
            prop_assert_eq!(
                instrument.score(&response),
                Err(ResponseError::NoSuchOption { item, option })
            );
        }
    }

    #[test]
    fn scoring_is_deterministic(seeds in prop::collection::vec(any::<u8>(), 1..40)) {
        for instrument in instruments() {
            let response = common::response(&instrument, &seeds, 0);
            prop_assert_eq!(instrument.score(&response), instrument.score(&response));
        }
    }
}
