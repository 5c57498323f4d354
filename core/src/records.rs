//! The records the widget keeps on the reader's device, and the keys they live under.
//!
//! Every record carries `schema`, the version of its own shape, so a newer widget can
//! migrate an older record and an older widget can recognise a record it must not touch.
//! Keys are namespaced by the widget (`candor`), the page's storage namespace and the
//! instrument, so nothing of ours collides with the host page's own keys.
//!
//! This module is plain data: the app reads and writes the text through the browser's
//! `localStorage`, and the conversion to and from JSON is done with serde.

use serde::{Deserialize, Serialize};

use crate::definition::Instrument;
use crate::response::Response;

/// The version of the record shapes this build writes.
pub const SCHEMA: u32 = 1;

/// Prefix of every key the widget writes.
pub const PREFIX: &str = "candor";

/// The storage namespace used when the page sets none.
pub const DEFAULT_NAMESPACE: &str = "default";

/// Where one instrument's records live.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    namespace: String,
    instrument: String,
}

impl Keys {
    /// Keys for `instrument` under `namespace`; an invalid namespace falls back to the default.
    pub fn new(namespace: Option<&str>, instrument: &str) -> Self {
        let namespace = namespace
            .filter(|n| crate::definition::is_valid_id(n))
            .unwrap_or(DEFAULT_NAMESPACE);
        Self {
            namespace: namespace.to_owned(),
            instrument: instrument.to_owned(),
        }
    }

    /// The key of the attempt in progress.
    pub fn progress(&self) -> String {
        format!("{PREFIX}:{}:{}:progress", self.namespace, self.instrument)
    }

    /// The key of the completed attempts.
    pub fn history(&self) -> String {
        format!("{PREFIX}:{}:{}:history", self.namespace, self.instrument)
    }
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
    /// A fresh attempt at `instrument`.
    pub fn start(instrument: &Instrument, seed: u32, now: f64) -> Self {
        Self {
            schema: SCHEMA,
            instrument: instrument.id.as_str().to_owned(),
            version: instrument.version,
            seed,
            position: 0,
            answers: vec![None; instrument.items.len()],
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

    /// Whether this record can be resumed with `instrument`: same id, same version and the
    /// same number of items, with every answer on a real option.
    pub fn fits(&self, instrument: &Instrument) -> bool {
        self.instrument == instrument.id.as_str()
            && self.version == instrument.version
            && usize::from(self.position) <= self.answers.len()
            && self.response().check(instrument, false).is_ok()
    }
}

/// A completed attempt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    /// When it was completed, in milliseconds since 1970.
    pub completed_at: f64,
    /// Instrument version the answers were given to.
    pub version: u16,
    /// The answers, one per item.
    pub answers: Vec<u8>,
    /// Chosen group, if any.
    pub group: Option<u8>,
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
    pub fn new(instrument: &Instrument) -> Self {
        Self {
            schema: SCHEMA,
            instrument: instrument.id.as_str().to_owned(),
            attempts: Vec::new(),
        }
    }
}
