//! The facilitator bundle (`candor-facilitator.js` + `candor-facilitator_bg.wasm`): the
//! facilitator's screen alone, without the readers' quiz and results. `candor.js` loads
//! it for an element with `mode="facilitator"` and calls `mountFacilitator`.

use candor_web::element::Mounted;
use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::HtmlElement;

/// Remembers the folder the widget's files are served from.
#[wasm_bindgen(js_name = setBaseUrl)]
pub fn set_base_url(base_url: String) {
    candor_widget::set_base_url(base_url);
}

/// Mounts the facilitator's screen into an element, with the served definition of the
/// built-in it names (or `null`).
#[wasm_bindgen(js_name = mountFacilitator)]
pub fn mount_facilitator(
    host: HtmlElement,
    container: HtmlElement,
    definition: Option<String>,
) -> Mounted {
    candor_widget::mount_screen(
        host,
        container,
        definition,
        candor_widget::load::show_facilitator,
    )
}

fn main() {}
