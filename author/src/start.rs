//! The start screen: the drafts kept in this browser, and a new draft from a blank
//! template, a copy of a built-in, a file or pasted JSON.

use candor_core::builtin;
use candor_core::json::Value;
use candor_web::files::{self, BuiltinFetchError};
use leptos::prelude::*;

use crate::drafts;
use crate::form::focus_later;
use crate::page::{Page, parse};
use crate::spec::MODEL_KINDS;
use crate::text::fill;
use crate::tree::{self, Path};

/// The start screen.
pub(crate) fn start(page: Page) -> impl IntoView {
    let ui = page.ed.ui();
    let lang = page.ed.lang;
    let asking = RwSignal::new(None::<String>);
    let drafts_list = move || {
        let drafts = page.drafts.get();
        if drafts.is_empty() {
            return view! { <p>{ui.no_drafts}</p> }.into_any();
        }
        let rows = drafts
            .into_iter()
            .map(|d| {
                let open = {
                    let d = d.clone();
                    move |_| page.open_draft(&d)
                };
                let id = d.id.clone();
                let name = d.name.clone();
                let ask_id = id.clone();
                let confirm_row = {
                    let id = id.clone();
                    let name = name.clone();
                    move || {
                        (asking.get().as_deref() == Some(id.as_str())).then(|| {
                            let id = id.clone();
                            let name = name.clone();
                            let question = fill(ui.delete_ask, &[("name", &name)]);
                            let yes = move |_| {
                                let ok = drafts::delete(&id).is_ok();
                                page.unsaved.set(!ok);
                                page.drafts.set(drafts::load());
                                page.notice.set(fill(ui.deleted, &[("name", &name)]));
                                asking.set(None);
                                focus_later("start-notice".to_owned(), false);
                            };
                            let no = move |_| asking.set(None);
                            view! {
                                <p class="a-confirm">
                                    <span>{question}</span>
                                    <button type="button" id="delete-yes" on:click=yes>{ui.delete_yes}</button>
                                    <button type="button" on:click=no>{ui.delete_no}</button>
                                </p>
                            }
                        })
                    }
                };
                let saved = js_sys::Date::new(&d.saved.into())
                    .to_locale_string(lang.tag(), &wasm_bindgen::JsValue::UNDEFINED);
                view! {
                    <li class="a-draft" data-testid="draft">
                        <span class="a-draft-name">{name.clone()}</span>
                        <span class="a-meta">{fill(ui.saved_at, &[("time", &String::from(saved))])}</span>
                        <button type="button" on:click=open aria-label=format!("{} {name}", ui.open_draft)>{ui.open_draft}</button>
                        <button type="button" aria-label=format!("{} {name}", ui.delete_draft)
                            on:click=move |_| { asking.set(Some(ask_id.clone())); focus_later("delete-yes".to_owned(), false); }>
                            {ui.delete_draft}
                        </button>
                        {confirm_row}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="a-drafts">{rows}</ul> }.into_any()
    };
    let blanks = MODEL_KINDS
        .iter()
        .map(|(kind, words)| {
            let go = move |_| {
                // A blank template's texts are to be written in the page's language.
                let Some(Ok(mut doc)) = candor_core::templates::blank(kind).map(parse) else {
                    return;
                };
                let locale = Path::root().key("locale");
                tree::set(&mut doc, &locale, Some(Value::String(lang.tag().to_owned())));
                page.start(&doc);
            };
            view! { <li><button type="button" data-kind=*kind on:click=go>{words.get(lang)}</button></li> }
        })
        .collect_view();
    let chosen = RwSignal::new(builtin::ids().next().unwrap_or_default().to_owned());
    let builtins = builtin::ids()
        .map(|id| {
            let title = builtin::title_in(id, lang.tag()).unwrap_or(id);
            view! { <option value=id>{title}</option> }
        })
        .collect_view();
    // A built-in is copied from the file the widget serves it as; the page carries none.
    let copy = move |_| {
        let id = chosen.get_untracked();
        leptos::task::spawn_local(async move {
            let refuse = |detail: &str| {
                page.notice
                    .set(fill(ui.builtin_failed, &[("detail", detail)]));
                focus_later("start-notice".to_owned(), false);
            };
            let text = match files::fetch_builtin("", &id, lang.tag()).await {
                Ok(text) => text,
                Err(BuiltinFetchError::Fetch(why)) => return refuse(&why.to_string()),
                Err(BuiltinFetchError::Unknown | BuiltinFetchError::Stale) => {
                    return refuse(ui.builtin_stale);
                }
            };
            let Ok(mut doc) = parse(&text) else {
                return refuse(ui.builtin_stale);
            };
            // A copy of its own: another id (its results apart from the built-in's), and
            // no `$schema` path that only holds inside Candor's repository.
            tree::set(
                &mut doc,
                &Path::root().key("id"),
                Some(Value::String(format!("my-{id}"))),
            );
            tree::set(&mut doc, &Path::root().key("$schema"), None);
            page.start(&doc);
        });
    };
    let pasted = RwSignal::new(String::new());
    let open_text = move |text: String| match parse(&text) {
        Ok(doc) => page.start(&doc),
        Err(e) => {
            page.notice.set(fill(ui.import_refused, &[("detail", &e)]));
            focus_later("start-notice".to_owned(), false);
        }
    };
    let open_paste = move |_| open_text(pasted.get_untracked());
    let open_file = move |ev: leptos::ev::Event| {
        let Some(file) = files::chosen(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match files::text_of(file).await {
                Ok(text) => open_text(text),
                Err(why) => page
                    .notice
                    .set(fill(ui.import_refused, &[("detail", &why)])),
            }
        });
    };
    view! {
        <section class="a-start" aria-labelledby="start-title">
            <h2 id="start-title">{ui.start_title}</h2>
            <p class="a-notice" id="start-notice" tabindex="-1" role="status">{move || page.notice.get()}</p>
            <section aria-labelledby="drafts-title">
                <h3 id="drafts-title">{ui.drafts_title}</h3>
                {drafts_list}
            </section>
            <section aria-labelledby="blank-title">
                <h3 id="blank-title">{ui.blank_title}</h3>
                <p>{ui.blank_help}</p>
                <ul class="a-choices">{blanks}</ul>
            </section>
            <section aria-labelledby="copy-title">
                <h3 id="copy-title">{ui.copy_title}</h3>
                <p>{ui.copy_help}</p>
                <label for="builtin">{ui.copy_title}</label>
                <select id="builtin" on:change=move |ev| chosen.set(event_target_value(&ev))>{builtins}</select>
                <button type="button" id="copy-builtin" on:click=copy>{ui.copy_button}</button>
            </section>
            <section aria-labelledby="import-title">
                <h3 id="import-title">{ui.import_title}</h3>
                <p>{ui.import_help}</p>
                <label for="import-file">{ui.import_file}</label>
                <input id="import-file" type="file" accept=".json,application/json" on:change=open_file/>
                <label for="import-paste">{ui.import_paste}</label>
                <textarea id="import-paste" rows="4" prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <button type="button" id="import-paste-open" on:click=open_paste>{ui.import_button}</button>
            </section>
        </section>
    }
}
