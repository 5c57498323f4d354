//! Minifies the built-in instruments' JSON (`instruments/*.json`) into `OUT_DIR`, so the
//! widget carries the content without the indentation that makes the sources readable,
//! and writes each one's title beside it (`<id>.<locale>.title`), so a list of them needs
//! no definition read. Each one's packed file (`packed/<id>.<locale>.bin`, written by
//! `cargo xtask forms` from what the reader made of it) is copied beside them, or an empty
//! file when there is none yet, so the crate compiles before the first `cargo xtask forms`
//! and the packed test reports the file as stale.

use std::fs;
use std::path::Path;

use serde_json::Value;

fn main() {
    println!("cargo:rerun-if-changed=instruments");
    println!("cargo:rerun-if-changed=packed");
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".to_owned());
    let Ok(entries) = fs::read_dir("instruments") else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let text = fs::read_to_string(&path).unwrap_or_default();
        // A file that is not JSON is copied as it is, with no title: the definition tests
        // report it.
        let (minified, title) = match serde_json::from_str::<Value>(&text) {
            Ok(mut value) => {
                let title = value
                    .get("title")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned();
                if let Some(object) = value.as_object_mut() {
                    object.remove("$schema");
                }
                (value.to_string(), title)
            }
            Err(_) => (text, String::new()),
        };
        let _ = fs::write(Path::new(&out).join(name), minified);
        let _ = fs::write(Path::new(&out).join(name.replace(".json", ".title")), title);
        let packed_name = name.replace(".json", ".bin");
        let packed = fs::read(Path::new("packed").join(&packed_name)).unwrap_or_default();
        let _ = fs::write(Path::new(&out).join(packed_name), packed);
    }
}
