//! Grid (PRODUCT §2.4): cells 0–100, row and column means, the strongest and weakest
//! cells.
//!
//! * An answer's points are its position between the scale's lowest and highest value, as
//!   a percentage, after reverse keying. On a 1–5 scale they are 0, 25, 50, 75 and 100.
//! * A cell is the mean of its items' points.
//! * A row or column mean is the mean of its cells.
//! * The three strongest cells are the highest, and the three weakest the lowest.
//! * Equal cells keep reading order: row by row, left to right.

use crate::definition::{Feeds, GridModel, Instrument, ItemKind};

use super::keyed;

/// How many strongest and weakest cells a result names.
pub const EXTREMES: usize = 3;

/// A scored grid response.
#[derive(Clone, Debug, PartialEq)]
pub struct GridOutcome {
    /// Cell scores 0–100, row by row (`cells[row * columns + column]`).
    pub cells: Vec<f64>,
    /// Mean per row.
    pub row_means: Vec<f64>,
    /// Mean per column.
    pub column_means: Vec<f64>,
    /// Cell indices of the strongest cells, strongest first.
    pub strongest: Vec<usize>,
    /// Cell indices of the weakest cells, weakest first.
    pub weakest: Vec<usize>,
    /// The mean of all cells, 0–100.
    pub mean: f64,
    /// Position of the overall mean's band.
    pub band: usize,
    /// The respondent's group, if the model has groups.
    pub group: Option<u8>,
}

/// Cell indices ordered by score, highest first (`descending`) or lowest first, with reading
/// order among equals.
pub fn rank_cells(cells: &[f64], descending: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..cells.len()).collect();
    order.sort_by(|&a, &b| {
        let by_score = if descending {
            cells[b].total_cmp(&cells[a])
        } else {
            cells[a].total_cmp(&cells[b])
        };
        by_score.then(a.cmp(&b))
    });
    order
}

/// Row and column means of a row-major grid of cells.
pub fn means(cells: &[f64], rows: usize, columns: usize) -> (Vec<f64>, Vec<f64>) {
    let row_means = (0..rows)
        .map(|r| (0..columns).map(|c| cells[r * columns + c]).sum::<f64>() / columns as f64)
        .collect();
    let column_means = (0..columns)
        .map(|c| (0..rows).map(|r| cells[r * columns + c]).sum::<f64>() / rows as f64)
        .collect();
    (row_means, column_means)
}

pub(crate) fn score(
    instrument: &Instrument,
    model: &GridModel,
    chosen: &[u8],
    group: Option<u8>,
) -> GridOutcome {
    let (rows, columns) = (model.rows.len(), model.columns.len());
    let mut sums = vec![0f64; rows * columns];
    let mut counts = vec![0u32; rows * columns];
    for (item, &option) in instrument.items.iter().zip(chosen) {
        if let ItemKind::Rated {
            scale,
            reverse,
            feeds: Feeds::Cell { row, column },
        } = item.kind
        {
            let options = &instrument.scales[scale].options;
            let (lo, hi) = (options[0].value, options[options.len() - 1].value);
            let value = options[keyed(option, options.len(), reverse)].value;
            let cell = row * columns + column;
            sums[cell] += f64::from(value - lo) * 100.0 / f64::from(hi - lo);
            counts[cell] += 1;
        }
    }
    let cells: Vec<f64> = sums
        .iter()
        .zip(&counts)
        .map(|(&sum, &n)| sum / f64::from(n.max(1)))
        .collect();
    let (row_means, column_means) = means(&cells, rows, columns);
    let strongest = rank_cells(&cells, true)
        .into_iter()
        .take(EXTREMES)
        .collect();
    let weakest = rank_cells(&cells, false)
        .into_iter()
        .take(EXTREMES)
        .collect();
    let mean = cells.iter().sum::<f64>() / cells.len() as f64;
    GridOutcome {
        band: model.bands.position(mean.round() as i32),
        mean,
        cells,
        row_means,
        column_means,
        strongest,
        weakest,
        group: model.groups.as_ref().and(group),
    }
}
