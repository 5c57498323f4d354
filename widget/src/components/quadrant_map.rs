//! The partnership × servility map: two axes 0–100, four named quadrants, the reader's
//! point, and where others place them when they were asked.

use leptos::prelude::*;

use super::svg::{multiline, svg_view, text_width};

/// Plot area inside the 360 × 290 view box.
const LEFT: f64 = 40.0;
const TOP: f64 = 10.0;
const SIZE_X: f64 = 310.0;
const SIZE_Y: f64 = 240.0;

fn px(score: u8) -> f64 {
    LEFT + f64::from(score) * SIZE_X / 100.0
}

fn py(score: u8) -> f64 {
    TOP + SIZE_Y - f64::from(score) * SIZE_Y / 100.0
}

/// The length to squeeze an axis label (13 px, bold) into when it would run past its axis
/// (`room` units), or none: a trainer's long axis name is drawn narrower rather than cut off.
fn squeeze(label: &str, room: f64) -> Option<String> {
    let room = room - 4.0;
    (text_width(label, 13.0) > room).then(|| format!("{room}"))
}

/// An SVG map with the reader's point; `alt` says the same for screen readers.
#[component]
pub fn QuadrantMap(
    /// Name of the horizontal axis.
    x_name: String,
    /// Name of the vertical axis.
    y_name: String,
    /// Score on the horizontal axis, 0–100.
    x: u8,
    /// Score on the vertical axis, 0–100.
    y: u8,
    /// Where the horizontal axis turns high.
    x_split: u8,
    /// Where the vertical axis turns high.
    y_split: u8,
    /// Quadrant names, indexed `high_x + 2 * high_y`.
    names: [String; 4],
    /// The reader's quadrant.
    current: usize,
    /// Text alternative.
    alt: String,
    /// Others' mean on each axis, drawn as a hollow diamond beside the reader's point.
    #[prop(default = None)]
    others: Option<(f64, f64)>,
) -> impl IntoView {
    let others = others.map(|(x, y)| {
        let (cx, cy) = (
            LEFT + x.clamp(0.0, 100.0) * SIZE_X / 100.0,
            TOP + SIZE_Y - y.clamp(0.0, 100.0) * SIZE_Y / 100.0,
        );
        let points = format!(
            "{cx:.1},{:.1} {:.1},{cy:.1} {cx:.1},{:.1} {:.1},{cy:.1}",
            cy - 10.0,
            cx + 10.0,
            cy + 10.0,
            cx - 10.0
        );
        view! { <polygon class="cq-point-others" points=points data-testid="others-point"></polygon> }
    });
    let (x_label, y_label) = (format!("{x_name} →"), format!("{y_name} →"));
    let (x_length, y_length) = (squeeze(&x_label, SIZE_X), squeeze(&y_label, SIZE_Y));
    let (sx, sy) = (px(x_split), py(y_split));
    let (right, bottom) = (LEFT + SIZE_X, TOP + SIZE_Y);
    // (left, top, width, height) of each quadrant.
    let regions = [
        (LEFT, sy, sx - LEFT, bottom - sy),
        (sx, sy, right - sx, bottom - sy),
        (LEFT, TOP, sx - LEFT, sy - TOP),
        (sx, TOP, right - sx, sy - TOP),
    ];
    let quadrants = regions
        .into_iter()
        .enumerate()
        .map(|(i, (qx, qy, w, h))| {
            let class = if i == current { "cq-quadrant cq-current" } else { "cq-quadrant" };
            view! {
                <g class=class>
                    <rect x=qx y=qy width=w height=h></rect>
                    {svg_view(&multiline(&names[i], ((w / 7.5) as usize).max(8), qx + w / 2.0, qy + h / 2.0, "middle", "cq-quadrant-label"))}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="cq-map" viewBox="0 0 360 290" role="img" aria-label=alt data-testid="map">
            {quadrants}
            <line class="cq-axis" x1=LEFT y1=bottom x2=right y2=bottom></line>
            <line class="cq-axis" x1=LEFT y1=TOP x2=LEFT y2=bottom></line>
            <text class="cq-axis-label" x=LEFT + SIZE_X / 2.0 y=bottom + 26.0 text-anchor="middle"
                textLength=x_length lengthAdjust="spacingAndGlyphs">
                {x_label}
            </text>
            <text
                class="cq-axis-label"
                x=0
                y=0
                text-anchor="middle"
                transform=format!("translate(16 {}) rotate(-90)", TOP + SIZE_Y / 2.0)
                textLength=y_length lengthAdjust="spacingAndGlyphs"
            >
                {y_label}
            </text>
            <circle class="cq-point" cx=px(x) cy=py(y) r="9"></circle>
            {others}
        </svg>
    }
}
