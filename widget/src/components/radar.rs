//! The four-axis radar of the trust equation's virtues, and the quotient on its scale.

use leptos::prelude::*;

use super::svg::{multiline, multiline_extent, svg_view, text_width};

/// One axis of the radar.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    /// Label.
    pub name: String,
    /// The reader's value.
    pub value: f64,
    /// Lowest possible value (the centre).
    pub min: f64,
    /// Highest possible value (the rim).
    pub max: f64,
    /// The label shown at the rim: name and value, formatted for the reader's language.
    pub label: String,
}

/// A radar with one axis per virtue and the reader's shape, and others' shape when they were
/// asked.
#[component]
pub fn RadarChart(
    /// The axes, clockwise from the top.
    axes: Vec<Axis>,
    /// Text alternative.
    alt: String,
    /// Others' mean value on each axis, drawn as a dashed outline.
    #[prop(default = None)]
    others: Option<Vec<f64>>,
) -> impl IntoView {
    let (cx, cy, r) = (180.0, 150.0, 100.0);
    let n = axes.len().max(3) as f64;
    let point = |i: usize, fraction: f64| {
        let angle = -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::TAU / n;
        (
            cx + r * fraction * angle.cos(),
            cy + r * fraction * angle.sin(),
        )
    };
    let ring = |fraction: f64| {
        (0..axes.len())
            .map(|i| {
                let (x, y) = point(i, fraction);
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let rings = [0.25, 0.5, 0.75, 1.0]
        .into_iter()
        .map(|f| view! { <polygon class="cq-radar-ring" points=ring(f)></polygon> })
        .collect_view();
    let spokes = (0..axes.len())
        .map(|i| {
            let (x, y) = point(i, 1.0);
            view! { <line class="cq-radar-spoke" x1=cx y1=cy x2=x y2=y></line> }
        })
        .collect_view();
    let outline = |values: &mut dyn Iterator<Item = f64>| {
        axes.iter()
            .zip(values)
            .enumerate()
            .map(|(i, (a, value))| {
                let fraction = ((value - a.min) / (a.max - a.min)).clamp(0.0, 1.0);
                let (x, y) = point(i, fraction);
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let shape = outline(&mut axes.iter().map(|a| a.value));
    let others = others.map(|values| {
        let points = outline(&mut values.into_iter());
        view! { <polygon class="cq-radar-others" points=points data-testid="others-shape"></polygon> }
    });
    // The view box is 300 units tall, taller when a long label at the top or the bottom
    // needs it.
    let (top, bottom) = axes
        .iter()
        .enumerate()
        .map(|(i, a)| multiline_extent(&a.label, 14, point(i, 1.22).1, 12.0))
        .fold((0.0_f64, 300.0_f64), |(t, b), (lt, lb)| {
            (t.min(lt - 2.0), b.max(lb + 2.0))
        });
    let labels = axes
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let (x, y) = point(i, 1.22);
            let anchor = if (x - cx).abs() < 1.0 {
                "middle"
            } else if x > cx {
                "start"
            } else {
                "end"
            };
            let x = if anchor == "start" {
                x - 14.0
            } else if anchor == "end" {
                x + 14.0
            } else {
                x
            };
            svg_view(&multiline(&a.label, 14, x, y, anchor, "cq-radar-label"))
        })
        .collect_view();
    view! {
        <svg class="cq-chart" viewBox=format!("-40 {top} 440 {}", bottom - top) role="img" aria-label=alt data-testid="radar-chart">
            {rings}
            {spokes}
            <polygon class="cq-radar-shape" points=shape></polygon>
            {others}
            {labels}
        </svg>
    }
}

/// The quotient on its scale, with the reader's value marked.
#[component]
pub fn QuotientScale(
    /// The reader's quotient, in tenths.
    value: i32,
    /// Lowest possible quotient, in tenths.
    min: i32,
    /// Highest possible quotient, in tenths.
    max: i32,
    /// Label of the reader's mark.
    you: String,
    /// The scale's two ends, formatted.
    ends: (String, String),
    /// Text alternative.
    alt: String,
) -> impl IntoView {
    let (x0, x1) = (20.0, 340.0);
    let x =
        move |tenths: i32| x0 + (x1 - x0) * f64::from(tenths - min) / f64::from((max - min).max(1));
    // The reader's label sits above their mark, alone on its line; near an end of the scale
    // it is anchored beside the mark so it stays inside the chart.
    let point = x(value);
    let half = text_width(&you, 12.0) / 2.0;
    let (you_x, you_anchor) = if point - half < 2.0 {
        ((point - 9.0).max(2.0), "start")
    } else if point + half > 358.0 {
        ((point + 9.0).min(358.0), "end")
    } else {
        (point, "middle")
    };
    view! {
        <svg class="cq-chart cq-scale" viewBox="0 0 360 94" role="img" aria-label=alt data-testid="quotient-scale">
            <rect class="cq-scale-track" x=x0 y="44" width=x1 - x0 height="8" rx="4"></rect>
            <text class="cq-scale-end" x=x0 y="70" text-anchor="start">{ends.0}</text>
            <text class="cq-scale-end" x=x1 y="70" text-anchor="end">{ends.1}</text>
            <circle class="cq-point" cx=point cy="48" r="9"></circle>
            <text class="cq-you-label" x=you_x y="24" text-anchor=you_anchor>{you}</text>
        </svg>
    }
}
