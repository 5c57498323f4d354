//! A model-independent summary of an outcome: the headline, the named scores and one
//! number between 0 and 1.
//!
//! * It is what history lists, trend lines, host-page events and group CSV files need.
//! * It is stored with each completed attempt, so an old result keeps its scores after the
//!   instrument changes.

use crate::definition::{Instrument, Model};

use super::Outcome;

/// One named score.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Score {
    /// Stable id (`servility`, `tq`, `C`, `level`, `overall`…).
    pub id: String,
    /// The value, in the model's own units (0–100, 5–25, 0.6–15.0, 1–5).
    pub value: f64,
}

/// What a result comes to, whatever the model.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The headline the result screen shows ("Trusted partner", "Level 3: …").
    pub headline: String,
    /// The named scores, in the model's order.
    pub scores: Vec<Score>,
    /// A single number from 0 (lowest) to 1 (highest) for learning records such as xAPI's
    /// `result.score.scaled`; see `docs/scoring.md` for each model's definition.
    pub scaled: f64,
}

fn score(id: &str, value: f64) -> Score {
    Score {
        id: id.to_owned(),
        value,
    }
}

impl Outcome {
    /// The values of the summary's named scores, in order, without building the summary
    /// (the fast path for aggregating many outcomes); see [`score_ids`] for their ids.
    pub fn score_values(&self, out: &mut Vec<f64>) {
        out.clear();
        match self {
            Outcome::Unscored(_) => {}
            Outcome::Subscales(o) => out.extend(o.scores.iter().map(|&s| f64::from(s))),
            Outcome::Levels(o) => {
                out.push(f64::from(o.headline));
                out.push(f64::from(o.consistency));
            }
            Outcome::Ratio(o) => {
                out.extend(o.sums.iter().map(|&s| f64::from(s)));
                out.push(f64::from(o.quotient_tenths) / 10.0);
            }
            Outcome::Grid(o) => out.push((o.mean * 10.0).round() / 10.0),
        }
    }

    /// Summarises this outcome of `instrument`.
    pub fn summary(&self, instrument: &Instrument) -> Summary {
        match (self, &instrument.model) {
            (Outcome::Subscales(o), Model::Subscales(m)) => {
                let scores: Vec<Score> = m
                    .subscales
                    .iter()
                    .zip(&o.scores)
                    .map(|(s, &v)| score(&s.id, f64::from(v)))
                    .collect();
                let (x, y) = (f64::from(o.scores[m.map.x]), f64::from(o.scores[m.map.y]));
                Summary {
                    headline: m.map.quadrants[o.quadrant].name.clone(),
                    scores,
                    // High on the x axis and low on the y axis is the best corner.
                    scaled: (x + (100.0 - y)) / 200.0,
                }
            }
            (Outcome::Levels(o), Model::Levels(m)) => {
                let top = m.levels.len() as f64;
                Summary {
                    headline: format!(
                        "{} · {}",
                        o.headline,
                        m.levels[usize::from(o.headline) - 1].name
                    ),
                    scores: vec![
                        score("level", f64::from(o.headline)),
                        score("consistency", f64::from(o.consistency)),
                    ],
                    scaled: (f64::from(o.headline) - 1.0) / (top - 1.0),
                }
            }
            (Outcome::Ratio(o), Model::Ratio(m)) => {
                let mut scores: Vec<Score> = m
                    .components
                    .iter()
                    .zip(&o.sums)
                    .map(|(c, &v)| score(&c.id, f64::from(v)))
                    .collect();
                scores.push(score("tq", f64::from(o.quotient_tenths) / 10.0));
                let bands = m.quotient_bands.as_slice();
                let (lo, hi) = (bands[0].min, bands[bands.len() - 1].max);
                let profile = match &m.balanced {
                    Some(balanced) if o.balanced => &balanced.name,
                    _ => &m.temperaments[o.temperament].name,
                };
                Summary {
                    headline: format!(
                        "TQ {}.{} · {}",
                        o.quotient_tenths / 10,
                        o.quotient_tenths % 10,
                        profile
                    ),
                    scores,
                    scaled: f64::from(o.quotient_tenths - lo) / f64::from(hi - lo),
                }
            }
            (Outcome::Unscored(_), _) => Summary {
                headline: String::new(),
                scores: Vec::new(),
                scaled: 0.0,
            },
            (Outcome::Grid(o), Model::Grid(m)) => Summary {
                headline: m.bands.as_slice()[o.band].name.clone(),
                scores: vec![score("overall", (o.mean * 10.0).round() / 10.0)],
                scaled: o.mean / 100.0,
            },
            // An outcome always comes from its own instrument's model.
            _ => Summary {
                headline: String::new(),
                scores: Vec::new(),
                scaled: 0.0,
            },
        }
    }
}

/// The ids of the named scores every outcome of `instrument` has, in the order of
/// [`Outcome::score_values`] and [`Summary::scores`].
pub fn score_ids(instrument: &Instrument) -> Vec<String> {
    match &instrument.model {
        Model::Subscales(m) => m.subscales.iter().map(|s| s.id.clone()).collect(),
        Model::Levels(_) => vec!["level".into(), "consistency".into()],
        Model::Ratio(m) => m
            .components
            .iter()
            .map(|c| c.id.clone())
            .chain(std::iter::once("tq".to_owned()))
            .collect(),
        Model::Grid(_) => vec!["overall".into()],
    }
}

/// A score worth following over time, with its range, for trend lines.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendLine {
    /// The score's id in [`Summary::scores`].
    pub id: String,
    /// Its name.
    pub name: String,
    /// Lowest possible value.
    pub min: f64,
    /// Highest possible value.
    pub max: f64,
}

/// The scores of `instrument` that a history trend draws.
pub fn trend_lines(instrument: &Instrument) -> Vec<TrendLine> {
    let line = |id: &str, name: &str, min: f64, max: f64| TrendLine {
        id: id.to_owned(),
        name: name.to_owned(),
        min,
        max,
    };
    match &instrument.model {
        Model::Subscales(m) => m
            .subscales
            .iter()
            .map(|s| line(&s.id, &s.name, 0.0, 100.0))
            .collect(),
        Model::Levels(m) => vec![line("level", "Level", 1.0, m.levels.len() as f64)],
        Model::Ratio(m) => {
            let bands = m.quotient_bands.as_slice();
            vec![line(
                "tq",
                "TQ",
                f64::from(bands[0].min) / 10.0,
                f64::from(bands[bands.len() - 1].max) / 10.0,
            )]
        }
        Model::Grid(_) => vec![line("overall", "Overall", 0.0, 100.0)],
    }
}

/// The name the definition gives summary score `id` of `instrument` (a subscale's or a
/// component's name); `None` for the scores every instrument of a model has (`tq`, `level`,
/// `consistency`, `overall`), which the interface names in the reader's language.
pub fn score_name(instrument: &Instrument, id: &str) -> Option<String> {
    match &instrument.model {
        Model::Subscales(m) => m
            .subscales
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name.clone()),
        Model::Ratio(m) => m
            .components
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone()),
        _ => None,
    }
}
