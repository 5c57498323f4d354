//! Definitions in, file names out.
//!
//! * Definitions are read by `serde_json` straight into the core's JSON tree. Through
//!   `JSON.parse`, their hundreds of short texts would each cross from JavaScript.
//! * Records go through the browser's own JSON (`candor_web::json`).

use candor_core::json::Value;

pub use candor_web::json::describe;

/// Reads `text` into the core's JSON tree (the parser the core's definition reader takes).
/// A syntax error names its line and column.
pub fn parse(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// `text` reduced to letters, digits, `-` and `_`, for file names.
///
/// ```
/// assert_eq!(candor_widget::json::file_safe("WS 42/b"), "WS42b");
/// ```
pub fn file_safe(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}
