//! The small bundle: the intro, group question and questions, with storage, until the full
//! bundle takes over.
//!
//! * [`start`] gives the element class its `mount` once the bundle is compiled.
//! * A built-in's quiz runs from the questions form the element fetched. Only a form this
//!   build serves is read: its digest is compiled in.
//! * When the quiz wants a result or the data controls, the bundle hands the quiz over
//!   ([`candor_web::element::hand_over`]).
//! * A widget only the full bundle can show is a stand-in that asks for it at once: a
//!   trainer's definition, the facilitator, a form this bundle would not read.

mod stand_in;

use std::cell::{Cell, LazyCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use candor_core::questions::Questions;
use candor_core::quiz::Action;
use candor_view::node::el;
use candor_view::text::{self, Ui, fill};
use candor_web::element::{Handoff, Mounted, hand_over};
use candor_web::options::{Mode, Options, Source, options_from};
use candor_web::widget::{Bundle, Start, Widget};
use candor_web::{dom, json};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

include!(concat!(env!("OUT_DIR"), "/forms.rs"));

static NEXT_UID: AtomicU32 = AtomicU32::new(1);

/// Gives the small bundle to the element class: `use_bundle` is `useBundle(mount)` of
/// `candor-element.js`, which calls `mount(host, container, overFirstScreen, form)` for each
/// element (`form`: the questions form it fetched, or `null`).
#[wasm_bindgen]
pub fn start(use_bundle: js_sys::Function) -> Result<(), JsValue> {
    let mount =
        Closure::<dyn FnMut(HtmlElement, HtmlElement, bool, Option<String>) -> Mounted>::new(mount);
    use_bundle.call1(&JsValue::NULL, mount.as_ref())?;
    // The element class keeps calling it for every element the page adds.
    mount.forget();
    Ok(())
}

/// Keeps the exported entry point linked into the bundle (and with it wasm-bindgen's
/// intrinsics): a `main` that does nothing would let the linker drop it.
pub fn keep_entry_points() {
    std::hint::black_box(start as fn(js_sys::Function) -> Result<(), JsValue>);
}

/// What the small bundle makes of a widget's options.
enum Loading {
    /// A built-in, read from its questions form.
    Ready(Box<Questions>),
    /// Not read at all; the message says why.
    Failed(String),
    /// Only the full bundle shows it.
    HandOver,
}

/// Reads the questions form `form` of the built-in `id`, if it is one this build serves.
fn read_form(id: &str, form: &str) -> Result<Questions, String> {
    let digest = candor_core::digest::fnv1a_64(form.as_bytes());
    match FORM_DIGESTS.iter().find(|(_, known)| *known == digest) {
        None => Err("it is not one this build serves".to_owned()),
        Some((found, _)) if *found != id => Err(format!("it is that of \"{found}\"")),
        Some(_) => json::read(form),
    }
}

fn load(options: &Options, form: Option<&str>, ui: &Ui) -> Loading {
    if options.mode == Mode::Facilitator {
        return Loading::HandOver;
    }
    let Source::Builtin(id) = &options.source else {
        return Loading::HandOver;
    };
    let id = id.trim();
    if !FORM_DIGESTS.iter().any(|(known, _)| *known == id) {
        let mut ids: Vec<&str> = FORM_DIGESTS.iter().map(|(id, _)| *id).collect();
        ids.dedup();
        let list = ids.join(", ");
        return Loading::Failed(fill(
            ui.unknown_instrument(),
            &[("id", id), ("list", &list)],
        ));
    }
    match form.map(|form| read_form(id, form)) {
        Some(Ok(questions)) => Loading::Ready(Box::new(questions)),
        Some(Err(why)) => {
            web_sys::console::error_1(
                &format!("Candor: the questions of \"{id}\" could not be read ({why}); the full bundle takes over").into(),
            );
            Loading::HandOver
        }
        None => Loading::HandOver,
    }
}

/// Mounts a widget configured by `host`'s attributes into `container`: the form is read now,
/// and the quiz (its storage and listeners) opens in a task of its own, so that a phone
/// paints a tap between the two. Over the element's first screen (`first_screen`:
/// `container` holds it), the quiz opens after the next frame and takes the first screen's
/// drawing over when the element replays what the reader did there; anything else replaces
/// the first screen then. Otherwise the quiz opens in the next task and is drawn in the one
/// after.
pub fn mount(
    host: HtmlElement,
    container: HtmlElement,
    first_screen: bool,
    form: Option<String>,
) -> Mounted {
    let options = options_from(&host);
    let ui = text::ui(options.locale.as_deref().unwrap_or("en"));
    let loading = load(&options, form.as_deref(), ui);
    // The first screen's box, drawn by the same quiz and screens at build time.
    let adopted = match (&loading, first_screen) {
        (Loading::Ready(_), true) => container
            .first_element_child()
            .and_then(|root| root.dyn_into::<HtmlElement>().ok()),
        _ => None,
    };
    let root = match adopted.clone() {
        Some(root) => root,
        None => {
            let Some(root) = new_root(&container, &options) else {
                return Mounted::new(|| {});
            };
            if !first_screen {
                let _ = container.append_child(&root);
            }
            root
        }
    };
    // Over a first screen, a box of its own replaces the first screen at the replay.
    let shown = {
        let (container, root) = (container.clone(), root.clone());
        move || {
            if adopted.is_none() {
                container.replace_children_with_node_1(&root);
            }
        }
    };
    match loading {
        Loading::Ready(questions) => {
            // Opened in a task of its own, or sooner where it is needed first (the replay,
            // an unmount).
            let widget: Rc<Opening> = Rc::new(LazyCell::new(Box::new(move || {
                Widget::open(
                    Some(host.clone()),
                    root,
                    Rc::new(*questions),
                    options.namespace.as_deref(),
                    options.session.clone(),
                    ui,
                    NEXT_UID.fetch_add(1, Ordering::Relaxed),
                    Start {
                        quiz: None,
                        vault: None,
                        held: Default::default(),
                    },
                    Box::new(Small {
                        host,
                        asked: Rc::new(Cell::new(false)),
                    }),
                )
            })));
            let teardown = {
                let widget = Rc::clone(&widget);
                move || LazyCell::force(&widget).remove()
            };
            if first_screen {
                dom::after_frame({
                    let widget = Rc::clone(&widget);
                    move || {
                        LazyCell::force(&widget);
                    }
                });
                Mounted::replaying(teardown, move |prelude| {
                    shown();
                    let widget = LazyCell::force(&widget);
                    widget.adopt();
                    widget.replay(prelude);
                })
            } else {
                dom::next_task({
                    let widget = Rc::clone(&widget);
                    move || LazyCell::force(&widget).build_soon()
                });
                Mounted::new(teardown)
            }
        }
        Loading::Failed(message) => {
            let error = el("p", "cq-error")
                .attr("role", "alert")
                .attr("data-testid", "load-error")
                .text(&message);
            dom::Drawn::default().update(&root, vec![error]);
            let teardown = {
                let root = root.clone();
                move || root.remove()
            };
            if first_screen {
                Mounted::replaying(teardown, move |_| shown())
            } else {
                Mounted::new(teardown)
            }
        }
        Loading::HandOver => stand_in::mount(host, root, ui, first_screen.then_some(shown)),
    }
}

/// A quiz opened when first needed.
type Opening = LazyCell<Rc<Widget>, Box<dyn FnOnce() -> Rc<Widget>>>;

/// A new outer box for a widget in `container`'s document, in the element's theme.
fn new_root(container: &HtmlElement, options: &Options) -> Option<HtmlElement> {
    let root = container.owner_document()?.create_element("div").ok()?;
    root.set_class_name(options.theme.class());
    root.dyn_into::<HtmlElement>().ok()
}

/// What the small bundle adds to a quiz: asking for the full bundle when the quiz wants a
/// result or the data controls, and handing the quiz over.
struct Small {
    host: HtmlElement,
    /// The full bundle was asked for and has neither come nor failed yet.
    asked: Rc<Cell<bool>>,
}

impl Bundle for Small {
    fn full(&self) -> bool {
        false
    }

    fn finish(&self, _: &Rc<Widget>) {
        // The quiz now wants its result: `drawn` asks for the full bundle.
    }

    fn drawn(&self, widget: &Rc<Widget>) {
        let quiz = widget.quiz();
        if quiz.wants().is_none() || quiz.unloaded() || self.asked.get() {
            return;
        }
        drop(quiz);
        self.asked.set(true);
        let (state, failed, asked) = (
            Rc::downgrade(widget),
            Rc::downgrade(widget),
            Rc::clone(&self.asked),
        );
        hand_over(
            &self.host,
            // As of the switch: the reader may have gone on meanwhile.
            move || {
                let handoff = state.upgrade().map(|w| Handoff {
                    quiz: Some(w.quiz().clone()),
                    held: w.vault().held(),
                    prelude: None,
                });
                json::write(&handoff.unwrap_or_default()).unwrap_or_else(|_| "{}".to_owned())
            },
            move || {
                asked.set(false);
                if let Some(widget) = failed.upgrade() {
                    widget.act(Action::Unloaded);
                }
            },
        );
    }
}
