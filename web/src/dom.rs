//! Draws trees of `candor_view::node` into the page and keeps them up to date in place.
//!
//! * [`Drawn`] is what was drawn of a list of nodes: each node with the DOM node it became.
//! * [`Drawn::update`] updates nodes of the same tag and key (attributes, texts, `checked`,
//!   children) and draws anything else anew. Focus stays unless a step changed.
//! * Only the nodes it drew are touched: what the full bundle mounts beside them is left.
//! * [`focus_soon`] and [`next_task`] are the two timings the widget uses.

use candor_view::node::{Element, Node};
use wasm_bindgen::JsCast;
use web_sys::Document;

/// A node as drawn: what it was drawn from and the DOM node it became.
struct Shown {
    node: Node,
    dom: web_sys::Node,
    children: Vec<Shown>,
}

/// What was drawn into a parent element.
#[derive(Default)]
pub struct Drawn(Vec<Shown>);

fn create(doc: &Document, node: &Node) -> Option<Shown> {
    match node {
        Node::Text(text) => Some(Shown {
            node: node.clone(),
            dom: doc.create_text_node(text).into(),
            children: Vec::new(),
        }),
        Node::Element(e) => {
            let element = doc.create_element(e.tag).ok()?;
            for (name, value) in &e.attrs {
                let _ = element.set_attribute(name, value);
            }
            let children: Vec<Shown> = e.children.iter().filter_map(|c| create(doc, c)).collect();
            for child in &children {
                let _ = element.append_child(&child.dom);
            }
            set_checked(&element, e);
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

fn update_one(doc: &Document, shown: &mut Shown, node: Node) {
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
            update_children(doc, element, &mut shown.children, children);
            shown.node = Node::Element(new);
        }
        _ => {}
    }
}

fn update_children(
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
                update_one(doc, &mut s, node);
                Some(s)
            }
            Some(s) => {
                let fresh = create(doc, &node);
                if let Some(fresh) = &fresh {
                    let _ = parent.replace_child(&fresh.dom, &s.dom);
                } else if let Some(parent) = s.dom.parent_node() {
                    let _ = parent.remove_child(&s.dom);
                }
                fresh
            }
            None => {
                let fresh = create(doc, &node);
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

impl Drawn {
    /// Brings what is drawn into `parent` up to date with `nodes`.
    pub fn update(&mut self, parent: &web_sys::Element, nodes: Vec<Node>) {
        if let Some(doc) = parent.owner_document() {
            update_children(&doc, parent, &mut self.0, nodes);
        }
    }
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

/// Runs `step` in a task of its own, after the current one.
pub fn next_task(step: impl FnOnce() + 'static) {
    if let Some(window) = web_sys::window() {
        let step = wasm_bindgen::closure::Closure::once_into_js(step);
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(step.unchecked_ref(), 0);
    }
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
