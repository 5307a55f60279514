//! Who may read and write which scopes, from a person's roles (DESIGN.md §5).
//!
//! Faculty of a collaborative read and write it and all its teams; a member reads and writes
//! their team and reads its collaborative; a coach reads assigned teams and their
//! collaborative, and writes only what `schema::writers` gives coaches (comments, a report's
//! faculty score). While a collaborative's sharing is on, its members and coaches also read
//! its other teams, as far as `ramp_core::spread::share` says, and may comment there (the
//! other teams are "shared" scopes). Pure: the storage supplies memberships, the team →
//! collaborative map and which collaboratives share.

use std::collections::BTreeSet;

/// A person's role in one scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Runs the collaborative (scope `collab:<id>`).
    Faculty,
    /// Advises assigned teams (scope `team:<id>`).
    Coach,
    /// Works in a team (scope `team:<id>`).
    Member,
}

impl Role {
    /// Parses the stored name.
    pub fn parse(text: &str) -> Option<Role> {
        match text {
            "faculty" => Some(Role::Faculty),
            "coach" => Some(Role::Coach),
            "member" => Some(Role::Member),
            _ => None,
        }
    }

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Faculty => "faculty",
            Role::Coach => "coach",
            Role::Member => "member",
        }
    }
}

/// What one signed-in person may read and write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Access {
    /// The person's user id.
    pub user: String,
    /// The person's name, stamped with their role as the author of what they write.
    pub name: String,
    /// Team scopes the person was removed from (and not added to again).
    pub removed: BTreeSet<String>,
    /// Whether the author is stamped as `name` alone (the server's own writes: set-up and
    /// the demo, whose authors are given).
    pub named_as_is: bool,
    roles: std::collections::BTreeMap<String, Role>,
    readable: BTreeSet<String>,
    writable: BTreeSet<String>,
    governed: BTreeSet<String>,
    coached: BTreeSet<String>,
    shared: BTreeSet<String>,
    others: std::collections::BTreeMap<String, String>,
    collabs: std::collections::BTreeMap<String, String>,
}

impl Access {
    /// Works out the scopes from memberships `(scope, role)`, the `(team, collab)` pairs and
    /// the collaboratives whose sharing is on.
    pub fn new(
        user: String,
        memberships: &[(String, Role)],
        teams: &[(String, String)],
        sharing: &BTreeSet<String>,
    ) -> Access {
        let mut readable = BTreeSet::new();
        let mut writable = BTreeSet::new();
        let mut governed = BTreeSet::new();
        let mut coached = BTreeSet::new();
        let collab_of = |team: &str| teams.iter().find(|(t, _)| t == team).map(|(_, c)| c.clone());
        for (scope, role) in memberships {
            match (role, scope.split_once(':')) {
                (Role::Faculty, Some(("collab", collab))) => {
                    for scope in std::iter::once(scope.clone())
                        .chain(teams.iter().filter(|(_, c)| c == collab).map(|(t, _)| format!("team:{t}")))
                    {
                        readable.insert(scope.clone());
                        writable.insert(scope.clone());
                        governed.insert(scope);
                    }
                }
                (Role::Member | Role::Coach, Some(("team", team))) => {
                    readable.insert(scope.clone());
                    if *role == Role::Member {
                        writable.insert(scope.clone());
                    } else {
                        coached.insert(scope.clone());
                    }
                    if let Some(collab) = collab_of(team) {
                        readable.insert(format!("collab:{collab}"));
                    }
                }
                _ => {}
            }
        }
        // The other teams of each collaborative the person works in as a member or coach:
        // known to be another team's (never theirs to write), and read while sharing is on.
        let mut others = std::collections::BTreeMap::new();
        let mut shared = BTreeSet::new();
        for (scope, role) in memberships {
            let Some(collab) = scope.strip_prefix("team:").and_then(collab_of) else { continue };
            if *role == Role::Faculty {
                continue;
            }
            for (team, _) in teams.iter().filter(|(_, c)| *c == collab) {
                let scope = format!("team:{team}");
                if readable.contains(&scope) {
                    continue;
                }
                others.insert(scope.clone(), collab.clone());
                if sharing.contains(&collab) {
                    shared.insert(scope);
                }
            }
        }
        for scope in &shared {
            readable.insert(scope.clone());
        }
        let collabs = teams
            .iter()
            .filter(|(team, _)| readable.contains(&format!("team:{team}")))
            .map(|(team, collab)| (team.clone(), collab.clone()))
            .collect();
        let roles = memberships.iter().cloned().collect();
        Access {
            name: user.clone(),
            user,
            removed: BTreeSet::new(),
            named_as_is: false,
            roles,
            readable,
            writable,
            governed,
            coached,
            shared,
            others,
            collabs,
        }
    }

    /// Whether the person reads this team only because its collaborative shares.
    pub fn is_shared(&self, scope: &str) -> bool {
        self.shared.contains(scope)
    }

    /// The other teams of the collaboratives the person works in (shared or not), as (team
    /// scope, collaborative id): known to the server, never the person's to write.
    pub fn others(&self) -> impl Iterator<Item = (&str, &str)> {
        self.others.iter().map(|(t, c)| (t.as_str(), c.as_str()))
    }

    /// The person's role in a scope: faculty over it, or their role in the team.
    pub fn role_in(&self, scope: &str) -> Option<Role> {
        if self.governs(scope) {
            return Some(Role::Faculty);
        }
        self.roles.get(scope).copied()
    }

    /// The author stamped on what the person writes in a scope: their name and role there
    /// (`ramp_core::identity`), so a chosen name cannot pass for someone else's role.
    pub fn author(&self, scope: &str) -> String {
        match self.role_in(scope) {
            _ if self.named_as_is => self.name.clone(),
            Some(role) => ramp_core::identity::stamp(&self.name, role.as_str()),
            None if self.is_shared(scope) => {
                ramp_core::identity::stamp(&self.name, ramp_core::spread::share::VISITOR_ROLE)
            }
            None => self.name.clone(),
        }
    }

    /// Whether the person may manage another account (disable it, make it a reset code): as
    /// faculty, when every role the account has (`theirs`) is in a scope they govern, so
    /// faculty of one collaborative cannot lock a person out of another.
    pub fn manages_account(&self, user: &str, theirs: &[(String, Role)]) -> bool {
        user != self.user && !theirs.is_empty() && theirs.iter().all(|(scope, _)| self.governs(scope))
    }

    /// Whether the person was removed from this team (and not added to it again).
    pub fn was_removed(&self, scope: &str) -> bool {
        self.removed.contains(scope) && !self.readable.contains(scope)
    }

    /// The collaborative of each team the person may read, as (team id, collaborative id).
    pub fn collab_of_teams(&self) -> impl Iterator<Item = (&str, &str)> {
        self.collabs.iter().map(|(t, c)| (t.as_str(), c.as_str()))
    }

    /// What the person is to a scope, for `schema::may_write`.
    pub fn standing(&self, scope: &str) -> ramp_core::schema::Standing {
        ramp_core::schema::Standing {
            reads: self.can_read(scope),
            writes: self.can_write(scope),
            governs: self.governs(scope),
            coaches: self.coached.contains(scope),
        }
    }

    /// The team scopes the person coaches.
    pub fn coached(&self) -> impl Iterator<Item = &str> {
        self.coached.iter().map(String::as_str)
    }

    /// Whether the person may read a scope.
    pub fn can_read(&self, scope: &str) -> bool {
        self.readable.contains(scope)
    }

    /// Whether the person may write in a scope.
    pub fn can_write(&self, scope: &str) -> bool {
        self.writable.contains(scope)
    }

    /// Whether the person is faculty over a scope (their collaborative or one of its teams).
    pub fn governs(&self, scope: &str) -> bool {
        self.governed.contains(scope)
    }

    /// The scopes the person may read.
    pub fn readable(&self) -> impl Iterator<Item = &str> {
        self.readable.iter().map(String::as_str)
    }

    /// The scopes the person may write in.
    pub fn writable(&self) -> impl Iterator<Item = &str> {
        self.writable.iter().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn teams() -> Vec<(String, String)> {
        vec![("t1".into(), "c1".into()), ("t2".into(), "c1".into()), ("t3".into(), "c2".into())]
    }

    #[test]
    fn faculty_read_and_write_their_collaborative_and_its_teams_only() {
        let access = Access::new("u".into(), &[("collab:c1".into(), Role::Faculty)], &teams(), &BTreeSet::new());
        for scope in ["collab:c1", "team:t1", "team:t2"] {
            assert!(access.can_read(scope) && access.can_write(scope), "{scope}");
        }
        assert!(!access.can_read("team:t3") && !access.can_read("collab:c2"));
        assert!(access.governs("team:t1") && !access.governs("team:t3"));
    }

    #[test]
    fn members_write_their_team_and_read_its_collaborative() {
        let access = Access::new("u".into(), &[("team:t1".into(), Role::Member)], &teams(), &BTreeSet::new());
        assert!(access.can_write("team:t1"));
        assert!(access.can_read("collab:c1") && !access.can_write("collab:c1"));
        assert!(!access.can_read("team:t2"));
        assert!(!access.governs("team:t1"), "members do not govern their team");
    }

    #[test]
    fn coaches_read_assigned_teams_and_write_no_worksheet() {
        let access = Access::new(
            "u".into(),
            &[("team:t1".into(), Role::Coach), ("team:t3".into(), Role::Coach)],
            &teams(),
            &BTreeSet::new(),
        );
        assert!(access.can_read("team:t1") && access.can_read("team:t3") && access.can_read("collab:c2"));
        assert!(!access.can_write("team:t1") && !access.can_read("team:t2"));
        let standing = access.standing("team:t1");
        assert!(standing.reads && standing.coaches && !standing.writes && !standing.governs);
        assert!(!access.standing("team:t2").coaches);
    }

    #[test]
    fn while_sharing_is_on_members_and_coaches_read_the_other_teams_of_their_collaborative_only() {
        let teams = || {
            vec![
                ("t1".to_owned(), "c1".to_owned()),
                ("t2".to_owned(), "c1".to_owned()),
                ("t3".to_owned(), "c2".to_owned()),
                ("t4".to_owned(), "c2".to_owned()),
            ]
        };
        let sharing = BTreeSet::from(["c1".to_owned(), "c2".to_owned()]);
        let member = Access::new("u".into(), &[("team:t1".into(), Role::Member)], &teams(), &sharing);
        assert!(member.can_read("team:t2") && member.is_shared("team:t2"));
        assert!(!member.can_write("team:t2") && !member.governs("team:t2"));
        assert!(!member.can_read("team:t3") && !member.can_read("team:t4"), "another collaborative");
        assert!(!member.is_shared("team:t1") && member.can_write("team:t1"));
        let standing = member.standing("team:t2");
        assert!(standing.reads && !standing.writes && !standing.coaches && !standing.governs);
        assert_eq!(member.author("team:t2"), "u · other team");
        assert_eq!(member.others().collect::<Vec<_>>(), [("team:t2", "c1")]);

        let coach = Access::new("u".into(), &[("team:t3".into(), Role::Coach)], &teams(), &sharing);
        assert!(coach.is_shared("team:t4") && !coach.standing("team:t4").coaches);
        assert!(!coach.can_read("team:t1"));

        let off = Access::new("u".into(), &[("team:t1".into(), Role::Member)], &teams(), &BTreeSet::new());
        assert!(!off.can_read("team:t2") && !off.is_shared("team:t2"));
        assert_eq!(off.others().collect::<Vec<_>>(), [("team:t2", "c1")], "still known as another team's");

        let faculty = Access::new("u".into(), &[("collab:c1".into(), Role::Faculty)], &teams(), &sharing);
        assert!(!faculty.is_shared("team:t2") && faculty.can_write("team:t2"));
        assert_eq!(faculty.others().count(), 0);
    }

    #[test]
    fn faculty_manage_only_accounts_wholly_in_their_collaborative() {
        let fay = Access::new("fay".into(), &[("collab:c1".into(), Role::Faculty)], &teams(), &BTreeSet::new());
        let in_c1 = [("team:t1".to_owned(), Role::Member), ("team:t2".to_owned(), Role::Coach)];
        assert!(fay.manages_account("mia", &in_c1));
        let also_c2 = [("team:t1".to_owned(), Role::Coach), ("team:t3".to_owned(), Role::Coach)];
        assert!(!fay.manages_account("cal", &also_c2), "a coach of another collaborative too");
        assert!(!fay.manages_account("nobody", &[]), "an account with no role is the admin's");
        assert!(!fay.manages_account("fay", &[("collab:c1".to_owned(), Role::Faculty)]), "not themselves");
    }

    #[test]
    fn authors_carry_the_role_faculty_gave_them_where_they_wrote() {
        let mut access = Access::new(
            "u".into(),
            &[("team:t1".into(), Role::Coach), ("team:t2".into(), Role::Member), ("collab:c2".into(), Role::Faculty)],
            &teams(),
            &BTreeSet::new(),
        );
        access.name = "Fay (Faculty)".into();
        assert_eq!(access.author("team:t1"), "Fay (Faculty) · coach");
        assert_eq!(access.author("team:t2"), "Fay (Faculty) · member");
        assert_eq!(access.author("team:t3"), "Fay (Faculty) · faculty");
        access.named_as_is = true;
        assert_eq!(access.author("team:t1"), "Fay (Faculty)");
    }
}
