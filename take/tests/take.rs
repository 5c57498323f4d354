//! The small bundle's widget in headless Chromium: mounted as the element mounts it, tapped,
//! and read back from what it shows and stores. What each step decides is the core's quiz,
//! tested natively; this checks that the page shows it and hears the reader.
#![allow(missing_docs, clippy::unwrap_used)]

use candor_web::element::Mounted;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const CUSTOMER_FOCUS: &str = include_str!("../../public/questions/customer-focus.en.json");
const SERVICE: &str = include_str!("../../public/questions/service-or-servility.en.json");
const ROADMAP: &str = include_str!("../../public/questions/trust-roadmap.en.json");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Waits for the next task (a new widget builds its first screen in one).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The element under `root` that matches `selector`; fails the test if there is none.
fn find(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

/// The text of the element with `data-testid` `test_id` under `root`.
fn text(root: &HtmlElement, test_id: &str) -> String {
    find(root, &format!("[data-testid={test_id}]"))
        .text_content()
        .unwrap_or_default()
}

/// A host element for `instrument` under storage namespace `namespace` (cleared), and the
/// container the widget is drawn into.
fn host(instrument: &str, namespace: &str) -> (HtmlElement, HtmlElement) {
    let document = document();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.set_attribute("instrument", instrument).unwrap();
    host.set_attribute("storage-key", namespace).unwrap();
    host.set_attribute("locale", "en").unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.append_child(&container).unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    for suffix in ["progress", "history"] {
        let _ = storage().remove_item(&format!("candor:{namespace}:{instrument}:{suffix}"));
    }
    (host, container)
}

/// Mounts a widget for `instrument` with questions form `form` and waits for its screen.
async fn mount(instrument: &str, namespace: &str, form: &str) -> (HtmlElement, Mounted) {
    let (host, container) = host(instrument, namespace);
    let mounted = candor_take::mount(host, container.clone(), false, Some(form.to_owned()));
    next_task().await;
    next_task().await;
    (container, mounted)
}

/// Mounts customer-focus's widget over a first screen in `container`, as the element does,
/// and waits a task.
async fn over_first_screen(host: HtmlElement, container: &HtmlElement) -> Mounted {
    let mounted = candor_take::mount(
        host,
        container.clone(),
        true,
        Some(CUSTOMER_FOCUS.to_owned()),
    );
    next_task().await;
    mounted
}

fn next_button(root: &HtmlElement) -> web_sys::HtmlButtonElement {
    find(root, "[data-testid=next]").unchecked_into()
}

/// Picks the option with `value` on the current step and presses Next.
fn answer(root: &HtmlElement, value: u8) {
    find(root, &format!("input[type=radio][value='{value}']")).click();
    next_button(root).click();
}

fn stored(key: &str) -> String {
    storage()
        .get_item(key)
        .unwrap()
        .expect("the attempt is stored")
}

#[wasm_bindgen_test]
async fn start_answer_and_back_step_through_the_questions_and_store_each_answer() {
    let (root, _mounted) = mount("service-or-servility", "wbt-take-step", SERVICE).await;
    assert!(text(&root, "intro").contains("Service or servility?"));
    find(&root, "[data-testid=start]").click();
    assert_eq!(text(&root, "progress"), "Question 1 of 16");
    assert!(next_button(&root).disabled(), "Next waits for an answer");
    answer(&root, 3);
    assert_eq!(text(&root, "progress"), "Question 2 of 16");
    find(&root, "[data-testid=back]").click();
    assert_eq!(text(&root, "progress"), "Question 1 of 16");
    let kept: web_sys::HtmlInputElement = find(&root, "input[value='3']").unchecked_into();
    assert!(kept.checked(), "going back shows the answer already given");
    assert!(!next_button(&root).disabled());
    let stored = stored("candor:wbt-take-step:service-or-servility:progress");
    assert!(stored.contains(r#""answers":[3,null"#), "{stored}");
}

#[wasm_bindgen_test]
async fn a_grid_instrument_asks_for_the_group_first() {
    let (root, _mounted) = mount("trust-roadmap", "wbt-take-group", ROADMAP).await;
    find(&root, "[data-testid=start]").click();
    assert!(find(&root, "[data-testid=group]").is_connected());
    assert!(next_button(&root).disabled());
    answer(&root, 1);
    assert_eq!(text(&root, "progress").split(' ').nth(1), Some("1"));
    find(&root, "[data-testid=back]").click();
    let chosen: web_sys::HtmlInputElement = find(&root, "input[value='1']").unchecked_into();
    assert!(chosen.checked(), "the group chosen is kept");
    let stored = stored("candor:wbt-take-group:trust-roadmap:progress");
    assert!(stored.contains(r#""group":1"#), "{stored}");
}

#[wasm_bindgen_test]
async fn the_last_answer_says_the_result_is_on_its_way() {
    let (root, _mounted) = mount("customer-focus", "wbt-take-last", CUSTOMER_FOCUS).await;
    find(&root, "[data-testid=start]").click();
    for _ in 0..10 {
        answer(&root, 0);
    }
    assert_eq!(text(&root, "progress"), "Question 10 of 10");
    assert!(text(&root, "upgrading").contains("result"));
    // Back takes the request back: the reader has moved on.
    find(&root, "[data-testid=back]").click();
    assert!(
        root.query_selector("[data-testid=upgrading]")
            .unwrap()
            .is_none()
    );
}

#[wasm_bindgen_test]
async fn a_new_widget_opens_and_builds_its_screen_in_tasks_of_their_own() {
    let (host, container) = host("customer-focus", "wbt-take-task");
    let _mounted = candor_take::mount(
        host,
        container.clone(),
        false,
        Some(CUSTOMER_FOCUS.to_owned()),
    );
    // Reading the form is one task, opening storage the next, the screen the one after.
    let drawn = || {
        container
            .query_selector("[data-testid=intro]")
            .unwrap()
            .is_some()
    };
    assert!(!drawn());
    next_task().await;
    assert!(!drawn());
    next_task().await;
    assert!(text(&container, "intro").contains("customer focus"));
}

#[wasm_bindgen_test]
async fn a_widget_over_the_first_screen_replays_what_the_reader_did_there() {
    let (host, container) = host("customer-focus", "wbt-take-over");
    let mut mounted = over_first_screen(host, &container).await;
    // The element's first screen stays up until the replay: nothing is built.
    assert!(container.query_selector("[data-testid]").unwrap().is_none());
    mounted.replay(r#"{"seed":7,"actions":["start",{"choose":2},"next"]}"#.to_owned());
    assert_eq!(text(&container, "progress"), "Question 2 of 10");
    let stored = stored("candor:wbt-take-over:customer-focus:progress");
    assert!(
        stored.contains(r#""seed":7"#),
        "the order the reader saw: {stored}"
    );
    assert!(
        stored.contains(r#""answers":[2,null"#),
        "their answer: {stored}"
    );
}

#[wasm_bindgen_test]
async fn a_widget_over_the_first_screen_takes_its_drawing_over_in_place() {
    // The first screen: the intro as the quiz draws it, in the widget's outer box.
    let (drawn, _mounted) = mount("customer-focus", "wbt-take-drawn", CUSTOMER_FOCUS).await;
    let (host, container) = host("customer-focus", "wbt-take-adopt");
    let first = document().create_element("div").unwrap();
    first.set_class_name("cq cq-auto");
    first.set_inner_html(&drawn.first_element_child().unwrap().inner_html());
    container.append_child(&first).unwrap();
    let heading = find(&container, ".cq-title");
    let mut mounted = over_first_screen(host, &container).await;
    // Until the replay, a tap is the first screen's, not the widget's.
    find(&container, "[data-testid=start]").click();
    assert!(heading.is_connected());
    assert!(
        container
            .query_selector("[data-testid=question]")
            .unwrap()
            .is_none()
    );

    mounted.replay(r#"{"actions":[]}"#.to_owned());
    assert!(
        heading.is_connected(),
        "the first screen's heading is the widget's"
    );
    assert_eq!(container.child_element_count(), 1);
    find(&container, "[data-testid=start]").click();
    assert_eq!(text(&container, "progress"), "Question 1 of 10");
}

#[wasm_bindgen_test]
async fn an_unknown_instrument_says_which_exist() {
    let (root, _mounted) = mount("no-such-quiz", "wbt-take-unknown", "").await;
    let message = text(&root, "load-error");
    assert!(message.contains("no-such-quiz"), "{message}");
    assert!(message.contains("service-or-servility"), "{message}");
}

#[wasm_bindgen_test]
async fn a_form_this_build_does_not_serve_waits_for_the_full_bundle() {
    let reworded = CUSTOMER_FOCUS.replacen("lead", "prospect", 1);
    let (root, _mounted) = mount("customer-focus", "wbt-take-other", &reworded).await;
    assert!(
        root.query_selector("[data-testid=intro]")
            .unwrap()
            .is_none()
    );
    assert!(text(&root, "upgrading").contains("Loading"));
}

#[wasm_bindgen_test]
async fn unmounting_removes_the_widget() {
    let (root, mut mounted) = mount("customer-focus", "wbt-take-gone", CUSTOMER_FOCUS).await;
    mounted.unmount();
    assert_eq!(root.child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn an_attempt_another_widget_replaced_is_drawn_where_it_stands() {
    let (root, _mounted) = mount("service-or-servility", "wbt-take-follow", SERVICE).await;
    find(&root, "[data-testid=start]").click();
    answer(&root, 3);
    assert_eq!(text(&root, "progress"), "Question 2 of 16");
    // Another widget of the page (or a tab) started a new attempt and went on to question 6.
    let key = "candor:wbt-take-follow:service-or-servility:progress";
    let stored = js_sys::JSON::parse(&stored(key)).unwrap();
    let set = |field: &str, value: f64| {
        js_sys::Reflect::set(&stored, &field.into(), &value.into()).unwrap();
    };
    set("started_at", 1.0);
    set("position", 5.0);
    let text_of = js_sys::JSON::stringify(&stored).unwrap();
    storage().set_item(key, &String::from(text_of)).unwrap();
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&js_sys::Array::of2(&key.into(), &999.into()));
    let event = web_sys::CustomEvent::new_with_event_init_dict("candor:stored", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    assert_eq!(text(&root, "progress"), "Question 6 of 16");
}

#[wasm_bindgen_test]
async fn an_answer_updates_the_drawn_question_in_place() {
    let (root, _mounted) = mount("service-or-servility", "wbt-take-place", SERVICE).await;
    find(&root, "[data-testid=start]").click();
    let legend = find(&root, "legend");
    find(&root, "input[type=radio][value='2']").click();
    assert!(
        legend.is_connected(),
        "the same question, updated, not drawn anew"
    );
    assert!(!next_button(&root).disabled());
    next_button(&root).click();
    assert!(!legend.is_connected(), "a new question is drawn anew");
}
