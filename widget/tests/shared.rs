//! A result someone shared, in headless Chromium: the top of the screen, down to its
//! first picture, is drawn first, and the rest below it in the next task. What the result
//! says is the core's and the result views', tested natively and end to end.
#![allow(missing_docs, clippy::unwrap_used)]

use candor_core::builtin;
use candor_core::code;
use candor_core::response::Response;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;

use common::{find, host_with, next_task};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_top_of_a_shared_result_shows_first_and_the_rest_follows_below_it() {
    let id = "service-or-servility";
    let instrument = builtin::load_in(id, "en").unwrap();
    let response = Response {
        answers: vec![Some(1); instrument.items().len()],
        group: None,
    };
    let code = code::encode(&instrument, &response, None, 1).unwrap();
    let window = web_sys::window().unwrap();
    let address = format!("#candor={code}");
    (window.history().unwrap())
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address))
        .unwrap();

    let (host, container) = host_with(&[("instrument", id), ("locale", "en")]);
    let served = builtin::packed(id, "en").map(<[u8]>::to_vec);
    std::mem::forget(candor_widget::mount_screen(
        host,
        container.clone(),
        served,
        None,
        candor_widget::load::show_shared,
    ));
    // Unpacked and drawn in the mount's task, down to the first picture.
    assert!(
        container
            .query_selector("[data-testid=loading]")
            .unwrap()
            .is_none()
    );
    let banner = find(&container, "[data-testid=shared-banner]");
    let headline = find(&container, "[data-testid=headline]");
    let picture = find(&container, "[data-testid=map]");
    let section = find(&container, "[data-testid=shared]");
    assert!(section.last_element_child().unwrap() == *picture.unchecked_ref::<web_sys::Element>());
    assert!(
        container
            .query_selector("[data-testid=take-yourself]")
            .unwrap()
            .is_none()
    );

    // The rest, below the picture; what was drawn first is the same and in its place.
    next_task().await;
    let take = find(&container, "[data-testid=take-yourself]");
    assert!(take.is_connected());
    assert!(find(&container, "[data-testid=credit]").is_connected());
    assert!(find(&container, "[data-testid=shared-banner]") == banner);
    assert!(find(&container, "[data-testid=headline]") == headline);
    assert!(find(&container, "[data-testid=map]") == picture);
    let first = section.first_element_child().unwrap();
    assert!(first == *banner.unchecked_ref::<web_sys::Element>());
    assert!(picture.next_element_sibling().is_some());
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#"))
        .unwrap();
}
