//! Hand-worked examples of the frequency-subscale model on `service-or-servility`.
//!
//! Items alternate: even positions feed *servility* (weights 0, 0, 10, 60, 100 for never,
//! rarely, now and then, often, regularly), odd positions feed *partnership* (0, 25, 50, 75,
//! 100). Each subscale is the mean of its eight weights, rounded half up. High partnership is
//! 50 or more; high servility is 40 or more.

mod common;

use candor_core::response::{Response, ResponseError};
use candor_core::scoring::{Outcome, SubscaleOutcome};

const NEVER: u8 = 0;
const RARELY: u8 = 1;
const NOW_AND_THEN: u8 = 2;
const OFTEN: u8 = 3;
const REGULARLY: u8 = 4;

/// Builds a response from the servility answers (even items) and partnership answers (odd).
fn answers(servility: [u8; 8], partnership: [u8; 8]) -> Response {
    let mut answers = Vec::new();
    for i in 0..8 {
        answers.push(Some(servility[i]));
        answers.push(Some(partnership[i]));
    }
    Response {
        answers,
        group: None,
    }
}

fn score(response: &Response) -> SubscaleOutcome {
    match common::builtin("service-or-servility").score(response) {
        Ok(Outcome::Subscales(outcome)) => outcome,
        other => panic!("unexpected {other:?}"),
    }
}

fn quadrant_id(outcome: &SubscaleOutcome) -> String {
    let instrument = common::builtin("service-or-servility");
    let candor_core::definition::Model::Subscales(model) = instrument.model() else {
        unreachable!()
    };
    model.map.quadrants[outcome.quadrant].id.clone()
}

// (servility answers, partnership answers, [partnership, servility], quadrant, slope band, habits)
type Row = (
    [u8; 8],
    [u8; 8],
    [u8; 2],
    &'static str,
    usize,
    &'static [usize],
);

#[test]
fn hand_worked_patterns() {
    let rows: &[Row] = &[
        // All "never": every weight is 0. Low on both axes.
        (
            [NEVER; 8],
            [NEVER; 8],
            [0, 0],
            "going-through-the-motions",
            0,
            &[],
        ),
        // All "regularly": every weight is 100. High on both; End-Station; the three
        // heaviest habits are the first three servility items (items 0, 2, 4) by order.
        (
            [REGULARLY; 8],
            [REGULARLY; 8],
            [100, 100],
            "eager-to-please",
            3,
            &[0, 2, 4],
        ),
        // Servility "now and then" (10 each → 10), partnership "often" (75 each → 75).
        (
            [NOW_AND_THEN; 8],
            [OFTEN; 8],
            [75, 10],
            "trusted-partner",
            0,
            &[],
        ),
        // Mixed: servility 100+60+60+10+0+0+0+0 = 230 / 8 = 28.75 → 29 (Station One);
        // partnership 25·4 + 50·4 = 300 / 8 = 37.5 → 38 (low). Habits: the regular one
        // (item 0) first, then the two "often" ones in order (items 2 and 4).
        (
            [
                REGULARLY,
                OFTEN,
                OFTEN,
                NOW_AND_THEN,
                NEVER,
                RARELY,
                NEVER,
                NEVER,
            ],
            [
                RARELY,
                RARELY,
                RARELY,
                RARELY,
                NOW_AND_THEN,
                NOW_AND_THEN,
                NOW_AND_THEN,
                NOW_AND_THEN,
            ],
            [38, 29],
            "going-through-the-motions",
            1,
            &[0, 2, 4],
        ),
        // Four habits done regularly: 400 / 8 = 50 → high servility, halfway down; with
        // partnership "regularly" (100) it reads as eager to please. Only three habits shown.
        (
            [
                NEVER, REGULARLY, NEVER, REGULARLY, NEVER, REGULARLY, NEVER, REGULARLY,
            ],
            [REGULARLY; 8],
            [100, 50],
            "eager-to-please",
            2,
            &[2, 6, 10],
        ),
        // Seven habits done often and one regularly: (7·60 + 100) / 8 = 65 → high servility;
        // partnership "rarely" → 25. The regular habit (item 14) comes first.
        (
            [OFTEN, OFTEN, OFTEN, OFTEN, OFTEN, OFTEN, OFTEN, REGULARLY],
            [RARELY; 8],
            [25, 65],
            "at-their-beck-and-call",
            2,
            &[14, 0, 2],
        ),
    ];
    for (i, (servility, partnership, scores, quadrant, slope, habits)) in rows.iter().enumerate() {
        let outcome = score(&answers(*servility, *partnership));
        assert_eq!(outcome.scores, scores.to_vec(), "row {i}: scores");
        assert_eq!(quadrant_id(&outcome), *quadrant, "row {i}: quadrant");
        assert_eq!(outcome.slope, Some(*slope), "row {i}: slope");
        assert_eq!(outcome.habits, habits.to_vec(), "row {i}: habits");
    }
}

#[test]
fn an_isolated_act_weighs_little_and_a_habit_weighs_most() {
    // The essays' key word is "regularly". One heroic act done regularly and nothing else:
    // 100 / 8 = 12.5 → 13, still "service freely given".
    let isolated = score(&answers(
        [REGULARLY, NEVER, NEVER, NEVER, NEVER, NEVER, NEVER, NEVER],
        [NEVER; 8],
    ));
    assert_eq!(isolated.scores[1], 13);
    assert_eq!(isolated.slope, Some(0));
    // Every one of the same acts now and then: 10 each → 10. Occasional acts barely count.
    let occasional = score(&answers([NOW_AND_THEN; 8], [NEVER; 8]));
    assert_eq!(occasional.scores[1], 10);
    assert!(occasional.habits.is_empty(), "now and then is not a habit");
    // The same acts "often": 60 each → 60, six times the occasional score although the
    // answer is only one step up the scale.
    let habitual = score(&answers([OFTEN; 8], [NEVER; 8]));
    assert_eq!(habitual.scores[1], 60);
    assert_eq!(habitual.scores[1], 6 * occasional.scores[1]);
    // "Rarely" weighs nothing at all.
    let rare = score(&answers([RARELY; 8], [NEVER; 8]));
    assert_eq!(rare.scores[1], 0);
}

#[test]
fn an_incomplete_response_is_refused_not_scored() {
    let mut response = answers([OFTEN; 8], [OFTEN; 8]);
    response.answers[5] = None;
    response.answers[9] = None;
    let error = common::builtin("service-or-servility")
        .score(&response)
        .unwrap_err();
    assert_eq!(
        error,
        ResponseError::Incomplete {
            missing: vec![5, 9]
        }
    );
}

#[test]
fn an_answer_outside_the_scale_is_refused() {
    let mut response = answers([OFTEN; 8], [OFTEN; 8]);
    response.answers[3] = Some(5);
    let error = common::builtin("service-or-servility")
        .score(&response)
        .unwrap_err();
    assert_eq!(error, ResponseError::NoSuchOption { item: 3, option: 5 });
}
