//! The level ladder: one rung per level, highest on top, with how many answers chose it.

use leptos::prelude::*;

use super::svg::{multiline, svg_view, wrap};

/// Characters per line of a level's name, left of the bars (12 px, bold on the headline rung).
const LABEL_WRAP: usize = 22;
/// Line height of a level's name, in chart units.
const LINE_H: f64 = 14.0;

/// Rungs with a bar per level; the headline rung is highlighted.
#[component]
pub fn LadderChart(
    /// Level names, lowest first.
    names: Vec<String>,
    /// Answers per level, lowest first.
    counts: Vec<u16>,
    /// The headline level, 1-based.
    headline: usize,
    /// Text alternative.
    alt: String,
) -> impl IntoView {
    let n = names.len();
    let most = counts.iter().copied().max().unwrap_or(1).max(1);
    let (bar_x, bar_w) = (196.0, 130.0);
    // A rung is 38 units for a one-line name, and a line taller for each line more.
    let label = |level: usize| format!("{} · {}", level + 1, names[level]);
    let mut y = 4.0;
    let rungs = (0..n)
        .rev()
        .map(|level| {
            let text = label(level);
            let lines = wrap(&text, LABEL_WRAP).len().max(1);
            let rung = 38.0 + (lines - 1) as f64 * LINE_H;
            let middle = y + rung / 2.0 - 2.0;
            let top = y;
            y += rung;
            let here = level + 1 == headline;
            let class = if here { "cq-rung-svg cq-current" } else { "cq-rung-svg" };
            let count = counts.get(level).copied().unwrap_or(0);
            let w = bar_w * f64::from(count) / f64::from(most);
            view! {
                <g class=class>
                    <rect class="cq-rung-bg" x="0" y=top width="360" height=rung - 4.0 rx="6"></rect>
                    {svg_view(&multiline(&text, LABEL_WRAP, 10.0, middle, "start", "cq-rung-label"))}
                    <rect class="cq-bar" x=bar_x y=middle - 7.0 width=w height="14" rx="3"></rect>
                    <text class="cq-bar-value" x=bar_x + w + 6.0 y=middle dominant-baseline="middle"
                        data-testid=format!("level-count-{}", level + 1)>
                        {count}
                    </text>
                </g>
            }
        })
        .collect_view();
    let height = y + 4.0;
    view! {
        <svg class="cq-chart" viewBox=format!("0 0 360 {height}") role="img" aria-label=alt data-testid="ladder-chart">
            {rungs}
        </svg>
    }
}
