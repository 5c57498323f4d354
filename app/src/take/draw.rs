//! What the small bundle draws: the widget's frame, the notices, and the intro, group and
//! question screens, with the markup of the full bundle's Leptos views (the e2e test "the
//! small bundle draws what the full bundle draws" compares them, and the first screen's
//! snapshots are taken from this bundle).
//!
//! A new step (one the reader took, or another tab's that moved their attempt on) draws the
//! screen anew, as the full bundle rebuilds a screen when its step changes; anything else
//! (an answer chosen, another tab's answers, a notice) brings the drawn screen up to date
//! in place, so focus stays where it is.

use std::rc::Rc;

use candor_core::definition::ItemKind;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

use super::dom::{El, focus_soon};
use super::quiz::{Quiz, State};
use crate::steps::{self, Message, Screen};
use crate::text::fill;

/// What is drawn of a quiz, kept to bring it up to date.
#[derive(Default)]
pub struct View {
    /// The widget's frame (`div.cq`).
    root: Option<HtmlElement>,
    /// The live region of the notices, which the step follows, once the quiz is built.
    region: Option<Element>,
    /// The list of notices.
    notices: Option<Element>,
    /// The messages the list shows.
    shown: Vec<Message>,
    /// The screen on show.
    step: Option<Element>,
    /// Which step it shows: the screen, and on a question its position and the option
    /// order's seed.
    drawn: Option<(Screen, u16, u32)>,
    /// The intro's Start (or Continue) button.
    start: Option<Element>,
    /// The step's Next button.
    next: Option<Element>,
    /// The step's radio buttons, with their values.
    radios: Vec<(u8, HtmlInputElement)>,
    /// "Loading your result…" under a question, or in place of a result.
    status: Option<Element>,
}

impl View {
    /// A view of a quiz not built yet, drawn into `root`.
    pub fn new(root: HtmlElement) -> Self {
        Self {
            root: Some(root),
            ..Self::default()
        }
    }

    /// Whether the quiz's screen is built.
    pub fn is_built(&self) -> bool {
        self.notices.is_some()
    }
}

fn document(root: &HtmlElement) -> Option<Document> {
    root.owner_document()
}

/// Builds the quiz's screen: the live region, the notices and the current step.
pub fn build(quiz: &Rc<Quiz>) {
    {
        let mut view = quiz.view.borrow_mut();
        let Some(root) = view.root.clone() else {
            return;
        };
        let Some(doc) = document(&root) else {
            return;
        };
        let announce = El::new(&doc, "p", "cq-visually-hidden")
            .attr("role", "status")
            .attr("aria-live", "polite")
            .attr("data-testid", "announce");
        let notices = El::new(&doc, "ul", "cq-notices");
        let region = El::new(&doc, "div", "")
            .attr("role", "status")
            .attr("aria-live", "polite");
        let _ = region.0.append_child(&notices.0);
        let _ = root.append_child(&announce.0);
        let _ = root.append_child(&region.0);
        view.region = Some(region.0);
        view.notices = Some(notices.0);
    }
    follow(quiz);
}

/// Has the view follow the quiz's state.
pub fn follow(quiz: &Rc<Quiz>) {
    let asks_for_full = {
        let mut view = quiz.view.borrow_mut();
        let mut state = quiz.state.borrow_mut();
        let Some(doc) = view.root.as_ref().and_then(document) else {
            return;
        };
        if view.shown != state.messages {
            draw_notices(&doc, &mut view, quiz, &state.messages);
        }
        let mut asks = false;
        // A step the reader took, or another tab or widget that moved their attempt on or
        // replaced it.
        if view.drawn != Some(drawn(&state)) {
            let target = draw_step(&doc, &mut view, quiz, &state);
            if let Some(target) = target
                && state.focus
            {
                state.focus = false;
                focus_soon(target);
            }
            asks = matches!(state.screen, Screen::Result | Screen::Shared);
        }
        refresh(&doc, &mut view, quiz, &state);
        asks
    };
    // Results are the full bundle's: a quiz that opens on one, or whose attempt was
    // finished in another tab, hands over to it.
    if asks_for_full {
        quiz.hand_over(None);
    }
}

/// Draws the list of notices anew.
fn draw_notices(doc: &Document, view: &mut View, quiz: &Quiz, messages: &[Message]) {
    let Some(list) = &view.notices else {
        return;
    };
    let ui = quiz.ui;
    list.set_text_content(None);
    for message in messages {
        let mut row = El::new(doc, "li", "cq-notice")
            .attr("data-testid", "notice")
            .child(El::new(doc, "span", "").text(&message.describe(ui)));
        if *message == Message::Unloaded {
            row = row.child(button(doc, "cq-retry").text(ui.try_again));
        }
        row = row.child(
            button(doc, "cq-dismiss")
                .attr("aria-label", ui.dismiss)
                .text("×"),
        );
        let _ = list.append_child(&row.0);
    }
    view.shown = messages.to_vec();
}

fn button(doc: &Document, class: &str) -> El {
    El::new(doc, "button", class).attr("type", "button")
}

/// Draws the current step in place of the one on show; gives the element focus goes to.
fn draw_step(doc: &Document, view: &mut View, quiz: &Quiz, state: &State) -> Option<HtmlElement> {
    view.start = None;
    view.next = None;
    view.radios.clear();
    view.status = None;
    view.drawn = Some(drawn(state));
    // The step is what follows the notices in the frame.
    while let Some(old) = view.region.as_ref().and_then(Element::next_element_sibling) {
        old.remove();
    }
    view.step = None;
    let (step, target) = match state.screen {
        Screen::Intro => intro(doc, view, quiz, state),
        Screen::Group => group(doc, view, quiz),
        Screen::Question => question(doc, view, quiz, state),
        // In its place, what `refresh` says while the full bundle is on its way.
        Screen::Result | Screen::Shared => return None,
    };
    if let Some(root) = &view.root {
        let _ = root.append_child(&step);
    }
    view.step = Some(step);
    target
}

/// What decides which step is drawn: the screen, and on a question its position and the
/// option order's seed.
fn drawn(state: &State) -> (Screen, u16, u32) {
    match state.screen {
        Screen::Question => (state.screen, state.progress.position, state.progress.seed),
        screen => (screen, 0, 0),
    }
}

/// "Loading your result…", as a status line.
fn loading_result(doc: &Document, quiz: &Quiz) -> Element {
    El::new(doc, "p", "cq-meta")
        .attr("role", "status")
        .attr("data-testid", "upgrading")
        .text(quiz.ui.loading_result)
        .0
}

fn intro(
    doc: &Document,
    view: &mut View,
    quiz: &Quiz,
    state: &State,
) -> (Element, Option<HtmlElement>) {
    let (instrument, ui) = (&quiz.instrument, quiz.ui);
    let meta = fill(
        ui.meta,
        &[
            ("questions", &instrument.items.len().to_string()),
            ("minutes", &instrument.minutes.to_string()),
        ],
    );
    let heading = El::new(doc, "h2", "cq-title")
        .attr("tabindex", "-1")
        .text(&instrument.title)
        .html();
    let start = button(doc, "cq-primary")
        .attr("data-testid", "start")
        .text(&start_label(quiz, state));
    view.start = Some(start.0.clone());
    // The reader's data controls are the full bundle's: opening them hands over.
    let data = El::new(doc, "details", "cq-more")
        .attr("data-testid", "intro-data")
        .child(El::new(doc, "summary", "").text(ui.your_data))
        .child(El::new(doc, "p", "cq-meta").text(ui.loading));
    let section = El::new(doc, "section", "cq-step cq-intro")
        .attr("data-testid", "intro")
        .child(El(heading.clone().into()))
        .child(El::new(doc, "p", "cq-lead").text(&instrument.intro))
        .child(El::new(doc, "p", "cq-meta").text(&meta))
        .child(El::new(doc, "p", "cq-private").text(ui.private))
        .child(start)
        .child(data);
    (section.0, Some(heading))
}

/// Start, or Continue at the question to resume at when answers are saved.
fn start_label(quiz: &Quiz, state: &State) -> String {
    let p = &state.progress;
    if p.answers.iter().any(Option::is_some) {
        fill(quiz.ui.resume, &[("n", &(p.position + 1).to_string())])
    } else {
        quiz.ui.start.to_owned()
    }
}

fn group(doc: &Document, view: &mut View, quiz: &Quiz) -> (Element, Option<HtmlElement>) {
    let ui = quiz.ui;
    let Some(groups) = quiz.instrument.groups() else {
        let error = El::new(doc, "p", "cq-error").text(ui.choose_first);
        return (error.0, None);
    };
    let legend = El::new(doc, "legend", "cq-legend")
        .attr("tabindex", "-1")
        .child(El::new(doc, "span", "cq-prompt").text(&groups.question))
        .html();
    let choices = groups
        .options
        .iter()
        .enumerate()
        .map(|(i, g)| (i as u8, g.name.as_str()));
    let name = format!("cq{}-group", quiz.uid);
    let fieldset = El::new(doc, "fieldset", "cq-fieldset")
        .child(El(legend.clone().into()))
        .child(choice_list(doc, view, &name, choices));
    let step = El::new(doc, "div", "cq-step")
        .attr("data-testid", "group")
        .child(fieldset)
        .child(nav(doc, view, quiz, ui.next, false));
    (step.0, Some(legend))
}

fn question(
    doc: &Document,
    view: &mut View,
    quiz: &Quiz,
    state: &State,
) -> (Element, Option<HtmlElement>) {
    let (instrument, ui) = (&quiz.instrument, quiz.ui);
    let total = instrument.items.len();
    let index = usize::from(state.progress.position).min(total.saturating_sub(1));
    let Some(item) = instrument.items.get(index) else {
        let error = El::new(doc, "p", "cq-error").text(ui.choose_first);
        return (error.0, None);
    };
    let (labels, period): (Vec<&str>, _) = match &item.kind {
        ItemKind::Rated { scale, .. } => (
            instrument
                .scales
                .get(*scale)
                .map(|s| s.options.iter().map(|o| o.label.as_str()).collect())
                .unwrap_or_default(),
            instrument.period.as_deref(),
        ),
        ItemKind::Levels { options } => (options.iter().map(|o| o.text.as_str()).collect(), None),
    };
    let choices = steps::display_order(instrument, state.progress.seed, index)
        .into_iter()
        .filter_map(|k| Some((k, *labels.get(usize::from(k))?)));
    let progress_label = fill(
        ui.progress,
        &[
            ("n", &(index + 1).to_string()),
            ("total", &total.to_string()),
        ],
    );
    let progress = El::new(doc, "div", "cq-progress")
        .child(
            El::new(doc, "span", "cq-progress-label")
                .attr("data-testid", "progress")
                .text(&progress_label),
        )
        .child(
            El::new(doc, "progress", "cq-progress-bar")
                .attr("max", &total.to_string())
                .attr("value", &(index + 1).to_string())
                .attr("aria-hidden", "true"),
        );
    let mut legend = El::new(doc, "legend", "cq-legend").attr("tabindex", "-1");
    if let Some(period) = period {
        legend = legend.child(El::new(doc, "span", "cq-period").text(period));
    }
    let legend = legend
        .child(
            El::new(doc, "span", "cq-prompt")
                .attr("data-testid", "prompt")
                .text(&item.text),
        )
        .html();
    let name = format!("cq{}-q{}", quiz.uid, index);
    let fieldset = El::new(doc, "fieldset", "cq-fieldset")
        .child(El(legend.clone().into()))
        .child(choice_list(doc, view, &name, choices));
    let last = index + 1 == total;
    let step = El::new(doc, "div", "cq-step cq-question")
        .attr("data-testid", "question")
        .attr("data-index", &index.to_string())
        .child(progress)
        .child(fieldset)
        .child(nav(
            doc,
            view,
            quiz,
            if last { ui.finish } else { ui.next },
            true,
        ));
    (step.0, Some(legend))
}

/// One radio button per choice, each inside its label so the whole row is the target.
fn choice_list<'a>(
    doc: &Document,
    view: &mut View,
    name: &str,
    choices: impl Iterator<Item = (u8, &'a str)>,
) -> El {
    let rows = choices.map(|(value, label)| {
        let input = El::new(doc, "input", "cq-radio")
            .attr("type", "radio")
            .attr("name", name)
            .attr("value", &value.to_string());
        view.radios.push((value, input.0.clone().unchecked_into()));
        El::new(doc, "label", "cq-choice")
            .child(input)
            .child(El::new(doc, "span", "cq-choice-label").text(label))
    });
    let rows: Vec<El> = rows.collect();
    El::new(doc, "div", "cq-choices").children(rows)
}

/// Back and Next (Next disabled until the step has its answer).
fn nav(doc: &Document, view: &mut View, quiz: &Quiz, next_label: &str, on_question: bool) -> El {
    let mut back = button(doc, "cq-secondary");
    if on_question {
        back = back.attr("data-testid", "back");
    }
    let next = button(doc, "cq-primary")
        .attr("data-testid", "next")
        .text(next_label);
    view.next = Some(next.0.clone());
    El::new(doc, "div", "cq-nav")
        .child(back.text(quiz.ui.back))
        .child(next)
}

/// Brings what can change on the drawn screen up to date: the chosen option, Next, the
/// intro's button, and whether a result is on its way.
fn refresh(doc: &Document, view: &mut View, quiz: &Quiz, state: &State) {
    let selected = steps::chosen(state.screen, &state.progress);
    for (value, input) in &view.radios {
        input.set_checked(selected == Some(*value));
    }
    if let Some(next) = &view.next {
        if selected.is_some() {
            let _ = next.remove_attribute("disabled");
        } else {
            let _ = next.set_attribute("disabled", "");
        }
    }
    if let Some(start) = &view.start {
        start.set_text_content(Some(&start_label(quiz, state)));
    }
    // Under the last question once the reader asked for their result, and in place of a
    // result, while the full bundle is on its way (not once it could not be downloaded: a
    // notice says that).
    let (wanted, parent) = match state.screen {
        Screen::Question => (state.result_on_its_way(), view.step.clone()),
        Screen::Result | Screen::Shared => (!state.unloaded(), view.root.clone().map(Into::into)),
        Screen::Intro | Screen::Group => (false, None),
    };
    match (&view.status, wanted, parent) {
        (None, true, Some(parent)) => {
            let status = loading_result(doc, quiz);
            let _ = parent.append_child(&status);
            view.status = Some(status);
        }
        (Some(status), false, _) => {
            status.remove();
            view.status = None;
        }
        _ => {}
    }
}
