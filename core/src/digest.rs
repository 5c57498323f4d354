//! FNV-1a, the one hash Candor uses.
//!
//! * It is not a cryptographic hash: it tells a slip or a stray file from the real thing.
//! * 32 bits: the checks and tags inside result codes (`code`).
//! * 64 bits: the digest that tells the files a build serves (questions forms, built-in
//!   definitions) from any other text. The bundles read no other.

/// Where a 32-bit FNV-1a hash starts.
pub const FNV32_START: u32 = 0x811C_9DC5;

/// 32-bit FNV-1a over `bytes`, continuing from `hash` ([`FNV32_START`] to begin).
pub fn fnv1a_32(hash: u32, bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .fold(hash, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// Where a 64-bit FNV-1a hash starts.
pub const FNV64_START: u64 = 0xcbf2_9ce4_8422_2325;

/// 64-bit FNV-1a of `bytes`. A `const fn`, so a build can digest a text it does not carry.
pub const fn fnv1a_64(bytes: &[u8]) -> u64 {
    fnv1a_64_from(FNV64_START, bytes)
}

/// 64-bit FNV-1a over `bytes`, continuing from `hash` ([`FNV64_START`] to begin).
pub const fn fnv1a_64_from(mut hash: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u64).wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}

/// A set keyed by 64-bit FNV-1a: the group's duplicate checks, over short codes that a
/// facilitator pastes in their own browser, need no defence against chosen collisions.
pub type FnvSet<T> = std::collections::HashSet<T, std::hash::BuildHasherDefault<Fnv64>>;

/// 64-bit FNV-1a as a [`std::hash::Hasher`].
#[derive(Clone, Copy, Debug)]
pub struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Self(FNV64_START)
    }
}

impl std::hash::Hasher for Fnv64 {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a_64_from(self.0, bytes);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_published_test_vectors() {
        assert_eq!(fnv1a_32(FNV32_START, b""), 0x811c_9dc5);
        assert_eq!(fnv1a_32(FNV32_START, b"a"), 0xe40c_292c);
        assert_eq!(fnv1a_32(fnv1a_32(FNV32_START, b"foo"), b"bar"), 0xbf9c_f968);
        assert_eq!(fnv1a_64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a_64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a_64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn the_hasher_is_fnv1a_64_and_the_set_finds_duplicates() {
        use std::hash::Hasher;
        let mut hasher = Fnv64::default();
        hasher.write(b"foo");
        hasher.write(b"bar");
        assert_eq!(hasher.finish(), fnv1a_64(b"foobar"));
        let mut seen = FnvSet::default();
        assert!(seen.insert("2702-00F0"));
        assert!(!seen.insert("2702-00F0"));
        assert!(seen.insert("2702-00F1"));
    }
}
