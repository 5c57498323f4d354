//! What the full bundle adds to a quiz: scoring, and drawing results and data controls.
//!
//! * [`Full::finish`] scores the response when the quiz asks for its result, tells the host
//!   page (`candor:complete`), and hands the attempt to the quiz.
//! * After each drawing, [`Full`] mounts the result beside the taking screens, and the data
//!   controls into the intro's slot.
//! * What leaves is removed a microtask later: a click inside it may be what is running.
//! * A quiz handed over with its result on its way is finished here, in the task after the
//!   one that drew it as it was left (`Widget::finish_soon`).
//! * A rater's quiz ([`Full::rating`]) ends with the code to send back instead of a
//!   result, and tells the host page nothing: the answers are not the rater's own.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use candor_core::definition::Instrument;
use candor_core::others::{self, Request};
use candor_core::quiz::{Action, Screen};
use candor_core::records::Attempt;
use candor_core::scoring::Outcome;
use candor_view::screens::slot;
use candor_web::events;
use candor_web::widget::{Bundle, Widget};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::DataPanel;
use crate::quiz::QuizCtx;
use crate::screens::{RaterDone, ResultScreen};
use crate::text::{ReaderUi, fill};

/// The full bundle's part of one quiz.
pub struct Full {
    instrument: Arc<Instrument>,
    ui: &'static ReaderUi,
    /// The owner of the context's signals, for as long as the quiz lives.
    owner: Owner,
    ctx: RefCell<Option<QuizCtx>>,
    /// The result on show, and which screen it is for.
    result: RefCell<Option<(Screen, Box<dyn Any>)>>,
    /// The data controls, and the slot they are in.
    data: RefCell<Option<(web_sys::Element, Box<dyn Any>)>>,
    /// Set for a rater's quiz.
    rating: Option<Rating>,
}

/// A rater's quiz: the request they answer, and their code once they finish.
struct Rating {
    request: Request,
    /// Who asked, as the rater sees them named.
    name: String,
    code: RefCell<Option<String>>,
}

impl Full {
    /// The full bundle's part of a quiz of `instrument`.
    pub fn new(instrument: Arc<Instrument>, ui: &'static ReaderUi) -> Self {
        Self {
            instrument,
            ui,
            owner: Owner::new(),
            ctx: RefCell::default(),
            result: RefCell::default(),
            data: RefCell::default(),
            rating: None,
        }
    }

    /// The full bundle's part of a rater's quiz of `instrument` (as raters take it, see
    /// `candor_core::others::for_raters`), answering `request` about `name`.
    pub fn rating(
        instrument: Arc<Instrument>,
        request: Request,
        name: String,
        ui: &'static ReaderUi,
    ) -> Self {
        Self {
            rating: Some(Rating {
                request,
                name,
                code: RefCell::default(),
            }),
            ..Self::new(instrument, ui)
        }
    }

    /// Ends a rater's quiz: their code, and the quiz on its last screen.
    fn finish_rating(&self, widget: &Rc<Widget>, rating: &Rating) {
        let instrument = &self.instrument;
        let response = widget.quiz().progress().response();
        let answers: Vec<u8> = (response.answers.iter().enumerate())
            .map(|(i, a)| a.unwrap_or(instrument.option_count(i) as u8))
            .collect();
        let Some(code) = others::encode(instrument, &rating.request, &answers) else {
            return;
        };
        let Ok(attempt) = Attempt::scored(instrument, &response, js_sys::Date::now()) else {
            return;
        };
        *rating.code.borrow_mut() = Some(code);
        widget.change(|quiz, questions, vault, clock| {
            quiz.finished(questions, vault, clock, attempt)
        });
        announce_soon(widget, self.ui.rater_ready().to_owned());
    }

    fn ctx(&self, widget: &Rc<Widget>) -> QuizCtx {
        *self.ctx.borrow_mut().get_or_insert_with(|| {
            self.owner
                .with(|| QuizCtx::new(widget, Arc::clone(&self.instrument), self.ui))
        })
    }

    /// Mounts `view` into `parent` with the quiz's context.
    fn mount<V: IntoView + 'static>(
        &self,
        ctx: QuizCtx,
        parent: web_sys::HtmlElement,
        view: impl FnOnce() -> V + 'static,
    ) -> Box<dyn Any> {
        let handle = leptos::mount::mount_to(parent, move || {
            provide_context(ctx);
            view()
        });
        Box::new(handle)
    }
}

/// Has the live region say `said` once the screen it is about is in the page (a region
/// changed together with what it announces is not always read out).
fn announce_soon(widget: &Rc<Widget>, said: String) {
    let widget = Rc::downgrade(widget);
    set_timeout(
        move || {
            if let Some(widget) = widget.upgrade() {
                widget.announce(said);
            }
        },
        std::time::Duration::from_millis(150),
    );
}

/// Drops `mounted` in a microtask: before the next paint, after the handler that may be
/// running inside it.
fn remove_soon(mounted: Box<dyn Any>) {
    wasm_bindgen_futures::spawn_local(async move { drop(mounted) });
}

impl Bundle for Full {
    fn full(&self) -> bool {
        true
    }

    fn keeps(&self) -> bool {
        self.rating.is_none()
    }

    fn finish(&self, widget: &Rc<Widget>) {
        if let Some(rating) = &self.rating {
            self.finish_rating(widget, rating);
            return;
        }
        let instrument = &self.instrument;
        let response = widget.quiz().progress().response();
        let Ok(attempt) = Attempt::scored(instrument, &response, js_sys::Date::now()) else {
            return;
        };
        let attempt = Attempt {
            session: widget.session().map(str::to_owned),
            ..attempt
        };
        let code = attempt.code(instrument);
        let outcome = instrument.score(&attempt.response());
        let scaled = match &outcome {
            Ok(Outcome::Unscored(_)) | Err(_) => None,
            Ok(outcome) => Some(outcome.summary(instrument).scaled),
        };
        let not_applicable = attempt.response().not_applicable(instrument);
        widget.emit(
            events::COMPLETE,
            &events::Complete {
                instrument: instrument.id().as_str(),
                version: instrument.version(),
                locale: self.ui.locale(),
                session: widget.session(),
                completed_at: attempt.completed_at,
                answered: attempt.answers.len(),
                not_applicable,
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
        let said = fill(self.ui.result_ready(), &[("headline", &attempt.headline)]);
        widget.change(|quiz, questions, vault, clock| {
            quiz.finished(questions, vault, clock, attempt)
        });
        announce_soon(widget, said);
    }

    fn drawn(&self, widget: &Rc<Widget>) {
        let (screen, pending) = {
            let quiz = widget.quiz();
            (quiz.screen(), quiz.finish_pending())
        };
        // Handed over by the small bundle with the result on its way: finished in the
        // next task, the quiz as it was left being drawn in this one.
        if pending {
            widget.finish_soon();
            return;
        }
        // A shared result is the shared result's bundle's screen: a quiz that opened on one
        // here (its code still in the address) goes on to the reader's own screen.
        if screen == Screen::Shared {
            widget.act(Action::LeaveShared);
            return;
        }
        let ctx = self.ctx(widget);
        let now = widget.quiz().clone();
        if ctx.state.with_untracked(|shown| *shown != now) {
            ctx.state.set(now);
        }

        let wanted = (screen == Screen::Result).then_some(screen);
        let mut result = self.result.borrow_mut();
        if result.as_ref().map(|(shown, _)| *shown) != wanted {
            if let Some((_, mounted)) = result.take() {
                remove_soon(mounted);
            }
            if let Some(screen) = wanted {
                let root = widget.root().clone();
                let rated = (self.rating.as_ref()).and_then(|r| {
                    let code = r.code.borrow().clone()?;
                    Some((code, r.name.clone()))
                });
                let ui = self.ui;
                let mounted = if let Some((code, name)) = rated {
                    self.mount(ctx, root, move || view! { <RaterDone code name ui/> })
                } else {
                    self.mount(ctx, root, || view! { <ResultScreen/> })
                };
                *result = Some((screen, mounted));
            }
        }
        drop(result);

        let selector = format!("[data-slot=\"{}\"]", slot::DATA);
        let slot = widget.root().query_selector(&selector).ok().flatten();
        let mut data = self.data.borrow_mut();
        let same = match (&slot, data.as_ref()) {
            (Some(slot), Some((shown, _))) => slot == shown,
            (None, None) => true,
            _ => false,
        };
        if !same {
            if let Some((_, mounted)) = data.take() {
                remove_soon(mounted);
            }
            if let Some(slot) = slot {
                let parent: web_sys::HtmlElement = slot.clone().unchecked_into();
                *data = Some((slot, self.mount(ctx, parent, || view! { <DataPanel/> })));
            }
        }
    }
}
