//! Candor's widget in the browser: what both bundles share.
//!
//! * [`widget`]: one quiz on a page: the core's quiz, storage, drawing and listening.
//!   A [`widget::Bundle`] says what each bundle adds.
//! * [`dom`]: draws `candor_view` trees into the page and keeps them up to date.
//! * [`element`]: what the `<candor-quiz>` element class and the bundles say to each other.
//! * [`options`]: what a page asks of a widget, read from the element's attributes.
//! * [`storage`]: the vault over `localStorage`.
//! * [`events`]: the `candor:*` events a host page can listen to.
//! * [`page`]: the clock, the share fragment and the page events other widgets hear.
//! * [`json`]: JSON through the browser's own parser.
//! * [`files`]: a download to save, the text of a chosen file, the clipboard.
//!
//! Every bundle allocates with `talc` rather than the standard library's dlmalloc: about
//! 2 KB of brotli smaller in each bundle's WebAssembly, and as fast on the facilitator's
//! group of 100,000 codes.

pub mod dom;
pub mod element;
pub mod events;
pub mod files;
pub mod json;
pub mod options;
pub mod page;
pub mod storage;
pub mod widget;

/// The allocator of every bundle (see the crate's docs).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
