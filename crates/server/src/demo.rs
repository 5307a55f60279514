//! `ramp-server --demo`: loads the demo collaborative (`ramp_core::sample::demo`) into an empty
//! store, with accounts for a member, a coach and faculty, so a newcomer sees Ramp working.
//!
//! Writes everything through the push path, as the people it names, so the demo's records,
//! authors and activity log look like real use. Never touches a store that already has
//! accounts other than the demo's.

use ramp_core::backup::BackupRecord;
use ramp_core::period::Period;
use ramp_core::{team_scope, Edit, RecordId};

use crate::access::Role;
use crate::admin;
use crate::error::AppError;
use crate::storage::Storage;

/// The demo accounts' password (printed at start-up; demo data only).
pub const PASSWORD: &str = "ramp-demo-2026";

/// The demo accounts: email, name, what they can do.
pub const ACCOUNTS: [(&str, &str, &str); 3] = [
    ("member@demo.ramp", "Mia Patel", "member of Ward 7 Falls Team"),
    ("coach@demo.ramp", "Sam Reyes", "coach of all three teams"),
    ("faculty@demo.ramp", "Dr Fay Okafor", "faculty of the Safer Wards Collaborative"),
];

/// Loads the demo whose data ends with the month `last`, unless the demo accounts exist
/// already. Returns the lines to print.
pub async fn load(storage: &dyn Storage, last: Period) -> Result<Vec<String>, AppError> {
    let mut lines = vec!["Demo accounts (password for all: ".to_owned() + PASSWORD + "):"];
    for (email, name, what) in ACCOUNTS {
        lines.push(format!("  {email:<20} {name}, {what}"));
    }
    if storage.user_by_email(ACCOUNTS[0].0).await?.is_some() {
        lines.insert(0, "The demo collaborative is already loaded.".to_owned());
        return Ok(lines);
    }
    let mut users = Vec::new();
    for (email, name, _) in ACCOUNTS {
        users.push(admin::create_user(storage, email, name, PASSWORD).await?);
    }
    let demo = ramp_core::sample::demo(last);
    let collab = demo.collab.to_string();
    let collab_scope = format!("collab:{collab}");
    storage.add_membership(&users[2], &collab_scope, Role::Faculty).await?;
    let teams: Vec<String> = demo.teams.iter().map(|t| t.team.to_string()).collect();
    for team in &teams {
        storage.add_team(team, &collab).await?;
        storage.add_membership(&users[1], &format!("team:{team}"), Role::Coach).await?;
    }
    storage.add_membership(&users[0], &format!("team:{}", teams[0]), Role::Member).await?;
    // Authors as the server stamps people's own writes: their name and their role there.
    let (faculty, coach) = (stamp(ACCOUNTS[2].1, Role::Faculty), stamp(ACCOUNTS[1].1, Role::Coach));
    admin::write_as(storage, &faculty, &collab, &teams, edits(&demo.records, &collab_scope)).await?;
    let leads = ["Mia Patel", "Tom Okoro", "Lena Fischer"];
    for (backup, lead) in demo.teams.iter().zip(leads) {
        let lead = stamp(lead, Role::Member);
        admin::write_as(storage, &lead, &collab, &teams, edits(&backup.records, &team_scope(&backup.team))).await?;
    }
    for (team, review) in &demo.reviews {
        let edits = edits(std::slice::from_ref(review), &team_scope(team));
        admin::write_as(storage, &coach, &collab, &teams, edits).await?;
    }
    lines.insert(0, format!("Loaded the demo collaborative: {} teams, data up to {}.", teams.len(), last.label()));
    Ok(lines)
}

fn stamp(name: &str, role: Role) -> String {
    ramp_core::identity::stamp(name, role.as_str())
}

fn edits(records: &[BackupRecord], scope: &str) -> Vec<Edit> {
    records
        .iter()
        .flat_map(|record| {
            record.fields.iter().map(|(field, value)| Edit {
                record: RecordId::clone(&record.id),
                kind: record.kind,
                scope: scope.to_owned(),
                field: field.clone(),
                value: value.clone(),
            })
        })
        .collect()
}
