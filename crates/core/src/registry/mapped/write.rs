//! Writing a built registry as an index file's bytes.

use super::codec::{write_entity, write_form, write_provenance, Writer};
use super::format::{
    fingerprint, BYTE_ORDER, CHECKED_FROM, FORMAT_VERSION, HEADER, MAGIC, SECTIONS, WORDS_UNCOUNTED,
};
use super::SourceStamp;
use crate::registry::Registry;

/// A section's body, or why the index cannot hold it.
type Body = Result<Vec<u8>, String>;

/// The index of `registry`, built from the files `sources` describes.
pub fn write(registry: &Registry, sources: &[SourceStamp]) -> Result<Vec<u8>, String> {
    let index = &registry.index;
    let entities = &registry.entities;
    let mut meta = Writer(Vec::new());
    meta.u32(index.longest as u32);
    meta.u32(entities.len() as u32);
    meta.u32(index.forms.len() as u32);
    meta.u32(index.skeleton_forms.len() as u32);

    let mut src = Writer(Vec::new());
    src.u32(sources.len() as u32);
    for s in sources {
        src.str(&s.path);
        src.u64(s.size);
        src.u64(s.modified.0 as u64);
        src.u32(s.modified.1);
        src.u64(s.fingerprint);
    }

    let (entity_offsets, entity_bytes) = records(entities.iter(), write_entity)?;
    let (form_offsets, form_bytes) = records(index.forms.iter(), write_form)?;
    let by_id = map(registry
        .by_id
        .iter()
        .map(|(k, v)| (k.as_str(), std::slice::from_ref(v))))?;
    let lead = map(index.by_lead.iter().map(|(k, v)| (&**k, v.as_slice())))?;
    let near_by_text = index.near_by_text();
    let near = map(near_by_text.iter().map(|(k, v)| (k.as_str(), v.as_slice())))?;
    let known = map(index.known_words.iter().map(|k| (&**k, &[][..])))?;
    let skeletons = lists(&index.skeleton_forms)?;
    let mut origins = Writer(Vec::new());
    registry.origin.iter().for_each(|&f| origins.u32(f));
    let mut provenances = Writer(Vec::new());
    provenances.u32(registry.files.len() as u32);
    registry
        .files
        .iter()
        .for_each(|p| write_provenance(&mut provenances, p));

    // 255 words or more: no count fits, and 255 itself says "read the record".
    let word_counts: Vec<u8> = (index.forms.iter())
        .map(|f| u8::try_from(f.words.len()).unwrap_or(WORDS_UNCOUNTED))
        .collect();
    let sections = [
        meta.0,
        src.0,
        entity_offsets,
        entity_bytes,
        form_offsets,
        form_bytes,
        by_id,
        lead,
        near,
        known,
        skeletons,
        origins.0,
        provenances.0,
        word_counts,
    ];
    debug_assert_eq!(sections.len(), SECTIONS);
    let table = HEADER + SECTIONS * 16;
    let mut out = Writer(Vec::with_capacity(
        table + sections.iter().map(Vec::len).sum::<usize>(),
    ));
    out.0.extend_from_slice(MAGIC);
    out.u32(FORMAT_VERSION);
    out.u32(BYTE_ORDER);
    out.u64(0); // checksum, filled in below
    out.u32(SECTIONS as u32);
    out.u32(0);
    let mut at = table as u64;
    for s in &sections {
        out.u64(at);
        out.u64(s.len() as u64);
        at += s.len() as u64;
    }
    for s in sections {
        out.0.extend_from_slice(&s);
    }
    let sum = fingerprint(&out.0[CHECKED_FROM..]);
    out.0[16..24].copy_from_slice(&sum.to_ne_bytes());
    Ok(out.0)
}

fn too_big() -> String {
    "the registry is too large for one index (a section passes 4 GB)".into()
}

fn offset(n: usize) -> Result<u32, String> {
    u32::try_from(n).map_err(|_| too_big())
}

/// Records one after another, with the u32 offsets of their starts and of the end.
fn records<'a, T: 'a>(
    items: impl Iterator<Item = &'a T>,
    write: fn(&mut Writer, &T),
) -> Result<(Vec<u8>, Vec<u8>), String> {
    let mut offsets = Writer(Vec::new());
    let mut bytes = Writer(Vec::new());
    offsets.u32(0);
    for item in items {
        write(&mut bytes, item);
        offsets.u32(offset(bytes.0.len())?);
    }
    Ok((offsets.0, bytes.0))
}

/// A sorted string map (see [`super::format::Map`]).
fn map<'a>(entries: impl Iterator<Item = (&'a str, &'a [u32])>) -> Body {
    let mut entries: Vec<(&str, &[u32])> = entries.collect();
    entries.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut out = Writer(Vec::new());
    out.u32(offset(entries.len())?);
    let mut at = 0;
    for (k, _) in &entries {
        out.u32(offset(at)?);
        at += k.len();
    }
    out.u32(offset(at)?);
    let mut at = 0;
    for (_, v) in &entries {
        out.u32(offset(at)?);
        at += v.len();
    }
    out.u32(offset(at)?);
    out.u32(offset(entries.iter().map(|(k, _)| k.len()).sum())?);
    for (k, _) in &entries {
        out.0.extend_from_slice(k.as_bytes());
    }
    for (_, v) in &entries {
        v.iter().for_each(|&x| out.u32(x));
    }
    Ok(out.0)
}

/// Lists of u32: count, count + 1 offsets, values.
fn lists(lists: &[Vec<u32>]) -> Body {
    let mut out = Writer(Vec::new());
    out.u32(offset(lists.len())?);
    let mut at = 0;
    out.u32(0);
    for l in lists {
        at += l.len();
        out.u32(offset(at)?);
    }
    for l in lists {
        l.iter().for_each(|&x| out.u32(x));
    }
    Ok(out.0)
}
