//! Titles attached to person mentions, and how they compare with the registry's roles.
//!
//! [`find_titles`] reads each title written next to a person ("Zhao Leji, chairman of China's
//! NPC Standing Committee", "Chairman Zhao") into plain data: where it is, its normalised
//! wording, the organisation written with it, whether it is "former", and which of the person's
//! registry roles it names. The title checks and the editor's hover both read this.
//!
//! Descriptions ("China's top legislator", "a veteran lawmaker") are not titles and are never
//! read; neither is a title that cannot be attached to its person with confidence.

mod history;
mod lexicon;
mod read;
mod roles;
mod second;

pub use lexicon::{is_title_word, normalise, trailing_title};
pub use roles::{org_fit, relation, Fit, Relation};

use super::Context;
use crate::registry::{Entity, EntityIdx, Kind, Registry, Role, RoleOf};
use lexicon::Vocabulary;
use read::Reader;
use std::collections::HashMap;
use std::fmt::Write;
use std::ops::Range;
use time::Date;

/// Where the title stands relative to the name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// "Chairman Zhao Leji".
    Before,
    /// "Zhao Leji, chairman of ...".
    After,
    /// "Zhao, who chairs ...".
    Clause,
}

/// When the title says the role was held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// Held on the story's date.
    Current,
    /// "former", "ex-": held before the story's date and no longer.
    Former,
    /// "then-chairman", "who was chairman": held at some time up to the story's date.
    Past,
}

/// The organisation written with a title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Org {
    /// A registry entity mentioned there.
    Entity(EntityIdx),
    /// Words the registry does not know, normalised.
    Text(String),
}

/// The organisation as the draft wrote it next to a title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrittenOrg {
    pub org: Org,
    /// Source bytes.
    pub range: Range<usize>,
    /// The registry form of a mentioned entity, else the words as written.
    pub text: String,
}

/// One title written next to a person mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitleMention {
    /// Index into the analysis' mentions.
    pub mention: usize,
    pub entity: EntityIdx,
    /// Source bytes of the title's words ("vice chairman"); for "who chairs", the verb.
    pub range: Range<usize>,
    /// The title as written, on one line.
    pub written: String,
    /// Lower case, hyphens and spaces unified: what titles are compared by.
    pub normalised: String,
    /// Read from a verb ("who chairs"): there is no title wording to correct.
    pub verb: bool,
    pub placement: Placement,
    pub tense: Tense,
    /// Where the words qualifying the title begin ("Russian" in "Russian Prime Minister"), in
    /// source bytes; the title's own start when nothing qualifies it.
    pub lead: usize,
    /// Source bytes of "former " or "ex-", up to the next word.
    pub former: Option<Range<usize>>,
    pub org: Option<WrittenOrg>,
    /// Indices into the person's `roles` that this title names, whatever their dates.
    pub roles: Vec<usize>,
    /// The spans of time (inclusive) the sentence describes when it is about the past ("In
    /// 2021, Prime Minister ..."); empty when it is about the story's date.
    pub described: Vec<(Date, Date)>,
    /// A title standing for the person on second reference ("the premier said"), read as the
    /// title of the most recent mention before it in the paragraph.
    pub second_reference: bool,
    /// Inside a direct quotation: the speaker's words, which a copy editor does not change.
    pub quoted: bool,
    /// The sentence tells of the past with nothing tying it to the story's own days ("For
    /// years, President Ortiz was ..."), and the person is not the one reporting in it.
    pub past: bool,
}

impl TitleMention {
    /// Whether this title names a role the person holds on `date`.
    pub fn held_on(&self, registry: &Registry, date: Date) -> bool {
        let roles = &registry.entity(self.entity).roles;
        self.roles.iter().any(|&r| roles[r].held_on(date))
    }

    /// Whether the sentence is about a time when `role` was held.
    pub fn describes_time_of(&self, role: &Role) -> bool {
        self.described.iter().any(|&(from, to)| {
            role.start.is_none_or(|s| s <= to) && role.end.is_none_or(|e| from < e)
        })
    }

    /// Whether the time the sentence describes lies wholly inside `role`'s term, so a title
    /// written "former" there was not yet former.
    pub fn describes_only_time_of(&self, role: &Role) -> bool {
        !self.described.is_empty()
            && self.described.iter().all(|&(from, to)| {
                role.start.is_some_and(|s| s <= from) && role.end.is_some_and(|e| to < e)
            })
    }
}

/// Every title attached to a person mention, in document order.
pub fn find_titles(cx: &Context) -> Vec<TitleMention> {
    let mut out = Vec::new();
    let mut vocabularies: HashMap<EntityIdx, Vocabulary> = HashMap::new();
    let mut start = 0;
    while start < cx.mentions.len() {
        let b = cx.mentions[start].block;
        let end = start + cx.mentions[start..].partition_point(|m| m.block == b);
        let people = (start..end)
            .filter(|&mi| cx.registry.entity(cx.mentions[mi].entity).kind == Kind::Person);
        let mut reader = None;
        for mi in people {
            let reader = reader.get_or_insert_with(|| Reader::new(cx, b, start..end));
            let vocab = vocabulary(cx, &mut vocabularies, cx.mentions[mi].entity);
            for phrase in reader.titles_of(mi, vocab) {
                out.push(title_mention(cx, reader, mi, phrase, false));
            }
        }
        if let Some(reader) = &reader {
            let taken: Vec<Range<usize>> = out.iter().map(|t| t.range.clone()).collect();
            for (mi, phrase) in second::references(cx, reader, &taken, &mut vocabularies) {
                let t = title_mention(cx, reader, mi, phrase, true);
                if second::worth_reading(cx, &t) {
                    out.push(t);
                }
            }
        }
        start = end;
    }
    out.sort_by_key(|t| t.range.start);
    out
}

fn title_mention(
    cx: &Context,
    reader: &Reader,
    mi: usize,
    phrase: read::Phrase,
    second_reference: bool,
) -> TitleMention {
    let entity = cx.mentions[mi].entity;
    let roles = &cx.registry.entity(entity).roles;
    let matching = roles
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            relation(
                cx.registry,
                &phrase.normalised,
                phrase.org.as_ref().map(|o| &o.org),
                r,
            ) == Relation::Same
        })
        .map(|(i, _)| i)
        .collect::<Vec<usize>>();
    let sentence = reader.sentence_of(phrase.title.start);
    let mut described = history::described(sentence);
    let mut past = false;
    if let Some((before, last, after)) = reader.around(phrase.lead, mi) {
        // "under President Ortiz": the sentence is about the term a bare title names; "former
        // President Ortiz's aide" is not.
        if phrase.tense == Tense::Current && history::in_office(before, last, after) {
            described.extend(matching.iter().filter_map(|&r| term(&roles[r])));
        }
        described.extend(history::possessive_year(last, after));
        past = !reader.reports(phrase.lead, mi) && history::past_context(sentence);
    }
    TitleMention {
        mention: mi,
        entity,
        range: reader.source_of(phrase.title.clone()),
        described,
        quoted: reader.quoted(phrase.title.start),
        past,
        written: phrase.written,
        normalised: phrase.normalised,
        verb: phrase.verb,
        placement: phrase.placement,
        tense: phrase.tense,
        former: phrase.former,
        lead: reader.source_of(phrase.lead..phrase.lead + 1).start,
        org: phrase.org,
        roles: matching,
        second_reference,
    }
}

/// A role's term as an inclusive span, when both its ends are known.
fn term(role: &Role) -> Option<(Date, Date)> {
    Some((role.start?, role.end?.previous_day()?))
}

/// The vocabulary of a person's own role titles, added to the title words.
fn vocabulary<'v>(
    cx: &Context,
    vocabularies: &'v mut HashMap<EntityIdx, Vocabulary>,
    entity: EntityIdx,
) -> &'v Vocabulary {
    vocabularies.entry(entity).or_insert_with(|| {
        Vocabulary::for_roles(
            cx.registry
                .entity(entity)
                .roles
                .iter()
                .flat_map(|r| std::iter::once(&r.title).chain(&r.aliases))
                .map(String::as_str),
        )
    })
}

/// A date as a copy editor writes it: "10 March 2023".
pub fn format_date(date: Date) -> String {
    let format = time::macros::format_description!("[day padding:none] [month repr:long] [year]");
    date.format(&format).unwrap_or_else(|_| date.to_string())
}

/// Words that make an organisation's name take "the": "the State Duma", but "Russia".
const TAKES_ARTICLE: &[&str] = &[
    "academy",
    "administration",
    "agency",
    "assembly",
    "authority",
    "bank",
    "board",
    "bureau",
    "cabinet",
    "center",
    "centre",
    "chamber",
    "commission",
    "committee",
    "company",
    "congress",
    "corporation",
    "council",
    "court",
    "department",
    "duma",
    "emirates",
    "federation",
    "forum",
    "foundation",
    "fund",
    "government",
    "group",
    "house",
    "institute",
    "kingdom",
    "ministry",
    "nations",
    "netherlands",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "philippines",
    "republic",
    "senate",
    "service",
    "states",
    "union",
    "university",
];

/// An organisation's name as it reads after "of": "the NPC Standing Committee", "Russia".
pub fn org_name(name: &str) -> String {
    let first_is_the = name
        .split(' ')
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    let acronym = name.len() <= 3 && name.chars().all(|c| c.is_ascii_uppercase());
    let orgish = name
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| TAKES_ARTICLE.contains(&w.to_lowercase().as_str()));
    if !first_is_the && (acronym || orgish) {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

/// A role in words, with its organisation: "chairman of the NPC Standing Committee".
/// `written` is the organisation's form as the draft wrote it, used when it names the same one.
pub fn role_name(registry: &Registry, role: &Role, written: Option<&WrittenOrg>) -> String {
    let Some(of) = &role.of else {
        return role.title.clone();
    };
    let name = match (of, written.map(|w| (&w.org, &w.text))) {
        (RoleOf::Entity(id), Some((Org::Entity(e), text))) if registry.entity(*e).id == *id => {
            text.clone()
        }
        _ => registry.of_name(of).to_string(),
    };
    // An ambassador is accredited to a country, not "of" it.
    let envoy = role.title.ends_with("ambassador") || role.title.ends_with("envoy");
    let to = if envoy { "to" } else { "of" };
    format!("{} {to} {}", role.title, org_name(&name))
}

/// Who holds `role`'s office (its title in its organisation) on `date`, and in which role: the
/// successor hover names on a stale title.
pub fn holder_on<'r>(
    registry: &'r Registry,
    role: &Role,
    date: Date,
) -> Option<(&'r Entity, &'r Role)> {
    let of = role.of.as_ref()?;
    let title = normalise(&role.title);
    registry.iter().find_map(|e| {
        let r = e.roles.iter().find(|r| {
            r.of.as_ref() == Some(of) && r.held_on(date) && normalise(&r.title) == title
        })?;
        Some((e, r))
    })
}

/// What hover says on a title the person no longer held on the story's date: "Boris Johnson
/// was prime minister of the United Kingdom until 6 September 2022. Keir Starmer has held the
/// office since 5 July 2024." `None` when the title names a role held on the date.
pub fn stale_note(registry: &Registry, t: &TitleMention, date: Date) -> Option<String> {
    let person = registry.entity(t.entity);
    if t.held_on(registry, date) {
        return None;
    }
    let role = t
        .roles
        .iter()
        .map(|&r| &person.roles[r])
        .filter(|r| r.ended_before(date))
        .max_by_key(|r| r.end)?;
    let end = format_date(role.end?);
    let mut note = format!(
        "{} was {} until {end}.",
        person.name,
        role_name(registry, role, None)
    );
    if let Some((holder, held)) = holder_on(registry, role, date) {
        let _ = match held.start {
            Some(s) => write!(
                note,
                " {} has held the office since {}.",
                holder.name,
                format_date(s)
            ),
            None => write!(
                note,
                " {} holds the office on the story's date.",
                holder.name
            ),
        };
    }
    Some(note)
}

/// A role with its dates, for hover: "chairman of the State Duma since 5 October 2016".
pub fn describe_role(registry: &Registry, role: &Role) -> String {
    let name = role_name(registry, role, None);
    match (role.start, role.end) {
        (Some(s), Some(e)) => format!("{name} from {} to {}", format_date(s), format_date(e)),
        (Some(s), None) => format!("{name} since {}", format_date(s)),
        (None, Some(e)) => format!("{name} until {}", format_date(e)),
        (None, None) => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, Format, Settings};
    use crate::registry::parse_registry;
    use time::macros::date;

    const REGISTRY: &str = r#"{"version": 1, "entities": [
        {"id": "boris-johnson", "kind": "person", "name": "Boris Johnson", "roles": [
            {"title": "prime minister", "of": "uk", "start": "2019-07-24", "end": "2022-09-06"}]},
        {"id": "keir-starmer", "kind": "person", "name": "Keir Starmer", "roles": [
            {"title": "prime minister", "of": "uk", "start": "2024-07-05"}]},
        {"id": "uk", "kind": "place", "name": "United Kingdom"}]}"#;

    #[test]
    fn a_stale_title_says_when_the_role_ended_and_who_holds_it() {
        let registry = Registry::new([parse_registry("r.json", REGISTRY).unwrap().entities]);
        let settings = Settings {
            date: None,
            today: date!(2025 - 01 - 10),
            severity: Default::default(),
            historical: Default::default(),
        };
        let text = "Prime Minister Boris Johnson spoke. Prime Minister Keir Starmer listened.";
        let analysis = analyze(text, Format::Markdown, &registry, &settings);
        let notes: Vec<Option<String>> = analysis
            .titles
            .iter()
            .map(|t| stale_note(&registry, t, analysis.date))
            .collect();
        assert_eq!(
            notes,
            vec![
                Some("Boris Johnson was prime minister of the United Kingdom until 6 September 2022. Keir Starmer has held the office since 5 July 2024.".to_string()),
                None
            ]
        );
    }
}
