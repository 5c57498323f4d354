//! The intro: what the instrument is, how long it takes, and the start button.

use leptos::prelude::*;

use crate::components::DataPanel;
use crate::quiz::QuizCtx;
use crate::text::fill;

/// Title, intro text, length, privacy line and Start (or Continue when answers are saved).
#[component]
pub fn IntroScreen() -> impl IntoView {
    let quiz = expect_context::<QuizCtx>();
    let instrument = quiz.instrument();
    let ui = quiz.ui;
    let heading = NodeRef::<leptos::html::H2>::new();
    super::focus_when_stepped(quiz, heading);
    let meta = fill(
        ui.meta,
        &[
            ("questions", &instrument.items.len().to_string()),
            ("minutes", &instrument.minutes.to_string()),
        ],
    );
    let label = move || {
        let (answered, position) = quiz
            .progress
            .with(|p| (p.answers.iter().any(Option::is_some), p.position));
        if answered {
            fill(ui.resume, &[("n", &(position + 1).to_string())])
        } else {
            ui.start.to_owned()
        }
    };
    view! {
        <section class="cq-step cq-intro" data-testid="intro">
            <h2 class="cq-title" tabindex="-1" node_ref=heading>{instrument.title.clone()}</h2>
            <p class="cq-lead">{instrument.intro.clone()}</p>
            <p class="cq-meta">{meta}</p>
            <p class="cq-private">{ui.private}</p>
            <button type="button" class="cq-primary" data-testid="start" on:click=move |_| quiz.start()>
                {label}
            </button>
            <YourData/>
        </section>
    }
}

/// The reader's data controls, folded away under the intro.
#[component]
fn YourData() -> impl IntoView {
    let quiz = expect_context::<QuizCtx>();
    view! {
        <details class="cq-more" data-testid="intro-data" prop:open=move || quiz.data_open.get()>
            <summary>{quiz.ui.your_data}</summary>
            <DataPanel/>
        </details>
    }
}
