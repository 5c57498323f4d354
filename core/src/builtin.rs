//! The built-in instruments, compiled into the widget as JSON text (no file to fetch),
//! minified by `build.rs` from `instruments/*.json`.
//!
//! They are read by the same code as a trainer's custom instrument, so they obey the same
//! rules; a test reads each of them and fails on any problem.

use crate::definition::{DefinitionErrors, Instrument};
use crate::json::Value;

/// `(id, locale, JSON text)` of every built-in instrument.
pub const SOURCES: &[(&str, &str, &str)] = &[
    (
        "service-or-servility",
        "en",
        include_str!(concat!(env!("OUT_DIR"), "/service-or-servility.en.json")),
    ),
    (
        "customer-focus",
        "en",
        include_str!(concat!(env!("OUT_DIR"), "/customer-focus.en.json")),
    ),
    (
        "trust-equation",
        "en",
        include_str!(concat!(env!("OUT_DIR"), "/trust-equation.en.json")),
    ),
    (
        "trust-roadmap",
        "en",
        include_str!(concat!(env!("OUT_DIR"), "/trust-roadmap.en.json")),
    ),
    (
        "service-or-servility",
        "fr",
        include_str!(concat!(env!("OUT_DIR"), "/service-or-servility.fr.json")),
    ),
    (
        "trust-equation",
        "fr",
        include_str!(concat!(env!("OUT_DIR"), "/trust-equation.fr.json")),
    ),
];

/// The ids of the built-in instruments, in the order the demo shows them.
pub fn ids() -> impl Iterator<Item = &'static str> {
    SOURCES
        .iter()
        .enumerate()
        .filter(|(i, (id, _, _))| !SOURCES[..*i].iter().any(|(other, _, _)| other == id))
        .map(|(_, (id, _, _))| *id)
}

/// The JSON text of built-in instrument `id` in English.
pub fn source(id: &str) -> Option<&'static str> {
    source_in(id, "en")
}

/// The JSON text of built-in instrument `id` in `locale` (a language tag such as `fr` or
/// `fr-CA`, matched exactly or by its language), if that translation exists.
///
/// ```
/// use candor_core::builtin::source_in;
/// assert!(source_in("trust-equation", "fr-CA").is_some());
/// assert!(source_in("customer-focus", "fr").is_none());
/// ```
pub fn source_in(id: &str, locale: &str) -> Option<&'static str> {
    let translations: Vec<_> = SOURCES.iter().filter(|(i, _, _)| *i == id).collect();
    crate::messages::pick(&translations, locale, |(_, l, _)| l).map(|(_, _, text)| *text)
}

/// Why a built-in instrument could not be loaded.
#[derive(Debug)]
pub enum BuiltinError {
    /// No built-in instrument has this id.
    Unknown(String),
    /// The built-in definition is invalid (a bug, caught by the tests).
    Invalid(DefinitionErrors),
}

impl std::fmt::Display for BuiltinError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(id) => write!(
                f,
                "there is no built-in instrument \"{id}\"; choose one of: {}",
                ids().collect::<Vec<_>>().join(", ")
            ),
            Self::Invalid(errors) => write!(f, "the built-in definition is invalid:\n{errors}"),
        }
    }
}

impl std::error::Error for BuiltinError {}

/// Reads built-in instrument `id` (English) with the given JSON parser.
pub fn load(
    id: &str,
    parse: impl FnOnce(&str) -> Result<Value, String>,
) -> Result<Instrument, BuiltinError> {
    load_in(id, "en", parse)
}

/// Reads built-in instrument `id` in `locale`, falling back to English when there is no
/// translation for that locale or its language.
pub fn load_in(
    id: &str,
    locale: &str,
    parse: impl FnOnce(&str) -> Result<Value, String>,
) -> Result<Instrument, BuiltinError> {
    let text = source_in(id, locale)
        .or_else(|| source(id))
        .ok_or_else(|| BuiltinError::Unknown(id.to_owned()))?;
    Instrument::from_json(text, parse).map_err(BuiltinError::Invalid)
}
