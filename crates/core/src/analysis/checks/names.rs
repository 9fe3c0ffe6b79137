//! `name-misspelling`: a mention that is close to, but not, the registry's spelling.
//!
//! What it flags: typos, the registry's known wrong `variants`, lost or wrong diacritics,
//! transliteration variants, given and family name swapped.
//! Why: a misspelled name is the most visible error a story can publish.
//! Example: "Vyacheslav Volodine" is corrected to "Vyacheslav Volodin".

use crate::analysis::tokens::words;
use crate::analysis::{Check, Code, Context, Finding, Fix, Spelling};

codes! {
    /// A name close to, but not, the registry's spelling: typos, the registry's known wrong
    /// variants, lost or wrong diacritics, another transliteration, given and family name
    /// swapped. The fix is the registry's spelling.
    ///
    /// Why: Misspelled names are among the most visible errors a story can carry and need a
    /// correction once published.
    ///
    /// Wrong: Chancellor Olaf Sholz arrived in Paris on Tuesday.
    ///
    /// Right: Chancellor Olaf Scholz arrived in Paris on Tuesday.
    NameMisspelling = "name-misspelling", Error;
}

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
            let replacement = fit(written, &m.canonical);
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
                        replacement,
                    )),
            );
        }
    }
}

/// The registry spelling as it fits where it goes: a lower-case particle opening a sentence
/// keeps its capital ("Von der Leyen"), and line breaks stay.
fn fit(written: &str, canonical: &str) -> String {
    let fitted = keep_line_breaks(written, canonical);
    let opens_upper = written.chars().next().is_some_and(char::is_uppercase);
    match fitted.chars().next() {
        Some(c) if opens_upper && c.is_lowercase() => {
            c.to_uppercase().chain(fitted.chars().skip(1)).collect()
        }
        _ => fitted,
    }
}

/// The registry spelling, broken where the writer broke the name across lines ("Christian\n
/// Linder" becomes "Christian\nLindner"), so a fix touches only the name.
fn keep_line_breaks(written: &str, canonical: &str) -> String {
    let gaps = |s: &str| -> Vec<(usize, usize)> {
        let spans: Vec<(usize, &str)> = words(s).collect();
        spans
            .windows(2)
            .map(|w| (w[0].0 + w[0].1.len(), w[1].0))
            .collect()
    };
    let (wg, cg) = (gaps(written), gaps(canonical));
    if wg.len() != cg.len() || !written.contains('\n') {
        return canonical.to_string();
    }
    let mut out = String::with_capacity(canonical.len() + 4);
    let mut from = 0;
    for (&(ws, we), &(cs, ce)) in wg.iter().zip(&cg) {
        out.push_str(&canonical[from..cs]);
        let (w, c) = (&written[ws..we], &canonical[cs..ce]);
        out.push_str(if w.contains('\n') && c == " " { w } else { c });
        from = ce;
    }
    out.push_str(&canonical[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::{fit, keep_line_breaks};

    #[test]
    fn a_fix_opening_a_sentence_keeps_its_capital() {
        assert_eq!(fit("Von der Leyden", "von der Leyen"), "Von der Leyen");
        assert_eq!(fit("von der Leyden", "von der Leyen"), "von der Leyen");
    }

    #[test]
    fn a_fix_keeps_the_writers_line_breaks() {
        assert_eq!(
            keep_line_breaks("Christian\r\nLinder", "Christian Lindner"),
            "Christian\r\nLindner"
        );
        assert_eq!(
            keep_line_breaks("Kaja\n> Kalas", "Kaja Kallas"),
            "Kaja\n> Kallas"
        );
        assert_eq!(keep_line_breaks("Leji Zhao", "Zhao Leji"), "Zhao Leji");
        assert_eq!(
            keep_line_breaks("Jean\nNoel Barrot", "Jean-Noël Barrot"),
            "Jean-Noël Barrot"
        );
    }
}
