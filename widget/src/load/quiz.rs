//! The full bundle's [`Show`](super::Show): a reader's quiz, with this bundle's part
//! ([`Full`]), or a rater's when the page's address asks for others' view
//! (`#candor-rate=…`) of this instrument: the instrument as raters take it, kept in memory
//! alone. Built only with the `readers` feature: the shared result's and the facilitator's
//! bundles link none of it.

use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use candor_core::definition::Instrument;
use candor_core::others::{self, Request};
use candor_core::records::Keys;
use candor_web::element::Handoff;
use candor_web::options::Options;
use candor_web::page;
use candor_web::widget::{Start, Widget};
use web_sys::HtmlElement;

use super::{Loaded, show_unread};
use crate::full::Full;
use crate::text::{ReaderUi, Ui};

static NEXT_UID: AtomicU32 = AtomicU32::new(1);

/// The namespace of a rater's records, which live in memory alone.
const RATER_NAMESPACE: &str = "rater";

/// A rater's quiz: the instrument as raters take it, the request, and who asked as raters
/// see them named.
struct RaterQuiz {
    rater: Arc<Instrument>,
    request: Request,
    name: String,
}

/// A rater's quiz, if the page's address asks for one on `instrument`; `Err` with why, for
/// a request that cannot be answered (a damaged link, or an instrument others cannot rate).
fn rater_quiz(instrument: &Instrument, ui: &'static ReaderUi) -> Option<Result<RaterQuiz, String>> {
    let (version, text) = page::rate_request(instrument.id().as_str())?;
    let messages = candor_core::messages::messages(ui.locale());
    let (Some(version), Ok(request)) = (version, Request::from_param(&text)) else {
        return Some(Err(ui.rate_link_damaged().to_owned()));
    };
    // Answers to another version could not be compared with the reader's own.
    if !instrument.reads_version(version) {
        return Some(Err(ui.rate_other_version().to_owned()));
    }
    let Some(rater) = others::for_raters(instrument, request.name.as_deref(), messages) else {
        return Some(Err(ui.rate_not_offered().to_owned()));
    };
    let name = (request.name.clone()).unwrap_or_else(|| messages.this_person.to_owned());
    Some(Ok(RaterQuiz {
        rater: Arc::new(rater),
        request,
        name,
    }))
}

/// Opens a rater's quiz in `root`, its records in memory alone.
fn open_rater(
    host: &HtmlElement,
    root: &HtmlElement,
    quiz: RaterQuiz,
    ui: &'static ReaderUi,
) -> Rc<Widget> {
    let RaterQuiz {
        rater,
        request,
        name,
    } = quiz;
    let full = Full::rating(Arc::clone(&rater), request, name, ui);
    let widget = Widget::open(
        Some(host.clone()),
        root.clone(),
        Rc::new(rater.questions()),
        Some(RATER_NAMESPACE),
        None,
        candor_view::text::of(ui.lang()),
        NEXT_UID.fetch_add(1, Ordering::Relaxed),
        Start {
            quiz: None,
            held: Vec::new(),
            vault: Some(candor_web::storage::in_memory(Keys::new(
                Some(RATER_NAMESPACE),
                rater.id().as_str(),
            ))),
        },
        Box::new(full),
    );
    widget.build_soon();
    widget
}

/// The full bundle's [`Show`](super::Show): the quiz of `instrument` (a rater's, when the
/// page's address asks for one), or why a rater's link cannot be answered.
pub fn show_quiz(
    host: &HtmlElement,
    root: &HtmlElement,
    options: &Options,
    ui: &'static Ui,
    instrument: Arc<Instrument>,
    handoff: Option<String>,
) -> (Option<Rc<Widget>>, Option<Box<dyn std::any::Any>>) {
    // Anything unreadable counts as nothing handed over.
    let handoff: Handoff = handoff
        .and_then(|h| candor_web::json::read(&h).ok())
        .unwrap_or_default();
    let ui = crate::text::reader(ui.locale());
    match rater_quiz(&instrument, ui) {
        Some(Ok(quiz)) => return (Some(open_rater(host, root, quiz, ui)), None),
        Some(Err(message)) => {
            show_unread(root, ui, Loaded::Failed(message));
            return (None, None);
        }
        None => {}
    }
    let full = Full::new(Arc::clone(&instrument), ui);
    let taking_over = handoff.quiz.is_some();
    let widget = Widget::open(
        Some(host.clone()),
        root.clone(),
        Rc::new(instrument.questions()),
        options.namespace.as_deref(),
        options.session.clone(),
        candor_view::text::of(ui.lang()),
        NEXT_UID.fetch_add(1, Ordering::Relaxed),
        Start {
            quiz: handoff.quiz,
            held: handoff.held,
            vault: None,
        },
        Box::new(full),
    );
    // Results migrated from an older record shape get their scores back.
    widget.change(|quiz, _, vault, _| {
        quiz.backfill(vault, &instrument);
        Vec::new()
    });
    match handoff.prelude {
        Some(prelude) => widget.replay(prelude),
        // Taking over from the small bundle: drawn at once, so nothing blinks.
        None if taking_over => widget.build(false),
        None => widget.build_soon(),
    }
    (Some(widget), None)
}
