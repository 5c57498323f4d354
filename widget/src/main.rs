//! The full bundle (`candor-widget.js` + `candor-widget_bg.wasm`): results, sharing, data
//! controls, trainers' definitions and the facilitator. `candor.js` loads it and calls
//! `mountFull` for each element that switches to it.

fn main() {
    candor_widget::keep_entry_points();
}
