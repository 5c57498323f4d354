//! JSON in and out of the widget, through the browser's own parser.
//!
//! * Records, hand-overs and questions forms are read with `JSON.parse` and
//!   `serde-wasm-bindgen`, and written back through `JSON.stringify`.
//! * Definitions are not read here: the core reads their text itself
//!   (`Instrument::from_json`), so their hundreds of short texts do not cross from
//!   JavaScript one by one.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

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
