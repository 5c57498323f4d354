//! One component per screen of the full bundle's quiz (the first-question bundle draws its
//! intro, group and question screens itself: `take/`).

mod facilitator;
mod group;
mod intro;
mod problems;
mod question;
mod result;

pub use facilitator::FacilitatorScreen;
pub use group::GroupScreen;
pub use intro::IntroScreen;
pub use problems::DefinitionProblems;
pub use question::QuestionScreen;
pub use result::{ResultScreen, SharedScreen};

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
