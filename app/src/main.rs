//! Entry point of the widget bundle. Nothing happens at start-up: `candor.js` calls
//! [`candor_app::start`] once the module is compiled, with the URL it was loaded from.

fn main() {
    // Keep the exported entry points linked into the binary (and with them wasm-bindgen's
    // intrinsics): an empty `main` lets the linker drop them.
    std::hint::black_box(candor_app::start as fn(String));
}
