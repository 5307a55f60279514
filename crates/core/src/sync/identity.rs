//! Who wrote a value, as people see it: the account's name and its role where it wrote,
//! stamped by the server (never by the device) as `"Mia · member"`.
//!
//! A name is chosen by its owner, so alone it proves nothing ("Fay (Faculty)" is a name anyone
//! could take). The role after the separator is the one faculty gave the account in that team
//! or collaborative; names may not contain the separator, so the part after the last one is
//! always the server's.

use std::fmt;

/// Between the name and the role in a stamped author.
pub const SEPARATOR: &str = " · ";

/// The longest name an account may have, in characters.
pub const MAX_NAME: usize = 100;

/// The author the server stamps: the account's name and its role in the scope written.
pub fn stamp(name: &str, role: &str) -> String {
    format!("{name}{SEPARATOR}{role}")
}

/// The name part of an author (all of it when it carries no role).
pub fn name_of(author: &str) -> &str {
    author.rsplit_once(SEPARATOR).map_or(author, |(name, _)| name)
}

/// The role part of a stamped author.
pub fn role_of(author: &str) -> Option<&str> {
    author.rsplit_once(SEPARATOR).map(|(_, role)| role)
}

/// What is wrong with a name an account asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameIssue {
    /// Blank, or longer than [`MAX_NAME`].
    Length,
    /// Holds the `·` that separates a name from its role, or a control character.
    Character,
}

impl fmt::Display for NameIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameIssue::Length => write!(f, "Give your name as your team knows you (up to {MAX_NAME} characters)."),
            NameIssue::Character => f.write_str("A name cannot contain “·” or control characters."),
        }
    }
}

/// Checks a name (already trimmed) an account asks for.
pub fn check_name(name: &str) -> Result<(), NameIssue> {
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err(NameIssue::Length);
    }
    if name.contains('·') || name.chars().any(char::is_control) {
        return Err(NameIssue::Character);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_role_after_the_last_separator_is_the_servers() {
        let author = stamp("Fay (Faculty)", "member");
        assert_eq!(author, "Fay (Faculty) · member");
        assert_eq!(name_of(&author), "Fay (Faculty)");
        assert_eq!(role_of(&author), Some("member"));
        assert_eq!(name_of("Ana"), "Ana");
        assert_eq!(role_of("Ana"), None);
    }

    #[test]
    fn names_cannot_carry_a_role_of_their_own() {
        assert_eq!(check_name("Mia Okafor"), Ok(()));
        assert_eq!(check_name("Fay · faculty"), Err(NameIssue::Character));
        assert_eq!(check_name("Fay\u{7}"), Err(NameIssue::Character));
        assert_eq!(check_name(""), Err(NameIssue::Length));
        assert_eq!(check_name(&"a".repeat(101)), Err(NameIssue::Length));
    }
}
