//! The result of a grid instrument.
//!
//! * The overall band and the respondent's group.
//! * The cells, with row and column means.
//! * The strongest and weakest cells, with what to try.

use candor_core::definition::{Feeds, GridModel, Instrument, ItemKind};
use candor_core::scoring::GridOutcome;
use leptos::prelude::*;

use crate::components::{HeatMapChart, HeatTable};
use crate::text::{Ui, fill};

/// The item that feeds cell `index` (the first, where several do).
fn item_of(
    instrument: &Instrument,
    columns: usize,
    index: usize,
) -> Option<&candor_core::definition::Item> {
    instrument.items().iter().find(|item| {
        matches!(item.kind, ItemKind::Rated { feeds: Feeds::Cell { row, column }, .. } if row * columns + column == index)
    })
}

/// The name of cell `index`: its row and its column.
pub(super) fn cell_name(model: &GridModel, index: usize) -> String {
    let columns = model.columns.len();
    format!(
        "{} × {}",
        model.rows[index / columns].name,
        model.columns[index % columns].name
    )
}

pub(super) fn view(
    instrument: &Instrument,
    model: &GridModel,
    outcome: &GridOutcome,
    ui: &'static Ui,
    heading: NodeRef<leptos::html::H2>,
) -> impl IntoView + use<> {
    let columns = model.columns.len();
    let band = model.bands.as_slice()[outcome.band].clone();
    let mean = outcome.mean.round() as i32;
    let group = outcome
        .group
        .and_then(|g| model.groups.as_ref()?.options.get(usize::from(g)))
        .map(|g| view! { <p class="cq-meta" data-testid="group">{fill(ui.answered_as, &[("group", &g.name)])}</p> });
    let cell_name = |index: usize| cell_name(model, index);
    let list = |cells: &[usize], with_try: bool, test_id: &'static str| {
        let rows = cells
            .iter()
            .map(|&i| {
                let score = outcome.cells[i].map_or(0, |c| c.round() as i32);
                let try_next = with_try
                    .then(|| item_of(instrument, columns, i).and_then(|item| item.try_next.clone()))
                    .flatten()
                    .map(|t| view! { <p><strong>{ui.to_try}" "</strong>{t}</p> });
                view! {
                    <li class="cq-habit">
                        <p class="cq-habit-text">{cell_name(i)}" — "{score}</p>
                        {try_next}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="cq-habits" data-testid=test_id>{rows}</ul> }
    };
    let rows: Vec<String> = model.rows.iter().map(|r| r.name.clone()).collect();
    let columns: Vec<String> = model.columns.iter().map(|c| c.name.clone()).collect();
    let names = |cells: &[usize]| {
        cells
            .iter()
            .map(|&i| cell_name(i))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let heat_alt = fill(
        ui.heat_alt,
        &[
            ("strongest", &names(&outcome.strongest)),
            ("weakest", &names(&outcome.weakest)),
        ],
    );
    let strongest = list(&outcome.strongest, false, "strongest");
    let weakest = list(&outcome.weakest, true, "weakest");
    view! {
        <p class="cq-kicker">{ui.your_result}</p>
        <h2 class="cq-title" tabindex="-1" node_ref=heading data-testid="headline">{band.name}</h2>
        {group}
        <p class="cq-lead">
            <span data-testid="overall">{fill(ui.overall, &[("score", &mean.to_string())])}</span>
            " "
            {band.text}
        </p>
        <HeatMapChart
            rows=rows.clone()
            columns=columns.clone()
            cells=outcome.cells.clone()
            alt=heat_alt
        />
        <details class="cq-more">
            <summary>{ui.as_table}</summary>
            <HeatTable
                rows
                columns
                cells=outcome.cells.clone()
                row_means=outcome.row_means.clone()
                column_means=outcome.column_means.clone()
            />
        </details>
        <h3>{ui.strongest}</h3>
        {strongest}
        <h3>{ui.weakest}</h3>
        {weakest}
    }
}
