//! Minifies the widget's stylesheet (`src/style.css`) into `OUT_DIR`: the comments and
//! indentation that make the source readable are dropped before it is compiled into the
//! bundle (fewer bytes to download, and less text to decode and parse at every start).
//!
//! Conservative on purpose: comments go, runs of whitespace become one space, and the
//! space next to `{`, `}`, `;` and `,` goes. Nothing else changes (a space before `:`
//! in a selector means something), and the stylesheet has no string holding `/*` or a
//! run of spaces.

use std::fs;
use std::path::Path;

fn minify(css: &str) -> String {
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    text.push_str(rest);
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(collapsed.len());
    for c in collapsed.chars() {
        if matches!(c, '{' | '}' | ';' | ',') && out.ends_with(' ') {
            out.pop();
        }
        if c == ' ' && out.ends_with(['{', '}', ';', ',']) {
            continue;
        }
        out.push(c);
    }
    out.replace(";}", "}")
}

fn main() {
    println!("cargo:rerun-if-changed=src/style.css");
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".to_owned());
    let css = fs::read_to_string("src/style.css").unwrap_or_default();
    let _ = fs::write(Path::new(&out).join("style.min.css"), minify(&css));
}
