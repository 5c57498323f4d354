//! The facilitator bundle (`candor-facilitator.js` + `candor-facilitator_bg.wasm`): the
//! facilitator's screen of a built-in alone, without the readers' quiz and results.
//! `candor.js` loads it for an element with `mode="facilitator"` and calls
//! `mountFacilitator`.

candor_widget::export_base_url!();
candor_widget::export_screen!(mountFacilitator, mount_facilitator, show_facilitator);

fn main() {}
