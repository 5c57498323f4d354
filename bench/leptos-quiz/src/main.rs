//! The speed benchmark's second reference: the hand-written baseline quiz of
//! `tests/fixtures/vanilla/` (ten questions, five options each, one per screen, a score at
//! the end) written as the plainest Leptos CSR app, with the same markup and stylesheet.
//!
//! It shows what the stack costs before any of Candor's own code: the Leptos runtime, the
//! wasm-bindgen glue and one small component, built with Candor's size profile.

use leptos::prelude::*;

const QUESTIONS: usize = 10;
const OPTIONS: [&str; 5] = [
    "Qualify the budget",
    "Pitch the fitting product",
    "Build the relationship",
    "Add perspective",
    "Help, whatever the sale",
];

/// The median answer, as the vanilla quiz reports it (1-based).
fn level(answers: &[Option<usize>]) -> usize {
    let mut given: Vec<usize> = answers.iter().flatten().copied().collect();
    given.sort_unstable();
    given
        .get(given.len().saturating_sub(1) / 2)
        .map_or(0, |v| v + 1)
}

#[component]
fn Quiz() -> impl IntoView {
    let index = RwSignal::new(0_usize);
    let answers = RwSignal::new(vec![None::<usize>; QUESTIONS]);
    let question = move || {
        let i = index.get();
        let options = OPTIONS
            .iter()
            .enumerate()
            .map(|(value, text)| {
                view! {
                    <label>
                        <input
                            type="radio"
                            name=format!("q{i}")
                            value=value.to_string()
                            on:change=move |_| answers.update(|a| a[i] = Some(value))
                        />
                        {*text}
                    </label>
                }
            })
            .collect_view();
        let next = move |_| {
            if answers.with(|a| a[i].is_some()) {
                index.set(i + 1);
            }
        };
        view! {
            <fieldset>
                <legend>{format!("Situation {}: a client asks for something. What do you do first?", i + 1)}</legend>
                {options}
            </fieldset>
            <button type="button" on:click=next>
                {if i + 1 == QUESTIONS { "See my result" } else { "Next" }}
            </button>
        }
    };
    view! {
        <Show
            when=move || { index.get() < QUESTIONS }
            fallback=move || view! { <p>{move || format!("Your level: {}", answers.with(|a| level(a)))}</p> }
        >
            {question}
        </Show>
    }
}

fn main() {
    let Some(form) = document().get_element_by_id("quiz") else {
        return;
    };
    let form: leptos::web_sys::HtmlElement = leptos::wasm_bindgen::JsCast::unchecked_into(form);
    leptos::mount::mount_to(form, Quiz).forget();
}
