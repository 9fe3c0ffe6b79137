//! The fixes a title finding offers: the right title in the text's own case style, "former",
//! "then-", or "former" taken away.

use crate::analysis::titles::{org_name, relation, Placement, Relation, TitleMention};
use crate::analysis::{Context, Edit, Fix};
use crate::registry::Role;

/// The fix that writes the role's title in place of the written one, in the same case style,
/// and its organisation in place of the written one when `org_changes`.
pub(super) fn current_title(
    cx: &Context,
    t: &TitleMention,
    role: &Role,
    org_changes: bool,
) -> Option<Fix> {
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
pub(super) fn add_former(cx: &Context, t: &TitleMention) -> Option<Fix> {
    if t.verb || t.former.is_some() {
        return None;
    }
    // Before whatever qualifies the title: "former Russian Prime Minister", "former CCDI
    // Secretary"; capitalised where it opens a sentence.
    let at = insertion_point(cx.source, t);
    let former = if opens_sentence(cx.source, at) {
        "Former "
    } else {
        "former "
    };
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

/// The fix that marks a title as held at the time described: "then-Prime Minister".
pub(super) fn add_then(cx: &Context, t: &TitleMention) -> Option<Fix> {
    if t.verb || t.former.is_some() {
        return None;
    }
    let at = insertion_point(cx.source, t);
    let then = if opens_sentence(cx.source, at) {
        "Then-"
    } else {
        "then-"
    };
    let mut edits = vec![Edit {
        range: at..at,
        new_text: then.to_string(),
    }];
    // "The prime minister" opening a sentence: "Then-" takes the sentence's capital.
    let lower_case_title = !t
        .written
        .split(' ')
        .skip(1)
        .any(|w| w.starts_with(char::is_uppercase));
    if let Some(first) = cx.source[at..].chars().next() {
        if then == "Then-" && first.is_uppercase() && lower_case_title && t.written.contains(' ') {
            edits[0].range = at..at + first.len_utf8();
            edits[0].new_text = format!("{then}{}", first.to_lowercase());
        }
    }
    Some(Fix {
        title: "Add \"then-\"".into(),
        edits,
    })
}

/// The fix that writes "then-" for a "former" that was not yet former at the time described.
pub(super) fn former_to_then(cx: &Context, t: &TitleMention) -> Option<Fix> {
    let range = t.former.clone()?;
    let written = cx.source.get(range.clone())?;
    let then = if written.starts_with(char::is_uppercase) {
        "Then-"
    } else {
        "then-"
    };
    Some(Fix::replace(
        format!("Change \"{}\" to \"{then}\"", written.trim()),
        range,
        then,
    ))
}

/// The fix that takes "former" away from a role held now, capitalising what then opens the
/// sentence.
pub(super) fn remove_former(cx: &Context, t: &TitleMention) -> Option<Fix> {
    let range = t.former.clone()?;
    let written = cx.source.get(range.clone())?;
    let next = cx.source[range.end..].chars().next();
    let mut edits = vec![Edit {
        range: range.clone(),
        new_text: String::new(),
    }];
    if let Some(c) = next.filter(|c| written.starts_with(char::is_uppercase) && c.is_lowercase()) {
        edits[0].range = range.start..range.end + c.len_utf8();
        edits[0].new_text = c.to_uppercase().collect();
    }
    Some(Fix {
        title: format!("Remove \"{}\"", written.trim()),
        edits,
    })
}

/// Where "former" or "then-" goes: before whatever qualifies a title written before the name
/// ("former Russian Prime Minister"), at the title after it ("China's former ambassador").
/// A possessive keeps its place: "Ukraine's former Foreign Minister".
fn insertion_point(source: &str, t: &TitleMention) -> usize {
    let lead = t.lead.min(t.range.start);
    let possessive = source
        .get(lead..t.range.start)
        .is_some_and(|q| q.contains("'s ") || q.contains("\u{2019}s "));
    match t.placement {
        Placement::Before if !possessive => lead,
        _ => t.range.start,
    }
}

fn opens_sentence(source: &str, at: usize) -> bool {
    let before = source[..at].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', '"', '“'])
}

/// A title as it reads inside a sentence: lower case, but acronyms kept ("CEO").
pub(super) fn running_text(written: &str) -> String {
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
pub(super) fn styled(title: &str, like: &str) -> String {
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

    #[test]
    fn titles_read_in_running_text_in_lower_case() {
        assert_eq!(running_text("Vice Chairman"), "vice chairman");
        assert_eq!(running_text("CEO"), "CEO");
    }
}
