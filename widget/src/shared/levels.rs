//! The shared result's bundle for the built-ins scored by the levels model
//! (`candor-shared-levels.js` + `candor-shared-levels_bg.wasm`): a result someone shared,
//! read-only, without the readers' quiz and without the other models' result screens.
//! `candor.js` loads it for an element whose instrument has that model when the page's
//! address carries a result's code (`#candor=<code>`), and calls `mountShared`.

candor_widget::export_base_url!();
candor_widget::export_screen!(mountShared, mount_shared, show_shared);

fn main() {}
