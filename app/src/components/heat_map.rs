//! The grid as a heat map: a data table whose cells are tinted by score, with row and
//! column means. A table is also the best text alternative for a screen reader.

use leptos::prelude::*;

use crate::quiz::QuizCtx;

/// The tint class for a score 0–100: five steps of 20.
fn tint(score: f64) -> &'static str {
    match score.round() as i32 {
        ..=19 => "cq-heat cq-heat-0",
        20..=39 => "cq-heat cq-heat-1",
        40..=59 => "cq-heat cq-heat-2",
        60..=79 => "cq-heat cq-heat-3",
        _ => "cq-heat cq-heat-4",
    }
}

/// Rows × columns of scores 0–100, tinted, with means.
#[component]
pub fn HeatMap(
    /// Row labels.
    rows: Vec<String>,
    /// Column labels.
    columns: Vec<String>,
    /// Scores, row by row.
    cells: Vec<f64>,
    /// Mean per row.
    row_means: Vec<f64>,
    /// Mean per column.
    column_means: Vec<f64>,
) -> impl IntoView {
    let ui = expect_context::<QuizCtx>().ui;
    let width = columns.len();
    let head = columns
        .iter()
        .map(|c| view! { <th scope="col">{c.clone()}</th> })
        .collect_view();
    let body = rows
        .iter()
        .enumerate()
        .map(|(r, name)| {
            let row_cells = (0..width)
                .map(|c| {
                    let score = cells[r * width + c];
                    view! {
                        <td class=tint(score) data-testid=format!("cell-{r}-{c}")>{score.round() as i32}</td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{name.clone()}</th>
                    {row_cells}
                    <td class="cq-heat-mean" data-testid=format!("row-mean-{r}")>{row_means[r].round() as i32}</td>
                </tr>
            }
        })
        .collect_view();
    let foot = column_means
        .iter()
        .enumerate()
        .map(|(c, m)| view! { <td class="cq-heat-mean" data-testid=format!("column-mean-{c}")>{m.round() as i32}</td> })
        .collect_view();
    view! {
        <div class="cq-table-wrap">
            <table class="cq-heatmap" data-testid="heatmap">
                <caption>{ui.heatmap_caption}</caption>
                <thead>
                    <tr>
                        <td></td>
                        {head}
                        <th scope="col">{ui.mean}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{ui.mean}</th>
                        {foot}
                        <td></td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
