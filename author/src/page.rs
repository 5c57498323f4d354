//! The authoring page: its state, the draft open and how drafts are started, opened and
//! saved. The start screen is [`crate::start`], the editor [`crate::editor`].

use candor_core::json::Value;
use leptos::prelude::*;

use crate::drafts::{self, Draft};
use crate::export;
use crate::form::{Editor, focus_later};
use crate::text::Lang;

/// Which view of the definition is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tab {
    Form,
    Json,
}

/// The page's state.
#[derive(Clone, Copy)]
pub(crate) struct Page {
    pub(crate) ed: Editor,
    /// The id of the open draft (`None`: the start screen).
    pub(crate) open: RwSignal<Option<String>>,
    pub(crate) name: RwSignal<String>,
    pub(crate) drafts: RwSignal<Vec<Draft>>,
    pub(crate) tab: RwSignal<Tab>,
    /// The last save failed.
    pub(crate) unsaved: RwSignal<bool>,
    /// What the start screen has to say (an import refused, a draft deleted).
    pub(crate) notice: RwSignal<String>,
}

pub(crate) fn now() -> f64 {
    js_sys::Date::now()
}

/// Reads JSON text into the definition's tree.
pub(crate) fn parse(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// The page's language, from `?lang=` or the browser's.
pub fn language() -> Lang {
    let query = window()
        .location()
        .search()
        .ok()
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get("lang"));
    let browser = window().navigator().language();
    Lang::pick(query.as_deref(), browser.as_deref())
}

/// The folder this page is served from, which holds Candor's files.
pub(crate) fn base_url() -> String {
    let href = window().location().href().unwrap_or_default();
    let path = href.split(['?', '#']).next().unwrap_or_default();
    match path.rfind('/') {
        Some(at) => path[..=at].to_owned(),
        None => String::new(),
    }
}

impl Page {
    /// Opens `doc` as a new draft, named after its title (or "Untitled draft").
    pub(crate) fn start(&self, doc: &Value) {
        let id = drafts::fresh_id(&self.drafts.get_untracked(), now());
        let name = doc
            .get("title")
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty())
            .unwrap_or(self.ed.ui().untitled)
            .to_owned();
        self.open_draft(&Draft {
            id,
            name,
            saved: now(),
            text: export::file_text(doc),
        });
    }

    /// Opens `draft` in the editor.
    pub(crate) fn open_draft(&self, draft: &Draft) {
        match parse(&draft.text) {
            Ok(doc) => {
                self.ed.doc.set(doc);
                self.ed.json_raw.set(None);
                self.tab.set(Tab::Form);
            }
            Err(_) => {
                self.ed.doc.set(Value::Object(Vec::new()));
                self.ed.json_raw.set(Some(draft.text.clone()));
                self.tab.set(Tab::Json);
            }
        }
        self.name.set(draft.name.clone());
        self.notice.set(String::new());
        self.open.set(Some(draft.id.clone()));
        focus_later("draft-name".to_owned(), false);
    }

    /// Back to the start screen.
    pub(crate) fn close(&self) {
        self.open.set(None);
        drafts::remember_open(None);
        self.drafts.set(drafts::load());
    }

    /// Saves the open draft as it stands.
    fn save(&self) {
        let Some(id) = self.open.get() else {
            return;
        };
        let text = match self.ed.json_raw.get() {
            Some(raw) => raw,
            None => self.ed.doc.with(export::file_text),
        };
        let draft = Draft {
            id,
            name: self.name.get(),
            saved: now(),
            text,
        };
        self.unsaved.set(drafts::save(draft).is_err());
    }
}

/// Mounts the page into `root`.
pub fn mount(root: web_sys::HtmlElement) {
    leptos::mount::mount_to(root, App).forget();
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let lang = language();
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.tag());
    }
    let ed = Editor::new(RwSignal::new(Value::Object(Vec::new())), lang);
    let page = Page {
        ed,
        open: RwSignal::new(None),
        name: RwSignal::new(String::new()),
        drafts: RwSignal::new(drafts::load()),
        tab: RwSignal::new(Tab::Form),
        unsaved: RwSignal::new(false),
        notice: RwSignal::new(String::new()),
    };
    if let Some(draft) = drafts::last_open() {
        page.open_draft(&draft);
    }
    Effect::new(move |_| page.save());
    header(ed.ui());
    view! {
        {move || match page.open.get() {
            None => crate::start::start(page).into_any(),
            Some(_) => crate::editor::editor(page).into_any(),
        }}
    }
}

/// Writes the page's header (static in `author.html`, so it paints before the bundle
/// runs) in the page's language.
fn header(ui: &'static crate::text::Ui) {
    let set = |id: &str, text: &str| {
        if let Some(el) = document().get_element_by_id(id) {
            el.set_text_content(Some(text));
        }
    };
    set("page-title", ui.title);
    set("page-lead", ui.lead);
    set("page-language", ui.other_language);
    if let Some(link) = document().get_element_by_id("page-language") {
        let tag = ui.other_language_tag;
        let _ = link.set_attribute("href", &format!("?lang={tag}"));
        let _ = link.set_attribute("hreflang", tag);
        let _ = link.set_attribute("lang", tag);
    }
    document().set_title(&format!("Candor — {}", ui.title.to_lowercase()));
}
