//! What the reader takes out of the page or brings into it by hand (a download, the text
//! of a file they chose, text copied to the clipboard), and the files the widget serves (a
//! built-in's packed definition for the later bundles, its JSON for the authoring page).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` (of MIME type `mime`) as a file download named `name`.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

/// The file chosen in the file input that `event` (its `change`) came from, if any. The
/// input is emptied, so choosing the same file again is heard again.
pub fn chosen(event: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = event.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(file)
}

/// The text of `file`, or why it could not be read.
pub async fn text_of(file: web_sys::File) -> Result<String, String> {
    JsFuture::from(file.text())
        .await
        .map(|text| text.as_string().unwrap_or_default())
        .map_err(|e| crate::json::describe(&e))
}

/// Copies `text` to the clipboard; false if the browser refused.
pub async fn copy(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    JsFuture::from(clipboard.write_text(&text)).await.is_ok()
}

/// Why [`fetch_text`] or [`fetch_bytes`] got nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// The request failed (offline, refused): the browser's words.
    Network(String),
    /// The server answered with this HTTP status.
    Status(u16),
    /// The response's body could not be read (as text, for [`fetch_text`]).
    Unreadable,
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Network(why) => f.write_str(why),
            Self::Status(status) => write!(f, "HTTP {status}"),
            Self::Unreadable => f.write_str("the response could not be read"),
        }
    }
}

/// The response at `url` (relative to the document), when its status is a success.
async fn fetch_ok(url: &str) -> Result<web_sys::Response, FetchError> {
    let window = web_sys::window().ok_or_else(|| FetchError::Network("no window".to_owned()))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| FetchError::Network(crate::json::describe(&e)))?
        .unchecked_into();
    if response.ok() {
        Ok(response)
    } else {
        Err(FetchError::Status(response.status()))
    }
}

/// The text at `url` (relative to the document).
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let response = fetch_ok(url).await?;
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise).await.ok(),
        Err(_) => None,
    };
    text.and_then(|t| t.as_string())
        .ok_or(FetchError::Unreadable)
}

/// The bytes at `url` (relative to the document).
#[cfg(feature = "packed")]
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, FetchError> {
    let response = fetch_ok(url).await?;
    let buffer = match response.array_buffer() {
        Ok(promise) => JsFuture::from(promise).await.ok(),
        Err(_) => None,
    };
    buffer
        .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
        .ok_or(FetchError::Unreadable)
}

/// Why [`fetch_builtin`] or [`fetch_packed`] got no definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuiltinFetchError {
    /// No built-in has this id.
    Unknown,
    /// The file could not be fetched.
    Fetch(FetchError),
    /// The file fetched is not the one this build serves (another build's, or damaged).
    Stale,
}

/// Built-in `id` in `locale`, unpacked from its packed file (`packed/<id>.<locale>.bin`
/// under `base`, the folder of the widget's files, or `""` for the document's). Its digest
/// is in the address, so a cache that holds another build's file asks the server afresh;
/// a file whose digest is still not this build's is refused.
#[cfg(feature = "packed")]
pub async fn fetch_packed(
    base: &str,
    id: &str,
    locale: &str,
) -> Result<candor_core::definition::Instrument, BuiltinFetchError> {
    use candor_core::builtin;
    let digest = builtin::packed_digest(id, locale).ok_or(BuiltinFetchError::Unknown)?;
    let url = format!("{base}packed/{id}.{locale}.bin?{digest:016x}");
    let bytes = fetch_bytes(&url).await.map_err(BuiltinFetchError::Fetch)?;
    builtin::unpack(id, &bytes).map_err(|_| BuiltinFetchError::Stale)
}

/// The served definition of built-in `id` in `locale` (`instruments/<id>.<locale>.json`
/// under `base`, the folder of the widget's files, or `""` for the document's). Its digest
/// is in the address, so a cache that holds another build's file asks the server afresh;
/// a file whose digest is still not this build's is refused.
pub async fn fetch_builtin(
    base: &str,
    id: &str,
    locale: &str,
) -> Result<String, BuiltinFetchError> {
    use candor_core::builtin;
    let digest = builtin::served_digest(id, locale).ok_or(BuiltinFetchError::Unknown)?;
    let url = format!("{base}instruments/{id}.{locale}.json?{digest:016x}");
    let text = fetch_text(&url).await.map_err(BuiltinFetchError::Fetch)?;
    if builtin::served_as(&text) == Some(id) {
        Ok(text)
    } else {
        Err(BuiltinFetchError::Stale)
    }
}
