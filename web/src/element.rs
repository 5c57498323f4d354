//! What the `<candor-quiz>` element class and the bundles say to each other.
//!
//! * The element class is JavaScript (`public/candor-element.js`): only a JavaScript class
//!   can extend `HTMLElement`, and it shows the first screen before any WebAssembly.
//! * A bundle's mount returns a [`Mounted`]. The element replays the first screen's steps
//!   into it ([`Mounted::replay`], a [`Prelude`]) and unmounts it when it goes.
//! * The shared result's bundle hands an element back with [`show_own`].
//! * The small bundle hands over with [`hand_over`]. Once the full bundle is in, the element
//!   asks for a [`Handoff`] (the quiz and the held records, as of then).

use candor_core::quiz::{Quiz, Step};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

/// What the reader did on the first screen before the bundle arrived: the option order
/// they saw and their steps, in the quiz's own words (`candor-element.js` records them).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Prelude {
    /// The seed of the option order the first question was shown in.
    #[serde(default)]
    pub seed: Option<u32>,
    /// The reader's steps, in order.
    #[serde(default)]
    pub actions: Vec<Step>,
    /// Focus was in the widget: it moves to the new screen's heading.
    #[serde(default)]
    pub focus: bool,
}

/// What the small bundle hands to the full one.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Handoff {
    /// The quiz as the reader left it, when the small bundle ran it.
    #[serde(default)]
    pub quiz: Option<Quiz>,
    /// The records held in memory because they could not be stored: `(key, text)`.
    #[serde(default)]
    pub held: Vec<(String, String)>,
    /// The first screen's steps, when the small bundle did not run the quiz (a trainer's
    /// definition, or a questions form it would not read): the full bundle replays them.
    #[serde(default)]
    pub prelude: Option<Prelude>,
}

/// Calls `host.<method>(args…)`, a method of the element class; a host the class did not
/// define (a test mount) has none, and nothing happens.
fn call_element_method(host: &HtmlElement, method: &str, args: &js_sys::Array) {
    let method = js_sys::Reflect::get(host, &JsValue::from_str(method)).ok();
    if let Some(method) = method.and_then(|m| m.dyn_into::<js_sys::Function>().ok())
        && let Err(error) = method.apply(host, args)
    {
        web_sys::console::error_1(&error);
    }
}

/// Prints `host`'s result alone on the page.
pub fn print_widget(host: &HtmlElement) {
    call_element_method(host, "candorPrint", &js_sys::Array::new());
}

/// Tells `host` that it shows a screen its reader comes back to (a question or their
/// result) with every record stored: the element keeps the drawing for the reader's next
/// visit (see `candor_core::records::KEPT`).
pub fn keep_screen(host: &HtmlElement) {
    call_element_method(host, "candorKeep", &js_sys::Array::new());
}

/// Tells `host` that it shows no shared result (the code in the page's address is for
/// another instrument, or the reader chose to take the quiz themselves): the element opens
/// the reader's own quiz, in a microtask, after the handler that may be running.
pub fn show_own(host: &HtmlElement) {
    call_element_method(host, "candorShowOwn", &js_sys::Array::new());
}

/// Asks `host` to switch to the full bundle; once it is in, the element calls `handoff` for
/// what to hand over (JSON of a [`Handoff`]). If it cannot be loaded, the element calls
/// `failed` instead (of the latest request only).
pub fn hand_over(
    host: &HtmlElement,
    handoff: impl FnOnce() -> String + 'static,
    failed: impl FnOnce() + 'static,
) {
    let handoff = Closure::once_into_js(handoff);
    let failed = Closure::once_into_js(failed);
    call_element_method(
        host,
        "candorHandOver",
        &js_sys::Array::of2(&handoff, &failed),
    );
}

/// A mounted widget; the element calls [`Mounted::unmount`] when it leaves the page or
/// its attributes change.
#[wasm_bindgen]
pub struct Mounted {
    teardown: Option<Box<dyn FnOnce()>>,
    /// Reads the element's JSON of a [`Prelude`] and replays it. Only the bundles that
    /// replay set it, so the others link no reader of a `Prelude`.
    replay: Option<Box<dyn FnOnce(String)>>,
}

impl Mounted {
    /// A widget that `teardown` removes, with nothing to replay.
    pub fn new(teardown: impl FnOnce() + 'static) -> Self {
        Self {
            teardown: Some(Box::new(teardown)),
            replay: None,
        }
    }

    /// A widget that `teardown` removes, and that `replay` replays a first screen into.
    pub fn replaying(
        teardown: impl FnOnce() + 'static,
        replay: impl FnOnce(Prelude) + 'static,
    ) -> Self {
        let replay = move |prelude: String| {
            replay(crate::json::read::<Prelude>(&prelude).unwrap_or_default());
        };
        Self {
            teardown: Some(Box::new(teardown)),
            replay: Some(Box::new(replay)),
        }
    }
}

#[wasm_bindgen]
impl Mounted {
    /// Removes the widget and releases its state.
    pub fn unmount(&mut self) {
        self.replay = None;
        if let Some(teardown) = self.teardown.take() {
            teardown();
        }
    }

    /// Replays what the reader did on the element's first screen (JSON of a [`Prelude`];
    /// anything unreadable counts as nothing done) and builds the widget's screen; the
    /// element then puts the widget in its place.
    pub fn replay(&mut self, prelude: String) {
        if let Some(replay) = self.replay.take() {
            replay(prelude);
        }
    }
}
