//! The grid as a heat map: an SVG picture of tinted cells with labelled rows and columns, and
//! the same numbers as a data table (the text alternative a screen reader can walk).

use leptos::prelude::*;

use super::svg::multiline;
use crate::quiz::QuizCtx;

/// The tint class for a score 0–100: five steps of 20.
pub fn tint(score: f64) -> &'static str {
    match score.round() as i32 {
        ..=19 => "cq-heat cq-heat-0",
        20..=39 => "cq-heat cq-heat-1",
        40..=59 => "cq-heat cq-heat-2",
        60..=79 => "cq-heat cq-heat-3",
        _ => "cq-heat cq-heat-4",
    }
}

/// Rows × columns of tinted cells with their scores; negative `cells` (differences between
/// groups) are tinted by size, with the sign shown.
#[component]
pub fn HeatMapChart(
    /// Row labels.
    rows: Vec<String>,
    /// Column labels.
    columns: Vec<String>,
    /// Scores, row by row.
    cells: Vec<f64>,
    /// Text alternative.
    alt: String,
    /// Whether the cells are differences (−100 to 100) rather than scores.
    #[prop(optional)]
    signed: bool,
) -> impl IntoView {
    let width = columns.len().max(1);
    let (label_w, top) = (112.0, 46.0);
    let cell_w = (352.0 - label_w) / width as f64;
    let cell_h = 36.0;
    let height = top + rows.len() as f64 * cell_h + 4.0;
    let heads = columns
        .iter()
        .enumerate()
        .map(|(c, name)| {
            let x = label_w + (c as f64 + 0.5) * cell_w;
            multiline(name, 11, x, top / 2.0, "middle", "cq-heat-head")
        })
        .collect_view();
    let body = rows
        .iter()
        .enumerate()
        .map(|(r, name)| {
            let y = top + r as f64 * cell_h;
            let row_cells = (0..width)
                .map(|c| {
                    let value = cells.get(r * width + c).copied().unwrap_or(0.0);
                    let x = label_w + c as f64 * cell_w;
                    let text = if signed && value > 0.5 {
                        format!("+{}", value.round() as i32)
                    } else {
                        format!("{}", value.round() as i32)
                    };
                    view! {
                        <rect class=tint(value.abs()) x=x + 1.5 y=y + 1.5 width=cell_w - 3.0 height=cell_h - 3.0 rx="5"></rect>
                        <text class="cq-heat-value" x=x + cell_w / 2.0 y=y + cell_h / 2.0 text-anchor="middle" dominant-baseline="middle">
                            {text}
                        </text>
                    }
                })
                .collect_view();
            view! {
                {multiline(name, 16, 4.0, y + cell_h / 2.0, "start", "cq-heat-row")}
                {row_cells}
            }
        })
        .collect_view();
    view! {
        <svg class="cq-chart cq-heat-svg" viewBox=format!("0 0 356 {height}") role="img" aria-label=alt data-testid="heatmap-chart">
            {heads}
            {body}
        </svg>
    }
}

/// Rows × columns of scores 0–100, tinted, with means: the heat map as a data table.
#[component]
pub fn HeatTable(
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
