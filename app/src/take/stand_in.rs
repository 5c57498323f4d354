//! The small bundle's stand-in for a widget only the full bundle can show (a facilitator's,
//! a trainer's own definition, a built-in whose questions form it would not read): it asks
//! the element to switch to the full bundle and says so meanwhile, or that the full bundle
//! could not be downloaded, with a way to try again.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use web_sys::{Document, HtmlElement};

use super::dom::El;
use crate::element::{Handoff, Prelude};
use crate::text::Ui;

/// A widget waiting for the full bundle.
pub struct StandIn {
    host: HtmlElement,
    root: HtmlElement,
    doc: Document,
    message: &'static str,
    ui: &'static Ui,
    failed: Cell<bool>,
    /// What the reader did on the element's first screen, which goes with the switch.
    prelude: RefCell<Option<Prelude>>,
}

impl StandIn {
    /// A stand-in drawn into `root`, saying `message` while the full bundle loads.
    pub fn new(
        host: HtmlElement,
        root: HtmlElement,
        doc: Document,
        message: &'static str,
        ui: &'static Ui,
    ) -> Rc<Self> {
        Rc::new(Self {
            host,
            root,
            doc,
            message,
            ui,
            failed: Cell::new(false),
            prelude: RefCell::new(None),
        })
    }

    /// Takes over from the element's first screen: the switch goes with what the reader
    /// did on it.
    pub fn take_over(self: &Rc<Self>, prelude: Prelude) {
        *self.prelude.borrow_mut() = Some(prelude);
        self.ask();
    }

    /// Asks the element to switch to the full bundle.
    pub fn ask(self: &Rc<Self>) {
        self.failed.set(false);
        self.draw();
        let handoff = Handoff {
            prelude: self.prelude.borrow().clone(),
            ..Handoff::default()
        };
        let failed = Rc::clone(self);
        crate::element::upgrade_widget(
            &self.host,
            move || crate::json::write(&handoff).unwrap_or_else(|_| "{}".to_owned()),
            move || {
                failed.failed.set(true);
                failed.draw();
            },
        );
    }

    fn draw(&self) {
        let (doc, ui) = (&self.doc, self.ui);
        self.root.set_text_content(None);
        if self.failed.get() {
            let error = El::new(doc, "p", "cq-error")
                .attr("role", "alert")
                .attr("data-testid", "unloaded")
                .text(ui.load_failed);
            let retry = El::new(doc, "button", "cq-retry")
                .attr("type", "button")
                .text(ui.try_again);
            let _ = self.root.append_child(&error.0);
            let _ = self.root.append_child(&retry.0);
        } else {
            let status = El::new(doc, "p", "cq-meta")
                .attr("role", "status")
                .attr("data-testid", "upgrading")
                .text(self.message);
            let _ = self.root.append_child(&status.0);
        }
    }
}
