//! The small bundle (`candor-take.js` + `candor-take_bg.wasm`). Nothing runs at start-up;
//! `candor.js` calls `start` once it is compiled.

fn main() {
    candor_take::keep_entry_points();
}
