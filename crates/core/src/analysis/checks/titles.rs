//! `title-mismatch` and `title-inconsistent`: titles checked against the registry's roles as
//! held on the story's date, and against each other.
//!
//! What it flags: a title that names a role the person no longer holds or does not yet hold,
//! the right office at the wrong rank or in the wrong organisation ("vice chairman" for the
//! chairman), "former" for a role still held; and one person called two different things in
//! one story when they are not both roles held on its date.
//! Why: an old title copied from last year's story, or a "vice" that slipped in, is a quiet
//! error that ends in a correction.
//! Example: on 26 August 2025, "Zhao Leji, vice chairman of China's NPC Standing Committee"
//! gives "Zhao Leji has been chairman, not vice chairman, of the NPC Standing Committee since
//! 10 March 2023."
//!
//! A title the registry cannot judge (no role held on the date, or an office unrelated to any
//! of the person's roles) is not a mismatch: the registry is evidence, not the whole truth.

use crate::analysis::titles::{
    find_titles, format_date, org_fit, org_name, relation, role_name, Fit, Org, Placement,
    Relation, Tense, TitleMention,
};
use crate::analysis::{Check, Code, Context, Edit, Finding, Fix};
use crate::registry::{Entity, EntityIdx, Kind, Role};

codes! {
    /// A title next to a registry person that disagrees with the role the registry gives for
    /// the story's date: a role ended or not yet begun, the right office at the wrong rank or in
    /// the wrong organisation, "former" for a role still held. The fix is the registry's title.
    ///
    /// Why: an old title copied from last year's story, or a "vice" that slipped in, is a
    /// quiet error that ends in a correction.
    ///
    /// Wrong: Deputy Prime Minister Ana Costa said ... (the registry has her as prime minister
    /// since 2024, and the story is of 2025).
    ///
    /// Right: Prime Minister Ana Costa said ...
    TitleMismatch = "title-mismatch", Warning;

    /// The same person carries two different titles in one story, and they are not both roles
    /// the registry gives for the story's date. Related information points at the other place.
    ///
    /// Why: readers are left to wonder which is right, and one of them usually is not.
    ///
    /// Wrong: Deputy Mayor Lena Berg opened the bridge. ... Mayor Berg said it cost too much.
    ///
    /// Right: Deputy Mayor Lena Berg opened the bridge. ... Deputy Mayor Berg said it cost too
    /// much.
    TitleInconsistent = "title-inconsistent", Warning;
}

pub struct Titles;

impl Check for Titles {
    fn run(&self, cx: &Context, out: &mut Vec<Finding>) {
        let titles = find_titles(cx);
        let mut people: Vec<EntityIdx> = cx
            .mentions
            .iter()
            .map(|m| m.entity)
            .filter(|&e| cx.registry.entity(e).kind == Kind::Person)
            .collect();
        people.sort_unstable();
        people.dedup();
        for t in &titles {
            out.extend(mismatch(cx, t, &people));
        }
        inconsistent(cx, &titles, out);
    }
}

/// What is wrong with a title, by the role it should have named.
enum Verdict {
    /// The right office, the wrong rank or organisation: the role held instead.
    Wrong(usize),
    /// A role that ended before the story, and the role held now.
    Ended(usize, usize),
    /// A role that starts after the story's date.
    NotYet(usize),
    /// "former" for a role still held.
    StillHeld(usize),
    /// The title of another person in the story; the role held instead.
    Others(EntityIdx, usize),
}

fn verdict(
    cx: &Context,
    t: &TitleMention,
    entity: &Entity,
    people: &[EntityIdx],
) -> Option<Verdict> {
    let roles = &entity.roles;
    let date = cx.date;
    let held: Vec<usize> = (0..roles.len())
        .filter(|&r| roles[r].held_on(date))
        .collect();
    if held.is_empty() {
        return None;
    }
    // A role with no end is known only up to the registry's `as_of`: after that day, no claim
    // may rest on it still being held.
    let sure = |r: usize| cx.registry.surely_held(t.entity, &roles[r], date);
    let ended: Vec<usize> = (0..roles.len())
        .filter(|&r| roles[r].ended_before(date))
        .collect();
    let not_yet = |r: &Role| r.start.is_some_and(|s| date < s);
    let named = |test: &dyn Fn(&Role) -> bool| t.roles.iter().copied().find(|&r| test(&roles[r]));
    let org = t.org.as_ref().map(|o| &o.org);
    // The role among `among` that the title is a likely mistake for, preferring one in the
    // organisation written.
    let related = |among: &[usize], to: &str, org: Option<&Org>| {
        let fits = |r: usize| relation(cx.registry, to, org, &roles[r]) == Relation::Related;
        let same_org = |r: usize| matches!((org, &roles[r].of), (Some(o), Some(of)) if org_fit(cx.registry, o, of) == Fit::Same);
        among
            .iter()
            .copied()
            .filter(|&r| fits(r))
            .max_by_key(|&r| same_org(r))
    };
    let successor = |old: usize| {
        related(&held, &t.normalised, org)
            .or_else(|| related(&held, &roles[old].title, None))
            .unwrap_or(held[0])
    };
    match t.tense {
        Tense::Current => {
            if named(&|r| r.held_on(date)).is_some() {
                return None;
            }
            if let Some(r) = named(&|r| r.ended_before(date)) {
                return Some(Verdict::Ended(r, successor(r)));
            }
            if let Some(r) = named(&not_yet) {
                return Some(Verdict::NotYet(r));
            }
            if let Some(r) = related(&held, &t.normalised, org) {
                return sure(r).then_some(Verdict::Wrong(r));
            }
            if let Some(r) = related(&ended, &t.normalised, org) {
                return Some(Verdict::Ended(r, successor(r)));
            }
            someone_elses(cx, t, people).map(|(other, _)| Verdict::Others(other, held[0]))
        }
        Tense::Former => {
            if named(&|r| r.ended_before(date)).is_some() {
                return None;
            }
            match named(&|r| r.held_on(date)) {
                Some(r) => sure(r).then_some(Verdict::StillHeld(r)),
                None => named(&not_yet).map(Verdict::NotYet),
            }
        }
        Tense::Past => {
            if named(&|r| !not_yet(r)).is_some() {
                return None;
            }
            named(&not_yet).map(Verdict::NotYet)
        }
    }
}

/// Another person in the story who holds the title on its date: "Foreign Minister Volodin"
/// in a story that also quotes Lavrov.
fn someone_elses(
    cx: &Context,
    t: &TitleMention,
    people: &[EntityIdx],
) -> Option<(EntityIdx, usize)> {
    let org = t.org.as_ref().map(|o| &o.org);
    people.iter().filter(|&&p| p != t.entity).find_map(|&p| {
        let roles = &cx.registry.entity(p).roles;
        (0..roles.len()).find_map(|r| {
            let names = cx.registry.surely_held(p, &roles[r], cx.date)
                && relation(cx.registry, &t.normalised, org, &roles[r]) == Relation::Same;
            names.then_some((p, r))
        })
    })
}

fn mismatch(cx: &Context, t: &TitleMention, people: &[EntityIdx]) -> Option<Finding> {
    let entity = cx.registry.entity(t.entity);
    let verdict = verdict(cx, t, entity, people)?;
    let name = &entity.name;
    let roles = &entity.roles;
    let role_name = |r: usize| role_name(cx.registry, &roles[r], t.org.as_ref());
    let written = running_text(&t.written);
    let (message, fixes) = match verdict {
        Verdict::Wrong(r) => {
            let role = &roles[r];
            let same_title = relation(cx.registry, &t.normalised, None, role) == Relation::Same;
            let is = has_been(role);
            let since = since(role);
            let message = match (&role.of, same_title) {
                (Some(_), true) => {
                    let org = t.org.as_ref().map_or(String::new(), |o| org_name(&o.text));
                    format!("{name} {is} {}, not of {org},{since}.", role_name(r))
                }
                (Some(_), false) => {
                    let of = role_name(r);
                    let of = of.strip_prefix(role.title.as_str()).unwrap_or(&of);
                    format!("{name} {is} {}, not {written},{of}{since}.", role.title)
                }
                (None, _) => format!("{name} {is} {}, not {written}{since}.", role.title),
            };
            let fix = current_title(cx, t, role, written_org_fit(cx, t, role) == Fit::Different);
            (message, fix.into_iter().collect())
        }
        Verdict::Ended(r, now) => {
            let until = roles[r].end.map(format_date).unwrap_or_default();
            let message = format!(
                "{name} was {} until {until} and {} {}{}.",
                role_name(r),
                has_been(&roles[now]),
                role_name(now),
                since(&roles[now])
            );
            // The written organisation was the old role's; it changes when the new role's differs.
            let moved =
                roles[r].of != roles[now].of && written_org_fit(cx, t, &roles[now]) != Fit::Same;
            let mut fixes: Vec<Fix> = current_title(cx, t, &roles[now], moved)
                .into_iter()
                .collect();
            fixes.extend(add_former(cx, t));
            (message, fixes)
        }
        Verdict::Others(other, now) => {
            let message = format!(
                "{name} {} {}{}; {written} is {}'s title.",
                has_been(&roles[now]),
                role_name(now),
                since(&roles[now]),
                cx.registry.entity(other).name
            );
            let moved = written_org_fit(cx, t, &roles[now]) != Fit::Same;
            (
                message,
                current_title(cx, t, &roles[now], moved)
                    .into_iter()
                    .collect(),
            )
        }
        Verdict::NotYet(r) => {
            let start = roles[r].start.map(format_date).unwrap_or_default();
            let message = format!(
                "{name} became {} only on {start}, after this story's date.",
                role_name(r)
            );
            (message, Vec::new())
        }
        Verdict::StillHeld(r) => {
            let message = format!(
                "{name} is not a former {written}: {name} {} {}{}.",
                has_been(&roles[r]),
                role_name(r),
                since(&roles[r])
            );
            let fix = t.former.clone().map(|range| {
                Fix::replace(
                    format!("Remove \"{}\"", cx.source[range.clone()].trim()),
                    range,
                    "",
                )
            });
            (message, fix.into_iter().collect())
        }
    };
    let mut finding =
        Finding::new(Code::TitleMismatch, t.range.clone(), message).with_entity(&entity.id);
    for fix in fixes {
        finding = finding.with_fix(fix);
    }
    Some(finding)
}

fn has_been(role: &Role) -> &'static str {
    if role.start.is_some() {
        "has been"
    } else {
        "is"
    }
}

fn since(role: &Role) -> String {
    role.start
        .map(|s| format!(" since {}", format_date(s)))
        .unwrap_or_default()
}

fn written_org_fit(cx: &Context, t: &TitleMention, role: &Role) -> Fit {
    match (&t.org, &role.of) {
        (Some(written), Some(of)) => org_fit(cx.registry, &written.org, of),
        _ => Fit::Unknown,
    }
}

/// The fix that writes the role's title in place of the written one, in the same case style,
/// and its organisation in place of the written one when `org_changes`.
fn current_title(cx: &Context, t: &TitleMention, role: &Role, org_changes: bool) -> Option<Fix> {
    if t.verb {
        return None;
    }
    let mut edits = Vec::new();
    let new_title = styled(&role.title, &t.written);
    if relation(cx.registry, &t.normalised, None, role) != Relation::Same {
        edits.push(Edit {
            range: t.range.clone(),
            new_text: new_title.clone(),
        });
    }
    if let Some(article) = article_before(cx.source, t.range.start) {
        let wanted = if starts_with_vowel_sound(&new_title) {
            "an"
        } else {
            "a"
        };
        if !article.1.eq_ignore_ascii_case(wanted) {
            edits.push(Edit {
                range: article.0,
                new_text: styled(wanted, article.1),
            });
        }
    }
    let mut label = new_title;
    if let (Some(written), true) = (&t.org, org_changes) {
        if written.range.start > t.range.start && t.lead < t.range.start {
            // "China's ambassador to the United States": the words before the title would
            // need rewriting too; leave it to the editor.
            return None;
        }
        // A role without an organisation has none to write in place of the written one.
        let org = cx.registry.of_name(role.of.as_ref()?);
        edits.push(Edit {
            range: written.range.clone(),
            new_text: org.to_string(),
        });
        label = if written.range.start < t.range.start {
            format!("{org} {label}")
        } else {
            format!("{label} of {}", org_name(org))
        };
    }
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| e.range.start);
    Some(Fix {
        title: format!("Change to \"{label}\""),
        edits,
    })
}

/// The fix that marks an old title as former: "former secretary of ...".
fn add_former(cx: &Context, t: &TitleMention) -> Option<Fix> {
    if t.verb || t.former.is_some() {
        return None;
    }
    // Before whatever qualifies the title: "former Russian Prime Minister", "former CCDI
    // Secretary"; capitalised where it opens a sentence.
    let at = match t.placement {
        Placement::Before => t.lead.min(t.range.start),
        // "China's former ambassador".
        Placement::After | Placement::Clause => t.range.start,
    };
    let before = cx.source[..at].trim_end_matches([' ', '\t']);
    let opens_sentence = before.is_empty() || before.ends_with(['.', '!', '?', '\n', '"', '“']);
    let former = if opens_sentence { "Former " } else { "former " };
    Some(Fix::replace("Add \"former\"", at..at, former))
}

/// The indefinite article right before `at`, with its source range: "a", "an".
fn article_before(source: &str, at: usize) -> Option<(std::ops::Range<usize>, &str)> {
    let before = source[..at].strip_suffix(' ')?;
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    (word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an"))
        .then_some((word_start..before.len(), word))
}

/// Whether a title takes "an": "an associate", "an acting", but "a European".
fn starts_with_vowel_sound(title: &str) -> bool {
    let lower = title.to_lowercase();
    lower.starts_with(['a', 'e', 'i', 'o', 'u']) && !lower.starts_with("eu")
}

/// Another title for the same person, not both roles held on the story's date.
fn inconsistent(cx: &Context, titles: &[TitleMention], out: &mut Vec<Finding>) {
    let current: Vec<&TitleMention> = titles
        .iter()
        .filter(|t| t.tense == Tense::Current)
        .collect();
    let mut reported: Vec<(u32, &str, &str)> = Vec::new();
    for (j, later) in current.iter().enumerate() {
        let Some(earlier) = current[..j].iter().find(|earlier| {
            earlier.entity == later.entity
                && earlier.mention != later.mention
                && !same_title(cx, earlier, later)
                && !(earlier.held_on(cx.registry, cx.date) && later.held_on(cx.registry, cx.date))
        }) else {
            continue;
        };
        let pair = (
            later.entity,
            earlier.normalised.as_str(),
            later.normalised.as_str(),
        );
        if reported.contains(&pair) {
            continue;
        }
        reported.push(pair);
        let entity = cx.registry.entity(later.entity);
        let name = &entity.name;
        let held: Vec<String> = entity
            .roles_on(cx.date)
            .map(|r| role_name(cx.registry, r, None))
            .collect();
        let advice = if held.is_empty() {
            "use one title".to_string()
        } else {
            format!("the registry has {name} as {}", held.join(" and "))
        };
        let message = format!(
            "{name} is called \"{}\" here but \"{}\" earlier; {advice}.",
            later.written, earlier.written
        );
        out.push(
            Finding::new(Code::TitleInconsistent, later.range.clone(), message)
                .with_entity(&entity.id)
                .with_related(
                    earlier.range.clone(),
                    format!("{name} is called \"{}\" here.", earlier.written),
                ),
        );
    }
}

/// Whether two titles say the same thing: they name a common role, or read the same and do not
/// name different organisations.
fn same_title(cx: &Context, a: &TitleMention, b: &TitleMention) -> bool {
    if a.roles.iter().any(|r| b.roles.contains(r)) {
        return true;
    }
    if a.normalised != b.normalised {
        return false;
    }
    match (
        a.org.as_ref().map(|o| &o.org),
        b.org.as_ref().map(|o| &o.org),
    ) {
        (Some(Org::Entity(x)), Some(Org::Entity(y))) => {
            let (x, y) = (cx.registry.entity(*x), cx.registry.entity(*y));
            x.id == y.id
                || (x.kind == crate::registry::Kind::Place)
                    != (y.kind == crate::registry::Kind::Place)
        }
        _ => true,
    }
}

/// A title as it reads inside a sentence: lower case, but acronyms kept ("CEO").
fn running_text(written: &str) -> String {
    written
        .split(' ')
        .map(|w| {
            let acronym = w.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !w.chars().any(char::is_lowercase);
            if acronym {
                w.to_string()
            } else {
                w.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `title` in the case style of `like`: "Vice Chairman" makes "Chairman", "vice chairman"
/// makes "chairman".
fn styled(title: &str, like: &str) -> String {
    const SMALL: &[&str] = &["of", "the", "and", "for", "to", "at", "in"];
    let words: Vec<&str> = like.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let upper = !like.chars().any(char::is_lowercase) && like.chars().any(char::is_uppercase);
    let every = words.iter().filter(|w| !SMALL.contains(w)).all(capital);
    let first = words.first().is_some_and(capital);
    let cap = |w: &str| {
        let mut c = w.chars();
        c.next()
            .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
    };
    if upper && words.len() > 1 {
        title.to_uppercase()
    } else if every && first {
        title
            .split_inclusive([' ', '-'])
            .enumerate()
            .map(|(i, w)| {
                if i > 0 && SMALL.contains(&w.trim_end_matches([' ', '-'])) {
                    w.to_string()
                } else {
                    cap(w)
                }
            })
            .collect()
    } else if first {
        cap(title)
    } else {
        title.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_keep_the_written_case_style() {
        assert_eq!(styled("chairman", "Vice Chairman"), "Chairman");
        assert_eq!(styled("chairman", "vice chairman"), "chairman");
        assert_eq!(
            styled("secretary of state", "Deputy Secretary"),
            "Secretary of State"
        );
        assert_eq!(
            styled("first deputy prime minister", "Vice-premier"),
            "First deputy prime minister"
        );
    }

    fn mismatches(registry_json: &str, story: &str, date: &str) -> Vec<String> {
        use crate::analysis::{analyze, parse_date, Format, Settings};
        use crate::registry::{parse_registry, Registry};
        let registry = Registry::from_files([parse_registry("r.json", registry_json).unwrap()]);
        let settings = Settings {
            date: parse_date(date),
            today: parse_date(date).unwrap(),
            severity: Default::default(),
        };
        analyze(story, Format::Text, &registry, &settings)
            .findings
            .into_iter()
            .filter(|f| f.code == Code::TitleMismatch)
            .map(|f| f.message)
            .collect()
    }

    /// A role with no end is known only up to the registry's `as_of` (issue 13): after it, the
    /// person may have moved on, so "former" and "the wrong office" are not claimed; a role
    /// that ended before `as_of` stays a fact.
    #[test]
    fn open_roles_are_not_assumed_to_continue_after_as_of() {
        let registry = |as_of: &str| {
            format!(
                r#"{{"version": 1, {as_of} "entities": [
  {{"id": "p", "kind": "person", "name": "Anna Kovacs", "roles": [
    {{"title": "prime minister", "start": "2020-01-01"}},
    {{"title": "foreign minister", "start": "2015-01-01", "end": "2020-01-01"}}]}}]}}"#
            )
        };
        let former = "Former Prime Minister Anna Kovacs spoke on Monday.";
        let ended = "Foreign Minister Anna Kovacs spoke on Monday.";
        let dated = registry(r#""as_of": "2024-06-30","#);
        assert_eq!(mismatches(&dated, former, "2024-06-30").len(), 1);
        assert!(mismatches(&dated, former, "2024-07-01").is_empty());
        assert_eq!(mismatches(&dated, ended, "2024-07-01").len(), 1);
        assert_eq!(mismatches(&registry(""), former, "2030-01-01").len(), 1);
    }

    #[test]
    fn titles_read_in_running_text_in_lower_case() {
        assert_eq!(running_text("Vice Chairman"), "vice chairman");
        assert_eq!(running_text("CEO"), "CEO");
    }
}
