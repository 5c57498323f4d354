//! A [`Value`] read into any serde type: the browser bundles' reader of records,
//! hand-overs and questions forms, from the value `JSON.parse` made.
//!
//! * [`from_value`] reads it; serde's derives do the rest.
//! * A whole number is offered as an integer, so integer fields take it; any other as a
//!   float.
//! * An enum is a string (a unit variant) or an object with one member (any other).
//! * A value of the wrong shape is refused with [`ShapeError`], which names no part of it:
//!   messages that name the unexpected value would link Rust's number formatting into the
//!   small bundle, and a record that cannot be read is set aside whatever the reason.
//!
//! ```
//! use candor_core::json::{read::from_value, text::parse};
//! let pair: (u8, Option<String>) = from_value(parse("[3, null]").unwrap()).unwrap();
//! assert_eq!(pair, (3, None));
//! assert!(from_value::<u8>(parse("300").unwrap()).is_err());
//! ```

use std::fmt;

use serde::de::value::{MapDeserializer, SeqDeserializer, StringDeserializer};
use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};

use super::{EXACT, Value};

/// The JSON is not the shape the value needs: a field missing, a text where a number
/// goes, a number out of range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShapeError;

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the JSON is not in the expected shape")
    }
}

impl std::error::Error for ShapeError {}

impl de::Error for ShapeError {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        Self
    }
}

/// Reads `value` into `T`.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, ShapeError> {
    T::deserialize(value)
}

impl<'de> de::Deserializer<'de> for Value {
    type Error = ShapeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self {
            Self::Null => visitor.visit_unit(),
            Self::Bool(b) => visitor.visit_bool(b),
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
            Self::Object(members) => {
                let mut map = MapDeserializer::new(members.into_iter());
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self {
            Self::Null => visitor.visit_none(),
            value => visitor.visit_some(value),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        match self {
            Self::String(name) => visitor.visit_enum(name.into_deserializer()),
            Self::Object(mut members) if members.len() == 1 => {
                let (name, content) = members.remove(0);
                visitor.visit_enum(Variant { name, content })
            }
            _ => Err(ShapeError),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

impl IntoDeserializer<'_, ShapeError> for Value {
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
    type Error = ShapeError;
    type Variant = Value;

    fn variant_seed<S: de::DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Value), ShapeError> {
        let name: StringDeserializer<ShapeError> = self.name.into_deserializer();
        Ok((seed.deserialize(name)?, self.content))
    }
}

impl<'de> de::VariantAccess<'de> for Value {
    type Error = ShapeError;

    fn unit_variant(self) -> Result<(), ShapeError> {
        match self {
            Self::Null => Ok(()),
            _ => Err(ShapeError),
        }
    }

    fn newtype_variant_seed<S: de::DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<S::Value, ShapeError> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        de::Deserializer::deserialize_map(self, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::text::parse;
    use crate::questions::Questions;
    use crate::quiz::Step;
    use crate::records::{Asked, Attempt, History, Progress};
    use crate::scoring::Score;

    fn read<T: DeserializeOwned>(json: &str) -> Result<T, ShapeError> {
        from_value(parse(json).unwrap())
    }

    #[test]
    fn every_served_questions_form_reads_as_serde_json_reads_it() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/questions");
        let mut forms = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let expected: Questions = serde_json::from_str(&text).unwrap();
            assert_eq!(read::<Questions>(&text).unwrap(), expected);
            forms += 1;
        }
        assert!(forms >= 14, "{forms} forms");
    }

    #[test]
    fn records_read_back_as_serde_json_wrote_them() {
        let progress = Progress {
            schema: 3,
            instrument: "service-or-servility".to_owned(),
            version: 1,
            seed: 4_000_000_000,
            position: 3,
            answers: vec![Some(0), None, Some(4), None],
            group: None,
            started_at: 1_765_000_000_000.5,
        };
        let text = serde_json::to_string(&progress).unwrap();
        assert_eq!(read::<Progress>(&text).unwrap(), progress);

        let mut history = History::new("trust-equation");
        history.attempts.push(Attempt {
            completed_at: 1_765_000_000_123.0,
            version: 2,
            answers: vec![0, 4, 2, 3],
            group: Some(1),
            headline: "Trusted « partner »\n".to_owned(),
            scores: vec![
                Score {
                    id: "tq".to_owned(),
                    value: 4.25,
                },
                Score {
                    id: "C".to_owned(),
                    value: -3.0,
                },
            ],
            session: Some("{n} team".to_owned()),
            others: Some(Asked {
                request: "R1".to_owned(),
                codes: vec!["2ABC".to_owned()],
            }),
        });
        let text = serde_json::to_string(&history).unwrap();
        assert_eq!(read::<History>(&text).unwrap(), history);
    }

    #[test]
    fn enums_are_a_name_or_an_object_of_one_member() {
        let steps = [
            Step::Start,
            Step::Choose(2),
            Step::Next,
            Step::Data(true),
            Step::Back,
        ];
        let text = serde_json::to_string(&steps).unwrap();
        assert_eq!(
            text,
            r#"["start",{"choose":2},"next",{"data":true},"back"]"#
        );
        assert_eq!(read::<Vec<Step>>(&text).unwrap(), steps);
        for wrong in [
            r#"["jump"]"#,
            r#"[{"start":1}]"#,
            r#"[{"choose":1,"next":null}]"#,
            "[3]",
        ] {
            assert_eq!(read::<Vec<Step>>(wrong), Err(ShapeError), "{wrong}");
        }
    }

    #[test]
    fn numbers_fit_their_fields_or_are_refused() {
        assert_eq!(
            read::<(u8, i16, f64, f64)>("[255, -3, 2, 0.5]").unwrap(),
            (255, -3, 2.0, 0.5)
        );
        for wrong in ["[256]", "[-1]", "[1.5]", r#"["1"]"#, "[null]", "[true]"] {
            assert_eq!(read::<(u8,)>(wrong), Err(ShapeError), "{wrong}");
        }
        assert_eq!(read::<u64>("9007199254740992").unwrap(), 1 << 53);
    }

    #[test]
    fn missing_and_null_options_are_none_and_other_members_are_left_out() {
        #[derive(Debug, PartialEq, serde::Deserialize)]
        struct Record {
            seed: Option<u32>,
            #[serde(default)]
            steps: Vec<Step>,
        }
        let record = read::<Record>(r#"{"extra":[1,{"a":null}],"seed":null}"#).unwrap();
        assert_eq!(
            record,
            Record {
                seed: None,
                steps: Vec::new()
            }
        );
        assert_eq!(read::<Record>(r#"{"steps":"next"}"#), Err(ShapeError));
        assert_eq!(read::<Record>("null"), Err(ShapeError));
    }
}
