//! Others' view: a reader asks colleagues and clients to rate them on the same items, and
//! sees their own view beside the others', with no server and no rater named.
//!
//! * [`Request`]: what the reader's link carries: a random request id, the session tag (if
//!   any) and an optional first name or label.
//! * [`for_raters`]: the instrument as a rater takes it: each item's `rater` text about the
//!   person, and "I can't tell" offered on every item. A rater takes it through the same
//!   quiz and screens as anyone.
//! * [`code`]: a rater's answers as a short code to send back, holding the request id and
//!   the answers, nothing about the rater.
//! * [`compare`]: the codes a reader received, and their own view against the others' mean
//!   and spread per part. Nothing is shown until [`MIN_RATERS`] raters have answered.
//!
//! An instrument can be answered by others when every item has a `rater` text (the reader
//! checks that it is all or none, and that each names the person with `{name}`).

pub mod code;
pub mod compare;

use crate::code::{normalize_session, symbol, value_of};
use crate::definition::Instrument;
use crate::messages::{Messages, fill};

pub use code::{RaterCode, decode, encode};
pub use compare::{
    Comparison, Gap, GroupPart, GroupView, Inbox, PartView, Pasted, Refusal, Spread, View, compare,
    group,
};

/// Fewest raters whose answers are shown, so that no one person's answers can be seen.
pub const MIN_RATERS: usize = 3;
/// Longest name or label a request carries, in characters.
pub const MAX_NAME_CHARS: usize = 40;
/// Symbols of a request id in a link and in a rater code: 20 bits.
pub const REQUEST_SYMBOLS: usize = 4;

/// A reader's request for others' view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// Random, 20 bits: a rater code answers this request and no other.
    pub id: u32,
    /// The session tag the reader's widget has, normalised, so a facilitator can put the
    /// raters' codes beside the group's own.
    pub session: Option<String>,
    /// What the raters see the person called ("Sam"), if the reader gave one.
    pub name: Option<String>,
}

/// Why the request part of a rater's link cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RequestError {
    /// The request id is not four code symbols.
    BadId,
}

impl std::fmt::Display for RequestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::BadId => f.write_str("the link's request id is not four code characters"),
        }
    }
}

impl std::error::Error for RequestError {}

impl Request {
    /// A request with id `random` (its low 20 bits), for the widget's `session` and the
    /// `name` the reader typed (cleaned by [`Request::clean_name`]).
    pub fn new(random: u32, session: Option<&str>, name: &str) -> Self {
        Self {
            id: random & 0xF_FFFF,
            session: session.map(normalize_session).filter(|s| !s.is_empty()),
            name: Self::clean_name(name),
        }
    }

    /// A name as raters see it: without control characters or braces, spaces collapsed,
    /// at most [`MAX_NAME_CHARS`] characters; `None` when nothing is left.
    ///
    /// ```
    /// use candor_core::others::Request;
    /// assert_eq!(Request::clean_name("  Sam \n Lee "), Some("Sam Lee".to_owned()));
    /// assert_eq!(Request::clean_name(" {} "), None);
    /// ```
    pub fn clean_name(raw: &str) -> Option<String> {
        let kept: String = raw
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .filter(|c| !matches!(c, '{' | '}'))
            .collect();
        let name: String = kept
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(MAX_NAME_CHARS)
            .collect();
        let name = name.trim().to_owned();
        (!name.is_empty()).then_some(name)
    }

    /// The request id as four code symbols.
    pub fn id_symbols(&self) -> String {
        (0..REQUEST_SYMBOLS)
            .rev()
            .map(|k| char::from(symbol(self.id >> (5 * k))))
            .collect()
    }

    /// The request as one text for a link: `ID.SESSION.NAME`, the session and the name
    /// possibly empty. The page escapes it for the URL.
    ///
    /// ```
    /// use candor_core::others::Request;
    /// let request = Request::new(0x12345, Some("ws-42"), "Sam. B");
    /// assert_eq!(request.to_param(), "28T5.WS42.Sam. B");
    /// assert_eq!(Request::from_param(&request.to_param()), Ok(request));
    /// ```
    pub fn to_param(&self) -> String {
        format!(
            "{}.{}.{}",
            self.id_symbols(),
            self.session.as_deref().unwrap_or_default(),
            self.name.as_deref().unwrap_or_default()
        )
    }

    /// Reads [`Request::to_param`]'s text back; the name may hold dots.
    pub fn from_param(text: &str) -> Result<Self, RequestError> {
        let mut parts = text.splitn(3, '.');
        let id_text = parts.next().unwrap_or_default();
        let values: Option<Vec<u32>> = id_text.chars().map(value_of).collect();
        let id = match values {
            Some(values) if values.len() == REQUEST_SYMBOLS => {
                values.iter().fold(0, |id, &v| (id << 5) | v)
            }
            _ => return Err(RequestError::BadId),
        };
        let session = parts
            .next()
            .map(normalize_session)
            .filter(|s| !s.is_empty());
        let name = parts.next().and_then(Self::clean_name);
        Ok(Self { id, session, name })
    }
}

impl Instrument {
    /// Whether others can answer this instrument about a reader: every item has a `rater`
    /// text.
    pub fn asks_others(&self) -> bool {
        self.items.iter().all(|item| item.rater.is_some())
    }

    /// The name of part `p` others' view is given for: a subscale or a component, in the
    /// model's order; empty for a model without such parts.
    pub fn part_name(&self, p: usize) -> &str {
        match &self.model {
            crate::definition::Model::Subscales(m) => m.subscales.get(p).map(|s| s.name.as_str()),
            crate::definition::Model::Ratio(m) => m.components.get(p).map(|c| c.name.as_str()),
            _ => None,
        }
        .unwrap_or_default()
    }
}

/// The instrument as a rater of `name` takes it, in the language of `messages`, or `None`
/// if it cannot be answered by others.
///
/// * Each item's text is its `rater` text, `{name}` filled with the name, or with "this
///   person" (capitalised where it starts the text) when the reader gave none.
/// * Every item offers "I can't tell", labelled in the rater's language; it counts as
///   "does not apply": left out, and a part short of answers is not scored.
/// * The intro says who asks and that nothing the rater answers is kept.
///
/// Scales, model and ids stay as they are, so a rater's answers read like anyone's.
pub fn for_raters(
    instrument: &Instrument,
    name: Option<&str>,
    messages: &Messages,
) -> Option<Instrument> {
    if !instrument.asks_others() {
        return None;
    }
    let person = |at_start: bool| match name {
        Some(name) => name.to_owned(),
        None if at_start => capitalised(messages.this_person),
        None => messages.this_person.to_owned(),
    };
    let named = |text: &str| {
        let text = match text.strip_prefix("{name}") {
            Some(rest) => format!("{}{rest}", person(true)),
            None => text.to_owned(),
        };
        fill(&text, &[("name", &person(false))])
    };
    let mut rater = instrument.clone();
    for item in &mut rater.items {
        if let Some(text) = item.rater.take() {
            item.text = named(&text);
        }
        item.not_applicable = true;
    }
    for scale in &mut rater.scales {
        scale.not_applicable = Some(messages.cannot_tell.to_owned());
    }
    rater.intro = named(&fill(
        messages.rater_intro,
        &[("cannot_tell", messages.cannot_tell)],
    ));
    Some(rater)
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
