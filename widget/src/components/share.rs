//! Sharing a result without a server.
//!
//! * The result code, to copy or read aloud.
//! * A link that carries the code in the address's fragment (never sent to any server).
//! * A QR code of that link, for a phone across the room.

use candor_web::files::copy;
use leptos::prelude::*;

use super::qr::qr_code;
use super::svg::html_view;
use crate::quiz::QuizCtx;
use crate::text::{ReaderUi, fill};

/// The code, the link and the QR code of one result, each easy to copy.
#[component]
pub fn SharePanel(
    /// The result code.
    code: String,
    /// The share link.
    link: String,
    /// The session tag the code carries, if any.
    session: Option<String>,
) -> impl IntoView {
    let ui = expect_context::<QuizCtx>().ui;
    let status = RwSignal::new(String::new());
    let copier = move |text: String, done: &'static str| {
        move |_| copy_and_say(text.clone(), status, done, ui)
    };
    let tagged = session
        .map(|s| view! { <p class="cq-meta">{fill(ui.session_tagged(), &[("session", &s)])}</p> });
    view! {
        <section class="cq-share" data-testid="share">
            <h3>{ui.share_title()}</h3>
            <p>{ui.share_help()}</p>
            {tagged}
            <div class="cq-code-row">
                <code class="cq-code" data-testid="code">{code.clone()}</code>
                <button type="button" data-testid="copy-code" on:click=copier(code.clone(), ui.copied_code())>{ui.copy_code()}</button>
            </div>
            <label class="cq-link-label">
                <span>{ui.share_link()}</span>
                <input class="cq-link" type="text" readonly value=link.clone() data-testid="share-link"/>
            </label>
            <button type="button" data-testid="copy-link" on:click=copier(link.clone(), ui.copied_link())>{ui.copy_link()}</button>
            <p class="cq-status" role="status" aria-live="polite">{move || status.get()}</p>
            {qr_code(&link, ui.qr_alt()).map(|qr| html_view(&qr))}
        </section>
    }
}

/// Copies `text` to the clipboard, then says in `status` whether it did: `done`, or that
/// copying is not allowed here.
pub fn copy_and_say(
    text: String,
    status: RwSignal<String>,
    done: &'static str,
    ui: &'static ReaderUi,
) {
    leptos::task::spawn_local(async move {
        let ok = copy(text).await;
        status.set(if ok { done } else { ui.copy_failed() }.to_owned());
    });
}
