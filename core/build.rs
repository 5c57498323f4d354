//! Minifies the built-in instruments' JSON (`instruments/*.json`) into `OUT_DIR`, so the
//! widget carries the content without the indentation that makes the sources readable;
//! and writes each one's questions-only form (`<name>.questions.json`), its result texts
//! left out, for the first-question bundle (`Prose::LeftOut` in `definition`). Digests the
//! questions forms the widget serves (`../public/questions/`, which a test writes from those
//! in the compact form) into `forms.rs`: the first-question bundle reads only a form whose
//! digest is there (`builtin::read_form`).

use std::fs;
use std::path::Path;

use serde_json::Value;

#[path = "src/digest.rs"]
mod digest;

/// Where the widget's questions forms are, from this crate.
const FORMS: &str = "../public/questions";

/// Writes `forms.rs`: `FORM_DIGESTS`, `(instrument id, digest)` of each form in [`FORMS`]
/// (`<id>.<locale>.txt`). With no such folder the list is empty: the small bundle then
/// reads no form (and hands every built-in over to the full one), and the core's test of
/// the served forms fails, naming the command that writes them.
fn digest_forms(out: &Path) {
    println!("cargo:rerun-if-changed={FORMS}");
    let mut digests: Vec<(String, u64)> = fs::read_dir(FORMS)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let id = name.strip_suffix(".txt")?.split('.').next()?.to_owned();
            Some((id, digest::fnv1a_64(&fs::read(entry.path()).ok()?)))
        })
        .collect();
    digests.sort();
    let list: String = digests
        .iter()
        .map(|(id, digest)| format!("    ({id:?}, {digest:#018x}),\n"))
        .collect();
    let _ = fs::write(
        out.join("forms.rs"),
        format!(
            "/// `(instrument id, digest)` of every questions form served with this build.\nconst FORM_DIGESTS: &[(&str, u64)] = &[\n{list}];\n"
        ),
    );
}

/// The result texts: keys of the model's objects (bands, levels, quadrants, components,
/// temperaments, the reference) that only a result shows.
const MODEL_PROSE: &[&str] = &["text", "practice", "next", "up"];

/// Removes the result texts from a definition: [`MODEL_PROSE`] anywhere in its model, and
/// each item's next step (`try`).
fn without_prose(definition: &mut Value) {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(members) => {
                for key in MODEL_PROSE {
                    members.remove(*key);
                }
                members.values_mut().for_each(strip);
            }
            Value::Array(values) => values.iter_mut().for_each(strip),
            _ => {}
        }
    }
    if let Some(model) = definition.get_mut("model") {
        strip(model);
    }
    if let Some(Value::Array(items)) = definition.get_mut("items") {
        for item in items.iter_mut().filter_map(Value::as_object_mut) {
            item.remove("try");
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=instruments");
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".to_owned());
    digest_forms(Path::new(&out));
    let Ok(entries) = fs::read_dir("instruments") else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let (Some(name), Some(stem)) = (
            path.file_name().and_then(|n| n.to_str()),
            path.file_stem().and_then(|n| n.to_str()),
        ) else {
            continue;
        };
        let text = fs::read_to_string(&path).unwrap_or_default();
        // A file that is not JSON is copied as it is: the definition tests report it.
        let (full, questions) = match serde_json::from_str::<Value>(&text) {
            Ok(mut value) => {
                if let Some(object) = value.as_object_mut() {
                    object.remove("$schema");
                }
                let full = value.to_string();
                without_prose(&mut value);
                (full, value.to_string())
            }
            Err(_) => (text.clone(), text),
        };
        let _ = fs::write(Path::new(&out).join(name), full);
        let _ = fs::write(
            Path::new(&out).join(format!("{stem}.questions.json")),
            questions,
        );
    }
}
