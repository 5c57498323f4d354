//! Hand-worked examples of "does not apply" in every model, and the rules a definition that
//! offers it must follow.
//!
//! The built-ins offer it where an item can fail to apply (the team items of
//! `service-or-servility`, the rewards and structure rows of `trust-roadmap`); the ratio and
//! level examples use `trust-equation` and `customer-focus` with "does not apply" added to
//! every item.
#![allow(clippy::unwrap_used)]

mod common;

use candor_core::builtin;
use candor_core::definition::{Feeds, Instrument, ItemKind};
use candor_core::response::Response;
use candor_core::scoring::{Outcome, Part, Shortfall};
use serde_json::{Value, json};

/// Built-in `id` with `change` applied to its JSON.
fn changed(id: &str, change: impl FnOnce(&mut Value)) -> Instrument {
    let mut value: Value = serde_json::from_str(builtin::source(id).unwrap()).unwrap();
    change(&mut value);
    Instrument::from_json(&value.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

/// Every item of the definition offers "does not apply"; the first scale labels it.
fn offer_everywhere(value: &mut Value) {
    if let Some(scale) = value["scales"].get_mut(0) {
        scale["not_applicable"] = json!("I can't tell");
    }
    for item in value["items"].as_array_mut().unwrap() {
        item["not_applicable"] = json!(true);
    }
}

/// The answer index of item `i` that counts as `keyed` (1–5) on a 1–5 scale.
fn keyed(instrument: &Instrument, i: usize, keyed: u8) -> u8 {
    match instrument.items()[i].kind {
        ItemKind::Rated { reverse: true, .. } => 5 - keyed,
        _ => keyed - 1,
    }
}

/// The "does not apply" answer of item `i`.
fn skip(instrument: &Instrument, i: usize) -> u8 {
    assert!(instrument.not_applicable(i).is_some());
    instrument.option_count(i) as u8
}

fn index_of(instrument: &Instrument, id: &str) -> usize {
    instrument
        .items()
        .iter()
        .position(|item| item.id.as_str() == id)
        .unwrap()
}

#[test]
fn subscales_leave_the_team_items_out_of_the_means() {
    let instrument = common::builtin("service-or-servility");
    let mut answers = vec![0u8; 16];
    for id in ["team-meeting-moved", "weekend-polish", "protect-team-time"] {
        let i = index_of(&instrument, id);
        answers[i] = skip(&instrument, i);
    }
    // Servility, six real answers: 100 + 60 + 10 + 0 + 0 + 100 = 270; 270 / 6 = 45.
    for (id, option) in [
        ("after-hours-replies", 4),
        ("instant-discount", 3),
        ("step-out-for-calls", 2),
        ("their-way-anyway", 1),
        ("detail-without-view", 0),
        ("effort-noticed", 4),
    ] {
        answers[index_of(&instrument, id)] = option;
    }
    // Partnership, seven real answers: 100 + 75 + 50 + 25 + 0 + 100 + 100 = 450;
    // 450 / 7 = 64.29 → 64. (Counting the skipped item as 0 would give 56.)
    for (id, option) in [
        ("wrong-result-warning", 4),
        ("better-way", 3),
        ("decline-substandard", 2),
        ("own-priorities", 1),
        ("unseen-help", 0),
        ("early-bad-news", 4),
        ("plain-no", 4),
    ] {
        answers[index_of(&instrument, id)] = option;
    }
    let response = Response {
        answers: answers.into_iter().map(Some).collect(),
        group: None,
    };
    assert_eq!(response.not_applicable(&instrument), 3);
    let Ok(Outcome::Subscales(o)) = instrument.score(&response) else {
        panic!("scored")
    };
    assert_eq!(o.scores, [64, 45]);
    // 64 ≥ 50 and 45 ≥ 40: high on both, "eager to please"; 45 is halfway down the slope.
    assert_eq!(o.quadrant, 3);
    assert_eq!(o.slope, Some(2));
    // The habits are the real answers of weight 60 or more, heaviest first.
    let habits: Vec<&str> = o
        .habits
        .iter()
        .map(|&i| instrument.items()[i].id.as_str())
        .collect();
    assert_eq!(
        habits,
        ["after-hours-replies", "effort-noticed", "instant-discount"]
    );
}

#[test]
fn a_subscale_below_the_minimum_is_not_scored() {
    let instrument = changed("service-or-servility", |v| {
        v["model"]["min_answers"] = json!(7)
    });
    let mut answers = vec![Some(2u8); 16];
    for id in ["team-meeting-moved", "weekend-polish"] {
        let i = index_of(&instrument, id);
        answers[i] = Some(skip(&instrument, i));
    }
    let response = Response {
        answers,
        group: None,
    };
    // Servility has six real answers left, partnership all eight.
    assert_eq!(
        instrument.score(&response),
        Ok(Outcome::Unscored(vec![Shortfall {
            part: Part::Subscale(1),
            found: 6,
            needed: 7,
        }]))
    );
}

#[test]
fn grid_cells_without_answers_are_not_scored_and_leave_the_means() {
    let instrument = common::builtin("trust-roadmap");
    // Every cell keyed 4 (75), except the rewards row (3), which does not apply.
    let answers = (0..instrument.items().len())
        .map(|i| match instrument.items()[i].kind {
            ItemKind::Rated {
                feeds: Feeds::Cell { row: 3, .. },
                ..
            } => Some(skip(&instrument, i)),
            _ => Some(keyed(&instrument, i, 4)),
        })
        .collect();
    let response = Response {
        answers,
        group: Some(0),
    };
    let Ok(Outcome::Grid(o)) = instrument.score(&response) else {
        panic!("scored")
    };
    for r in 0..5 {
        for c in 0..4 {
            let expected = if r == 3 { None } else { Some(75.0) };
            assert_eq!(o.cells[r * 4 + c], expected, "cell {r},{c}");
        }
    }
    assert_eq!(
        o.row_means,
        [Some(75.0), Some(75.0), Some(75.0), None, Some(75.0)]
    );
    // Each column mean is of its four scored cells; the overall mean of the sixteen.
    assert_eq!(o.column_means, [Some(75.0); 4]);
    assert_eq!(o.mean, 75.0);
    // All sixteen scored cells tie; the unscored ones are neither strongest nor weakest.
    let scored: Vec<usize> = (0..20).filter(|c| !(12..16).contains(c)).collect();
    assert_eq!(o.strongest, scored);
    assert_eq!(o.weakest, scored);
}

#[test]
fn a_grid_with_no_cell_scored_has_no_result() {
    let instrument = changed("trust-roadmap", offer_everywhere);
    let response = Response {
        answers: (0..instrument.items().len())
            .map(|i| Some(skip(&instrument, i)))
            .collect(),
        group: Some(1),
    };
    let Ok(Outcome::Unscored(short)) = instrument.score(&response) else {
        panic!("unscored")
    };
    assert_eq!(short.len(), 20);
    assert_eq!(
        short[7],
        Shortfall {
            part: Part::Cell(7),
            found: 0,
            needed: 1
        }
    );
}

#[test]
fn ratio_sums_are_prorated_from_the_real_answers() {
    let instrument = changed("trust-equation", |v| {
        offer_everywhere(v);
        v["model"]["min_answers"] = json!(3);
    });
    // Keyed values per component (0 = does not apply), items in definition order.
    let plan = [
        ("C", [0, 5, 5, 4, 3]), // 17 over 4 answers: 17 × 5 / 4 = 21.25 → 21
        ("R", [4, 4, 4, 4, 4]), // 20
        ("I", [0, 2, 0, 2, 3]), // 7 over 3 answers: 7 × 5 / 3 = 11.67 → 12
        ("S", [2, 2, 2, 2, 2]), // 10
    ];
    let response = ratio_response(&instrument, &plan);
    assert_eq!(response.not_applicable(&instrument), 3);
    let Ok(Outcome::Ratio(o)) = instrument.score(&response) else {
        panic!("scored")
    };
    assert_eq!(o.sums, [21, 20, 12, 10]);
    // (21 + 20 + 12) / 10 = 5.3.
    assert_eq!(o.quotient_tenths, 53);
    // Virtues: C 21, R 20, I 12, low-S 30 − 10 = 20; R and low-S tie for second.
    assert_eq!(o.virtues, [21, 20, 12, 20]);
    assert_eq!(o.weakest, 2);

    // Three answers of intimacy skipped leaves two, below the minimum of three.
    let plan = [
        ("C", [3, 3, 3, 3, 3]),
        ("R", [3, 3, 3, 3, 3]),
        ("I", [0, 2, 0, 0, 3]),
        ("S", [3, 3, 3, 3, 3]),
    ];
    assert_eq!(
        instrument.score(&ratio_response(&instrument, &plan)),
        Ok(Outcome::Unscored(vec![Shortfall {
            part: Part::Component(2),
            found: 2,
            needed: 3,
        }]))
    );
}

/// A response giving each component's items, in order, the keyed values of `plan`.
fn ratio_response(instrument: &Instrument, plan: &[(&str, [u8; 5])]) -> Response {
    let mut next = [0usize; 4];
    let answers = (0..instrument.items().len())
        .map(|i| {
            let ItemKind::Rated {
                feeds: Feeds::Component(c),
                ..
            } = instrument.items()[i].kind
            else {
                unreachable!()
            };
            let value = plan[c].1[next[c]];
            next[c] += 1;
            Some(if value == 0 {
                skip(instrument, i)
            } else {
                keyed(instrument, i, value)
            })
        })
        .collect();
    Response {
        answers,
        group: None,
    }
}

#[test]
fn level_placement_counts_only_the_situations_that_apply() {
    let instrument = changed("customer-focus", |v| {
        offer_everywhere(v);
        v["model"]["not_applicable"] = json!("None of these fits my work");
        v["model"]["min_answers"] = json!(4);
    });
    // Levels chosen for the ten situations; 0 = does not apply.
    let response = |levels: [u8; 10]| Response {
        answers: (levels.iter().enumerate())
            .map(|(i, &level)| {
                let ItemKind::Levels { options } = &instrument.items()[i].kind else {
                    unreachable!()
                };
                Some(match level {
                    0 => skip(&instrument, i),
                    l => options.iter().position(|o| o.level == l).unwrap() as u8,
                })
            })
            .collect(),
        group: None,
    };
    // Real answers 2, 3, 3, 5: the median of four ties to the lower middle, 3; two of four
    // at level 3 → 50 %.
    let Ok(Outcome::Levels(o)) = instrument.score(&response([2, 0, 3, 0, 0, 3, 0, 5, 0, 0])) else {
        panic!("scored")
    };
    assert_eq!(o.counts, [0, 1, 2, 0, 1]);
    assert_eq!(o.headline, 3);
    assert_eq!(o.consistency, 50);
    // Three real answers, below the minimum of four.
    assert_eq!(
        instrument.score(&response([2, 0, 3, 0, 0, 3, 0, 0, 0, 0])),
        Ok(Outcome::Unscored(vec![Shortfall {
            part: Part::Items,
            found: 3,
            needed: 4,
        }]))
    );
    // Its label reaches the questions form, and it is shown last.
    let questions = instrument.questions();
    assert_eq!(
        questions.not_applicable(0),
        Some("None of these fits my work")
    );
    assert_eq!(questions.display_order(7, 0).last(), Some(&5));
    assert_eq!(questions.answer_count(0), 6);
}

#[test]
fn a_definition_that_offers_it_wrongly_is_told_where() {
    let no_label = common::errors("trust-equation", |v| {
        v["items"][2]["not_applicable"] = json!(true)
    });
    assert_eq!(
        no_label,
        [
            "items[2].not_applicable: this item offers \"does not apply\", so \"agree\" needs a \"not_applicable\" label for it"
        ]
    );
    let levels = common::errors("customer-focus", |v| {
        v["items"][0]["not_applicable"] = json!(true)
    });
    assert_eq!(
        levels,
        [
            "items[0].not_applicable: this item offers \"does not apply\", so \"model\" needs a \"not_applicable\" label for it"
        ]
    );
    let unreachable = common::errors("trust-roadmap", |v| v["model"]["min_answers"] = json!(2));
    assert_eq!(unreachable.len(), 20, "every cell has one item");
    assert_eq!(
        unreachable[0],
        "model.min_answers: \"external\" × \"other-focus\" has only 1 item(s), fewer than \"min_answers\" (2): it could never be scored"
    );
    let earlier = common::errors("trust-roadmap", |v| v["earlier"] = json!([1, 2, 1]));
    assert_eq!(earlier.len(), 2, "{earlier:?}");
    assert!(earlier[0].starts_with("earlier[1]: "), "{}", earlier[0]);
    assert!(earlier[1].starts_with("earlier[2]: "), "{}", earlier[1]);
    let typed = common::errors("trust-roadmap", |v| {
        v["items"][0]["not_applicable"] = json!("yes")
    });
    assert_eq!(typed.len(), 1);
    assert!(typed[0].starts_with("items[0].not_applicable: "));
}

#[test]
fn an_attempt_at_an_earlier_version_that_fits_is_read_as_this_one() {
    let instrument = common::builtin("service-or-servility");
    assert_eq!(instrument.earlier(), [1]);
    assert!(instrument.reads_version(1) && instrument.reads_version(instrument.version()));
    let response = common::response(&instrument, &[3, 1], 0);
    let mut attempt =
        candor_core::records::Attempt::scored(&instrument, &response, 1.7e12).unwrap();
    attempt.version = 1;
    assert!(attempt.code(&instrument).is_some());
    attempt.version = 9;
    assert!(attempt.code(&instrument).is_none());
}
