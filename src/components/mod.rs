//! Small, reusable pieces of the UI. Each takes signals and callbacks as props, keeps no
//! state of its own beyond what it shows, and never touches storage.

mod conflict_choices;
mod create_form;
mod field;
mod order_select;
mod stage_badge;
mod table_input;
mod unsent_mark;
mod update_banner;

pub(crate) use conflict_choices::{day_and_time, words};
pub use conflict_choices::{Choice, ConflictChoices};
pub use create_form::{any_field, line_field, CreateForm, FieldRender, FormProblems};
pub(crate) use create_form::{focus, focus_field};
pub use field::{FieldInput, LineField};
pub use order_select::OrderSelect;
pub use stage_badge::StageBadge;
pub use table_input::TableInput;
pub use unsent_mark::UnsentMark;
pub use update_banner::UpdateBanner;

/// The words with their first letter in upper case ("question" → "Question").
pub(crate) fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
