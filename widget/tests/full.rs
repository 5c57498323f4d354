//! The full bundle's widget in headless Chromium: the taking screens with results, data
//! controls and what the small bundle hands over. What each step decides is the core's
//! quiz, tested natively; this checks what the page shows.
#![allow(missing_docs, clippy::unwrap_used)]

use candor_core::builtin;
use candor_core::quiz::{Action, Quiz};
use candor_core::records::Keys;
use candor_web::element::{Handoff, Prelude};
use candor_web::page::PageClock;
use candor_web::storage;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod common;

use common::{document, find, host_with, next_task};

wasm_bindgen_test_configure!(run_in_browser);

fn text(root: &HtmlElement, test_id: &str) -> String {
    find(root, &format!("[data-testid={test_id}]"))
        .text_content()
        .unwrap_or_default()
}

/// Mounts a full widget of `instrument` under `namespace` (cleared), with `handoff`, and
/// waits for the next task.
async fn mount(instrument: &str, namespace: &str, handoff: Option<&Handoff>) -> HtmlElement {
    mount_with(instrument, namespace, handoff, None).await
}

/// [`mount`], with the definition given inline when `definition` is set.
async fn mount_with(
    instrument: &str,
    namespace: &str,
    handoff: Option<&Handoff>,
    definition: Option<&str>,
) -> HtmlElement {
    let container = mount_now(instrument, namespace, handoff, definition);
    next_task().await;
    tick().await;
    container
}

/// Mounts as [`mount_with`] does, and returns as soon as the mount's task is done.
fn mount_now(
    instrument: &str,
    namespace: &str,
    handoff: Option<&Handoff>,
    definition: Option<&str>,
) -> HtmlElement {
    let document = document();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    if let Some(definition) = definition {
        let script = document.create_element("script").unwrap();
        script.set_attribute("type", "application/json").unwrap();
        script.set_text_content(Some(definition));
        host.append_child(&script).unwrap();
    }
    host.set_attribute("instrument", instrument).unwrap();
    host.set_attribute("storage-key", namespace).unwrap();
    host.set_attribute("locale", "en").unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.append_child(&container).unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let handoff = handoff.map(|h| candor_web::json::write(h).unwrap());
    // The packed file the element fetches for a built-in.
    let served = builtin::packed(instrument, "en").map(<[u8]>::to_vec);
    let mounted = candor_widget::mount_full(host, container.clone(), served, handoff);
    std::mem::forget(mounted);
    container
}

/// Waits for the next frame, then a task.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    next_task().await;
}

fn clear(namespace: &str, instrument: &str) {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    for suffix in ["progress", "history"] {
        let _ = storage.remove_item(&format!("candor:{namespace}:{instrument}:{suffix}"));
    }
}

async fn answer(root: &HtmlElement, value: u8) {
    find(root, &format!("input[type=radio][value='{value}']")).click();
    find(root, "[data-testid=next]").click();
    tick().await;
}

#[wasm_bindgen_test]
async fn completing_the_quiz_shows_the_scores_the_core_computes() {
    clear("wbt-complete", "service-or-servility");
    let root = mount("service-or-servility", "wbt-complete", None).await;
    find(&root, "[data-testid=start]").click();
    // Every item "often": servility weight 60 and partnership weight 75 on all eight items.
    for _ in 0..16 {
        answer(&root, 3).await;
    }
    // The result's top comes first, down to its picture; the rest of it and the reader's
    // tools after its first frame.
    assert_eq!(text(&root, "headline"), "Eager to please");
    assert!(find(&root, "[data-testid=result] svg").is_connected());
    assert!(
        root.query_selector("[data-testid=retake]")
            .unwrap()
            .is_none()
    );
    let share = "[data-testid=result] [data-testid=share]";
    assert!(root.query_selector(share).unwrap().is_none());
    next_frame().await;
    assert_eq!(text(&root, "score-servility"), "60");
    assert_eq!(text(&root, "score-partnership"), "75");
    let habits = find(&root, "[data-testid=habits]");
    assert_eq!(habits.child_element_count(), 3);
    assert!(find(&root, "[data-testid=retake]").is_connected());
    assert!(find(&root, share).is_connected());
    // What the reader has open on the result stays open through a redraw that changes no
    // result (the page hidden a moment: held records are tried again).
    find(&root, "[data-testid=result] [data-testid=delete]").click();
    tick().await;
    let confirm = find(&root, "[data-testid=delete-confirm]");
    let hidden = web_sys::Event::new("visibilitychange").unwrap();
    web_sys::window().unwrap().dispatch_event(&hidden).unwrap();
    tick().await;
    assert!(confirm.is_connected(), "the confirmation is still there");
    // Retake leaves the result for the first question.
    find(&root, "[data-testid=retake]").click();
    tick().await;
    next_task().await;
    assert_eq!(text(&root, "progress"), "Question 1 of 16");
    assert!(
        root.query_selector("[data-testid=result]")
            .unwrap()
            .is_none()
    );
}

#[wasm_bindgen_test]
async fn does_not_apply_is_set_apart_left_out_and_counted() {
    clear("wbt-skip", "service-or-servility");
    let root = mount("service-or-servility", "wbt-skip", None).await;
    find(&root, "[data-testid=start]").click();
    tick().await;
    // The first item is about the reader's own team: a sixth answer, after the scale.
    let last = find(&root, ".cq-choices > label.cq-choice:nth-child(6)");
    assert!(
        root.query_selector(".cq-choices > :nth-child(7)")
            .unwrap()
            .is_none()
    );
    assert_eq!(last.text_content().unwrap(), "Does not apply to me");
    assert!(last.class_list().contains("cq-choice-apart"));
    answer(&root, 5).await;
    for _ in 1..16 {
        answer(&root, 3).await;
    }
    next_frame().await;
    // Seven servility items at 60 and the skipped one left out: 60, not 52.
    assert_eq!(text(&root, "score-servility"), "60");
    assert_eq!(text(&root, "score-partnership"), "75");
    assert_eq!(
        text(&root, "not-applicable"),
        "1 of 16 questions did not apply to you and were left out of the scores."
    );
}

#[wasm_bindgen_test]
async fn a_result_with_too_few_answers_that_apply_says_so_instead_of_a_score() {
    let mut definition: serde_json::Value =
        serde_json::from_str(builtin::source("customer-focus").unwrap()).unwrap();
    definition["id"] = "focus-skips".into();
    definition["model"]["not_applicable"] = "None of these fits my work".into();
    definition["model"]["min_answers"] = 4.into();
    for item in definition["items"].as_array_mut().unwrap() {
        item["not_applicable"] = true.into();
    }
    clear("wbt-unscored", "focus-skips");
    let root = mount_with(
        "focus-skips",
        "wbt-unscored",
        None,
        Some(&definition.to_string()),
    )
    .await;
    find(&root, "[data-testid=start]").click();
    tick().await;
    // Three situations answered at level 2, seven that do not fit.
    for i in 0..10 {
        if i < 3 {
            let option = definition["items"][i]["options"]
                .as_array()
                .unwrap()
                .iter()
                .position(|o| o["level"] == 2)
                .unwrap();
            answer(&root, option as u8).await;
        } else {
            answer(&root, 5).await;
        }
    }
    assert_eq!(text(&root, "headline"), "Not enough answers to score");
    assert_eq!(
        text(&root, "shortfalls"),
        "The situations: 3 answered, at least 4 needed"
    );
    assert!(text(&root, "not-applicable").starts_with("7 of 10 questions"));
    assert!(
        root.query_selector("[data-testid=ladder-chart]")
            .unwrap()
            .is_none()
    );
}

#[wasm_bindgen_test]
async fn an_unknown_instrument_says_which_exist() {
    let root = mount("no-such-quiz", "wbt-unknown", None).await;
    let message = root.text_content().unwrap_or_default();
    assert!(message.contains("no-such-quiz"), "{message}");
    assert!(message.contains("service-or-servility"), "{message}");
}

#[wasm_bindgen_test]
async fn a_built_in_s_file_from_another_build_is_refused_and_fetched_afresh() {
    let (host, container) = host_with(&[("instrument", "curiosity"), ("locale", "en")]);
    // Another build's file: one byte of a text changed.
    let mut stale = builtin::packed("curiosity", "en").unwrap().to_vec();
    let at = stale.iter().position(|b| *b == b'a').unwrap();
    stale[at] = b'b';
    let mounted = candor_widget::mount_full(host, container.clone(), Some(stale), None);
    // The widget asks for the file itself, saying so meanwhile; the test server has no such
    // file, and the widget says what could not be downloaded.
    assert_eq!(text(&container, "loading"), "Loading the quiz…");
    let mut message = String::new();
    for _ in 0..200 {
        next_task().await;
        if let Some(error) = container
            .query_selector("[data-testid=load-error]")
            .unwrap()
        {
            message = error.text_content().unwrap_or_default();
            break;
        }
    }
    assert!(
        message.contains("Curious, or chasing the sale?"),
        "{message}"
    );
    assert!(message.contains("HTTP 404"), "{message}");
    assert!(
        container
            .query_selector("[data-testid=start]")
            .unwrap()
            .is_none()
    );
    std::mem::forget(mounted);
}

#[wasm_bindgen_test]
async fn the_intro_s_data_controls_are_the_full_bundle_s() {
    clear("wbt-data", "trust-equation");
    let root = mount("trust-equation", "wbt-data", None).await;
    let details = find(&root, "[data-testid=intro-data]");
    assert!(find(&details, "[data-testid=data]").is_connected());
    find(&details, "summary").click();
    next_task().await;
    assert!(details.has_attribute("open"));
    find(&root, "[data-testid=start]").click();
    tick().await;
    assert!(root.query_selector("[data-testid=data]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_quiz_handed_over_with_its_result_on_its_way_shows_the_result() {
    let (namespace, id) = ("wbt-handed", "trust-equation");
    clear(namespace, id);
    let questions = builtin::load_in(id, "en").unwrap().questions();
    let vault = storage::open(Keys::new(Some(namespace), id), Vec::new());
    let mut quiz = Quiz::open(&questions, &vault, &PageClock, false);
    quiz.act(&questions, &vault, &PageClock, Action::Start);
    for _ in 0..questions.len() {
        quiz.act(&questions, &vault, &PageClock, Action::Choose(4));
        quiz.act(&questions, &vault, &PageClock, Action::Next);
    }
    assert!(quiz.result_on_its_way());
    let handoff = Handoff {
        quiz: Some(quiz),
        ..Handoff::default()
    };
    // The switch's task draws the quiz as it was left; the next scores and draws the result.
    let root = mount_now(id, namespace, Some(&handoff), None);
    assert!(find(&root, "[data-testid=upgrading]").is_connected());
    assert!(
        root.query_selector("[data-testid=headline]")
            .unwrap()
            .is_none()
    );
    next_task().await;
    tick().await;
    assert!(
        text(&root, "headline").contains("Trust quotient"),
        "{}",
        text(&root, "headline")
    );
}

#[wasm_bindgen_test]
async fn a_first_screen_handed_over_by_a_stand_in_is_replayed() {
    clear("wbt-replay", "customer-focus");
    let handoff = Handoff {
        prelude: Some(Prelude {
            seed: Some(7),
            actions: serde_json::from_str(r#"["start",{"choose":2},"next"]"#).unwrap(),
            focus: false,
        }),
        ..Handoff::default()
    };
    let root = mount("customer-focus", "wbt-replay", Some(&handoff)).await;
    assert_eq!(text(&root, "progress"), "Question 2 of 10");
}
