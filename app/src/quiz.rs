//! The state of one quiz and the actions that move it on.
//!
//! [`QuizCtx`] is provided as context by [`crate::widget::Widget`]; screens read its
//! signals and call its actions. Every answer is written to storage as it is given, so a
//! reload resumes at the same question with the same answers and option order. Storage
//! itself is the core's [`candor_core::vault`]: this module only passes it the records and
//! shows the reader what it reports. Scores are never computed here: the core scores a
//! response, the screens show the outcome.

use std::sync::Arc;

use candor_core::definition::{Instrument, ItemKind};
use candor_core::records::{Attempt, History, Progress};
use candor_core::scoring::Outcome;
use candor_core::shuffle;
use candor_core::vault::{ImportReport, Notice};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::events;
use crate::storage::WidgetVault;
use crate::text::Ui;

/// Which screen the quiz shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Screen {
    /// Title, intro and the start button.
    Intro,
    /// The respondent-group question, for instruments that have one.
    Group,
    /// The question at `Progress::position`.
    Question,
    /// The latest completed attempt.
    Result,
    /// A result opened from a share link: shown read-only, never stored.
    Shared,
}

/// Something to tell the reader, shown above the current screen until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// What the vault reported about stored data.
    Storage(Notice),
    /// An import added this much.
    Imported(ImportReport),
    /// An import was refused; nothing changed.
    ImportFailed(String),
    /// Everything was deleted.
    Deleted,
    /// The full bundle (results, data controls) could not be downloaded; nothing the reader
    /// did is lost, and they can try again.
    Unloaded,
}

/// The name of the page event one widget sends after writing, so other widgets of the same
/// instrument on the page can read again (the `storage` event only reaches other tabs).
pub const STORED_EVENT: &str = "candor:stored";

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
    /// Where the reader asked for their result (screen and question), while the full
    /// bundle that shows it is on its way.
    pub awaiting_result: RwSignal<Option<(Screen, u16)>>,
    /// What the last switch to the full bundle was asked to do, to ask again.
    asked: StoredValue<Option<crate::element::Action>>,
    vault: StoredValue<WidgetVault, LocalStorage>,
    host: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
    session: StoredValue<Option<String>>,
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn new_seed() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

/// The key of a shared result in a page address's fragment: `#candor=<code>`.
pub const SHARE_KEY: &str = "candor";

/// The code in this page's `#candor=<code>` fragment, if any.
fn shared_code() -> Option<String> {
    let hash = window().location().hash().ok()?;
    hash.trim_start_matches('#')
        .split('&')
        .find_map(|part| part.strip_prefix(SHARE_KEY)?.strip_prefix('='))
        .map(str::to_owned)
}

/// Whether this page's address shares a result of `instrument`, and the answers it carries
/// (the full bundle, which shows it, reads them; the small one only hands over to it, and
/// holds no code reader: `None` beside `true`).
#[cfg(feature = "full")]
fn shared_result(instrument: &Instrument) -> (bool, Option<candor_core::response::Response>) {
    let response = shared_code()
        .and_then(|code| candor_core::code::decode(&code, instrument).ok())
        .map(|d| d.response);
    (response.is_some(), response)
}

/// See the full bundle's twin.
#[cfg(not(feature = "full"))]
fn shared_result(instrument: &Instrument) -> (bool, Option<candor_core::response::Response>) {
    let named = shared_code().is_some_and(|code| candor_core::code::names(&code, instrument));
    (named, None)
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
        #[allow(unused_mut)]
        let mut loaded = vault.load(&instrument, now());
        // Results migrated from an older record shape get their scores back (the full
        // bundle scores; the first-question bundle leaves it to it).
        #[cfg(feature = "full")]
        {
            let notices = vault.backfill(&mut loaded.history, &instrument);
            loaded.notices.extend(notices);
        }
        let mut messages: Vec<Message> = Vec::new();
        if !vault.backend().is_persistent() {
            messages.push(Message::Storage(Notice::InMemory));
        }
        messages.extend(loaded.notices.into_iter().map(Message::Storage));
        let progress = loaded
            .progress
            .unwrap_or_else(|| Progress::start(&instrument, new_seed(), now()));
        let (is_shared, shared) = shared_result(&instrument);
        let screen = if is_shared {
            Screen::Shared
        } else if progress.is_started() {
            if progress.answers.iter().any(Option::is_some) || instrument.groups().is_none() {
                Screen::Question
            } else {
                Screen::Group
            }
        } else if !loaded.history.attempts.is_empty() {
            Screen::Result
        } else {
            Screen::Intro
        };
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
            awaiting_result: RwSignal::new(None),
            asked: StoredValue::new(None),
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

    /// Whether answers survive the page.
    pub fn is_persistent(&self) -> bool {
        self.vault.with_value(|v| v.backend().is_persistent())
    }

    /// The order item `index`'s options are shown in, as definition-order indices.
    pub fn display_order(&self, index: usize) -> Vec<u8> {
        let instrument = self.instrument();
        match instrument.items.get(index).map(|item| &item.kind) {
            Some(ItemKind::Levels { options }) => {
                let seed = self.progress.with_untracked(|p| p.seed);
                shuffle::order(u64::from(seed), index, options.len())
            }
            _ => (0..instrument.option_count(index) as u8).collect(),
        }
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
        self.messages.update(|m| {
            for notice in notices {
                let message = Message::Storage(notice);
                if !m.contains(&message) {
                    m.push(message);
                }
            }
        });
    }

    /// Lets other widgets on this page know that `key` changed.
    fn announce(&self, key: &str) {
        let init = web_sys::CustomEventInit::new();
        let detail = js_sys::Array::of2(&key.into(), &f64::from(self.uid).into());
        init.set_detail(&detail);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(STORED_EVENT, &init) {
            let _ = window().dispatch_event(&event);
        }
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
        let needs_group = self.instrument().groups().is_some()
            && self.progress.with_untracked(|p| p.group.is_none());
        if needs_group {
            Screen::Group
        } else {
            Screen::Question
        }
    }

    /// Leaves the intro for the first unanswered step.
    pub fn start(&self) {
        self.save_progress();
        let (instrument, session) = (self.instrument(), self.session());
        self.emit(
            events::START,
            &events::Start {
                instrument: instrument.id.as_str(),
                version: instrument.version,
                locale: self.ui.locale,
                session: session.as_deref(),
                total: instrument.items.len(),
            },
        );
        self.go(self.first_step());
    }

    /// Takes over from the first screen `candor-element.js` showed before the bundle
    /// arrived: does what the reader did there (Start, an answer, Next), with the option
    /// order they saw, or opens the data controls they opened on the intro (Start wins:
    /// a reader who pressed it has moved on). Only a new attempt on the intro is taken
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
            #[cfg(feature = "full")]
            self.data_open.set(true);
            #[cfg(not(feature = "full"))]
            self.hand_over(Some(crate::element::Action::OpenData));
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
            &events::Answer {
                instrument: instrument.id.as_str(),
                version: instrument.version,
                session: session.as_deref(),
                item: instrument.items.get(index).map_or("", |i| i.id.as_str()),
                index,
                option,
                answered,
                total: instrument.items.len(),
            },
        );
    }

    /// Whether the current step has an answer.
    pub fn current_answered(&self) -> bool {
        let screen = self.screen.get();
        self.progress.with(|p| match screen {
            Screen::Group => p.group.is_some(),
            _ => p
                .answers
                .get(usize::from(p.position))
                .is_some_and(Option::is_some),
        })
    }

    /// Enter on a chosen option goes on, as in a form (but without a form submission, which
    /// a sandboxed iframe without `allow-forms` would block).
    pub fn on_keydown(&self, event: &web_sys::KeyboardEvent) {
        let on_radio = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some_and(|input| input.type_() == "radio");
        if event.key() == "Enter" && on_radio {
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
            #[cfg(feature = "full")]
            self.finish();
            // Scoring and results are the full bundle's: hand over to it.
            #[cfg(not(feature = "full"))]
            {
                self.focus.set(true);
                self.hand_over(Some(crate::element::Action::Finish));
            }
        }
    }

    /// Moves back one step.
    pub fn back(&self) {
        let position = self.progress.with_untracked(|p| p.position);
        match self.screen.get_untracked() {
            Screen::Question if position > 0 => {
                self.progress.update(|p| p.position -= 1);
                self.save_progress();
                self.go(Screen::Question);
            }
            Screen::Question if self.instrument().groups().is_some() => self.go(Screen::Group),
            _ => self.go(Screen::Intro),
        }
    }

    /// Scores the attempt, adds it to the history and shows the result. An incomplete
    /// attempt goes back to its first unanswered step instead.
    #[cfg(feature = "full")]
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

    /// Switches this widget to the full bundle (results, sharing), handing over what is held
    /// in memory and that focus should follow the reader's step.
    pub fn upgrade(&self) {
        self.hand_over(None);
    }

    /// Switches this widget to the full bundle, which then does `action`. The element
    /// switches once the full bundle is in, and asks then what to hand over (`handoff`):
    /// the reader may have gone on meanwhile.
    pub fn hand_over(&self, action: Option<crate::element::Action>) {
        let quiz = *self;
        let asked_at = self.place();
        self.asked.set_value(action);
        if action == Some(crate::element::Action::Finish) {
            self.awaiting_result.set(asked_at);
        }
        self.messages
            .update(|m| m.retain(|m| *m != Message::Unloaded));
        self.host.with_value(|host| {
            if let Some(host) = host {
                crate::element::upgrade_widget(
                    host,
                    move || {
                        let handoff = quiz.handoff(action, asked_at);
                        crate::json::write(&handoff).unwrap_or_else(|_| "{}".to_owned())
                    },
                    move || quiz.tell_download_failed(),
                );
            }
        });
    }

    /// Asks again for the full bundle, to do what the last switch was asked to do.
    pub fn retry_hand_over(&self) {
        self.hand_over(self.asked.get_value());
    }

    /// The full bundle could not be downloaded: the reader stays where they are and is
    /// told, with a way to try again.
    fn tell_download_failed(&self) {
        let _ = self.awaiting_result.try_set(None);
        let _ = self.messages.try_update(|m| {
            if !m.contains(&Message::Unloaded) {
                m.push(Message::Unloaded);
            }
        });
    }

    /// Asks again for the full bundle when the browser comes back online, if it could not
    /// be downloaded (the notice's Try again does the same), for as long as the widget lives.
    pub fn retry_when_online(&self) {
        let quiz = *self;
        let online = window_event_listener_untyped("online", move |_| {
            if quiz
                .messages
                .try_with_untracked(|m| m.contains(&Message::Unloaded))
                == Some(true)
            {
                quiz.retry_hand_over();
            }
        });
        on_cleanup(move || online.remove());
    }

    /// Whether the reader is where they asked for their result and it is on its way
    /// (tracked, for the question screen to say so).
    pub fn result_on_its_way(&self) -> bool {
        let here = (self.screen.get(), self.progress.with(|p| p.position));
        self.awaiting_result.get() == Some(here)
    }

    /// The screen and question the reader is on, or `None` once the widget is gone.
    fn place(&self) -> Option<(Screen, u16)> {
        let screen = self.screen.try_get_untracked()?;
        let position = self.progress.try_with_untracked(|p| p.position)?;
        Some((screen, position))
    }

    /// What to hand the full bundle now, for a switch asked for at `asked_at` to do
    /// `action`: the action stands while the reader is still where they asked for it (a
    /// reader who opened the data controls and then pressed Start has moved on); the records
    /// held in memory and the notices are as they are now.
    fn handoff(
        &self,
        action: Option<crate::element::Action>,
        asked_at: Option<(Screen, u16)>,
    ) -> crate::element::Handoff {
        let here = self.place();
        let notices = self
            .messages
            .try_with_untracked(|m| {
                m.iter()
                    .filter_map(|message| match message {
                        Message::Storage(notice) => Some(notice.clone()),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        crate::element::Handoff {
            memory: self
                .vault
                .try_with_value(|v| v.backend().memory_snapshot())
                .flatten(),
            focus: self.focus.try_get_untracked().unwrap_or(false),
            action: action.filter(|_| here.is_some() && here == asked_at),
            screen: here.map(|(screen, _)| screen),
            notices,
            // The quiz took over from the first screen itself.
            prelude: None,
        }
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
        let latest_done = history.attempts.last().map(|a| a.completed_at);
        self.history.set(history);
        let local = self.progress.get_untracked();
        match stored {
            Some(p)
                if p.started_at == local.started_at
                    && self.screen.get_untracked() == Screen::Question =>
            {
                // The same attempt, on screen here: take the other's answers but stay on
                // the question the reader is looking at.
                let position = local.position.min(p.answers.len().saturating_sub(1) as u16);
                self.progress.set(Progress { position, ..p });
            }
            Some(p) => self.progress.set(p),
            None if local.is_started() => {
                // The attempt under way here ended elsewhere: finished, or deleted.
                self.progress
                    .set(Progress::start(&instrument, new_seed(), now()));
                let finished = latest_done.is_some_and(|t| t >= local.started_at);
                self.screen.set(if finished {
                    Screen::Result
                } else {
                    Screen::Intro
                });
            }
            None => {}
        }
        if self.screen.get_untracked() == Screen::Result
            && self.history.with_untracked(|h| h.attempts.is_empty())
        {
            self.screen.set(Screen::Intro);
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
        let keys = self.keys();
        match key {
            // `localStorage.clear()` elsewhere.
            None => true,
            Some(key) => key == keys.progress() || key == keys.history(),
        }
    }

    /// Follows the `storage` event (another tab) and this page's [`STORED_EVENT`] (another
    /// widget) for as long as the widget is mounted.
    pub fn follow_other_writers(&self) {
        let quiz = *self;
        let storage = window_event_listener_untyped("storage", move |event| {
            let key = event
                .dyn_ref::<web_sys::StorageEvent>()
                .and_then(web_sys::StorageEvent::key);
            if quiz.concerns(key.as_deref()) {
                quiz.resync();
            }
        });
        let page = window_event_listener_untyped(STORED_EVENT, move |event| {
            let Some(detail) = event
                .dyn_ref::<web_sys::CustomEvent>()
                .map(web_sys::CustomEvent::detail)
            else {
                return;
            };
            let key = js_sys::Reflect::get_u32(&detail, 0)
                .ok()
                .and_then(|k| k.as_string());
            let from = js_sys::Reflect::get_u32(&detail, 1)
                .ok()
                .and_then(|u| u.as_f64());
            if from != Some(f64::from(quiz.uid)) && quiz.concerns(key.as_deref()) {
                quiz.resync();
            }
        });
        on_cleanup(move || {
            storage.remove();
            page.remove();
        });
    }
}
