//! What the form shows: every field of the instrument format, with its label in English
//! and French and the kind of control that edits it.
//!
//! * The form ([`crate::form`]) is drawn from this description alone, for all four
//!   scoring models: one drawing, no screen per model.
//! * Which fields the model and the items have depends on the model's `kind`
//!   ([`model_fields`], [`item_fields`]).
//! * [`anchor`] finds the field a problem's path points at, so the problem shows beside
//!   it (or beside the nearest group the form draws, for a problem about a whole list).

use candor_core::json::Value;

use crate::text::Words;
use crate::tree::{self, Path};

mod fields;

pub use fields::{MODEL_KINDS, TOP, item_fields, model_fields};

/// One field of an object.
#[derive(Debug)]
pub struct Field {
    /// Its key in the JSON object.
    pub key: &'static str,
    /// Its label.
    pub label: Words,
    /// What it holds.
    pub kind: Kind,
    /// Whether it may be left out (an empty optional field is removed).
    pub optional: bool,
    /// A hint shown under the label.
    pub hint: Option<Words>,
    /// Seldom needed: shown under "More options", open when it has a value.
    pub advanced: bool,
}

/// What a field holds, and so how it is edited.
#[derive(Debug)]
pub enum Kind {
    /// One line of text.
    Text,
    /// Several lines of text.
    LongText,
    /// A whole number.
    Whole,
    /// A number with decimals.
    Decimal,
    /// A checkbox; absent means false.
    Flag,
    /// One of fixed values.
    Choice(&'static [(&'static str, Words)]),
    /// The id of something defined elsewhere in the definition.
    Ref(Ids),
    /// An object with its own fields.
    Group(&'static [Field]),
    /// A list.
    List(&'static List),
    /// The scoring model: its fields depend on its kind.
    Model,
}

/// A list field.
#[derive(Debug)]
pub struct List {
    /// What each element is.
    pub of: Element,
    /// How one element is called ("Item", "Band").
    pub one: Words,
    /// Start of the ids given to new elements (`item-`), for lists of objects with an `id`.
    pub id_prefix: &'static str,
}

/// An element of a list.
#[derive(Debug)]
pub enum Element {
    /// An object with these fields.
    Object(&'static [Field]),
    /// An item: its fields depend on the model's kind.
    Item,
    /// A line of text.
    Text,
    /// A whole number.
    Whole,
    /// An id defined elsewhere.
    Ref(Ids),
}

/// Lists of ids a field can point into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ids {
    /// `scales[].id`
    Scales,
    /// `model.subscales[].id`
    Subscales,
    /// `model.components[].id`
    Components,
    /// `model.rows[].id`
    Rows,
    /// `model.columns[].id`
    Columns,
}

impl Ids {
    /// The list the ids are taken from.
    pub fn list(self) -> Path {
        let model = Path::root().key("model");
        match self {
            Ids::Scales => Path::root().key("scales"),
            Ids::Subscales => model.key("subscales"),
            Ids::Components => model.key("components"),
            Ids::Rows => model.key("rows"),
            Ids::Columns => model.key("columns"),
        }
    }

    /// The ids defined now, with their names where they have one, in order.
    pub fn choices(self, doc: &Value) -> Vec<(String, Option<String>)> {
        tree::get(doc, &self.list())
            .and_then(Value::as_array)
            .unwrap_or_default()
            .iter()
            .filter_map(|element| {
                let id = element.get("id")?.as_str()?.to_owned();
                let name = element
                    .get("name")
                    .and_then(Value::as_str)
                    .filter(|n| !n.is_empty())
                    .map(str::to_owned);
                Some((id, name))
            })
            .collect()
    }
}

/// The model's kind in `doc` (empty when it has none).
pub fn model_kind(doc: &Value) -> String {
    doc.get("model")
        .and_then(|m| m.get("kind"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// A place the form draws on the way down a path: a field, or an element of a list.
struct Stop {
    path: Path,
    name: Name,
}

/// What a [`Stop`] is called.
enum Name {
    Field(&'static Field),
    Element(&'static List, usize),
}

/// The places the form draws along `segments`, from the top, as far as it draws them.
fn walk<'a>(doc: &Value, segments: impl IntoIterator<Item = Segment<'a>>) -> Vec<Stop> {
    let kind = model_kind(doc);
    let mut stops = Vec::new();
    let mut path = Path::root();
    let mut fields: &'static [Field] = TOP;
    let mut steps = segments.into_iter();
    while let Some(Segment::Key(key)) = steps.next() {
        let Some(f) = fields.iter().find(|f| f.key == key) else {
            break;
        };
        path = path.key(f.key);
        stops.push(Stop {
            path: path.clone(),
            name: Name::Field(f),
        });
        fields = match &f.kind {
            Kind::Group(inner) => inner,
            Kind::Model => model_fields(&kind),
            Kind::List(list) => {
                let Some(Segment::Index(i)) = steps.next() else {
                    break;
                };
                path = path.index(i);
                stops.push(Stop {
                    path: path.clone(),
                    name: Name::Element(list, i),
                });
                match &list.of {
                    Element::Object(inner) => inner,
                    Element::Item => item_fields(&kind),
                    _ => break,
                }
            }
            _ => break,
        };
    }
    stops
}

/// The path of the deepest field the form draws on the way to `problem` (a problem's path
/// as the core writes it). A problem about something the form has no field for (an
/// unknown member, a whole list) shows at the nearest field or group above it.
pub fn anchor(doc: &Value, problem: &str) -> Path {
    walk(doc, parse(problem))
        .pop()
        .map_or_else(Path::root, |stop| stop.path)
}

/// A new element for the list at `path`: its required fields with empty texts, zeros, the
/// first id a reference can take and a fresh id (`item-5`); a new level question gets one
/// answer per level.
pub fn new_element(doc: &Value, path: &Path, list: &List) -> Value {
    let kind = model_kind(doc);
    let siblings = tree::get(doc, path)
        .and_then(Value::as_array)
        .unwrap_or_default();
    match &list.of {
        Element::Object(fields) => fresh_object(doc, fields, list.id_prefix, siblings),
        Element::Item => {
            let mut item = fresh_object(doc, item_fields(&kind), list.id_prefix, siblings);
            if kind == "levels" {
                let levels = tree::len(doc, &Path::root().key("model").key("levels"));
                let options = (1..=levels)
                    .map(|level| {
                        Value::Object(vec![
                            ("level".to_owned(), Value::Number(level as f64)),
                            ("text".to_owned(), Value::String(String::new())),
                        ])
                    })
                    .collect();
                tree::set(
                    &mut item,
                    &Path::root().key("options"),
                    Some(Value::Array(options)),
                );
            }
            if kind == "grid" {
                let cell = Value::Object(vec![
                    ("row".to_owned(), first_id(doc, Ids::Rows)),
                    ("column".to_owned(), first_id(doc, Ids::Columns)),
                ]);
                tree::set(&mut item, &Path::root().key("cell"), Some(cell));
            }
            item
        }
        Element::Text => Value::String(String::new()),
        Element::Whole => Value::Number(0.0),
        Element::Ref(ids) => first_id(doc, *ids),
    }
}

fn first_id(doc: &Value, ids: Ids) -> Value {
    Value::String(
        ids.choices(doc)
            .into_iter()
            .next()
            .map(|(id, _)| id)
            .unwrap_or_default(),
    )
}

/// An object with the required members of `fields`.
fn fresh_object(
    doc: &Value,
    fields: &'static [Field],
    id_prefix: &str,
    siblings: &[Value],
) -> Value {
    let members = fields
        .iter()
        .filter(|f| !f.optional)
        .filter_map(|f| {
            let value = match &f.kind {
                Kind::Text if f.key == "id" && !id_prefix.is_empty() => {
                    Value::String(fresh_id(id_prefix, siblings))
                }
                Kind::Text | Kind::LongText => Value::String(String::new()),
                Kind::Whole if f.key == "level" => Value::Number(siblings.len() as f64 + 1.0),
                Kind::Whole | Kind::Decimal => Value::Number(0.0),
                Kind::Flag | Kind::Model => return None,
                Kind::Choice(choices) => {
                    Value::String(choices.first().map(|c| c.0).unwrap_or_default().to_owned())
                }
                Kind::Ref(ids) => first_id(doc, *ids),
                Kind::Group(inner) => fresh_object(doc, inner, "", &[]),
                Kind::List(_) => Value::Array(Vec::new()),
            };
            Some((f.key.to_owned(), value))
        })
        .collect();
    Value::Object(members)
}

/// `prefix` and the first number from the list's length up that no sibling's id has.
fn fresh_id(prefix: &str, siblings: &[Value]) -> String {
    let taken = |id: &str| {
        siblings
            .iter()
            .any(|s| s.get("id").and_then(Value::as_str) == Some(id))
    };
    (siblings.len() + 1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !taken(id))
        .unwrap_or_default()
}

/// A new optional group for `fields`.
pub fn new_group(doc: &Value, fields: &'static [Field]) -> Value {
    fresh_object(doc, fields, "", &[])
}

/// The labels on the way to the field at `path`, as a trainer reads them: "Questions ›
/// Question 3 › Answer scale" is written "Question 3 › Answer scale" (a list's element
/// names its list).
pub fn trail(doc: &Value, path: &Path, lang: crate::text::Lang) -> String {
    let segments = path.steps().iter().map(|step| match *step {
        tree::Step::Key(key) => Segment::Key(key),
        tree::Step::Index(i) => Segment::Index(i),
    });
    let stops = walk(doc, segments);
    let named_by_element = |n: usize| {
        matches!(
            stops.get(n + 1),
            Some(Stop {
                name: Name::Element(..),
                ..
            })
        )
    };
    stops
        .iter()
        .enumerate()
        .filter_map(|(n, stop)| match stop.name {
            Name::Field(_) if named_by_element(n) => None,
            Name::Field(f) => Some(f.label.get(lang).to_owned()),
            Name::Element(list, i) => Some(format!("{} {}", list.one.get(lang), i + 1)),
        })
        .collect::<Vec<_>>()
        .join(" › ")
}

/// A change made to a list by the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// An element added at the end.
    Added,
    /// Element `i` removed.
    Removed(usize),
    /// Elements `i` and `j` swapped.
    Swapped(usize, usize),
}

/// Carries a change of one list over to the lists that follow it, so the definition stays
/// whole: a level model's levels and every question's answers (one per level, by number),
/// and its dimensions and every level's `up` texts (one per dimension, by position).
pub fn follow(doc: &mut Value, list: &Path, change: Change) {
    if model_kind(doc) != "levels" {
        return;
    }
    let model = Path::root().key("model");
    if *list == model.key("levels") {
        let count = tree::len(doc, list);
        for i in 0..tree::len(doc, &Path::root().key("items")) {
            let options = Path::root().key("items").index(i).key("options");
            follow_levels(doc, &options, change, count);
        }
    } else if *list == model.key("dimensions") {
        for i in 0..tree::len(doc, &model.key("levels")) {
            let up = model.key("levels").index(i).key("up");
            if tree::get(doc, &up).is_none() {
                continue;
            }
            match change {
                Change::Added => {
                    tree::push(doc, &up, Value::String(String::new()));
                }
                Change::Removed(at) => {
                    tree::remove(doc, &up, at);
                }
                Change::Swapped(a, b) => {
                    tree::swap(doc, &up, a, b);
                }
            }
        }
    }
}

/// The answers of one level question after a change to the levels (now `count` of them).
fn follow_levels(doc: &mut Value, options: &Path, change: Change, count: usize) {
    let level_of = |doc: &Value, k: usize| {
        tree::get(doc, &options.index(k).key("level")).and_then(Value::as_f64)
    };
    match change {
        Change::Added => {
            let answer = Value::Object(vec![
                ("level".to_owned(), Value::Number(count as f64)),
                ("text".to_owned(), Value::String(String::new())),
            ]);
            tree::push(doc, options, answer);
        }
        Change::Removed(at) => {
            let gone = (at + 1) as f64;
            let mut k = 0;
            while k < tree::len(doc, options) {
                match level_of(doc, k) {
                    Some(level) if level == gone => {
                        tree::remove(doc, options, k);
                        continue;
                    }
                    Some(level) if level > gone => {
                        let at = options.index(k).key("level");
                        tree::set(doc, &at, Some(Value::Number(level - 1.0)));
                    }
                    _ => {}
                }
                k += 1;
            }
        }
        Change::Swapped(a, b) => {
            let (a, b) = ((a + 1) as f64, (b + 1) as f64);
            for k in 0..tree::len(doc, options) {
                let new = match level_of(doc, k) {
                    Some(level) if level == a => b,
                    Some(level) if level == b => a,
                    _ => continue,
                };
                tree::set(
                    doc,
                    &options.index(k).key("level"),
                    Some(Value::Number(new)),
                );
            }
        }
    }
}

/// A step of a problem's path.
#[derive(Debug, PartialEq)]
enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// Splits `items[3].cell.row` into its steps; stops at anything it cannot read.
fn parse(path: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, rest) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            out.push(Segment::Key(key));
        }
        for index in rest.split('[') {
            match index.trim_end_matches(']').parse() {
                Ok(i) => out.push(Segment::Index(i)),
                Err(_) if index.is_empty() => {}
                Err(_) => return out,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(kind: &str) -> Value {
        let text = format!(r#"{{"model":{{"kind":"{kind}"}},"items":[{{}}]}}"#);
        serde_json::from_str(&text).unwrap()
    }

    #[test]
    fn reads_problem_paths() {
        assert_eq!(
            parse("model.subscales[1].bands[2].min"),
            [
                Segment::Key("model"),
                Segment::Key("subscales"),
                Segment::Index(1),
                Segment::Key("bands"),
                Segment::Index(2),
                Segment::Key("min"),
            ]
        );
        assert_eq!(parse(""), []);
        assert_eq!(parse("a[x].b"), [Segment::Key("a")]);
    }

    #[test]
    fn anchors_a_problem_at_its_field() {
        let d = doc("subscales");
        assert_eq!(anchor(&d, "items[0].scale").to_string(), "items[0].scale");
        assert_eq!(
            anchor(&d, "model.subscales[1].bands[2].min").to_string(),
            "model.subscales[1].bands[2].min"
        );
        assert_eq!(anchor(&d, "credit.url").to_string(), "credit.url");
        assert_eq!(
            anchor(&d, "model.map.quadrants[3].next").to_string(),
            "model.map.quadrants[3].next"
        );
    }

    #[test]
    fn anchors_what_the_form_does_not_draw_at_the_nearest_group() {
        let d = doc("subscales");
        // An unknown member, a whole list, a member of another model's items.
        assert_eq!(anchor(&d, "items[0].txet").to_string(), "items[0]");
        assert_eq!(
            anchor(&d, "model.subscales[1].bands").to_string(),
            "model.subscales[1].bands"
        );
        assert_eq!(anchor(&d, "items[0].component").to_string(), "items[0]");
        assert_eq!(anchor(&d, "format").to_string(), "");
        assert_eq!(
            anchor(&d, "model.subscales[0].weights[2]").to_string(),
            "model.subscales[0].weights[2]"
        );
        assert_eq!(
            anchor(&doc("ratio"), "items[0].component").to_string(),
            "items[0].component"
        );
        assert_eq!(
            anchor(&doc("grid"), "items[0].cell.row").to_string(),
            "items[0].cell.row"
        );
    }

    /// Every value's path in `value`, leaves only.
    fn leaves(value: &Value, path: String, out: &mut Vec<String>) {
        match value {
            Value::Object(members) => {
                for (key, v) in members {
                    let at = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    leaves(v, at, out);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    leaves(v, format!("{path}[{i}]"), out);
                }
            }
            _ => out.push(path),
        }
    }

    #[test]
    fn the_form_draws_every_field_of_every_built_in() {
        for id in candor_core::builtin::ids() {
            for locale in candor_core::builtin::locales() {
                let Some(text) = candor_core::builtin::source_in(id, locale) else {
                    continue;
                };
                let d: Value = serde_json::from_str(text).unwrap();
                let mut paths = Vec::new();
                leaves(&d, String::new(), &mut paths);
                for path in paths {
                    if path == "format" || path == "model.kind" || path == "$schema" {
                        continue;
                    }
                    assert_eq!(anchor(&d, &path).to_string(), path, "{id} ({locale})");
                }
            }
        }
    }

    #[test]
    fn a_new_element_has_a_fresh_id_and_the_first_references() {
        let d: Value = serde_json::from_str(
            r#"{"scales":[{"id":"freq"}],"model":{"kind":"subscales","subscales":[{"id":"a"},{"id":"b"}]},"items":[{"id":"item-2"},{"id":"x"}]}"#,
        )
        .unwrap();
        let items = Path::root().key("items");
        let Some(Field {
            kind: Kind::List(list),
            ..
        }) = TOP.iter().find(|f| f.key == "items")
        else {
            panic!("no items field");
        };
        let item = crate::export::compact(&new_element(&d, &items, list));
        assert_eq!(
            item,
            r#"{"id":"item-3","text":"","scale":"freq","subscale":"a"}"#
        );
    }

    #[test]
    fn a_new_level_question_offers_one_answer_per_level() {
        let d: Value =
            serde_json::from_str(r#"{"model":{"kind":"levels","levels":[{},{},{}]},"items":[]}"#)
                .unwrap();
        let items = Path::root().key("items");
        let Some(Field {
            kind: Kind::List(list),
            ..
        }) = TOP.iter().find(|f| f.key == "items")
        else {
            panic!("no items field");
        };
        let item = new_element(&d, &items, list);
        assert_eq!(tree::len(&item, &Path::root().key("options")), 3);
        assert_eq!(
            crate::export::compact(
                tree::get(&item, &Path::root().key("options").index(2)).unwrap()
            ),
            r#"{"level":3,"text":""}"#
        );
    }

    #[test]
    fn names_the_way_to_a_field_as_the_form_labels_it() {
        let d = doc("subscales");
        let path = Path::root()
            .key("model")
            .key("subscales")
            .index(1)
            .key("bands")
            .index(0)
            .key("name");
        assert_eq!(
            trail(&d, &path, crate::text::Lang::En),
            "Scoring › Subscale 2 › Band 1 › Name"
        );
        let path = Path::root().key("items").index(0).key("scale");
        assert_eq!(
            trail(&d, &path, crate::text::Lang::Fr),
            "Question 1 › Échelle de réponse"
        );
        assert_eq!(trail(&d, &Path::root(), crate::text::Lang::En), "");
    }

    fn levels_doc() -> Value {
        serde_json::from_str(
            r#"{"model":{"kind":"levels","dimensions":["a","b"],"levels":[{"up":["1a","1b"]},{"up":["2a","2b"]},{}]},
                "items":[{"options":[{"level":3,"text":"x3"},{"level":1,"text":"x1"},{"level":2,"text":"x2"}]}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn questions_keep_one_answer_per_level_as_levels_change() {
        let levels = Path::root().key("model").key("levels");
        let options = Path::root().key("items").index(0).key("options");
        let mut d = levels_doc();
        tree::push(&mut d, &levels, Value::Object(Vec::new()));
        follow(&mut d, &levels, Change::Added);
        assert_eq!(
            crate::export::compact(tree::get(&d, &options).unwrap()),
            r#"[{"level":3,"text":"x3"},{"level":1,"text":"x1"},{"level":2,"text":"x2"},{"level":4,"text":""}]"#
        );
        // Levels 1 and 2 swapped: each answer goes with its level.
        follow(&mut d, &levels, Change::Swapped(0, 1));
        assert_eq!(
            crate::export::compact(tree::get(&d, &options).unwrap()),
            r#"[{"level":3,"text":"x3"},{"level":2,"text":"x1"},{"level":1,"text":"x2"},{"level":4,"text":""}]"#
        );
        // Level 2 removed: its answer goes, the levels above move down one.
        follow(&mut d, &levels, Change::Removed(1));
        assert_eq!(
            crate::export::compact(tree::get(&d, &options).unwrap()),
            r#"[{"level":2,"text":"x3"},{"level":1,"text":"x2"},{"level":3,"text":""}]"#
        );
    }

    #[test]
    fn levels_keep_one_up_text_per_dimension_and_other_models_are_left_alone() {
        let dimensions = Path::root().key("model").key("dimensions");
        let mut d = levels_doc();
        follow(&mut d, &dimensions, Change::Added);
        follow(&mut d, &dimensions, Change::Swapped(0, 2));
        follow(&mut d, &dimensions, Change::Removed(1));
        let levels = tree::get(&d, &Path::root().key("model").key("levels")).unwrap();
        assert_eq!(
            crate::export::compact(levels),
            r#"[{"up":["","1a"]},{"up":["","2a"]},{}]"#
        );
        let mut other = doc("subscales");
        let before = other.clone();
        follow(&mut other, &dimensions, Change::Added);
        assert_eq!(other, before);
    }

    #[test]
    fn offers_the_ids_defined_in_the_document() {
        let d: Value = serde_json::from_str(
            r#"{"scales":[{"id":"freq"},{"id":"agree","name":""}],"model":{"components":[{"id":"C","name":"Credibility"}]}}"#,
        )
        .unwrap();
        assert_eq!(
            Ids::Scales.choices(&d),
            [("freq".to_owned(), None), ("agree".to_owned(), None)]
        );
        assert_eq!(
            Ids::Components.choices(&d),
            [("C".to_owned(), Some("Credibility".to_owned()))]
        );
        assert!(Ids::Rows.choices(&d).is_empty());
    }
}
