//! The result of a frequency-subscale instrument: quadrant, map, scores, slope, habits.

use candor_core::definition::{Instrument, SubscaleModel};
use candor_core::response::Response;
use candor_core::scoring::SubscaleOutcome;
use candor_view::node::{Node, el};

use super::headline;
use crate::components::{Quadrants, quadrant_map, slope_chart};
use crate::text::{Ui, fill};

pub(super) fn view(
    instrument: &Instrument,
    model: &SubscaleModel,
    outcome: &SubscaleOutcome,
    response: &Response,
    ui: &Ui,
) -> Vec<Node> {
    let map = &model.map;
    let quadrant = &model.map.quadrants[outcome.quadrant];
    let (xs, ys) = (&model.subscales[map.x], &model.subscales[map.y]);
    let alt = fill(
        ui.map_alt(),
        &[
            ("x", &format!("{} {}", xs.name, outcome.scores[map.x])),
            ("y", &format!("{} {}", ys.name, outcome.scores[map.y])),
            ("quadrant", &quadrant.name),
        ],
    );
    let names = (*model.map.quadrants).clone().map(|q| q.name);
    let scores = model
        .subscales
        .iter()
        .zip(&outcome.scores)
        .map(|(s, &score)| {
            let band = s.bands.find(i32::from(score));
            let head = el("p", "cq-score-head")
                .child(el("span", "cq-score-name").text(&s.name))
                .child(
                    (el("span", "cq-score-value").attr("data-testid", &format!("score-{}", s.id)))
                        .text(&score.to_string()),
                )
                .child(el("span", "cq-score-max").text(ui.of_100()));
            el("div", "cq-score").child(head).child(
                el("p", "")
                    .child(el("strong", "").text(&band.name).text(". "))
                    .text(&band.text),
            )
        });
    let mut nodes = headline(&quadrant.name, ui);
    let quadrants = Quadrants {
        x_name: &xs.name,
        y_name: &ys.name,
        x: outcome.scores[map.x],
        y: outcome.scores[map.y],
        x_split: map.x_split,
        y_split: map.y_split,
        names: &names,
        current: outcome.quadrant,
        others: None,
    };
    nodes.extend([
        quadrant_map(&quadrants, &alt),
        el("p", "cq-lead").text(&quadrant.text),
        el("div", "cq-scores").children(scores),
    ]);
    if let Some((s, here)) = model.slope.zip(outcome.slope) {
        let bands = model.subscales[s].bands.as_slice();
        let names: Vec<String> = bands.iter().map(|b| b.name.clone()).collect();
        let station = names.get(here).cloned().unwrap_or_default();
        let alt = fill(
            ui.slope_alt(),
            &[
                ("station", &station),
                ("n", &(here + 1).to_string()),
                ("total", &names.len().to_string()),
            ],
        );
        nodes.extend([
            el("h3", "").text(ui.slope()),
            slope_chart(&names, here, None, &alt),
            (el("p", "").attr("data-testid", "slope"))
                .text(&fill(ui.you_are_at(), &[("station", &station)])),
        ]);
    }
    if model.habits.is_some() {
        let rows = outcome.habits.iter().map(|&i| {
            let item = &instrument.items()[i];
            let answer = instrument
                .scale_of(item)
                .and_then(|s| {
                    s.options.get(usize::from(
                        response.answers.get(i).copied().flatten().unwrap_or(0),
                    ))
                })
                .map(|o| o.label.clone())
                .unwrap_or_default();
            el("li", "cq-habit")
                .child(el("p", "cq-habit-text").text(&item.text))
                .child(
                    el("p", "cq-habit-answer")
                        .text(&fill(ui.you_answered(), &[("answer", &answer)])),
                )
                .child(
                    el("p", "")
                        .child(el("strong", "").text(ui.try_next()).text(" "))
                        .text(item.try_next.as_deref().unwrap_or_default()),
                )
        });
        nodes.push(el("h3", "").text(ui.habits()));
        if outcome.habits.is_empty() {
            nodes.push(el("p", "").text(ui.no_habits()));
        }
        nodes.push(
            el("ul", "cq-habits")
                .attr("data-testid", "habits")
                .children(rows),
        );
    }
    nodes.extend([
        el("h3", "").text(ui.next_step()),
        el("p", "").text(&quadrant.next),
    ]);
    nodes
}
