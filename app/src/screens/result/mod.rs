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

use crate::components::{DataPanel, HistoryList, local_date};
use crate::quiz::QuizCtx;
use crate::text::{Ui, fill};

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
            (_, None) => older_result(&attempt, ui, heading).into_any(),
            (Model::Subscales(model), Some(Outcome::Subscales(outcome))) => {
                subscales::view(&instrument, model, outcome, &attempt, ui, heading).into_any()
            }
            (Model::Levels(model), Some(Outcome::Levels(outcome))) => {
                levels::view(model, outcome, ui, heading).into_any()
            }
            (Model::Ratio(model), Some(Outcome::Ratio(outcome))) => {
                ratio::view(model, outcome, ui, heading).into_any()
            }
            (Model::Grid(model), Some(Outcome::Grid(outcome))) => {
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
                <HistoryList/>
                <DataPanel/>
            </section>
        }
        .into_any()
    }
}

/// Caveat, credit and when the result was saved: the same for every model.
#[component]
fn Footer(instrument: std::sync::Arc<Instrument>, attempt: Attempt) -> impl IntoView {
    let ui = expect_context::<QuizCtx>().ui;
    let date = local_date(attempt.completed_at, ui.locale);
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

/// A result given to an earlier version of the instrument: its answers may not fit today's
/// items, so it is shown as it was stored (headline and scores), labelled.
fn older_result(
    attempt: &Attempt,
    ui: &'static Ui,
    heading: NodeRef<leptos::html::H2>,
) -> impl IntoView + use<> {
    let scores = attempt
        .scores
        .iter()
        .map(|s| view! { <li><strong>{s.id.clone()}": "</strong>{s.value}</li> })
        .collect_view();
    view! {
        <p class="cq-kicker">{ui.your_result}</p>
        <h2 class="cq-title" tabindex="-1" node_ref=heading data-testid="headline">{attempt.headline.clone()}</h2>
        <p class="cq-meta">{fill(ui.earlier_version, &[("v", &attempt.version.to_string())])}</p>
        <p>{ui.older_result}</p>
        <ul class="cq-list">{scores}</ul>
    }
}
