//! The widget's one door to `localStorage`: typed records in, typed records out, and every
//! failure reported as a value, never a panic.
//!
//! When the browser refuses storage altogether (blocked site data, a sandboxed iframe
//! without `allow-same-origin`, a `setItem` that always throws), [`Store::open`] falls back
//! to an in-memory map and says so, so the quiz still works for the length of the visit.

use std::cell::RefCell;
use std::collections::HashMap;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::json;

/// Where records are kept.
enum Backend {
    /// The browser's `localStorage`.
    Local(web_sys::Storage),
    /// A map that lives as long as the page.
    Memory(RefCell<HashMap<String, String>>),
}

/// Why storage could not be used as asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageFault {
    /// The browser does not let this page use `localStorage` at all.
    Unavailable,
    /// A write failed, usually because the quota is full.
    WriteFailed(String),
}

/// What reading a record found.
#[derive(Debug)]
pub enum Load<T> {
    /// No record under the key.
    Missing,
    /// The record, read.
    Found(T),
    /// A record is there but could not be read as `T`; the text is kept so it is not lost.
    Unreadable {
        /// The stored text.
        text: String,
        /// What went wrong.
        error: String,
    },
}

/// Access to the widget's records.
pub struct Store {
    backend: Backend,
}

/// A key no record of ours uses, written and removed once to check that writes work.
const PROBE_KEY: &str = "candor:probe";

impl Store {
    /// Opens `localStorage`, or memory with [`StorageFault::Unavailable`] when the browser
    /// refuses it (the getter throws, it is missing, or a test write fails).
    pub fn open() -> (Self, Option<StorageFault>) {
        match Self::local() {
            Some(storage) => (
                Self {
                    backend: Backend::Local(storage),
                },
                None,
            ),
            None => (Self::memory(), Some(StorageFault::Unavailable)),
        }
    }

    /// A store that keeps everything in memory.
    pub fn memory() -> Self {
        Self {
            backend: Backend::Memory(RefCell::new(HashMap::new())),
        }
    }

    fn local() -> Option<web_sys::Storage> {
        let storage = web_sys::window()?.local_storage().ok()??;
        storage.set_item(PROBE_KEY, "1").ok()?;
        storage.remove_item(PROBE_KEY).ok()?;
        Some(storage)
    }

    /// Whether records survive the page (false when running in memory).
    pub fn is_persistent(&self) -> bool {
        matches!(self.backend, Backend::Local(_))
    }

    /// The raw text under `key`.
    pub fn get(&self, key: &str) -> Option<String> {
        match &self.backend {
            Backend::Local(s) => s.get_item(key).ok().flatten(),
            Backend::Memory(m) => m.borrow().get(key).cloned(),
        }
    }

    /// Writes raw text under `key`.
    pub fn set(&self, key: &str, value: &str) -> Result<(), StorageFault> {
        match &self.backend {
            Backend::Local(s) => s
                .set_item(key, value)
                .map_err(|e| StorageFault::WriteFailed(json::describe(&e))),
            Backend::Memory(m) => {
                m.borrow_mut().insert(key.to_owned(), value.to_owned());
                Ok(())
            }
        }
    }

    /// Removes `key`.
    pub fn remove(&self, key: &str) {
        match &self.backend {
            Backend::Local(s) => {
                let _ = s.remove_item(key);
            }
            Backend::Memory(m) => {
                m.borrow_mut().remove(key);
            }
        }
    }

    /// Reads the record under `key`.
    pub fn load<T: DeserializeOwned>(&self, key: &str) -> Load<T> {
        match self.get(key) {
            None => Load::Missing,
            Some(text) => match json::read(&text) {
                Ok(value) => Load::Found(value),
                Err(error) => Load::Unreadable { text, error },
            },
        }
    }

    /// Writes `value` as the record under `key`.
    pub fn save<T: Serialize>(&self, key: &str, value: &T) -> Result<(), StorageFault> {
        let text = json::write(value).map_err(StorageFault::WriteFailed)?;
        self.set(key, &text)
    }
}
