//! Candor's build steps in Rust: what the widget serves, written from the core and the
//! taking screens, so no decision is copied by hand into a served file.
//!
//! * `cargo xtask forms`: for each built-in, in every language any built-in is written in
//!   (English where one is not translated), `public/questions/<id>.<locale>.json`, its
//!   questions (`Instrument::questions`), which the small bundle reads, and
//!   `public/instruments/<id>.<locale>.json`, its definition, which the authoring page
//!   copies; and `core/packed/<id>.<locale>.bin`, what the reader makes of that definition,
//!   packed (`Instrument::pack`): the core carries its digests, and the build serves it as
//!   `packed/<id>.<locale>.bin` for the later bundles to unpack.
//! * `cargo xtask data`: `public/candor-data.js`, what the element class must know before
//!   any WebAssembly: the attributes and their meaning, the records' keys, the share key,
//!   its words, the questions forms, and the first screens (see [`first`]).
//! * `cargo xtask check`: fails when either is not what the code writes now.
//! * `cargo xtask validate <definition.json>`: reads a trainer's definition as the widget
//!   does and lists every problem with its path; the LMS packager runs it first.

mod data;
mod first;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use candor_core::builtin;

/// The repository's root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The questions forms: `(file name, contents)`.
fn forms() -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Vec::new();
    for id in builtin::ids() {
        for locale in builtin::locales() {
            let instrument = builtin::load_in(id, locale).map_err(|e| e.to_string())?;
            let text = serde_json::to_string(&instrument.questions()).map_err(|e| e.to_string())?;
            files.push((format!("{id}.{locale}.json"), text.into_bytes()));
        }
    }
    Ok(files)
}

/// The built-ins' definitions as they are served: `(file name, contents)`.
fn definitions() -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Vec::new();
    for id in builtin::ids() {
        for locale in builtin::locales() {
            let text = builtin::served_text(id, locale).ok_or_else(|| format!("{id}: no text"))?;
            files.push((format!("{id}.{locale}.json"), text.as_bytes().to_vec()));
        }
    }
    Ok(files)
}

/// The built-ins as the reader makes them, packed: `(file name, contents)`, in every
/// language any built-in is written in, as the bundles ask for them (English where one is
/// not translated, whose digest is then its English file's).
fn packed() -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Vec::new();
    for id in builtin::ids() {
        for locale in builtin::locales() {
            let instrument = builtin::load_in(id, locale).map_err(|e| e.to_string())?;
            files.push((format!("{id}.{locale}.bin"), instrument.pack()));
        }
    }
    Ok(files)
}

/// Writes `files` into `folder`, removing anything else there; or, with `check`, says which
/// differ. Returns the problems found.
fn write_folder(folder: &Path, files: &[(String, Vec<u8>)], check: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let present: Vec<String> = fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    for name in &present {
        if !files.iter().any(|(n, _)| n == name) {
            if check {
                problems.push(format!(
                    "{} is not served any more",
                    folder.join(name).display()
                ));
            } else {
                let _ = fs::remove_file(folder.join(name));
            }
        }
    }
    for (name, text) in files {
        problems.extend(write_file(&folder.join(name), text, check));
    }
    problems
}

/// Writes `contents` to `path`, or with `check` says whether it differs.
fn write_file(path: &Path, contents: &[u8], check: bool) -> Option<String> {
    if check {
        let current = fs::read(path).unwrap_or_default();
        (current != contents).then(|| format!("{} is stale", path.display()))
    } else {
        if let Some(parent) = path.parent() {
            let _ = fs::create_dir_all(parent);
        }
        fs::write(path, contents)
            .err()
            .map(|e| format!("{}: {e}", path.display()))
    }
}

fn run(command: &str) -> Result<Vec<String>, String> {
    let root = root();
    let forms_folder = root.join("public/questions");
    let data_file = root.join("public/candor-data.js");
    let check = command == "check";
    let mut problems = Vec::new();
    let forms = forms()?;
    if matches!(command, "forms" | "check") {
        problems.extend(write_folder(&forms_folder, &forms, check));
        let definitions_folder = root.join("public/instruments");
        problems.extend(write_folder(&definitions_folder, &definitions()?, check));
        problems.extend(write_folder(&root.join("core/packed"), &packed()?, check));
    }
    if matches!(command, "data" | "check") {
        let stylesheet = root.join("public/candor.css");
        let css = fs::read_to_string(&stylesheet)
            .map_err(|e| format!("{}: {e}", stylesheet.display()))?;
        let text = data::module(&forms, &css)?;
        problems.extend(write_file(&data_file, text.as_bytes(), check));
    }
    Ok(problems)
}

/// Reads the definition in `file` as the widget does: every problem, with its path.
fn validate(file: &str) -> Result<String, String> {
    let text = fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    match candor_core::definition::Instrument::from_json(&text) {
        Ok(instrument) => Ok(format!(
            "{file}: \"{}\" ({}), {} questions: valid",
            instrument.title(),
            instrument.id(),
            instrument.items().len()
        )),
        Err(errors) => Err(format!("{file} cannot be used:\n{errors}")),
    }
}

fn main() -> ExitCode {
    let command = std::env::args().nth(1).unwrap_or_default();
    if command == "validate" {
        let file = std::env::args().nth(2).unwrap_or_default();
        return match validate(&file) {
            Ok(line) => {
                println!("xtask: {line}");
                ExitCode::SUCCESS
            }
            Err(problems) => {
                eprintln!("xtask: {problems}");
                ExitCode::FAILURE
            }
        };
    }
    if !matches!(command.as_str(), "forms" | "data" | "check") {
        eprintln!("usage: cargo xtask forms|data|check|validate <definition.json>");
        return ExitCode::from(2);
    }
    match run(&command) {
        Ok(problems) if problems.is_empty() => {
            if command == "check" {
                println!(
                    "xtask: public/questions, public/instruments, core/packed and public/candor-data.js are up to date"
                );
            }
            ExitCode::SUCCESS
        }
        Ok(problems) => {
            for problem in problems {
                eprintln!("xtask: {problem}");
            }
            eprintln!("xtask: run `cargo xtask forms && cargo xtask data` and commit the result");
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_definition_is_validated_as_the_widget_reads_it() {
        let dir = std::env::temp_dir().join(format!("candor-xtask-{}", std::process::id()));
        let _ = fs::create_dir_all(&dir);
        let good = dir.join("good.json");
        let bad = dir.join("bad.json");
        let _ = fs::write(&good, builtin::source("trust-equation").unwrap_or_default());
        let _ = fs::write(&bad, r#"{"format": 1, "id": "x", "items": []}"#);
        let ok = validate(good.to_str().unwrap_or_default());
        assert!(
            ok.as_ref().is_ok_and(|line| line.contains("20 questions")),
            "{ok:?}"
        );
        let problems = validate(bad.to_str().unwrap_or_default()).unwrap_err();
        assert!(problems.contains("cannot be used"), "{problems}");
        assert!(
            problems.contains("title: is required"),
            "a path is named: {problems}"
        );
    }
}
