//! A result someone shared, opened from a link (`#candor=<code>`): what it says, read-only
//! and never stored, and a button to take the quiz oneself.
//!
//! * The screen is a `candor-view` tree: the shared result's bundle links no Leptos and no
//!   reader's quiz.
//! * What the result says is the result screen's own view ([`super::result`]).
//! * A code that cannot be read says so instead, with the same button.
//! * The button hands the element back ([`SharedResult`]): the code leaves the page's
//!   address, and the element opens the reader's own quiz.
//! * The top of the screen, down to its first picture, is drawn first; the rest follows in
//!   the next task, below it ([`top_of`]).

use candor_core::code::CodeError;
use candor_core::definition::Instrument;
use candor_core::response::Response;
use candor_view::node::{Element, Node, el};
use candor_web::dom::{DrawnWithSvg, closest, next_task};
use candor_web::widget::{Listener, listen, release};
use web_sys::HtmlElement;

use super::result::{credit, response_view, top_len};
use crate::text::Ui;

/// The shared result's screen: the banner, what `decoded` says of `instrument` (or that
/// its code cannot be read), the model's credit and the button to take it oneself.
pub fn shared_view(
    instrument: &Instrument,
    decoded: &Result<Response, CodeError>,
    ui: &Ui,
) -> Node {
    let body = match decoded {
        Ok(response) => response_view(instrument, response, ui),
        Err(_) => None,
    };
    let body = body.unwrap_or_else(|| {
        vec![
            (el("p", "cq-error").attr("role", "alert"))
                .attr("data-testid", "shared-damaged")
                .text(ui.shared_damaged()),
        ]
    });
    let take = (el("button", "cq-primary").attr("type", "button"))
        .attr("data-testid", "take-yourself")
        .text(ui.take_yourself());
    (el("section", "cq-step cq-result cq-shared").attr("data-testid", "shared"))
        .child((el("p", "cq-banner").attr("data-testid", "shared-banner")).text(ui.shared_banner()))
        .children(body)
        .children(credit(instrument, ui))
        .child(el("div", "cq-actions").child(take))
}

/// The top of the shared result's `screen`, drawn first: its children down to its first
/// picture ([`top_len`]). `None` when the screen has no picture among its children, or
/// nothing after it: it is drawn at once.
fn top_of(screen: &Node) -> Option<Node> {
    let Node::Element(section) = screen else {
        return None;
    };
    let top = top_len(&section.children)?;
    Some(Node::Element(Element {
        tag: section.tag,
        attrs: section.attrs.clone(),
        children: section.children[..top].to_vec(),
        key: section.key.clone(),
        checked: section.checked,
    }))
}

/// The shared result as shown in a widget: dropping it stops listening.
pub struct SharedResult {
    listeners: Vec<Listener>,
}

impl Drop for SharedResult {
    fn drop(&mut self) {
        release(std::mem::take(&mut self.listeners));
    }
}

/// Shows the shared result `decoded` of `instrument` in `root`; its button calls `leave`.
pub fn shared_screen(
    root: &HtmlElement,
    instrument: &Instrument,
    decoded: &Result<Response, CodeError>,
    ui: &Ui,
    leave: impl Fn() + 'static,
) -> SharedResult {
    let screen = shared_view(instrument, decoded, ui);
    let mut drawn = DrawnWithSvg::default();
    match top_of(&screen) {
        Some(top) => {
            drawn.update(root, vec![top]);
            let root = root.clone();
            next_task(move || drawn.update(&root, vec![screen]));
        }
        None => drawn.update(root, vec![screen]),
    }
    let clicked = move |event: web_sys::Event| {
        let button = closest(event.target(), "button");
        if button
            .and_then(|b| b.get_attribute("data-testid"))
            .as_deref()
            == Some("take-yourself")
        {
            leave();
        }
    };
    SharedResult {
        listeners: vec![listen(root, "click", false, clicked)],
    }
}
