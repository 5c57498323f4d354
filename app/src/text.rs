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
};

/// The table for `locale` (a language tag such as `en` or `fr-CA`), English if there is none.
pub fn ui(_locale: &str) -> &'static Ui {
    &EN
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
