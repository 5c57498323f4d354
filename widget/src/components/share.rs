//! Sharing a result without a server.
//!
//! * The result code, to copy or read aloud.
//! * A link that carries the code in the address's fragment (never sent to any server).
//! * A QR code of that link, for a phone across the room.

use candor_core::qr::Qr;
use candor_view::node::{Node, el};
use candor_web::files::copy;
use leptos::prelude::*;

use super::svg::{html_view, num, picture};
use crate::quiz::QuizCtx;
use crate::text::fill;

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
        move |_| {
            let text = text.clone();
            leptos::task::spawn_local(async move {
                let ok = copy(text).await;
                status.set(if ok { done } else { ui.copy_failed }.to_owned());
            });
        }
    };
    let tagged = session
        .map(|s| view! { <p class="cq-meta">{fill(ui.session_tagged, &[("session", &s)])}</p> });
    view! {
        <section class="cq-share" data-testid="share">
            <h3>{ui.share_title}</h3>
            <p>{ui.share_help}</p>
            {tagged}
            <div class="cq-code-row">
                <code class="cq-code" data-testid="code">{code.clone()}</code>
                <button type="button" data-testid="copy-code" on:click=copier(code.clone(), ui.copied_code)>{ui.copy_code}</button>
            </div>
            <label class="cq-link-label">
                <span>{ui.share_link}</span>
                <input class="cq-link" type="text" readonly value=link.clone() data-testid="share-link"/>
            </label>
            <button type="button" data-testid="copy-link" on:click=copier(link.clone(), ui.copied_link)>{ui.copy_link}</button>
            <p class="cq-status" role="status" aria-live="polite">{move || status.get()}</p>
            {qr_code(&link, ui.qr_alt).map(|qr| html_view(&qr))}
        </section>
    }
}
