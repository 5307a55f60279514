//! Passwords and session tokens: argon2id hashes for passwords; opaque random 256-bit tokens,
//! of which only a SHA-256 hash is stored.
//!
//! Never stores or logs a password or a token in the clear.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

/// How long a session lasts after its last use: people work offline for weeks.
pub const SESSION_DAYS: i64 = 90;

/// The shortest password accepted.
pub const MIN_PASSWORD: usize = 10;

/// An argon2id hash of a password, in PHC string form.
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).expect("argon2 with default parameters").to_string()
}

/// Whether `password` matches a stored hash.
pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
}

/// A new session token: 32 random bytes, hex.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

/// How long an invite code can be used.
pub const INVITE_DAYS: i64 = 30;

/// A new invite code: ten characters from an alphabet without look-alikes, grouped for reading
/// aloud (`7KQ2M-9XDHP`). Codes are compared without dashes, spaces or case.
pub fn new_invite_code() -> String {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut bytes = [0u8; 10];
    OsRng.fill_bytes(&mut bytes);
    let chars: String = bytes.iter().map(|b| ALPHABET[(*b as usize) % ALPHABET.len()] as char).collect();
    format!("{}-{}", &chars[..5], &chars[5..])
}

/// An invite code as typed, reduced to its canonical form.
pub fn normalize_invite(code: &str) -> String {
    code.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect()
}

/// What the server stores for a token (or a normalized invite code).
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// A new random id in UUIDv7 form (users, server-side records).
pub fn new_id(now_ms: u64) -> ramp_core::Uuid7 {
    let mut random = [0u8; 10];
    OsRng.fill_bytes(&mut random);
    ramp_core::Uuid7::from_parts(now_ms, random)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_against_their_hash() {
        let hash = hash_password("correct horse battery");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse battery!", &hash));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[test]
    fn invite_codes_read_well_and_match_however_typed() {
        let code = new_invite_code();
        assert_eq!(code.len(), 11);
        assert!(!code.contains(['0', 'O', '1', 'I']));
        assert_eq!(normalize_invite(&code.to_lowercase().replace('-', " ")), normalize_invite(&code));
    }

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(token_hash(&a), token_hash(&a));
        assert_ne!(token_hash(&a), a);
    }
}
