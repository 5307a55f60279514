//! How many failed sign-ins (and wrong invite codes) the server lets through: per email, per
//! invite code and per network address, counted in the store so that every server instance
//! in front of it sees the same counts, and forgotten after [`WINDOW`].
//!
//! Per email the server backs off instead of locking: after [`FREE_FAILURES`] failures in the
//! window each further try waits twice as long as the one before, up to [`MAX_BACKOFF`], so
//! someone who types wrong passwords on purpose slows a person down by a minute at most and
//! a guesser to about one try a minute. Per address (the socket's, or the proxy's header with
//! `--trust-proxy`) and per invite code the limit is hard: [`ADDRESS_FAILURES`] and
//! [`CODE_FAILURES`] in the window. Input lengths are bounded before any of this
//! ([`MAX_EMAIL`], [`MAX_PASSWORD`], [`MAX_CODE`]). Pure: the store supplies the tallies.

use std::time::Duration;

use crate::error::AppError;

/// How long a failure counts.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Failures per email before the back-off starts.
pub const FREE_FAILURES: u32 = 5;
/// The longest wait the back-off asks for.
pub const MAX_BACKOFF: Duration = Duration::from_secs(60);
/// Failures per network address in the window (all emails and codes together).
pub const ADDRESS_FAILURES: u32 = 30;
/// Failures per invite code in the window.
pub const CODE_FAILURES: u32 = 5;
/// The longest email accepted (RFC 5321's limit of a path).
pub const MAX_EMAIL: usize = 254;
/// The longest password accepted, in characters.
pub const MAX_PASSWORD: usize = 256;
/// The longest invite or reset code accepted, as typed.
pub const MAX_CODE: usize = 64;
/// The most failures the store keeps at once (the oldest go first past it).
pub const MAX_KEPT: i64 = 100_000;

/// What the store knows of one key's recent failures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Failures in the window.
    pub failures: u32,
    /// When the latest happened (ms since the Unix epoch), 0 for none.
    pub last_ms: i64,
}

/// The keys one try is counted under: its email (sign-in), its network address, and its
/// invite code's keyed hash (never the code), each as stored (`email:…`, `addr:…`, `code:…`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    /// The email signed in with, if any.
    pub email: Option<String>,
    /// The address the try came from.
    pub address: String,
    /// The invite code tried, if any.
    pub code: Option<String>,
}

impl Keys {
    /// A sign-in with this email (lowercased) from this address.
    pub fn sign_in(email: &str, address: &str) -> Keys {
        Keys { email: Some(format!("email:{email}")), address: format!("addr:{address}"), code: None }
    }

    /// An invite code (its keyed hash) tried from this address.
    pub fn code(code_hash: &str, address: &str) -> Keys {
        Keys { email: None, address: format!("addr:{address}"), code: Some(format!("code:{code_hash}")) }
    }

    /// Every key, in the order [`Keys::verdict`] takes their tallies: email, address, code.
    pub fn all(&self) -> Vec<String> {
        self.email.iter().chain([&self.address]).chain(self.code.iter()).cloned().collect()
    }

    /// Whether one more try may go ahead now, from the tallies of [`Keys::all`], in order.
    pub fn verdict(&self, tallies: &[Tally], now_ms: i64) -> Result<(), AppError> {
        let mut tallies = tallies.iter().copied();
        let mut next = || tallies.next().unwrap_or_default();
        let email = self.email.as_ref().map(|_| next());
        let address = next();
        let code = self.code.as_ref().map(|_| next());
        verdict(email, address, code, now_ms)
    }
}

/// Whether one more try may go ahead now, from the tallies of the email (if any), the address
/// and the code (if any).
pub fn verdict(email: Option<Tally>, address: Tally, code: Option<Tally>, now_ms: i64) -> Result<(), AppError> {
    if address.failures >= ADDRESS_FAILURES || code.is_some_and(|c| c.failures >= CODE_FAILURES) {
        return Err(AppError::TooManyAttempts(WINDOW.as_secs()));
    }
    if let Some(email) = email.filter(|e| e.failures >= FREE_FAILURES) {
        let wait = backoff(email.failures);
        let ready = email.last_ms + wait.as_millis() as i64;
        if now_ms < ready {
            let seconds = ((ready - now_ms) as u64).div_ceil(1000);
            return Err(AppError::TooManyAttempts(seconds));
        }
    }
    Ok(())
}

/// The wait after `failures` failures of one email: 1 s after the fifth, doubling, at most a minute.
pub fn backoff(failures: u32) -> Duration {
    let doublings = failures.saturating_sub(FREE_FAILURES).min(16);
    Duration::from_secs(1u64 << doublings).min(MAX_BACKOFF)
}

/// Refuses an input longer than `max` characters before any work is done on it.
pub fn bounded(what: &str, text: &str, max: usize) -> Result<(), AppError> {
    if text.len() > max * 4 || text.chars().count() > max {
        return Err(AppError::BadRequest(format!("the {what} is too long: at most {max} characters")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_failures_back_off_and_addresses_and_codes_stop() {
        let now = 1_000_000;
        let tally = |failures, last_ms| Tally { failures, last_ms };
        assert!(verdict(Some(tally(4, now)), Tally::default(), None, now).is_ok());
        assert!(verdict(Some(tally(5, now)), Tally::default(), None, now).is_err(), "the sixth waits");
        assert!(verdict(Some(tally(5, now - 1_000)), Tally::default(), None, now).is_ok(), "a second later");
        assert!(verdict(Some(tally(7, now - 3_000)), Tally::default(), None, now).is_err(), "four seconds now");
        assert!(verdict(Some(tally(50, now - 60_000)), Tally::default(), None, now).is_ok(), "never over a minute");
        assert!(verdict(None, tally(ADDRESS_FAILURES, now - 600_000), None, now).is_err());
        assert!(verdict(None, Tally::default(), Some(tally(CODE_FAILURES, now)), now).is_err());
        assert_eq!(backoff(5), Duration::from_secs(1));
        assert_eq!(backoff(200), MAX_BACKOFF);
    }

    #[test]
    fn keys_hand_their_tallies_to_the_verdict_in_order() {
        let now = 1_000_000;
        let full = Tally { failures: ADDRESS_FAILURES, last_ms: now };
        let sign_in = Keys::sign_in("fay@example.org", "10.0.0.1");
        assert_eq!(sign_in.all(), vec!["email:fay@example.org".to_owned(), "addr:10.0.0.1".to_owned()]);
        assert!(sign_in.verdict(&[Tally::default(), full], now).is_err(), "the address is the second");
        let old_email = Tally { failures: ADDRESS_FAILURES, last_ms: now - 60_000 };
        assert!(sign_in.verdict(&[old_email, Tally::default()], now).is_ok(), "an email backs off only");
        let code = Keys::code("abc", "10.0.0.1");
        assert_eq!(code.all(), vec!["addr:10.0.0.1".to_owned(), "code:abc".to_owned()]);
        assert!(code.verdict(&[Tally::default(), Tally { failures: CODE_FAILURES, last_ms: now }], now).is_err());
    }

    #[test]
    fn long_inputs_are_refused_by_length_alone() {
        assert!(bounded("email", &"a".repeat(MAX_EMAIL), MAX_EMAIL).is_ok());
        assert!(bounded("email", &"a".repeat(MAX_EMAIL + 1), MAX_EMAIL).is_err());
        assert!(bounded("code", &"é".repeat(MAX_CODE), MAX_CODE).is_ok());
    }
}
