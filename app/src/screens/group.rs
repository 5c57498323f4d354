//! The respondent-group question asked before the items of a grid instrument.

use leptos::prelude::*;

use crate::components::ChoiceList;
use crate::quiz::QuizCtx;

/// Asks which group the respondent belongs to.
#[component]
pub fn GroupScreen() -> impl IntoView {
    let quiz = expect_context::<QuizCtx>();
    let instrument = quiz.instrument();
    let ui = quiz.ui;
    let Some(groups) = instrument.groups().cloned() else {
        return view! { <p class="cq-error">{ui.choose_first}</p> }.into_any();
    };
    let legend = NodeRef::<leptos::html::Legend>::new();
    super::focus_when_stepped(quiz, legend);
    let selected = Signal::derive(move || quiz.progress.with(|p| p.group));
    let choices: Vec<(u8, String)> = groups
        .options
        .iter()
        .enumerate()
        .map(|(i, g)| (i as u8, g.name.clone()))
        .collect();
    view! {
        <div class="cq-step" data-testid="group" on:keydown=move |ev| quiz.on_keydown(&ev)>
            <fieldset class="cq-fieldset">
                <legend class="cq-legend" tabindex="-1" node_ref=legend>
                    <span class="cq-prompt">{groups.question.clone()}</span>
                </legend>
                <ChoiceList
                    name=format!("cq{}-group", quiz.uid)
                    choices
                    selected
                    on_choose=Callback::new(move |g| quiz.choose_group(g))
                />
            </fieldset>
            <div class="cq-nav">
                <button type="button" class="cq-secondary" on:click=move |_| quiz.back()>{ui.back}</button>
                <button type="button" class="cq-primary" on:click=move |_| quiz.next() data-testid="next" disabled=move || selected.get().is_none()>
                    {ui.next}
                </button>
            </div>
        </div>
    }
    .into_any()
}
