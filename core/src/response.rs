//! A reader's answers to one instrument, in the instrument's item order.
//!
//! * An answer is the index of the chosen option *in definition order*.
//! * For a rated item, that is the position on its scale.
//! * For a level item, it is the position in the item's `options` list.
//! * The order a level item's options were *shown* in is a separate matter (see
//!   [`crate::shuffle`]).
//! * Storing definition-order indices keeps answers meaningful whatever the shuffle.
//! * "Does not apply", on an item that offers it, is the index one past the item's last
//!   option ([`Instrument::answer_count`] counts it).

use crate::definition::Instrument;

/// The answers given so far, plus the respondent group where the model asks for one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Response {
    /// One entry per item; `None` while unanswered.
    pub answers: Vec<Option<u8>>,
    /// Index of the chosen group for grid models with groups.
    pub group: Option<u8>,
}

/// Why a response cannot be scored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResponseError {
    /// The response has a different number of answers than the instrument has items.
    WrongLength {
        /// Items in the instrument.
        expected: usize,
        /// Answers in the response.
        found: usize,
    },
    /// Some items have no answer yet.
    Incomplete {
        /// Indices of the unanswered items, in order.
        missing: Vec<usize>,
    },
    /// An answer names an option the item does not have.
    NoSuchOption {
        /// The item's index.
        item: usize,
        /// The option given.
        option: u8,
    },
    /// The model asks for a group and none was chosen.
    NoGroup,
    /// The chosen group does not exist.
    NoSuchGroup(u8),
}

impl std::fmt::Display for ResponseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::WrongLength { expected, found } => {
                write!(f, "expected {expected} answers, found {found}")
            }
            Self::Incomplete { missing } => {
                write!(f, "{} question(s) have no answer yet", missing.len())
            }
            Self::NoSuchOption { item, option } => {
                write!(f, "question {} has no option {option}", item + 1)
            }
            Self::NoGroup => f.write_str("no group was chosen"),
            Self::NoSuchGroup(g) => write!(f, "there is no group {g}"),
        }
    }
}

impl std::error::Error for ResponseError {}

impl Response {
    /// An empty response for `instrument`: every item unanswered.
    pub fn empty(instrument: &Instrument) -> Self {
        Self {
            answers: vec![None; instrument.items.len()],
            group: None,
        }
    }

    /// A complete response for `instrument`, each choice made by `pick`: called with the
    /// number of options of each item in turn (never "does not apply"), then of the group where the model asks for
    /// one, it returns the index chosen (reduced modulo that number, so any `u8` is valid).
    /// For tests, benchmarks and sample data.
    pub fn complete_with(instrument: &Instrument, mut pick: impl FnMut(usize) -> u8) -> Self {
        let mut choose = |n: usize| (usize::from(pick(n)) % n.max(1)) as u8;
        Self {
            answers: (0..instrument.items.len())
                .map(|i| Some(choose(instrument.option_count(i))))
                .collect(),
            group: instrument.groups().map(|g| choose(g.options.len())),
        }
    }

    /// A complete response for `instrument` with every choice drawn from a pseudo-random
    /// sequence seeded with `seed` (the same on every platform): sample data for benchmarks
    /// and examples.
    pub fn sample(instrument: &Instrument, seed: u64) -> Self {
        let mut rng = crate::shuffle::SplitMix(seed);
        Self::complete_with(instrument, |n| rng.below(n) as u8)
    }

    /// How many answers are "does not apply".
    pub fn not_applicable(&self, instrument: &Instrument) -> usize {
        (self.answers.iter().enumerate())
            .filter(|(i, a)| a.is_some_and(|a| instrument.is_not_applicable(*i, a)))
            .count()
    }

    /// How many items have an answer.
    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }

    /// Checks that every answer exists on its item and, with `complete`, that nothing is
    /// missing; returns the chosen options, one per item.
    pub fn check(&self, instrument: &Instrument, complete: bool) -> Result<Vec<u8>, ResponseError> {
        if self.answers.len() != instrument.items.len() {
            return Err(ResponseError::WrongLength {
                expected: instrument.items.len(),
                found: self.answers.len(),
            });
        }
        for (item, answer) in self.answers.iter().enumerate() {
            if let Some(option) = *answer
                && usize::from(option) >= instrument.answer_count(item)
            {
                return Err(ResponseError::NoSuchOption { item, option });
            }
        }
        if let Some(groups) = instrument.groups() {
            match self.group {
                Some(g) if usize::from(g) >= groups.options.len() => {
                    return Err(ResponseError::NoSuchGroup(g));
                }
                None if complete => return Err(ResponseError::NoGroup),
                _ => {}
            }
        }
        let missing: Vec<usize> = (0..self.answers.len())
            .filter(|&i| self.answers[i].is_none())
            .collect();
        if complete && !missing.is_empty() {
            return Err(ResponseError::Incomplete { missing });
        }
        Ok(self.answers.iter().map(|a| a.unwrap_or(0)).collect())
    }
}
