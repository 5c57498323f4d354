//! The grid as a heat map, in two forms.
//!
//! * An SVG picture of tinted cells with labelled rows and columns, a `candor-view` tree:
//!   the facilitator's screen draws it, and a grid result shows it in Leptos.
//! * The same numbers as a data table: the text alternative a screen reader can walk.
//!
//! Both are `candor-view` trees: the facilitator's screen and a grid result show them.

use candor_view::node::{Node, el};

use super::svg::{multiline, num, picture, sin_cos, text_width, wrap};
use crate::text::Ui;

/// The tint class for a score 0–100: five steps of 20; none for a cell without a score.
pub fn tint(score: Option<f64>) -> &'static str {
    let Some(score) = score else {
        return "cq-heat cq-heat-none";
    };
    match score.round() as i32 {
        ..=19 => "cq-heat cq-heat-0",
        20..=39 => "cq-heat cq-heat-1",
        40..=59 => "cq-heat cq-heat-2",
        60..=79 => "cq-heat cq-heat-3",
        _ => "cq-heat cq-heat-4",
    }
}

/// Characters per line of a column head, when its column leaves room for several lines.
const HEAD_WRAP: usize = 16;
/// The angle of the column heads, clockwise from the horizontal: a word longer than a column
/// is wide still reads, and the heads of neighbouring columns stay apart: they are parallel,
/// a column's width × sin(angle) apart, which sets how many lines a head may have.
const HEAD_ANGLE: f64 = 40.0;
/// Line height of a column head, in chart units (its font size is 10.5 px, 1.15 lines).
const HEAD_LINE: f64 = 12.1;
/// Font size of a column head, in chart units.
const HEAD_SIZE: f64 = 10.5;
/// Width of the row labels' column, in chart units.
const LABEL_W: f64 = 112.0;
/// Characters per line of a row label (11 px, bold).
const ROW_WRAP: usize = 16;
/// Line height of a row label, in chart units.
const ROW_LINE: f64 = 12.7;
/// Room for the cells when the chart is drawn at its usual width (356 units).
const CELLS_W: f64 = 240.0;
/// The narrowest a column gets (a score of 100 at 13 px still fits); with many columns the
/// chart is drawn wider and scaled down to fit.
const MIN_CELL_W: f64 = 30.0;

/// The column heads, each as lines: as many lines as its column leaves room for, each as
/// short as that allows.
fn head_lines(columns: &[String], cell_w: f64) -> Vec<Vec<String>> {
    let most = ((cell_w * sin_cos(HEAD_ANGLE).0 / HEAD_LINE).floor() as usize).max(1);
    columns
        .iter()
        .map(|name| {
            let mut width = HEAD_WRAP;
            let mut lines = wrap(name, width);
            while lines.len() > most {
                width += 4;
                lines = wrap(name, width);
            }
            lines
        })
        .collect()
}

/// The length of a head's longest line, in chart units.
fn head_length(lines: &[String]) -> f64 {
    lines
        .iter()
        .map(|l| text_width(l, HEAD_SIZE))
        .fold(0.0, f64::max)
}

/// How tall the band of column heads must be for `heads` (each a column's lines): the
/// longest line, slanted, plus the lines stacked above the last one.
fn heads_height(heads: &[Vec<String>]) -> f64 {
    let (sin, cos) = sin_cos(HEAD_ANGLE);
    heads
        .iter()
        .map(|lines| {
            let stacked = lines.len().saturating_sub(1) as f64 * HEAD_LINE;
            head_length(lines) * sin + stacked * cos + HEAD_LINE
        })
        .fold(46.0, f64::max)
}

/// How far the first columns' heads reach left of the chart's edge, slanting up-left from
/// their columns (0 when they fit above the row labels).
fn heads_overhang(heads: &[Vec<String>], cell_w: f64) -> f64 {
    let cos = sin_cos(HEAD_ANGLE).1;
    heads
        .iter()
        .enumerate()
        .map(|(c, lines)| head_length(lines) * cos + 4.0 - (LABEL_W + (c as f64 + 0.5) * cell_w))
        .fold(0.0, f64::max)
}

/// A column head slanting down to the right, ending just above its column's centre `(x, y)`;
/// its last line nearest the grid.
fn angled_head(lines: Vec<String>, x: f64, y: f64) -> Node {
    let last = lines.len().saturating_sub(1);
    let spans = lines.into_iter().enumerate().map(|(i, line)| {
        let dy = format!("{}em", num((i as f64 - last as f64) * 1.15));
        (el("tspan", "").attr("x", &num(x)).attr("y", &num(y)))
            .attr("dy", &dy)
            .text(&line)
    });
    el("text", "cq-heat-head")
        .attr(
            "transform",
            &format!("rotate({} {} {})", num(HEAD_ANGLE), num(x), num(y)),
        )
        .attr("text-anchor", "end")
        .children(spans)
}

/// What a heat map shows: rows × columns of scores.
pub struct HeatMap<'a> {
    /// Row labels.
    pub rows: &'a [String],
    /// Column labels.
    pub columns: &'a [String],
    /// Scores, row by row; `None` for a cell with too few answers to score.
    pub cells: &'a [Option<f64>],
    /// Whether the cells are differences (−100 to 100) rather than scores.
    pub signed: bool,
}

/// Rows × columns of tinted cells with their scores, `alt` its text alternative; negative
/// cells (differences between groups) are tinted by size, with the sign shown.
pub fn heat_map_chart(map: &HeatMap, alt: &str) -> Node {
    let HeatMap {
        rows,
        columns,
        cells,
        signed,
    } = *map;
    let width = columns.len().max(1);
    let (label_w, cell_h) = (LABEL_W, 36.0_f64);
    let cell_w = (CELLS_W / width as f64).max(MIN_CELL_W);
    let heads = head_lines(columns, cell_w);
    let top = heads_height(&heads);
    let left = heads_overhang(&heads, cell_w);
    let chart_w = label_w + width as f64 * cell_w + 4.0;
    // A row is a cell high, or taller when its label needs more than two lines.
    let row_h: Vec<f64> = rows
        .iter()
        .map(|name| cell_h.max(wrap(name, ROW_WRAP).len() as f64 * ROW_LINE + 8.0))
        .collect();
    let height = top + row_h.iter().sum::<f64>() + 4.0;
    let view_box = format!("{} 0 {} {}", num(-left), num(chart_w + left), num(height));
    let mut svg =
        picture("cq-chart cq-heat-svg", &view_box, alt).attr("data-testid", "heatmap-chart");
    for (c, lines) in heads.into_iter().enumerate() {
        svg = svg.child(angled_head(
            lines,
            label_w + (c as f64 + 0.5) * cell_w,
            top - 6.0,
        ));
    }
    let mut y = top;
    for (r, name) in rows.iter().enumerate() {
        let cell_h = row_h[r];
        svg = svg.child(multiline(
            name,
            ROW_WRAP,
            4.0,
            y + cell_h / 2.0,
            "start",
            "cq-heat-row",
        ));
        for c in 0..width {
            let value = cells.get(r * width + c).copied().flatten();
            let x = label_w + c as f64 * cell_w;
            let text = match value {
                None => "—".to_owned(),
                Some(v) if signed && v > 0.5 => format!("+{}", v.round() as i32),
                Some(v) => format!("{}", v.round() as i32),
            };
            let rect = (el("rect", tint(value.map(f64::abs))).attr("x", &num(x + 1.5)))
                .attr("y", &num(y + 1.5))
                .attr("width", &num(cell_w - 3.0))
                .attr("height", &num(cell_h - 3.0))
                .attr("rx", "5");
            let label = (el("text", "cq-heat-value").attr("x", &num(x + cell_w / 2.0)))
                .attr("y", &num(y + cell_h / 2.0))
                .attr("text-anchor", "middle")
                .attr("dominant-baseline", "middle")
                .text(&text);
            svg = svg.child(rect).child(label);
        }
        y += cell_h;
    }
    svg
}

/// A table cell of `class` holding a score, rounded, or a dash that says why there is none.
fn score_cell(class: &str, testid: &str, score: Option<f64>, ui: &Ui) -> Node {
    let cell = el("td", class).attr("data-testid", testid);
    match score {
        Some(score) => cell.text(&(score.round() as i32).to_string()),
        None => cell
            .child(el("span", "").attr("aria-hidden", "true").text("—"))
            .child(el("span", "cq-visually-hidden").text(ui.cell_unscored())),
    }
}

/// The heat map as a data table, tinted, with the mean of each row and each column.
pub fn heat_table(
    map: &HeatMap,
    row_means: &[Option<f64>],
    column_means: &[Option<f64>],
    ui: &Ui,
) -> Node {
    let width = map.columns.len();
    let head = (map.columns.iter()).map(|c| el("th", "").attr("scope", "col").text(c));
    let body = map.rows.iter().enumerate().map(|(r, name)| {
        let cells = (0..width).map(|c| {
            let score = map.cells.get(r * width + c).copied().flatten();
            score_cell(tint(score), &format!("cell-{r}-{c}"), score, ui)
        });
        let mean = row_means.get(r).copied().flatten();
        el("tr", "")
            .child(el("th", "").attr("scope", "row").text(name))
            .children(cells)
            .child(score_cell(
                "cq-heat-mean",
                &format!("row-mean-{r}"),
                mean,
                ui,
            ))
    });
    let foot = (column_means.iter().enumerate())
        .map(|(c, m)| score_cell("cq-heat-mean", &format!("column-mean-{c}"), *m, ui));
    let table = (el("table", "cq-heatmap").attr("data-testid", "heatmap"))
        .child(el("caption", "").text(ui.heatmap_caption()))
        .child(
            el("thead", "").child(
                el("tr", "")
                    .child(el("td", ""))
                    .children(head)
                    .child(el("th", "").attr("scope", "col").text(ui.mean())),
            ),
        )
        .child(el("tbody", "").children(body))
        .child(
            el("tfoot", "").child(
                el("tr", "")
                    .child(el("th", "").attr("scope", "row").text(ui.mean()))
                    .children(foot)
                    .child(el("td", "")),
            ),
        );
    el("div", "cq-table-wrap").child(table)
}
