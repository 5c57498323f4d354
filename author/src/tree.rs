//! Paths into a definition's JSON tree, and the edits the form makes there.
//!
//! * A [`Path`] is a list of steps from the root: object keys and list positions.
//! * It is written as the core writes the path of a problem (`items[3].scale`), so a
//!   problem can be matched to the field that shows it.
//! * The edits ([`set`], [`push`], [`remove`], [`swap`]) keep every other member where it
//!   was: a definition keeps its key order from import to export.

use std::fmt;

use candor_core::json::Value;

/// One step into the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// An object's member.
    Key(&'static str),
    /// A list's element.
    Index(usize),
}

/// Where a value sits in the definition.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path(Vec<Step>);

impl Path {
    /// The root: the whole definition.
    pub fn root() -> Self {
        Self::default()
    }

    /// The member `key` of the object here.
    pub fn key(&self, key: &'static str) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key));
        Self(steps)
    }

    /// Element `index` of the list here.
    pub fn index(&self, index: usize) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Index(index));
        Self(steps)
    }

    /// The steps from the root.
    pub fn steps(&self) -> &[Step] {
        &self.0
    }

    /// The id of the form control (or group) that edits this value: `f-items-3-scale`.
    pub fn dom_id(&self) -> String {
        let mut id = String::from("f");
        for step in &self.0 {
            match step {
                Step::Key(key) => {
                    id.push('-');
                    id.push_str(key);
                }
                Step::Index(i) => {
                    id.push('-');
                    id.push_str(&i.to_string());
                }
            }
        }
        id
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(key) if n == 0 => write!(f, "{key}")?,
                Step::Key(key) => write!(f, ".{key}")?,
                Step::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

/// The value at `path`, if there is one.
pub fn get<'v>(tree: &'v Value, path: &Path) -> Option<&'v Value> {
    path.0.iter().try_fold(tree, |value, step| match step {
        Step::Key(key) => value.get(key),
        Step::Index(i) => value.as_array()?.get(*i),
    })
}

/// The value at `path`, for changing; missing objects on the way are made.
fn get_mut<'v>(tree: &'v mut Value, steps: &[Step]) -> Option<&'v mut Value> {
    let mut value = tree;
    for step in steps {
        value = match (step, value) {
            (Step::Key(key), value) => {
                if !matches!(value, Value::Object(_)) {
                    *value = Value::Object(Vec::new());
                }
                let Value::Object(members) = value else {
                    return None;
                };
                let at = match members.iter().position(|(k, _)| k == key) {
                    Some(at) => at,
                    None => {
                        members.push(((*key).to_owned(), Value::Object(Vec::new())));
                        members.len() - 1
                    }
                };
                &mut members[at].1
            }
            (Step::Index(i), Value::Array(items)) => items.get_mut(*i)?,
            (Step::Index(_), _) => return None,
        };
    }
    Some(value)
}

/// Sets the value at `path` (`None` removes an object's member). False when the path runs
/// through a list position that is not there.
pub fn set(tree: &mut Value, path: &Path, new: Option<Value>) -> bool {
    let Some((last, parent)) = path.0.split_last() else {
        if let Some(new) = new {
            *tree = new;
        }
        return true;
    };
    if new.is_none() && get(tree, &Path(parent.to_vec())).is_none() {
        return true;
    }
    let Some(parent) = get_mut(tree, parent) else {
        return false;
    };
    match (last, parent, new) {
        (Step::Key(key), Value::Object(members), new) => {
            let at = members.iter().position(|(k, _)| k == key);
            match (at, new) {
                (Some(at), Some(new)) => members[at].1 = new,
                (Some(at), None) => {
                    members.remove(at);
                }
                (None, Some(new)) => members.push(((*key).to_owned(), new)),
                (None, None) => {}
            }
            true
        }
        (Step::Index(i), Value::Array(items), Some(new)) if *i < items.len() => {
            items[*i] = new;
            true
        }
        _ => false,
    }
}

/// Appends `new` to the list at `path` (made if missing). Returns its position.
pub fn push(tree: &mut Value, path: &Path, new: Value) -> Option<usize> {
    let list = get_mut(tree, &path.0)?;
    if !matches!(list, Value::Array(_)) {
        *list = Value::Array(Vec::new());
    }
    let Value::Array(items) = list else {
        return None;
    };
    items.push(new);
    Some(items.len() - 1)
}

/// Removes element `index` of the list at `path`.
pub fn remove(tree: &mut Value, path: &Path, index: usize) -> bool {
    match get_mut(tree, &path.0) {
        Some(Value::Array(items)) if index < items.len() => {
            items.remove(index);
            true
        }
        _ => false,
    }
}

/// Swaps elements `a` and `b` of the list at `path`.
pub fn swap(tree: &mut Value, path: &Path, a: usize, b: usize) -> bool {
    match get_mut(tree, &path.0) {
        Some(Value::Array(items)) if a < items.len() && b < items.len() => {
            items.swap(a, b);
            true
        }
        _ => false,
    }
}

/// The length of the list at `path` (0 when there is none).
pub fn len(tree: &Value, path: &Path) -> usize {
    get(tree, path)
        .and_then(Value::as_array)
        .map_or(0, <[Value]>::len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(text: &str) -> Value {
        serde_json::from_str(text).unwrap()
    }

    fn text(value: &Value) -> String {
        serde_json::to_string(value).unwrap()
    }

    #[test]
    fn writes_paths_as_problems_do() {
        let path = Path::root()
            .key("model")
            .key("subscales")
            .index(1)
            .key("bands");
        assert_eq!(path.to_string(), "model.subscales[1].bands");
        assert_eq!(path.dom_id(), "f-model-subscales-1-bands");
        assert_eq!(Path::root().to_string(), "");
    }

    #[test]
    fn sets_in_place_and_appends_new_members() {
        let mut t = tree(r#"{"b":1,"a":{"x":"old"}}"#);
        assert!(set(
            &mut t,
            &Path::root().key("a").key("x"),
            Some(Value::String("new".into()))
        ));
        assert!(set(&mut t, &Path::root().key("c"), Some(Value::Bool(true))));
        assert_eq!(text(&t), r#"{"b":1,"a":{"x":"new"},"c":true}"#);
        assert!(set(&mut t, &Path::root().key("b"), None));
        assert!(set(&mut t, &Path::root().key("gone").key("deeper"), None));
        assert_eq!(text(&t), r#"{"a":{"x":"new"},"c":true}"#);
    }

    #[test]
    fn makes_missing_objects_but_not_missing_list_elements() {
        let mut t = tree(r#"{"items":[]}"#);
        assert!(set(
            &mut t,
            &Path::root().key("credit").key("model"),
            Some(Value::Null)
        ));
        assert!(!set(
            &mut t,
            &Path::root().key("items").index(0).key("id"),
            Some(Value::Null)
        ));
        assert_eq!(text(&t), r#"{"items":[],"credit":{"model":null}}"#);
    }

    #[test]
    fn pushes_removes_and_swaps_list_elements() {
        let mut t = tree(r#"{"l":[1,2,3]}"#);
        let list = Path::root().key("l");
        assert_eq!(push(&mut t, &list, Value::Number(4.0)), Some(3));
        assert!(swap(&mut t, &list, 0, 3));
        assert!(remove(&mut t, &list, 1));
        assert!(!remove(&mut t, &list, 9));
        assert!(!swap(&mut t, &list, 0, 9));
        assert_eq!(text(&t), r#"{"l":[4,3,1]}"#);
        assert_eq!(len(&t, &list), 3);
        assert_eq!(push(&mut t, &Path::root().key("new"), Value::Null), Some(0));
        assert_eq!(len(&t, &Path::root().key("new")), 1);
    }
}
