//! One component per screen of the quiz. Results and the facilitator's screen are in the
//! full bundle; the first-question bundle shows [`Upgrading`] in their place while it hands
//! over.

#[cfg(feature = "full")]
mod facilitator;
mod group;
mod intro;
#[cfg(feature = "full")]
mod problems;
mod question;
#[cfg(feature = "full")]
mod result;
#[cfg(not(feature = "full"))]
mod upgrade;

#[cfg(feature = "full")]
pub use facilitator::FacilitatorScreen;
pub use group::GroupScreen;
pub use intro::IntroScreen;
#[cfg(feature = "full")]
pub use problems::DefinitionProblems;
pub use question::QuestionScreen;
#[cfg(feature = "full")]
pub use result::{ResultScreen, SharedScreen};
#[cfg(not(feature = "full"))]
pub use upgrade::Upgrading;

use leptos::prelude::*;

use crate::quiz::QuizCtx;

/// Moves focus to `target` once it is in the page, if the reader's last action asked for it
/// (a step forward or back), so keyboard and screen-reader users land on the new content.
/// A screen shown on page load never steals focus from the host page.
///
/// Focus moves in the next animation frame, not in the task that built the screen:
/// focusing makes the browser lay out the new screen there and then, which would lengthen
/// the tap's task; in the frame, that layout is done once, just before the paint.
pub(crate) fn focus_when_stepped<E>(quiz: QuizCtx, target: NodeRef<E>)
where
    E: leptos::html::ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
    NodeRef<E>: Get<Value = Option<E::Output>>,
{
    Effect::new(move |_| {
        if let Some(element) = target.get()
            && quiz.focus.get_untracked()
        {
            quiz.focus.set(false);
            let element: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(element);
            request_animation_frame(move || {
                if element.is_connected() {
                    let _ = element.focus();
                }
            });
        }
    });
}
