//! Later bundles built from this crate:
//!
//! * the full bundle (`main.rs`, [`mount_full`]): `candor-web`'s taking screens with
//!   results, sharing, data controls, trainers' own definitions and others' view, drawn
//!   with Leptos;
//! * the shared result's bundles (`shared/<model>.rs`), one per model, each with its
//!   `result-<model>` feature alone: a result someone shared, read-only;
//! * the facilitator's bundles: `facilitator_top.rs`, the facilitator's screen down to the
//!   attendee link and its QR code (without the `group` feature), and `facilitator_main.rs`,
//!   the same screen whole (with it), which takes over from the first;
//! * the bundle for a trainer's own definition (`own_main.rs`): those two screens, with the
//!   core's reader.
//!
//! All but the first mount with [`mount_screen`] (the facilitator's screen's top with
//! [`load::mount_facilitator_top`]) and draw `candor-view` trees, without Leptos.
//! They are built without the `readers` feature (default), which brings in Leptos and what
//! only the full bundle draws with it: none of Leptos, nor what its dependencies export to
//! JavaScript, reaches them. The shared result's and the facilitator's bundles are also
//! built without `definitions`: they unpack built-ins from their packed files and carry no
//! reader, no JSON tree and none of the reader's messages.
//!
//! Each binary exports its own entry points ([`exports`]), so none links what only
//! another reaches.
//!
//! * [`load`]: reads the instrument an element asks for and shows its quiz, a shared
//!   result, the facilitator's screen, or what is wrong with the definition.
//! * [`full`]: what this bundle adds to a quiz: scoring, results and data controls.
//! * [`quiz`]: the context the Leptos components share over the page's quiz.
//! * [`screens`]: the result (one module per model), a shared result, the facilitator,
//!   the problems.
//! * [`components`]: pictures, history, sharing, the data panel.
//! * [`text`]: this bundle's words.

pub mod components;
pub mod exports;
#[cfg(feature = "readers")]
pub mod full;
pub mod load;
#[cfg(feature = "readers")]
pub mod quiz;
pub mod screens;
pub mod text;

use std::cell::RefCell;

use candor_web::element::Mounted;
use load::Pace;
use web_sys::HtmlElement;

thread_local! {
    static BASE_URL: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Remembers the folder the widget's files are served from; `candor.js` calls it (as
/// `setBaseUrl`) before the first mount.
pub fn set_base_url(base_url: String) {
    BASE_URL.with(|b| *b.borrow_mut() = base_url);
}

/// The folder the widget's files are served from (ends with `/`); empty in tests, where the
/// widget is mounted directly.
pub fn base_url() -> String {
    BASE_URL.with(|b| b.borrow().clone())
}

/// Mounts a full widget into an element: `definition` is the packed file of the built-in
/// it names, if the element fetched it; `handoff` what the small bundle handed over (JSON
/// of a `candor_web::element::Handoff`), or `None` for a new widget.
#[cfg(feature = "readers")]
pub fn mount_full(
    host: HtmlElement,
    container: HtmlElement,
    definition: Option<Vec<u8>>,
    handoff: Option<String>,
) -> Mounted {
    load::mount(
        host,
        container,
        definition,
        handoff,
        load::show_quiz,
        Pace::AtOnce,
    )
}

/// Mounts a bundle's screen of its own into an element: `show` is [`load::show_shared`]
/// (a result someone shared) or [`load::show_facilitator`]. `definition` is the packed file
/// of the built-in it names, if the element fetched it; `handoff` what the bundle that drew
/// the screen's top handed over (the facilitator's session tag), or `None` for a new
/// screen. A new screen of a trainer's own definition is read and drawn in tasks of their
/// own ([`Pace::InTasks`], which says why a built-in's is not); one taken over is drawn at
/// once, so nothing blinks.
pub fn mount_screen(
    host: HtmlElement,
    container: HtmlElement,
    definition: Option<Vec<u8>>,
    handoff: Option<String>,
    show: load::Show,
) -> Mounted {
    let pace = if handoff.is_some() {
        Pace::AtOnce
    } else {
        Pace::InTasks
    };
    load::mount(host, container, definition, handoff, show, pace)
}
