//! Completion of names: after two or more letters of a capitalised word, the registry's people,
//! organisations and places whose name or alias starts so; after a title ("Prime Minister K"),
//! one letter is enough and those who hold that title on the story's date come first.
//!
//! Candidates come from the registry's prefix index ([`NameIndex::forms_starting`]), never from
//! a scan. The line up to the cursor is all that is read, so completion needs no analysis of
//! the draft; the story's date comes from the latest one finished.
//!
//! [`NameIndex::forms_starting`]: crate::registry::NameIndex::forms_starting

use super::hover::{entity_card, role_detail};
use crate::analysis::titles::{normalise, trailing_title};
use crate::position::Encoding;
use crate::registry::{EntityIdx, FormKind, Kind, Registry};
use time::Date;
use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionList, CompletionTextEdit, Documentation,
    MarkupContent, MarkupKind, Position, Range, TextEdit,
};

/// The most items one answer lists; the list says it is incomplete beyond, so the editor asks
/// again as more letters are typed.
const MAX_ITEMS: usize = 50;

/// The most forms looked at for one prefix.
const MAX_FORMS: usize = 2000;

/// A name the registry offers at the cursor.
#[derive(Debug, PartialEq)]
pub struct Candidate {
    pub entity: EntityIdx,
    /// The form offered (the name or an alias).
    pub text: String,
    /// Whether the entity holds the title written before the name on the story's date.
    pub holds_title: bool,
}

/// What is offered for the line as written up to the cursor: the byte where the typed name
/// starts in `before`, and the candidates (title holders first, then by name), with whether
/// more were left out.
pub fn candidates(
    before: &str,
    registry: &Registry,
    date: Date,
) -> Option<(usize, Vec<Candidate>, bool)> {
    let words = trailing_words(before, 6);
    let (last_start, last) = *words.last()?;
    if !last.chars().next()?.is_uppercase() {
        return None;
    }
    let earlier: Vec<&str> = words[..words.len() - 1].iter().map(|w| w.1).collect();
    let title = trailing_title(&earlier);
    if last.chars().count() < if title.is_some() { 1 } else { 2 } {
        return None;
    }
    // "Vyacheslav Vol": the name's first word written in full, when it is one that a registry
    // name starts with; otherwise the name starts at the word being typed.
    let mut found = None;
    if let [.., (start, prev), _] = words[..] {
        if title.is_none() && prev.chars().next().is_some_and(char::is_uppercase) {
            let typed = &before[start..];
            let forms = registry.index().forms_starting(typed, MAX_FORMS);
            if !forms.is_empty() {
                found = Some((start, forms));
            }
        }
    }
    let (start, forms) = match found {
        Some(f) => f,
        None => (last_start, registry.index().forms_starting(last, MAX_FORMS)),
    };
    let mut out: Vec<Candidate> = Vec::new();
    for id in forms {
        let form = registry.index().form(id);
        let entity = registry.entity(form.entity);
        if form.kind == FormKind::Variant
            || entity.kind == Kind::Other
            || out
                .iter()
                .any(|c| c.entity == form.entity && *c.text == *form.text)
        {
            continue;
        }
        let holds_title = title.as_deref().is_some_and(|t| {
            entity
                .roles_on(date)
                .any(|r| normalise(&r.title) == t || r.aliases.iter().any(|a| normalise(a) == t))
        });
        out.push(Candidate {
            entity: form.entity,
            text: form.text.to_string(),
            holds_title,
        });
    }
    out.sort_by(|a, b| b.holds_title.cmp(&a.holds_title).then(a.text.cmp(&b.text)));
    let more = out.len() > MAX_ITEMS;
    out.truncate(MAX_ITEMS);
    Some((start, out, more))
}

/// The last `n` words of `before` with their byte offsets, the last one ending at the end; a
/// word is letters, digits, apostrophes, hyphens and periods (initials). Words are joined by
/// single spaces: a line break, comma or other punctuation ends the run.
fn trailing_words(before: &str, n: usize) -> Vec<(usize, &str)> {
    let in_word = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-' | '.');
    let mut out = Vec::new();
    let mut end = before.len();
    while out.len() < n {
        let start = before[..end]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| in_word(c))
            .last()
            .map_or(end, |(i, _)| i);
        if start == end {
            break;
        }
        out.push((start, &before[start..end]));
        match before[..start].strip_suffix(' ') {
            Some(rest) if !rest.ends_with(' ') && !rest.is_empty() => end = rest.len(),
            _ => break,
        }
    }
    out.reverse();
    out
}

/// The completion list for the cursor at `cursor`, with `before` the cursor's line up to it.
pub fn completion(
    before: &str,
    cursor: Position,
    registry: &Registry,
    date: Date,
    enc: Encoding,
) -> Option<CompletionList> {
    let (start, found, more) = candidates(before, registry, date)?;
    let typed: usize = before[start..].chars().map(|c| enc.width(c)).sum();
    let range = Range::new(
        Position::new(cursor.line, cursor.character.saturating_sub(typed as u32)),
        cursor,
    );
    let items = found
        .into_iter()
        .enumerate()
        .map(|(i, c)| item(registry, c, range, i, date))
        .collect();
    Some(CompletionList {
        is_incomplete: more,
        items,
    })
}

fn item(
    registry: &Registry,
    c: Candidate,
    range: Range,
    rank: usize,
    date: Date,
) -> CompletionItem {
    let detail = role_detail(registry, c.entity, date);
    CompletionItem {
        label: c.text.clone(),
        label_details: None,
        kind: Some(CompletionItemKind::VALUE),
        detail: Some(detail),
        documentation: Some(Documentation::MarkupContent(MarkupContent {
            kind: MarkupKind::Markdown,
            value: entity_card(registry, c.entity, date),
        })),
        // The order is ours (title holders first); editors sort by this text.
        sort_text: Some(format!("{rank:04}")),
        filter_text: Some(c.text.clone()),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, c.text))),
        ..CompletionItem::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::{parse_registry, Registry};
    use time::macros::date;

    const REGISTRY: &str = r#"{"version": 1, "entities": [
        {"id": "vv", "kind": "person", "name": "Vyacheslav Volodin",
         "roles": [{"title": "chairman", "of": "duma", "start": "2016-10-05"}]},
        {"id": "vm", "kind": "person", "name": "Vyacheslav Molotov", "variants": ["Vyacheslav Molotoff"]},
        {"id": "duma", "kind": "organization", "name": "State Duma", "aliases": ["Duma"]},
        {"id": "ks", "kind": "person", "name": "Keir Starmer",
         "roles": [{"title": "prime minister", "start": "2024-07-05"}]},
        {"id": "kb", "kind": "person", "name": "Kemi Badenoch"},
        {"id": "bj", "kind": "person", "name": "Boris Johnson",
         "roles": [{"title": "prime minister", "start": "2019-07-24", "end": "2022-09-06"}]},
        {"id": "kx", "kind": "other", "name": "Kx Thing"}
    ]}"#;

    fn registry() -> Registry {
        Registry::from_files([parse_registry("r.json", REGISTRY).unwrap()])
    }

    fn offered(before: &str) -> Option<(String, Vec<String>)> {
        let (start, found, _) = candidates(before, &registry(), date!(2025 - 01 - 01))?;
        let names = found.into_iter().map(|c| c.text).collect();
        Some((before[start..].to_string(), names))
    }

    #[test]
    fn two_capital_letters_offer_names_and_aliases_but_not_variants() {
        let (typed, names) = offered("He met Vy").unwrap();
        assert_eq!(typed, "Vy");
        assert_eq!(names, ["Vyacheslav Molotov", "Vyacheslav Volodin"]);
        assert_eq!(offered("The Du").unwrap().1, ["Duma"]);
        assert_eq!(offered("He met V"), None, "one letter is not enough");
        assert_eq!(offered("He met vy"), None, "not capitalised");
        assert_eq!(offered("Kx").unwrap().1, Vec::<String>::new(), "kind other");
    }

    #[test]
    fn a_first_name_written_in_full_narrows_the_list() {
        let (typed, names) = offered("met Vyacheslav Vol").unwrap();
        assert_eq!(typed, "Vyacheslav Vol");
        assert_eq!(names, ["Vyacheslav Volodin"]);
        // A capitalised word that starts no name is not part of it.
        let (typed, names) = offered("Then Vyacheslav Vol").unwrap();
        assert_eq!((typed.as_str(), names.len()), ("Vyacheslav Vol", 1));
        let (typed, _) = offered("In Moscow, Vy").unwrap();
        assert_eq!(typed, "Vy");
    }

    #[test]
    fn after_a_title_its_holders_on_the_date_come_first() {
        let (typed, names) = offered("Britain's Prime Minister K").unwrap();
        assert_eq!(typed, "K");
        assert_eq!(names, ["Keir Starmer", "Kemi Badenoch"]);
        let (_, names) = offered("Prime Minister B").unwrap();
        assert_eq!(
            names,
            ["Boris Johnson"],
            "a former holder is offered, not first"
        );
        let (_, found, _) =
            candidates("Prime Minister B", &registry(), date!(2025 - 01 - 01)).unwrap();
        assert!(!found[0].holds_title);
    }

    #[test]
    fn the_item_replaces_what_was_typed_and_carries_role_and_card() {
        let r = registry();
        let list = completion(
            "met Vyacheslav Vol",
            Position::new(3, 18),
            &r,
            date!(2025 - 01 - 01),
            Encoding::Utf16,
        )
        .unwrap();
        let item = &list.items[0];
        assert_eq!(item.label, "Vyacheslav Volodin");
        assert_eq!(item.detail.as_deref(), Some("chairman of the State Duma"));
        let Some(CompletionTextEdit::Edit(edit)) = &item.text_edit else {
            panic!("{item:?}")
        };
        assert_eq!(
            edit.range,
            Range::new(Position::new(3, 4), Position::new(3, 18))
        );
        let Some(Documentation::MarkupContent(card)) = &item.documentation else {
            panic!("{item:?}")
        };
        assert!(card.value.starts_with("**Vyacheslav Volodin** · person"));
    }
}
