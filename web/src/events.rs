//! Events for the host page: `candor:start`, `candor:answer` and `candor:complete`.
//!
//! * Each is a `CustomEvent` on the `<candor-quiz>` element that bubbles and is composed: a
//!   listener on `document` hears every widget.
//! * The `detail` is a plain object, documented in `docs/embedding.md`.
//! * It holds what a host or an LMS needs to record progress and completion (an xAPI
//!   statement, say).

use candor_core::questions::Questions;
use serde::Serialize;
use web_sys::HtmlElement;

use crate::json;

/// Sent when a reader starts (or restarts) an attempt.
pub const START: &str = "candor:start";
/// Sent after each answer.
pub const ANSWER: &str = "candor:answer";
/// Sent when an attempt is completed and scored.
pub const COMPLETE: &str = "candor:complete";

/// `detail` of `candor:start`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Start<'a> {
    /// Instrument id.
    pub instrument: &'a str,
    /// Instrument version.
    pub version: u16,
    /// Language of the texts.
    pub locale: &'a str,
    /// Session tag, if the page gave one.
    pub session: Option<&'a str>,
    /// How many questions there are.
    pub total: usize,
}

impl<'a> Start<'a> {
    /// The start of an attempt at the instrument of `questions`, shown in `locale`.
    pub fn of(questions: &'a Questions, locale: &'a str, session: Option<&'a str>) -> Self {
        Self {
            instrument: questions.id().as_str(),
            version: questions.version(),
            locale,
            session,
            total: questions.len(),
        }
    }
}

/// `detail` of `candor:answer`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Answer<'a> {
    /// Instrument id.
    pub instrument: &'a str,
    /// Instrument version.
    pub version: u16,
    /// Session tag, if any.
    pub session: Option<&'a str>,
    /// The item's id.
    pub item: &'a str,
    /// The item's position, 0-based.
    pub index: usize,
    /// The chosen option, 0-based in the definition's order.
    pub option: u8,
    /// How many questions have an answer now.
    pub answered: usize,
    /// How many questions there are.
    pub total: usize,
}

impl<'a> Answer<'a> {
    /// `option` given to item `index` of `questions`, with `answered` questions answered.
    pub fn of(
        questions: &'a Questions,
        session: Option<&'a str>,
        index: usize,
        option: u8,
        answered: usize,
    ) -> Self {
        Self {
            instrument: questions.id().as_str(),
            version: questions.version(),
            session,
            item: questions.items().get(index).map_or("", |i| i.id.as_str()),
            index,
            option,
            answered,
            total: questions.len(),
        }
    }
}

/// `detail` of `candor:complete`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Complete<'a> {
    /// Instrument id.
    pub instrument: &'a str,
    /// Instrument version.
    pub version: u16,
    /// Language of the texts.
    pub locale: &'a str,
    /// Session tag, if any.
    pub session: Option<&'a str>,
    /// Completion time, milliseconds since 1970.
    pub completed_at: f64,
    /// How many questions were answered (all of them).
    pub answered: usize,
    /// How many of those answers were "does not apply".
    #[serde(rename = "notApplicable")]
    pub not_applicable: usize,
    /// The result's headline.
    pub headline: &'a str,
    /// Named scores, e.g. `{ "partnership": 44, "servility": 35 }`.
    pub scores: std::collections::BTreeMap<&'a str, f64>,
    /// One number from 0 to 1 (see `docs/scoring.md`), for `result.score.scaled`; `null`
    /// when too few answers applied to score the result.
    pub scaled: Option<f64>,
    /// The anonymous result code, when available.
    pub code: Option<&'a str>,
}

/// Dispatches `name` with `detail` on `host`, bubbling and composed.
pub fn emit<T: Serialize>(host: &HtmlElement, name: &str, detail: &T) {
    let Ok(detail) = json::to_js(detail) else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}
