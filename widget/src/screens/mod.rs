//! The full bundle's screens, one component each.
//!
//! * The result, with one module per model under `result/`.
//! * A shared result.
//! * The facilitator's screen.
//! * A definition's problems.
//! * The end of a rater's quiz: the code to send back.
//!
//! The intro, the group question and the questions are `candor_view`'s, for both bundles.

mod facilitator;
mod problems;
mod rater;
mod result;

pub use facilitator::FacilitatorScreen;
pub use problems::DefinitionProblems;
pub use rater::RaterDone;
pub use result::{ResultScreen, SharedScreen};
