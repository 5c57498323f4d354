//! The first-question bundle's widget, drawn with the DOM's own calls rather than a UI
//! framework: the intro, the group question and the questions, storage, and the hand-over
//! to the full bundle for everything else.
//!
//! Leptos's reactive runtime and view code were most of this bundle (docs/performance.md);
//! its three screens are few and simple enough to draw by hand. What each step decides is
//! shared with the full bundle ([`crate::steps`]), and what is drawn is the full bundle's
//! markup, which an e2e test compares screen by screen.
//!
//! * [`quiz`]: the quiz's state and actions.
//! * [`draw`]: the frame, the notices and the three screens, and bringing them up to date.
//! * [`stand_in`]: a widget waiting for the full bundle.
//! * [`dom`]: the few DOM calls the others use.

mod dom;
mod draw;
mod quiz;
mod stand_in;

use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use candor_core::builtin::{self, BuiltinError};
use candor_core::definition::Instrument;
use candor_core::records::Keys;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{EventTarget, HtmlElement};

use crate::element::{Mounted, Prelude};
use crate::options::{Mode, Options, Source, options_from};
use crate::steps::{self, Screen};
use crate::text::{self, fill};
use dom::{El, closest};
use quiz::Quiz;
use stand_in::StandIn;

static NEXT_UID: AtomicU32 = AtomicU32::new(1);

/// What the small bundle makes of a widget's options.
enum Loading {
    /// A built-in, read from its questions form.
    Ready(Box<Instrument>),
    /// Not read at all; the message says why.
    Failed(String),
    /// A trainer's own definition, a facilitator's widget, or a built-in whose questions
    /// form this bundle would not read: the full bundle shows it.
    HandOver,
}

/// Reads the built-in the options name from the questions form the element fetched: this
/// bundle shows no result and holds no definition, nor the reader that checks one (the
/// core takes back only a form this build serves). Without one (a facilitator's widget, or
/// a page that mounts the bundle itself), it reads as not this build's, and the full
/// bundle takes over.
fn load(options: &Options, ui: &crate::text::Ui) -> Loading {
    if options.mode == Mode::Facilitator {
        return Loading::HandOver;
    }
    let Source::Builtin(id) = &options.source else {
        return Loading::HandOver;
    };
    let id = id.trim();
    match builtin::read_form(id, options.questions.as_deref().unwrap_or_default()) {
        Ok(instrument) => Loading::Ready(Box::new(instrument)),
        Err(BuiltinError::Unknown(id)) => {
            let list = builtin::ids().collect::<Vec<_>>().join(", ");
            Loading::Failed(fill(ui.unknown_instrument, &[("id", &id), ("list", &list)]))
        }
        Err(error) => {
            if options.questions.is_some() {
                // Said here rather than through the error's `Display`, which would bring the
                // definition reader's messages (for `BuiltinError::Invalid`) into this bundle.
                let why = match error {
                    BuiltinError::OtherInstrument { found, .. } => {
                        format!("it is that of \"{found}\"")
                    }
                    _ => "it is not one this build serves".to_owned(),
                };
                web_sys::console::error_1(
                    &format!("Candor: the questions of \"{id}\" could not be read ({why}); the full bundle takes over").into(),
                );
            }
            Loading::HandOver
        }
    }
}

/// Mounts a widget configured by `host`'s attributes into `container`, with the
/// questions-only form of its built-in instrument if the element fetched one. Over the
/// element's first screen (`first_screen`), the widget reads its definition and opens
/// storage now, and builds its screen when the element has it take over, with what the
/// reader did meanwhile; otherwise it builds in the next task, so that on a slow phone
/// neither piece of work holds a tap for long.
pub fn mount(
    host: HtmlElement,
    container: HtmlElement,
    first_screen: bool,
    questions: Option<String>,
) -> Mounted {
    let Some(doc) = container.owner_document() else {
        return Mounted::new(|| {}, None);
    };
    let options = Options {
        questions: questions.map(Arc::from),
        ..options_from(&host)
    };
    let locale = options.locale.clone().unwrap_or_else(|| "en".to_owned());
    let ui = text::ui(&locale);
    let root = El::new(&doc, "div", options.theme.class()).html();
    let _ = container.append_child(&root);
    let remove_root = {
        let root = root.clone();
        move || root.remove()
    };
    match load(&options, ui) {
        Loading::Ready(instrument) => {
            mount_quiz(host, root, *instrument, &options, ui, first_screen)
        }
        Loading::Failed(message) => {
            let error = El::new(&doc, "p", "cq-error")
                .attr("role", "alert")
                .attr("data-testid", "load-error")
                .text(&message);
            let _ = root.append_child(&error.0);
            Mounted::new(remove_root, None)
        }
        Loading::HandOver => {
            let stand_in = StandIn::new(host, root.clone(), doc, ui.loading, ui);
            let retry = {
                let stand_in = Rc::clone(&stand_in);
                listen(&root, "click", false, move |event| {
                    if closest(event.target(), "button.cq-retry").is_some() {
                        stand_in.ask();
                    }
                })
            };
            let listeners = vec![retry];
            let teardown = move || {
                release(listeners);
                remove_root();
            };
            if first_screen {
                let take_over: Box<dyn FnOnce(Prelude)> =
                    Box::new(move |prelude| stand_in.take_over(prelude));
                Mounted::new(teardown, Some(take_over))
            } else {
                stand_in.ask();
                Mounted::new(teardown, None)
            }
        }
    }
}

/// Opens storage for `instrument` and runs its quiz in `root`.
fn mount_quiz(
    host: HtmlElement,
    root: HtmlElement,
    instrument: Instrument,
    options: &Options,
    ui: &'static crate::text::Ui,
    first_screen: bool,
) -> Mounted {
    let keys = Keys::new(options.namespace.as_deref(), instrument.id.as_str());
    let uid = NEXT_UID.fetch_add(1, Ordering::Relaxed);
    let vault = crate::storage::open(keys, None);
    let quiz = Rc::new(Quiz::new(
        Rc::new(instrument),
        vault,
        ui,
        uid,
        Some(host),
        options.session.clone(),
    ));
    *quiz.view.borrow_mut() = draw::View::new(root.clone());
    let listeners = follow_reader(&quiz, &root);
    let teardown = {
        let quiz = Rc::clone(&quiz);
        move || {
            quiz.state.borrow_mut().alive = false;
            release(listeners);
            root.remove();
        }
    };
    if first_screen {
        let take_over: Box<dyn FnOnce(Prelude)> = Box::new(move |prelude| {
            quiz.take_over(&prelude);
            draw::build(&quiz);
        });
        Mounted::new(teardown, Some(take_over))
    } else {
        dom::next_task(move || {
            if quiz.state.borrow().alive {
                draw::build(&quiz);
            }
        });
        Mounted::new(teardown, None)
    }
}

/// A listener added to a target, removed by [`release`].
struct Listener {
    target: EventTarget,
    kind: &'static str,
    capture: bool,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

/// Adds `handler` for `kind` events on `target`.
fn listen(
    target: &EventTarget,
    kind: &'static str,
    capture: bool,
    handler: impl FnMut(web_sys::Event) + 'static,
) -> Listener {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
    let _ = target.add_event_listener_with_callback_and_bool(
        kind,
        closure.as_ref().unchecked_ref(),
        capture,
    );
    Listener {
        target: target.clone(),
        kind,
        capture,
        closure,
    }
}

/// Removes the listeners, and frees them in the next task: the widget may be removed by a
/// listener of the host page while one of them is running.
fn release(listeners: Vec<Listener>) {
    for listener in &listeners {
        let _ = listener
            .target
            .remove_event_listener_with_callback_and_bool(
                listener.kind,
                listener.closure.as_ref().unchecked_ref(),
                listener.capture,
            );
    }
    dom::next_task(move || drop(listeners));
}

/// Follows the reader (taps, keys, the data controls opened) in the widget, other writers
/// of its records (the `storage` event from other tabs, this page's
/// [`steps::STORED_EVENT`] from other widgets) and the browser coming back online (to ask
/// again for a full bundle that could not be downloaded).
fn follow_reader(quiz: &Rc<Quiz>, root: &HtmlElement) -> Vec<Listener> {
    let on = |handler: fn(&Rc<Quiz>, web_sys::Event)| {
        let quiz = Rc::clone(quiz);
        move |event| handler(&quiz, event)
    };
    let mut listeners = vec![
        listen(root, "click", false, on(clicked)),
        listen(root, "change", false, on(changed)),
        listen(root, "keydown", false, on(key_down)),
        // `toggle` does not bubble: heard on the way down.
        listen(
            root,
            "toggle",
            true,
            on(|quiz, event| {
                if closest(event.target(), "details.cq-more").is_some() {
                    quiz.hand_over(Some(crate::element::Action::OpenData));
                }
            }),
        ),
    ];
    if let Some(window) = web_sys::window() {
        let uid = quiz.uid;
        listeners.push(listen(
            &window,
            "storage",
            false,
            on(|quiz, event| {
                if quiz.concerns(steps::storage_key(&event).as_deref()) {
                    quiz.resync();
                }
            }),
        ));
        listeners.push(listen(&window, steps::STORED_EVENT, false, {
            let quiz = Rc::clone(quiz);
            move |event| {
                if let Some((key, from)) = steps::stored_detail(&event)
                    && from != Some(f64::from(uid))
                    && quiz.concerns(key.as_deref())
                {
                    quiz.resync();
                }
            }
        }));
        // What is held in memory is stored before the page goes, if storage takes it by then.
        for kind in ["pagehide", "visibilitychange"] {
            listeners.push(listen(&window, kind, false, on(|quiz, _| quiz.flush())));
        }
        listeners.push(listen(
            &window,
            "online",
            false,
            on(|quiz, _| {
                if quiz.unloaded() {
                    quiz.retry_hand_over();
                }
            }),
        ));
    }
    listeners
}

/// A tap on one of the widget's buttons.
fn clicked(quiz: &Rc<Quiz>, event: web_sys::Event) {
    let Some(button) = closest(event.target(), "button") else {
        return;
    };
    let class = button.class_name();
    match button.get_attribute("data-testid").as_deref() {
        Some("start") => quiz.start(),
        Some("next") => quiz.next(),
        _ if class == "cq-secondary" => quiz.back(),
        _ if class == "cq-retry" => quiz.retry_hand_over(),
        _ if class == "cq-dismiss" => {
            let mut index = 0;
            let mut row = button.closest("li").ok().flatten();
            while let Some(earlier) = row
                .as_ref()
                .and_then(web_sys::Element::previous_element_sibling)
            {
                index += 1;
                row = Some(earlier);
            }
            quiz.dismiss(index);
        }
        _ => {}
    }
}

/// An option chosen.
fn changed(quiz: &Rc<Quiz>, event: web_sys::Event) {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Ok(value) = input.value().parse::<u8>() else {
        return;
    };
    if quiz.state.borrow().screen == Screen::Group {
        quiz.choose_group(value);
    } else {
        quiz.answer(value);
    }
}

/// Enter on a chosen option goes on.
fn key_down(quiz: &Rc<Quiz>, event: web_sys::Event) {
    if let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>()
        && steps::enter_on_radio(event)
    {
        event.prevent_default();
        quiz.next();
    }
}
