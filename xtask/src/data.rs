//! `public/candor-data.js`: everything the element class must know before any WebAssembly
//! arrives, written from the Rust side that decides it.
//!
//! * `element`: the tag, the attributes, the default instrument, the themes' classes, and
//!   what only the full bundle shows (`candor_view::element`).
//! * `records`: how the records' keys are made and the namespace rule
//!   (`candor_core::records::Keys`), to tell a returning reader from a new one, and the
//!   kind of key a reader's screen is kept under (`KEPT`), with `contents`, a digest of the
//!   built-in instruments' texts and the stylesheet: a screen kept from other texts or
//!   another stylesheet is not shown again.
//! * `words`: the element's own words per interface language (`candor_view::text`).
//! * `forms`: the questions forms served, by instrument.
//! * `shareLinks`: by built-in, how its codes start in a share link (`heads`, from
//!   `candor_core::code::heads`) and its model (`subscales`, `levels`, `ratio`, `grid`),
//!   which names the bundle that shows a result of it someone shared
//!   (`candor-shared-<model>`).
//! * `screens`: the first screens (see `first`), by instrument and interface language.

use serde_json::{Value, json};

use candor_core::builtin;
use candor_core::definition::ID_RULE;
use candor_core::digest::fnv1a_64;
use candor_core::records::{DEFAULT_NAMESPACE, HISTORY, KEPT, PREFIX, PROGRESS};
use candor_view::element;
use candor_view::text::{self, Lang, TABLES};

use crate::first::first;

/// The data module's text, given the questions forms (`(file name, contents)`).
pub fn module(forms: &[(String, Vec<u8>)], css: &str) -> Result<String, String> {
    let mut served = serde_json::Map::new();
    for (name, _) in forms {
        let Some((id, locale)) = name.strip_suffix(".json").and_then(|n| n.split_once('.')) else {
            continue;
        };
        let entry = served
            .entry(id.to_owned())
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(locales) = entry {
            locales.push(locale.into());
        }
    }
    let mut words = serde_json::Map::new();
    let mut screens = serde_json::Map::new();
    let mut share_links = serde_json::Map::new();
    for ui in TABLES {
        let (before, after) = ui
            .cannot_start
            .split_once("{link}")
            .ok_or("cannot_start has no {link}")?;
        words.insert(
            ui.locale.to_owned(),
            json!({
                "loading": ui.loading,
                "loadFailed": ui.load_failed,
                "tryAgain": ui.try_again,
                "cannotStart": [before, ui.open_alone, after],
            }),
        );
    }
    for id in builtin::ids() {
        let mut by_locale = serde_json::Map::new();
        for lang in Lang::ALL {
            let locale = lang.tag();
            let instrument = builtin::load_in(id, locale).map_err(|e| e.to_string())?;
            let screen = first(&instrument.questions(), text::of(lang))?;
            by_locale.insert(
                locale.to_owned(),
                json!({ "intro": screen.intro, "start": screen.start, "back": screen.back }),
            );
        }
        screens.insert(id.to_owned(), Value::Object(by_locale));
        let instrument = builtin::load(id).map_err(|e| e.to_string())?;
        share_links.insert(
            id.to_owned(),
            json!({
                "model": instrument.model().kind(),
                "heads": candor_core::code::heads(&instrument.questions()),
            }),
        );
    }
    let themes: serde_json::Map<String, Value> = element::THEMES
        .iter()
        .map(|theme| ((*theme).to_owned(), element::theme_class(theme).into()))
        .collect();
    let data = json!({
        "element": {
            "tag": element::TAG,
            "attributes": element::ATTRIBUTES,
            "defaultInstrument": element::DEFAULT_INSTRUMENT,
            "themes": themes,
            "share": element::SHARE_KEY,
            "rate": element::RATE_KEY,
            "fullOnly": {
                "mode": element::FULL_ONLY_MODE,
                "attribute": element::FULL_ONLY_ATTRIBUTE,
                "inline": element::INLINE_DEFINITION,
            },
        },
        "records": {
            "prefix": PREFIX,
            "defaultNamespace": DEFAULT_NAMESPACE,
            "namespaceRule": ID_RULE,
            "progress": PROGRESS,
            "history": HISTORY,
            "kept": KEPT,
            "contents": contents(css),
        },
        "defaultLocale": "en",
        "words": words,
        "forms": served,
        "shareLinks": share_links,
        "screens": screens,
    });
    let text = serde_json::to_string_pretty(&data).map_err(|e| e.to_string())?;
    Ok(format!(
        "// Written by `cargo xtask data` from the Rust side: do not edit (`cargo xtask check`\n\
         // fails when it is stale). What the element class must know before any WebAssembly.\n\
         export default {text};\n"
    ))
}

/// A digest of every built-in instrument's text, in every language, and of the widget's
/// stylesheet `css`: what a kept screen was drawn with.
fn contents(css: &str) -> String {
    let all: String = (builtin::SOURCES.iter().map(|(_, _, text)| *text))
        .chain([css])
        .collect();
    format!("{:016x}", fnv1a_64(all.as_bytes()))
}
