//! Shown in place of the quiz when a definition is invalid: every problem, with its path.

use candor_core::definition::DefinitionErrors;
use candor_core::messages::messages;
use candor_view::node::{Node, el};

use crate::text::Ui;

/// The list of problems in a definition, for the trainer who wrote it.
pub fn definition_problems(errors: &DefinitionErrors, ui: &Ui) -> Node {
    let words = messages(ui.locale());
    let items = errors.as_slice().iter().map(|e| {
        let path = e.path();
        let item = el("li", "");
        let item = if path.is_empty() {
            item
        } else {
            item.child(el("code", "cq-path").text(path))
                .text(ui.colon())
        };
        item.text(&e.message_in(words))
    });
    (el("section", "cq-step cq-problems").attr("role", "alert"))
        .attr("data-testid", "problems")
        .child(el("h2", "cq-title").text(ui.invalid_title()))
        .child(el("p", "").text(ui.invalid_help()))
        .child(el("ul", "cq-problem-list").children(items))
}
