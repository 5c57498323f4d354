//! Scoring: a complete [`Response`] to an [`Instrument`] becomes an [`Outcome`].
//!
//! * There is one module per model, each a pure function of the validated definition and
//!   the chosen options.
//! * The arithmetic is written out for trainers in `docs/scoring.md`.
//! * The tests in each module work examples by hand.
//! * Scores are computed with integers wherever the published model allows, so a result is
//!   the same on every device.
//!
//! ```
//! use candor_core::{builtin, response::Response, scoring::Outcome};
//! let instrument = builtin::load("service-or-servility", |t| serde_json::from_str(t).map_err(|e| e.to_string())).unwrap();
//! let response = Response { answers: vec![Some(0); 16], group: None };
//! let Outcome::Subscales(outcome) = instrument.score(&response).unwrap() else { panic!() };
//! assert_eq!(outcome.scores, [0, 0]);
//! ```

pub mod grid;
pub mod levels;
pub mod ratio;
pub mod subscales;
pub mod summary;

use crate::definition::{Instrument, Model};
use crate::response::{Response, ResponseError};

pub use grid::GridOutcome;
pub use levels::LevelOutcome;
pub use ratio::RatioOutcome;
pub use subscales::SubscaleOutcome;
pub use summary::{Score, Summary, TrendLine, score_ids, score_name, trend_lines};

/// The result of scoring a complete response.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// See [`subscales`].
    Subscales(SubscaleOutcome),
    /// See [`levels`].
    Levels(LevelOutcome),
    /// See [`ratio`].
    Ratio(RatioOutcome),
    /// See [`grid`].
    Grid(GridOutcome),
}

/// The position of the chosen option after reverse keying: on a reversed item the first
/// option counts as the last.
pub(crate) fn keyed(option: u8, options: usize, reverse: bool) -> usize {
    let option = usize::from(option);
    if reverse {
        options - 1 - option
    } else {
        option
    }
}

/// `numerator / denominator` rounded half up, for non-negative numerators and positive
/// denominators.
pub(crate) fn round_div(numerator: i64, denominator: i64) -> i64 {
    (2 * numerator + denominator).div_euclid(2 * denominator)
}

impl Instrument {
    /// Scores a complete response. An incomplete response, or one naming options that do not
    /// exist, is refused rather than scored.
    pub fn score(&self, response: &Response) -> Result<Outcome, ResponseError> {
        let chosen = response.check(self, true)?;
        Ok(match &self.model {
            Model::Subscales(model) => Outcome::Subscales(subscales::score(self, model, &chosen)),
            Model::Levels(model) => Outcome::Levels(levels::score(self, model, &chosen)),
            Model::Ratio(model) => Outcome::Ratio(ratio::score(self, model, &chosen)),
            Model::Grid(model) => Outcome::Grid(grid::score(self, model, &chosen, response.group)),
        })
    }
}
