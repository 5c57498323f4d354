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
    /// The slope picture's text alternative: `{station}`, `{n}` of `{total}`.
    pub slope_alt: &'static str,
    /// The reader's station: `{station}`.
    pub you_are_at: &'static str,
    /// The ladder picture's text alternative: level `{n}`, `{total}` answers, `{counts}`.
    pub ladder_alt: &'static str,
    /// The radar's text alternative: `{values}`.
    pub radar_alt: &'static str,
    /// The quotient scale's text alternative: `{tq}` between `{min}` and `{max}`, `{reference}`.
    pub scale_alt: &'static str,
    /// The reader's mark on the scale: `{value}`.
    pub you_value: &'static str,
    /// The reference mark on the scale: `{value}`.
    pub reference_mark: &'static str,
    /// The heat map's text alternative: `{strongest}`, `{weakest}`.
    pub heat_alt: &'static str,
    /// Opens the numbers as a table.
    pub as_table: &'static str,
    /// Print button.
    pub print: &'static str,
    /// Heading of the share panel.
    pub share_title: &'static str,
    /// What the code is and is not.
    pub share_help: &'static str,
    /// The code carries a session tag: `{session}`.
    pub session_tagged: &'static str,
    /// Copy the code.
    pub copy_code: &'static str,
    /// Confirmation after copying the code.
    pub copied_code: &'static str,
    /// Label of the share link.
    pub share_link: &'static str,
    /// Copy the link.
    pub copy_link: &'static str,
    /// Confirmation after copying the link.
    pub copied_link: &'static str,
    /// The clipboard refused.
    pub copy_failed: &'static str,
    /// The QR code's text alternative.
    pub qr_alt: &'static str,
    /// Banner over a shared result.
    pub shared_banner: &'static str,
    /// Leave a shared result for one's own quiz.
    pub take_yourself: &'static str,
    /// The trend's text alternative: `{n}` results, `{values}`.
    pub trend_alt: &'static str,
    /// Facilitator: category set titles.
    pub group_quadrants: &'static str,
    /// See `group_quadrants`.
    pub group_slope: &'static str,
    /// See `group_quadrants`.
    pub group_levels: &'static str,
    /// See `group_quadrants`.
    pub group_temperaments: &'static str,
    /// See `group_quadrants`.
    pub group_balance: &'static str,
    /// See `group_quadrants`.
    pub group_bands: &'static str,
    /// See `group_quadrants`.
    pub group_groups: &'static str,
    /// Name of the trust quotient score.
    pub score_tq: &'static str,
    /// Name of the headline level score.
    pub score_level: &'static str,
    /// Name of the consistency score.
    pub score_consistency: &'static str,
    /// Name of the grid's overall score.
    pub score_overall: &'static str,
    /// Count of invalid codes: `{n}`.
    pub rejected_invalid: &'static str,
    /// Count of codes of another session: `{n}`.
    pub rejected_session: &'static str,
    /// Count of codes of another instrument: `{n}`.
    pub rejected_instrument: &'static str,
    /// Count of codes of another version: `{n}`.
    pub rejected_version: &'static str,
    /// Count of duplicates: `{n}`.
    pub rejected_duplicate: &'static str,
    /// Why: another session.
    pub why_other_session: &'static str,
    /// Why: another instrument.
    pub why_other_instrument: &'static str,
    /// Why: another version.
    pub why_other_version: &'static str,
    /// Why: pasted before.
    pub why_duplicate: &'static str,
    /// Opens the list of codes left out: `{n}`.
    pub rejected_list: &'static str,
    /// `{n}` more not listed.
    pub and_more: &'static str,
    /// Heading of the group's scores.
    pub group_scores: &'static str,
    /// Column: spread.
    pub spread: &'static str,
    /// Column: range.
    pub range: &'static str,
    /// Heading of the distributions.
    pub group_distribution: &'static str,
    /// The session line: `{session}`.
    pub group_session: &'static str,
    /// Heat map of one group: `{group}`, `{n}`.
    pub heat_group: &'static str,
    /// Text alternative of the difference heat map.
    pub heat_difference: &'static str,
    /// Heading of the comparison.
    pub heat_compare: &'static str,
    /// First group to compare.
    pub group_a: &'static str,
    /// Second group to compare.
    pub group_b: &'static str,
    /// Heat map of everyone: `{n}`.
    pub heat_everyone: &'static str,
    /// Heading of the heat maps.
    pub group_heat: &'static str,
    /// Size of the group: `{n}`.
    pub group_count: &'static str,
    /// Time taken: `{ms}`.
    pub group_time: &'static str,
    /// Export button.
    pub export_csv: &'static str,
    /// Facilitator heading: `{title}`.
    pub facilitator_title: &'static str,
    /// What the facilitator screen does.
    pub facilitator_help: &'static str,
    /// Label of the instrument choice.
    pub facilitator_instrument: &'static str,
    /// Label of the session tag.
    pub session_tag: &'static str,
    /// Before the attendee link.
    pub attendees_open: &'static str,
    /// Text alternative of the attendee QR code.
    pub attendee_qr_alt: &'static str,
    /// Label of the paste box.
    pub paste_codes: &'static str,
    /// Load codes from a file.
    pub load_codes: &'static str,
    /// Codes taken in bulk: `{n}` lines.
    pub bulk_note: &'static str,
    /// Clear.
    pub clear: &'static str,
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
    slope_alt: "The slope from freely given service down to the End-Station, with your place at “{station}”, station {n} of {total}.",
    you_are_at: "You are at: {station}.",
    ladder_alt: "A ladder of five levels with your headline at level {n}. Your {total} answers per level: {counts}.",
    radar_alt: "Radar chart of your trust factors, each from 5 to 25: {values}.",
    scale_alt: "Your trust quotient {tq} on a scale from {min} to {max}; the published average is {reference}.",
    you_value: "You {value}",
    reference_mark: "Published average {value}",
    heat_alt: "Heat map of twenty scores. Strongest: {strongest}. Weakest: {weakest}.",
    as_table: "Show the numbers as a table",
    print: "Print",
    share_title: "Keep or share this result",
    share_help: "The code holds your answers and nothing else: no name, no e-mail. Copy it, read it out to a facilitator, or open the link on another device to see this result.",
    session_tagged: "Tagged for session {session}.",
    copy_code: "Copy code",
    copied_code: "Code copied.",
    share_link: "Link to this result",
    copy_link: "Copy link",
    copied_link: "Link copied.",
    copy_failed: "Copying is not allowed here: select the text and copy it yourself.",
    qr_alt: "QR code of the link to this result",
    shared_banner: "A result someone shared with you. It is shown here only; nothing is saved in your browser.",
    take_yourself: "Take this quiz yourself",
    trend_alt: "Trend of your last {n} results: {values}.",
    group_quadrants: "Quadrants",
    group_slope: "Position on the slope",
    group_levels: "Headline levels",
    group_temperaments: "Trust temperaments",
    group_balance: "Balance",
    group_bands: "Overall",
    group_groups: "Respondent groups",
    score_tq: "Trust quotient",
    score_level: "Headline level",
    score_consistency: "Consistency (%)",
    score_overall: "Overall",
    rejected_invalid: "{n} invalid (mistyped or cut short)",
    rejected_session: "{n} from another session",
    rejected_instrument: "{n} for another quiz",
    rejected_version: "{n} for another version of this quiz",
    rejected_duplicate: "{n} duplicate(s)",
    why_other_session: "from another session",
    why_other_instrument: "for another quiz",
    why_other_version: "for another version of this quiz",
    why_duplicate: "pasted before",
    rejected_list: "Show the {n} code(s) left out",
    and_more: "… and {n} more.",
    group_scores: "Scores",
    spread: "Spread (SD)",
    range: "Range",
    group_distribution: "How the group is spread",
    group_session: "Session: {session}",
    heat_group: "{group} ({n})",
    heat_difference: "Difference between the two groups, cell by cell",
    heat_compare: "Compare two groups (first minus second)",
    group_a: "First",
    group_b: "Second",
    heat_everyone: "Everyone ({n})",
    group_heat: "Heat maps",
    group_count: "{n} code(s) in the group.",
    group_time: "Computed in {ms} ms in this browser.",
    export_csv: "Export the group as CSV",
    facilitator_title: "Group profile: {title}",
    facilitator_help: "Give attendees the link or QR code below. When they finish, each sees a short result code. Paste the codes here (one per line, or a whole chat) to see the group at once. Nothing leaves this browser and no names are needed.",
    facilitator_instrument: "Quiz",
    session_tag: "Session tag",
    attendees_open: "Attendees open:",
    attendee_qr_alt: "QR code of the attendee link",
    paste_codes: "Result codes",
    load_codes: "Load codes from a file",
    bulk_note: "{n} lines of codes taken in bulk (not shown in the box).",
    clear: "Clear",
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
