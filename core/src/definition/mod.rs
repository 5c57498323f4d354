//! Instrument definitions: the validated form every built-in and custom instrument takes.
//!
//! * An [`Instrument`] can only be made by [`Instrument::from_value`] (or
//!   [`Instrument::from_json`]). It reads a JSON tree and checks every rule in one pass.
//!   A built-in also comes packed ([`packed`]): what the reader made of it, written at
//!   build time and unpacked only when its digest is one this build wrote.
//! * An invalid instrument therefore cannot exist: the widget never runs half of a broken
//!   definition.
//! * The JSON format itself is documented in `docs/instrument-format.md` and
//!   `docs/instrument.schema.json`.
//! * The types here are plain data.
//! * The instrument's [`Model`] fixes which answers an item takes, and what it feeds.
//! * The reader guarantees that every item agrees with its model, so the scoring code can
//!   index without checking again.
//! * For example, a subscale item names a subscale of the model, and a level item has one
//!   option per level.
//!
//! ```
//! use candor_core::definition::Instrument;
//! let text = candor_core::builtin::source("service-or-servility").unwrap();
//! let instrument = Instrument::from_json(text).unwrap();
//! assert_eq!(instrument.items().len(), 16);
//! ```

mod error;
#[cfg(feature = "packed")]
pub mod packed;
mod reader;

pub use error::{DefinitionError, DefinitionErrors};

use crate::json::Value;

/// Largest definition the widget accepts, in bytes of JSON text.
pub const MAX_JSON_BYTES: usize = 256 * 1024;
/// Most items an instrument may have.
pub const MAX_ITEMS: usize = 200;
/// Longest text (question, option, band or result text), in characters.
pub const MAX_TEXT_CHARS: usize = 2000;
/// Most options a rating scale may have.
pub const MAX_SCALE_OPTIONS: usize = 11;
/// Most levels a level-placement instrument may have.
pub const MAX_LEVELS: usize = 9;

/// The identifier of an instrument, such as `trust-equation`: letters, digits, `-` and `_`.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InstrumentId(String);

impl InstrumentId {
    /// The id as written in the definition.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Checks the id's spelling: 1 to 64 ASCII letters, digits, `-` or `_`.
    pub fn parse(id: &str) -> Option<Self> {
        is_valid_id(id).then(|| Self(id.to_owned()))
    }
}

impl std::fmt::Display for InstrumentId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The identifier of an item within its instrument.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ItemId(String);

impl ItemId {
    /// The id as written in the definition.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How an id (of an instrument, or a storage namespace) is spelled, as a regular
/// expression for the element class, which checks a namespace before any WebAssembly:
/// the same rule as [`InstrumentId::parse`].
pub const ID_RULE: &str = "^[A-Za-z0-9_-]{1,64}$";

pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A validated instrument: content, scales, items and the model that scores them.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct Instrument {
    /// Stable id, used in storage keys and result codes.
    pub(crate) id: InstrumentId,
    /// Content version; a change restarts answers in progress saved under an older one.
    pub(crate) version: u16,
    /// Language of the texts, such as `en` or `fr`.
    pub(crate) locale: String,
    /// Title shown on the intro and result screens.
    pub(crate) title: String,
    /// What the instrument is about, shown before the first question.
    pub(crate) intro: String,
    /// How long it takes, in minutes.
    pub(crate) minutes: u8,
    /// The reference period for frequency items ("In the last three months"), if any.
    pub(crate) period: Option<String>,
    /// What a result does *not* mean: a self-perception, not a verdict.
    pub(crate) caveat: String,
    /// Where the model comes from.
    pub(crate) credit: Credit,
    /// The answer scales that rated items use.
    pub(crate) scales: Vec<Scale>,
    /// The questions, in the order they are asked.
    pub(crate) items: Vec<Item>,
    /// How answers become a result.
    pub(crate) model: Model,
    /// Fewest real answers (not "does not apply") a subscale, component or cell needs to be
    /// scored; for a level model, the whole placement.
    pub(crate) min_answers: u8,
    /// Earlier versions whose answers fit this one (the same items, in the same order, with
    /// the same options): their attempts and result codes are read as this version's.
    pub(crate) earlier: Vec<u16>,
}

/// The source of the model an instrument measures.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct Credit {
    /// The model's name ("The trust equation").
    pub model: String,
    /// Who published it, and where.
    pub source: String,
    /// A link to the source, if any.
    pub url: Option<String>,
}

/// An answer scale: ordered options, each with a numeric value.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    /// The id items refer to.
    pub id: String,
    /// The options in display order, values strictly ascending.
    pub options: Vec<ScaleOption>,
    /// The label of the "does not apply" answer on this scale ("Does not apply", "I can't
    /// tell"), offered by the items that ask for it.
    pub not_applicable: Option<String>,
}

/// One option of a scale.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct ScaleOption {
    /// What the reader sees ("Often").
    pub label: String,
    /// The number this answer counts as in component and grid models.
    pub value: i32,
}

/// One question.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Stable id within the instrument.
    pub id: ItemId,
    /// The question or statement.
    pub text: String,
    /// How it is answered and what it feeds.
    pub kind: ItemKind,
    /// One concrete thing to try, shown when this item stands out in a result.
    pub try_next: Option<String>,
    /// The same tip for a reader who cannot act on it but can raise it ("Ask your manager
    /// whether…"), shown to the respondent groups that do not act.
    pub raise: Option<String>,
    /// The version that added the item, if a later one than the first: answers given to
    /// earlier versions have none for it and read as "does not apply", which it offers.
    pub added_in: Option<u16>,
    /// The version from which the item states the opposite of its earlier wording (it was
    /// turned into a reverse-keyed item): an answer given to an earlier version counts
    /// backwards on its options.
    pub opposite_from: Option<u16>,
    /// Whether the item offers a "does not apply" answer, after its options. That answer is
    /// stored as the option index one past the last, and is left out of every score.
    pub not_applicable: bool,
    /// The item as others answer it about the person who asked them ("{name} tells a
    /// client when…"), if the instrument can be answered by others (see [`crate::others`]).
    pub rater: Option<String>,
}

/// How an item is answered, and which part of the model its answer feeds.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub enum ItemKind {
    /// Answered on a scale; feeds a subscale, a component or a grid cell.
    Rated {
        /// Index into [`Instrument::scales`].
        scale: usize,
        /// Reverse-keyed: the top option counts as the bottom one.
        reverse: bool,
        /// What the answer feeds.
        feeds: Feeds,
    },
    /// A situation with one response per level, shown in a shuffled order.
    Levels {
        /// The responses in definition order; `options[i].level` is 1-based.
        options: Vec<LevelOption>,
    },
}

/// The part of a model that a rated item feeds.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feeds {
    /// Index into [`SubscaleModel::subscales`].
    Subscale(usize),
    /// Index into [`RatioModel::components`].
    Component(usize),
    /// A cell of the grid, by row and column index.
    Cell {
        /// Index into [`GridModel::rows`].
        row: usize,
        /// Index into [`GridModel::columns`].
        column: usize,
    },
    /// No score: the grid's priority question, what the reader would address first. Its
    /// answer is reported beside the scores.
    Priority,
}

/// One response of a level item.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct LevelOption {
    /// The level this response shows, 1-based.
    pub level: u8,
    /// What the reader sees.
    pub text: String,
}

/// A named range of an integer score, with what it means.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    /// Lowest score in the band, inclusive.
    pub min: i32,
    /// Highest score in the band, inclusive.
    pub max: i32,
    /// Short name ("Station One").
    pub name: String,
    /// What a score in this band means.
    pub text: String,
}

/// Bands that cover a score range with no gap and no overlap, lowest first.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct Bands(pub(crate) Vec<Band>);

impl Bands {
    /// The band holding `score`; scores outside the covered range clamp to the end bands.
    pub fn find(&self, score: i32) -> &Band {
        let index = self
            .0
            .iter()
            .position(|b| score <= b.max)
            .unwrap_or(self.0.len() - 1);
        &self.0[index]
    }

    /// Position of the band holding `score`, 0 = lowest.
    pub fn position(&self, score: i32) -> usize {
        self.0
            .iter()
            .position(|b| score <= b.max)
            .unwrap_or(self.0.len() - 1)
    }

    /// All bands, lowest first.
    pub fn as_slice(&self) -> &[Band] {
        &self.0
    }
}

/// How an instrument turns answers into a result.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub enum Model {
    /// Frequency subscales with non-linear weights, a quadrant map and a slope.
    Subscales(SubscaleModel),
    /// Level placement: distribution, median level, consistency.
    Levels(LevelModel),
    /// Component ratio: sums, quotient, temperament, balance.
    Ratio(RatioModel),
    /// Grid: cells, row and column means, strongest and weakest cells.
    Grid(GridModel),
}

impl Model {
    /// The name of the model kind as written in a definition.
    pub fn kind(&self) -> &'static str {
        match self {
            Model::Subscales(_) => "subscales",
            Model::Levels(_) => "levels",
            Model::Ratio(_) => "ratio",
            Model::Grid(_) => "grid",
        }
    }
}

/// Two subscales scored 0–100 from per-option weights, placed on a map of four quadrants.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct SubscaleModel {
    /// Exactly two subscales: `subscales[map.x]` and `subscales[map.y]`.
    pub subscales: Vec<Subscale>,
    /// The map the two subscales span.
    pub map: QuadrantMap,
    /// The subscale whose bands form the slope shown on the result, if any.
    pub slope: Option<usize>,
    /// Which answers are reported as habits worth changing, if any.
    pub habits: Option<Habits>,
}

/// A subscale: the mean of its items' weights, 0–100.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct Subscale {
    /// Id items refer to.
    pub id: String,
    /// Name shown on the result.
    pub name: String,
    /// Points (0–100) per option of the scale, after reverse keying.
    pub weights: Vec<u8>,
    /// What ranges of the score mean, covering 0–100.
    pub bands: Bands,
}

/// A 2-D map of two subscales split into four named quadrants.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct QuadrantMap {
    /// Subscale on the horizontal axis.
    pub x: usize,
    /// Subscale on the vertical axis.
    pub y: usize,
    /// A score at or above this counts as high on the x axis.
    pub x_split: u8,
    /// A score at or above this counts as high on the y axis.
    pub y_split: u8,
    /// Quadrants indexed by `high_x as usize + 2 * high_y as usize`.
    pub quadrants: Box<[Quadrant; 4]>,
}

/// A named region of the map.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct Quadrant {
    /// Stable id, used in group counts and CSV.
    pub id: String,
    /// Headline shown on the result.
    pub name: String,
    /// What landing here means.
    pub text: String,
    /// One concrete next step.
    pub next: String,
}

/// Which answers count as habits: items of one subscale whose weight reaches a threshold.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct Habits {
    /// The subscale whose items are considered.
    pub subscale: usize,
    /// Least weight an answer must carry to be reported.
    pub min_weight: u8,
    /// Most habits reported.
    pub max: u8,
}

/// Levels 1..=n; each level item offers one response per level.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct LevelModel {
    /// Levels in order, `levels[0]` is level 1.
    pub levels: Vec<Level>,
    /// The dimensions along which moving up a level changes things.
    pub dimensions: Vec<String>,
    /// The label of the "does not apply" answer of the items that offer one.
    pub not_applicable: Option<String>,
}

/// One level of a level model.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct Level {
    /// Short name.
    pub name: String,
    /// The name the model's source gives this level, if it differs, so a trainer can map
    /// the two.
    pub source_name: Option<String>,
    /// Concrete things to try to move up from this level; absent for the top level.
    pub try_next: Option<String>,
    /// What working at this level looks like.
    pub text: String,
    /// What moving one level up changes, one text per dimension; empty for the top level.
    pub up: Vec<String>,
}

/// Components summed from their items; a quotient of numerators over one denominator.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct RatioModel {
    /// All components; the denominator is one of them.
    pub components: Vec<Component>,
    /// Index of the denominator component (self-orientation in the trust equation).
    pub denominator: usize,
    /// The order that breaks exact ties between virtues, strongest first; holds every
    /// component index once (the denominator standing for its inverse, e.g. low-S).
    pub tie_order: Vec<usize>,
    /// One temperament per unordered pair of virtues.
    pub temperaments: Vec<Temperament>,
    /// What a flat profile is called (every virtue within a point of the others), if the
    /// model names it; without it, a flat profile gets the temperament of its tie order.
    pub balanced: Option<Balanced>,
    /// What ranges of the quotient mean, in tenths.
    pub quotient_bands: Bands,
    /// What ranges of the spread between virtues mean.
    pub balance_bands: Bands,
    /// A published reference figure to show beside the quotient, if any.
    pub reference: Option<Reference>,
}

/// One component of a ratio model.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct Component {
    /// Id items refer to ("C").
    pub id: String,
    /// Name shown on the result ("Credibility").
    pub name: String,
    /// Name of the virtue this component stands for in temperaments; for the denominator
    /// this names its inverse ("Low self-orientation").
    pub virtue: String,
    /// A concrete practice, shown when this is the weakest virtue.
    pub practice: String,
}

/// A trust temperament: the pair of the two strongest virtues.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct Temperament {
    /// The two component indices, in ascending order.
    pub pair: [usize; 2],
    /// Name.
    pub name: String,
    /// Description.
    pub text: String,
}

/// The name and meaning of a flat profile, where no pair of virtues stands out.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct Balanced {
    /// Name.
    pub name: String,
    /// Description.
    pub text: String,
}

/// A published reference figure.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    /// The reference mean of the quotient, in tenths.
    pub mean_tenths: i32,
    /// What the figure is and why ours is only loosely comparable.
    pub text: String,
}

/// Rows × columns of cells, each fed by one or more items, with optional respondent groups.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct GridModel {
    /// Row labels.
    pub rows: Vec<Label>,
    /// Column labels.
    pub columns: Vec<Label>,
    /// The groups a respondent picks from before the first item, if any.
    pub groups: Option<Groups>,
    /// What ranges of the overall mean (0–100) mean.
    pub bands: Bands,
}

/// An id and a display name.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// Stable id.
    pub id: String,
    /// Name shown to the reader.
    pub name: String,
}

/// The respondent-group question of a grid model.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct Groups {
    /// The question ("Which best describes you?").
    pub question: String,
    /// The groups to pick from.
    pub options: Vec<GroupOption>,
}

/// One respondent group.
#[cfg_attr(feature = "packed", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct GroupOption {
    /// Stable id.
    pub id: String,
    /// Name shown to the reader.
    pub name: String,
    /// Whether its members can act on what the result suggests (managers) rather than
    /// raise it (employees, customers): they are shown the items' `try` texts, the others
    /// their `raise` texts where an item has one.
    pub acts: bool,
}

impl Instrument {
    /// Reads a definition from JSON text ([`crate::json::text::parse`]). Every problem is
    /// reported, each with its path; a syntax error alone, with its line and column.
    pub fn from_json(text: &str) -> Result<Self, DefinitionErrors> {
        if text.len() > MAX_JSON_BYTES {
            return Err(DefinitionErrors::single(DefinitionError::too_large(
                text.len(),
            )));
        }
        let value = crate::json::text::parse(text)
            .map_err(|e| DefinitionErrors::single(DefinitionError::syntax(e.to_string())))?;
        reader::read(&value)
    }

    /// Reads a definition from a JSON tree; see [`Instrument::from_json`].
    pub fn from_value(value: &Value) -> Result<Self, DefinitionErrors> {
        reader::read(value)
    }

    /// Stable id, used in storage keys and result codes.
    pub fn id(&self) -> &InstrumentId {
        &self.id
    }

    /// Content version; a change restarts answers in progress saved under an older one.
    pub fn version(&self) -> u16 {
        self.version
    }

    /// Language of the texts, such as `en` or `fr`.
    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// Title shown on the intro and result screens.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// What the instrument is about, shown before the first question.
    pub fn intro(&self) -> &str {
        &self.intro
    }

    /// How long it takes, in minutes.
    pub fn minutes(&self) -> u8 {
        self.minutes
    }

    /// The reference period for frequency items ("In the last three months"), if any.
    pub fn period(&self) -> Option<&str> {
        self.period.as_deref()
    }

    /// What a result does *not* mean: a self-perception, not a verdict.
    pub fn caveat(&self) -> &str {
        &self.caveat
    }

    /// Where the model comes from.
    pub fn credit(&self) -> &Credit {
        &self.credit
    }

    /// The answer scales that rated items use.
    pub fn scales(&self) -> &[Scale] {
        &self.scales
    }

    /// The questions, in the order they are asked.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// How answers become a result.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The scale a rated item uses, or `None` for a level item.
    pub fn scale_of(&self, item: &Item) -> Option<&Scale> {
        match item.kind {
            ItemKind::Rated { scale, .. } => self.scales.get(scale),
            ItemKind::Levels { .. } => None,
        }
    }

    /// How many options item `index` offers, not counting "does not apply".
    pub fn option_count(&self, index: usize) -> usize {
        match self.items.get(index).map(|i| &i.kind) {
            Some(ItemKind::Rated { scale, .. }) => self.scales[*scale].options.len(),
            Some(ItemKind::Levels { options }) => options.len(),
            None => 0,
        }
    }

    /// How many answers item `index` takes: its options, and "does not apply" if offered.
    pub fn answer_count(&self, index: usize) -> usize {
        self.option_count(index) + usize::from(self.not_applicable(index).is_some())
    }

    /// The label of item `index`'s "does not apply" answer, if it offers one.
    pub fn not_applicable(&self, index: usize) -> Option<&str> {
        let item = self.items.get(index).filter(|i| i.not_applicable)?;
        match (&item.kind, &self.model) {
            (ItemKind::Rated { scale, .. }, _) => self.scales[*scale].not_applicable.as_deref(),
            (ItemKind::Levels { .. }, Model::Levels(model)) => model.not_applicable.as_deref(),
            _ => None,
        }
    }

    /// Whether `answer` to item `index` is its "does not apply" answer.
    pub fn is_not_applicable(&self, index: usize, answer: u8) -> bool {
        self.items.get(index).is_some_and(|i| i.not_applicable)
            && usize::from(answer) == self.option_count(index)
    }

    /// Fewest real answers a subscale, component or cell (or a level placement) needs to
    /// be scored.
    pub fn min_answers(&self) -> usize {
        usize::from(self.min_answers)
    }

    /// Whether answers given to `version` are read as this version's: it is this version or
    /// one of the [earlier](Self::earlier) ones that fit.
    pub fn reads_version(&self, version: u16) -> bool {
        version == self.version || self.earlier.contains(&version)
    }

    /// Earlier versions whose answers fit this one.
    pub fn earlier(&self) -> &[u16] {
        &self.earlier
    }

    /// Whether item `index` was asked in `version`: not an item added since.
    pub fn asked_in(&self, index: usize, version: u16) -> bool {
        self.items
            .get(index)
            .is_some_and(|item| item.added_in.is_none_or(|added| added <= version))
    }

    /// Reads `answers` given to `version` (one per item asked then) as this version's: an
    /// item added since reads "does not apply", and an item that states the opposite since
    /// counts a real answer backwards on its options. Answers of another length than the
    /// items asked in `version` are returned as they are.
    pub fn read_answers(&self, version: u16, answers: Vec<Option<u8>>) -> Vec<Option<u8>> {
        let asked = (0..self.items.len())
            .filter(|&i| self.asked_in(i, version))
            .count();
        if answers.len() != asked {
            return answers;
        }
        let mut given = answers.into_iter();
        (self.items.iter().enumerate())
            .map(|(index, item)| {
                let options = self.option_count(index);
                if !self.asked_in(index, version) {
                    return Some(options as u8);
                }
                let answer = given.next().flatten()?;
                let turned = item.opposite_from.is_some_and(|from| version < from);
                Some(if turned && usize::from(answer) < options {
                    (options - 1) as u8 - answer
                } else {
                    answer
                })
            })
            .collect()
    }

    /// The groups a respondent picks from first, if the model has any.
    pub fn groups(&self) -> Option<&Groups> {
        match &self.model {
            Model::Grid(grid) => grid.groups.as_ref(),
            _ => None,
        }
    }
}
