//! Misspellings written the same way throughout a story: another name, not a typo.

use super::*;

/// Drops misspellings written the same way twice or more of an entity the story never names
/// correctly: writers slip once, not throughout, so "James Comey" all through a story is
/// another man, not James Comer misspelled.
pub(super) fn drop_consistent_misspellings(mentions: &mut Vec<Mention>, tokens: &Tokens) {
    let named: HashSet<EntityIdx> = mentions
        .iter()
        .filter(|m| m.spelling != Spelling::Misspelled)
        .map(|m| m.entity)
        .collect();
    // What makes a misspelling a typo: its written words whose letters the registry form does
    // not have, diacritics and transliteration aside (a consistent transliteration is still
    // the registry's name written another way).
    let wrong_words = |m: &Mention| -> (EntityIdx, Vec<String>) {
        let form: HashSet<String> = tokens::words(&m.canonical)
            .map(|(_, w)| spelling::skeleton(w))
            .collect();
        let text = &tokens.blocks[m.block].text()[m.text.clone()];
        let mut wrong: Vec<String> = tokens::words(text)
            .filter(|(_, w)| !form.contains(&spelling::skeleton(w)))
            .map(|(_, w)| spelling::plain(w))
            .collect();
        wrong.sort_unstable();
        (m.entity, wrong)
    };
    let unnamed = |m: &Mention| m.spelling == Spelling::Misspelled && !named.contains(&m.entity);
    if !mentions.iter().any(unnamed) {
        return;
    }
    let mut counts: HashMap<(EntityIdx, Vec<String>), usize> = HashMap::new();
    for m in mentions.iter().filter(|m| unnamed(m)) {
        *counts.entry(wrong_words(m)).or_default() += 1;
    }
    // A wrong word may recur outside mentions too: "Comey said" after "James Comey", when
    // the bare word was not read as a second reference.
    let mut written: HashMap<&str, usize> = HashMap::new();
    for w in tokens.blocks.iter().flat_map(|b| &b.words) {
        *written.entry(w.lower.as_str()).or_default() += 1;
    }
    mentions.retain(|m| {
        if !unnamed(m) {
            return true;
        }
        let key = wrong_words(m);
        let recurs = counts[&key] >= 2 || key.1.iter().all(|w| written.get(w.as_str()) >= Some(&2));
        key.1.is_empty() || !recurs
    });
}
