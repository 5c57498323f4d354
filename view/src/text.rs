//! The interface's own words on the taking screens, separate from instrument content.
//!
//! * Each locale's words are one [`Words`] table ([`EN`], [`FR`]). A screen reads them
//!   through [`Ui`], picked by [`ui`]: an exact tag, then its language, then English.
//! * [`Ui`] reads each word by a method of its own, which picks the word in its language
//!   from the table's constant. A bundle so links only the words it reads: a table read
//!   through a reference would link every one of its words, in every language.
//! * Templates mark their blanks with `{name}`; [`fill`] fills them.
//! * Results, sharing and the facilitator have their own words in the later bundles.
//! * What the core says about a definition or a file is in `candor_core::messages`.

pub use candor_core::messages::fill;

mod fr;

pub use fr::FR;

/// A language the interface is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// English, the default and the fallback.
    En,
    /// French.
    Fr,
}

impl Lang {
    /// Every language, English first, in the order of [`TABLES`].
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The language's tag (`en`, `fr`): its table's `locale`.
    pub fn tag(self) -> &'static str {
        of(self).locale()
    }

    /// The language for `locale` (a tag such as `en` or `fr-CA`): an exact match, else its
    /// language (`fr` for `fr-CA`), else English.
    ///
    /// ```
    /// use candor_view::text::Lang;
    /// assert_eq!(Lang::of("fr-CA"), Lang::Fr);
    /// assert_eq!(Lang::of("de"), Lang::En);
    /// ```
    pub fn of(locale: &str) -> Lang {
        candor_core::messages::pick(&Self::ALL, locale, Lang::tag).unwrap_or(Lang::En)
    }
}

/// Declares [`Words`] with one `&'static str` field per entry, [`EN`] with the English text
/// of each, [`Words::entries`] listing them, so tests can compare two locales key by key,
/// and [`Ui`] with a method per entry.
macro_rules! ui_table {
    ($($(#[$doc:meta])* $field:ident: $english:expr,)*) => {
        /// Every string the taking screens show, for one locale.
        #[derive(Debug)]
        pub struct Words {
            $($(#[$doc])* pub $field: &'static str,)*
        }

        /// English, the default and the fallback.
        pub const EN: Words = Words {
            $($field: $english,)*
        };

        impl Words {
            /// Every `(key, string)` of the table, in declaration order.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($field), self.$field),)*]
            }
        }

        impl Ui {
            $(
                $(#[$doc])*
                pub fn $field(&self) -> &'static str {
                    match self.lang {
                        Lang::En => EN.$field,
                        Lang::Fr => FR.$field,
                    }
                }
            )*
        }
    };
}

/// The taking screens' words in one language, each read by its method.
#[derive(Debug)]
pub struct Ui {
    lang: Lang,
}

impl Ui {
    /// The language of these words.
    pub fn lang(&self) -> Lang {
        self.lang
    }
}

ui_table! {
    /// Language tag of this table.
    locale: "en",
    /// Intro line: `{questions}` questions, `{minutes}` minutes.
    meta: "{questions} questions · about {minutes} minutes",
    /// Reassurance under the intro.
    private: "Your answers stay in this browser. Nothing is sent anywhere.",
    /// Start button.
    start: "Start",
    /// Resume button on the intro: `{n}` is the question to resume at.
    resume: "Continue at question {n}",
    /// Progress label: question `{n}` of `{total}`.
    progress: "Question {n} of {total}",
    /// Back button.
    back: "Back",
    /// Next button.
    next: "Next",
    /// Finish button on the last question.
    finish: "See my result",
    /// Shown when Next is pressed without an answer.
    choose_first: "Choose an answer to go on.",
    /// Shown when an instrument id is unknown.
    unknown_instrument: "There is no instrument called \"{id}\". Available: {list}.",
    /// Storage could not be used: answers are kept in memory only.
    storage_unavailable: "This browser is not letting the quiz save anything, so your answers will be lost when you leave the page.",
    /// A record set aside: `{why}` and the backup `{key}`.
    set_aside: "Some answers saved in this browser {why}, so they were put aside (under “{key}”) and you start afresh. Nothing was deleted.",
    /// Why: it could not be read.
    why_unreadable: "could not be read",
    /// Why: a newer version wrote it.
    why_newer: "were saved by a newer version of this quiz",
    /// Why: it belongs to something else.
    why_mismatch: "no longer match this quiz",
    /// A record that could not be read nor set aside.
    left_alone: "Some data saved in this browser could not be read and there is no room to put it aside, so it was left untouched. Your answers on this visit will not be saved.",
    /// The instrument changed; the attempt restarts.
    restarted: "This quiz has changed since you began it, so it starts again. Your earlier answers were put aside, not deleted.",
    /// Storage full; `{n}` oldest results dropped.
    pruned: "Your browser's storage was full, so the {n} oldest saved result(s) were removed to keep your latest answers.",
    /// Storage full; this change is in memory only.
    not_saved: "Your browser's storage is full: your latest answers are kept only while this page is open. Export your results to keep them.",
    /// What was held in memory is stored again.
    saved_again: "Your answers are being saved in this browser again.",
    /// Import done: `{n}` results added.
    imported: "Import done: {n} result(s) added.",
    /// Import refused: `{why}`.
    import_failed: "Nothing was imported: {why}.",
    /// Everything deleted.
    deleted: "Everything this quiz saved in this browser has been deleted.",
    /// Dismiss button's accessible name.
    dismiss: "Dismiss",
    /// Heading of the data controls.
    your_data: "Your data",
    /// While a definition loads from a URL.
    loading: "Loading the quiz…",
    /// While the result screen loads.
    loading_result: "Loading your result…",
    /// The full bundle could not be downloaded (a notice, or the facilitator's screen).
    load_failed: "This part of the quiz could not be downloaded. Nothing you answered is lost: check the connection and try again.",
    /// Button that asks again for what could not be downloaded.
    try_again: "Try again",
    /// The decimal separator.
    decimal: ".",
    /// Said when the quiz cannot start on the page (no WebAssembly): `{link}` is where
    /// the link to the standalone page goes.
    cannot_start: "This quiz cannot start on this page: its security settings do not allow WebAssembly. {link}.",
    /// The link to the standalone page.
    open_alone: "Open the quiz on its own page",
}

/// Every table, English first.
pub const TABLES: &[&Words] = &[&EN, &FR];

/// The words for `locale` (a language tag such as `en` or `fr-CA`), in the language
/// [`Lang::of`] picks.
///
/// ```
/// assert_eq!(candor_view::text::ui("fr-CA").locale(), "fr");
/// assert_eq!(candor_view::text::ui("de").locale(), "en");
/// ```
pub fn ui(locale: &str) -> &'static Ui {
    of(Lang::of(locale))
}

/// The words in `lang`.
pub fn of(lang: Lang) -> &'static Ui {
    static IN: [Ui; 2] = [Ui { lang: Lang::En }, Ui { lang: Lang::Fr }];
    match lang {
        Lang::En => &IN[0],
        Lang::Fr => &IN[1],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_translates_every_entry_with_the_same_blanks() {
        let blanks = |text: &str| {
            let mut names: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_owned()))
                .collect();
            names.sort();
            names
        };
        for table in TABLES.iter().filter(|t| t.locale != "en") {
            assert_eq!(table.entries().len(), EN.entries().len());
            for ((key, en), (other_key, text)) in EN.entries().into_iter().zip(table.entries()) {
                assert_eq!(key, other_key);
                assert!(!text.trim().is_empty(), "{}: {key} is empty", table.locale);
                if key != "locale" {
                    assert_ne!(en, text, "{}: {key} is not translated", table.locale);
                }
                assert_eq!(blanks(en), blanks(text), "{}: {key}", table.locale);
            }
        }
    }

    #[test]
    fn each_language_reads_its_own_table() {
        assert_eq!(TABLES.len(), Lang::ALL.len());
        for (lang, table) in Lang::ALL.into_iter().zip(TABLES) {
            assert_eq!(lang.tag(), table.locale);
            assert_eq!(Lang::of(table.locale), lang);
            assert_eq!(of(lang).start(), table.start);
        }
    }
}
