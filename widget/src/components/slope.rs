//! The slope from freely given service to the End-Station, with the reader's station, and
//! where others place them when they were asked.

use candor_view::node::{Node, el};

use super::svg::{diamond, multiline, multiline_extent, num, picture};

/// Stations along a descending line, `names` top of the slope first; the reader's
/// (`current`) is filled and labelled; `others`, the station others' mean falls on, is
/// marked with a hollow diamond above it. `alt` is its text alternative.
pub fn slope_chart(names: &[String], current: usize, others: Option<usize>, alt: &str) -> Node {
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
    let stations = names.iter().enumerate().map(|(i, name)| {
        let (x, y) = at(i);
        let here = i == current;
        let class = if here {
            "cq-station cq-current"
        } else {
            "cq-station"
        };
        let dot = (el("circle", "").attr("cx", &num(x)).attr("cy", &num(y)))
            .attr("r", if here { "11" } else { "7" });
        el("g", class).child(dot).child(multiline(
            name,
            13,
            x,
            y + 34.0,
            "middle",
            "cq-station-label",
        ))
    });
    let others = others.filter(|&i| i < names.len()).map(|i| {
        let (x, y) = at(i);
        let y = y - 22.0;
        let points = diamond(x, y, 8.0);
        (el("polygon", "cq-point-others").attr("points", &points))
            .attr("data-testid", "others-station")
    });
    // Room above the first station for others' mark.
    let top = if others.is_some() { -8.0 } else { 0.0 };
    let line = (el("line", "cq-slope-line")
        .attr("x1", &num(x0))
        .attr("y1", &num(y0)))
    .attr("x2", &num(x1))
    .attr("y2", &num(y1));
    picture(
        "cq-chart cq-slope-chart",
        &format!("0 {} 360 {}", num(top), num(height - top)),
        alt,
    )
    .attr("data-testid", "slope-chart")
    .child(line)
    .children(stations)
    .maybe(others)
}
