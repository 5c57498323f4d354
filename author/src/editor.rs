//! The editor: the draft's name, its problems and export, the form or the JSON view, the
//! preview and the snippets.

use std::time::Duration;

use candor_core::json::Value;
use candor_web::files;
use leptos::html;
use leptos::prelude::*;

use crate::export;
use crate::form::{self, focus_later};
use crate::page::{Page, Tab, base_url, parse};
use crate::preview;
use crate::text::fill;
use crate::tree::Path;

/// The editor of the open draft.
pub(crate) fn editor(page: Page) -> impl IntoView {
    let ed = page.ed;
    let ui = ed.ui();
    let syntax = Memo::new(move |_| {
        ed.json_raw
            .with(|raw| raw.as_deref().and_then(|r| parse(r).err()))
    });
    let ready = Memo::new(move |_| syntax.get().is_none() && ed.problems.with(Vec::is_empty));
    let summary = move || {
        let n = ed.problems.with(Vec::len) + usize::from(syntax.get().is_some());
        match n {
            0 => ui.no_problems.to_owned(),
            1 => ui.problem_one.to_owned(),
            n => fill(ui.problems_count, &[("count", &n.to_string())]),
        }
    };
    let go_to = move |anchor: Path| {
        page.tab.set(Tab::Form);
        focus_later(anchor.dom_id(), false);
    };
    let problem_list = move || {
        let syntax_item = syntax.get().map(|detail| {
            view! {
                <li><a href="#json" on:click=move |ev| { ev.prevent_default(); page.tab.set(Tab::Json); focus_later("json".to_owned(), false); }>
                    {fill(ui.json_syntax, &[("detail", &detail)])}
                </a></li>
            }
        });
        let items = ed
            .problems
            .get()
            .into_iter()
            .map(|p| {
                let anchor = p.anchor.clone();
                let href = format!("#{}", p.anchor.dom_id());
                view! {
                    <li>
                        <a href=href on:click=move |ev| { ev.prevent_default(); go_to(anchor.clone()); }>
                            {if p.trail.is_empty() { p.message } else { fill(ui.problem_at, &[("where", &p.trail), ("what", &p.message)]) }}
                        </a>
                        " " <code class="a-path">{p.path}</code>
                    </li>
                }
            })
            .collect_view();
        view! { {syntax_item} {items} }
    };
    let exported = RwSignal::new(String::new());
    let export_file = move |_| {
        if !ready.get_untracked() {
            return;
        }
        let (text, name) = ed
            .doc
            .with_untracked(|d| (export::file_text(d), export::file_name(d)));
        if files::download(&name, &text, "application/json").is_ok() {
            exported.set(fill(ui.exported, &[("file", &name)]));
        }
    };
    let name_input = move |ev: leptos::ev::Event| page.name.set(event_target_value(&ev));
    let json_text = move || match ed.json_raw.get() {
        Some(raw) => raw,
        None => ed.doc.with(export::file_text),
    };
    let json_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if let Ok(doc) = parse(&text) {
            ed.doc.set(doc);
        }
        ed.json_raw.set(Some(text));
    };
    let show_tab = move |tab: Tab| {
        move |_| {
            if tab == Tab::Json && syntax.get_untracked().is_none() {
                ed.json_raw.set(None);
            }
            page.tab.set(tab);
        }
    };
    let body = move || match page.tab.get() {
        Tab::Form => form::form(ed).into_any(),
        Tab::Json => view! {
            <div class="a-field a-json">
                <label for="json">{ui.json_label}</label>
                <p class="a-hint" id="json-hint">{ui.json_help}</p>
                <textarea id="json" rows="30" spellcheck="false" aria-describedby="json-hint"
                    prop:value=json_text on:input=json_input></textarea>
            </div>
        }
        .into_any(),
    };
    view! {
        <div class="a-editor">
            <div class="a-toolbar">
                <button type="button" id="back" on:click=move |_| page.close()>{ui.back}</button>
                <label for="draft-name">{ui.draft_name}</label>
                <input id="draft-name" type="text" prop:value=move || page.name.get() on:input=name_input/>
            </div>
            <p class="a-alert" role="alert">{move || page.unsaved.get().then_some(ui.not_saved)}</p>
            <section class="a-problems" aria-labelledby="problems-title">
                <h2 id="problems-title">{ui.problems_title}</h2>
                <p id="problems-summary" role="status" data-testid="problems-summary">{summary}</p>
                <ol class="a-problem-list" data-testid="problems">{problem_list}</ol>
                <button type="button" id="export" on:click=export_file disabled=move || !ready.get()
                    aria-describedby="export-note">{ui.export_button}</button>
                <p class="a-hint" id="export-note">{move || if ready.get() { exported.get() } else { ui.export_blocked.to_owned() }}</p>
            </section>
            <div class="a-work">
                <section class="a-edit" aria-label=ui.title>
                    <div class="a-tabs" role="group">
                        <button type="button" id="tab-form" aria-pressed=move || (page.tab.get() == Tab::Form).to_string()
                            on:click=show_tab(Tab::Form)>{ui.tab_form}</button>
                        <button type="button" id="tab-json" aria-pressed=move || (page.tab.get() == Tab::Json).to_string()
                            on:click=show_tab(Tab::Json)>{ui.tab_json}</button>
                    </div>
                    <p class="a-status" role="status" aria-live="polite">{move || ed.status.get()}</p>
                    {body}
                </section>
                {preview_panel(page, ready)}
            </div>
            {snippets(page, ready)}
        </div>
    }
}

fn preview_panel(page: Page, ready: Memo<bool>) -> impl IntoView {
    let ed = page.ed;
    let ui = ed.ui();
    let holder = NodeRef::<html::Div>::new();
    let definition = Memo::new(move |_| {
        ready.get().then(|| {
            ed.doc.with(|d| {
                let locale = d
                    .get("locale")
                    .and_then(Value::as_str)
                    .unwrap_or("en")
                    .to_owned();
                (export::compact(d), locale)
            })
        })
    });
    let generation = StoredValue::new(0u64);
    let show_now = move || {
        if let (Some(el), Some((json, locale))) =
            (holder.get_untracked(), definition.get_untracked())
        {
            let _ = preview::show(&el, &json, &locale);
        }
    };
    Effect::new(move |_| {
        let current = definition.get();
        let Some(el) = holder.get() else {
            return;
        };
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        if current.is_none() {
            preview::clear(&el);
            return;
        }
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    show_now();
                }
            },
            Duration::from_millis(400),
        );
    });
    view! {
        <aside class="a-preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{ui.preview_title}</h2>
            <p class="a-hint">{move || if ready.get() { ui.preview_help } else { ui.preview_blocked }}</p>
            <button type="button" id="preview-restart" disabled=move || !ready.get()
                on:click=move |_| show_now()>{ui.preview_restart}</button>
            <div class="a-phone" node_ref=holder data-testid="preview"></div>
        </aside>
    }
}

fn snippets(page: Page, ready: Memo<bool>) -> impl IntoView {
    let ed = page.ed;
    let ui = ed.ui();
    let base = base_url();
    let status = RwSignal::new(String::new());
    let block = move |id: &'static str,
                      title: &'static str,
                      help: Option<String>,
                      make: fn(&str, &Value) -> String| {
        let base = base.clone();
        let text = Memo::new(move |_| ed.doc.with(|d| make(&base, d)));
        let copy = move |_| {
            let value = text.get_untracked();
            leptos::task::spawn_local(async move {
                let ok = files::copy(value).await;
                status.set(if ok { ui.copied } else { ui.copy_failed }.to_owned());
            });
        };
        view! {
            <div class="a-snippet">
                <label for=id>{title}</label>
                {help.map(|h| view! { <p class="a-hint">{h}</p> })}
                <textarea id=id readonly rows="4" prop:value=move || text.get()></textarea>
                <button type="button" id=format!("{id}-copy") on:click=copy>{ui.copy_snippet}</button>
            </div>
        }
    };
    let body = move || {
        ready.get().then(|| {
            let file = ed.doc.with_untracked(export::file_name);
            view! {
                <p>{ui.snippets_help}</p>
                {block("snippet-inline", ui.snippet_inline, None, export::inline_snippet)}
                {block("snippet-src", ui.snippet_src, Some(fill(ui.snippet_src_help, &[("file", &file)])), export::src_snippet)}
                {block("snippet-iframe", ui.snippet_iframe, Some(fill(ui.snippet_iframe_help, &[("file", &file)])), export::iframe_snippet)}
                <p class="a-status" role="status">{move || status.get()}</p>
            }
        })
    };
    view! {
        <section class="a-snippets" aria-labelledby="snippets-title">
            <h2 id="snippets-title">{ui.snippets_title}</h2>
            {body}
        </section>
    }
}
