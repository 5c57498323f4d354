//! Frequency subscales: weights per answer, two subscales 0–100, a
//! quadrant, a position on the slope and the habits that weigh most.
//!
//! * Each item's answer, after reverse keying, picks a weight from its subscale's
//!   `weights` list.
//! * A subscale's score is the mean weight of its items, rounded half up. "Does not apply"
//!   answers are left out of the mean; a subscale with fewer real answers than the
//!   definition's minimum cannot be scored, and then neither can the map.
//! * Non-linear weights such as `[0, 0, 10, 60, 100]` make an isolated act weigh little
//!   and a habit weigh most.

use crate::definition::{Feeds, Instrument, ItemKind, SubscaleModel};

use super::{Outcome, Part, keyed, round_div, shortfalls};

/// A scored subscale response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubscaleOutcome {
    /// Score per subscale, 0–100, in the model's order.
    pub scores: Vec<u8>,
    /// Index of the quadrant: `high_x + 2 * high_y`.
    pub quadrant: usize,
    /// Position of the slope subscale's band, 0 = top of the slope, if the model has one.
    pub slope: Option<usize>,
    /// Items reported as habits, heaviest first (at most `habits.max`).
    pub habits: Vec<usize>,
}

/// The weight item `index` carries for the chosen option, and its subscale.
fn weight(instrument: &Instrument, model: &SubscaleModel, index: usize, option: u8) -> (usize, u8) {
    match instrument.items[index].kind {
        ItemKind::Rated {
            scale,
            reverse,
            feeds: Feeds::Subscale(s),
        } => {
            let options = instrument.scales[scale].options.len();
            (
                s,
                model.subscales[s].weights[keyed(option, options, reverse)],
            )
        }
        // The reader guarantees every item of a subscale model feeds a subscale.
        _ => unreachable!("item of a subscale model that feeds no subscale"),
    }
}

/// Each subscale's weight sum and count of real answers, and every answered item's
/// `(index, subscale, weight)`.
type Tally = (Vec<i64>, Vec<i64>, Vec<(usize, usize, u8)>);

fn tally(instrument: &Instrument, model: &SubscaleModel, chosen: &[Option<u8>]) -> Tally {
    let mut sums = vec![0i64; model.subscales.len()];
    let mut counts = vec![0i64; model.subscales.len()];
    let mut weighted = Vec::with_capacity(chosen.len());
    for (index, &option) in chosen.iter().enumerate() {
        let Some(option) = option else {
            continue;
        };
        let (s, w) = weight(instrument, model, index, option);
        sums[s] += i64::from(w);
        counts[s] += 1;
        weighted.push((index, s, w));
    }
    (sums, counts, weighted)
}

/// Each subscale's score, or `None` where it has fewer real answers than the minimum.
pub(crate) fn parts(
    instrument: &Instrument,
    model: &SubscaleModel,
    chosen: &[Option<u8>],
) -> Vec<Option<i32>> {
    let (sums, counts, _) = tally(instrument, model, chosen);
    let needed = instrument.min_answers() as i64;
    sums.iter()
        .zip(&counts)
        .map(|(&sum, &n)| (n >= needed).then(|| round_div(sum, n.max(1)) as i32))
        .collect()
}

pub(crate) fn score(
    instrument: &Instrument,
    model: &SubscaleModel,
    chosen: &[Option<u8>],
) -> Outcome {
    let (sums, counts, weighted) = tally(instrument, model, chosen);
    if let Some(short) = shortfalls(
        instrument,
        counts.iter().map(|&n| n as usize),
        Part::Subscale,
    ) {
        return Outcome::Unscored(short);
    }
    let scores: Vec<u8> = sums
        .iter()
        .zip(&counts)
        .map(|(&sum, &n)| round_div(sum, n.max(1)) as u8)
        .collect();
    let map = &model.map;
    let high_x = scores[map.x] >= map.x_split;
    let high_y = scores[map.y] >= map.y_split;
    let slope = model
        .slope
        .map(|s| model.subscales[s].bands.position(i32::from(scores[s])));
    let habits = match &model.habits {
        None => Vec::new(),
        Some(h) => {
            let mut found: Vec<(usize, u8)> = weighted
                .iter()
                .filter(|(_, s, w)| *s == h.subscale && *w >= h.min_weight)
                .map(|&(index, _, w)| (index, w))
                .collect();
            // Heaviest first; among equals, the order the items were asked in.
            crate::sort::sort_by(&mut found, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            found
                .into_iter()
                .take(usize::from(h.max))
                .map(|(index, _)| index)
                .collect()
        }
    };
    Outcome::Subscales(SubscaleOutcome {
        scores,
        quadrant: usize::from(high_x) + 2 * usize::from(high_y),
        slope,
        habits,
    })
}
