//! What the full bundle's components share of a quiz: one context over the page's quiz.
//!
//! * [`QuizCtx`] holds the instrument, the quiz's state as a signal and a handle on the
//!   quiz (`candor_web::widget::Widget`). The signal is set after each drawing.
//! * Components read the state and ask for actions; the core's quiz decides.
//! * Scores are never computed here: the core scores a response, components show it.

use std::rc::{Rc, Weak};
use std::sync::Arc;

use candor_core::definition::Instrument;
use candor_core::quiz::{Action, Quiz};
use candor_core::records::{Asked, Attempt, History};
use candor_core::scoring::Outcome;
use candor_core::vault::Saving;
use candor_web::widget::Widget;
use leptos::prelude::*;

use crate::text::ReaderUi;

pub use candor_web::page::share_link;

/// Everything a result, history or data component needs; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct QuizCtx {
    /// The instrument being taken.
    pub instrument: StoredValue<Arc<Instrument>>,
    /// The quiz's state, as of its latest drawing; set only when it changed.
    pub state: RwSignal<Quiz>,
    /// The completed attempts, which results and history are drawn from: a change elsewhere
    /// in the quiz (a notice, a flush) leaves them, and what the reader has open, as they are.
    pub history: Memo<History>,
    /// The interface's words.
    pub ui: &'static ReaderUi,
    /// A number unique to this widget on the page.
    pub uid: u32,
    widget: StoredValue<Weak<Widget>, LocalStorage>,
}

impl QuizCtx {
    /// A context over `widget`'s quiz of `instrument`.
    pub fn new(widget: &Rc<Widget>, instrument: Arc<Instrument>, ui: &'static ReaderUi) -> Self {
        let state = RwSignal::new(widget.quiz().clone());
        Self {
            instrument: StoredValue::new(instrument),
            state,
            history: Memo::new(move |_| state.with(|q| q.history().clone())),
            ui,
            uid: widget.uid(),
            widget: StoredValue::new_local(Rc::downgrade(widget)),
        }
    }

    fn widget(&self) -> Option<Rc<Widget>> {
        self.widget.get_value().upgrade()
    }

    /// The instrument (a cheap clone of a shared pointer).
    pub fn instrument(&self) -> Arc<Instrument> {
        self.instrument.get_value()
    }

    /// Has the quiz do `action`.
    pub fn act(&self, action: Action) {
        if let Some(widget) = self.widget() {
            widget.act(action);
        }
    }

    /// Imports an export file; a bad file changes nothing and says why.
    pub fn import(&self, text: &str) {
        if let Some(widget) = self.widget() {
            let words = candor_core::messages::messages(self.ui.locale());
            widget.change(|quiz, questions, vault, clock| {
                quiz.import(questions, vault, clock, text, words)
            });
        }
    }

    /// Records the reader's request for others' view of the result completed at
    /// `completed_at`, with the codes received.
    pub fn ask_others(&self, completed_at: f64, asked: Asked) {
        if let Some(widget) = self.widget() {
            widget.change(|quiz, _, vault, _| quiz.ask_others(vault, completed_at, asked));
        }
    }

    /// Deletes every record of this page's namespace and starts afresh.
    pub fn delete_all(&self) {
        if let Some(widget) = self.widget() {
            widget.change(|quiz, questions, vault, clock| quiz.delete_all(questions, vault, clock));
        }
    }

    /// The latest completed attempt, with its outcome scored by the core when it was given
    /// to a version whose answers fit the current one (an older result keeps its stored
    /// scores).
    pub fn latest(&self) -> Option<(Attempt, Option<Outcome>)> {
        let instrument = self.instrument();
        self.history.with(|history| {
            let attempt = history.attempts.last()?.clone();
            let outcome = instrument
                .reads_version(attempt.version)
                .then(|| instrument.score(&attempt.response_in(&instrument)).ok())
                .flatten();
            Some((attempt, outcome))
        })
    }

    /// The session tag the page gave, if any.
    pub fn session(&self) -> Option<String> {
        self.widget()?.session().map(str::to_owned)
    }

    /// Whether answers reach storage.
    pub fn saving(&self) -> Saving {
        self.widget().map_or(Saving::Stored, |w| w.vault().saving())
    }

    /// Every record of this page's namespace as an export file: `(file name, JSON text)`.
    pub fn export(&self) -> Result<(String, String), String> {
        let widget = self.widget().ok_or_else(|| "the quiz is gone".to_owned())?;
        let stamp: String = js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default()
            .chars()
            .take(10)
            .collect();
        let keys = widget.vault().keys().clone();
        let text = widget.vault().export(js_sys::Date::now())?;
        Ok((format!("candor-{}-{stamp}.json", keys.namespace()), text))
    }

    /// Prints the result on a page of its own (the host page's other content hidden).
    pub fn print(&self) {
        match self.widget().and_then(|w| w.host().cloned()) {
            Some(host) => candor_web::element::print_widget(&host),
            None => {
                let _ = window().print();
            }
        }
    }
}
