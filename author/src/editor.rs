//! The editor: the draft's name, its problems and export, the form or the JSON view, the
//! preview and the snippets.

use std::rc::Rc;

use candor_core::json::Value;
use candor_view::node::{Node, el};
use candor_web::dom::value_of;
use candor_web::files;

use crate::export;
use crate::form::{self, Cx, Focus};
use crate::page::{Act, Page, State, Tab, base_url, button, listed, parse};
use crate::text::fill;

/// The editor of the open draft, and the preview it asks for: the definition (compact
/// JSON) and its locale, when it has no problem.
pub(crate) fn view(state: &mut State, acts: &mut Vec<Act>) -> (Node, Option<(String, String)>) {
    let ui = state.ui();
    let problems = crate::problems::check(&state.ed.doc, state.lang());
    let syntax = state
        .ed
        .json_raw
        .as_deref()
        .and_then(|raw| parse(raw).err());
    let ready = syntax.is_none() && problems.is_empty();
    let summary = match problems.len() + usize::from(syntax.is_some()) {
        0 => ui.no_problems.to_owned(),
        1 => ui.problem_one.to_owned(),
        n => fill(ui.problems_count, &[("count", &n.to_string())]),
    };
    let syntax_item = syntax.map(|detail| {
        el("li", "").child(
            el("a", "")
                .attr("href", "#json")
                .attr("data-act", &listed(acts, Act::GoToJson))
                .text(&fill(ui.json_syntax, &[("detail", &detail)])),
        )
    });
    let items: Vec<Node> = problems
        .iter()
        .map(|p| {
            let words = if p.trail.is_empty() {
                p.message.clone()
            } else {
                fill(ui.problem_at, &[("where", &p.trail), ("what", &p.message)])
            };
            el("li", "")
                .child(
                    el("a", "")
                        .attr("href", &format!("#{}", p.anchor.dom_id()))
                        .attr("data-act", &listed(acts, Act::GoTo(p.anchor.clone())))
                        .text(&words),
                )
                .text(" ")
                .child(el("code", "a-path").text(&p.path))
        })
        .collect();
    let tab = state.tab;
    let tab_button = |acts: &mut Vec<Act>, id: &str, which: Tab, words: &str| {
        button(acts, Act::Tab(which), words)
            .attr("id", id)
            .attr("aria-pressed", if tab == which { "true" } else { "false" })
    };
    let tabs = el("div", "a-tabs")
        .attr("role", "group")
        .child(tab_button(acts, "tab-form", Tab::Form, ui.tab_form))
        .child(tab_button(acts, "tab-json", Tab::Json, ui.tab_json));
    let body = match tab {
        Tab::Form => form::form(&mut Cx {
            ed: &mut state.ed,
            problems: &problems,
            acts: &mut *acts,
        }),
        Tab::Json => {
            let text = match &state.ed.json_raw {
                Some(raw) => raw.clone(),
                None => export::file_text(&state.ed.doc),
            };
            el("div", "a-field a-json")
                .child(el("label", "").attr("for", "json").text(ui.json_label))
                .child(el("p", "a-hint").attr("id", "json-hint").text(ui.json_help))
                .child(
                    el("textarea", "")
                        .attr("id", "json")
                        .attr("rows", "30")
                        .attr("spellcheck", "false")
                        .attr("aria-describedby", "json-hint")
                        .attr("data-act", &listed(acts, Act::Json))
                        .attr("value", &text),
                )
        }
    };
    let note = if ready {
        state.exported.as_str()
    } else {
        ui.export_blocked
    };
    let export = button(acts, Act::Export, ui.export_button)
        .attr("id", "export")
        .flag("disabled", !ready)
        .attr("aria-describedby", "export-note");
    let preview = el("aside", "a-preview")
        .attr("aria-labelledby", "preview-title")
        .child(
            el("h2", "")
                .attr("id", "preview-title")
                .text(ui.preview_title),
        )
        .child(el("p", "a-hint").text(if ready {
            ui.preview_help
        } else {
            ui.preview_blocked
        }))
        .child(
            button(acts, Act::Restart, ui.preview_restart)
                .attr("id", "preview-restart")
                .flag("disabled", !ready),
        )
        // Its widget is the preview's own: the page never draws into it.
        .child(el("div", "a-phone").attr("data-testid", "preview"));
    let tree = el("div", "a-editor")
        .child(
            el("div", "a-toolbar")
                .child(button(acts, Act::Back, ui.back).attr("id", "back"))
                .child(
                    el("label", "")
                        .attr("for", "draft-name")
                        .text(ui.draft_name),
                )
                .child(
                    el("input", "")
                        .attr("id", "draft-name")
                        .attr("type", "text")
                        .attr("data-act", &listed(acts, Act::Name))
                        .attr("value", &state.name),
                ),
        )
        .child(
            el("p", "a-alert")
                .attr("role", "alert")
                .text(if state.unsaved { ui.not_saved } else { "" }),
        )
        .child(
            el("section", "a-problems")
                .attr("aria-labelledby", "problems-title")
                .child(
                    el("h2", "")
                        .attr("id", "problems-title")
                        .text(ui.problems_title),
                )
                .child(
                    el("p", "")
                        .attr("id", "problems-summary")
                        .attr("role", "status")
                        .attr("data-testid", "problems-summary")
                        .text(&summary),
                )
                .child(
                    el("ol", "a-problem-list")
                        .attr("data-testid", "problems")
                        .maybe(syntax_item)
                        .children(items),
                )
                .child(export)
                .child(el("p", "a-hint").attr("id", "export-note").text(note)),
        )
        .child(
            el("div", "a-work")
                .child(
                    el("section", "a-edit")
                        .attr("aria-label", ui.title)
                        .child(tabs)
                        .child(
                            el("p", "a-status")
                                .attr("role", "status")
                                .attr("aria-live", "polite")
                                .text(&state.ed.status),
                        )
                        .child(body),
                )
                .child(preview),
        )
        .child(snippets(state, ready, acts));
    let wanted = ready.then(|| {
        let doc = &state.ed.doc;
        let locale = doc
            .get("locale")
            .and_then(Value::as_str)
            .unwrap_or("en")
            .to_owned();
        (export::compact(doc), locale)
    });
    (tree, wanted)
}

/// The snippets, in the order shown: the id of each and what writes it.
const SNIPPETS: [(&str, export::Snippet); 3] = [
    ("snippet-inline", export::inline_snippet),
    ("snippet-src", export::src_snippet),
    ("snippet-iframe", export::iframe_snippet),
];

/// The snippets that put the instrument on a page, once it has no problem. They show as
/// last written ([`State::snippets`]): the page writes them again once typing pauses, with
/// the preview, and Copy writes the one it copies afresh.
fn snippets(state: &mut State, ready: bool, acts: &mut Vec<Act>) -> Node {
    let ui = state.ui();
    let section = el("section", "a-snippets")
        .attr("aria-labelledby", "snippets-title")
        .child(
            el("h2", "")
                .attr("id", "snippets-title")
                .text(ui.snippets_title),
        );
    if !ready {
        state.snippets = None;
        return section;
    }
    let file = export::file_name(&state.ed.doc);
    let texts = state.snippets.get_or_insert_with(|| {
        let base = base_url();
        SNIPPETS.map(|(_, make)| make(&base, &state.ed.doc))
    });
    let titles = [
        (ui.snippet_inline, None),
        (
            ui.snippet_src,
            Some(fill(ui.snippet_src_help, &[("file", &file)])),
        ),
        (
            ui.snippet_iframe,
            Some(fill(ui.snippet_iframe_help, &[("file", &file)])),
        ),
    ];
    let blocks: Vec<Node> = SNIPPETS
        .iter()
        .zip(titles)
        .zip(texts.iter())
        .map(|(((id, make), (title, help)), text)| {
            el("div", "a-snippet")
                .child(el("label", "").attr("for", id).text(title))
                .maybe(help.map(|h| el("p", "a-hint").text(&h)))
                .child(
                    el("textarea", "")
                        .attr("id", id)
                        .attr("readonly", "")
                        .attr("rows", "4")
                        .attr("value", text),
                )
                .child(
                    button(acts, Act::CopySnippet(*make), ui.copy_snippet)
                        .attr("id", &format!("{id}-copy")),
                )
        })
        .collect();
    section
        .child(el("p", "").text(ui.snippets_help))
        .children(blocks)
        .child(
            el("p", "a-status")
                .attr("role", "status")
                .text(&state.copied),
        )
}

/// Does `act`, a control of the editor, read from `control`.
pub(crate) fn act(state: &mut State, act: Act, control: &web_sys::Element) -> Option<Focus> {
    let ui = state.ui();
    match act {
        Act::Back => {
            state.close();
            None
        }
        Act::Name => {
            state.name = value_of(control);
            None
        }
        Act::Tab(tab) => {
            // The JSON view shows the tree again, unless its own text cannot be read.
            let readable = state
                .ed
                .json_raw
                .as_deref()
                .is_none_or(|r| parse(r).is_ok());
            if tab == Tab::Json && readable {
                state.ed.json_raw = None;
            }
            state.tab = tab;
            None
        }
        Act::Json => {
            let text = value_of(control);
            if let Ok(doc) = parse(&text) {
                state.ed.doc = doc;
            }
            state.ed.json_raw = Some(text);
            None
        }
        Act::GoTo(anchor) => {
            state.tab = Tab::Form;
            Some((anchor.dom_id(), false))
        }
        Act::GoToJson => {
            state.tab = Tab::Json;
            Some(("json".to_owned(), false))
        }
        Act::Export => {
            let doc = &state.ed.doc;
            let ready = state
                .ed
                .json_raw
                .as_deref()
                .is_none_or(|r| parse(r).is_ok())
                && crate::problems::check(doc, state.lang()).is_empty();
            if !ready {
                return None;
            }
            let (text, name) = (export::file_text(doc), export::file_name(doc));
            if files::download(&name, &text, "application/json").is_ok() {
                state.exported = fill(ui.exported, &[("file", &name)]);
            }
            None
        }
        _ => None,
    }
}

/// Copies the snippet `make` writes to the clipboard, and says whether it was.
pub(crate) fn copy_snippet(page: &Rc<Page>, make: export::Snippet) {
    let text = page.read(|s| make(&base_url(), &s.ed.doc));
    let page = Rc::clone(page);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = files::copy(text).await;
        page.update(|state| {
            let ui = state.ui();
            state.copied = (if ok { ui.copied } else { ui.copy_failed }).to_owned();
            None
        });
    });
}
