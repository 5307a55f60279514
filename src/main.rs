//! The wasm entry point: sets the panic hook and mounts [`ramp::App`]. Everything else is in
//! the library, so tests can mount parts of it.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ramp::App);
}
