//! Files the person saves or picks: a download made from text (backups, CSV) and the text of a
//! chosen file (imports).
//!
//! The only code that makes downloads or reads picked files. Never decides what goes in them:
//! the formats are `ramp-core`'s (`backup`, `measure::csv`).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::error::ClientError;

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), ClientError> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(file_error)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(file_error)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or(ClientError::File)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").map_err(file_error)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of the first file chosen in a file input, if any.
pub async fn chosen_text(input: &web_sys::HtmlInputElement) -> Result<Option<(String, String)>, ClientError> {
    let Some(file) = input.files().and_then(|files| files.get(0)) else { return Ok(None) };
    if file.size() > ramp_core::backup::MAX_BYTES as f64 {
        return Ok(Some((file.name(), String::new())));
    }
    let text = JsFuture::from(file.text()).await.map_err(file_error)?;
    Ok(Some((file.name(), text.as_string().unwrap_or_default())))
}

fn file_error(error: wasm_bindgen::JsValue) -> ClientError {
    web_sys::console::error_2(&"Ramp file error:".into(), &error);
    ClientError::File
}
