//! The words titles are made of, and how two wordings of a title are made comparable.
//!
//! A title is a run of title words that ends in a *head*: "vice chairman", "foreign minister",
//! "secretary-general". Words outside these lists ("top", "veteran", "lawmaker", "aide") make a
//! description, which is never compared with the registry. A person's own registry roles add
//! their words, so "associate research fellow" is read as a title for someone who holds it.
//!
//! The words are data: `lexicon/titles.txt`, one entry a line with its category and a made-up
//! example sentence, which a test reads through the title reader.

use crate::analysis::tokens::words;
use crate::registry::spelling::plain;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The title words, one entry a line (see the head of the file).
const DATA: &str = include_str!("lexicon/titles.txt");

/// What a title word does in a title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Category {
    /// Ends a formal title: "minister", "chairman".
    Head,
    /// Makes another title of the same office: "vice chairman" is not "chairman", and "first
    /// deputy" is not "deputy".
    Rank,
    /// May stand before a head inside a title: portfolios and kinds of office.
    Modifier,
}

/// One line of `titles.txt`: the spellings of one word (the first is the one the others are
/// compared as), its category and a made-up example sentence.
struct Entry {
    forms: Vec<&'static str>,
    category: Category,
    /// Read by the test that reads every entry's example.
    #[cfg(test)]
    example: &'static str,
}

/// Every entry of `titles.txt`, in order; a malformed line is the line, which the test below
/// reports.
fn entries() -> impl Iterator<Item = Result<Entry, &'static str>> {
    DATA.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let fields: Vec<&str> = line.split(" | ").collect();
            let [forms, category, _example] = fields[..] else {
                return Err(line);
            };
            let category = match category {
                "head" => Category::Head,
                "rank" => Category::Rank,
                "modifier" => Category::Modifier,
                _ => return Err(line),
            };
            let forms = forms.split(',').map(str::trim).collect();
            Ok(Entry {
                forms,
                category,
                #[cfg(test)]
                example: _example,
            })
        })
}

/// The title lexicon, by use.
struct Lexicon {
    heads: HashSet<&'static str>,
    ranks: HashSet<&'static str>,
    modifiers: HashSet<&'static str>,
    /// Other spellings of one title word, to the one they are compared as.
    folds: HashMap<&'static str, &'static str>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lexicon = Lexicon {
        heads: HashSet::new(),
        ranks: HashSet::new(),
        modifiers: HashSet::new(),
        folds: HashMap::new(),
    };
    for entry in entries().filter_map(Result::ok) {
        let set = match entry.category {
            Category::Head => &mut lexicon.heads,
            Category::Rank => &mut lexicon.ranks,
            Category::Modifier => &mut lexicon.modifiers,
        };
        set.extend(&entry.forms);
        for other in &entry.forms[1..] {
            lexicon.folds.insert(other, entry.forms[0]);
        }
    }
    lexicon
});

/// Words that say a title was held before the story's date.
pub fn is_former(word: &str) -> bool {
    matches!(word, "former" | "ex")
}

/// "then-chairman": held at the time the story looks back to.
pub fn is_then(word: &str) -> bool {
    word == "then"
}

pub fn is_article(word: &str) -> bool {
    matches!(word, "a" | "an" | "the")
}

pub fn is_rank(word: &str) -> bool {
    LEXICON.ranks.contains(word)
}

/// The words a person's own roles add to the lexicon: every word of their titles and title
/// aliases, and each title's last word as a head.
#[derive(Debug, Default)]
pub struct Vocabulary {
    words: Vec<String>,
    heads: Vec<String>,
}

impl Vocabulary {
    pub fn for_roles<'a>(titles: impl Iterator<Item = &'a str>) -> Vocabulary {
        let mut v = Vocabulary::default();
        for title in titles {
            let ws: Vec<String> = words(title).map(|(_, w)| plain(w)).collect();
            if let Some(last) = ws.last() {
                if !v.heads.contains(last) {
                    v.heads.push(last.clone());
                }
            }
            for w in ws {
                if !v.words.contains(&w) {
                    v.words.push(w);
                }
            }
        }
        v
    }

    /// `word` is lower case without diacritics (see [`plain`]).
    pub fn is_head(&self, word: &str) -> bool {
        LEXICON.heads.contains(word) || self.heads.iter().any(|h| h == word)
    }

    pub fn is_title_word(&self, word: &str) -> bool {
        // "under" is a rank only in a person's own title ("under secretary"); elsewhere it is
        // the preposition: "under President Obama".
        self.is_head(word)
            || (is_rank(word) && word != "under")
            || LEXICON.modifiers.contains(word)
            || self.words.iter().any(|w| w == word)
    }
}

/// Whether `word`, as written, is a word of the general title lexicon ("Director", "Prime",
/// "Minister"): for readers that must tell a title before a name from a given name.
pub fn is_title_word(word: &str) -> bool {
    Vocabulary::default().is_title_word(&plain(word))
}

/// A title in comparable form: lower case, no diacritics, hyphens and spacing as single spaces,
/// gendered and national spellings folded ("Vice-Chairwoman" gives "vice chairman").
pub fn normalise(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for (_, w) in words(title) {
        let w = plain(w);
        let w = LEXICON.folds.get(w.as_str()).copied().unwrap_or(&w);
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The title that the last of `written` (words in order, as written) end with, normalised:
/// "Prime Minister" in "Britain's Prime Minister" gives "prime minister". `None` unless the
/// last word is a head. Only the general lexicon counts: nobody's roles are known yet.
pub fn trailing_title(written: &[&str]) -> Option<String> {
    let vocab = Vocabulary::default();
    let plain_words: Vec<String> = written
        .iter()
        .flat_map(|w| words(w).map(|(_, w)| plain(w)))
        .collect();
    if !vocab.is_head(plain_words.last()?) {
        return None;
    }
    let start = plain_words
        .iter()
        .rposition(|w| !vocab.is_title_word(w))
        .map_or(0, |i| i + 1);
    Some(normalise(&plain_words[start..].join(" ")))
}

/// The title without its rank words: "first deputy chief of staff" gives "chief of staff".
pub fn core(normalised: &str) -> String {
    normalised
        .split(' ')
        .filter(|w| !is_rank(w))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, Format, Settings};
    use crate::registry::{parse_registry, Registry};

    /// Every entry of `titles.txt` parses, and its example is read as a title of Tomas Brell
    /// with the entry's word in it. He holds one role, "under secretary": "under" is a title
    /// word only in a person's own title (elsewhere it is the preposition).
    #[test]
    fn every_entry_reads_its_example_as_a_title() {
        let json = r#"{"version": 1, "entities": [{"id": "tomas-brell", "kind": "person",
            "name": "Tomas Brell", "roles": [{"title": "under secretary"}]}]}"#;
        let registry = Registry::from_files([parse_registry("t.json", json).unwrap()]);
        let settings = Settings {
            date: None,
            today: time::Date::from_calendar_date(2026, time::Month::January, 1).unwrap(),
            severity: Default::default(),
            historical: Default::default(),
        };
        let mut failed = Vec::new();
        for entry in entries() {
            let entry = entry.unwrap_or_else(|line| panic!("malformed line: {line}"));
            let analysis = analyze(entry.example, Format::Markdown, &registry, &settings);
            let word = entry.forms[0];
            let read = analysis
                .titles
                .iter()
                .any(|t| t.normalised.split(' ').any(|w| w == word));
            if !read {
                let titles: Vec<&str> = analysis.titles.iter().map(|t| &*t.written).collect();
                failed.push(format!("{word}: {:?} read {titles:?}", entry.example));
            }
        }
        assert!(failed.is_empty(), "{failed:#?}");
    }

    #[test]
    fn spellings_of_one_word_fold_to_the_first() {
        assert_eq!(LEXICON.folds.get("chair"), Some(&"chairman"));
        assert_eq!(LEXICON.folds.get("labor"), Some(&"labour"));
        assert!(LEXICON.heads.contains("spokeswoman") && LEXICON.heads.contains("spokesman"));
        assert!(LEXICON.heads.contains("executive") && LEXICON.modifiers.contains("executive"));
    }

    #[test]
    fn a_title_is_read_back_from_its_head() {
        assert_eq!(
            trailing_title(&["Britain's", "Prime", "Minister"]).as_deref(),
            Some("prime minister")
        );
        assert_eq!(
            trailing_title(&["Vice-Chairwoman"]).as_deref(),
            Some("vice chairman")
        );
        assert_eq!(trailing_title(&["met", "with"]), None);
        assert_eq!(trailing_title(&[]), None);
    }

    #[test]
    fn wordings_of_one_title_normalise_alike() {
        assert_eq!(normalise("Vice-Chairman"), "vice chairman");
        assert_eq!(normalise("vice  chairman"), "vice chairman");
        assert_eq!(normalise("Secretary-General"), "secretary general");
        assert_eq!(normalise("Chairwoman"), "chairman");
        assert_eq!(normalise("Defense Minister"), "defence minister");
    }

    #[test]
    fn ranks_are_part_of_the_title_but_not_of_its_core() {
        assert_ne!(normalise("deputy chairman"), normalise("vice chairman"));
        assert_eq!(core("first deputy chief of staff"), "chief of staff");
        assert_eq!(core("vice chairman"), "chairman");
    }

    #[test]
    fn a_persons_roles_extend_the_lexicon() {
        let v = Vocabulary::for_roles(["associate research fellow", "tsar"].into_iter());
        assert!(v.is_head("tsar"));
        assert!(v.is_title_word("associate"));
        assert!(!v.is_title_word("legislator"));
        assert!(!Vocabulary::default().is_head("lawmaker"));
        assert!(!Vocabulary::default().is_title_word("under"));
        assert!(Vocabulary::for_roles(["under secretary"].into_iter()).is_title_word("under"));
    }
}
