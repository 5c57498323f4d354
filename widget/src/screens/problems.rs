//! Shown in place of the quiz when a definition is invalid: every problem, with its path.

use candor_core::definition::DefinitionErrors;
use candor_core::messages::messages;
use leptos::prelude::*;

use crate::text::Ui;

/// The list of problems in a definition, for the trainer who wrote it.
#[component]
pub fn DefinitionProblems(
    /// The problems found.
    errors: DefinitionErrors,
    /// The interface's words.
    ui: &'static Ui,
) -> impl IntoView {
    let words = messages(ui.locale);
    let items = errors
        .as_slice()
        .iter()
        .map(|e| {
            let path = e.path().to_owned();
            view! {
                <li>
                    {(!path.is_empty()).then(|| view! { <code class="cq-path">{path}</code>{ui.colon} })}
                    {e.message_in(words)}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="cq-step cq-problems" role="alert" data-testid="problems">
            <h2 class="cq-title">{ui.invalid_title}</h2>
            <p>{ui.invalid_help}</p>
            <ul class="cq-problem-list">{items}</ul>
        </section>
    }
}
