//! The state of one quiz of the full bundle and the actions that move it on (the small
//! bundle's is in `take/`; what each step decides is [`crate::steps`]', for both).
//!
//! [`QuizCtx`] is provided as context by [`crate::widget::Widget`]; screens read its
//! signals and call its actions. Every answer is written to storage as it is given, so a
//! reload resumes at the same question with the same answers and option order. Storage
//! itself is the core's [`candor_core::vault`]: this module only passes it the records and
//! shows the reader what it reports. Scores are never computed here: the core scores a
//! response, the screens show the outcome.

use std::sync::Arc;

use candor_core::definition::Instrument;
use candor_core::records::{Attempt, History, Progress};
use candor_core::scoring::Outcome;
use candor_core::vault::Notice;
use leptos::prelude::*;

use crate::events;
use crate::steps::{self, Back, Message, SHARE_KEY, STORED_EVENT, Screen, new_seed, now};
use crate::storage::WidgetVault;
use crate::text::Ui;

/// Whether this page's address shares a result of `instrument`: the answers it carries.
fn shared_result(instrument: &Instrument) -> Option<candor_core::response::Response> {
    steps::shared_code()
        .and_then(|code| candor_core::code::decode(&code, instrument).ok())
        .map(|d| d.response)
}

/// Everything a screen needs; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct QuizCtx {
    /// The instrument being taken.
    pub instrument: StoredValue<Arc<Instrument>>,
    /// The attempt in progress.
    pub progress: RwSignal<Progress>,
    /// Completed attempts, oldest first.
    pub history: RwSignal<History>,
    /// The screen on show.
    pub screen: RwSignal<Screen>,
    /// Messages for the reader, oldest first.
    pub messages: RwSignal<Vec<Message>>,
    /// Set by a step the reader took; the new screen moves focus to its heading and clears it.
    pub focus: RwSignal<bool>,
    /// The answers of a result opened from a share link.
    pub shared: RwSignal<Option<candor_core::response::Response>>,
    /// Whether the reader's data controls are open on the intro.
    pub data_open: RwSignal<bool>,
    /// What the widget's live region says (a new result, for screen readers).
    pub announce: RwSignal<String>,
    /// The interface's words.
    pub ui: &'static Ui,
    /// A number unique to this widget on the page, for element ids and page events.
    pub uid: u32,
    vault: StoredValue<WidgetVault, LocalStorage>,
    host: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
    session: StoredValue<Option<String>>,
}

/// This page's address with `#candor=<code>`, for sharing a result.
pub fn share_link(code: &str) -> String {
    let location = window().location();
    let base = location.href().unwrap_or_default();
    let base = base.split('#').next().unwrap_or_default();
    format!("{base}#{SHARE_KEY}={}", code.replace('-', ""))
}

impl QuizCtx {
    /// Opens the quiz for `instrument`, resuming saved progress and history from `vault`.
    pub fn new(instrument: Arc<Instrument>, vault: WidgetVault, ui: &'static Ui, uid: u32) -> Self {
        let mut loaded = vault.load(&instrument, now());
        // Results migrated from an older record shape get their scores back.
        let notices = vault.backfill(&mut loaded.history, &instrument);
        loaded.notices.extend(notices);
        let messages = steps::opening_messages(vault.saving(), loaded.notices);
        let progress = loaded
            .progress
            .unwrap_or_else(|| Progress::start(&instrument, new_seed(), now()));
        let shared = shared_result(&instrument);
        let screen =
            steps::opening_screen(&instrument, &progress, &loaded.history, shared.is_some());
        Self {
            instrument: StoredValue::new(instrument),
            progress: RwSignal::new(progress),
            history: RwSignal::new(loaded.history),
            screen: RwSignal::new(screen),
            messages: RwSignal::new(messages),
            focus: RwSignal::new(false),
            shared: RwSignal::new(shared),
            data_open: RwSignal::new(false),
            announce: RwSignal::new(String::new()),
            ui,
            uid,
            vault: StoredValue::new_local(vault),
            host: StoredValue::new_local(None),
            session: StoredValue::new(None),
        }
    }

    /// Connects the quiz to its page: the element events are sent from, and the session
    /// tag the page gave.
    pub fn attach(&self, host: Option<web_sys::HtmlElement>, session: Option<String>) {
        self.host.set_value(host);
        self.session.set_value(session);
    }

    /// The session tag the page gave, if any.
    pub fn session(&self) -> Option<String> {
        self.session.get_value()
    }

    /// Sends a host-page event, if the quiz has a host element.
    fn emit<T: serde::Serialize>(&self, name: &str, detail: &T) {
        self.host.with_value(|host| {
            if let Some(host) = host {
                events::emit(host, name, detail);
            }
        });
    }

    /// The instrument (a cheap clone of a shared pointer).
    pub fn instrument(&self) -> Arc<Instrument> {
        self.instrument.get_value()
    }

    /// The storage keys this quiz uses.
    pub fn keys(&self) -> candor_core::records::Keys {
        self.vault.with_value(|v| v.keys().clone())
    }

    /// Whether answers reach storage.
    pub fn saving(&self) -> candor_core::vault::Saving {
        self.vault.with_value(|v| v.saving())
    }

    /// Tries storage again for what is held in memory (the page is being hidden or closed).
    pub fn flush(&self) {
        let notices = self.vault.with_value(|v| v.flush());
        self.tell(notices);
    }

    /// The order item `index`'s options are shown in, as definition-order indices.
    pub fn display_order(&self, index: usize) -> Vec<u8> {
        let seed = self.progress.with_untracked(|p| p.seed);
        steps::display_order(&self.instrument(), seed, index)
    }

    /// The latest completed attempt, with its outcome scored by the core when it was given
    /// to the instrument's current version (an older result keeps its stored scores).
    pub fn latest(&self) -> Option<(Attempt, Option<Outcome>)> {
        let instrument = self.instrument();
        self.history.with(|h| {
            let attempt = h.attempts.last()?.clone();
            let outcome = (attempt.version == instrument.version)
                .then(|| instrument.score(&attempt.response()).ok())
                .flatten();
            Some((attempt, outcome))
        })
    }

    /// Adds what the vault reported to the messages, leaving out any already shown.
    pub fn tell(&self, notices: Vec<Notice>) {
        if notices.is_empty() {
            return;
        }
        self.messages.update(|m| steps::add_notices(m, notices));
    }

    /// Lets other widgets on this page know that `key` changed.
    fn announce(&self, key: &str) {
        steps::tell_page(key, self.uid);
    }

    fn save_progress(&self) {
        let progress = self.progress.get_untracked();
        let mut history = self.history.get_untracked();
        let before = history.attempts.len();
        let notices = self
            .vault
            .with_value(|v| v.save_progress(&progress, &mut history));
        if history.attempts.len() != before {
            self.history.set(history);
        }
        self.tell(notices);
        self.announce(&self.keys().progress());
    }

    fn go(&self, screen: Screen) {
        self.screen.set(screen);
        self.focus.set(true);
    }

    fn first_step(&self) -> Screen {
        self.progress
            .with_untracked(|p| steps::first_step(&self.instrument(), p))
    }

    /// Leaves the intro for the first unanswered step.
    pub fn start(&self) {
        self.save_progress();
        let (instrument, session) = (self.instrument(), self.session());
        self.emit(
            events::START,
            &events::Start::of(&instrument, self.ui.locale, session.as_deref()),
        );
        self.go(self.first_step());
    }

    /// Takes over from the first screen `candor-element.js` showed before the bundles
    /// arrived, when the small bundle handed it over: does what the reader did there
    /// (Start, an answer, Next), with the option order they saw, or opens the data controls
    /// they opened on the intro (Start wins: a reader who pressed it has moved on). Only a new attempt on the intro is taken
    /// over: if storage holds something else by now (another tab), what it holds is shown
    /// instead.
    pub fn take_over(&self, prelude: &crate::element::Prelude) {
        let fresh = self.screen.get_untracked() == Screen::Intro
            && !self.progress.with_untracked(Progress::is_started);
        if fresh && prelude.started {
            if let Some(seed) = prelude.seed {
                self.progress.update(|p| p.seed = seed);
            }
            self.start();
            let options = self.instrument().option_count(0);
            if self.screen.get_untracked() == Screen::Question
                && let Some(choice) = prelude.choice.filter(|&c| usize::from(c) < options)
            {
                self.answer(choice);
                if prelude.next {
                    self.next();
                }
            }
        } else if fresh && prelude.data {
            self.data_open.set(true);
        }
        self.focus.set(prelude.focus);
    }

    /// Records the chosen group.
    pub fn choose_group(&self, group: u8) {
        self.progress.update(|p| p.group = Some(group));
        self.save_progress();
    }

    /// Records `option` (a definition-order index) as the answer to the current question.
    pub fn answer(&self, option: u8) {
        self.progress.update(|p| {
            let position = usize::from(p.position);
            if let Some(slot) = p.answers.get_mut(position) {
                *slot = Some(option);
            }
        });
        self.save_progress();
        let (index, answered) = self
            .progress
            .with_untracked(|p| (usize::from(p.position), p.answers.iter().flatten().count()));
        let (instrument, session) = (self.instrument(), self.session());
        self.emit(
            events::ANSWER,
            &events::Answer::of(&instrument, session.as_deref(), index, option, answered),
        );
    }

    /// Whether the current step has an answer.
    pub fn current_answered(&self) -> bool {
        let screen = self.screen.get();
        self.progress.with(|p| steps::answered(screen, p))
    }

    /// Enter on a chosen option goes on, as in a form (but without a form submission, which
    /// a sandboxed iframe without `allow-forms` would block).
    pub fn on_keydown(&self, event: &web_sys::KeyboardEvent) {
        if steps::enter_on_radio(event) {
            event.prevent_default();
            self.next();
        }
    }

    /// Moves to the next question, or to the result after the last one.
    pub fn next(&self) {
        if !self.current_answered() {
            return;
        }
        if self.screen.get_untracked() == Screen::Group {
            self.go(Screen::Question);
            return;
        }
        let (position, total) = self
            .progress
            .with_untracked(|p| (usize::from(p.position), p.answers.len()));
        if position + 1 < total {
            self.progress.update(|p| p.position += 1);
            self.save_progress();
            self.go(Screen::Question);
        } else {
            self.finish();
        }
    }

    /// Moves back one step.
    pub fn back(&self) {
        let position = self.progress.with_untracked(|p| p.position);
        match steps::back_step(&self.instrument(), self.screen.get_untracked(), position) {
            Back::Question(position) => {
                self.progress.update(|p| p.position = position);
                self.save_progress();
                self.go(Screen::Question);
            }
            Back::Screen(screen) => self.go(screen),
        }
    }

    /// Scores the attempt, adds it to the history and shows the result. An incomplete
    /// attempt goes back to its first unanswered step instead.
    pub fn finish(&self) {
        let instrument = self.instrument();
        let response = self.progress.with_untracked(Progress::response);
        let attempt = match Attempt::scored(&instrument, &response, now()) {
            Ok(attempt) => Attempt {
                session: self.session(),
                ..attempt
            },
            Err(_) => {
                match response.answers.iter().position(Option::is_none) {
                    Some(i) if response.group.is_some() || instrument.groups().is_none() => {
                        self.progress.update(|p| p.position = i as u16);
                        self.go(Screen::Question);
                    }
                    _ => self.go(Screen::Group),
                }
                return;
            }
        };
        let session = self.session();
        let code = attempt.code(&instrument);
        let scaled = instrument
            .score(&attempt.response())
            .map_or(0.0, |o| o.summary(&instrument).scaled);
        self.emit(
            events::COMPLETE,
            &events::Complete {
                instrument: instrument.id.as_str(),
                version: instrument.version,
                locale: self.ui.locale,
                session: session.as_deref(),
                completed_at: attempt.completed_at,
                answered: attempt.answers.len(),
                headline: &attempt.headline,
                scores: attempt
                    .scores
                    .iter()
                    .map(|s| (s.id.as_str(), s.value))
                    .collect(),
                scaled,
                code: code.as_deref(),
            },
        );
        let headline = attempt.headline.clone();
        let history = self.history.get_untracked();
        let (history, notices) = self.vault.with_value(|v| {
            let saved = v.add_attempt(&history, attempt);
            v.clear_progress();
            saved
        });
        self.history.set(history);
        self.tell(notices);
        self.progress
            .set(Progress::start(&instrument, new_seed(), now()));
        let keys = self.keys();
        self.announce(&keys.history());
        self.go(Screen::Result);
        // Said by the live region once it is in the page (a region added together with its
        // text is not always read out).
        let said = crate::text::fill(self.ui.result_ready, &[("headline", &headline)]);
        let announce = self.announce;
        set_timeout(
            move || announce.set(said),
            std::time::Duration::from_millis(150),
        );
    }

    /// Prints the result on a page of its own (the host page's other content hidden).
    pub fn print(&self) {
        self.host.with_value(|host| match host {
            Some(host) => crate::element::print_widget(host),
            None => {
                let _ = window().print();
            }
        });
    }

    /// Leaves a shared result for the reader's own quiz.
    pub fn leave_shared(&self) {
        self.shared.set(None);
        let has_results = self.history.with_untracked(|h| !h.attempts.is_empty());
        self.go(if has_results {
            Screen::Result
        } else {
            Screen::Intro
        });
    }

    /// Starts a new attempt.
    pub fn retake(&self) {
        let instrument = self.instrument();
        self.progress
            .set(Progress::start(&instrument, new_seed(), now()));
        self.start();
    }

    /// Reads the records again after another tab or widget changed them, and follows: the
    /// same attempt picks up the other's answers; an attempt finished elsewhere shows its
    /// result; data deleted elsewhere returns to the intro.
    pub fn resync(&self) {
        let instrument = self.instrument();
        let (stored, history) = self.vault.with_value(|v| v.reload(&instrument));
        let followed = steps::follow(
            stored,
            &history,
            &self.progress.get_untracked(),
            self.screen.get_untracked(),
            || Progress::start(&instrument, new_seed(), now()),
        );
        self.history.set(history);
        if let Some(progress) = followed.progress {
            self.progress.set(progress);
        }
        if let Some(screen) = followed.screen {
            self.screen.set(screen);
        }
    }

    /// Every record of this page's namespace as an export file: `(file name, JSON text)`.
    pub fn export(&self) -> Result<(String, String), String> {
        let stamp = js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default()
            .chars()
            .take(10)
            .collect::<String>();
        let keys = self.keys();
        let text = self.vault.with_value(|v| v.export(now()))?;
        Ok((format!("candor-{}-{stamp}.json", keys.namespace()), text))
    }

    /// Imports an export file; a bad file changes nothing and says why.
    pub fn import(&self, text: &str) {
        let result = self.vault.with_value(|v| v.import(text));
        match result {
            Ok(report) => {
                self.resync();
                if self.screen.get_untracked() == Screen::Intro
                    && self.history.with_untracked(|h| !h.attempts.is_empty())
                {
                    self.screen.set(Screen::Result);
                }
                self.messages.update(|m| m.push(Message::Imported(report)));
                self.announce(&self.keys().history());
            }
            Err(e) => {
                let why = e.message_in(candor_core::messages::messages(self.ui.locale));
                self.messages.update(|m| m.push(Message::ImportFailed(why)));
            }
        }
    }

    /// Deletes every record of this page's namespace and starts afresh.
    pub fn delete_all(&self) {
        let instrument = self.instrument();
        self.vault.with_value(|v| v.delete_all());
        self.history.set(History::new(instrument.id.as_str()));
        self.progress
            .set(Progress::start(&instrument, new_seed(), now()));
        self.messages.set(vec![Message::Deleted]);
        self.announce(&self.keys().history());
        self.go(Screen::Intro);
    }

    /// Removes message `index`.
    pub fn dismiss(&self, index: usize) {
        self.messages.update(|m| {
            if index < m.len() {
                m.remove(index);
            }
        });
    }

    /// Whether a page event or storage event about `key` concerns this quiz.
    pub fn concerns(&self, key: Option<&str>) -> bool {
        steps::concerns(&self.keys(), key)
    }

    /// Follows the `storage` event (another tab) and this page's [`STORED_EVENT`] (another
    /// widget) for as long as the widget is mounted.
    pub fn follow_other_writers(&self) {
        let quiz = *self;
        let storage = window_event_listener_untyped("storage", move |event| {
            if quiz.concerns(steps::storage_key(&event).as_deref()) {
                quiz.resync();
            }
        });
        let page = window_event_listener_untyped(STORED_EVENT, move |event| {
            if let Some((key, from)) = steps::stored_detail(&event)
                && from != Some(f64::from(quiz.uid))
                && quiz.concerns(key.as_deref())
            {
                quiz.resync();
            }
        });
        // What is held in memory is stored before the page goes, if storage takes it by then.
        let hidden = window_event_listener_untyped("pagehide", move |_| quiz.flush());
        let hiding = window_event_listener_untyped("visibilitychange", move |_| quiz.flush());
        on_cleanup(move || {
            storage.remove();
            page.remove();
            hidden.remove();
            hiding.remove();
        });
    }
}
