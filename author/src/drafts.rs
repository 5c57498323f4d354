//! Drafts kept in the browser as they are typed: several, each named.
//!
//! * All drafts live under one `localStorage` key, as a JSON list; the draft last open
//!   under another, so a reload reopens it.
//! * A draft holds the text of its definition, which may not yet be valid, or not yet
//!   JSON while it is typed in the JSON view: a reload loses nothing.
//! * A write that fails (storage full, or turned off) is reported, never silent.

use serde::{Deserialize, Serialize};

/// The key of the list of drafts.
pub const DRAFTS_KEY: &str = "candor-author:drafts";
/// The key of the id of the draft last open.
pub const OPEN_KEY: &str = "candor-author:open";

/// One draft.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// Its id, unique among the drafts.
    pub id: String,
    /// The name the trainer gave it.
    pub name: String,
    /// When it was last saved (milliseconds since 1970).
    pub saved: f64,
    /// The definition's text.
    pub text: String,
}

/// What went wrong with the drafts' storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftsError {
    /// The browser gives this page no storage.
    NoStorage,
    /// The browser refused the write (storage full).
    WriteRefused,
}

/// The drafts stored, newest first; a damaged list reads as no drafts, and is kept aside
/// rather than overwritten.
pub fn parse(text: Option<&str>) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = text
        .and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default();
    drafts.sort_by(|a, b| b.saved.total_cmp(&a.saved));
    drafts
}

/// `drafts` with `draft` put in place of the one with its id, or added.
pub fn upsert(mut drafts: Vec<Draft>, draft: Draft) -> Vec<Draft> {
    match drafts.iter_mut().find(|d| d.id == draft.id) {
        Some(slot) => *slot = draft,
        None => drafts.push(draft),
    }
    drafts
}

/// An id no draft in `drafts` has, made from `now`.
pub fn fresh_id(drafts: &[Draft], now: f64) -> String {
    (now as u64..)
        .map(|n| format!("d{n}"))
        .find(|id| drafts.iter().all(|d| &d.id != id))
        .unwrap_or_default()
}

fn storage() -> Result<web_sys::Storage, DraftsError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(DraftsError::NoStorage)
}

/// The drafts in this browser.
pub fn load() -> Vec<Draft> {
    let text = storage()
        .ok()
        .and_then(|s| s.get_item(DRAFTS_KEY).ok().flatten());
    parse(text.as_deref())
}

/// Writes `drafts` back. A stored list that cannot be read is first copied to a key of
/// its own (`candor-author:drafts:damaged`), so nothing in it is overwritten.
pub fn store(drafts: &[Draft]) -> Result<(), DraftsError> {
    let storage = storage()?;
    if let Some(old) = storage.get_item(DRAFTS_KEY).ok().flatten()
        && serde_json::from_str::<Vec<Draft>>(&old).is_err()
    {
        storage
            .set_item(&format!("{DRAFTS_KEY}:damaged"), &old)
            .map_err(|_| DraftsError::WriteRefused)?;
    }
    let text = serde_json::to_string(drafts).map_err(|_| DraftsError::WriteRefused)?;
    storage
        .set_item(DRAFTS_KEY, &text)
        .map_err(|_| DraftsError::WriteRefused)
}

/// Saves `draft` (added, or in place of the one with its id) and marks it open.
pub fn save(draft: Draft) -> Result<(), DraftsError> {
    store(&upsert(load(), draft.clone()))?;
    remember_open(Some(&draft.id));
    Ok(())
}

/// Deletes the draft with `id`.
pub fn delete(id: &str) -> Result<(), DraftsError> {
    let drafts: Vec<Draft> = load().into_iter().filter(|d| d.id != id).collect();
    store(&drafts)
}

/// Notes which draft is open (`None`: none), for the next visit.
pub fn remember_open(id: Option<&str>) {
    if let Ok(storage) = storage() {
        let _ = match id {
            Some(id) => storage.set_item(OPEN_KEY, id),
            None => storage.remove_item(OPEN_KEY),
        };
    }
}

/// The draft open on the last visit, if it is still there.
pub fn last_open() -> Option<Draft> {
    let id = storage().ok()?.get_item(OPEN_KEY).ok().flatten()?;
    load().into_iter().find(|d| d.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(id: &str, saved: f64) -> Draft {
        Draft {
            id: id.into(),
            name: id.into(),
            saved,
            text: "{".into(),
        }
    }

    #[test]
    fn reads_newest_first_and_damage_as_nothing() {
        let text = serde_json::to_string(&[draft("a", 1.0), draft("b", 2.0)]).unwrap();
        let ids: Vec<String> = parse(Some(&text)).into_iter().map(|d| d.id).collect();
        assert_eq!(ids, ["b", "a"]);
        assert!(parse(Some("not json")).is_empty());
        assert!(parse(None).is_empty());
    }

    #[test]
    fn replaces_a_draft_in_place_or_adds_it() {
        let drafts = upsert(vec![draft("a", 1.0)], draft("b", 2.0));
        let drafts = upsert(drafts, draft("a", 3.0));
        assert_eq!(drafts, [draft("a", 3.0), draft("b", 2.0)]);
    }

    #[test]
    fn gives_each_draft_its_own_id() {
        let drafts = [draft("d5", 0.0), draft("d6", 0.0)];
        assert_eq!(fresh_id(&drafts, 5.0), "d7");
        assert_eq!(fresh_id(&[], 5.0), "d5");
    }
}
