//! The four-axis radar of the trust equation's virtues, and the quotient on its scale.

use candor_view::node::{Node, el};

use super::svg::{multiline, multiline_extent, num, picture, points, sin_cos, text_width};

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

/// A radar with one axis per virtue (`axes`, clockwise from the top) and the reader's shape,
/// and others' shape when they were asked (`others`, their mean value on each axis, drawn
/// as a dashed outline). `alt` is its text alternative.
pub fn radar_chart(axes: &[Axis], others: Option<&[f64]>, alt: &str) -> Node {
    let (cx, cy, r) = (180.0, 150.0, 100.0);
    let n = axes.len().max(3) as f64;
    let point = |i: usize, fraction: f64| {
        let (sin, cos) = sin_cos(-90.0 + i as f64 * 360.0 / n);
        (cx + r * fraction * cos, cy + r * fraction * sin)
    };
    let ring = |fraction: f64| points((0..axes.len()).map(|i| point(i, fraction)));
    let rings = [0.25, 0.5, 0.75, 1.0]
        .into_iter()
        .map(|f| el("polygon", "cq-radar-ring").attr("points", &ring(f)));
    let spokes = (0..axes.len()).map(|i| {
        let (x, y) = point(i, 1.0);
        (el("line", "cq-radar-spoke")
            .attr("x1", &num(cx))
            .attr("y1", &num(cy)))
        .attr("x2", &num(x))
        .attr("y2", &num(y))
    });
    let outline =
        |values: &mut dyn Iterator<Item = f64>| {
            points(axes.iter().zip(values).enumerate().map(|(i, (a, value))| {
                point(i, ((value - a.min) / (a.max - a.min)).clamp(0.0, 1.0))
            }))
        };
    let shape = outline(&mut axes.iter().map(|a| a.value));
    let others = others.map(|values| {
        let points = outline(&mut values.iter().copied());
        (el("polygon", "cq-radar-others").attr("points", &points))
            .attr("data-testid", "others-shape")
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
    let labels = axes.iter().enumerate().map(|(i, a)| {
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
        multiline(&a.label, 14, x, y, anchor, "cq-radar-label")
    });
    picture(
        "cq-chart",
        &format!("-40 {} 440 {}", num(top), num(bottom - top)),
        alt,
    )
    .attr("data-testid", "radar-chart")
    .children(rings)
    .children(spokes)
    .child(el("polygon", "cq-radar-shape").attr("points", &shape))
    .maybe(others)
    .children(labels)
}

/// What a quotient's scale shows; quotients are in tenths.
pub struct Quotient<'a> {
    /// The reader's quotient.
    pub value: i32,
    /// Lowest possible quotient.
    pub min: i32,
    /// Highest possible quotient.
    pub max: i32,
    /// Label of the reader's mark.
    pub you: &'a str,
    /// The scale's two ends, formatted.
    pub ends: (&'a str, &'a str),
}

/// The quotient on its scale, with the reader's value marked; `alt` is its text
/// alternative.
pub fn quotient_scale(q: &Quotient, alt: &str) -> Node {
    let Quotient {
        value,
        min,
        max,
        you,
        ends,
    } = *q;
    let (x0, x1) = (20.0, 340.0);
    let x =
        move |tenths: i32| x0 + (x1 - x0) * f64::from(tenths - min) / f64::from((max - min).max(1));
    // The reader's label sits above their mark, alone on its line; near an end of the scale
    // it is anchored beside the mark so it stays inside the chart.
    let point = x(value);
    let half = text_width(you, 12.0) / 2.0;
    let (you_x, you_anchor) = if point - half < 2.0 {
        ((point - 9.0).max(2.0), "start")
    } else if point + half > 358.0 {
        ((point + 9.0).min(358.0), "end")
    } else {
        (point, "middle")
    };
    let label = |class: &str, x: f64, y: &str, anchor: &str, text: &str| {
        (el("text", class).attr("x", &num(x)).attr("y", y))
            .attr("text-anchor", anchor)
            .text(text)
    };
    let track = (el("rect", "cq-scale-track")
        .attr("x", &num(x0))
        .attr("y", "44"))
    .attr("width", &num(x1 - x0))
    .attr("height", "8")
    .attr("rx", "4");
    let mark = (el("circle", "cq-point").attr("cx", &num(point)))
        .attr("cy", "48")
        .attr("r", "9");
    picture("cq-chart cq-scale", "0 0 360 94", alt)
        .attr("data-testid", "quotient-scale")
        .child(track)
        .child(label("cq-scale-end", x0, "70", "start", ends.0))
        .child(label("cq-scale-end", x1, "70", "end", ends.1))
        .child(mark)
        .child(label("cq-you-label", you_x, "24", you_anchor, you))
}
