//! Digests the questions forms the widget serves (`../public/questions/<id>.<locale>.json`,
//! written by `cargo xtask forms`) into `forms.rs`: the small bundle reads only a form whose
//! digest is there, so a form damaged on the server or left by another build is refused.

use std::fs;
use std::path::Path;

use candor_core::digest::fnv1a_64;

/// Where the served questions forms are, from this crate.
const FORMS: &str = "../public/questions";

fn main() {
    println!("cargo:rerun-if-changed={FORMS}");
    let mut digests: Vec<(String, u64)> = fs::read_dir(FORMS)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let id = name.strip_suffix(".json")?.split('.').next()?.to_owned();
            Some((id, fnv1a_64(&fs::read(entry.path()).ok()?)))
        })
        .collect();
    digests.sort();
    let list: String = digests
        .iter()
        .map(|(id, digest)| format!("    ({id:?}, {digest:#018x}),\n"))
        .collect();
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".to_owned());
    let _ = fs::write(
        Path::new(&out).join("forms.rs"),
        format!(
            "/// `(instrument id, digest)` of every questions form served with this build.\nconst FORM_DIGESTS: &[(&str, u64)] = &[\n{list}];\n"
        ),
    );
}
