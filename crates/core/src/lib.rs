//! `ramp-core`: Ramp's record model, its merge rule, and its validation, with no IO.
//!
//! Everything Ramp stores is a [`Record`] whose fields are multi-value registers
//! ([`FieldState`]). Every write is an [`Op`]: a value, its [`Dot`] (device, counter) and the
//! dots it replaces. Applying ops is the one merge rule, shared by the app and the server:
//!
//! - applying the same op twice changes nothing (a dot already present is skipped);
//! - an op removes exactly the siblings it replaces, so two writes that did not see each other
//!   both stay, as a conflict, and nothing is dropped without a writer having seen it;
//! - ops on different fields commute, so devices that applied the same ops agree.
//!
//! A device keeps a [`Replica`] (synced state + outbox → local view); the server side of the
//! protocol is modelled by [`Hub`]. Forms and checks come from [`schema`]. The crate never
//! reads a clock or a random source: callers pass time and random bytes in.
//!
//! Two devices edit the same field without seeing each other, then one resolves the conflict:
//!
//! ```
//! use ramp_core::{DeviceClock, Edit, Hub, Kind, Replica, Uuid7, Value};
//!
//! let team = Uuid7::from_parts(1, [0; 10]);
//! let edit = |text: &str| Edit {
//!     record: team.clone(), kind: Kind::Team, scope: format!("team:{team}"),
//!     field: "name".into(), value: Value::Text(text.into()),
//! };
//! let mut hub = Hub::default();
//! let (mut a, mut b) = (Replica::default(), Replica::default());
//! let mut clock_a = DeviceClock { device: Uuid7::from_parts(1, [1; 10]), counter: 0, last_hlc: None };
//! let mut clock_b = DeviceClock { device: Uuid7::from_parts(1, [2; 10]), counter: 0, last_hlc: None };
//!
//! let ops_a = a.edit(&mut clock_a, vec![edit("Ward 7")], 1_000, None);
//! let ops_b = b.edit(&mut clock_b, vec![edit("Ward Seven")], 2_000, None);
//! a.acked(hub.push(&clock_a.device, &ops_a), &[]);
//! b.acked(hub.push(&clock_b.device, &ops_b), &[]);
//! let page = hub.pull(&clock_a.device, 0, 100);
//! a.pulled(page.high, &[], page.fields);
//!
//! let name = &a.record(&team).unwrap().fields["name"];
//! assert!(name.is_conflict()); // both values kept; the later one is shown
//! assert_eq!(name.value(), &Value::Text("Ward Seven".into()));
//!
//! let fix = a.edit(&mut clock_a, vec![edit("Ward 7 Falls Team")], 3_000, None);
//! hub.push(&clock_a.device, &fix);
//! let page = hub.pull(&clock_b.device, 0, 100);
//! b.pulled(page.high, &[], page.fields);
//! assert!(!b.record(&team).unwrap().fields["name"].is_conflict());
//! assert_eq!(b.record(&team).unwrap().text("name"), "Ward 7 Falls Team");
//! ```

#![deny(missing_docs)]

// The crate's parts, each a folder: records and their sync, the worksheets, the statistics,
// how teams learn from each other; beside them the shared sort and the sample data.
pub mod order;
pub mod sample;
pub mod spread;
pub mod stats;
pub mod sync;
pub mod worksheets;

// Each module also at the crate's root, where the app, the server and the tests name them.
pub use stats::{analysis, chart};
pub use sync::{clock, derived, hub, id, identity, record, register, replica, wire};
pub use worksheets::{aim, backup, cycle, dashboard, draft, drivers, measure, number, period, report, schema};

pub use clock::Hlc;
pub use cycle::Stage;
pub use draft::Draft;
pub use hub::{Hub, PullPage, PushAnswer};
pub use id::{DeviceId, Dot, RecordId, Uuid7};
pub use record::{team_scope, Kind, Record, Scope};
pub use register::{FieldState, Op, Sibling, Value};
pub use replica::{DeviceClock, Edit, FieldUpdate, Replica};
