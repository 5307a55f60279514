//! Records and their sync: ids and dots, the hybrid logical clock, multi-value registers
//! (the merge rule), records, a device's replica and the server's hub (the reference model),
//! the wire shapes with their whole-request checks, derived ids, and who wrote a value.

pub mod clock;
pub mod derived;
pub mod hub;
pub mod id;
pub mod identity;
pub mod record;
pub mod register;
pub mod replica;
pub mod wire;
