//! Level placement: which level each answer shows, the distribution, the
//! headline level and how consistent the answers are.
//!
//! * The headline is the median of the chosen levels.
//! * With an even number of answers, the lower of the two middle levels is taken ("ties to
//!   the lower level").
//! * "Does not apply" answers are left out; with fewer real answers than the definition's
//!   minimum there is no placement.
//! * Consistency is the share of answers at the headline level, in whole percent rounded
//!   half up.

use crate::definition::{Instrument, ItemKind, LevelModel};

use super::{Outcome, Part, round_div, shortfalls};

/// A scored level response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelOutcome {
    /// How many answers chose each level; `counts[0]` is level 1.
    pub counts: Vec<u16>,
    /// The median level, 1-based.
    pub headline: u8,
    /// Share of answers at the headline level, 0–100.
    pub consistency: u8,
}

pub(crate) fn score(instrument: &Instrument, model: &LevelModel, chosen: &[Option<u8>]) -> Outcome {
    let mut counts = vec![0u16; model.levels.len()];
    let mut levels: Vec<u8> = chosen
        .iter()
        .zip(&instrument.items)
        .filter_map(|(&option, item)| match &item.kind {
            ItemKind::Levels { options } => Some(options[usize::from(option?)].level),
            ItemKind::Rated { .. } => unreachable!("rated item in a level model"),
        })
        .collect();
    if let Some(short) = shortfalls(instrument, [levels.len()], |_| Part::Items) {
        return Outcome::Unscored(short);
    }
    for &level in &levels {
        counts[usize::from(level - 1)] += 1;
    }
    crate::sort::sort_by(&mut levels, |a, b| a.cmp(b));
    let headline = levels[(levels.len() - 1) / 2];
    let at_headline = i64::from(counts[usize::from(headline - 1)]);
    Outcome::Levels(LevelOutcome {
        consistency: round_div(100 * at_headline, levels.len() as i64) as u8,
        counts,
        headline,
    })
}
