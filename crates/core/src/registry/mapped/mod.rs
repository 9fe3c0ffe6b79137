//! A prebuilt registry index: the merged registry and its name index in one file that is
//! mapped into memory and read in place, so loading a million entities is a page-in, not a parse.
//!
//! The index is a cache the user builds from the JSON (`copydesk registry build`); the JSON
//! stays the source of truth. It is hostile input like any file: [`MappedRegistry::open`]
//! checks the header, the byte order, a checksum of every byte (computed by the caller from
//! the file, for a mapping: [`MappedRegistry::open_with`]) and every table's offsets before
//! anything is read, and every later read is bounds-checked as well, so a damaged file gives an
//! error (or, past the checks, an empty record), never a panic or a read outside the mapping.
//!
//! Entities and forms are decoded the first time they are asked for and kept: an analysis
//! touches the few thousand a draft mentions, not the million the file holds.

mod codec;
mod format;
mod write;

pub use format::{fingerprint, Fingerprint, CHECKED_FROM, FORMAT_VERSION, MAGIC};
pub use write::write;

use super::{Entity, EntityIdx, Form, FormKind, Kind, Provenance};
use format::{check_offsets, u32_at, Damaged, Map, Reader, Section, BYTE_ORDER, HEADER, SECTIONS};
use std::ops::Range;
use std::sync::OnceLock;

/// The bytes of an index: a memory mapping in the adapters, a vector in tests.
pub type Bytes = Box<dyn IndexBytes>;

/// What holds an index's bytes.
pub trait IndexBytes: AsRef<[u8]> + Send + Sync {
    /// `range` will not be read again soon: a mapping may let its pages go (reading them again
    /// must still give the same bytes). See [`MappedRegistry::release_records`].
    fn release(&self, _range: Range<usize>) {}
}

impl IndexBytes for Vec<u8> {}

impl IndexBytes for &'static [u8] {}

/// A registry file an index was built from, as it was then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceStamp {
    pub path: String,
    pub size: u64,
    /// Modification time: seconds and nanoseconds since the Unix epoch.
    pub modified: (i64, u32),
    pub fingerprint: u64,
}

pub struct MappedRegistry {
    bytes: Bytes,
    sections: Vec<Range<usize>>,
    longest: usize,
    sources: Vec<SourceStamp>,
    provenances: Vec<Provenance>,
    entities: Box<[OnceLock<Box<Entity>>]>,
    forms: Box<[OnceLock<Box<Form>>]>,
    skeleton_count: usize,
    by_id: Map,
    lead: Map,
    near: Map,
    known: Map,
}

impl std::fmt::Debug for MappedRegistry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MappedRegistry")
            .field("entities", &self.entities.len())
            .field("forms", &self.forms.len())
            .finish()
    }
}

/// What stands in for a record that fails to decode past the checks: nothing matches it.
static EMPTY_ENTITY: Entity = Entity {
    id: String::new(),
    kind: Kind::Other,
    name: String::new(),
    family_name: None,
    aliases: Vec::new(),
    variants: Vec::new(),
    roles: Vec::new(),
    description: None,
    links: Vec::new(),
};

/// Whether `bytes` start as an index does (rather than as JSON).
pub fn is_index(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

impl MappedRegistry {
    /// Checks and opens an index. The error says what is wrong, to follow the file's name.
    pub fn open(bytes: Bytes) -> Result<MappedRegistry, String> {
        Self::open_with(bytes, None)
    }

    /// [`Self::open`], with the checksum of `bytes[CHECKED_FROM..]` computed by the caller
    /// (`Some`) rather than through `bytes`: an adapter that maps a file reads the same open
    /// file in pieces to checksum it, so opening does not make every page of the mapping
    /// resident. Every other check still reads `bytes`.
    pub fn open_with(bytes: Bytes, checksum: Option<u64>) -> Result<MappedRegistry, String> {
        Self::open_checked(bytes, checksum).map_err(|Damaged(why)| {
            if why.starts_with("is ") || why.starts_with("was ") {
                why
            } else {
                format!("is damaged: {why}")
            }
        })
    }

    fn open_checked(bytes: Bytes, checksum: Option<u64>) -> format::Result<MappedRegistry> {
        let b = (*bytes).as_ref();
        let fail = |why: &str| Err(Damaged(why.to_string()));
        if !is_index(b) {
            let text = b.iter().find(|c| !c.is_ascii_whitespace());
            return if text == Some(&b'{') {
                fail("is registry JSON, not an index (build one with `copydesk registry build`)")
            } else {
                fail("is not a copydesk registry index")
            };
        }
        let mut r = Reader::new(b);
        r.take(8)?;
        let version = r.u32()?;
        let order = r.u32()?;
        if order != BYTE_ORDER {
            if order.swap_bytes() == BYTE_ORDER {
                return fail("was built on a machine of the other byte order; rebuild it here with `copydesk registry build`");
            }
            return fail("is damaged (its byte-order mark is wrong)");
        }
        if version != FORMAT_VERSION {
            return Err(Damaged(format!("is index format version {version}, but this copydesk reads version {FORMAT_VERSION}; rebuild it with `copydesk registry build`")));
        }
        let sum = r.u64()?;
        if r.u32()? as usize != SECTIONS {
            return fail("is damaged (wrong section count)");
        }
        let computed =
            checksum.unwrap_or_else(|| fingerprint(b.get(CHECKED_FROM..).unwrap_or_default()));
        if computed != sum {
            return fail("is damaged or truncated (its checksum does not match); rebuild it with `copydesk registry build`");
        }
        r.take(4)?;
        let mut sections = Vec::with_capacity(SECTIONS);
        for _ in 0..SECTIONS {
            let (start, len) = (r.u64()? as usize, r.u64()? as usize);
            match start.checked_add(len) {
                Some(end) if start >= HEADER && end <= b.len() => sections.push(start..end),
                _ => return fail("is damaged (a section lies outside the file)"),
            }
        }
        let section = |s: Section| sections[s as usize].clone();
        let mut meta = Reader::new(&b[section(Section::Meta)]);
        let (longest, entity_count, form_count, skeleton_count) =
            (meta.u32()?, meta.u32()?, meta.u32()?, meta.u32()?);
        let (entity_count, form_count) = (entity_count as usize, form_count as usize);
        let ent = section(Section::Entities);
        check_offsets(b, &section(Section::EntityOffsets), entity_count, ent.len())?;
        let frm = section(Section::Forms);
        check_offsets(b, &section(Section::FormOffsets), form_count, frm.len())?;
        let sk = section(Section::SkeletonForms);
        let mut skr = Reader::new(&b[sk.clone()]);
        if skr.u32()? != skeleton_count {
            return fail("is damaged (skeleton count)");
        }
        let sk_offsets = sk.start + 4..sk.start + 4 + (skeleton_count as usize + 1) * 4;
        if sk_offsets.end > sk.end {
            return fail("is damaged (skeleton table)");
        }
        let sk_values = (sk.start + 4 + (skeleton_count as usize + 1) * 4).min(sk.end);
        check_offsets(
            b,
            &sk_offsets,
            skeleton_count as usize,
            (sk.end - sk_values) / 4,
        )?;
        let sources = read_sources(&b[section(Section::Sources)])?;
        let provenances = codec::read_provenances(&b[section(Section::Provenances)])?;
        let origins = section(Section::Origins);
        if origins.len() != entity_count * 4 {
            return fail("is damaged (the table of entity origins has the wrong length)");
        }
        if section(Section::FormWordCounts).len() != form_count {
            return fail("is damaged (the table of word counts has the wrong length)");
        }
        Ok(MappedRegistry {
            longest: longest as usize,
            sources,
            provenances,
            entities: (0..entity_count).map(|_| OnceLock::new()).collect(),
            forms: (0..form_count).map(|_| OnceLock::new()).collect(),
            skeleton_count: skeleton_count as usize,
            by_id: Map::open(b, section(Section::ById))?,
            lead: Map::open(b, section(Section::Lead))?,
            near: Map::open(b, section(Section::Near))?,
            known: Map::open(b, section(Section::Known))?,
            sections,
            bytes,
        })
    }

    fn b(&self) -> &[u8] {
        (*self.bytes).as_ref()
    }

    fn section(&self, s: Section) -> Range<usize> {
        self.sections[s as usize].clone()
    }

    /// The bytes of record `i` of a records section and its offsets section.
    fn record(&self, offsets: Section, records: Section, i: usize) -> Option<&[u8]> {
        let (o, r) = (self.section(offsets), self.section(records));
        let s = u32_at(self.b(), &o, i)? as usize;
        let e = u32_at(self.b(), &o, i + 1)? as usize;
        self.b()
            .get(r.start.checked_add(s)?..r.start.checked_add(e)?)
    }

    pub fn sources(&self) -> &[SourceStamp] {
        &self.sources
    }

    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// The registry files the entities came from, with their `as_of` and sources.
    pub fn provenances(&self) -> &[Provenance] {
        &self.provenances
    }

    /// The number of the file (in [`Self::provenances`]) entity `idx` came from.
    pub fn origin(&self, idx: EntityIdx) -> Option<u32> {
        u32_at(self.b(), &self.section(Section::Origins), idx as usize)
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    pub fn longest_form(&self) -> usize {
        self.longest
    }

    pub fn entity(&self, idx: EntityIdx) -> &Entity {
        let Some(slot) = self.entities.get(idx as usize) else {
            return &EMPTY_ENTITY;
        };
        slot.get_or_init(|| {
            let bytes = self.record(Section::EntityOffsets, Section::Entities, idx as usize);
            Box::new(
                bytes
                    .and_then(|b| codec::read_entity(b).ok())
                    .unwrap_or_else(|| EMPTY_ENTITY.clone()),
            )
        })
    }

    pub fn get(&self, id: &str) -> Option<&Entity> {
        let i = self.by_id.find(self.b(), id.as_bytes())?;
        let idx = self.by_id.values(self.b(), i).next()?;
        Some(self.entity(idx))
    }

    /// Form `id`; past the end, or damaged, a form with no words, which matches nothing.
    pub fn form(&self, id: u32) -> &Form {
        static EMPTY: OnceLock<Form> = OnceLock::new();
        let empty = || {
            EMPTY.get_or_init(|| Form {
                entity: 0,
                kind: FormKind::Variant,
                text: "".into(),
                words: Box::new([]),
                separators: Box::new([]),
                acronym: true,
            })
        };
        let Some(slot) = self.forms.get(id as usize) else {
            return empty();
        };
        slot.get_or_init(|| {
            let bytes = self.record(Section::FormOffsets, Section::Forms, id as usize);
            let form = bytes.and_then(|b| codec::read_form(b, self.entities.len()).ok());
            Box::new(form.unwrap_or_else(|| empty().clone()))
        })
    }

    /// Form `id`'s word count and its first `wanted` words, read in place without decoding it
    /// (see [`codec::peek_words`]): `None` when its record is cut short.
    pub fn peek_words(&self, id: u32, wanted: usize) -> Option<(usize, Vec<&str>)> {
        if let Some(form) = self.forms.get(id as usize)?.get() {
            let words = form.words.iter().take(wanted).map(|w| &**w).collect();
            return Some((form.words.len(), words));
        }
        let bytes = self.record(Section::FormOffsets, Section::Forms, id as usize)?;
        codec::peek_words(bytes, wanted)
    }

    /// Form `id`'s word `k`, read in place (see [`codec::peek_word`]): `None` when the form
    /// has no word `k` or its record is cut short.
    pub fn peek_word(&self, id: u32, k: usize) -> Option<&str> {
        if let Some(form) = self.forms.get(id as usize)?.get() {
            return form.words.get(k).map(|w| &**w);
        }
        let bytes = self.record(Section::FormOffsets, Section::Forms, id as usize)?;
        codec::peek_word(bytes, k)
    }

    /// Form `id`'s word count, as [`Self::peek_words`] gives it, from the table of counts:
    /// no record read unless the count does not fit there. `None` when the record must be
    /// read and is cut short.
    pub fn word_count(&self, id: u32) -> Option<usize> {
        if let Some(form) = self.forms.get(id as usize)?.get() {
            return Some(form.words.len());
        }
        let counts = self.section(Section::FormWordCounts);
        match self.b().get(counts.start + id as usize) {
            Some(&n) if n != format::WORDS_UNCOUNTED => Some(n as usize),
            _ => self.peek_words(id, 0).map(|(n, _)| n),
        }
    }

    /// Form `id`'s entity, read in place without decoding the form: `None` when its record is
    /// cut short or names no entity. A record damaged further on may peek as an entity and
    /// decode as none.
    pub fn peek_entity(&self, id: u32) -> Option<EntityIdx> {
        if let Some(form) = self.forms.get(id as usize)?.get() {
            return Some(form.entity);
        }
        let bytes = self.record(Section::FormOffsets, Section::Forms, id as usize)?;
        codec::peek_entity(bytes).filter(|&e| (e as usize) < self.entities.len())
    }

    /// Lets the pages of the entity and form records go (see [`IndexBytes::release`]): each
    /// record is decoded once and kept, so once an analysis has decoded what it needs, their
    /// pages would only hold the same data a second time in this process's resident memory.
    /// A record read later is paged in again (from the page cache, as a rule). Called by the
    /// language server after each analysis.
    pub fn release_records(&self) {
        self.bytes.release(self.section(Section::Entities));
        self.bytes.release(self.section(Section::Forms));
    }

    pub fn starting_with(&self, lead: &str) -> Vec<u32> {
        self.lead.get(self.b(), lead)
    }

    /// Forms whose lead key (see [`super::NameIndex`]) starts with `prefix`, at most `limit`.
    pub fn lead_prefixed(&self, prefix: &str, limit: usize) -> Vec<u32> {
        self.lead.prefixed(self.b(), prefix.as_bytes(), limit)
    }

    /// Adds the forms of every skeleton filed under `key`.
    pub fn near(&self, key: &str, out: &mut Vec<u32>) {
        let b = self.b();
        let Some(i) = self.near.find(b, key.as_bytes()) else {
            return;
        };
        let sk = self.section(Section::SkeletonForms);
        let offsets = sk.start + 4..sk.start + 4 + (self.skeleton_count + 1) * 4;
        let values = offsets.end.min(sk.end)..sk.end;
        // The forms that lie inside the file, as `u32_at` reads them one by one, read as one
        // slice: a common word's skeletons list tens of thousands.
        let stored = b.len().min(values.end).saturating_sub(values.start) / 4;
        for n in self.near.values(b, i) {
            let n = n as usize;
            let (Some(s), Some(e)) = (u32_at(b, &offsets, n), u32_at(b, &offsets, n + 1)) else {
                continue;
            };
            let (s, e) = (s as usize, (e as usize).min(stored));
            if s < e {
                let bytes = &b[values.start + s * 4..values.start + e * 4];
                out.extend(
                    (bytes.chunks_exact(4)).map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]])),
                );
            }
        }
    }

    pub fn is_known(&self, plain: &str) -> bool {
        self.known.find(self.b(), plain.as_bytes()).is_some()
    }

    /// Every entity, decoded, grouped by the file it came from, in order: for merging an index
    /// with other registries.
    pub fn to_files(&self) -> Vec<(Provenance, Vec<Entity>)> {
        let mut files: Vec<(Provenance, Vec<Entity>)> = self
            .provenances
            .iter()
            .map(|p| (p.clone(), Vec::new()))
            .collect();
        if files.is_empty() {
            files.push((Provenance::default(), Vec::new()));
        }
        for i in 0..self.len() {
            let bytes = self.record(Section::EntityOffsets, Section::Entities, i);
            let entity = bytes
                .and_then(|b| codec::read_entity(b).ok())
                .unwrap_or_else(|| EMPTY_ENTITY.clone());
            let f = self.origin(i as EntityIdx).unwrap_or(0) as usize;
            let last = files.len() - 1;
            files[f.min(last)].1.push(entity);
        }
        files
    }
}

fn read_sources(bytes: &[u8]) -> format::Result<Vec<SourceStamp>> {
    let mut r = Reader::new(bytes);
    let n = r.u32()? as usize;
    if n > bytes.len() {
        return Err(Damaged("is damaged (source list)".into()));
    }
    (0..n)
        .map(|_| {
            Ok(SourceStamp {
                path: r.str()?.to_string(),
                size: r.u64()?,
                modified: (r.u64()? as i64, r.u32()?),
                fingerprint: r.u64()?,
            })
        })
        .collect()
}
