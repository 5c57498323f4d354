//! What a page asks of one widget, read from the `<candor-quiz>` element's attributes.
//!
//! * The instrument's source, language, theme, storage namespace, session and mode.
//! * What the attributes mean is `candor_view::element`'s; the element class reads it too.

use candor_view::element;
use web_sys::HtmlElement;

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

    /// The classes of the widget's frame.
    pub fn class(self) -> &'static str {
        element::theme_class(match self {
            Self::Auto => "auto",
            Self::Light => "light",
            Self::Dark => "dark",
        })
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
            Some(element::FULL_ONLY_MODE) => Self::Facilitator,
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
        Self::Builtin(element::DEFAULT_INSTRUMENT.to_owned())
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

/// Reads the options from `host`'s attributes and its inline definition, if any.
pub fn options_from(host: &HtmlElement) -> Options {
    let attr = |name: &str| host.get_attribute(name).filter(|v| !v.trim().is_empty());
    let source = if let Some(text) = inline_definition(host) {
        Source::Inline(text)
    } else if let Some(src) = attr(element::FULL_ONLY_ATTRIBUTE) {
        Source::Url(src)
    } else if let Some(id) = attr("instrument") {
        Source::Builtin(id)
    } else {
        Source::default()
    };
    Options {
        source,
        // Trimmed, as the element trims it to choose the first screen and questions form.
        locale: attr("locale")
            .map(|locale| locale.trim().to_owned())
            .or_else(browser_language),
        theme: Theme::parse(attr("theme").as_deref()),
        namespace: attr("storage-key"),
        session: attr("session"),
        mode: Mode::parse(attr("mode").as_deref()),
    }
}

/// The reader's preferred language, as the browser reports it.
fn browser_language() -> Option<String> {
    web_sys::window()?.navigator().language()
}

/// The inline definition in `host`, if it holds a `<script type="application/json">`.
pub fn inline_definition(host: &HtmlElement) -> Option<String> {
    host.query_selector(element::INLINE_DEFINITION)
        .ok()
        .flatten()
        .and_then(|script| script.text_content())
        .filter(|text| !text.trim().is_empty())
}
