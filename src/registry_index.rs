//! Prebuilt registry indexes on disk: building one from registry files, and opening one as a
//! memory mapping, with a warning when its sources changed since it was built.
//!
//! The index format and its checks live in the core ([`copydesk_core::registry::mapped`]);
//! this module only does the file work around them.

use crate::registry::mapped::{self, fingerprint, MappedRegistry, SourceStamp};
use crate::registry::Registry;
use crate::workspace::Problem;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Whether `path` must be read as an index: it is named `*.idx`, or starts with the index's
/// magic bytes. A JSON registry under an index's name is then an error, not a silent parse.
pub fn is_index_path(path: &Path) -> bool {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("idx"))
    {
        return true;
    }
    // Only a regular file is opened: opening a FIFO would wait for a writer.
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut head = [0u8; 8];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| mapped::is_index(&head))
}

/// Maps and checks an index; warnings (stale sources) are attached to the registry.
pub fn open(path: &Path) -> Result<Registry, Problem> {
    let meta = std::fs::metadata(path).map_err(|e| Problem::new(path, e.to_string()))?;
    if !meta.is_file() {
        return Err(Problem::new(path, "is not a regular file"));
    }
    let mut file = std::fs::File::open(path).map_err(|e| Problem::new(path, e.to_string()))?;
    // An empty file cannot be mapped; it is simply not an index.
    let (bytes, checksum): (mapped::Bytes, _) = if meta.len() == 0 {
        (Box::new(Vec::<u8>::new()), None)
    } else {
        // SAFETY: the mapping is read-only and every read through it is bounds-checked against
        // its length. `copydesk registry build` replaces an index by renaming a new file over
        // it, which leaves this mapping's file intact; a file truncated in place by another
        // program while mapped is the one case the checks cannot cover (the OS raises SIGBUS).
        let map =
            unsafe { memmap2::Mmap::map(&file) }.map_err(|e| Problem::new(path, e.to_string()))?;
        // Reads follow names through the tables, not the file's order: reading ahead (and
        // mapping the pages read ahead) would make resident what no lookup asked for.
        #[cfg(unix)]
        let _ = map.advise(memmap2::Advice::Random);
        let checksum = checksum_of(&mut file, map.len()).map_err(|e| Problem::new(path, e))?;
        (Box::new(Mapping(map)), checksum)
    };
    let index =
        MappedRegistry::open_with(bytes, checksum).map_err(|why| Problem::new(path, why))?;
    let warnings = stale_sources(index.sources());
    let mut registry = Registry::from_index(index);
    for source in warnings {
        registry.add_warning(format!(
            "built from {source}, which has changed since; rebuild it with `copydesk registry build`"
        ));
    }
    Ok(registry)
}

/// A read-only mapping of an index file.
struct Mapping(memmap2::Mmap);

impl AsRef<[u8]> for Mapping {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl mapped::IndexBytes for Mapping {
    fn release(&self, range: std::ops::Range<usize>) {
        // Whole pages inside the range only: a page it shares with a neighbour stays.
        // 64 KiB: a multiple of every page size in use, so the range is always aligned.
        const PAGE: usize = 1 << 16;
        let start = range.start.div_ceil(PAGE) * PAGE;
        let end = (range.end.min(self.0.len()) / PAGE) * PAGE;
        if start >= end {
            return;
        }
        // SAFETY: a read-only shared mapping of a file: dropped pages are read again from the
        // file (its page cache) when next touched, with the same bytes, so nothing borrowed
        // from the mapping changes. Only the file truncated in place by another program breaks
        // this, as it breaks the mapping itself (see `open`).
        #[cfg(unix)]
        let _ = unsafe {
            self.0
                .unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, start, end - start)
        };
    }
}

/// The checksum of an open index file's bytes from [`mapped::CHECKED_FROM`], read in pieces
/// through the file rather than its mapping: the pages stay in the page cache, shared and
/// reclaimable, instead of all becoming resident in this process. `None` for a file too short
/// to have one (the header checks then refuse it). A file whose length is not the mapping's
/// changed while it was opened.
fn checksum_of(file: &mut std::fs::File, mapped_len: usize) -> Result<Option<u64>, String> {
    use std::io::{Seek, SeekFrom};
    if mapped_len < mapped::CHECKED_FROM {
        return Ok(None);
    }
    file.seek(SeekFrom::Start(mapped::CHECKED_FROM as u64))
        .map_err(|e| e.to_string())?;
    let mut sum = mapped::Fingerprint::default();
    let mut buffer = vec![0; 1 << 20];
    let mut read = mapped::CHECKED_FROM;
    loop {
        let n = match file.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.to_string()),
        };
        sum.update(&buffer[..n]);
        read += n;
    }
    if read != mapped_len {
        return Err("changed while it was being opened; open it again".into());
    }
    Ok(Some(sum.finish()))
}

/// Sources whose size or content differ from when the index was built. A source that is gone
/// is not reported: an index may be shipped without its JSON (to batch workers, say).
fn stale_sources(sources: &[SourceStamp]) -> Vec<String> {
    sources
        .iter()
        .filter(|s| {
            let Ok(meta) = std::fs::metadata(&s.path) else {
                return false;
            };
            if meta.len() != s.size {
                return true;
            }
            if modified(&meta) == Some(s.modified) {
                return false;
            }
            // Same size, new time (a checkout, a copy): compare the content.
            std::fs::read(&s.path).map_or(true, |b| fingerprint(&b) != s.fingerprint)
        })
        .map(|s| s.path.clone())
        .collect()
}

fn modified(meta: &std::fs::Metadata) -> Option<(i64, u32)> {
    let d = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some((d.as_secs() as i64, d.subsec_nanos()))
}

/// Builds the index of `sources` (loaded and merged as registries are): the bytes to write, and
/// the number of entities. Writing them is the CLI's business: this library, which the server
/// uses, writes no files.
pub fn build(sources: &[PathBuf], out: &Path) -> Result<(Vec<u8>, usize), Vec<Problem>> {
    if let Some(p) = sources.iter().find(|p| is_index_path(p)) {
        return Err(vec![Problem::new(
            p,
            "is an index; build from the registry JSON files",
        )]);
    }
    // Only the files named: the built-in registry is not folded in (export it with
    // `copydesk registry export-default` and name it to have it in the index).
    let registry =
        crate::workspace::load_registries(sources, crate::registry::DefaultRegistry::Off)?.registry;
    let mut stamps = Vec::new();
    for path in sources {
        let bytes = std::fs::read(path).map_err(|e| vec![Problem::new(path, e.to_string())])?;
        let meta = std::fs::metadata(path).map_err(|e| vec![Problem::new(path, e.to_string())])?;
        let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        stamps.push(SourceStamp {
            path: absolute.display().to_string(),
            size: bytes.len() as u64,
            modified: modified(&meta).unwrap_or_default(),
            fingerprint: fingerprint(&bytes),
        });
    }
    let bytes = mapped::write(&registry, &stamps).map_err(|why| vec![Problem::new(out, why)])?;
    Ok((bytes, registry.len()))
}
