//! What a quiz reads from its page and tells it, apart from host events.
//!
//! * [`PageClock`]: the time and the seeds of new attempts, for the core's quiz.
//! * [`shared_code`]: the result code in the page address's `#candor=<code>` fragment;
//!   [`forget_shared_code`] takes it out.
//! * [`tell_page`], [`stored_detail`]: the page event one widget sends after writing.
//! * [`storage_key`]: what the `storage` event from another tab is about.
//! * [`enter_on_radio`]: Enter on a chosen option goes on, as in a form.

use candor_core::quiz::Clock;
use wasm_bindgen::JsCast;

/// The browser's clock and `Math.random`.
pub struct PageClock;

impl Clock for PageClock {
    fn now(&self) -> f64 {
        js_sys::Date::now()
    }

    fn seed(&self) -> u32 {
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32
    }
}

pub use candor_view::element::{RATE_KEY, SHARE_KEY};

/// The code in this page's `#candor=<code>` fragment, if any.
pub fn shared_code() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.trim_start_matches('#')
        .split('&')
        .find_map(|part| part.strip_prefix(SHARE_KEY)?.strip_prefix('='))
        .map(str::to_owned)
}

/// Takes `#candor=<code>` out of this page's address, leaving the rest of its fragment, and
/// adds no step to the browser's history: once a reader leaves a shared result for their
/// own quiz, reloading the page shows their own quiz.
pub fn forget_shared_code() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(href), Ok(hash)) = (location.href(), location.hash()) else {
        return;
    };
    let kept: Vec<&str> = (hash.trim_start_matches('#').split('&'))
        .filter(|part| !part.is_empty())
        .filter(|part| {
            part.strip_prefix(SHARE_KEY)
                .is_none_or(|rest| !rest.starts_with('='))
        })
        .collect();
    let base = href.split('#').next().unwrap_or_default();
    let url = if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}#{}", kept.join("&"))
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The request for others' view in this page's `#candor-rate=<id>~<version>~<request>`
/// fragment, if it is for instrument `id`: the version it was made with (`None` if that
/// part is unreadable) and the request's text, for `candor_core::others::Request`.
pub fn rate_request(id: &str) -> Option<(Option<u16>, String)> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let value = hash
        .trim_start_matches('#')
        .split('&')
        .find_map(|part| part.strip_prefix(RATE_KEY)?.strip_prefix('='))?;
    let value = js_sys::decode_uri_component(value).ok()?.as_string()?;
    let mut parts = value.splitn(3, '~');
    let (for_id, version) = (parts.next()?, parts.next()?);
    let request = parts.next().unwrap_or_default();
    (for_id == id).then(|| (version.parse().ok(), request.to_owned()))
}

/// This page's address with `#candor-rate=<id>~<version>~<request>`: the link a reader
/// sends to the people they ask.
pub fn rate_link(id: &str, version: u16, request: &str) -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    let value: String = js_sys::encode_uri_component(&format!("{id}~{version}~{request}")).into();
    format!("{base}#{RATE_KEY}={value}")
}

/// This page's address with `#candor=<code>`, for sharing a result.
pub fn share_link(code: &str) -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}#{SHARE_KEY}={}", code.replace('-', ""))
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
