//! Short, honest notices about the reader's stored data, each dismissible.

use leptos::prelude::*;

use crate::quiz::QuizCtx;

/// The messages, newest last, in a polite live region.
#[component]
pub fn Messages() -> impl IntoView {
    let quiz = expect_context::<QuizCtx>();
    let ui = quiz.ui;
    let rows = move || {
        quiz.messages
            .get()
            .iter()
            .enumerate()
            .map(|(i, m)| {
                view! {
                    <li class="cq-notice" data-testid="notice">
                        <span>{m.describe(ui)}</span>
                        <button type="button" class="cq-dismiss" aria-label=ui.dismiss on:click=move |_| quiz.dismiss(i)>
                            "×"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div role="status" aria-live="polite">
            <ul class="cq-notices">{rows}</ul>
        </div>
    }
}
