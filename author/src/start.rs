//! The start screen: the drafts kept in this browser, and a new draft from a blank
//! template, a copy of a built-in, a file or pasted JSON.

use std::rc::Rc;

use candor_core::builtin;
use candor_core::json::Value;
use candor_view::node::{Node, el};
use candor_web::dom::value_of;
use candor_web::files::{self, BuiltinFetchError};

use crate::drafts;
use crate::form::Focus;
use crate::page::{Act, Page, State, button, listed, parse};
use crate::spec::MODEL_KINDS;
use crate::text::fill;
use crate::tree::{self, Path};

/// The start screen.
pub(crate) fn view(state: &State, acts: &mut Vec<Act>) -> Node {
    let ui = state.ui();
    let lang = state.lang();
    let drafts_list = if state.drafts.is_empty() {
        el("p", "").text(ui.no_drafts)
    } else {
        let rows = state.drafts.iter().map(|d| {
            let saved = js_sys::Date::new(&d.saved.into())
                .to_locale_string(lang.tag(), &wasm_bindgen::JsValue::UNDEFINED);
            let open = button(acts, Act::Open(d.id.clone()), ui.open_draft)
                .attr("aria-label", &format!("{} {}", ui.open_draft, d.name));
            let delete = button(acts, Act::AskDelete(d.id.clone()), ui.delete_draft)
                .attr("aria-label", &format!("{} {}", ui.delete_draft, d.name));
            let confirm = (state.asking.as_deref() == Some(d.id.as_str())).then(|| {
                let yes = button(
                    acts,
                    Act::Delete(d.id.clone(), d.name.clone()),
                    ui.delete_yes,
                )
                .attr("id", "delete-yes");
                el("p", "a-confirm")
                    .child(el("span", "").text(&fill(ui.delete_ask, &[("name", &d.name)])))
                    .child(yes)
                    .child(button(acts, Act::Keep, ui.delete_no))
            });
            el("li", "a-draft")
                .attr("data-testid", "draft")
                .child(el("span", "a-draft-name").text(&d.name))
                .child(
                    el("span", "a-meta")
                        .text(&fill(ui.saved_at, &[("time", &String::from(saved))])),
                )
                .child(open)
                .child(delete)
                .maybe(confirm)
        });
        el("ul", "a-drafts").children(rows.collect::<Vec<_>>())
    };
    let blanks: Vec<Node> = MODEL_KINDS
        .iter()
        .map(|(kind, words)| {
            el("li", "")
                .child(button(acts, Act::Blank(kind), words.get(lang)).attr("data-kind", kind))
        })
        .collect();
    let builtins = builtin::ids().map(|id| {
        let title = builtin::title_in(id, lang.tag()).unwrap_or(id);
        el("option", "").attr("value", id).text(title)
    });
    let section = |id: &str, title: &str| {
        el("section", "")
            .attr("aria-labelledby", id)
            .child(el("h3", "").attr("id", id).text(title))
    };
    el("section", "a-start")
        .attr("aria-labelledby", "start-title")
        .child(el("h2", "").attr("id", "start-title").text(ui.start_title))
        .child(
            el("p", "a-notice")
                .attr("id", "start-notice")
                .attr("tabindex", "-1")
                .attr("role", "status")
                .text(&state.notice),
        )
        .child(section("drafts-title", ui.drafts_title).child(drafts_list))
        .child(
            section("blank-title", ui.blank_title)
                .child(el("p", "").text(ui.blank_help))
                .child(el("ul", "a-choices").children(blanks)),
        )
        .child(
            section("copy-title", ui.copy_title)
                .child(el("p", "").text(ui.copy_help))
                .child(el("label", "").attr("for", "builtin").text(ui.copy_title))
                .child(
                    el("select", "")
                        .attr("id", "builtin")
                        .attr("data-act", &listed(acts, Act::Choose))
                        .children(builtins)
                        .attr("value", &state.chosen),
                )
                .child(button(acts, Act::Copy, ui.copy_button).attr("id", "copy-builtin")),
        )
        .child(
            section("import-title", ui.import_title)
                .child(el("p", "").text(ui.import_help))
                .child(
                    el("label", "")
                        .attr("for", "import-file")
                        .text(ui.import_file),
                )
                .child(
                    el("input", "")
                        .attr("id", "import-file")
                        .attr("type", "file")
                        .attr("accept", ".json,application/json")
                        .attr("data-act", &listed(acts, Act::File)),
                )
                .child(
                    el("label", "")
                        .attr("for", "import-paste")
                        .text(ui.import_paste),
                )
                .child(
                    el("textarea", "")
                        .attr("id", "import-paste")
                        .attr("rows", "4")
                        .attr("data-act", &listed(acts, Act::Pasted))
                        .attr("value", &state.pasted),
                )
                .child(
                    button(acts, Act::OpenPasted, ui.import_button).attr("id", "import-paste-open"),
                ),
        )
}

/// Says on the start screen why nothing was opened.
fn refuse(state: &mut State, notice: String) -> Option<Focus> {
    state.notice = notice;
    Some(("start-notice".to_owned(), false))
}

/// Opens `text` as a new draft, or says why it cannot be read.
fn open_text(state: &mut State, text: &str) -> Option<Focus> {
    match parse(text) {
        Ok(doc) => Some(state.start(doc)),
        Err(e) => refuse(state, fill(state.ui().import_refused, &[("detail", &e)])),
    }
}

/// Does `act`, a control of the start screen, read from `control`.
pub(crate) fn act(state: &mut State, act: Act, control: &web_sys::Element) -> Option<Focus> {
    let ui = state.ui();
    match act {
        Act::Open(id) => {
            let draft = state.drafts.iter().find(|d| d.id == id).cloned()?;
            Some(state.open_draft(&draft))
        }
        Act::AskDelete(id) => {
            state.asking = Some(id);
            Some(("delete-yes".to_owned(), false))
        }
        Act::Delete(id, name) => {
            state.unsaved = drafts::delete(&id).is_err();
            state.drafts = drafts::load();
            state.asking = None;
            state.notice = fill(ui.deleted, &[("name", &name)]);
            Some(("start-notice".to_owned(), false))
        }
        Act::Keep => {
            state.asking = None;
            None
        }
        Act::Blank(kind) => {
            // A blank template's texts are to be written in the page's language.
            let Some(Ok(mut doc)) = candor_core::templates::blank(kind).map(parse) else {
                return None;
            };
            let locale = Path::root().key("locale");
            let tag = state.lang().tag().to_owned();
            tree::set(&mut doc, &locale, Some(Value::String(tag)));
            Some(state.start(doc))
        }
        Act::Choose => {
            state.chosen = value_of(control);
            None
        }
        Act::Pasted => {
            state.pasted = value_of(control);
            None
        }
        Act::OpenPasted => {
            let text = state.pasted.clone();
            open_text(state, &text)
        }
        _ => None,
    }
}

/// Copies the built-in chosen into a new draft, from the file the widget serves it as
/// (the page carries none).
pub(crate) fn copy_builtin(page: &Rc<Page>) {
    let page = Rc::clone(page);
    let (id, lang) = page.read(|s| (s.chosen.clone(), s.lang()));
    wasm_bindgen_futures::spawn_local(async move {
        let fetched = files::fetch_builtin("", &id, lang.tag()).await;
        page.update(|state| {
            let ui = state.ui();
            let text = match fetched {
                Ok(text) => text,
                Err(BuiltinFetchError::Fetch(why)) => {
                    return refuse(
                        state,
                        fill(ui.builtin_failed, &[("detail", &why.to_string())]),
                    );
                }
                Err(BuiltinFetchError::Unknown | BuiltinFetchError::Stale) => {
                    return refuse(
                        state,
                        fill(ui.builtin_failed, &[("detail", ui.builtin_stale)]),
                    );
                }
            };
            let Ok(mut doc) = parse(&text) else {
                return refuse(
                    state,
                    fill(ui.builtin_failed, &[("detail", ui.builtin_stale)]),
                );
            };
            // A copy of its own: another id (its results apart from the built-in's), and
            // no `$schema` path that only holds inside Candor's repository.
            tree::set(
                &mut doc,
                &Path::root().key("id"),
                Some(Value::String(format!("my-{id}"))),
            );
            tree::set(&mut doc, &Path::root().key("$schema"), None);
            Some(state.start(doc))
        });
    });
}

/// Opens the file chosen in the start screen's file input.
pub(crate) fn open_file(page: &Rc<Page>, event: &web_sys::Event) {
    let Some(file) = files::chosen(event) else {
        return;
    };
    let page = Rc::clone(page);
    wasm_bindgen_futures::spawn_local(async move {
        let read = files::text_of(file).await;
        page.update(|state| match read {
            Ok(text) => open_text(state, &text),
            Err(why) => {
                state.notice = fill(state.ui().import_refused, &[("detail", &why)]);
                None
            }
        });
    });
}
