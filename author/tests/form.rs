//! The authoring page's form in headless Chromium, mounted over a draft: each control
//! writes the definition (read back as the page saved it), a problem shows beside its
//! field, lists add, move and remove elements, and numbers keep what was typed. What the
//! tree edits and the spec decide is tested natively.
#![allow(missing_docs, clippy::unwrap_used)]

use candor_author::drafts::{self, Draft};
use candor_author::tree::{self, Path};
use candor_core::json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Waits for the next animation frame (focus moves in one).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn find<T: JsCast>(root: &HtmlElement, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

/// Mounts the page with the built-in `id` (English) open as a draft, in place of the page
/// an earlier test mounted, and returns its root.
fn mount(id: &str) -> HtmlElement {
    let text = candor_core::builtin::source(id).unwrap();
    let draft = Draft {
        id: format!("test-{id}"),
        name: id.to_owned(),
        saved: 0.0,
        text: text.to_owned(),
    };
    drafts::store(std::slice::from_ref(&draft)).unwrap();
    drafts::remember_open(Some(&draft.id));
    if let Some(earlier) = document().get_element_by_id("page") {
        earlier.remove();
    }
    let root: HtmlElement = document().create_element("main").unwrap().unchecked_into();
    root.set_id("page");
    document().body().unwrap().append_child(&root).unwrap();
    candor_author::page::mount(root.clone());
    root
}

/// Sends `event` from `target`, bubbling as the browser's own do.
fn send(target: &web_sys::Element, event: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(event, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    send(input, "input");
}

/// The definition as the page saved it.
fn doc() -> Value {
    serde_json::from_str(&drafts::last_open().unwrap().text).unwrap()
}

/// The value at `path` (`items.0.id`) in the saved definition.
fn at(path: &str) -> Option<Value> {
    let mut p = Path::root();
    for part in path.split('.') {
        p = match part.parse::<usize>() {
            Ok(i) => p.index(i),
            Err(_) => p.key(Box::leak(part.to_owned().into_boxed_str())),
        };
    }
    tree::get(&doc(), &p).cloned()
}

fn len(path: Path) -> usize {
    tree::len(&doc(), &path)
}

#[wasm_bindgen_test]
async fn a_text_box_writes_the_tree_and_shows_its_problem_beside_it() {
    let root = mount("service-or-servility");
    let title: HtmlInputElement = find(&root, "#f-title");
    assert_eq!(title.value(), "Service or servility?");
    type_into(&title, "");
    assert_eq!(at("title"), Some(Value::String(String::new())));
    assert_eq!(title.get_attribute("aria-invalid").as_deref(), Some("true"));
    let problems: HtmlElement = find(&root, "#f-title-problems");
    assert_eq!(problems.text_content().unwrap(), "must not be empty");
    type_into(&title, "Meetings");
    assert_eq!(problems.text_content().unwrap(), "");
    assert_eq!(
        title.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    // An optional text left empty leaves the definition.
    let period: HtmlInputElement = find(&root, "#f-period");
    type_into(&period, "");
    assert_eq!(at("period"), None);
}

#[wasm_bindgen_test]
async fn a_number_keeps_what_was_typed_and_the_core_names_what_is_not_a_number() {
    let root = mount("service-or-servility");
    let split: HtmlInputElement = find(&root, "#f-model-map-x_split");
    type_into(&split, "50.0");
    assert_eq!(at("model.map.x_split"), Some(Value::Number(50.0)));
    assert_eq!(split.value(), "50.0", "the box keeps the typed text");
    type_into(&split, "fifty");
    assert_eq!(at("model.map.x_split"), Some(Value::String("fifty".into())));
    let problems: HtmlElement = find(&root, "#f-model-map-x_split-problems");
    assert!(!problems.text_content().unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn a_list_adds_moves_and_removes_its_elements() {
    let root = mount("trust-equation");
    let count = || len(Path::root().key("items"));
    let before = count();
    let first = at("items.0.id");
    let second = at("items.1.id");
    find::<HtmlElement>(&root, "#f-items-1-up").click();
    assert_eq!(at("items.0.id"), second);
    assert_eq!(at("items.1.id"), first);
    next_frame().await;
    let focused = document().active_element().unwrap().id();
    assert_eq!(focused, "f-items-0-down", "focus follows the element moved");
    let status: HtmlElement = find(&root, ".a-status[aria-live]");
    assert!(
        status
            .text_content()
            .unwrap()
            .contains("moved to position 1")
    );

    find::<HtmlElement>(&root, "#f-items-add").click();
    assert_eq!(count(), before + 1);
    next_frame().await;
    let new = format!("#f-items-{before}-id");
    let id: HtmlInputElement = find(&root, &new);
    assert_eq!(id.value(), format!("item-{}", before + 1));
    // The new question is a ratio item: its scale and component are the first defined.
    assert_eq!(at(&format!("items.{before}.scale")), at("scales.0.id"));
    assert_eq!(
        at(&format!("items.{before}.component")),
        at("model.components.0.id")
    );

    find::<HtmlElement>(&root, "#f-items-0-remove").click();
    assert_eq!(count(), before);
    assert_eq!(at("items.0.id"), first);
}

#[wasm_bindgen_test]
async fn a_reference_offers_the_ids_defined_and_a_flag_is_absent_when_off() {
    let root = mount("trust-equation");
    let component: web_sys::HtmlSelectElement = find(&root, "#f-items-0-component");
    let ids: Vec<String> = (0..component.length())
        .filter_map(|i| component.item(i))
        .map(|o| o.unchecked_into::<web_sys::HtmlOptionElement>().value())
        .collect();
    assert_eq!(ids, ["C", "R", "I", "S"]);
    component.set_value("I");
    send(&component, "change");
    assert_eq!(at("items.0.component"), Some(Value::String("I".into())));

    let reverse: HtmlInputElement = find(&root, "#f-items-0-reverse");
    reverse.click();
    assert_eq!(at("items.0.reverse"), Some(Value::Bool(true)));
    reverse.click();
    assert_eq!(at("items.0.reverse"), None);
}

#[wasm_bindgen_test]
async fn a_level_added_or_removed_is_an_answer_added_or_removed_in_every_question() {
    let root = mount("customer-focus");
    let levels = || len(Path::root().key("model").key("levels"));
    let answers = |i: usize| len(Path::root().key("items").index(i).key("options"));
    let before = levels();
    assert_eq!(answers(0), before);
    find::<HtmlElement>(&root, "#f-model-levels-add").click();
    assert_eq!(levels(), before + 1);
    assert_eq!(answers(0), before + 1);
    assert_eq!(answers(3), before + 1);
    let last = format!("items.0.options.{before}.level");
    assert_eq!(at(&last), Some(Value::Number((before + 1) as f64)));

    find::<HtmlElement>(&root, "#f-model-levels-0-remove").click();
    assert_eq!(levels(), before);
    assert_eq!(answers(0), before);
    let numbers: Vec<f64> = (0..before)
        .filter_map(|k| at(&format!("items.0.options.{k}.level"))?.as_f64())
        .collect();
    let mut sorted = numbers.clone();
    sorted.sort_by(f64::total_cmp);
    let expected: Vec<f64> = (1..=before).map(|n| n as f64).collect();
    assert_eq!(
        sorted, expected,
        "the answers are numbered 1 to {before} again"
    );
}
