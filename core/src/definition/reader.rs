//! Reads a JSON tree into a validated [`Instrument`], collecting every problem on the way.
//!
//! The reader walks the tree once, top to bottom. Each helper reports what it finds wrong
//! to the [`Reader`] and returns `None` for a part it could not read, so reading goes on and
//! a trainer sees the whole list at once. Cross-references (an item's scale, subscale,
//! component or cell; a weight list's length; band coverage that depends on the items) are
//! checked after the parts they join have been read.

use std::collections::HashSet;

use super::error::{DefinitionError, DefinitionErrors, Kind, Named};
use super::*;
use crate::json::{Value, ValueType};

/// Format version of the definition JSON this reader understands.
pub const FORMAT: i64 = 1;

pub(super) fn read(value: &Value) -> Result<Instrument, DefinitionErrors> {
    let mut reader = Reader::default();
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

#[derive(Default)]
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
    fn unique(&mut self, entries: &[(String, String)]) {
        let mut seen = HashSet::new();
        for (id, path) in entries {
            if !seen.insert(id.as_str()) {
                self.report(path.clone(), Kind::Duplicate { id: id.clone() });
            }
        }
    }

    /// Reads a list of `{id, name}` labels with unique ids.
    fn labels(&mut self, obj: &Obj, key: &str, least: usize, limit: usize) -> Option<Vec<Label>> {
        let values = self.array(obj, key, least, limit)?;
        let path = obj.at(key);
        let mut labels = Vec::new();
        let mut ids = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&path, i);
            let Some(o) = self.object(value, &at, &["id", "name"]) else {
                ok = false;
                continue;
            };
            let (id, name) = (self.id(&o, "id"), self.text(&o, "name"));
            if let Some(id) = &id {
                ids.push((id.clone(), o.at("id")));
            }
            match (id, name) {
                (Some(id), Some(name)) => {
                    labels.push(Label { id, name });
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

    // ---- bands ---------------------------------------------------------------------------

    fn bands(&mut self, obj: &Obj, key: &str, tenths: bool) -> Option<RawBands> {
        let values = self.array(obj, key, 1, 20)?;
        let path = obj.at(key);
        let mut bands = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&path, i);
            let Some(o) = self.object(value, &at, &["min", "max", "name", "text"]) else {
                ok = false;
                continue;
            };
            let min = self.band_bound(&o, "min", tenths);
            let max = self.band_bound(&o, "max", tenths);
            let name = self.text(&o, "name");
            let text = self.text(&o, "text");
            match (min, max, name, text) {
                (Some(min), Some(max), Some(name), Some(text)) => {
                    if min > max {
                        self.report(at, Kind::BandEmpty);
                        ok = false;
                    } else {
                        bands.push(Band {
                            min,
                            max,
                            name,
                            text,
                        });
                    }
                }
                _ => ok = false,
            }
        }
        ok.then_some(RawBands {
            bands,
            path,
            tenths,
        })
    }

    fn band_bound(&mut self, obj: &Obj, key: &str, tenths: bool) -> Option<i32> {
        let value = self.required(obj, key)?;
        let path = obj.at(key);
        if tenths {
            let n = self.number(value, &path, 0.0, 1000.0)?;
            let scaled = (n * 10.0).round();
            if (scaled - n * 10.0).abs() > 1e-6 {
                self.report(path, Kind::TooManyDecimals);
                return None;
            }
            Some(scaled as i32)
        } else {
            self.whole(value, &path, -10_000, 10_000).map(|n| n as i32)
        }
    }

    /// Checks that bands cover `lo..=hi` exactly, lowest first, with no gap or overlap.
    fn cover(&mut self, raw: RawBands, lo: i32, hi: i32) -> Option<Bands> {
        let show = |n: i32| {
            if raw.tenths {
                f64::from(n) / 10.0
            } else {
                f64::from(n)
            }
        };
        let before = self.errors.len();
        let first = raw.bands.first().map_or(lo, |b| b.min);
        if first != lo {
            self.report(
                index(&raw.path, 0) + ".min",
                Kind::BandStart {
                    expected: show(lo),
                    found: show(first),
                },
            );
        }
        for (i, pair) in raw.bands.windows(2).enumerate() {
            let (a, b) = (&pair[0], &pair[1]);
            let at = index(&raw.path, i + 1) + ".min";
            if b.min > a.max + 1 {
                self.report(
                    at,
                    Kind::BandGap {
                        from: show(a.max + 1),
                        to: show(b.min - 1),
                    },
                );
            } else if b.min <= a.max {
                self.report(
                    at,
                    Kind::BandOverlap {
                        from: show(b.min),
                        to: show(a.max.min(b.max)),
                    },
                );
            }
        }
        let last = raw.bands.last().map_or(hi, |b| b.max);
        if last != hi {
            self.report(
                index(&raw.path, raw.bands.len().saturating_sub(1)) + ".max",
                Kind::BandEnd {
                    expected: show(hi),
                    found: show(last),
                },
            );
        }
        (self.errors.len() == before).then_some(Bands(raw.bands))
    }

    // ---- the document --------------------------------------------------------------------

    fn instrument(&mut self, value: &Value) -> Option<Instrument> {
        let obj = self.object(
            value,
            "",
            &[
                "$schema", "format", "id", "version", "locale", "title", "intro", "minutes",
                "period", "caveat", "credit", "scales", "model", "items",
            ],
        )?;
        if let Some(format) = self.required(&obj, "format") {
            self.whole(format, "format", FORMAT, FORMAT);
        }
        let id = self.id(&obj, "id").map(InstrumentId);
        let version = self.int(&obj, "version", 1, i64::from(u16::MAX));
        let locale = self.locale(&obj);
        let title = self.text(&obj, "title");
        let intro = self.text(&obj, "intro");
        let minutes = self.int(&obj, "minutes", 1, 120);
        let period = self.optional_text(&obj, "period");
        let caveat = self.text(&obj, "caveat");
        let credit = self.credit(&obj);
        let scales = self.scales(&obj);
        let (shape, draft) = self.model(&obj)?;
        let items = self.items(&obj, &shape, scales.as_deref());
        let model = self.finish_model(draft, items.as_deref(), scales.as_deref());
        // Every item must have read for the instrument to exist.
        let items = items.and_then(|items| items.into_iter().collect::<Option<Vec<Item>>>());
        Some(Instrument {
            id: id?,
            version: u16::try_from(version?).ok()?,
            locale: locale?,
            title: title?,
            intro: intro?,
            minutes: u8::try_from(minutes?).ok()?,
            period: period?,
            caveat: caveat?,
            credit: credit?,
            scales: scales?,
            items: items?,
            model: model?,
        })
    }

    fn locale(&mut self, obj: &Obj) -> Option<String> {
        let text = self.text(obj, "locale")?;
        let ok = text.len() <= 35
            && text.split('-').all(|part| {
                !part.is_empty()
                    && part.len() <= 8
                    && part.bytes().all(|b| b.is_ascii_alphanumeric())
            });
        if !ok {
            self.report(obj.at("locale"), Kind::BadLocale { found: text });
            return None;
        }
        Some(text)
    }

    fn credit(&mut self, obj: &Obj) -> Option<Credit> {
        let value = self.required(obj, "credit")?;
        let o = self.object(value, &obj.at("credit"), &["model", "source", "url"])?;
        let model = self.text(&o, "model");
        let source = self.text(&o, "source");
        let url = self.optional_text(&o, "url");
        if let Some(Some(url)) = &url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            self.report(o.at("url"), Kind::BadLink);
            return None;
        }
        Some(Credit {
            model: model?,
            source: source?,
            url: url?,
        })
    }

    fn scales(&mut self, obj: &Obj) -> Option<Vec<Scale>> {
        let Some(value) = obj.get("scales") else {
            return Some(Vec::new());
        };
        let path = obj.at("scales");
        let values = self.list(value, &path, 0, 20)?;
        let mut scales = Vec::new();
        let mut ids = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&path, i);
            let Some(o) = self.object(value, &at, &["id", "options"]) else {
                ok = false;
                continue;
            };
            let id = self.id(&o, "id");
            if let Some(id) = &id {
                ids.push((id.clone(), o.at("id")));
            }
            let options = self.scale_options(&o);
            match (id, options) {
                (Some(id), Some(options)) => {
                    scales.push(Scale { id, options });
                }
                _ => ok = false,
            }
        }
        self.unique(&ids);
        ok.then_some(scales)
    }

    fn scale_options(&mut self, obj: &Obj) -> Option<Vec<ScaleOption>> {
        let values = self.array(obj, "options", 2, MAX_SCALE_OPTIONS)?;
        let path = obj.at("options");
        let mut options = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&path, i);
            let Some(o) = self.object(value, &at, &["label", "value"]) else {
                ok = false;
                continue;
            };
            let label = self.text(&o, "label");
            let value = self.int(&o, "value", -1000, 1000);
            match (label, value) {
                (Some(label), Some(value)) => options.push(ScaleOption {
                    label,
                    value: value as i32,
                }),
                _ => ok = false,
            }
        }
        if ok && options.windows(2).any(|w| w[1].value <= w[0].value) {
            self.report(path, Kind::NotAscending);
            return None;
        }
        ok.then_some(options)
    }

    // ---- models --------------------------------------------------------------------------

    fn model(&mut self, obj: &Obj) -> Option<(ModelShape, ModelDraft)> {
        let value = self.required(obj, "model")?;
        let path = obj.at("model");
        let Some(kind) = value.get("kind") else {
            // Report the type problem or the missing kind, whichever applies.
            if value.as_object().is_none() {
                self.object(value, &path, &[]);
            } else {
                self.report(join(&path, "kind"), Kind::Missing);
            }
            return None;
        };
        let kind_path = join(&path, "kind");
        let kind = self.check_text(kind, &kind_path)?;
        match kind.as_str() {
            "subscales" => self.subscale_model(value, &path),
            "levels" => self.level_model(value, &path),
            "ratio" => self.ratio_model(value, &path),
            "grid" => self.grid_model(value, &path),
            _ => {
                self.report(kind_path, Kind::UnsupportedModel { found: kind });
                None
            }
        }
    }

    fn subscale_model(&mut self, value: &Value, path: &str) -> Option<(ModelShape, ModelDraft)> {
        let o = self.object(
            value,
            path,
            &["kind", "subscales", "map", "slope", "habits"],
        )?;
        let values = self.array(&o, "subscales", 2, 2)?;
        let list_path = o.at("subscales");
        let mut subscales = Vec::new();
        let mut ids = Vec::new();
        let mut weights_path = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&list_path, i);
            let Some(s) = self.object(value, &at, &["id", "name", "weights", "bands"]) else {
                ok = false;
                continue;
            };
            let id = self.id(&s, "id");
            if let Some(id) = &id {
                ids.push((id.clone(), s.at("id")));
            }
            let name = self.text(&s, "name");
            let weights = self.weights(&s);
            let bands = self
                .bands(&s, "bands", false)
                .and_then(|b| self.cover(b, 0, 100));
            weights_path.push(s.at("weights"));
            match (id, name, weights, bands) {
                (Some(id), Some(name), Some(weights), Some(bands)) => {
                    subscales.push(Subscale {
                        id,
                        name,
                        weights,
                        bands,
                    });
                }
                _ => ok = false,
            }
        }
        self.unique(&ids);
        let names = Ids {
            ids: ids.into_iter().map(|(id, _)| id).collect(),
        };
        let map = self.map(&o, &names);
        let slope = match o.get("slope") {
            None => Some(None),
            Some(v) => self
                .lookup(&names, v, &o.at("slope"), Named::Subscale)
                .map(Some),
        };
        let habits = match o.get("habits") {
            None => Some(None),
            Some(v) => self.habits(v, &o.at("habits"), &names).map(Some),
        };
        let model = match (ok, map, slope, habits) {
            (true, Some(map), Some(slope), Some(habits)) => Some(SubscaleModel {
                subscales,
                map,
                slope,
                habits,
            }),
            _ => None,
        };
        Some((
            ModelShape::Subscales { subscales: names },
            ModelDraft::Subscales {
                model,
                weights_path,
            },
        ))
    }

    fn weights(&mut self, obj: &Obj) -> Option<Vec<u8>> {
        let values = self.array(obj, "weights", 2, MAX_SCALE_OPTIONS)?;
        let path = obj.at("weights");
        let mut weights = Vec::new();
        for (i, value) in values.iter().enumerate() {
            weights.push(self.whole(value, &index(&path, i), 0, 100).map(|w| w as u8));
        }
        weights.into_iter().collect()
    }

    fn map(&mut self, obj: &Obj, names: &Ids) -> Option<QuadrantMap> {
        let value = self.required(obj, "map")?;
        let o = self.object(
            value,
            &obj.at("map"),
            &["x", "y", "x_split", "y_split", "quadrants"],
        )?;
        let x = self
            .required(&o, "x")
            .and_then(|v| self.lookup(names, v, &o.at("x"), Named::Subscale));
        let y = self
            .required(&o, "y")
            .and_then(|v| self.lookup(names, v, &o.at("y"), Named::Subscale));
        if let (Some(x), Some(y)) = (x, y)
            && x == y
        {
            self.report(o.at("y"), Kind::SameAxes);
        }
        let x_split = self.int(&o, "x_split", 1, 100);
        let y_split = self.int(&o, "y_split", 1, 100);
        let quadrants = self.quadrants(&o);
        Some(QuadrantMap {
            x: x?,
            y: y.filter(|y| Some(*y) != x)?,
            x_split: x_split? as u8,
            y_split: y_split? as u8,
            quadrants: quadrants?,
        })
    }

    fn quadrants(&mut self, obj: &Obj) -> Option<Box<[Quadrant; 4]>> {
        let values = self.array(obj, "quadrants", 4, 4)?;
        let path = obj.at("quadrants");
        let mut slots: [Option<Quadrant>; 4] = [None, None, None, None];
        let mut ids = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&path, i);
            let Some(q) = self.object(value, &at, &["x", "y", "id", "name", "text", "next"]) else {
                ok = false;
                continue;
            };
            let x = self.high_low(&q, "x");
            let y = self.high_low(&q, "y");
            let id = self.id(&q, "id");
            let name = self.text(&q, "name");
            let text = self.text(&q, "text");
            let next = self.text(&q, "next");
            match (x, y, id, name, text, next) {
                (Some(x), Some(y), Some(id), Some(name), Some(text), Some(next)) => {
                    ids.push((id.clone(), q.at("id")));
                    let slot = usize::from(x) + 2 * usize::from(y);
                    if slots[slot].is_some() {
                        self.report(at, Kind::QuadrantTaken);
                        ok = false;
                        continue;
                    }
                    slots[slot] = Some(Quadrant {
                        id,
                        name,
                        text,
                        next,
                    });
                }
                _ => ok = false,
            }
        }
        self.unique(&ids);
        let [a, b, c, d] = slots;
        let mut missing = false;
        for (slot, q) in [&a, &b, &c, &d].into_iter().enumerate() {
            if q.is_none() {
                missing = true;
                self.report(
                    path.clone(),
                    Kind::QuadrantMissing {
                        x_high: slot & 1 == 1,
                        y_high: slot & 2 == 2,
                    },
                );
            }
        }
        if missing || !ok {
            return None;
        }
        Some(Box::new([a?, b?, c?, d?]))
    }

    fn high_low(&mut self, obj: &Obj, key: &str) -> Option<bool> {
        let text = self.text(obj, key)?;
        match text.as_str() {
            "high" => Some(true),
            "low" => Some(false),
            _ => {
                self.report(obj.at(key), Kind::NotHighOrLow { found: text });
                None
            }
        }
    }

    fn habits(&mut self, value: &Value, path: &str, names: &Ids) -> Option<Habits> {
        let o = self.object(value, path, &["subscale", "min_weight", "max"])?;
        let subscale = self
            .required(&o, "subscale")
            .and_then(|v| self.lookup(names, v, &o.at("subscale"), Named::Subscale));
        let min_weight = self.int(&o, "min_weight", 1, 100);
        let max = self.int(&o, "max", 1, 10);
        Some(Habits {
            subscale: subscale?,
            min_weight: min_weight? as u8,
            max: max? as u8,
        })
    }

    fn level_model(&mut self, value: &Value, path: &str) -> Option<(ModelShape, ModelDraft)> {
        let o = self.object(value, path, &["kind", "dimensions", "levels"])?;
        let dimensions = self.array(&o, "dimensions", 1, 8).map(|values| {
            let path = o.at("dimensions");
            values
                .iter()
                .enumerate()
                .map(|(i, v)| self.check_text(v, &index(&path, i)))
                .collect::<Vec<_>>()
        });
        let dimensions: Option<Vec<String>> = dimensions.and_then(|d| d.into_iter().collect());
        let values = self.array(&o, "levels", 2, MAX_LEVELS)?;
        let count = values.len();
        let list_path = o.at("levels");
        let mut levels = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&list_path, i);
            let Some(l) = self.object(value, &at, &["name", "text", "up"]) else {
                ok = false;
                continue;
            };
            let name = self.text(&l, "name");
            let text = self.text(&l, "text");
            let top = i + 1 == count;
            let up = match (l.get("up"), top) {
                (None, true) => Some(Vec::new()),
                (Some(_), true) => {
                    self.report(l.at("up"), Kind::TopLevelUp);
                    None
                }
                (None, false) => {
                    self.report(l.at("up"), Kind::Missing);
                    None
                }
                (Some(v), false) => {
                    let up_path = l.at("up");
                    let want = dimensions.as_ref().map_or(0, Vec::len);
                    self.list(v, &up_path, 0, 8).and_then(|texts| {
                        if dimensions.is_some() && texts.len() != want {
                            self.report(
                                up_path.clone(),
                                Kind::TextsPerDimension {
                                    expected: want,
                                    found: texts.len(),
                                },
                            );
                            return None;
                        }
                        texts
                            .iter()
                            .enumerate()
                            .map(|(j, t)| self.check_text(t, &index(&up_path, j)))
                            .collect::<Vec<_>>()
                            .into_iter()
                            .collect()
                    })
                }
            };
            match (name, text, up) {
                (Some(name), Some(text), Some(up)) => levels.push(Level { name, text, up }),
                _ => ok = false,
            }
        }
        let model = match (ok, dimensions) {
            (true, Some(dimensions)) => Some(LevelModel { levels, dimensions }),
            _ => None,
        };
        Some((
            ModelShape::Levels { levels: count },
            ModelDraft::Levels(model),
        ))
    }

    fn ratio_model(&mut self, value: &Value, path: &str) -> Option<(ModelShape, ModelDraft)> {
        let o = self.object(
            value,
            path,
            &[
                "kind",
                "components",
                "denominator",
                "tie_order",
                "temperaments",
                "quotient_bands",
                "balance_bands",
                "reference",
            ],
        )?;
        let values = self.array(&o, "components", 2, 8)?;
        let list_path = o.at("components");
        let mut components = Vec::new();
        let mut ids = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&list_path, i);
            let Some(c) = self.object(value, &at, &["id", "name", "virtue", "practice"]) else {
                ok = false;
                continue;
            };
            let id = self.id(&c, "id");
            if let Some(id) = &id {
                ids.push((id.clone(), c.at("id")));
            }
            let name = self.text(&c, "name");
            let virtue = self.optional_text(&c, "virtue");
            let practice = self.text(&c, "practice");
            match (id, name, virtue, practice) {
                (Some(id), Some(name), Some(virtue), Some(practice)) => {
                    components.push(Component {
                        id,
                        virtue: virtue.unwrap_or_else(|| name.clone()),
                        name,
                        practice,
                    });
                }
                _ => ok = false,
            }
        }
        self.unique(&ids);
        let names = Ids {
            ids: ids.into_iter().map(|(id, _)| id).collect(),
        };
        let denominator = self
            .required(&o, "denominator")
            .and_then(|v| self.lookup(&names, v, &o.at("denominator"), Named::Component));
        let tie_order = self.tie_order(&o, &names);
        let temperaments = self.temperaments(&o, &names);
        let quotient_bands = self.bands(&o, "quotient_bands", true);
        let balance_bands = self.bands(&o, "balance_bands", false);
        let reference = match o.get("reference") {
            None => Some(None),
            Some(v) => self.reference(v, &o.at("reference")).map(Some),
        };
        let model = match (
            ok,
            denominator,
            tie_order,
            temperaments,
            quotient_bands,
            balance_bands,
            reference,
        ) {
            (
                true,
                Some(denominator),
                Some(tie_order),
                Some(temperaments),
                Some(quotient_bands),
                Some(balance_bands),
                Some(reference),
            ) => Some(RatioModelDraft {
                components,
                denominator,
                tie_order,
                temperaments,
                quotient_bands,
                balance_bands,
                reference,
            }),
            _ => None,
        };
        Some((
            ModelShape::Ratio { components: names },
            ModelDraft::Ratio { model },
        ))
    }

    fn tie_order(&mut self, obj: &Obj, names: &Ids) -> Option<Vec<usize>> {
        let values = self.array(obj, "tie_order", 1, 8)?;
        let path = obj.at("tie_order");
        let order: Option<Vec<usize>> = values
            .iter()
            .enumerate()
            .map(|(i, v)| self.lookup(names, v, &index(&path, i), Named::Component))
            .collect::<Vec<_>>()
            .into_iter()
            .collect();
        let order = order?;
        let distinct: HashSet<usize> = order.iter().copied().collect();
        if order.len() != names.ids.len() || distinct.len() != order.len() {
            self.report(
                path,
                Kind::ComponentOrder {
                    ids: names.ids.clone(),
                },
            );
            return None;
        }
        Some(order)
    }

    fn temperaments(&mut self, obj: &Obj, names: &Ids) -> Option<Vec<Temperament>> {
        let n = names.ids.len();
        let pairs = n * n.saturating_sub(1) / 2;
        let values = self.array(obj, "temperaments", 1, 28)?;
        let path = obj.at("temperaments");
        let mut temperaments: Vec<Temperament> = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&path, i);
            let Some(t) = self.object(value, &at, &["pair", "name", "text"]) else {
                ok = false;
                continue;
            };
            let pair = self.array(&t, "pair", 2, 2).and_then(|ends| {
                let pair_path = t.at("pair");
                let a = self.lookup(names, &ends[0], &index(&pair_path, 0), Named::Component);
                let b = self.lookup(names, &ends[1], &index(&pair_path, 1), Named::Component);
                match (a, b) {
                    (Some(a), Some(b)) if a == b => {
                        self.report(pair_path, Kind::PairSame);
                        None
                    }
                    (Some(a), Some(b)) => Some([a.min(b), a.max(b)]),
                    _ => None,
                }
            });
            let name = self.text(&t, "name");
            let text = self.text(&t, "text");
            match (pair, name, text) {
                (Some(pair), Some(name), Some(text)) => {
                    if temperaments.iter().any(|other| other.pair == pair) {
                        self.report(
                            t.at("pair"),
                            Kind::Duplicate {
                                id: format!("{}+{}", names.ids[pair[0]], names.ids[pair[1]]),
                            },
                        );
                        ok = false;
                    }
                    temperaments.push(Temperament { pair, name, text });
                }
                _ => ok = false,
            }
        }
        if !ok {
            return None;
        }
        for a in 0..n {
            for b in a + 1..n {
                if !temperaments.iter().any(|t| t.pair == [a, b]) {
                    self.report(
                        path.clone(),
                        Kind::PairMissing {
                            a: names.ids[a].clone(),
                            b: names.ids[b].clone(),
                        },
                    );
                    ok = false;
                }
            }
        }
        (ok && temperaments.len() == pairs).then_some(temperaments)
    }

    fn reference(&mut self, value: &Value, path: &str) -> Option<Reference> {
        let o = self.object(value, path, &["mean", "text"])?;
        let mean = self
            .required(&o, "mean")
            .and_then(|v| self.number(v, &o.at("mean"), 0.0, 1000.0));
        let text = self.text(&o, "text");
        Some(Reference {
            mean_tenths: (mean? * 10.0).round() as i32,
            text: text?,
        })
    }

    fn grid_model(&mut self, value: &Value, path: &str) -> Option<(ModelShape, ModelDraft)> {
        let o = self.object(value, path, &["kind", "rows", "columns", "groups", "bands"])?;
        let rows = self.labels(&o, "rows", 1, 12);
        let columns = self.labels(&o, "columns", 1, 12);
        let groups = match o.get("groups") {
            None => Some(None),
            Some(v) => self.groups(v, &o.at("groups")).map(Some),
        };
        let bands = self
            .bands(&o, "bands", false)
            .and_then(|b| self.cover(b, 0, 100));
        let ids = |labels: &Option<Vec<Label>>| Ids {
            ids: labels.iter().flatten().map(|l| l.id.clone()).collect(),
        };
        let shape = ModelShape::Grid {
            rows: ids(&rows),
            columns: ids(&columns),
        };
        // Without readable rows and columns, items cannot be checked against cells.
        if shape_is_empty(&shape) {
            return None;
        }
        let model = match (rows, columns, groups, bands) {
            (Some(rows), Some(columns), Some(groups), Some(bands)) => Some(GridModel {
                rows,
                columns,
                groups,
                bands,
            }),
            _ => None,
        };
        Some((shape, ModelDraft::Grid(model)))
    }

    fn groups(&mut self, value: &Value, path: &str) -> Option<Groups> {
        let o = self.object(value, path, &["question", "options"])?;
        let question = self.text(&o, "question");
        let options = self.labels(&o, "options", 2, 12);
        Some(Groups {
            question: question?,
            options: options?,
        })
    }

    // ---- items ---------------------------------------------------------------------------

    /// Reads the items; each entry is `None` where that item has problems, so checks that
    /// join items and model can still run on the others.
    fn items(
        &mut self,
        obj: &Obj,
        shape: &ModelShape,
        scales: Option<&[Scale]>,
    ) -> Option<Vec<Option<Item>>> {
        let values = self.array(obj, "items", 1, MAX_ITEMS)?;
        let path = obj.at("items");
        let scale_ids = scales.map(|s| Ids {
            ids: s.iter().map(|s| s.id.clone()).collect(),
        });
        let mut items = Vec::new();
        let mut ids = Vec::new();
        for (i, value) in values.iter().enumerate() {
            let at = index(&path, i);
            let item = self.item(value, &at, shape, scale_ids.as_ref());
            if let Some(item) = &item {
                ids.push((item.id.0.clone(), join(&at, "id")));
            }
            items.push(item);
        }
        self.unique(&ids);
        Some(items)
    }

    fn item(
        &mut self,
        value: &Value,
        path: &str,
        shape: &ModelShape,
        scales: Option<&Ids>,
    ) -> Option<Item> {
        let feed_key = match shape {
            ModelShape::Subscales { .. } => "subscale",
            ModelShape::Ratio { .. } => "component",
            ModelShape::Grid { .. } => "cell",
            ModelShape::Levels { .. } => "options",
        };
        let allowed: &[&str] = if let ModelShape::Levels { .. } = shape {
            &["id", "text", "options", "try"]
        } else {
            &["id", "text", "scale", "reverse", feed_key, "try"]
        };
        let o = self.object(value, path, allowed)?;
        let id = self.id(&o, "id").map(ItemId);
        let text = self.text(&o, "text");
        let try_next = self.optional_text(&o, "try");
        let kind = match shape {
            ModelShape::Levels { levels } => self.level_options(&o, *levels),
            _ => self.rated(&o, shape, feed_key, scales),
        };
        Some(Item {
            id: id?,
            text: text?,
            kind: kind?,
            try_next: try_next?,
        })
    }

    fn rated(
        &mut self,
        o: &Obj,
        shape: &ModelShape,
        feed_key: &str,
        scales: Option<&Ids>,
    ) -> Option<ItemKind> {
        let scale = self.required(o, "scale").and_then(|v| match scales {
            Some(ids) => self.lookup(ids, v, &o.at("scale"), Named::Scale),
            None => None,
        });
        let reverse = self.boolean(o, "reverse");
        let feeds = self.required(o, feed_key).and_then(|v| {
            let at = o.at(feed_key);
            match shape {
                ModelShape::Subscales { subscales } => self
                    .lookup(subscales, v, &at, Named::Subscale)
                    .map(Feeds::Subscale),
                ModelShape::Ratio { components } => self
                    .lookup(components, v, &at, Named::Component)
                    .map(Feeds::Component),
                ModelShape::Grid { rows, columns } => {
                    let cell = self.object(v, &at, &["row", "column"])?;
                    let row = self
                        .required(&cell, "row")
                        .and_then(|r| self.lookup(rows, r, &cell.at("row"), Named::Row));
                    let column = self
                        .required(&cell, "column")
                        .and_then(|c| self.lookup(columns, c, &cell.at("column"), Named::Column));
                    Some(Feeds::Cell {
                        row: row?,
                        column: column?,
                    })
                }
                ModelShape::Levels { .. } => None,
            }
        });
        Some(ItemKind::Rated {
            scale: scale?,
            reverse: reverse?,
            feeds: feeds?,
        })
    }

    fn level_options(&mut self, o: &Obj, levels: usize) -> Option<ItemKind> {
        let values = self.array(o, "options", 2, MAX_LEVELS)?;
        let path = o.at("options");
        let mut options: Vec<LevelOption> = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&path, i);
            let Some(opt) = self.object(value, &at, &["level", "text"]) else {
                ok = false;
                continue;
            };
            let level = self.int(&opt, "level", 1, levels as i64);
            let text = self.text(&opt, "text");
            match (level, text) {
                (Some(level), Some(text)) => {
                    let level = level as u8;
                    if options.iter().any(|o| o.level == level) {
                        self.report(
                            opt.at("level"),
                            Kind::Duplicate {
                                id: format!("level {level}"),
                            },
                        );
                        ok = false;
                    }
                    options.push(LevelOption { level, text });
                }
                _ => ok = false,
            }
        }
        if !ok {
            return None;
        }
        for level in 1..=levels as u8 {
            if !options.iter().any(|o| o.level == level) {
                self.report(path.clone(), Kind::NoOption { level });
                ok = false;
            }
        }
        ok.then_some(ItemKind::Levels { options })
    }

    // ---- checks that join the model and the items ----------------------------------------

    /// Checks that join the model and the items. Checks that need every item (an empty
    /// subscale or cell, uneven components, band coverage that depends on the items) run
    /// only when every item read; the others run on the items that did.
    fn finish_model(
        &mut self,
        draft: ModelDraft,
        items: Option<&[Option<Item>]>,
        scales: Option<&[Scale]>,
    ) -> Option<Model> {
        let (items, scales) = (items?, scales?);
        let complete = items.iter().all(Option::is_some);
        let rated = |pred: &dyn Fn(Feeds) -> bool| -> Vec<(usize, bool)> {
            items
                .iter()
                .flatten()
                .filter_map(|item| match item.kind {
                    ItemKind::Rated {
                        scale,
                        reverse,
                        feeds,
                    } if pred(feeds) => Some((scale, reverse)),
                    _ => None,
                })
                .collect()
        };
        match draft {
            ModelDraft::Subscales {
                model,
                weights_path,
            } => {
                let model = model?;
                let mut ok = true;
                for (s, subscale) in model.subscales.iter().enumerate() {
                    let used = rated(&|f| f == Feeds::Subscale(s));
                    if used.is_empty() && complete {
                        self.report(
                            "items",
                            Kind::SubscaleWithoutItems {
                                id: subscale.id.clone(),
                            },
                        );
                        ok = false;
                    }
                    let mut seen = HashSet::new();
                    for (scale, _) in used {
                        let options = scales[scale].options.len();
                        if seen.insert(scale) && options != subscale.weights.len() {
                            self.report(
                                weights_path[s].clone(),
                                Kind::WeightsLength {
                                    scale: scales[scale].id.clone(),
                                    expected: options,
                                    found: subscale.weights.len(),
                                },
                            );
                            ok = false;
                        }
                    }
                }
                if let Some(habits) = &model.habits {
                    for (i, item) in items.iter().enumerate() {
                        let Some(item) = item else { continue };
                        if matches!(item.kind, ItemKind::Rated { feeds: Feeds::Subscale(s), .. } if s == habits.subscale)
                            && item.try_next.is_none()
                        {
                            self.report(format!("items[{i}].try"), Kind::TryMissing);
                            ok = false;
                        }
                    }
                }
                (ok && complete).then_some(Model::Subscales(model))
            }
            ModelDraft::Levels(model) => model.filter(|_| complete).map(Model::Levels),
            ModelDraft::Ratio { model } => {
                let model = model.filter(|_| complete)?;
                let mut ok = true;
                let mut shapes = Vec::new();
                for (c, component) in model.components.iter().enumerate() {
                    let used = rated(&|f| f == Feeds::Component(c));
                    if used.is_empty() {
                        self.report(
                            "items",
                            Kind::ComponentWithoutItems {
                                id: component.id.clone(),
                            },
                        );
                        ok = false;
                        continue;
                    }
                    let scale_ids: HashSet<usize> = used.iter().map(|(s, _)| *s).collect();
                    if scale_ids.len() > 1 {
                        self.report(
                            "items",
                            Kind::MixedScales {
                                component: component.id.clone(),
                            },
                        );
                        ok = false;
                        continue;
                    }
                    shapes.push((c, used.len(), used[0].0));
                }
                if !ok {
                    return None;
                }
                let (_, count, scale) = shapes[0];
                if shapes.iter().any(|&(_, n, s)| n != count || s != scale) {
                    let found = shapes
                        .iter()
                        .map(|&(c, n, s)| (model.components[c].id.clone(), n, scales[s].id.clone()))
                        .collect();
                    self.report("items", Kind::UnevenComponents { found });
                    return None;
                }
                let options = &scales[scale].options;
                let (lo, hi) = (options[0].value, options[options.len() - 1].value);
                let (sum_lo, sum_hi) = (lo * count as i32, hi * count as i32);
                if sum_lo <= 0 {
                    self.report(
                        format!("scales (\"{}\")", scales[scale].id),
                        Kind::ScaleNotPositive,
                    );
                    return None;
                }
                let numerators = (model.components.len() - 1) as i32;
                let q_lo = crate::scoring::ratio::tenths(numerators * sum_lo, sum_hi);
                let q_hi = crate::scoring::ratio::tenths(numerators * sum_hi, sum_lo);
                let quotient_bands = self.cover(model.quotient_bands, q_lo, q_hi);
                let balance_bands = self.cover(model.balance_bands, 0, sum_hi - sum_lo);
                Some(Model::Ratio(RatioModel {
                    components: model.components,
                    denominator: model.denominator,
                    tie_order: model.tie_order,
                    temperaments: model.temperaments,
                    quotient_bands: quotient_bands?,
                    balance_bands: balance_bands?,
                    reference: model.reference,
                }))
            }
            ModelDraft::Grid(model) => {
                let model = model.filter(|_| complete)?;
                let mut ok = true;
                for (r, row) in model.rows.iter().enumerate() {
                    for (c, column) in model.columns.iter().enumerate() {
                        if rated(&|f| f == Feeds::Cell { row: r, column: c }).is_empty() {
                            self.report(
                                "items",
                                Kind::CellWithoutItems {
                                    row: row.id.clone(),
                                    column: column.id.clone(),
                                },
                            );
                            ok = false;
                        }
                    }
                }
                ok.then_some(Model::Grid(model))
            }
        }
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
