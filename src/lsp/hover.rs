//! Hover, a converter from the analysis to the protocol: on a mention, the entity's card; on a
//! finding, what it means and why it matters.

use super::session::Analyzed;
use super::to_proto;
use crate::analysis::titles::{describe_role, format_date, role_name, stale_note};
use crate::position::Encoding;
use crate::registry::{DataSource, EntityIdx, Kind, Registry};
use std::fmt::Write;
use time::Date;
use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind};

/// The hover at byte `offset`: findings there first, then the entity mentioned there.
pub fn hover(a: &Analyzed, offset: usize, enc: Encoding) -> Option<Hover> {
    let mut sections = Vec::new();
    let mut range = None;
    for f in a
        .analysis
        .findings
        .iter()
        .filter(|f| f.range.contains(&offset))
    {
        sections.push(format!(
            "**{}** ({})\n\n{}\n\n{}",
            f.code,
            f.severity.as_str(),
            f.message,
            f.code.explanation()
        ));
        range.get_or_insert(f.range.clone());
    }
    if let Some(m) = a
        .analysis
        .mentions
        .iter()
        .find(|m| m.range.contains(&offset))
    {
        sections.push(entity_card(&a.registry, m.entity, a.analysis.date));
        range = Some(m.range.clone());
    } else if let Some(card) = title_card(a, offset) {
        sections.push(card.0);
        range = Some(card.1);
    }
    let range = range?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: Some(to_proto::range(&a.index, &a.text, &range, enc)),
    })
}

/// On a title attached to a person: the person's registry roles with their dates, so the
/// editor sees which title is right for the story's date.
fn title_card(a: &Analyzed, offset: usize) -> Option<(String, std::ops::Range<usize>)> {
    let analysis = &a.analysis;
    let title = analysis.titles.iter().find(|t| t.range.contains(&offset))?;
    let person = a.registry.entity(title.entity);
    let mut out = format!("**{}**: a title of {}", title.written, person.name);
    if let Some(note) = stale_note(&a.registry, title, analysis.date) {
        let _ = write!(out, "\n\n{note}");
    }
    if person.roles.is_empty() {
        out.push_str("\n\nThe registry gives no roles for this person.");
    } else {
        let _ = write!(
            out,
            "\n\nRoles in the registry (story dated {}):",
            format_date(analysis.date)
        );
        for r in &person.roles {
            let mark = if r.held_on(analysis.date) {
                " (held on the story's date)"
            } else {
                ""
            };
            let _ = write!(out, "\n- {}{mark}", describe_role(&a.registry, r));
        }
    }
    Some((out, title.range.clone()))
}

/// The card for an entity as of the story's `date`: name, kind, roles held then and earlier,
/// other forms of the name, description, links and where the data comes from. An open role
/// read from a registry with an `as_of` says so: it is known to be held up to that day only.
pub fn entity_card(registry: &Registry, idx: EntityIdx, date: Date) -> String {
    let e = registry.entity(idx);
    let as_of = registry.known_until(idx);
    let mut out = format!("**{}** · {}", e.name, e.kind.as_str());
    if !e.aliases.is_empty() {
        let _ = write!(out, "\n\nAlso written: {}", e.aliases.join(", "));
    }
    if e.kind == Kind::Person || !e.roles.is_empty() {
        let held: Vec<String> = e
            .roles_on(date)
            .map(|r| match (r.end, as_of) {
                (None, Some(d)) => {
                    format!("{} (as of {})", describe_role(registry, r), format_date(d))
                }
                _ => describe_role(registry, r),
            })
            .collect();
        if held.is_empty() {
            let _ = write!(
                out,
                "\n\nNo role in the registry on the story's date ({}).",
                format_date(date)
            );
        } else {
            let _ = write!(out, "\n\nOn the story's date ({}):", format_date(date));
            held.iter().for_each(|r| {
                let _ = write!(out, "\n- {r}");
            });
        }
        let earlier: Vec<String> = e
            .roles
            .iter()
            .filter(|r| r.ended_before(date))
            .map(|r| describe_role(registry, r))
            .collect();
        if !earlier.is_empty() {
            out.push_str("\n\nEarlier:");
            earlier.iter().for_each(|r| {
                let _ = write!(out, "\n- {r}");
            });
        }
    }
    if let Some(d) = &e.description {
        let _ = write!(out, "\n\n{d}");
    }
    for link in &e.links {
        let _ = write!(out, "\n\n<{link}>");
    }
    if let Some(p) = registry.provenance(idx).filter(|p| !p.sources.is_empty()) {
        let names: Vec<String> = p.sources.iter().map(source_line).collect();
        let _ = write!(out, "\n\nSource: {}", names.join("; "));
        if let Some(d) = p.as_of {
            let _ = write!(out, " (as of {})", format_date(d));
        }
    }
    out
}

/// What an entity is on the story's `date`, in a few words: its roles held then ("chairman
/// of the State Duma"), else its kind. The detail of completion items and outline entries.
pub fn role_detail(registry: &Registry, idx: EntityIdx, date: Date) -> String {
    let e = registry.entity(idx);
    let roles: Vec<String> = e
        .roles_on(date)
        .map(|r| role_name(registry, r, None))
        .collect();
    if roles.is_empty() {
        e.kind.as_str().to_string()
    } else {
        roles.join("; ")
    }
}

/// "CIA World Factbook (public domain)", linked when the source has a URL.
fn source_line(s: &DataSource) -> String {
    let name = match &s.url {
        Some(url) => format!("[{}]({url})", s.name),
        None => s.name.clone(),
    };
    match &s.licence {
        Some(l) => format!("{name} ({l})"),
        None => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::{Entity, Role, RoleOf};
    use time::macros::date;

    fn person(roles: Vec<Role>) -> Entity {
        Entity {
            id: "zhao-leji".into(),
            kind: Kind::Person,
            name: "Zhao Leji".into(),
            family_name: Some("Zhao".into()),
            aliases: vec![],
            variants: vec![],
            roles,
            description: Some("Chinese politician.".into()),
            links: vec!["https://example.org/zhao".into()],
        }
    }

    fn role(title: &str, start: Option<Date>, end: Option<Date>) -> Role {
        Role {
            title: title.into(),
            of: Some(RoleOf::Entity("npcsc".into())),
            start,
            end,
            aliases: vec![],
        }
    }

    #[test]
    fn card_shows_the_role_on_the_date_then_earlier_ones() {
        let org = Entity {
            id: "npcsc".into(),
            kind: Kind::Organization,
            name: "Standing Committee of the National People's Congress".into(),
            family_name: None,
            aliases: vec!["NPCSC".into()],
            variants: vec![],
            roles: vec![],
            description: None,
            links: vec![],
        };
        let zhao = person(vec![
            role("chairman", Some(date!(2023 - 03 - 10)), None),
            role(
                "vice chairman",
                Some(date!(2013 - 03 - 14)),
                Some(date!(2018 - 03 - 17)),
            ),
        ]);
        let registry = Registry::new([vec![zhao.clone(), org]]);
        let card = entity_card(&registry, 0, date!(2025 - 08 - 26));
        assert!(card.starts_with("**Zhao Leji** · person"), "{card}");
        let held = card.find("- chairman of the Standing Committee of the National People's Congress since 10 March 2023").expect(&card);
        let earlier = card.find("- vice chairman of the Standing Committee of the National People's Congress from 14 March 2013 to 17 March 2018").expect(&card);
        assert!(
            card.contains("On the story's date (26 August 2025):"),
            "{card}"
        );
        assert!(held < earlier);
        assert!(
            card.contains("Chinese politician.") && card.contains("<https://example.org/zhao>")
        );
        assert!(
            !card.contains("Source:") && !card.contains("as of"),
            "{card}"
        );
    }

    #[test]
    fn card_names_the_source_and_the_day_an_open_role_is_known_to() {
        let file = crate::registry::parse_registry(
            "default",
            r#"{"version": 1, "as_of": "2026-01-22",
  "sources": [{"name": "CIA World Factbook", "url": "https://github.com/factbook/factbook.json", "licence": "public domain"}],
  "entities": [{"id": "zhao-leji", "kind": "person", "name": "Zhao Leji",
    "roles": [{"title": "chairman", "start": "2023-03-10"}]}]}"#,
        )
        .unwrap();
        let registry = Registry::from_files([file]);
        let card = entity_card(&registry, 0, date!(2026 - 03 - 01));
        assert!(
            card.contains("since 10 March 2023 (as of 22 January 2026)"),
            "{card}"
        );
        assert!(
            card.contains("Source: [CIA World Factbook](https://github.com/factbook/factbook.json) (public domain) (as of 22 January 2026)"),
            "{card}"
        );
    }
}
