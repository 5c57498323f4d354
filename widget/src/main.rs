//! The full bundle (`candor-widget.js` + `candor-widget_bg.wasm`): a reader's quiz with
//! results, sharing, data controls, trainers' definitions and others' view. `candor.js`
//! loads it and calls `mountFull` for each element that switches to it.
//!
//! Its entry points are exported here, not by the library, so that the facilitator
//! bundle (`facilitator_main.rs`) links none of what only they reach.

use candor_web::element::Mounted;
use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::HtmlElement;

/// Remembers the folder the widget's files are served from. Also has a panic say what
/// went wrong and where in the console: the bundle aborts on a panic, which the browser
/// reports only as unreachable code.
#[wasm_bindgen(js_name = setBaseUrl)]
pub fn set_base_url(base_url: String) {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Candor's full bundle: {info}").into());
    }));
    candor_widget::set_base_url(base_url);
}

/// Mounts a full widget into an element, with the served definition of the built-in it
/// names (or `null`) and what the small bundle handed over (JSON of a
/// `candor_web::element::Handoff`, or `null` for a new widget).
#[wasm_bindgen(js_name = mountFull)]
pub fn mount_full(
    host: HtmlElement,
    container: HtmlElement,
    definition: Option<Vec<u8>>,
    handoff: Option<String>,
) -> Mounted {
    candor_widget::mount_full(host, container, definition, handoff)
}

fn main() {}
