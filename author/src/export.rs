//! What leaves the page: the definition's file, and the snippets that put it on a page.
//!
//! * The file is the tree written with two-space indentation and a final newline, keys in
//!   the order they were read: exporting, opening the file and exporting again gives the
//!   same bytes.
//! * Snippets point at the folder this page is served from, which holds Candor's files.

use candor_core::json::Value;

/// The definition as the exported file holds it.
pub fn file_text(doc: &Value) -> String {
    let mut text = serde_json::to_string_pretty(doc).unwrap_or_default();
    text.push('\n');
    text
}

/// The definition on one line.
pub fn compact(doc: &Value) -> String {
    serde_json::to_string(doc).unwrap_or_default()
}

/// The file name an export gets: `<id>.json`, or `instrument.json` without a usable id.
pub fn file_name(doc: &Value) -> String {
    let id = doc
        .get("id")
        .and_then(Value::as_str)
        .filter(|id| candor_core::definition::InstrumentId::parse(id).is_some())
        .unwrap_or("instrument");
    format!("{id}.json")
}

/// `text` made safe inside an HTML attribute value in double quotes.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// What writes a snippet, from the folder Candor's files are served from and the
/// definition.
pub type Snippet = fn(&str, &Value) -> String;

/// The snippet with the definition inline. Every `<` is written `\u003c` inside the JSON
/// (it can only be in a string there), so no text in it can close the script element or
/// open a comment.
pub fn inline_snippet(base: &str, doc: &Value) -> String {
    let json = compact(doc).replace('<', "\\u003c");
    format!(
        "<script type=\"module\" src=\"{base}candor.js\"></script>\n<candor-quiz>\n  <script type=\"application/json\">{json}</script>\n</candor-quiz>\n"
    )
}

/// The snippet that loads the definition from its file, uploaded beside the page.
pub fn src_snippet(base: &str, doc: &Value) -> String {
    format!(
        "<script type=\"module\" src=\"{base}candor.js\"></script>\n<candor-quiz src=\"{}\"></candor-quiz>\n",
        attribute(&file_name(doc))
    )
}

/// The iframe snippet: the standalone page with the file uploaded beside Candor's files.
pub fn iframe_snippet(base: &str, doc: &Value) -> String {
    let title = doc.get("title").and_then(Value::as_str).unwrap_or_default();
    format!(
        "<iframe title=\"Candor: {}\" src=\"{base}embed.html?src={}\" width=\"100%\" height=\"720\" style=\"border:0\"></iframe>\n<script src=\"{base}candor-resizer.js\"></script>\n",
        attribute(title),
        attribute(&file_name(doc))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Value {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn an_exported_file_reads_back_to_the_same_bytes() {
        let text = candor_core::builtin::source("trust-roadmap").unwrap();
        let once = file_text(&doc(text));
        assert_eq!(file_text(&doc(&once)), once);
        assert!(once.ends_with("}\n"));
    }

    #[test]
    fn names_the_file_after_a_valid_id() {
        assert_eq!(
            file_name(&doc(r#"{"id":"meeting-habits"}"#)),
            "meeting-habits.json"
        );
        assert_eq!(file_name(&doc(r#"{"id":"no spaces"}"#)), "instrument.json");
        assert_eq!(file_name(&doc("{}")), "instrument.json");
    }

    #[test]
    fn no_text_closes_the_inline_script() {
        let d = doc(r#"{"id":"x","title":"a </script><b>"}"#);
        let snippet = inline_snippet("https://s/c/", &d);
        assert!(
            snippet.starts_with("<script type=\"module\" src=\"https://s/c/candor.js\"></script>")
        );
        assert_eq!(snippet.matches("</script>").count(), 2, "{snippet}");
        assert!(
            snippet.contains(r#""title":"a \u003c/script>\u003cb>""#),
            "{snippet}"
        );
        // Read back as JSON, the text is the trainer's.
        let start = snippet.find("json\">").unwrap() + 6;
        let end = snippet.rfind("</script>").unwrap();
        let back: Value = serde_json::from_str(&snippet[start..end]).unwrap();
        assert_eq!(back, d);
    }

    #[test]
    fn the_iframe_names_its_title_and_file() {
        let d = doc(r#"{"id":"x","title":"Say \"hi\""}"#);
        let snippet = iframe_snippet("/c/", &d);
        assert!(
            snippet.contains(r#"title="Candor: Say &quot;hi&quot;""#),
            "{snippet}"
        );
        assert!(
            snippet.contains(r#"src="/c/embed.html?src=x.json""#),
            "{snippet}"
        );
    }
}
