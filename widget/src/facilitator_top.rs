//! The facilitator's first bundle (`candor-facilitator-top.js` +
//! `candor-facilitator-top_bg.wasm`, built without the `group` feature): the top of the
//! facilitator's screen of a built-in (the session's tag, the attendee link and its QR
//! code), which is what attendees need first. `candor.js` loads it for an element with
//! `mode="facilitator"` and calls `mountFacilitator`; once the top is drawn, it asks the
//! element for the whole screen's bundle (`candor-facilitator`), which takes over.

candor_widget::export_base_url!();
candor_widget::export_screen!(mountFacilitator, mount_facilitator, show_facilitator);

fn main() {}
