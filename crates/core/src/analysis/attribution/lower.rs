//! Words in lower case without a heap string for each: the rules lower-case every word they
//! look at, hundreds of thousands of times in a long story.

use super::lexicon::Key;
use std::fmt;
use std::ops::Deref;

/// Longest word kept on the stack; longer ones (rare in prose) get a heap string.
const SHORT: usize = 24;

/// A word in lower case: the word itself when it has no capital, a copy on the stack when it
/// is short, a heap string otherwise.
#[derive(Clone)]
pub enum Lower<'a> {
    Same(&'a str),
    Short { bytes: [u8; SHORT], len: u8 },
    Long(String),
}

/// `w` in lower case, as [`str::to_lowercase`] has it.
pub fn lower(w: &str) -> Lower<'_> {
    if w.is_ascii() {
        ascii_lower(w)
    } else if w.chars().all(lowers_to_itself) {
        // "Schr\u{f6}der", "Ann\u{2019}s": no capital, nothing to change.
        Lower::Same(w)
    } else {
        short_lower(w).unwrap_or_else(|| Lower::Long(w.to_lowercase()))
    }
}

/// `w` lowered char by char onto the stack, when it fits and holds no capital sigma (the one
/// letter whose lower case depends on where it stands).
fn short_lower(w: &str) -> Option<Lower<'_>> {
    let mut bytes = [0; SHORT];
    let mut len = 0;
    for c in w.chars() {
        if c == '\u{3a3}' {
            return None;
        }
        for l in c.to_lowercase() {
            let end = len + l.len_utf8();
            l.encode_utf8(bytes.get_mut(len..end)?);
            len = end;
        }
    }
    let len = u8::try_from(len).ok()?;
    Some(Lower::Short { bytes, len })
}

/// Whether `c` is its own lower case (then no context changes it either: only a capital
/// sigma lowers by where it stands).
fn lowers_to_itself(c: char) -> bool {
    let mut lowered = c.to_lowercase();
    lowered.next() == Some(c) && lowered.next().is_none()
}

/// `w` with its ASCII letters in lower case, as [`str::to_ascii_lowercase`] has it.
pub fn ascii_lower(w: &str) -> Lower<'_> {
    if !w.bytes().any(|b| b.is_ascii_uppercase()) {
        return Lower::Same(w);
    }
    match u8::try_from(w.len()) {
        Ok(len) if w.len() <= SHORT => {
            let mut bytes = [0; SHORT];
            bytes[..w.len()].copy_from_slice(w.as_bytes());
            bytes.make_ascii_lowercase();
            Lower::Short { bytes, len }
        }
        _ => Lower::Long(w.to_ascii_lowercase()),
    }
}

impl Lower<'_> {
    /// The bytes, unchecked: what a lookup or a comparison needs.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Lower::Same(w) => w.as_bytes(),
            Lower::Short { bytes, len } => &bytes[..usize::from(*len)],
            Lower::Long(w) => w.as_bytes(),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Lower::Same(w) => w,
            // Whole chars were written, so the bytes are UTF-8.
            Lower::Short { bytes, len } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            Lower::Long(w) => w,
        }
    }
}

impl Default for Lower<'_> {
    fn default() -> Self {
        Lower::Same("")
    }
}

impl Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Lower<'_> {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Key for Lower<'_> {
    fn key(&self) -> &[u8] {
        self.as_bytes()
    }
}

// Equal strings are equal bytes: compared without checking the stack copy is UTF-8.
impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq for Lower<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl fmt::Debug for Lower<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowers_as_the_standard_library_does() {
        let long = "Internationalisation-Committee-Spokespeople";
        let names = [
            "Schr\u{f6}der",
            "\u{d6}CALAN",
            "\u{3a3}\u{39f}\u{3a6}\u{399}\u{391}",
            "\u{130}zmir",
        ];
        for w in [
            "said",
            "Said",
            "NATO",
            "",
            long,
            "Ann\u{2019}s",
            "ABC",
            "\u{1c5}",
        ] {
            assert_eq!(lower(w).as_str(), w.to_lowercase(), "{w}");
            assert_eq!(ascii_lower(w).as_str(), w.to_ascii_lowercase(), "{w}");
        }
        for w in names {
            assert_eq!(lower(w).as_str(), w.to_lowercase(), "{w}");
            assert_eq!(ascii_lower(w).as_str(), w.to_ascii_lowercase(), "{w}");
        }
        assert!(matches!(lower("said"), Lower::Same(_)));
        assert!(matches!(lower("Schr\u{f6}der"), Lower::Short { .. }));
        assert!(matches!(lower("schr\u{f6}der"), Lower::Same(_)));
        assert!(matches!(lower("Said"), Lower::Short { .. }));
    }
}
