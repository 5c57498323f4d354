//! What can be wrong with a definition, and where.
//!
//! * Each [`DefinitionError`] carries the path of the offending field, written the way a
//!   trainer would point at it (`items[3].scale`).
//! * It also carries a message that says what to change.
//! * The reader collects all of them: [`DefinitionErrors`] is never empty.

use std::fmt;

use crate::json::ValueType;
use crate::messages::{self, Messages, fill};

/// One problem in a definition.
#[derive(Clone, Debug, PartialEq)]
pub struct DefinitionError {
    path: String,
    kind: Kind,
}

/// The kinds of problems; private so new kinds can be added without breaking callers.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub(crate) enum Kind {
    /// The parser's own words.
    Syntax(String),
    TooLarge {
        bytes: usize,
    },
    Missing,
    WrongType {
        expected: ValueType,
        found: ValueType,
    },
    UnknownField,
    Empty,
    TooLong {
        chars: usize,
    },
    TooMany {
        limit: usize,
        found: usize,
    },
    TooFew {
        least: usize,
        found: usize,
    },
    BadId,
    OutOfRange {
        min: f64,
        max: f64,
        found: f64,
    },
    NotWhole,
    TooManyDecimals,
    Duplicate {
        id: String,
    },
    Unknown {
        what: Named,
        id: String,
    },
    UnsupportedModel {
        found: String,
    },
    NotAscending,
    WeightsLength {
        scale: String,
        expected: usize,
        found: usize,
    },
    BandGap {
        from: f64,
        to: f64,
    },
    BandOverlap {
        from: f64,
        to: f64,
    },
    BandStart {
        expected: f64,
        found: f64,
    },
    BandEnd {
        expected: f64,
        found: f64,
    },
    BandEmpty,
    SubscaleWithoutItems {
        id: String,
    },
    ComponentWithoutItems {
        id: String,
    },
    CellWithoutItems {
        row: String,
        column: String,
    },
    NoOption {
        level: u8,
    },
    QuadrantMissing {
        x_high: bool,
        y_high: bool,
    },
    PairMissing {
        a: String,
        b: String,
    },
    TextsPerDimension {
        expected: usize,
        found: usize,
    },
    Unreadable,
    BadLocale {
        found: String,
    },
    BadLink,
    SameAxes,
    QuadrantTaken,
    NotHighOrLow {
        found: String,
    },
    TopLevelUp,
    ComponentOrder {
        ids: Vec<String>,
    },
    PairSame,
    TryMissing,
    MixedScales {
        component: String,
    },
    /// Each component's id, item count and scale id.
    UnevenComponents {
        found: Vec<(String, usize, String)>,
    },
    ScaleNotPositive,
    /// An item offers "does not apply" where no label for it is given.
    NoNotApplicableLabel {
        /// Where the label belongs: a scale's id, or the model.
        owner: String,
    },
    /// An item added in a later version that does not offer "does not apply", which is how
    /// answers from before it read.
    AddedWithoutNotApplicable,
    /// Some items have a rater text and this one has none: others answer every item.
    RaterMissing,
    /// A rater text that does not name the person with `{name}`.
    RaterUnnamed,
    /// A part with fewer items than the model's `min_answers` could never be scored.
    MinAnswersUnreachable {
        part: String,
        items: usize,
        least: usize,
    },
}

/// What an id that names nothing was meant to name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Named {
    Scale,
    Subscale,
    Component,
    Row,
    Column,
}

impl DefinitionError {
    pub(crate) fn new(path: impl Into<String>, kind: Kind) -> Self {
        Self {
            path: path.into(),
            kind,
        }
    }

    pub(crate) fn syntax(message: String) -> Self {
        Self::new("", Kind::Syntax(message))
    }

    pub(crate) fn too_large(bytes: usize) -> Self {
        Self::new("", Kind::TooLarge { bytes })
    }

    /// Where the problem is, such as `items[3].scale`; empty for the whole document.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong and what to do, without the path, in English.
    pub fn message(&self) -> String {
        self.message_in(&messages::EN)
    }

    /// What is wrong and what to do, without the path, in the language of `m`.
    pub fn message_in(&self, m: &Messages) -> String {
        use Kind::*;
        let n = |x: f64| m.number(x);
        let int = |x: usize| x.to_string();
        let ty = |t: ValueType| match t {
            ValueType::Null => m.type_null,
            ValueType::Boolean => m.type_boolean,
            ValueType::Number => m.type_number,
            ValueType::String => m.type_string,
            ValueType::List => m.type_list,
            ValueType::Object => m.type_object,
        };
        let high_low = |high: bool| if high { "high" } else { "low" };
        match &self.kind {
            Syntax(detail) => fill(m.syntax, &[("detail", detail)]),
            TooLarge { bytes } => fill(
                m.too_large,
                &[
                    ("size", &int(bytes.div_ceil(1024))),
                    ("limit", &int(super::MAX_JSON_BYTES / 1024)),
                ],
            ),
            Missing => m.missing.to_owned(),
            WrongType { expected, found } => {
                let expected = match expected {
                    ValueType::Boolean => m.true_or_false,
                    other => ty(*other),
                };
                fill(
                    m.wrong_type,
                    &[("expected", expected), ("found", ty(*found))],
                )
            }
            UnknownField => m.unknown_field.to_owned(),
            Empty => m.empty.to_owned(),
            TooLong { chars } => fill(
                m.too_long,
                &[
                    ("chars", &int(*chars)),
                    ("limit", &int(super::MAX_TEXT_CHARS)),
                ],
            ),
            TooMany { limit, found } => fill(
                m.too_many,
                &[("found", &m.count_entries(*found)), ("limit", &int(*limit))],
            ),
            TooFew { least, found } => fill(
                m.too_few,
                &[
                    ("found", &m.count_entries(*found)),
                    ("least", &m.count_entries(*least)),
                ],
            ),
            BadId => m.bad_id.to_owned(),
            OutOfRange { min, max, found } => fill(
                m.out_of_range,
                &[("found", &n(*found)), ("min", &n(*min)), ("max", &n(*max))],
            ),
            NotWhole => m.not_whole.to_owned(),
            TooManyDecimals => m.too_many_decimals.to_owned(),
            Duplicate { id } => fill(m.duplicate, &[("id", id)]),
            Unknown { what, id } => {
                let template = match what {
                    Named::Scale => m.unknown_scale,
                    Named::Subscale => m.unknown_subscale,
                    Named::Component => m.unknown_component,
                    Named::Row => m.unknown_row,
                    Named::Column => m.unknown_column,
                };
                fill(template, &[("id", id)])
            }
            UnsupportedModel { found } => fill(m.unsupported_model, &[("found", found)]),
            NotAscending => m.not_ascending.to_owned(),
            WeightsLength {
                scale,
                expected,
                found,
            } => fill(
                m.weights_length,
                &[
                    ("found", &int(*found)),
                    ("scale", scale),
                    ("expected", &int(*expected)),
                ],
            ),
            BandGap { from, to } => fill(m.band_gap, &[("from", &n(*from)), ("to", &n(*to))]),
            BandOverlap { from, to } => {
                fill(m.band_overlap, &[("from", &n(*from)), ("to", &n(*to))])
            }
            BandStart { expected, found } => fill(
                m.band_start,
                &[("found", &n(*found)), ("expected", &n(*expected))],
            ),
            BandEnd { expected, found } => fill(
                m.band_end,
                &[("found", &n(*found)), ("expected", &n(*expected))],
            ),
            BandEmpty => m.band_empty.to_owned(),
            SubscaleWithoutItems { id } => fill(m.subscale_without_items, &[("id", id)]),
            ComponentWithoutItems { id } => fill(m.component_without_items, &[("id", id)]),
            CellWithoutItems { row, column } => {
                fill(m.cell_without_items, &[("row", row), ("column", column)])
            }
            NoOption { level } => fill(m.no_option, &[("level", &level.to_string())]),
            QuadrantMissing { x_high, y_high } => fill(
                m.quadrant_missing,
                &[("x", high_low(*x_high)), ("y", high_low(*y_high))],
            ),
            PairMissing { a, b } => fill(m.pair_missing, &[("a", a), ("b", b)]),
            TextsPerDimension { expected, found } => fill(
                m.texts_per_dimension,
                &[("expected", &int(*expected)), ("found", &int(*found))],
            ),
            Unreadable => m.unreadable.to_owned(),
            BadLocale { found } => fill(m.bad_locale, &[("found", found)]),
            BadLink => m.bad_link.to_owned(),
            SameAxes => m.same_axes.to_owned(),
            QuadrantTaken => m.quadrant_taken.to_owned(),
            NotHighOrLow { found } => fill(m.not_high_or_low, &[("found", found)]),
            TopLevelUp => m.top_level_up.to_owned(),
            ComponentOrder { ids } => {
                fill(m.component_order, &[("ids", &ids.join(m.list_separator))])
            }
            PairSame => m.pair_same.to_owned(),
            TryMissing => m.try_missing.to_owned(),
            MixedScales { component } => fill(m.mixed_scales, &[("id", component)]),
            UnevenComponents { found } => {
                let list: Vec<String> = found
                    .iter()
                    .map(|(id, count, scale)| {
                        fill(
                            m.component_items,
                            &[("id", id), ("n", &int(*count)), ("scale", scale)],
                        )
                    })
                    .collect();
                fill(
                    m.uneven_components,
                    &[("found", &list.join(m.list_separator))],
                )
            }
            ScaleNotPositive => m.scale_not_positive.to_owned(),
            NoNotApplicableLabel { owner } => fill(m.no_not_applicable_label, &[("owner", owner)]),
            AddedWithoutNotApplicable => m.added_without_not_applicable.to_owned(),
            RaterMissing => m.rater_missing.to_owned(),
            RaterUnnamed => m.rater_unnamed.to_owned(),
            MinAnswersUnreachable { part, items, least } => fill(
                m.min_answers_unreachable,
                &[("part", part), ("n", &int(*items)), ("least", &int(*least))],
            ),
        }
    }
}

impl fmt::Display for DefinitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message())
        } else {
            write!(f, "{}: {}", self.path, self.message())
        }
    }
}

impl std::error::Error for DefinitionError {}

/// Every problem found in a definition; never empty.
#[derive(Clone, Debug, PartialEq)]
pub struct DefinitionErrors(Vec<DefinitionError>);

impl DefinitionErrors {
    pub(crate) fn single(error: DefinitionError) -> Self {
        Self(vec![error])
    }

    pub(crate) fn from_vec(errors: Vec<DefinitionError>) -> Option<Self> {
        (!errors.is_empty()).then_some(Self(errors))
    }

    /// The problems, in document order.
    pub fn as_slice(&self) -> &[DefinitionError] {
        &self.0
    }

    /// How many problems there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always false: there is at least one problem.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for DefinitionErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DefinitionErrors {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::{FR, assert_translated};

    /// One problem of every kind, with what a trainer might have typed in it.
    fn every_kind() -> Vec<Kind> {
        use Kind::*;
        let s = |t: &str| t.to_owned();
        vec![
            Syntax(s("expected `,` or `}` at line 3 column 5")),
            TooLarge { bytes: 300_000 },
            Missing,
            WrongType {
                expected: ValueType::Boolean,
                found: ValueType::String,
            },
            WrongType {
                expected: ValueType::Object,
                found: ValueType::Null,
            },
            WrongType {
                expected: ValueType::List,
                found: ValueType::Number,
            },
            UnknownField,
            Empty,
            TooLong { chars: 2_400 },
            TooMany {
                limit: 200,
                found: 201,
            },
            TooFew { least: 2, found: 1 },
            BadId,
            OutOfRange {
                min: 0.0,
                max: 10.0,
                found: 12.5,
            },
            NotWhole,
            TooManyDecimals,
            Duplicate { id: s("trust") },
            Unknown {
                what: Named::Scale,
                id: s("freq"),
            },
            Unknown {
                what: Named::Subscale,
                id: s("x"),
            },
            Unknown {
                what: Named::Component,
                id: s("x"),
            },
            Unknown {
                what: Named::Row,
                id: s("x"),
            },
            Unknown {
                what: Named::Column,
                id: s("x"),
            },
            UnsupportedModel { found: s("tree") },
            NotAscending,
            WeightsLength {
                scale: s("frequency"),
                expected: 5,
                found: 4,
            },
            BandGap { from: 4.5, to: 5.0 },
            BandOverlap { from: 3.0, to: 4.0 },
            BandStart {
                expected: 0.0,
                found: 1.0,
            },
            BandEnd {
                expected: 40.0,
                found: 39.0,
            },
            BandEmpty,
            SubscaleWithoutItems {
                id: s("partnership"),
            },
            ComponentWithoutItems {
                id: s("credibility"),
            },
            CellWithoutItems {
                row: s("lead"),
                column: s("open"),
            },
            NoOption { level: 3 },
            QuadrantMissing {
                x_high: true,
                y_high: false,
            },
            PairMissing {
                a: s("credibility"),
                b: s("intimacy"),
            },
            TextsPerDimension {
                expected: 3,
                found: 2,
            },
            Unreadable,
            BadLocale { found: s("french") },
            BadLink,
            SameAxes,
            QuadrantTaken,
            NotHighOrLow { found: s("middle") },
            TopLevelUp,
            ComponentOrder {
                ids: vec![s("credibility"), s("reliability")],
            },
            PairSame,
            TryMissing,
            MixedScales {
                component: s("intimacy"),
            },
            UnevenComponents {
                found: vec![
                    (s("credibility"), 4, s("agree")),
                    (s("intimacy"), 5, s("agree")),
                ],
            },
            ScaleNotPositive,
            NoNotApplicableLabel { owner: s("agree") },
            AddedWithoutNotApplicable,
            RaterMissing,
            RaterUnnamed,
            MinAnswersUnreachable {
                part: s("\"team\""),
                items: 2,
                least: 3,
            },
        ]
    }

    /// Fails to compile when a kind is added without a sample in `every_kind`.
    #[allow(dead_code)]
    fn listed(kind: &Kind) {
        use Kind::*;
        match kind {
            Syntax(_)
            | TooLarge { .. }
            | Missing
            | WrongType { .. }
            | UnknownField
            | Empty
            | TooLong { .. }
            | TooMany { .. }
            | TooFew { .. }
            | BadId
            | OutOfRange { .. }
            | NotWhole
            | TooManyDecimals
            | Duplicate { .. }
            | Unknown { .. }
            | UnsupportedModel { .. }
            | NotAscending
            | WeightsLength { .. }
            | BandGap { .. }
            | BandOverlap { .. }
            | BandStart { .. }
            | BandEnd { .. }
            | BandEmpty
            | SubscaleWithoutItems { .. }
            | ComponentWithoutItems { .. }
            | CellWithoutItems { .. }
            | NoOption { .. }
            | QuadrantMissing { .. }
            | PairMissing { .. }
            | TextsPerDimension { .. }
            | Unreadable
            | BadLocale { .. }
            | BadLink
            | SameAxes
            | QuadrantTaken
            | NotHighOrLow { .. }
            | TopLevelUp
            | ComponentOrder { .. }
            | PairSame
            | TryMissing
            | MixedScales { .. }
            | UnevenComponents { .. }
            | ScaleNotPositive
            | NoNotApplicableLabel { .. }
            | AddedWithoutNotApplicable
            | RaterMissing
            | RaterUnnamed
            | MinAnswersUnreachable { .. } => {}
        }
    }

    #[test]
    fn every_kind_of_problem_is_written_in_french() {
        for kind in every_kind() {
            let error = DefinitionError::new("items[3].scale", kind);
            assert_translated(&error.message(), &error.message_in(&FR));
        }
    }

    #[test]
    fn numbers_take_the_language_s_decimal_separator() {
        let error = DefinitionError::new(
            "x",
            Kind::OutOfRange {
                min: 0.5,
                max: 10.0,
                found: 12.5,
            },
        );
        assert_eq!(
            error.message(),
            "12.5 is out of range; it must be from 0.5 to 10"
        );
        assert!(error.message_in(&FR).starts_with("12,5 est hors limites"));
    }
}
