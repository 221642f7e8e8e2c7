//! A read-only hash table from 64-bit keys (hashes already) to `u32` values, stored as one byte
//! string, so that the table the build script writes is used where it lies in the binary:
//! nothing is parsed or hashed at start-up, and only the pages a document reads are loaded.
//!
//! Open addressing with linear probing. Per slot, a control byte (0 for an empty slot, else
//! seven bits of the key's hash with the top bit set) and, apart, the key and value. A lookup
//! reads control bytes until an empty one, and a slot's key only where its control byte
//! matches: a key that is absent, as most words are, costs a read of the small control array.
//!
//! Bytes: `u32 bits` (the table has `2^bits` slots), `u32` number of keys, the `2^bits` control
//! bytes, then `2^bits` slots of `u64 key, u32 value`, all little-endian.
//!
//! The build script compiles this file too (`build.rs`): it uses nothing of the crate.

use std::borrow::Cow;

/// Bytes before the control bytes.
const HEADER: usize = 8;
/// Bytes of a slot: the key and its value.
const SLOT: usize = 12;
/// The fewest slots (`2^MIN_BITS`).
const MIN_BITS: u32 = 4;

pub(crate) struct Table {
    bytes: Cow<'static, [u8]>,
    bits: u32,
}

/// A key's first slot in a table of `2^bits` and its control byte.
#[inline]
fn place(key: u64, bits: u32) -> (usize, u8) {
    let m = key.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    ((m >> (64 - bits)) as usize, (m >> 32) as u8 | 0x80)
}

/// The bytes of a table of `pairs` (distinct keys), at most three quarters full.
pub(crate) fn encode(pairs: impl ExactSizeIterator<Item = (u64, u32)>) -> Vec<u8> {
    let n = pairs.len();
    let mut bits = MIN_BITS;
    while (1usize << bits) * 3 < n * 4 + 4 {
        bits += 1;
    }
    let slots = 1usize << bits;
    let mut out = vec![0u8; HEADER + slots + slots * SLOT];
    out[..4].copy_from_slice(&bits.to_le_bytes());
    out[4..8].copy_from_slice(&(n as u32).to_le_bytes());
    let (control, slot_bytes) = out[HEADER..].split_at_mut(slots);
    for (key, value) in pairs {
        let (mut i, c) = place(key, bits);
        while control[i] != 0 {
            i = (i + 1) & (slots - 1);
        }
        control[i] = c;
        slot_bytes[i * SLOT..i * SLOT + 8].copy_from_slice(&key.to_le_bytes());
        slot_bytes[i * SLOT + 8..i * SLOT + SLOT].copy_from_slice(&value.to_le_bytes());
    }
    out
}

impl Table {
    /// The table in `bytes` ([`encode`]'s), if they are one.
    pub(crate) fn new(bytes: Cow<'static, [u8]>) -> Option<Table> {
        let bits = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?);
        if !(MIN_BITS..32).contains(&bits) || bytes.len() != HEADER + (SLOT + 1) * (1 << bits) {
            return None;
        }
        Some(Table { bytes, bits })
    }

    /// The number of keys.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        u32::from_le_bytes(self.bytes[4..8].try_into().expect("4 bytes")) as usize
    }

    /// The value of `key`.
    #[inline]
    pub(crate) fn get(&self, key: u64) -> Option<u32> {
        let slots = 1usize << self.bits;
        let (control, slot_bytes) = self.bytes[HEADER..].split_at(slots);
        let (mut i, c) = place(key, self.bits);
        loop {
            match control[i] {
                0 => return None,
                found if found == c => {
                    let slot = &slot_bytes[i * SLOT..i * SLOT + SLOT];
                    if slot[..8] == key.to_le_bytes() {
                        return Some(u32::from_le_bytes(slot[8..].try_into().expect("4 bytes")));
                    }
                }
                _ => {}
            }
            // Never endless: `encode` leaves a quarter of the slots empty.
            i = (i + 1) & (slots - 1);
        }
    }
}
