//! The result of a level-placement instrument.
//!
//! * The headline level on a ladder, with the distribution of answers.
//! * The consistency of the answers.
//! * What moving one level up would change, and what to try to get there.
//! * The level names the model's source uses, beside Candor's, for trainers.

use candor_core::definition::LevelModel;
use candor_core::scoring::LevelOutcome;
use leptos::prelude::*;

use crate::components::LadderChart;
use crate::text::{Ui, fill};

pub(super) fn view(
    model: &LevelModel,
    outcome: &LevelOutcome,
    ui: &'static Ui,
    heading: NodeRef<leptos::html::H2>,
) -> impl IntoView + use<> {
    let headline = usize::from(outcome.headline);
    let level = model.levels[headline - 1].clone();
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
        ui.ladder_alt,
        &[
            ("n", &headline.to_string()),
            ("total", &total.to_string()),
            ("counts", &distribution),
        ],
    );
    let up = model.levels.get(headline).map(|_| {
        let rows = model
            .dimensions
            .iter()
            .zip(&level.up)
            .map(|(d, t)| view! { <li><strong>{d.clone()}{ui.colon}</strong>{t.clone()}</li> })
            .collect_view();
        view! {
            <h3>{ui.moving_up}</h3>
            <ul class="cq-list">{rows}</ul>
        }
    });
    let try_next = level.try_next.clone().map(|t| {
        view! {
            <h3>{ui.to_move_up}</h3>
            <p data-testid="level-try">{t}</p>
        }
    });
    let top = model
        .levels
        .get(headline)
        .is_none()
        .then(|| view! { <p>{ui.top_level}</p> });
    let sources = model
        .levels
        .iter()
        .any(|l| l.source_name.is_some())
        .then(|| {
            let rows = (model.levels.iter().enumerate())
                .map(|(i, l)| {
                    let source = l.source_name.clone().unwrap_or_default();
                    view! { <li>{format!("{} · {}", i + 1, l.name)}" — "<em>{source}</em></li> }
                })
                .collect_view();
            view! {
                <details class="cq-more" data-testid="source-names">
                    <summary>{ui.source_names}</summary>
                    <ul class="cq-list">{rows}</ul>
                </details>
            }
        });
    view! {
        <p class="cq-kicker">{ui.your_result}</p>
        <h2 class="cq-title" tabindex="-1" node_ref=heading data-testid="headline">
            {fill(ui.level_name, &[("n", &headline.to_string()), ("name", &level.name)])}
        </h2>
        <p class="cq-lead">{level.text.clone()}</p>
        <LadderChart names counts=outcome.counts.clone() headline alt/>
        <p data-testid="consistency">
            {fill(ui.consistency, &[("pct", &outcome.consistency.to_string())])}
        </p>
        {up}
        {try_next}
        {top}
        {sources}
    }
}
