//! The result of the latest attempt: headline, picture, what it means, what to try, the
//! model's source and the way to start again. The numbers come from the core's outcome.

mod grid;
mod levels;
mod ratio;
mod subscales;

use candor_core::definition::{Instrument, Model};
use candor_core::records::Attempt;
use candor_core::scoring::Outcome;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::quiz::QuizCtx;
use crate::text::fill;

/// The latest result, or the intro when there is none.
#[component]
pub fn ResultScreen() -> impl IntoView {
    let quiz = expect_context::<QuizCtx>();
    let ui = quiz.ui;
    let heading = NodeRef::<leptos::html::H2>::new();
    super::focus_when_stepped(quiz, heading);
    move || {
        let instrument = quiz.instrument();
        let Some((attempt, outcome)) = quiz.latest() else {
            return view! { <p class="cq-error">{ui.choose_first}</p> }.into_any();
        };
        let body = match (&instrument.model, &outcome) {
            (Model::Subscales(model), Outcome::Subscales(outcome)) => {
                subscales::view(&instrument, model, outcome, &attempt, ui, heading).into_any()
            }
            (Model::Levels(model), Outcome::Levels(outcome)) => {
                levels::view(model, outcome, ui, heading).into_any()
            }
            (Model::Ratio(model), Outcome::Ratio(outcome)) => {
                ratio::view(model, outcome, ui, heading).into_any()
            }
            (Model::Grid(model), Outcome::Grid(outcome)) => {
                grid::view(&instrument, model, outcome, ui, heading).into_any()
            }
            // The core scores each model into its own kind of outcome.
            _ => return view! { <p class="cq-error">{ui.choose_first}</p> }.into_any(),
        };
        view! {
            <section class="cq-step cq-result" data-testid="result">
                {body}
                <Footer instrument=instrument.clone() attempt/>
                <button type="button" class="cq-primary" data-testid="retake" on:click=move |_| quiz.retake()>
                    {ui.retake}
                </button>
            </section>
        }
        .into_any()
    }
}

/// Caveat, credit and when the result was saved: the same for every model.
#[component]
fn Footer(instrument: std::sync::Arc<Instrument>, attempt: Attempt) -> impl IntoView {
    let ui = expect_context::<QuizCtx>().ui;
    let date = js_sys::Date::new(&JsValue::from_f64(attempt.completed_at))
        .to_locale_date_string(ui.locale, &JsValue::UNDEFINED)
        .as_string()
        .unwrap_or_default();
    let credit = &instrument.credit;
    view! {
        <p class="cq-caveat">{instrument.caveat.clone()}</p>
        <p class="cq-credit" data-testid="credit">
            <strong>{ui.model}": "</strong>
            {credit.model.clone()}
            ". "
            <strong>{ui.source}": "</strong>
            {credit.source.clone()}
            ". "
            {ui.written_by}
        </p>
        <p class="cq-saved">{fill(ui.saved_on, &[("date", &date)])}</p>
    }
}
