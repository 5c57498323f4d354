//! What taking an instrument needs of it: its questions, without its model or result texts.
//!
//! * [`Questions`] is made from a valid instrument ([`Instrument::questions`]).
//! * Its JSON form is checked as it is read, so the quiz can index it without looking again.
//! * The quiz, the vault's reading of an attempt in progress and the taking screens use
//!   nothing else. A widget that only asks questions is served this form.
//! * The JSON form is small: rated items name a scale, level items carry their options, and
//!   an item that offers "does not apply" carries that answer's label.
//!   [`FORMAT`] says which shape it is.

use serde::{Deserialize, Serialize};

use crate::definition::{
    Instrument, InstrumentId, ItemKind, MAX_ITEMS, MAX_LEVELS, MAX_SCALE_OPTIONS,
};

/// The version of the JSON form's shape.
pub const FORMAT: u32 = 1;

/// An instrument's questions, as the reader is asked them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Raw", into = "Raw")]
pub struct Questions {
    id: InstrumentId,
    version: u16,
    earlier: Vec<u16>,
    locale: String,
    title: String,
    intro: String,
    minutes: u8,
    period: Option<String>,
    scales: Vec<Vec<String>>,
    groups: Option<GroupQuestion>,
    items: Vec<Question>,
}

/// One question.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// The item's id.
    pub id: String,
    /// The question or statement.
    pub text: String,
    /// Where its options come from.
    pub choices: Choices,
    /// The label of its "does not apply" answer, if it offers one.
    pub not_applicable: Option<String>,
    /// The version from which it states the opposite of its earlier wording, if it does.
    pub opposite_from: Option<u16>,
    /// The version that added it, if a later one than the first.
    pub added_in: Option<u16>,
}

/// The options of a question.
#[derive(Clone, Debug, PartialEq)]
pub enum Choices {
    /// A rating scale, by index into the instrument's scales, shown in its order.
    Scale(usize),
    /// One response per level, in definition order, shown in a seeded order.
    Levels(Vec<String>),
}

/// The respondent-group question asked before the items.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupQuestion {
    /// The question.
    pub question: String,
    /// The groups' names.
    pub options: Vec<String>,
}

/// The JSON form as written, before it is checked.
#[derive(Serialize, Deserialize)]
struct Raw {
    format: u32,
    id: String,
    version: u16,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    earlier: Vec<u16>,
    locale: String,
    title: String,
    intro: String,
    minutes: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    period: Option<String>,
    scales: Vec<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    groups: Option<GroupQuestion>,
    items: Vec<RawQuestion>,
}

/// A question as written: a rated item names its scale, a level item lists its options.
#[derive(Serialize, Deserialize)]
struct RawQuestion {
    id: String,
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    scale: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    levels: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    not_applicable: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    opposite_from: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    added_in: Option<u16>,
}

/// Why a JSON form of the questions cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuestionsError {
    /// The form has another shape version.
    Format(u32),
    /// The form breaks a rule the quiz relies on; the text says which.
    Invalid(&'static str),
}

impl std::fmt::Display for QuestionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Format(n) => write!(f, "questions form {n}, expected {FORMAT}"),
            Self::Invalid(why) => write!(f, "questions form: {why}"),
        }
    }
}

impl std::error::Error for QuestionsError {}

impl TryFrom<Raw> for Questions {
    type Error = QuestionsError;

    fn try_from(raw: Raw) -> Result<Self, QuestionsError> {
        let invalid = |why| Err(QuestionsError::Invalid(why));
        if raw.format != FORMAT {
            return Err(QuestionsError::Format(raw.format));
        }
        let Some(id) = InstrumentId::parse(&raw.id) else {
            return invalid("bad id");
        };
        if raw.items.is_empty() || raw.items.len() > MAX_ITEMS {
            return invalid("wrong number of items");
        }
        let options_ok = |n: usize, max: usize| (2..=max).contains(&n);
        if !raw
            .scales
            .iter()
            .all(|s| options_ok(s.len(), MAX_SCALE_OPTIONS))
        {
            return invalid("wrong number of options on a scale");
        }
        let mut items = Vec::with_capacity(raw.items.len());
        for item in raw.items {
            let choices = match (item.scale, item.levels) {
                (Some(scale), None) if scale < raw.scales.len() => Choices::Scale(scale),
                (None, Some(options)) if options_ok(options.len(), MAX_LEVELS) => {
                    Choices::Levels(options)
                }
                _ => return invalid("an item has no options"),
            };
            if item.not_applicable.as_ref().is_some_and(String::is_empty) {
                return invalid("an empty \"does not apply\" label");
            }
            items.push(Question {
                id: item.id,
                text: item.text,
                choices,
                not_applicable: item.not_applicable,
                opposite_from: item.opposite_from,
                added_in: item.added_in,
            });
        }
        if raw
            .groups
            .as_ref()
            .is_some_and(|g| g.options.is_empty() || g.options.len() > usize::from(u8::MAX))
        {
            return invalid("wrong number of groups");
        }
        Ok(Self {
            id,
            version: raw.version,
            earlier: raw.earlier,
            locale: raw.locale,
            title: raw.title,
            intro: raw.intro,
            minutes: raw.minutes,
            period: raw.period,
            scales: raw.scales,
            groups: raw.groups,
            items,
        })
    }
}

impl From<Questions> for Raw {
    fn from(q: Questions) -> Self {
        Self {
            format: FORMAT,
            id: q.id.as_str().to_owned(),
            version: q.version,
            earlier: q.earlier,
            locale: q.locale,
            title: q.title,
            intro: q.intro,
            minutes: q.minutes,
            period: q.period,
            scales: q.scales,
            groups: q.groups,
            items: q
                .items
                .into_iter()
                .map(|item| {
                    let (scale, levels) = match item.choices {
                        Choices::Scale(scale) => (Some(scale), None),
                        Choices::Levels(options) => (None, Some(options)),
                    };
                    RawQuestion {
                        id: item.id,
                        text: item.text,
                        scale,
                        levels,
                        not_applicable: item.not_applicable,
                        opposite_from: item.opposite_from,
                        added_in: item.added_in,
                    }
                })
                .collect(),
        }
    }
}

impl Instrument {
    /// The questions of this instrument, as a reader is asked them.
    ///
    /// ```
    /// let instrument = candor_core::builtin::load("trust-roadmap").unwrap();
    /// let questions = instrument.questions();
    /// assert_eq!(questions.len(), 21);
    /// assert_eq!(questions.group_count(), Some(4));
    /// ```
    pub fn questions(&self) -> Questions {
        let items = self
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| Question {
                not_applicable: self.not_applicable(i).map(str::to_owned),
                opposite_from: item.opposite_from,
                added_in: item.added_in,
                id: item.id.as_str().to_owned(),
                text: item.text.clone(),
                choices: match &item.kind {
                    ItemKind::Rated { scale, .. } => Choices::Scale(*scale),
                    ItemKind::Levels { options } => {
                        Choices::Levels(options.iter().map(|o| o.text.clone()).collect())
                    }
                },
            })
            .collect();
        Questions {
            id: self.id.clone(),
            version: self.version,
            earlier: self.earlier.clone(),
            locale: self.locale.clone(),
            title: self.title.clone(),
            intro: self.intro.clone(),
            minutes: self.minutes,
            period: self.period.clone(),
            scales: self
                .scales
                .iter()
                .map(|s| s.options.iter().map(|o| o.label.clone()).collect())
                .collect(),
            groups: self.groups().map(|g| GroupQuestion {
                question: g.question.clone(),
                options: g.options.iter().map(|o| o.name.clone()).collect(),
            }),
            items,
        }
    }
}

impl Questions {
    /// The instrument's id.
    pub fn id(&self) -> &InstrumentId {
        &self.id
    }

    /// The instrument's content version.
    pub fn version(&self) -> u16 {
        self.version
    }

    /// Earlier versions whose answers fit this one (see [`Instrument::earlier`]).
    pub fn earlier(&self) -> &[u16] {
        &self.earlier
    }

    /// Whether answers in progress given to `version` go on as this version's: it is this
    /// version, or an earlier one that fits with no item stating the opposite or added
    /// since (those answers restart rather than be read half-way through).
    pub fn reads_version(&self, version: u16) -> bool {
        let same = |q: &Question| {
            q.opposite_from.is_none_or(|from| from <= version)
                && q.added_in.is_none_or(|added| added <= version)
        };
        version == self.version || (self.earlier.contains(&version) && self.items.iter().all(same))
    }

    /// The language of the texts.
    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// The title.
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

    /// The reference period shown above rated items, if any.
    pub fn period(&self) -> Option<&str> {
        self.period.as_deref()
    }

    /// The questions, in the order they are asked.
    pub fn items(&self) -> &[Question] {
        &self.items
    }

    /// How many questions there are.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Never true: an instrument has at least one question.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The respondent-group question, if the instrument asks one first.
    pub fn groups(&self) -> Option<&GroupQuestion> {
        self.groups.as_ref()
    }

    /// How many groups there are to pick from, if any.
    pub fn group_count(&self) -> Option<usize> {
        self.groups.as_ref().map(|g| g.options.len())
    }

    /// The option labels of question `index`, in definition order.
    pub fn options(&self, index: usize) -> &[String] {
        match self.items.get(index).map(|i| &i.choices) {
            Some(Choices::Scale(scale)) => &self.scales[*scale],
            Some(Choices::Levels(options)) => options,
            None => &[],
        }
    }

    /// How many options question `index` offers, not counting "does not apply".
    pub fn option_count(&self, index: usize) -> usize {
        self.options(index).len()
    }

    /// How many answers question `index` takes: its options, and "does not apply" if
    /// offered (the answer one past the last option).
    pub fn answer_count(&self, index: usize) -> usize {
        self.option_count(index) + usize::from(self.not_applicable(index).is_some())
    }

    /// The label of question `index`'s "does not apply" answer, if it offers one.
    pub fn not_applicable(&self, index: usize) -> Option<&str> {
        self.items.get(index)?.not_applicable.as_deref()
    }

    /// Whether question `index` is a rated item (shown with the reference period).
    pub fn is_rated(&self, index: usize) -> bool {
        matches!(
            self.items.get(index).map(|i| &i.choices),
            Some(Choices::Scale(_))
        )
    }

    /// The order question `index`'s options are shown in, as definition-order indices:
    /// level items in the attempt's seeded order, rated items in the scale's; "does not
    /// apply", if offered, always last.
    pub fn display_order(&self, seed: u32, index: usize) -> Vec<u8> {
        let mut order = match self.items.get(index).map(|i| &i.choices) {
            Some(Choices::Levels(options)) => {
                crate::shuffle::order(u64::from(seed), index, options.len())
            }
            _ => (0..self.option_count(index) as u8).collect(),
        };
        if self.not_applicable(index).is_some() {
            order.push(self.option_count(index) as u8);
        }
        order
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn read(text: &str) -> Result<Questions, serde_json::Error> {
        serde_json::from_str(text)
    }

    #[test]
    fn every_builtin_round_trips_through_its_json_form() {
        for (id, locale, _) in crate::builtin::SOURCES {
            let instrument = crate::builtin::load_in(id, locale).unwrap();
            let questions = instrument.questions();
            let text = serde_json::to_string(&questions).unwrap();
            assert_eq!(read(&text).unwrap(), questions, "{id}.{locale}");
            assert_eq!(questions.len(), instrument.items.len());
            for i in 0..questions.len() {
                assert_eq!(questions.option_count(i), instrument.option_count(i));
                assert_eq!(questions.answer_count(i), instrument.answer_count(i));
            }
        }
    }

    #[test]
    fn a_damaged_form_is_refused_with_what_is_wrong() {
        let instrument = crate::builtin::load("customer-focus").unwrap();
        let good = serde_json::to_value(instrument.questions()).unwrap();
        let with = |path: &str, value: serde_json::Value| {
            let mut v = good.clone();
            *v.pointer_mut(path).unwrap() = value;
            read(&v.to_string())
        };
        let error = with("/format", 2.into()).unwrap_err().to_string();
        assert!(error.contains("questions form 2, expected 1"), "{error}");
        assert!(with("/items", serde_json::json!([])).is_err());
        assert!(with("/items/0/levels", serde_json::json!(["only one"])).is_err());
        assert!(with("/id", "no spaces".into()).is_err());
        assert!(read("{").is_err());
        assert!(read("[]").is_err());
    }
}
