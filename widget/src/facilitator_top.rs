//! The facilitator's first bundle (`candor-facilitator-top.js` +
//! `candor-facilitator-top_bg.wasm`, built without the `group` feature): the top of the
//! facilitator's screen of a built-in (the session's tag, the attendee link and its QR
//! code), which is what attendees need first. It draws it from the built-in's id and
//! title alone, so it carries no definition unpacking. `candor.js` loads it for an element
//! with `mode="facilitator"` and calls `mountFacilitator`; once the top is drawn, it asks
//! the element for the whole screen's bundle (`candor-facilitator`), which takes over.

candor_widget::export_base_url!();
candor_widget::export_named_screen!(mountFacilitator, mount_facilitator, show_facilitator_top);

fn main() {}
