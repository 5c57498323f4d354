//! Hand-worked examples of the three frequency-subscale instruments that follow the
//! essays' other lists: `put-yourself-on-the-list`, `curiosity` and `existing-customers`.
//!
//! Each has a subscale of good habits on the map's x axis, weighted `0, 25, 50, 75, 100`
//! (never … almost every time), and a subscale of habits worth changing on the y axis,
//! weighted `0, 0, 10, 60, 100`, whose items carry a `try` text. A subscale is the mean of its
//! items' weights, rounded half up; x is high at 50 or more, y at 40 or more. The habits
//! listed are the y items weighing 60 or more, heaviest first, ties in the order asked, at
//! most three. Items alternate between the two subscales; "does not apply" (`NA`) is left
//! out of the mean.

mod common;

use candor_core::definition::{Feeds, Instrument, ItemKind, Model};
use candor_core::response::Response;
use candor_core::scoring::{Outcome, SubscaleOutcome};

const NEVER: u8 = 0;
const ONCE: u8 = 1;
const SOMETIMES: u8 = 2;
const USUALLY: u8 = 3;
const ALMOST: u8 = 4;
/// "Does not apply": the answer after the five options.
const NA: u8 = 5;

/// The response giving the x subscale's items `x` and the y subscale's items `y`, each in
/// the order asked.
fn response(instrument: &Instrument, x: [u8; 6], y: [u8; 6]) -> Response {
    let Model::Subscales(model) = instrument.model() else {
        panic!("{} is not a subscale instrument", instrument.id().as_str())
    };
    let (mut xs, mut ys) = (x.iter(), y.iter());
    let answers = instrument
        .items()
        .iter()
        .map(|item| match item.kind {
            ItemKind::Rated {
                feeds: Feeds::Subscale(s),
                ..
            } if s == model.map.x => xs.next().copied(),
            ItemKind::Rated {
                feeds: Feeds::Subscale(s),
                ..
            } if s == model.map.y => ys.next().copied(),
            _ => panic!("an item that feeds neither axis"),
        })
        .collect();
    assert!(
        xs.next().is_none() && ys.next().is_none(),
        "six items a subscale"
    );
    Response {
        answers,
        group: None,
    }
}

/// `(x answers, y answers, [x score, y score], quadrant id, habits by item id)`.
type Row = (
    [u8; 6],
    [u8; 6],
    [u8; 2],
    &'static str,
    &'static [&'static str],
);

fn check(id: &str, rows: &[Row]) {
    let instrument = common::builtin(id);
    let Model::Subscales(model) = instrument.model() else {
        unreachable!()
    };
    for (i, (x, y, scores, quadrant, habits)) in rows.iter().enumerate() {
        let outcome: SubscaleOutcome = match instrument.score(&response(&instrument, *x, *y)) {
            Ok(Outcome::Subscales(outcome)) => outcome,
            other => panic!("{id} row {i}: {other:?}"),
        };
        let shown = [outcome.scores[model.map.x], outcome.scores[model.map.y]];
        assert_eq!(shown, *scores, "{id} row {i}: scores");
        assert_eq!(
            model.map.quadrants[outcome.quadrant].id, *quadrant,
            "{id} row {i}: quadrant"
        );
        let listed: Vec<&str> = outcome
            .habits
            .iter()
            .map(|&item| instrument.items()[item].id.as_str())
            .collect();
        assert_eq!(listed, *habits, "{id} row {i}: habits");
    }
}

#[test]
fn put_yourself_on_the_list() {
    // x: attention on the client; y: back seat (item 4 of six, "put off networking", may
    // not apply).
    check(
        "put-yourself-on-the-list",
        &[
            // Lowest: never anything. Own needs on the list, attention seldom on the client.
            ([NEVER; 6], [NEVER; 6], [0, 0], "self-in-view", &[]),
            // Highest: almost every time to everything. The first three back-seat items
            // tie at 100 and are listed in the order asked.
            (
                [ALMOST; 6],
                [ALMOST; 6],
                [100, 100],
                "always-back-seat",
                &["own-tasks-off-list", "rank-client-only", "clash-unweighed"],
            ),
            // Attention usually (75); back seat once or twice, which weighs nothing.
            ([USUALLY; 6], [ONCE; 6], [75, 0], "own-best-client", &[]),
            // Attention 100 + 75 + 50 + 25 + 0 + 50 = 300 / 6 = 50: high, exactly at the
            // split. Back seat, one not applying: 0 + 60 + 10 + 100 + 0 = 170 / 5 = 34: low.
            // Listed: the 100 (sleep-cut) before the 60 (rank-client-only).
            (
                [ALMOST, USUALLY, SOMETIMES, ONCE, NEVER, SOMETIMES],
                [ONCE, USUALLY, SOMETIMES, NA, ALMOST, NEVER],
                [50, 34],
                "own-best-client",
                &["sleep-cut", "rank-client-only"],
            ),
            // Back seat 4 × 60 = 240 / 6 = 40: high, exactly at the split. Four habits tie
            // at 60: the first three asked are listed. Attention once or twice: 25.
            (
                [ONCE; 6],
                [USUALLY, USUALLY, USUALLY, USUALLY, NEVER, NEVER],
                [25, 40],
                "running-on-empty",
                &["own-tasks-off-list", "rank-client-only", "clash-unweighed"],
            ),
        ],
    );
}

#[test]
fn curiosity() {
    // x: curiosity; y: chasing the sale (items 3 and 5 of six, qualifying first and
    // pushing the timetable, may not apply).
    check(
        "curiosity",
        &[
            ([NEVER; 6], [NEVER; 6], [0, 0], "taking-orders", &[]),
            (
                [ALMOST; 6],
                [ALMOST; 6],
                [100, 100],
                "curious-with-agenda",
                &["how-to-get-sale", "steer-to-decision", "qualify-first"],
            ),
            ([ALMOST; 6], [NEVER; 6], [100, 0], "curious-for-them", &[]),
            // Curiosity 75 + 50 + 50 + 25 + 0 + 75 = 275 / 6 = 45.8 → 46: low. Chasing,
            // two not applying: 60 + 0 + 100 + 10 = 170 / 4 = 42.5 → 43 (half up): high.
            (
                [USUALLY, SOMETIMES, SOMETIMES, ONCE, NEVER, USUALLY],
                [USUALLY, ONCE, NA, ALMOST, NA, SOMETIMES],
                [46, 43],
                "chasing-the-close",
                &["impression", "how-to-get-sale"],
            ),
            // Chasing 60 + 10 × 5 = 110 / 6 = 18.3 → 18: low. "Sometimes" is not a habit:
            // only the "usually" item is listed. Curiosity 50: high, at the split.
            (
                [SOMETIMES; 6],
                [
                    USUALLY, SOMETIMES, SOMETIMES, SOMETIMES, SOMETIMES, SOMETIMES,
                ],
                [50, 18],
                "curious-for-them",
                &["how-to-get-sale"],
            ),
        ],
    );
}

#[test]
fn existing_customers() {
    // x: looking after the account (item 6 of six, meeting a successor, may not apply);
    // y: bending too far (items 2 and 5, an unasked discount and late payment, may not).
    check(
        "existing-customers",
        &[
            ([NEVER; 6], [NEVER; 6], [0, 0], "on-autopilot", &[]),
            (
                [ALMOST; 6],
                [ALMOST; 6],
                [100, 100],
                "generous-to-a-fault",
                &["free-extras", "unasked-discount", "scope-free"],
            ),
            // Care 100 + 100 + 75 + 75 + 75 = 425 / 5 = 85; bending 0 + 10 + 0 + 0 = 10 / 4
            // = 2.5 → 3.
            (
                [ALMOST, ALMOST, USUALLY, USUALLY, USUALLY, NA],
                [ONCE, NA, SOMETIMES, ONCE, NA, NEVER],
                [85, 3],
                "steady-steward",
                &[],
            ),
            // Care 25 + 25 + 50 + 25 + 0 + 0 = 125 / 6 = 20.8 → 21: low. Bending 60 + 60 +
            // 100 + 0 + 10 + 60 = 290 / 6 = 48.3 → 48: high. The 100 first, then the
            // first two of the three 60s in the order asked.
            (
                [ONCE, ONCE, SOMETIMES, ONCE, NEVER, NEVER],
                [USUALLY, USUALLY, ALMOST, ONCE, SOMETIMES, USUALLY],
                [21, 48],
                "buying-goodwill",
                &["scope-free", "free-extras", "unasked-discount"],
            ),
        ],
    );
}
