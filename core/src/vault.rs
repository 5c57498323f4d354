//! Keeping records safe: reading, writing, setting aside, pruning, export, import, delete.
//!
//! A [`Vault`] works on any key-value [`Backend`] with any JSON [`Codec`]: `localStorage` in
//! the browser, [`MemoryBackend`] in tests. It never touches a key outside its namespace, and
//! it never loses a record that could be kept:
//!
//! * a record that does not parse, has the wrong shape, or comes from a newer widget is
//!   copied to a backup key before anything is written in its place;
//! * an attempt in progress from an older instrument version is set aside the same way, and
//!   the reader starts again;
//! * when the quota is full, the oldest completed attempts of the namespace are dropped one
//!   by one until the write fits; the attempt in progress never is;
//! * an import is checked whole first, and rolled back if a write fails half-way;
//! * a record that cannot be written (full even after pruning, or refused) is held in memory
//!   and read back from there ([`Saving`] says which);
//! * every later write tries storage again; the first that succeeds stores what is held,
//!   merging histories with what other tabs stored.
//!
//! Each of these leaves a [`Notice`] for the reader.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashSet};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::definition::{Instrument, is_valid_id};
use crate::messages::{self, Messages, fill};
use crate::questions::Questions;
use crate::records::{
    Asked, Attempt, EXPORT_FORMAT, EXPORT_VERSION, ExportFile, ExportRecord, HISTORY, Header,
    History, HistoryV1, Keys, PROGRESS, Progress, SCHEMA, SCHEMA_2, Schema, is_kept,
    migrate_history_v1, migrate_progress_v1,
};

/// Why a backend operation failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The storage quota is full.
    Quota,
    /// Anything else the browser reported.
    Other(String),
}

/// A key-value store of strings.
pub trait Backend {
    /// The text under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, Fault>;
    /// Writes `value` under `key`.
    fn set(&self, key: &str, value: &str) -> Result<(), Fault>;
    /// Removes `key`.
    fn remove(&self, key: &str) -> Result<(), Fault>;
    /// Every key in the store.
    fn keys(&self) -> Vec<String>;
}

/// Turns records into text and back (JSON).
pub trait Codec {
    /// Reads `text` as a `T`.
    fn decode<T: DeserializeOwned>(&self, text: &str) -> Result<T, String>;
    /// Writes `value` as text.
    fn encode<T: Serialize>(&self, value: &T) -> Result<String, String>;
}

/// A backend in memory, with an optional quota in bytes (keys plus values, as UTF-16 code
/// units like the browser counts them).
#[derive(Debug, Default)]
pub struct MemoryBackend {
    map: RefCell<BTreeMap<String, String>>,
    quota: Option<usize>,
}

impl MemoryBackend {
    /// An empty store without a quota.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty store that refuses writes beyond `quota` units.
    pub fn with_quota(quota: usize) -> Self {
        Self {
            map: RefCell::default(),
            quota: Some(quota),
        }
    }

    /// A store holding `map`, without a quota (a hand-over from another copy of the widget).
    pub fn from_map(map: BTreeMap<String, String>) -> Self {
        Self {
            map: RefCell::new(map),
            quota: None,
        }
    }

    /// Everything stored.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.map.borrow().clone()
    }

    fn units(text: &str) -> usize {
        text.encode_utf16().count()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, Fault> {
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Fault> {
        if let Some(quota) = self.quota {
            let used: usize = self
                .map
                .borrow()
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| Self::units(k) + Self::units(v))
                .sum();
            if used + Self::units(key) + Self::units(value) > quota {
                return Err(Fault::Quota);
            }
        }
        self.map
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), Fault> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        self.map.borrow().keys().cloned().collect()
    }
}

/// Why a record was set aside.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub enum SetAsideReason {
    /// It is not JSON, or not the shape of its kind of record.
    Unreadable(String),
    /// It was written by a newer widget (its schema number).
    Newer(u32),
    /// It belongs to another instrument, or its answers do not fit this one.
    Mismatch,
}

/// Something the reader should be told about their stored data. Serializable, so a widget
/// handing over to another (the small bundle to the full one) passes on what the reader
/// has not been told yet: the records it set aside are no longer there to be found again.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub enum Notice {
    /// Nothing can be kept on this device: everything lives in memory until the page closes.
    InMemory,
    /// A record could not be used and was copied to `backup` before starting fresh.
    SetAside {
        /// Where it was.
        key: String,
        /// Where it is now.
        backup: String,
        /// Why.
        reason: SetAsideReason,
    },
    /// A record could not be used and there was no room to set it aside: it was left as it
    /// is, and nothing will be written over it during this visit.
    LeftAlone {
        /// The key left untouched.
        key: String,
    },
    /// The instrument changed since the attempt in progress began; it starts again (the old
    /// answers are in a backup key).
    Restarted {
        /// The version the old answers were given to.
        from: u16,
        /// The current version.
        to: u16,
    },
    /// The storage was full: this many of the oldest completed attempts were dropped.
    Pruned(usize),
    /// The storage is full even with no history left: this change lives in memory only.
    NotSaved,
    /// Records held in memory were stored after all: everything is saved again.
    SavedAgain,
}

/// Whether records reach storage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Saving {
    /// Every record is stored.
    #[default]
    Stored,
    /// The storage is full: what did not fit is held in memory until a write fits.
    Full,
    /// The browser refuses storage: records are held in memory until it accepts one.
    Refused,
}

/// What reading an instrument's records found.
#[derive(Debug)]
pub struct Loaded {
    /// The attempt in progress, if one can be resumed.
    pub progress: Option<Progress>,
    /// The completed attempts.
    pub history: History,
    /// What the reader should be told.
    pub notices: Vec<Notice>,
}

/// Records held in memory, by key: a handful at most, so a list.
#[derive(Debug, Default)]
struct Held(Vec<(String, String)>);

impl Held {
    fn get(&self, key: &str) -> Option<&String> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, text)| text)
    }

    fn insert(&mut self, key: String, text: String) {
        self.remove(&key);
        self.0.push((key, text));
    }

    fn remove(&mut self, key: &str) {
        self.0.retain(|(k, _)| k != key);
    }
}

/// Whose completed attempt pruning dropped.
enum Dropped {
    /// Another instrument's: stored without it.
    Other,
    /// This instrument's.
    Own,
}

/// What reading one record found.
enum Read<T> {
    Missing,
    Found(T),
    Newer(u32),
    Unreadable(String),
}

/// Why an import was refused. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub enum ImportError {
    /// The file is not JSON.
    NotJson(String),
    /// The file is JSON but not a Candor export.
    NotAnExport,
    /// The file was made by a newer widget.
    Newer(u32),
    /// These records in the file are not valid: `(key, reason)`.
    BadRecords(Vec<(String, String)>),
    /// There was no room to store it.
    Quota,
}

impl ImportError {
    /// What went wrong, in the language of `m`.
    pub fn message_in(&self, m: &Messages) -> String {
        match self {
            Self::NotJson(detail) => fill(m.import_not_json, &[("detail", detail)]),
            Self::NotAnExport => m.import_not_export.to_owned(),
            Self::Newer(v) => fill(m.import_newer, &[("v", &v.to_string())]),
            Self::BadRecords(bad) => {
                let list: Vec<String> = bad
                    .iter()
                    .map(|(key, reason)| fill(m.import_record, &[("key", key), ("reason", reason)]))
                    .collect();
                fill(m.import_bad_records, &[("list", &list.join("; "))])
            }
            Self::Quota => m.import_quota.to_owned(),
        }
    }
}

/// In English.
impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_in(&messages::EN))
    }
}

impl std::error::Error for ImportError {}

/// What an import added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Completed attempts that were not here before.
    pub attempts: usize,
    /// Records written (histories, progress, backups).
    pub records: usize,
}

/// An instrument's records in one namespace.
pub struct Vault<B, C> {
    backend: B,
    codec: C,
    keys: Keys,
    /// Keys holding a record that could not be set aside: never written during this visit.
    frozen: RefCell<HashSet<String>>,
    /// Records that could not be stored yet, by key; read before the backend's. An empty
    /// text (never a record) stands for a record removed here but not yet from storage.
    held: RefCell<Held>,
    /// Whether records reach storage.
    saving: Cell<Saving>,
}

impl<B: Backend, C: Codec> Vault<B, C> {
    /// A vault over `backend` for the records `keys` name.
    pub fn new(backend: B, codec: C, keys: Keys) -> Self {
        Self {
            backend,
            codec,
            keys,
            frozen: RefCell::default(),
            held: RefCell::default(),
            saving: Cell::new(Saving::Stored),
        }
    }

    /// The vault as another copy of the widget left it: `held` is what it could not store
    /// (of this namespace only), `saving` what it found. Records held mean they are not stored.
    ///
    /// ```
    /// use candor_core::records::Keys;
    /// use candor_core::vault::{MemoryBackend, Saving, Vault};
    /// # struct Json;
    /// # impl candor_core::vault::Codec for Json {
    /// #     fn decode<T: serde::de::DeserializeOwned>(&self, _: &str) -> Result<T, String> { Err("".into()) }
    /// #     fn encode<T: serde::Serialize>(&self, _: &T) -> Result<String, String> { Err("".into()) }
    /// # }
    /// let keys = Keys::new(None, "trust-equation");
    /// let held = vec![(keys.progress(), "{}".to_owned())];
    /// let vault = Vault::new(MemoryBackend::new(), Json, keys).resume(held, Saving::Stored);
    /// assert_eq!(vault.saving(), Saving::Full);
    /// ```
    pub fn resume(self, held: Vec<(String, String)>, saving: Saving) -> Self {
        let held: Vec<(String, String)> = held
            .into_iter()
            .filter(|(key, _)| self.keys.owns(key))
            .collect();
        let saving = match saving {
            Saving::Stored if !held.is_empty() => Saving::Full,
            saving => saving,
        };
        Self {
            held: RefCell::new(Held(held)),
            saving: Cell::new(saving),
            ..self
        }
    }

    /// Whether records reach storage.
    pub fn saving(&self) -> Saving {
        self.saving.get()
    }

    /// The records held in memory because they could not be stored: `(key, text)`.
    pub fn held(&self) -> Vec<(String, String)> {
        self.held.borrow().0.clone()
    }

    /// The keys in use.
    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    /// The backend, for tests and diagnostics.
    pub fn backend(&self) -> &B {
        &self.backend
    }

    /// The text under `key`: what is held in memory, else what the backend has.
    fn text(&self, key: &str) -> Option<String> {
        match self.held.borrow().get(key) {
            Some(held) => Some(held.clone()).filter(|text| !text.is_empty()),
            None => self.backend.get(key).ok().flatten(),
        }
    }

    /// Removes `key` from the backend, or holds its removal when the backend refuses it.
    fn remove(&self, key: &str) {
        if self.backend.remove(key).is_ok() {
            self.held.borrow_mut().remove(key);
        } else {
            self.held.borrow_mut().insert(key.to_owned(), String::new());
        }
    }

    fn read<T: DeserializeOwned + Schema>(
        &self,
        key: &str,
        migrate_v1: impl FnOnce(&str) -> Result<T, String>,
    ) -> Read<T> {
        match self.text(key) {
            Some(text) => self.parse(&text, migrate_v1),
            None => Read::Missing,
        }
    }

    fn parse<T: DeserializeOwned + Schema>(
        &self,
        text: &str,
        migrate_v1: impl FnOnce(&str) -> Result<T, String>,
    ) -> Read<T> {
        match self.codec.decode::<Header>(text) {
            Err(e) => Read::Unreadable(e),
            Ok(Header { schema }) if schema > SCHEMA => Read::Newer(schema),
            Ok(Header { schema: 1 }) => migrate_v1(text).map_or_else(Read::Unreadable, Read::Found),
            // Schema 2 lacks only optional fields: read as today's.
            Ok(Header { schema }) if schema == SCHEMA || schema == SCHEMA_2 => {
                match self.codec.decode::<T>(text) {
                    Ok(mut record) => {
                        record.set_schema(SCHEMA);
                        Read::Found(record)
                    }
                    Err(e) => Read::Unreadable(e),
                }
            }
            Ok(Header { schema }) => Read::Unreadable(format!("unknown schema {schema}")),
        }
    }

    fn read_progress(&self) -> Read<Progress> {
        self.read(&self.keys.progress(), |text| {
            self.codec.decode::<Progress>(text).map(migrate_progress_v1)
        })
    }

    fn read_history_at(&self, key: &str) -> Read<History> {
        self.read(key, |text| self.migrate_history(text))
    }

    fn migrate_history(&self, text: &str) -> Result<History, String> {
        self.codec.decode::<HistoryV1>(text).map(migrate_history_v1)
    }

    /// The history under `key` in the backend and in memory together, for `instrument`.
    fn histories_at(&self, key: &str, instrument: &str) -> History {
        let mut merged = History::new(instrument);
        let held = self.held.borrow().get(key).cloned();
        let stored = self.backend.get(key).ok().flatten();
        for text in held.iter().chain(&stored) {
            if let Read::Found(h) = self.parse(text, |t| self.migrate_history(t))
                && h.instrument == instrument
            {
                merged.merge(&h);
            }
        }
        merged
    }

    /// Copies the record under `kind` to a backup key and removes it, so a fresh record can
    /// take its place; if the copy cannot be written, leaves it alone and freezes the key.
    fn set_aside(&self, kind: &str, reason: SetAsideReason, now: f64, notices: &mut Vec<Notice>) {
        let key = self.keys.of(kind);
        let Some(text) = self.text(&key) else {
            return;
        };
        let mut backup = self.keys.backup(kind, now);
        let mut n = 1;
        while matches!(self.backend.get(&backup), Ok(Some(_))) {
            backup = format!("{}-{n}", self.keys.backup(kind, now));
            n += 1;
        }
        if self.set_making_room(&backup, &text).is_ok() && self.backend.remove(&key).is_ok() {
            self.held.borrow_mut().remove(&key);
            notices.push(Notice::SetAside {
                key,
                backup,
                reason,
            });
        } else {
            let _ = self.backend.remove(&backup);
            self.frozen.borrow_mut().insert(key.clone());
            notices.push(Notice::LeftAlone { key });
        }
    }

    /// Reads the attempt in progress and the history of `instrument`, setting aside what
    /// cannot be used.
    pub fn load(&self, instrument: &Questions, now: f64) -> Loaded {
        let mut notices = Vec::new();
        let progress = match self.read_progress() {
            Read::Missing => None,
            Read::Found(p)
                if p.instrument == instrument.id().as_str()
                    && !instrument.reads_version(p.version) =>
            {
                if p.is_started() {
                    self.set_aside(PROGRESS, SetAsideReason::Mismatch, now, &mut notices);
                    notices.push(Notice::Restarted {
                        from: p.version,
                        to: instrument.version(),
                    });
                }
                None
            }
            Read::Found(p) if p.fits(instrument) => Some(p),
            Read::Found(_) => {
                self.set_aside(PROGRESS, SetAsideReason::Mismatch, now, &mut notices);
                None
            }
            Read::Newer(v) => {
                self.set_aside(PROGRESS, SetAsideReason::Newer(v), now, &mut notices);
                None
            }
            Read::Unreadable(e) => {
                self.set_aside(PROGRESS, SetAsideReason::Unreadable(e), now, &mut notices);
                None
            }
        };
        let id = instrument.id().as_str();
        let history = match self.read_history_at(&self.keys.history()) {
            Read::Missing => History::new(id),
            Read::Found(h) if h.instrument == id => h,
            Read::Found(_) => {
                self.set_aside(HISTORY, SetAsideReason::Mismatch, now, &mut notices);
                History::new(id)
            }
            Read::Newer(v) => {
                self.set_aside(HISTORY, SetAsideReason::Newer(v), now, &mut notices);
                History::new(id)
            }
            Read::Unreadable(e) => {
                self.set_aside(HISTORY, SetAsideReason::Unreadable(e), now, &mut notices);
                History::new(id)
            }
        };
        // A history held in memory goes with what other tabs stored meanwhile.
        let history = if self.held.borrow().get(&self.keys.history()).is_some() {
            self.histories_at(&self.keys.history(), id)
        } else {
            history
        };
        Loaded {
            progress,
            history,
            notices,
        }
    }

    /// Reads the current records again without setting anything aside (after another tab or
    /// widget wrote them). Records that cannot be used read as absent.
    pub fn reload(&self, instrument: &Questions) -> (Option<Progress>, History) {
        let progress = match self.read_progress() {
            Read::Found(p) if p.fits(instrument) => Some(p),
            _ => None,
        };
        let history = self.histories_at(&self.keys.history(), instrument.id().as_str());
        (progress, history)
    }

    /// Writes `text` under `key`, dropping the oldest completed attempts of the namespace
    /// while the quota is full. `own` is this instrument's history as the caller holds it; if
    /// attempts are dropped from it, it is updated. The attempt completed at `keep` is never
    /// dropped. What cannot be written is held in memory; once a write succeeds, what is
    /// held is written too.
    fn write(
        &self,
        key: &str,
        text: &dyn Fn(&History) -> Result<String, String>,
        own: &mut History,
        keep: Option<f64>,
        notices: &mut Vec<Notice>,
    ) -> bool {
        let Ok(body) = text(own) else {
            notices.push(Notice::NotSaved);
            return false;
        };
        let fault = if self.frozen.borrow().contains(key) {
            Some(Saving::Full)
        } else {
            self.store(key, text, own, keep, notices).err()
        };
        match fault {
            None => {
                self.held.borrow_mut().remove(key);
                self.write_held(notices);
                true
            }
            Some(fault) => {
                let body = text(own).unwrap_or(body);
                self.held.borrow_mut().insert(key.to_owned(), body);
                self.saving.set(fault);
                notices.push(match fault {
                    Saving::Refused => Notice::InMemory,
                    _ => Notice::NotSaved,
                });
                false
            }
        }
    }

    /// Stores `text(own)` under `key`, pruning as [`Vault::write`] says; the error says
    /// whether the storage is full or refused.
    fn store(
        &self,
        key: &str,
        text: &dyn Fn(&History) -> Result<String, String>,
        own: &mut History,
        keep: Option<f64>,
        notices: &mut Vec<Notice>,
    ) -> Result<(), Saving> {
        let before = own.clone();
        let (mut others, mut ours) = (0, 0);
        let stored = loop {
            let Ok(body) = text(own) else {
                break Err(Saving::Full);
            };
            match self.set_making_room(key, &body) {
                Ok(()) => break Ok(()),
                Err(Fault::Quota) => match self.drop_oldest(own, keep) {
                    Some(Dropped::Other) => others += 1,
                    Some(Dropped::Own) => ours += 1,
                    None => break Err(Saving::Full),
                },
                Err(Fault::Other(_)) => break Err(Saving::Refused),
            }
        };
        if stored.is_err() && ours > 0 {
            // Dropping our own attempts did not make room: they stay, in memory at least.
            *own = before;
            let history = self.keys.history();
            if key != history
                && let Ok(text) = self.codec.encode(own)
            {
                self.held.borrow_mut().insert(history, text);
            }
            ours = 0;
        }
        if others + ours > 0 {
            notices.push(Notice::Pruned(others + ours));
        }
        stored
    }

    /// Stores the records held in memory, a history merged with what is stored under its
    /// key; says [`Notice::SavedAgain`] when nothing is left held after a fault.
    fn write_held(&self, notices: &mut Vec<Notice>) {
        let held = self.held();
        for (key, text) in held {
            let stored = if text.is_empty() {
                self.backend.remove(&key).map_err(|_| Saving::Refused)
            } else if key == self.keys.history() {
                let mut merged = self.histories_at(&key, self.keys.instrument());
                self.store(&key, &|h| self.codec.encode(h), &mut merged, None, notices)
            } else {
                self.set_making_room(&key, &text)
                    .map_err(|fault| match fault {
                        Fault::Quota => Saving::Full,
                        Fault::Other(_) => Saving::Refused,
                    })
            };
            match stored {
                Ok(()) => {
                    self.held.borrow_mut().remove(&key);
                }
                Err(fault) => {
                    self.saving.set(fault);
                    return;
                }
            }
        }
        if self.saving.get() != Saving::Stored {
            self.saving.set(Saving::Stored);
            notices.push(Notice::SavedAgain);
        }
    }

    /// Tries storage again for the records held in memory (before the page closes, say).
    pub fn flush(&self) -> Vec<Notice> {
        let mut notices = Vec::new();
        if !self.held.borrow().0.is_empty() {
            self.write_held(&mut notices);
        }
        notices
    }

    /// Removes one kept screen (of any namespace) to make room; says whether there was one.
    /// A kept screen only saves a returning reader a moment: it goes before any attempt.
    fn drop_kept(&self) -> bool {
        let kept = self.backend.keys().into_iter().find(|key| is_kept(key));
        kept.is_some_and(|key| self.backend.remove(&key).is_ok())
    }

    /// Writes `value` under `key`, removing kept screens while the storage is full.
    fn set_making_room(&self, key: &str, value: &str) -> Result<(), Fault> {
        loop {
            match self.backend.set(key, value) {
                Err(Fault::Quota) if self.drop_kept() => {}
                done => return done,
            }
        }
    }

    /// Drops the oldest completed attempt in the namespace; says whose it was, or `None` when
    /// there is none left.
    fn drop_oldest(&self, own: &mut History, keep: Option<f64>) -> Option<Dropped> {
        let own_key = self.keys.history();
        // (completed_at, key) of the oldest attempt of every other readable history.
        let mut oldest: Option<(f64, String, History)> = None;
        for key in self.backend.keys() {
            if key == own_key
                || self
                    .keys
                    .split(&key)
                    .is_none_or(|(_, kind)| kind != HISTORY)
            {
                continue;
            }
            let stored = self.backend.get(&key).ok().flatten();
            if let Some(Read::Found(h)) =
                stored.map(|t| self.parse(&t, |t| self.migrate_history(t)))
                && let Some(first) = h.attempts.first()
                && oldest
                    .as_ref()
                    .is_none_or(|(t, _, _)| first.completed_at < *t)
            {
                oldest = Some((first.completed_at, key, h));
            }
        }
        let own_first = own
            .attempts
            .iter()
            .position(|a| Some(a.completed_at) != keep);
        let own_time = own_first.map(|i| own.attempts[i].completed_at);
        match (oldest, own_time) {
            (Some((t, key, mut h)), own_time) if own_time.is_none_or(|o| t <= o) => {
                h.attempts.remove(0);
                let written = self
                    .codec
                    .encode(&h)
                    .map_err(Fault::Other)
                    .and_then(|text| self.backend.set(&key, &text));
                written.is_ok().then_some(Dropped::Other)
            }
            (_, Some(_)) => {
                if let Some(i) = own_first {
                    own.attempts.remove(i);
                    // Keep the stored copy in step, so the space is really freed.
                    if let Ok(text) = self.codec.encode(own) {
                        let _ = self.backend.set(&own_key, &text);
                    }
                }
                Some(Dropped::Own)
            }
            _ => None,
        }
    }

    /// Scores the attempts of `history` that were stored without scores (migrated from
    /// schema 1) and stores the history again if any changed.
    pub fn backfill(&self, history: &mut History, instrument: &Instrument) -> Vec<Notice> {
        let mut notices = Vec::new();
        if history.backfill(instrument) {
            let key = self.keys.history();
            let mut own = history.clone();
            self.write(
                &key,
                &|h| self.codec.encode(h),
                &mut own,
                None,
                &mut notices,
            );
            *history = own;
        }
        notices
    }

    /// Saves the attempt in progress; `history` is updated if attempts had to be dropped.
    pub fn save_progress(&self, progress: &Progress, history: &mut History) -> Vec<Notice> {
        let mut notices = Vec::new();
        let key = self.keys.progress();
        self.write(
            &key,
            &|_| self.codec.encode(progress),
            history,
            None,
            &mut notices,
        );
        notices
    }

    /// Removes the attempt in progress.
    pub fn clear_progress(&self) {
        let key = self.keys.progress();
        self.held.borrow_mut().remove(&key);
        if !self.frozen.borrow().contains(&key) {
            self.remove(&key);
        }
    }

    /// Adds a completed attempt to the history, merged with whatever another tab or widget
    /// stored meanwhile, and saves it. Returns the history as stored (or as held in memory if
    /// it could not be stored).
    pub fn add_attempt(&self, history: &History, attempt: Attempt) -> (History, Vec<Notice>) {
        let mut merged = self.histories_at(&self.keys.history(), self.keys.instrument());
        merged.merge(history);
        let keep = attempt.completed_at;
        merged.merge(&History {
            schema: SCHEMA,
            instrument: self.keys.instrument().to_owned(),
            attempts: vec![attempt],
        });
        let mut notices = Vec::new();
        let key = self.keys.history();
        self.write(
            &key,
            &|h| self.codec.encode(h),
            &mut merged,
            Some(keep),
            &mut notices,
        );
        (merged, notices)
    }

    /// Records `asked` (the reader's request for others' view and the codes received) on the
    /// attempt completed at `completed_at`, merged with whatever another tab or widget stored
    /// meanwhile, and saves it. Returns the history as stored (or as held in memory).
    pub fn ask_others(
        &self,
        history: &History,
        completed_at: f64,
        asked: Asked,
    ) -> (History, Vec<Notice>) {
        let mut merged = self.histories_at(&self.keys.history(), self.keys.instrument());
        merged.merge(history);
        let mut notices = Vec::new();
        let Some(attempt) = (merged.attempts.iter_mut()).find(|a| a.completed_at == completed_at)
        else {
            return (merged, notices);
        };
        match &mut attempt.others {
            Some(mine) if mine.request == asked.request => mine.merge(&asked),
            // A new request replaces the one before, with its codes.
            _ => attempt.others = Some(asked),
        }
        let key = self.keys.history();
        self.write(
            &key,
            &|h| self.codec.encode(h),
            &mut merged,
            Some(completed_at),
            &mut notices,
        );
        (merged, notices)
    }

    /// Every key of this namespace, sorted.
    pub fn namespace_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .backend
            .keys()
            .into_iter()
            .chain(self.held.borrow().0.iter().map(|(k, _)| k.clone()))
            .filter(|k| self.keys.owns(k) && self.text(k).is_some())
            .collect();
        crate::sort::sort_by(&mut keys, |a, b| a.cmp(b));
        keys.dedup();
        keys
    }

    /// Every record of the namespace as an export file.
    pub fn export(&self, now: f64) -> Result<String, String> {
        let prefix = self.keys.namespace_prefix();
        let records = self
            .namespace_keys()
            .into_iter()
            .filter(|key| !is_kept(key))
            .filter_map(|key| {
                let text = self.text(&key)?;
                Some(ExportRecord {
                    key: key[prefix.len()..].to_owned(),
                    text,
                })
            })
            .collect();
        self.codec.encode(&ExportFile {
            format: EXPORT_FORMAT.to_owned(),
            version: EXPORT_VERSION,
            namespace: self.keys.namespace().to_owned(),
            exported_at: now,
            records,
        })
    }

    /// Checks one exported record: its key names an instrument and a kind we know, and a
    /// progress or history record reads.
    fn check_record(&self, record: &ExportRecord) -> Result<(), String> {
        let (instrument, kind) = record
            .key
            .split_once(':')
            .ok_or_else(|| "the key has no kind".to_owned())?;
        if !is_valid_id(instrument) {
            return Err("the key does not name an instrument".into());
        }
        let base = kind.split(":backup-").next().unwrap_or(kind);
        if kind != base {
            // A backup holds whatever could not be read; it is kept as it is.
            return if base == PROGRESS || base == HISTORY {
                Ok(())
            } else {
                Err(format!("unknown kind of record \"{kind}\""))
            };
        }
        let header: Header = self.codec.decode(&record.text)?;
        if header.schema > SCHEMA {
            return Err(format!(
                "written by a newer version (schema {})",
                header.schema
            ));
        }
        match kind {
            PROGRESS if [1, SCHEMA_2, SCHEMA].contains(&header.schema) => {
                let p: Progress = self.codec.decode(&record.text)?;
                (p.instrument == instrument)
                    .then_some(())
                    .ok_or_else(|| "it belongs to another instrument".to_owned())
            }
            HISTORY if header.schema == SCHEMA || header.schema == SCHEMA_2 => {
                let h: History = self.codec.decode(&record.text)?;
                (h.instrument == instrument)
                    .then_some(())
                    .ok_or_else(|| "it belongs to another instrument".to_owned())
            }
            HISTORY if header.schema == 1 => {
                self.codec.decode::<HistoryV1>(&record.text).map(|_| ())
            }
            _ => Err(format!("unknown kind of record \"{kind}\"")),
        }
    }

    /// Imports an export file into this namespace. Histories are merged with what is here;
    /// an attempt in progress is taken only when none is under way here; backups are added
    /// if absent. The whole file is checked first: a bad file changes nothing.
    pub fn import(&self, text: &str) -> Result<ImportReport, ImportError> {
        #[derive(serde::Deserialize)]
        struct Probe {
            format: Option<String>,
            version: Option<u32>,
        }
        let probe: Probe = self.codec.decode(text).map_err(ImportError::NotJson)?;
        if probe.format.as_deref() != Some(EXPORT_FORMAT) {
            return Err(ImportError::NotAnExport);
        }
        if let Some(v) = probe.version.filter(|&v| v > EXPORT_VERSION) {
            return Err(ImportError::Newer(v));
        }
        let file: ExportFile = self
            .codec
            .decode(text)
            .map_err(|_| ImportError::NotAnExport)?;
        let bad: Vec<(String, String)> = file
            .records
            .iter()
            .filter_map(|r| self.check_record(r).err().map(|e| (r.key.clone(), e)))
            .collect();
        if !bad.is_empty() {
            return Err(ImportError::BadRecords(bad));
        }

        // Work out every write first.
        let prefix = self.keys.namespace_prefix();
        let mut writes: Vec<(String, String)> = Vec::new();
        let mut report = ImportReport::default();
        for record in &file.records {
            let key = format!("{prefix}{}", record.key);
            let (instrument, kind) = record.key.split_once(':').unwrap_or_default();
            match kind {
                HISTORY => {
                    let incoming = match self.read_text_history(&record.text) {
                        Some(h) => h,
                        None => continue,
                    };
                    let mut merged = match self.read_history_at(&key) {
                        Read::Found(h) if h.instrument == instrument => h,
                        Read::Missing => History::new(instrument),
                        // Something unreadable is here: leave it, take nothing over it.
                        _ => continue,
                    };
                    let before = merged.attempts.len();
                    merged.merge(&incoming);
                    let added = merged.attempts.len().saturating_sub(before);
                    if added > 0 || before == 0 {
                        report.attempts += added;
                        let text = self
                            .codec
                            .encode(&merged)
                            .map_err(|e| ImportError::BadRecords(vec![(record.key.clone(), e)]))?;
                        writes.push((key, text));
                    }
                }
                PROGRESS => {
                    let here = self.text(&key);
                    let started_here = here
                        .as_deref()
                        .and_then(|t| self.codec.decode::<Progress>(t).ok())
                        .is_some_and(|p| p.is_started());
                    if here.is_none() || !started_here && here.as_deref() != Some(&record.text) {
                        writes.push((key, record.text.clone()));
                    }
                }
                _ => {
                    if self.text(&key).is_none() {
                        writes.push((key, record.text.clone()));
                    }
                }
            }
        }

        // Then write, undoing everything if one write does not fit. While the browser
        // refuses storage, the records are held in memory for the visit.
        let mut undo: Vec<(String, Option<String>, Option<String>)> = Vec::new();
        for (key, text) in &writes {
            let before = self.backend.get(key).ok().flatten();
            let held_before = self.held.borrow().get(key).cloned();
            let written = if self.frozen.borrow().contains(key) {
                Err(Fault::Quota)
            } else {
                self.set_making_room(key, text)
            };
            match written {
                Ok(()) => {
                    self.held.borrow_mut().remove(key);
                }
                Err(Fault::Other(_)) => {
                    self.held.borrow_mut().insert(key.clone(), text.clone());
                    self.saving.set(Saving::Refused);
                }
                Err(Fault::Quota) => {
                    for (key, before, held_before) in undo.into_iter().rev() {
                        let _ = match before {
                            Some(text) => self.backend.set(&key, &text),
                            None => self.backend.remove(&key),
                        };
                        let mut held = self.held.borrow_mut();
                        match held_before {
                            Some(text) => held.insert(key, text),
                            None => held.remove(&key),
                        };
                    }
                    return Err(ImportError::Quota);
                }
            }
            undo.push((key.clone(), before, held_before));
        }
        report.records = writes.len();
        Ok(report)
    }

    fn read_text_history(&self, text: &str) -> Option<History> {
        let header: Header = self.codec.decode(text).ok()?;
        match header.schema {
            1 => self
                .codec
                .decode::<HistoryV1>(text)
                .ok()
                .map(migrate_history_v1),
            SCHEMA_2 | SCHEMA => self.codec.decode(text).ok(),
            _ => None,
        }
    }

    /// Removes every key of this namespace (all instruments, backups included); returns how
    /// many were removed.
    pub fn delete_all(&self) -> usize {
        let keys = self.namespace_keys();
        self.held.borrow_mut().0.clear();
        for key in &keys {
            self.remove(key);
        }
        self.frozen.borrow_mut().clear();
        if self.saving.get() == Saving::Full {
            self.saving.set(Saving::Stored);
        }
        keys.len()
    }
}
