//! What the `<candor-quiz>` element's attributes mean, before any WebAssembly.
//!
//! * Both bundles read these; the element class reads them from the data module the build
//!   writes from here.
//! * [`TAG`], [`ATTRIBUTES`]: the element and what it observes.
//! * [`DEFAULT_INSTRUMENT`]: what an element that names none shows.
//! * [`theme_class`]: the classes of the widget's outer box per theme.
//! * [`SHARE_KEY`]: a shared result travels as `#candor=<code>` in a page's address.
//! * [`FULL_ONLY_MODE`], [`FULL_ONLY_ATTRIBUTE`], [`INLINE_DEFINITION`]: what only the full
//!   bundle shows (the facilitator's screen, a trainer's definition).

/// The element's tag.
pub const TAG: &str = "candor-quiz";

/// The attributes the element observes; changing one remounts the widget.
pub const ATTRIBUTES: &[&str] = &[
    "instrument",
    "locale",
    "theme",
    "session",
    "mode",
    "storage-key",
    "src",
];

/// The instrument shown when an element names none.
pub const DEFAULT_INSTRUMENT: &str = "service-or-servility";

/// The key of a shared result in a page address's fragment: `#candor=<code>`.
pub const SHARE_KEY: &str = "candor";

/// The key of a request for others' view in a page address's fragment:
/// `#candor-rate=<instrument id>~<version>~<request>` (see `candor_core::others::Request`).
pub const RATE_KEY: &str = "candor-rate";

/// The `mode` whose screen only the full bundle shows.
pub const FULL_ONLY_MODE: &str = "facilitator";

/// The attribute naming a trainer's definition by URL, which the full bundle reads.
pub const FULL_ONLY_ATTRIBUTE: &str = "src";

/// The child holding a trainer's definition inline, which the full bundle reads.
pub const INLINE_DEFINITION: &str = r#"script[type="application/json"]"#;

/// The themes an element may ask for; anything else follows the reader's colour scheme.
pub const THEMES: &[&str] = &["light", "dark", "auto"];

/// The classes of the widget's outer box for `theme` (anything unknown is `auto`).
///
/// ```
/// assert_eq!(candor_view::element::theme_class("dark"), "cq cq-dark");
/// assert_eq!(candor_view::element::theme_class("pink"), "cq cq-auto");
/// ```
pub fn theme_class(theme: &str) -> &'static str {
    match theme.trim() {
        "light" => "cq cq-light",
        "dark" => "cq cq-dark",
        _ => "cq cq-auto",
    }
}
