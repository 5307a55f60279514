//! The app's one error type, and the only place its sentences for people are written.
//!
//! `store` and `pwa` turn browser failures (`JsValue`, `DOMException`) into a [`ClientError`];
//! pages show its `Display` text. The raw error goes to the console, never to the screen.

use std::fmt;

use wasm_bindgen::{JsCast, JsValue};

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
    /// The server refused the request; its reason, in its words.
    Refused(String),
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
        match self {
            ClientError::StorageUnavailable => f.write_str(
                "This browser is not letting Ramp keep data on the device. \
                 Leave private browsing, or allow site data for this site, then reload.",
            ),
            ClientError::StorageFull => f.write_str(
                "The device's storage is full, so this change was not saved. \
                 Free some space (Settings shows how much Ramp uses), then try again: what you typed is still here.",
            ),
            ClientError::StorageFailed(name) => {
                write!(f, "The device's storage refused the change ({name}). What you typed is still here; try again.")
            }
            ClientError::Offline => f.write_str("No connection to the server: your changes wait on this device."),
            ClientError::SignInNeeded => {
                f.write_str("Sign in again to send your changes: they wait safely on this device.")
            }
            ClientError::Refused(reason) => write!(f, "The server said: {reason}."),
            ClientError::ServerFailed(what) => {
                write!(f, "The server could not take the changes ({what}); they wait on this device.")
            }
            ClientError::LocalTeamWaiting => {
                f.write_str("Your team from before signing in waits: move it into your team in Settings.")
            }
            ClientError::DeviceClash => {
                f.write_str("This browser shares its identity with another device; Ramp is giving it a new one.")
            }
            ClientError::File => f.write_str("The browser could not save or read the file. Try again."),
            ClientError::NotABackup(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for ClientError {}
