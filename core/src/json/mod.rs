//! A small JSON value tree, the neutral ground between a parser and the definition reader.
//!
//! * [`text::parse`] reads JSON text into a [`Value`]. The bundles read definitions with
//!   it: it weighs a fraction of `serde_json` in WebAssembly.
//! * [`Value`] also implements serde's traits, for native code and tests that read and
//!   write with `serde_json`.
//! * [`read::from_value`] reads a [`Value`] into any serde type: the browser bundles' reader
//!   of records, hand-overs and questions forms, from the value `JSON.parse` made.
//! * The definition reader walks that tree, so it can report *every* problem with its path
//!   instead of stopping at the first.
//! * Objects keep their keys in document order, so error lists read top to bottom.
//!
//! ```
//! use candor_core::json::text::parse;
//! let v = parse(r#"{"a": [1, "x"]}"#).unwrap();
//! assert_eq!(v.get("a").and_then(|a| a.as_array()).map(|a| a.len()), Some(2));
//! ```

pub mod read;
pub mod text;

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// The largest integer a double (a JSON number in the browser) holds exactly: 2^53.
const EXACT: f64 = 9_007_199_254_740_992.0;

/// One JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// Any number; JSON numbers are doubles in the browser too.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, keys in document order.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The member `key` of an object, or `None` for a missing key or a non-object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The elements of an array.
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members of an object.
    pub fn as_object(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The value of a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The value of a boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// What type of value this is (a definition problem names it).
    pub fn value_type(&self) -> ValueType {
        match self {
            Value::Null => ValueType::Null,
            Value::Bool(_) => ValueType::Boolean,
            Value::Number(_) => ValueType::Number,
            Value::String(_) => ValueType::String,
            Value::Array(_) => ValueType::List,
            Value::Object(_) => ValueType::Object,
        }
    }
}

/// The six types of JSON value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueType {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    List,
    /// An object.
    Object,
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

/// Writes the tree back in document order. A whole number is written without a decimal
/// point (`3`, not `3.0`), so reading and writing a definition gives the same text.
impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < EXACT => {
                serializer.serialize_i64(*n as i64)
            }
            Value::Number(n) => serializer.serialize_f64(*n),
            Value::String(s) => serializer.serialize_str(s),
            Value::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (key, value) in members {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Value, E> {
        Ok(Value::Number(n))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(256));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            members.push((key, value));
        }
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_object_keys_in_document_order() {
        let v: Value = serde_json::from_str(r#"{"z": 1, "a": true, "m": null}"#).unwrap();
        let keys: Vec<&str> = v
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, _)| k.as_str())
            .collect();
        assert_eq!(keys, ["z", "a", "m"]);
    }

    #[test]
    fn writes_back_the_text_it_read() {
        let text = r#"{"z":1,"a":[true,null,-2.5,"s\"q"],"m":{"b":0.1,"a":1e21}}"#;
        let v: Value = serde_json::from_str(text).unwrap();
        let written = serde_json::to_string(&v).unwrap();
        assert_eq!(
            written,
            r#"{"z":1,"a":[true,null,-2.5,"s\"q"],"m":{"b":0.1,"a":1e+21}}"#
        );
        assert_eq!(serde_json::from_str::<Value>(&written).unwrap(), v);
    }

    #[test]
    fn reads_every_kind() {
        let v: Value = serde_json::from_str(r#"[null, false, -2, 2.5, "s", [], {}]"#).unwrap();
        let types: Vec<ValueType> = v
            .as_array()
            .unwrap()
            .iter()
            .map(Value::value_type)
            .collect();
        use ValueType::*;
        assert_eq!(types, [Null, Boolean, Number, Number, String, List, Object]);
        assert_eq!(v.as_array().unwrap()[2].as_f64(), Some(-2.0));
    }
}
