//! Small helpers the SVG pictures share.
//!
//! * Labels are laid out without measuring them: wrapped by characters, sized generously.
//! * Every picture is a `candor-view` tree ([`Node`]): the facilitator's screen draws it,
//!   and [`html_view`] shows it in a Leptos screen.

use candor_view::node::{Node, el};

/// Shows `node`, an HTML element (a whole `<svg>` among them), in a Leptos view.
#[cfg(feature = "readers")]
pub fn html_view(node: &Node) -> impl leptos::prelude::IntoView + use<> {
    leptos::tachys::html::InertElement::new(node.html())
}

/// A number as an SVG attribute: at most two decimals, which is finer than a pixel.
pub fn num(n: f64) -> String {
    candor_core::decimal::decimal(n, 2, ".")
}

/// The sine and cosine of an angle in `degrees`, from their series after bringing the angle
/// within half a turn: within 10^-14 of the exact values, which is finer than any picture
/// needs. The standard library's would add about 6 KB of argument reduction to a bundle.
pub fn sin_cos(degrees: f64) -> (f64, f64) {
    let turns = ((degrees + 180.0) / 360.0).floor();
    let x = (degrees - 360.0 * turns).to_radians();
    let (mut sin, mut cos) = (0.0, 0.0);
    let (mut sin_term, mut cos_term) = (x, 1.0);
    for n in 0..14 {
        let n = f64::from(n);
        sin += sin_term;
        cos += cos_term;
        sin_term *= -x * x / ((2.0 * n + 2.0) * (2.0 * n + 3.0));
        cos_term *= -x * x / ((2.0 * n + 1.0) * (2.0 * n + 2.0));
    }
    (sin, cos)
}

/// The `points` attribute of a polygon or a polyline through `corners`: `x,y x,y …`.
pub fn points(corners: impl IntoIterator<Item = (f64, f64)>) -> String {
    let corners = corners
        .into_iter()
        .map(|(x, y)| format!("{},{}", num(x), num(y)));
    corners.collect::<Vec<_>>().join(" ")
}

/// The `points` of a diamond (a square on its corner) centred on `(x, y)`, `half` from
/// the centre to each corner: a marker on a map or a scale.
pub fn diamond(x: f64, y: f64, half: f64) -> String {
    points([(x, y - half), (x + half, y), (x, y + half), (x - half, y)])
}

/// A picture: an `<svg>` of `class` over `view_box`, read as one image named `alt`.
pub fn picture(class: &str, view_box: &str, alt: &str) -> Node {
    (el("svg", class).attr("viewBox", view_box))
        .attr("role", "img")
        .attr("aria-label", alt)
}

/// A `<rect>` at `(x, y)`, `w` × `h`.
pub fn rect(x: f64, y: f64, w: f64, h: f64) -> Node {
    (el("rect", "").attr("x", &num(x)).attr("y", &num(y)))
        .attr("width", &num(w))
        .attr("height", &num(h))
}

/// Splits `text` into lines of at most `width` characters, breaking between words (a word
/// longer than `width` gets a line of its own).
///
/// ```
/// use candor_widget::components::wrap;
/// assert_eq!(wrap("Going through the motions", 12), ["Going", "through the", "motions"]);
/// ```
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// A generous width of `text` set in bold at `size` units, for laying out labels without
/// measuring them: DejaVu Sans Bold, the widest of the usual system fonts, averages about
/// 0.68 em a character.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.71
}

/// The top and bottom of what [`multiline`] draws for `text` wrapped at `width`, centred
/// on `y`, in a font of `size` units (with room for ascenders and descenders): for a chart
/// to make its view box tall enough for long labels.
pub fn multiline_extent(text: &str, width: usize, y: f64, size: f64) -> (f64, f64) {
    let lines = wrap(text, width).len().max(1) as f64;
    let half = (lines - 1.0) * 1.15 * size / 2.0 + 0.7 * size;
    (y - half, y + half)
}

/// An SVG `<text>` of several lines, centred on `(x, y)` as a block; `class` styles it.
pub fn multiline(text: &str, width: usize, x: f64, y: f64, anchor: &str, class: &str) -> Node {
    let lines = wrap(text, width);
    let line_height = 1.15;
    // Shift up by half the block so it is centred vertically on y.
    let first = -(lines.len() as f64 - 1.0) * line_height / 2.0;
    let spans = lines.into_iter().enumerate().map(|(i, line)| {
        let dy = if i == 0 {
            format!("{}em", num(first))
        } else {
            format!("{}em", num(line_height))
        };
        el("tspan", "")
            .attr("x", &num(x))
            .attr("dy", &dy)
            .text(&line)
    });
    el("text", class)
        .attr("x", &num(x))
        .attr("y", &num(y))
        .attr("text-anchor", anchor)
        .attr("dominant-baseline", "middle")
        .children(spans)
}
