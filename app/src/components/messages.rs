//! Short, honest notices about the reader's stored data, each dismissible.

use candor_core::vault::{Notice, SetAsideReason};
use leptos::prelude::*;

use crate::quiz::{Message, QuizCtx};
use crate::text::{Ui, fill};

/// The words for one message.
pub fn describe(message: &Message, ui: &Ui) -> String {
    match message {
        Message::Storage(Notice::InMemory) => ui.storage_unavailable.to_owned(),
        Message::Storage(Notice::SetAside { backup, reason, .. }) => {
            let why = match reason {
                SetAsideReason::Unreadable(_) => ui.why_unreadable,
                SetAsideReason::Newer(_) => ui.why_newer,
                SetAsideReason::Mismatch => ui.why_mismatch,
            };
            fill(ui.set_aside, &[("why", why), ("key", backup)])
        }
        Message::Storage(Notice::LeftAlone { .. }) => ui.left_alone.to_owned(),
        Message::Storage(Notice::Restarted { .. }) => ui.restarted.to_owned(),
        Message::Storage(Notice::Pruned(n)) => fill(ui.pruned, &[("n", &n.to_string())]),
        Message::Storage(Notice::NotSaved) => ui.not_saved.to_owned(),
        Message::Imported(report) => fill(ui.imported, &[("n", &report.attempts.to_string())]),
        Message::ImportFailed(why) => fill(ui.import_failed, &[("why", why)]),
        Message::Deleted => ui.deleted.to_owned(),
        Message::Unloaded => ui.load_failed.to_owned(),
    }
}

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
                        <span>{describe(m, ui)}</span>
                        {(*m == Message::Unloaded).then(|| view! {
                            <button type="button" class="cq-retry" on:click=move |_| quiz.retry_hand_over()>
                                {ui.try_again}
                            </button>
                        })}
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
