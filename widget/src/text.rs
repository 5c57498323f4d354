//! The later bundles' own words: results, a shared result, the facilitator, a reader's
//! tools.
//!
//! * Three tables per language, each read through its own type: what every later bundle
//!   shows ([`UiWords`] through [`Ui`]: results, a shared result, a definition's problems,
//!   a load's errors), the facilitator's screen's ([`FacilitatorWords`] through
//!   [`FacilitatorUi`]), and a reader's own tools in the full bundle ([`ReaderWords`]
//!   through [`ReaderUi`]: history, sharing, others' view, data controls).
//! * Each reads its words by a method of its own, as `candor_view::text::Ui` does, so a
//!   bundle links only the words it reads: a shared result's bundle, no other model's
//!   words and no taking screen's.
//! * Each reads as the one it adds to: a `FacilitatorUi` or a `ReaderUi` as the `Ui` of its
//!   language, a `Ui` as the taking screens' (`candor_view::text`), so a component needs
//!   one for all.
//! * [`ui`], [`facilitator`] and [`reader`] pick one as `candor_view::text::ui` does;
//!   [`fill`] fills `{name}` blanks.

use std::ops::Deref;

use candor_core::code::CodeError;
use candor_core::others::Refusal;
use candor_view::text::Lang;

pub use candor_view::text::fill;

mod fr;

pub use fr::{FACILITATOR_FR, FR, READER_FR};

/// Declares `$words`, a table of words with one `&'static str` field per entry; `$en` with
/// the English text of each; `entries`, listing them so tests can compare two locales key
/// by key; and `$name`, the words in one language, with a method per entry that reads it
/// from `$en` or `$fr`, and `Deref` to the words it adds to, in the same language
/// (`$parent` picks them).
macro_rules! words_table {
    (
        $(#[$meta:meta])*
        $name:ident, read from $words:ident, adds to $parent_ty:ty = $parent:path;
        $(#[$en_meta:meta])*
        $en:ident, $fr:ident;
        $($(#[$doc:meta])* $field:ident: $english:expr,)*
    ) => {
        /// The words of one locale: see the type that reads them.
        #[derive(Debug)]
        pub struct $words {
            $($(#[$doc])* pub $field: &'static str,)*
        }

        $(#[$en_meta])*
        pub const $en: $words = $words {
            $($field: $english,)*
        };

        impl $words {
            /// Every `(key, string)` of this table's own words, in declaration order (those
            /// of the table it adds to are that table's to list).
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($field), self.$field),)*]
            }
        }

        $(#[$meta])*
        #[derive(Debug)]
        pub struct $name {
            lang: Lang,
        }

        impl $name {
            /// The words in `lang`.
            pub fn of(lang: Lang) -> &'static Self {
                static IN: [$name; 2] = [$name { lang: Lang::En }, $name { lang: Lang::Fr }];
                match lang {
                    Lang::En => &IN[0],
                    Lang::Fr => &IN[1],
                }
            }

            /// The language of these words.
            pub fn lang(&self) -> Lang {
                self.lang
            }

            $(
                $(#[$doc])*
                pub fn $field(&self) -> &'static str {
                    match self.lang {
                        Lang::En => $en.$field,
                        Lang::Fr => $fr.$field,
                    }
                }
            )*
        }

        impl Deref for $name {
            type Target = $parent_ty;

            fn deref(&self) -> &Self::Target {
                $parent(self.lang)
            }
        }
    };
}

words_table! {
    /// The words every later bundle shows, in one language: results, a shared result, a
    /// definition's problems, why a definition could not be loaded.
    Ui, read from UiWords, adds to candor_view::text::Ui = candor_view::text::of;
    /// English, the default and the fallback.
    EN, FR;
    /// Result heading prefix.
    your_result: "Your result",
    /// "out of 100".
    of_100: "out of 100",
    /// Heading of the slope section.
    slope: "Where you are on the slope",
    /// Heading of the habits section.
    habits: "Habits that weigh most",
    /// Label before a habit's answer: `{answer}`.
    you_answered: "You answered: {answer}",
    /// Label before what to try.
    try_next: "Try next time:",
    /// Heading of the next-step section.
    next_step: "One step to take",
    /// No habit reached the threshold.
    no_habits: "None of these habits comes up often enough in your answers to be listed.",
    /// Heading of the credit.
    model: "Model",
    /// Before the source.
    source: "Source",
    /// Content credit.
    written_by: "Questions and texts written for Candor.",
    /// Heading of the definition error list.
    invalid_title: "This instrument cannot be run",
    /// Explains the definition error list to the trainer.
    invalid_help: "The definition has these problems. Fix each one at the place named and reload the page.",
    /// Name of the map picture for screen readers: `{x}`, `{y}` and the quadrant `{quadrant}`.
    map_alt: "Map of {x} across and {y} up; your point falls in the quadrant “{quadrant}”.",
    /// A level with its number: `{n}` and `{name}`.
    level_name: "Level {n}: {name}",
    /// Consistency line: `{pct}`.
    consistency: "{pct}% of your answers sit at this level.",
    /// Heading of what moving up a level changes.
    moving_up: "What moving up one level would change",
    /// Shown at the top level instead.
    top_level: "This is the top level of the model.",
    /// Headline of a ratio result: `{tq}`.
    trust_quotient: "Trust quotient {tq}",
    /// The published reference, a footnote: `{mean}`.
    reference: "For curiosity only: the published average is about {mean}.",
    /// Under cells that tie: `{n}` cells.
    tied: "These {n} cells tie: none is stronger or weaker than the others.",
    /// When every scored cell has the same score: `{score}`.
    all_tied: "Every cell scores {score}: no part of the organisation stands out from the others.",
    /// Heading of what to try to move up a level.
    to_move_up: "To move up, try",
    /// Opens the level names of the model's source, beside Candor's.
    source_names: "The levels as the model's source names them",
    /// Under the name of a flat profile.
    flat_profile: "Every factor within a point of the others",
    /// Heading of the component sums.
    factors: "Your four factors (each 5 to 25)",
    /// Note on the denominator's sum.
    lower_is_better: "lower is better",
    /// Heading of the temperament card.
    temperament: "Your trust temperament",
    /// Near-tie line: `{names}`.
    blends_with: "Within a point of: {names}.",
    /// Heading of the balance.
    balance: "Balance",
    /// Heading of the weakest factor: `{name}`.
    weakest_factor: "Your weakest factor: {name}",
    /// Respondent group line: `{group}`.
    answered_as: "Answered as: {group}",
    /// Overall grid score: `{score}`.
    overall: "Overall {score} out of 100.",
    /// Heading of the strongest cells.
    strongest: "Strongest cells",
    /// Heading of the weakest cells.
    weakest: "Weakest cells, and what to try",
    /// Caption of the heat map table.
    heatmap_caption: "Scores out of 100 for each part of the organisation and each trust value",
    /// "Mean" in the heat map.
    mean: "Mean",
    /// Label before a suggestion for a weak cell.
    to_try: "To try:",
    /// Export button.
    export: "Export my results",
    /// How many answers were "does not apply": `{n}` of `{total}`.
    not_applicable_count: "{n} of {total} questions did not apply to you and were left out of the scores.",
    /// Headline of a result with too few real answers to score.
    unscored: "Not enough answers to score",
    /// What an unscored result means.
    unscored_text: "Too many questions did not apply to you for this result to mean anything. A score built on so few answers would claim more than they show.",
    /// One part short of answers: `{part}`, `{found}` real answers, `{needed}` needed.
    shortfall: "{part}: {found} answered, at least {needed} needed",
    /// The part of a level model that falls short: all its situations.
    all_situations: "The situations",
    /// A grid cell with too few real answers, in the heat map.
    cell_unscored: "not scored: too few answers applied",
    /// A `src` definition could not be loaded: `{src}` and `{why}`.
    src_failed: "The quiz definition at “{src}” could not be loaded: {why}.",
    /// Why: the `src` is not a URL.
    src_not_url: "it is not a valid address",
    /// Why: the `src` is on another site.
    src_other_origin: "it must be on the same site as this page",
    /// Why: the response could not be read as text.
    src_unreadable: "the response could not be read as text",
    /// A built-in's definition could not be downloaded: `{title}` and `{why}`.
    builtin_failed: "The questions of “{title}” could not be downloaded ({why}). Check the connection and reload the page: your answers are kept.",
    /// Why: the file downloaded is not the one this version of the quiz reads.
    builtin_stale: "the file is not the one this version of the quiz reads",
    /// A trainer's own definition reached a bundle that reads only built-ins.
    own_not_read: "This quiz is a trainer’s own, and the part of Candor that reads it did not start. Reload the page.",
    /// The slope picture's text alternative: `{station}`, `{n}` of `{total}`.
    slope_alt: "The slope from freely given service down to the End-Station, with your place at “{station}”, station {n} of {total}.",
    /// The reader's station: `{station}`.
    you_are_at: "You are at: {station}.",
    /// The ladder picture's text alternative: level `{n}`, `{total}` answers, `{counts}`.
    ladder_alt: "A ladder of five levels with your headline at level {n}. Your {total} answers per level: {counts}.",
    /// The radar's text alternative: `{values}`.
    radar_alt: "Radar chart of your trust factors, each from 5 to 25: {values}.",
    /// The quotient scale's text alternative: `{tq}` between `{min}` and `{max}`, `{reference}`.
    scale_alt: "Your trust quotient {tq} on a scale from {min} to {max}.",
    /// The reader's mark on the scale: `{value}`.
    you_value: "You {value}",
    /// The heat map's text alternative: `{strongest}`, `{weakest}`.
    heat_alt: "Heat map of twenty scores. Strongest: {strongest}. Weakest: {weakest}.",
    /// Opens the numbers as a table.
    as_table: "Show the numbers as a table",
    /// Banner over a shared result.
    shared_banner: "A result someone shared with you. It is shown here only; nothing is saved in your browser.",
    /// Leave a shared result for one's own quiz.
    take_yourself: "Take this quiz yourself",
    /// A shared result whose code cannot be read.
    shared_damaged: "This link to a result is damaged: a character may be missing or wrong. Ask the person who sent it to copy it again.",
    /// On a grid result, the reader's priority: `{choice}`.
    your_priority: "What you would address first: {choice}.",
    /// Column: range.
    range: "Range",
    /// What follows a label before its text: ": " in English, " : " in French.
    colon: ": ",
    /// A refused code: damaged.
    others_refused_damaged: "not a readable code for this questionnaire (a character may be wrong or missing)",
    /// A refused code: another questionnaire's.
    others_refused_instrument: "an answer about another questionnaire",
    /// A refused code: another version of this questionnaire.
    others_refused_version: "an answer to another version of this questionnaire",
    /// A refused code: another request.
    others_refused_other: "an answer to someone else's link",
    /// A refused code: already in.
    others_refused_twice: "already added",
    /// A refused code: a result code.
    others_refused_result: "someone's own result code, not an answer about you",
    /// A refused rater code: another session.
    others_refused_session: "an answer for another session",
}

words_table! {
    /// The facilitator's screen's words, in one language.
    FacilitatorUi, read from FacilitatorWords, adds to Ui = Ui::of;
    /// English, the default and the fallback.
    FACILITATOR_EN, FACILITATOR_FR;
    /// Facilitator: category set titles.
    group_quadrants: "Quadrants",
    /// See `group_quadrants`.
    group_slope: "Position on the slope",
    /// See `group_quadrants`.
    group_levels: "Headline levels",
    /// See `group_quadrants`.
    group_temperaments: "Trust temperaments",
    /// See `group_quadrants`.
    group_balance: "Balance",
    /// See `group_quadrants`.
    group_bands: "Overall",
    /// See `group_quadrants`.
    group_groups: "Respondent groups",
    /// Title of what the members would address first.
    group_priority: "What should come first",
    /// Heading of the table of priorities per respondent group.
    priority_by_group: "What each group would address first",
    /// Name of the trust quotient score.
    score_tq: "Trust quotient",
    /// Name of the headline level score.
    score_level: "Headline level",
    /// Name of the consistency score.
    score_consistency: "Consistency (%)",
    /// Name of the grid's overall score.
    score_overall: "Overall",
    /// Count of invalid codes: `{n}`.
    rejected_invalid: "{n} invalid (mistyped or cut short)",
    /// Count of codes of another session: `{n}`.
    rejected_session: "{n} from another session",
    /// Count of codes of another instrument: `{n}`.
    rejected_instrument: "{n} for another quiz",
    /// Count of codes of another version: `{n}`.
    rejected_version: "{n} for another version of this quiz",
    /// Count of duplicates: `{n}`.
    rejected_duplicate: "{n} duplicate(s)",
    /// Count of results too often "does not apply" to score: `{n}`.
    rejected_unscored: "{n} with too few answers that applied to score",
    /// "Does not apply" answers among the members: `{n}`.
    group_not_applicable: "{n} answer(s) in all were “does not apply” and left out of the scores.",
    /// Why: too few answers applied.
    why_unscored: "too few answers applied to score it",
    /// Why: another session.
    why_other_session: "from another session",
    /// Why: another instrument.
    why_other_instrument: "for another quiz",
    /// Why: another version.
    why_other_version: "for another version of this quiz",
    /// Why: pasted before.
    why_duplicate: "pasted before",
    /// Opens the list of codes left out: `{n}`.
    rejected_list: "Show the {n} code(s) left out",
    /// `{n}` more not listed.
    and_more: "… and {n} more.",
    /// Heading of the group's scores.
    group_scores: "Scores",
    /// Column: spread.
    spread: "Spread (SD)",
    /// Heading of the distributions.
    group_distribution: "How the group is spread",
    /// The session line: `{session}`.
    group_session: "Session: {session}",
    /// Heat map of one group: `{group}`, `{n}`.
    heat_group: "{group} ({n})",
    /// Text alternative of the difference heat map.
    heat_difference: "Difference between the two groups, cell by cell",
    /// Heading of the comparison.
    heat_compare: "Compare two groups (first minus second)",
    /// First group to compare.
    group_a: "First",
    /// Second group to compare.
    group_b: "Second",
    /// Heat map of everyone: `{n}`.
    heat_everyone: "Everyone ({n})",
    /// Heading of the heat maps.
    group_heat: "Heat maps",
    /// Size of the group: `{n}`.
    group_count: "{n} code(s) in the group.",
    /// Time taken: `{ms}`.
    group_time: "Computed in {ms} ms in this browser.",
    /// Export button.
    export_csv: "Export the group as CSV",
    /// Facilitator heading: `{title}`.
    facilitator_title: "Group profile: {title}",
    /// What the facilitator screen does.
    facilitator_help: "Give attendees the link or QR code below. When they finish, each sees a short result code. Paste the codes here (one per line, or a whole chat) to see the group at once. Nothing leaves this browser and no names are needed.",
    /// Label of the instrument choice.
    facilitator_instrument: "Quiz",
    /// Label of the session tag.
    session_tag: "Session tag",
    /// Before the attendee link.
    attendees_open: "Attendees open:",
    /// Text alternative of the attendee QR code.
    attendee_qr_alt: "QR code of the attendee link",
    /// The box for codes and the group's report could not be downloaded.
    codes_unloaded: "The box for result codes could not be downloaded. Check the connection and try again; the link above works meanwhile.",
    /// Label of the paste box.
    paste_codes: "Result codes",
    /// Load codes from a file.
    load_codes: "Load codes from a file",
    /// Codes taken in bulk: `{n}` lines.
    bulk_note: "{n} lines of codes taken in bulk (not shown in the box).",
    /// While codes taken in bulk are read: `{percent}` of them read so far.
    bulk_reading: "Reading the codes taken in bulk: {percent}%.",
    /// Clear.
    clear: "Clear",
    /// Why a code is invalid: a mistyped or missing character.
    why_checksum: "a character is mistyped or missing",
    /// Why a code is invalid: too short or too long.
    why_length: "too short or too long",
    /// Why a code is invalid: characters no code has.
    why_characters: "holds characters no code has",
    /// Facilitator: heading of the group's own view against others'.
    group_others_title: "The group's own view and others' view",
    /// What the table shows.
    group_others_help: "Each member's own scores beside the scores that the people they asked gave them, as means. Rater codes of this session are taken from the same paste.",
    /// Fewer than three raters' codes: `{n}`.
    group_others_waiting: "{n} raters' codes so far: others' view shows from 3 on.",
    /// Column: the group's own mean.
    group_others_own: "Group's own (mean)",
    /// Column: the raters' mean.
    group_others_mean: "Others (mean)",
    /// How many members and raters: `{members}`, `{raters}`.
    group_others_count: "{members} members' own results, {raters} raters' codes.",
    /// How many rater codes were left out: `{n}`.
    group_others_refused: "Rater codes left out: {n}",
}

words_table! {
    /// A reader's own tools in the full bundle, in one language: retaking, history,
    /// sharing, others' view, the data controls, a rater's screens.
    ReaderUi, read from ReaderWords, adds to Ui = Ui::of;
    /// English, the default and the fallback.
    READER_EN, READER_FR;
    /// Retake button.
    retake: "Take it again",
    /// When the result was saved: `{date}`.
    saved_on: "Saved in this browser on {date}.",
    /// A day: `{day}` of `{month}` (one of `months`) in `{year}`.
    date_words: "{day} {month} {year}",
    /// The months' names, January first, separated by spaces.
    months: "January February March April May June July August September October November December",
    /// How the first day of a month is written, where the language writes it differently.
    first_day: "1",
    /// Heading of the earlier results.
    history: "Your earlier results on this device",
    /// Label of a result from an earlier version: `{v}`.
    earlier_version: "earlier version {v}",
    /// Where results are kept, and why export matters.
    saved_here: "Your answers and results are saved only in this browser. Browsers may clear them (private windows when closed, Safari after seven days without a visit), so export a copy to keep them.",
    /// Import button.
    import: "Import results",
    /// Delete button.
    delete: "Delete my data",
    /// Name of the delete confirmation.
    delete_title: "Confirm deletion",
    /// The delete confirmation's question.
    delete_question: "Delete every answer and result this quiz saved in this browser? This cannot be undone.",
    /// The button that deletes.
    delete_confirm: "Delete everything",
    /// Cancel.
    cancel: "Cancel",
    /// Shown when a result comes from an earlier version of the instrument.
    older_result: "This result comes from an earlier version of this quiz, so only its headline and scores were kept:",
    /// Print button.
    print: "Print",
    /// Heading of the share panel.
    share_title: "Keep or share this result",
    /// What the code is and is not.
    share_help: "The code holds your answers and nothing else: no name, no e-mail. Copy it, read it out to a facilitator, or open the link on another device to see this result.",
    /// The code carries a session tag: `{session}`.
    session_tagged: "Tagged for session {session}.",
    /// Copy the code.
    copy_code: "Copy code",
    /// Confirmation after copying the code.
    copied_code: "Code copied.",
    /// Label of the share link.
    share_link: "Link to this result",
    /// Copy the link.
    copy_link: "Copy link",
    /// Confirmation after copying the link.
    copied_link: "Link copied.",
    /// The clipboard refused.
    copy_failed: "Copying is not allowed here: select the text and copy it yourself.",
    /// The QR code's text alternative.
    qr_alt: "QR code of the link to this result",
    /// The trend's text alternative: `{n}` results, `{values}`.
    trend_alt: "Trend of your last {n} results: {values}.",
    /// Said by the live region when a result appears: `{headline}`.
    result_ready: "Your result is ready: {headline}.",
    /// A rater's last screen, heading: `{name}`, who asked.
    rater_done_title: "Thank you. Now send this code to {name}",
    /// How to send it: `{name}`.
    rater_done_help: "Copy the code and send it to {name} by chat, mail or text message, or let {name} scan it. It holds your answers and nothing about you: {name} sees them only among at least two other people's.",
    /// Alternative text of the rater code's QR code.
    rater_qr_alt: "QR code of your answers' code",
    /// Nothing kept.
    rater_nothing_kept: "Nothing was kept in this browser: close the page when the code is sent.",
    /// Said when a rater's code is ready.
    rater_ready: "Your code is ready to send.",
    /// Heading of others' view on a result.
    others_title: "Ask others how they see you",
    /// What asking others does.
    others_help: "Send a link to three or more colleagues or clients. Each answers the same questions about you and sends you back a code. From three answers on, you see their view beside yours: never one person's answers, and no names.",
    /// Label of the name raters see.
    others_name: "Your first name, as they will see it (optional)",
    /// Button that makes the request.
    others_ask: "Make my link",
    /// Above the link.
    others_send: "Send this link to the people you ask, by chat, mail or text message. Paste the codes they send back below.",
    /// Who raters see named: `{name}`.
    others_named: "They will be asked about {name}.",
    /// Label of the link.
    others_link: "Link for the people you ask",
    /// Alternative text of the link's QR code.
    others_qr_alt: "QR code of the link for the people you ask",
    /// Label of the box for codes.
    others_paste: "Paste the codes you received (a whole message will do)",
    /// Button that adds pasted codes.
    others_add: "Add codes",
    /// How many codes a paste added: `{n}`.
    others_added: "Codes added: {n}.",
    /// Below the threshold: `{n}` in, `{least}` needed, `{needed}` more.
    others_waiting: "{n} answers in. Others' view shows from {least} on: waiting for {needed} more.",
    /// Heading of the comparison: `{n}` raters.
    others_seen_by: "How {n} people see you",
    /// How the two views are drawn.
    others_legend: "Filled: your own view. Dashed or hollow: the mean of the others' view.",
    /// Table column: the part.
    others_part: "Part",
    /// Table column: own score.
    others_you: "You",
    /// Table column: others' mean.
    others_mean: "Others (mean)",
    /// Table column: others' spread.
    others_spread: "Spread (±)",
    /// A part too few raters could score.
    others_too_few: "too few answers",
    /// A gap others see more of: `{part}`, `{gap}` points.
    others_see_more: "Others see more {part} in you than you do ({gap} points).",
    /// A gap the reader sees more of: `{part}`, `{gap}` points.
    you_see_more: "You see more {part} in yourself than others do ({gap} points).",
    /// No gap large enough to name.
    others_no_gap: "Others see you much as you see yourself: no difference reaches a tenth of the scale.",
    /// The map with both views: `{x}`, `{y}`, `{own_x}`, `{own_y}`, `{others_x}`, `{others_y}`.
    others_map_alt: "Map of {x} against {y}: you at {own_x} and {own_y}, others' mean at {others_x} and {others_y}",
    /// The slope with both views: `{own}`, `{others}` (station names).
    others_slope_alt: "The slope: you at {own}, others' mean at {others}",
    /// The radar with both views: `{n}` raters.
    others_radar_alt: "Radar of the four factors: your own shape, and the mean of {n} people's view as a dashed outline",
    /// A link to rate someone that cannot be read.
    rate_link_damaged: "This link to give your view of someone is damaged. Ask them to send it again.",
    /// A link to rate someone made with a version of the questionnaire this page does not read.
    rate_other_version: "This link was made for another version of this questionnaire. Ask for a new link.",
    /// A link to rate someone on an instrument others cannot answer.
    rate_not_offered: "This questionnaire cannot be answered about someone else.",
    /// The latest value in a trend's legend: `{value}`.
    latest: "latest {value}",
}

/// Every table, English first.
pub const TABLES: &[&UiWords] = &[&EN, &FR];

/// Every facilitator's table, English first.
pub const FACILITATOR_TABLES: &[&FacilitatorWords] = &[&FACILITATOR_EN, &FACILITATOR_FR];

/// Every reader's table, English first.
pub const READER_TABLES: &[&ReaderWords] = &[&READER_EN, &READER_FR];

/// The words for `locale`: an exact match, else its language, else English.
///
/// ```
/// assert_eq!(candor_widget::text::ui("fr-CA").locale(), "fr");
/// assert_eq!(candor_widget::text::ui("de").locale(), "en");
/// ```
pub fn ui(locale: &str) -> &'static Ui {
    Ui::of(Lang::of(locale))
}

/// The facilitator's words for `locale`, picked as [`ui`] picks.
///
/// ```
/// assert_eq!(candor_widget::text::facilitator("fr-CA").locale(), "fr");
/// ```
pub fn facilitator(locale: &str) -> &'static FacilitatorUi {
    FacilitatorUi::of(Lang::of(locale))
}

/// A reader's words for `locale`, picked as [`ui`] picks.
///
/// ```
/// assert_eq!(candor_widget::text::reader("fr").locale(), "fr");
/// assert_eq!(candor_widget::text::reader("de").locale(), "en");
/// ```
pub fn reader(locale: &str) -> &'static ReaderUi {
    ReaderUi::of(Lang::of(locale))
}

impl ReaderUi {
    /// A day as these words write it: `month` from 1 (January) to 12, `day` from 1.
    ///
    /// ```
    /// use candor_widget::text::reader;
    /// assert_eq!(reader("en").date(2026, 12, 7), "7 December 2026");
    /// assert_eq!(reader("fr").date(2027, 8, 1), "1er août 2027");
    /// ```
    pub fn date(&self, year: i32, month: u32, day: u32) -> String {
        let name = (month.checked_sub(1))
            .and_then(|index| self.months().split(' ').nth(index as usize))
            .unwrap_or_default();
        let day = if day == 1 {
            self.first_day().to_owned()
        } else {
            day.to_string()
        };
        fill(
            self.date_words(),
            &[("day", &day), ("month", name), ("year", &year.to_string())],
        )
    }
}

impl Ui {
    /// Why a code given as someone's view was left out.
    pub fn refusal(&self, why: &Refusal) -> &'static str {
        match why {
            Refusal::Invalid(CodeError::OtherInstrument) => self.others_refused_instrument(),
            Refusal::Invalid(CodeError::OtherVersion) => self.others_refused_version(),
            Refusal::Invalid(_) => self.others_refused_damaged(),
            Refusal::OtherRequest => self.others_refused_other(),
            Refusal::Duplicate => self.others_refused_twice(),
            Refusal::ResultCode => self.others_refused_result(),
            Refusal::OtherSession => self.others_refused_session(),
        }
    }

    /// A number held in tenths, with one decimal: `74` → `7.4` (`7,4` in French).
    ///
    /// ```
    /// use candor_widget::text::ui;
    /// assert_eq!(ui("en").tenths(74), "7.4");
    /// assert_eq!(ui("fr").tenths(150), "15,0");
    /// ```
    pub fn tenths(&self, value: i32) -> String {
        let sign = if value < 0 { "-" } else { "" };
        let v = value.unsigned_abs();
        format!("{sign}{}{}{}", v / 10, self.decimal(), v % 10)
    }

    /// A number with at most one decimal and no trailing zero: `21.0` → `21`, `6.06` → `6.1`.
    ///
    /// ```
    /// use candor_widget::text::ui;
    /// assert_eq!(ui("en").number(21.0), "21");
    /// assert_eq!(ui("fr").number(6.06), "6,1");
    /// ```
    pub fn number(&self, value: f64) -> String {
        candor_core::decimal::decimal(value, 1, self.decimal())
    }
}
