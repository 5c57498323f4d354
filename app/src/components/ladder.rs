//! The level ladder: one rung per level, highest on top, with how many answers chose it.

use leptos::prelude::*;

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
    let rung = 38.0;
    let height = n as f64 * rung + 8.0;
    let most = counts.iter().copied().max().unwrap_or(1).max(1);
    let (bar_x, bar_w) = (196.0, 130.0);
    let rungs = (0..n)
        .rev()
        .enumerate()
        .map(|(row, level)| {
            let y = 4.0 + row as f64 * rung;
            let here = level + 1 == headline;
            let class = if here { "cq-rung-svg cq-current" } else { "cq-rung-svg" };
            let count = counts.get(level).copied().unwrap_or(0);
            let w = bar_w * f64::from(count) / f64::from(most);
            view! {
                <g class=class>
                    <rect class="cq-rung-bg" x="0" y=y width="360" height=rung - 4.0 rx="6"></rect>
                    <text class="cq-rung-label" x="10" y=y + rung / 2.0 - 2.0 dominant-baseline="middle">
                        {format!("{} · {}", level + 1, names[level])}
                    </text>
                    <rect class="cq-bar" x=bar_x y=y + 10.0 width=w height=rung - 24.0 rx="3"></rect>
                    <text class="cq-bar-value" x=bar_x + w + 6.0 y=y + rung / 2.0 - 2.0 dominant-baseline="middle"
                        data-testid=format!("level-count-{}", level + 1)>
                        {count}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="cq-chart" viewBox=format!("0 0 360 {height}") role="img" aria-label=alt data-testid="ladder-chart">
            {rungs}
        </svg>
    }
}
