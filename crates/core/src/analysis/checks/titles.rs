//! `title-mismatch` and `title-inconsistent`: titles checked against the registry's roles as
//! held on the story's date, and against each other.
//!
//! What it flags: a title that names a role the person has left ("has not been prime minister
//! since ...") or does not yet hold, the right office at the wrong rank or in the wrong
//! organisation ("vice chairman" for the chairman), another office of the organisation the
//! person serves ("Prime Minister" for its president), "former" for a role still held or held
//! again; a title held at the time a sentence describes, written as the newsroom's
//! `titles.historical` style does not allow; and one person called two different things in one
//! story when they are not both roles held on its date.
//! Why: an old title copied from last year's story, or a "vice" that slipped in, is a quiet
//! error that ends in a correction.
//! Example: on 26 August 2025, "Zhao Leji, vice chairman of China's NPC Standing Committee"
//! gives "Zhao Leji has been chairman, not vice chairman, of the NPC Standing Committee since
//! 10 March 2023."
//!
//! A title the registry cannot judge (an office unrelated to any of the person's roles and
//! unknown in their organisation) is not a mismatch: the registry is evidence, not the whole
//! truth.

mod fixes;

use crate::analysis::titles::{
    format_date, normalise, org_fit, org_name, relation, role_name, Fit, Org, Placement, Relation,
    Tense, TitleMention,
};
use crate::analysis::{Check, Code, Context, Finding, Fix, Historical, Reference};
use crate::registry::{Entity, EntityIdx, Kind, Role, RoleOf};
use fixes::{
    add_former, add_then, current_title, former_to_then, remove_former, running_text, styled,
};

codes! {
    /// A title next to a registry person that disagrees with the role the registry gives for
    /// the story's date: a role ended or not yet begun, the right office at the wrong rank or in
    /// the wrong organisation or another office of the same one, "former" for a role still held
    /// or held again. The fix is the registry's title, "former", or "then-" when the sentence
    /// is about the time the role was held (`titles.historical`).
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
        let titles = cx.titles;
        let mut people: Vec<EntityIdx> = cx
            .mentions
            .iter()
            .map(|m| m.entity)
            .filter(|&e| cx.registry.entity(e).kind == Kind::Person)
            .collect();
        people.sort_unstable();
        people.dedup();
        for t in titles {
            out.extend(mismatch(cx, t, &people));
        }
        inconsistent(cx, titles, out);
    }
}

/// What is wrong with a title, by the role it should have named.
enum Verdict {
    /// The right office, the wrong rank or organisation, or another office of the same
    /// organisation: the role held instead.
    Wrong(usize),
    /// A role that ended before the story, and the role held now.
    Ended(usize, usize),
    /// A role that ended before the story; the person holds nothing of that title now.
    Stale(usize),
    /// A role held at the time the sentence describes, and no longer: "then-" is wanted.
    Then(usize),
    /// "former" for a role held at the time the sentence describes (AP style wants "then-").
    FormerThen(usize),
    /// A role that starts after the story's date.
    NotYet(usize),
    /// "former" for a role still held.
    StillHeld(usize),
    /// "former" for a role held again after a break: the current term.
    Again(usize),
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
            .or_else(|| held.first().copied())
    };
    match t.tense {
        Tense::Current => {
            if named(&|r| r.held_on(date)).is_some() {
                return None;
            }
            if let Some(r) = named(&|r| r.ended_before(date)) {
                let then = t.describes_time_of(&roles[r]);
                // The contract's default asks for "then-" here; only a desk that allows
                // historical titles also lets a former president keep the courtesy title.
                if cx.historical == Historical::Allow && courtesy(cx, &roles[r]) && (then || t.past)
                {
                    return None;
                }
                if then {
                    return (cx.historical != Historical::Allow).then_some(Verdict::Then(r));
                }
                return match successor(r) {
                    Some(now) => Some(Verdict::Ended(r, now)),
                    // On the day the term ends, the story may be about the leaving.
                    None if roles[r].end == Some(date) => None,
                    None => Some(Verdict::Stale(r)),
                };
            }
            if held.is_empty() || t.second_reference {
                return None;
            }
            if let Some(r) = named(&not_yet) {
                return Some(Verdict::NotYet(r));
            }
            if let Some(r) = related(&held, &t.normalised, org) {
                return sure(r).then_some(Verdict::Wrong(r));
            }
            if let Some(r) = related(&ended, &t.normalised, org) {
                if t.describes_time_of(&roles[r]) {
                    return None;
                }
                return Some(Verdict::Ended(r, successor(r)?));
            }
            if let Some(r) = another_office(cx, t, &held) {
                return sure(r).then_some(Verdict::Wrong(r));
            }
            someone_elses(cx, t, people).map(|(other, _)| Verdict::Others(other, held[0]))
        }
        Tense::Former => {
            if let Some(now) = named(&|r| r.held_on(date)) {
                let before = named(&|r| r.ended_before(date));
                return match before {
                    None => sure(now).then_some(Verdict::StillHeld(now)),
                    Some(b) if roles[b].of == roles[now].of => {
                        sure(now).then_some(Verdict::Again(now))
                    }
                    // Held elsewhere before: "former" may mean that one.
                    Some(_) => None,
                };
            }
            if let Some(r) = named(&|r| r.ended_before(date)) {
                let then_wanted =
                    cx.historical == Historical::Then && t.describes_only_time_of(&roles[r]);
                return then_wanted.then_some(Verdict::FormerThen(r));
            }
            named(&not_yet).map(Verdict::NotYet)
        }
        Tense::Past => {
            if named(&|r| !not_yet(r)).is_some() {
                return None;
            }
            named(&not_yet).map(Verdict::NotYet)
        }
    }
}

/// The held role whose organisation has the written title as another of its offices, held by
/// someone in the registry: "Prime Minister Macron" when the registry knows France's prime
/// ministers and has Macron as its president. The title must name no role of this person.
fn another_office(cx: &Context, t: &TitleMention, held: &[usize]) -> Option<usize> {
    // Only a title written before a full name: after a name, or on a family name alone, the
    // title may be someone else's ("Obama, Secretary of Commerce Penny Pritzker").
    let full = cx.mentions[t.mention].reference != Reference::FamilyName;
    if !t.roles.is_empty() || t.verb || t.placement != Placement::Before || !full {
        return None;
    }
    let entity = cx.registry.entity(t.entity);
    held.iter().copied().find(|&r| {
        let Some(of) = &entity.roles[r].of else {
            return false;
        };
        if written_org_fit(cx, t, &entity.roles[r]) == Fit::Different {
            return false;
        }
        cx.registry.iter().any(|e| {
            e.id != entity.id
                && e.kind == Kind::Person
                && e.roles.iter().any(|o| {
                    o.of.as_ref() == Some(of)
                        && relation(cx.registry, &t.normalised, None, o) == Relation::Same
                })
        })
    })
}

/// Whether a family name alone ("President Clinton") may be another registry person of that
/// name, one the title fits: then the title may be theirs, and nothing is said.
fn namesake_fits(cx: &Context, t: &TitleMention, entity: &Entity) -> bool {
    if cx.mentions[t.mention].reference != Reference::FamilyName {
        return false;
    }
    let family = entity.family_name();
    cx.registry.iter().any(|e| {
        e.id != entity.id
            && e.kind == Kind::Person
            && e.family_name() == family
            && e.roles
                .iter()
                .any(|r| relation(cx.registry, &t.normalised, None, r) == Relation::Same)
    })
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

/// Whether a former holder of `role` keeps its title by courtesy: a republic's president
/// remains "President Ortiz" in a sentence about the past ("President Ortiz signed the treaty
/// in 1998", "under President Ortiz"), which US desks write without "then-" (read only under
/// `titles.historical: "allow"`); a prime minister or a minister does not.
fn courtesy(cx: &Context, role: &Role) -> bool {
    let head_of_state = match &role.of {
        Some(RoleOf::Entity(id)) => cx.registry.get(id).is_some_and(|e| e.kind == Kind::Place),
        _ => false,
    };
    head_of_state && normalise(&role.title) == "president"
}

fn mismatch(cx: &Context, t: &TitleMention, people: &[EntityIdx]) -> Option<Finding> {
    if t.quoted {
        // The speaker's words: a copy editor does not change a quotation.
        return None;
    }
    let entity = cx.registry.entity(t.entity);
    let verdict = verdict(cx, t, entity, people)?;
    if namesake_fits(cx, t, entity) {
        return None;
    }
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
        Verdict::Stale(r) => {
            let until = roles[r].end.map(format_date).unwrap_or_default();
            let message = format!("{name} has not been {} since {until}.", roles[r].title);
            (message, add_former(cx, t).into_iter().collect())
        }
        Verdict::Then(r) => {
            let until = roles[r].end.map(format_date).unwrap_or_default();
            let then = format!("then-{}", styled(&roles[r].title, &t.written));
            let mut fixes: Vec<Fix> = add_then(cx, t).into_iter().collect();
            let also = if cx.historical == Historical::Former {
                fixes.extend(add_former(cx, t));
                format!(" or \"former {}\"", styled(&roles[r].title, &t.written))
            } else {
                String::new()
            };
            let message = format!(
                "{name} has not been {} since {until}; for the time this sentence describes, write \"{then}\"{also}.",
                roles[r].title
            );
            (message, fixes)
        }
        Verdict::FormerThen(r) => {
            let message = format!(
                "{name} was still {} at the time this sentence describes; write \"then-{}\", not \"former\".",
                roles[r].title,
                styled(&roles[r].title, &t.written)
            );
            (message, former_to_then(cx, t).into_iter().collect())
        }
        Verdict::Again(r) => {
            let message = format!(
                "{name} {} {} again{}.",
                has_been(&roles[r]),
                roles[r].title,
                since(&roles[r])
            );
            (message, remove_former(cx, t).into_iter().collect())
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
            (message, remove_former(cx, t).into_iter().collect())
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

/// Another title for the same person, not both roles held on the story's date.
fn inconsistent(cx: &Context, titles: &[TitleMention], out: &mut Vec<Finding>) {
    let current: Vec<&TitleMention> = titles
        .iter()
        .filter(|t| {
            t.tense == Tense::Current && !t.second_reference && !t.quoted && !about_then(cx, t)
        })
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

/// Whether the sentence is about a time when a role the title names was held.
fn about_then(cx: &Context, t: &TitleMention) -> bool {
    let roles = &cx.registry.entity(t.entity).roles;
    t.roles.iter().any(|&r| t.describes_time_of(&roles[r]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mismatches(registry_json: &str, story: &str, date: &str) -> Vec<String> {
        use crate::analysis::{analyze, parse_date, Format, Settings};
        use crate::registry::{parse_registry, Registry};
        let registry = Registry::from_files([parse_registry("r.json", registry_json).unwrap()]);
        let settings = Settings {
            date: parse_date(date),
            today: parse_date(date).unwrap(),
            severity: Default::default(),
            historical: Default::default(),
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
}
