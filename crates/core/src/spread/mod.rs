//! All teach, all learn: how a collaborative's teams learn from each other.
//!
//! - [`share`]: what other teams of a collaborative may read when its faculty switch sharing
//!   on (the one rule the server enforces in pull and push, and the app words);
//! - [`library`]: the change library, every change idea of the package across the teams that
//!   adopted it, with their cycles, decisions, stage and evidence;
//! - [`storyboard`]: a team's storyboard for a learning session.
//!
//! Everything here is derived from records on the device, each time it is shown: nothing is
//! stored as a summary.

pub mod library;
pub mod share;
pub mod storyboard;
