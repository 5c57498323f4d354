//! The full widget (`candor-widget.js` + `candor-widget_bg.wasm`, built with the `full`
//! feature): results, sharing and the facilitator. `candor.js` loads it in the background
//! and calls `mountFull` when an element switches to it.

fn main() {
    candor_app::keep_entry_points();
}
