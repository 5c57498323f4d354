//! The shared result's bundle (`candor-shared.js` + `candor-shared_bg.wasm`): a result
//! someone shared, read-only, of a built-in, without the readers' quiz. `candor.js` loads
//! it for an element when the page's address carries a result's code (`#candor=<code>`)
//! and calls `mountShared`.

candor_widget::export_base_url!();
candor_widget::export_screen!(mountShared, mount_shared, show_shared);

fn main() {}
