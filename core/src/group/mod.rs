//! The facilitator's group profile: result codes in, the group's figures out, with no
//! server and no personal data.
//!
//! * [`GroupReport::from_text`] takes whatever the facilitator pastes: one code per line,
//!   or a whole chat transcript.
//! * It picks out what looks like a code, decodes each one, and sorts them into members
//!   and rejections. Reading is [`Paste`]'s; [`GroupReport::of`] sums pastes read
//!   before, so a new session tag does not decode every code again.
//! * Invalid codes, codes of another session, instrument or version, duplicates and
//!   results with too few real answers to score are counted and listed, never mixed in.
//! * "Does not apply" answers are counted per member and in all; a grid cell is averaged
//!   over the members who could score it.
//! * The members are scored by the same functions as a single reader, once, when a paste
//!   is read. What each code adds is kept with it, so summing 100,000 codes again for
//!   another session takes one pass and no decoding.
//!
//! ```
//! use candor_core::{builtin, code, group::GroupReport, response::Response};
//! let instrument = builtin::load("customer-focus").unwrap();
//! let one = code::encode(&instrument, &Response { answers: vec![Some(1); 10], group: None }, Some("ws"), 1).unwrap();
//! let two = code::encode(&instrument, &Response { answers: vec![Some(3); 10], group: None }, Some("ws"), 2).unwrap();
//! let pasted = format!("Ana: {one}\nBo: {two}\nAna again: {one}");
//! let report = GroupReport::from_text(&pasted, &instrument, Some("WS"));
//! assert_eq!(report.members.len(), 2);
//! assert_eq!(report.rejected.len(), 1); // the duplicate
//! assert_eq!(report.stat("level").map(|s| s.mean), Some(3.0));
//! ```

use crate::code::{self, CodeError};
use crate::definition::{Feeds, Instrument, ItemKind, Model};
use crate::digest::FnvSet;
use crate::response::Response;
use crate::scoring::Outcome;

mod paste;

pub use paste::Paste;

/// Why a pasted code was left out of the group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejection {
    /// Not a valid code (mistyped, cut short, damaged).
    Invalid(CodeError),
    /// A valid code from another session.
    OtherSession,
    /// A valid code for another instrument.
    OtherInstrument,
    /// A valid code for another version of this instrument.
    OtherVersion,
    /// The same code was pasted before.
    Duplicate,
    /// A valid code whose answers are too often "does not apply" to be scored.
    Unscored,
}

impl Rejection {
    /// A short name of the reason, for counts and CSV.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Invalid(_) => "invalid",
            Self::OtherSession => "other-session",
            Self::OtherInstrument => "other-instrument",
            Self::OtherVersion => "other-version",
            Self::Duplicate => "duplicate",
            Self::Unscored => "unscored",
        }
    }
}

/// A pasted code that was left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// The code as pasted.
    pub text: String,
    /// Why.
    pub why: Rejection,
}

/// One member of the group: their code and what it scores.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// The code, normalised.
    pub code: String,
    /// The respondent group, for grid instruments with groups.
    pub group: Option<u8>,
    /// Index into each [`CategorySet`] of the report (the member's quadrant, level…).
    pub categories: Vec<usize>,
    /// The named scores, in the order of [`GroupReport::stats`].
    pub scores: Vec<f64>,
    /// How many of their answers were "does not apply".
    pub not_applicable: usize,
}

/// Mean, spread and range of one score across the group.
#[derive(Clone, Debug, PartialEq)]
pub struct Stat {
    /// The score's id (`servility`, `tq`…).
    pub id: String,
    /// How many values.
    pub n: usize,
    /// Mean.
    pub mean: f64,
    /// Standard deviation (of the group itself, dividing by n).
    pub sd: f64,
    /// Lowest value.
    pub min: f64,
    /// Highest value.
    pub max: f64,
    sum_sq: f64,
}

impl Stat {
    fn new(id: &str) -> Self {
        Self {
            id: id.to_owned(),
            n: 0,
            mean: 0.0,
            sd: 0.0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
            sum_sq: 0.0,
        }
    }

    /// Adds a value (Welford's method, stable for any number of values).
    fn add(&mut self, x: f64) {
        self.n += 1;
        let delta = x - self.mean;
        self.mean += delta / self.n as f64;
        self.sum_sq += delta * (x - self.mean);
        self.sd = (self.sum_sq / self.n as f64).sqrt();
        self.min = self.min.min(x);
        self.max = self.max.max(x);
    }
}

/// How the members fall into named categories (quadrants, levels, temperaments…).
#[derive(Clone, Debug, PartialEq)]
pub struct CategorySet {
    /// Stable id of the set (`quadrant`, `slope`, `level`, `temperament`, `band`, `group`).
    pub id: &'static str,
    /// `(category id, category name, count)`, in the model's order.
    pub entries: Vec<(String, String, usize)>,
}

/// Mean cell scores of some members of a grid instrument.
#[derive(Clone, Debug, PartialEq)]
pub struct CellMeans {
    /// How many members.
    pub count: usize,
    /// Mean per cell, row by row, over the members who could score it; `None` where none
    /// could.
    pub cells: Vec<Option<f64>>,
    /// Mean per row, of its cells.
    pub row_means: Vec<Option<f64>>,
    /// Mean per column, of its cells.
    pub column_means: Vec<Option<f64>>,
    sums: Vec<f64>,
    counts: Vec<u32>,
}

impl CellMeans {
    fn new(cells: usize) -> Self {
        Self {
            count: 0,
            cells: vec![None; cells],
            row_means: Vec::new(),
            column_means: Vec::new(),
            sums: vec![0.0; cells],
            counts: vec![0; cells],
        }
    }

    fn add(&mut self, cells: &[Option<f64>]) {
        self.count += 1;
        for ((sum, n), cell) in self.sums.iter_mut().zip(&mut self.counts).zip(cells) {
            if let Some(cell) = cell {
                *sum += cell;
                *n += 1;
            }
        }
    }

    fn finish(&mut self, rows: usize, columns: usize) {
        self.cells = (self.sums.iter().zip(&self.counts))
            .map(|(s, &n)| (n > 0).then(|| s / f64::from(n)))
            .collect();
        (self.row_means, self.column_means) =
            crate::scoring::grid::means(&self.cells, rows, columns);
    }

    /// Cell by cell, `self` minus `other`: where one group sees the organisation better;
    /// `None` where either has no score.
    pub fn difference(&self, other: &CellMeans) -> Vec<Option<f64>> {
        self.cells
            .iter()
            .zip(&other.cells)
            .map(|(a, b)| Some((*a)? - (*b)?))
            .collect()
    }
}

/// The grid's figures for the whole group and for each respondent group.
#[derive(Clone, Debug, PartialEq)]
pub struct GridProfile {
    /// Everyone.
    pub all: CellMeans,
    /// One entry per respondent group of the model (empty if it has none), in its order.
    pub by_group: Vec<CellMeans>,
}

/// The group profile of the pasted codes.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupReport {
    /// How many pieces of the paste looked like codes.
    pub candidates: usize,
    /// The codes that count, in the order pasted.
    pub members: Vec<Member>,
    /// The codes left out, in the order pasted.
    pub rejected: Vec<Rejected>,
    /// Mean, spread and range per score.
    pub stats: Vec<Stat>,
    /// Counts per category.
    pub categories: Vec<CategorySet>,
    /// For grid instruments: the heat maps.
    pub grid: Option<GridProfile>,
    /// "Does not apply" answers among the members, in all.
    pub not_applicable: usize,
    /// For instruments others can rate, when the paste holds rater codes: the group's own
    /// view against the raters'.
    pub others: Option<GroupOthers>,
}

/// The rater codes of a facilitator's paste: the group's own view against the raters', and
/// the rater codes left out.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupOthers {
    /// Members' and raters' view, per part.
    pub view: crate::others::GroupView,
    /// Rater codes left out, as pasted, with why.
    pub refused: Vec<(String, crate::others::Refusal)>,
}

/// The rater codes of `pastes` for `instrument` (of session `session`, a hash; 0 takes
/// any), against the members' `responses`; `None` when the instrument cannot be rated by
/// others or the pastes hold no rater code.
fn group_others(
    pastes: &[&Paste],
    instrument: &Instrument,
    session: u16,
    responses: &[&Response],
) -> Option<GroupOthers> {
    use crate::others::Refusal;
    if !instrument.asks_others() || pastes.iter().all(|p| p.raters.is_empty()) {
        return None;
    }
    let mut refused = Vec::new();
    let mut seen: FnvSet<&str> = FnvSet::default();
    let mut answers = Vec::new();
    for read in pastes.iter().flat_map(|p| &p.raters) {
        let text = || read.text.clone();
        match &read.code {
            Err(e) => refused.push((text(), Refusal::Invalid(e.clone()))),
            Ok(code) if session != 0 && code.session != session => {
                refused.push((text(), Refusal::OtherSession));
            }
            Ok(code) if !seen.insert(&code.symbols) => {
                refused.push((text(), Refusal::Duplicate));
            }
            Ok(code) => answers.push(code.answers.clone()),
        }
    }
    Some(GroupOthers {
        view: crate::others::group(instrument, responses, &answers)?,
        refused,
    })
}

/// The category sets of `instrument`'s model, all counts zero.
fn category_sets(instrument: &Instrument) -> Vec<CategorySet> {
    let set = |id: &'static str, entries: Vec<(String, String)>| CategorySet {
        id,
        entries: entries.into_iter().map(|(i, n)| (i, n, 0)).collect(),
    };
    match &instrument.model {
        Model::Subscales(m) => {
            let mut sets = vec![set(
                "quadrant",
                m.map
                    .quadrants
                    .iter()
                    .map(|q| (q.id.clone(), q.name.clone()))
                    .collect(),
            )];
            if let Some(s) = m.slope {
                sets.push(set(
                    "slope",
                    m.subscales[s]
                        .bands
                        .as_slice()
                        .iter()
                        .enumerate()
                        .map(|(i, b)| (i.to_string(), b.name.clone()))
                        .collect(),
                ));
            }
            sets
        }
        Model::Levels(m) => vec![set(
            "level",
            m.levels
                .iter()
                .enumerate()
                .map(|(i, l)| ((i + 1).to_string(), l.name.clone()))
                .collect(),
        )],
        Model::Ratio(m) => vec![
            set(
                "temperament",
                m.temperaments
                    .iter()
                    .map(|t| {
                        let id = format!(
                            "{}+{}",
                            m.components[t.pair[0]].id, m.components[t.pair[1]].id
                        );
                        (id, t.name.clone())
                    })
                    .chain(
                        m.balanced
                            .as_ref()
                            .map(|b| ("balanced".to_owned(), b.name.clone())),
                    )
                    .collect(),
            ),
            set(
                "balance",
                m.balance_bands
                    .as_slice()
                    .iter()
                    .enumerate()
                    .map(|(i, b)| (i.to_string(), b.name.clone()))
                    .collect(),
            ),
        ],
        Model::Grid(m) => {
            let mut sets = vec![set(
                "band",
                m.bands
                    .as_slice()
                    .iter()
                    .enumerate()
                    .map(|(i, b)| (i.to_string(), b.name.clone()))
                    .collect(),
            )];
            // What the members would address first, and those who could not tell.
            let priority = instrument.items.iter().find_map(|item| match item.kind {
                ItemKind::Rated {
                    scale,
                    feeds: Feeds::Priority,
                    ..
                } => Some(&instrument.scales[scale]),
                _ => None,
            });
            if let Some(scale) = priority {
                let options = scale.options.iter().enumerate();
                let none = scale
                    .not_applicable
                    .iter()
                    .map(|l| ("none".to_owned(), l.clone()));
                sets.push(set(
                    "priority",
                    options
                        .map(|(i, o)| ((i + 1).to_string(), o.label.clone()))
                        .chain(none)
                        .collect(),
                ));
            }
            if let Some(groups) = &m.groups {
                sets.push(set(
                    "group",
                    groups
                        .options
                        .iter()
                        .map(|g| (g.id.clone(), g.name.clone()))
                        .collect(),
                ));
            }
            sets
        }
    }
}

/// The category indices of one outcome, one per set of [`category_sets`].
fn categories_of(outcome: &Outcome, instrument: &Instrument) -> Vec<usize> {
    match (outcome, &instrument.model) {
        (Outcome::Subscales(o), Model::Subscales(_)) => {
            let mut c = vec![o.quadrant];
            c.extend(o.slope);
            c
        }
        (Outcome::Levels(o), _) => vec![usize::from(o.headline) - 1],
        (Outcome::Ratio(o), Model::Ratio(m)) => {
            // A flat profile counts in the last category, after every pair.
            let temperament = if o.balanced {
                m.temperaments.len()
            } else {
                o.temperament
            };
            vec![temperament, o.balance]
        }
        (Outcome::Grid(o), Model::Grid(m)) => {
            let mut c = vec![o.band];
            let priority = instrument.items.iter().find_map(|item| match item.kind {
                ItemKind::Rated {
                    scale,
                    feeds: Feeds::Priority,
                    ..
                } => Some(instrument.scales[scale].options.len()),
                _ => None,
            });
            // "Could not tell" is the entry after the options.
            if let Some(options) = priority {
                c.push(o.priority.map_or(options, usize::from));
            }
            if m.groups.is_some() {
                c.push(usize::from(o.group.unwrap_or(0)));
            }
            c
        }
        _ => Vec::new(),
    }
}

impl GroupReport {
    /// Builds the profile of every code in `text` for `instrument`. With a `session`, codes
    /// tagged with another session (or none) are left out; without one, any session counts.
    pub fn from_text(text: &str, instrument: &Instrument, session: Option<&str>) -> Self {
        Self::of(&[&Paste::read(text, instrument)], instrument, session)
    }

    /// Sums the profile of the codes of `pastes`, in order, each read for `instrument`,
    /// keeping those of `session` as [`GroupReport::from_text`] does. Nothing is decoded
    /// again.
    pub fn of(pastes: &[&Paste], instrument: &Instrument, session: Option<&str>) -> Self {
        let expected_session = code::session_hash(session);
        let mut sets = category_sets(instrument);
        let mut stats: Vec<Stat> = crate::scoring::score_ids(instrument)
            .iter()
            .map(|id| Stat::new(id))
            .collect();
        let (rows, columns) = match &instrument.model {
            Model::Grid(m) => (m.rows.len(), m.columns.len()),
            _ => (0, 0),
        };
        let mut grid = match &instrument.model {
            Model::Grid(m) => Some(GridProfile {
                all: CellMeans::new(rows * columns),
                by_group: m
                    .groups
                    .iter()
                    .flat_map(|g| g.options.iter())
                    .map(|_| CellMeans::new(rows * columns))
                    .collect(),
            }),
            _ => None,
        };
        let mut seen: FnvSet<&str> = FnvSet::default();
        let mut report = GroupReport {
            candidates: pastes.iter().map(|p| p.candidates()).sum(),
            members: Vec::new(),
            rejected: Vec::new(),
            stats: Vec::new(),
            categories: Vec::new(),
            grid: None,
            not_applicable: 0,
            others: None,
        };
        let mut responses: Vec<&Response> = Vec::new();
        for read in pastes.iter().flat_map(|p| &p.codes) {
            let reject = |why| Rejected {
                text: read.text.clone(),
                why,
            };
            let code = match &read.code {
                Ok(code) => code,
                Err(why) => {
                    report.rejected.push(reject(why.clone()));
                    continue;
                }
            };
            if expected_session != 0 && code.session != expected_session {
                report.rejected.push(reject(Rejection::OtherSession));
                continue;
            }
            if !seen.insert(&code.symbols) {
                report.rejected.push(reject(Rejection::Duplicate));
                continue;
            }
            let scored = match &code.scored {
                Ok(scored) => scored,
                Err(why) => {
                    report.rejected.push(reject(why.clone()));
                    continue;
                }
            };
            report.not_applicable += scored.not_applicable;
            responses.extend(&code.response);
            for (stat, &value) in stats.iter_mut().zip(&scored.scores) {
                stat.add(value);
            }
            for (set, &c) in sets.iter_mut().zip(&scored.categories) {
                if let Some(entry) = set.entries.get_mut(c) {
                    entry.2 += 1;
                }
            }
            if let (Some(grid), Some((cells, group))) = (grid.as_mut(), &scored.grid) {
                grid.all.add(cells);
                if let Some(g) = group.and_then(|g| grid.by_group.get_mut(usize::from(g))) {
                    g.add(cells);
                }
            }
            report.members.push(Member {
                code: code.symbols.clone(),
                group: code.group,
                categories: scored.categories.clone(),
                scores: scored.scores.clone(),
                not_applicable: scored.not_applicable,
            });
        }
        if let Some(grid) = grid.as_mut() {
            grid.all.finish(rows, columns);
            for g in &mut grid.by_group {
                g.finish(rows, columns);
            }
        }
        if report.members.is_empty() {
            stats.clear();
        }
        report.stats = stats;
        report.categories = sets;
        report.grid = grid;
        report.others = group_others(pastes, instrument, expected_session, &responses);
        report
    }

    /// The statistics of score `id`, if any member has it.
    pub fn stat(&self, id: &str) -> Option<&Stat> {
        self.stats.iter().find(|s| s.id == id)
    }

    /// How the members of each category of set `rows` fall into the categories of set
    /// `columns` (by [`CategorySet::id`]): `counts[row][column]`, such as what each
    /// stakeholder group would address first. `None` if the report has no such sets.
    pub fn cross(&self, rows: &str, columns: &str) -> Option<Vec<Vec<usize>>> {
        let at = |id: &str| self.categories.iter().position(|s| s.id == id);
        let (r, c) = (at(rows)?, at(columns)?);
        let width = self.categories[c].entries.len();
        let mut counts = vec![vec![0; width]; self.categories[r].entries.len()];
        for m in &self.members {
            if let (Some(&i), Some(&j)) = (m.categories.get(r), m.categories.get(c))
                && let Some(cell) = counts.get_mut(i).and_then(|row| row.get_mut(j))
            {
                *cell += 1;
            }
        }
        Some(counts)
    }

    /// How many codes were left out for reasons of `kind` (see [`Rejection::kind`]).
    pub fn rejected_count(&self, kind: &str) -> usize {
        self.rejected
            .iter()
            .filter(|r| r.why.kind() == kind)
            .count()
    }

    /// The group as CSV: one row per member (code, respondent group, categories, scores),
    /// then one row per code left out with the reason. Values never hold commas or quotes.
    pub fn csv(&self, instrument: &Instrument) -> String {
        let mut out = String::from("code,status");
        let group_names: Vec<String> = instrument
            .groups()
            .map(|g| g.options.iter().map(|o| o.id.clone()).collect())
            .unwrap_or_default();
        if !group_names.is_empty() {
            out.push_str(",group");
        }
        for set in &self.categories {
            out.push(',');
            out.push_str(set.id);
        }
        for stat in &self.stats {
            out.push(',');
            out.push_str(&stat.id);
        }
        out.push_str(",not_applicable\n");
        for m in &self.members {
            out.push_str(&m.code);
            out.push_str(",ok");
            if !group_names.is_empty() {
                out.push(',');
                out.push_str(
                    m.group
                        .and_then(|g| group_names.get(usize::from(g)))
                        .map_or("", String::as_str),
                );
            }
            for (set, &c) in self.categories.iter().zip(&m.categories) {
                out.push(',');
                out.push_str(set.entries.get(c).map_or("", |e| e.0.as_str()));
            }
            for value in &m.scores {
                out.push(',');
                out.push_str(&format_number(*value));
            }
            out.push(',');
            out.push_str(&m.not_applicable.to_string());
            out.push('\n');
        }
        for r in &self.rejected {
            let text: String = r
                .text
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            out.push_str(&text);
            out.push(',');
            out.push_str(r.why.kind());
            out.push('\n');
        }
        out
    }
}

/// The name of [`GroupReport::csv`]'s file: the instrument's id and the session's letters,
/// digits, `-` and `_`.
///
/// ```
/// # use candor_core::{builtin, group::csv_file_name};
/// let instrument = builtin::load("customer-focus").unwrap();
/// assert_eq!(csv_file_name(&instrument, "WS 42/b"), "candor-group-customer-focus-WS42b.csv");
/// ```
pub fn csv_file_name(instrument: &Instrument, session: &str) -> String {
    let session: String = (session.chars())
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    format!("candor-group-{}-{session}.csv", instrument.id())
}

/// A number as CSV writes it: whole numbers without a decimal point, others with up to two.
fn format_number(value: f64) -> String {
    crate::decimal::decimal(value, 2, ".")
}
