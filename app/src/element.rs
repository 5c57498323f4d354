//! The `<candor-quiz>` custom element's side in WebAssembly: what the element class and
//! the bundles say to each other.
//!
//! The element class itself is JavaScript (`public/candor-element.js`), because only a
//! JavaScript class can extend `HTMLElement`, and because it shows a new reader the first
//! screen before any WebAssembly has arrived; `candor.js` passes its `useBundle` to
//! [`crate::start`], and the class calls back into the small bundle's `mount`
//! (`take::mount`) for each element, then into [`Mounted::take_over`] with what the
//! reader did on that first screen (a [`Prelude`]); the full bundle mounts with
//! `mountFull` and what the small one handed over (a [`Handoff`]).
//! A plain file rather than a wasm-bindgen snippet: a snippet is only discovered once the
//! bundle's JavaScript is parsed, one round trip later. The widget's stylesheet is
//! `public/candor.css` (built into `candor-style.js`), adopted by the element class, so the
//! first screen is styled without the bundle.

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

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

/// Asks `host` to switch to the full bundle; once it is in, the element calls `handoff`
/// for what to hand over (JSON of a [`Handoff`]). If it cannot be loaded, the element calls
/// `failed` instead (of the latest request only).
pub fn upgrade_widget(
    host: &HtmlElement,
    handoff: impl FnOnce() -> String + 'static,
    failed: impl FnOnce() + 'static,
) {
    let handoff = Closure::once_into_js(handoff);
    let failed = Closure::once_into_js(failed);
    call_element_method(
        host,
        "candorUpgrade",
        &js_sys::Array::of2(&handoff, &failed),
    );
}

/// A mounted widget; the element calls [`Mounted::unmount`] when it leaves the page or
/// its attributes change.
#[wasm_bindgen]
pub struct Mounted {
    teardown: Option<Box<dyn FnOnce()>>,
    take_over: Option<Box<dyn FnOnce(Prelude)>>,
}

impl Mounted {
    /// A widget that `teardown` removes, and that `take_over` (if any) takes over from the
    /// element's first screen.
    pub fn new(
        teardown: impl FnOnce() + 'static,
        take_over: Option<Box<dyn FnOnce(Prelude)>>,
    ) -> Self {
        Self {
            teardown: Some(Box::new(teardown)),
            take_over,
        }
    }
}

#[wasm_bindgen]
impl Mounted {
    /// Removes the widget and releases its state.
    pub fn unmount(&mut self) {
        self.take_over = None;
        if let Some(teardown) = self.teardown.take() {
            teardown();
        }
    }

    /// Takes over from the element's first screen, given what the reader did on it (JSON
    /// of a [`Prelude`]; anything unreadable counts as nothing done), and builds the
    /// widget's screen; the element then puts the widget in its place.
    #[wasm_bindgen(js_name = takeOver)]
    pub fn take_over(&mut self, prelude: String) {
        let prelude = crate::json::read::<Prelude>(&prelude).unwrap_or_default();
        if let Some(step) = self.take_over.take() {
            step(prelude);
        }
    }
}

/// Gives the small bundle to the element class through `use_bundle`, the
/// `useBundle(mount)` of `candor-element.js` (which loads the full bundle itself).
/// `mount(host, container, overFirstScreen, questions)` takes the questions-only form of the
/// element's built-in instrument, which the element fetched (the small bundle holds none;
/// `null` for an element that shows no built-in).
#[cfg(not(feature = "full"))]
pub fn give_bundle(use_bundle: &js_sys::Function) -> Result<(), JsValue> {
    let mount =
        Closure::<dyn FnMut(HtmlElement, HtmlElement, bool, Option<String>) -> Mounted>::new(
            crate::take::mount,
        );
    use_bundle.call1(&JsValue::NULL, mount.as_ref())?;
    // The element class keeps calling this for every element the page adds.
    mount.forget();
    Ok(())
}

/// What the reader did on the first screen `candor-element.js` showed before the bundle
/// arrived (the intro and first question of a built-in instrument), for the bundle to take
/// over from. The field names are the ones `FirstScreen.state()` writes.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Prelude {
    /// Start was pressed.
    #[serde(default)]
    pub started: bool,
    /// The seed of the option order the first question was shown in.
    #[serde(default)]
    pub seed: Option<u32>,
    /// The option chosen on the first question (definition order).
    #[serde(default)]
    pub choice: Option<u8>,
    /// Next was pressed after choosing.
    #[serde(default)]
    pub next: bool,
    /// The intro's data controls are open (on the intro the first screen shows now: they
    /// close when it leaves the intro and when Back brings a fresh one).
    #[serde(default)]
    pub data: bool,
    /// Focus was in the widget: it moves to the new screen's heading.
    #[serde(default)]
    pub focus: bool,
}

/// How a widget of the full bundle starts.
#[cfg(feature = "full")]
#[derive(Clone, Debug, Default)]
pub enum Start {
    /// A new widget.
    #[default]
    First,
    /// Taking over from the small bundle.
    Handoff(Handoff),
}

/// What the first-question bundle hands to the full one when it switches.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Handoff {
    /// The records held in memory because they could not be stored (a full or refused
    /// storage), by key.
    #[serde(default)]
    pub memory: Option<std::collections::BTreeMap<String, String>>,
    /// Whether the reader's last step should move focus to the new screen's heading.
    #[serde(default)]
    pub focus: bool,
    /// What the reader asked for that only the full bundle does.
    #[serde(default)]
    pub action: Option<Action>,
    /// The screen the reader is on. Storage keeps the question they are at, not whether
    /// they are past the intro: an attempt started with nothing answered yet reads as new.
    #[serde(default)]
    pub screen: Option<crate::steps::Screen>,
    /// What the small bundle found in storage and the reader has not dismissed (reading
    /// again would not find it: a set-aside record is gone from its key).
    #[serde(default)]
    pub notices: Vec<candor_core::vault::Notice>,
    /// What the reader did on the element's first screen, when the small bundle hands over
    /// instead of taking over from it (it would not read the questions form it was given):
    /// the full bundle takes over from it in its place.
    #[serde(default)]
    pub prelude: Option<Prelude>,
}

/// Something the first-question bundle leaves to the full one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// The last answer is in: score, store and show the result.
    Finish,
    /// Open the reader's data controls (export, import, delete).
    OpenData,
}

/// Mounts a full widget into an element the first-question bundle defined, with what it
/// handed over (JSON of a [`Handoff`]; anything unreadable counts as nothing).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = mountFull)]
pub fn mount_full(host: HtmlElement, container: HtmlElement, handoff: Option<String>) -> Mounted {
    // Taking over from the small bundle (a hand-over, even an unreadable one) or a fresh
    // element on a page where the full bundle is already loaded.
    let start = match handoff {
        Some(h) => Start::Handoff(crate::json::read::<Handoff>(&h).unwrap_or_default()),
        None => Start::First,
    };
    mount(host, container, start)
}

/// Mounts a full widget configured by `host`'s attributes into `container`, started as
/// `start` says.
#[cfg(feature = "full")]
pub fn mount(host: HtmlElement, container: HtmlElement, start: Start) -> Mounted {
    use leptos::prelude::*;

    use crate::widget::Widget;

    let options = crate::options::options_from(&host);
    let handle = leptos::mount::mount_to(container, move || view! { <Widget options host start/> });
    Mounted::new(move || drop(handle), None)
}
