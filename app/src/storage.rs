//! The widget's one door to `localStorage`.
//!
//! Everything about *what* is stored and how faults are survived lives in
//! [`candor_core::vault`], tested natively; this module supplies the browser's side of it:
//! a [`Backend`] over `window.localStorage` (with `QuotaExceededError` told apart from other
//! failures), a [`Codec`] over the browser's own JSON, and the fallback to memory when the
//! browser refuses storage (blocked site data, a sandboxed iframe without
//! `allow-same-origin`, a `setItem` that always throws).

use std::collections::BTreeMap;

use candor_core::records::Keys;
use candor_core::vault::{Backend, Codec, Fault, MemoryBackend, Vault};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};

use crate::json;

/// `window.localStorage`.
pub struct LocalBackend(web_sys::Storage);

fn fault(error: JsValue) -> Fault {
    let name = error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default();
    // Browsers name it differently; Firefox once used its own name.
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        Fault::Quota
    } else {
        Fault::Other(json::describe(&error))
    }
}

impl Backend for LocalBackend {
    fn get(&self, key: &str) -> Result<Option<String>, Fault> {
        self.0.get_item(key).map_err(fault)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Fault> {
        self.0.set_item(key, value).map_err(fault)
    }

    fn remove(&self, key: &str) -> Result<(), Fault> {
        self.0.remove_item(key).map_err(fault)
    }

    fn keys(&self) -> Vec<String> {
        let length = self.0.length().unwrap_or(0);
        (0..length)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect()
    }
}

/// Storage as the widget found it: the browser's, or memory when that is refused.
pub enum AnyBackend {
    /// `localStorage`.
    Local(LocalBackend),
    /// Memory, for this visit only.
    Memory(MemoryBackend),
}

impl Backend for AnyBackend {
    fn get(&self, key: &str) -> Result<Option<String>, Fault> {
        match self {
            Self::Local(b) => b.get(key),
            Self::Memory(b) => b.get(key),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Fault> {
        match self {
            Self::Local(b) => b.set(key, value),
            Self::Memory(b) => b.set(key, value),
        }
    }

    fn remove(&self, key: &str) -> Result<(), Fault> {
        match self {
            Self::Local(b) => b.remove(key),
            Self::Memory(b) => b.remove(key),
        }
    }

    fn keys(&self) -> Vec<String> {
        match self {
            Self::Local(b) => b.keys(),
            Self::Memory(b) => b.keys(),
        }
    }
}

impl AnyBackend {
    /// Whether records outlive the page.
    pub fn is_persistent(&self) -> bool {
        matches!(self, Self::Local(_))
    }

    /// What is held in memory, to hand over to the full bundle; `None` for `localStorage`,
    /// which the full bundle reads itself.
    pub fn memory_snapshot(&self) -> Option<BTreeMap<String, String>> {
        match self {
            Self::Local(_) => None,
            Self::Memory(m) => Some(m.snapshot()),
        }
    }
}

/// The browser's `JSON.parse` and `JSON.stringify`.
pub struct JsonCodec;

impl Codec for JsonCodec {
    fn decode<T: DeserializeOwned>(&self, text: &str) -> Result<T, String> {
        json::read(text)
    }

    fn encode<T: Serialize>(&self, value: &T) -> Result<String, String> {
        json::write(value)
    }
}

/// The vault the widget uses.
pub type WidgetVault = Vault<AnyBackend, JsonCodec>;

/// `localStorage` if the browser lets this page read and write it, checked by writing and
/// removing `probe` (a key of our namespace that no record uses).
fn local(probe: &str) -> Option<web_sys::Storage> {
    // The getter itself throws in a sandboxed iframe or with site data blocked.
    let storage = web_sys::window()?.local_storage().ok()??;
    storage.set_item(probe, "1").ok()?;
    storage.remove_item(probe).ok()?;
    Some(storage)
}

/// Opens the vault for `keys`, in memory when the browser refuses storage; `memory` is what
/// the first-question bundle held in memory when it handed over.
pub fn open(keys: Keys, memory: Option<BTreeMap<String, String>>) -> WidgetVault {
    let probe = format!("{}probe", keys.namespace_prefix());
    let backend = match local(&probe) {
        Some(storage) => AnyBackend::Local(LocalBackend(storage)),
        None => AnyBackend::Memory(MemoryBackend::from_map(memory.unwrap_or_default())),
    };
    Vault::new(backend, JsonCodec, keys)
}
