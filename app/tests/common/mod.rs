//! Steps both bundles' component tests share: waiting a task, and finding what a widget shows.
#![allow(dead_code, clippy::unwrap_used)]

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Waits for the next task (a new widget builds its first screen in one).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("a timer resolves");
}

/// The element under `root` that matches `selector`; fails the test if there is none.
pub fn find(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

/// The text of the element with `data-testid` `test_id` under `root`.
pub fn text(root: &HtmlElement, test_id: &str) -> String {
    find(root, &format!("[data-testid={test_id}]"))
        .text_content()
        .unwrap_or_default()
}

/// Checks that the attempt stored under `key` is the one a first screen handed over, in
/// the tests of both bundles: seed 7, option 2 chosen for the first question.
pub fn assert_first_screen_taken_over(key: &str) {
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(key)
        .unwrap()
        .expect("the attempt is stored");
    assert!(
        stored.contains(r#""seed":7"#),
        "the seed the first screen showed: {stored}"
    );
    assert!(
        stored.contains(r#""answers":[2,null"#),
        "the answer given there: {stored}"
    );
}
