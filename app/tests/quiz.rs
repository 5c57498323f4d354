//! Component tests in headless Chromium: mount the widget, click, and read what it shows.
#![allow(missing_docs, clippy::unwrap_used)]

//! The full bundle's widget (built with the `full` feature); the small bundle's is
//! `take.rs`.
#![cfg(feature = "full")]

use candor_app::element::{Handoff, Prelude, Start};
use candor_app::options::Options;
use candor_app::widget::Widget;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod common;

use common::{find, next_task, text};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a widget for `instrument` under a storage namespace no other test uses, and
/// waits until it shows its first screen.
async fn mount(instrument: &str, namespace: &str) -> HtmlElement {
    mount_as(instrument, namespace, Start::default()).await
}

/// Mounts a widget started as `start` and waits for the next task.
async fn mount_as(instrument: &str, namespace: &str, start: Start) -> HtmlElement {
    let document = document();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    if let Ok(Some(storage)) = window().local_storage() {
        for suffix in ["progress", "history"] {
            let _ = storage.remove_item(&format!("candor:{namespace}:{instrument}:{suffix}"));
        }
    }
    let options = Options {
        namespace: Some(namespace.to_owned()),
        ..Options::builtin(instrument)
    };
    let handle =
        leptos::mount::mount_to(container.clone(), move || view! { <Widget options start/> });
    handle.forget();
    next_task().await;
    container
}

/// Picks the option with `value` on the current question and presses Next.
async fn answer(root: &HtmlElement, value: u8) {
    find(root, &format!("input[type=radio][value='{value}']")).click();
    tick().await;
    find(root, "[data-testid=next]").click();
    tick().await;
}

#[wasm_bindgen_test]
async fn start_then_answer_moves_to_the_next_question() {
    let root = mount("service-or-servility", "wbt-step").await;
    assert!(text(&root, "intro").contains("Service or servility?"));
    find(&root, "[data-testid=start]").click();
    tick().await;
    assert_eq!(text(&root, "progress"), "Question 1 of 16");
    let next: web_sys::HtmlButtonElement = find(&root, "[data-testid=next]").unchecked_into();
    assert!(next.disabled(), "Next waits for an answer");
    answer(&root, 3).await;
    assert_eq!(text(&root, "progress"), "Question 2 of 16");
    find(&root, "[data-testid=back]").click();
    tick().await;
    assert_eq!(text(&root, "progress"), "Question 1 of 16");
    let kept: web_sys::HtmlInputElement = find(&root, "input[value='3']").unchecked_into();
    assert!(kept.checked(), "going back shows the answer already given");
}

#[wasm_bindgen_test]
async fn completing_the_quiz_shows_the_scores_the_core_computes() {
    let root = mount("service-or-servility", "wbt-complete").await;
    find(&root, "[data-testid=start]").click();
    tick().await;
    // Every item "often": servility weight 60 and partnership weight 75 on all eight items.
    for _ in 0..16 {
        answer(&root, 3).await;
    }
    assert_eq!(text(&root, "score-servility"), "60");
    assert_eq!(text(&root, "score-partnership"), "75");
    assert_eq!(text(&root, "headline"), "Eager to please");
    // Three habits are shown, each with something to try.
    let habits = find(&root, "[data-testid=habits]");
    assert_eq!(habits.child_element_count(), 3);
}

#[wasm_bindgen_test]
async fn an_unknown_instrument_says_which_exist() {
    let root = mount("no-such-quiz", "wbt-unknown").await;
    let message = root.text_content().unwrap_or_default();
    assert!(message.contains("no-such-quiz"), "{message}");
    assert!(message.contains("service-or-servility"), "{message}");
}

#[wasm_bindgen_test]
async fn a_new_widget_builds_its_screen_in_the_next_task() {
    let document = document();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let options = Options {
        namespace: Some("wbt-next-task".to_owned()),
        ..Options::builtin("trust-equation")
    };
    let handle = leptos::mount::mount_to(container.clone(), move || view! { <Widget options/> });
    handle.forget();
    // Reading the definition and opening storage is one task; the screen is the next.
    tick().await;
    assert!(
        container
            .query_selector("[data-testid=intro]")
            .unwrap()
            .is_none()
    );
    next_task().await;
    assert!(
        text(&container, "intro").contains("trust"),
        "{}",
        text(&container, "intro")
    );
}

#[wasm_bindgen_test]
async fn the_full_bundle_does_what_the_reader_did_on_a_first_screen_handed_over() {
    let handoff = Handoff {
        prelude: Some(Prelude {
            started: true,
            seed: Some(7),
            choice: Some(2),
            next: true,
            ..Prelude::default()
        }),
        ..Handoff::default()
    };
    let root = mount_as("customer-focus", "wbt-take-over", Start::Handoff(handoff)).await;
    tick().await;
    assert_eq!(text(&root, "progress"), "Question 2 of 10");
    common::assert_first_screen_taken_over("candor:wbt-take-over:customer-focus:progress");
}
