//! Component ratio: the trust equation's sums, quotient, temperament and
//! balance.
//!
//! * Each component is the sum of its items' values after reverse keying (5–25 for five
//!   items on a 1–5 scale).
//! * "Does not apply" answers are left out and the sum is prorated: the mean of the real
//!   answers times the component's number of items, rounded half up, so components still
//!   compare. A component with fewer real answers than the definition's minimum cannot be
//!   scored, and then neither can the quotient.
//! * The quotient is the sum of the numerator components over the denominator:
//!   `TQ = (C + R + I) / S`. It is given in tenths, rounded half up.
//! * The *virtues* are the numerator components as they are, and the denominator turned
//!   around. Turned around, the denominator is
//!   `low-S = lowest + highest possible sum − S`, so `30 − S`.
//! * The virtues are ranked strongest first; exact ties follow the model's `tie_order`.
//! * The temperament is the pair of the first two.
//! * Another pair is a near-tie, shown as a blend, when it comes within a point of the
//!   temperament. Its stronger member is within one point of the strongest virtue, and its
//!   weaker member within one point of the second strongest.
//! * A flat profile, every virtue within a point of the others (spread 0 or 1), is no
//!   pair: where the model names it (`balanced`), it is called that, with no temperament
//!   and no blends.
//! * Balance is the spread between the strongest and the weakest virtue. The weakest is
//!   the last in the ranking.

use crate::definition::{Feeds, Instrument, ItemKind, RatioModel};

use super::{Outcome, Part, keyed, round_div, shortfalls};

/// A scored ratio response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RatioOutcome {
    /// Sum per component, in the model's order.
    pub sums: Vec<i32>,
    /// The quotient in tenths (`74` is 7.4).
    pub quotient_tenths: i32,
    /// Position of the quotient's band.
    pub quotient_band: usize,
    /// Virtue per component: the sum, or for the denominator its inverse.
    pub virtues: Vec<i32>,
    /// Component indices ranked strongest virtue first.
    pub ranking: Vec<usize>,
    /// Index of the temperament of the two strongest virtues (by tie order in a flat
    /// profile).
    pub temperament: usize,
    /// Whether the profile is flat (every virtue within a point of the others) and the model
    /// names such a profile: then no pair stands out, and `blends` is empty.
    pub balanced: bool,
    /// Temperaments within a point of it, strongest first.
    pub blends: Vec<usize>,
    /// Strongest minus weakest virtue.
    pub spread: i32,
    /// Position of the spread's balance band.
    pub balance: usize,
    /// The weakest virtue's component index.
    pub weakest: usize,
    /// The lowest and highest sum a component can reach (5 and 25 for five 1–5 items);
    /// the virtues share this range.
    pub range: (i32, i32),
}

/// `numerator / denominator` in tenths, rounded half up.
pub(crate) fn tenths(numerator: i32, denominator: i32) -> i32 {
    round_div(10 * i64::from(numerator), i64::from(denominator)) as i32
}

/// Per component: the sum of its real answers' values, how many there are, and how many
/// items it has; and the lowest and highest value of the scale.
struct Tally {
    real: Vec<i32>,
    answered: Vec<i32>,
    items: Vec<i32>,
    lo: i32,
    hi: i32,
}

fn tally(instrument: &Instrument, model: &RatioModel, chosen: &[Option<u8>]) -> Tally {
    let n = model.components.len();
    let mut t = Tally {
        real: vec![0; n],
        answered: vec![0; n],
        items: vec![0; n],
        lo: 0,
        hi: 0,
    };
    for (item, &option) in instrument.items.iter().zip(chosen) {
        if let ItemKind::Rated {
            scale,
            reverse,
            feeds: Feeds::Component(c),
        } = item.kind
        {
            let options = &instrument.scales[scale].options;
            t.items[c] += 1;
            t.lo = options[0].value;
            t.hi = options[options.len() - 1].value;
            if let Some(option) = option {
                t.real[c] += options[keyed(option, options.len(), reverse)].value;
                t.answered[c] += 1;
            }
        }
    }
    t
}

impl Tally {
    /// Component `c`'s sum, prorated over its items from its real answers.
    fn sum(&self, c: usize) -> i32 {
        round_div(
            i64::from(self.real[c] * self.items[c]),
            i64::from(self.answered[c].max(1)),
        ) as i32
    }

    /// The lowest and highest sum a component can reach. Every component has the same
    /// number of items on the same scale (checked on reading).
    fn range(&self) -> (i32, i32) {
        (self.lo * self.items[0], self.hi * self.items[0])
    }
}

/// Each component's prorated sum, or `None` where it has fewer real answers than the
/// minimum; and the range a sum can take.
pub(crate) fn parts(
    instrument: &Instrument,
    model: &RatioModel,
    chosen: &[Option<u8>],
) -> (Vec<Option<i32>>, (i32, i32)) {
    let t = tally(instrument, model, chosen);
    let needed = instrument.min_answers() as i32;
    let sums = (0..model.components.len())
        .map(|c| (t.answered[c] >= needed).then(|| t.sum(c)))
        .collect();
    (sums, t.range())
}

pub(crate) fn score(instrument: &Instrument, model: &RatioModel, chosen: &[Option<u8>]) -> Outcome {
    let n = model.components.len();
    let t = tally(instrument, model, chosen);
    if let Some(short) = shortfalls(
        instrument,
        t.answered.iter().map(|&a| a as usize),
        Part::Component,
    ) {
        return Outcome::Unscored(short);
    }
    let sums: Vec<i32> = (0..n).map(|c| t.sum(c)).collect();
    let (sum_lo, sum_hi) = t.range();
    let d = model.denominator;
    let numerator: i32 = (0..n).filter(|&c| c != d).map(|c| sums[c]).sum();
    let quotient_tenths = tenths(numerator, sums[d]);
    let virtues: Vec<i32> = (0..n)
        .map(|c| {
            if c == d {
                sum_lo + sum_hi - sums[c]
            } else {
                sums[c]
            }
        })
        .collect();
    let mut ranking = model.tie_order.clone();
    // A stable sort keeps the tie order among equal virtues.
    crate::sort::sort_by(&mut ranking, |&a, &b| virtues[b].cmp(&virtues[a]));
    let pair_of = |a: usize, b: usize| {
        let pair = [a.min(b), a.max(b)];
        model
            .temperaments
            .iter()
            .position(|t| t.pair == pair)
            .unwrap_or(0)
    };
    let (first, second) = (ranking[0], ranking[1]);
    let temperament = pair_of(first, second);
    let mut blends = Vec::new();
    for (i, &a) in ranking.iter().enumerate() {
        for &b in &ranking[i + 1..] {
            let near = virtues[first] - virtues[a] <= 1 && virtues[second] - virtues[b] <= 1;
            let t = pair_of(a, b);
            if near && t != temperament && !blends.contains(&t) {
                blends.push(t);
            }
        }
    }
    let weakest = ranking[n - 1];
    let spread = virtues[first] - virtues[weakest];
    let balanced = model.balanced.is_some() && spread <= 1;
    if balanced {
        blends.clear();
    }
    Outcome::Ratio(RatioOutcome {
        quotient_band: model.quotient_bands.position(quotient_tenths),
        balance: model.balance_bands.position(spread),
        sums,
        quotient_tenths,
        virtues,
        ranking,
        temperament,
        balanced,
        blends,
        spread,
        weakest,
        range: (sum_lo, sum_hi),
    })
}
