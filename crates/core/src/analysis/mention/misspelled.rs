//! Misspelled mentions: name-like runs of capitalised words near a registry form.

use super::shared::shared_candidates;
use super::*;
use crate::analysis::attribution;
use crate::analysis::tokens::Case;

impl Finder<'_> {
    /// Name-like runs near a registry form, longest span first. A span may take in exact
    /// mentions of the same entity: "Luis Inácio Lula da Silva" is one misspelled name, not a
    /// misspelling around the correct alias "Lula".
    pub(super) fn misspelled(
        &self,
        block: &BlockTokens,
        taken: &mut [bool],
        reads: &mut Vec<Read>,
    ) {
        let words = &block.words;
        let mut exact_at: Vec<Option<usize>> = vec![None; words.len()];
        for (k, r) in reads.iter().enumerate() {
            exact_at[r.words.clone()]
                .iter_mut()
                .for_each(|o| *o = Some(k));
        }
        let mut near_taken = vec![false; words.len()];
        let mut absorbed = Vec::new();
        let mut found = Vec::new();
        let longest = self.registry.index().longest_form().min(MAX_NAME_WORDS);
        for run in name_runs(block) {
            for len in (1..=run.len().min(longest)).rev() {
                for start in run.start..=run.end - len {
                    let span = start..start + len;
                    if near_taken[span.clone()].iter().any(|&t| t)
                        || !ends_name(block, span.end - 1)
                        || splits_hyphenated(block, &span)
                    {
                        continue;
                    }
                    let mut inside: Vec<usize> =
                        exact_at[span.clone()].iter().flatten().copied().collect();
                    inside.dedup();
                    let covered: usize = inside.iter().map(|&k| reads[k].words.len()).sum();
                    let within = |k: &usize| {
                        span.start <= reads[*k].words.start && reads[*k].words.end <= span.end
                    };
                    if covered == len || !inside.iter().all(within) {
                        continue;
                    }
                    let Some(r) = self.near_form(block, span.clone()) else {
                        continue;
                    };
                    if cuts_a_longer_name(block, &run, &span, &exact_at)
                        || self.titled_otherwise(block, &span, &r)
                    {
                        continue;
                    }
                    if inside.iter().any(|&k| reads[k].entity != r.entity) {
                        continue;
                    }
                    near_taken[span].iter_mut().for_each(|t| *t = true);
                    absorbed.extend(inside);
                    found.push(r);
                }
            }
        }
        absorbed.sort_unstable();
        for k in absorbed.into_iter().rev() {
            reads.swap_remove(k);
        }
        for r in found {
            taken[r.words.clone()].iter_mut().for_each(|t| *t = true);
            reads.push(r);
        }
    }

    /// Whether a person read in `span` is written with a title none of their registry roles
    /// has: "FBI Director James Comey" is not the congressman James Comer misspelled, for a
    /// typo leaves the title right. A person with no roles cannot be judged so.
    fn titled_otherwise(&self, block: &BlockTokens, span: &Range<usize>, read: &Read) -> bool {
        let entity = self.registry.entity(read.entity);
        if entity.kind != Kind::Person || entity.roles.is_empty() {
            return false;
        }
        let words = &block.words;
        let mut first = span.start;
        while first > 0 && span.start - first < 4 && block.spaced(first - 1) {
            first -= 1;
        }
        let before: Vec<&str> = words[first..span.start].iter().map(|w| w.text).collect();
        trailing_title(&before).is_some_and(|title| {
            entity
                .roles
                .iter()
                .all(|r| relation(self.registry, &title, None, r) == Relation::Other)
        })
    }

    fn near_form(&self, block: &BlockTokens, span: Range<usize>) -> Option<Read> {
        let words = &block.words;
        let index = self.registry.index();
        let written: Vec<&str> = span
            .clone()
            .map(|i| {
                if i + 1 == span.end {
                    words[i].base()
                } else {
                    words[i].text
                }
            })
            .collect();
        let possessive = words[span.end - 1].possessive;
        let written_separators: Vec<Separator> = span
            .clone()
            .skip(1)
            .map(|i| {
                if block.hyphenated(i - 1) {
                    Separator::Hyphen
                } else if block.dotted(i - 1) {
                    Separator::Dotted
                } else {
                    Separator::Space
                }
            })
            .collect();
        let single = written.len() == 1;
        if single
            && (is_never_a_name(written[0])
                || after_given_name(block, span.start)
                || self.is_other_name(&words[span.start].lower))
        {
            return None;
        }
        let span_key = written
            .iter()
            .zip(std::iter::once(&Separator::Space).chain(&written_separators))
            .map(|(w, sep)| format!("{sep:?}{w}"))
            .collect::<String>();
        let (cost, best_form, swapped) = self.closest(span_key, &written, &written_separators)?;
        let form = index.form(best_form);
        let entity = self.registry.entity(form.entity);
        let mut read = Read {
            words: span.clone(),
            entity: form.entity,
            reference: if form.kind == FormKind::Alias {
                Reference::Alias
            } else {
                Reference::Name
            },
            spelling: if swapped {
                Spelling::Swapped
            } else {
                Spelling::Misspelled
            },
            canonical: if form.kind == FormKind::Variant {
                entity.name.clone()
            } else {
                form.text.to_string()
            },
            possessive,
        };
        if self.registry.omits_diacritics(read.entity)
            && written
                .iter()
                .zip(&form.words)
                .all(|(w, f)| spelling::near(w, f).is_some_and(|c| c <= 1))
        {
            // The default registry spells a name as the Factbook transliterates it; another
            // transliteration, or the name with its diacritics, is the name ("Bashar
            // al-Assad", "Hassan Rouhani").
            read.spelling = Spelling::Correct;
        }
        if !single && read.spelling == Spelling::Misspelled {
            // One word off by a typo in its first letter, the others right: another name
            // ("Lanny Davis" beside Danny Davis), for typos rarely touch a name's first letter.
            let mut typos = written
                .iter()
                .zip(&form.words)
                .filter(|(w, f)| spelling::near(w, f).is_none_or(|c| c >= 2));
            if let (Some((w, f)), None) = (typos.next(), typos.next()) {
                if !same_first_letter(w, f) {
                    return None;
                }
            }
        }
        if single && cost > 1 {
            // A lone word with a typo: its first letter must be right ("Dallas" is no typo of
            // Kallas), and where capitals say nothing (a sentence start, a headline in title
            // case) only a long word is a near-certain misspelling. A sentence-initial word
            // right before a reporting verb is the verb's source, a name: its capital says so.
            let capital_says_nothing = (sentence_initial(block, span.start)
                && !before_reporting_verb(block, span.end))
                || title_case(words);
            if !same_first_letter(written[0], &read.canonical)
                || (capital_says_nothing && written[0].chars().count() < 8)
            {
                return None;
            }
        }
        Some(read)
    }
}

impl Finder<'_> {
    /// The registry form closest to written words (with the separators between them). Depends
    /// only on the words and the registry: remembered by the words (`Finder::closest`), for a
    /// story repeats its names.
    pub(super) fn closest_form(&self, written: &[&str], separators: &[Separator]) -> Closest {
        let index = self.registry.index();
        let single = written.len() == 1;
        let lists: Vec<Arc<NearForms>> = written.iter().map(|w| self.near_candidates(w)).collect();
        let mut best: Option<(u32, u32, bool, EntityIdx)> = None;
        let mut tie = false;
        let generation = self.registry.generation();
        for id in shared_candidates(written, separators, &lists, index, generation) {
            let form = index.form(id);
            if form.acronym || form.words.len() != written.len() {
                continue;
            }
            let entity = self.registry.entity(form.entity);
            if single && entity.kind == Kind::Person {
                continue;
            }
            if single && entity.kind == Kind::Place && one_letter_swapped(written[0], form) {
                // One letter swapped for another in a lone word: around a country or its
                // people's name lie too many other real places and words ("Indiana",
                // "Columbia"). A letter dropped, doubled or transposed, or a lost diacritic,
                // is still a misspelling ("Tianjn", "Berlni", "Bogota").
                continue;
            }
            // Hyphenated parts compare as one word ("Ching-teh" for "Ching-te"). Without a
            // hyphen on either side the parts are the words: nothing to join.
            let hyphen = |s: &[Separator]| s.contains(&Separator::Hyphen);
            let compared = if !hyphen(separators) && !hyphen(&form.separators) {
                compare(written, &form.words, entity, index)
            } else {
                let (w_units, f_units) = (
                    units(written, separators),
                    units(&form.words, &form.separators),
                );
                if w_units.len() == f_units.len() {
                    compare(&w_units, &f_units, entity, index)
                } else {
                    compare(written, &form.words, entity, index)
                }
            };
            let Some((cost, swapped)) = compared else {
                continue;
            };
            match best {
                Some((c, _, _, e)) if cost == c && e != form.entity => tie = true,
                Some((c, _, _, _)) if cost >= c => {}
                _ => {
                    tie = false;
                    best = Some((cost, id, swapped, form.entity));
                }
            }
        }
        best.filter(|_| !tie)
            .map(|(cost, id, swapped, _)| (cost, id, swapped))
    }
}

/// Runs of capitalised words (with name particles and connectives inside).
pub(super) fn name_runs(block: &BlockTokens) -> Vec<Range<usize>> {
    let words = &block.words;
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words[i].name_like() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut j = i + 1;
        while j < words.len() && joined_in_name(block, j - 1) {
            if ends_name(block, j) {
                end = j + 1;
            } else if !PARTICLES.contains(&words[j].text) && !CONNECTIVES.contains(&words[j].text) {
                break;
            }
            j += 1;
        }
        runs.push(start..end);
        i = end;
    }
    runs
}

/// Whether `span` is only part of the name its run of capitalised words writes: a given name
/// before it ("Jim Yong Kim" is not Young Kim) or more of the name after it ("Osama bin
/// Laden"). Titles, courtesy titles, possessives, acronyms, nationality words and words an
/// exact mention took do not make a longer name ("Russian President Vladimir Putn").
fn cuts_a_longer_name(
    block: &BlockTokens,
    run: &Range<usize>,
    span: &Range<usize>,
    exact_at: &[Option<usize>],
) -> bool {
    let words = &block.words;
    let not_a_name = |i: usize| {
        let w = &words[i];
        exact_at[i].is_some() || is_never_a_name(w.text) || COURTESY.contains(&w.text)
    };
    let given_before = span.start > run.start && {
        let p = span.start - 1;
        let w = &words[p];
        w.case == Case::Capitalised
            && !w.possessive
            && !not_a_name(p)
            && !is_title_word(w.text)
            && !DEMONYM_ENDINGS.iter().any(|e| w.text.ends_with(e))
    };
    // "and", "of" join names in a run; a particle ("bin") or a name word goes on with one.
    let more_after = span.end < run.end && {
        let w = &words[span.end];
        (w.name_like() && !not_a_name(span.end)) || PARTICLES.contains(&w.text)
    };
    given_before || more_after
}

/// How nationality words end ("Russian", "British", "Chinese", "French", "Iraqi"): before a
/// name they say where the person is from, not their given name.
const DEMONYM_ENDINGS: [&str; 5] = ["an", "ish", "ese", "ch", "i"];

/// Whether a span cuts a hyphenated word in two ("Marie Le Pen" out of "Jean-Marie Le Pen").
fn splits_hyphenated(block: &BlockTokens, span: &Range<usize>) -> bool {
    (span.start > 0 && block.hyphenated(span.start - 1))
        || (span.end < block.words.len() && block.hyphenated(span.end - 1))
}

/// Whether a name can end at word `j`: a capitalised word, or a lower-case part hyphenated to
/// one ("Ching-te").
fn ends_name(block: &BlockTokens, j: usize) -> bool {
    block.words[j].name_like()
        || j.checked_sub(1)
            .is_some_and(|p| block.words[p].name_like() && block.hyphenated(p))
}

/// Whether the word at `i` follows a capitalised word as a family name follows a given name
/// ("Lenín Moreno"): then it belongs to a person, not to a one-word organisation or place.
fn after_given_name(block: &BlockTokens, i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    let prev = &block.words[p];
    prev.case == Case::Capitalised
        && !prev.digits
        && !prev.possessive
        && !is_never_a_name(prev.text)
        && block.spaced(p)
}

/// Whether two words start with the same letter, diacritics aside: typos rarely touch it.
pub(super) fn same_first_letter(a: &str, b: &str) -> bool {
    first_plain(a) == first_plain(b)
}

/// The first letter of [`spelling::plain`] of a word, folding only what it must: a word that
/// starts in ASCII keeps that letter first (decomposition moves nothing before it), lower-cased.
/// Asked for every remembered family name at every capitalised word of a long story.
pub(super) fn first_plain(s: &str) -> Option<char> {
    match s.chars().next() {
        Some(c) if c.is_ascii() => Some(c.to_ascii_lowercase()),
        _ => spelling::plain(s).chars().next(),
    }
}

/// Whether most words of a block are capitalised, as in a headline written in title case.
fn title_case(words: &[Word]) -> bool {
    let lettered = words
        .iter()
        .filter(|w| w.text.chars().any(char::is_alphabetic));
    let (n, caps) = lettered.fold((0, 0), |(n, c), w| (n + 1, c + usize::from(w.name_like())));
    n >= 4 && caps * 3 >= n * 2
}

/// Whether the word at `i` is a reporting verb ("said", "reported") right after the word
/// before it, as in "Reuters reported": the word before is then its source.
fn before_reporting_verb(block: &BlockTokens, i: usize) -> bool {
    block.words.get(i).is_some_and(|w| {
        w.case == Case::Lower && block.spaced(i - 1) && attribution::is_reporting_verb(&w.lower)
    })
}

/// Whether a word opens a sentence (so its capital says nothing about it being a name).
fn sentence_initial(block: &BlockTokens, i: usize) -> bool {
    let before = block.text()[..block.words[i].range.start]
        .trim_end_matches(|c: char| c.is_whitespace() || "\"'“‘(".contains(c));
    before.is_empty() || before.ends_with(['.', '!', '?', ':'])
}

/// Whether a lone written word is the form's with one letter swapped for another (not two
/// letters transposed), diacritics folded.
fn one_letter_swapped(written: &str, form: &crate::registry::Form) -> bool {
    let (w, f) = (spelling::plain(written), spelling::plain(&form.text));
    w.chars().count() == f.chars().count()
        && w.chars().zip(f.chars()).filter(|(a, b)| a != b).count() == 1
}
