//! The blank templates: each is its model kind's structure with every text empty. As it
//! is, the reader reports nothing but those empty texts, at the paths `fill_blanks` gives
//! them; filled, it is a valid instrument of its kind.

use candor_core::definition::{DefinitionError, Instrument};
use candor_core::json::Value;
use candor_core::templates::{KINDS, blank, fill_blanks};

fn template(kind: &str) -> Value {
    let text = blank(kind).unwrap_or_else(|| panic!("no template for {kind}"));
    serde_json::from_str::<Value>(text).unwrap_or_else(|e| panic!("{kind}: {e}"))
}

/// The paths of the empty strings in `value`, in document order.
fn blanks(value: &Value) -> Vec<String> {
    let mut paths = Vec::new();
    fill_blanks(&mut value.clone(), &mut |p| {
        paths.push(p.to_owned());
        String::new()
    });
    paths
}

/// The strings in `value` that are not empty, each with the key it is under (for a list,
/// the list's key).
fn strings(value: &Value, key: &str, found: &mut Vec<(String, String)>) {
    match value {
        Value::String(text) if !text.is_empty() => found.push((key.to_owned(), text.clone())),
        Value::Array(items) => items.iter().for_each(|item| strings(item, key, found)),
        Value::Object(members) => (members.iter()).for_each(|(k, v)| strings(v, k, found)),
        _ => {}
    }
}

fn filled(kind: &str) -> Value {
    let mut value = template(kind);
    fill_blanks(&mut value, &mut |p| format!("Text {p}"));
    value
}

#[test]
fn every_kind_has_a_template_and_no_other_does() {
    for kind in KINDS {
        assert!(blank(kind).is_some(), "{kind}");
    }
    assert_eq!(blank("quadrants"), None);
    assert_eq!(blank(""), None);
}

#[test]
fn a_blank_template_is_refused_for_its_empty_texts_only() {
    for kind in KINDS {
        let value = template(kind);
        let empty = blanks(&value);
        assert!(
            !empty.is_empty(),
            "{kind}: a template leaves its texts empty"
        );
        let errors = match Instrument::from_value(&value) {
            Ok(_) => panic!("{kind}: a blank template is not valid as it is"),
            Err(errors) => errors,
        };
        let problems: Vec<&DefinitionError> = errors.as_slice().iter().collect();
        for problem in &problems {
            assert!(
                empty.iter().any(|p| p == problem.path()),
                "{kind}: {problem} is not an empty text"
            );
            assert_eq!(
                problem.message(),
                problems[0].message(),
                "{kind}: {problem}"
            );
        }
        let reported: Vec<&str> = problems.iter().map(|e| e.path()).collect();
        if kind == "grid" {
            // Without named rows and columns the reader cannot check items against cells,
            // so it stops before the items: their empty texts are reported once the rows
            // and columns have names.
            assert!(
                reported.iter().all(|p| !p.starts_with("items")),
                "{reported:?}"
            );
        } else {
            assert_eq!(reported, empty, "{kind}: every empty text is reported");
        }
    }
}

#[test]
fn a_filled_template_is_a_valid_instrument_of_its_kind() {
    for kind in KINDS {
        let instrument = Instrument::from_value(&filled(kind))
            .unwrap_or_else(|errors| panic!("{kind}:\n{errors}"));
        assert_eq!(instrument.model().kind(), kind);
        assert_eq!(instrument.id().as_str(), "my-instrument");
        assert_eq!(instrument.version(), 1);
        assert_eq!(instrument.title(), "Text title");
        assert_eq!(instrument.credit().model, "Text credit.model");
    }
}

#[test]
fn a_template_holds_no_text_and_no_optional_field() {
    let optional = [
        "\"$schema\"",
        "\"period\"",
        "\"url\"",
        "\"try\"",
        "\"raise\"",
        "\"habits\"",
        "\"slope\"",
        "\"reference\"",
        "\"balanced\"",
        "\"groups\"",
        "\"not_applicable\"",
        "\"rater\"",
        "\"earlier\"",
        "\"min_answers\"",
        "\"source_name\"",
        "\"virtue\"",
        "\"reverse\"",
    ];
    for kind in KINDS {
        let text = blank(kind).unwrap_or_default();
        for field in optional {
            assert!(!text.contains(field), "{kind}: {field}");
        }
        // The strings that are not empty are ids, references to ids and keywords.
        let mut written = Vec::new();
        strings(&template(kind), "", &mut written);
        for (key, text) in written {
            let allowed = [
                "id",
                "locale",
                "kind",
                "scale",
                "subscale",
                "component",
                "row",
                "column",
                "denominator",
                "x",
                "y",
                "tie_order",
                "pair",
            ];
            assert!(allowed.contains(&key.as_str()), "{kind}: {key}: {text:?}");
        }
        // Filling the blanks changes texts only: filling them with nothing gives it back.
        let value = template(kind);
        let mut same = value.clone();
        fill_blanks(&mut same, &mut |_| String::new());
        assert_eq!(same, value);
    }
}

#[test]
fn fill_blanks_writes_paths_as_definition_problems_do() {
    let mut value: Value = serde_json::from_str(
        r#"{
            "title": "",
            "credit": { "model": "", "source": "Kept" },
            "minutes": 5,
            "items": [{}, {}, { "text": "Kept" }, { "id": "item-4", "text": "" }],
            "model": { "subscales": [{}, { "bands": [{ "min": 0, "name": "" }] }], "dimensions": ["", "x", ""] },
            "empty": {},
            "none": null
        }"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut paths = Vec::new();
    fill_blanks(&mut value, &mut |p| {
        paths.push(p.to_owned());
        format!("<{p}>")
    });
    assert_eq!(
        paths,
        [
            "title",
            "credit.model",
            "items[3].text",
            "model.subscales[1].bands[0].name",
            "model.dimensions[0]",
            "model.dimensions[2]",
        ]
    );
    let expected: Value = serde_json::from_str(
        r#"{
            "title": "<title>",
            "credit": { "model": "<credit.model>", "source": "Kept" },
            "minutes": 5,
            "items": [{}, {}, { "text": "Kept" }, { "id": "item-4", "text": "<items[3].text>" }],
            "model": {
                "subscales": [{}, { "bands": [{ "min": 0, "name": "<model.subscales[1].bands[0].name>" }] }],
                "dimensions": ["<model.dimensions[0]>", "x", "<model.dimensions[2]>"]
            },
            "empty": {},
            "none": null
        }"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value, expected);

    let mut root = Value::String(String::new());
    fill_blanks(&mut root, &mut |p| format!("<{p}>"));
    assert_eq!(root, Value::String("<>".to_owned()));
}

#[test]
fn the_paths_match_the_readers_on_a_filled_template_with_one_blank_left() {
    // One text emptied again in each template: the reader's only problem is at the path
    // fill_blanks gave that text.
    for kind in KINDS {
        let value = template(kind);
        for path in blanks(&value) {
            let mut one = value.clone();
            fill_blanks(&mut one, &mut |p| {
                if p == path {
                    String::new()
                } else {
                    format!("Text {p}")
                }
            });
            let reported: Vec<String> = match Instrument::from_value(&one) {
                Ok(_) => Vec::new(),
                Err(errors) => (errors.as_slice().iter()).map(|e| e.to_string()).collect(),
            };
            assert_eq!(reported.len(), 1, "{kind}, {path}: {reported:?}");
            assert!(
                reported[0].starts_with(&format!("{path}: ")),
                "{kind}: {reported:?}"
            );
        }
    }
}
