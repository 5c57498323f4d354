//! The taking screens of a quiz, drawn from its state.
//!
//! * [`frame`] is everything inside the widget's outer box: the live region, the notices and
//!   the step on show (intro, group question or question).
//! * A step carries a key (screen, position, option order). A new step is drawn anew, so a
//!   screen reader meets new content; an answer or a notice updates it in place.
//! * After a step, focus goes to the step's one `tabindex="-1"` element (heading or legend),
//!   in both bundles and on the first screen.
//! * Results and data controls are the full bundle's. Where they cannot be shown
//!   ([`Frame::full`] false), the screen says they are on their way.

use candor_core::questions::Questions;
use candor_core::quiz::{Message, Quiz, Screen};
use candor_core::vault::{Notice, SetAsideReason};

use crate::node::{Node, el};
use crate::text::{Ui, fill};

/// What a frame is drawn from.
pub struct Frame<'a> {
    /// The quiz's state.
    pub quiz: &'a Quiz,
    /// Its questions.
    pub questions: &'a Questions,
    /// The interface's words.
    pub ui: &'static Ui,
    /// A number unique to the widget on its page, for the radio groups' names.
    pub uid: u32,
    /// What the live region says (a new result, for screen readers).
    pub announce: &'a str,
    /// Whether this copy of the widget shows results and data controls itself.
    pub full: bool,
    /// Whether the quiz keeps records in the browser; a rater's keeps none, and has no data
    /// controls.
    pub keeps: bool,
}

/// Where the full bundle puts what it draws itself, by `data-slot`.
pub mod slot {
    /// The reader's data controls, inside the intro's "Your data".
    pub const DATA: &str = "data";
}

/// Says that a part of the widget could not be downloaded (`what`), and offers to try
/// again (a `button.cq-retry`, `data-testid="retry"`): the small bundle waiting for a
/// later one, the facilitator's screen's top waiting for the rest.
pub fn unloaded(what: &str, ui: &Ui) -> [Node; 2] {
    [
        el("p", "cq-error")
            .attr("role", "alert")
            .attr("data-testid", "unloaded")
            .text(what),
        el("button", "cq-retry")
            .attr("type", "button")
            .attr("data-testid", "retry")
            .text(ui.try_again()),
    ]
}

/// The words for `message`.
pub fn describe(message: &Message, ui: &Ui) -> String {
    match message {
        Message::Storage(Notice::InMemory) => ui.storage_unavailable().to_owned(),
        Message::Storage(Notice::SetAside { backup, reason, .. }) => {
            let why = match reason {
                SetAsideReason::Unreadable(_) => ui.why_unreadable(),
                SetAsideReason::Newer(_) => ui.why_newer(),
                SetAsideReason::Mismatch => ui.why_mismatch(),
            };
            fill(ui.set_aside(), &[("why", why), ("key", backup)])
        }
        Message::Storage(Notice::LeftAlone { .. }) => ui.left_alone().to_owned(),
        Message::Storage(Notice::Restarted { .. }) => ui.restarted().to_owned(),
        Message::Storage(Notice::Pruned(n)) => fill(ui.pruned(), &[("n", &n.to_string())]),
        Message::Storage(Notice::NotSaved) => ui.not_saved().to_owned(),
        Message::Storage(Notice::SavedAgain) => ui.saved_again().to_owned(),
        Message::Imported(n) => fill(ui.imported(), &[("n", &n.to_string())]),
        Message::ImportFailed(why) => fill(ui.import_failed(), &[("why", why)]),
        Message::Deleted => ui.deleted().to_owned(),
        Message::Unloaded => ui.load_failed().to_owned(),
    }
}

/// Everything inside the widget's outer box: the live region, the notices and the step.
pub fn frame(f: &Frame) -> Vec<Node> {
    let announce = el("p", "cq-visually-hidden")
        .attr("role", "status")
        .attr("aria-live", "polite")
        .attr("data-testid", "announce")
        .maybe((!f.announce.is_empty()).then(|| Node::Text(f.announce.to_owned())));
    let region = el("div", "")
        .attr("role", "status")
        .attr("aria-live", "polite")
        .child(notices(f));
    let step = match f.quiz.screen() {
        Screen::Intro => Some(intro(f)),
        Screen::Group => Some(group(f)),
        Screen::Question => Some(question(f)),
        // In place of a result, until the full bundle draws it.
        Screen::Result | Screen::Shared if !f.full && !f.quiz.unloaded() => {
            Some(loading_result(f.ui).key("loading".to_owned()))
        }
        Screen::Result | Screen::Shared => None,
    };
    let mut nodes = vec![announce, region];
    nodes.extend(step);
    nodes
}

fn button(class: &str) -> Node {
    el("button", class).attr("type", "button")
}

fn notices(f: &Frame) -> Node {
    let rows = f.quiz.messages().iter().map(|message| {
        let retry =
            (*message == Message::Unloaded).then(|| button("cq-retry").text(f.ui.try_again()));
        el("li", "cq-notice")
            .attr("data-testid", "notice")
            .child(el("span", "").text(&describe(message, f.ui)))
            .maybe(retry)
            .child(
                button("cq-dismiss")
                    .attr("aria-label", f.ui.dismiss())
                    .text("×"),
            )
    });
    el("ul", "cq-notices").children(rows)
}

/// "Loading your result…", as a status line.
fn loading_result(ui: &Ui) -> Node {
    el("p", "cq-meta")
        .attr("role", "status")
        .attr("data-testid", "upgrading")
        .text(ui.loading_result())
}

fn intro(f: &Frame) -> Node {
    let (q, ui) = (f.questions, f.ui);
    let meta = fill(
        ui.meta(),
        &[
            ("questions", &q.len().to_string()),
            ("minutes", &q.minutes().to_string()),
        ],
    );
    let progress = f.quiz.progress();
    let label = if progress.answers.iter().any(Option::is_some) {
        fill(ui.resume(), &[("n", &(progress.position + 1).to_string())])
    } else {
        ui.start().to_owned()
    };
    let data = if f.full {
        el("div", "").attr("data-slot", slot::DATA)
    } else {
        el("p", "cq-meta").text(ui.loading())
    };
    let controls = f.keeps.then(|| {
        el("details", "cq-more")
            .attr("data-testid", "intro-data")
            .flag("open", f.quiz.data_open())
            .child(el("summary", "").text(ui.your_data()))
            .child(data)
    });
    el("section", "cq-step cq-intro")
        .attr("data-testid", "intro")
        .key("intro".to_owned())
        .child(el("h2", "cq-title").attr("tabindex", "-1").text(q.title()))
        .child(el("p", "cq-lead").text(q.intro()))
        .child(el("p", "cq-meta").text(&meta))
        .maybe(f.keeps.then(|| el("p", "cq-private").text(ui.private())))
        .child(
            button("cq-primary")
                .attr("data-testid", "start")
                .text(&label),
        )
        .maybe(controls)
}

/// One radio button per `(value, label)`, each inside its label so the row is the target.
/// Radio buttons named `name`, one per `(value, label)`; a value from `apart` on is drawn
/// set apart from the scale ("does not apply").
fn choices<'a>(
    name: &str,
    chosen: Option<u8>,
    apart: Option<u8>,
    choices: impl Iterator<Item = (u8, &'a str)>,
) -> Node {
    el("div", "cq-choices").children(choices.map(|(value, label)| {
        let class = if apart.is_some_and(|a| value >= a) {
            "cq-choice cq-choice-apart"
        } else {
            "cq-choice"
        };
        el("label", class)
            .child(
                el("input", "cq-radio")
                    .attr("type", "radio")
                    .attr("name", name)
                    .attr("value", &value.to_string())
                    .checked(chosen == Some(value)),
            )
            .child(el("span", "cq-choice-label").text(label))
    }))
}

/// Back and Next; Next is disabled until the step has its answer.
fn nav(ui: &Ui, next: &str, chosen: Option<u8>) -> Node {
    el("div", "cq-nav")
        .child(
            button("cq-secondary")
                .attr("data-testid", "back")
                .text(ui.back()),
        )
        .child(
            button("cq-primary")
                .attr("data-testid", "next")
                .flag("disabled", chosen.is_none())
                .text(next),
        )
}

fn group(f: &Frame) -> Node {
    let ui = f.ui;
    let Some(groups) = f.questions.groups() else {
        return el("p", "cq-error").text(ui.choose_first());
    };
    let chosen = f.quiz.chosen();
    let names = groups.options.iter().enumerate();
    let legend = el("legend", "cq-legend")
        .attr("tabindex", "-1")
        .child(el("span", "cq-prompt").text(&groups.question));
    el("div", "cq-step")
        .attr("data-testid", "group")
        .key("group".to_owned())
        .child(el("fieldset", "cq-fieldset").child(legend).child(choices(
            &format!("cq{}-group", f.uid),
            chosen,
            None,
            names.map(|(i, name)| (i as u8, name.as_str())),
        )))
        .child(nav(ui, ui.next(), chosen))
}

fn question(f: &Frame) -> Node {
    let (q, ui) = (f.questions, f.ui);
    let progress = f.quiz.progress();
    let total = q.len();
    let index = usize::from(progress.position).min(total.saturating_sub(1));
    let Some(item) = q.items().get(index) else {
        return el("p", "cq-error").text(ui.choose_first());
    };
    let labels = q.options(index);
    let order = q.display_order(progress.seed, index);
    let not_applicable = q.not_applicable(index);
    let apart = not_applicable.map(|_| labels.len() as u8);
    let shown = order.into_iter().filter_map(|k| {
        let label = match labels.get(usize::from(k)) {
            Some(label) => label.as_str(),
            None => not_applicable?,
        };
        Some((k, label))
    });
    let (n, of) = ((index + 1).to_string(), total.to_string());
    let period = q
        .period()
        .filter(|_| q.is_rated(index))
        .map(|p| el("span", "cq-period").text(p));
    let legend = el("legend", "cq-legend")
        .attr("tabindex", "-1")
        .maybe(period)
        .child(
            el("span", "cq-prompt")
                .attr("data-testid", "prompt")
                .text(&item.text),
        );
    let chosen = f.quiz.chosen();
    let next = if index + 1 == total {
        ui.finish()
    } else {
        ui.next()
    };
    el("div", "cq-step cq-question")
        .attr("data-testid", "question")
        .attr("data-index", &index.to_string())
        .key(format!("question:{index}:{}", progress.seed))
        .child(
            el("div", "cq-progress")
                .child(
                    el("span", "cq-progress-label")
                        .attr("data-testid", "progress")
                        .text(&fill(ui.progress(), &[("n", &n), ("total", &of)])),
                )
                .child(
                    el("progress", "cq-progress-bar")
                        .attr("max", &of)
                        .attr("value", &n)
                        .attr("aria-hidden", "true"),
                ),
        )
        .child(el("fieldset", "cq-fieldset").child(legend).child(choices(
            &format!("cq{}-q{index}", f.uid),
            chosen,
            apart,
            shown,
        )))
        .child(nav(ui, next, chosen))
        .maybe(f.quiz.result_on_its_way().then(|| loading_result(ui)))
}
