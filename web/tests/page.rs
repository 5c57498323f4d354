//! What a widget reads from its page's address, in headless Chromium: the shared result's
//! code, and the address once that code is taken out.
#![allow(missing_docs, clippy::unwrap_used)]

use candor_web::page::{forget_shared_code, shared_code};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Puts `fragment` in the page's address (without a step in its history).
fn set_fragment(fragment: &str) {
    let window = web_sys::window().unwrap();
    let href = window.location().href().unwrap();
    let base = href.split('#').next().unwrap().to_owned();
    let url = format!("{base}{fragment}");
    (window.history().unwrap())
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .unwrap();
}

fn fragment() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

#[wasm_bindgen_test]
fn the_shared_code_leaves_the_address_and_the_rest_of_its_fragment_stays() {
    set_fragment("#top&candor=2ABC&candor-rate=x~1~y");
    assert_eq!(shared_code().as_deref(), Some("2ABC"));
    forget_shared_code();
    assert_eq!(fragment(), "#top&candor-rate=x~1~y");
    assert_eq!(shared_code(), None);

    set_fragment("#candor=2ABC");
    forget_shared_code();
    assert_eq!(fragment(), "");
    assert!(
        !web_sys::window()
            .unwrap()
            .location()
            .href()
            .unwrap()
            .contains('#')
    );
}
