//! The authoring page (`author.html`): a trainer writes, checks and tries their own
//! instrument in the browser, and leaves with a file and a snippet. Nothing is sent
//! anywhere; drafts stay in the browser.
//!
//! * [`spec`]: every field of the instrument format, as the form shows it.
//! * [`tree`]: paths into the definition's JSON tree and the edits made there.
//! * [`form`]: the form, drawn from the spec for all four models.
//! * [`problems`]: the core's check, each problem placed at its field.
//! * [`drafts`]: drafts kept in `localStorage`; [`export`]: the file and the snippets.
//! * [`preview`]: the real widget, given the definition inline.
//! * [`page`]: the page's state; [`start`]: the start screen; [`editor`]: the editor.
//! * [`text`]: the page's words in English and French.
//!
//! Every screen is a `candor-view` tree drawn from the page's state and brought up to date
//! in place, as the readers' taking screens are: the page links no UI framework.

pub mod drafts;
pub mod editor;
pub mod export;
pub mod form;
pub mod page;
pub mod preview;
pub mod problems;
pub mod spec;
pub mod start;
pub mod text;
pub mod tree;

use wasm_bindgen::prelude::wasm_bindgen;

/// Mounts the authoring page into `root`; `author.js` calls it once the module is ready.
#[wasm_bindgen(js_name = mountAuthor)]
pub fn mount_author(root: web_sys::HtmlElement) {
    page::mount(root);
}

/// Keeps the exported entry point linked into the bundle: a `main` that does nothing
/// would let the linker drop it.
pub fn keep_entry_points() {
    std::hint::black_box(mount_author as fn(web_sys::HtmlElement));
}
