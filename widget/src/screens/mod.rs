//! The full bundle's screens, one component each: the result (one module per model under
//! `result/`), a shared result, the facilitator's screen and a definition's problems. The
//! intro, group question and questions are `candor_view`'s, for both bundles.

mod facilitator;
mod problems;
mod result;

pub use facilitator::FacilitatorScreen;
pub use problems::DefinitionProblems;
pub use result::{ResultScreen, SharedScreen};
