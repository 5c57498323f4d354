//! The facilitator's first bundle (`candor-facilitator-top.js` +
//! `candor-facilitator-top_bg.wasm`, built without the `group` feature): the top of the
//! facilitator's screen of a built-in (the session's tag, the attendee link and its QR
//! code), which is what attendees need first. It draws it from the built-in's id and
//! title alone, so it carries no definition unpacking. `candor.js` loads it for an element
//! with `mode="facilitator"` and calls `mountFacilitator`; once the top is drawn, it asks
//! the element for the whole screen's bundle (`candor-facilitator`), which takes over.

use wasm_bindgen::prelude::wasm_bindgen;

candor_widget::export_base_url!();

/// Mounts the facilitator's screen's top into an element. The element also passes every
/// screen's mount the packed file and the hand-over; the top needs neither.
#[wasm_bindgen(js_name = mountFacilitator)]
pub fn mount_facilitator(
    host: web_sys::HtmlElement,
    container: web_sys::HtmlElement,
) -> candor_web::element::Mounted {
    candor_widget::load::mount_facilitator_top(host, container)
}

fn main() {}
