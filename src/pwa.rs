//! The installable-app side: registers the service worker and runs the update flow.
//!
//! A new worker waits; the app shows "New version available — Reload"; on click it tells the
//! waiting worker to take over (SKIP_WAITING) and reloads once when it has. Never caches
//! anything itself: that is `public/sw.js`'s job.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

/// Whether a new version is waiting, and how to switch to it. `Copy`, provided as context.
#[derive(Clone, Copy)]
pub struct Updates {
    available: RwSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
    reload_requested: StoredValue<bool>,
}

impl Updates {
    /// Registers `/sw.js` and starts watching for new versions.
    pub fn register() -> Updates {
        let updates = Updates {
            available: RwSignal::new(false),
            registration: StoredValue::new_local(None),
            reload_requested: StoredValue::new(false),
        };
        leptos::task::spawn_local(async move {
            if let Err(error) = updates.watch().await {
                web_sys::console::warn_2(&JsValue::from_str("Ramp: offline support is not available:"), &error);
            }
        });
        updates
    }

    /// Whether a new version is ready (reactive).
    pub fn available(&self) -> bool {
        self.available.get()
    }

    /// Switches to the waiting version: the page reloads once the new worker controls it.
    pub fn apply(&self) {
        self.reload_requested.set_value(true);
        let waiting = self.registration.with_value(|r| r.as_ref().and_then(|r| r.waiting()));
        match waiting {
            Some(worker) => {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
                let _ = worker.post_message(&message);
            }
            None => reload(),
        }
    }

    async fn watch(self) -> Result<(), JsValue> {
        let container = web_sys::window().ok_or(JsValue::NULL)?.navigator().service_worker();
        let on_controller_change = Closure::<dyn FnMut()>::new(move || {
            if self.reload_requested.get_value() {
                self.reload_requested.set_value(false);
                reload();
            }
        });
        container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
        on_controller_change.forget();

        let registration: ServiceWorkerRegistration = JsFuture::from(container.register("/sw.js")).await?.dyn_into()?;
        self.registration.set_value(Some(registration.clone()));
        let has_controller =
            move || web_sys::window().is_some_and(|w| w.navigator().service_worker().controller().is_some());
        if registration.waiting().is_some() && has_controller() {
            self.available.set(true);
        }
        let watched = registration.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else { return };
            let worker = installing.clone();
            let on_state_change = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed && has_controller() {
                    self.available.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
            on_state_change.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
        Ok(())
    }
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
