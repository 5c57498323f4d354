//! The form that edits a definition, drawn from [`crate::spec`] for every model.
//!
//! * The definition is one JSON tree in a signal ([`Editor::doc`]); each control reads
//!   the value at its path and writes it back on input, so the JSON view and the preview
//!   follow every keystroke.
//! * Lists redraw only when their length changes, so typing never loses focus.
//! * Each control carries the id of its path (`f-items-3-scale`): a problem shows beside
//!   it, and the problems list moves focus there.
//! * Lists are reordered with buttons (keyboard and touch alike); focus follows the
//!   element moved, and a polite status says where it went.

use candor_core::json::Value;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::problems::Problem;
use crate::spec::{self, Change, Element, Field, Ids, Kind, List};
use crate::text::{Lang, Ui, Words, fill};
use crate::tree::{self, Path};

/// What every control of the form shares.
#[derive(Clone, Copy)]
pub struct Editor {
    /// The definition.
    pub doc: RwSignal<Value>,
    /// The page's language.
    pub lang: Lang,
    /// The definition's problems.
    pub problems: Memo<Vec<Problem>>,
    /// The model's kind.
    pub kind: Memo<String>,
    /// The JSON view's own text, while it differs from the tree (`None`: the tree's).
    pub json_raw: RwSignal<Option<String>>,
    /// What a screen reader is told after a list changes.
    pub status: RwSignal<String>,
}

impl Editor {
    /// A form over `doc`.
    pub fn new(doc: RwSignal<Value>, lang: Lang) -> Self {
        Self {
            doc,
            lang,
            problems: Memo::new(move |_| doc.with(|d| crate::problems::check(d, lang))),
            kind: Memo::new(move |_| doc.with(spec::model_kind)),
            json_raw: RwSignal::new(None),
            status: RwSignal::new(String::new()),
        }
    }

    /// The page's words.
    pub fn ui(&self) -> &'static Ui {
        Ui::of(self.lang)
    }

    /// Changes the tree from the form: the JSON view shows the tree again.
    pub fn edit(&self, change: impl FnOnce(&mut Value)) {
        self.json_raw.set(None);
        self.doc.update(change);
    }

    /// Sets the value at `path` (`None` removes it).
    pub fn set(&self, path: &Path, value: Option<Value>) {
        self.edit(|d| {
            tree::set(d, path, value);
        });
    }

    fn value(&self, path: &Path) -> Memo<Option<Value>> {
        let doc = self.doc;
        let path = path.clone();
        Memo::new(move |_| doc.with(|d| tree::get(d, &path).cloned()))
    }
}

/// The form for the whole definition.
pub fn form(ed: Editor) -> impl IntoView {
    let root = Path::root();
    view! {
        <div class="a-form" id=root.dom_id() tabindex="-1">
            {problems_at(ed, &root)}
            {fields(ed, &root, spec::TOP)}
        </div>
    }
}

/// The fields of the object at `base`; the seldom needed ones under "More options", open
/// when one of them has a value.
fn fields(ed: Editor, base: &Path, fields: &'static [Field]) -> AnyView {
    let common = fields
        .iter()
        .filter(|f| !f.advanced)
        .map(|f| field(ed, base.key(f.key), f))
        .collect_view();
    let rare: Vec<&'static Field> = fields.iter().filter(|f| f.advanced).collect();
    let more = (!rare.is_empty()).then(|| {
        let used = ed.doc.with_untracked(|d| {
            rare.iter()
                .any(|f| tree::get(d, &base.key(f.key)).is_some())
        });
        // A problem in one of them opens them.
        let paths: Vec<Path> = rare.iter().map(|f| base.key(f.key)).collect();
        let troubled = Memo::new(move |_| {
            ed.problems.with(|ps| {
                ps.iter().any(|p| {
                    paths
                        .iter()
                        .any(|at| p.anchor.steps().starts_with(at.steps()))
                })
            })
        });
        let details = NodeRef::<leptos::html::Details>::new();
        Effect::new(move |_| {
            if troubled.get()
                && let Some(el) = details.get()
            {
                el.set_open(true);
            }
        });
        let inner = rare
            .into_iter()
            .map(|f| field(ed, base.key(f.key), f))
            .collect_view();
        view! {
            <details class="a-more" open=used node_ref=details>
                <summary>{ed.ui().more_options}</summary>
                {inner}
            </details>
        }
    });
    view! { {common} {more} }.into_any()
}

fn field(ed: Editor, path: Path, f: &'static Field) -> AnyView {
    let label = f.label.get(ed.lang).to_owned();
    match &f.kind {
        Kind::Text => text(ed, path, label, f.hint, f.optional, false),
        Kind::LongText => text(ed, path, label, f.hint, f.optional, true),
        Kind::Whole | Kind::Decimal => number(ed, path, label, f.hint, f.optional),
        Kind::Flag => flag(ed, path, label, f.hint),
        Kind::Choice(choices) => choice(ed, path, label, f.hint, choices),
        Kind::Ref(ids) => reference(ed, path, label, f.hint, *ids, f.optional),
        Kind::Group(inner) => group(ed, path, f, inner),
        Kind::List(list) => list_view(ed, path, f.label, f.hint, list, f.optional),
        Kind::Model => model(ed, path, label),
    }
}

/// The ids that describe a control: its hint and its problems.
fn described_by(path: &Path, hint: Option<Words>) -> String {
    let id = path.dom_id();
    match hint {
        Some(_) => format!("{id}-hint {id}-problems"),
        None => format!("{id}-problems"),
    }
}

fn hint_view(ed: Editor, path: &Path, hint: Option<Words>) -> Option<impl IntoView + use<>> {
    hint.map(
        |h| view! { <p class="a-hint" id=format!("{}-hint", path.dom_id())>{h.get(ed.lang)}</p> },
    )
}

/// Whether the field at `path` has problems.
fn invalid(ed: Editor, path: &Path) -> Memo<bool> {
    let at = path.clone();
    Memo::new(move |_| ed.problems.with(|ps| ps.iter().any(|p| p.anchor == at)))
}

/// The problems placed at `path`, listed under its field.
fn problems_at(ed: Editor, path: &Path) -> impl IntoView + use<> {
    let at = path.clone();
    let mine = Memo::new(move |_| {
        ed.problems.with(|ps| {
            ps.iter()
                .filter(|p| p.anchor == at)
                .map(|p| p.message.clone())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <ul class="a-field-problems" id=format!("{}-problems", path.dom_id())>
            {move || mine.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
        </ul>
    }
}

/// How a value shows in a text box.
fn shown(value: &Option<Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => crate::export::compact(other),
    }
}

fn text(
    ed: Editor,
    path: Path,
    label: String,
    hint: Option<Words>,
    optional: bool,
    long: bool,
) -> AnyView {
    let id = path.dom_id();
    let value = ed.value(&path);
    let bad = invalid(ed, &path);
    let described = described_by(&path, hint);
    let write = {
        let path = path.clone();
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            let new = (!(optional && text.is_empty())).then_some(Value::String(text));
            ed.set(&path, new);
        }
    };
    let control = if long {
        view! {
            <textarea id=id.clone() rows="2" aria-describedby=described data-path=path.to_string()
                aria-required=(!optional).to_string()
                aria-invalid=move || bad.get().to_string()
                prop:value=move || value.with(shown) on:input=write></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" aria-describedby=described data-path=path.to_string()
                aria-required=(!optional).to_string()
                aria-invalid=move || bad.get().to_string()
                prop:value=move || value.with(shown) on:input=write/>
        }
        .into_any()
    };
    view! {
        <div class="a-field">
            <label for=id>{label}</label>
            {hint_view(ed, &path, hint)}
            {control}
            {problems_at(ed, &path)}
        </div>
    }
    .into_any()
}

/// A number as typed: a number when it reads as one, else the text itself, so the core
/// names the problem and nothing typed is lost.
fn typed_number(text: &str) -> Value {
    match text.trim().parse::<f64>() {
        Ok(n) if n.is_finite() => Value::Number(n),
        _ => Value::String(text.to_owned()),
    }
}

fn number(ed: Editor, path: Path, label: String, hint: Option<Words>, optional: bool) -> AnyView {
    let id = path.dom_id();
    let value = ed.value(&path);
    let bad = invalid(ed, &path);
    let described = described_by(&path, hint);
    // What was typed last: "1.50" stays as typed while the tree holds 1.5.
    let typed = RwSignal::new(None::<String>);
    let write = {
        let path = path.clone();
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            typed.set(Some(text.clone()));
            let new = (!(optional && text.trim().is_empty())).then(|| typed_number(&text));
            ed.set(&path, new);
        }
    };
    let show = move || {
        let current = value.get();
        typed.with_untracked(|t| match t {
            Some(t)
                if current == Some(typed_number(t))
                    || (current.is_none() && t.trim().is_empty()) =>
            {
                t.clone()
            }
            _ => shown(&current),
        })
    };
    view! {
        <div class="a-field a-number">
            <label for=id.clone()>{label}</label>
            {hint_view(ed, &path, hint)}
            <input id=id type="text" inputmode="decimal" aria-describedby=described
                data-path=path.to_string() aria-required=(!optional).to_string()
                aria-invalid=move || bad.get().to_string()
                prop:value=show on:input=write/>
            {problems_at(ed, &path)}
        </div>
    }
    .into_any()
}

fn flag(ed: Editor, path: Path, label: String, hint: Option<Words>) -> AnyView {
    let id = path.dom_id();
    let value = ed.value(&path);
    let described = described_by(&path, hint);
    let write = {
        let path = path.clone();
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            ed.set(&path, on.then_some(Value::Bool(true)));
        }
    };
    view! {
        <div class="a-field a-flag">
            <input id=id.clone() type="checkbox" aria-describedby=described data-path=path.to_string()
                prop:checked=move || value.with(|v| matches!(v, Some(Value::Bool(true))))
                on:change=write/>
            <label for=id>{label}</label>
            {hint_view(ed, &path, hint)}
            {problems_at(ed, &path)}
        </div>
    }
    .into_any()
}

/// A `<select>` over `options` (value, label), with the current value kept as an option
/// even when it is not one of them (the core then names the problem).
fn select(
    ed: Editor,
    path: Path,
    label: String,
    hint: Option<Words>,
    options: Memo<Vec<(String, String)>>,
    optional: bool,
) -> AnyView {
    let id = path.dom_id();
    let value = ed.value(&path);
    let bad = invalid(ed, &path);
    let described = described_by(&path, hint);
    let ui = ed.ui();
    let write = {
        let path = path.clone();
        move |ev: leptos::ev::Event| {
            let chosen = event_target_value(&ev);
            let new = (!(optional && chosen.is_empty())).then_some(Value::String(chosen));
            ed.set(&path, new);
        }
    };
    let current = move || value.with(shown);
    let list = move || {
        let now = current();
        let mut all = options.get();
        if !now.is_empty() && !all.iter().any(|(v, _)| *v == now) {
            all.push((now.clone(), now.clone()));
        }
        let first = (optional || now.is_empty()).then(|| {
            let words = if optional { ui.none } else { ui.choose };
            view! { <option value="" selected=now.is_empty()>{words}</option> }
        });
        let rest = all
            .into_iter()
            .map(|(v, l)| {
                let selected = v == now;
                view! { <option value=v selected=selected>{l}</option> }
            })
            .collect_view();
        view! { {first} {rest} }
    };
    view! {
        <div class="a-field">
            <label for=id.clone()>{label}</label>
            {hint_view(ed, &path, hint)}
            <select id=id aria-describedby=described aria-invalid=move || bad.get().to_string()
                data-path=path.to_string() aria-required=(!optional).to_string()
                on:change=write>{list}</select>
            {problems_at(ed, &path)}
        </div>
    }
    .into_any()
}

fn choice(
    ed: Editor,
    path: Path,
    label: String,
    hint: Option<Words>,
    choices: &'static [(&'static str, Words)],
) -> AnyView {
    let lang = ed.lang;
    let options = Memo::new(move |_| {
        choices
            .iter()
            .map(|(v, w)| ((*v).to_owned(), w.get(lang).to_owned()))
            .collect()
    });
    select(ed, path, label, hint, options, false)
}

fn reference(
    ed: Editor,
    path: Path,
    label: String,
    hint: Option<Words>,
    ids: Ids,
    optional: bool,
) -> AnyView {
    let doc = ed.doc;
    let options = Memo::new(move |_| {
        doc.with(|d| ids.choices(d))
            .into_iter()
            .map(|(id, name)| {
                let label = name.map_or_else(|| id.clone(), |n| format!("{id} — {n}"));
                (id, label)
            })
            .collect()
    });
    select(ed, path, label, hint, options, optional)
}

fn group(ed: Editor, path: Path, f: &'static Field, inner: &'static [Field]) -> AnyView {
    let id = path.dom_id();
    let label = f.label.get(ed.lang);
    let present = {
        let doc = ed.doc;
        let path = path.clone();
        Memo::new(move |_| doc.with(|d| tree::get(d, &path).is_some()))
    };
    let include = f.optional.then(|| {
        let path = path.clone();
        let toggle = move |ev: leptos::ev::Event| {
            if event_target_checked(&ev) {
                let fresh = ed.doc.with_untracked(|d| spec::new_group(d, inner));
                ed.set(&path, Some(fresh));
            } else {
                let ask = fill(ed.ui().remove_group_ask, &[("what", label)]);
                if window().confirm_with_message(&ask).unwrap_or(false) {
                    ed.set(&path, None);
                } else if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                    input.set_checked(true);
                }
            }
        };
        let box_id = format!("{id}-include");
        view! {
            <div class="a-field a-flag">
                <input id=box_id.clone() type="checkbox" prop:checked=move || present.get() on:change=toggle/>
                <label for=box_id>{fill(ed.ui().include, &[("what", label)])}</label>
            </div>
        }
    });
    let body = {
        let path = path.clone();
        move || present.get().then(|| fields(ed, &path, inner))
    };
    view! {
        <fieldset class="a-group" id=id tabindex="-1">
            <legend>{label}</legend>
            {hint_view(ed, &path, f.hint)}
            {include}
            {problems_at(ed, &path)}
            {body}
        </fieldset>
    }
    .into_any()
}

fn model(ed: Editor, path: Path, label: String) -> AnyView {
    let kind = ed.kind;
    let lang = ed.lang;
    let named = move || {
        let k = kind.get();
        let name = spec::MODEL_KINDS
            .iter()
            .find(|(v, _)| *v == k)
            .map_or(k.clone(), |(_, w)| w.get(lang).to_owned());
        fill(ed.ui().model_kind, &[("kind", &name)])
    };
    let body = {
        let path = path.clone();
        move || fields(ed, &path, spec::model_fields(&kind.get()))
    };
    view! {
        <fieldset class="a-group a-model" id=path.dom_id() tabindex="-1">
            <legend>{label}</legend>
            <p class="a-kind">{named}</p>
            {problems_at(ed, &path)}
            {body}
        </fieldset>
    }
    .into_any()
}

/// Moves focus to the element with `id` (or the first control inside it) once the form has
/// been drawn again.
pub fn focus_later(id: String, inside: bool) {
    request_animation_frame(move || {
        let Some(el) = document().get_element_by_id(&id) else {
            return;
        };
        // A field under a closed "More options" is shown first.
        let mut closed = el.closest("details:not([open])").ok().flatten();
        while let Some(details) = closed {
            let _ = details.set_attribute("open", "");
            closed = details.closest("details:not([open])").ok().flatten();
        }
        let target = if inside {
            el.query_selector("input, textarea, select")
                .ok()
                .flatten()
                .unwrap_or(el)
        } else {
            el
        };
        if let Ok(el) = target.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    });
}

fn list_view(
    ed: Editor,
    path: Path,
    label: Words,
    hint: Option<Words>,
    list: &'static List,
    optional: bool,
) -> AnyView {
    let id = path.dom_id();
    let ui = ed.ui();
    let one = list.one.get(ed.lang);
    let len = {
        let doc = ed.doc;
        let path = path.clone();
        Memo::new(move |_| doc.with(|d| tree::len(d, &path)))
    };
    let add = {
        let path = path.clone();
        move |_| {
            let fresh = ed.doc.with_untracked(|d| spec::new_element(d, &path, list));
            let mut at = None;
            ed.edit(|d| {
                at = tree::push(d, &path, fresh);
                spec::follow(d, &path, Change::Added);
            });
            if let Some(at) = at {
                let name = fill(ui.row_title, &[("what", one), ("n", &(at + 1).to_string())]);
                ed.status.set(fill(ui.added, &[("what", &name)]));
                focus_later(path.index(at).dom_id(), true);
            }
        }
    };
    let rows = {
        let path = path.clone();
        move || {
            (0..len.get())
                .map(|i| row(ed, &path, i, list, len, optional))
                .collect_view()
        }
    };
    view! {
        <fieldset class="a-list" id=id.clone() tabindex="-1">
            <legend>{label.get(ed.lang)}</legend>
            {hint_view(ed, &path, hint)}
            {problems_at(ed, &path)}
            <ol class="a-rows">{rows}</ol>
            <button type="button" class="a-add" id=format!("{id}-add") on:click=add>
                {fill(ui.add, &[("what", &one.to_lowercase())])}
            </button>
        </fieldset>
    }
    .into_any()
}

fn row(
    ed: Editor,
    list_path: &Path,
    i: usize,
    list: &'static List,
    len: Memo<usize>,
    optional: bool,
) -> AnyView {
    let ui = ed.ui();
    let one = list.one.get(ed.lang);
    let path = list_path.index(i);
    let id = path.dom_id();
    let title = fill(ui.row_title, &[("what", one), ("n", &(i + 1).to_string())]);
    let moved = move |to: usize, button: &'static str| {
        let list_path = list_path.clone();
        move |_| {
            ed.edit(|d| {
                if tree::swap(d, &list_path, i, to) {
                    spec::follow(d, &list_path, Change::Swapped(i, to));
                }
            });
            let name = fill(ui.row_title, &[("what", one), ("n", &(i + 1).to_string())]);
            ed.status.set(fill(
                ui.moved,
                &[("what", &name), ("position", &(to + 1).to_string())],
            ));
            let last = len.get_untracked().saturating_sub(1);
            let button = match button {
                "up" if to == 0 => "down",
                "down" if to == last => "up",
                b => b,
            };
            focus_later(format!("{}-{button}", list_path.index(to).dom_id()), false);
        }
    };
    let remove = {
        let list_path = list_path.clone();
        let title = title.clone();
        move |_| {
            ed.edit(|d| {
                if tree::remove(d, &list_path, i) {
                    spec::follow(d, &list_path, Change::Removed(i));
                }
                if optional && tree::len(d, &list_path) == 0 {
                    tree::set(d, &list_path, None);
                }
            });
            ed.status.set(fill(ui.removed, &[("what", &title)]));
            let left = len.get_untracked();
            let next = if left == 0 {
                format!("{}-add", list_path.dom_id())
            } else {
                format!("{}-remove", list_path.index(i.min(left - 1)).dom_id())
            };
            focus_later(next, false);
        }
    };
    let body = match &list.of {
        Element::Object(inner) => fields(ed, &path, inner),
        Element::Item => {
            let path = path.clone();
            let kind = ed.kind;
            (move || fields(ed, &path, spec::item_fields(&kind.get()))).into_any()
        }
        Element::Text => text(ed, path.clone(), title.clone(), None, false, false),
        Element::Whole => number(ed, path.clone(), title.clone(), None, false),
        Element::Ref(ids) => reference(ed, path.clone(), title.clone(), None, *ids, false),
    };
    let up_label = fill(ui.move_up_named, &[("what", &title)]);
    let down_label = fill(ui.move_down_named, &[("what", &title)]);
    let remove_label = fill(ui.remove_named, &[("what", &title)]);
    // A row of one value is labelled by its control; a row of fields has a title and its
    // own problems.
    let whole = matches!(list.of, Element::Object(_) | Element::Item);
    let own_title = whole.then(|| view! { <span class="a-row-title">{title.clone()}</span> });
    let own_problems = whole.then(|| problems_at(ed, &path));
    let up = moved(i.saturating_sub(1), "up");
    let down = moved(i + 1, "down");
    view! {
        <li class="a-row" id=id.clone() tabindex="-1">
            <div class="a-row-head">
                {own_title}
                <span class="a-row-tools">
                    <button type="button" id=format!("{id}-up") aria-label=up_label
                        disabled=move || i == 0 on:click=up>{ui.move_up}</button>
                    <button type="button" id=format!("{id}-down") aria-label=down_label
                        disabled=move || { i + 1 >= len.get() } on:click=down>{ui.move_down}</button>
                    <button type="button" id=format!("{id}-remove") aria-label=remove_label
                        on:click=remove>{ui.remove}</button>
                </span>
            </div>
            {own_problems}
            {body}
        </li>
    }
    .into_any()
}
