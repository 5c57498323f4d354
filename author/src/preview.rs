//! The live preview: the real `<candor-quiz>` element, given the definition inline.
//!
//! * The page loads `candor.js` like any host page; the preview is one element in a box of
//!   phone width, replaced whenever the definition changes.
//! * Its answers live under their own storage namespace ([`NAMESPACE`]), emptied before
//!   each new preview, so a trainer's tries never mix with a reader's results or with an
//!   earlier shape of the same instrument.

use candor_core::records::Keys;
use wasm_bindgen::JsValue;

/// The storage namespace of the preview's answers.
pub const NAMESPACE: &str = "author-preview";

/// Removes every stored record of the preview's namespace.
pub fn forget_answers() {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    let prefix = Keys::new(Some(NAMESPACE), "").namespace_prefix();
    let len = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(&prefix))
        .collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
}

/// Shows a new widget of `definition` (JSON) in `container`, in the interface language
/// `locale`, after forgetting the previous one's answers.
pub fn show(container: &web_sys::Element, definition: &str, locale: &str) -> Result<(), JsValue> {
    let document = container
        .owner_document()
        .ok_or_else(|| JsValue::from_str("the preview is not in a document"))?;
    clear(container);
    forget_answers();
    let quiz = document.create_element("candor-quiz")?;
    quiz.set_attribute("storage-key", NAMESPACE)?;
    quiz.set_attribute("locale", locale)?;
    quiz.set_attribute("data-testid", "preview-quiz")?;
    let script = document.create_element("script")?;
    script.set_attribute("type", "application/json")?;
    script.set_text_content(Some(definition));
    quiz.append_child(&script)?;
    container.append_child(&quiz)?;
    Ok(())
}

/// Removes the preview's widget.
pub fn clear(container: &web_sys::Element) {
    container.set_text_content(None);
}
