//! Facilitator mode: run a session and see the group at once.
//!
//! * Set a session tag, and give attendees a link and its QR code.
//! * Paste their result codes to see the group.
//! * Everything is computed by the core in this browser.
//! * Nothing is sent anywhere, and no one's name is needed.
//!
//! The screen is a `candor-view` tree drawn from its `State`, without Leptos: what is
//! typed or chosen changes the state, and the tree is drawn again in place, so the box
//! being typed in keeps its focus and its text. What it shows of the codes is
//! [`report`]'s.
//!
//! Codes are read as they come: the box's as it is typed, a large paste or a file once
//! (`Paste`), a slice per task, so the page paints and answers meanwhile. A key typed in
//! the session's tag sums the report again from them, without decoding 100,000 codes
//! again.
//!
//! The screen comes in two bundles. What attendees need first (the session's tag, the
//! attendee link and its QR code) is the screen's top; the box for codes and the group's
//! report need the core's code reading, group sums and every model's group pictures, two
//! fifths of the facilitator's bundle. A bundle built without the `group` feature
//! (`candor-facilitator-top`) draws the top, then asks the element for the bundle that
//! draws the whole screen (`candor-facilitator`, with `group`) and hands it the session's
//! tag ([`Session::TakenOver`]): that bundle draws the same screen, whole, at once.

mod report;

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::Arc;

use candor_core::builtin;
use candor_core::code::ALPHABET;
use candor_core::definition::Instrument;
use candor_core::group::{GroupReport, Paste};
use candor_view::node::{Node, el};
use candor_web::dom::{DrawnWithSvg, closest, next_task, next_task_in_a_row, value_of};
use candor_web::element::hand_over;
use candor_web::widget::{Listener, listen, release};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

use crate::components::qr_code;
use crate::text::{FacilitatorUi, fill};

use report::{first_answered, report_view};

/// Whether this bundle draws the whole screen: the box for codes and the group's report.
/// Without them, it draws the screen's top and hands over to the bundle that does.
const WHOLE: bool = cfg!(feature = "group");

/// A paste at least this long (in bytes) is kept out of the text box.
const BULK_PASTE: usize = 64 * 1024;

/// How long one task reads codes taken in bulk before the page paints and answers, in
/// milliseconds.
const READ_SLICE_MS: f64 = 30.0;

/// How much text taken in bulk is read at a time, in bytes, cut at a line's end.
const READ_STEP: usize = 16 * 1024;

/// Reads the file chosen in a file input, then calls `done` with its text.
fn load_file(event: &web_sys::Event, done: impl FnOnce(String) + 'static) {
    let Some(file) = candor_web::files::chosen(event) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(text) = candor_web::files::text_of(file).await {
            done(text);
        }
    });
}

/// A fresh session tag such as `WS-7K3M`.
fn new_session_tag() -> String {
    let symbols: String = (0..4)
        .map(|_| {
            let i = (js_sys::Math::random() * 32.0) as usize % 32;
            char::from(ALPHABET[i])
        })
        .collect();
    format!("WS-{symbols}")
}

/// What the facilitator's screen is of.
pub struct Of {
    /// The instrument's id, which the attendee link names for a built-in.
    pub id: String,
    /// Its title, in the heading.
    pub title: String,
    /// The instrument itself, which reading codes and summing the group need; `None` in
    /// the bundle that draws the screen's top alone, which reads no definition.
    pub instrument: Option<Arc<Instrument>>,
}

impl Of {
    /// The screen of `instrument`, read.
    pub fn read(instrument: Arc<Instrument>) -> Self {
        Self {
            id: instrument.id().as_str().to_owned(),
            title: instrument.title().to_owned(),
            instrument: Some(instrument),
        }
    }
}

/// Where attendees take instrument `id`: the standalone page next to the widget's files,
/// tagged with the session. `None` when the instrument cannot be named in a link (inline
/// JSON).
fn attendee_link(id: &str, src: Option<&str>, session: &str) -> Option<String> {
    let base = crate::base_url();
    let base = if base.is_empty() {
        web_sys::window()?.location().href().ok()?
    } else {
        base
    };
    let url = web_sys::Url::new_with_base("embed.html", &base).ok()?;
    let params = url.search_params();
    match src {
        Some(src) => params.set("src", src),
        None if builtin::is_builtin(id) => params.set("instrument", id),
        None => return None,
    }
    if !session.trim().is_empty() {
        params.set("session", session.trim());
    }
    Some(url.href())
}

/// The QR code's square, empty, until it is drawn: hidden from screen readers, which
/// hear the code's own name once it is there.
fn qr_space() -> Node {
    (el("svg", "cq-qr").attr("viewBox", "0 0 1 1")).attr("aria-hidden", "true")
}

/// Offers `text` as a file download named `name`.
fn download_csv(name: &str, text: &str) -> Result<(), JsValue> {
    candor_web::files::download(name, text, "text/csv")
}

/// What the facilitator has typed, pasted and chosen, and the report computed from it.
struct State {
    /// The session tag.
    session: String,
    /// The codes in the text box, read as it is typed.
    pasted: Paste,
    /// The codes that came in bulk (a large paste or a file), read once and kept out of
    /// the box, so the browser need not lay out 100,000 lines.
    bulk: Paste,
    /// How many lines came in bulk.
    bulk_lines: usize,
    /// Text taken in bulk, read up to `unread_at`: a slice is read per task, so the page
    /// paints and answers while 100,000 codes are read.
    unread: String,
    unread_at: usize,
    /// When reading the text taken in bulk began.
    read_started: f64,
    /// The group's report, once any codes were given.
    report: Option<GroupReport>,
    /// How long the report took (reading what changed, and summing), in milliseconds.
    took: f64,
    /// The two groups whose difference is shown, once the facilitator chose them.
    compare: Option<(usize, usize)>,
    /// Whether all this bundle draws is drawn. A new screen's first drawing stops at the
    /// attendee link, with its QR code's square empty; the code and, when this bundle draws
    /// the whole screen, the box for codes and the rest come in the next task, below what
    /// is drawn.
    whole: bool,
    /// The bundle that draws the whole screen could not be downloaded (in the bundle that
    /// draws the top).
    unloaded: bool,
}

impl State {
    /// Whether text taken in bulk is being read (or is read, and its report not summed).
    fn reading(&self) -> bool {
        !self.unread.is_empty()
    }

    /// How much of the text taken in bulk is read, in tens of percent (so a screen reader
    /// is told little); `None` when none is being read.
    fn read_percent(&self) -> Option<usize> {
        self.reading()
            .then(|| self.unread_at * 10 / self.unread.len() * 10)
    }

    /// The two groups whose difference is shown: those chosen, or the first two that
    /// answered. `None` before any codes were given.
    fn compared(&self) -> Option<(usize, usize)> {
        let report = self.report.as_ref()?;
        Some(self.compare.unwrap_or_else(|| first_answered(report)))
    }
}

/// The facilitator's screen on a page.
struct Screen {
    of: Of,
    /// The definition's URL, when it came from one.
    src: Option<String>,
    /// The `<candor-quiz>` element, to switch built-in instruments.
    host: Option<HtmlElement>,
    ui: &'static FacilitatorUi,
    root: HtmlElement,
    state: RefCell<State>,
    drawn: RefCell<DrawnWithSvg>,
}

impl Screen {
    /// The instrument codes are read for, when this bundle reads them: the one that draws
    /// the whole screen (`WHOLE`), given the instrument (the top is drawn without it).
    fn reads_codes(&self) -> Option<&Arc<Instrument>> {
        self.of.instrument.as_ref().filter(|_| WHOLE)
    }

    /// Sums the report of the codes read, the box's before those in bulk, then draws
    /// the screen; `started` is when reading what changed began.
    fn recompute(&self, started: f64) {
        // Without the box for codes, there is nothing to sum.
        let Some(instrument) = self.reads_codes() else {
            return self.draw();
        };
        {
            let mut state = self.state.borrow_mut();
            // The report waits for every code taken in bulk: a part of them would mislead.
            if state.reading() {
                drop(state);
                self.draw();
                return;
            }
            let tag = state.session.trim();
            let tag = (!tag.is_empty()).then_some(tag);
            let report = GroupReport::of(&[&state.pasted, &state.bulk], instrument, tag);
            state.report = Some(report);
            state.took = js_sys::Date::now() - started;
        }
        self.draw();
    }

    /// Draws the screen from the state, changing in place what is drawn already.
    fn draw(&self) {
        let screen = self.view(&self.state.borrow());
        self.drawn.borrow_mut().update(&self.root, vec![screen]);
    }

    /// The screen as the state has it.
    fn view(&self, state: &State) -> Node {
        let (id, ui) = (self.of.id.as_str(), self.ui);
        let switcher = (self.host.is_some() && builtin::is_builtin(id)).then(|| {
            let options = builtin::ids().map(|i| {
                (el("option", "").attr("value", i))
                    .flag("selected", i == id)
                    .text(builtin::title_in(i, ui.locale()).unwrap_or(i))
            });
            el("label", "cq-field")
                .child(el("span", "").text(ui.facilitator_instrument()))
                .child(
                    (el("select", "").attr("data-testid", "instrument-choice")).children(options),
                )
        });
        let attendees = attendee_link(id, self.src.as_deref(), &state.session).map(|link| {
            el("div", "cq-attendee")
                .child(el("p", "").text(ui.attendees_open()))
                .child(
                    el("p", "").child(
                        (el("a", "cq-link-text").attr("href", &link))
                            .attr("target", "_blank")
                            .attr("rel", "noopener")
                            .attr("data-testid", "attendee-link")
                            .text(&link),
                    ),
                )
                .maybe(if state.whole {
                    qr_code(&link, ui.attendee_qr_alt())
                } else {
                    Some(qr_space())
                })
        });
        let session = (el("input", "cq-input").attr("type", "text"))
            .attr("data-testid", "session")
            .attr("value", &state.session);
        let heading = fill(ui.facilitator_title(), &[("title", &self.of.title)]);
        let top = (el("section", "cq-step cq-facilitator").attr("data-testid", "facilitator"))
            .child(el("h2", "cq-title").text(&heading))
            .child(el("p", "").text(ui.facilitator_help()))
            .maybe(switcher)
            .child(field(ui.session_tag(), session))
            .maybe(attendees);
        if !WHOLE && state.unloaded {
            return top.children(candor_view::screens::unloaded(ui.codes_unloaded(), ui));
        }
        let Some(instrument) = self.reads_codes().filter(|_| state.whole) else {
            return top;
        };
        // Never given the text: writing 100,000 lines back into the box would make the
        // browser lay them out a second time.
        let paste =
            (el("textarea", "cq-input cq-paste").attr("rows", "6")).attr("data-testid", "paste");
        let file = (el("input", "").attr("type", "file"))
            .attr("accept", ".txt,.csv,text/plain")
            .attr("data-testid", "codes-file");
        let lines = state.bulk_lines;
        let bulk = if let Some(percent) = state.read_percent() {
            let progress = fill(ui.bulk_reading(), &[("percent", &percent.to_string())]);
            Some(
                (el("p", "cq-meta").attr("data-testid", "bulk-reading"))
                    .attr("role", "status")
                    .text(&progress)
                    .text(" ")
                    .child(button("clear-bulk", ui.clear())),
            )
        } else {
            (lines > 0).then(|| {
                (el("p", "cq-meta").attr("data-testid", "bulk"))
                    .text(&fill(ui.bulk_note(), &[("n", &lines.to_string())]))
                    .text(" ")
                    .child(button("clear-bulk", ui.clear()))
            })
        };
        let report = (state.report.as_ref().zip(state.compared())).map(|(report, compare)| {
            [
                report_view(instrument, report, &state.session, compare, ui),
                (el("p", "cq-meta").attr("data-testid", "group-time")).text(&fill(
                    ui.group_time(),
                    &[("ms", &candor_core::decimal::decimal(state.took, 0, "."))],
                )),
                button("export-csv", ui.export_csv()),
            ]
        });
        top.child(field(ui.paste_codes(), paste))
            .child(
                el("div", "cq-actions").child(
                    el("label", "cq-file")
                        .child(file)
                        .child(el("span", "").text(ui.load_codes())),
                ),
            )
            .maybe(bulk)
            .children(report.into_iter().flatten())
    }

    /// Takes `text` in bulk, after what came before, and reads it.
    fn add_bulk(self: &Rc<Self>, text: &str) {
        if text.trim().is_empty() && !self.state.borrow().reading() {
            // An empty file: the report says what it holds.
            return self.recompute(js_sys::Date::now());
        }
        let reading = {
            let mut state = self.state.borrow_mut();
            let reading = state.reading();
            if reading {
                state.unread.push('\n');
            } else {
                state.unread.clear();
                state.unread_at = 0;
                state.read_started = js_sys::Date::now();
            }
            state.unread.push_str(text);
            reading
        };
        if !reading {
            self.read_some(None);
        }
    }

    /// Reads text taken in bulk for up to [`READ_SLICE_MS`], draws how far it got when that
    /// changed from `shown`, and goes on in the next task: reading, or summing the report
    /// once all is read (a task of its own: summing 100,000 codes takes tens of ms).
    fn read_some(self: &Rc<Self>, shown: Option<usize>) {
        // Cleared meanwhile: Clear summed the report.
        if !self.state.borrow().reading() {
            return;
        }
        let slice_started = js_sys::Date::now();
        let left = loop {
            let mut guard = self.state.borrow_mut();
            let state = &mut *guard;
            // Read from where a line starts, up to where one ends (`line_end_after`).
            let rest = state.unread.get(state.unread_at..).unwrap_or_default();
            if rest.is_empty() {
                break false;
            }
            let end = line_end_after(rest, READ_STEP);
            let piece = rest.get(..end).unwrap_or(rest);
            state.bulk_lines += piece.lines().filter(|l| !l.trim().is_empty()).count();
            if let Some(instrument) = self.reads_codes() {
                state.bulk.append(Paste::read(piece, instrument));
            }
            // Past the piece and the line break after it.
            state.unread_at = (state.unread_at + end + 1).min(state.unread.len());
            if js_sys::Date::now() - slice_started >= READ_SLICE_MS {
                break state.unread_at < state.unread.len();
            }
        };
        let now = self.state.borrow().read_percent();
        if now != shown {
            self.draw();
        }
        let screen = Rc::downgrade(self);
        next_task_in_a_row(move || {
            if let Some(screen) = screen.upgrade() {
                if left {
                    screen.read_some(now);
                } else {
                    screen.finish_reading();
                }
            }
        });
    }

    /// Sums the report of every code taken in bulk, unless more text came meanwhile.
    fn finish_reading(self: &Rc<Self>) {
        let started = {
            let mut state = self.state.borrow_mut();
            if !state.reading() {
                return;
            }
            if state.unread_at < state.unread.len() {
                let shown = state.read_percent();
                drop(state);
                return self.read_some(shown);
            }
            state.unread = String::new();
            state.unread_at = 0;
            state.read_started
        };
        self.recompute(started);
    }

    /// Asks the element for the bundle that draws the whole screen, handing it the
    /// session's tag as it is then; says so if that bundle cannot be downloaded.
    fn ask_whole(self: &Rc<Self>) {
        let Some(host) = &self.host else {
            return;
        };
        let (handing, failing) = (Rc::downgrade(self), Rc::downgrade(self));
        hand_over(
            host,
            move || {
                (handing.upgrade())
                    .map(|screen| screen.state.borrow().session.clone())
                    .unwrap_or_default()
            },
            move || {
                if let Some(screen) = failing.upgrade() {
                    screen.state.borrow_mut().unloaded = true;
                    screen.draw();
                }
            },
        );
    }

    /// Offers the report as a CSV file.
    fn export(&self) {
        let state = self.state.borrow();
        if let (Some(report), Some(instrument)) = (&state.report, self.reads_codes()) {
            let name = candor_core::group::csv_file_name(instrument, &state.session);
            let _ = download_csv(&name, &report.csv(instrument));
        }
    }
}

/// Where the first piece of `text` to read ends: at the end of the line that reaches
/// `step` bytes, or at the end of `text`.
fn line_end_after(text: &str, step: usize) -> usize {
    (text.as_bytes().iter().skip(step))
        .position(|&b| b == b'\n')
        .map_or(text.len(), |at| step + at)
}

/// A labelled field.
fn field(label: &str, input: Node) -> Node {
    el("label", "cq-field")
        .child(el("span", "").text(label))
        .child(input)
}

/// A button named `testid`.
fn button(testid: &str, label: &str) -> Node {
    (el("button", "").attr("type", "button"))
        .attr("data-testid", testid)
        .text(label)
}

/// The `data-testid` of the element an event came from, and the element.
fn target_of(event: &web_sys::Event, selector: &str) -> Option<(String, web_sys::Element)> {
    let target = closest(event.target(), selector)?;
    Some((target.get_attribute("data-testid")?, target))
}

fn typed(screen: &Rc<Screen>, event: web_sys::Event) {
    let Some((testid, control)) = target_of(&event, "input, textarea") else {
        return;
    };
    let value = value_of(&control);
    let started = js_sys::Date::now();
    match testid.as_str() {
        "session" => screen.state.borrow_mut().session = value,
        "paste" => {
            if let Some(instrument) = screen.reads_codes() {
                screen.state.borrow_mut().pasted = Paste::read(&value, instrument);
            }
        }
        _ => return,
    }
    screen.recompute(started);
}

fn pasted(screen: &Rc<Screen>, event: web_sys::Event) {
    if !WHOLE || target_of(&event, "textarea").is_none_or(|(testid, _)| testid != "paste") {
        return;
    }
    let text = (event.dyn_ref::<web_sys::ClipboardEvent>())
        .and_then(|e| e.clipboard_data())
        .and_then(|d| d.get_data("text").ok())
        .unwrap_or_default();
    if text.len() >= BULK_PASTE {
        event.prevent_default();
        screen.add_bulk(&text);
    }
}

fn changed(screen: &Rc<Screen>, event: web_sys::Event) {
    let Some((testid, control)) = target_of(&event, "input, select") else {
        return;
    };
    match testid.as_str() {
        "codes-file" if WHOLE => {
            let screen = Rc::downgrade(screen);
            load_file(&event, move |text| {
                if let Some(screen) = screen.upgrade() {
                    screen.add_bulk(&text);
                }
            });
        }
        "instrument-choice" => {
            if let Some(host) = &screen.host {
                let _ = host.set_attribute("instrument", &value_of(&control));
            }
        }
        "group-a" | "group-b" if WHOLE => {
            let Ok(i) = value_of(&control).parse::<usize>() else {
                return;
            };
            {
                let mut state = screen.state.borrow_mut();
                let Some((a, b)) = state.compared() else {
                    return;
                };
                state.compare = Some(if testid == "group-a" { (i, b) } else { (a, i) });
            }
            screen.draw();
        }
        _ => {}
    }
}

fn clicked(screen: &Rc<Screen>, event: web_sys::Event) {
    let Some((testid, _)) = target_of(&event, "button") else {
        return;
    };
    match testid.as_str() {
        "retry" if !WHOLE => {
            screen.state.borrow_mut().unloaded = false;
            screen.draw();
            screen.ask_whole();
        }
        "clear-bulk" if WHOLE => {
            {
                let mut state = screen.state.borrow_mut();
                state.bulk = Paste::default();
                state.bulk_lines = 0;
                state.unread = String::new();
                state.unread_at = 0;
            }
            screen.recompute(js_sys::Date::now());
        }
        "export-csv" if WHOLE => screen.export(),
        _ => {}
    }
}

/// The facilitator's screen as mounted: dropping it stops listening.
pub struct Facilitator {
    _screen: Rc<Screen>,
    listeners: Vec<Listener>,
}

impl Drop for Facilitator {
    fn drop(&mut self) {
        release(std::mem::take(&mut self.listeners));
    }
}

/// Where the screen's session tag comes from.
pub enum Session {
    /// A new screen: the tag the page set, if any, else a fresh one.
    New(Option<String>),
    /// The tag shown by the bundle that drew the screen's top, which this one takes over.
    TakenOver(String),
}

/// Shows the facilitator's screen of `of` in `root`. `session` is where its tag comes from;
/// `src` the definition's URL, when it came from one; `host` the `<candor-quiz>` element,
/// to switch built-in instruments and to hand over to the bundle that draws the whole
/// screen.
pub fn facilitator_screen(
    root: &HtmlElement,
    of: Of,
    session: Session,
    src: Option<String>,
    host: Option<HtmlElement>,
    ui: &'static FacilitatorUi,
) -> Facilitator {
    let (session, taking_over) = match session {
        Session::New(tag) => (tag.unwrap_or_else(new_session_tag), false),
        Session::TakenOver(tag) => (tag, true),
    };
    let screen = Rc::new(Screen {
        of,
        src,
        host,
        ui,
        root: root.clone(),
        state: RefCell::new(State {
            session,
            pasted: Paste::default(),
            bulk: Paste::default(),
            bulk_lines: 0,
            unread: String::new(),
            unread_at: 0,
            read_started: 0.0,
            report: None,
            took: 0.0,
            compare: None,
            whole: taking_over,
            unloaded: false,
        }),
        drawn: RefCell::default(),
    });
    screen.draw();
    // A new screen's top first: encoding the QR code (and compiling the encoder) and
    // laying out the form controls below would double the first task and the first
    // layout. The rest comes in the next task, below, so nothing drawn first moves; then
    // the bundle that draws the top alone hands over to the one that draws it whole.
    if !taking_over {
        let later: Weak<Screen> = Rc::downgrade(&screen);
        next_task(move || {
            if let Some(screen) = later.upgrade() {
                screen.state.borrow_mut().whole = true;
                screen.draw();
                if !WHOLE {
                    screen.ask_whole();
                }
            }
        });
    }
    let on = |handler: fn(&Rc<Screen>, web_sys::Event)| {
        let screen: Weak<Screen> = Rc::downgrade(&screen);
        move |event| {
            if let Some(screen) = screen.upgrade() {
                handler(&screen, event);
            }
        }
    };
    let listeners = vec![
        listen(root, "input", false, on(typed)),
        listen(root, "paste", false, on(pasted)),
        listen(root, "change", false, on(changed)),
        listen(root, "click", false, on(clicked)),
    ];
    Facilitator {
        _screen: screen,
        listeners,
    }
}
