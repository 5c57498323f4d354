//! The built-in instruments, compiled into the widget as JSON text (no file to fetch),
//! minified by `build.rs` from `instruments/*.json`.
//!
//! They are read by the same code as a trainer's custom instrument, so they obey the same
//! rules; a test reads each of them and fails on any problem. Each also has a
//! questions-only form, its result texts left out by `build.rs` ([`QUESTIONS`]), for the
//! first-question bundle, which shows no result and holds no definition: the page's element
//! fetches the one form it needs from the widget's files and hands it over. Those files
//! (`public/questions/`, written and checked by a test from [`questions_files`]) hold each
//! questions-only form as the reader read it, in the compact form
//! (`definition::compact`), which [`read_form`] takes back without the definition reader,
//! and only when `build.rs` digested it from the served files: what it returns is an
//! instrument the reader checked. A test checks that each form reads as the full definition
//! with the result texts cleared.

use crate::definition::{DefinitionErrors, Instrument, Prose, compact};
use crate::digest::fnv1a_64;
use crate::json::Value;

include!(concat!(env!("OUT_DIR"), "/forms.rs"));

/// Declares [`SOURCES`], [`QUESTIONS`] and the list of `(id, locale)` from one list.
macro_rules! builtins {
    ($(($id:literal, $locale:literal),)*) => {
        /// `(id, locale, JSON text)` of every built-in instrument.
        pub const SOURCES: &[(&str, &str, &str)] = &[$((
            $id,
            $locale,
            include_str!(concat!(env!("OUT_DIR"), "/", $id, ".", $locale, ".json")),
        ),)*];

        /// The same as [`SOURCES`], with the result texts left out ([`Prose::LeftOut`]).
        pub const QUESTIONS: &[(&str, &str, &str)] = &[$((
            $id,
            $locale,
            include_str!(concat!(env!("OUT_DIR"), "/", $id, ".", $locale, ".questions.json")),
        ),)*];

        /// `(id, locale)` of every built-in instrument, in the order the demo shows them.
        const LIST: &[(&str, &str)] = &[$(($id, $locale),)*];
    };
}

builtins! {
    ("service-or-servility", "en"),
    ("customer-focus", "en"),
    ("trust-equation", "en"),
    ("trust-roadmap", "en"),
    ("service-or-servility", "fr"),
    ("customer-focus", "fr"),
    ("trust-equation", "fr"),
    ("trust-roadmap", "fr"),
}

/// The ids of the built-in instruments, in the order the demo shows them.
pub fn ids() -> impl Iterator<Item = &'static str> {
    LIST.iter()
        .enumerate()
        .filter(|(i, (id, _))| !LIST[..*i].iter().any(|(other, _)| other == id))
        .map(|(_, (id, _))| *id)
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
/// assert!(source_in("customer-focus", "de").is_none());
/// ```
pub fn source_in(id: &str, locale: &str) -> Option<&'static str> {
    text_in(SOURCES, id, locale)
}

/// The text in `table` of built-in instrument `id` in `locale`, matched as by [`source_in`].
fn text_in(table: &'static [(&str, &str, &str)], id: &str, locale: &str) -> Option<&'static str> {
    let translations: Vec<_> = table.iter().filter(|(i, _, _)| *i == id).collect();
    crate::messages::pick(&translations, locale, |(_, l, _)| l).map(|(_, _, text)| *text)
}

/// Why a built-in instrument could not be loaded.
#[derive(Debug)]
pub enum BuiltinError {
    /// No built-in instrument has this id.
    Unknown(String),
    /// The built-in definition, or its questions-only form, is invalid (a bug, caught by
    /// the tests).
    Invalid(DefinitionErrors),
    /// The questions form read for built-in `id` is not one this build serves (a file
    /// damaged on its way from the server, or one left there by another build).
    NotThisBuild(String),
    /// The questions-only form read for built-in `asked` is that of `found`.
    OtherInstrument {
        /// The instrument asked for.
        asked: String,
        /// The instrument the form defines.
        found: String,
    },
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
            Self::NotThisBuild(id) => write!(
                f,
                "the questions read for the built-in instrument \"{id}\" are not those this build serves"
            ),
            Self::OtherInstrument { asked, found } => write!(
                f,
                "the questions read for the built-in instrument \"{asked}\" are those of \"{found}\""
            ),
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
    read_in(SOURCES, Prose::Required, id, locale, parse)
}

/// Reads `text`, the questions-only form of built-in instrument `id` (one of
/// [`QUESTIONS`]), with the definition reader, without its result texts (they read as
/// empty): what the build writes the served forms from ([`questions_files`]).
///
/// An unknown `id` is [`BuiltinError::Unknown`]; a form that is not valid is
/// [`BuiltinError::Invalid`], one of another instrument [`BuiltinError::OtherInstrument`].
pub fn read_questions(
    id: &str,
    text: &str,
    parse: impl FnOnce(&str) -> Result<Value, String>,
) -> Result<Instrument, BuiltinError> {
    if !LIST.iter().any(|(known, _)| *known == id) {
        return Err(BuiltinError::Unknown(id.to_owned()));
    }
    let instrument =
        Instrument::from_json_with(text, parse, Prose::LeftOut).map_err(BuiltinError::Invalid)?;
    if instrument.id.as_str() != id {
        return Err(BuiltinError::OtherInstrument {
            asked: id.to_owned(),
            found: instrument.id.as_str().to_owned(),
        });
    }
    Ok(instrument)
}

/// Reads `text`, the questions form of built-in instrument `id` that the widget serves
/// (one of [`questions_files`], fetched by the page), without the definition reader: for a
/// bundle that asks the questions, shows no result and holds no definition.
///
/// Only a form this build serves is read, known by its digest, so the instrument returned
/// is one the reader checked. An unknown `id` is [`BuiltinError::Unknown`]; the form of
/// another built-in is [`BuiltinError::OtherInstrument`]; any other text (a damaged file,
/// another build's) [`BuiltinError::NotThisBuild`].
pub fn read_form(id: &str, text: &str) -> Result<Instrument, BuiltinError> {
    if !LIST.iter().any(|(known, _)| *known == id) {
        return Err(BuiltinError::Unknown(id.to_owned()));
    }
    let digest = fnv1a_64(text.as_bytes());
    match FORM_DIGESTS.iter().find(|(_, known)| *known == digest) {
        Some((found, _)) if *found != id => Err(BuiltinError::OtherInstrument {
            asked: id.to_owned(),
            found: (*found).to_owned(),
        }),
        Some(_) => {
            compact::from_compact(text).ok_or_else(|| BuiltinError::NotThisBuild(id.to_owned()))
        }
        None => Err(BuiltinError::NotThisBuild(id.to_owned())),
    }
}

/// The questions forms the widget serves: `(file name, text)`, one file
/// `<id>.<locale>.txt` for each built-in and each language any built-in is written in,
/// holding its questions-only form ([`QUESTIONS`], read with `parse`) in the compact form.
/// A built-in not translated into one of them is served in English under that name, as
/// [`load_in`] falls back, so the page can always fetch the form of the language it chose.
pub fn questions_files(
    parse: impl Fn(&str) -> Result<Value, String>,
) -> Result<Vec<(String, String)>, BuiltinError> {
    let mut locales: Vec<&str> = LIST.iter().map(|(_, locale)| *locale).collect();
    locales.sort_unstable();
    locales.dedup();
    let mut files = Vec::new();
    for id in ids() {
        for locale in &locales {
            let Some(text) =
                text_in(QUESTIONS, id, locale).or_else(|| text_in(QUESTIONS, id, "en"))
            else {
                continue;
            };
            let instrument = read_questions(id, text, &parse)?;
            files.push((format!("{id}.{locale}.txt"), instrument.to_compact()));
        }
    }
    Ok(files)
}

fn read_in(
    table: &'static [(&str, &str, &str)],
    prose: Prose,
    id: &str,
    locale: &str,
    parse: impl FnOnce(&str) -> Result<Value, String>,
) -> Result<Instrument, BuiltinError> {
    let text = text_in(table, id, locale)
        .or_else(|| text_in(table, id, "en"))
        .ok_or_else(|| BuiltinError::Unknown(id.to_owned()))?;
    Instrument::from_json_with(text, parse, prose).map_err(BuiltinError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::{Bands, Credit, ItemKind, Model};

    fn parse(text: &str) -> Result<Value, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    fn read(id: &str, locale: &str) -> Instrument {
        let text = SOURCES
            .iter()
            .find(|(i, l, _)| *i == id && *l == locale)
            .map(|(_, _, text)| *text)
            .unwrap_or_else(|| panic!("no source {id} ({locale})"));
        Instrument::from_json(text, parse).unwrap_or_else(|e| panic!("{id} ({locale}): {e}"))
    }

    fn blank_bands(bands: &mut Bands) {
        for band in &mut bands.0 {
            band.name.clear();
            band.text.clear();
        }
    }

    /// `instrument` with every word a person reads cleared. What stays is what scores and
    /// encodes answers (ids, version, the scales' values, the items' order and what each
    /// feeds, the model's numbers), which a translation must keep: a French reader's result
    /// code is read by an English facilitator's widget, and their answers are pooled.
    fn shape(mut instrument: Instrument) -> Instrument {
        let i = &mut instrument;
        for text in [&mut i.locale, &mut i.title, &mut i.intro, &mut i.caveat] {
            text.clear();
        }
        i.period = i.period.as_ref().map(|_| String::new());
        i.credit = Credit {
            model: String::new(),
            source: String::new(),
            url: i.credit.url.clone(),
        };
        for option in i.scales.iter_mut().flat_map(|s| &mut s.options) {
            option.label.clear();
        }
        for item in &mut i.items {
            item.text.clear();
            item.try_next = item.try_next.as_ref().map(|_| String::new());
            if let ItemKind::Levels { options } = &mut item.kind {
                options.iter_mut().for_each(|o| o.text.clear());
            }
        }
        match &mut i.model {
            Model::Subscales(m) => {
                for subscale in &mut m.subscales {
                    subscale.name.clear();
                    blank_bands(&mut subscale.bands);
                }
                for quadrant in m.map.quadrants.iter_mut() {
                    for text in [&mut quadrant.name, &mut quadrant.text, &mut quadrant.next] {
                        text.clear();
                    }
                }
            }
            Model::Levels(m) => {
                for level in &mut m.levels {
                    level.name.clear();
                    level.text.clear();
                    level.up.iter_mut().for_each(String::clear);
                }
                m.dimensions.iter_mut().for_each(String::clear);
            }
            Model::Ratio(m) => {
                for component in &mut m.components {
                    for text in [
                        &mut component.name,
                        &mut component.virtue,
                        &mut component.practice,
                    ] {
                        text.clear();
                    }
                }
                for temperament in &mut m.temperaments {
                    temperament.name.clear();
                    temperament.text.clear();
                }
                blank_bands(&mut m.quotient_bands);
                blank_bands(&mut m.balance_bands);
                if let Some(reference) = &mut m.reference {
                    reference.text.clear();
                }
            }
            Model::Grid(m) => {
                for label in m.rows.iter_mut().chain(&mut m.columns) {
                    label.name.clear();
                }
                if let Some(groups) = &mut m.groups {
                    groups.question.clear();
                    groups.options.iter_mut().for_each(|o| o.name.clear());
                }
                blank_bands(&mut m.bands);
            }
        }
        instrument
    }

    /// `instrument` with its result texts cleared, as [`Prose::LeftOut`] reads them.
    fn without_prose(mut instrument: Instrument) -> Instrument {
        for item in &mut instrument.items {
            item.try_next = None;
        }
        match &mut instrument.model {
            Model::Subscales(m) => {
                for band in m.subscales.iter_mut().flat_map(|s| &mut s.bands.0) {
                    band.text.clear();
                }
                for quadrant in m.map.quadrants.iter_mut() {
                    quadrant.text.clear();
                    quadrant.next.clear();
                }
            }
            Model::Levels(m) => {
                for level in &mut m.levels {
                    level.text.clear();
                    level.up.clear();
                }
            }
            Model::Ratio(m) => {
                m.components.iter_mut().for_each(|c| c.practice.clear());
                m.temperaments.iter_mut().for_each(|t| t.text.clear());
                for band in m.quotient_bands.0.iter_mut().chain(&mut m.balance_bands.0) {
                    band.text.clear();
                }
                if let Some(reference) = &mut m.reference {
                    reference.text.clear();
                }
            }
            Model::Grid(m) => m.bands.0.iter_mut().for_each(|b| b.text.clear()),
        }
        instrument
    }

    #[test]
    fn every_questions_form_reads_as_its_definition_without_the_result_texts() {
        for (id, locale, text) in QUESTIONS {
            let questions =
                read_questions(id, text, parse).unwrap_or_else(|e| panic!("{id} ({locale}): {e}"));
            assert_eq!(
                questions,
                without_prose(read(id, locale)),
                "{id} ({locale})"
            );
            assert_eq!(questions.locale, *locale);
            // The texts are really left out: the form is not a full definition.
            assert!(
                Instrument::from_json(text, parse).is_err(),
                "{id} ({locale})"
            );
            let full = source_in(id, locale).map_or(0, str::len);
            assert!(
                text.len() * 10 < full * 9,
                "{id} ({locale}): {} of {full} bytes",
                text.len()
            );
        }
        assert_eq!(QUESTIONS.len(), SOURCES.len());
    }

    #[test]
    fn a_questions_form_must_be_valid_and_the_one_asked_for() {
        let form = |id: &str| {
            QUESTIONS
                .iter()
                .find(|(i, l, _)| *i == id && *l == "en")
                .map_or("", |(_, _, text)| *text)
        };
        assert!(matches!(
            read_questions("nope", form("trust-equation"), parse),
            Err(BuiltinError::Unknown(id)) if id == "nope"
        ));
        let misplaced = read_questions("customer-focus", form("trust-equation"), parse);
        assert!(matches!(
            &misplaced,
            Err(BuiltinError::OtherInstrument { asked, found })
                if asked == "customer-focus" && found == "trust-equation"
        ));
        assert!(
            misplaced
                .err()
                .is_some_and(|e| e.to_string().contains("\"trust-equation\""))
        );
        let cut = &form("trust-equation")[..100];
        assert!(matches!(
            read_questions("trust-equation", cut, parse),
            Err(BuiltinError::Invalid(_))
        ));
    }

    /// The forms the widget serves (`public/questions/`) are this build's: written from
    /// [`QUESTIONS`] when `CANDOR_UPDATE_QUESTIONS` is set, compared with it otherwise.
    #[test]
    fn the_widget_serves_this_build_s_questions_forms() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/questions");
        let again = "run `CANDOR_UPDATE_QUESTIONS=1 cargo test -p candor-core questions_forms` \
                     to write them";
        let files = questions_files(parse).expect("every questions form reads");
        if std::env::var_os("CANDOR_UPDATE_QUESTIONS").is_some() {
            let _ = std::fs::remove_dir_all(&folder);
            std::fs::create_dir_all(&folder).expect("create public/questions");
            for (name, text) in &files {
                std::fs::write(folder.join(name), text).expect("write a questions form");
            }
        }
        let mut served: Vec<String> = std::fs::read_dir(&folder)
            .unwrap_or_else(|e| panic!("public/questions: {e}; {again}"))
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .collect();
        served.sort();
        let mut expected: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
        expected.sort();
        assert_eq!(served, expected, "public/questions: {again}");
        for (name, text) in &files {
            let file = std::fs::read_to_string(folder.join(name)).unwrap_or_default();
            assert!(file == *text, "public/questions/{name} is stale: {again}");
        }
    }

    /// What the first-question bundle reads: each served form, taken back as the reader read
    /// it; nothing else.
    #[test]
    fn the_small_bundle_reads_this_build_s_forms_and_only_those() {
        let files = questions_files(parse).expect("every questions form reads");
        let stale = "the served forms are not the ones this build digested: run \
                     `CANDOR_UPDATE_QUESTIONS=1 cargo test -p candor-core questions_forms`, then test again";
        for (name, text) in &files {
            let (id, locale) = name
                .strip_suffix(".txt")
                .and_then(|n| n.split_once('.'))
                .unwrap_or_default();
            let read = read_form(id, text).unwrap_or_else(|e| panic!("{name}: {e}; {stale}"));
            let expected = text_in(QUESTIONS, id, locale)
                .map(|json| read_questions(id, json, parse).expect("reads"));
            assert_eq!(Some(read), expected, "{name}");
        }
        let form = |name: &str| files.iter().find(|(n, _)| n == name).map_or("", |(_, t)| t);
        let trust = form("trust-equation.en.txt");
        assert!(matches!(
            read_form("nope", trust),
            Err(BuiltinError::Unknown(id)) if id == "nope"
        ));
        assert!(matches!(
            read_form("customer-focus", trust),
            Err(BuiltinError::OtherInstrument { asked, found })
                if asked == "customer-focus" && found == "trust-equation"
        ));
        // One question reworded (as a form left by another build would be), cut short, or
        // with its line breaks changed on the way: none is this build's.
        let reworded = trust.replacen("Clients", "Customers", 1);
        let damaged = [
            reworded.as_str(),
            &trust[..trust.len() / 2],
            &trust.replace('\n', "\r\n"),
            "",
        ];
        for text in damaged {
            let error = read_form("trust-equation", text).err();
            assert!(
                matches!(&error, Some(BuiltinError::NotThisBuild(id)) if id == "trust-equation"),
                "{error:?}"
            );
            assert!(error.is_some_and(|e| e.to_string().contains("not those this build serves")));
        }
        // The same question reworded and digested would read as the damaged text says:
        // the digest, not the reading, is what keeps such a form out.
        assert!(compact::from_compact(&reworded).is_some());
    }

    #[test]
    fn every_translation_keeps_the_shape_of_its_original() {
        let translations: Vec<_> = SOURCES.iter().filter(|(_, l, _)| *l != "en").collect();
        assert!(!translations.is_empty());
        for (id, locale, _) in translations {
            let original = read(id, "en");
            let translation = read(id, locale);
            assert_eq!(translation.locale, *locale);
            assert_ne!(
                translation.title, original.title,
                "{id} ({locale}) is translated"
            );
            assert_eq!(shape(translation), shape(original), "{id} ({locale})");
        }
    }

    #[test]
    fn a_translation_that_moves_an_item_or_a_boundary_is_caught() {
        let original = shape(read("trust-equation", "en"));
        let mut moved = read("trust-equation", "fr");
        moved.items.swap(0, 1);
        assert_ne!(shape(moved), original);
        let mut reversed = read("service-or-servility", "fr");
        if let ItemKind::Rated { reverse, .. } = &mut reversed.items[0].kind {
            *reverse = !*reverse;
        }
        assert_ne!(shape(reversed), shape(read("service-or-servility", "en")));
        let mut bands = read("trust-equation", "fr");
        if let Model::Ratio(m) = &mut bands.model {
            m.quotient_bands.0[0].max += 1;
        }
        assert_ne!(shape(bands), original);
    }
}
