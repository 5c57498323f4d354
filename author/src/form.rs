//! The form that edits a definition, drawn from [`crate::spec`] for every model.
//!
//! * The definition is one JSON tree ([`Editor::doc`]). The form is a `candor-view` tree
//!   drawn from it; each control says what it does ([`Act`]), and what it does changes the
//!   tree, after which the page draws the form again in place. The JSON view and the
//!   preview follow every keystroke.
//! * Drawn in place, a control keeps its focus and caret while it is typed in.
//! * Each control carries the id of its path (`f-items-3-scale`): a problem shows beside
//!   it, and the problems list moves focus there.
//! * Lists are reordered with buttons (keyboard and touch alike); focus follows the
//!   element moved, and a polite status says where it went.

use candor_core::json::Value;
use candor_view::node::{Node, el};
use candor_web::dom::value_of;
use wasm_bindgen::JsCast;

use crate::problems::Problem;
use crate::spec::{self, Change, Element, Field, Ids, Kind, List};
use crate::text::{Lang, Ui, Words, fill};
use crate::tree::{self, Path};

/// The definition being edited, and what the form keeps beside it.
pub struct Editor {
    /// The definition.
    pub doc: Value,
    /// The page's language.
    pub lang: Lang,
    /// The JSON view's own text, while it differs from the tree (`None`: the tree's).
    pub json_raw: Option<String>,
    /// What a screen reader is told after a list changes.
    pub status: String,
    /// What was typed last in number boxes: "1.50" stays as typed while the tree holds 1.5.
    typed: Vec<(Path, String)>,
    /// The groups of seldom needed fields shown open: once open, the form keeps them so.
    opened: Vec<Path>,
}

/// What a control of the form does. `path` is where the value it edits sits; `list`, the
/// list whose element it adds, moves or removes.
#[derive(Clone, Debug)]
#[allow(missing_docs)]
pub enum Act {
    /// A text box: its text is the value (an optional one left empty is removed).
    Text { path: Path, optional: bool },
    /// A number box: a number when the text reads as one, else the text.
    Number { path: Path, optional: bool },
    /// A checkbox: `true`, or absent.
    Flag(Path),
    /// A list of options: the value chosen (an optional one left empty is removed).
    Select { path: Path, optional: bool },
    /// The checkbox that includes an optional group (`inner` its fields, `label` its
    /// name), or removes it once the author confirms.
    Include {
        path: Path,
        inner: &'static [Field],
        label: &'static str,
    },
    /// Adds an element to a list.
    Add { path: Path, list: &'static List },
    /// Moves element `from` of a list to `to`; `one` names an element, `button` is the
    /// one pressed ("up" or "down").
    Move {
        list: Path,
        from: usize,
        to: usize,
        one: &'static str,
        button: &'static str,
    },
    /// Removes element `at` of a list, called `title`; an `optional` list left empty is
    /// removed.
    Remove {
        list: Path,
        at: usize,
        title: String,
        optional: bool,
    },
}

impl Act {
    /// The event the control sends when it is used.
    pub fn event(&self) -> &'static str {
        match self {
            Act::Text { .. } | Act::Number { .. } => "input",
            Act::Flag(_) | Act::Select { .. } | Act::Include { .. } => "change",
            Act::Add { .. } | Act::Move { .. } | Act::Remove { .. } => "click",
        }
    }
}

/// Where focus goes once the form is drawn again: an element's id, and whether to the
/// first control inside it.
pub type Focus = (String, bool);

/// Whether a checkbox is checked.
fn checked_of(control: &web_sys::Element) -> bool {
    control
        .dyn_ref::<web_sys::HtmlInputElement>()
        .is_some_and(web_sys::HtmlInputElement::checked)
}

impl Editor {
    /// A form over `doc`.
    pub fn new(doc: Value, lang: Lang) -> Self {
        Self {
            doc,
            lang,
            json_raw: None,
            status: String::new(),
            typed: Vec::new(),
            opened: Vec::new(),
        }
    }

    /// The page's words.
    pub fn ui(&self) -> &'static Ui {
        Ui::of(self.lang)
    }

    /// The model's kind.
    pub fn kind(&self) -> String {
        spec::model_kind(&self.doc)
    }

    /// Changes the tree from the form: the JSON view shows the tree again.
    pub fn edit(&mut self, change: impl FnOnce(&mut Value)) {
        self.json_raw = None;
        change(&mut self.doc);
    }

    /// Sets the value at `path` (`None` removes it).
    pub fn set(&mut self, path: &Path, value: Option<Value>) {
        self.edit(|d| {
            tree::set(d, path, value);
        });
    }

    /// Does `act`, read from `control`, the element that sent it. Returns where focus
    /// goes next, if it moves.
    pub fn act(&mut self, act: &Act, control: &web_sys::Element) -> Option<Focus> {
        let ui = self.ui();
        match act {
            Act::Text { path, optional } | Act::Select { path, optional } => {
                let text = value_of(control);
                let new = (!(*optional && text.is_empty())).then_some(Value::String(text));
                self.set(path, new);
            }
            Act::Number { path, optional } => {
                let text = value_of(control);
                let new = (!(*optional && text.trim().is_empty())).then(|| typed_number(&text));
                self.typed.retain(|(p, _)| p != path);
                self.typed.push((path.clone(), text));
                self.set(path, new);
            }
            Act::Flag(path) => {
                self.set(path, checked_of(control).then_some(Value::Bool(true)));
            }
            Act::Include { path, inner, label } => {
                if checked_of(control) {
                    let fresh = spec::new_group(&self.doc, inner);
                    self.set(path, Some(fresh));
                } else {
                    let ask = fill(ui.remove_group_ask, &[("what", label)]);
                    let sure = web_sys::window()
                        .and_then(|w| w.confirm_with_message(&ask).ok())
                        .unwrap_or(false);
                    // Kept: the form is drawn again from the tree, the box checked.
                    if sure {
                        self.set(path, None);
                    }
                }
            }
            Act::Add { path, list } => {
                let fresh = spec::new_element(&self.doc, path, list);
                let mut at = None;
                self.edit(|d| {
                    at = tree::push(d, path, fresh);
                    spec::follow(d, path, Change::Added);
                });
                let at = at?;
                let one = list.one.get(self.lang);
                let name = fill(ui.row_title, &[("what", one), ("n", &(at + 1).to_string())]);
                self.status = fill(ui.added, &[("what", &name)]);
                return Some((path.index(at).dom_id(), true));
            }
            Act::Move {
                list,
                from,
                to,
                one,
                button,
            } => {
                let (from, to) = (*from, *to);
                self.edit(|d| {
                    if tree::swap(d, list, from, to) {
                        spec::follow(d, list, Change::Swapped(from, to));
                    }
                });
                let name = fill(
                    ui.row_title,
                    &[("what", one), ("n", &(from + 1).to_string())],
                );
                self.status = fill(
                    ui.moved,
                    &[("what", &name), ("position", &(to + 1).to_string())],
                );
                // At either end, the button left to press is the other one.
                let last = tree::len(&self.doc, list).saturating_sub(1);
                let button = match *button {
                    "up" if to == 0 => "down",
                    "down" if to == last => "up",
                    b => b,
                };
                return Some((format!("{}-{button}", list.index(to).dom_id()), false));
            }
            Act::Remove {
                list,
                at,
                title,
                optional,
            } => {
                let at = *at;
                self.edit(|d| {
                    if tree::remove(d, list, at) {
                        spec::follow(d, list, Change::Removed(at));
                    }
                    if *optional && tree::len(d, list) == 0 {
                        tree::set(d, list, None);
                    }
                });
                self.status = fill(ui.removed, &[("what", title)]);
                let left = tree::len(&self.doc, list);
                let next = if left == 0 {
                    format!("{}-add", list.dom_id())
                } else {
                    format!("{}-remove", list.index(at.min(left - 1)).dom_id())
                };
                return Some((next, false));
            }
        }
        None
    }

    /// What the number box at `path` shows: the text typed last while it still reads as
    /// the value in the tree, else the value.
    fn number_text(&self, path: &Path, current: Option<&Value>) -> String {
        match self.typed.iter().find(|(p, _)| p == path) {
            Some((_, t))
                if current == Some(&typed_number(t))
                    || (current.is_none() && t.trim().is_empty()) =>
            {
                t.clone()
            }
            _ => shown(current),
        }
    }
}

/// What drawing the form needs: the editor, the definition's problems, and where each
/// control's act is listed (its index is the control's `data-act`).
pub struct Cx<'a, A> {
    /// The editor; drawing keeps open the groups it opened.
    pub ed: &'a mut Editor,
    /// The definition's problems.
    pub problems: &'a [Problem],
    /// The acts of the controls drawn so far.
    pub acts: &'a mut Vec<A>,
}

impl<A: From<Act>> Cx<'_, A> {
    /// Lists `act` and returns the control's `data-act`.
    fn act(&mut self, act: Act) -> String {
        self.acts.push(act.into());
        (self.acts.len() - 1).to_string()
    }

    fn value(&self, path: &Path) -> Option<Value> {
        tree::get(&self.ed.doc, path).cloned()
    }

    /// Whether the field at `path` has problems.
    fn invalid(&self, path: &Path) -> bool {
        self.problems.iter().any(|p| p.anchor == *path)
    }

    /// The problems placed at `path`, listed under its field.
    fn problems_at(&self, path: &Path) -> Node {
        let items = self
            .problems
            .iter()
            .filter(|p| p.anchor == *path)
            .map(|p| el("li", "").text(&p.message));
        el("ul", "a-field-problems")
            .attr("id", &format!("{}-problems", path.dom_id()))
            .children(items)
    }

    fn hint(&self, path: &Path, hint: Option<Words>) -> Option<Node> {
        hint.map(|h| {
            el("p", "a-hint")
                .attr("id", &format!("{}-hint", path.dom_id()))
                .text(h.get(self.ed.lang))
        })
    }
}

/// The form for the whole definition.
pub fn form<A: From<Act>>(cx: &mut Cx<'_, A>) -> Node {
    let root = Path::root();
    el("div", "a-form")
        .attr("id", &root.dom_id())
        .attr("tabindex", "-1")
        .child(cx.problems_at(&root))
        .children(fields(cx, &root, spec::TOP))
}

/// The fields of the object at `base`; the seldom needed ones under "More options", open
/// when one of them has a value or a problem (and from then on).
fn fields<A: From<Act>>(cx: &mut Cx<'_, A>, base: &Path, fields: &'static [Field]) -> Vec<Node> {
    let mut nodes: Vec<Node> = fields
        .iter()
        .filter(|f| !f.advanced)
        .map(|f| field(cx, base.key(f.key), f))
        .collect();
    let rare: Vec<&'static Field> = fields.iter().filter(|f| f.advanced).collect();
    if rare.is_empty() {
        return nodes;
    }
    let paths: Vec<Path> = rare.iter().map(|f| base.key(f.key)).collect();
    let used = paths.iter().any(|p| tree::get(&cx.ed.doc, p).is_some());
    let troubled = cx.problems.iter().any(|p| {
        paths
            .iter()
            .any(|at| p.anchor.steps().starts_with(at.steps()))
    });
    let was_open = cx.ed.opened.contains(base);
    if (used || troubled) && !was_open {
        cx.ed.opened.push(base.clone());
    }
    let inner: Vec<Node> = rare
        .into_iter()
        .map(|f| field(cx, base.key(f.key), f))
        .collect();
    nodes.push(
        el("details", "a-more")
            .flag("open", used || troubled || was_open)
            .child(el("summary", "").text(cx.ed.ui().more_options))
            .children(inner),
    );
    nodes
}

fn field<A: From<Act>>(cx: &mut Cx<'_, A>, path: Path, f: &'static Field) -> Node {
    let label = f.label.get(cx.ed.lang);
    match &f.kind {
        Kind::Text => text(cx, path, label, f.hint, f.optional, false),
        Kind::LongText => text(cx, path, label, f.hint, f.optional, true),
        Kind::Whole | Kind::Decimal => number(cx, path, label, f.hint, f.optional),
        Kind::Flag => flag(cx, path, label, f.hint),
        Kind::Choice(choices) => choice(cx, path, label, f.hint, choices),
        Kind::Ref(ids) => reference(cx, path, label, f.hint, *ids, f.optional),
        Kind::Group(inner) => group(cx, path, f, inner),
        Kind::List(list) => list_view(cx, path, f.label, f.hint, list, f.optional),
        Kind::Model => model(cx, path, label),
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

/// How a value shows in a text box.
fn shown(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => crate::export::compact(other),
    }
}

/// A control with the attributes every control of the form has.
fn control<A: From<Act>>(
    cx: &mut Cx<'_, A>,
    tag: &'static str,
    path: &Path,
    hint: Option<Words>,
    act: Act,
) -> Node {
    let act = cx.act(act);
    el(tag, "")
        .attr("id", &path.dom_id())
        .attr("aria-describedby", &described_by(path, hint))
        .attr("data-path", &path.to_string())
        .attr("data-act", &act)
}

/// `input` saying whether it must be filled and whether it has a problem.
fn stated<A: From<Act>>(cx: &Cx<'_, A>, input: Node, path: &Path, optional: bool) -> Node {
    let bad = cx.invalid(path);
    input
        .attr("aria-required", if optional { "false" } else { "true" })
        .attr("aria-invalid", if bad { "true" } else { "false" })
}

/// A field: its label, hint, control and problems.
fn labelled<A: From<Act>>(
    cx: &Cx<'_, A>,
    class: &str,
    path: &Path,
    label: &str,
    hint: Option<Words>,
    input: Node,
) -> Node {
    el("div", class)
        .child(el("label", "").attr("for", &path.dom_id()).text(label))
        .maybe(cx.hint(path, hint))
        .child(input)
        .child(cx.problems_at(path))
}

fn text<A: From<Act>>(
    cx: &mut Cx<'_, A>,
    path: Path,
    label: &str,
    hint: Option<Words>,
    optional: bool,
    long: bool,
) -> Node {
    let value = shown(cx.value(&path).as_ref());
    let act = Act::Text {
        path: path.clone(),
        optional,
    };
    let input = if long {
        control(cx, "textarea", &path, hint, act).attr("rows", "2")
    } else {
        control(cx, "input", &path, hint, act).attr("type", "text")
    };
    let input = stated(cx, input, &path, optional).attr("value", &value);
    labelled(cx, "a-field", &path, label, hint, input)
}

/// A number as typed: a number when it reads as one, else the text itself, so the core
/// names the problem and nothing typed is lost.
fn typed_number(text: &str) -> Value {
    match text.trim().parse::<f64>() {
        Ok(n) if n.is_finite() => Value::Number(n),
        _ => Value::String(text.to_owned()),
    }
}

fn number<A: From<Act>>(
    cx: &mut Cx<'_, A>,
    path: Path,
    label: &str,
    hint: Option<Words>,
    optional: bool,
) -> Node {
    let current = cx.value(&path);
    let value = cx.ed.number_text(&path, current.as_ref());
    let act = Act::Number {
        path: path.clone(),
        optional,
    };
    let input = control(cx, "input", &path, hint, act)
        .attr("type", "text")
        .attr("inputmode", "decimal");
    let input = stated(cx, input, &path, optional).attr("value", &value);
    labelled(cx, "a-field a-number", &path, label, hint, input)
}

fn flag<A: From<Act>>(cx: &mut Cx<'_, A>, path: Path, label: &str, hint: Option<Words>) -> Node {
    let on = matches!(cx.value(&path), Some(Value::Bool(true)));
    let input = control(cx, "input", &path, hint, Act::Flag(path.clone()))
        .attr("type", "checkbox")
        .checked(on);
    el("div", "a-field a-flag")
        .child(input)
        .child(el("label", "").attr("for", &path.dom_id()).text(label))
        .maybe(cx.hint(&path, hint))
        .child(cx.problems_at(&path))
}

/// A `<select>` over `options` (value, label), with the current value kept as an option
/// even when it is not one of them (the core then names the problem).
fn select<A: From<Act>>(
    cx: &mut Cx<'_, A>,
    path: Path,
    label: &str,
    hint: Option<Words>,
    mut options: Vec<(String, String)>,
    optional: bool,
) -> Node {
    let ui = cx.ed.ui();
    let now = shown(cx.value(&path).as_ref());
    if !now.is_empty() && !options.iter().any(|(v, _)| *v == now) {
        options.push((now.clone(), now.clone()));
    }
    let first = (optional || now.is_empty()).then(|| {
        let words = if optional { ui.none } else { ui.choose };
        el("option", "").attr("value", "").text(words)
    });
    let rest = options
        .into_iter()
        .map(|(v, l)| el("option", "").attr("value", &v).text(&l));
    let act = Act::Select {
        path: path.clone(),
        optional,
    };
    let input = control(cx, "select", &path, hint, act)
        .maybe(first)
        .children(rest);
    let input = stated(cx, input, &path, optional).attr("value", &now);
    labelled(cx, "a-field", &path, label, hint, input)
}

fn choice<A: From<Act>>(
    cx: &mut Cx<'_, A>,
    path: Path,
    label: &str,
    hint: Option<Words>,
    choices: &'static [(&'static str, Words)],
) -> Node {
    let lang = cx.ed.lang;
    let options = choices
        .iter()
        .map(|(v, w)| ((*v).to_owned(), w.get(lang).to_owned()))
        .collect();
    select(cx, path, label, hint, options, false)
}

fn reference<A: From<Act>>(
    cx: &mut Cx<'_, A>,
    path: Path,
    label: &str,
    hint: Option<Words>,
    ids: Ids,
    optional: bool,
) -> Node {
    let options = ids
        .choices(&cx.ed.doc)
        .into_iter()
        .map(|(id, name)| {
            let label = name.map_or_else(|| id.clone(), |n| format!("{id} — {n}"));
            (id, label)
        })
        .collect();
    select(cx, path, label, hint, options, optional)
}

fn group<A: From<Act>>(
    cx: &mut Cx<'_, A>,
    path: Path,
    f: &'static Field,
    inner: &'static [Field],
) -> Node {
    let id = path.dom_id();
    let ui = cx.ed.ui();
    let label = f.label.get(cx.ed.lang);
    let present = tree::get(&cx.ed.doc, &path).is_some();
    let include = f.optional.then(|| {
        let box_id = format!("{id}-include");
        let act = cx.act(Act::Include {
            path: path.clone(),
            inner,
            label,
        });
        el("div", "a-field a-flag")
            .child(
                el("input", "")
                    .attr("id", &box_id)
                    .attr("type", "checkbox")
                    .attr("data-act", &act)
                    .checked(present),
            )
            .child(
                el("label", "")
                    .attr("for", &box_id)
                    .text(&fill(ui.include, &[("what", label)])),
            )
    });
    let body = if present {
        fields(cx, &path, inner)
    } else {
        Vec::new()
    };
    el("fieldset", "a-group")
        .attr("id", &id)
        .attr("tabindex", "-1")
        .child(el("legend", "").text(label))
        .maybe(cx.hint(&path, f.hint))
        .maybe(include)
        .child(cx.problems_at(&path))
        .children(body)
}

fn model<A: From<Act>>(cx: &mut Cx<'_, A>, path: Path, label: &str) -> Node {
    let kind = cx.ed.kind();
    let lang = cx.ed.lang;
    let name = spec::MODEL_KINDS
        .iter()
        .find(|(v, _)| *v == kind)
        .map_or(kind.clone(), |(_, w)| w.get(lang).to_owned());
    let named = fill(cx.ed.ui().model_kind, &[("kind", &name)]);
    let body = fields(cx, &path, spec::model_fields(&kind));
    el("fieldset", "a-group a-model")
        .attr("id", &path.dom_id())
        .attr("tabindex", "-1")
        .child(el("legend", "").text(label))
        .child(el("p", "a-kind").text(&named))
        .child(cx.problems_at(&path))
        .children(body)
}

/// Moves focus to the element with `id` (or the first control inside it) once the page
/// has been drawn again.
pub fn focus_later(id: String, inside: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let step = wasm_bindgen::closure::Closure::once_into_js(move || {
        let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
        else {
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
    let _ = window.request_animation_frame(step.unchecked_ref());
}

fn list_view<A: From<Act>>(
    cx: &mut Cx<'_, A>,
    path: Path,
    label: Words,
    hint: Option<Words>,
    list: &'static List,
    optional: bool,
) -> Node {
    let id = path.dom_id();
    let ui = cx.ed.ui();
    let one = list.one.get(cx.ed.lang);
    let len = tree::len(&cx.ed.doc, &path);
    let rows: Vec<Node> = (0..len)
        .map(|i| row(cx, &path, i, len, list, optional))
        .collect();
    let add = cx.act(Act::Add {
        path: path.clone(),
        list,
    });
    el("fieldset", "a-list")
        .attr("id", &id)
        .attr("tabindex", "-1")
        .child(el("legend", "").text(label.get(cx.ed.lang)))
        .maybe(cx.hint(&path, hint))
        .child(cx.problems_at(&path))
        .child(el("ol", "a-rows").children(rows))
        .child(
            el("button", "a-add")
                .attr("type", "button")
                .attr("id", &format!("{id}-add"))
                .attr("data-act", &add)
                .text(&fill(ui.add, &[("what", &one.to_lowercase())])),
        )
}

fn row<A: From<Act>>(
    cx: &mut Cx<'_, A>,
    list_path: &Path,
    i: usize,
    len: usize,
    list: &'static List,
    optional: bool,
) -> Node {
    let ui = cx.ed.ui();
    let one = list.one.get(cx.ed.lang);
    let path = list_path.index(i);
    let id = path.dom_id();
    let title = fill(ui.row_title, &[("what", one), ("n", &(i + 1).to_string())]);
    let body = match &list.of {
        Element::Object(inner) => fields(cx, &path, inner),
        Element::Item => {
            let kind = cx.ed.kind();
            fields(cx, &path, spec::item_fields(&kind))
        }
        Element::Text => vec![text(cx, path.clone(), &title, None, false, false)],
        Element::Whole => vec![number(cx, path.clone(), &title, None, false)],
        Element::Ref(ids) => vec![reference(cx, path.clone(), &title, None, *ids, false)],
    };
    let mut button = |name: &'static str, label: &str, words: &str, act: Act, off: bool| {
        let act = cx.act(act);
        el("button", "")
            .attr("type", "button")
            .attr("id", &format!("{id}-{name}"))
            .attr("aria-label", &fill(label, &[("what", &title)]))
            .attr("data-act", &act)
            .flag("disabled", off)
            .text(words)
    };
    let moved = |to: usize, button: &'static str| Act::Move {
        list: list_path.clone(),
        from: i,
        to,
        one,
        button,
    };
    let up = button(
        "up",
        ui.move_up_named,
        ui.move_up,
        moved(i.saturating_sub(1), "up"),
        i == 0,
    );
    let down = button(
        "down",
        ui.move_down_named,
        ui.move_down,
        moved(i + 1, "down"),
        i + 1 >= len,
    );
    let remove = button(
        "remove",
        ui.remove_named,
        ui.remove,
        Act::Remove {
            list: list_path.clone(),
            at: i,
            title: title.clone(),
            optional,
        },
        false,
    );
    // A row of one value is labelled by its control; a row of fields has a title and its
    // own problems.
    let whole = matches!(list.of, Element::Object(_) | Element::Item);
    let own_title = whole.then(|| el("span", "a-row-title").text(&title));
    let own_problems = whole.then(|| cx.problems_at(&path));
    el("li", "a-row")
        .attr("id", &id)
        .attr("tabindex", "-1")
        .child(
            el("div", "a-row-head").maybe(own_title).child(
                el("span", "a-row-tools")
                    .child(up)
                    .child(down)
                    .child(remove),
            ),
        )
        .maybe(own_problems)
        .children(body)
}
