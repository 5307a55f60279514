//! Small, reusable pieces of the UI. Each takes signals and callbacks as props, keeps no
//! state of its own beyond what it shows, and never touches storage.

mod account_panel;
mod conflict_choices;
mod create_form;
mod field;
mod local_teams;
mod refused_changes;
mod stage_badge;
mod status_chip;
mod table_input;
mod update_banner;

pub use account_panel::AccountPanel;
pub(crate) use conflict_choices::{day_and_time, words};
pub use conflict_choices::{Choice, ConflictChoices};
pub use create_form::{CreateForm, FormProblems};
pub use field::FieldInput;
pub use local_teams::LocalTeams;
pub use refused_changes::RefusedChanges;
pub use stage_badge::StageBadge;
pub use status_chip::StatusChip;
pub use table_input::TableInput;
pub use update_banner::UpdateBanner;

/// The words with their first letter in upper case ("question" → "Question").
fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
