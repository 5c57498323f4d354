//! One quiz on a page: the core's quiz, its storage, its drawing and what it hears.
//!
//! * [`Widget::act`] has the core move the quiz on by one action, saving as it goes.
//! * It then tells the page (host events, other widgets) and draws the frame from the state
//!   ([`candor_view::screens::frame`]), updating in place what did not change.
//! * A [`Bundle`] says what each bundle adds: the small one hands over for a result; the
//!   full one scores and draws results and data controls.
//! * Nothing is borrowed while the page hears of a step: a host's listener may remove the
//!   widget.
//! * One listener per event kind on the widget's root, and on the window (other tabs, other
//!   widgets, back online, the page hidden). They go with the widget.

use std::cell::{Cell, Ref, RefCell};
use std::rc::Rc;

use candor_core::questions::Questions;
use candor_core::quiz::{Action, Quiz, Screen, Tell};
use candor_core::records::Keys;
use candor_core::vault::Saving;
use candor_view::screens::{self, Frame};
use candor_view::text::Ui;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{EventTarget, HtmlElement};

use crate::dom::{Drawn, closest, focus_soon, next_task};
use crate::element::{self, Prelude};
use crate::events;
use crate::page::{self, PageClock};
use crate::storage::{self, WidgetVault};

/// What one bundle adds to a quiz.
pub trait Bundle {
    /// Whether this bundle draws results and the data controls itself.
    fn full(&self) -> bool;
    /// Whether the quiz keeps records in the browser (a rater's keeps none).
    fn keeps(&self) -> bool {
        true
    }
    /// The reader asked for their result ([`Tell::Finish`]).
    fn finish(&self, widget: &Rc<Widget>);
    /// Called after each drawing: draws what this bundle adds beside the frame, or asks for
    /// what it cannot draw.
    fn drawn(&self, widget: &Rc<Widget>);
}

/// How a widget starts.
pub struct Start {
    /// The quiz as another copy of the widget left it, or `None` to open it from storage.
    pub quiz: Option<Quiz>,
    /// The records that copy held in memory because they could not be stored.
    pub held: Vec<(String, String)>,
    /// The vault the caller opened (a rater's, in memory alone, see
    /// [`storage::in_memory`]), or `None` to open the page's storage.
    pub vault: Option<WidgetVault>,
}

/// One quiz on the page.
pub struct Widget {
    questions: Rc<Questions>,
    vault: WidgetVault,
    ui: &'static Ui,
    uid: u32,
    host: Option<HtmlElement>,
    session: Option<String>,
    root: HtmlElement,
    state: RefCell<State>,
    drawn: RefCell<Drawn>,
    /// The root holds the first screen's drawing, which the next draw takes over.
    adopting: Cell<bool>,
    bundle: Box<dyn Bundle>,
    listeners: RefCell<Vec<Listener>>,
}

struct State {
    quiz: Quiz,
    announce: String,
    alive: bool,
    built: bool,
}

impl Widget {
    /// Opens the quiz of `questions` in `root` (the widget's outer box), with its records in
    /// `namespace`, and starts listening; it is drawn by [`Widget::build`].
    #[allow(clippy::too_many_arguments)]
    pub fn open(
        host: Option<HtmlElement>,
        root: HtmlElement,
        questions: Rc<Questions>,
        namespace: Option<&str>,
        session: Option<String>,
        ui: &'static Ui,
        uid: u32,
        start: Start,
        bundle: Box<dyn Bundle>,
    ) -> Rc<Self> {
        let keys = Keys::new(namespace, questions.id().as_str());
        let vault = match start.vault {
            Some(vault) => vault,
            None => storage::open(keys, start.held),
        };
        let quiz = start.quiz.unwrap_or_else(|| {
            let shared = page::shared_code()
                .is_some_and(|code| candor_core::code::is_for(&code, &questions));
            Quiz::open(&questions, &vault, &PageClock, shared)
        });
        let widget = Rc::new(Self {
            questions,
            vault,
            ui,
            uid,
            host,
            session,
            root,
            state: RefCell::new(State {
                quiz,
                announce: String::new(),
                alive: true,
                built: false,
            }),
            drawn: RefCell::default(),
            adopting: Cell::new(false),
            bundle,
            listeners: RefCell::default(),
        });
        *widget.listeners.borrow_mut() = listen_all(&widget);
        widget
    }

    /// The quiz's questions.
    pub fn questions(&self) -> &Rc<Questions> {
        &self.questions
    }

    /// The quiz's state.
    pub fn quiz(&self) -> Ref<'_, Quiz> {
        Ref::map(self.state.borrow(), |s| &s.quiz)
    }

    /// The vault the quiz's records are in.
    pub fn vault(&self) -> &WidgetVault {
        &self.vault
    }

    /// The interface's words.
    pub fn ui(&self) -> &'static Ui {
        self.ui
    }

    /// A number unique to this widget on the page.
    pub fn uid(&self) -> u32 {
        self.uid
    }

    /// The `<candor-quiz>` element, if any.
    pub fn host(&self) -> Option<&HtmlElement> {
        self.host.as_ref()
    }

    /// The session tag the page gave, if any.
    pub fn session(&self) -> Option<&str> {
        self.session.as_deref()
    }

    /// The widget's outer box.
    pub fn root(&self) -> &HtmlElement {
        &self.root
    }

    /// Whether the widget is still on the page.
    pub fn alive(&self) -> bool {
        self.state.borrow().alive
    }

    /// Sets what the live region says, and draws it.
    pub fn announce(self: &Rc<Self>, text: String) {
        self.state.borrow_mut().announce = text;
        self.draw();
    }

    /// Moves the quiz on by `action`, tells the page, and draws the result.
    pub fn act(self: &Rc<Self>, action: Action) {
        let tells = {
            let mut state = self.state.borrow_mut();
            if !state.alive {
                return;
            }
            state
                .quiz
                .act(&self.questions, &self.vault, &PageClock, action)
        };
        self.tell(tells);
        self.draw();
    }

    /// Takes what the root holds as the widget's drawing: the element's first screen, drawn
    /// at build time by the same quiz and screens. The widget's first drawing mends it in
    /// place ([`Drawn::adopt`]) rather than drawing the screen anew.
    pub fn adopt(&self) {
        self.adopting.set(true);
    }

    /// Replays what the reader did on the element's first screen, and builds the screen.
    pub fn replay(self: &Rc<Self>, prelude: Prelude) {
        let tells = {
            let mut state = self.state.borrow_mut();
            let tells = state.quiz.replay(
                &self.questions,
                &self.vault,
                &PageClock,
                prelude.seed,
                prelude.actions,
            );
            // Focus follows the reader into the widget, and only then.
            let _ = state.quiz.take_focus();
            tells
        };
        self.tell(tells);
        self.build(prelude.focus);
    }

    /// Has the core change the quiz outside of [`Widget::act`] (what only the full bundle
    /// does: scoring old attempts, importing, deleting), then tells the page and draws.
    pub fn change(
        self: &Rc<Self>,
        change: impl FnOnce(&mut Quiz, &Questions, &WidgetVault, &PageClock) -> Vec<Tell>,
    ) {
        let tells = {
            let mut state = self.state.borrow_mut();
            if !state.alive {
                return;
            }
            change(&mut state.quiz, &self.questions, &self.vault, &PageClock)
        };
        self.tell(tells);
        self.draw();
    }

    fn tell(self: &Rc<Self>, tells: Vec<Tell>) {
        for tell in tells {
            if !self.alive() {
                return;
            }
            let session = self.session.as_deref();
            match tell {
                Tell::Started => self.emit(
                    events::START,
                    &events::Start::of(&self.questions, self.ui.locale(), session),
                ),
                Tell::Answered {
                    index,
                    option,
                    answered,
                } => self.emit(
                    events::ANSWER,
                    &events::Answer::of(&self.questions, session, index, option, answered),
                ),
                Tell::Wrote => page::tell_page(&self.vault.keys().progress(), self.uid),
                Tell::Finish => self.bundle.finish(self),
            }
        }
    }

    /// Sends a host-page event, if the quiz has a host element.
    pub fn emit<T: serde::Serialize>(&self, name: &str, detail: &T) {
        if let Some(host) = &self.host {
            events::emit(host, name, detail);
        }
    }

    /// Builds the widget's screen: at once (`focus`: moving focus to it), for a widget
    /// taking over from a first screen or another bundle.
    pub fn build(self: &Rc<Self>, focus: bool) {
        {
            let mut state = self.state.borrow_mut();
            if !state.alive || state.built {
                return;
            }
            state.built = true;
            if !focus {
                let _ = state.quiz.take_focus();
            }
        }
        self.draw();
        if focus {
            focus_soon(&self.root);
        }
    }

    /// Builds the widget's screen in the next task: on a slow phone, opening storage and
    /// building the screen each take tens of milliseconds, and a tap waits for neither.
    pub fn build_soon(self: &Rc<Self>) {
        let widget = Rc::clone(self);
        next_task(move || widget.build(false));
    }

    /// Has the bundle finish the quiz in a task of its own, if it still wants its result
    /// then: a quiz handed over with its result on its way is drawn as it was left in the
    /// switch's task, and scored, stored and drawn as a result in the next, so a tap on a
    /// slow phone waits for neither whole.
    pub fn finish_soon(self: &Rc<Self>) {
        let widget = Rc::downgrade(self);
        next_task(move || {
            let Some(widget) = widget.upgrade() else {
                return;
            };
            let due = {
                let state = widget.state.borrow();
                state.alive && state.quiz.finish_pending()
            };
            if due {
                widget.bundle.finish(&widget);
            }
        });
    }

    /// Draws the frame from the state, then what the bundle adds; moves focus after a step.
    fn draw(self: &Rc<Self>) {
        let (nodes, focus) = {
            let mut state = self.state.borrow_mut();
            if !state.alive || !state.built {
                return;
            }
            let focus = state.quiz.take_focus();
            let frame = Frame {
                quiz: &state.quiz,
                questions: &self.questions,
                ui: self.ui,
                uid: self.uid,
                announce: &state.announce,
                full: self.bundle.full(),
                keeps: self.bundle.keeps(),
            };
            (screens::frame(&frame), focus)
        };
        if self.adopting.take() {
            self.drawn.borrow_mut().adopt(&self.root, nodes);
        } else {
            self.drawn.borrow_mut().update(&self.root, nodes);
        }
        self.bundle.drawn(self);
        self.keep_screen();
        if focus {
            focus_soon(&self.root);
        }
    }

    /// Has the element keep the screen drawn for the reader's next visit, when it is one
    /// they come back to (a question, their result) and every record is stored, so the
    /// records it is kept with are the ones it shows.
    fn keep_screen(&self) {
        let screen = self.state.borrow().quiz.screen();
        if self.bundle.keeps()
            && matches!(screen, Screen::Question | Screen::Result)
            && self.vault().saving() == Saving::Stored
            && let Some(host) = &self.host
        {
            element::keep_screen(host);
        }
    }

    /// Removes the widget: its listeners go (freed a task later, since the widget may be
    /// removed by a host's listener while one of them runs) and its box leaves the page.
    pub fn remove(&self) {
        self.state.borrow_mut().alive = false;
        release(std::mem::take(&mut *self.listeners.borrow_mut()));
        self.root.remove();
    }

    /// Whether a page event or storage event about `key` concerns this quiz (`None`:
    /// `localStorage.clear()` elsewhere, which concerns every quiz).
    fn concerns(&self, key: Option<&str>) -> bool {
        let keys = self.vault.keys();
        key.is_none_or(|key| key == keys.progress() || key == keys.history())
    }
}

/// A listener added to a target, removed by [`release`].
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    capture: bool,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

/// Adds `handler` for `kind` events on `target`.
pub fn listen(
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

/// Removes the listeners, and frees them in the next task.
pub fn release(listeners: Vec<Listener>) {
    for listener in &listeners {
        let _ = listener
            .target
            .remove_event_listener_with_callback_and_bool(
                listener.kind,
                listener.closure.as_ref().unchecked_ref(),
                listener.capture,
            );
    }
    next_task(move || drop(listeners));
}

fn listen_all(widget: &Rc<Widget>) -> Vec<Listener> {
    let on = |handler: fn(&Rc<Widget>, web_sys::Event)| {
        let widget = Rc::downgrade(widget);
        move |event| {
            if let Some(widget) = widget.upgrade() {
                handler(&widget, event);
            }
        }
    };
    // What happens in the root before the widget is built is not the widget's: over the
    // element's first screen, the first screen records it for the replay.
    let built = |handler: fn(&Rc<Widget>, web_sys::Event)| {
        let widget = Rc::downgrade(widget);
        move |event| {
            if let Some(widget) = widget.upgrade()
                && widget.state.borrow().built
            {
                handler(&widget, event);
            }
        }
    };
    let root = &widget.root;
    let mut listeners = vec![
        listen(root, "click", false, built(clicked)),
        listen(root, "change", false, built(changed)),
        listen(root, "keydown", false, built(key_down)),
        // `toggle` does not bubble: heard on the way down.
        listen(root, "toggle", true, built(toggled)),
    ];
    if let Some(window) = web_sys::window() {
        listeners.push(listen(
            &window,
            "storage",
            false,
            on(|widget, event| {
                if widget.concerns(page::storage_key(&event).as_deref()) {
                    widget.act(Action::Follow);
                }
            }),
        ));
        listeners.push(listen(
            &window,
            page::STORED_EVENT,
            false,
            on(|widget, event| {
                if let Some((key, from)) = page::stored_detail(&event)
                    && from != Some(f64::from(widget.uid))
                    && widget.concerns(key.as_deref())
                {
                    widget.act(Action::Follow);
                }
            }),
        ));
        listeners.push(listen(
            &window,
            "online",
            false,
            on(|widget, _| {
                if widget.quiz().unloaded() {
                    widget.act(Action::Retry);
                }
            }),
        ));
        // What is held in memory is stored before the page goes, if storage takes it then.
        for kind in ["pagehide", "visibilitychange"] {
            listeners.push(listen(
                &window,
                kind,
                false,
                on(|widget, _| widget.act(Action::Flush)),
            ));
        }
    }
    listeners
}

/// A tap on one of the frame's buttons.
fn clicked(widget: &Rc<Widget>, event: web_sys::Event) {
    let Some(button) = closest(event.target(), "button") else {
        return;
    };
    let action = match button.get_attribute("data-testid").as_deref() {
        Some("start") => Action::Start,
        Some("next") => Action::Next,
        Some("back") => Action::Back,
        _ if button.class_name() == "cq-retry" => Action::Retry,
        _ if button.class_name() == "cq-dismiss" => {
            let mut index = 0;
            let mut row = button.closest("li").ok().flatten();
            while let Some(earlier) = row
                .as_ref()
                .and_then(web_sys::Element::previous_element_sibling)
            {
                index += 1;
                row = Some(earlier);
            }
            Action::Dismiss(index)
        }
        _ => return,
    };
    widget.act(action);
}

/// An option chosen.
fn changed(widget: &Rc<Widget>, event: web_sys::Event) {
    let Some(input) = closest(event.target(), "input.cq-radio")
        .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    if let Ok(value) = input.value().parse::<u8>() {
        widget.act(Action::Choose(value));
    }
}

/// Enter on a chosen option goes on.
fn key_down(widget: &Rc<Widget>, event: web_sys::Event) {
    if let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>()
        && page::enter_on_radio(event)
        && closest(event.target(), ".cq-choices").is_some()
    {
        event.prevent_default();
        widget.act(Action::Next);
    }
}

/// The intro's data controls opened or closed.
fn toggled(widget: &Rc<Widget>, event: web_sys::Event) {
    if let Some(details) = closest(event.target(), "details.cq-more") {
        let open = details.has_attribute("open");
        if widget.quiz().data_open() != open && widget.quiz().screen() == Screen::Intro {
            widget.act(Action::Data(open));
        }
    }
}
