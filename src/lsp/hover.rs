//! Hover: on a mention, the entity's card; on a finding, what it means and why it matters.

use super::diagnostics;
use super::session::Analyzed;
use crate::position::Encoding;
use crate::registry::{Entity, Kind, Registry, Role};
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
        sections.push(entity_card(
            &a.registry,
            a.registry.entity(m.entity),
            a.analysis.date,
        ));
        range = Some(m.range.clone());
    }
    let range = range?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: Some(diagnostics::range(&a.index, &a.text, &range, enc)),
    })
}

/// The card for an entity as of the story's `date`: name, kind, roles held then and earlier,
/// other forms of the name, description and links.
pub fn entity_card(registry: &Registry, e: &Entity, date: Date) -> String {
    let mut out = format!("**{}** · {}", e.name, e.kind.as_str());
    if !e.aliases.is_empty() {
        let _ = write!(out, "\n\nAlso written: {}", e.aliases.join(", "));
    }
    if e.kind == Kind::Person || !e.roles.is_empty() {
        let held: Vec<String> = e.roles_on(date).map(|r| describe(registry, r)).collect();
        if held.is_empty() {
            let _ = write!(
                out,
                "\n\nNo role in the registry on the story's date ({}).",
                day(date)
            );
        } else {
            let _ = write!(out, "\n\nOn the story's date ({}):", day(date));
            held.iter().for_each(|r| {
                let _ = write!(out, "\n- {r}");
            });
        }
        let earlier: Vec<String> = e
            .roles
            .iter()
            .filter(|r| r.ended_before(date))
            .map(|r| describe(registry, r))
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
    out
}

/// "chairman of the Standing Committee of the National People's Congress since 10 March 2023".
fn describe(registry: &Registry, r: &Role) -> String {
    let mut s = r.title.clone();
    if let Some(of) = &r.of {
        let _ = write!(s, " of {}", with_article(registry.of_name(of)));
    }
    match (r.start, r.end) {
        (Some(a), Some(b)) => {
            let _ = write!(s, " from {} to {}", day(a), day(b));
        }
        (Some(a), None) => {
            let _ = write!(s, " since {}", day(a));
        }
        (None, Some(b)) => {
            let _ = write!(s, " until {}", day(b));
        }
        (None, None) => {}
    }
    s
}

/// Organisation names read with "the" after "of" ("of the Russian State Duma") unless they
/// already start with it or are a single proper word like a country ("of China").
fn with_article(name: &str) -> String {
    if name.starts_with("the ") || name.starts_with("The ") || !name.contains(' ') {
        name.to_string()
    } else {
        format!("the {name}")
    }
}

fn day(d: Date) -> String {
    format!("{} {} {}", d.day(), d.month(), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::RoleOf;
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
        let card = entity_card(&registry, &zhao, date!(2025 - 08 - 26));
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
    }
}
