//! Hand-worked examples of the grid model on `trust-roadmap`.
//!
//! One item per cell, answered 1–5; a cell scores (value − 1) × 25 after reverse keying, so
//! 0, 25, 50, 75 or 100. Cells are numbered row by row: row r, column c is 4r + c.

mod common;

use candor_core::definition::{Feeds, Instrument, ItemKind};
use candor_core::response::{Response, ResponseError};
use candor_core::scoring::{GridOutcome, Outcome};

/// Answers giving cell (r, c) the keyed value `value(r, c)`, with group `group`.
fn answers(instrument: &Instrument, value: impl Fn(usize, usize) -> u8, group: u8) -> Response {
    let answers = instrument
        .items()
        .iter()
        .map(|item| match item.kind {
            ItemKind::Rated {
                reverse,
                feeds: Feeds::Cell { row, column },
                ..
            } => {
                let v = value(row, column);
                Some(if reverse { 5 - v } else { v - 1 })
            }
            // The priority question: leadership first.
            ItemKind::Rated {
                feeds: Feeds::Priority,
                ..
            } => Some(1),
            _ => unreachable!(),
        })
        .collect();
    Response {
        answers,
        group: Some(group),
    }
}

/// Every cell or mean scored, with these values.
fn scored<const N: usize>(values: [f64; N]) -> Vec<Option<f64>> {
    values.map(Some).to_vec()
}

fn score(response: &Response) -> GridOutcome {
    match common::builtin("trust-roadmap").score(response) {
        Ok(Outcome::Grid(outcome)) => outcome,
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn uniform_answers_tie_everywhere_and_keep_reading_order() {
    let instrument = common::builtin("trust-roadmap");
    let outcome = score(&answers(&instrument, |_, _| 3, 1));
    assert_eq!(outcome.cells, vec![Some(50.0); 20]);
    assert_eq!(outcome.row_means, vec![Some(50.0); 5]);
    assert_eq!(outcome.column_means, vec![Some(50.0); 4]);
    assert_eq!(outcome.mean, 50.0);
    // Every cell ties with the third: all twenty are named, none picked by its place.
    let all: Vec<usize> = (0..20).collect();
    assert_eq!(outcome.strongest, all);
    assert_eq!(outcome.weakest, all);
    assert_eq!(outcome.group, Some(1));
}

#[test]
fn an_empty_row() {
    // Rewards (row 3) scores 0 in every cell, every other cell 100.
    let instrument = common::builtin("trust-roadmap");
    let outcome = score(&answers(&instrument, |r, _| if r == 3 { 1 } else { 5 }, 2));
    assert_eq!(outcome.row_means, scored([100.0, 100.0, 100.0, 0.0, 100.0]));
    // Each column: four cells at 100 and one at 0 → 80.
    assert_eq!(outcome.column_means, scored([80.0; 4]));
    // 16 cells at 100, 4 at 0 → 1600 / 20 = 80: "Trust values run through it".
    assert_eq!(outcome.mean, 80.0);
    assert_eq!(outcome.band, 3);
    // The whole row ties at 0: four weakest cells, not the first three of the row.
    assert_eq!(outcome.weakest, [12, 13, 14, 15]);
    let others: Vec<usize> = (0..20).filter(|c| !(12..16).contains(c)).collect();
    assert_eq!(outcome.strongest, others);
}

#[test]
fn mixed_cells() {
    // Cell (r, c) gets value 1 + (r + c) % 5: rows 0..4, columns 0..3.
    //   row 0: 1 2 3 4 → 0 25 50 75    mean 37.5
    //   row 1: 2 3 4 5 → 25 50 75 100  mean 62.5
    //   row 2: 3 4 5 1 → 50 75 100 0   mean 56.25
    //   row 3: 4 5 1 2 → 75 100 0 25   mean 50
    //   row 4: 5 1 2 3 → 100 0 25 50   mean 43.75
    // Columns: (0+25+50+75+100)/5 = 50 each. Overall 50 → "lived in patches".
    // Strongest: the 100s at cells 7, 10, 13 and 16. Weakest: the 0s at 0, 11, 14 and 17.
    // Four cells tie at each end, and all four are named.
    let instrument = common::builtin("trust-roadmap");
    let outcome = score(&answers(&instrument, |r, c| 1 + ((r + c) % 5) as u8, 0));
    assert_eq!(outcome.row_means, scored([37.5, 62.5, 56.25, 50.0, 43.75]));
    assert_eq!(outcome.column_means, scored([50.0; 4]));
    assert_eq!(outcome.mean, 50.0);
    assert_eq!(outcome.band, 1);
    // The priority feeds no cell; it is reported as chosen.
    assert_eq!(outcome.priority, Some(1));
    assert_eq!(outcome.strongest, [7, 10, 13, 16]);
    assert_eq!(outcome.weakest, [0, 11, 14, 17]);
}

#[test]
fn the_group_is_required() {
    let instrument = common::builtin("trust-roadmap");
    let mut response = answers(&instrument, |_, _| 3, 0);
    response.group = None;
    assert_eq!(instrument.score(&response), Err(ResponseError::NoGroup));
    response.group = Some(9);
    assert_eq!(
        instrument.score(&response),
        Err(ResponseError::NoSuchGroup(9))
    );
}
