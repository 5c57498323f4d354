//! The full bundle's words: every locale has every key, translated, with the same blanks
//! (the taking screens' are checked natively in `candor-view`).
#![allow(missing_docs)]

use candor_widget::text::{EN, TABLES};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Keys whose text is the same in English and in another language (names and symbols).
const SAME_EVERYWHERE: &[&str] = &["heat_group", "source", "group_quadrants", "group_scores"];

fn blanks(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    found.sort_unstable();
    found
}

#[wasm_bindgen_test]
fn every_locale_translates_every_key_with_the_same_blanks() {
    let english = EN.entries();
    for table in TABLES.iter().filter(|t| t.locale != "en") {
        let entries = table.entries();
        assert_eq!(entries.len(), english.len());
        for ((key, en), (other_key, text)) in english.iter().zip(&entries) {
            assert_eq!(key, other_key);
            assert!(!text.trim().is_empty(), "{}: {key} is empty", table.locale);
            if !SAME_EVERYWHERE.contains(key) {
                assert_ne!(en, text, "{}: {key} is not translated", table.locale);
            }
            assert_eq!(
                blanks(en),
                blanks(text),
                "{}: {key} has other blanks",
                table.locale
            );
        }
    }
}
