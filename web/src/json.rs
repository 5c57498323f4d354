//! JSON in and out of the widget, through the browser's own parser.
//!
//! * Records, hand-overs and questions forms are read with `JSON.parse`; the value it makes
//!   is walked once into the core's JSON tree, which the core reads into the type asked
//!   for ([`read`], `candor_core::json::read`).
//! * They are written back through `serde-wasm-bindgen` and `JSON.stringify` ([`write`]).
//! * Definitions are not read here: the core reads their text itself
//!   (`Instrument::from_json`), so their hundreds of short texts do not cross from
//!   JavaScript one by one.

use std::fmt;

use candor_core::json::Value;
use candor_core::json::read::{ShapeError, from_value};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};

/// Why JSON text could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// `JSON.parse` refused the text; its message.
    Syntax(String),
    /// The JSON is not the shape the value needs.
    Shape(ShapeError),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax(message) => f.write_str(message),
            Self::Shape(shape) => shape.fmt(f),
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads `text` as JSON into `T`.
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    read_value(text).map_err(|e| e.to_string())
}

/// Reads `text` as JSON into `T`, saying what went wrong.
pub fn read_value<T: DeserializeOwned>(text: &str) -> Result<T, ReadError> {
    let parsed = js_sys::JSON::parse(text).map_err(|e| ReadError::Syntax(describe(&e)))?;
    from_value(value_of(&parsed)).map_err(ReadError::Shape)
}

/// Walks a value `JSON.parse` made into the core's JSON tree (anything JSON does not make
/// reads as `null`). Each test is a call into JavaScript: the commonest kinds (texts, then
/// numbers) are tried first.
fn value_of(js: &JsValue) -> Value {
    if let Some(s) = js.as_string() {
        Value::String(s)
    } else if let Some(n) = js.as_f64() {
        Value::Number(n)
    } else if let Some(b) = js.as_bool() {
        Value::Bool(b)
    } else if js_sys::Array::is_array(js) {
        let array: &js_sys::Array = js.unchecked_ref();
        Value::Array(array.iter().map(|item| value_of(&item)).collect())
    } else if js.is_object() {
        let member = |pair: JsValue| {
            let pair: js_sys::Array = pair.unchecked_into();
            (
                pair.get(0).as_string().unwrap_or_default(),
                value_of(&pair.get(1)),
            )
        };
        let members = js_sys::Object::entries(js.unchecked_ref());
        Value::Object(members.iter().map(member).collect())
    } else {
        Value::Null
    }
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
