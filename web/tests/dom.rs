//! Drawing trees into the page (`candor_web::dom`) in headless Chromium: what stays, what is
//! drawn anew, and what is left alone.
#![allow(missing_docs, clippy::unwrap_used)]

use candor_view::node::{Node, el};
use candor_web::dom::{Drawn, DrawnForm, DrawnWithSvg};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn parent() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let parent = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&parent).unwrap();
    parent
}

fn step(key: &str, label: &str, checked: bool) -> Node {
    el("section", "cq-step")
        .key(key.to_owned())
        .child(el("h2", "").attr("tabindex", "-1").text(label))
        .child(
            el("input", "cq-radio")
                .attr("type", "radio")
                .checked(checked),
        )
}

#[wasm_bindgen_test]
fn the_same_step_is_updated_in_place_and_another_is_drawn_anew() {
    let parent = parent();
    let mut drawn = Drawn::default();
    drawn.update(
        &parent,
        vec![el("p", "a").text("one"), step("q1", "First", false)],
    );
    assert_eq!(
        parent.inner_html(),
        r#"<p class="a">one</p><section class="cq-step"><h2 tabindex="-1">First</h2><input class="cq-radio" type="radio"></section>"#
    );
    let heading = parent.query_selector("h2").unwrap().unwrap();

    drawn.update(
        &parent,
        vec![el("p", "a").text("two"), step("q1", "First!", true)],
    );
    assert!(heading.is_connected(), "the same step stays");
    assert_eq!(heading.text_content().unwrap(), "First!");
    let radio: web_sys::HtmlInputElement = parent
        .query_selector("input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(radio.checked(), "a property, set");
    assert_eq!(
        parent
            .query_selector("p")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "two"
    );

    drawn.update(
        &parent,
        vec![el("p", "a").text("two"), step("q2", "Second", false)],
    );
    assert!(!heading.is_connected(), "another key is another step");
}

#[wasm_bindgen_test]
fn what_others_mounted_beside_the_drawing_is_left_where_it_is() {
    let parent = parent();
    let mut drawn = Drawn::default();
    drawn.update(&parent, vec![el("p", "").text("notices")]);
    let document = web_sys::window().unwrap().document().unwrap();
    let other = document.create_element("aside").unwrap();
    parent.append_child(&other).unwrap();
    // A step drawn later goes before what was mounted beside the drawing.
    drawn.update(
        &parent,
        vec![el("p", "").text("notices"), step("q1", "First", false)],
    );
    assert!(other.is_connected());
    assert_eq!(parent.last_element_child().unwrap().tag_name(), "ASIDE");
    drawn.update(&parent, vec![el("p", "").text("notices")]);
    assert!(other.is_connected());
    assert_eq!(parent.child_element_count(), 2);
}

#[wasm_bindgen_test]
fn an_adopted_drawing_keeps_its_nodes_and_mends_what_differs() {
    let parent = parent();
    // As the element's first screen leaves it: an option checked, Next enabled and busy,
    // a notice of its own before the rest.
    parent.set_inner_html(concat!(
        r#"<aside data-candor-notice="">offline</aside>"#,
        r#"<p class="a">one</p>"#,
        r#"<section class="cq-step"><h2 tabindex="-1">First</h2><input class="cq-radio" type="radio">"#,
        r#"<button aria-busy="true">Next</button></section>"#,
    ));
    parent.remove_child(&parent.first_child().unwrap()).unwrap();
    let radio: web_sys::HtmlInputElement = parent
        .query_selector("input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    radio.set_checked(true);
    let heading = parent.query_selector("h2").unwrap().unwrap();
    let button = parent.query_selector("button").unwrap().unwrap();

    let mut drawn = Drawn::default();
    let tree = |label: &str, checked: bool| {
        let mut step = step("q1", label, checked);
        if let Node::Element(e) = &mut step {
            e.children
                .push(el("button", "").attr("disabled", "").text("Next"));
        }
        vec![el("p", "a").text("two"), step, el("p", "").text("after")]
    };
    drawn.adopt(&parent, tree("First", false));
    assert!(heading.is_connected() && button.is_connected(), "kept");
    assert!(!radio.checked(), "`checked` mended");
    assert_eq!(
        parent.inner_html(),
        concat!(
            r#"<p class="a">two</p><section class="cq-step"><h2 tabindex="-1">First</h2>"#,
            r#"<input class="cq-radio" type="radio"><button disabled="">Next</button></section>"#,
            r#"<p>after</p>"#,
        ),
        "texts and attributes mended, what was missing drawn"
    );

    // From then on, it is updated as any drawing.
    drawn.update(&parent, tree("First!", true));
    assert!(heading.is_connected());
    assert_eq!(heading.text_content().unwrap(), "First!");
    assert!(radio.checked());
}

#[wasm_bindgen_test]
fn an_adopted_node_of_another_kind_is_drawn_anew_and_what_is_left_over_goes() {
    let parent = parent();
    parent.set_inner_html(r#"<div>old</div><p>kept</p><ul><li>gone</li></ul>"#);
    let kept = parent.query_selector("p").unwrap().unwrap();
    Drawn::default().adopt(
        &parent,
        vec![el("section", "").text("new"), el("p", "").text("kept")],
    );
    assert_eq!(parent.inner_html(), "<section>new</section><p>kept</p>");
    assert!(kept.is_connected());
}

#[wasm_bindgen_test]
fn an_svg_and_what_is_in_it_are_made_in_the_svg_namespace() {
    const SVG: &str = "http://www.w3.org/2000/svg";
    let parent = parent();
    let mut drawn = DrawnWithSvg::default();
    let picture = |label: &str| {
        el("svg", "cq-chart")
            .attr("viewBox", "0 0 10 10")
            .child(el("text", "").attr("x", "1").text(label))
    };
    drawn.update(&parent, vec![el("p", "").text("Before"), picture("One")]);
    let svg = parent.query_selector("svg").unwrap().unwrap();
    assert_eq!(svg.namespace_uri().as_deref(), Some(SVG));
    let text = svg.query_selector("text").unwrap().unwrap();
    assert_eq!(text.namespace_uri().as_deref(), Some(SVG));
    // A child added to a drawn svg is an SVG element too; the paragraph stays HTML.
    drawn.update(
        &parent,
        vec![
            el("p", "").text("Before"),
            picture("One").child(el("rect", "").attr("width", "2")),
        ],
    );
    let rect = parent.query_selector("svg rect").unwrap().unwrap();
    assert_eq!(rect.namespace_uri().as_deref(), Some(SVG));
    let p = parent.query_selector("p").unwrap().unwrap();
    assert_eq!(
        p.namespace_uri().as_deref(),
        Some("http://www.w3.org/1999/xhtml")
    );
    assert!(parent.query_selector("svg").unwrap().unwrap() == svg);
}

#[wasm_bindgen_test]
fn a_form_drawing_keeps_values_in_step_and_leaves_what_is_typed() {
    let parent = parent();
    let mut drawn = DrawnForm::default();
    let form = |text: &str, choice: &str| {
        el("div", "")
            .child(el("input", "").attr("type", "text").attr("value", text))
            .child(
                el("select", "")
                    .child(el("option", "").attr("value", "a").text("A"))
                    .child(el("option", "").attr("value", "b").text("B"))
                    .attr("value", choice),
            )
    };
    drawn.update(&parent, vec![form("first", "b")]);
    let input: web_sys::HtmlInputElement = parent
        .query_selector("input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let select: web_sys::HtmlSelectElement = parent
        .query_selector("select")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(input.value(), "first");
    assert_eq!(select.value(), "b", "chosen once its options are drawn");

    // What the reader typed is what the tree now holds: the control is left alone, so
    // its caret stays.
    input.set_value("second");
    input.set_selection_range(2, 2).unwrap();
    drawn.update(&parent, vec![form("second", "a")]);
    assert_eq!(input.selection_start().unwrap(), Some(2));
    assert_eq!(select.value(), "a");
    // A value changed elsewhere (a list reordered): the box shows it, typed in or not.
    drawn.update(&parent, vec![form("third", "a")]);
    assert_eq!(input.value(), "third");
}

/// Resolves in a task after `ms` milliseconds, or, with `None`, after the next frame.
async fn after(ms: Option<i32>) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().unwrap();
        match ms {
            Some(ms) => window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .map(drop),
            None => window.request_animation_frame(&resolve).map(drop),
        }
        .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    let task = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(task).await.unwrap();
}

#[wasm_bindgen_test]
async fn after_frame_runs_once_in_a_task_after_the_next_frame() {
    use std::cell::Cell;
    use std::rc::Rc;
    let framed = Rc::new(Cell::new(false));
    let frame = {
        let framed = Rc::clone(&framed);
        wasm_bindgen::closure::Closure::once_into_js(move || framed.set(true))
    };
    web_sys::window()
        .unwrap()
        .request_animation_frame(frame.unchecked_ref())
        .unwrap();
    let asked = js_sys::Date::now();
    let runs = Rc::new(Cell::new(0));
    let on_time = Rc::new(Cell::new(false));
    {
        let (runs, on_time, framed) = (Rc::clone(&runs), Rc::clone(&on_time), Rc::clone(&framed));
        candor_web::dom::after_frame(move || {
            // After the frame, or after the 100 ms that stand in for one that is late.
            on_time.set(framed.get() || js_sys::Date::now() - asked >= 100.0);
            runs.set(runs.get() + 1);
        });
    }
    assert_eq!(runs.get(), 0, "not in the task that asked");
    // The frame it waits for, then the timer that stands in for it (asked for after its own).
    after(None).await;
    after(Some(100)).await;
    assert_eq!(
        runs.get(),
        1,
        "once, though both the frame and the timer came"
    );
    assert!(on_time.get(), "after the frame");
}
