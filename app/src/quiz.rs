//! The state of one quiz and the actions that move it on.
//!
//! [`QuizCtx`] is provided as context by [`crate::widget::Widget`]; screens read its
//! signals and call its actions. Every answer is written to storage as it is given, so a
//! reload resumes at the same question with the same answers and option order. Scores are
//! never computed here: the core scores a response, the screens show the outcome.

use std::sync::Arc;

use candor_core::definition::{Instrument, ItemKind};
use candor_core::records::{Attempt, History, Keys, Progress};
use candor_core::response::Response;
use candor_core::scoring::Outcome;
use candor_core::shuffle;
use leptos::prelude::*;

use crate::storage::{Load, StorageFault, Store};
use crate::text::Ui;

/// Which screen the quiz shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Title, intro and the start button.
    Intro,
    /// The respondent-group question, for instruments that have one.
    Group,
    /// The question at `Progress::position`.
    Question,
    /// The latest completed attempt.
    Result,
}

/// A short notice to the reader about storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Nothing can be kept on this device.
    StorageUnavailable,
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
    /// A storage notice, if any.
    pub notice: RwSignal<Option<Notice>>,
    /// Set by a step the reader took; the new screen moves focus to its heading and clears it.
    pub focus: RwSignal<bool>,
    /// The interface's words.
    pub ui: &'static Ui,
    /// A number unique to this widget on the page, for element ids.
    pub uid: u32,
    store: StoredValue<Store, LocalStorage>,
    keys: StoredValue<Keys>,
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn new_seed() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

impl QuizCtx {
    /// Opens the quiz for `instrument`, resuming saved progress and history from `store`.
    pub fn new(
        instrument: Arc<Instrument>,
        store: Store,
        fault: Option<StorageFault>,
        keys: Keys,
        ui: &'static Ui,
        uid: u32,
    ) -> Self {
        let progress = match store.load::<Progress>(&keys.progress()) {
            Load::Found(p) if p.fits(&instrument) => p,
            _ => Progress::start(&instrument, new_seed(), now()),
        };
        let history = match store.load::<History>(&keys.history()) {
            Load::Found(h) if h.instrument == instrument.id.as_str() => h,
            _ => History::new(&instrument),
        };
        let screen = if progress.answers.iter().any(Option::is_some) {
            Screen::Question
        } else if !history.attempts.is_empty() {
            Screen::Result
        } else {
            Screen::Intro
        };
        Self {
            instrument: StoredValue::new(instrument),
            progress: RwSignal::new(progress),
            history: RwSignal::new(history),
            screen: RwSignal::new(screen),
            notice: RwSignal::new(fault.map(|_| Notice::StorageUnavailable)),
            focus: RwSignal::new(false),
            ui,
            uid,
            store: StoredValue::new_local(store),
            keys: StoredValue::new(keys),
        }
    }

    /// The instrument (a cheap clone of a shared pointer).
    pub fn instrument(&self) -> Arc<Instrument> {
        self.instrument.get_value()
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

    /// The latest completed attempt and its outcome, scored by the core.
    pub fn latest(&self) -> Option<(Attempt, Outcome)> {
        let instrument = self.instrument();
        self.history.with(|h| {
            let attempt = h.attempts.last()?.clone();
            let response = Response {
                answers: attempt.answers.iter().copied().map(Some).collect(),
                group: attempt.group,
            };
            let outcome = instrument.score(&response).ok()?;
            Some((attempt, outcome))
        })
    }

    fn save_progress(&self) {
        let keys = self.keys.get_value();
        let result = self.store.with_value(|s| {
            self.progress
                .with_untracked(|p| s.save(&keys.progress(), p))
        });
        self.report(result);
    }

    fn report(&self, result: Result<(), StorageFault>) {
        if result.is_err() && !self.store.with_value(Store::is_persistent) {
            self.notice.set(Some(Notice::StorageUnavailable));
        }
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
        self.go(self.first_step());
    }

    /// Records the chosen group and moves to the questions.
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
    /// attempt goes back to its first unanswered question instead.
    pub fn finish(&self) {
        let instrument = self.instrument();
        let response = self.progress.with_untracked(Progress::response);
        if instrument.score(&response).is_err() {
            let first_missing = response.answers.iter().position(Option::is_none);
            match first_missing {
                Some(i) => {
                    self.progress.update(|p| p.position = i as u16);
                    self.go(Screen::Question);
                }
                None => self.go(Screen::Group),
            }
            return;
        }
        let attempt = Attempt {
            completed_at: now(),
            version: instrument.version,
            answers: response.answers.iter().map(|a| a.unwrap_or(0)).collect(),
            group: response.group,
        };
        self.history.update(|h| h.attempts.push(attempt));
        let keys = self.keys.get_value();
        let saved = self
            .store
            .with_value(|s| self.history.with_untracked(|h| s.save(&keys.history(), h)));
        self.report(saved);
        self.store.with_value(|s| s.remove(&keys.progress()));
        self.progress
            .set(Progress::start(&instrument, new_seed(), now()));
        self.go(Screen::Result);
    }

    /// Starts a new attempt.
    pub fn retake(&self) {
        let instrument = self.instrument();
        self.progress
            .set(Progress::start(&instrument, new_seed(), now()));
        self.start();
    }
}
