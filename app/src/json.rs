//! JSON in and out of the widget.
//!
//! Instrument definitions are read by `serde_json` straight into the core's JSON tree:
//! hundreds of short texts, which through `JSON.parse` would each cross from JavaScript into
//! WebAssembly one by one (that made reading a definition the largest part of showing the
//! first screen). Records, small and typed, go through the browser's `JSON.parse` and
//! `serde-wasm-bindgen`; writing goes the other way through `JSON.stringify`.

use candor_core::json::Value;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

/// Reads `text` into the core's JSON tree (the parser the core's definition reader takes).
/// A syntax error names its line and column.
pub fn parse(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// Reads `text` as JSON into `T`.
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(|e| describe(&e))?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// Writes `value` as JSON text.
pub fn write<T: Serialize>(value: &T) -> Result<String, String> {
    let js = to_js(value)?;
    js_sys::JSON::stringify(&js)
        .map(String::from)
        .map_err(|e| describe(&e))
}

/// Converts `value` into a plain JavaScript value (objects, arrays, numbers, `null`).
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, String> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| e.to_string())
}

/// The message of a thrown JavaScript error.
pub fn describe(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// `text` reduced to letters, digits, `-` and `_`, for file names.
///
/// ```
/// assert_eq!(candor_app::json::file_safe("WS 42/b"), "WS42b");
/// ```
pub fn file_safe(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}
