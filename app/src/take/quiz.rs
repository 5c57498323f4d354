//! The small bundle's quiz: its state as plain values and the actions that move it on.
//!
//! The same steps as the full bundle's `quiz.rs` (each decision is
//! [`crate::steps`]'), without signals: every action changes the state, saves it through
//! the core's vault, and then has the view follow ([`super::draw`]). Nothing is borrowed
//! while the page hears of a step (host events, the page event other widgets read again
//! on), since a host's listener may do anything, including removing the widget.

use std::cell::RefCell;
use std::rc::Rc;

use candor_core::definition::Instrument;
use candor_core::records::{History, Progress};
use web_sys::HtmlElement;

use crate::element::{Action, Handoff, Prelude};
use crate::events;
use crate::steps::{self, Back, Message, Screen, new_seed, now};
use crate::storage::WidgetVault;
use crate::text::Ui;

/// One quiz on the page.
pub struct Quiz {
    /// The instrument being taken.
    pub instrument: Rc<Instrument>,
    /// The interface's words.
    pub ui: &'static Ui,
    /// A number unique to this widget on the page, for element ids and page events.
    pub uid: u32,
    vault: WidgetVault,
    host: Option<HtmlElement>,
    session: Option<String>,
    /// What the reader sees, as values.
    pub state: RefCell<State>,
    /// What is drawn of it.
    pub view: RefCell<super::draw::View>,
}

/// The quiz's state.
pub struct State {
    /// The attempt in progress.
    pub progress: Progress,
    /// Completed attempts, oldest first.
    pub history: History,
    /// The screen on show.
    pub screen: Screen,
    /// Messages for the reader, oldest first.
    pub messages: Vec<Message>,
    /// Set by a step the reader took: the new screen moves focus to its heading.
    pub focus: bool,
    /// Where the reader asked for their result, while the full bundle is on its way.
    pub awaiting_result: Option<(Screen, u16)>,
    /// What the last switch to the full bundle was asked to do, to ask again.
    asked: Option<Action>,
    /// The widget is still on the page.
    pub alive: bool,
}

impl State {
    /// The screen and question the reader is on.
    fn place(&self) -> (Screen, u16) {
        (self.screen, self.progress.position)
    }

    /// Whether the full bundle could not be downloaded (and has not been asked for again).
    pub fn unloaded(&self) -> bool {
        self.messages.contains(&Message::Unloaded)
    }

    /// Whether the reader is where they asked for their result and it is on its way.
    pub fn result_on_its_way(&self) -> bool {
        self.awaiting_result == Some(self.place())
    }

    fn go(&mut self, screen: Screen) {
        self.screen = screen;
        self.focus = true;
    }
}

impl Quiz {
    /// Opens the quiz for `instrument`, resuming saved progress and history from `vault`.
    pub fn new(
        instrument: Rc<Instrument>,
        vault: WidgetVault,
        ui: &'static Ui,
        uid: u32,
        host: Option<HtmlElement>,
        session: Option<String>,
    ) -> Self {
        let loaded = vault.load(&instrument, now());
        let messages = steps::opening_messages(vault.saving(), loaded.notices);
        let progress = loaded
            .progress
            .unwrap_or_else(|| Progress::start(&instrument, new_seed(), now()));
        // A share link for this instrument is read by the full bundle, which shows it: this
        // bundle holds no code reader, only the check that the link is meant for it.
        let shared =
            steps::shared_code().is_some_and(|code| candor_core::code::names(&code, &instrument));
        let screen = steps::opening_screen(&instrument, &progress, &loaded.history, shared);
        Self {
            instrument,
            ui,
            uid,
            vault,
            host,
            session,
            state: RefCell::new(State {
                progress,
                history: loaded.history,
                screen,
                messages,
                focus: false,
                awaiting_result: None,
                asked: None,
                alive: true,
            }),
            view: RefCell::new(super::draw::View::default()),
        }
    }

    /// The storage keys this quiz uses.
    fn keys(&self) -> &candor_core::records::Keys {
        self.vault.keys()
    }

    /// Sends a host-page event, if the quiz has a host element.
    fn emit<T: serde::Serialize>(&self, name: &str, detail: &T) {
        if let Some(host) = &self.host {
            events::emit(host, name, detail);
        }
    }

    /// Saves the attempt in progress, and tells other widgets on the page.
    fn save_progress(&self) {
        {
            let mut state = self.state.borrow_mut();
            let State {
                progress,
                history,
                messages,
                ..
            } = &mut *state;
            let notices = self.vault.save_progress(progress, history);
            steps::add_notices(messages, notices);
        }
        steps::tell_page(&self.keys().progress(), self.uid);
    }

    /// Leaves the intro for the first unanswered step.
    pub fn start(self: &Rc<Self>) {
        self.save_progress();
        let instrument = &self.instrument;
        self.emit(
            events::START,
            &events::Start::of(instrument, self.ui.locale, self.session.as_deref()),
        );
        {
            let mut state = self.state.borrow_mut();
            let first = steps::first_step(instrument, &state.progress);
            state.go(first);
        }
        self.show();
    }

    /// Takes over from the first screen `candor-element.js` showed before the bundle
    /// arrived: does what the reader did there (Start, an answer, Next), with the option
    /// order they saw, or asks for the data controls they opened on the intro (the full
    /// bundle's; Start wins: a reader who pressed it has moved on). Only a new attempt on
    /// the intro is taken over: if storage holds something else by now (another tab), what
    /// it holds is shown instead.
    pub fn take_over(self: &Rc<Self>, prelude: &Prelude) {
        let fresh = {
            let state = self.state.borrow();
            state.screen == Screen::Intro && !state.progress.is_started()
        };
        if fresh && prelude.started {
            if let Some(seed) = prelude.seed {
                self.state.borrow_mut().progress.seed = seed;
            }
            self.start();
            let options = self.instrument.option_count(0);
            let on_question = self.state.borrow().screen == Screen::Question;
            if on_question
                && let Some(choice) = prelude.choice.filter(|&c| usize::from(c) < options)
            {
                self.answer(choice);
                if prelude.next {
                    self.next();
                }
            }
        } else if fresh && prelude.data {
            self.hand_over(Some(Action::OpenData));
        }
        self.state.borrow_mut().focus = prelude.focus;
    }

    /// Records the chosen group.
    pub fn choose_group(self: &Rc<Self>, group: u8) {
        self.state.borrow_mut().progress.group = Some(group);
        self.save_progress();
        self.show();
    }

    /// Records `option` (a definition-order index) as the answer to the current question.
    pub fn answer(self: &Rc<Self>, option: u8) {
        {
            let mut state = self.state.borrow_mut();
            let position = usize::from(state.progress.position);
            if let Some(slot) = state.progress.answers.get_mut(position) {
                *slot = Some(option);
            }
        }
        self.save_progress();
        let (index, answered) = {
            let state = self.state.borrow();
            let p = &state.progress;
            (usize::from(p.position), p.answers.iter().flatten().count())
        };
        let instrument = &self.instrument;
        self.emit(
            events::ANSWER,
            &events::Answer::of(instrument, self.session.as_deref(), index, option, answered),
        );
        self.show();
    }

    /// Moves to the next question; after the last one, hands over to the full bundle, which
    /// scores and shows the result.
    pub fn next(self: &Rc<Self>) {
        let (screen, position, total, answered) = {
            let state = self.state.borrow();
            let (screen, position) = state.place();
            let answered = steps::answered(screen, &state.progress);
            (screen, position, state.progress.answers.len(), answered)
        };
        if !answered {
            return;
        }
        if screen == Screen::Group {
            self.state.borrow_mut().go(Screen::Question);
        } else if usize::from(position) + 1 < total {
            self.state.borrow_mut().progress.position += 1;
            self.save_progress();
            self.state.borrow_mut().go(Screen::Question);
        } else {
            self.state.borrow_mut().focus = true;
            self.hand_over(Some(Action::Finish));
        }
        self.show();
    }

    /// Moves back one step.
    pub fn back(self: &Rc<Self>) {
        let (screen, position) = self.state.borrow().place();
        match steps::back_step(&self.instrument, screen, position) {
            Back::Question(position) => {
                self.state.borrow_mut().progress.position = position;
                self.save_progress();
                self.state.borrow_mut().go(Screen::Question);
            }
            Back::Screen(screen) => self.state.borrow_mut().go(screen),
        }
        self.show();
    }

    /// Switches this widget to the full bundle, which then does `action`. The element
    /// switches once the full bundle is in, and asks then what to hand over: the reader may
    /// have gone on meanwhile.
    pub fn hand_over(self: &Rc<Self>, action: Option<Action>) {
        let asked_at = {
            let mut state = self.state.borrow_mut();
            let asked_at = state.place();
            state.asked = action;
            if action == Some(Action::Finish) {
                state.awaiting_result = Some(asked_at);
            }
            state.messages.retain(|m| *m != Message::Unloaded);
            asked_at
        };
        if let Some(host) = &self.host {
            let (quiz, failed) = (Rc::clone(self), Rc::clone(self));
            crate::element::upgrade_widget(
                host,
                move || {
                    let handoff = quiz.handoff(action, asked_at);
                    crate::json::write(&handoff).unwrap_or_else(|_| "{}".to_owned())
                },
                move || failed.tell_download_failed(),
            );
        }
        self.show();
    }

    /// Asks again for the full bundle, to do what the last switch was asked to do.
    pub fn retry_hand_over(self: &Rc<Self>) {
        let asked = self.state.borrow().asked;
        self.hand_over(asked);
    }

    /// The full bundle could not be downloaded: the reader stays where they are and is
    /// told, with a way to try again.
    fn tell_download_failed(self: &Rc<Self>) {
        {
            let mut state = self.state.borrow_mut();
            if !state.alive {
                return;
            }
            state.awaiting_result = None;
            if !state.messages.contains(&Message::Unloaded) {
                state.messages.push(Message::Unloaded);
            }
        }
        self.show();
    }

    /// Whether the full bundle could not be downloaded (and has not been asked for again).
    pub fn unloaded(&self) -> bool {
        self.state.borrow().unloaded()
    }

    /// What to hand the full bundle now, for a switch asked for at `asked_at` to do
    /// `action`: the action stands while the reader is still where they asked for it (a
    /// reader who opened the data controls and then pressed Start has moved on); the records
    /// held in memory and the notices are as they are now.
    fn handoff(&self, action: Option<Action>, asked_at: (Screen, u16)) -> Handoff {
        let state = self.state.borrow();
        let here = state.alive.then(|| state.place());
        Handoff {
            memory: Some(self.vault.held()).filter(|held| !held.is_empty()),
            focus: state.focus,
            action: action.filter(|_| here == Some(asked_at)),
            screen: here.map(|(screen, _)| screen),
            notices: steps::storage_notices(&state.messages),
            // The quiz took over from the first screen itself.
            prelude: None,
        }
    }

    /// Reads the records again after another tab or widget changed them, and follows.
    pub fn resync(self: &Rc<Self>) {
        let (stored, history) = self.vault.reload(&self.instrument);
        {
            let mut state = self.state.borrow_mut();
            let followed = steps::follow(stored, &history, &state.progress, state.screen, || {
                Progress::start(&self.instrument, new_seed(), now())
            });
            state.history = history;
            if let Some(progress) = followed.progress {
                state.progress = progress;
            }
            if let Some(screen) = followed.screen {
                state.screen = screen;
            }
        }
        self.show();
    }

    /// Removes message `index`.
    pub fn dismiss(self: &Rc<Self>, index: usize) {
        {
            let mut state = self.state.borrow_mut();
            if index < state.messages.len() {
                state.messages.remove(index);
            }
        }
        self.show();
    }

    /// Tries storage again for what is held in memory (the page is being hidden or closed).
    pub fn flush(self: &Rc<Self>) {
        let notices = self.vault.flush();
        if notices.is_empty() {
            return;
        }
        steps::add_notices(&mut self.state.borrow_mut().messages, notices);
        self.show();
    }

    /// Whether a page event or storage event about `key` concerns this quiz.
    pub fn concerns(&self, key: Option<&str>) -> bool {
        steps::concerns(self.keys(), key)
    }

    /// Has the view follow the state, once the widget's screen is built.
    fn show(self: &Rc<Self>) {
        if self.view.borrow().is_built() {
            super::draw::follow(self);
        }
    }
}
