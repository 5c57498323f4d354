//! What the core tells a person when it cannot use what they gave it, in each language the
//! interface speaks.
//!
//! * What they gave may be a trainer's definition or a reader's import file.
//! * Errors stay values ([`crate::definition::DefinitionError`],
//!   [`crate::vault::ImportError`]). Their `message_in` writes them with one [`Messages`]
//!   table; `Display` writes them in English.
//! * Templates mark their blanks with `{name}`; [`fill`] fills them.
//! * What a trainer typed (ids, paths, JSON literals such as `"high"`) is quoted as typed,
//!   in every language. So is the detail a JSON parser gives.

mod fr;

pub use fr::FR;

/// Declares [`Messages`] with one `&'static str` field per entry, and
/// [`Messages::entries`] listing them, so tests can compare two languages key by key.
macro_rules! message_table {
    ($($(#[$doc:meta])* $field:ident,)*) => {
        /// Every sentence the core writes for a person, in one language.
        #[derive(Debug)]
        pub struct Messages {
            $($(#[$doc])* pub $field: &'static str,)*
        }

        impl Messages {
            /// Every `(key, text)` of the table, in declaration order.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($field), self.$field),)*]
            }
        }
    };
}

message_table! {
    /// Language tag of this table.
    locale,
    /// The decimal separator in numbers.
    decimal,
    /// Between the items of a list.
    list_separator,
    /// The text is not JSON: `{detail}` is the parser's own words.
    syntax,
    /// The definition is too large: `{size}` and `{limit}` in KB.
    too_large,
    /// A required field is absent.
    missing,
    /// A value of the wrong type: `{expected}`, `{found}` (one of the `type_` entries).
    wrong_type,
    /// JSON `null`.
    type_null,
    /// `true` or `false`, as found.
    type_boolean,
    /// A JSON number.
    type_number,
    /// A JSON string.
    type_string,
    /// A JSON array.
    type_list,
    /// A JSON object.
    type_object,
    /// `true` or `false`, as expected.
    true_or_false,
    /// A field the format does not have.
    unknown_field,
    /// An empty text.
    empty,
    /// A text over the limit: `{chars}`, `{limit}`.
    too_long,
    /// A list over its limit: `{found}` (an `entries` count), `{limit}`.
    too_many,
    /// A list under its minimum: `{found}`, `{least}` (both `entries` counts).
    too_few,
    /// One entry of a list.
    one_entry,
    /// `{n}` entries of a list (n ≠ 1).
    entries,
    /// An id with characters an id cannot hold.
    bad_id,
    /// A number out of its range: `{found}`, `{min}`, `{max}`.
    out_of_range,
    /// A number with a fraction where a whole number is needed.
    not_whole,
    /// A band limit with more than one decimal.
    too_many_decimals,
    /// An id given twice: `{id}`.
    duplicate,
    /// A scale id that no scale has: `{id}`.
    unknown_scale,
    /// A subscale id that no subscale has: `{id}`.
    unknown_subscale,
    /// A component id that no component has: `{id}`.
    unknown_component,
    /// A row id that no row has: `{id}`.
    unknown_row,
    /// A column id that no column has: `{id}`.
    unknown_column,
    /// A model kind the widget does not know: `{found}`.
    unsupported_model,
    /// Option values that do not go up.
    not_ascending,
    /// Weights that do not match a scale's options: `{found}`, `{scale}`, `{expected}`.
    weights_length,
    /// Scores no band covers: `{from}`, `{to}`.
    band_gap,
    /// Scores two bands cover: `{from}`, `{to}`.
    band_overlap,
    /// The first band starts at the wrong score: `{found}`, `{expected}`.
    band_start,
    /// The last band ends at the wrong score: `{found}`, `{expected}`.
    band_end,
    /// A band whose min is above its max.
    band_empty,
    /// A subscale no item feeds: `{id}`.
    subscale_without_items,
    /// A component no item feeds: `{id}`.
    component_without_items,
    /// A grid cell no item feeds: `{row}`, `{column}`.
    cell_without_items,
    /// A level item without an option for a level: `{level}`.
    no_option,
    /// A quadrant missing from the map: `{x}`, `{y}` (the JSON literals "high", "low").
    quadrant_missing,
    /// A pair of components without a temperament: `{a}`, `{b}`.
    pair_missing,
    /// A level's `up` with the wrong number of texts: `{expected}`, `{found}`.
    texts_per_dimension,
    /// Nothing could be read from the definition.
    unreadable,
    /// A locale that is not a language tag: `{found}`.
    bad_locale,
    /// A link that is not a web address.
    bad_link,
    /// Both axes of a map on one subscale.
    same_axes,
    /// Two quadrants at the same place.
    quadrant_taken,
    /// Neither "high" nor "low": `{found}`.
    not_high_or_low,
    /// An `up` text on the top level.
    top_level_up,
    /// A component order that does not name each component once: `{ids}`.
    component_order,
    /// A temperament's pair with one component twice.
    pair_same,
    /// A habit item without a "try" text.
    try_missing,
    /// A component whose items use several scales: `{id}`.
    mixed_scales,
    /// Components whose items do not compare: `{found}`, a list of `component_items`.
    uneven_components,
    /// How many items a component has, on which scale: `{id}`, `{n}`, `{scale}`.
    component_items,
    /// A ratio model on a scale that reaches zero.
    scale_not_positive,
    /// An item offers "does not apply" but `{owner}` (a scale id, or "model") has no
    /// `not_applicable` label.
    no_not_applicable_label,
    /// An item with `added_in` does not offer "does not apply".
    added_without_not_applicable,
    /// Some items have a rater text and this one has none.
    rater_missing,
    /// A rater text without `{name}`.
    rater_unnamed,
    /// `{part}` has `{n}` items, fewer than `min_answers` (`{least}`).
    min_answers_unreachable,
    /// An import file that is not JSON: `{detail}` is the parser's own words.
    import_not_json,
    /// An import file that is JSON but not an export.
    import_not_export,
    /// An import file from a newer widget: `{v}`, its format version.
    import_newer,
    /// An import file with records that do not read: `{list}` of `import_record`.
    import_bad_records,
    /// One record that does not read: `{key}`, `{reason}` (the parser's own words).
    import_record,
    /// No room left to import.
    import_quota,
    /// Others' view: the answer a rater gives where they have not seen the behaviour.
    cannot_tell,
    /// Others' view: the person, when the reader gave no name.
    this_person,
    /// Others' view: the intro a rater reads: `{name}`, `{cannot_tell}`.
    rater_intro,
}

/// English.
pub const EN: Messages = Messages {
    locale: "en",
    decimal: ".",
    list_separator: ", ",
    syntax: "this is not valid JSON ({detail})",
    too_large: "the definition is {size} KB; the limit is {limit} KB",
    missing: "is required but missing",
    wrong_type: "must be {expected}, found {found}",
    type_null: "null",
    type_boolean: "a boolean",
    type_number: "a number",
    type_string: "a string",
    type_list: "a list",
    type_object: "an object",
    true_or_false: "true or false",
    unknown_field: "unknown field (check its spelling; fields are case-sensitive)",
    empty: "must not be empty",
    too_long: "text is {chars} characters long; the limit is {limit}",
    too_many: "has {found}; the limit is {limit}",
    too_few: "has {found}; at least {least} needed",
    one_entry: "1 entry",
    entries: "{n} entries",
    bad_id: "an id may only hold letters, digits, '-' and '_' (1 to 64 of them)",
    out_of_range: "{found} is out of range; it must be from {min} to {max}",
    not_whole: "must be a whole number",
    too_many_decimals: "use at most one decimal place",
    duplicate: "duplicate id \"{id}\"; ids must be unique",
    unknown_scale: "unknown scale \"{id}\"",
    unknown_subscale: "unknown subscale \"{id}\"",
    unknown_component: "unknown component \"{id}\"",
    unknown_row: "unknown row \"{id}\"",
    unknown_column: "unknown column \"{id}\"",
    unsupported_model: "unknown model kind \"{found}\"; use one of \"subscales\", \"levels\", \"ratio\", \"grid\"",
    not_ascending: "option values must go up strictly from first to last",
    weights_length: "has {found} weights but scale \"{scale}\" has {expected} options; give one weight per option",
    band_gap: "bands leave scores {from} to {to} uncovered",
    band_overlap: "bands overlap on scores {from} to {to}",
    band_start: "the first band starts at {found}; it must start at {expected}",
    band_end: "the last band ends at {found}; it must end at {expected}",
    band_empty: "min must not be greater than max",
    subscale_without_items: "subscale \"{id}\" has no item; give it at least one",
    component_without_items: "component \"{id}\" has no item; give it at least one",
    cell_without_items: "grid cell \"{row}\" × \"{column}\" has no item; give it at least one",
    no_option: "no option for level {level}; give one per level",
    quadrant_missing: "no quadrant for x \"{x}\" and y \"{y}\"",
    pair_missing: "no temperament for the pair {a} + {b}",
    texts_per_dimension: "one text per dimension: expected {expected}, found {found}",
    unreadable: "the definition could not be read",
    bad_locale: "\"{found}\" is not a language tag such as \"en\" or \"fr-CA\"",
    bad_link: "a link must start with https:// or http://",
    same_axes: "the two axes must show different subscales",
    quadrant_taken: "another quadrant already has this x and y",
    not_high_or_low: "must be \"high\" or \"low\", found \"{found}\"",
    top_level_up: "the top level has no level above it; remove this field",
    component_order: "must name every component exactly once ({ids})",
    pair_same: "a pair needs two different components",
    try_missing: "items of the habits subscale need a \"try\" text: it is shown when the habit stands out",
    mixed_scales: "the items of component \"{id}\" use different scales; a ratio model needs one scale",
    uneven_components: "every component needs the same number of items on the same scale, so their sums compare ({found})",
    component_items: "{id} has {n} on \"{scale}\"",
    scale_not_positive: "a ratio model needs scale values above zero so the quotient is defined",
    no_not_applicable_label: "this item offers \"does not apply\", so \"{owner}\" needs a \"not_applicable\" label for it",
    added_without_not_applicable: "an item added in a later version must offer \"does not apply\" (\"not_applicable\": true): answers given before it was added read that way",
    rater_missing: "other items have a \"rater\" text, so this one needs one too: others answer every item",
    rater_unnamed: "a \"rater\" text names the person it is about with {name}",
    min_answers_unreachable: "{part} has only {n} item(s), fewer than \"min_answers\" ({least}): it could never be scored",
    import_not_json: "this file is not a Candor export (it is not JSON: {detail})",
    import_not_export: "this file is not a Candor export",
    import_newer: "this file was made by a newer version of Candor (format {v}); update the page and try again",
    import_bad_records: "this file has records that cannot be read: {list}",
    import_record: "{key} ({reason})",
    import_quota: "there is not enough room in this browser to import this file",
    cannot_tell: "I can't tell",
    this_person: "this person",
    rater_intro: "{name} would like to know how you see them. Each statement is about {name}: answer from what you have seen yourself, and choose “{cannot_tell}” where you have not. Nothing you answer is kept or sent: at the end you get a code to send back to {name}, and it holds no name.",
};

/// Every table, English first.
pub const TABLES: &[&Messages] = &[&EN, &FR];

/// The table for `locale` (a language tag such as `en` or `fr-CA`): an exact match, else one
/// for its language (`fr` for `fr-CA`), else English.
///
/// ```
/// use candor_core::messages::messages;
/// assert_eq!(messages("fr-CA").locale, "fr");
/// assert_eq!(messages("de").locale, "en");
/// ```
pub fn messages(locale: &str) -> &'static Messages {
    pick(TABLES, locale, |t| t.locale).unwrap_or(&EN)
}

/// The entry of `tables` for `locale`: the one whose tag (`tag`) matches it exactly, else
/// the one for its language (`fr` for `fr-CA`), ignoring case; `None` if neither.
///
/// ```
/// use candor_core::messages::pick;
/// let tags = ["en", "fr"];
/// assert_eq!(pick(&tags, "FR-ca", |t| t), Some("fr"));
/// assert_eq!(pick(&tags, "de", |t| t), None);
/// ```
pub fn pick<T: Copy>(tables: &[T], locale: &str, tag: impl Fn(T) -> &'static str) -> Option<T> {
    let language = locale.split(['-', '_']).next().unwrap_or_default();
    let find = |wanted: &str| {
        tables
            .iter()
            .copied()
            .find(|t| tag(*t).eq_ignore_ascii_case(wanted))
    };
    find(locale).or_else(|| find(language))
}

/// Fills the `{name}` blanks of `template` with `values`, in one pass: a value is written
/// as it is (a `{n}` inside a reader's session tag stays), and a blank with no value or a
/// lone brace is left as written.
///
/// ```
/// use candor_core::messages::fill;
/// assert_eq!(fill("{n} of {total}", &[("n", "3"), ("total", "16")]), "3 of 16");
/// assert_eq!(fill("{tag} {n}", &[("tag", "{n}"), ("n", "2")]), "{n} 2");
/// assert_eq!(fill("{a} {x} {", &[("a", "é")]), "é {x} {");
/// ```
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let blank = after.split_once('}').and_then(|(name, tail)| {
            let value = values.iter().find(|(n, _)| *n == name)?.1;
            Some((value, tail))
        });
        match blank {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Messages {
    /// A number as a definition holds it (up to six decimals), with this language's decimal
    /// separator: `2.5` → `2,5` in French.
    ///
    /// ```
    /// use candor_core::messages::{EN, FR};
    /// assert_eq!(FR.number(-2.5), "-2,5");
    /// assert_eq!(EN.number(40.0), "40");
    /// ```
    pub fn number(&self, value: f64) -> String {
        crate::decimal::decimal(value, 6, self.decimal)
    }

    /// `n` entries of a list: "1 entry", "3 entries".
    pub fn count_entries(&self, n: usize) -> String {
        if n == 1 {
            self.one_entry.to_owned()
        } else {
            fill(self.entries, &[("n", &n.to_string())])
        }
    }
}

/// Fails when `english` and `translated` are the same, or when `translated` holds English
/// wording of the [`EN`] table (a phrase of two words or more between its blanks): what is
/// left in English once a message is translated is what a person typed, or a parser said.
#[cfg(test)]
pub(crate) fn assert_translated(english: &str, translated: &str) {
    assert_ne!(translated, english, "not translated: {english}");
    for (key, template) in EN.entries() {
        for fragment in template.split(['{', '}']).step_by(2) {
            let fragment = fragment.trim_matches(|c: char| !c.is_alphanumeric());
            if fragment.contains(' ') && fragment.len() >= 8 {
                assert!(
                    !translated.contains(fragment),
                    "English \"{fragment}\" (from {key}) in: {translated}"
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blanks(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort_unstable();
        found
    }

    /// Keys whose text may be the same in English and another language.
    const SAME_EVERYWHERE: &[&str] = &["locale", "list_separator", "type_null", "import_record"];

    #[test]
    fn every_language_translates_every_key_with_the_same_blanks() {
        let english = EN.entries();
        for table in TABLES.iter().filter(|t| t.locale != "en") {
            let entries = table.entries();
            assert_eq!(entries.len(), english.len());
            for ((key, en), (other_key, text)) in english.iter().zip(&entries) {
                assert_eq!(key, other_key);
                assert!(!text.trim().is_empty(), "{}: {key} is empty", table.locale);
                if !SAME_EVERYWHERE.contains(key) && *key != "decimal" {
                    assert_ne!(en, text, "{}: {key} is not translated", table.locale);
                }
                assert_eq!(blanks(en), blanks(text), "{}: {key}", table.locale);
            }
        }
    }

    #[test]
    fn every_import_error_is_written_in_french() {
        use crate::vault::ImportError;
        let errors = [
            ImportError::NotJson("expected value at line 1 column 1".into()),
            ImportError::NotAnExport,
            ImportError::Newer(9),
            ImportError::BadRecords(vec![(
                "trust-equation:history".into(),
                "missing field `attempts`".into(),
            )]),
            ImportError::Quota,
        ];
        for error in errors {
            assert_translated(&error.to_string(), &error.message_in(&FR));
        }
    }

    #[test]
    fn tables_are_found_by_language() {
        assert_eq!(messages("fr").locale, "fr");
        assert_eq!(messages("FR_be").locale, "fr");
        assert_eq!(messages("").locale, "en");
        assert_eq!(messages("pt-BR").locale, "en");
    }
}
