//! JSON read through the browser's parser, in headless Chromium: what `write` writes (a
//! hand-over, with its steps), `read` reads back, and text that is not JSON or not the
//! shape is refused. How the core's tree is read into each type is tested natively
//! (`candor_core::json::read`).
#![allow(missing_docs, clippy::unwrap_used)]

use candor_core::json::read::ShapeError;
use candor_core::quiz::Step;
use candor_web::element::{Handoff, Prelude};
use candor_web::json::{self, ReadError, read_value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_hand_over_reads_back_what_was_written() {
    let handoff = Handoff {
        quiz: None,
        held: vec![(
            "candor:trust-equation:history".to_owned(),
            "{\"schema\":3}".to_owned(),
        )],
        prelude: Some(Prelude {
            seed: Some(7),
            actions: vec![Step::Start, Step::Choose(2), Step::Data(true), Step::Back],
            focus: true,
        }),
    };
    let text = json::write(&handoff).unwrap();
    assert!(text.contains(r#"{"choose":2}"#), "{text}");
    assert_eq!(read_value::<Handoff>(&text).unwrap(), handoff);
}

#[wasm_bindgen_test]
fn text_that_is_not_json_or_not_the_shape_is_refused() {
    let syntax = read_value::<Prelude>("{seed: 1}");
    assert!(matches!(syntax, Err(ReadError::Syntax(m)) if !m.is_empty()));
    let shape = read_value::<Prelude>(r#"{"seed":"1"}"#);
    assert_eq!(shape, Err(ReadError::Shape(ShapeError)));
    assert_eq!(
        json::read::<Prelude>("7").unwrap_err(),
        "the JSON is not in the expected shape"
    );
}
