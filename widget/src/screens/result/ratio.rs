//! The result of a component-ratio instrument.
//!
//! * The quotient, named from the reader's own profile, and the four factors.
//! * The temperament (and any blend), or a flat profile called balanced; the balance.
//! * The weakest factor, with a practice.
//! * The published reference last, as a footnote: it comes from another questionnaire.

use candor_core::definition::RatioModel;
use candor_core::scoring::RatioOutcome;
use candor_view::node::{Node, el};

use super::headline;
use crate::components::{Axis, Quotient, num, quotient_scale, radar_chart};
use crate::text::{Ui, fill};

/// A paragraph that opens with `head` in bold.
fn led(testid: &str, head: &str, text: &str) -> Node {
    (el("p", "").attr("data-testid", testid))
        .child(el("strong", "").text(head).text(". "))
        .text(text)
}

pub(super) fn view(model: &RatioModel, outcome: &RatioOutcome, ui: &Ui) -> Vec<Node> {
    let band = &model.quotient_bands.as_slice()[outcome.quotient_band];
    let balance = &model.balance_bands.as_slice()[outcome.balance];
    let temperament = &model.temperaments[outcome.temperament];
    let pair_names = |t: usize| {
        let [a, b] = model.temperaments[t].pair;
        format!(
            "{} + {}",
            model.components[a].virtue, model.components[b].virtue
        )
    };
    let blends: Vec<String> = outcome
        .blends
        .iter()
        .map(|&t| format!("{} ({})", model.temperaments[t].name, pair_names(t)))
        .collect();
    let weakest = &model.components[outcome.weakest];
    let (lo, hi) = (f64::from(outcome.range.0), f64::from(outcome.range.1));
    let axes: Vec<Axis> = model
        .components
        .iter()
        .zip(&outcome.virtues)
        .map(|(c, &v)| Axis {
            name: c.virtue.clone(),
            value: f64::from(v),
            min: lo,
            max: hi,
            label: format!("{} {v}", c.virtue),
        })
        .collect();
    let radar_alt = fill(
        ui.radar_alt(),
        &[(
            "values",
            &axes
                .iter()
                .map(|a| format!("{} {}", a.name, num(a.value)))
                .collect::<Vec<_>>()
                .join(", "),
        )],
    );
    let bands = model.quotient_bands.as_slice();
    let (q_min, q_max) = (bands[0].min, bands[bands.len() - 1].max);
    let scale_alt = fill(
        ui.scale_alt(),
        &[
            ("tq", &ui.tenths(outcome.quotient_tenths)),
            ("min", &ui.tenths(q_min)),
            ("max", &ui.tenths(q_max)),
        ],
    );
    let you = fill(
        ui.you_value(),
        &[("value", &ui.tenths(outcome.quotient_tenths))],
    );
    let ends = (ui.tenths(q_min), ui.tenths(q_max));
    let factors = model.components.iter().enumerate().map(|(c, component)| {
        let note = if c == model.denominator {
            ui.lower_is_better()
        } else {
            ""
        };
        let head = el("p", "cq-score-head")
            .child(el("span", "cq-score-name").text(&component.name))
            .child(
                (el("span", "cq-score-value")
                    .attr("data-testid", &format!("sum-{}", component.id)))
                .text(&outcome.sums[c].to_string()),
            )
            .child(
                el("span", "cq-score-max")
                    .maybe((!note.is_empty()).then(|| Node::Text(note.to_owned()))),
            );
        el("div", "cq-score").child(head)
    });
    // A flat profile has no pair that stands out: it is named as such, not by tie order.
    let card = |title: &str, sub: &str, text: &str| {
        (el("div", "cq-card").attr("data-testid", "temperament"))
            .child(el("p", "cq-card-title").text(title))
            .child(el("p", "cq-card-sub").text(sub))
            .child(el("p", "").text(text))
    };
    let profile = match &model.balanced {
        Some(balanced) if outcome.balanced => {
            card(&balanced.name, ui.flat_profile(), &balanced.text)
        }
        _ => card(
            &temperament.name,
            &pair_names(outcome.temperament),
            &temperament.text,
        )
        .maybe((!blends.is_empty()).then(|| {
            (el("p", "").attr("data-testid", "blend"))
                .text(&fill(ui.blends_with(), &[("names", &blends.join(", "))]))
        })),
    };
    let title = fill(
        ui.trust_quotient(),
        &[("tq", &ui.tenths(outcome.quotient_tenths))],
    );
    let mut nodes = headline(&title, ui);
    let scale = Quotient {
        value: outcome.quotient_tenths,
        min: q_min,
        max: q_max,
        you: &you,
        ends: (&ends.0, &ends.1),
    };
    nodes.extend([
        quotient_scale(&scale, &scale_alt),
        el("p", "cq-lead")
            .child(
                (el("strong", "").attr("data-testid", "tq-band"))
                    .text(&band.name)
                    .text(". "),
            )
            .text(&band.text),
        el("h3", "").text(ui.factors()),
        radar_chart(&axes, None, &radar_alt),
        el("div", "cq-scores cq-scores-4").children(factors),
        el("h3", "").text(ui.temperament()),
        profile,
        el("h3", "").text(ui.balance()),
        led("balance", &balance.name, &balance.text),
        el("h3", "").text(&fill(ui.weakest_factor(), &[("name", &weakest.virtue)])),
        el("p", "")
            .attr("data-testid", "practice")
            .text(&weakest.practice),
    ]);
    if let Some(r) = &model.reference {
        nodes.push(
            (el("p", "cq-reference cq-footnote").attr("data-testid", "reference"))
                .child(el("strong", "").text(&fill(
                    ui.reference(),
                    &[("mean", &ui.tenths(r.mean_tenths))],
                )))
                .text(" ")
                .text(&r.text),
        );
    }
    nodes
}
