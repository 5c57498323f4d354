//! The first-question bundle (`candor-take.js` + `candor-take_bg.wasm`): intro, questions
//! and storage. Nothing runs at start-up; `candor.js` calls `start` once it is compiled.

fn main() {
    candor_app::keep_entry_points();
}
