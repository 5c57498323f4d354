//! Candor's widget: the UI, storage and embedding.
//!
//! The app displays what `candor-core` decides. It builds as two bundles from one source:
//! without the `full` feature, the small bundle a page loads first (intro, questions,
//! storage), drawn by hand without a UI framework (`take`); with it, the full widget in
//! Leptos (results, sharing, facilitator), which the small one hands over to when a result
//! is to be shown.
//!
//! Layers, top down:
//!
//! * [`element`]: what the `<candor-quiz>` element class and the bundles say to each
//!   other (mounting, the first screen's [`element::Prelude`], the hand-over).
//! * [`options`]: what a page asks of a widget, read from the element's attributes.
//! * `take` (small bundle): the widget drawn with the DOM's own calls.
//! * `widget`, `quiz`, `screens`, `components` (full bundle): the Leptos widget, the
//!   state of its quiz as signals, one component per screen, and the pieces they share.
//! * [`steps`]: what each step of a quiz decides, the notices' words and what a quiz reads
//!   from its page, shared by both bundles.
//! * [`events`]: the `candor:*` events a host page can listen to.
//! * [`storage`]: typed records in `localStorage`, failures reported as values.
//! * [`text`]: the interface's own words.
//! * [`json`]: JSON through the browser's own parser.

#[cfg(feature = "full")]
pub mod components;
pub mod element;
pub mod events;
pub mod json;
pub mod options;
#[cfg(feature = "full")]
pub mod quiz;
#[cfg(feature = "full")]
pub mod screens;
pub mod steps;
pub mod storage;
#[cfg(not(feature = "full"))]
pub mod take;
pub mod text;
#[cfg(feature = "full")]
pub mod widget;

use std::cell::RefCell;

use wasm_bindgen::prelude::wasm_bindgen;

thread_local! {
    static BASE_URL: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Gives the small bundle to the `<candor-quiz>` element. `candor.js` calls it once, after
/// the module is compiled, with the URL of the folder the widget's files are served from
/// and the `useBundle` of `candor-element.js`.
#[cfg(not(feature = "full"))]
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
    #[cfg(not(feature = "full"))]
    std::hint::black_box(
        start as fn(String, js_sys::Function) -> Result<(), wasm_bindgen::JsValue>,
    );
    #[cfg(feature = "full")]
    std::hint::black_box(
        element::mount_full
            as fn(web_sys::HtmlElement, web_sys::HtmlElement, Option<String>) -> element::Mounted,
    );
}
