//! The reader's result screen in Leptos: the latest result, as [`super`] draws it, with
//! the reader's tools (retake, print, others' view, share, history, data), or a result
//! given to an earlier version of the instrument.
//!
//! The screen comes in steps a phone paints between: the result's top, down to its first
//! picture ([`super::top_len`]), then, in two tasks after its first frame, the rest of it
//! (with retake and print) and the other tools. The first layout is the top's alone.

use candor_core::quiz::Action;
use candor_core::records::Attempt;
use candor_core::scoring::Outcome;
use candor_view::node::{Node, el};
use candor_web::dom::after_frame;
use leptos::prelude::*;

use super::{credit, headline, scored_view, top_len};
use crate::components::{
    DataPanel, HistoryList, OthersPanel, PasteReport, SharePanel, html_view, local_date,
};
use crate::quiz::{QuizCtx, share_link};
use crate::text::{ReaderUi, fill};

/// Shows `nodes` in a Leptos view.
fn show(nodes: &[Node]) -> impl IntoView + use<> {
    nodes.iter().map(html_view).collect_view()
}

/// The latest result, with the reader's tools.
#[component]
pub fn ResultScreen() -> impl IntoView {
    let quiz = expect_context::<QuizCtx>();
    let ui = quiz.ui;
    let report: PasteReport = RwSignal::new(None);
    // Below the result's top, the rest and then the tools (others' view, sharing, history,
    // data) come in two tasks after the result's first frame, before a screen drawn now is
    // kept. Both stay drawn when the screen is drawn again.
    let rest_shown = RwSignal::new(false);
    let tools_shown = RwSignal::new(false);
    after_frame(move || {
        rest_shown.try_set(true);
    });
    after_frame(move || {
        tools_shown.try_set(true);
    });
    move || {
        let instrument = quiz.instrument();
        let Some((attempt, outcome)) = quiz.latest() else {
            return view! { <p class="cq-error">{ui.choose_first()}</p> }.into_any();
        };
        let mut top = match &outcome {
            Some(outcome) => {
                let response = attempt.response_in(&instrument);
                scored_view(&instrument, &response, outcome, ui)
            }
            None => older_result(&attempt, ui),
        };
        let mut rest = top.split_off(top_len(&top).unwrap_or(top.len()));
        rest.extend(credit(&instrument, ui));
        // Others' view of a scored result at this version of an instrument others can rate.
        let asks_others = instrument.asks_others()
            && attempt.version == instrument.version()
            && matches!(&outcome, Some(o) if !matches!(o, Outcome::Unscored(_)));
        let code = attempt.code(&instrument);
        let saved = fill(
            ui.saved_on(),
            &[("date", &local_date(attempt.completed_at, ui))],
        );
        let rest = move || {
            rest_shown.get().then(|| {
                view! {
                    {show(&rest)}
                    <p class="cq-saved">{saved.clone()}</p>
                    <div class="cq-actions cq-result-actions">
                        <button type="button" class="cq-primary" data-testid="retake" on:click=move |_| quiz.act(Action::Retake)>
                            {ui.retake()}
                        </button>
                        <button type="button" data-testid="print" on:click=move |_| quiz.print()>{ui.print()}</button>
                    </div>
                }
            })
        };
        let tools = move || {
            tools_shown.get().then(|| {
                let others =
                    asks_others.then(|| view! { <OthersPanel attempt=attempt.clone() report/> });
                let share = code.clone().map(|code| {
                    let link = share_link(&code);
                    view! { <SharePanel code link session=attempt.session.clone()/> }
                });
                view! { {others} {share} <HistoryList/> <DataPanel/> }
            })
        };
        view! {
            <section class="cq-step cq-result" data-testid="result">
                {show(&top)}
                {rest}
                {tools}
            </section>
        }
        .into_any()
    }
}

/// A result given to an earlier version of the instrument: its answers may not fit today's
/// items, so it is shown as it was stored (headline and scores), labelled.
fn older_result(attempt: &Attempt, ui: &ReaderUi) -> Vec<Node> {
    let scores = attempt.scores.iter().map(|s| {
        el("li", "")
            .child(el("strong", "").text(&s.id).text(ui.colon()))
            .text(&ui.number(s.value))
    });
    let mut nodes = headline(&attempt.headline, ui);
    nodes.extend([
        el("p", "cq-meta").text(&fill(
            ui.earlier_version(),
            &[("v", &attempt.version.to_string())],
        )),
        el("p", "").text(ui.older_result()),
        el("ul", "cq-list").children(scores),
    ]);
    nodes
}
