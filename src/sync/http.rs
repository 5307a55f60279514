//! JSON over `fetch`: the only place the app makes HTTP requests.
//!
//! Maps transport failures to `ClientError::Offline`, 401 to `SignInNeeded`, the reason code
//! `device_clash` to `DeviceClash`, other 4xx to `Refused` with the server's reason, 5xx to
//! `ServerFailed`.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, Request, RequestInit, Response};

use crate::error::ClientError;

/// POSTs `body` as JSON to `path` (with the session token, if any) and decodes the answer.
pub async fn post<B: Serialize, R: DeserializeOwned>(
    path: &str,
    token: Option<&str>,
    body: &B,
) -> Result<R, ClientError> {
    let text = post_text(path, token, &serde_json::to_string(body).expect("request bodies serialize")).await?;
    serde_json::from_str(&text).map_err(|e| ClientError::ServerFailed(format!("unreadable answer: {e}")))
}

/// Sends `body` as JSON with another method (`PATCH`, `DELETE`) and decodes the answer.
pub async fn send_json<B: Serialize, R: DeserializeOwned>(
    method: &str,
    path: &str,
    token: Option<&str>,
    body: &B,
) -> Result<R, ClientError> {
    let text = send(method, path, token, Some(&serde_json::to_string(body).expect("request bodies serialize"))).await?;
    serde_json::from_str(&text).map_err(|e| ClientError::ServerFailed(format!("unreadable answer: {e}")))
}

/// GETs `path` with the session token and decodes the answer.
pub async fn get<R: DeserializeOwned>(path: &str, token: &str) -> Result<R, ClientError> {
    let text = send("GET", path, Some(token), None).await?;
    serde_json::from_str(&text).map_err(|e| ClientError::ServerFailed(format!("unreadable answer: {e}")))
}

async fn post_text(path: &str, token: Option<&str>, body: &str) -> Result<String, ClientError> {
    send("POST", path, token, Some(body)).await
}

async fn send(method: &str, path: &str, token: Option<&str>, body: Option<&str>) -> Result<String, ClientError> {
    let headers = Headers::new().map_err(|_| ClientError::Offline)?;
    let _ = headers.set("Content-Type", "application/json");
    if let Some(token) = token {
        let _ = headers.set("Authorization", &format!("Bearer {token}"));
    }
    let init = RequestInit::new();
    init.set_method(method);
    init.set_headers(&headers);
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(body));
    }
    let request = Request::new_with_str_and_init(path, &init).map_err(|_| ClientError::Offline)?;
    let window = web_sys::window().ok_or(ClientError::Offline)?;
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| ClientError::Offline)?
        .dyn_into()
        .map_err(|_| ClientError::Offline)?;
    let text = JsFuture::from(response.text().map_err(|_| ClientError::Offline)?)
        .await
        .map_err(|_| ClientError::Offline)?
        .as_string()
        .unwrap_or_default();
    match response.status() {
        200..=299 => Ok(text),
        401 => Err(ClientError::SignInNeeded),
        409 if code(&text).as_deref() == Some("device_clash") => Err(ClientError::DeviceClash),
        status @ 400..=499 => Err(ClientError::Refused {
            code: code(&text).unwrap_or_default(),
            args: args(&text),
            words: reason(&text).unwrap_or_else(|| format!("error {status}")),
        }),
        status => Err(ClientError::ServerFailed(reason(&text).unwrap_or_else(|| format!("error {status}")))),
    }
}

/// The `reason` code of a JSON error body.
fn code(body: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(body).ok()?;
    value.get("reason")?.as_str().map(str::to_owned)
}

/// The `values` of a JSON error body: what its reason's words put in.
fn args(body: &str) -> std::collections::BTreeMap<String, String> {
    let value: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    value
        .get("values")
        .and_then(|a| a.as_object())
        .map(|a| a.iter().filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned()))).collect())
        .unwrap_or_default()
}

/// The `error` of a JSON error body.
fn reason(body: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(body).ok()?;
    value.get("error")?.as_str().map(str::to_owned)
}
