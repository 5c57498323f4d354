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

use common::{document, find, host_with, next_task};

wasm_bindgen_test_configure!(run_in_browser);

const SVG: &str = "http://www.w3.org/2000/svg";

/// Mounts the facilitator's screen for the built-in `instrument`, in session `session`: it
/// unpacks the definition and draws the screen's top in the mount's task, and the rest in
/// the next, so no task is long.
async fn mount(instrument: &str, session: &str) -> HtmlElement {
    let (host, container) = host_with(&[
        ("instrument", instrument),
        ("mode", "facilitator"),
        ("session", session),
        ("locale", "en"),
    ]);
    let served = builtin::packed(instrument, "en").map(<[u8]>::to_vec);
    std::mem::forget(candor_widget::mount_screen(
        host,
        container.clone(),
        served,
        None,
        candor_widget::load::show_facilitator,
    ));
    assert!(find(&container, "[data-testid=facilitator]").is_connected());
    assert!(
        container
            .query_selector("[data-testid=loading]")
            .unwrap()
            .is_none()
    );
    // The top first, down to the attendee link with the QR code's square kept empty; the
    // code, the box for codes and the rest below it in the next task.
    let link = find(&container, "[data-testid=attendee-link]");
    let space = find(&container, "svg.cq-qr[aria-hidden=true]");
    for later in [
        "[data-testid=qr]",
        "[data-testid=paste]",
        "[data-testid=codes-file]",
    ] {
        assert!(
            container.query_selector(later).unwrap().is_none(),
            "{later}"
        );
    }
    next_task().await;
    let qr = find(&container, "[data-testid=qr]");
    assert_eq!(qr.namespace_uri().as_deref(), Some(SVG));
    assert!(qr == space, "the square is drawn in place, not replaced");
    assert_eq!(qr.get_attribute("aria-hidden"), None);
    assert!(find(&container, "[data-testid=attendee-link]") == link);
    assert!(find(&container, "[data-testid=paste]").is_connected());
    container
}

#[wasm_bindgen_test]
async fn a_screen_whose_top_another_bundle_drew_is_drawn_whole_at_once_with_its_session_tag() {
    let (host, container) = host_with(&[
        ("instrument", "trust-equation"),
        ("mode", "facilitator"),
        ("locale", "en"),
    ]);
    let served = builtin::packed("trust-equation", "en").map(<[u8]>::to_vec);
    // The tag the facilitator typed on the top, even one the page did not set.
    std::mem::forget(candor_widget::mount_screen(
        host,
        container.clone(),
        served,
        Some("Room 4".to_owned()),
        candor_widget::load::show_facilitator,
    ));
    // In the mount's own task: no "Loading", the QR code drawn, the box for codes there.
    assert!(
        container
            .query_selector("[data-testid=loading]")
            .unwrap()
            .is_none()
    );
    let session: web_sys::HtmlInputElement =
        find(&container, "[data-testid=session]").unchecked_into();
    assert_eq!(session.value(), "Room 4");
    let link = find(&container, "[data-testid=attendee-link]");
    assert!(link.text_content().unwrap().ends_with("session=Room+4"));
    assert_eq!(
        find(&container, "[data-testid=qr]").get_attribute("aria-hidden"),
        None
    );
    assert!(find(&container, "[data-testid=paste]").is_connected());
}

#[wasm_bindgen_test]
async fn the_screen_s_top_is_drawn_from_a_built_in_s_id_alone_and_an_unknown_id_is_said() {
    let (host, container) = host_with(&[
        ("instrument", "trust-roadmap"),
        ("mode", "facilitator"),
        ("session", "WS-3"),
        ("locale", "fr"),
    ]);
    std::mem::forget(candor_widget::load::mount_facilitator_top(
        host,
        container.clone(),
    ));
    // In the mount's own task, with no definition: the title is the built-in's own.
    let top = find(&container, "[data-testid=facilitator]");
    let title = builtin::title_in("trust-roadmap", "fr").unwrap();
    assert!(top.text_content().unwrap().contains(title), "{title}");
    let link = find(&container, "[data-testid=attendee-link]");
    assert!(
        link.text_content()
            .unwrap()
            .ends_with("instrument=trust-roadmap&session=WS-3")
    );
    next_task().await;
    assert!(find(&container, "[data-testid=qr]").is_connected());
    assert!(
        container
            .query_selector("[data-testid=paste]")
            .unwrap()
            .is_none()
    );

    let (host, container) = host_with(&[("instrument", "no-such-quiz"), ("mode", "facilitator")]);
    std::mem::forget(candor_widget::load::mount_facilitator_top(
        host,
        container.clone(),
    ));
    let error = find(&container, "[data-testid=load-error]");
    assert!(error.text_content().unwrap().contains("no-such-quiz"));
}

/// A result code of `instrument` with every answer `answer`, in `session`.
fn code_of(instrument: &str, answer: u8, session: &str) -> String {
    let instrument = builtin::load_in(instrument, "en").unwrap();
    let response = Response {
        answers: vec![Some(answer); instrument.items().len()],
        group: None,
    };
    code::encode(&instrument, &response, Some(session), answer).unwrap()
}

/// Types `text` into a text box as a reader's keyboard does: a new value, then `input`.
fn type_into(box_: &web_sys::Element, text: &str) {
    js_sys::Reflect::set(box_, &"value".into(), &text.into()).unwrap();
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

/// Waits, a task at a time, until the codes taken in bulk are read.
async fn all_read(root: &HtmlElement) {
    for _ in 0..10_000 {
        if root
            .query_selector("[data-testid=bulk-reading]")
            .unwrap()
            .is_none()
        {
            return;
        }
        next_task().await;
    }
    panic!("the codes taken in bulk are still being read");
}

/// Pastes `text` into the box as a reader's clipboard does: a `paste` event carrying it.
fn paste_into(box_: &HtmlTextAreaElement, text: &str) {
    let data = web_sys::DataTransfer::new().unwrap();
    data.set_data("text", text).unwrap();
    let init = web_sys::ClipboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_clipboard_data(Some(&data));
    let event = web_sys::ClipboardEvent::new_with_event_init_dict("paste", &init).unwrap();
    box_.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn codes_taken_in_bulk_stay_in_the_group_as_the_session_s_tag_is_typed() {
    let root = mount("service-or-servility", "WS-9").await;
    let box_: HtmlTextAreaElement = find(&root, "[data-testid=paste]").unchecked_into();
    // A chat export too long for the box: two codes of the session and one of another,
    // among lines of talk.
    let mut chat = vec![
        format!("Ana: {}", code_of("service-or-servility", 1, "WS-9")),
        format!("Bo: {}", code_of("service-or-servility", 3, "WS-9")),
        format!("Cy: {}", code_of("service-or-servility", 2, "WS-8")),
    ];
    while chat.iter().map(|l| l.len() + 1).sum::<usize>() < 70 * 1024 {
        chat.push("Dee: thanks, that was a good session".to_owned());
    }
    paste_into(&box_, &chat.join("\n"));
    assert_eq!(box_.value(), "", "a paste this long stays out of the box");
    all_read(&root).await;
    let count = find(&root, "[data-testid=group-count]");
    assert_eq!(count.text_content().unwrap(), "2 code(s) in the group.");
    let note = find(&root, "[data-testid=bulk]").text_content().unwrap();
    assert!(note.starts_with(&format!("{} lines", chat.len())), "{note}");

    // A code typed in the box counts with those taken in bulk.
    type_into(&box_, &code_of("service-or-servility", 4, "WS-9"));
    assert_eq!(count.text_content().unwrap(), "3 code(s) in the group.");

    // The session's tag typed again: the codes taken in bulk are summed for the new tag.
    let session = find(&root, "[data-testid=session]");
    type_into(&session, "WS-8");
    assert_eq!(count.text_content().unwrap(), "1 code(s) in the group.");
    type_into(&session, "WS-9");
    assert_eq!(count.text_content().unwrap(), "3 code(s) in the group.");

    // Cleared, only the box's code is left.
    find(&root, "[data-testid=clear-bulk]")
        .unchecked_into::<HtmlElement>()
        .click();
    let count = find(&root, "[data-testid=group-count]");
    assert_eq!(count.text_content().unwrap(), "1 code(s) in the group.");
    assert!(root.query_selector("[data-testid=bulk]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn thousands_of_codes_are_read_a_slice_per_task_and_reading_can_be_cleared() {
    let root = mount("service-or-servility", "WS-9").await;
    let instrument = builtin::load_in("service-or-servility", "en").unwrap();
    // 5,000 codes, each with answers of its own (the base-5 digits of its number).
    let codes: Vec<String> = (0..5_000u32)
        .map(|i| {
            let answers = (0..16)
                .map(|k| Some((i / 5u32.pow(k % 6) % 5) as u8))
                .collect();
            let response = Response {
                answers,
                group: None,
            };
            code::encode(&instrument, &response, Some("WS-9"), (i % 251) as u8).unwrap()
        })
        .collect();
    let box_: HtmlTextAreaElement = find(&root, "[data-testid=paste]").unchecked_into();

    // Reading takes more than a task (5,000 codes take several slices of 30 ms in a test
    // build): the page says how far it got, with no report yet, and Clear stops it.
    paste_into(&box_, &codes.join("\n"));
    let progress = find(&root, "[data-testid=bulk-reading]");
    assert_eq!(progress.get_attribute("role").as_deref(), Some("status"));
    assert!(
        progress
            .text_content()
            .unwrap()
            .starts_with("Reading the codes")
    );
    assert!(
        root.query_selector("[data-testid=group-count]")
            .unwrap()
            .is_none()
    );
    find(&root, "[data-testid=clear-bulk]")
        .unchecked_into::<HtmlElement>()
        .click();
    all_read(&root).await;
    assert!(root.query_selector("[data-testid=bulk]").unwrap().is_none());
    let count = find(&root, "[data-testid=group-count]");
    assert_eq!(count.text_content().unwrap(), "0 code(s) in the group.");

    // Read to the end, in tasks: every code counts once.
    paste_into(&box_, &codes.join("\n"));
    assert!(find(&root, "[data-testid=bulk-reading]").is_connected());
    all_read(&root).await;
    let count = find(&root, "[data-testid=group-count]");
    assert_eq!(count.text_content().unwrap(), "5000 code(s) in the group.");
    let note = find(&root, "[data-testid=bulk]").text_content().unwrap();
    assert!(note.starts_with("5000 lines"), "{note}");
}
