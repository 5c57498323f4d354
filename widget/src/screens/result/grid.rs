//! The result of a grid instrument.
//!
//! * The overall band and the respondent's group.
//! * The cells, with row and column means.
//! * The strongest and weakest cells, tied cells together, with what to try: phrased for
//!   the reader's group (a manager can do it; the others can raise it).

use candor_core::definition::{Feeds, GridModel, Instrument, ItemKind};
use candor_core::scoring::GridOutcome;
use leptos::prelude::*;

use crate::components::{HeatMap, HeatTable, heat_map_chart, html_view};
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
    // The reader's answer to the priority question, beside the scores.
    let priority = instrument.items().iter().find_map(|item| match item.kind {
        ItemKind::Rated {
            scale,
            feeds: Feeds::Priority,
            ..
        } => {
            let option = instrument.scales()[scale]
                .options
                .get(usize::from(outcome.priority?))?;
            let text = fill(ui.your_priority, &[("choice", &option.label)]);
            Some(view! { <p class="cq-lead" data-testid="priority">{text}</p> })
        }
        _ => None,
    });
    // A reader whose group does not act (an employee, a customer) is shown how to raise a
    // tip rather than do it, where the item says how.
    let acts = outcome
        .group
        .and_then(|g| model.groups.as_ref()?.options.get(usize::from(g)))
        .is_none_or(|g| g.acts);
    let tip = |i: usize| {
        let item = item_of(instrument, columns, i)?;
        match (acts, &item.raise) {
            (false, Some(raise)) => Some(raise.clone()),
            _ => item.try_next.clone(),
        }
    };
    // Cells with the same score, in the order given, side by side.
    let ties = |cells: &[usize]| -> Vec<Vec<usize>> {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for &i in cells {
            match groups.last_mut() {
                Some(last) if outcome.cells[last[0]] == outcome.cells[i] => last.push(i),
                _ => groups.push(vec![i]),
            }
        }
        groups
    };
    let list = |cells: &[usize], with_try: bool, test_id: &'static str| {
        let rows = ties(cells)
            .into_iter()
            .map(|group| {
                let score = outcome.cells[group[0]].map_or(0, |c| c.round() as i32);
                let names: Vec<String> = group.iter().map(|&i| cell_name(i)).collect();
                let tied = (group.len() > 1).then(|| {
                    view! { <p class="cq-habit-answer">{fill(ui.tied, &[("n", &group.len().to_string())])}</p> }
                });
                let tips = group
                    .iter()
                    .filter(|_| with_try)
                    .filter_map(|&i| Some((cell_name(i), tip(i)?)))
                    .map(|(name, t)| {
                        let label = if group.len() > 1 { format!("{name}{}", ui.colon) } else { String::new() };
                        view! { <p><strong>{ui.to_try}" "</strong>{label}{t}</p> }
                    })
                    .collect_view();
                view! {
                    <li class="cq-habit">
                        <p class="cq-habit-text">{names.join("; ")}" — "{score}</p>
                        {tied}
                        {tips}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="cq-habits" data-testid=test_id>{rows}</ul> }
    };
    // When every scored cell ties, no cell stands out: say so once.
    let scored = outcome.cells.iter().flatten().count();
    let all_tied = outcome.strongest.len() == scored && scored > 1;
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
    let extremes = if all_tied {
        view! { <p data-testid="all-tied">{fill(ui.all_tied, &[("score", &mean.to_string())])}</p> }
            .into_any()
    } else {
        let strongest = list(&outcome.strongest, false, "strongest");
        let weakest = list(&outcome.weakest, true, "weakest");
        view! {
            <h3>{ui.strongest}</h3>
            {strongest}
            <h3>{ui.weakest}</h3>
            {weakest}
        }
        .into_any()
    };
    view! {
        <p class="cq-kicker">{ui.your_result}</p>
        <h2 class="cq-title" tabindex="-1" node_ref=heading data-testid="headline">{band.name}</h2>
        {group}
        <p class="cq-lead">
            <span data-testid="overall">{fill(ui.overall, &[("score", &mean.to_string())])}</span>
            " "
            {band.text}
        </p>
        {priority}
        {html_view(&heat_map_chart(&HeatMap { rows: &rows, columns: &columns, cells: &outcome.cells, signed: false }, &heat_alt))}
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
        {extremes}
    }
}
