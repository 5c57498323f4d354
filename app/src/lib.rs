//! Candor's widget: the Leptos UI, storage and embedding.
//!
//! The app displays what `candor-core` decides. It builds as two bundles from one source:
//! without the `full` feature, the small bundle a page loads first (intro, questions,
//! storage); with it, the full widget (results, sharing, facilitator), which the small one
//! loads in the background and hands over to when a result is to be shown.
//!
//! Layers, top down:
//!
//! * [`element`]: the `<candor-quiz>` custom element and the options read from its
//!   attributes; mounts a [`widget::Widget`] into the element's shadow root.
//! * [`widget`]: loads the instrument named by the options and shows the quiz, or the
//!   list of problems when a definition is invalid.
//! * [`events`]: the `candor:*` events a host page can listen to.
//! * [`quiz`]: the state of one quiz ([`quiz::QuizCtx`]), shared through context, and
//!   the actions that move it on (answer, next, back, finish, retake).
//! * [`screens`]: one component per screen (intro, question, result).
//! * [`components`]: small pieces the screens share (progress, pictures).
//! * [`storage`]: typed records in `localStorage`, failures reported as values.
//! * [`text`]: the interface's own words.
//! * [`json`]: JSON through the browser's own parser.

pub mod components;
pub mod element;
pub mod events;
pub mod json;
pub mod quiz;
pub mod screens;
pub mod storage;
pub mod text;
pub mod widget;

use std::cell::RefCell;

use wasm_bindgen::prelude::wasm_bindgen;

thread_local! {
    static BASE_URL: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Gives the small bundle to the `<candor-quiz>` element. `candor.js` calls it once, after
/// the module is compiled, with the URL of the folder the widget's files are served from
/// and the `useBundle` of `candor-element.js`.
#[wasm_bindgen]
pub fn start(base_url: String, use_bundle: js_sys::Function) -> Result<(), wasm_bindgen::JsValue> {
    set_base_url(base_url);
    element::give_bundle(&use_bundle)
}

/// Remembers the folder the widget's files are served from (the full bundle is told by
/// `candor.js` before its first mount).
#[wasm_bindgen(js_name = setBaseUrl)]
pub fn set_base_url(base_url: String) {
    BASE_URL.with(|b| *b.borrow_mut() = base_url);
}

/// The folder the widget's files are served from (ends with `/`); empty in tests, where
/// the widget is mounted directly.
pub fn base_url() -> String {
    BASE_URL.with(|b| b.borrow().clone())
}

/// Keeps the exported entry points linked into a bundle (and with them wasm-bindgen's
/// intrinsics): a `main` that does nothing would let the linker drop them.
pub fn keep_entry_points() {
    std::hint::black_box(
        start as fn(String, js_sys::Function) -> Result<(), wasm_bindgen::JsValue>,
    );
    #[cfg(feature = "full")]
    std::hint::black_box(
        element::mount_full
            as fn(web_sys::HtmlElement, web_sys::HtmlElement, Option<String>) -> element::Mounted,
    );
}
