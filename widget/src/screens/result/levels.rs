//! The result of a level-placement instrument.
//!
//! * The headline level on a ladder, with the distribution of answers.
//! * The consistency of the answers.
//! * What moving one level up would change, and what to try to get there.
//! * The level names the model's source uses, beside Candor's, for trainers.

use candor_core::definition::LevelModel;
use candor_core::scoring::LevelOutcome;
use candor_view::node::{Node, el};

use super::headline;
use crate::components::ladder_chart;
use crate::text::{Ui, fill};

pub(super) fn view(model: &LevelModel, outcome: &LevelOutcome, ui: &Ui) -> Vec<Node> {
    let headline_level = usize::from(outcome.headline);
    let level = &model.levels[headline_level - 1];
    let total: u16 = outcome.counts.iter().sum();
    let names: Vec<String> = model.levels.iter().map(|l| l.name.clone()).collect();
    let distribution = outcome
        .counts
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{} {c}", i + 1))
        .collect::<Vec<_>>()
        .join(", ");
    let alt = fill(
        ui.ladder_alt(),
        &[
            ("n", &headline_level.to_string()),
            ("total", &total.to_string()),
            ("counts", &distribution),
        ],
    );
    let title = fill(
        ui.level_name(),
        &[("n", &headline_level.to_string()), ("name", &level.name)],
    );
    let mut nodes = headline(&title, ui);
    nodes.push(el("p", "cq-lead").text(&level.text));
    nodes.push(ladder_chart(&names, &outcome.counts, headline_level, &alt));
    nodes.push((el("p", "").attr("data-testid", "consistency")).text(&fill(
        ui.consistency(),
        &[("pct", &outcome.consistency.to_string())],
    )));
    if model.levels.get(headline_level).is_some() {
        let rows = (model.dimensions.iter().zip(&level.up)).map(|(d, t)| {
            el("li", "")
                .child(el("strong", "").text(d).text(ui.colon()))
                .text(t)
        });
        nodes.push(el("h3", "").text(ui.moving_up()));
        nodes.push(el("ul", "cq-list").children(rows));
    }
    if let Some(t) = &level.try_next {
        nodes.push(el("h3", "").text(ui.to_move_up()));
        nodes.push(el("p", "").attr("data-testid", "level-try").text(t));
    }
    if model.levels.get(headline_level).is_none() {
        nodes.push(el("p", "").text(ui.top_level()));
    }
    if model.levels.iter().any(|l| l.source_name.is_some()) {
        let rows = model.levels.iter().enumerate().map(|(i, l)| {
            el("li", "")
                .text(&format!("{} · {}", i + 1, l.name))
                .text(" — ")
                .child(el("em", "").text(l.source_name.as_deref().unwrap_or_default()))
        });
        nodes.push(
            (el("details", "cq-more").attr("data-testid", "source-names"))
                .child(el("summary", "").text(ui.source_names()))
                .child(el("ul", "cq-list").children(rows)),
        );
    }
    nodes
}
