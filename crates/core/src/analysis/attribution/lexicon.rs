//! The word lists behind attribution and claim detection, compiled once. The cues (reporting,
//! stance and belief verbs) and the claim words are data: `lexicon/cues.txt` and
//! `lexicon/claims.txt`, read by [`cues`] and [`claim_words`].
//!
//! Reporting verbs start from the lexicon used in attribution research (say, tell, add, note,
//! state, announce, report, write, estimate, claim, argue, warn, explain, insist, confirm, deny,
//! acknowledge, according to, cite ...) with every inflection. Verbs that also have everyday
//! senses ("added 500 jobs", "claimed 20 lives", "confirmed cases") are *weak*: they attribute
//! only in a reporting construction (see `cue`).

pub(super) mod claim_words;
pub(super) mod cues;
pub(super) mod phrases;

pub use claim_words::CLAIM_WORDS;
pub use cues::{CUES, REPORTING_WORDS};
use regex::{Regex, RegexBuilder};
// Fixed word lists, not attacker-chosen: a fast hash beats SipHash's flooding resistance here.
use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

/// A word list written as one string, looked up in constant time once first used.
pub struct Words {
    list: &'static str,
    /// By bytes: a word lowered on the stack is looked up without checking it is UTF-8.
    set: OnceLock<HashSet<&'static [u8]>>,
    /// The longest entry's length in bytes (or more): a longer word is answered unhashed.
    longest: usize,
}

impl Words {
    pub const fn new(list: &'static str) -> Words {
        Words {
            list,
            set: OnceLock::new(),
            longest: longest_run(list),
        }
    }

    pub fn contains(&self, word: impl Key) -> bool {
        let word = word.key();
        word.len() <= self.longest
            && self
                .set
                .get_or_init(|| self.list.split_whitespace().map(str::as_bytes).collect())
                .contains(word)
    }

    /// Looks up `word` in lower case, without allocating for most words.
    pub fn contains_any_case(&self, word: &str) -> bool {
        // Lower-casing ASCII keeps the length.
        if word.is_ascii() && word.len() > self.longest {
            return false;
        }
        self.contains(super::lower::lower(word))
    }
}

/// A word as [`Words`] looks it up: its UTF-8 bytes.
pub trait Key {
    fn key(&self) -> &[u8];
}

impl Key for str {
    fn key(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl Key for [u8] {
    fn key(&self) -> &[u8] {
        self
    }
}

impl Key for String {
    fn key(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl Key for std::borrow::Cow<'_, str> {
    fn key(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl<T: Key + ?Sized> Key for &T {
    fn key(&self) -> &[u8] {
        (**self).key()
    }
}

/// The longest run of bytes between ASCII white space in `list`: at least its longest word.
const fn longest_run(list: &str) -> usize {
    let bytes = list.as_bytes();
    let (mut i, mut run, mut longest) = (0, 0, 0);
    while i < bytes.len() {
        run = if bytes[i].is_ascii_whitespace() {
            0
        } else {
            run + 1
        };
        if run > longest {
            longest = run;
        }
        i += 1;
    }
    longest
}

/// A pattern over English words, matched in ASCII mode (word boundaries, `\w`, case): the
/// automata stay small, and every word in these lists is ASCII.
pub fn ascii_regex(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .unicode(false)
        .build()
        .expect("ASCII pattern")
}

/// The alternation of `parts` (each already an alternation), for a pattern written a line at
/// a time.
pub fn alternation(parts: &[&str]) -> String {
    parts.join("|")
}

/// Nouns of data, which a later sentence cannot go on speaking for ("according to official
/// results. It was the worst ...").
pub static DATA_WORDS: Words =
    Words::new("data figures statistics results estimates survey study poll census records");

/// Verbs of speech that make a sentence a person's words even where it names data.
pub static SPEECH_VERBS: Words = Words::new("said says told added stated announced noted warned");

/// Official sources after "according to": "according to the ministry", "... to state officials".
pub static OFFICIAL_SOURCES: Words = Words::new(
    "ministry official officials government spokesman spokeswoman spokesperson spokespeople \
    spokesmen spokeswomen spokespersons",
);

/// Words ending in "s" that are no plural noun: "perhaps", "always".
pub static NOT_PLURAL_NOUNS: Words = Words::new(
    "\
    does hers ours yours theirs thus perhaps always sometimes nevertheless whereas afterwards \
    besides news series species towards upwards downwards backwards forwards unless means \
    politics economics physics",
);

/// Verbs that join a subject to what is said of it: "The plan is reckless".
pub static COPULAS: Words = Words::new(
    "\
    is are was were be been being remain remains remained seem seems seemed appear appears \
    appeared become becomes became isn't aren't wasn't weren't",
);

/// Adverbs of degree and negation that may stand between a copula and its adjective: "is
/// not very", "was still".
pub static DEGREE_ADVERBS: Words = Words::new(
    "\
    not very so too still also even just really quite more less far much never always now",
);

/// Words that stand between a source and its verb without breaking the link: "Zhao also said".
pub static LINKING_WORDS: Words = Words::new(
    "\
    also further earlier later then again previously repeatedly recently separately once had has \
    have would will today tonight yesterday monday tuesday wednesday thursday friday saturday sunday on \
    last week month still now even however though meanwhile",
);

/// Negations between a source and a verb of regard: "Critics do not see the plan as ...".
pub static NEGATIONS: Words = Words::new("not never do does did don't doesn't didn't");

/// Words before a weak verb that make it passive or comparative, not a report:
/// "was found", "than expected", "as expected".
pub static NOT_A_REPORT_BEFORE: Words = Words::new(
    "\
    than as be been being is are was were to not widely",
);

/// Units a figure ends with, after which "in a poll" frames the figure: "13 percent in".
pub static FIGURE_UNITS: Words = Words::new("percent points point votes delegates seats");

/// Modal verbs: before a cue they predict a report rather than report one.
pub static MODALS: Words = Words::new("will would could might may should must can shall");

/// Stance verbs that take "for" as verbs: "Farmers fear for their jobs", "Fans hope for a win"
/// (where "support for" is the noun).
pub static VERBS_WITH_FOR: Words = Words::new("fear hope wish call ask push vote pray worry");

/// Pronouns that can be a source ("he said") or refer back to one ("He added that").
pub static PRONOUNS: Words = Words::new(
    "\
    he she they we i it who which you",
);

/// Articles, demonstratives and possessives, which open a noun phrase: "the report", "its
/// estimate", "these voters".
pub static NOUN_DETERMINERS: Words = Words::new("the a an this these its his her their our");

/// Personal pronouns that can be a clause's subject (a source: "he", "they").
pub static SUBJECT_PRONOUNS: Words = Words::new("he she they we i");

/// Nouns for people and bodies that speak: sources, and the roles in appositives
/// ("Yang Jin, an associate research fellow at CASS"). Not "reporters", whom a source tells
/// ("The senator told reporters"), nor "delegates", whom a candidate counts.
pub static ROLE_NOUNS: Words = Words::new(
    "\
    official officials spokesperson spokesman spokeswoman spokespeople minister ministry \
    ministers analyst analysts expert experts economist economists researcher researchers \
    scientist scientists scholar scholars police authorities authority government agency \
    department office committee commission council bank fund report statement survey study poll \
    data figures statistics sources source residents resident witnesses witness officers officer \
    prosecutors prosecutor lawyer lawyers attorney attorneys investigators critics observers \
    diplomats diplomat lawmakers lawmaker legislator legislators leaders leader president \
    chairman chairwoman chair director head chief ceo executive executives company firm group \
    organisation organization union party campaign military army embassy judge court fellow \
    professor lecturer dean founder congressman congresswoman congressmen \
    congresswomen website partner adviser advisor strategist commander general \
    governor mayor manager consultant engineer editor correspondent coordinator representative \
    deputy secretary ambassador envoy member members senator doctor doctors teacher activist \
    activists people participants person spokespersons bureau administration regulator \
    regulators ministries institute association federation observatory watchdog newspaper \
    broadcaster media outlet daily times post organizers organisers students workers farmers \
    owner owners chiefs heads staff service results traders museum gallery hospital university \
    school college club team league airline carrier network charity foundation centre center \
    board panel tribunal navy coastguard inspectorate operator manufacturer maker producer \
    retailer lender insurer exchange aide supporter voter advocate opponent ally allies backer \
    pollster pundit candidate contender nominee rival research analysis filings records \
    documents memo audit ranking index email letter magazine lawsuit suit complaint indictment paper studies analyses rebel rebels opposition inspector inspectors coach nurse nurses farmer \
    reporter journalist journalists columnist columnists commentator commentators \
    counsel pastor surgeon neurosurgeon",
);

/// Irregular past tenses, which a clause's verb can be without an "-ed": "He met", "It fell".
pub static IRREGULAR_PAST: Words = Words::new(
    "\
    was were had did made took gave came went got saw knew thought told said found left felt \
    kept held brought bought sought caught taught fought built sent spent lent meant met paid \
    laid led read fed fled sold won lost hit cut put set let shut cost hurt quit spread beat \
    bet cast struck stood understood rose fell drew grew threw flew blew chose spoke broke wrote \
    rode drove froze stole woke wore tore swore bore began ran sang rang sank swam became \
    overcame forgot forgave ate lay sat shot lit slid bit hid shook undertook withdrew oversaw \
    foresaw arose awoke bound wound sprang stuck swung hung clung dug heard slept swept \
    wept",
);

/// Auxiliaries and modals: after a subject they start its verb ("He would", "It had").
pub static AUXILIARIES: Words = Words::new(
    "\
    is are was were be been has have had do does did will would can could may might shall \
    should must",
);

/// Adverbs and the like that may stand between a pronoun and its verb: "He also said",
/// "It still plans", "She herself".
pub static SUBJECT_ADVERBS: Words = Words::new(
    "\
    also never always still then now once even just only already again too alone himself \
    herself itself themselves ourselves first later soon often rarely instead not all both \
    each earlier thus therefore meanwhile however nevertheless subsequently",
);

/// Nouns an appositive name can follow ("the capital, Kyiv"; "its chief executive, Jane Fraser"):
/// a comma before a name after one of these is not a missing verb.
pub static APPOSITION_HEADS: Words = Words::new(
    "\
    capital city province country region town village state county district island port river \
    wife husband son daughter mother father brother sister friend colleague rival successor \
    predecessor counterpart victim suspect winner author driver player coach captain candidate \
    opponent ally nominee pick choice replacement champion including namely like as and or by \
    with to of for from at in on",
);

/// Pronouns that, as a sentence's subject, refer back to the previous sentence's source or
/// to what it spoke of: "He added ...", "It aims to ...".
pub static REFERRING_PRONOUNS: Words = Words::new("he she they it this these");

/// The first person, which a reporter's own words do not use: a sentence with it outside
/// quotation marks is still a speaker's ("We will not back down").
pub static FIRST_PERSON: Words = Words::new("we our us i my");

/// Words that may open a sentence before its subject: "But he ...", "And so they ...".
pub static SUBJECT_OPENERS: Words = Words::new("but and so yet still now then instead however or");

/// Openings that continue the previous speaker: "Also, ...", "Moreover, ...".
pub const CONTINUATION_OPENERS: &[&str] = &[
    "also",
    "moreover",
    "furthermore",
    "in addition",
    "additionally",
    "besides",
];

/// Verbs after "will" or "is expected to" that schedule an event rather than predict one.
pub static EVENT_VERBS: Words = Words::new(
    "\
    attend visit meet hold host co-host travel arrive open begin start sign address deliver vote \
    chair lead head return leave depart run last close end resume speak launch release publish \
    announce receive welcome tour join participate take sit appear testify go fly stay convene \
    gather preside present unveil hear consider discuss review debate mark celebrate commemorate \
    air broadcast feature include kick wrap conclude continue reconvene adjourn recess",
);

/// Participles after "will be" that schedule an event: "will be held", "will be broadcast".
pub static EVENT_PARTICIPLES: Words = Words::new(
    "\
    held hosted attended chaired opened signed broadcast streamed published released closed in \
    at on there present joined accompanied led headed sworn inaugurated launched unveiled \
    presented discussed reviewed debated heard televised livestreamed staged organized organised \
    convened available delivered awarded",
);

/// Capitalised titles inside a name: "Mayor Vitali Klitschko", "Col. Mark Hansen".
pub static TITLES: Words = Words::new(
    "\
    Mayor President Minister Prime Foreign Finance Defence Defense Interior Trade Economy \
    Gen Col Dr Sen Gov Rep Prof Mr Ms Mrs Lt Maj Capt Sgt Adm Spokesman Spokeswoman Spokesperson \
    Chairman Chairwoman Director Secretary Ambassador Judge Justice Chief Commander Deputy Vice \
    King Queen Prince Pope Premier Chancellor Governor Senator Coach Officer Professor Speaker",
);

/// Words that make a phrase a clause rather than a name or a role.
pub static VERBISH: Words = Words::new(
    "\
    is are was were be been being has have had will would can could may might shall should \
    must do does did who which that whose where when while because if said says",
);
