//! The records the widget keeps on the reader's device, the keys they live under, and the
//! migrations from older record shapes.
//!
//! * Every record carries `schema`, the version of its own shape.
//! * A record with an older schema is migrated on reading by a plain function (tested
//!   below).
//! * A record with a newer schema was written by a newer copy of the widget. It is never
//!   touched but set aside (see [`crate::vault`]).
//! * Keys are namespaced by the widget (`candor`), the page's storage namespace and the
//!   instrument: `candor:<namespace>:<instrument>:<kind>`.
//! * This module is plain data with serde derives.
//! * The text form (JSON) is produced by a [`crate::vault::Codec`] the caller supplies.

use serde::{Deserialize, Serialize};

use crate::definition::{Instrument, is_valid_id};
use crate::questions::Questions;
use crate::response::Response;
use crate::scoring::Score;

/// The version of the record shapes this build writes.
///
/// * 1: the first shape; completed attempts held answers only.
/// * 2: completed attempts also hold their headline and scores, so a result keeps them
///   after its instrument changes.
/// * 3: a completed attempt may hold the reader's request for others' view and the rater
///   codes received ([`Asked`]). Schema 2 records read as they are.
pub const SCHEMA: u32 = 3;

/// The shape before [`Asked`]: read as today's, the field absent.
pub const SCHEMA_2: u32 = 2;

/// A record that carries its shape version, so a record read from an older shape that
/// needs no change is written back as today's.
pub trait Schema {
    /// Marks the record as of shape `schema`.
    fn set_schema(&mut self, schema: u32);
}

impl Schema for Progress {
    fn set_schema(&mut self, schema: u32) {
        self.schema = schema;
    }
}

impl Schema for History {
    fn set_schema(&mut self, schema: u32) {
        self.schema = schema;
    }
}

/// A reader's request for others' view of one of their results, and the rater codes
/// received for it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asked {
    /// The request, as its link carries it (`crate::others::Request::to_param`).
    pub request: String,
    /// The rater codes received, normalised, in the order received.
    pub codes: Vec<String>,
}

impl Asked {
    /// Adds the codes of `other` (for the same request) that this lacks.
    pub(crate) fn merge(&mut self, other: &Asked) {
        if self.request != other.request {
            return;
        }
        for code in &other.codes {
            if !self.codes.contains(code) {
                self.codes.push(code.clone());
            }
        }
    }
}

/// Prefix of every key the widget writes.
pub const PREFIX: &str = "candor";

/// The storage namespace used when the page sets none.
pub const DEFAULT_NAMESPACE: &str = "default";

/// Most completed attempts kept per instrument; older ones are dropped first.
pub const MAX_HISTORY: usize = 50;

/// The kinds of record, as the last part of their key.
pub const PROGRESS: &str = "progress";
/// See [`PROGRESS`].
pub const HISTORY: &str = "history";

/// The kind of key the screen a reader left (a question, their result) is kept under by the
/// page's element, as a bundle drew it, with the records it was drawn from: shown on their
/// next visit while the bundle loads. It is not a record: never exported or imported, the
/// first thing removed when storage is full, and removed with the rest of its namespace.
pub const KEPT: &str = "kept";

/// Whether `key` is a kept screen's, in any namespace (see [`KEPT`]).
///
/// ```
/// use candor_core::records::{Keys, KEPT, is_kept};
/// assert!(is_kept(&Keys::new(Some("course-7"), "trust-equation").of(KEPT)));
/// assert!(!is_kept(&Keys::new(None, "trust-equation").history()));
/// ```
pub fn is_kept(key: &str) -> bool {
    key.strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix(KEPT))
        .is_some_and(|middle| middle.starts_with(':') && middle.ends_with(':'))
}

/// Where the records of one namespace live.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    namespace: String,
    instrument: String,
}

impl Keys {
    /// Keys for `instrument` under `namespace`; an invalid or missing namespace falls back to
    /// the default.
    ///
    /// ```
    /// use candor_core::records::Keys;
    /// let keys = Keys::new(Some("course-7"), "trust-equation");
    /// assert_eq!(keys.progress(), "candor:course-7:trust-equation:progress");
    /// assert_eq!(Keys::new(Some("no spaces"), "x").namespace(), "default");
    /// ```
    pub fn new(namespace: Option<&str>, instrument: &str) -> Self {
        let namespace = namespace
            .map(str::trim)
            .filter(|n| is_valid_id(n))
            .unwrap_or(DEFAULT_NAMESPACE);
        Self {
            namespace: namespace.to_owned(),
            instrument: instrument.to_owned(),
        }
    }

    /// The namespace in use.
    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    /// The instrument id.
    pub fn instrument(&self) -> &str {
        &self.instrument
    }

    /// The prefix of every key in this namespace (`candor:<namespace>:`).
    pub fn namespace_prefix(&self) -> String {
        format!("{PREFIX}:{}:", self.namespace)
    }

    /// The key of record `kind` of this instrument.
    pub fn of(&self, kind: &str) -> String {
        format!("{PREFIX}:{}:{}:{kind}", self.namespace, self.instrument)
    }

    /// The key of the attempt in progress.
    pub fn progress(&self) -> String {
        self.of(PROGRESS)
    }

    /// The key of the completed attempts.
    pub fn history(&self) -> String {
        self.of(HISTORY)
    }

    /// A key to set a record of `kind` aside under, stamped with `now` (milliseconds).
    pub fn backup(&self, kind: &str, now: f64) -> String {
        format!("{}:backup-{}", self.of(kind), now as u64)
    }

    /// Whether `key` is in this namespace.
    pub fn owns(&self, key: &str) -> bool {
        key.starts_with(&self.namespace_prefix())
    }

    /// The parts of a key in this namespace: `(instrument, kind)`; `kind` includes any
    /// backup suffix.
    pub fn split<'k>(&self, key: &'k str) -> Option<(&'k str, &'k str)> {
        key.strip_prefix(&self.namespace_prefix())?.split_once(':')
    }
}

/// Just the schema number of any record, read before the rest.
#[derive(Debug, Deserialize)]
pub struct Header {
    /// The record's shape version.
    pub schema: u32,
}

/// The attempt in progress: enough to resume at the same question with the same answers and
/// the same option order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Record shape version.
    pub schema: u32,
    /// Instrument id.
    pub instrument: String,
    /// Instrument version the answers were given to.
    pub version: u16,
    /// Seed of the option shuffle.
    pub seed: u32,
    /// The question on screen (0-based).
    pub position: u16,
    /// Answers so far, one per item.
    pub answers: Vec<Option<u8>>,
    /// Chosen group, where the instrument asks for one.
    pub group: Option<u8>,
    /// When the attempt started, in milliseconds since 1970.
    pub started_at: f64,
}

impl Progress {
    /// A fresh attempt at the instrument `questions` come from.
    pub fn start(questions: &Questions, seed: u32, now: f64) -> Self {
        Self {
            schema: SCHEMA,
            instrument: questions.id().as_str().to_owned(),
            version: questions.version(),
            seed,
            position: 0,
            answers: vec![None; questions.len()],
            group: None,
            started_at: now,
        }
    }

    /// The answers as a [`Response`].
    pub fn response(&self) -> Response {
        Response {
            answers: self.answers.clone(),
            group: self.group,
        }
    }

    /// Whether anything has been answered yet.
    pub fn is_started(&self) -> bool {
        self.group.is_some() || self.answers.iter().any(Option::is_some)
    }

    /// Whether this record can be resumed with `questions`: same instrument, a version it
    /// reads and the same number of items, with every answer on a real option.
    pub fn fits(&self, questions: &Questions) -> bool {
        let answers_fit = self
            .answers
            .iter()
            .enumerate()
            .all(|(i, a)| a.is_none_or(|a| usize::from(a) < questions.answer_count(i)));
        let group_fits = match (self.group, questions.group_count()) {
            (Some(g), Some(n)) => usize::from(g) < n,
            (Some(_), None) => true,
            (None, _) => true,
        };
        self.instrument == questions.id().as_str()
            && questions.reads_version(self.version)
            && self.answers.len() == questions.len()
            && usize::from(self.position) < self.answers.len()
            && answers_fit
            && group_fits
    }
}

/// A completed attempt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    /// When it was completed, in milliseconds since 1970; also the attempt's identity.
    pub completed_at: f64,
    /// Instrument version the answers were given to.
    pub version: u16,
    /// The answers, one per item.
    pub answers: Vec<u8>,
    /// Chosen group, if any.
    pub group: Option<u8>,
    /// The result's headline when it was scored; empty if it could not be scored.
    #[serde(default)]
    pub headline: String,
    /// The named scores when it was scored; empty if it could not be scored.
    #[serde(default)]
    pub scores: Vec<Score>,
    /// The session tag the page gave when it was completed, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    /// The reader's request for others' view of this result, and the codes received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub others: Option<Asked>,
}

impl Attempt {
    /// Scores `response` (complete) against `instrument` and records it as completed at `now`.
    pub fn scored(
        instrument: &Instrument,
        response: &Response,
        now: f64,
    ) -> Result<Self, crate::response::ResponseError> {
        let outcome = instrument.score(response)?;
        let summary = outcome.summary(instrument);
        Ok(Self {
            completed_at: now,
            version: instrument.version,
            answers: response.answers.iter().map(|a| a.unwrap_or(0)).collect(),
            group: response.group,
            headline: summary.headline,
            scores: summary.scores,
            session: None,
            others: None,
        })
    }

    /// The attempt's result code (the same every time), if it was given to this version of
    /// `instrument` or an earlier one whose answers fit.
    pub fn code(&self, instrument: &Instrument) -> Option<String> {
        if !instrument.reads_version(self.version) {
            return None;
        }
        crate::code::encode(
            instrument,
            &self.response_in(instrument),
            self.session.as_deref(),
            crate::code::nonce_for(self.completed_at),
        )
        .ok()
    }

    /// The answers as a [`Response`], as given.
    pub fn response(&self) -> Response {
        Response {
            answers: self.answers.iter().copied().map(Some).collect(),
            group: self.group,
        }
    }

    /// The answers as a [`Response`] to `instrument`'s current version (see
    /// [`Instrument::read_answers`]); the same as [`Attempt::response`] for an attempt at
    /// that version.
    pub fn response_in(&self, instrument: &Instrument) -> Response {
        let response = self.response();
        Response {
            answers: instrument.read_answers(self.version, response.answers),
            group: response.group,
        }
    }

    /// The score named `id`, if recorded.
    pub fn score(&self, id: &str) -> Option<f64> {
        self.scores.iter().find(|s| s.id == id).map(|s| s.value)
    }
}

/// The completed attempts at one instrument, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// Record shape version.
    pub schema: u32,
    /// Instrument id.
    pub instrument: String,
    /// Attempts, oldest first.
    pub attempts: Vec<Attempt>,
}

impl History {
    /// An empty history for `instrument`.
    pub fn new(instrument: &str) -> Self {
        Self {
            schema: SCHEMA,
            instrument: instrument.to_owned(),
            attempts: Vec::new(),
        }
    }

    /// Scores the attempts that have no scores yet (those migrated from schema 1) and were
    /// given to `instrument`'s current version; returns whether any changed.
    pub fn backfill(&mut self, instrument: &Instrument) -> bool {
        let mut changed = false;
        for attempt in &mut self.attempts {
            if attempt.scores.is_empty()
                && instrument.reads_version(attempt.version)
                && let Ok(scored) = Attempt::scored(
                    instrument,
                    &attempt.response_in(instrument),
                    attempt.completed_at,
                )
            {
                attempt.headline = scored.headline;
                attempt.scores = scored.scores;
                changed = true;
            }
        }
        changed
    }

    /// Adds the attempts of `other` that this history lacks (the same completion time means
    /// the same attempt), keeps them in time order and at most [`MAX_HISTORY`].
    pub fn merge(&mut self, other: &History) {
        for attempt in &other.attempts {
            let t = attempt.completed_at;
            if let Some(mine) = self.attempts.iter_mut().find(|a| a.completed_at == t) {
                // The same attempt: the codes either copy received are kept.
                match (&mut mine.others, &attempt.others) {
                    (Some(mine), Some(theirs)) => mine.merge(theirs),
                    (mine @ None, Some(theirs)) => *mine = Some(theirs.clone()),
                    _ => {}
                }
                continue;
            }
            // Each in its place: no sort, whose code a small bundle would carry.
            let at = self
                .attempts
                .iter()
                .rposition(|a| a.completed_at < t)
                .map_or(0, |i| i + 1);
            self.attempts.insert(at, attempt.clone());
        }
        let excess = self.attempts.len().saturating_sub(MAX_HISTORY);
        self.attempts.drain(..excess);
    }
}

/// Schema 1 of a completed attempt: no headline, no scores.
#[derive(Clone, Debug, Deserialize)]
pub struct AttemptV1 {
    /// See [`Attempt::completed_at`].
    pub completed_at: f64,
    /// See [`Attempt::version`].
    pub version: u16,
    /// See [`Attempt::answers`].
    pub answers: Vec<u8>,
    /// See [`Attempt::group`].
    pub group: Option<u8>,
}

/// Schema 1 of a history.
#[derive(Clone, Debug, Deserialize)]
pub struct HistoryV1 {
    /// Always 1.
    pub schema: u32,
    /// Instrument id.
    pub instrument: String,
    /// Attempts, oldest first.
    pub attempts: Vec<AttemptV1>,
}

/// Migrates a schema-1 history: the attempts keep their answers, version and time; their
/// headline and scores stay empty until [`History::backfill`] scores the ones given to the
/// instrument's current version (attempts from another version may not fit today's items,
/// so they stay as they are, labelled by version).
///
/// ```
/// use candor_core::records::{HistoryV1, AttemptV1, migrate_history_v1};
/// let old = HistoryV1 { schema: 1, instrument: "x".into(), attempts: vec![
///     AttemptV1 { completed_at: 1.0, version: 7, answers: vec![0], group: None },
/// ]};
/// let new = migrate_history_v1(old);
/// assert_eq!(new.schema, candor_core::records::SCHEMA);
/// assert!(new.attempts[0].scores.is_empty());
/// ```
pub fn migrate_history_v1(old: HistoryV1) -> History {
    let attempts = old
        .attempts
        .into_iter()
        .map(|a| Attempt {
            completed_at: a.completed_at,
            version: a.version,
            answers: a.answers,
            group: a.group,
            headline: String::new(),
            scores: Vec::new(),
            session: None,
            others: None,
        })
        .collect();
    History {
        schema: SCHEMA,
        instrument: old.instrument,
        attempts,
    }
}

/// Migrates a schema-1 progress record: the shape did not change, only its number.
pub fn migrate_progress_v1(mut old: Progress) -> Progress {
    old.schema = SCHEMA;
    old
}

/// The file a reader exports and imports: every record of one namespace, as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportFile {
    /// Always [`EXPORT_FORMAT`].
    pub format: String,
    /// Version of this file shape.
    pub version: u32,
    /// The namespace the records came from.
    pub namespace: String,
    /// When the file was made, in milliseconds since 1970.
    pub exported_at: f64,
    /// The records, key and stored text, in key order.
    pub records: Vec<ExportRecord>,
}

/// One stored record in an export file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportRecord {
    /// The key, within the namespace: `<instrument>:<kind>`.
    pub key: String,
    /// The stored text, exactly.
    pub text: String,
}

/// The `format` of an export file.
pub const EXPORT_FORMAT: &str = "candor-export";

/// The version of the export file shape this build writes.
pub const EXPORT_VERSION: u32 = 1;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_stay_inside_their_namespace() {
        let a = Keys::new(Some("course-a"), "trust-equation");
        let b = Keys::new(Some("course-b"), "trust-equation");
        assert!(a.owns(&a.history()));
        assert!(!a.owns(&b.history()));
        assert!(
            !a.owns("candor:course-ab:x:history"),
            "a longer namespace is another one"
        );
        assert!(!a.owns("someone-else:course-a:x"));
        assert_eq!(
            a.split("candor:course-a:trust-equation:history"),
            Some(("trust-equation", "history"))
        );
        assert_eq!(
            a.split(&a.backup(HISTORY, 1700000000000.0)),
            Some(("trust-equation", "history:backup-1700000000000"))
        );
    }

    #[test]
    fn merge_unions_by_completion_time_and_keeps_the_newest() {
        let attempt = |t: f64| Attempt {
            completed_at: t,
            version: 1,
            answers: vec![],
            group: None,
            headline: String::new(),
            scores: vec![],
            session: None,
            others: None,
        };
        let mut mine = History {
            schema: SCHEMA,
            instrument: "x".into(),
            attempts: vec![attempt(1.0), attempt(3.0)],
        };
        let theirs = History {
            schema: SCHEMA,
            instrument: "x".into(),
            attempts: vec![attempt(2.0), attempt(3.0)],
        };
        mine.merge(&theirs);
        let times: Vec<f64> = mine.attempts.iter().map(|a| a.completed_at).collect();
        assert_eq!(times, [1.0, 2.0, 3.0]);

        let many = History {
            schema: SCHEMA,
            instrument: "x".into(),
            attempts: (0..MAX_HISTORY + 5)
                .map(|t| attempt(10.0 + t as f64))
                .collect(),
        };
        mine.merge(&many);
        assert_eq!(mine.attempts.len(), MAX_HISTORY);
        // 3 + 55 attempts: the 8 oldest (1, 2, 3 and 10 to 14) go.
        assert_eq!(mine.attempts[0].completed_at, 15.0, "the oldest go first");
    }
}
