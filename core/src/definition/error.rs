//! What can be wrong with a definition, and where.
//!
//! Each [`DefinitionError`] carries the path of the offending field, written the way a
//! trainer would point at it (`items[3].scale`), and a message that says what to change.
//! The reader collects all of them: [`DefinitionErrors`] is never empty.

use std::fmt;

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
    Syntax(String),
    TooLarge {
        bytes: usize,
    },
    Missing,
    WrongType {
        expected: &'static str,
        found: &'static str,
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
    Duplicate {
        id: String,
    },
    Unknown {
        what: &'static str,
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
    NoItems {
        what: String,
    },
    NoOption {
        level: u8,
    },
    QuadrantMissing {
        x: &'static str,
        y: &'static str,
    },
    PairMissing {
        a: String,
        b: String,
    },
    Uneven {
        what: String,
        expected: String,
        found: String,
    },
    Mismatch(String),
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

    /// What is wrong and what to do, without the path.
    pub fn message(&self) -> String {
        use Kind::*;
        match &self.kind {
            Syntax(e) => format!("this is not valid JSON ({e})"),
            TooLarge { bytes } => format!(
                "the definition is {} KB; the limit is {} KB",
                bytes.div_ceil(1024),
                super::MAX_JSON_BYTES / 1024
            ),
            Missing => "is required but missing".into(),
            WrongType { expected, found } => format!("must be {expected}, found {found}"),
            UnknownField => "unknown field (check its spelling; fields are case-sensitive)".into(),
            Empty => "must not be empty".into(),
            TooLong { chars } => format!(
                "text is {chars} characters long; the limit is {}",
                super::MAX_TEXT_CHARS
            ),
            TooMany { limit, found } => format!("has {}; the limit is {limit}", entries(*found)),
            TooFew { least, found } => {
                format!(
                    "has {}; at least {} needed",
                    entries(*found),
                    entries(*least)
                )
            }
            BadId => "an id may only hold letters, digits, '-' and '_' (1 to 64 of them)".into(),
            OutOfRange { min, max, found } => {
                format!("{found} is out of range; it must be from {min} to {max}")
            }
            NotWhole => "must be a whole number".into(),
            Duplicate { id } => format!("duplicate id \"{id}\"; ids must be unique"),
            Unknown { what, id } => format!("unknown {what} \"{id}\""),
            UnsupportedModel { found } => format!(
                "unknown model kind \"{found}\"; use one of \"subscales\", \"levels\", \"ratio\", \"grid\""
            ),
            NotAscending => "option values must go up strictly from first to last".into(),
            WeightsLength {
                scale,
                expected,
                found,
            } => format!(
                "has {found} weights but scale \"{scale}\" has {expected} options; give one weight per option"
            ),
            BandGap { from, to } => {
                format!("bands leave scores {from} to {to} uncovered")
            }
            BandOverlap { from, to } => format!("bands overlap on scores {from} to {to}"),
            BandStart { expected, found } => {
                format!("the first band starts at {found}; it must start at {expected}")
            }
            BandEnd { expected, found } => {
                format!("the last band ends at {found}; it must end at {expected}")
            }
            BandEmpty => "min must not be greater than max".into(),
            NoItems { what } => format!("{what} has no item; give it at least one"),
            NoOption { level } => format!("no option for level {level}; give one per level"),
            QuadrantMissing { x, y } => format!("no quadrant for x {x} and y {y}"),
            PairMissing { a, b } => format!("no temperament for the pair {a} + {b}"),
            Uneven {
                what,
                expected,
                found,
            } => format!("{what}: expected {expected}, found {found}"),
            Mismatch(message) => message.clone(),
        }
    }
}

fn entries(n: usize) -> String {
    if n == 1 {
        "1 entry".to_owned()
    } else {
        format!("{n} entries")
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
