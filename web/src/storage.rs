//! The widget's one door to `localStorage`.
//!
//! * What is stored and how faults are survived is [`candor_core::vault`]'s, tested natively.
//! * [`LocalBackend`]: `window.localStorage`, with `QuotaExceededError` told apart from a
//!   refusal. Without a storage object (blocked site data, a sandboxed iframe), every call
//!   fails as refused. Or, for a quiz that keeps nothing (a rater's), memory alone.
//! * [`JsonCodec`]: the browser's own JSON.
//! * [`open`]: a vault that starts from what another copy of the widget held in memory.
//!   A probe tells whether the browser refuses storage.
//! * A full storage is not a refusal: the vault prunes and retries, and holds in memory only
//!   what does not fit.

use candor_core::records::Keys;
use candor_core::vault::{Backend, Codec, Fault, MemoryBackend, Saving, Vault};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};

use crate::json;

/// `window.localStorage`, when the browser gives the page one; or memory alone, for a quiz
/// that keeps nothing in the browser.
pub enum LocalBackend {
    /// The page's `localStorage`, if any.
    Local(Option<web_sys::Storage>),
    /// Memory only, gone with the page ([`in_memory`]). Behind a pointer, so that a bundle
    /// that never keeps a quiz in memory carries none of its code.
    Memory(Box<dyn Backend>),
}

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

impl LocalBackend {
    fn storage(&self) -> Result<&web_sys::Storage, Fault> {
        match self {
            Self::Local(storage) => storage
                .as_ref()
                .ok_or_else(|| Fault::Other("no localStorage".to_owned())),
            Self::Memory(_) => Err(Fault::Other("memory only".to_owned())),
        }
    }
}

impl Backend for LocalBackend {
    fn get(&self, key: &str) -> Result<Option<String>, Fault> {
        match self {
            Self::Memory(memory) => memory.get(key),
            Self::Local(_) => self.storage()?.get_item(key).map_err(fault),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Fault> {
        match self {
            Self::Memory(memory) => memory.set(key, value),
            Self::Local(_) => self.storage()?.set_item(key, value).map_err(fault),
        }
    }

    fn remove(&self, key: &str) -> Result<(), Fault> {
        match self {
            Self::Memory(memory) => memory.remove(key),
            Self::Local(_) => self.storage()?.remove_item(key).map_err(fault),
        }
    }

    fn keys(&self) -> Vec<String> {
        if let Self::Memory(memory) = self {
            return memory.keys();
        }
        let Ok(storage) = self.storage() else {
            return Vec::new();
        };
        let length = storage.length().unwrap_or(0);
        (0..length)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect()
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
pub type WidgetVault = Vault<LocalBackend, JsonCodec>;

/// `localStorage` if the browser gives the page one, and whether it refuses writes: checked
/// by writing and removing `probe` (a key of our namespace that no record uses). A full
/// storage refuses nothing: the probe's quota error says only that space is short now.
fn local(probe: &str) -> (Option<web_sys::Storage>, Saving) {
    // The getter itself throws in a sandboxed iframe or with site data blocked.
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    let Some(storage) = storage else {
        return (None, Saving::Refused);
    };
    let saving = match storage.set_item(probe, "1").map_err(fault) {
        Ok(()) => {
            let _ = storage.remove_item(probe);
            Saving::Stored
        }
        Err(Fault::Quota) => Saving::Stored,
        Err(Fault::Other(_)) => Saving::Refused,
    };
    (Some(storage), saving)
}

/// Opens the vault for `keys`; `held` is what another copy of the widget (the small bundle
/// handing over) held in memory because it could not store it.
pub fn open(keys: Keys, held: Vec<(String, String)>) -> WidgetVault {
    let probe = format!("{}probe", keys.namespace_prefix());
    let (storage, saving) = local(&probe);
    Vault::new(LocalBackend::Local(storage), JsonCodec, keys).resume(held, saving)
}

/// A vault for `keys` in memory alone: nothing reaches the browser's storage, and it is
/// gone with the page (a rater's answers).
pub fn in_memory(keys: Keys) -> WidgetVault {
    Vault::new(
        LocalBackend::Memory(Box::new(MemoryBackend::new())),
        JsonCodec,
        keys,
    )
}
