//! Performance marks the benchmark reads (`cargo xtask bench`): `ramp-interactive` when the
//! first page is drawn with the device data loaded, and a `ramp-save` measure per save, from
//! the edit to its IndexedDB commit. User Timing only: no effect on behaviour, never fails.

/// Sets a mark on the page's performance timeline.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Records a measure from the latest mark `start` to now.
pub fn measure_since(name: &str, start: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.measure_with_start_mark(name, start);
    }
}

/// Sets `name` once the browser has drawn the current frame.
pub fn mark_after_paint(name: &'static str) {
    let Some(window) = web_sys::window() else { return };
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || mark(name));
    let _ = window.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&callback));
}
