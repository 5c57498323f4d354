//! The shared result's bundle (`candor-shared.js` + `candor-shared_bg.wasm`): a result
//! someone shared, read-only, without the readers' quiz. `candor.js` loads it for an element
//! when the page's address carries a result's code (`#candor=<code>`) and calls
//! `mountShared`.

use candor_web::element::Mounted;
use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::HtmlElement;

/// Remembers the folder the widget's files are served from.
#[wasm_bindgen(js_name = setBaseUrl)]
pub fn set_base_url(base_url: String) {
    candor_widget::set_base_url(base_url);
}

/// Mounts the shared result into an element, with the served definition of the built-in
/// it names (or `null`).
#[wasm_bindgen(js_name = mountShared)]
pub fn mount_shared(
    host: HtmlElement,
    container: HtmlElement,
    definition: Option<String>,
) -> Mounted {
    candor_widget::mount_screen(
        host,
        container,
        definition,
        candor_widget::load::show_shared,
    )
}

fn main() {}
