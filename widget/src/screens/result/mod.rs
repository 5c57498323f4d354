//! Results: what the outcome says, then the reader's own tools.
//!
//! * First the headline, a picture, what it means, what to try and the model's source.
//! * Then the reader's own tools: retake, print, others' view, share, history, data.
//! * The numbers come from the core's outcome.
//! * A shared result, opened from a link, shows the same view read-only.

mod grid;
mod levels;
mod ratio;
mod subscales;

use std::sync::Arc;

use candor_core::definition::{Instrument, Model};
use candor_core::quiz::Action;
use candor_core::records::Attempt;
use candor_core::response::Response;
use candor_core::scoring::{Outcome, Part, Shortfall};
use leptos::prelude::*;

use crate::components::{DataPanel, HistoryList, OthersPanel, PasteReport, SharePanel, local_date};
use crate::quiz::{QuizCtx, share_link};
use crate::text::{Ui, fill};

/// The view of an outcome of `instrument`, whatever its model.
fn outcome_view(
    instrument: &Instrument,
    outcome: &Outcome,
    answers: &[u8],
    ui: &'static Ui,
    heading: NodeRef<leptos::html::H2>,
) -> AnyView {
    match (&instrument.model(), outcome) {
        (Model::Subscales(model), Outcome::Subscales(outcome)) => {
            subscales::view(instrument, model, outcome, answers, ui, heading).into_any()
        }
        (Model::Levels(model), Outcome::Levels(outcome)) => {
            levels::view(model, outcome, ui, heading).into_any()
        }
        (Model::Ratio(model), Outcome::Ratio(outcome)) => {
            ratio::view(model, outcome, ui, heading).into_any()
        }
        (Model::Grid(model), Outcome::Grid(outcome)) => {
            grid::view(instrument, model, outcome, ui, heading).into_any()
        }
        (model, Outcome::Unscored(short)) => unscored(model, short, ui, heading).into_any(),
        // The core scores each model into its own kind of outcome.
        _ => view! { <p class="cq-error">{ui.choose_first}</p> }.into_any(),
    }
}

/// A result with too few real answers to score: which parts fall short, and by how much.
fn unscored(
    model: &Model,
    short: &[Shortfall],
    ui: &'static Ui,
    heading: NodeRef<leptos::html::H2>,
) -> impl IntoView + use<> {
    let name = |part: Part| match (model, part) {
        (Model::Subscales(m), Part::Subscale(s)) => m.subscales[s].name.clone(),
        (Model::Ratio(m), Part::Component(c)) => m.components[c].name.clone(),
        (Model::Grid(m), Part::Cell(i)) => grid::cell_name(m, i),
        _ => ui.all_situations.to_owned(),
    };
    let parts = short
        .iter()
        .map(|s| {
            let text = fill(
                ui.shortfall,
                &[
                    ("part", &name(s.part)),
                    ("found", &s.found.to_string()),
                    ("needed", &s.needed.to_string()),
                ],
            );
            view! { <li>{text}</li> }
        })
        .collect_view();
    view! {
        <p class="cq-kicker">{ui.your_result}</p>
        <h2 class="cq-title" tabindex="-1" node_ref=heading data-testid="headline">{ui.unscored}</h2>
        <p class="cq-lead">{ui.unscored_text}</p>
        <ul class="cq-list" data-testid="shortfalls">{parts}</ul>
    }
}

/// "3 of 16 questions did not apply", when any did.
fn not_applicable_note(
    instrument: &Instrument,
    response: &Response,
    ui: &'static Ui,
) -> Option<impl IntoView + use<>> {
    let n = response.not_applicable(instrument);
    (n > 0).then(|| {
        let text = fill(
            ui.not_applicable_count,
            &[
                ("n", &n.to_string()),
                ("total", &response.answers.len().to_string()),
            ],
        );
        view! { <p class="cq-meta" data-testid="not-applicable">{text}</p> }
    })
}

/// The latest result, with the reader's tools.
#[component]
pub fn ResultScreen() -> impl IntoView {
    let quiz = expect_context::<QuizCtx>();
    let ui = quiz.ui;
    let heading = NodeRef::<leptos::html::H2>::new();
    let report: PasteReport = RwSignal::new(None);
    move || {
        let instrument = quiz.instrument();
        let Some((attempt, outcome)) = quiz.latest() else {
            return view! { <p class="cq-error">{ui.choose_first}</p> }.into_any();
        };
        let (body, skipped) = match &outcome {
            Some(outcome) => {
                let response = attempt.response_in(&instrument);
                let answers: Vec<u8> = response.answers.iter().map(|a| a.unwrap_or(0)).collect();
                (
                    outcome_view(&instrument, outcome, &answers, ui, heading),
                    not_applicable_note(&instrument, &response, ui),
                )
            }
            None => (older_result(&attempt, ui, heading).into_any(), None),
        };
        // Others' view of a scored result at this version of an instrument others can rate.
        let others = (instrument.asks_others()
            && attempt.version == instrument.version()
            && matches!(&outcome, Some(o) if !matches!(o, Outcome::Unscored(_))))
        .then(|| view! { <OthersPanel attempt=attempt.clone() report/> });
        let share = attempt.code(&instrument).map(|code| {
            let link = share_link(&code);
            view! { <SharePanel code link session=attempt.session.clone()/> }
        });
        let saved = fill(
            ui.saved_on,
            &[("date", &local_date(attempt.completed_at, ui.locale))],
        );
        view! {
            <section class="cq-step cq-result" data-testid="result">
                {body}
                {skipped}
                <Credit instrument=instrument.clone()/>
                <p class="cq-saved">{saved}</p>
                <div class="cq-actions cq-result-actions">
                    <button type="button" class="cq-primary" data-testid="retake" on:click=move |_| quiz.act(Action::Retake)>
                        {ui.retake}
                    </button>
                    <button type="button" data-testid="print" on:click=move |_| quiz.print()>{ui.print}</button>
                </div>
                {others}
                {share}
                <HistoryList/>
                <DataPanel/>
            </section>
        }
        .into_any()
    }
}

/// A result opened from a share link: the same view, read-only, never stored.
#[component]
pub fn SharedScreen() -> impl IntoView {
    let quiz = expect_context::<QuizCtx>();
    let ui = quiz.ui;
    let heading = NodeRef::<leptos::html::H2>::new();
    let instrument = quiz.instrument();
    let body = quiz.shared.get_value().and_then(|response| {
        let outcome = instrument.score(&response).ok()?;
        let answers: Vec<u8> = response.answers.iter().map(|a| a.unwrap_or(0)).collect();
        Some((
            outcome_view(&instrument, &outcome, &answers, ui, heading),
            not_applicable_note(&instrument, &response, ui),
        ))
    });
    view! {
        <section class="cq-step cq-result cq-shared" data-testid="shared">
            <p class="cq-banner" data-testid="shared-banner">{ui.shared_banner}</p>
            {body}
            <Credit instrument/>
            <div class="cq-actions">
                <button type="button" class="cq-primary" data-testid="take-yourself" on:click=move |_| quiz.act(Action::LeaveShared)>
                    {ui.take_yourself}
                </button>
            </div>
        </section>
    }
}

/// What a result does not mean, and where the model comes from.
#[component]
fn Credit(instrument: Arc<Instrument>) -> impl IntoView {
    let ui = expect_context::<QuizCtx>().ui;
    let credit = &instrument.credit();
    view! {
        <p class="cq-caveat">{instrument.caveat().to_owned()}</p>
        <p class="cq-credit" data-testid="credit">
            <strong>{ui.model}{ui.colon}</strong>
            {credit.model.clone()}
            ". "
            <strong>{ui.source}{ui.colon}</strong>
            {credit.source.clone()}
            ". "
            {ui.written_by}
        </p>
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
        .map(|s| view! { <li><strong>{s.id.clone()}{ui.colon}</strong>{ui.number(s.value)}</li> })
        .collect_view();
    view! {
        <p class="cq-kicker">{ui.your_result}</p>
        <h2 class="cq-title" tabindex="-1" node_ref=heading data-testid="headline">{attempt.headline.clone()}</h2>
        <p class="cq-meta">{fill(ui.earlier_version, &[("v", &attempt.version.to_string())])}</p>
        <p>{ui.older_result}</p>
        <ul class="cq-list">{scores}</ul>
    }
}
