//! Drafts: wire copy and live blogs dense with mentions of registry entities.
//!
//! A story has a cast drawn from the first [`POOL`] entities: people introduced by full name and
//! title, then by family name; organisations by name or alias; places. Sentences mix attributed
//! claims ("said", "added", "according to"), unattributed figures and predictions, plain events,
//! quotes, a broken trailing attribution now and then, titles before names, and misspelled or
//! swapped names (about one mention in twenty), some with a wrong title.

use super::names::{place_name, TITLES};
use super::{entity, Entity, Rng, Size};
use std::collections::HashSet;

/// The story date written on every draft's first line: roles without an end are held on it.
pub const STORY_DATE: &str = "2026-01-15";

/// Casts are drawn from entities `0..POOL`, present in every generated registry.
pub const POOL: usize = 10_000;

const THINGS: &[&str] = &[
    "grain",
    "steel",
    "natural gas",
    "public housing",
    "rail freight",
    "electricity",
    "fertiliser",
    "semiconductors",
    "medical supplies",
    "fishing quotas",
    "pension reform",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const SAYS: &[&str] = &[
    "said",
    "told reporters",
    "said in a statement",
    "noted",
    "told parliament",
];

struct Cast {
    people: Vec<Entity>,
    orgs: Vec<Entity>,
    places: Vec<String>,
}

impl Cast {
    fn draw(rng: &mut Rng) -> Cast {
        let mut cast = Cast {
            people: Vec::new(),
            orgs: Vec::new(),
            places: (0..3).map(|_| place_name(rng)).collect(),
        };
        while cast.people.len() < 8 || cast.orgs.len() < 5 {
            let e = entity(rng.below(POOL));
            match e.kind {
                "person" if cast.people.len() < 8 => cast.people.push(e),
                "organization" if cast.orgs.len() < 5 => cast.orgs.push(e),
                _ => {}
            }
        }
        cast
    }
}

struct Writer {
    rng: Rng,
    cast: Cast,
    introduced: HashSet<String>,
    out: String,
    words: usize,
}

pub fn write(size: Size, seed: u64) -> String {
    let mut rng = Rng::for_item(3, seed as usize);
    let cast = Cast::draw(&mut rng);
    let mut w = Writer {
        rng,
        cast,
        introduced: HashSet::new(),
        out: String::new(),
        words: 0,
    };
    let live = matches!(size, Size::Bytes(_));
    let headline = format!(
        "{} and {} agree on {}",
        w.cast.orgs[0].name, w.cast.orgs[1].name, THINGS[0]
    );
    w.out.push_str(&format!("date {STORY_DATE} {headline}\n\n"));
    let mut paragraph = 0;
    loop {
        let done = match size {
            Size::Words(n) => w.words >= n,
            Size::Bytes(n) => w.out.len() >= n,
        };
        if done {
            break;
        }
        if live && paragraph % 4 == 0 {
            w.out.push_str(&format!(
                "### {:02}:{:02}\n\n",
                6 + paragraph / 240 % 18,
                paragraph / 4 % 60
            ));
        } else if !live && paragraph % 8 == 7 {
            w.out.push_str("## What comes next\n\n");
        }
        if live && paragraph % 40 == 39 {
            w.cast = Cast::draw(&mut w.rng);
        }
        let text = match w.rng.below(12) {
            0 => w.quote_block(),
            1 => w.list(),
            _ => w.paragraph(),
        };
        w.words += text.split_whitespace().count();
        w.out.push_str(&text);
        w.out.push_str("\n\n");
        paragraph += 1;
    }
    w.out
}

impl Writer {
    fn person(&mut self) -> Entity {
        self.rng.pick(&self.cast.people).clone()
    }

    fn org(&mut self) -> Entity {
        self.rng.pick(&self.cast.orgs).clone()
    }

    /// How the story names an organisation: its name, or one of its aliases.
    fn org_name(&mut self, e: &Entity) -> String {
        match self.rng.chance(40) && !e.aliases.is_empty() {
            true => self.rng.pick(&e.aliases).clone(),
            false => self.spell(&e.name),
        }
    }

    /// The full name on first reference (with a title when the person holds one), the family
    /// name after.
    fn name(&mut self, e: &Entity) -> String {
        if self.introduced.insert(e.id.clone()) {
            let name = self.spell(&e.name);
            match self.title(e) {
                Some(title) => format!("{name}, {title},"),
                None => name,
            }
        } else {
            self.spell(e.family())
        }
    }

    /// "chairman of Norvik Steel Group", now and then a title the registry does not give.
    fn title(&mut self, e: &Entity) -> Option<String> {
        let role = e.roles.iter().find(|r| r.current)?;
        let title = match self.rng.chance(5) {
            true => self.rng.pick(TITLES).to_string(),
            false => role.title.clone(),
        };
        let of = match role.of_entity {
            Some(j) => entity(j).name,
            None => role.of.clone().unwrap_or_default(),
        };
        Some(format!("{title} of {of}"))
    }

    /// A name as written, misspelled about one time in twenty.
    fn spell(&mut self, name: &str) -> String {
        if !self.rng.chance(5) {
            return name.to_string();
        }
        let words: Vec<&str> = name.split(' ').collect();
        if words.len() == 2 && self.rng.chance(20) {
            return format!("{} {}", words[1], words[0]);
        }
        let longest = words
            .iter()
            .enumerate()
            .max_by_key(|(_, w)| w.chars().count())
            .map_or(0, |(i, _)| i);
        let mut chars: Vec<char> = words[longest].chars().collect();
        if chars.len() < 5 {
            return name.to_string();
        }
        let at = self.rng.range(1, chars.len() - 3);
        match self.rng.below(3) {
            0 => chars.swap(at, at + 1),
            1 => {
                chars.remove(at);
            }
            _ => chars.insert(at, chars[at]),
        }
        let typo: String = chars.into_iter().collect();
        let mut out = words.clone();
        out[longest] = &typo;
        out.join(" ")
    }

    fn figure(&mut self) -> usize {
        self.rng.range(2, 95)
    }

    fn clause(&mut self) -> String {
        let thing = *self.rng.pick(THINGS);
        let org = self.org();
        let org = self.org_name(&org);
        let n = self.figure();
        match self.rng.below(7) {
            0 => format!("the government would raise spending on {thing} by {n} percent next year"),
            1 => format!("talks with {org} had been constructive"),
            2 => format!("the decision on {thing} was the worst mistake in a decade"),
            3 => format!("{thing} prices were likely to fall before the end of the year"),
            4 => format!("the agreement with {org} would create {n},000 jobs"),
            5 => format!("{org} had not been consulted on {thing}"),
            _ => format!("both sides should deepen cooperation on {thing}"),
        }
    }

    fn sentence(&mut self) -> String {
        let person = self.person();
        let day = *self.rng.pick(WEEKDAYS);
        let thing = *self.rng.pick(THINGS);
        match self.rng.below(13) {
            0 | 1 => {
                let (name, clause, says) =
                    (self.name(&person), self.clause(), *self.rng.pick(SAYS));
                format!("{name} {says} on {day} that {clause}.")
            }
            2 => format!("{} added that {}.", self.name(&person), self.clause()),
            3 => {
                let org = self.org();
                format!("According to {}, {}.", self.org_name(&org), self.clause())
            }
            4 => {
                let org = self.org();
                let (org, n) = (self.org_name(&org), self.figure());
                format!("{org} recorded a {n} percent rise in {thing} exports last year, the highest level in its history.")
            }
            5 => format!("The reform is the most ambitious overhaul of {thing} in a generation."),
            6 => format!("Prices of {thing} will double by 2030."),
            7 => {
                let place = self.rng.pick(&self.cast.places).clone();
                format!("The meeting was held in {place} on {day}.")
            }
            8 => {
                let (a, b) = (self.org(), self.org());
                format!(
                    "Delegations from {} and {} attended the session.",
                    self.org_name(&a),
                    self.org_name(&b)
                )
            }
            9 => {
                let org = self.org();
                let (clause, name) = (capitalise(&self.clause()), self.spell(&person.name));
                format!(
                    "{clause}, {name}, a senior fellow at {}.",
                    self.org_name(&org)
                )
            }
            10 => match person.roles.iter().find(|r| r.current) {
                Some(role) => {
                    let other = self.person();
                    let (family, other) = (self.spell(person.family()), self.name(&other));
                    format!(
                        "{} {family} also met {other} on {day}.",
                        capitalise(&role.title)
                    )
                }
                None => format!("The closure was caused by a shortage of {thing}."),
            },
            _ => {
                let (clause, name) = (capitalise(&self.clause()), self.name(&person));
                format!("\"{clause},\" {name} said.")
            }
        }
    }

    fn paragraph(&mut self) -> String {
        let n = self.rng.range(3, 5);
        let sentences: Vec<String> = (0..n).map(|_| capitalise(&self.sentence())).collect();
        sentences.join(" ")
    }

    fn quote_block(&mut self) -> String {
        let person = self.person();
        let clause = capitalise(&self.clause());
        format!(
            "> \"{clause}.\"\n\n{} said so in [a statement](https://example.org/statements/{}).",
            self.spell(&person.name),
            person.id
        )
    }

    fn list(&mut self) -> String {
        let items: Vec<String> = (0..3)
            .map(|_| format!("- {}", capitalise(&self.sentence())))
            .collect();
        items.join("\n")
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
