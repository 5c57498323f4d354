//! The authoring page: start a draft, edit it with the form or as JSON, see its problems,
//! try it in the preview, and leave with the file and the snippets.

use std::time::Duration;

use candor_core::builtin;
use candor_core::json::Value;
use candor_web::files;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::drafts::{self, Draft};
use crate::export;
use crate::form::{self, Editor, focus_later};
use crate::preview;
use crate::spec::MODEL_KINDS;
use crate::text::{Lang, fill};

/// Which view of the definition is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Form,
    Json,
}

/// The page's state.
#[derive(Clone, Copy)]
struct Page {
    ed: Editor,
    /// The id of the open draft (`None`: the start screen).
    open: RwSignal<Option<String>>,
    name: RwSignal<String>,
    drafts: RwSignal<Vec<Draft>>,
    tab: RwSignal<Tab>,
    /// The last save failed.
    unsaved: RwSignal<bool>,
    /// What the start screen has to say (an import refused, a draft deleted).
    notice: RwSignal<String>,
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn parse(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// The page's language, from `?lang=` or the browser's.
pub fn language() -> Lang {
    let query = window()
        .location()
        .search()
        .ok()
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get("lang"));
    let browser = window().navigator().language();
    Lang::pick(query.as_deref(), browser.as_deref())
}

/// The folder this page is served from, which holds Candor's files.
fn base_url() -> String {
    let href = window().location().href().unwrap_or_default();
    let path = href.split(['?', '#']).next().unwrap_or_default();
    match path.rfind('/') {
        Some(at) => path[..=at].to_owned(),
        None => String::new(),
    }
}

impl Page {
    /// Opens `text` as a new draft named `name`.
    fn start(&self, text: &str, name: Option<String>) {
        let id = drafts::fresh_id(&self.drafts.get_untracked(), now());
        let name = name.unwrap_or_else(|| self.ed.ui().untitled.to_owned());
        self.open_draft(&Draft {
            id,
            name,
            saved: now(),
            text: text.to_owned(),
        });
    }

    fn open_draft(&self, draft: &Draft) {
        match parse(&draft.text) {
            Ok(doc) => {
                self.ed.doc.set(doc);
                self.ed.json_raw.set(None);
                self.tab.set(Tab::Form);
            }
            Err(_) => {
                self.ed.doc.set(Value::Object(Vec::new()));
                self.ed.json_raw.set(Some(draft.text.clone()));
                self.tab.set(Tab::Json);
            }
        }
        self.name.set(draft.name.clone());
        self.notice.set(String::new());
        self.open.set(Some(draft.id.clone()));
        focus_later("draft-name".to_owned(), false);
    }

    fn close(&self) {
        self.open.set(None);
        drafts::remember_open(None);
        self.drafts.set(drafts::load());
    }

    /// Saves the open draft as it stands.
    fn save(&self) {
        let Some(id) = self.open.get() else {
            return;
        };
        let text = match self.ed.json_raw.get() {
            Some(raw) => raw,
            None => self.ed.doc.with(export::file_text),
        };
        let draft = Draft {
            id,
            name: self.name.get(),
            saved: now(),
            text,
        };
        self.unsaved.set(drafts::save(draft).is_err());
    }
}

/// Mounts the page into `root`.
pub fn mount(root: web_sys::HtmlElement) {
    leptos::mount::mount_to(root, App).forget();
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let lang = language();
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.tag());
    }
    let ed = Editor::new(RwSignal::new(Value::Object(Vec::new())), lang);
    let page = Page {
        ed,
        open: RwSignal::new(None),
        name: RwSignal::new(String::new()),
        drafts: RwSignal::new(drafts::load()),
        tab: RwSignal::new(Tab::Form),
        unsaved: RwSignal::new(false),
        notice: RwSignal::new(String::new()),
    };
    if let Some(draft) = drafts::last_open() {
        page.open_draft(&draft);
    }
    Effect::new(move |_| page.save());
    header(ed.ui());
    view! {
        {move || match page.open.get() {
            None => start(page).into_any(),
            Some(_) => editor(page).into_any(),
        }}
    }
}

/// Writes the page's header (static in `author.html`, so it paints before the bundle
/// runs) in the page's language.
fn header(ui: &'static crate::text::Ui) {
    let set = |id: &str, text: &str| {
        if let Some(el) = document().get_element_by_id(id) {
            el.set_text_content(Some(text));
        }
    };
    set("page-title", ui.title);
    set("page-lead", ui.lead);
    set("page-language", ui.other_language);
    if let Some(link) = document().get_element_by_id("page-language") {
        let tag = ui.other_language_tag;
        let _ = link.set_attribute("href", &format!("?lang={tag}"));
        let _ = link.set_attribute("hreflang", tag);
        let _ = link.set_attribute("lang", tag);
    }
    document().set_title(&format!("Candor — {}", ui.title.to_lowercase()));
}

fn start(page: Page) -> impl IntoView {
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
                let locale = crate::tree::Path::root().key("locale");
                crate::tree::set(&mut doc, &locale, Some(Value::String(lang.tag().to_owned())));
                page.start(&export::file_text(&doc), None);
            };
            view! { <li><button type="button" data-kind=*kind on:click=go>{words.get(lang)}</button></li> }
        })
        .collect_view();
    let chosen = RwSignal::new(builtin::ids().next().unwrap_or_default().to_owned());
    let builtins = builtin::ids()
        .map(|id| {
            let title = builtin::load_in(id, lang.tag(), parse)
                .map(|i| i.title().to_owned())
                .unwrap_or_else(|_| id.to_owned());
            view! { <option value=id>{title}</option> }
        })
        .collect_view();
    let copy = move |_| {
        let id = chosen.get_untracked();
        let Some(text) = builtin::source_in(&id, lang.tag()) else {
            return;
        };
        let Ok(mut doc) = parse(text) else {
            return;
        };
        crate::tree::set(
            &mut doc,
            &crate::tree::Path::root().key("id"),
            Some(Value::String(format!("my-{id}"))),
        );
        let title = doc.get("title").and_then(Value::as_str).map(str::to_owned);
        page.start(&export::file_text(&doc), title);
    };
    let pasted = RwSignal::new(String::new());
    let open_text = move |text: String| match parse(&text) {
        Ok(doc) => {
            let title = doc
                .get("title")
                .and_then(Value::as_str)
                .filter(|t| !t.is_empty())
                .map(str::to_owned);
            page.start(&export::file_text(&doc), title);
        }
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

fn editor(page: Page) -> impl IntoView {
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
    let go_to = move |anchor: String| {
        page.tab.set(Tab::Form);
        let id = crate::tree::Path::root().dom_id();
        let target = if anchor.is_empty() {
            id
        } else {
            format!("{id}-{}", anchor_id(&anchor))
        };
        focus_later(target, false);
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
                let href = format!("#{}", crate::tree::Path::root().dom_id());
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

/// The DOM id of the control at a problem's anchor (`items[3].scale` → `items-3-scale`).
fn anchor_id(anchor: &str) -> String {
    anchor
        .replace("].", "-")
        .replace(['[', '.'], "-")
        .replace(']', "")
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
                let clipboard = window().navigator().clipboard();
                let ok = JsFuture::from(clipboard.write_text(&value)).await.is_ok();
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
