//! The worksheets of the Model for Improvement and the rules behind them: the field schema and
//! validation, drafts, the aim, measures and their data, periods and numbers as people type
//! them, the driver diagram, PDSA cycles and ramps, monthly reports, the coach's dashboard
//! summaries, and the team backup format.

pub mod aim;
pub mod backup;
pub mod cycle;
pub mod dashboard;
pub mod draft;
pub mod drivers;
pub mod measure;
pub mod number;
pub mod period;
pub mod report;
pub mod schema;
