//! The facilitator's screen in headless Chromium: drawn without Leptos, brought up to date
//! in place as the facilitator types, so the box keeps its focus and its text. What the
//! group report says is the core's, tested natively.
#![allow(missing_docs, clippy::unwrap_used)]

use candor_core::builtin;
use candor_core::code;
use candor_core::response::Response;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlTextAreaElement};

mod common;

use common::{document, find, next_task};

wasm_bindgen_test_configure!(run_in_browser);

const SVG: &str = "http://www.w3.org/2000/svg";

/// Mounts the facilitator's screen for the built-in `instrument`, in session `session`: it
/// says it is loading, reads the definition in the next task and draws the screen in the
/// one after, so no task is long.
async fn mount(instrument: &str, session: &str) -> HtmlElement {
    let document = document();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.set_attribute("instrument", instrument).unwrap();
    host.set_attribute("mode", "facilitator").unwrap();
    host.set_attribute("session", session).unwrap();
    host.set_attribute("locale", "en").unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.append_child(&container).unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let served = builtin::served_text(instrument, "en").map(str::to_owned);
    std::mem::forget(candor_widget::mount_screen(
        host,
        container.clone(),
        served,
        candor_widget::load::show_facilitator,
    ));
    assert!(find(&container, "[data-testid=loading]").is_connected());
    next_task().await;
    assert!(find(&container, "[data-testid=loading]").is_connected());
    next_task().await;
    assert!(find(&container, "[data-testid=facilitator]").is_connected());
    assert!(
        container
            .query_selector("[data-testid=loading]")
            .unwrap()
            .is_none()
    );
    container
}

/// A result code of `instrument` with every answer `answer`, in `session`.
fn code_of(instrument: &str, answer: u8, session: &str) -> String {
    let instrument = builtin::load_in(instrument, "en", candor_widget::json::parse).unwrap();
    let response = Response {
        answers: vec![Some(answer); instrument.items().len()],
        group: None,
    };
    code::encode(&instrument, &response, Some(session), answer).unwrap()
}

/// Types `text` into the box as a reader's keyboard does: a new value, then `input`.
fn type_into(box_: &HtmlTextAreaElement, text: &str) {
    box_.set_value(text);
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    box_.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn pasted_codes_become_the_group_while_the_box_keeps_its_focus_and_text() {
    let root = mount("service-or-servility", "WS-9").await;
    assert!(
        root.query_selector("[data-testid=group-report]")
            .unwrap()
            .is_none()
    );
    let qr = find(&root, "[data-testid=qr]");
    assert_eq!(qr.namespace_uri().as_deref(), Some(SVG));

    let box_: HtmlTextAreaElement = find(&root, "[data-testid=paste]").unchecked_into();
    box_.focus().unwrap();
    let text = format!(
        "{}\n{}\nnot a code 1ZZZZZZZZZZZZZZZZ",
        code_of("service-or-servility", 1, "WS-9"),
        code_of("service-or-servility", 3, "WS-9")
    );
    type_into(&box_, &text);

    let count = find(&root, "[data-testid=group-count]");
    assert_eq!(count.text_content().unwrap(), "2 code(s) in the group.");
    assert!(find(&root, "[data-testid=rejected-invalid]").is_connected());
    let bars = find(&root, "svg.cq-bars");
    assert_eq!(bars.namespace_uri().as_deref(), Some(SVG));
    // Drawn again in place: the same box, still focused, with what was typed.
    let now: HtmlTextAreaElement = find(&root, "[data-testid=paste]").unchecked_into();
    assert!(now == box_);
    assert_eq!(box_.value(), text);
    let active = document().active_element().unwrap();
    assert!(active == *box_.unchecked_ref::<web_sys::Element>());

    // One code more: the report follows, and the session's input is the same element.
    let session = find(&root, "[data-testid=session]");
    type_into(
        &box_,
        &format!("{text}\n{}", code_of("service-or-servility", 2, "WS-9")),
    );
    assert_eq!(count.text_content().unwrap(), "3 code(s) in the group.");
    assert!(find(&root, "[data-testid=session]") == session);
}
