//! Reads a JSON tree into a validated [`Instrument`], collecting every problem on the way.
//!
//! * The reader walks the tree once, top to bottom.
//! * Each helper reports what it finds wrong to the [`Reader`], and returns `None` for a
//!   part it could not read. Reading goes on, so a trainer sees the whole list at once.
//! * Cross-references are checked after the parts they join have been read. They are: an
//!   item's scale, subscale, component or cell; a weight list's length; band coverage that
//!   depends on the items.
//! * This file holds the reader's state and the shape helpers every part uses: objects,
//!   texts, numbers, lists, ids.
//! * Each part of the document is read in a file of its own. [`document`] reads the top
//!   level, and [`bands`] the result bands.
//! * There is one file per model: [`subscales`], [`levels`], [`ratio`] and [`grid`].
//! * [`items`] reads the items, and [`checks`] joins the model and the items.

use super::error::{DefinitionError, DefinitionErrors, Kind, Named};
use super::*;
use crate::json::{Value, ValueType};

mod bands;
mod checks;
mod document;
mod grid;
mod items;
mod levels;
mod ratio;
mod subscales;

/// Format version of the definition JSON this reader understands.
pub const FORMAT: i64 = 1;

pub(super) fn read(value: &Value) -> Result<Instrument, DefinitionErrors> {
    let mut reader = Reader { errors: Vec::new() };
    let instrument = reader.instrument(value);
    match (DefinitionErrors::from_vec(reader.errors), instrument) {
        (Some(errors), _) => Err(errors),
        (None, Some(instrument)) => Ok(instrument),
        (None, None) => Err(DefinitionErrors::single(DefinitionError::new(
            "",
            Kind::Unreadable,
        ))),
    }
}

fn shape_is_empty(shape: &ModelShape) -> bool {
    matches!(shape, ModelShape::Grid { rows, columns } if rows.ids.is_empty() || columns.ids.is_empty())
}

// Paths are built for every member read (a problem found later needs them), so they are
// built by hand: `format!` costs several times more in the browser.
fn join(path: &str, key: &str) -> String {
    let mut joined = String::with_capacity(path.len() + 1 + key.len());
    joined.push_str(path);
    if !path.is_empty() {
        joined.push('.');
    }
    joined.push_str(key);
    joined
}

fn index(path: &str, i: usize) -> String {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = i;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut indexed = String::with_capacity(path.len() + 2 + digits.len() - start);
    indexed.push_str(path);
    indexed.push('[');
    indexed.extend(digits[start..].iter().map(|&d| char::from(d)));
    indexed.push(']');
    indexed
}

/// An object being read, with its path.
struct Obj<'v> {
    members: &'v [(String, Value)],
    path: String,
}

impl<'v> Obj<'v> {
    /// The member `key`; `null` counts as absent.
    fn get(&self, key: &str) -> Option<&'v Value> {
        self.members
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| !matches!(v, Value::Null))
    }

    fn at(&self, key: &str) -> String {
        join(&self.path, key)
    }
}

/// A list of entries read with their ids, for uniqueness and lookups.
struct Ids {
    ids: Vec<String>,
}

impl Ids {
    fn position(&self, id: &str) -> Option<usize> {
        self.ids.iter().position(|i| i == id)
    }
}

/// A band as written, before its coverage is checked.
struct RawBands {
    bands: Vec<Band>,
    path: String,
    /// Whether min and max were written in tenths (one decimal place).
    tenths: bool,
}

struct Reader {
    errors: Vec<DefinitionError>,
}

/// What kind of model the items must agree with, and the ids they may refer to.
enum ModelShape {
    Subscales { subscales: Ids },
    Levels { levels: usize },
    Ratio { components: Ids },
    Grid { rows: Ids, columns: Ids },
}

/// A model read before its items, with the parts whose checks need the items.
enum ModelDraft {
    Subscales {
        model: Option<SubscaleModel>,
        weights_path: Vec<String>,
    },
    Levels(Option<LevelModel>),
    Ratio {
        model: Option<RatioModelDraft>,
    },
    Grid(Option<GridModel>),
}

struct RatioModelDraft {
    components: Vec<Component>,
    denominator: usize,
    tie_order: Vec<usize>,
    temperaments: Vec<Temperament>,
    quotient_bands: RawBands,
    balance_bands: RawBands,
    reference: Option<Reference>,
    balanced: Option<Balanced>,
}

impl Reader {
    fn report(&mut self, path: impl Into<String>, kind: Kind) {
        self.errors.push(DefinitionError::new(path, kind));
    }

    // ---- shape helpers -------------------------------------------------------------------

    fn object<'v>(&mut self, value: &'v Value, path: &str, allowed: &[&str]) -> Option<Obj<'v>> {
        let Some(members) = value.as_object() else {
            self.report(
                path,
                Kind::WrongType {
                    expected: ValueType::Object,
                    found: value.value_type(),
                },
            );
            return None;
        };
        for (key, _) in members {
            if !allowed.contains(&key.as_str()) {
                self.report(join(path, key), Kind::UnknownField);
            }
        }
        Some(Obj {
            members,
            path: path.to_owned(),
        })
    }

    fn required<'v>(&mut self, obj: &Obj<'v>, key: &str) -> Option<&'v Value> {
        let value = obj.get(key);
        if value.is_none() {
            self.report(obj.at(key), Kind::Missing);
        }
        value
    }

    fn check_text(&mut self, value: &Value, path: &str) -> Option<String> {
        let Some(text) = value.as_str() else {
            self.report(
                path,
                Kind::WrongType {
                    expected: ValueType::String,
                    found: value.value_type(),
                },
            );
            return None;
        };
        let chars = text.chars().count();
        if text.trim().is_empty() {
            self.report(path, Kind::Empty);
            None
        } else if chars > MAX_TEXT_CHARS {
            self.report(path, Kind::TooLong { chars });
            None
        } else {
            Some(text.trim().to_owned())
        }
    }

    fn text(&mut self, obj: &Obj, key: &str) -> Option<String> {
        let value = self.required(obj, key)?;
        self.check_text(value, &obj.at(key))
    }

    /// An optional text: absent is fine, present must be valid. The outer `None` means invalid.
    fn optional_text(&mut self, obj: &Obj, key: &str) -> Option<Option<String>> {
        match obj.get(key) {
            None => Some(None),
            Some(value) => self.check_text(value, &obj.at(key)).map(Some),
        }
    }

    fn id(&mut self, obj: &Obj, key: &str) -> Option<String> {
        let text = self.text(obj, key)?;
        if is_valid_id(&text) {
            Some(text)
        } else {
            self.report(obj.at(key), Kind::BadId);
            None
        }
    }

    fn number(&mut self, value: &Value, path: &str, min: f64, max: f64) -> Option<f64> {
        let Some(n) = value.as_f64() else {
            self.report(
                path,
                Kind::WrongType {
                    expected: ValueType::Number,
                    found: value.value_type(),
                },
            );
            return None;
        };
        if !(min..=max).contains(&n) {
            self.report(path, Kind::OutOfRange { min, max, found: n });
            return None;
        }
        Some(n)
    }

    fn whole(&mut self, value: &Value, path: &str, min: i64, max: i64) -> Option<i64> {
        let n = self.number(value, path, min as f64, max as f64)?;
        if n.fract() != 0.0 {
            self.report(path, Kind::NotWhole);
            return None;
        }
        Some(n as i64)
    }

    fn int(&mut self, obj: &Obj, key: &str, min: i64, max: i64) -> Option<i64> {
        let value = self.required(obj, key)?;
        self.whole(value, &obj.at(key), min, max)
    }

    fn boolean(&mut self, obj: &Obj, key: &str) -> Option<bool> {
        match obj.get(key) {
            None => Some(false),
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => {
                self.report(
                    obj.at(key),
                    Kind::WrongType {
                        expected: ValueType::Boolean,
                        found: other.value_type(),
                    },
                );
                None
            }
        }
    }

    fn list<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        least: usize,
        limit: usize,
    ) -> Option<&'v [Value]> {
        let Some(items) = value.as_array() else {
            self.report(
                path,
                Kind::WrongType {
                    expected: ValueType::List,
                    found: value.value_type(),
                },
            );
            return None;
        };
        if items.len() > limit {
            self.report(
                path,
                Kind::TooMany {
                    limit,
                    found: items.len(),
                },
            );
            return None;
        }
        if items.len() < least {
            self.report(
                path,
                Kind::TooFew {
                    least,
                    found: items.len(),
                },
            );
            return None;
        }
        Some(items)
    }

    fn array<'v>(
        &mut self,
        obj: &Obj<'v>,
        key: &str,
        least: usize,
        limit: usize,
    ) -> Option<&'v [Value]> {
        let value = self.required(obj, key)?;
        self.list(value, &obj.at(key), least, limit)
    }

    /// Reports every id that appears twice; `entries` are `(id, path of the id field)`.
    /// A definition's lists are short: searching the ones before each id is quick, and a
    /// hash set would add its code to every bundle that reads definitions.
    fn unique(&mut self, entries: &[(String, String)]) {
        for (i, (id, path)) in entries.iter().enumerate() {
            if entries[..i].iter().any(|(earlier, _)| earlier == id) {
                self.report(path.clone(), Kind::Duplicate { id: id.clone() });
            }
        }
    }

    /// Reads a list of `{id, name}` labels with unique ids.
    fn labels(&mut self, obj: &Obj, key: &str, least: usize, limit: usize) -> Option<Vec<Label>> {
        let labels = self.flagged_labels(obj, key, least, limit, None)?;
        Some(labels.into_iter().map(|(label, _)| label).collect())
    }

    /// Labels `{ "id", "name" }` with unique ids, each with an optional boolean `flag`
    /// (false when absent, and always without a flag key).
    fn flagged_labels(
        &mut self,
        obj: &Obj,
        key: &str,
        least: usize,
        limit: usize,
        flag: Option<&str>,
    ) -> Option<Vec<(Label, bool)>> {
        let values = self.array(obj, key, least, limit)?;
        let path = obj.at(key);
        let mut labels = Vec::new();
        let mut ids = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&path, i);
            let allowed: &[&str] = match flag {
                Some(flag) => &["id", "name", flag],
                None => &["id", "name"],
            };
            let Some(o) = self.object(value, &at, allowed) else {
                ok = false;
                continue;
            };
            let (id, name) = (self.id(&o, "id"), self.text(&o, "name"));
            let flagged = flag.map_or(Some(false), |flag| self.boolean(&o, flag));
            if let Some(id) = &id {
                ids.push((id.clone(), o.at("id")));
            }
            match (id, name, flagged) {
                (Some(id), Some(name), Some(flagged)) => {
                    labels.push((Label { id, name }, flagged));
                }
                _ => ok = false,
            }
        }
        self.unique(&ids);
        ok.then_some(labels)
    }

    fn lookup(&mut self, ids: &Ids, value: &Value, path: &str, what: Named) -> Option<usize> {
        let id = self.check_text(value, path)?;
        let found = ids.position(&id);
        if found.is_none() {
            self.report(path, Kind::Unknown { what, id });
        }
        found
    }
}

#[cfg(test)]
mod path_tests {
    use super::{index, join};

    #[test]
    fn paths_read_like_javascript_member_access() {
        assert_eq!(join("", "items"), "items");
        assert_eq!(join("items[2]", "text"), "items[2].text");
        assert_eq!(index("items", 0), "items[0]");
        assert_eq!(index("scales[1].labels", 10), "scales[1].labels[10]");
        assert_eq!(index("", usize::MAX), format!("[{}]", usize::MAX));
    }
}
