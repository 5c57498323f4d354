//! The interface's own words (buttons, labels, notices), separate from instrument content.
//!
//! Each locale is one [`Ui`] table; [`ui`] picks the table for a locale and falls back to
//! English. Templates mark their blanks with `{name}`; [`fill`] fills them.

/// Every string the interface shows, for one locale.
#[derive(Debug)]
pub struct Ui {
    /// Language tag of this table.
    pub locale: &'static str,
    /// Intro line: `{questions}` questions, `{minutes}` minutes.
    pub meta: &'static str,
    /// Reassurance under the intro.
    pub private: &'static str,
    /// Start button.
    pub start: &'static str,
    /// Resume button on the intro: `{n}` is the question to resume at.
    pub resume: &'static str,
    /// Progress label: question `{n}` of `{total}`.
    pub progress: &'static str,
    /// Back button.
    pub back: &'static str,
    /// Next button.
    pub next: &'static str,
    /// Finish button on the last question.
    pub finish: &'static str,
    /// Shown when Next is pressed without an answer.
    pub choose_first: &'static str,
    /// Result heading prefix.
    pub your_result: &'static str,
    /// "out of 100".
    pub of_100: &'static str,
    /// Heading of the slope section.
    pub slope: &'static str,
    /// Marks the reader's place on the slope.
    pub you_are_here: &'static str,
    /// Heading of the habits section.
    pub habits: &'static str,
    /// Label before a habit's answer: `{answer}`.
    pub you_answered: &'static str,
    /// Label before what to try.
    pub try_next: &'static str,
    /// Heading of the next-step section.
    pub next_step: &'static str,
    /// No habit reached the threshold.
    pub no_habits: &'static str,
    /// Heading of the credit.
    pub model: &'static str,
    /// Before the source.
    pub source: &'static str,
    /// Content credit.
    pub written_by: &'static str,
    /// Retake button.
    pub retake: &'static str,
    /// When the result was saved: `{date}`.
    pub saved_on: &'static str,
    /// Heading of the definition error list.
    pub invalid_title: &'static str,
    /// Explains the definition error list to the trainer.
    pub invalid_help: &'static str,
    /// Shown when an instrument id is unknown.
    pub unknown_instrument: &'static str,
    /// Storage could not be used: answers are kept in memory only.
    pub storage_unavailable: &'static str,
    /// Name of the map picture for screen readers: `{x}`, `{y}` and the quadrant `{quadrant}`.
    pub map_alt: &'static str,
    /// A level with its number: `{n}` and `{name}`.
    pub level_name: &'static str,
    /// How many answers sit at a level: `{n}` of `{total}`.
    pub answers_at: &'static str,
    /// Consistency line: `{pct}`.
    pub consistency: &'static str,
    /// Heading of what moving up a level changes.
    pub moving_up: &'static str,
    /// Shown at the top level instead.
    pub top_level: &'static str,
    /// Headline of a ratio result: `{tq}`.
    pub trust_quotient: &'static str,
    /// The published reference: `{mean}`.
    pub reference: &'static str,
    /// Heading of the component sums.
    pub factors: &'static str,
    /// Note on the denominator's sum.
    pub lower_is_better: &'static str,
    /// Heading of the temperament card.
    pub temperament: &'static str,
    /// Near-tie line: `{names}`.
    pub blends_with: &'static str,
    /// Heading of the balance.
    pub balance: &'static str,
    /// Heading of the weakest factor: `{name}`.
    pub weakest_factor: &'static str,
    /// Respondent group line: `{group}`.
    pub answered_as: &'static str,
    /// Overall grid score: `{score}`.
    pub overall: &'static str,
    /// Heading of the strongest cells.
    pub strongest: &'static str,
    /// Heading of the weakest cells.
    pub weakest: &'static str,
    /// Caption of the heat map table.
    pub heatmap_caption: &'static str,
    /// "Mean" in the heat map.
    pub mean: &'static str,
    /// Label before a suggestion for a weak cell.
    pub to_try: &'static str,
    /// A record set aside: `{why}` and the backup `{key}`.
    pub set_aside: &'static str,
    /// Why: it could not be read.
    pub why_unreadable: &'static str,
    /// Why: a newer version wrote it.
    pub why_newer: &'static str,
    /// Why: it belongs to something else.
    pub why_mismatch: &'static str,
    /// A record that could not be read nor set aside.
    pub left_alone: &'static str,
    /// The instrument changed; the attempt restarts.
    pub restarted: &'static str,
    /// Storage full; `{n}` oldest results dropped.
    pub pruned: &'static str,
    /// Storage full; this change is in memory only.
    pub not_saved: &'static str,
    /// Import done: `{n}` results added.
    pub imported: &'static str,
    /// Import refused: `{why}`.
    pub import_failed: &'static str,
    /// Everything deleted.
    pub deleted: &'static str,
    /// Dismiss button's accessible name.
    pub dismiss: &'static str,
    /// Heading of the earlier results.
    pub history: &'static str,
    /// Label of a result from an earlier version: `{v}`.
    pub earlier_version: &'static str,
    /// Heading of the data controls.
    pub your_data: &'static str,
    /// Where results are kept, and why export matters.
    pub saved_here: &'static str,
    /// Export button.
    pub export: &'static str,
    /// Import button.
    pub import: &'static str,
    /// Delete button.
    pub delete: &'static str,
    /// Name of the delete confirmation.
    pub delete_title: &'static str,
    /// The delete confirmation's question.
    pub delete_question: &'static str,
    /// The button that deletes.
    pub delete_confirm: &'static str,
    /// Cancel.
    pub cancel: &'static str,
    /// Shown when a result comes from an earlier version of the instrument.
    pub older_result: &'static str,
    /// While a definition loads from a URL.
    pub loading: &'static str,
    /// A `src` definition could not be loaded: `{src}` and `{why}`.
    pub src_failed: &'static str,
    /// Why: the `src` is not a URL.
    pub src_not_url: &'static str,
    /// Why: the `src` is on another site.
    pub src_other_origin: &'static str,
    /// Why: the response could not be read as text.
    pub src_unreadable: &'static str,
}

/// English, the default and the fallback.
pub const EN: Ui = Ui {
    locale: "en",
    meta: "{questions} questions · about {minutes} minutes",
    private: "Your answers stay in this browser. Nothing is sent anywhere.",
    start: "Start",
    resume: "Continue at question {n}",
    progress: "Question {n} of {total}",
    back: "Back",
    next: "Next",
    finish: "See my result",
    choose_first: "Choose an answer to go on.",
    your_result: "Your result",
    of_100: "out of 100",
    slope: "Where you are on the slope",
    you_are_here: "you are here",
    habits: "Habits that weigh most",
    you_answered: "You answered: {answer}",
    try_next: "Try next time:",
    next_step: "One step to take",
    no_habits: "None of these habits came up often or regularly in your answers.",
    model: "Model",
    source: "Source",
    written_by: "Questions and texts written for Candor.",
    retake: "Take it again",
    saved_on: "Saved in this browser on {date}.",
    invalid_title: "This instrument cannot be run",
    invalid_help: "The definition has these problems. Fix each one at the place named and reload the page.",
    unknown_instrument: "There is no instrument called \"{id}\". Available: {list}.",
    storage_unavailable: "This browser is not letting the quiz save anything, so your answers will be lost when you leave the page.",
    map_alt: "Map of {x} across and {y} up; your point falls in the quadrant “{quadrant}”.",
    level_name: "Level {n}: {name}",
    answers_at: "{n} of {total} answers",
    consistency: "{pct}% of your answers sit at this level.",
    moving_up: "What moving up one level would change",
    top_level: "This is the top level of the model.",
    trust_quotient: "Trust quotient {tq}",
    reference: "Published average: about {mean}.",
    factors: "Your four factors (each 5 to 25)",
    lower_is_better: "lower is better",
    temperament: "Your trust temperament",
    blends_with: "Within a point of: {names}.",
    balance: "Balance",
    weakest_factor: "Your weakest factor: {name}",
    answered_as: "Answered as: {group}",
    overall: "Overall {score} out of 100.",
    strongest: "Strongest cells",
    weakest: "Weakest cells, and what to try",
    heatmap_caption: "Scores out of 100 for each part of the organisation and each trust value",
    mean: "Mean",
    to_try: "To try:",
    set_aside: "Some answers saved in this browser {why}, so they were put aside (under “{key}”) and you start afresh. Nothing was deleted.",
    why_unreadable: "could not be read",
    why_newer: "were saved by a newer version of this quiz",
    why_mismatch: "no longer match this quiz",
    left_alone: "Some data saved in this browser could not be read and there is no room to put it aside, so it was left untouched. Your answers on this visit will not be saved.",
    restarted: "This quiz has changed since you began it, so it starts again. Your earlier answers were put aside, not deleted.",
    pruned: "Your browser's storage was full, so the {n} oldest saved result(s) were removed to keep your latest answers.",
    not_saved: "Your browser's storage is full: your latest answers are kept only while this page is open. Export your results to keep them.",
    imported: "Import done: {n} result(s) added.",
    import_failed: "Nothing was imported: {why}.",
    deleted: "Everything this quiz saved in this browser has been deleted.",
    dismiss: "Dismiss",
    history: "Your earlier results on this device",
    earlier_version: "earlier version {v}",
    your_data: "Your data",
    saved_here: "Your answers and results are saved only in this browser. Browsers may clear them (private windows when closed, Safari after seven days without a visit), so export a copy to keep them.",
    export: "Export my results",
    import: "Import results",
    delete: "Delete my data",
    delete_title: "Confirm deletion",
    delete_question: "Delete every answer and result this quiz saved in this browser? This cannot be undone.",
    delete_confirm: "Delete everything",
    cancel: "Cancel",
    older_result: "This result comes from an earlier version of this quiz, so only its headline and scores were kept:",
    loading: "Loading the quiz…",
    src_failed: "The quiz definition at “{src}” could not be loaded: {why}.",
    src_not_url: "it is not a valid address",
    src_other_origin: "it must be on the same site as this page",
    src_unreadable: "the response could not be read as text",
};

/// The table for `locale` (a language tag such as `en` or `fr-CA`), English if there is none.
pub fn ui(_locale: &str) -> &'static Ui {
    &EN
}

/// A number held in tenths, written with one decimal: `74` → `7.4`.
///
/// ```
/// assert_eq!(candor_app::text::tenths(74), "7.4");
/// assert_eq!(candor_app::text::tenths(150), "15.0");
/// ```
pub fn tenths(value: i32) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let v = value.unsigned_abs();
    format!("{sign}{}.{}", v / 10, v % 10)
}

/// Fills the `{name}` blanks of `template` with `values`.
///
/// ```
/// assert_eq!(candor_app::text::fill("{n} of {total}", &[("n", "3"), ("total", "16")]), "3 of 16");
/// ```
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}
