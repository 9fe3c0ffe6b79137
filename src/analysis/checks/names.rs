//! `name-misspelling`: a mention that is close to, but not, the registry's spelling.
//!
//! What it flags: typos, the registry's known wrong `variants`, lost or wrong diacritics,
//! transliteration variants, given and family name swapped.
//! Why: a misspelled name is the most visible error a story can publish.
//! Example: "Vyacheslav Volodine" is corrected to "Vyacheslav Volodin".

use crate::analysis::{Check, Code, Context, Finding, Fix, Spelling};

pub struct Names;

impl Check for Names {
    fn run(&self, cx: &Context, out: &mut Vec<Finding>) {
        for m in cx.mentions {
            let reason = match m.spelling {
                Spelling::Correct => continue,
                Spelling::Variant | Spelling::Misspelled => "looks like a misspelling of",
                Spelling::Swapped => "has the given and family name swapped; the registry writes",
            };
            let entity = cx.registry.entity(m.entity);
            let written = &cx.source[m.range.clone()];
            let message = format!(
                "\"{}\" {reason} {}.",
                written.replace(['\r', '\n'], " "),
                m.canonical
            );
            out.push(
                Finding::new(Code::NameMisspelling, m.range.clone(), message)
                    .with_entity(&entity.id)
                    .with_fix(Fix::replace(
                        format!("Change to \"{}\"", m.canonical),
                        m.range.clone(),
                        &m.canonical,
                    )),
            );
        }
    }
}
