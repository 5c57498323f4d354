//! Prints, as JSON, a fixed answer pattern for every built-in instrument and the result the
//! core computes for it. The end-to-end tests answer each instrument in the browser with
//! that pattern and check the result screen against these figures, so the browser is held
//! to the same arithmetic as the native tests.
//!
//! Under `authored`, the same for each blank template (`candor_core::templates`) with its
//! texts filled as `Text <path>`, as a trainer's own instrument: the entries of
//! `instruments`, each with the model `kind` and the filled `definition` to load.
//!
//! `cargo run -p candor-core --example e2e_expectations > tests/.generated/expectations.json`

use candor_core::builtin;
use candor_core::definition::{Feeds, Instrument, ItemKind, Model};
use candor_core::response::Response;
use candor_core::scoring::Outcome;
use candor_core::templates;
use serde_json::{Value, json};

/// Option `(3k + 1) mod n` for question `k`: every option gets used, in no simple order.
/// Every other question that offers "does not apply" (the second, the fourth…) takes it.
fn pattern(instrument: &Instrument) -> Vec<u8> {
    let mut offers = 0;
    (0..instrument.items().len())
        .map(|k| {
            let options = instrument.option_count(k);
            if instrument.not_applicable(k).is_some() {
                offers += 1;
                if offers % 2 == 0 {
                    return options as u8;
                }
            }
            ((3 * k + 1) % options) as u8
        })
        .collect()
}

fn expectations(instrument: &Instrument) -> Value {
    let answers = pattern(instrument);
    let group = instrument.groups().map(|_| 1u8);
    let response = Response {
        answers: answers.iter().copied().map(Some).collect(),
        group,
    };
    let outcome = match instrument.score(&response) {
        Ok(outcome) => outcome,
        Err(e) => panic!("{}: {e}", instrument.id()),
    };
    let summary = outcome.summary(instrument);
    let details = match (&outcome, instrument.model()) {
        (Outcome::Subscales(o), Model::Subscales(m)) => json!({
            "headline": m.map.quadrants[o.quadrant].name,
            "scores": m.subscales.iter().zip(&o.scores).map(|(s, v)| (s.id.clone(), json!(v))).collect::<serde_json::Map<_, _>>(),
            "habits": o.habits.iter().map(|&i| instrument.items()[i].text.clone()).collect::<Vec<_>>(),
        }),
        (Outcome::Levels(o), Model::Levels(m)) => json!({
            "headline": format!("Level {}: {}", o.headline, m.levels[usize::from(o.headline) - 1].name),
            "counts": o.counts,
            "consistency": o.consistency,
        }),
        (Outcome::Ratio(o), Model::Ratio(m)) => json!({
            "headline": format!("Trust quotient {}.{}", o.quotient_tenths / 10, o.quotient_tenths % 10),
            "sums": m.components.iter().zip(&o.sums).map(|(c, v)| (c.id.clone(), json!(v))).collect::<serde_json::Map<_, _>>(),
            "temperament": m.temperaments[o.temperament].name,
            "blends": o.blends.iter().map(|&t| m.temperaments[t].name.clone()).collect::<Vec<_>>(),
            "balance": m.balance_bands.as_slice()[o.balance].name,
            "weakest": m.components[o.weakest].virtue,
        }),
        (Outcome::Grid(o), Model::Grid(m)) => json!({
            "headline": m.bands.as_slice()[o.band].name,
            "overall": o.mean.round(),
            "cells": o.cells.iter().map(|c| c.map(f64::round)).collect::<Vec<_>>(),
            "row_means": o.row_means.iter().map(|c| c.map(f64::round)).collect::<Vec<_>>(),
            "column_means": o.column_means.iter().map(|c| c.map(f64::round)).collect::<Vec<_>>(),
            "group": m.groups.as_ref().and_then(|g| Some(g.options.get(usize::from(group?))?.name.clone())),
            "priority": instrument.items().iter().find_map(|item| match item.kind {
                ItemKind::Rated { scale, feeds: Feeds::Priority, .. } => {
                    Some(instrument.scales()[scale].options.get(usize::from(o.priority?))?.label.clone())
                }
                _ => None,
            }),
        }),
        _ => unreachable!("an outcome comes from its own model"),
    };
    json!({
        "id": instrument.id().as_str(),
        "version": instrument.version(),
        "answers": answers,
        "notApplicable": response.not_applicable(instrument),
        "items": answers.len(),
        "lowest": extreme(instrument, &answers, group, -1.0),
        "highest": extreme(instrument, &answers, group, 1.0),
        "group": group,
        "summary": { "headline": summary.headline, "scaled": summary.scaled },
        "expected": details,
    })
}

/// Answers that push the result to one end (`sign` −1: the lowest summary score, +1: the
/// highest), found from `start` by trying every option of each question in turn, twice over:
/// charts must stay readable when the reader's mark sits at an end of its scale.
fn extreme(instrument: &Instrument, start: &[u8], group: Option<u8>, sign: f64) -> Vec<u8> {
    let score = |answers: &[u8]| {
        let response = Response {
            answers: answers.iter().copied().map(Some).collect(),
            group,
        };
        instrument
            .score(&response)
            .map_or(f64::NEG_INFINITY, |o| sign * o.summary(instrument).scaled)
    };
    let mut answers = start.to_vec();
    for _ in 0..2 {
        for k in 0..answers.len() {
            let best = (0..instrument.option_count(k) as u8)
                .map(|option| {
                    let mut trial = answers.clone();
                    trial[k] = option;
                    (score(&trial), option)
                })
                .fold((f64::NEG_INFINITY, answers[k]), |a, b| {
                    if b.0 > a.0 { b } else { a }
                });
            answers[k] = best.1;
        }
    }
    answers
}

/// A number as the widget shows it: one decimal at most, no trailing `.0`.
fn short(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

/// A workshop of three attendees on `service-or-servility` and the group figures the
/// facilitator must see for them: each attendee's answer pattern, and the stats and counts.
fn workshop() -> Value {
    let instrument = builtin::load("service-or-servility").unwrap_or_else(|e| panic!("{e}"));
    let patterns: Vec<Vec<u8>> = vec![
        vec![3; 16],
        (0..16).map(|k| (k % 5) as u8).collect(),
        vec![1; 16],
    ];
    let codes: Vec<String> = patterns
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let response = Response {
                answers: p.iter().copied().map(Some).collect(),
                group: None,
            };
            candor_core::code::encode(&instrument, &response, Some("WS-42"), i as u8)
                .unwrap_or_default()
        })
        .collect();
    let report =
        candor_core::group::GroupReport::from_text(&codes.join("\n"), &instrument, Some("WS-42"));
    json!({
        "id": "service-or-servility",
        // Which shared result's bundle shows a result of it (`candor-shared-<model>`).
        "model": instrument.model().kind(),
        "session": "WS-42",
        "attendees": patterns,
        "stats": report.stats.iter().map(|s| json!({
            "id": s.id, "mean": short(s.mean), "sd": short(s.sd), "range": format!("{} – {}", short(s.min), short(s.max)),
        })).collect::<Vec<_>>(),
        "counts": report.categories.iter().flat_map(|set| set.entries.iter().map(move |(id, _, n)| json!({
            "set": set.id, "id": id, "count": n,
        }))).collect::<Vec<_>>(),
    })
}

/// A rater of each instrument others can answer: the request in their link, their answers
/// (an option per item, or "I can't tell" on every third) and the code the core makes of
/// them, which the rater's last screen must show.
fn raters() -> Value {
    builtin::ids()
        .filter_map(|id| {
            let instrument = builtin::load(id).unwrap_or_else(|e| panic!("{e}"));
            if !instrument.asks_others() {
                return None;
            }
            let request = candor_core::others::Request::new(0x7_3A5C, Some("WS-42"), "Sam");
            let answers: Vec<u8> = (0..instrument.items().len())
                .map(|k| {
                    let options = instrument.option_count(k);
                    if k % 3 == 2 {
                        options as u8
                    } else {
                        ((2 * k + 1) % options) as u8
                    }
                })
                .collect();
            let code = candor_core::others::encode(&instrument, &request, &answers)
                .unwrap_or_else(|| panic!("{id}: the rater's answers do not fit"));
            Some(json!({
                "id": id,
                "version": instrument.version(),
                "request": request.to_param(),
                "name": "Sam",
                "answers": answers,
                "code": code,
            }))
        })
        .collect()
}

/// A reader of `id` who asked three people: their own answers, the raters' (one with "I
/// can't tell" on some items), and what the reader must see: per part their own score,
/// others' mean and spread as the widget writes them, and the gaps named.
fn others_view(id: &str) -> Value {
    let instrument = builtin::load(id).unwrap_or_else(|e| panic!("{e}"));
    let items = instrument.items().len() as u8;
    let own: Vec<u8> = (0..items).map(|k| (k * 2 + 3) % 5).collect();
    let raters: Vec<Vec<u8>> = (0..3u8)
        .map(|r| {
            (0..items)
                .map(|k| {
                    if r == 2 && k % 6 == 1 {
                        5
                    } else {
                        (k + 2 * r) % 5
                    }
                })
                .collect()
        })
        .collect();
    let response = Response {
        answers: own.iter().copied().map(Some).collect(),
        group: None,
    };
    let Some(candor_core::others::View::Ready(comparison)) =
        candor_core::others::compare(&instrument, Some(&response), &raters)
    else {
        panic!("three raters make a comparison")
    };
    let tenths = |t: i32| short(f64::from(t) / 10.0);
    json!({
        "id": id,
        "own": own,
        "raters": raters,
        "parts": comparison.parts.iter().map(|p| json!({
            "own": p.own.map(|v| v.to_string()),
            "mean": p.others.map(|s| tenths(s.mean_tenths)),
            "sd": p.others.map(|s| tenths(s.sd_tenths)),
        })).collect::<Vec<_>>(),
        "gaps": comparison.gaps.iter().map(|g| json!({ "part": g.part, "points": tenths(g.tenths.abs()), "others_more": g.tenths > 0 })).collect::<Vec<_>>(),
    })
}

/// A workshop of two attendees on `service-or-servility` who each asked people, and what the
/// facilitator must see from one paste of all their codes: the members' codes, the raters'
/// codes (of the session) and, per subscale, the group's own mean and the raters' mean.
fn group_others() -> Value {
    let instrument = builtin::load("service-or-servility").unwrap_or_else(|e| panic!("{e}"));
    let pattern = |servility: u8, partnership: u8| -> Vec<u8> {
        (0..16)
            .map(|i| if i % 2 == 0 { servility } else { partnership })
            .collect()
    };
    let members: Vec<String> = [(2, 3, 1), (3, 2, 2)]
        .iter()
        .map(|&(s, p, nonce)| {
            let response = Response {
                answers: pattern(s, p).into_iter().map(Some).collect(),
                group: None,
            };
            candor_core::code::encode(&instrument, &response, Some("WS-42"), nonce)
                .unwrap_or_default()
        })
        .collect();
    let asking = [
        candor_core::others::Request::new(11, Some("WS-42"), "Ana"),
        candor_core::others::Request::new(12, Some("WS-42"), "Bo"),
    ];
    let raters: Vec<String> = [(0, 3, 2), (1, 4, 1), (1, 2, 4)]
        .iter()
        .filter_map(|&(who, s, p)| {
            candor_core::others::encode(&instrument, &asking[who], &pattern(s, p))
        })
        .collect();
    let report = candor_core::group::GroupReport::from_text(
        &[members.clone(), raters.clone()].concat().join("\n"),
        &instrument,
        Some("WS-42"),
    );
    let view = report
        .others
        .map(|o| o.view)
        .unwrap_or_else(|| panic!("rater codes were pasted"));
    let mean =
        |s: Option<candor_core::others::Spread>| s.map(|s| short(f64::from(s.mean_tenths) / 10.0));
    json!({
        "id": "service-or-servility",
        "session": "WS-42",
        "members": members,
        "raters": raters,
        "own": view.parts.iter().map(|p| mean(p.own)).collect::<Vec<_>>(),
        "others": view.parts.iter().map(|p| mean(p.others)).collect::<Vec<_>>(),
    })
}

/// The blank template of each model kind, its texts filled as `Text <path>`, answered and
/// scored like a built-in: the entry [`expectations`] gives, with the kind and the filled
/// definition.
fn authored() -> Vec<Value> {
    templates::KINDS
        .into_iter()
        .map(|kind| {
            let text = templates::blank(kind).unwrap_or_else(|| panic!("no template for {kind}"));
            let mut definition =
                candor_core::json::text::parse(text).unwrap_or_else(|e| panic!("{kind}: {e}"));
            templates::fill_blanks(&mut definition, &mut |p| format!("Text {p}"));
            let instrument =
                Instrument::from_value(&definition).unwrap_or_else(|e| panic!("{kind}: {e}"));
            let mut entry = expectations(&instrument);
            if let Some(entry) = entry.as_object_mut() {
                entry.insert("kind".to_owned(), json!(kind));
                entry.insert("definition".to_owned(), json!(definition));
            }
            entry
        })
        .collect()
}

fn main() {
    let all: Vec<Value> = builtin::ids()
        .map(|id| {
            let instrument = builtin::load(id).unwrap_or_else(|e| panic!("{e}"));
            expectations(&instrument)
        })
        .collect();
    let others: Vec<Value> = ["trust-equation", "service-or-servility"]
        .into_iter()
        .map(others_view)
        .collect();
    let out = json!({
        "instruments": all,
        "workshop": workshop(),
        "raters": raters(),
        "others": others,
        "group_others": group_others(),
        "authored": authored(),
    });
    println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
}
