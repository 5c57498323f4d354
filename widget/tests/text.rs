//! The full bundle's words: every locale has every key, translated, with the same blanks
//! (the taking screens' are checked natively in `candor-view`).
#![allow(missing_docs)]

use candor_view::text::Lang;
use candor_widget::components::local_date;
use candor_widget::text::{
    FACILITATOR_EN, FACILITATOR_FR, FACILITATOR_TABLES, FR, READER_TABLES, TABLES, facilitator,
    reader, ui,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Keys whose text is the same in English and in another language (names and symbols).
const SAME_EVERYWHERE: &[&str] = &[
    "heat_group",
    "source",
    "group_quadrants",
    "group_scores",
    "date_words",
];

fn blanks(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    found.sort_unstable();
    found
}

/// Each table of each locale, as `(locale, entries)`: English first.
type Tables = Vec<(&'static str, Vec<(&'static str, &'static str)>)>;

/// `entries` of each language's table, in the order of `Lang::ALL`, with its tag.
fn tagged(entries: impl Iterator<Item = Vec<(&'static str, &'static str)>>) -> Tables {
    Lang::ALL.into_iter().map(Lang::tag).zip(entries).collect()
}

#[wasm_bindgen_test]
fn every_locale_translates_every_key_with_the_same_blanks() {
    let sets: [Tables; 3] = [
        tagged(TABLES.iter().map(|t| t.entries())),
        tagged(FACILITATOR_TABLES.iter().map(|t| t.entries())),
        tagged(READER_TABLES.iter().map(|t| t.entries())),
    ];
    for set in sets {
        let (first, english) = &set[0];
        assert_eq!(*first, "en");
        assert!(set.len() > 1, "every table has a translation");
        for (locale, entries) in &set[1..] {
            assert_eq!(entries.len(), english.len());
            for ((key, en), (other_key, text)) in english.iter().zip(entries) {
                assert_eq!(key, other_key);
                assert!(!text.trim().is_empty(), "{locale}: {key} is empty");
                if !SAME_EVERYWHERE.contains(key) {
                    assert_ne!(en, text, "{locale}: {key} is not translated");
                }
                assert_eq!(blanks(en), blanks(text), "{locale}: {key} has other blanks");
            }
        }
    }
}

#[wasm_bindgen_test]
fn each_language_reads_its_own_words_and_those_it_adds_to() {
    assert_eq!(TABLES.len(), Lang::ALL.len());
    assert_eq!(ui("fr-CA").your_result(), FR.your_result);
    assert_eq!(facilitator("fr").session_tag(), FACILITATOR_FR.session_tag);
    assert_eq!(facilitator("de").session_tag(), FACILITATOR_EN.session_tag);
    // Through the words each adds to: the later bundles' and the taking screens'.
    assert_eq!(facilitator("fr").your_result(), FR.your_result);
    assert_eq!(reader("fr").start(), candor_view::text::FR.start);
    assert_eq!(reader("fr").locale(), "fr");
    assert_eq!(reader("en-GB").locale(), "en");
}

#[wasm_bindgen_test]
fn dates_are_written_in_the_readers_words() {
    for table in READER_TABLES {
        assert_eq!(table.months.split(' ').count(), 12, "{}", table.months);
    }
    assert_eq!(reader("en").date(2026, 12, 7), "7 December 2026");
    assert_eq!(reader("en").date(2027, 1, 1), "1 January 2027");
    assert_eq!(reader("fr").date(2027, 8, 1), "1er août 2027");
    assert_eq!(reader("fr-BE").date(2026, 2, 28), "28 février 2026");
    // Noon UTC on 7 December 2026 is that day wherever the browser is (UTC-11 to UTC+11).
    let noon = 1_796_644_800_000.0;
    assert_eq!(local_date(noon, reader("en")), "7 December 2026");
    assert_eq!(local_date(noon, reader("fr")), "7 décembre 2026");
    assert_eq!(local_date(f64::NAN, reader("en")), "");
}
