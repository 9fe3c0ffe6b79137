//! The prebuilt index's byte layout, and a reader that checks every offset it follows.
//!
//! ```text
//! 0   magic      8 bytes  "CPDKIDX\0"
//! 8   version    u32      FORMAT_VERSION
//! 12  byte order u32      0x01020304 as the writing machine stores it
//! 16  checksum   u64      fingerprint of every byte from 24 to the end
//! 24  sections   u32      SECTIONS, then a u32 of padding
//! 32  table      SECTIONS x (offset u64, length u64)
//! ```
//!
//! Integers are in the writing machine's byte order; an index from a machine of the other
//! order is refused rather than swapped. Sections are described in [`Section`]. Strings are a
//! u32 length and UTF-8 bytes; lists are a u32 count and their items.

use std::ops::Range;

pub const MAGIC: &[u8; 8] = b"CPDKIDX\0";
/// Bumped whenever the layout or the checksum changes: an index of another version is rebuilt,
/// not read. (2: the checksum and source fingerprints became XXH3. 3: forms' word counts.)
pub const FORMAT_VERSION: u32 = 3;
pub const BYTE_ORDER: u32 = 0x0102_0304;
pub const HEADER: usize = 32;

/// The sections, in table order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
pub enum Section {
    /// longest form (words), entity count, form count, skeleton count: four u32.
    Meta,
    /// The registry files the index was built from: u32 count, then each one's path (string),
    /// size (u64), modification time (i64 seconds, u32 nanoseconds) and fingerprint (u64).
    Sources,
    /// Entity count + 1 u32 offsets into `Entities`.
    EntityOffsets,
    /// Each entity encoded as in [`super::write`].
    Entities,
    /// Form count + 1 u32 offsets into `Forms`.
    FormOffsets,
    Forms,
    /// Entity id to its number (a [map](Section::Lead) with one value per key).
    ById,
    /// First two exact words of a form to the forms: a sorted string map.
    Lead,
    /// Skeleton or one deletion of it to skeleton numbers: a sorted string map.
    Near,
    /// Known words: a sorted string map with no values.
    Known,
    /// Skeleton number to the forms using it: u32 count, count + 1 u32 offsets, u32 values.
    SkeletonForms,
    /// For each entity, the number of the file it came from: u32 each.
    Origins,
    /// Each file's name, `as_of` and sources: u32 count, then the records.
    Provenances,
    /// Each form's word count, one byte a form ([`WORDS_UNCOUNTED`] for 255 or more): a
    /// misspelling search splits a common word's thousands of forms by word count, and
    /// peeking each record for it was a twentieth of a long check.
    FormWordCounts,
}

pub const SECTIONS: usize = 14;

/// A form's entry in [`Section::FormWordCounts`] when its count does not fit: read its record.
pub const WORDS_UNCOUNTED: u8 = u8::MAX;

/// A fast, stable 64-bit fingerprint (not cryptographic): it catches a damaged index and tells
/// whether a source file changed, and is the same on every run, build and machine. XXH3: opening
/// an index hashes every byte of it, and a word-at-a-time chain of multiplications was a tenth
/// of a check against a 100k index.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    twox_hash::XxHash3_64::oneshot(bytes)
}

/// Where the checksum starts: every byte from here to the end is covered.
pub const CHECKED_FROM: usize = 24;

/// [`fingerprint`] of bytes given in pieces: the same value as of all of them at once. An
/// adapter checksums a mapped index by reading its file in pieces, so the pages land in the
/// page cache rather than in the process's resident memory.
#[derive(Default)]
pub struct Fingerprint(twox_hash::XxHash3_64);

impl Fingerprint {
    pub fn update(&mut self, bytes: &[u8]) {
        std::hash::Hasher::write(&mut self.0, bytes);
    }

    pub fn finish(&self) -> u64 {
        std::hash::Hasher::finish(&self.0)
    }
}

/// Why bytes are not a readable index. Worded to follow the file's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged(pub String);

pub type Result<T> = std::result::Result<T, Damaged>;

fn damaged<T>(what: &str) -> Result<T> {
    Err(Damaged(what.to_string()))
}

/// A cursor over bytes that fails, never panics, when the bytes end early.
pub struct Reader<'a> {
    pub bytes: &'a [u8],
    pub at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        match end {
            Some(end) => {
                let out = &self.bytes[self.at..end];
                self.at = end;
                Ok(out)
            }
            None => damaged("it ends in the middle of a record"),
        }
    }

    pub fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    pub fn u32(&mut self) -> Result<u32> {
        let b = self.take(4)?;
        Ok(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub fn u64(&mut self) -> Result<u64> {
        let b = self.take(8)?;
        let mut a = [0; 8];
        a.copy_from_slice(b);
        Ok(u64::from_ne_bytes(a))
    }

    pub fn str(&mut self) -> Result<&'a str> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).or_else(|_| damaged("a name in it is not UTF-8"))
    }

    pub fn opt_str(&mut self) -> Result<Option<&'a str>> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.str().map(Some),
            _ => damaged("a field in it has an unknown tag"),
        }
    }
}

/// The u32 at position `i` of a u32 array stored at `range` of `bytes`.
pub fn u32_at(bytes: &[u8], range: &Range<usize>, i: usize) -> Option<u32> {
    let start = range.start.checked_add(i.checked_mul(4)?)?;
    let end = start.checked_add(4)?;
    if end > range.end {
        return None;
    }
    let b = bytes.get(start..end)?;
    Some(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]))
}

/// A sorted string map laid out as: u32 count n, (n + 1) u32 key offsets, (n + 1) u32 value
/// offsets, the key bytes (u32 length first), the u32 values. Ranges are absolute in the file.
#[derive(Clone, Debug, Default)]
pub struct Map {
    pub len: usize,
    pub key_offsets: Range<usize>,
    pub value_offsets: Range<usize>,
    pub keys: Range<usize>,
    pub values: Range<usize>,
}

impl Map {
    /// Finds the parts of a map in `range` and checks that its offsets grow and stay inside it.
    pub fn open(bytes: &[u8], range: Range<usize>) -> Result<Map> {
        let mut r = Reader::new(bytes.get(range.clone()).unwrap_or_default());
        let len = r.u32()? as usize;
        let base = range.start;
        let offsets_len = (len + 1) * 4;
        let key_offsets = base + r.at..base + r.at + offsets_len;
        r.take(offsets_len)?;
        let value_offsets = base + r.at..base + r.at + offsets_len;
        r.take(offsets_len)?;
        let keys_len = r.u32()? as usize;
        let keys = base + r.at..base + r.at + keys_len;
        r.take(keys_len)?;
        let values = base + r.at..range.end;
        let map = Map {
            len,
            key_offsets,
            value_offsets,
            keys,
            values,
        };
        check_offsets(bytes, &map.key_offsets, len, map.keys.len())?;
        check_offsets(bytes, &map.value_offsets, len, map.values.len() / 4)?;
        Ok(map)
    }

    fn key<'a>(&self, bytes: &'a [u8], i: usize) -> Option<&'a [u8]> {
        let (s, e) = (
            u32_at(bytes, &self.key_offsets, i)? as usize,
            u32_at(bytes, &self.key_offsets, i + 1)? as usize,
        );
        bytes.get(self.keys.start + s..self.keys.start + e)
    }

    /// The position of `key`, by binary search over the sorted keys. Each step compares the
    /// keys' first eight bytes as one number and reads the rest only when those are the same:
    /// a misspelling search looks up every deletion of every capitalised word.
    pub fn find(&self, bytes: &[u8], key: &[u8]) -> Option<usize> {
        let offsets = bytes.get(self.key_offsets.clone())?;
        let keys = bytes.get(self.keys.clone())?;
        let at = |i: usize| {
            let b = offsets.get(i * 4..i * 4 + 4)?;
            Some(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as usize)
        };
        let wanted = first_eight(key);
        let (mut lo, mut hi) = (0, self.len);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let k = keys.get(at(mid)?..at(mid + 1)?)?;
            let order = first_eight(k).cmp(&wanted).then_with(|| k.cmp(key));
            match order {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The values of the keys that start with `prefix`, in key order, until `limit` values:
    /// a binary search to the first such key, then a walk while keys still start so.
    pub fn prefixed(&self, bytes: &[u8], prefix: &[u8], limit: usize) -> Vec<u32> {
        let (mut lo, mut hi) = (0, self.len);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.key(bytes, mid) {
                Some(k) if k < prefix => lo = mid + 1,
                _ => hi = mid,
            }
        }
        let mut out = Vec::new();
        for i in lo..self.len {
            if out.len() >= limit || !self.key(bytes, i).is_some_and(|k| k.starts_with(prefix)) {
                break;
            }
            out.extend(self.values(bytes, i));
        }
        out.truncate(limit);
        out
    }

    /// The values of the key at position `i`.
    pub fn values<'a>(&self, bytes: &'a [u8], i: usize) -> impl Iterator<Item = u32> + 'a {
        let s = u32_at(bytes, &self.value_offsets, i).unwrap_or(0) as usize;
        let e = u32_at(bytes, &self.value_offsets, i + 1).unwrap_or(0) as usize;
        let values = self.values.clone();
        (s..e.max(s)).map_while(move |j| u32_at(bytes, &values, j))
    }

    /// The values of `key`, empty when it is absent.
    pub fn get(&self, bytes: &[u8], key: &str) -> Vec<u32> {
        self.find(bytes, key.as_bytes())
            .map_or_else(Vec::new, |i| self.values(bytes, i).collect())
    }
}

/// A key's first eight bytes (zero after its end) as a number that orders as the bytes do: keys
/// whose numbers differ are in the numbers' order, and a key that ends early (padded with zero)
/// sorts first, as a prefix does.
fn first_eight(key: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    let n = key.len().min(8);
    b[..n].copy_from_slice(&key[..n]);
    u64::from_be_bytes(b)
}

/// Checks that `count + 1` u32 offsets at `range` start at 0, never decrease, and end at `end`.
pub fn check_offsets(bytes: &[u8], range: &Range<usize>, count: usize, end: usize) -> Result<()> {
    let mut last = 0;
    for i in 0..=count {
        let Some(o) = u32_at(bytes, range, i) else {
            return damaged("a table in it is cut short");
        };
        if (i == 0 && o != 0) || o < last || o as usize > end {
            return damaged("a table in it points outside its section");
        }
        last = o;
    }
    if last as usize != end {
        return damaged("a table in it does not cover its section");
    }
    Ok(())
}
