//! The later bundles' screens.
//!
//! * The result: what the outcome says as `candor-view` trees, one module per model under
//!   `result/`, in a Leptos screen with the reader's tools.
//! * A shared result: the same trees, read-only, in a `candor-view` screen (its bundle
//!   carries no Leptos).
//! * The facilitator's screen (a `candor-view` tree, so its bundle carries no Leptos).
//! * A definition's problems (a `candor-view` tree), with the `definitions` feature.
//! * The end of a rater's quiz: the code to send back (Leptos).
//!
//! The intro, the group question and the questions are `candor_view`'s, for both bundles.

mod facilitator;
#[cfg(feature = "definitions")]
mod problems;
#[cfg(feature = "readers")]
mod rater;
mod result;
mod shared;

pub use facilitator::{Facilitator, Of, Session, facilitator_screen};
#[cfg(feature = "definitions")]
pub use problems::definition_problems;
#[cfg(feature = "readers")]
pub use rater::RaterDone;
#[cfg(feature = "readers")]
pub use result::ResultScreen;
pub use shared::{SharedResult, shared_screen};
