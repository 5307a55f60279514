//! The app's one error type; its words are the catalogue's `error-…` messages.
//!
//! `store` and `pwa` turn browser failures (`JsValue`, `DOMException`) into a [`ClientError`];
//! pages show its `Display` text. The raw error goes to the console, never to the screen.

use std::fmt;

use wasm_bindgen::{JsCast, JsValue};

use crate::t;

/// Something the app could not do, described for the person using it.
#[derive(Clone, Debug, PartialEq)]
pub enum ClientError {
    /// The browser offers no device storage (private window, storage blocked).
    StorageUnavailable,
    /// The device storage is full.
    StorageFull,
    /// The device storage refused a read or write for another reason (its DOMException name).
    StorageFailed(String),
    /// The server cannot be reached (no signal, or it is down).
    Offline,
    /// The session is missing, expired or revoked: sign in again (nothing waiting is lost).
    SignInNeeded,
    /// The server refused the request: its reason code, the values its words put in, and its
    /// own (English) words, shown when the app has no words for the code.
    Refused {
        /// The reason code (`bad_credentials`, `short_password`…).
        code: String,
        /// The values, by name.
        args: std::collections::BTreeMap<String, String>,
        /// The server's words.
        words: String,
    },
    /// The server failed or answered something the app does not understand.
    ServerFailed(String),
    /// Work made on this device before signing in waits to be moved into a team.
    LocalTeamWaiting,
    /// Another device uses this device's id (a copied browser profile).
    DeviceClash,
    /// A download could not be made, or a chosen file could not be read.
    File,
    /// A chosen file is not a backup Ramp can read; `ramp-core`'s words say why.
    NotABackup(String),
}

impl ClientError {
    /// Maps a browser error to a `ClientError`, logging the raw error to the console.
    pub fn from_js(error: JsValue) -> ClientError {
        web_sys::console::error_2(&JsValue::from_str("Ramp storage error:"), &error);
        let name = error.dyn_ref::<web_sys::DomException>().map(|e| e.name()).unwrap_or_default();
        match name.as_str() {
            "QuotaExceededError" => ClientError::StorageFull,
            "InvalidStateError" | "SecurityError" => ClientError::StorageUnavailable,
            "" => ClientError::StorageFailed("unknown".into()),
            _ => ClientError::StorageFailed(name),
        }
    }
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            ClientError::StorageUnavailable => t!("error-storage-unavailable"),
            ClientError::StorageFull => t!("error-storage-full"),
            ClientError::StorageFailed(name) => t!("error-storage-failed", name = name),
            ClientError::Offline => t!("error-offline"),
            ClientError::SignInNeeded => t!("error-sign-in-needed"),
            ClientError::Refused { code, args, words } => crate::i18n::reason(code, args, words),
            ClientError::ServerFailed(what) => t!("error-server-failed", what = what),
            ClientError::LocalTeamWaiting => t!("error-local-team-waiting"),
            ClientError::DeviceClash => t!("error-device-clash"),
            ClientError::File => t!("error-file"),
            ClientError::NotABackup(why) => why.clone(),
        })
    }
}

impl std::error::Error for ClientError {}
