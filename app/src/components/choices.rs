//! A radio group of native inputs, each inside its label so the whole row is the target.

use leptos::prelude::*;

/// One radio button per choice; arrow keys move between them as in any radio group.
#[component]
pub fn ChoiceList(
    /// The radio group's name, unique on the page.
    name: String,
    /// `(value, label)` pairs in display order.
    choices: Vec<(u8, String)>,
    /// The value currently chosen.
    selected: Signal<Option<u8>>,
    /// Called with the value the reader picks.
    on_choose: Callback<u8>,
) -> impl IntoView {
    let rows = choices
        .into_iter()
        .map(|(value, label)| {
            view! {
                <label class="cq-choice">
                    <input
                        type="radio"
                        class="cq-radio"
                        name=name.clone()
                        value=value.to_string()
                        prop:checked=move || selected.get() == Some(value)
                        on:change=move |_| on_choose.run(value)
                    />
                    <span class="cq-choice-label">{label}</span>
                </label>
            }
        })
        .collect_view();
    view! { <div class="cq-choices">{rows}</div> }
}
