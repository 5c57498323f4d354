//! One test per kind of definition problem: each asserts the path and the message a trainer
//! reads, and that nothing invalid is ever returned as an instrument.

mod common;

use candor_core::definition::Instrument;
use serde_json::{Value, json};

fn bands() -> Value {
    json!([
        { "min": 0, "max": 49, "name": "Low", "text": "Low." },
        { "min": 50, "max": 100, "name": "High", "text": "High." }
    ])
}

/// A small valid subscale instrument.
fn subscales() -> Value {
    let quadrant = |x: &str, y: &str, id: &str| json!({ "x": x, "y": y, "id": id, "name": id, "text": "What it means.", "next": "What to do." });
    json!({
        "format": 1, "id": "mini", "version": 1, "locale": "en", "title": "Mini",
        "intro": "A small test.", "minutes": 2, "caveat": "Only a test.",
        "credit": { "model": "A model", "source": "A source" },
        "scales": [{ "id": "freq", "options": [
            { "label": "No", "value": 0 }, { "label": "Some", "value": 1 }, { "label": "Yes", "value": 2 }
        ]}],
        "model": {
            "kind": "subscales",
            "subscales": [
                { "id": "a", "name": "A", "weights": [0, 50, 100], "bands": bands() },
                { "id": "b", "name": "B", "weights": [0, 10, 100], "bands": bands() }
            ],
            "map": { "x": "a", "y": "b", "x_split": 50, "y_split": 50, "quadrants": [
                quadrant("low", "low", "q-ll"), quadrant("high", "low", "q-hl"),
                quadrant("low", "high", "q-lh"), quadrant("high", "high", "q-hh")
            ]},
            "slope": "b",
            "habits": { "subscale": "b", "min_weight": 60, "max": 3 }
        },
        "items": [
            { "id": "i1", "text": "One.", "scale": "freq", "subscale": "a" },
            { "id": "i2", "text": "Two.", "scale": "freq", "subscale": "b", "try": "Try this." }
        ]
    })
}

/// A small valid level instrument with three levels.
fn levels() -> Value {
    let options = json!([
        { "level": 1, "text": "First." }, { "level": 2, "text": "Second." }, { "level": 3, "text": "Third." }
    ]);
    json!({
        "format": 1, "id": "mini-levels", "version": 1, "locale": "en", "title": "Mini",
        "intro": "A small test.", "minutes": 2, "caveat": "Only a test.",
        "credit": { "model": "A model", "source": "A source" },
        "model": {
            "kind": "levels",
            "dimensions": ["Profit", "Goodwill"],
            "levels": [
                { "name": "One", "text": "Level one.", "up": ["More profit.", "More goodwill."] },
                { "name": "Two", "text": "Level two.", "up": ["Even more.", "Even more."] },
                { "name": "Three", "text": "Level three." }
            ]
        },
        "items": [
            { "id": "s1", "text": "A situation.", "options": options.clone() },
            { "id": "s2", "text": "Another situation.", "options": options }
        ]
    })
}

/// A small valid ratio instrument: components X, Y over D, two items each on a 1–3 scale.
fn ratio() -> Value {
    let item = |id: &str, c: &str| json!({ "id": id, "text": "A statement.", "scale": "agree", "component": c });
    let band =
        |min: f64, max: f64| json!({ "min": min, "max": max, "name": "Band", "text": "Text." });
    json!({
        "format": 1, "id": "mini-ratio", "version": 1, "locale": "en", "title": "Mini",
        "intro": "A small test.", "minutes": 2, "caveat": "Only a test.",
        "credit": { "model": "A model", "source": "A source" },
        "scales": [{ "id": "agree", "options": [
            { "label": "No", "value": 1 }, { "label": "Maybe", "value": 2 }, { "label": "Yes", "value": 3 }
        ]}],
        "model": {
            "kind": "ratio",
            "components": [
                { "id": "X", "name": "Ex", "practice": "Do X." },
                { "id": "Y", "name": "Why", "practice": "Do Y." },
                { "id": "D", "name": "Dee", "virtue": "Low D", "practice": "Do less D." }
            ],
            "denominator": "D",
            "tie_order": ["X", "Y", "D"],
            "temperaments": [
                { "pair": ["X", "Y"], "name": "XY", "text": "Both." },
                { "pair": ["X", "D"], "name": "XD", "text": "Both." },
                { "pair": ["Y", "D"], "name": "YD", "text": "Both." }
            ],
            // Numerator sums 4–12 over a denominator 2–6: 0.7 to 6.0.
            "quotient_bands": [band(0.7, 2.9), band(3.0, 6.0)],
            "balance_bands": [band(0.0, 1.0), band(2.0, 4.0)]
        },
        "items": [item("x1", "X"), item("y1", "Y"), item("d1", "D"), item("x2", "X"), item("y2", "Y"), item("d2", "D")]
    })
}

/// A small valid grid instrument: 2 × 2 cells, one item each, with groups.
fn grid() -> Value {
    let item = |id: &str, row: &str, column: &str| json!({ "id": id, "text": "A statement.", "scale": "agree", "cell": { "row": row, "column": column } });
    json!({
        "format": 1, "id": "mini-grid", "version": 1, "locale": "en", "title": "Mini",
        "intro": "A small test.", "minutes": 2, "caveat": "Only a test.",
        "credit": { "model": "A model", "source": "A source" },
        "scales": [{ "id": "agree", "options": [
            { "label": "No", "value": 1 }, { "label": "Maybe", "value": 2 }, { "label": "Yes", "value": 3 }
        ]}],
        "model": {
            "kind": "grid",
            "rows": [{ "id": "lead", "name": "Leadership" }, { "id": "proc", "name": "Processes" }],
            "columns": [{ "id": "open", "name": "Openness" }, { "id": "long", "name": "Long view" }],
            "groups": { "question": "Who are you?", "options": [
                { "id": "inside", "name": "Inside" }, { "id": "outside", "name": "Outside" }
            ]},
            "bands": bands()
        },
        "items": [
            item("g1", "lead", "open"), item("g2", "lead", "long"),
            item("g3", "proc", "open"), item("g4", "proc", "long")
        ]
    })
}

fn read(value: &Value) -> Result<Instrument, Vec<(String, String)>> {
    Instrument::from_json(&value.to_string()).map_err(|errors| {
        errors
            .as_slice()
            .iter()
            .map(|e| (e.path().to_owned(), e.message()))
            .collect()
    })
}

/// Applies `change` to `base` and returns the problems found, failing if there are none.
fn problems(mut base: Value, change: impl FnOnce(&mut Value)) -> Vec<(String, String)> {
    change(&mut base);
    match read(&base) {
        Ok(_) => panic!("the changed definition was accepted"),
        Err(errors) => errors,
    }
}

/// Asserts that exactly one problem is found, at `path`, with a message containing `message`.
#[track_caller]
fn expect_one(errors: Vec<(String, String)>, path: &str, message: &str) {
    assert_eq!(errors.len(), 1, "expected one problem, got {errors:#?}");
    assert_eq!(errors[0].0, path, "{errors:#?}");
    assert!(
        errors[0].1.contains(message),
        "message {:?} lacks {message:?}",
        errors[0].1
    );
}

fn at<'a>(value: &'a mut Value, pointer: &str) -> &'a mut Value {
    value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer}"))
}

#[test]
fn the_small_bases_are_valid() {
    for base in [subscales(), levels(), ratio(), grid()] {
        if let Err(errors) = read(&base) {
            panic!("{errors:#?}");
        }
    }
}

#[test]
fn not_json() {
    let errors = Instrument::from_json("{\"id\": ").unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors.as_slice()[0].path(), "");
    assert!(
        errors.as_slice()[0]
            .message()
            .starts_with("this is not valid JSON")
    );
}

#[test]
fn json_over_256_kb() {
    let text = format!("{}{}", " ".repeat(300 * 1024), subscales());
    let errors = Instrument::from_json(&text).unwrap_err();
    assert!(
        errors.as_slice()[0]
            .message()
            .contains("the limit is 256 KB"),
        "{errors}"
    );
}

#[test]
fn missing_field() {
    let errors = problems(subscales(), |v| {
        v.as_object_mut().unwrap().remove("title");
    });
    expect_one(errors, "title", "is required but missing");
}

#[test]
fn wrong_type() {
    let errors = problems(subscales(), |v| *at(v, "/minutes") = json!("two"));
    expect_one(errors, "minutes", "must be a number, found a string");
}

#[test]
fn unknown_field_anywhere() {
    let errors = problems(subscales(), |v| {
        at(v, "/items/1")
            .as_object_mut()
            .unwrap()
            .insert("Text".into(), json!("typo"));
    });
    expect_one(errors, "items[1].Text", "unknown field");
}

#[test]
fn empty_text() {
    let errors = problems(subscales(), |v| *at(v, "/title") = json!("   "));
    expect_one(errors, "title", "must not be empty");
}

#[test]
fn text_over_2000_characters() {
    let errors = problems(subscales(), |v| *at(v, "/intro") = json!("é".repeat(2001)));
    expect_one(
        errors,
        "intro",
        "text is 2001 characters long; the limit is 2000",
    );
}

#[test]
fn more_than_200_items() {
    let errors = problems(subscales(), |v| {
        let item = at(v, "/items/0").clone();
        let items: Vec<Value> = (0..201)
            .map(|i| {
                let mut item = item.clone();
                item["id"] = json!(format!("i{i}"));
                item
            })
            .collect();
        *at(v, "/items") = json!(items);
    });
    expect_one(errors, "items", "has 201 entries; the limit is 200");
}

#[test]
fn too_few_options() {
    let errors = problems(subscales(), |v| {
        *at(v, "/scales/0/options") = json!([{ "label": "Only", "value": 0 }]);
    });
    expect_one(
        errors,
        "scales[0].options",
        "has 1 entry; at least 2 entries needed",
    );
}

#[test]
fn bad_id() {
    let errors = problems(subscales(), |v| *at(v, "/id") = json!("has space"));
    expect_one(errors, "id", "an id may only hold letters, digits");
}

#[test]
fn out_of_range() {
    let errors = problems(subscales(), |v| *at(v, "/minutes") = json!(500));
    expect_one(
        errors,
        "minutes",
        "500 is out of range; it must be from 1 to 120",
    );
}

#[test]
fn not_a_whole_number() {
    let errors = problems(subscales(), |v| *at(v, "/version") = json!(1.5));
    expect_one(errors, "version", "must be a whole number");
}

#[test]
fn duplicate_id() {
    let errors = problems(subscales(), |v| *at(v, "/items/1/id") = json!("i1"));
    expect_one(errors, "items[1].id", "duplicate id \"i1\"");
}

#[test]
fn unknown_scale() {
    let mut v = subscales();
    *at(&mut v, "/items/0/scale") = json!("frequency");
    let errors = Instrument::from_json(&v.to_string()).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors.as_slice()[0].to_string(),
        "items[0].scale: unknown scale \"frequency\""
    );
}

#[test]
fn unknown_model_kind() {
    let errors = problems(subscales(), |v| *at(v, "/model/kind") = json!("radar"));
    expect_one(errors, "model.kind", "unknown model kind \"radar\"");
}

#[test]
fn option_values_not_ascending() {
    let errors = problems(subscales(), |v| {
        *at(v, "/scales/0/options/2/value") = json!(1)
    });
    expect_one(errors, "scales[0].options", "must go up strictly");
}

#[test]
fn weights_of_the_wrong_length() {
    let errors = problems(subscales(), |v| {
        *at(v, "/model/subscales/0/weights") = json!([0, 100])
    });
    expect_one(
        errors,
        "model.subscales[0].weights",
        "has 2 weights but scale \"freq\" has 3 options",
    );
}

#[test]
fn band_gap() {
    let errors = problems(subscales(), |v| {
        *at(v, "/model/subscales/0/bands/1/min") = json!(60)
    });
    expect_one(
        errors,
        "model.subscales[0].bands[1].min",
        "bands leave scores 50 to 59 uncovered",
    );
}

#[test]
fn band_overlap() {
    let errors = problems(subscales(), |v| {
        *at(v, "/model/subscales/0/bands/1/min") = json!(40)
    });
    expect_one(
        errors,
        "model.subscales[0].bands[1].min",
        "bands overlap on scores 40 to 49",
    );
}

#[test]
fn band_start_and_end() {
    let errors = problems(subscales(), |v| {
        *at(v, "/model/subscales/1/bands/0/min") = json!(10);
        *at(v, "/model/subscales/1/bands/1/max") = json!(90);
    });
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert_eq!(errors[0].0, "model.subscales[1].bands[0].min");
    assert!(
        errors[0]
            .1
            .contains("the first band starts at 10; it must start at 0")
    );
    assert_eq!(errors[1].0, "model.subscales[1].bands[1].max");
    assert!(
        errors[1]
            .1
            .contains("the last band ends at 90; it must end at 100")
    );
}

#[test]
fn band_with_min_above_max() {
    let errors = problems(subscales(), |v| {
        *at(v, "/model/subscales/0/bands/0/max") = json!(-5)
    });
    expect_one(
        errors,
        "model.subscales[0].bands[0]",
        "min must not be greater than max",
    );
}

#[test]
fn subscale_with_no_item() {
    let errors = problems(subscales(), |v| *at(v, "/items/1/subscale") = json!("a"));
    // Item 1 no longer feeds the habits subscale, so only the empty subscale is reported.
    expect_one(errors, "items", "subscale \"b\" has no item");
}

#[test]
fn habit_item_without_something_to_try() {
    let errors = problems(subscales(), |v| {
        at(v, "/items/1").as_object_mut().unwrap().remove("try");
    });
    expect_one(errors, "items[1].try", "need a \"try\" text");
}

#[test]
fn quadrants_duplicated_and_missing() {
    let errors = problems(subscales(), |v| {
        *at(v, "/model/map/quadrants/3/y") = json!("low")
    });
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert_eq!(errors[0].0, "model.map.quadrants[3]");
    assert!(
        errors[0]
            .1
            .contains("another quadrant already has this x and y")
    );
    assert_eq!(errors[1].0, "model.map.quadrants");
    assert!(
        errors[1]
            .1
            .contains(r#"no quadrant for x "high" and y "high""#)
    );
}

#[test]
fn level_with_no_option() {
    let errors = problems(levels(), |v| {
        at(v, "/items/0/options").as_array_mut().unwrap().remove(2);
    });
    expect_one(errors, "items[0].options", "no option for level 3");
}

#[test]
fn level_option_out_of_range_or_twice() {
    let errors = problems(levels(), |v| *at(v, "/items/1/options/2/level") = json!(2));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].0, "items[1].options[2].level");
    assert!(errors[0].1.contains("duplicate id \"level 2\""));
    let errors = problems(levels(), |v| *at(v, "/items/1/options/2/level") = json!(7));
    expect_one(
        errors,
        "items[1].options[2].level",
        "7 is out of range; it must be from 1 to 3",
    );
}

#[test]
fn level_up_texts() {
    let errors = problems(levels(), |v| {
        *at(v, "/model/levels/0/up") = json!(["Only one."])
    });
    expect_one(
        errors,
        "model.levels[0].up",
        "one text per dimension: expected 2, found 1",
    );
    let errors = problems(levels(), |v| {
        at(v, "/model/levels/2")
            .as_object_mut()
            .unwrap()
            .insert("up".into(), json!(["a", "b"]));
    });
    expect_one(
        errors,
        "model.levels[2].up",
        "the top level has no level above it",
    );
}

#[test]
fn temperament_pair_missing() {
    let errors = problems(ratio(), |v| {
        at(v, "/model/temperaments")
            .as_array_mut()
            .unwrap()
            .remove(2);
    });
    expect_one(
        errors,
        "model.temperaments",
        "no temperament for the pair Y + D",
    );
}

#[test]
fn components_of_uneven_length() {
    let errors = problems(ratio(), |v| *at(v, "/items/4/component") = json!("X"));
    expect_one(
        errors,
        "items",
        "every component needs the same number of items",
    );
}

#[test]
fn quotient_bands_checked_against_the_items() {
    // With two items per component on 1–3 the quotient runs from 0.7 to 6.0.
    let errors = problems(ratio(), |v| {
        *at(v, "/model/quotient_bands/1/max") = json!(5.0)
    });
    expect_one(
        errors,
        "model.quotient_bands[1].max",
        "the last band ends at 5; it must end at 6",
    );
    let errors = problems(ratio(), |v| {
        *at(v, "/model/quotient_bands/1/min") = json!(3.25)
    });
    expect_one(
        errors,
        "model.quotient_bands[1].min",
        "use at most one decimal place",
    );
}

#[test]
fn tie_order_must_name_every_component_once() {
    let errors = problems(ratio(), |v| {
        *at(v, "/model/tie_order") = json!(["X", "X", "D"])
    });
    expect_one(
        errors,
        "model.tie_order",
        "must name every component exactly once (X, Y, D)",
    );
}

#[test]
fn grid_cell_with_no_item() {
    let errors = problems(grid(), |v| {
        *at(v, "/items/3/cell") = json!({ "row": "proc", "column": "open" });
    });
    expect_one(errors, "items", "grid cell \"proc\" × \"long\" has no item");
}

#[test]
fn grid_cell_naming_an_unknown_row() {
    let errors = problems(grid(), |v| *at(v, "/items/0/cell/row") = json!("board"));
    // The cell it fed is now empty too.
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(
        errors[0],
        (
            "items[0].cell.row".to_owned(),
            "unknown row \"board\"".to_owned()
        )
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let errors = problems(subscales(), |v| {
        *at(v, "/version") = json!(0);
        *at(v, "/items/0/scale") = json!("freqs");
        *at(v, "/items/1/text") = json!("");
        at(v, "")
            .as_object_mut()
            .unwrap()
            .insert("colour".into(), json!("red"));
    });
    let paths: Vec<&str> = errors.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        ["colour", "version", "items[0].scale", "items[1].text"]
    );
}

#[test]
fn problems_in_one_item_do_not_hide_problems_found_through_the_others() {
    // Item 0 names an unknown scale; subscale b's weights do not fit the scale item 1 uses.
    let errors = problems(subscales(), |v| {
        *at(v, "/items/0/scale") = json!("frequency");
        *at(v, "/model/subscales/1/weights") = json!([0, 100]);
    });
    let paths: Vec<&str> = errors.iter().map(|(p, _)| p.as_str()).collect();
    // No "subscale a has no item": item 0 feeds it, it just has a problem of its own.
    assert_eq!(paths, ["items[0].scale", "model.subscales[1].weights"]);
}
