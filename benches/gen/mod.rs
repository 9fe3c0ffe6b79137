//! A deterministic generator of newsroom test data: registries and drafts.
//!
//! Shared by the benches (`mod gen;`), the generator example (`examples/generate.rs`) and the
//! smoke test (`tests/analysis/generator.rs`). No external data: name parts from many languages are
//! small tables in [`names`], combined by a seeded random generator. Entity `i` depends only on
//! `i`, so the first 10,000 entities of the 100k and 1M registries are the 10k registry, and a
//! draft whose cast comes from the first 10,000 mentions entities of every registry size.

#![allow(dead_code)] // Each bench uses part of the generator.

pub mod draft;
pub mod names;

use serde::Serialize;

/// The seed of every generated registry and draft.
pub const SEED: u64 = 0x00c0_ffee_d35c;

/// SplitMix64: small, fast and good enough to pick names.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut r = Rng(seed);
        r.next();
        r
    }

    /// A generator for item `i` of a stream, independent of every other item.
    pub fn for_item(stream: u64, i: usize) -> Rng {
        Rng::new(SEED ^ stream.rotate_left(32) ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 11) as u128 * n as u128) >> 53) as usize
    }

    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True with probability `percent` in 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Role {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The entity `of` names, for drafts that write the organisation out.
    #[serde(skip)]
    pub of_entity: Option<usize>,
    /// Held on [`draft::STORY_DATE`].
    #[serde(skip)]
    pub current: bool,
}

/// One registry entity, in the contract's schema.
#[derive(Clone, Debug, Serialize)]
pub struct Entity {
    pub id: String,
    pub kind: &'static str,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    pub description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
}

impl Entity {
    /// The form used on second reference, as the registry defines it.
    pub fn family(&self) -> &str {
        match &self.family_name {
            Some(f) => f,
            None => self.name.rsplit(' ').next().unwrap_or(&self.name),
        }
    }
}

/// Entity `i` of every generated registry.
pub fn entity(i: usize) -> Entity {
    names::entity(i)
}

/// A registry of `n` entities as JSON that the strict loader accepts, one entity a line.
pub fn registry_json(n: usize) -> String {
    let mut out = String::with_capacity(n * 260);
    out.push_str("{\"version\": 1, \"entities\": [\n");
    for i in 0..n {
        let e = entity(i);
        out.push_str(&serde_json::to_string(&e).expect("entities serialise"));
        out.push_str(if i + 1 < n { ",\n" } else { "\n" });
    }
    out.push_str("]}\n");
    out
}

/// The draft sizes of the benches.
#[derive(Clone, Copy, Debug)]
pub enum Size {
    Words(usize),
    Bytes(usize),
}

/// A Markdown draft of about `size`, mentioning entities among the first 10,000.
pub fn draft(size: Size, seed: u64) -> String {
    draft::write(size, seed)
}
