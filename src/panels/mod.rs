//! The panels that show and act on this device's own state: who is signed in (and signing
//! out), the save and sync status chip, teams made before signing in, and the changes the
//! server refused. Unlike `components`, each reads `LocalDb` and `Sync` from context and acts
//! only through their methods: they are the device's state made visible, not reusable
//! pieces, so they live apart from the components, which never touch storage.

mod account_panel;
mod local_teams;
mod refused_changes;
mod status_chip;

pub use account_panel::AccountPanel;
pub use local_teams::LocalTeams;
pub use refused_changes::RefusedChanges;
pub use status_chip::StatusChip;
