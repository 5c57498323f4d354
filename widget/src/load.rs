//! A later bundle's widget: options in, a running quiz (or a shared result, or the
//! facilitator's screen) or a clear list of problems out. Each bundle passes [`mount`] what
//! it shows ([`Show`]), and when ([`Pace`]); the bundle of the facilitator's screen's top
//! draws it from the built-in's id alone ([`mount_facilitator_top`]), reading no
//! definition.
//!
//! * An instrument comes from an inline `<script type="application/json">`, a same-origin
//!   `src` URL, or a built-in id, in that order.
//! * A trainer's own definition (inline or `src`) is read by the core's reader, in the
//!   bundles built with the `definitions` feature (the full bundle, and the one that shows
//!   a shared result or the facilitator's screen of a trainer's own definition).
//! * A built-in is unpacked from its packed file (`packed/<id>.<locale>.bin`: what the
//!   reader made of it as the site was built): the element fetches it alongside the bundle,
//!   or the bundle fetches it when the element's copy is missing or not this build's.
//! * An invalid definition shows the trainer every problem with its path instead of a quiz.
//! * A quiz runs as `candor_web::widget::Widget` with the full bundle's part
//!   (`load::quiz`, with the `readers` feature).
//! * A shared result, the facilitator's screen, the problems and a load error are
//!   `candor-view` trees, all drawn by `DrawnWithSvg`: the shared result's and the
//!   facilitator's bundles link no Leptos and one drawing.

use std::cell::RefCell;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

use candor_core::builtin;
#[cfg(feature = "definitions")]
use candor_core::definition::DefinitionErrors;
use candor_core::definition::Instrument;
use candor_view::node::el;
use candor_web::dom::DrawnWithSvg;
#[cfg(feature = "definitions")]
use candor_web::dom::next_task;
use candor_web::element::{self, Mounted};
use candor_web::files::{self, BuiltinFetchError, FetchError};
use candor_web::options::{Options, Source, options_from};
use candor_web::page;
use candor_web::widget::Widget;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

#[cfg(feature = "definitions")]
use crate::screens::definition_problems;
use crate::screens::{Of, Session, facilitator_screen, shared_screen};
use crate::text::{self, Ui, fill};

#[cfg(feature = "readers")]
mod quiz;
#[cfg(feature = "readers")]
pub use quiz::show_quiz;

/// What reading an instrument gave.
enum Loaded {
    /// Read and valid.
    Ready(Arc<Instrument>),
    /// Read, with problems for the trainer.
    #[cfg(feature = "definitions")]
    Invalid(DefinitionErrors),
    /// Could not be read at all; the message says why.
    Failed(String),
}

/// Reads JSON text as an instrument.
#[cfg(feature = "definitions")]
fn from_text(text: &str) -> Loaded {
    match Instrument::from_json(text) {
        Ok(instrument) => Loaded::Ready(Arc::new(instrument)),
        Err(errors) => Loaded::Invalid(errors),
    }
}

/// Built-in `id`, unpacked from its packed file (`packed/<id>.<locale>.bin`) in `bytes`,
/// which the element fetched alongside this bundle. `None` when there are no such bytes or
/// they are not a file this build wrote for `id`: the bundle then fetches the file itself
/// ([`fetch_builtin`]).
fn unpacked(id: &str, bytes: Option<Vec<u8>>) -> Option<Instrument> {
    builtin::unpack(id, &bytes?).ok()
}

/// Why built-in `id` cannot be shown: there is no such built-in.
fn unknown(id: &str, ui: &Ui) -> Loaded {
    let list = builtin::ids().collect::<Vec<_>>().join(", ");
    Loaded::Failed(fill(
        ui.unknown_instrument(),
        &[("id", id), ("list", &list)],
    ))
}

/// Fetches and unpacks the packed file of built-in `id` in `locale`
/// ([`files::fetch_packed`]).
async fn fetch_builtin(id: String, locale: &'static str, ui: &'static Ui) -> Loaded {
    let title = builtin::title_in(&id, locale).unwrap_or(&id);
    let failed =
        |why: &str| Loaded::Failed(fill(ui.builtin_failed(), &[("title", title), ("why", why)]));
    match files::fetch_packed(&crate::base_url(), &id, locale).await {
        Ok(instrument) => Loaded::Ready(Arc::new(instrument)),
        Err(BuiltinFetchError::Unknown) => unknown(&id, ui),
        Err(BuiltinFetchError::Stale) => failed(ui.builtin_stale()),
        Err(BuiltinFetchError::Fetch(FetchError::Unreadable)) => failed(ui.src_unreadable()),
        Err(BuiltinFetchError::Fetch(why)) => failed(&why.to_string()),
    }
}

/// Fetches the text at `url`; `Err` says why it could not, in `ui`'s words where the
/// browser's are not the reason.
#[cfg(feature = "definitions")]
async fn fetch_text(url: &str, ui: &Ui) -> Result<String, String> {
    files::fetch_text(url).await.map_err(|e| match e {
        FetchError::Unreadable => ui.src_unreadable().to_owned(),
        other => other.to_string(),
    })
}

/// Fetches a definition from `src`, which must be on the page's own origin.
#[cfg(feature = "definitions")]
async fn fetch_definition(src: String, ui: &'static Ui) -> Loaded {
    let failed = |why: &str| Loaded::Failed(fill(ui.src_failed(), &[("src", &src), ("why", why)]));
    let Some(window) = web_sys::window() else {
        return failed(ui.src_not_url());
    };
    let base = (window.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let Ok(url) = web_sys::Url::new_with_base(&src, &base) else {
        return failed(ui.src_not_url());
    };
    let page_origin = window.location().origin().unwrap_or_default();
    if url.origin() != page_origin {
        return failed(ui.src_other_origin());
    }
    match fetch_text(&url.href(), ui).await {
        Ok(text) => from_text(&text),
        Err(why) => failed(&why),
    }
}

/// Says in `root` that the definition is on its way.
fn say_loading(root: &HtmlElement, ui: &Ui) {
    let status = (el("p", "cq-meta").attr("role", "status"))
        .attr("data-testid", "loading")
        .text(ui.loading());
    DrawnWithSvg::default().update(root, vec![status]);
}

/// How a definition is read.
enum Read {
    /// Already read: a built-in unpacked from the packed file the element handed over (a
    /// walk over its bytes), an id no built-in has, or a trainer's definition this bundle
    /// cannot read.
    Done(Loaded),
    /// From JSON text at hand (inline), which the reader reads.
    #[cfg(feature = "definitions")]
    Now(Box<dyn FnOnce() -> Loaded>),
    /// Fetched (a `src` URL, or a built-in whose packed file the element did not hand over).
    Fetch(Pin<Box<dyn Future<Output = Loaded>>>),
}

/// How a definition at hand is read and shown.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// In the mount's own task: the full bundle takes over a screen already up (the small
    /// bundle's, or a reader's kept screen), which must not blink.
    AtOnce,
    /// For a bundle that opens on a screen of its own (a shared result, the facilitator's).
    /// JSON text (a trainer's own definition) is read in a task of its own and shown in the
    /// next, "Loading" showing until then, so no task is long enough to hold up a tap on a
    /// slow phone. A built-in's packed definition is unpacked and shown in the mount's task
    /// all the same: that takes about 50 ms on the phone profile of the benchmarks, and a
    /// task and a frame fewer show the screen sooner.
    InTasks,
}

/// What a mounted widget holds: removed when the element unmounts it.
#[derive(Default)]
struct Shown {
    widget: Option<Rc<Widget>>,
    /// A screen that is not a quiz (the facilitator's), taken away when dropped.
    screen: Option<Box<dyn std::any::Any>>,
    gone: bool,
}

/// What a bundle shows of a valid instrument: [`show_quiz`], [`show_shared`] or
/// [`show_facilitator`].
/// Each bundle links only the one it passes to [`mount`], and what that one draws.
pub type Show = fn(
    &HtmlElement,
    &HtmlElement,
    &Options,
    &'static Ui,
    Arc<Instrument>,
    Option<String>,
) -> (Option<Rc<Widget>>, Option<Box<dyn std::any::Any>>);

/// Mounts a widget configured by `host`'s attributes into `container`, shown by `show` at
/// `pace`.
/// `definition` is the packed file of the built-in it names, if the element fetched it;
/// `handoff` is what the bundle before handed over, as it wrote it (`None` for a new
/// widget): JSON of a `candor_web::element::Handoff` from the small bundle, the session tag
/// from the facilitator's screen's top.
pub fn mount(
    host: HtmlElement,
    container: HtmlElement,
    definition: Option<Vec<u8>>,
    handoff: Option<String>,
    show: Show,
    pace: Pace,
) -> Mounted {
    mount_with(&host, &container, |opened| {
        read_and_show(&host, opened, definition, handoff, show, pace);
    })
}

/// [`mount`]'s reading and showing, in the widget's root (`opened`).
fn read_and_show(
    host: &HtmlElement,
    opened: &Opened,
    definition: Option<Vec<u8>>,
    handoff: Option<String>,
    show: Show,
    pace: Pace,
) {
    let Opened {
        options,
        ui,
        root,
        shown,
    } = opened;
    let (ui, root) = (*ui, root.clone());
    let display = {
        let (host, root, shown) = (host.clone(), root.clone(), Rc::clone(shown));
        let options = options.clone();
        move |loaded: Loaded| {
            if shown.borrow().gone {
                return;
            }
            root.set_text_content(None);
            let (widget, screen) = match loaded {
                Loaded::Ready(instrument) => show(&host, &root, &options, ui, instrument, handoff),
                unread => {
                    show_unread(&root, ui, unread);
                    (None, None)
                }
            };
            let mut shown = shown.borrow_mut();
            shown.widget = widget;
            shown.screen = screen;
        }
    };
    let read = match &options.source {
        Source::Builtin(id) => match known_builtin(id, ui) {
            Err(unknown) => Read::Done(unknown),
            Ok(id) => match unpacked(id, definition) {
                Some(instrument) => Read::Done(Loaded::Ready(Arc::new(instrument))),
                None => Read::Fetch(Box::pin(fetch_builtin(id.to_owned(), ui.locale(), ui))),
            },
        },
        #[cfg(feature = "definitions")]
        Source::Inline(text) => {
            let text = text.clone();
            Read::Now(Box::new(move || from_text(&text)))
        }
        #[cfg(feature = "definitions")]
        Source::Url(src) => Read::Fetch(Box::pin(fetch_definition(src.clone(), ui))),
        // The element sends a trainer's own definition to a bundle that reads it.
        #[cfg(not(feature = "definitions"))]
        Source::Inline(_) | Source::Url(_) => Read::Done(own_not_read(ui)),
    };
    match (read, pace) {
        (Read::Done(loaded), _) => display(loaded),
        #[cfg(feature = "definitions")]
        (Read::Now(read), Pace::AtOnce) => display(read()),
        #[cfg(feature = "definitions")]
        (Read::Now(read), Pace::InTasks) => {
            say_loading(&root, ui);
            next_task(move || {
                let loaded = read();
                next_task(move || display(loaded));
            });
        }
        (Read::Fetch(loading), _) => {
            say_loading(&root, ui);
            // Not Leptos's spawner: on a page whose only widget is fetched, nothing has
            // mounted Leptos yet, and its executor is not running.
            wasm_bindgen_futures::spawn_local(async move { display(loading.await) });
        }
    }
}

/// A widget's root in its element, configured by the element's attributes.
struct Opened {
    options: Options,
    ui: &'static Ui,
    root: HtmlElement,
    shown: Rc<RefCell<Shown>>,
}

/// Reads `host`'s attributes and puts the widget's root, in their theme, in `container`;
/// `None` without a document.
fn open(host: &HtmlElement, container: &HtmlElement) -> Option<Opened> {
    let options = options_from(host);
    let locale = options.locale.clone().unwrap_or_else(|| "en".to_owned());
    let ui = text::ui(&locale);
    let root = (web_sys::window().and_then(|w| w.document()))
        .and_then(|d| d.create_element("div").ok())
        .map(|e| e.unchecked_into::<HtmlElement>())?;
    root.set_class_name(options.theme.class());
    let _ = container.append_child(&root);
    Some(Opened {
        options,
        ui,
        root,
        shown: Rc::default(),
    })
}

/// Opens the widget's root in `container` ([`open`]) and lets `draw` fill it; returns the
/// mounted widget, which unmounting removes with what it shows (nothing without a
/// document).
fn mount_with(host: &HtmlElement, container: &HtmlElement, draw: impl FnOnce(&Opened)) -> Mounted {
    let Some(opened) = open(host, container) else {
        return Mounted::new(|| {});
    };
    draw(&opened);
    let Opened { root, shown, .. } = opened;
    Mounted::new(move || {
        let mut shown = shown.borrow_mut();
        shown.gone = true;
        if let Some(widget) = shown.widget.take() {
            widget.remove();
        }
        shown.screen = None;
        root.remove();
    })
}

/// Built-in `id`, trimmed, or why it cannot be shown: no built-in has it.
fn known_builtin<'a>(id: &'a str, ui: &Ui) -> Result<&'a str, Loaded> {
    let id = id.trim();
    if builtin::is_builtin(id) {
        Ok(id)
    } else {
        Err(unknown(id, ui))
    }
}

/// Why a trainer's own definition is not shown: this bundle has no reader (the element
/// sends such a definition to a bundle that reads it).
fn own_not_read(ui: &Ui) -> Loaded {
    Loaded::Failed(ui.own_not_read().to_owned())
}

/// Mounts the facilitator's screen's top (the bundle built without the `group` feature)
/// for the built-in `host` names, in the mount's task: it is drawn from the built-in's id
/// and title, so there is no definition to read. An id no built-in has, or a trainer's own
/// definition, is said to be one it cannot show.
pub fn mount_facilitator_top(host: HtmlElement, container: HtmlElement) -> Mounted {
    mount_with(&host, &container, |opened| {
        let (options, ui, root) = (&opened.options, opened.ui, &opened.root);
        let id = match &options.source {
            Source::Builtin(id) => known_builtin(id, ui),
            Source::Inline(_) | Source::Url(_) => Err(own_not_read(ui)),
        };
        match id {
            Ok(id) => {
                let ui = text::facilitator(ui.locale());
                let of = Of {
                    id: id.to_owned(),
                    title: builtin::title_in(id, ui.locale()).unwrap_or(id).to_owned(),
                    instrument: None,
                };
                let session = Session::New(options.session.clone());
                let screen = facilitator_screen(root, of, session, None, Some(host.clone()), ui);
                opened.shown.borrow_mut().screen = Some(Box::new(screen));
            }
            Err(unread) => show_unread(root, ui, unread),
        }
    })
}

/// Shows a definition's problems, or why it could not be read, in `root` (nothing for a
/// valid one). Only a definition read by the reader has problems to list (`ui`'s words).
fn show_unread(
    root: &HtmlElement,
    #[cfg_attr(not(feature = "definitions"), expect(unused_variables))] ui: &'static Ui,
    loaded: Loaded,
) {
    let shown = match loaded {
        #[cfg(feature = "definitions")]
        Loaded::Invalid(errors) => definition_problems(&errors, ui),
        Loaded::Failed(message) => (el("p", "cq-error").attr("role", "alert"))
            .attr("data-testid", "load-error")
            .text(&message),
        Loaded::Ready(_) => return,
    };
    DrawnWithSvg::default().update(root, vec![shown]);
}

/// The facilitator bundles' [`Show`]: the facilitator's screen for `instrument`.
/// `handoff` is the session tag shown by the bundle that drew the screen's top, which this
/// one takes over.
pub fn show_facilitator(
    host: &HtmlElement,
    root: &HtmlElement,
    options: &Options,
    ui: &'static Ui,
    instrument: Arc<Instrument>,
    handoff: Option<String>,
) -> (Option<Rc<Widget>>, Option<Box<dyn std::any::Any>>) {
    let src = match &options.source {
        Source::Url(src) => Some(src.clone()),
        _ => None,
    };
    let session = match handoff {
        Some(shown) => Session::TakenOver(shown),
        None => Session::New(options.session.clone()),
    };
    let screen = facilitator_screen(
        root,
        Of::read(instrument),
        session,
        src,
        Some(host.clone()),
        text::facilitator(ui.locale()),
    );
    (None, Some(Box::new(screen)))
}

/// The shared result bundle's [`Show`]: the result in the page's address, when its code
/// is for `instrument`. Otherwise the element is handed back at once, to open the reader's
/// own quiz; so is it when the reader chooses to take the quiz, after the code has left
/// the address.
pub fn show_shared(
    host: &HtmlElement,
    root: &HtmlElement,
    _options: &Options,
    ui: &'static Ui,
    instrument: Arc<Instrument>,
    _handoff: Option<String>,
) -> (Option<Rc<Widget>>, Option<Box<dyn std::any::Any>>) {
    let code =
        page::shared_code().filter(|code| candor_core::code::is_for(code, &instrument.questions()));
    let Some(code) = code else {
        element::show_own(host);
        return (None, None);
    };
    let decoded = candor_core::code::decode(&code, &instrument).map(|d| d.response);
    let host = host.clone();
    let leave = move || {
        page::forget_shared_code();
        element::show_own(&host);
    };
    let screen = shared_screen(root, &instrument, &decoded, ui, leave);
    (None, Some(Box::new(screen)))
}
