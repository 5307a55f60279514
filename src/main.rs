//! The wasm entry point: sets the panic hook, loads the chosen language's words and mounts
//! [`ramp::App`]. Everything else is in the library, so tests can mount parts of it.

fn main() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        if ramp::i18n::load().await {
            leptos::mount::mount_to_body(ramp::App);
        } else {
            ramp::i18n::show_unloaded();
        }
    });
}
