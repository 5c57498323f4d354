//! A small trend of earlier results on this device.

use leptos::prelude::*;

use super::svg;

/// One line of the trend.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Name shown in the legend.
    pub name: String,
    /// Lowest possible value.
    pub min: f64,
    /// Highest possible value.
    pub max: f64,
    /// Values, oldest first; `None` where an attempt has no such score.
    pub values: Vec<Option<f64>>,
    /// The legend: name and latest value, formatted for the reader's language.
    pub legend: String,
}

/// Lines over the attempts, oldest on the left.
#[component]
pub fn TrendChart(
    /// The lines.
    series: Vec<Series>,
    /// Text alternative.
    alt: String,
) -> impl IntoView {
    let count = series
        .iter()
        .map(|s| s.values.len())
        .max()
        .unwrap_or(0)
        .max(2);
    let (left, right, top, bottom) = (12.0, 348.0, 12.0, 92.0);
    let x = move |i: usize| left + (right - left) * i as f64 / (count - 1) as f64;
    let lines = series
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let y =
                |v: f64| bottom - (bottom - top) * ((v - s.min) / (s.max - s.min)).clamp(0.0, 1.0);
            let points: Vec<(f64, f64)> = s
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| (x(i), y(v))))
                .collect();
            let polyline = svg::points(points.iter().copied());
            let dots = points
                .iter()
                .map(|&(px, py)| view! { <circle cx=px cy=py r="3.5"></circle> })
                .collect_view();
            let class = if k == 0 {
                "cq-trend cq-trend-a"
            } else {
                "cq-trend cq-trend-b"
            };
            view! {
                <g class=class>
                    <polyline points=polyline></polyline>
                    {dots}
                    <text x=left y=bottom + 18.0 + 16.0 * k as f64>{s.legend.clone()}</text>
                </g>
            }
        })
        .collect_view();
    let height = bottom + 10.0 + 16.0 * series.len() as f64 + 8.0;
    view! {
        <svg class="cq-chart cq-trend-chart" viewBox=format!("0 0 360 {height}") role="img" aria-label=alt data-testid="trend">
            <line class="cq-axis" x1=left y1=bottom x2=right y2=bottom></line>
            {lines}
        </svg>
    }
}
