//! Helpers shared by the integration tests.
#![allow(dead_code, missing_docs, clippy::unwrap_used)]

use candor_core::builtin;
use candor_core::definition::Instrument;
use candor_core::response::Response;

/// The errors of built-in `id` with `change` applied to its JSON, as `path: message` lines.
pub fn errors(id: &str, change: impl FnOnce(&mut serde_json::Value)) -> Vec<String> {
    let mut value: serde_json::Value = serde_json::from_str(builtin::source(id).unwrap()).unwrap();
    change(&mut value);
    match Instrument::from_json(&value.to_string()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.as_slice().iter().map(|e| e.to_string()).collect(),
    }
}

pub fn builtin(id: &str) -> Instrument {
    builtin::load(id).unwrap_or_else(|e| panic!("{e}"))
}

/// A complete response to `instrument`: item `i` gets `seeds[i % seeds.len()]`, the group
/// (where the model asks for one) gets `group`, each reduced modulo its option count.
pub fn response(instrument: &Instrument, seeds: &[u8], group: u8) -> Response {
    let items = instrument.items().len();
    let mut index = 0;
    Response::complete_with(instrument, |_| {
        let value = if index < items {
            seeds[index % seeds.len()]
        } else {
            group
        };
        index += 1;
        value
    })
}

/// The JSON codec the vault uses natively (the app uses the browser's JSON).
pub struct Json;

impl candor_core::vault::Codec for Json {
    fn decode<T: serde::de::DeserializeOwned>(&self, text: &str) -> Result<T, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    fn encode<T: serde::Serialize>(&self, value: &T) -> Result<String, String> {
        serde_json::to_string(value).map_err(|e| e.to_string())
    }
}

/// A backend that fails every operation with `fault` while it is set, as a browser does
/// when its storage is full or refused for a while.
#[derive(Default)]
pub struct Flaky {
    pub store: candor_core::vault::MemoryBackend,
    pub fault: std::cell::RefCell<Option<candor_core::vault::Fault>>,
    /// Reads fail too (a browser that refuses storage altogether).
    pub unreadable: std::cell::Cell<bool>,
}

impl Flaky {
    pub fn fail(&self, fault: Option<candor_core::vault::Fault>) {
        *self.fault.borrow_mut() = fault;
    }

    fn check(&self) -> Result<(), candor_core::vault::Fault> {
        match &*self.fault.borrow() {
            Some(fault) => Err(fault.clone()),
            None => Ok(()),
        }
    }
}

impl candor_core::vault::Backend for &Flaky {
    fn get(&self, key: &str) -> Result<Option<String>, candor_core::vault::Fault> {
        if self.unreadable.get() {
            self.check()?;
        }
        self.store.get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), candor_core::vault::Fault> {
        self.check()?;
        self.store.set(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), candor_core::vault::Fault> {
        // Removing frees space: only a refusal stops it.
        if let Some(fault @ candor_core::vault::Fault::Other(_)) = &*self.fault.borrow() {
            return Err(fault.clone());
        }
        self.store.remove(key)
    }

    fn keys(&self) -> Vec<String> {
        if self.unreadable.get() && self.fault.borrow().is_some() {
            return Vec::new();
        }
        self.store.keys()
    }
}

/// Built-in `id` as its definition would read with another `version`.
pub fn with_version(id: &str, version: u16) -> Instrument {
    let mut value: serde_json::Value = serde_json::from_str(builtin::source(id).unwrap()).unwrap();
    value["version"] = version.into();
    Instrument::from_json(&value.to_string()).unwrap()
}
