//! What the component tests of this crate share: the page, an element's host, waiting a
//! task, finding an element.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Waits for the next task (a new widget builds its first screen in one).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The element under `root` that `selector` matches; panics if there is none.
pub fn find(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

/// A `<candor-quiz>` stand-in with `attributes`, in the page, and the container a bundle
/// mounts into inside it: `(host, container)`.
pub fn host_with(attributes: &[(&str, &str)]) -> (HtmlElement, HtmlElement) {
    let document = document();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    for (name, value) in attributes {
        host.set_attribute(name, value).unwrap();
    }
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.append_child(&container).unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    (host, container)
}
