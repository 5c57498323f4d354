//! Draws trees of `candor_view::node` into the page and keeps them up to date in place.
//!
//! * [`Drawn`] is what was drawn of a list of nodes: each node with the DOM node it became.
//! * [`Drawn::update`] updates nodes of the same tag and key (attributes, texts, `checked`,
//!   children) and draws anything else anew. Focus stays unless a step changed.
//! * Only the nodes it drew are touched: what the full bundle mounts beside them is left.
//! * [`Drawing::adopt`] takes over what a parent already holds, drawn from the same trees
//!   elsewhere (the element's first screen, drawn by the quiz at build time): each node of
//!   the same kind (a text, an element of the same tag) stays in place and what differs is
//!   mended, so nothing is drawn or laid out anew.
//! * [`DrawnWithSvg`] also draws pictures: an `svg` element and everything in it are made in
//!   the SVG namespace. [`Drawn`] draws HTML alone, so the small bundle, which draws no
//!   picture, links none of it.
//! * [`DrawnForm`] draws HTML for a page of forms: a control's `value` attribute is its
//!   `value` property too (what a text box holds, the option a `select` shows), kept in
//!   step as the tree changes. A control that already holds that value is left alone, so
//!   the caret stays where the reader is typing.
//! * [`focus_soon`], [`next_task`] and [`after_frame`] are the timings the widget uses;
//!   [`next_task_in_a_row`] is for work cut into many tasks.

use std::marker::PhantomData;

use candor_view::node::{Element, Node};
use wasm_bindgen::JsCast;
use web_sys::Document;

/// A node as drawn: what it was drawn from and the DOM node it became.
struct Shown {
    node: Node,
    dom: web_sys::Node,
    children: Vec<Shown>,
}

/// What was drawn into a parent element, with elements made as `M` makes them.
pub struct Drawing<M>(Vec<Shown>, PhantomData<M>);

impl<M> Default for Drawing<M> {
    fn default() -> Self {
        Self(Vec::new(), PhantomData)
    }
}

/// A drawing of HTML alone.
pub type Drawn = Drawing<Html>;

/// A drawing of HTML with SVG pictures in it.
pub type DrawnWithSvg = Drawing<WithSvg>;

/// A drawing of HTML forms, their controls' values included.
pub type DrawnForm = Drawing<Forms>;

/// How a drawing makes its elements.
pub trait Markup {
    /// Makes element `tag`, to go into `parent`.
    fn element(
        doc: &Document,
        tag: &'static str,
        parent: &web_sys::Element,
    ) -> Option<web_sys::Element>;

    /// Brings the properties of `element` beyond `checked` in step with `e`'s attributes,
    /// once its children are drawn: none, unless the drawing keeps them.
    fn properties(_element: &web_sys::Element, _e: &Element) {}
}

/// Makes HTML elements alone.
pub struct Html;

impl Markup for Html {
    fn element(
        doc: &Document,
        tag: &'static str,
        _: &web_sys::Element,
    ) -> Option<web_sys::Element> {
        doc.create_element(tag).ok()
    }
}

/// Makes HTML elements, and keeps each form control's `value` property as its `value`
/// attribute says.
pub struct Forms;

impl Markup for Forms {
    fn element(
        doc: &Document,
        tag: &'static str,
        parent: &web_sys::Element,
    ) -> Option<web_sys::Element> {
        Html::element(doc, tag, parent)
    }

    fn properties(element: &web_sys::Element, e: &Element) {
        if !matches!(e.tag, "input" | "textarea" | "select") {
            return;
        }
        let Some((_, value)) = e.attrs.iter().find(|(name, _)| *name == "value") else {
            return;
        };
        if value_of(element) != *value {
            let key = wasm_bindgen::JsValue::from_str("value");
            let _ = js_sys::Reflect::set(element, &key, &wasm_bindgen::JsValue::from_str(value));
        }
    }
}

/// Makes an `svg` element and everything in it in the SVG namespace, the rest in HTML's.
pub struct WithSvg;

/// The namespace of SVG elements.
const SVG: &str = "http://www.w3.org/2000/svg";

impl Markup for WithSvg {
    fn element(
        doc: &Document,
        tag: &'static str,
        parent: &web_sys::Element,
    ) -> Option<web_sys::Element> {
        if tag == "svg" || parent.namespace_uri().as_deref() == Some(SVG) {
            doc.create_element_ns(Some(SVG), tag).ok()
        } else {
            doc.create_element(tag).ok()
        }
    }
}

/// Draws `node` anew, to go into `parent`.
fn create<M: Markup>(doc: &Document, node: &Node, parent: &web_sys::Element) -> Option<Shown> {
    match node {
        Node::Text(text) => Some(Shown {
            node: node.clone(),
            dom: doc.create_text_node(text).into(),
            children: Vec::new(),
        }),
        Node::Element(e) => {
            let element = M::element(doc, e.tag, parent)?;
            for (name, value) in &e.attrs {
                let _ = element.set_attribute(name, value);
            }
            let children: Vec<Shown> = e
                .children
                .iter()
                .filter_map(|c| create::<M>(doc, c, &element))
                .collect();
            for child in &children {
                let _ = element.append_child(&child.dom);
            }
            set_checked(&element, e);
            M::properties(&element, e);
            Some(Shown {
                node: Node::Element(Element {
                    children: Vec::new(),
                    ..e.clone()
                }),
                dom: element.into(),
                children,
            })
        }
    }
}

fn set_checked(element: &web_sys::Element, e: &Element) {
    if let (Some(checked), Some(input)) =
        (e.checked, element.dyn_ref::<web_sys::HtmlInputElement>())
        && input.checked() != checked
    {
        input.set_checked(checked);
    }
}

/// Whether `shown` can be updated into `node` rather than drawn anew.
fn same_kind(shown: &Node, node: &Node) -> bool {
    match (shown, node) {
        (Node::Text(_), Node::Text(_)) => true,
        (Node::Element(a), Node::Element(b)) => a.tag == b.tag && a.key == b.key,
        _ => false,
    }
}

fn update_one<M: Markup>(doc: &Document, shown: &mut Shown, node: Node) {
    match (&shown.node, node) {
        (Node::Text(old), Node::Text(new)) if *old != new => {
            shown.dom.set_text_content(Some(&new));
            shown.node = Node::Text(new);
        }
        (Node::Element(old), Node::Element(mut new)) => {
            let Some(element) = shown.dom.dyn_ref::<web_sys::Element>() else {
                return;
            };
            for (name, _) in &old.attrs {
                if !new.attrs.iter().any(|(n, _)| n == name) {
                    let _ = element.remove_attribute(name);
                }
            }
            for (name, value) in &new.attrs {
                if !old.attrs.contains(&(*name, value.clone())) {
                    let _ = element.set_attribute(name, value);
                }
            }
            set_checked(element, &new);
            let children = std::mem::take(&mut new.children);
            update_children::<M>(doc, element, &mut shown.children, children);
            M::properties(element, &new);
            shown.node = Node::Element(new);
        }
        _ => {}
    }
}

/// `node` drawn anew in place of `old`, which goes either way.
fn replace<M: Markup>(
    doc: &Document,
    parent: &web_sys::Element,
    old: &web_sys::Node,
    node: &Node,
) -> Option<Shown> {
    let fresh = create::<M>(doc, node, parent);
    match &fresh {
        Some(fresh) => {
            let _ = parent.replace_child(&fresh.dom, old);
        }
        None => {
            let _ = parent.remove_child(old);
        }
    }
    fresh
}

fn update_children<M: Markup>(
    doc: &Document,
    parent: &web_sys::Element,
    shown: &mut Vec<Shown>,
    nodes: Vec<Node>,
) {
    let mut kept = Vec::with_capacity(nodes.len());
    let mut old = std::mem::take(shown).into_iter();
    let mut before: Option<web_sys::Node> = None;
    for node in nodes {
        let next = match old.next() {
            Some(mut s) if same_kind(&s.node, &node) => {
                update_one::<M>(doc, &mut s, node);
                Some(s)
            }
            Some(s) => replace::<M>(doc, parent, &s.dom, &node),
            None => {
                let fresh = create::<M>(doc, &node, parent);
                if let Some(fresh) = &fresh {
                    // After what was drawn before it, ahead of anything mounted beside.
                    let after = match &before {
                        Some(b) => b.next_sibling(),
                        None => parent.first_child(),
                    };
                    let _ = parent.insert_before(&fresh.dom, after.as_ref());
                }
                fresh
            }
        };
        if let Some(next) = next {
            before = Some(next.dom.clone());
            kept.push(next);
        }
    }
    for gone in old {
        if let Some(parent) = gone.dom.parent_node() {
            let _ = parent.remove_child(&gone.dom);
        }
    }
    *shown = kept;
}

/// Takes over what `parent` holds as drawn from `nodes`: each of its nodes that is of the
/// same kind as the node in its place is kept and mended; any other is replaced by the node
/// drawn anew, nodes missing at the end are drawn, and what is left over goes.
fn adopt_children<M: Markup>(
    doc: &Document,
    parent: &web_sys::Element,
    nodes: Vec<Node>,
) -> Vec<Shown> {
    let mut found = parent.first_child();
    let mut shown = Vec::with_capacity(nodes.len());
    for node in nodes {
        let Some(dom) = found.take() else {
            if let Some(fresh) = create::<M>(doc, &node, parent) {
                let _ = parent.append_child(&fresh.dom);
                shown.push(fresh);
            }
            continue;
        };
        found = dom.next_sibling();
        match adopt::<M>(doc, &dom, node) {
            Ok(kept) => shown.push(kept),
            Err(node) => shown.extend(replace::<M>(doc, parent, &dom, &node)),
        }
    }
    while let Some(extra) = found {
        found = extra.next_sibling();
        let _ = parent.remove_child(&extra);
    }
    shown
}

/// `dom` kept as drawn from `node` and mended where it differs (attributes, text,
/// `checked`, children), if it is of the same kind; otherwise `node` back.
fn adopt<M: Markup>(doc: &Document, dom: &web_sys::Node, node: Node) -> Result<Shown, Node> {
    match node {
        Node::Text(text) if dom.node_type() == web_sys::Node::TEXT_NODE => {
            if dom.text_content().as_deref() != Some(text.as_str()) {
                dom.set_text_content(Some(&text));
            }
            Ok(Shown {
                node: Node::Text(text),
                dom: dom.clone(),
                children: Vec::new(),
            })
        }
        Node::Element(mut e) => {
            let Some(element) = dom
                .dyn_ref::<web_sys::Element>()
                .filter(|element| element.local_name() == e.tag)
            else {
                return Err(Node::Element(e));
            };
            for (name, value) in &e.attrs {
                if element.get_attribute(name).as_deref() != Some(value.as_str()) {
                    let _ = element.set_attribute(name, value);
                }
            }
            let names = element.get_attribute_names();
            if names.length() as usize != e.attrs.len() {
                for name in names.iter().filter_map(|name| name.as_string()) {
                    if !e.attrs.iter().any(|(kept, _)| *kept == name) {
                        let _ = element.remove_attribute(&name);
                    }
                }
            }
            let children = adopt_children::<M>(doc, element, std::mem::take(&mut e.children));
            set_checked(element, &e);
            M::properties(element, &e);
            Ok(Shown {
                node: Node::Element(e),
                dom: dom.clone(),
                children,
            })
        }
        node => Err(node),
    }
}

impl<M: Markup> Drawing<M> {
    /// Brings what is drawn into `parent` up to date with `nodes`.
    pub fn update(&mut self, parent: &web_sys::Element, nodes: Vec<Node>) {
        if let Some(doc) = parent.owner_document() {
            update_children::<M>(&doc, parent, &mut self.0, nodes);
        }
    }

    /// Takes over what `parent` holds as the drawing of `nodes`, drawn from the same trees
    /// elsewhere, and mends it where it differs; from then on, [`Drawing::update`] keeps it
    /// up to date.
    pub fn adopt(&mut self, parent: &web_sys::Element, nodes: Vec<Node>) {
        if let Some(doc) = parent.owner_document() {
            self.0 = adopt_children::<M>(&doc, parent, nodes);
        }
    }
}

/// The `value` of a form control (a text box, a text area, a list of options); empty for
/// anything else.
pub fn value_of(control: &web_sys::Element) -> String {
    js_sys::Reflect::get(control, &wasm_bindgen::JsValue::from_str("value"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The nearest element from `target` up that matches `selector`.
pub fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<web_sys::Element> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

/// A step to run later. The timings take it boxed, so each is compiled once, not once for
/// every caller's closure.
type Step = Box<dyn FnOnce()>;

/// Runs `step` in a task of its own, after the current one.
pub fn next_task(step: impl FnOnce() + 'static) {
    next_task_boxed(Box::new(step));
}

fn next_task_boxed(step: Step) {
    if let Some(window) = web_sys::window() {
        let step = wasm_bindgen::closure::Closure::once_into_js(step);
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(step.unchecked_ref(), 0);
    }
}

/// Runs `step` in a task after the next animation frame, so that what the current task
/// drew is painted first; after 100 ms where no frame comes (a hidden page paints none).
pub fn after_frame(step: impl FnOnce() + 'static) {
    after_frame_boxed(Box::new(step));
}

fn after_frame_boxed(step: Step) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let step = std::rc::Rc::new(std::cell::Cell::new(Some(step)));
    let run = move || {
        if let Some(step) = step.take() {
            next_task_boxed(step);
        }
    };
    let in_frame = wasm_bindgen::closure::Closure::once_into_js(run.clone());
    let _ = window.request_animation_frame(in_frame.unchecked_ref());
    let late = wasm_bindgen::closure::Closure::once_into_js(run);
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(late.unchecked_ref(), 100);
}

/// Runs `step` in a task of its own, after the current one, for work cut into many tasks
/// in a row: through a `MessageChannel`, since browsers hold `setTimeout` nested more
/// than five deep back by at least 4 ms.
pub fn next_task_in_a_row(step: impl FnOnce() + 'static) {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return next_task(step);
    };
    let step = wasm_bindgen::closure::Closure::once_into_js(step);
    channel.port1().set_onmessage(Some(step.unchecked_ref()));
    let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
}

/// Focuses the step's heading or legend (its `tabindex="-1"` element) under `root` in the
/// next animation frame, if it is still in the page then: focusing makes the browser lay
/// out the new screen there and then, which would lengthen the tap's task; in the frame,
/// that layout is done once, just before the paint.
pub fn focus_soon(root: &web_sys::Element) {
    let Ok(Some(target)) = root.query_selector(".cq-step [tabindex=\"-1\"]") else {
        return;
    };
    let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    if let Some(window) = web_sys::window() {
        let step = wasm_bindgen::closure::Closure::once_into_js(move || {
            if target.is_connected() {
                let _ = target.focus();
            }
        });
        let _ = window.request_animation_frame(step.unchecked_ref());
    }
}
