//! One question on screen: progress, the statement in a fieldset legend, its options as
//! native radio buttons, Back and Next.

use candor_core::definition::ItemKind;
use leptos::prelude::*;

use crate::components::{ChoiceList, ProgressBar};
use crate::quiz::QuizCtx;

/// The question at the current position; rebuilt when the position changes.
#[component]
pub fn QuestionScreen() -> impl IntoView {
    let quiz = expect_context::<QuizCtx>();
    let position = Memo::new(move |_| quiz.progress.with(|p| usize::from(p.position)));
    move || view! { <Question index=position.get()/> }
}

/// Question `index` of the instrument.
#[component]
fn Question(
    /// Position of the item in the instrument.
    index: usize,
) -> impl IntoView {
    let quiz = expect_context::<QuizCtx>();
    let instrument = quiz.instrument();
    let ui = quiz.ui;
    let total = instrument.items.len();
    let item = &instrument.items[index.min(total - 1)];
    let labels: Vec<String> = match &item.kind {
        ItemKind::Rated { scale, .. } => instrument.scales[*scale]
            .options
            .iter()
            .map(|o| o.label.clone())
            .collect(),
        ItemKind::Levels { options } => options.iter().map(|o| o.text.clone()).collect(),
    };
    let choices: Vec<(u8, String)> = quiz
        .display_order(index)
        .into_iter()
        .map(|k| (k, labels[usize::from(k)].clone()))
        .collect();
    let period = match item.kind {
        ItemKind::Rated { .. } => instrument.period.clone(),
        ItemKind::Levels { .. } => None,
    };
    let selected = Signal::derive(move || {
        quiz.progress
            .with(|p| p.answers.get(index).copied().flatten())
    });
    let legend = NodeRef::<leptos::html::Legend>::new();
    super::focus_when_stepped(quiz, legend);
    let last = index + 1 == total;
    view! {
        <div class="cq-step cq-question" data-testid="question" data-index=index on:keydown=move |ev| quiz.on_keydown(&ev)>
            <ProgressBar current=index + 1 total/>
            <fieldset class="cq-fieldset">
                <legend class="cq-legend" tabindex="-1" node_ref=legend>
                    {period.map(|p| view! { <span class="cq-period">{p}</span> })}
                    <span class="cq-prompt" data-testid="prompt">{item.text.clone()}</span>
                </legend>
                <ChoiceList
                    name=format!("cq{}-q{}", quiz.uid, index)
                    choices
                    selected
                    on_choose=Callback::new(move |k| quiz.answer(k))
                />
            </fieldset>
            <div class="cq-nav">
                <button type="button" class="cq-secondary" data-testid="back" on:click=move |_| quiz.back()>
                    {ui.back}
                </button>
                <button type="button" class="cq-primary" on:click=move |_| quiz.next() data-testid="next" disabled=move || selected.get().is_none()>
                    {if last { ui.finish } else { ui.next }}
                </button>
            </div>
        </div>
    }
}
