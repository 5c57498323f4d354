//! The full bundle's widget: options in, a running quiz (or a clear list of problems) out.
//!
//! An instrument comes from one of three sources, in this order of precedence: a
//! `<script type="application/json">` child of the element, a same-origin `src` URL, or a
//! built-in id (`instrument`). Whatever the source, the core reads it; an invalid definition
//! shows the trainer every problem with its path instead of a quiz.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use candor_core::builtin::{self, BuiltinError};
use candor_core::definition::{DefinitionErrors, Instrument};
use candor_core::records::Keys;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

use crate::components::Messages;
use crate::element::{Action, Start};
use crate::json;
use crate::options::{Mode, Options, Source};
use crate::quiz::QuizCtx;
use crate::screens::{
    DefinitionProblems, FacilitatorScreen, GroupScreen, IntroScreen, QuestionScreen, ResultScreen,
    SharedScreen,
};
use crate::steps::Screen;
use crate::storage;
use crate::text::{self, Ui, fill};

static NEXT_UID: AtomicU32 = AtomicU32::new(1);

/// Where loading an instrument stands.
#[derive(Clone, Debug)]
enum Loading {
    /// Waiting for a `src` URL.
    Pending,
    /// Read and valid.
    Ready(Arc<Instrument>),
    /// Read, with problems for the trainer.
    Invalid(DefinitionErrors),
    /// Could not be read at all; the message says why.
    Failed(String),
}

/// Reads JSON text as an instrument.
fn from_text(text: &str) -> Loading {
    match Instrument::from_json(text, json::parse) {
        Ok(instrument) => Loading::Ready(Arc::new(instrument)),
        Err(errors) => Loading::Invalid(errors),
    }
}

/// A built-in that could not be read (a bug the tests catch): its problems, listed as for
/// a trainer's definition.
fn not_read(error: BuiltinError) -> Loading {
    match error {
        BuiltinError::Invalid(errors) => Loading::Invalid(errors),
        error => Loading::Failed(error.to_string()),
    }
}

/// Fetches a definition from `src`, which must be on the page's own origin.
async fn fetch_definition(src: String, ui: &'static Ui) -> Loading {
    let failed = |why: &str| Loading::Failed(fill(ui.src_failed, &[("src", &src), ("why", why)]));
    let window = window();
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let Ok(url) = web_sys::Url::new_with_base(&src, &base) else {
        return failed(ui.src_not_url);
    };
    let page_origin = window.location().origin().unwrap_or_default();
    if url.origin() != page_origin {
        return failed(ui.src_other_origin);
    }
    let response = match JsFuture::from(window.fetch_with_str(&url.href())).await {
        Ok(response) => response.unchecked_into::<web_sys::Response>(),
        Err(e) => return failed(&json::describe(&e)),
    };
    if !response.ok() {
        return failed(&format!("HTTP {}", response.status()));
    }
    let text = match response.text().map(JsFuture::from) {
        Ok(future) => future.await,
        Err(e) => Err(e),
    };
    match text.ok().and_then(|t| t.as_string()) {
        Some(text) => from_text(&text),
        None => failed(ui.src_unreadable),
    }
}

/// One widget: loads the instrument named by `options` and runs it.
#[component]
pub fn Widget(
    /// What the page asked for.
    options: Options,
    /// The `<candor-quiz>` element, which host-page events are dispatched on.
    #[prop(optional)]
    host: Option<HtmlElement>,
    /// How it starts: new, or taking over from the small bundle.
    #[prop(optional)]
    start: Start,
) -> impl IntoView {
    let locale = options.locale.clone().unwrap_or_else(|| "en".to_owned());
    let ui = text::ui(&locale);
    let state = RwSignal::new(match &options.source {
        Source::Builtin(id) => match builtin::load_in(id.trim(), &locale, json::parse) {
            Ok(instrument) => Loading::Ready(Arc::new(instrument)),
            Err(BuiltinError::Unknown(id)) => {
                let list = builtin::ids().collect::<Vec<_>>().join(", ");
                Loading::Failed(fill(ui.unknown_instrument, &[("id", &id), ("list", &list)]))
            }
            Err(error) => not_read(error),
        },
        Source::Inline(text) => from_text(text),
        Source::Url(_) => Loading::Pending,
    });
    if let Source::Url(src) = options.source.clone() {
        leptos::task::spawn_local(async move {
            let loaded = fetch_definition(src, ui).await;
            // The widget may have been removed meanwhile.
            let _ = state.try_set(loaded);
        });
    }
    let host = StoredValue::new_local(host);
    let class = options.theme.class();
    let body = move || match state.get() {
        Loading::Pending => view! { <p class="cq-meta" role="status">{ui.loading}</p> }.into_any(),
        Loading::Ready(instrument) if options.mode == Mode::Facilitator => {
            facilitator(instrument, &options, host.get_value(), ui)
        }
        Loading::Ready(instrument) => {
            let options = options.clone();
            let start = start.clone();
            view! { <QuizHost instrument options host=host.get_value() start ui/> }.into_any()
        }
        Loading::Invalid(errors) => view! { <DefinitionProblems errors ui/> }.into_any(),
        Loading::Failed(message) => view! {
            <p class="cq-error" role="alert" data-testid="load-error">{message}</p>
        }
        .into_any(),
    };
    view! { <div class=class>{body}</div> }
}

/// The facilitator's screen.
fn facilitator(
    instrument: Arc<Instrument>,
    options: &Options,
    host: Option<HtmlElement>,
    ui: &'static Ui,
) -> AnyView {
    let src = match &options.source {
        Source::Url(src) => Some(src.clone()),
        _ => None,
    };
    view! { <FacilitatorScreen instrument session=options.session.clone() src host ui/> }.into_any()
}

/// Opens storage for `instrument`, provides the quiz context and shows the quiz.
#[component]
fn QuizHost(
    instrument: Arc<Instrument>,
    options: Options,
    host: Option<HtmlElement>,
    start: Start,
    ui: &'static Ui,
) -> impl IntoView {
    // The full bundle taking over from the small one, or a new widget.
    let (taking_over, handoff) = match start {
        Start::Handoff(handoff) => (true, handoff),
        Start::First => (false, Default::default()),
    };
    let keys = Keys::new(options.namespace.as_deref(), instrument.id.as_str());
    let uid = NEXT_UID.fetch_add(1, Ordering::Relaxed);
    let vault = storage::open(keys, handoff.memory);
    let quiz = QuizCtx::new(instrument, vault, ui, uid);
    // Before anything the hand-over asks for: events go to the element, codes carry the
    // session.
    quiz.attach(host, options.session.clone());
    quiz.tell(handoff.notices);
    if handoff.focus {
        quiz.focus.set(true);
    }
    // What the first-question bundle handed over to be done here.
    match handoff.action {
        Some(Action::Finish) => quiz.finish(),
        Some(Action::OpenData) => {
            quiz.screen.set(Screen::Intro);
            quiz.data_open.set(true);
        }
        // Otherwise the reader stays on the step they were on (results and shared views
        // are the full bundle's to decide).
        None => {
            if let Some(screen @ (Screen::Intro | Screen::Group | Screen::Question)) =
                handoff.screen
            {
                quiz.screen.set(screen);
            }
        }
    }
    // What the reader did on the first screen, when the small bundle handed over instead
    // of taking over from it.
    if let Some(prelude) = &handoff.prelude {
        quiz.take_over(prelude);
    }
    quiz.follow_other_writers();
    provide_context(quiz);
    // A new widget builds its screen in a task of its own, after the one that read the
    // definition and opened storage: on a slow phone each takes tens of milliseconds, and
    // together they would hold the page (and the reader's first tap) for over 100 ms. The
    // full bundle taking over from the small one builds at once, so nothing blinks.
    let built = RwSignal::new(taking_over);
    if !taking_over {
        set_timeout(
            move || {
                let _ = built.try_set(true);
            },
            std::time::Duration::ZERO,
        );
    }
    move || built.get().then(|| view! { <Quiz/> })
}

/// The running quiz: messages, if any, and the current screen.
#[component]
fn Quiz() -> impl IntoView {
    let quiz = expect_context::<QuizCtx>();
    let screen = move || match quiz.screen.get() {
        Screen::Intro => view! { <IntroScreen/> }.into_any(),
        Screen::Group => view! { <GroupScreen/> }.into_any(),
        Screen::Question => view! { <QuestionScreen/> }.into_any(),
        Screen::Result => view! { <ResultScreen/> }.into_any(),
        Screen::Shared => view! { <SharedScreen/> }.into_any(),
    };
    view! {
        <p class="cq-visually-hidden" role="status" aria-live="polite" data-testid="announce">
            {move || quiz.announce.get()}
        </p>
        <Messages/>
        {screen}
    }
}
