//! Blank templates: where a trainer starts an instrument of their own.
//!
//! * A template is the structure of a definition of one model kind with its texts left
//!   empty, for the trainer to fill. There is one per kind in [`KINDS`].
//! * Everything that is not a text is filled in: ids (`my-instrument`, `item-1`…), the
//!   version, scale values, weights, splits, band bounds, level numbers, pairs.
//! * Every text a reader sees (titles, labels, names, band texts, item texts…) is `""`.
//!   Optional fields are left out.
//! * A template is not valid as it is: the reader reports each empty text, with its path.
//!   Once every empty text is filled, it is a valid definition of its kind.
//! * [`fill_blanks`] fills the empty texts by path, written as the reader writes paths
//!   (`items[3].text`), so an authoring page can tie each blank to its problem.
//! * The texts are the files in `core/templates/`, compiled in as they are.

use crate::json::Value;

/// The model kinds there is a template for, as written in `model.kind`.
pub const KINDS: [&str; 4] = ["subscales", "levels", "ratio", "grid"];

/// The JSON text of the blank template of model kind `kind`, or `None` for an unknown
/// kind.
///
/// ```
/// use candor_core::templates::{KINDS, blank};
/// assert!(KINDS.iter().all(|kind| blank(kind).is_some()));
/// assert!(blank("quadrants").is_none());
/// ```
pub fn blank(kind: &str) -> Option<&'static str> {
    match kind {
        "subscales" => Some(include_str!("../templates/subscales.json")),
        "levels" => Some(include_str!("../templates/levels.json")),
        "ratio" => Some(include_str!("../templates/ratio.json")),
        "grid" => Some(include_str!("../templates/grid.json")),
        _ => None,
    }
}

/// Replaces every empty string in `value` by `fill(path)`, in document order. `path` is
/// written as definition problems write it: `title`, `credit.model`, `items[3].text`,
/// `model.subscales[1].bands[0].name`; an empty string at the root gets `""`. Strings
/// that are not empty, object keys and other values are left as they are.
///
/// ```
/// use candor_core::json::Value;
/// use candor_core::templates::fill_blanks;
/// let mut v: Value = serde_json::from_str(r#"{"items": [{"text": ""}]}"#).unwrap();
/// fill_blanks(&mut v, &mut |path| format!("<{path}>"));
/// let item = &v.get("items").and_then(Value::as_array).unwrap()[0];
/// assert_eq!(item.get("text").and_then(Value::as_str), Some("<items[0].text>"));
/// ```
pub fn fill_blanks(value: &mut Value, fill: &mut impl FnMut(&str) -> String) {
    walk(value, &mut String::new(), fill);
}

/// [`fill_blanks`] below `path`, which is restored before returning.
fn walk(value: &mut Value, path: &mut String, fill: &mut impl FnMut(&str) -> String) {
    let len = path.len();
    match value {
        Value::String(text) if text.is_empty() => *text = fill(path),
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                path.push('[');
                path.push_str(&i.to_string());
                path.push(']');
                walk(item, path, fill);
                path.truncate(len);
            }
        }
        Value::Object(members) => {
            for (key, member) in members.iter_mut() {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                walk(member, path, fill);
                path.truncate(len);
            }
        }
        _ => {}
    }
}
