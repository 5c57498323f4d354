//! Helpers shared by the integration tests.
#![allow(dead_code, missing_docs, clippy::unwrap_used)]

use candor_core::builtin;
use candor_core::definition::Instrument;
use candor_core::json::Value;
use candor_core::response::Response;

pub fn parse(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

pub fn builtin(id: &str) -> Instrument {
    builtin::load(id, parse).unwrap_or_else(|e| panic!("{e}"))
}

/// A complete response to `instrument`: item `i` gets `seeds[i % seeds.len()]`, the group
/// (where the model asks for one) gets `group`, each reduced modulo its option count.
pub fn response(instrument: &Instrument, seeds: &[u8], group: u8) -> Response {
    let items = instrument.items.len();
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
