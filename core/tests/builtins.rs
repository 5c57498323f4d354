//! Every built-in definition reads without a single problem.

mod common;

use candor_core::builtin;

#[test]
fn every_builtin_definition_is_valid() {
    for (id, locale, text) in builtin::SOURCES {
        let instrument = candor_core::definition::Instrument::from_json(text)
            .unwrap_or_else(|e| panic!("{id} ({locale}) is invalid:\n{e}"));
        assert_eq!(instrument.id().as_str(), *id);
        assert_eq!(instrument.locale(), *locale);
    }
}

#[test]
fn items_stay_short_enough_to_read_on_a_phone() {
    // Items stay under 25 words, to read on a phone.
    for (id, _, text) in builtin::SOURCES {
        let instrument = candor_core::definition::Instrument::from_json(text).unwrap();
        for item in instrument.items() {
            let words = item.text.split_whitespace().count();
            assert!(words < 25, "{id}/{}: {words} words", item.id.as_str());
        }
    }
}

#[test]
fn the_documented_example_is_valid() {
    let doc = include_str!("../../docs/instrument-format.md");
    let start = doc
        .rfind("```json\n{")
        .expect("the format page ends with a complete example");
    let body = &doc[start + "```json\n".len()..];
    let example = &body[..body.find("\n```").expect("closing fence")];
    let instrument = candor_core::definition::Instrument::from_json(example)
        .unwrap_or_else(|e| panic!("the documented example is invalid:\n{e}"));
    assert_eq!(instrument.id().as_str(), "meeting-habits");
    assert_eq!(instrument.items().len(), 3);
}
