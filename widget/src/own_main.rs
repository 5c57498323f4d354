//! The bundle for a trainer's own definition (`candor-own.js` + `candor-own_bg.wasm`): a
//! result someone shared and the facilitator's screen, as their own bundles show them,
//! with the core's reader for a definition given inline or by `src`. `candor.js` loads it
//! instead of theirs for an element that reads its own definition, and calls
//! `mountShared` or `mountFacilitator`.

candor_widget::export_base_url!();
candor_widget::export_screen!(mountShared, mount_shared, show_shared);
candor_widget::export_screen!(mountFacilitator, mount_facilitator, show_facilitator);

fn main() {}
