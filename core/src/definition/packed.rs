//! A definition as the reader left it, packed into bytes (postcard, the fields in order
//! with no names), for the bundles that show built-ins.
//!
//! * `cargo xtask forms` reads each built-in's JSON and writes it packed
//!   (`core/packed/<id>.<locale>.bin`); the build serves those files beside the bundles.
//! * A bundle that shows only built-ins unpacks one instead of reading JSON: it carries no
//!   reader, no JSON tree and none of the reader's messages, and unpacking is a walk over
//!   the bytes with nothing to check.
//! * Nothing to check, because only a file this build wrote is unpacked:
//!   [`crate::builtin::unpack`] takes bytes only when their digest is one of the build's
//!   packed files of the built-in asked for. An instrument therefore still comes only
//!   from the reader.

use super::Instrument;

impl Instrument {
    /// This instrument packed: what `cargo xtask forms` writes as a built-in's packed file.
    ///
    /// ```
    /// let instrument = candor_core::builtin::load_in("curiosity", "fr").unwrap();
    /// let packed = instrument.pack();
    /// assert_eq!(candor_core::builtin::unpack("curiosity", &packed), Ok(instrument));
    /// ```
    pub fn pack(&self) -> Vec<u8> {
        // Writing plain data into a vector cannot fail: postcard fails only on a full
        // buffer or a type it cannot write, and the definition's types are all plain.
        postcard::to_allocvec(self).unwrap_or_default()
    }
}

/// `bytes` unpacked; `None` when they are not a packed instrument (cut short, or written by
/// another version of the types).
pub(crate) fn unpack(bytes: &[u8]) -> Option<Instrument> {
    postcard::from_bytes(bytes).ok()
}
