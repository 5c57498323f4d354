//! Grid: cells 0–100, row and column means, the strongest and weakest
//! cells.
//!
//! * An answer's points are its position between the scale's lowest and highest value, as
//!   a percentage, after reverse keying. On a 1–5 scale they are 0, 25, 50, 75 and 100.
//! * A cell is the mean of its items' points. "Does not apply" answers are left out; a cell
//!   with fewer real answers than the definition's minimum is not scored (`None`).
//! * A row or column mean is the mean of its scored cells.
//! * The three strongest cells are the highest scored ones, and the three weakest the
//!   lowest; a cell equal to the third joins them, so a tie is never broken by where a
//!   cell sits. With no cell scored there is no result.
//! * Equal cells are listed in reading order: row by row, left to right.
//! * The priority question, if the instrument asks one, feeds no cell: its answer is
//!   reported beside the scores.

use crate::definition::{Feeds, GridModel, Instrument, ItemKind};

use super::{Outcome, Part, keyed, shortfalls};

/// How many strongest and weakest cells a result names, before ties.
pub const EXTREMES: usize = 3;

/// A scored grid response.
#[derive(Clone, Debug, PartialEq)]
pub struct GridOutcome {
    /// Cell scores 0–100, row by row (`cells[row * columns + column]`); `None` for a cell
    /// with too few real answers.
    pub cells: Vec<Option<f64>>,
    /// Mean per row, of its scored cells.
    pub row_means: Vec<Option<f64>>,
    /// Mean per column, of its scored cells.
    pub column_means: Vec<Option<f64>>,
    /// Cell indices of the strongest cells, strongest first: three, and every cell tied
    /// with the third.
    pub strongest: Vec<usize>,
    /// Cell indices of the weakest cells, weakest first: three, and every cell tied with the
    /// third.
    pub weakest: Vec<usize>,
    /// The mean of the scored cells, 0–100.
    pub mean: f64,
    /// Position of the overall mean's band.
    pub band: usize,
    /// The respondent's group, if the model has groups.
    pub group: Option<u8>,
    /// What the reader would address first: the option chosen on the priority question, if
    /// the instrument asks one and the answer was not "does not apply".
    pub priority: Option<u8>,
}

/// Indices of the scored cells ordered by score, highest first (`descending`) or lowest
/// first, with reading order among equals.
pub fn rank_cells(cells: &[Option<f64>], descending: bool) -> Vec<usize> {
    let mut order: Vec<(usize, f64)> = (cells.iter().enumerate())
        .filter_map(|(i, c)| Some((i, (*c)?)))
        .collect();
    crate::sort::sort_by(&mut order, |&(a, x), &(b, y)| {
        let by_score = if descending {
            y.total_cmp(&x)
        } else {
            x.total_cmp(&y)
        };
        by_score.then(a.cmp(&b))
    });
    order.into_iter().map(|(i, _)| i).collect()
}

/// The [`EXTREMES`] first scored cells ranked by [`rank_cells`], and every further cell
/// tied with the last of them.
pub fn extremes(cells: &[Option<f64>], descending: bool) -> Vec<usize> {
    let ranked = rank_cells(cells, descending);
    let Some(&last) = ranked.get(EXTREMES.min(ranked.len()).saturating_sub(1)) else {
        return Vec::new();
    };
    let tied = |i: &usize| cells[*i] == cells[last];
    let mut taken: Vec<usize> = ranked.iter().copied().take(EXTREMES).collect();
    taken.extend(ranked.iter().skip(EXTREMES).take_while(|i| tied(i)));
    taken
}

/// The mean of the scored values among `values`, if any is scored.
pub fn mean_of(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    let (sum, n) = (values.into_iter().flatten()).fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

/// Row and column means of a row-major grid of cells, each of its scored cells.
pub fn means(
    cells: &[Option<f64>],
    rows: usize,
    columns: usize,
) -> (Vec<Option<f64>>, Vec<Option<f64>>) {
    let row_means = (0..rows)
        .map(|r| mean_of((0..columns).map(|c| cells[r * columns + c])))
        .collect();
    let column_means = (0..columns)
        .map(|c| mean_of((0..rows).map(|r| cells[r * columns + c])))
        .collect();
    (row_means, column_means)
}

pub(crate) fn score(
    instrument: &Instrument,
    model: &GridModel,
    chosen: &[Option<u8>],
    group: Option<u8>,
) -> Outcome {
    let (rows, columns) = (model.rows.len(), model.columns.len());
    let priority = (instrument.items.iter().zip(chosen))
        .find(|(item, _)| {
            matches!(
                item.kind,
                ItemKind::Rated {
                    feeds: Feeds::Priority,
                    ..
                }
            )
        })
        .and_then(|(_, &answer)| answer);
    let mut sums = vec![0f64; rows * columns];
    let mut counts = vec![0u32; rows * columns];
    for (item, &option) in instrument.items.iter().zip(chosen) {
        if let (
            ItemKind::Rated {
                scale,
                reverse,
                feeds: Feeds::Cell { row, column },
            },
            Some(option),
        ) = (&item.kind, option)
        {
            let (scale, reverse) = (*scale, *reverse);
            let cell = row * columns + column;
            let options = &instrument.scales[scale].options;
            let (lo, hi) = (options[0].value, options[options.len() - 1].value);
            let value = options[keyed(option, options.len(), reverse)].value;
            sums[cell] += f64::from(value - lo) * 100.0 / f64::from(hi - lo);
            counts[cell] += 1;
        }
    }
    let needed = instrument.min_answers() as u32;
    let cells: Vec<Option<f64>> = sums
        .iter()
        .zip(&counts)
        .map(|(&sum, &n)| (n >= needed).then(|| sum / f64::from(n)))
        .collect();
    let Some(mean) = mean_of(cells.iter().copied()) else {
        let short = shortfalls(instrument, counts.iter().map(|&n| n as usize), Part::Cell);
        return Outcome::Unscored(short.unwrap_or_default());
    };
    let (row_means, column_means) = means(&cells, rows, columns);
    let strongest = extremes(&cells, true);
    let weakest = extremes(&cells, false);
    Outcome::Grid(GridOutcome {
        band: model.bands.position(mean.round() as i32),
        mean,
        cells,
        row_means,
        column_means,
        strongest,
        weakest,
        group: model.groups.as_ref().and(group),
        priority,
    })
}
