//! The first-question bundle's stand-in for the screens only the full bundle has (results,
//! a shared result, the facilitator's screen): it asks the element to hand over, and says
//! what is happening meanwhile.

use leptos::prelude::*;

use crate::quiz::QuizCtx;

/// Shown for the moment the full bundle takes to load; asks the element to switch to it.
#[component]
pub fn Upgrading(
    /// The element to switch, when there is no quiz context (facilitator mode).
    #[prop(optional_no_strip)]
    host: Option<web_sys::HtmlElement>,
    /// The words to show.
    message: &'static str,
) -> impl IntoView {
    match use_context::<QuizCtx>() {
        Some(quiz) => quiz.upgrade(),
        None => {
            if let Some(host) = &host {
                crate::element::upgrade_widget(host, || "{}".to_owned());
            }
        }
    }
    view! { <p class="cq-meta" role="status" data-testid="upgrading">{message}</p> }
}
