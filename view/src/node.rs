//! A screen as a tree of plain values, before it is drawn.
//!
//! * [`Node`] is an element (tag, attributes in order, children) or a text.
//! * An element may carry a key: another key is another screen, drawn anew.
//! * A radio button's `checked` state is a property, not markup.
//! * [`Node::html`] writes a tree as the browser's `innerHTML` would. The first screen is
//!   this text, so it is exactly what the widget draws.
//! * `candor-web` draws the same trees into the DOM and brings them up to date in place.

/// One node of a screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// An element.
    Element(Element),
    /// A text.
    Text(String),
}

/// An element of a screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    /// The tag name.
    pub tag: &'static str,
    /// The attributes, in the order they are written.
    pub attrs: Vec<(&'static str, String)>,
    /// The children, in order.
    pub children: Vec<Node>,
    /// What makes this element another screen when it changes: drawn anew, not updated.
    pub key: Option<String>,
    /// The `checked` property of a radio button.
    pub checked: Option<bool>,
}

/// Elements with no content and no end tag.
const VOID: &[&str] = &["input", "br", "hr", "img"];

/// A `<tag>`, with `class` when it is not empty.
///
/// ```
/// use candor_view::node::el;
/// let node = el("p", "cq-meta").attr("role", "status").text("Loading…");
/// assert_eq!(node.html(), r#"<p class="cq-meta" role="status">Loading…</p>"#);
/// ```
pub fn el(tag: &'static str, class: &str) -> Node {
    let attrs = if class.is_empty() {
        Vec::new()
    } else {
        vec![("class", class.to_owned())]
    };
    Node::Element(Element {
        tag,
        attrs,
        children: Vec::new(),
        key: None,
        checked: None,
    })
}

impl Node {
    /// The element, if this is one.
    pub fn element(&self) -> Option<&Element> {
        match self {
            Self::Element(e) => Some(e),
            Self::Text(_) => None,
        }
    }

    fn with(mut self, change: impl FnOnce(&mut Element)) -> Self {
        if let Self::Element(e) = &mut self {
            change(e);
        }
        self
    }

    /// Adds attribute `name`.
    pub fn attr(self, name: &'static str, value: &str) -> Self {
        self.with(|e| e.attrs.push((name, value.to_owned())))
    }

    /// Adds attribute `name` when `on` (with an empty value, as `disabled`).
    pub fn flag(self, name: &'static str, on: bool) -> Self {
        if on { self.attr(name, "") } else { self }
    }

    /// Appends a text.
    pub fn text(self, text: &str) -> Self {
        self.with(|e| e.children.push(Node::Text(text.to_owned())))
    }

    /// Appends `child`.
    pub fn child(self, child: Node) -> Self {
        self.with(|e| e.children.push(child))
    }

    /// Appends `child`, if any.
    pub fn maybe(self, child: Option<Node>) -> Self {
        match child {
            Some(child) => self.child(child),
            None => self,
        }
    }

    /// Appends each of `children`.
    pub fn children(self, children: impl IntoIterator<Item = Node>) -> Self {
        self.with(|e| e.children.extend(children))
    }

    /// Gives the element a key: another key is another screen.
    pub fn key(self, key: String) -> Self {
        self.with(|e| e.key = Some(key))
    }

    /// Sets the `checked` property.
    pub fn checked(self, checked: bool) -> Self {
        self.with(|e| e.checked = Some(checked))
    }

    /// The markup, as `outerHTML` writes it (properties are not markup).
    pub fn html(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Self::Text(text) => escape(text, false, out),
            Self::Element(e) => {
                out.push('<');
                out.push_str(e.tag);
                for (name, value) in &e.attrs {
                    out.push(' ');
                    out.push_str(name);
                    out.push_str("=\"");
                    escape(value, true, out);
                    out.push('"');
                }
                out.push('>');
                if VOID.contains(&e.tag) {
                    return;
                }
                for child in &e.children {
                    child.write(out);
                }
                out.push_str("</");
                out.push_str(e.tag);
                out.push('>');
            }
        }
    }
}

/// Escapes `text` as the browser's HTML serializer does: `&`, the no-break space, and `"`
/// in an attribute or `<` and `>` in a text.
fn escape(text: &str, attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            '"' if attribute => out.push_str("&quot;"),
            '<' if !attribute => out.push_str("&lt;"),
            '>' if !attribute => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_as_the_browser_serializes_it() {
        let node = el("span", "")
            .attr("title", "a \"b\" & <c>")
            .text("x < y & \u{a0}z > \"w\"");
        assert_eq!(
            node.html(),
            "<span title=\"a &quot;b&quot; &amp; <c>\">x &lt; y &amp; &nbsp;z &gt; \"w\"</span>"
        );
    }

    #[test]
    fn void_elements_have_no_end_tag_and_properties_are_not_markup() {
        let node = el("label", "")
            .child(el("input", "r").attr("type", "radio").checked(true))
            .child(el("span", "").text("Yes"));
        assert_eq!(
            node.html(),
            r#"<label><input class="r" type="radio"><span>Yes</span></label>"#
        );
    }
}
