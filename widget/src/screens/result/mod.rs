//! Results: what the outcome says, then the reader's own tools.
//!
//! * First the headline, a picture, what it means, what to try and the model's source.
//! * Then the reader's own tools: retake, print, others' view, share, history, data.
//! * The numbers come from the core's outcome.
//! * A shared result, opened from a link, shows the same view read-only (`super::shared`).
//! * What an outcome says (headline, pictures, texts, credit) is `candor-view` trees, one
//!   module per model, each drawn with its feature (`result-<model>`); the screen around
//!   it, with the reader's tools, is Leptos ([`screen`], with the `readers` feature).
//! * A bundle built without a model's feature cannot draw its outcomes; it is never
//!   loaded for an instrument of that model (the shared result's bundle of each model).

#[cfg(feature = "result-grid")]
mod grid;
#[cfg(feature = "result-levels")]
mod levels;
#[cfg(feature = "result-ratio")]
mod ratio;
#[cfg(feature = "readers")]
mod screen;
#[cfg(feature = "result-subscales")]
mod subscales;

use candor_core::definition::{Instrument, Model};
use candor_core::response::Response;
use candor_core::scoring::{Outcome, Part, Shortfall};
use candor_view::node::{Node, el};

use crate::text::{Ui, fill};

#[cfg(feature = "readers")]
pub use screen::ResultScreen;

/// How many of a screen's `nodes` are its top, drawn first: those down to its first
/// picture. What follows is drawn later, below it, so nothing drawn first moves, and the
/// task that draws the top and the first layout are shorter. `None` when there is
/// no picture among them, or nothing after it.
pub(super) fn top_len(nodes: &[Node]) -> Option<usize> {
    let picture = nodes
        .iter()
        .position(|node| node.element().is_some_and(|e| e.tag == "svg"))?;
    (picture + 1 < nodes.len()).then_some(picture + 1)
}

/// "Your result", then the headline: the step's heading, which takes the focus.
fn headline(title: &str, ui: &Ui) -> Vec<Node> {
    vec![
        el("p", "cq-kicker").text(ui.your_result()),
        (el("h2", "cq-title").attr("tabindex", "-1"))
            .attr("data-testid", "headline")
            .text(title),
    ]
}

/// What an outcome of `instrument` says, whatever its model: the headline, a picture, what
/// it means and what to try, for the reader's `response` (whose answers only the
/// subscales model shows).
fn outcome_view(
    instrument: &Instrument,
    outcome: &Outcome,
    #[cfg_attr(not(feature = "result-subscales"), allow(unused_variables))] response: &Response,
    ui: &Ui,
) -> Vec<Node> {
    match (&instrument.model(), outcome) {
        #[cfg(feature = "result-subscales")]
        (Model::Subscales(model), Outcome::Subscales(outcome)) => {
            subscales::view(instrument, model, outcome, response, ui)
        }
        #[cfg(feature = "result-levels")]
        (Model::Levels(model), Outcome::Levels(outcome)) => levels::view(model, outcome, ui),
        #[cfg(feature = "result-ratio")]
        (Model::Ratio(model), Outcome::Ratio(outcome)) => ratio::view(model, outcome, ui),
        #[cfg(feature = "result-grid")]
        (Model::Grid(model), Outcome::Grid(outcome)) => grid::view(instrument, model, outcome, ui),
        (model, Outcome::Unscored(short)) => unscored(model, short, ui),
        // The core scores each model into its own kind of outcome; a bundle without the
        // model's feature is not loaded for it.
        _ => vec![el("p", "cq-error").text(ui.choose_first())],
    }
}

/// A result with too few real answers to score: which parts fall short, and by how much.
fn unscored(model: &Model, short: &[Shortfall], ui: &Ui) -> Vec<Node> {
    let name = |part: Part| match (model, part) {
        (Model::Subscales(m), Part::Subscale(s)) => m.subscales[s].name.clone(),
        (Model::Ratio(m), Part::Component(c)) => m.components[c].name.clone(),
        #[cfg(feature = "result-grid")]
        (Model::Grid(m), Part::Cell(i)) => grid::cell_name(m, i),
        _ => ui.all_situations().to_owned(),
    };
    let parts = short.iter().map(|s| {
        let text = fill(
            ui.shortfall(),
            &[
                ("part", &name(s.part)),
                ("found", &s.found.to_string()),
                ("needed", &s.needed.to_string()),
            ],
        );
        el("li", "").text(&text)
    });
    let mut nodes = headline(ui.unscored(), ui);
    nodes.extend([
        el("p", "cq-lead").text(ui.unscored_text()),
        el("ul", "cq-list")
            .attr("data-testid", "shortfalls")
            .children(parts),
    ]);
    nodes
}

/// "3 of 16 questions did not apply", when any did.
fn not_applicable_note(instrument: &Instrument, response: &Response, ui: &Ui) -> Option<Node> {
    let n = response.not_applicable(instrument);
    (n > 0).then(|| {
        let text = fill(
            ui.not_applicable_count(),
            &[
                ("n", &n.to_string()),
                ("total", &response.answers.len().to_string()),
            ],
        );
        el("p", "cq-meta")
            .attr("data-testid", "not-applicable")
            .text(&text)
    })
}

/// What `response` to `instrument` says, and how many of its answers did not apply; `None`
/// when it cannot be scored.
pub(super) fn response_view(
    instrument: &Instrument,
    response: &Response,
    ui: &Ui,
) -> Option<Vec<Node>> {
    let outcome = instrument.score(response).ok()?;
    Some(scored_view(instrument, response, &outcome, ui))
}

/// What `outcome` of `response` says, and how many of its answers did not apply.
fn scored_view(
    instrument: &Instrument,
    response: &Response,
    outcome: &Outcome,
    ui: &Ui,
) -> Vec<Node> {
    let mut nodes = outcome_view(instrument, outcome, response, ui);
    nodes.extend(not_applicable_note(instrument, response, ui));
    nodes
}

/// What a result does not mean, and where the model comes from.
pub(super) fn credit(instrument: &Instrument, ui: &Ui) -> Vec<Node> {
    let credit = instrument.credit();
    vec![
        el("p", "cq-caveat").text(instrument.caveat()),
        (el("p", "cq-credit").attr("data-testid", "credit"))
            .child(el("strong", "").text(ui.model()).text(ui.colon()))
            .text(&credit.model)
            .text(". ")
            .child(el("strong", "").text(ui.source()).text(ui.colon()))
            .text(&credit.source)
            .text(". ")
            .text(ui.written_by()),
    ]
}
