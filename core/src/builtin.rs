//! The built-in instruments.
//!
//! * `build.rs` minifies them from `instruments/*.json`. The native crates carry their
//!   JSON text ([`SOURCES`]); `cargo xtask forms` writes it beside the widget as the file
//!   each built-in is served as ([`served_text`]).
//! * The widget's later bundles carry only their titles and digests: they read a built-in
//!   from its served file, and read no file whose digest this build does not know
//!   ([`served_as`]).
//! * The later bundles read a built-in from its packed file ([`unpack`]): what the reader
//!   made of its JSON, written by `cargo xtask forms` (`packed/<id>.<locale>.bin`). They
//!   carry only each file's digest, and unpack no file whose digest this build does not
//!   know. A test checks that every packed file is what the reader makes of its JSON now.
//! * They are read by the same code as a trainer's custom instrument, so they obey the
//!   same rules. A test reads each of them and fails on any problem.
//! * Each is written in English and may be translated; [`load_in`] falls back to English.
//!   A test checks that every translation keeps its original's shape.

use crate::definition::{DefinitionErrors, Instrument};

/// Declares [`SOURCES`] and the list of `(id, locale)` from one list.
macro_rules! builtins {
    ($(($id:literal, $locale:literal),)*) => {
        /// `(id, locale, JSON text)` of every built-in instrument.
        pub const SOURCES: &[(&str, &str, &str)] = &[$((
            $id,
            $locale,
            include_str!(concat!(env!("OUT_DIR"), "/", $id, ".", $locale, ".json")),
        ),)*];

        /// `(id, locale, title)` of every built-in instrument, taken from its source by
        /// `build.rs`: a list of them needs no definition read.
        const TITLES: &[(&str, &str, &str)] = &[$((
            $id,
            $locale,
            include_str!(concat!(env!("OUT_DIR"), "/", $id, ".", $locale, ".title")),
        ),)*];

        /// `(id, locale, digest)` of every built-in instrument: the FNV-1a digest of its
        /// JSON text, computed as the crate compiles, so a bundle that uses only these
        /// carries none of the texts.
        const DIGESTS: &[(&str, &str, u64)] = &[$((
            $id,
            $locale,
            crate::digest::fnv1a_64(
                include_str!(concat!(env!("OUT_DIR"), "/", $id, ".", $locale, ".json")).as_bytes(),
            ),
        ),)*];

        /// `(id, locale, packed file)` of every built-in instrument, as `build.rs` found it
        /// in `packed/` (empty when there was none).
        pub const PACKED: &[(&str, &str, &[u8])] = &[$((
            $id,
            $locale,
            include_bytes!(concat!(env!("OUT_DIR"), "/", $id, ".", $locale, ".bin")),
        ),)*];

        /// `(id, locale, digest)` of every built-in's packed file, computed as the crate
        /// compiles, so a bundle carries none of the files.
        const PACKED_DIGESTS: &[(&str, &str, u64)] = &[$((
            $id,
            $locale,
            crate::digest::fnv1a_64(
                include_bytes!(concat!(env!("OUT_DIR"), "/", $id, ".", $locale, ".bin")),
            ),
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
    ("put-yourself-on-the-list", "en"),
    ("curiosity", "en"),
    ("existing-customers", "en"),
    ("service-or-servility", "fr"),
    ("customer-focus", "fr"),
    ("trust-equation", "fr"),
    ("trust-roadmap", "fr"),
    ("put-yourself-on-the-list", "fr"),
    ("curiosity", "fr"),
    ("existing-customers", "fr"),
}

/// The ids of the built-in instruments, in the order the demo shows them.
pub fn ids() -> impl Iterator<Item = &'static str> {
    LIST.iter()
        .enumerate()
        .filter(|(i, (id, _))| !LIST[..*i].iter().any(|(other, _)| other == id))
        .map(|(_, (id, _))| *id)
}

/// Whether `id` is a built-in instrument's id.
pub fn is_builtin(id: &str) -> bool {
    LIST.iter().any(|(i, _)| *i == id)
}

/// The JSON text built-in `id` is read from in `locale`: its translation, else its
/// English original ([`load_in`] reads this text). `cargo xtask forms` serves it as
/// `instruments/<id>.<locale>.json` for each language any built-in is written in.
pub fn served_text(id: &str, locale: &str) -> Option<&'static str> {
    source_in(id, locale).or_else(|| source(id))
}

/// The digest of [`served_text`]`(id, locale)`, without carrying the text.
///
/// ```
/// use candor_core::{builtin, digest};
/// let text = builtin::served_text("curiosity", "de").unwrap();
/// assert_eq!(builtin::served_digest("curiosity", "de"), Some(digest::fnv1a_64(text.as_bytes())));
/// ```
pub fn served_digest(id: &str, locale: &str) -> Option<u64> {
    digest_in(DIGESTS, id, locale)
}

/// The digest in `table` of built-in `id` in `locale`, falling back to English.
fn digest_in(table: &'static [(&str, &str, u64)], id: &str, locale: &str) -> Option<u64> {
    let digests: Vec<_> = table.iter().filter(|(i, _, _)| *i == id).collect();
    let pick = |locale| crate::messages::pick(&digests, locale, |(_, l, _)| l);
    pick(locale)
        .or_else(|| pick("en"))
        .map(|(_, _, digest)| *digest)
}

/// The digest of the packed file the later bundles read for built-in `id` in `locale`
/// (served as `packed/<id>.<locale>.bin`), falling back to English as [`served_digest`]
/// does; `None` when no built-in has this id.
pub fn packed_digest(id: &str, locale: &str) -> Option<u64> {
    digest_in(PACKED_DIGESTS, id, locale)
}

/// The packed file of built-in `id` in `locale` as this build wrote it (the core carries
/// the bytes only where this is called: the tests).
pub fn packed(id: &str, locale: &str) -> Option<&'static [u8]> {
    (PACKED.iter())
        .find(|(i, l, _)| *i == id && *l == locale)
        .map(|(_, _, bytes)| *bytes)
}

/// Why a packed file was not unpacked.
#[cfg(feature = "packed")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnpackError {
    /// Its digest is none of this build's packed files of the built-in asked for: another
    /// build's file, another built-in's, or one damaged on its way.
    Stale,
    /// Its digest is this build's, but the bytes are not an instrument: the file was
    /// written before the definition's types last changed (`cargo xtask forms` was not
    /// run), which the packed test catches.
    Unreadable,
}

#[cfg(feature = "packed")]
impl std::fmt::Display for UnpackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Stale => "the file is not one this build wrote",
            Self::Unreadable => "the file does not hold an instrument",
        })
    }
}

#[cfg(feature = "packed")]
impl std::error::Error for UnpackError {}

/// Built-in `id` from packed file `bytes`, when they are one this build wrote for it
/// (`cargo xtask forms` wrote it from what the reader made of the built-in's JSON).
#[cfg(feature = "packed")]
pub fn unpack(id: &str, bytes: &[u8]) -> Result<Instrument, UnpackError> {
    let digest = crate::digest::fnv1a_64(bytes);
    if !PACKED_DIGESTS
        .iter()
        .any(|(i, _, d)| *i == id && *d == digest)
    {
        return Err(UnpackError::Stale);
    }
    crate::definition::packed::unpack(bytes).ok_or(UnpackError::Unreadable)
}

/// The id of the built-in whose JSON text `text` is, in any language; `None` for any
/// other text (a file left by another build, or damaged on its way).
///
/// ```
/// use candor_core::builtin;
/// let text = builtin::served_text("trust-equation", "fr").unwrap();
/// assert_eq!(builtin::served_as(text), Some("trust-equation"));
/// assert_eq!(builtin::served_as(&text.replace("e", "é")), None);
/// ```
pub fn served_as(text: &str) -> Option<&'static str> {
    let digest = crate::digest::fnv1a_64(text.as_bytes());
    DIGESTS
        .iter()
        .find(|(_, _, d)| *d == digest)
        .map(|(id, _, _)| *id)
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

/// The title of built-in instrument `id` in `locale`, falling back to English as
/// [`load_in`] does: what `load_in(id, locale, …)`'s instrument would say, without
/// reading the definition.
///
/// ```
/// use candor_core::builtin::title_in;
/// assert_eq!(title_in("trust-equation", "de"), title_in("trust-equation", "en"));
/// assert!(title_in("no-such-quiz", "en").is_none());
/// ```
pub fn title_in(id: &str, locale: &str) -> Option<&'static str> {
    text_in(TITLES, id, locale).or_else(|| text_in(TITLES, id, "en"))
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

/// Reads built-in instrument `id` (English).
pub fn load(id: &str) -> Result<Instrument, BuiltinError> {
    load_in(id, "en")
}

/// Reads built-in instrument `id` in `locale`, falling back to English when there is no
/// translation for that locale or its language.
pub fn load_in(id: &str, locale: &str) -> Result<Instrument, BuiltinError> {
    read_in(id, locale)
}

/// The languages any built-in is written in, sorted.
///
/// ```
/// assert_eq!(candor_core::builtin::locales(), ["en", "fr"]);
/// ```
pub fn locales() -> Vec<&'static str> {
    let mut locales: Vec<&str> = LIST.iter().map(|(_, locale)| *locale).collect();
    crate::sort::sort_by(&mut locales, |a, b| a.cmp(b));
    locales.dedup();
    locales
}

fn read_in(id: &str, locale: &str) -> Result<Instrument, BuiltinError> {
    let text = served_text(id, locale).ok_or_else(|| BuiltinError::Unknown(id.to_owned()))?;
    Instrument::from_json(text).map_err(BuiltinError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::{Bands, Credit, ItemKind, Model};

    fn read(id: &str, locale: &str) -> Instrument {
        let text = SOURCES
            .iter()
            .find(|(i, l, _)| *i == id && *l == locale)
            .map(|(_, _, text)| *text)
            .unwrap_or_else(|| panic!("no source {id} ({locale})"));
        Instrument::from_json(text).unwrap_or_else(|e| panic!("{id} ({locale}): {e}"))
    }

    #[cfg(feature = "packed")]
    #[test]
    fn every_packed_file_is_what_the_reader_makes_of_its_json_now() {
        for (id, locale, packed) in PACKED {
            let read = read(id, locale);
            assert!(
                *packed == read.pack().as_slice(),
                "packed/{id}.{locale}.bin is stale: run `cargo xtask forms`"
            );
            assert_eq!(unpack(id, packed), Ok(read), "{id} ({locale})");
        }
    }

    #[cfg(feature = "packed")]
    #[test]
    fn a_file_this_build_did_not_write_is_not_unpacked() {
        let (id, _, packed) = PACKED[0];
        let mut changed = packed.to_vec();
        changed[packed.len() / 2] ^= 1;
        assert_eq!(unpack(id, &changed), Err(UnpackError::Stale));
        assert_eq!(
            unpack(id, &packed[..packed.len() - 1]),
            Err(UnpackError::Stale)
        );
        assert_eq!(unpack(id, b""), Err(UnpackError::Stale));
        let other = PACKED.iter().find(|(i, _, _)| *i != id).map(|(i, _, _)| *i);
        assert_eq!(unpack(other.unwrap(), packed), Err(UnpackError::Stale));
        assert_eq!(
            packed_digest("trust-equation", "de"),
            packed_digest("trust-equation", "en")
        );
        assert_eq!(packed_digest("no-such-quiz", "en"), None);
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
        for scale in &mut i.scales {
            scale.options.iter_mut().for_each(|o| o.label.clear());
            scale.not_applicable = scale.not_applicable.as_ref().map(|_| String::new());
        }
        for item in &mut i.items {
            item.text.clear();
            item.try_next = item.try_next.as_ref().map(|_| String::new());
            item.raise = item.raise.as_ref().map(|_| String::new());
            item.rater = item.rater.as_ref().map(|_| String::new());
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
                    level.source_name = level.source_name.as_ref().map(|_| String::new());
                    level.try_next = level.try_next.as_ref().map(|_| String::new());
                    level.up.iter_mut().for_each(String::clear);
                }
                m.dimensions.iter_mut().for_each(String::clear);
                m.not_applicable = m.not_applicable.as_ref().map(|_| String::new());
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
                if let Some(balanced) = &mut m.balanced {
                    balanced.name.clear();
                    balanced.text.clear();
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

    #[test]
    fn each_title_is_the_one_its_definition_gives() {
        assert_eq!(TITLES.len(), SOURCES.len());
        for (id, locale, _) in SOURCES {
            let title = title_in(id, locale);
            assert_eq!(
                title,
                Some(read(id, locale).title.as_str()),
                "{id} ({locale})"
            );
        }
        for id in ids() {
            let read = load_in(id, "de").map(|i| i.title().to_owned()).ok();
            assert_eq!(title_in(id, "de").map(str::to_owned), read, "{id} (de)");
        }
    }

    #[test]
    fn each_served_file_is_known_by_its_digest_and_no_other_text_is() {
        assert_eq!(DIGESTS.len(), SOURCES.len());
        for id in ids() {
            for locale in ["en", "fr", "fr-CA", "de"] {
                let text = served_text(id, locale).unwrap();
                let digest = crate::digest::fnv1a_64(text.as_bytes());
                assert_eq!(served_digest(id, locale), Some(digest), "{id} ({locale})");
                assert_eq!(served_as(text), Some(id), "{id} ({locale})");
            }
            // What `load_in` reads is the served text.
            let read = load_in(id, "de").unwrap();
            assert_eq!(read.locale, "en", "{id}: English is the fallback");
        }
        assert_eq!(served_text("no-such-quiz", "en"), None);
        assert_eq!(served_digest("no-such-quiz", "en"), None);
        assert_eq!(served_as("{}"), None);
        assert!(is_builtin("curiosity"));
        assert!(!is_builtin("Curiosity"));
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
