//! The result of a grid instrument.
//!
//! * The overall band and the respondent's group.
//! * The cells, with row and column means.
//! * The strongest and weakest cells, tied cells together, with what to try: phrased for
//!   the reader's group (a manager can do it; the others can raise it).

use candor_core::definition::{Feeds, GridModel, Instrument, ItemKind};
use candor_core::scoring::GridOutcome;
use candor_view::node::{Node, el};

use super::headline;
use crate::components::{HeatMap, heat_map_chart, heat_table};
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
    ui: &Ui,
) -> Vec<Node> {
    let columns = model.columns.len();
    let band = &model.bands.as_slice()[outcome.band];
    let mean = outcome.mean.round() as i32;
    let group = outcome
        .group
        .and_then(|g| model.groups.as_ref()?.options.get(usize::from(g)))
        .map(|g| {
            (el("p", "cq-meta").attr("data-testid", "group"))
                .text(&fill(ui.answered_as(), &[("group", &g.name)]))
        });
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
            let text = fill(ui.your_priority(), &[("choice", &option.label)]);
            Some(
                el("p", "cq-lead")
                    .attr("data-testid", "priority")
                    .text(&text),
            )
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
    let list = |cells: &[usize], with_try: bool, test_id: &str| {
        let rows = ties(cells).into_iter().map(|group| {
            let score = outcome.cells[group[0]].map_or(0, |c| c.round() as i32);
            let names: Vec<String> = group.iter().map(|&i| cell_name(i)).collect();
            let tied = (group.len() > 1).then(|| {
                el("p", "cq-habit-answer")
                    .text(&fill(ui.tied(), &[("n", &group.len().to_string())]))
            });
            let tips = (group.iter().filter(|_| with_try))
                .filter_map(|&i| Some((cell_name(i), tip(i)?)))
                .map(|(name, t)| {
                    let label = if group.len() > 1 {
                        format!("{name}{}", ui.colon())
                    } else {
                        String::new()
                    };
                    el("p", "")
                        .child(el("strong", "").text(ui.to_try()).text(" "))
                        .text(&format!("{label}{t}"))
                });
            el("li", "cq-habit")
                .child(el("p", "cq-habit-text").text(&format!("{} — {score}", names.join("; "))))
                .maybe(tied)
                .children(tips)
        });
        el("ul", "cq-habits")
            .attr("data-testid", test_id)
            .children(rows)
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
        ui.heat_alt(),
        &[
            ("strongest", &names(&outcome.strongest)),
            ("weakest", &names(&outcome.weakest)),
        ],
    );
    let map = HeatMap {
        rows: &rows,
        columns: &columns,
        cells: &outcome.cells,
        signed: false,
    };
    let mut nodes = headline(&band.name, ui);
    nodes.extend(group);
    nodes.push(
        el("p", "cq-lead")
            .child(
                (el("span", "").attr("data-testid", "overall"))
                    .text(&fill(ui.overall(), &[("score", &mean.to_string())])),
            )
            .text(" ")
            .text(&band.text),
    );
    nodes.extend(priority);
    nodes.push(heat_map_chart(&map, &heat_alt));
    nodes.push(
        el("details", "cq-more")
            .child(el("summary", "").text(ui.as_table()))
            .child(heat_table(
                &map,
                &outcome.row_means,
                &outcome.column_means,
                ui,
            )),
    );
    if all_tied {
        nodes.push(
            (el("p", "").attr("data-testid", "all-tied"))
                .text(&fill(ui.all_tied(), &[("score", &mean.to_string())])),
        );
    } else {
        nodes.extend([
            el("h3", "").text(ui.strongest()),
            list(&outcome.strongest, false, "strongest"),
            el("h3", "").text(ui.weakest()),
            list(&outcome.weakest, true, "weakest"),
        ]);
    }
    nodes
}
