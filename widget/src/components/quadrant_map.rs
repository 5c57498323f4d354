//! The partnership × servility map: two axes 0–100, four named quadrants, the reader's
//! point, and where others place them when they were asked.

use candor_view::node::{Node, el};

use super::svg::{diamond, multiline, num, picture, rect, text_width};

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
/// (`room` units), or none.
fn squeeze(label: &str, room: f64) -> Option<String> {
    let room = room - 4.0;
    (text_width(label, 13.0) > room).then(|| num(room))
}

/// What a quadrant map shows.
pub struct Quadrants<'a> {
    /// Name of the horizontal axis.
    pub x_name: &'a str,
    /// Name of the vertical axis.
    pub y_name: &'a str,
    /// Score on the horizontal axis, 0–100.
    pub x: u8,
    /// Score on the vertical axis, 0–100.
    pub y: u8,
    /// Where the horizontal axis turns high.
    pub x_split: u8,
    /// Where the vertical axis turns high.
    pub y_split: u8,
    /// Quadrant names, indexed `high_x + 2 * high_y`.
    pub names: &'a [String; 4],
    /// The reader's quadrant.
    pub current: usize,
    /// Others' mean on each axis, drawn as a hollow diamond beside the reader's point.
    pub others: Option<(f64, f64)>,
}

/// An SVG map with the reader's point; `alt` says the same for screen readers.
pub fn quadrant_map(map: &Quadrants, alt: &str) -> Node {
    let others = map.others.map(|(x, y)| {
        let (cx, cy) = (
            LEFT + x.clamp(0.0, 100.0) * SIZE_X / 100.0,
            TOP + SIZE_Y - y.clamp(0.0, 100.0) * SIZE_Y / 100.0,
        );
        let points = diamond(cx, cy, 10.0);
        (el("polygon", "cq-point-others").attr("points", &points))
            .attr("data-testid", "others-point")
    });
    let (x_label, y_label) = (format!("{} →", map.x_name), format!("{} →", map.y_name));
    let (sx, sy) = (px(map.x_split), py(map.y_split));
    let (right, bottom) = (LEFT + SIZE_X, TOP + SIZE_Y);
    // (left, top, width, height) of each quadrant.
    let regions = [
        (LEFT, sy, sx - LEFT, bottom - sy),
        (sx, sy, right - sx, bottom - sy),
        (LEFT, TOP, sx - LEFT, sy - TOP),
        (sx, TOP, right - sx, sy - TOP),
    ];
    let quadrants = regions.into_iter().enumerate().map(|(i, (qx, qy, w, h))| {
        let class = if i == map.current {
            "cq-quadrant cq-current"
        } else {
            "cq-quadrant"
        };
        let (cx, cy) = (qx + w / 2.0, qy + h / 2.0);
        let wrap = ((w / 7.5) as usize).max(8);
        el("g", class).child(rect(qx, qy, w, h)).child(multiline(
            &map.names[i],
            wrap,
            cx,
            cy,
            "middle",
            "cq-quadrant-label",
        ))
    });
    let axis = |x1: f64, y1: f64, x2: f64, y2: f64| {
        (el("line", "cq-axis")
            .attr("x1", &num(x1))
            .attr("y1", &num(y1)))
        .attr("x2", &num(x2))
        .attr("y2", &num(y2))
    };
    let x_axis = (el("text", "cq-axis-label").attr("x", &num(LEFT + SIZE_X / 2.0)))
        .attr("y", &num(bottom + 26.0))
        .attr("text-anchor", "middle");
    let y_axis = (el("text", "cq-axis-label").attr("x", "0").attr("y", "0"))
        .attr("text-anchor", "middle")
        .attr(
            "transform",
            &format!("translate(16 {}) rotate(-90)", num(TOP + SIZE_Y / 2.0)),
        );
    let point = (el("circle", "cq-point").attr("cx", &num(px(map.x))))
        .attr("cy", &num(py(map.y)))
        .attr("r", "9");
    picture("cq-map", "0 0 360 290", alt)
        .attr("data-testid", "map")
        .children(quadrants)
        .child(axis(LEFT, bottom, right, bottom))
        .child(axis(LEFT, TOP, LEFT, bottom))
        .child(squeezed(x_axis, &x_label, SIZE_X))
        .child(squeezed(y_axis, &y_label, SIZE_Y))
        .child(point)
        .maybe(others)
}

/// `text` holding `label`, squeezed into `room` units when it would run past its axis: a
/// trainer's long axis name is drawn narrower rather than cut off.
fn squeezed(text: Node, label: &str, room: f64) -> Node {
    let text = match squeeze(label, room) {
        Some(length) => (text.attr("textLength", &length)).attr("lengthAdjust", "spacingAndGlyphs"),
        None => text,
    };
    text.text(label)
}
