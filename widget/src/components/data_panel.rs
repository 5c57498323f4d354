//! The reader's control over their data: when it was saved, export, import, delete.

use candor_core::vault::Saving;
use candor_web::files;
use leptos::prelude::*;

use crate::quiz::QuizCtx;

/// Export, import and delete, with a confirmation before deleting.
#[component]
pub fn DataPanel() -> impl IntoView {
    let quiz = expect_context::<QuizCtx>();
    let ui = quiz.ui;
    let confirming = RwSignal::new(false);
    let export = move |_| {
        if let Ok((name, text)) = quiz.export() {
            let _ = files::download(&name, &text, "application/json");
        }
    };
    let import = move |event: web_sys::Event| {
        let Some(file) = files::chosen(&event) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match files::text_of(file).await {
                Ok(text) => quiz.import(&text),
                Err(why) => quiz.import(&why),
            }
        });
    };
    let confirm = move || {
        confirming.get().then(|| {
            view! {
                <div class="cq-confirm" role="group" aria-label=ui.delete_title()>
                    <p>{ui.delete_question()}</p>
                    <div class="cq-actions">
                        <button type="button" class="cq-danger" data-testid="delete-confirm" on:click=move |_| {
                            confirming.set(false);
                            quiz.delete_all();
                        }>{ui.delete_confirm()}</button>
                        <button type="button" on:click=move |_| confirming.set(false)>{ui.cancel()}</button>
                    </div>
                </div>
            }
        })
    };
    let persistence = match quiz.saving() {
        Saving::Stored => ui.saved_here(),
        Saving::Full => ui.not_saved(),
        Saving::Refused => ui.storage_unavailable(),
    };
    view! {
        <section class="cq-data" data-testid="data">
            <h3>{ui.your_data()}</h3>
            <p class="cq-meta">{persistence}</p>
            <div class="cq-actions">
                <button type="button" data-testid="export" on:click=export>{ui.export()}</button>
                <label class="cq-file">
                    <input type="file" accept=".json,application/json" data-testid="import" on:change=import/>
                    <span>{ui.import()}</span>
                </label>
                <button type="button" data-testid="delete" on:click=move |_| confirming.set(true)>{ui.delete()}</button>
            </div>
            {confirm}
        </section>
    }
}
