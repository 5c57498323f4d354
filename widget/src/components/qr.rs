//! A QR code of a link, for a phone across the room: the sharing panel's and the
//! facilitator's screen's.

use candor_core::qr::Qr;
use candor_view::node::{Node, el};

use super::svg::{num, picture};

/// A QR code of `text`, drawn as SVG, `alt` its text alternative; `None` when `text` is
/// too long for one.
pub fn qr_code(text: &str, alt: &str) -> Option<Node> {
    let qr = Qr::encode(text)?;
    let side = num((qr.size() + 8) as f64);
    let background = (el("rect", "cq-qr-bg").attr("x", "-4").attr("y", "-4"))
        .attr("width", &side)
        .attr("height", &side);
    let dark = el("path", "cq-qr-dark").attr("d", &qr.path());
    let view_box = format!("-4 -4 {side} {side}");
    Some(
        picture("cq-qr", &view_box, alt)
            .attr("data-testid", "qr")
            .attr("shape-rendering", "crispEdges")
            .child(background)
            .child(dark),
    )
}
