//! Trailing-source cases: what counts as a source after a comma, and what does not.

use super::super::tests::with_words;
use super::*;
use crate::analysis::tokens::Tokens;
use crate::analysis::{Document, Format};

/// The trailing source in `s`, the last paragraph of a story that opens with `before`.
fn source_after<'s>(before: &str, s: &'s str) -> Option<&'s str> {
    let doc = Document::parse(&format!("{before}\n\n{s}"), Format::Text);
    let mut met = Surnames::default();
    Tokens::new(&doc).blocks.iter().for_each(|b| met.add(b));
    with_words(s, |words| trailing_source(s, words, &met)).map(|(r, _, _)| &s[r])
}

#[test]
fn a_surname_the_story_met_after_the_clause() {
    let before = "Ann Okafor runs the ferry line.";
    for (s, found) in [
        ("The fares were never raised, Okafor.", Some("Okafor")),
        (
            "The fares were never raised, Ms. Okafor.",
            Some("Ms. Okafor"),
        ),
        ("That was before the vote in Ohio, Okafor.", Some("Okafor")),
        (
            "The fares were never raised, Okafor, adding that none would be.",
            Some("Okafor"),
        ),
        ("The fares were never raised, Brandt.", None),
        ("The ferry sailed on to Portland, Oregon.", None),
        ("The mayor thanked her deputy, Okafor.", None),
        ("The band played at her favorite club, Harbor Lights.", None),
        (
            "The council backed the mayor's flagship plan, the Green Deal.",
            None,
        ),
        ("The fares will rise with her plan, Okafor.", Some("Okafor")),
    ] {
        assert_eq!(source_after(before, s), found, "{s}");
    }
}

#[test]
fn people_named_by_a_relation_after_the_clause() {
    for (s, found) in [
        (
            "The family moved in June, his brother.",
            Some("his brother"),
        ),
        (
            "The fares were never raised, one longtime friend.",
            Some("one longtime friend"),
        ),
        ("The fares will rise, several aides.", Some("several aides")),
        ("She thanked Ann Lee, her mother.", None),
        ("He thanked the coach, his mentor.", None),
        ("He said the fares would rise, his brother.", None),
        (
            "He feels the presence of \u{201c}Ann Lee,\u{201d} his mother.",
            None,
        ),
    ] {
        assert_eq!(source_after("The ferry runs daily.", s), found, "{s}");
    }
}

#[test]
fn what_completes_or_renames_a_noun_is_no_source() {
    for s in [
        "The board named Jo Hart, deputy director of the port authority.",
        "He has long been a quiet, patient, legislator.",
        "When the vote ended, Mayor Ann Lee released the results.",
        "On Monday night, campaign manager Tom Reyes issued a memo.",
        "She had one son, Tom Reyes of Dayton.",
        "Its main rival, Acme, did slightly better.",
        "The fund backed firms in Lagos, Tom Reyes in Accra and Ann Lee in Nairobi.",
        "The ferry, which broke down twice, carried 40 people.",
        "The shelter, run by the church, houses 200 people.",
        "The factory, which closed in 2009, once employed 4,000 workers.",
        "The mill, now closed, still employed 400 workers.",
    ] {
        assert_eq!(source_after("The ferry runs daily.", s), None, "{s}");
    }
    for (s, found) in [
        (
            "The fares will rise, economist Ann Lee.",
            Some("economist Ann Lee"),
        ),
        ("On Monday night, Ann Lee.", Some("Ann Lee")),
        ("The fares will rise, police.", Some("police")),
        (
            "The ferry had no faults, the company Monday.",
            Some("the company Monday"),
        ),
        (
            "The fares will rise next week, Ann Lee, adding, \u{201c}They must.\u{201d}",
            Some("Ann Lee"),
        ),
    ] {
        assert_eq!(source_after("The ferry runs daily.", s), found, "{s}");
    }
}

#[test]
fn a_name_the_clause_addresses() {
    let before = "Ann Okafor runs the ferry line.";
    for (s, found) in [
        ("That goes for you too, Okafor.", None),
        ("The fares will never be raised again, Okafor!", None),
        (
            "The fares will never be raised again, Okafor.",
            Some("Okafor"),
        ),
    ] {
        assert_eq!(source_after(before, s), found, "{s}");
    }
}
