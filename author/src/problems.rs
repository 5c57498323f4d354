//! The definition checked by the core, each problem placed at the field it is about.
//!
//! * The check is the core's reader, the one every widget runs: what passes here runs
//!   there, and nothing else is called valid.
//! * Messages are the core's, in the page's language.

use candor_core::definition::Instrument;
use candor_core::json::Value;
use candor_core::messages::messages;

use crate::spec;
use crate::text::Lang;
use crate::tree::Path;

/// One problem of the definition.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The field that shows it (see [`spec::anchor`]).
    pub anchor: Path,
    /// The labels on the way to that field ("Question 3 › Answer scale").
    pub trail: String,
    /// The path the core gave (`items[3].scale`).
    pub path: String,
    /// What to change, in the page's language.
    pub message: String,
}

/// Every problem of `doc`, in the core's order (top to bottom); empty when it is valid.
pub fn check(doc: &Value, lang: Lang) -> Vec<Problem> {
    match Instrument::from_json(&crate::export::compact(doc)) {
        Ok(_) => Vec::new(),
        Err(errors) => {
            let words = messages(lang.tag());
            errors
                .as_slice()
                .iter()
                .map(|e| {
                    let anchor = spec::anchor(doc, e.path());
                    Problem {
                        trail: spec::trail(doc, &anchor, lang),
                        anchor,
                        path: e.path().to_owned(),
                        message: e.message_in(words),
                    }
                })
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_built_in_has_no_problems() {
        let text = candor_core::builtin::source("trust-equation").unwrap();
        let doc: Value = serde_json::from_str(text).unwrap();
        assert_eq!(check(&doc, Lang::En), []);
    }

    #[test]
    fn each_problem_is_placed_at_its_field_in_the_pages_language() {
        let text = candor_core::builtin::source("service-or-servility").unwrap();
        let mut doc: Value = serde_json::from_str(text).unwrap();
        let scale = crate::tree::Path::root().key("items").index(2).key("scale");
        crate::tree::set(&mut doc, &scale, Some(Value::String("nope".into())));
        let title = crate::tree::Path::root().key("title");
        crate::tree::set(&mut doc, &title, Some(Value::String(String::new())));
        let problems = check(&doc, Lang::Fr);
        let anchors: Vec<String> = problems.iter().map(|p| p.anchor.to_string()).collect();
        assert_eq!(anchors, ["title", "items[2].scale"]);
        assert!(problems[1].message.contains("nope"), "{:?}", problems[1]);
        assert_ne!(problems[0].message, check(&doc, Lang::En)[0].message);
    }
}
