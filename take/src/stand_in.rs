//! A widget only the full bundle can show, waiting for it.
//!
//! * A facilitator's, a trainer's own definition, or a built-in whose form was refused.
//! * It asks for the full bundle at once, with the first screen's steps, and says so.
//! * If the full bundle cannot be downloaded, it says that, with a way to try again.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use candor_view::node::{Node, el};
use candor_view::text::Ui;
use candor_web::dom::{Drawn, closest};
use candor_web::element::{Handoff, Mounted, Prelude, hand_over};
use candor_web::json;
use candor_web::widget::{listen, release};
use web_sys::HtmlElement;

struct StandIn {
    host: HtmlElement,
    root: HtmlElement,
    ui: &'static Ui,
    failed: Cell<bool>,
    drawn: RefCell<Drawn>,
    /// What the reader did on the element's first screen, which goes with the switch.
    prelude: RefCell<Option<Prelude>>,
}

/// Mounts a stand-in in `root`. Over a first screen (`shown` puts `root` in its place), it
/// is shown and asks once the element hands it what the reader did there; otherwise it
/// asks at once.
pub fn mount(
    host: HtmlElement,
    root: HtmlElement,
    ui: &'static Ui,
    shown: Option<impl FnOnce() + 'static>,
) -> Mounted {
    let stand_in = Rc::new(StandIn {
        host,
        root: root.clone(),
        ui,
        failed: Cell::new(false),
        drawn: RefCell::default(),
        prelude: RefCell::new(None),
    });
    let retry = {
        let stand_in = Rc::downgrade(&stand_in);
        listen(&root, "click", false, move |event| {
            if closest(event.target(), "button.cq-retry").is_some()
                && let Some(stand_in) = stand_in.upgrade()
            {
                stand_in.ask();
            }
        })
    };
    // The widget lives as long as it is mounted.
    let kept = Rc::clone(&stand_in);
    let teardown = move || {
        release(vec![retry]);
        root.remove();
        drop(kept);
    };
    if let Some(shown) = shown {
        Mounted::replaying(teardown, move |prelude: Prelude| {
            shown();
            *stand_in.prelude.borrow_mut() = Some(prelude);
            stand_in.ask();
        })
    } else {
        stand_in.ask();
        Mounted::new(teardown)
    }
}

impl StandIn {
    /// Asks the element to switch to the full bundle.
    fn ask(self: &Rc<Self>) {
        self.failed.set(false);
        self.draw();
        let handoff = Handoff {
            prelude: self.prelude.borrow().clone(),
            ..Handoff::default()
        };
        let failed = Rc::downgrade(self);
        hand_over(
            &self.host,
            move || json::write(&handoff).unwrap_or_else(|_| "{}".to_owned()),
            move || {
                if let Some(stand_in) = failed.upgrade() {
                    stand_in.failed.set(true);
                    stand_in.draw();
                }
            },
        );
    }

    fn draw(&self) {
        let ui = self.ui;
        let nodes: Vec<Node> = if self.failed.get() {
            candor_view::screens::unloaded(ui.load_failed(), ui).into()
        } else {
            vec![
                el("p", "cq-meta")
                    .attr("role", "status")
                    .attr("data-testid", "upgrading")
                    .text(ui.loading()),
            ]
        };
        self.drawn.borrow_mut().update(&self.root, nodes);
    }
}
