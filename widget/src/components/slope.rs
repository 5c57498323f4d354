//! The slope from freely given service to the End-Station, with the reader's station, and
//! where others place them when they were asked.

use leptos::prelude::*;

use super::svg::{multiline, multiline_extent, svg_view};

/// Stations along a descending line; the current one is filled and labelled.
#[component]
pub fn SlopeChart(
    /// Station names, top of the slope first.
    names: Vec<String>,
    /// The reader's station.
    current: usize,
    /// Text alternative.
    alt: String,
    /// The station others' mean falls on, marked with a hollow diamond above it.
    #[prop(default = None)]
    others: Option<usize>,
) -> impl IntoView {
    let n = names.len().max(2) as f64;
    let (x0, y0, x1, y1) = (40.0, 28.0, 320.0, 118.0);
    let at = |i: usize| {
        let t = i as f64 / (n - 1.0);
        (x0 + t * (x1 - x0), y0 + t * (y1 - y0))
    };
    // 180 units tall, taller when a long station name below its dot needs it.
    let height = (0..names.len())
        .map(|i| multiline_extent(&names[i], 13, at(i).1 + 34.0, 12.0).1 + 2.0)
        .fold(180.0_f64, f64::max);
    let stations = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let (x, y) = at(i);
            let here = i == current;
            let class = if here {
                "cq-station cq-current"
            } else {
                "cq-station"
            };
            view! {
                <g class=class>
                    <circle cx=x cy=y r=if here { 11 } else { 7 }></circle>
                    {svg_view(&multiline(name, 13, x, y + 34.0, "middle", "cq-station-label"))}
                </g>
            }
        })
        .collect_view();
    let others = others.filter(|&i| i < names.len()).map(|i| {
        let (x, y) = at(i);
        let y = y - 22.0;
        let points = format!(
            "{x:.1},{:.1} {:.1},{y:.1} {x:.1},{:.1} {:.1},{y:.1}",
            y - 8.0,
            x + 8.0,
            y + 8.0,
            x - 8.0
        );
        view! { <polygon class="cq-point-others" points=points data-testid="others-station"></polygon> }
    });
    // Room above the first station for others' mark.
    let top = if others.is_some() { -8.0 } else { 0.0 };
    view! {
        <svg class="cq-chart cq-slope-chart" viewBox=format!("0 {top} 360 {}", height - top) role="img" aria-label=alt data-testid="slope-chart">
            <line class="cq-slope-line" x1=x0 y1=y0 x2=x1 y2=y1></line>
            {stations}
            {others}
        </svg>
    }
}
