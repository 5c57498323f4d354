//! "Question 3 of 16" with a bar.

use leptos::prelude::*;

use crate::quiz::QuizCtx;
use crate::text::fill;

/// Where the reader is in the instrument.
#[component]
pub fn ProgressBar(
    /// The current question, 1-based.
    current: usize,
    /// How many questions there are.
    total: usize,
) -> impl IntoView {
    let ui = expect_context::<QuizCtx>().ui;
    let label = fill(
        ui.progress,
        &[("n", &current.to_string()), ("total", &total.to_string())],
    );
    view! {
        <div class="cq-progress">
            <span class="cq-progress-label" data-testid="progress">{label}</span>
            <progress class="cq-progress-bar" max=total value=current aria-hidden="true"></progress>
        </div>
    }
}
