//! The level ladder: one rung per level, highest on top, with how many answers chose it.

use candor_view::node::{Node, el};

use super::svg::{multiline, num, picture, wrap};

/// Characters per line of a level's name, left of the bars (12 px, bold on the headline rung).
const LABEL_WRAP: usize = 22;
/// Line height of a level's name, in chart units.
const LINE_H: f64 = 14.0;

/// Rungs with a bar per level: `names` and `counts` (answers per level) lowest first; the
/// `headline` rung (1-based) is highlighted. `alt` is its text alternative.
pub fn ladder_chart(names: &[String], counts: &[u16], headline: usize, alt: &str) -> Node {
    let n = names.len();
    let most = counts.iter().copied().max().unwrap_or(1).max(1);
    let (bar_x, bar_w) = (196.0, 130.0);
    // A rung is 38 units for a one-line name, and a line taller for each line more.
    let label = |level: usize| format!("{} · {}", level + 1, names[level]);
    let mut y = 4.0;
    let mut rungs = Vec::with_capacity(n);
    for level in (0..n).rev() {
        let text = label(level);
        let lines = wrap(&text, LABEL_WRAP).len().max(1);
        let rung = 38.0 + (lines - 1) as f64 * LINE_H;
        let middle = y + rung / 2.0 - 2.0;
        let top = y;
        y += rung;
        let here = level + 1 == headline;
        let class = if here {
            "cq-rung-svg cq-current"
        } else {
            "cq-rung-svg"
        };
        let count = counts.get(level).copied().unwrap_or(0);
        let w = bar_w * f64::from(count) / f64::from(most);
        let background = (el("rect", "cq-rung-bg").attr("x", "0").attr("y", &num(top)))
            .attr("width", "360")
            .attr("height", &num(rung - 4.0))
            .attr("rx", "6");
        let bar = (el("rect", "cq-bar").attr("x", &num(bar_x)))
            .attr("y", &num(middle - 7.0))
            .attr("width", &num(w))
            .attr("height", "14")
            .attr("rx", "3");
        let value = (el("text", "cq-bar-value").attr("x", &num(bar_x + w + 6.0)))
            .attr("y", &num(middle))
            .attr("dominant-baseline", "middle")
            .attr("data-testid", &format!("level-count-{}", level + 1))
            .text(&count.to_string());
        rungs.push(
            el("g", class)
                .child(background)
                .child(multiline(
                    &text,
                    LABEL_WRAP,
                    10.0,
                    middle,
                    "start",
                    "cq-rung-label",
                ))
                .child(bar)
                .child(value),
        );
    }
    let height = y + 4.0;
    picture("cq-chart", &format!("0 0 360 {}", num(height)), alt)
        .attr("data-testid", "ladder-chart")
        .children(rungs)
}
