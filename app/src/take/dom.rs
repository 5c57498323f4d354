//! The few DOM calls the small bundle draws with: an element with its class, attributes in
//! the order Leptos writes them (the class first), text and children.
//!
//! Markup written here is compared with the full bundle's and with the first screen's
//! snapshots (`tests/first-screens.mjs`, the e2e test "the small bundle draws what the full
//! bundle draws"), so the order of attributes is part of what is drawn.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// An element being built.
pub struct El(pub Element);

impl El {
    /// A `<tag>` with `class` (none when empty).
    pub fn new(doc: &Document, tag: &str, class: &str) -> Self {
        // Only this module's own tag names reach here, which are valid.
        let element = doc.create_element(tag).expect("a valid tag name");
        if !class.is_empty() {
            element.set_class_name(class);
        }
        Self(element)
    }

    /// Sets attribute `name`.
    pub fn attr(self, name: &str, value: &str) -> Self {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Appends `text`.
    pub fn text(self, text: &str) -> Self {
        let _ = self.0.append_with_str_1(text);
        self
    }

    /// Appends `child`.
    pub fn child(self, child: El) -> Self {
        let _ = self.0.append_child(&child.0);
        self
    }

    /// Appends each of `children`.
    pub fn children(self, children: impl IntoIterator<Item = El>) -> Self {
        for child in children {
            let _ = self.0.append_child(&child.0);
        }
        self
    }

    /// The element, as an `HtmlElement`.
    pub fn html(self) -> HtmlElement {
        self.0.unchecked_into()
    }
}

/// The nearest element from `target` up that matches `selector`.
pub fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<Element> {
    target?
        .dyn_into::<Element>()
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

/// Focuses `element` in the next animation frame, if it is still in the page then: focusing
/// makes the browser lay out the new screen there and then, which would lengthen the tap's
/// task; in the frame, that layout is done once, just before the paint.
pub fn focus_soon(element: HtmlElement) {
    if let Some(window) = web_sys::window() {
        let step = wasm_bindgen::closure::Closure::once_into_js(move || {
            if element.is_connected() {
                let _ = element.focus();
            }
        });
        let _ = window.request_animation_frame(step.unchecked_ref());
    }
}
