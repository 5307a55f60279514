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

/// How long a session lasts from sign-in at most, however often it is used (by default;
/// `--session-max-days` changes it).
pub const SESSION_MAX_DAYS: i64 = 180;

/// The shortest password accepted.
pub const MIN_PASSWORD: usize = 10;

/// How many password hashes run at once: each takes argon2's 19 MiB, so a flood of sign-ins
/// queues here instead of growing memory (two: the machine's cores).
pub static HASHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// Runs a password hash or check off the async threads, at most [`HASHING`] at once.
pub async fn hashing<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let _permit = HASHING.acquire().await.ok()?;
    tokio::task::spawn_blocking(work).await.ok()
}

/// An argon2id hash of a password, in PHC string form.
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).expect("argon2 with default parameters").to_string()
}

/// Whether `password` matches a stored hash.
pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
}

/// Whether `password` matches the stored hash; an unknown account (`None`) is checked against
/// a stand-in hash, so it costs the same time and gives the same answer as a wrong password.
pub fn verify_password_or_stand_in(password: &str, stored: Option<&str>) -> bool {
    static STAND_IN: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| hash_password(&new_token()));
    match stored {
        Some(hash) => verify_password(password, hash),
        None => {
            let _ = verify_password(password, &STAND_IN);
            false
        }
    }
}

/// A new session token: 32 random bytes, hex.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

/// A new store identity: 16 random bytes, hex (as SQLite's `lower(hex(randomblob(16)))`).
pub fn new_store_id() -> String {
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

/// How long an invite code can be used, unless its maker says otherwise.
pub const INVITE_DAYS: i64 = 14;

/// The longest an invite may be made to last.
pub const MAX_INVITE_DAYS: i64 = 90;

/// The most accounts one invite may be made for.
pub const MAX_INVITE_USES: u32 = 200;

/// How long a password reset code works.
pub const RESET_HOURS: i64 = 72;

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

/// What the server stores for a token (random 256 bits: a plain hash is enough).
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// The server's secret for codes people type (invites): they are short, so a stored plain
/// hash could be tested against guesses offline; under a secret kept outside the store it
/// cannot. Kept in the data folder as `ramp.secret`, readable by the server's user only.
#[derive(Clone)]
pub struct Secret([u8; 32]);

/// The secret's file name in the data folder.
pub const SECRET_FILE: &str = "ramp.secret";

impl Secret {
    /// A new random secret (tests, and a data folder's first start).
    pub fn random() -> Secret {
        let mut bytes = [0u8; 32];
        OsRng.fill_bytes(&mut bytes);
        Secret(bytes)
    }

    /// The data folder's secret, made on first use.
    pub fn load_or_create(data_dir: &std::path::Path) -> std::io::Result<Secret> {
        let path = data_dir.join(SECRET_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let bytes: Vec<u8> = (0..text.trim().len() / 2)
                    .filter_map(|i| u8::from_str_radix(text.trim().get(2 * i..2 * i + 2)?, 16).ok())
                    .collect();
                let bytes: [u8; 32] = bytes.try_into().map_err(|_| {
                    std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{} is damaged", path.display()))
                })?;
                Ok(Secret(bytes))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::create_dir_all(data_dir)?;
                let secret = Secret::random();
                crate::files::write_private(&path, hex(&secret.0).as_bytes())?;
                Ok(secret)
            }
            Err(e) => Err(e),
        }
    }

    /// What the server stores for a code as typed (normalized first): HMAC-SHA256, hex.
    pub fn code_hash(&self, code: &str) -> String {
        use hmac::{Hmac, Mac};
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(normalize_invite(code).as_bytes());
        hex(&mac.finalize().into_bytes())
    }

    /// What the server stores for a password reset code: kept apart from invite codes, so
    /// one can never be taken for the other.
    pub fn reset_hash(&self, code: &str) -> String {
        self.code_hash(&format!("RESET{}", normalize_invite(code)))
    }
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
    fn codes_are_stored_under_the_secret() {
        let (a, b) = (Secret::random(), Secret::random());
        assert_eq!(a.code_hash("7kq2m 9xdhp"), a.code_hash("7KQ2M-9XDHP"));
        assert_ne!(a.code_hash("7KQ2M-9XDHP"), b.code_hash("7KQ2M-9XDHP"));
        assert_ne!(a.code_hash("7KQ2M-9XDHP"), token_hash("7KQ2M9XDHP"), "not a plain hash");
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
