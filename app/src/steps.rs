//! The quiz's steps as plain values: which screen it shows, what it tells the reader, and
//! where each step leads.
//!
//! Both bundles take a quiz the same way and draw it differently: the full bundle with
//! Leptos (`quiz.rs`), the first-question bundle by hand (`take/`). What a
//! step decides is written once, here, and both follow it; so are the words of the
//! notices and what a quiz reads from and tells its page (the clock, seeds, the share
//! fragment, the page event other widgets listen to).

use candor_core::definition::{Instrument, ItemKind};
use candor_core::records::{History, Keys, Progress};
use candor_core::shuffle;
use candor_core::vault::{ImportReport, Notice, Saving, SetAsideReason};
use wasm_bindgen::JsCast;

use crate::text::{Ui, fill};

/// Which screen the quiz shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Screen {
    /// Title, intro and the start button.
    Intro,
    /// The respondent-group question, for instruments that have one.
    Group,
    /// The question at `Progress::position`.
    Question,
    /// The latest completed attempt.
    Result,
    /// A result opened from a share link: shown read-only, never stored.
    Shared,
}

/// Something to tell the reader, shown above the current screen until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// What the vault reported about stored data.
    Storage(Notice),
    /// An import added this much.
    Imported(ImportReport),
    /// An import was refused; nothing changed.
    ImportFailed(String),
    /// Everything was deleted.
    Deleted,
    /// The full bundle (results, data controls) could not be downloaded; nothing the reader
    /// did is lost, and they can try again.
    Unloaded,
}

impl Message {
    /// The words for this message.
    pub fn describe(&self, ui: &Ui) -> String {
        match self {
            Self::Storage(Notice::InMemory) => ui.storage_unavailable.to_owned(),
            Self::Storage(Notice::SetAside { backup, reason, .. }) => {
                let why = match reason {
                    SetAsideReason::Unreadable(_) => ui.why_unreadable,
                    SetAsideReason::Newer(_) => ui.why_newer,
                    SetAsideReason::Mismatch => ui.why_mismatch,
                };
                fill(ui.set_aside, &[("why", why), ("key", backup)])
            }
            Self::Storage(Notice::LeftAlone { .. }) => ui.left_alone.to_owned(),
            Self::Storage(Notice::Restarted { .. }) => ui.restarted.to_owned(),
            Self::Storage(Notice::Pruned(n)) => fill(ui.pruned, &[("n", &n.to_string())]),
            Self::Storage(Notice::NotSaved) => ui.not_saved.to_owned(),
            Self::Storage(Notice::SavedAgain) => ui.saved_again.to_owned(),
            Self::Imported(report) => fill(ui.imported, &[("n", &report.attempts.to_string())]),
            Self::ImportFailed(why) => fill(ui.import_failed, &[("why", why)]),
            Self::Deleted => ui.deleted.to_owned(),
            Self::Unloaded => ui.load_failed.to_owned(),
        }
    }
}

/// What a quiz tells the reader as it opens: that answers stay in memory only, when the
/// browser refuses storage, and what the vault reported as it loaded.
pub fn opening_messages(saving: Saving, notices: Vec<Notice>) -> Vec<Message> {
    let mut messages = Vec::new();
    let memory = (saving == Saving::Refused).then_some(Notice::InMemory);
    add_notices(&mut messages, memory.into_iter().chain(notices).collect());
    messages
}

/// Adds `notices` to `messages`, leaving out any already there. Whether answers are saved
/// is said once and kept true: "saved again" replaces "in memory" and "not saved", and
/// the other way round.
pub fn add_notices(messages: &mut Vec<Message>, notices: Vec<Notice>) {
    let unsaved = |m: &Message| matches!(m, Message::Storage(Notice::InMemory | Notice::NotSaved));
    let saved_again = |m: &Message| *m == Message::Storage(Notice::SavedAgain);
    for notice in notices {
        match notice {
            Notice::SavedAgain => messages.retain(|m| !unsaved(m)),
            Notice::InMemory | Notice::NotSaved => messages.retain(|m| !saved_again(m)),
            _ => {}
        }
        let message = Message::Storage(notice);
        if !messages.contains(&message) {
            messages.push(message);
        }
    }
}

/// The storage notices among `messages` (what goes with a hand-over).
pub fn storage_notices(messages: &[Message]) -> Vec<Notice> {
    messages
        .iter()
        .filter_map(|message| match message {
            Message::Storage(notice) => Some(notice.clone()),
            _ => None,
        })
        .collect()
}

/// The screen a quiz opens on: a shared result, the attempt in progress (its group
/// question while nothing is answered), the latest result, or the intro.
pub fn opening_screen(
    instrument: &Instrument,
    progress: &Progress,
    history: &History,
    shared: bool,
) -> Screen {
    if shared {
        Screen::Shared
    } else if progress.is_started() {
        if progress.answers.iter().any(Option::is_some) || instrument.groups().is_none() {
            Screen::Question
        } else {
            Screen::Group
        }
    } else if !history.attempts.is_empty() {
        Screen::Result
    } else {
        Screen::Intro
    }
}

/// The first step of an attempt: the group question until a group is chosen.
pub fn first_step(instrument: &Instrument, progress: &Progress) -> Screen {
    if instrument.groups().is_some() && progress.group.is_none() {
        Screen::Group
    } else {
        Screen::Question
    }
}

/// The answer the step on `screen` has: the group on the group question, otherwise the
/// option chosen for the question at the attempt's position.
pub fn chosen(screen: Screen, progress: &Progress) -> Option<u8> {
    match screen {
        Screen::Group => progress.group,
        _ => progress
            .answers
            .get(usize::from(progress.position))
            .copied()
            .flatten(),
    }
}

/// Whether the step on `screen` has its answer.
pub fn answered(screen: Screen, progress: &Progress) -> bool {
    chosen(screen, progress).is_some()
}

/// Whether a `storage` or page event about `key` concerns the quiz whose records `keys`
/// name (`None`: `localStorage.clear()` elsewhere, which concerns every quiz).
pub fn concerns(keys: &Keys, key: Option<&str>) -> bool {
    key.is_none_or(|key| key == keys.progress() || key == keys.history())
}

/// Where Back leads from `screen` at question `position`.
pub fn back_step(instrument: &Instrument, screen: Screen, position: u16) -> Back {
    match screen {
        Screen::Question if position > 0 => Back::Question(position - 1),
        Screen::Question if instrument.groups().is_some() => Back::Screen(Screen::Group),
        _ => Back::Screen(Screen::Intro),
    }
}

/// Where Back leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Back {
    /// The question before, at this position.
    Question(u16),
    /// Another screen.
    Screen(Screen),
}

/// The order item `index`'s options are shown in, as definition-order indices: level
/// items in the attempt's seeded order, rated items in the scale's.
pub fn display_order(instrument: &Instrument, seed: u32, index: usize) -> Vec<u8> {
    match instrument.items.get(index).map(|item| &item.kind) {
        Some(ItemKind::Levels { options }) => shuffle::order(u64::from(seed), index, options.len()),
        _ => (0..instrument.option_count(index) as u8).collect(),
    }
}

/// What a quiz does after reading its records again (another tab or widget changed them):
/// the progress to show, when it changes, and the screen to show, when it changes.
#[derive(Debug, Default, PartialEq)]
pub struct Followed {
    /// The attempt to show, if not the one shown.
    pub progress: Option<Progress>,
    /// The screen to show, if not the one shown.
    pub screen: Option<Screen>,
}

/// Follows records read again: the same attempt picks up the other's answers (staying on
/// the question the reader looks at); an attempt finished elsewhere shows its result; data
/// deleted elsewhere returns to the intro. `fresh` starts a new attempt.
pub fn follow(
    stored: Option<Progress>,
    history: &History,
    local: &Progress,
    screen: Screen,
    fresh: impl FnOnce() -> Progress,
) -> Followed {
    let mut followed = Followed::default();
    match stored {
        Some(p) if p.started_at == local.started_at && screen == Screen::Question => {
            let position = local.position.min(p.answers.len().saturating_sub(1) as u16);
            followed.progress = Some(Progress { position, ..p });
        }
        Some(p) => followed.progress = Some(p),
        None if local.is_started() => {
            // The attempt under way here ended elsewhere: finished, or deleted.
            followed.progress = Some(fresh());
            let finished = history
                .attempts
                .last()
                .is_some_and(|a| a.completed_at >= local.started_at);
            followed.screen = Some(if finished {
                Screen::Result
            } else {
                Screen::Intro
            });
        }
        None => {}
    }
    if followed.screen.unwrap_or(screen) == Screen::Result && history.attempts.is_empty() {
        followed.screen = Some(Screen::Intro);
    }
    followed
}

/// The name of the page event one widget sends after writing, so other widgets of the same
/// instrument on the page can read again (the `storage` event only reaches other tabs).
pub const STORED_EVENT: &str = "candor:stored";

/// Lets other widgets on this page know that widget `uid` changed `key`.
pub fn tell_page(key: &str, uid: u32) {
    let init = web_sys::CustomEventInit::new();
    let detail = js_sys::Array::of2(&key.into(), &f64::from(uid).into());
    init.set_detail(&detail);
    if let (Some(window), Ok(event)) = (
        web_sys::window(),
        web_sys::CustomEvent::new_with_event_init_dict(STORED_EVENT, &init),
    ) {
        let _ = window.dispatch_event(&event);
    }
}

/// The key and the sender of a [`STORED_EVENT`].
pub fn stored_detail(event: &web_sys::Event) -> Option<(Option<String>, Option<f64>)> {
    let detail = event.dyn_ref::<web_sys::CustomEvent>()?.detail();
    let key = js_sys::Reflect::get_u32(&detail, 0)
        .ok()
        .and_then(|k| k.as_string());
    let from = js_sys::Reflect::get_u32(&detail, 1)
        .ok()
        .and_then(|u| u.as_f64());
    Some((key, from))
}

/// The key a `storage` event is about (`None`: `localStorage.clear()` elsewhere).
pub fn storage_key(event: &web_sys::Event) -> Option<String> {
    event
        .dyn_ref::<web_sys::StorageEvent>()
        .and_then(web_sys::StorageEvent::key)
}

/// Whether `event` is Enter on a radio button, which goes on as in a form (but without a
/// form submission, which a sandboxed iframe without `allow-forms` would block).
pub fn enter_on_radio(event: &web_sys::KeyboardEvent) -> bool {
    event.key() == "Enter"
        && event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some_and(|input| input.type_() == "radio")
}

/// Milliseconds since 1970.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// A seed for a new attempt's option order.
pub fn new_seed() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

/// The key of a shared result in a page address's fragment: `#candor=<code>`.
pub const SHARE_KEY: &str = "candor";

/// The code in this page's `#candor=<code>` fragment, if any.
pub fn shared_code() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.trim_start_matches('#')
        .split('&')
        .find_map(|part| part.strip_prefix(SHARE_KEY)?.strip_prefix('='))
        .map(str::to_owned)
}
