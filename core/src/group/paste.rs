//! A facilitator's paste, each code in it read once.
//!
//! * [`Paste::read`] picks out what looks like a code, then decodes and scores each one,
//!   whatever its session. For instruments others can rate, it reads the rater codes too.
//! * The group's figures are summed from pastes ([`GroupReport::of`]), taken in order as
//!   if their texts were one. A facilitator who types the session's tag, or a few codes
//!   beside 100,000 pasted before, waits for a sum, not for every code decoded again.
//! * A later paste joins an earlier one with [`Paste::append`].
//!
//! [`GroupReport::of`]: super::GroupReport::of

use crate::code::{self, CodeError};
use crate::definition::Instrument;
use crate::others::code::{self as rater, RaterCode};
use crate::response::Response;
use crate::scoring::Outcome;

use super::{Rejection, categories_of};

/// The codes of one or more pastes, decoded and scored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paste {
    pub(super) codes: Vec<Read>,
    pub(super) raters: Vec<RaterRead>,
}

/// One piece of a paste that looked like a result code.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Read {
    /// As pasted.
    pub(super) text: String,
    /// The code, or why it is left out whatever the session.
    pub(super) code: Result<ReadCode, Rejection>,
}

/// A valid result code for the instrument.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct ReadCode {
    /// Normalised: duplicates are found by it.
    pub(super) symbols: String,
    /// The session's hash.
    pub(super) session: u16,
    /// The respondent group.
    pub(super) group: Option<u8>,
    /// The answers, kept only for instruments others can rate.
    pub(super) response: Option<Response>,
    /// What it scores, or why it cannot count.
    pub(super) scored: Result<Scored, Rejection>,
}

/// What one member's code adds to the group.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Scored {
    /// Index into each category set.
    pub(super) categories: Vec<usize>,
    /// The named scores, in the order of the report's stats.
    pub(super) scores: Vec<f64>,
    /// "Does not apply" answers.
    pub(super) not_applicable: usize,
    /// A grid's cells and the respondent group.
    pub(super) grid: Option<(Vec<Option<f64>>, Option<u8>)>,
}

/// One piece of a paste that looked like a rater code.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct RaterRead {
    /// As pasted.
    pub(super) text: String,
    /// The code, or why it is not one.
    pub(super) code: Result<RaterCode, CodeError>,
}

impl Paste {
    /// Reads every code in `text` for `instrument`.
    pub fn read(text: &str, instrument: &Instrument) -> Self {
        let decoder = code::Decoder::new(instrument);
        let others = instrument.asks_others();
        let mut values = Vec::new();
        let codes = code::candidates(text)
            .map(|candidate| Read {
                text: candidate.to_owned(),
                code: match decoder.decode(candidate) {
                    Ok(decoded) => Ok(ReadCode {
                        scored: scored(&decoded.response, instrument, &mut values),
                        symbols: decoded.symbols,
                        session: decoded.session,
                        group: decoded.response.group,
                        response: others.then_some(decoded.response),
                    }),
                    Err(CodeError::OtherInstrument) => Err(Rejection::OtherInstrument),
                    Err(CodeError::OtherVersion) => Err(Rejection::OtherVersion),
                    Err(e) => Err(Rejection::Invalid(e)),
                },
            })
            .collect();
        let raters = if others {
            rater::candidates(text)
                .map(|candidate| RaterRead {
                    text: candidate.to_owned(),
                    code: rater::decode(candidate, instrument),
                })
                .collect()
        } else {
            Vec::new()
        };
        Self { codes, raters }
    }

    /// Adds `later`'s codes after these, as if its text came after this one's.
    pub fn append(&mut self, later: Paste) {
        self.codes.extend(later.codes);
        self.raters.extend(later.raters);
    }

    /// How many pieces looked like result codes.
    pub fn candidates(&self) -> usize {
        self.codes.len()
    }
}

/// What `response` adds to the group, or why it cannot count; `values` is room for the
/// scores.
fn scored(
    response: &Response,
    instrument: &Instrument,
    values: &mut Vec<f64>,
) -> Result<Scored, Rejection> {
    let outcome = match instrument.score(response) {
        Ok(Outcome::Unscored(_)) => return Err(Rejection::Unscored),
        Ok(outcome) => outcome,
        Err(_) => return Err(Rejection::Invalid(CodeError::OutOfRange)),
    };
    outcome.score_values(values);
    Ok(Scored {
        categories: categories_of(&outcome, instrument),
        scores: values.clone(),
        not_applicable: response.not_applicable(instrument),
        grid: match outcome {
            Outcome::Grid(o) => Some((o.cells, o.group)),
            _ => None,
        },
    })
}
