//! The end of a rater's quiz: the code to send back to the person who asked.
//!
//! * The code holds the request and the answers, nothing about the rater.
//! * It can be copied, or scanned from its QR code on a phone across the table.
//! * Nothing is kept in this browser: the rater's quiz lives in memory.

use leptos::prelude::*;

use crate::components::{copy_and_say, html_view, qr_code};
use crate::text::{ReaderUi, fill};

/// The rater's code, with how to send it back to `name` (or "this person").
#[component]
pub fn RaterDone(
    /// The rater code.
    code: String,
    /// Who asked, as the link names them.
    name: String,
    /// The interface's words.
    ui: &'static ReaderUi,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let copied = code.clone();
    let copy_code = move |_| copy_and_say(copied.clone(), status, ui.copied_code(), ui);
    let named = |template: &str| fill(template, &[("name", &name)]);
    view! {
        <section class="cq-step cq-result cq-rater-done" data-testid="rater-done">
            <h2 class="cq-title" tabindex="-1" node_ref=heading data-testid="headline">{named(ui.rater_done_title())}</h2>
            <p>{named(ui.rater_done_help())}</p>
            <div class="cq-code-row">
                <code class="cq-code" data-testid="rater-code">{code.clone()}</code>
                <button type="button" data-testid="copy-code" on:click=copy_code>{ui.copy_code()}</button>
            </div>
            <p class="cq-status" role="status" aria-live="polite">{move || status.get()}</p>
            {qr_code(&code, ui.rater_qr_alt()).map(|qr| html_view(&qr))}
            <p class="cq-meta">{ui.rater_nothing_kept()}</p>
        </section>
    }
}
