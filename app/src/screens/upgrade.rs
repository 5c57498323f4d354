//! The first-question bundle's stand-in for the screens only the full bundle has (results,
//! a shared result, the facilitator's screen, and a built-in whose questions form it would
//! not read): it asks the element to hand over, and says what is happening meanwhile, or
//! that the full bundle could not be downloaded.

use leptos::prelude::*;

use crate::element::{Handoff, Prelude, TakeOver};
use crate::quiz::{Message, QuizCtx};
use crate::text::Ui;

/// Shown for the moment the full bundle takes to load; asks the element to switch to it.
#[component]
pub fn Upgrading(
    /// The element to switch, when there is no quiz context (facilitator mode).
    #[prop(optional_no_strip)]
    host: Option<web_sys::HtmlElement>,
    /// The words to show.
    message: &'static str,
    /// The interface's words.
    ui: &'static Ui,
    /// The element's first screen, when this stands in over it: the switch is asked for
    /// once the element hands over what the reader did on it, which goes with the switch.
    #[prop(optional_no_strip)]
    take_over: Option<TakeOver>,
) -> impl IntoView {
    let quiz = use_context::<QuizCtx>();
    // With a quiz, a failed download is one of its messages (above the screen, with a way
    // to try again); without one, this screen says it.
    let failed = RwSignal::new(false);
    let host = StoredValue::new_local(host);
    let prelude = StoredValue::new(None::<Prelude>);
    let ask = move || match quiz {
        Some(quiz) => quiz.upgrade(),
        None => host.with_value(|host| {
            if let Some(host) = host {
                failed.set(false);
                let handoff = Handoff {
                    prelude: prelude.get_value(),
                    ..Handoff::default()
                };
                crate::element::upgrade_widget(
                    host,
                    move || crate::json::write(&handoff).unwrap_or_else(|_| "{}".to_owned()),
                    move || {
                        let _ = failed.try_set(true);
                    },
                );
            }
        }),
    };
    match take_over {
        Some(take_over) => take_over.set(move |steps| {
            prelude.set_value(Some(steps));
            ask();
        }),
        None => ask(),
    }
    let unloaded = move || {
        failed.get() || quiz.is_some_and(|q| q.messages.with(|m| m.contains(&Message::Unloaded)))
    };
    move || match (unloaded(), quiz) {
        (false, _) => {
            view! { <p class="cq-meta" role="status" data-testid="upgrading">{message}</p> }
                .into_any()
        }
        (true, Some(_)) => ().into_any(),
        (true, None) => view! {
            <p class="cq-error" role="alert" data-testid="unloaded">{ui.load_failed}</p>
            <button type="button" class="cq-retry" on:click=move |_| ask()>{ui.try_again}</button>
        }
        .into_any(),
    }
}
