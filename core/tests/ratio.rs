//! Hand-worked examples of the trust equation (`trust-equation`).
//!
//! Items cycle C, R, I, S five times; some are reverse-keyed (the definition says which).
//! The helper below sets the *keyed* value each component's items should count as, so the
//! sums are exactly what each row says; the quotient is (C + R + I) / S in tenths, rounded
//! half up; the virtues are C, R, I and low-S = 30 − S; ties follow the order C, R, I, S.

mod common;

use candor_core::definition::{Feeds, Instrument, ItemKind, Model, RatioModel};
use candor_core::response::Response;
use candor_core::scoring::{Outcome, RatioOutcome};

fn instrument() -> Instrument {
    common::builtin("trust-equation")
}

fn model(instrument: &Instrument) -> &RatioModel {
    match instrument.model() {
        Model::Ratio(model) => model,
        _ => unreachable!(),
    }
}

/// Five keyed values (1–5) that add up to `sum` (5–25).
fn spread(sum: u8) -> [u8; 5] {
    let (base, extra) = (sum / 5, sum % 5);
    std::array::from_fn(|i| base + u8::from((i as u8) < extra))
}

/// Answers that make the components sum to `sums` (C, R, I, S).
fn answers_for(instrument: &Instrument, sums: [u8; 4]) -> Response {
    let mut next = [0usize; 4];
    let values = sums.map(spread);
    let answers = instrument
        .items()
        .iter()
        .map(|item| match item.kind {
            ItemKind::Rated {
                reverse,
                feeds: Feeds::Component(c),
                ..
            } => {
                let keyed = values[c][next[c]];
                next[c] += 1;
                Some(if reverse { 5 - keyed } else { keyed - 1 })
            }
            _ => unreachable!(),
        })
        .collect();
    Response {
        answers,
        group: None,
    }
}

fn score(instrument: &Instrument, response: &Response) -> RatioOutcome {
    match instrument.score(response) {
        Ok(Outcome::Ratio(outcome)) => outcome,
        other => panic!("unexpected {other:?}"),
    }
}

fn pair_name(instrument: &Instrument, t: usize) -> String {
    let m = model(instrument);
    let [a, b] = m.temperaments[t].pair;
    format!("{}+{}", m.components[a].id, m.components[b].id)
}

#[test]
fn quotient_at_its_extremes() {
    let instrument = instrument();
    // Highest: C = R = I = 25, S = 5 → 75 / 5 = 15.0.
    let top = score(&instrument, &answers_for(&instrument, [25, 25, 25, 5]));
    assert_eq!(top.sums, [25, 25, 25, 5]);
    assert_eq!(top.quotient_tenths, 150);
    // Lowest: C = R = I = 5, S = 25 → 15 / 25 = 0.6.
    let bottom = score(&instrument, &answers_for(&instrument, [5, 5, 5, 25]));
    assert_eq!(bottom.quotient_tenths, 6);
    let m = model(&instrument);
    assert_eq!(
        m.quotient_bands.as_slice()[bottom.quotient_band].name,
        "Self-orientation weighs as much as the rest"
    );
    assert_eq!(
        m.quotient_bands.as_slice()[top.quotient_band].name,
        "Self-orientation barely shows"
    );
}

#[test]
fn agreeing_with_everything_does_not_flatter() {
    // "Strongly agree" everywhere: per component three plain items count 5 and two
    // reverse-keyed ones count 1, so C = R = I = S = 17 and TQ = 51 / 17 = 3.0.
    let instrument = instrument();
    let outcome = score(
        &instrument,
        &Response {
            answers: vec![Some(4); 20],
            group: None,
        },
    );
    assert_eq!(outcome.sums, [17, 17, 17, 17]);
    assert_eq!(outcome.quotient_tenths, 30);
    // Virtues 17, 17, 17 and low-S 13: C, R, I tie and the tie order picks C + R; C + I and
    // R + I are within a point, so they show as blends. Spread 4 is "uneven".
    assert_eq!(outcome.virtues, [17, 17, 17, 13]);
    assert_eq!(pair_name(&instrument, outcome.temperament), "C+R");
    let blends: Vec<String> = outcome
        .blends
        .iter()
        .map(|&t| pair_name(&instrument, t))
        .collect();
    assert_eq!(blends, ["C+I", "R+I"]);
    assert_eq!(outcome.spread, 4);
    assert_eq!(
        model(&instrument).balance_bands.as_slice()[outcome.balance].name,
        "Uneven"
    );
    assert_eq!(
        outcome.weakest, 3,
        "low self-orientation is the weakest virtue"
    );
}

/// (C, R, I, S), quotient in tenths, temperament, blends, spread, weakest.
type Row = (
    [u8; 4],
    i32,
    &'static str,
    &'static [&'static str],
    i32,
    &'static str,
);

#[test]
fn temperaments_ties_and_near_ties() {
    let instrument = instrument();
    // (C, R, I, S), quotient in tenths, temperament, blends, spread, weakest
    let rows: &[Row] = &[
        // Exact tie of C, R and low-S (all 20): tie order C, R, I, S picks C + R; C + S and
        // R + S are exact ties too. TQ = 55 / 10 = 5.5. Spread 20 − 15 = 5.
        ([20, 20, 15, 10], 55, "C+R", &["C+S", "R+S"], 5, "I"),
        // Near tie: virtues C 22, R 18, low-S 18, I 17. R and low-S tie exactly (R first by
        // order); I is one point behind: C + S and C + I are blends. TQ = 57 / 12 = 4.75,
        // rounded half up to 4.8. Spread 22 − 17 = 5.
        ([22, 18, 17, 12], 48, "C+R", &["C+S", "C+I"], 5, "I"),
        // Clear case: C 25 and low-S 25 lead (C first by order), R 20 is five behind: no blend.
        // TQ = 55 / 5 = 11.0. Spread 25 − 10 = 15, lopsided.
        ([25, 20, 10, 5], 110, "C+S", &[], 15, "I"),
        // Intimacy and low-S lead: I 23, low-S 30 − 9 = 21, R 15, C 12. TQ = 50 / 9 = 5.56 → 5.6.
        ([12, 15, 23, 9], 56, "I+S", &[], 11, "C"),
        // Everything in the middle: 15 each and low-S 15. A four-way tie is a flat profile:
        // no pair stands out, so there are no blends (see below). TQ = 45 / 15 = 3.0.
        ([15, 15, 15, 15], 30, "C+R", &[], 0, "S"),
        // Within a point everywhere: C 16, R 15, I 16, low-S 30 − 14 = 16. Flat as well.
        // TQ = 47 / 14 = 3.36 → 3.4.
        ([16, 15, 16, 14], 34, "C+I", &[], 1, "R"),
    ];
    for (i, (sums, tq, temperament, blends, spread, weakest)) in rows.iter().enumerate() {
        let outcome = score(&instrument, &answers_for(&instrument, *sums));
        let m = model(&instrument);
        assert_eq!(outcome.sums, sums.map(i32::from), "row {i}: sums");
        assert_eq!(outcome.quotient_tenths, *tq, "row {i}: quotient");
        assert_eq!(
            pair_name(&instrument, outcome.temperament),
            *temperament,
            "row {i}: temperament"
        );
        let got: Vec<String> = outcome
            .blends
            .iter()
            .map(|&t| pair_name(&instrument, t))
            .collect();
        assert_eq!(got, blends.to_vec(), "row {i}: blends");
        assert_eq!(outcome.spread, *spread, "row {i}: spread");
        assert_eq!(
            m.components[outcome.weakest].id, *weakest,
            "row {i}: weakest"
        );
    }
}

#[test]
fn a_flat_profile_is_balanced_not_a_pair_picked_by_tie_order() {
    let instrument = instrument();
    // (C, R, I, S) and whether the profile is flat: every virtue within a point.
    let rows: &[([u8; 4], bool)] = &[
        ([15, 15, 15, 15], true),
        ([16, 15, 16, 14], true),
        ([20, 20, 20, 10], true),
        ([20, 20, 20, 12], false),
        ([17, 17, 17, 17], false),
    ];
    for (sums, flat) in rows {
        let outcome = score(&instrument, &answers_for(&instrument, *sums));
        assert_eq!(outcome.balanced, *flat, "{sums:?}");
        assert_eq!(outcome.spread <= 1, *flat, "{sums:?}");
        if *flat {
            assert!(outcome.blends.is_empty());
            let summary = Outcome::Ratio(outcome).summary(&instrument);
            let balanced = model(&instrument).balanced.as_ref().unwrap();
            assert!(
                summary.headline.ends_with(&balanced.name),
                "{}",
                summary.headline
            );
        }
    }
}

#[test]
fn reverse_keyed_items_count_backwards() {
    let instrument = instrument();
    // Only the first reverse-keyed reliability item ("clients chase me") is answered
    // "strongly agree" (option 4, counts 1); all other items "neither" (counts 3).
    let mut answers = vec![Some(2u8); 20];
    let chasing = instrument
        .items()
        .iter()
        .position(|i| i.id.as_str() == "r-chasing")
        .unwrap();
    answers[chasing] = Some(4);
    let outcome = score(
        &instrument,
        &Response {
            answers,
            group: None,
        },
    );
    assert_eq!(outcome.sums, [15, 13, 15, 15]);
}
