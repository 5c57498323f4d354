//! JSON in and out of the widget, through the browser's own parser.
//!
//! * Records, hand-overs and questions forms are read with `JSON.parse`; the value it makes
//!   is walked once into a [`Value`], which serde reads ([`read`]).
//! * They are written back through `serde-wasm-bindgen` and `JSON.stringify` ([`write`]).
//! * Definitions are not read here: the core reads their text itself
//!   (`Instrument::from_json`), so their hundreds of short texts do not cross from
//!   JavaScript one by one.
//! * A value of the wrong shape is refused with [`ReadError::Shape`], without saying which
//!   part: messages that name the unexpected value would link Rust's number formatting
//!   into the small bundle, and a record that cannot be read is set aside whatever the
//!   reason.

use std::fmt;

use serde::Serialize;
use serde::de::value::{MapDeserializer, SeqDeserializer, StringDeserializer};
use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// Why JSON text could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// `JSON.parse` refused the text; its message.
    Syntax(String),
    /// The JSON is not the shape the value needs (a field missing, a text where a number
    /// goes, a number out of range).
    Shape,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax(message) => f.write_str(message),
            Self::Shape => f.write_str("the JSON is not in the expected shape"),
        }
    }
}

impl std::error::Error for ReadError {}

impl de::Error for ReadError {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        Self::Shape
    }
}

/// Reads `text` as JSON into `T`.
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    read_value(text).map_err(|e| e.to_string())
}

/// Reads `text` as JSON into `T`, saying what went wrong.
pub fn read_value<T: DeserializeOwned>(text: &str) -> Result<T, ReadError> {
    let parsed = js_sys::JSON::parse(text).map_err(|e| ReadError::Syntax(describe(&e)))?;
    T::deserialize(Value::from_js(&parsed))
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

/// A value `JSON.parse` made, in Rust: what serde reads.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null` (and `undefined`, which JSON does not make).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object's own entries, in order.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// Walks a parsed JavaScript value (anything that is not JSON's reads as `null`).
    pub fn from_js(js: &JsValue) -> Self {
        if let Some(b) = js.as_bool() {
            Self::Bool(b)
        } else if let Some(n) = js.as_f64() {
            Self::Number(n)
        } else if let Some(s) = js.as_string() {
            Self::String(s)
        } else if js_sys::Array::is_array(js) {
            let array: &js_sys::Array = js.unchecked_ref();
            Self::Array(array.iter().map(|item| Self::from_js(&item)).collect())
        } else if js.is_object() {
            let entries = js_sys::Object::entries(js.unchecked_ref());
            let entry = |pair: JsValue| {
                let pair: js_sys::Array = pair.unchecked_into();
                (
                    pair.get(0).as_string().unwrap_or_default(),
                    Self::from_js(&pair.get(1)),
                )
            };
            Self::Object(entries.iter().map(entry).collect())
        } else {
            Self::Null
        }
    }
}

/// The largest integer a JavaScript number holds exactly (2^53).
const EXACT: f64 = 9_007_199_254_740_992.0;

impl<'de> de::Deserializer<'de> for Value {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self {
            Self::Null => visitor.visit_unit(),
            Self::Bool(b) => visitor.visit_bool(b),
            // Whole numbers as integers, so integer fields take them.
            Self::Number(n) if n.fract() == 0.0 && (0.0..=EXACT).contains(&n) => {
                visitor.visit_u64(n as u64)
            }
            Self::Number(n) if n.fract() == 0.0 && (-EXACT..0.0).contains(&n) => {
                visitor.visit_i64(n as i64)
            }
            Self::Number(n) => visitor.visit_f64(n),
            Self::String(s) => visitor.visit_string(s),
            Self::Array(items) => {
                let mut seq = SeqDeserializer::new(items.into_iter());
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Self::Object(entries) => {
                let mut map = MapDeserializer::new(entries.into_iter());
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self {
            Self::Null => visitor.visit_none(),
            value => visitor.visit_some(value),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        match self {
            // A unit variant: its name.
            Self::String(name) => visitor.visit_enum(name.into_deserializer()),
            // Any other: `{ "name": content }`.
            Self::Object(mut entries) if entries.len() == 1 => {
                let (name, content) = entries.remove(0);
                visitor.visit_enum(Variant { name, content })
            }
            _ => Err(ReadError::Shape),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

impl IntoDeserializer<'_, ReadError> for Value {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// An enum's variant written as `{ "name": content }`.
struct Variant {
    name: String,
    content: Value,
}

impl<'de> de::EnumAccess<'de> for Variant {
    type Error = ReadError;
    type Variant = Value;

    fn variant_seed<S: de::DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Value), ReadError> {
        let name: StringDeserializer<ReadError> = self.name.into_deserializer();
        Ok((seed.deserialize(name)?, self.content))
    }
}

impl<'de> de::VariantAccess<'de> for Value {
    type Error = ReadError;

    fn unit_variant(self) -> Result<(), ReadError> {
        match self {
            Self::Null => Ok(()),
            _ => Err(ReadError::Shape),
        }
    }

    fn newtype_variant_seed<S: de::DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<S::Value, ReadError> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        de::Deserializer::deserialize_map(self, visitor)
    }
}
