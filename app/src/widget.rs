//! The widget: options in, a running quiz (or a clear list of problems) out.
//!
//! An instrument comes from one of three sources, in this order of precedence: a
//! `<script type="application/json">` child of the element, a same-origin `src` URL, or a
//! built-in id (`instrument`). Whatever the source, the core reads it; an invalid definition
//! shows the trainer every problem with its path instead of a quiz.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use candor_core::builtin::{self, BuiltinError};
#[cfg(feature = "full")]
use candor_core::definition::DefinitionErrors;
use candor_core::definition::Instrument;
use candor_core::records::Keys;
use leptos::prelude::*;
#[cfg(feature = "full")]
use wasm_bindgen::JsCast;
#[cfg(feature = "full")]
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

use crate::components::Messages;
#[cfg(feature = "full")]
use crate::element::Action;
use crate::element::Start;
#[cfg(feature = "full")]
use crate::json;
use crate::quiz::{QuizCtx, Screen};
#[cfg(feature = "full")]
use crate::screens::DefinitionProblems;
#[cfg(not(feature = "full"))]
use crate::screens::Upgrading;
#[cfg(feature = "full")]
use crate::screens::{FacilitatorScreen, ResultScreen, SharedScreen};
use crate::screens::{GroupScreen, IntroScreen, QuestionScreen};
use crate::storage;
use crate::text::{self, Ui, fill};

/// Colour scheme of the widget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the reader's `prefers-color-scheme`.
    #[default]
    Auto,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl Theme {
    /// Reads the `theme` attribute; anything unknown means `auto`.
    pub fn parse(value: Option<&str>) -> Self {
        match value.map(str::trim) {
            Some("light") => Self::Light,
            Some("dark") => Self::Dark,
            _ => Self::Auto,
        }
    }

    fn class(self) -> &'static str {
        match self {
            Self::Auto => "cq cq-auto",
            Self::Light => "cq cq-light",
            Self::Dark => "cq cq-dark",
        }
    }
}

/// What the widget is for: taking an instrument, or a facilitator collecting codes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// A reader takes the instrument.
    #[default]
    Take,
    /// A facilitator pastes result codes and sees the group.
    Facilitator,
}

impl Mode {
    /// Reads the `mode` attribute; anything unknown means `take`.
    pub fn parse(value: Option<&str>) -> Self {
        match value.map(str::trim) {
            Some("facilitator") => Self::Facilitator,
            _ => Self::Take,
        }
    }
}

/// Where the instrument definition comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A built-in instrument, by id.
    Builtin(String),
    /// JSON text given inline in the page.
    Inline(String),
    /// A URL on the page's own origin.
    Url(String),
}

impl Default for Source {
    fn default() -> Self {
        Self::Builtin(DEFAULT_INSTRUMENT.to_owned())
    }
}

/// What a page asks of one widget, read from the element's attributes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The instrument definition.
    pub source: Source,
    /// Language tag (`locale`); the browser's language when absent.
    pub locale: Option<String>,
    /// Colour scheme (`theme`).
    pub theme: Theme,
    /// Storage namespace (`storage-key`).
    pub namespace: Option<String>,
    /// Session tag a facilitator gave out (`session`).
    pub session: Option<String>,
    /// Take or facilitate (`mode`).
    pub mode: Mode,
    /// The questions-only form of the built-in instrument, as the element fetched it for
    /// the small bundle, which holds no definition (the full bundle has its own).
    pub questions: Option<Arc<str>>,
}

impl Options {
    /// Options for built-in instrument `id`, everything else by default.
    pub fn builtin(id: &str) -> Self {
        Self {
            source: Source::Builtin(id.to_owned()),
            ..Self::default()
        }
    }
}

/// The instrument shown when a page names none.
pub const DEFAULT_INSTRUMENT: &str = "service-or-servility";

static NEXT_UID: AtomicU32 = AtomicU32::new(1);

/// Where loading an instrument stands.
#[derive(Clone, Debug)]
enum Loading {
    /// Waiting for a `src` URL.
    #[cfg(feature = "full")]
    Pending,
    /// Read and valid.
    Ready(Arc<Instrument>),
    /// Read, with problems for the trainer.
    #[cfg(feature = "full")]
    Invalid(DefinitionErrors),
    /// Could not be read at all; the message says why.
    Failed(String),
    /// A trainer's own definition, or a built-in whose questions form could not be read:
    /// the full bundle reads it.
    #[cfg(not(feature = "full"))]
    HandOver,
}

/// Reads JSON text as an instrument.
#[cfg(feature = "full")]
fn from_text(text: &str) -> Loading {
    match Instrument::from_json(text, json::parse) {
        Ok(instrument) => Loading::Ready(Arc::new(instrument)),
        Err(errors) => Loading::Invalid(errors),
    }
}

/// Reads built-in instrument `id` in `locale` (the full bundle holds every one).
#[cfg(feature = "full")]
fn load_builtin(
    id: &str,
    locale: &str,
    _questions: Option<&str>,
) -> Result<Instrument, BuiltinError> {
    builtin::load_in(id, locale, json::parse)
}

/// Reads built-in instrument `id` from its questions form, which the element fetched: the
/// small bundle shows no result and holds no definition, nor the reader that checks one
/// (the core takes back only a form this build serves). Without one (a facilitator's
/// widget, or a page that mounts the bundle itself), it reads as not this build's, and the
/// full bundle takes over.
#[cfg(not(feature = "full"))]
fn load_builtin(
    id: &str,
    _locale: &str,
    questions: Option<&str>,
) -> Result<Instrument, BuiltinError> {
    builtin::read_form(id, questions.unwrap_or_default())
}

/// A built-in that could not be read (a bug the tests catch): its problems, listed as for
/// a trainer's definition. (`id` and `handed_over` are the small bundle's.)
#[cfg(feature = "full")]
fn not_read(_id: &str, error: BuiltinError, _handed_over: bool) -> Loading {
    match error {
        BuiltinError::Invalid(errors) => Loading::Invalid(errors),
        error => Loading::Failed(error.to_string()),
    }
}

/// A built-in that could not be read: in the small bundle a questions form damaged or
/// misplaced on the server, or left there by another build (`handed_over`; said in the
/// console), or none handed over (a facilitator's widget), which the full bundle, holding
/// its own copy, then takes over from.
#[cfg(not(feature = "full"))]
fn not_read(id: &str, error: BuiltinError, handed_over: bool) -> Loading {
    if handed_over {
        // Said here rather than through the error's `Display`, which would bring the
        // definition reader's messages (for `BuiltinError::Invalid`) into this bundle.
        let why = match error {
            BuiltinError::OtherInstrument { found, .. } => format!("it is that of \"{found}\""),
            _ => "it is not one this build serves".to_owned(),
        };
        web_sys::console::error_1(
            &format!("Candor: the questions of \"{id}\" could not be read ({why}); the full bundle takes over").into(),
        );
    }
    Loading::HandOver
}

/// Fetches a definition from `src`, which must be on the page's own origin.
#[cfg(feature = "full")]
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
    /// How it starts: new (perhaps taking over from the first screen the element showed
    /// before the bundle), or the full bundle taking over from the small one.
    #[prop(optional)]
    start: Start,
) -> impl IntoView {
    let locale = options.locale.clone().unwrap_or_else(|| "en".to_owned());
    let ui = text::ui(&locale);
    let state = RwSignal::new(match &options.source {
        Source::Builtin(id) => match load_builtin(id.trim(), &locale, options.questions.as_deref())
        {
            Ok(instrument) => Loading::Ready(Arc::new(instrument)),
            Err(BuiltinError::Unknown(id)) => {
                let list = builtin::ids().collect::<Vec<_>>().join(", ");
                Loading::Failed(fill(ui.unknown_instrument, &[("id", &id), ("list", &list)]))
            }
            Err(error) => not_read(id.trim(), error, options.questions.is_some()),
        },
        // Trainers' own definitions are read by the full bundle, which can list their problems.
        #[cfg(not(feature = "full"))]
        Source::Inline(_) | Source::Url(_) => Loading::HandOver,
        #[cfg(feature = "full")]
        Source::Inline(text) => from_text(text),
        #[cfg(feature = "full")]
        Source::Url(_) => Loading::Pending,
    });
    #[cfg(feature = "full")]
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
        #[cfg(feature = "full")]
        Loading::Pending => view! { <p class="cq-meta" role="status">{ui.loading}</p> }.into_any(),
        Loading::Ready(instrument) if options.mode == Mode::Facilitator => {
            facilitator(instrument, &options, host.get_value(), ui)
        }
        Loading::Ready(instrument) => {
            let options = options.clone();
            let start = start.clone();
            view! { <QuizHost instrument options host=host.get_value() start ui/> }.into_any()
        }
        #[cfg(feature = "full")]
        Loading::Invalid(errors) => view! { <DefinitionProblems errors ui/> }.into_any(),
        Loading::Failed(message) => view! {
            <p class="cq-error" role="alert" data-testid="load-error">{message}</p>
        }
        .into_any(),
        #[cfg(not(feature = "full"))]
        Loading::HandOver => {
            // Over the element's first screen, what the reader did on it goes with them.
            let take_over = match &start {
                Start::First(take_over) => take_over.clone(),
                Start::Handoff(_) => None,
            };
            view! { <Upgrading host=host.get_value() message=ui.loading ui take_over/> }.into_any()
        }
    };
    view! { <div class=class>{body}</div> }
}

/// The facilitator's screen (the full bundle), or the hand-over to it.
#[cfg(feature = "full")]
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

/// The facilitator's screen (the full bundle), or the hand-over to it.
#[cfg(not(feature = "full"))]
fn facilitator(
    _instrument: Arc<Instrument>,
    _options: &Options,
    host: Option<HtmlElement>,
    ui: &'static Ui,
) -> AnyView {
    view! { <Upgrading host message=ui.loading ui/> }.into_any()
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
    // The full bundle taking over from the small one, or a new widget (which may replace
    // the element's first screen).
    let (handoff, first_screen) = match start {
        Start::Handoff(handoff) => (Some(handoff), None),
        Start::First(take_over) => (None, take_over),
    };
    let taking_over = handoff.is_some();
    let handoff = handoff.unwrap_or_default();
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
    #[cfg(feature = "full")]
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
    #[cfg(feature = "full")]
    if let Some(prelude) = &handoff.prelude {
        quiz.take_over(prelude);
    }
    quiz.follow_other_writers();
    #[cfg(not(feature = "full"))]
    quiz.retry_when_online();
    provide_context(quiz);
    // A new widget builds its screen in a task of its own, after the one that read the
    // definition and opened storage: on a slow phone each takes tens of milliseconds, and
    // together they would hold the page (and the reader's first tap) for over 100 ms. One
    // replacing the element's first screen builds when the element runs its take-over, in
    // the next task, with what the reader did meanwhile. The full bundle taking over from
    // the small one builds at once, so nothing blinks.
    let built = RwSignal::new(taking_over);
    if let Some(take_over) = first_screen {
        take_over.set(move |prelude| {
            quiz.take_over(&prelude);
            let _ = built.try_set(true);
        });
    } else if !taking_over {
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
        #[cfg(feature = "full")]
        Screen::Result => view! { <ResultScreen/> }.into_any(),
        #[cfg(feature = "full")]
        Screen::Shared => view! { <SharedScreen/> }.into_any(),
        #[cfg(not(feature = "full"))]
        Screen::Result | Screen::Shared => {
            view! { <Upgrading message=quiz.ui.loading_result ui=quiz.ui/> }.into_any()
        }
    };
    view! {
        <p class="cq-visually-hidden" role="status" aria-live="polite" data-testid="announce">
            {move || quiz.announce.get()}
        </p>
        <Messages/>
        {screen}
    }
}

/// The inline definition in `host`, if it holds a `<script type="application/json">`.
pub fn inline_definition(host: &HtmlElement) -> Option<String> {
    host.query_selector(r#"script[type="application/json"]"#)
        .ok()
        .flatten()
        .and_then(|script| script.text_content())
        .filter(|text| !text.trim().is_empty())
}
