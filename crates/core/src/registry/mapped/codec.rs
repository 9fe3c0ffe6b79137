//! How one entity and one form are written in the index, and read back. Both directions sit
//! together so they cannot drift apart.

use super::format::{Damaged, Reader, Result};
use crate::registry::{
    DataSource, Entity, Form, FormKind, Kind, Provenance, Role, RoleOf, Separator,
};
use time::Date;

pub struct Writer(pub Vec<u8>);

impl Writer {
    pub fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    pub fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_ne_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_ne_bytes());
    }
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.u8(0),
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
        }
    }
    fn list(&mut self, items: &[String]) {
        self.u32(items.len() as u32);
        items.iter().for_each(|s| self.str(s));
    }
    pub fn date(&mut self, d: Option<Date>) {
        match d {
            None => self.u8(0),
            Some(d) => {
                self.u8(1);
                self.u32(d.to_julian_day() as u32);
            }
        }
    }
}

fn bad<T>(what: &str) -> Result<T> {
    Err(Damaged(what.to_string()))
}

fn list(r: &mut Reader) -> Result<Vec<String>> {
    let n = r.u32()? as usize;
    // Each string takes at least its four length bytes: a count the bytes cannot hold is damage,
    // and must not become a huge allocation.
    if n > r.bytes.len().saturating_sub(r.at) / 4 {
        return bad("a list in it is longer than its record");
    }
    (0..n).map(|_| r.str().map(str::to_string)).collect()
}

fn date(r: &mut Reader) -> Result<Option<Date>> {
    match r.u8()? {
        0 => Ok(None),
        1 => match Date::from_julian_day(r.u32()? as i32) {
            Ok(d) => Ok(Some(d)),
            Err(_) => bad("a date in it is out of range"),
        },
        _ => bad("a date in it has an unknown tag"),
    }
}

fn kind_code(k: Kind) -> u8 {
    match k {
        Kind::Person => 0,
        Kind::Organization => 1,
        Kind::Place => 2,
        Kind::Other => 3,
    }
}

pub fn write_entity(w: &mut Writer, e: &Entity) {
    w.u8(kind_code(e.kind));
    w.str(&e.id);
    w.str(&e.name);
    w.opt_str(e.family_name.as_deref());
    w.list(&e.aliases);
    w.list(&e.variants);
    w.u32(e.roles.len() as u32);
    for role in &e.roles {
        w.str(&role.title);
        match &role.of {
            None => w.u8(0),
            Some(RoleOf::Entity(id)) => {
                w.u8(1);
                w.str(id);
            }
            Some(RoleOf::Text(t)) => {
                w.u8(2);
                w.str(t);
            }
        }
        w.date(role.start);
        w.date(role.end);
        w.list(&role.aliases);
    }
    w.opt_str(e.description.as_deref());
    w.list(&e.links);
}

pub fn read_entity(bytes: &[u8]) -> Result<Entity> {
    let mut r = Reader::new(bytes);
    let kind = match r.u8()? {
        0 => Kind::Person,
        1 => Kind::Organization,
        2 => Kind::Place,
        3 => Kind::Other,
        _ => return bad("an entity in it has an unknown kind"),
    };
    let id = r.str()?.to_string();
    let name = r.str()?.to_string();
    let family_name = r.opt_str()?.map(str::to_string);
    let aliases = list(&mut r)?;
    let variants = list(&mut r)?;
    let count = r.u32()? as usize;
    if count > bytes.len() {
        return bad("an entity in it has more roles than bytes");
    }
    let mut roles = Vec::with_capacity(count);
    for _ in 0..count {
        let title = r.str()?.to_string();
        let of = match r.u8()? {
            0 => None,
            1 => Some(RoleOf::Entity(r.str()?.to_string())),
            2 => Some(RoleOf::Text(r.str()?.to_string())),
            _ => return bad("a role in it has an unknown tag"),
        };
        roles.push(Role {
            title,
            of,
            start: date(&mut r)?,
            end: date(&mut r)?,
            aliases: list(&mut r)?,
        });
    }
    let description = r.opt_str()?.map(str::to_string);
    let links = list(&mut r)?;
    Ok(Entity {
        id,
        kind,
        name,
        family_name,
        aliases,
        variants,
        roles,
        description,
        links,
    })
}

pub fn write_form(w: &mut Writer, f: &Form) {
    w.u32(f.entity);
    w.u8(match f.kind {
        FormKind::Name => 0,
        FormKind::Alias => 1,
        FormKind::Variant => 2,
    });
    w.u8(u8::from(f.acronym));
    w.str(&f.text);
    w.u32(f.words.len() as u32);
    f.words.iter().for_each(|word| w.str(word));
    w.u32(f.separators.len() as u32);
    for s in f.separators.iter() {
        w.u8(match s {
            Separator::Space => 0,
            Separator::Hyphen => 1,
            Separator::Joined => 2,
            Separator::Dotted => 3,
        });
    }
}

/// A form's words as stored, read without decoding the rest: how many there are, and the
/// first `wanted` of them (fewer when the form has fewer). `None` when the record is cut short;
/// a record that fails [`read_form`] may still read here, so callers use this to rule forms out
/// and read survivors with [`read_form`].
pub fn peek_words(bytes: &[u8], wanted: usize) -> Option<(usize, Vec<&str>)> {
    let mut r = Reader::new(bytes);
    r.take(6).ok()?;
    // The form's text, skipped unchecked: a search peeks at thousands of forms for their
    // word count, and checking each text's UTF-8 was most of a peek. A form that passes is
    // read with `read_form`, which checks it.
    let text = r.u32().ok()? as usize;
    r.take(text).ok()?;
    let n = r.u32().ok()? as usize;
    let words = (0..n.min(wanted))
        .map(|_| r.str().ok())
        .collect::<Option<Vec<&str>>>()?;
    Some((n, words))
}

/// Word `k` of a form's record (an exact-match key), as [`peek_words`] gives it with `k + 1`
/// words wanted, but with the words before it skipped unchecked and nothing allocated: a
/// misspelling search asks thousands of forms for the one word a span may have misspelled.
pub fn peek_word(bytes: &[u8], k: usize) -> Option<&str> {
    let mut r = Reader::new(bytes);
    r.take(6).ok()?;
    let text = r.u32().ok()? as usize;
    r.take(text).ok()?;
    if k >= r.u32().ok()? as usize {
        return None;
    }
    for _ in 0..k {
        let len = r.u32().ok()? as usize;
        r.take(len).ok()?;
    }
    r.str().ok()
}

/// The entity of a form's record, read in place without decoding the rest (the first field).
pub fn peek_entity(bytes: &[u8]) -> Option<u32> {
    Reader::new(bytes).u32().ok()
}

/// Reads a form; its entity must be below `entities`.
pub fn read_form(bytes: &[u8], entities: usize) -> Result<Form> {
    let mut r = Reader::new(bytes);
    let entity = r.u32()?;
    if entity as usize >= entities {
        return bad("a name in it belongs to no entity");
    }
    let kind = match r.u8()? {
        0 => FormKind::Name,
        1 => FormKind::Alias,
        2 => FormKind::Variant,
        _ => return bad("a name in it has an unknown kind"),
    };
    let acronym = r.u8()? != 0;
    let text = r.str()?.into();
    let words: Box<[Box<str>]> = list(&mut r)?.into_iter().map(Into::into).collect();
    let n = r.u32()? as usize;
    let separators = r
        .take(n)?
        .iter()
        .map(|b| match b {
            0 => Ok(Separator::Space),
            1 => Ok(Separator::Hyphen),
            2 => Ok(Separator::Joined),
            3 => Ok(Separator::Dotted),
            _ => bad("a name in it has an unknown separator"),
        })
        .collect::<Result<Box<[Separator]>>>()?;
    if words.is_empty() || separators.len() + 1 != words.len() {
        return bad("a name in it has words and separators that do not agree");
    }
    Ok(Form {
        entity,
        kind,
        text,
        words,
        separators,
        acronym,
    })
}

pub fn write_provenance(w: &mut Writer, p: &Provenance) {
    w.str(&p.file);
    w.date(p.as_of);
    w.u32(p.sources.len() as u32);
    for s in &p.sources {
        w.str(&s.name);
        w.opt_str(s.url.as_deref());
        w.opt_str(s.licence.as_deref());
        w.opt_str(s.commit.as_deref());
    }
}

pub fn read_provenances(bytes: &[u8]) -> Result<Vec<Provenance>> {
    let mut r = Reader::new(bytes);
    let n = r.u32()? as usize;
    if n > bytes.len() {
        return bad("its list of files is longer than its section");
    }
    let owned = |s: Option<&str>| s.map(str::to_string);
    (0..n)
        .map(|_| {
            let file = r.str()?.to_string();
            let as_of = date(&mut r)?;
            let count = r.u32()? as usize;
            if count > bytes.len() {
                return bad("a list of sources in it is longer than its section");
            }
            let sources = (0..count)
                .map(|_| {
                    Ok(DataSource {
                        name: r.str()?.to_string(),
                        url: owned(r.opt_str()?),
                        licence: owned(r.opt_str()?),
                        commit: owned(r.opt_str()?),
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(Provenance {
                file,
                as_of,
                sources,
            })
        })
        .collect()
}
