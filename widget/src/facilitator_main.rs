//! The facilitator bundle (`candor-facilitator.js` + `candor-facilitator_bg.wasm`, built
//! with the `group` feature): the facilitator's screen of a built-in, whole (the box for
//! codes and the group's report included), without the readers' quiz and results.
//! `candor.js` loads it for an element with `mode="facilitator"` once the screen's top is
//! drawn (`candor-facilitator-top`, which hands over the session's tag), and calls
//! `mountFacilitator`.

candor_widget::export_base_url!();
candor_widget::export_screen!(mountFacilitator, mount_facilitator, show_facilitator);

fn main() {}
