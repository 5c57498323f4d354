//! The reader's control over their data: when it was saved, export, import, delete.

use candor_core::vault::Saving;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::quiz::QuizCtx;

/// Offers `text` (of MIME type `mime`) to the reader as a file download named `name`.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Export, import and delete, with a confirmation before deleting.
#[component]
pub fn DataPanel() -> impl IntoView {
    let quiz = expect_context::<QuizCtx>();
    let ui = quiz.ui;
    let confirming = RwSignal::new(false);
    let export = move |_| {
        if let Ok((name, text)) = quiz.export() {
            let _ = download(&name, &text, "application/json");
        }
    };
    let import = move |event: web_sys::Event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            match JsFuture::from(file.text()).await {
                Ok(text) => quiz.import(&text.as_string().unwrap_or_default()),
                Err(e) => quiz.import(&crate::json::describe(&e)),
            }
        });
    };
    let confirm = move || {
        confirming.get().then(|| {
            view! {
                <div class="cq-confirm" role="group" aria-label=ui.delete_title>
                    <p>{ui.delete_question}</p>
                    <div class="cq-actions">
                        <button type="button" class="cq-danger" data-testid="delete-confirm" on:click=move |_| {
                            confirming.set(false);
                            quiz.delete_all();
                        }>{ui.delete_confirm}</button>
                        <button type="button" on:click=move |_| confirming.set(false)>{ui.cancel}</button>
                    </div>
                </div>
            }
        })
    };
    let persistence = match quiz.saving() {
        Saving::Stored => ui.saved_here,
        Saving::Full => ui.not_saved,
        Saving::Refused => ui.storage_unavailable,
    };
    view! {
        <section class="cq-data" data-testid="data">
            <h3>{ui.your_data}</h3>
            <p class="cq-meta">{persistence}</p>
            <div class="cq-actions">
                <button type="button" data-testid="export" on:click=export>{ui.export}</button>
                <label class="cq-file">
                    <input type="file" accept=".json,application/json" data-testid="import" on:change=import/>
                    <span>{ui.import}</span>
                </label>
                <button type="button" data-testid="delete" on:click=move |_| confirming.set(true)>{ui.delete}</button>
            </div>
            {confirm}
        </section>
    }
}
