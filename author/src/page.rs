//! The authoring page: its state, the draft open, and how drafts are started, opened and
//! saved. The start screen is [`crate::start`], the editor [`crate::editor`].
//!
//! The page is a `candor-view` tree drawn from its [`State`], without a UI framework: each
//! control names what it does (an [`Act`], listed as the tree is drawn, its index in the
//! control's `data-act`); the page hears every input, change and click in one place, does
//! the act, saves the open draft and draws the tree again in place.

use std::cell::RefCell;
use std::rc::Rc;

use candor_core::json::Value;
use candor_view::node::{Node, el};
use candor_web::dom::{DrawnForm, closest};
use candor_web::widget::listen;
use wasm_bindgen::JsCast;

use crate::drafts::{self, Draft};
use crate::export;
use crate::form::{self, Editor, Focus, focus_later};
use crate::preview;
use crate::text::{Lang, Ui};
use crate::tree::Path;

/// Which view of the definition is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tab {
    Form,
    Json,
}

/// What a control of the page does.
#[derive(Clone, Debug)]
pub(crate) enum Act {
    /// A control of the form.
    Form(form::Act),
    /// Opens the draft with this id.
    Open(String),
    /// Asks whether to delete the draft with this id.
    AskDelete(String),
    /// Deletes the draft with this id and name.
    Delete(String, String),
    /// Keeps the draft after all.
    Keep,
    /// Starts a draft from the blank template of this model kind.
    Blank(&'static str),
    /// Chooses the built-in to copy.
    Choose,
    /// Copies the built-in chosen.
    Copy,
    /// Opens the file chosen.
    File,
    /// The pasted JSON changed.
    Pasted,
    /// Opens the pasted JSON.
    OpenPasted,
    /// Back to the start screen.
    Back,
    /// The draft's name changed.
    Name,
    /// Shows the form or the JSON view.
    Tab(Tab),
    /// Downloads the definition.
    Export,
    /// The JSON view's text changed.
    Json,
    /// Shows the field of a problem.
    GoTo(Path),
    /// Shows the JSON view, where the text cannot be read.
    GoToJson,
    /// Shows the preview again from its start.
    Restart,
    /// Copies the snippet that `make` writes.
    CopySnippet(export::Snippet),
}

impl From<form::Act> for Act {
    fn from(act: form::Act) -> Self {
        Act::Form(act)
    }
}

impl Act {
    /// The event the control sends when it is used.
    fn event(&self) -> &'static str {
        match self {
            Act::Form(act) => act.event(),
            Act::Pasted | Act::Name | Act::Json => "input",
            Act::Choose | Act::File => "change",
            _ => "click",
        }
    }
}

/// Lists `act` in `acts` and returns what the control's `data-act` says: its index there.
pub(crate) fn listed(acts: &mut Vec<Act>, act: Act) -> String {
    acts.push(act);
    (acts.len() - 1).to_string()
}

/// A button labelled `words` that does `act`.
pub(crate) fn button(acts: &mut Vec<Act>, act: Act, words: &str) -> Node {
    el("button", "")
        .attr("type", "button")
        .attr("data-act", &listed(acts, act))
        .text(words)
}

/// The page's state.
pub(crate) struct State {
    /// The definition open, and the form's own state.
    pub(crate) ed: Editor,
    /// The id of the open draft (`None`: the start screen).
    pub(crate) open: Option<String>,
    pub(crate) name: String,
    pub(crate) drafts: Vec<Draft>,
    pub(crate) tab: Tab,
    /// The last save failed.
    pub(crate) unsaved: bool,
    /// What the start screen has to say (an import refused, a draft deleted).
    pub(crate) notice: String,
    /// The draft whose deletion is being asked.
    pub(crate) asking: Option<String>,
    /// The built-in to copy.
    pub(crate) chosen: String,
    /// The JSON pasted on the start screen.
    pub(crate) pasted: String,
    /// What the last export wrote.
    pub(crate) exported: String,
    /// Whether the last snippet was copied.
    pub(crate) copied: String,
    /// The snippets as last written (`None`: written at the next drawing). Writing them
    /// from the whole definition on every key cost a third of the key's time on a phone,
    /// so they are written again once typing pauses, with the preview.
    pub(crate) snippets: Option<[String; 3]>,
}

impl State {
    pub(crate) fn ui(&self) -> &'static Ui {
        self.ed.ui()
    }

    pub(crate) fn lang(&self) -> Lang {
        self.ed.lang
    }

    /// Opens `doc` as a new draft, named after its title (or "Untitled draft").
    pub(crate) fn start(&mut self, doc: Value) -> Focus {
        let id = drafts::fresh_id(&self.drafts, now());
        let name = doc
            .get("title")
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty())
            .unwrap_or(self.ui().untitled)
            .to_owned();
        let text = export::file_text(&doc);
        self.open_draft(&Draft {
            id,
            name,
            saved: now(),
            text,
        })
    }

    /// Opens `draft` in the editor.
    pub(crate) fn open_draft(&mut self, draft: &Draft) -> Focus {
        let lang = self.lang();
        match parse(&draft.text) {
            Ok(doc) => {
                self.ed = Editor::new(doc, lang);
                self.tab = Tab::Form;
            }
            Err(_) => {
                self.ed = Editor::new(Value::Object(Vec::new()), lang);
                self.ed.json_raw = Some(draft.text.clone());
                self.tab = Tab::Json;
            }
        }
        self.name.clone_from(&draft.name);
        self.notice.clear();
        self.exported.clear();
        self.copied.clear();
        self.snippets = None;
        self.open = Some(draft.id.clone());
        ("draft-name".to_owned(), false)
    }

    /// Back to the start screen.
    pub(crate) fn close(&mut self) {
        self.open = None;
        self.asking = None;
        drafts::remember_open(None);
        self.drafts = drafts::load();
    }

    /// Saves the open draft as it stands.
    fn save(&mut self) {
        let Some(id) = self.open.clone() else {
            return;
        };
        let text = match &self.ed.json_raw {
            Some(raw) => raw.clone(),
            None => export::file_text(&self.ed.doc),
        };
        let draft = Draft {
            id,
            name: self.name.clone(),
            saved: now(),
            text,
        };
        self.unsaved = drafts::save(draft).is_err();
    }
}

pub(crate) fn now() -> f64 {
    js_sys::Date::now()
}

/// Reads JSON text into the definition's tree.
pub(crate) fn parse(text: &str) -> Result<Value, String> {
    candor_core::json::text::parse(text).map_err(|e| e.to_string())
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The page's language, from `?lang=` or the browser's.
pub fn language() -> Lang {
    let window = web_sys::window();
    let query = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get("lang"));
    let browser = window.and_then(|w| w.navigator().language());
    Lang::pick(query.as_deref(), browser.as_deref())
}

/// The folder this page is served from, which holds Candor's files.
pub(crate) fn base_url() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let path = href.split(['?', '#']).next().unwrap_or_default();
    match path.rfind('/') {
        Some(at) => path[..=at].to_owned(),
        None => String::new(),
    }
}

/// The preview as last asked for: its definition and locale, and a count of the asks, so
/// a preview asked for meanwhile cancels one that waits.
#[derive(Default)]
struct Preview {
    wanted: Option<(String, String)>,
    generation: u64,
}

/// How long the preview waits for typing to pause, in milliseconds.
const PREVIEW_PAUSE_MS: i32 = 400;

/// The page as mounted.
pub(crate) struct Page {
    root: web_sys::HtmlElement,
    state: RefCell<State>,
    drawn: RefCell<DrawnForm>,
    acts: RefCell<Vec<Act>>,
    preview: RefCell<Preview>,
}

impl Page {
    /// What `look` reads of the state.
    pub(crate) fn read<T>(&self, look: impl FnOnce(&State) -> T) -> T {
        look(&self.state.borrow())
    }

    /// Changes the state with `change`, saves the open draft, draws the page again, and
    /// moves focus where `change` says.
    pub(crate) fn update(self: &Rc<Self>, change: impl FnOnce(&mut State) -> Option<Focus>) {
        let focus = {
            let mut state = self.state.borrow_mut();
            let focus = change(&mut state);
            state.save();
            focus
        };
        self.draw();
        if let Some((id, inside)) = focus {
            focus_later(id, inside);
        }
    }

    /// Draws the page from the state, changing in place what is drawn already.
    fn draw(self: &Rc<Self>) {
        let mut acts = Vec::new();
        let (tree, wanted): (Node, _) = {
            let mut state = self.state.borrow_mut();
            if state.open.is_some() {
                crate::editor::view(&mut state, &mut acts)
            } else {
                (crate::start::view(&state, &mut acts), None)
            }
        };
        *self.acts.borrow_mut() = acts;
        self.drawn.borrow_mut().update(&self.root, vec![tree]);
        self.follow_preview(wanted);
    }

    /// Shows the preview of `wanted` and writes the snippets again once typing pauses, or
    /// clears the preview at once when there is none (the definition has problems).
    fn follow_preview(self: &Rc<Self>, wanted: Option<(String, String)>) {
        let mine = {
            let mut preview = self.preview.borrow_mut();
            if preview.wanted == wanted {
                return;
            }
            preview.wanted = wanted;
            preview.generation += 1;
            if preview.wanted.is_none() {
                drop(preview);
                if let Some(holder) = self.preview_holder() {
                    preview::clear(&holder);
                }
                return;
            }
            preview.generation
        };
        let Some(window) = web_sys::window() else {
            return;
        };
        let page = Rc::downgrade(self);
        let step = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(page) = page.upgrade()
                && page.preview.borrow().generation == mine
            {
                page.state.borrow_mut().snippets = None;
                page.draw();
                page.show_preview();
            }
        });
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            step.unchecked_ref(),
            PREVIEW_PAUSE_MS,
        );
    }

    fn preview_holder(&self) -> Option<web_sys::Element> {
        self.root
            .query_selector("[data-testid=preview]")
            .ok()
            .flatten()
    }

    /// Shows the preview of the definition as it stands, from its start.
    fn show_preview(&self) {
        let wanted = self.preview.borrow().wanted.clone();
        if let (Some(holder), Some((json, locale))) = (self.preview_holder(), wanted) {
            let _ = preview::show(&holder, &json, &locale);
        }
    }

    /// Does what the control that sent `event` does.
    fn heard(self: &Rc<Self>, event: &web_sys::Event) {
        let Some(control) = closest(event.target(), "[data-act]") else {
            return;
        };
        let Some(act) = control
            .get_attribute("data-act")
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| self.acts.borrow().get(i).cloned())
        else {
            return;
        };
        if act.event() != event.type_() {
            return;
        }
        if matches!(act, Act::GoTo(_) | Act::GoToJson) {
            event.prevent_default();
        }
        match act {
            Act::Restart => self.show_preview(),
            Act::Copy => crate::start::copy_builtin(self),
            Act::File => crate::start::open_file(self, event),
            Act::CopySnippet(make) => crate::editor::copy_snippet(self, make),
            Act::Form(act) => self.update(|s| s.ed.act(&act, &control)),
            act => self.update(|s| match s.open {
                None => crate::start::act(s, act, &control),
                Some(_) => crate::editor::act(s, act, &control),
            }),
        }
    }
}

/// Mounts the page into `root`. It stays for the page's life.
pub fn mount(root: web_sys::HtmlElement) {
    let lang = language();
    if let Some(html) = document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", lang.tag());
    }
    let ui = Ui::of(lang);
    let mut state = State {
        ed: Editor::new(Value::Object(Vec::new()), lang),
        open: None,
        name: String::new(),
        drafts: drafts::load(),
        tab: Tab::Form,
        unsaved: false,
        notice: String::new(),
        asking: None,
        chosen: candor_core::builtin::ids()
            .next()
            .unwrap_or_default()
            .to_owned(),
        pasted: String::new(),
        exported: String::new(),
        copied: String::new(),
        snippets: None,
    };
    let focus = drafts::last_open().map(|draft| state.open_draft(&draft));
    header(ui);
    let page = Rc::new(Page {
        root: root.clone(),
        state: RefCell::new(state),
        drawn: RefCell::new(DrawnForm::default()),
        acts: RefCell::new(Vec::new()),
        preview: RefCell::new(Preview::default()),
    });
    page.update(|_| focus);
    for kind in ["input", "change", "click"] {
        let page = Rc::clone(&page);
        // The page lives as long as the document: its listeners are never removed.
        std::mem::forget(listen(&root, kind, false, move |event| {
            page.heard(&event);
        }));
    }
}

/// Writes the page's header (static in `author.html`, so it paints before the bundle
/// runs) in the page's language.
fn header(ui: &'static Ui) {
    let Some(document) = document() else {
        return;
    };
    let set = |id: &str, text: &str| {
        if let Some(el) = document.get_element_by_id(id) {
            el.set_text_content(Some(text));
        }
    };
    set("page-title", ui.title);
    set("page-lead", ui.lead);
    set("page-language", ui.other_language);
    if let Some(link) = document.get_element_by_id("page-language") {
        let tag = ui.other_language_tag;
        let _ = link.set_attribute("href", &format!("?lang={tag}"));
        let _ = link.set_attribute("hreflang", tag);
        let _ = link.set_attribute("lang", tag);
    }
    document.set_title(&format!("Candor — {}", ui.title.to_lowercase()));
}
