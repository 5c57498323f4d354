//! Helpers shared by the integration tests.
#![allow(dead_code, missing_docs, clippy::unwrap_used)]

use candor_core::builtin;
use candor_core::definition::Instrument;
use candor_core::json::Value;

pub fn parse(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

pub fn builtin(id: &str) -> Instrument {
    builtin::load(id, parse).unwrap_or_else(|e| panic!("{e}"))
}
