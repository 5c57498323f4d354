//! The full bundle's own words: results, sharing, data controls, the facilitator.
//!
//! * Each locale is one [`Ui`] table, which also reads as the taking screens' table of the
//!   same language (`candor_view::text`), so a component needs one table for both.
//! * [`ui`] picks a table as `candor_view::text::ui` does; [`fill`] fills `{name}` blanks.

use std::ops::Deref;

pub use candor_view::text::fill;

mod fr;

pub use fr::FR;

/// Declares [`Ui`] with one `&'static str` field per entry after the taking screens' table,
/// and [`Ui::entries`] listing them, so tests can compare two locales key by key.
macro_rules! ui_table {
    ($($(#[$doc:meta])* $field:ident,)*) => {
        /// Every string the full bundle shows, for one locale.
        #[derive(Debug)]
        pub struct Ui {
            /// The taking screens' words in the same language.
            pub take: &'static candor_view::text::Ui,
            $($(#[$doc])* pub $field: &'static str,)*
        }

        impl Ui {
            /// Every `(key, string)` of this bundle's own words, in declaration order (the
            /// taking screens' are `candor_view`'s to list and test).
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($field), self.$field),)*]
            }
        }
    };
}

ui_table! {
        /// Result heading prefix.
        your_result,
        /// "out of 100".
        of_100,
        /// Heading of the slope section.
        slope,
        /// Marks the reader's place on the slope.
        you_are_here,
        /// Heading of the habits section.
        habits,
        /// Label before a habit's answer: `{answer}`.
        you_answered,
        /// Label before what to try.
        try_next,
        /// Heading of the next-step section.
        next_step,
        /// No habit reached the threshold.
        no_habits,
        /// Heading of the credit.
        model,
        /// Before the source.
        source,
        /// Content credit.
        written_by,
        /// Retake button.
        retake,
        /// When the result was saved: `{date}`.
        saved_on,
        /// Heading of the definition error list.
        invalid_title,
        /// Explains the definition error list to the trainer.
        invalid_help,
        /// Name of the map picture for screen readers: `{x}`, `{y}` and the quadrant `{quadrant}`.
        map_alt,
        /// A level with its number: `{n}` and `{name}`.
        level_name,
        /// How many answers sit at a level: `{n}` of `{total}`.
        answers_at,
        /// Consistency line: `{pct}`.
        consistency,
        /// Heading of what moving up a level changes.
        moving_up,
        /// Shown at the top level instead.
        top_level,
        /// Headline of a ratio result: `{tq}`.
        trust_quotient,
        /// The published reference: `{mean}`.
        reference,
        /// Heading of the component sums.
        factors,
        /// Note on the denominator's sum.
        lower_is_better,
        /// Heading of the temperament card.
        temperament,
        /// Near-tie line: `{names}`.
        blends_with,
        /// Heading of the balance.
        balance,
        /// Heading of the weakest factor: `{name}`.
        weakest_factor,
        /// Respondent group line: `{group}`.
        answered_as,
        /// Overall grid score: `{score}`.
        overall,
        /// Heading of the strongest cells.
        strongest,
        /// Heading of the weakest cells.
        weakest,
        /// Caption of the heat map table.
        heatmap_caption,
        /// "Mean" in the heat map.
        mean,
        /// Label before a suggestion for a weak cell.
        to_try,
        /// Heading of the earlier results.
        history,
        /// Label of a result from an earlier version: `{v}`.
        earlier_version,
        /// Where results are kept, and why export matters.
        saved_here,
        /// Export button.
        export,
        /// Import button.
        import,
        /// Delete button.
        delete,
        /// Name of the delete confirmation.
        delete_title,
        /// The delete confirmation's question.
        delete_question,
        /// The button that deletes.
        delete_confirm,
        /// Cancel.
        cancel,
        /// Shown when a result comes from an earlier version of the instrument.
        older_result,
        /// A `src` definition could not be loaded: `{src}` and `{why}`.
        src_failed,
        /// Why: the `src` is not a URL.
        src_not_url,
        /// Why: the `src` is on another site.
        src_other_origin,
        /// Why: the response could not be read as text.
        src_unreadable,
        /// The slope picture's text alternative: `{station}`, `{n}` of `{total}`.
        slope_alt,
        /// The reader's station: `{station}`.
        you_are_at,
        /// The ladder picture's text alternative: level `{n}`, `{total}` answers, `{counts}`.
        ladder_alt,
        /// The radar's text alternative: `{values}`.
        radar_alt,
        /// The quotient scale's text alternative: `{tq}` between `{min}` and `{max}`, `{reference}`.
        scale_alt,
        /// The reader's mark on the scale: `{value}`.
        you_value,
        /// The reference mark on the scale: `{value}`.
        reference_mark,
        /// The heat map's text alternative: `{strongest}`, `{weakest}`.
        heat_alt,
        /// Opens the numbers as a table.
        as_table,
        /// Print button.
        print,
        /// Heading of the share panel.
        share_title,
        /// What the code is and is not.
        share_help,
        /// The code carries a session tag: `{session}`.
        session_tagged,
        /// Copy the code.
        copy_code,
        /// Confirmation after copying the code.
        copied_code,
        /// Label of the share link.
        share_link,
        /// Copy the link.
        copy_link,
        /// Confirmation after copying the link.
        copied_link,
        /// The clipboard refused.
        copy_failed,
        /// The QR code's text alternative.
        qr_alt,
        /// Banner over a shared result.
        shared_banner,
        /// Leave a shared result for one's own quiz.
        take_yourself,
        /// The trend's text alternative: `{n}` results, `{values}`.
        trend_alt,
        /// Facilitator: category set titles.
        group_quadrants,
        /// See `group_quadrants`.
        group_slope,
        /// See `group_quadrants`.
        group_levels,
        /// See `group_quadrants`.
        group_temperaments,
        /// See `group_quadrants`.
        group_balance,
        /// See `group_quadrants`.
        group_bands,
        /// See `group_quadrants`.
        group_groups,
        /// Name of the trust quotient score.
        score_tq,
        /// Name of the headline level score.
        score_level,
        /// Name of the consistency score.
        score_consistency,
        /// Name of the grid's overall score.
        score_overall,
        /// Count of invalid codes: `{n}`.
        rejected_invalid,
        /// Count of codes of another session: `{n}`.
        rejected_session,
        /// Count of codes of another instrument: `{n}`.
        rejected_instrument,
        /// Count of codes of another version: `{n}`.
        rejected_version,
        /// Count of duplicates: `{n}`.
        rejected_duplicate,
        /// Why: another session.
        why_other_session,
        /// Why: another instrument.
        why_other_instrument,
        /// Why: another version.
        why_other_version,
        /// Why: pasted before.
        why_duplicate,
        /// Opens the list of codes left out: `{n}`.
        rejected_list,
        /// `{n}` more not listed.
        and_more,
        /// Heading of the group's scores.
        group_scores,
        /// Column: spread.
        spread,
        /// Column: range.
        range,
        /// Heading of the distributions.
        group_distribution,
        /// The session line: `{session}`.
        group_session,
        /// Heat map of one group: `{group}`, `{n}`.
        heat_group,
        /// Text alternative of the difference heat map.
        heat_difference,
        /// Heading of the comparison.
        heat_compare,
        /// First group to compare.
        group_a,
        /// Second group to compare.
        group_b,
        /// Heat map of everyone: `{n}`.
        heat_everyone,
        /// Heading of the heat maps.
        group_heat,
        /// Size of the group: `{n}`.
        group_count,
        /// Time taken: `{ms}`.
        group_time,
        /// Export button.
        export_csv,
        /// Facilitator heading: `{title}`.
        facilitator_title,
        /// What the facilitator screen does.
        facilitator_help,
        /// Label of the instrument choice.
        facilitator_instrument,
        /// Label of the session tag.
        session_tag,
        /// Before the attendee link.
        attendees_open,
        /// Text alternative of the attendee QR code.
        attendee_qr_alt,
        /// Label of the paste box.
        paste_codes,
        /// Load codes from a file.
        load_codes,
        /// Codes taken in bulk: `{n}` lines.
        bulk_note,
        /// Clear.
        clear,
        /// What follows a label before its text: ": " in English, " : " in French.
        colon,
        /// Why a code is invalid: a mistyped or missing character.
        why_checksum,
        /// Why a code is invalid: too short or too long.
        why_length,
        /// Why a code is invalid: characters no code has.
        why_characters,
        /// Said by the live region when a result appears: `{headline}`.
        result_ready,
        /// The latest value in a trend's legend: `{value}`.
        latest,
}

impl Deref for Ui {
    type Target = candor_view::text::Ui;

    fn deref(&self) -> &Self::Target {
        self.take
    }
}

/// English, the default and the fallback.
pub const EN: Ui = Ui {
    take: &candor_view::text::EN,
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
    history: "Your earlier results on this device",
    earlier_version: "earlier version {v}",
    saved_here: "Your answers and results are saved only in this browser. Browsers may clear them (private windows when closed, Safari after seven days without a visit), so export a copy to keep them.",
    export: "Export my results",
    import: "Import results",
    delete: "Delete my data",
    delete_title: "Confirm deletion",
    delete_question: "Delete every answer and result this quiz saved in this browser? This cannot be undone.",
    delete_confirm: "Delete everything",
    cancel: "Cancel",
    older_result: "This result comes from an earlier version of this quiz, so only its headline and scores were kept:",
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
    colon: ": ",
    why_checksum: "a character is mistyped or missing",
    why_length: "too short or too long",
    why_characters: "holds characters no code has",
    result_ready: "Your result is ready: {headline}.",
    latest: "latest {value}",
};

/// Every table, English first.
pub const TABLES: &[&Ui] = &[&EN, &FR];

/// The table for `locale`: an exact match, else one for its language, else English.
///
/// ```
/// assert_eq!(candor_widget::text::ui("fr-CA").locale, "fr");
/// assert_eq!(candor_widget::text::ui("de").locale, "en");
/// ```
pub fn ui(locale: &str) -> &'static Ui {
    candor_core::messages::pick(TABLES, locale, |t| t.locale).unwrap_or(&EN)
}

impl Ui {
    /// A number held in tenths, with one decimal: `74` → `7.4` (`7,4` in French).
    ///
    /// ```
    /// use candor_widget::text::{EN, FR};
    /// assert_eq!(EN.tenths(74), "7.4");
    /// assert_eq!(FR.tenths(150), "15,0");
    /// ```
    pub fn tenths(&self, value: i32) -> String {
        let sign = if value < 0 { "-" } else { "" };
        let v = value.unsigned_abs();
        format!("{sign}{}{}{}", v / 10, self.decimal, v % 10)
    }

    /// A number with at most one decimal and no trailing zero: `21.0` → `21`, `6.06` → `6.1`.
    ///
    /// ```
    /// use candor_widget::text::{EN, FR};
    /// assert_eq!(EN.number(21.0), "21");
    /// assert_eq!(FR.number(6.06), "6,1");
    /// ```
    pub fn number(&self, value: f64) -> String {
        let tenths = (value * 10.0).round() as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let t = tenths.unsigned_abs();
        if t.is_multiple_of(10) {
            format!("{sign}{}", t / 10)
        } else {
            format!("{sign}{}{}{}", t / 10, self.decimal, t % 10)
        }
    }
}
