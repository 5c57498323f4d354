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
//! let instrument = builtin::load("service-or-servility").unwrap();
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
    /// Too few real answers (not "does not apply") to place the reader: the parts short of
    /// the definition's `min_answers`.
    Unscored(Vec<Shortfall>),
    /// See [`subscales`].
    Subscales(SubscaleOutcome),
    /// See [`levels`].
    Levels(LevelOutcome),
    /// See [`ratio`].
    Ratio(RatioOutcome),
    /// See [`grid`].
    Grid(GridOutcome),
}

/// A part of a model with too few real answers to be scored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shortfall {
    /// Which part.
    pub part: Part,
    /// Real answers it had.
    pub found: usize,
    /// Real answers it needs (the definition's `min_answers`).
    pub needed: usize,
}

/// A part of a model that is scored from its own items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// A subscale, by index.
    Subscale(usize),
    /// A component, by index.
    Component(usize),
    /// A grid cell, by index (`row * columns + column`).
    Cell(usize),
    /// All the items of a level model.
    Items,
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

/// The parts whose real answers (`counts`, by part index) fall short of the instrument's
/// minimum, or `None` when every part can be scored.
pub(crate) fn shortfalls(
    instrument: &Instrument,
    counts: impl IntoIterator<Item = usize>,
    part: impl Fn(usize) -> Part,
) -> Option<Vec<Shortfall>> {
    let needed = instrument.min_answers();
    let short: Vec<Shortfall> = (counts.into_iter().enumerate())
        .filter(|&(_, found)| found < needed)
        .map(|(i, found)| Shortfall {
            part: part(i),
            found,
            needed,
        })
        .collect();
    (!short.is_empty()).then_some(short)
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
        let chosen: Vec<Option<u8>> = (response.check(self, true)?.into_iter().enumerate())
            .map(|(i, a)| (!self.is_not_applicable(i, a)).then_some(a))
            .collect();
        Ok(match &self.model {
            Model::Subscales(model) => subscales::score(self, model, &chosen),
            Model::Levels(model) => levels::score(self, model, &chosen),
            Model::Ratio(model) => ratio::score(self, model, &chosen),
            Model::Grid(model) => grid::score(self, model, &chosen, response.group),
        })
    }
}
