//! JSON read through the browser's parser, in headless Chromium: every served questions
//! form, records and hand-overs read as `serde_json` reads them, and what they refuse.
#![allow(missing_docs, clippy::unwrap_used)]

use candor_core::questions::Questions;
use candor_core::quiz::Step;
use candor_core::records::{Asked, Attempt, History, Progress};
use candor_core::scoring::summary::Score;
use candor_web::element::{Handoff, Prelude};
use candor_web::json::{self, ReadError, read_value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Every questions form the site serves.
const FORMS: &[&str] = &[
    include_str!("../../public/questions/curiosity.en.json"),
    include_str!("../../public/questions/customer-focus.fr.json"),
    include_str!("../../public/questions/existing-customers.en.json"),
    include_str!("../../public/questions/put-yourself-on-the-list.fr.json"),
    include_str!("../../public/questions/service-or-servility.en.json"),
    include_str!("../../public/questions/service-or-servility.fr.json"),
    include_str!("../../public/questions/trust-equation.en.json"),
    include_str!("../../public/questions/trust-roadmap.fr.json"),
];

#[wasm_bindgen_test]
fn questions_forms_read_as_serde_json_reads_them() {
    for form in FORMS {
        let expected: Questions = serde_json::from_str(form).unwrap();
        assert_eq!(read_value::<Questions>(form).unwrap(), expected);
    }
}

fn history() -> History {
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
    history
}

fn handoff() -> Handoff {
    Handoff {
        quiz: None,
        held: vec![(
            "candor:trust-equation:history".to_owned(),
            "{\"schema\":3}".to_owned(),
        )],
        prelude: Some(Prelude {
            seed: Some(4_000_000_000),
            actions: vec![
                Step::Start,
                Step::Choose(2),
                Step::Next,
                Step::Data(true),
                Step::Back,
            ],
            focus: true,
        }),
    }
}

#[wasm_bindgen_test]
fn records_and_hand_overs_read_back_what_was_written() {
    let progress = Progress {
        schema: 3,
        instrument: "service-or-servility".to_owned(),
        version: 1,
        seed: 17,
        position: 3,
        answers: vec![Some(0), None, Some(4), None],
        group: None,
        started_at: 1_765_000_000_000.5,
    };
    let text = json::write(&progress).unwrap();
    assert_eq!(read_value::<Progress>(&text).unwrap(), progress);
    assert_eq!(serde_json::from_str::<Progress>(&text).unwrap(), progress);

    let history = history();
    let text = json::write(&history).unwrap();
    assert_eq!(read_value::<History>(&text).unwrap(), history);
    assert_eq!(
        read_value::<History>(&serde_json::to_string(&history).unwrap()).unwrap(),
        history
    );

    let handoff = handoff();
    let text = json::write(&handoff).unwrap();
    assert!(text.contains(r#"{"choose":2}"#), "{text}");
    assert_eq!(read_value::<Handoff>(&text).unwrap(), handoff);
    // Missing fields take their defaults; fields no type has are left out.
    let prelude = read_value::<Prelude>(r#"{"actions":["next"],"extra":[1,{"a":null}]}"#).unwrap();
    assert_eq!(
        prelude,
        Prelude {
            seed: None,
            actions: vec![Step::Next],
            focus: false
        }
    );
}

#[wasm_bindgen_test]
fn text_that_is_not_json_or_not_the_shape_is_refused() {
    assert!(
        matches!(read_value::<Prelude>("{seed: 1}"), Err(ReadError::Syntax(m)) if !m.is_empty())
    );
    for shape in [
        r#"{"seed":"1"}"#,         // a text where a number goes
        r#"{"seed":1.5}"#,         // a fraction where a whole number goes
        r#"{"seed":-1}"#,          // out of range
        r#"{"seed":4294967296}"#,  // out of range
        r#"{"actions":["jump"]}"#, // no such step
        r#"{"actions":[{"choose":300}]}"#,
        r#"{"actions":[{"start":1}]}"#, // a unit step with content
        r#"{"actions":[{"choose":1,"next":null}]}"#,
        r#"["1"]"#,
        "null",
    ] {
        assert_eq!(
            read_value::<Prelude>(shape),
            Err(ReadError::Shape),
            "{shape}"
        );
    }
    assert_eq!(
        json::read::<Prelude>("7").unwrap_err(),
        "the JSON is not in the expected shape"
    );
    // A missing optional field and null are both none.
    assert_eq!(
        read_value::<Prelude>(r#"{"seed":null}"#).unwrap().seed,
        None
    );
}
