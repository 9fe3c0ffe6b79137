//! People a story has already named in full, so that a bare surname reads as one person.
//!
//! A news story names a person in full once ("Ana Alvarez") and by the surname after that. Two
//! names run together at the start of a sentence ("Alvarez Moreno was busy") are then two
//! people, the first one's reporting verb cut, when each was met on its own: "Alvarez" at the
//! end of a full name, "Moreno" at the end of a full name after some other word. A name never
//! met apart ("Alvarez Moreno" alone, "Zhao Leji") stays one name.

use super::cue::is_name_word;
use super::lexicon::{Words, ROLE_NOUNS, TITLES};
use crate::analysis::tokens::{strip_possessive, BlockTokens};
use std::collections::{BTreeMap, BTreeSet};

/// Words before a run of names that make it a body or a place: "the Wall Street Journal",
/// "in New Hampshire".
static NOT_BEFORE_A_PERSON: Words =
    Words::new("the a an this that its in at near across outside around from");

/// Surnames met at the end of a full name ("Ana Maria Alvarez"), each with the two words met
/// before it ("Ana", "Maria"; the first empty in a name of two words). Titles do not count as
/// a given name: "President Alvarez" names no one in full.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Surnames(BTreeMap<String, BTreeSet<(String, String)>>);

impl Surnames {
    /// Adds the full names of a paragraph: runs of two or three capitalised words with only
    /// white space between them (an initial and its stop skipped: "George W. Bush"), titles
    /// and roles left out. A run after "the" or a place's preposition is a body or a place
    /// ("the Wisconsin Republican", "in New Hampshire"), and one before a title qualifies it
    /// ("Obama Education Secretary"): not a person.
    pub fn add(&mut self, tokens: &BlockTokens) {
        let text = tokens.text();
        let mut run: Vec<&str> = Vec::new();
        let mut person = true;
        let mut before = "";
        let mut last_end = 0;
        let mut sentence = usize::MAX;
        for w in &tokens.words {
            let gap = &text[last_end..w.range.start];
            let joined = w.sentence == sentence && !gap.is_empty() && gap.trim().is_empty();
            last_end = w.range.end;
            sentence = w.sentence;
            let initial = w.text.len() == 1 && w.text.chars().all(|c| c.is_ascii_uppercase());
            if initial && joined && !run.is_empty() && text[w.range.end..].starts_with(". ") {
                last_end += 1;
                continue;
            }
            if !joined {
                self.add_run(&run, person);
                run.clear();
            }
            let base = strip_possessive(w.text).unwrap_or(w.text);
            // Looked up only where it matters: most words are no name and end no run.
            let titled = || TITLES.contains(base) || ROLE_NOUNS.contains_any_case(base);
            if is_name_word(base) && !initial && !titled() {
                if run.is_empty() {
                    person = !NOT_BEFORE_A_PERSON.contains_any_case(before);
                }
                run.push(base);
            } else {
                // Names straight before a title qualify it: "the Obama Education Secretary".
                self.add_run(&run, person && !run.is_empty() && !(joined && titled()));
                run.clear();
            }
            // A possessive ends a name: "Ana Alvarez's team".
            if base.len() < w.text.len() {
                self.add_run(&run, person);
                run.clear();
            }
            before = w.text;
        }
        self.add_run(&run, person);
    }

    fn add_run(&mut self, run: &[&str], person: bool) {
        let (first, given, surname) = match (run, person) {
            ([first, given, surname], true) => (*first, given, surname),
            ([given, surname], true) => ("", given, surname),
            _ => return,
        };
        // A long story names the same people again and again: copy the words only when new.
        let pair = || (first.to_string(), given.to_string());
        match self.0.get_mut(*surname) {
            Some(pairs) if pairs.iter().any(|(f, g)| f == first && g == given) => {}
            Some(pairs) => {
                pairs.insert(pair());
            }
            None => {
                self.0.insert(surname.to_string(), BTreeSet::from([pair()]));
            }
        }
    }

    /// What of these a paragraph can use: the surnames among its words (looked up word by
    /// word: a long story meets thousands of names, a paragraph holds a few).
    pub fn within(&self, tokens: &BlockTokens) -> Surnames {
        let mut used = BTreeMap::new();
        // Every surname met is a name word, so starts with a capital.
        let capitalised = tokens
            .words
            .iter()
            .filter(|w| w.text.starts_with(char::is_uppercase));
        for w in capitalised {
            let word = strip_possessive(w.text).unwrap_or(w.text);
            if let Some((surname, given)) = self.0.get_key_value(word) {
                used.entry(surname.clone()).or_insert_with(|| given.clone());
            }
        }
        Surnames(used)
    }

    /// Whether `given surname` was met as a full name, not after `before` (so that "Alvarez
    /// Ana Moreno" does not vouch for itself).
    pub fn named(&self, given: &str, surname: &str, before: &str) -> bool {
        self.0
            .get(surname)
            .is_some_and(|names| names.iter().any(|(f, g)| g == given && f != before))
    }

    /// Whether `surname` was met at the end of a full name after a word other than `before`
    /// (any word when `before` is `None`).
    pub fn met(&self, surname: &str, before: Option<&str>) -> bool {
        self.0
            .get(surname)
            .is_some_and(|names| names.iter().any(|(_, g)| Some(g.as_str()) != before))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::Tokens;
    use crate::analysis::{Document, Format};

    fn surnames(text: &str) -> Surnames {
        let doc = Document::parse(text, Format::Text);
        let tokens = Tokens::new(&doc);
        let mut met = Surnames::default();
        tokens.blocks.iter().for_each(|b| met.add(b));
        met
    }

    #[test]
    fn full_names_give_their_surnames() {
        let met = surnames(
            "Ana Alvarez met Gov. Tom Keller's aides. President Moreno spoke. Mary J. Ortiz came.",
        );
        assert!(met.met("Ortiz", None), "an initial inside a name");
        assert!(!met.met("J", None));
        assert!(met.met("Alvarez", None));
        assert!(met.met("Keller", None));
        assert!(!met.met("Keller", Some("Tom")));
        assert!(!met.met("Moreno", None), "a title is no given name");
        assert!(!met.met("Ana", None));
    }

    #[test]
    fn names_apart_from_punctuation() {
        let met = surnames("Alvarez, Moreno and Keller. Ana. Lee met Ann\nOrtiz.");
        assert!(!met.met("Moreno", None));
        assert!(!met.met("Lee", None), "a sentence ends a name");
        assert!(met.met("Ortiz", None), "a name may break across lines");
        let met = surnames("The Wisconsin Republican voted. He lives in New Hampshire.");
        assert!(!met.met("Republican", None), "a body");
        assert!(!met.met("Hampshire", None), "a place");
        let met = surnames("He met former Obama Education Secretary Arne Duncan.");
        assert!(!met.met("Education", None), "names that qualify a title");
        assert!(met.met("Duncan", None));
    }
}
