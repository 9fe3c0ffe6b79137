//! The word lists behind attribution and claim detection, compiled once.
//!
//! Reporting verbs start from the lexicon used in attribution research (say, tell, add, note,
//! state, announce, report, write, estimate, claim, argue, warn, explain, insist, confirm, deny,
//! acknowledge, according to, cite ...) with every inflection. Verbs that also have everyday
//! senses ("added 500 jobs", "claimed 20 lives", "confirmed cases") are *weak*: they attribute
//! only in a reporting construction (see `cue`).

use regex::{Regex, RegexBuilder};
use std::collections::HashSet;
use std::sync::{LazyLock, OnceLock};

/// A word list written as one string, looked up in constant time once first used.
pub struct Words {
    list: &'static str,
    set: OnceLock<HashSet<&'static str>>,
}

impl Words {
    pub const fn new(list: &'static str) -> Words {
        Words {
            list,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: impl AsRef<str>) -> bool {
        self.set
            .get_or_init(|| self.list.split_whitespace().collect())
            .contains(word.as_ref())
    }

    /// Looks up `word` in lower case, without allocating for short ASCII words.
    pub fn contains_any_case(&self, word: &str) -> bool {
        let mut buf = [0u8; 24];
        match buf.get_mut(..word.len()) {
            Some(lower) if word.is_ascii() => {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).is_ok_and(|w| self.contains(w))
            }
            _ => self.contains(word.to_lowercase()),
        }
    }
}

/// A pattern over English words, matched in ASCII mode (word boundaries, `\w`, case): the
/// automata stay small, and every word in these lists is ASCII.
pub fn ascii_regex(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .unicode(false)
        .build()
        .expect("ASCII pattern")
}

fn re(pattern: &str) -> Regex {
    ascii_regex(pattern)
}

/// Cues that attribute wherever they stand outside a quotation.
pub static STRONG_CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:say|says|said|saying|tell|tells|told|telling|announc(?:e|es|ed|ing)|declar(?:e|es|ed|ing)|den(?:y|ies|ied|ying)|acknowledg(?:e|es|ed|ing)|warn(?:s|ed|ing)?|insist(?:s|ed|ing)?|argu(?:e|es|ed|ing)|explain(?:s|ed|ing)?|assert(?:s|ed|ing)?|contend(?:s|ed|ing)?|tweet(?:s|ed|ing)?|testif(?:y|ies|ied|ying)|remark(?:s|ed|ing)?|reiterat(?:e|es|ed|ing)|quot(?:e|es|ed|ing)|citing|according to|call(?:ed|ing) (?:it|them|him|her)|describ(?:ed|ing) (?:it|them|him|her) as|dubb(?:ed|ing) (?:it|them)|put(?:s|ting)? (?:the|its|their|his|her) (?:\w+ )?(?:figure|toll|number|count|cost|total|damage|losses|turnout|crowd|attendance) at)\b",
    )
});

/// Where something was said: it attributes ("The ministry condemned the attack in a
/// statement"), but it is no reporting verb, so "..., the bank in a statement." is still broken.
pub static REPORT_SETTING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:in an? (?:statement|interview|press release|post|speech|letter|report|briefing)|at an? (?:press|news) conference)\b",
    )
});

/// Verbs that attribute only with a source before them or a report after them.
pub static WEAK_CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:add(?:s|ed|ing)?|not(?:e|es|ed|ing)|stat(?:e|es|ed|ing)|report(?:s|ed|ing)?|claim(?:s|ed|ing)?|estimat(?:e|es|ed|ing)|f(?:ind|inds|ound)|show(?:s|ed|n|ing)?|expect(?:s|ed|ing)?|believ(?:e|es|ed|ing)|think(?:s|ing)?|thought|predict(?:s|ed|ing)?|forecast(?:s|ed|ing)?|project(?:s|ed|ing)?|suggest(?:s|ed|ing)?|indicat(?:e|es|ed|ing)|reveal(?:s|ed|ing)?|disclos(?:e|es|ed|ing)|describ(?:e|es|ed|ing)|call(?:s|ed|ing)?|maintain(?:s|ed|ing)?|observ(?:e|es|ed|ing)|recall(?:s|ed|ing)?|stress(?:es|ed|ing)?|emphasi[sz](?:e|es|ed|ing)|underscor(?:e|es|ed|ing)|underlin(?:e|es|ed|ing)|highlight(?:s|ed|ing)?|urg(?:e|es|ed|ing)|alleg(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|confirm(?:s|ed|ing)?|admit(?:s|ted|ting)?|ask(?:s|ed|ing)?|agre(?:e|es|ed|eing)|vow(?:s|ed|ing)?|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|hop(?:e|es|ed|ing)|expressed|cit(?:e|es|ed)|point(?:s|ed|ing)? out|put it|conclud(?:e|es|ed|ing)|comment(?:s|ed|ing)?|repl(?:y|ies|ied|ying)|respond(?:s|ed|ing)?|wr(?:ite|ites|ote|iting)|fear(?:s|ed|ing)?|worr(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|blam(?:e|es|ed|ing)|critici[sz](?:e|es|ed|ing)|doubt(?:s|ed|ing)?|reject(?:s|ed|ing)?|condemn(?:s|ed|ing)?|prais(?:e|es|ed|ing)|feel(?:s|ing)?|felt|anticipat(?:e|es|ed|ing)|bemoan(?:s|ed|ing)?|lament(?:s|ed|ing)?|complain(?:s|ed|ing)?|conced(?:e|es|ed|ing)|impl(?:y|ies|ied|ying)|assum(?:e|es|ed|ing)|concerned|afraid|confident|optimistic|pessimistic|skeptical|sceptical|hopeful|convinced|wary|fearful)\b",
    )
});

/// Data sources named without a verb: "data from the statistics bureau", "a survey by Gallup".
pub static DATA_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:data|figures|statistics|estimates|numbers|records|documents|reports?|survey|study|poll|analysis|census|filings?)\s+(?:from|by|released by|published by|compiled by|issued by|seen by|obtained by|reviewed by|conducted by)\b",
    )
});

/// What may follow a weak verb to make it a report: "added that", "noted:", "added in a statement".
pub static REPORT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    // Curly quotation marks need Unicode.
    Regex::new(
        r#"(?i)^(?:\s*(?:that|[,:;.!?"\u{201c}\u{201d}]|$)|\s+(?:in an? (?:statement|interview|speech|post|letter|report|briefing)|to (?:reporters|journalists|lawmakers|parliament)|at an? |on (?:social media|x|twitter|facebook|telegram)\b|separately|(?:the|a|an|its|their) (?:\w+\s+)?(?:report|statement|survey|study|data|figures)))"#,
    )
    .expect("lexicon pattern")
});

/// Stance adjectives after "is", "are", "was", "were": "Some economists are concerned that ...".
pub static STANCE_ADJECTIVES: Words = Words::new(
    "\
    concerned worried afraid confident optimistic pessimistic skeptical sceptical hopeful \
    convinced wary fearful",
);

/// Words that stand between a source and its verb without breaking the link: "Zhao also said".
pub static LINKING_WORDS: Words = Words::new(
    "\
    also further earlier later then again previously repeatedly recently separately once had has \
    have would will today yesterday monday tuesday wednesday thursday friday saturday sunday on \
    last week month",
);

/// Words before a weak verb that make it passive or comparative, not a report:
/// "was found", "than expected", "as expected".
pub static NOT_A_REPORT_BEFORE: Words = Words::new(
    "\
    than as be been being is are was were to not widely",
);

/// Capitalised words that start sentences rather than name a source.
pub static NOT_A_NAME: Words = Words::new(
    "\
    The This That These Those There A An In On At For As If When While After Before Since But \
    And Yet So Such All Some Many Most Both Its Their His Her Our What Which Monday Tuesday \
    Wednesday Thursday Friday Saturday Sunday January February March April May June July August \
    September October November December Also However Meanwhile Moreover Still Last Next Earlier \
    Later Today Yesterday Tomorrow Overall Elsewhere Separately Here Now Then Thus Instead \
    Nevertheless Despite During Under Over By With From Across Throughout Amid Among Until \
    Within Without Through Against Like Unlike Given Following According Because Although Though \
    Even Only Just Once Every Each Several Few More Less Other Another No Not Neither Either Nor \
    Or Whether How Why Who Where Asked To Of Into About Around Near Outside Inside Behind Beyond \
    Toward Towards Afterwards Overnight Initially Eventually Finally Ultimately Currently \
    Recently Previously Traditionally Historically Nationwide Worldwide Together Otherwise \
    Nonetheless Similarly Altogether Alternatively Apparently Reportedly Officially \
    Subsequently Consequently Accordingly Hence Therefore Indeed Perhaps Already Again Soon \
    Shortly Immediately Ahead Back Abroad Locally Globally Nearly Almost Roughly Approximately \
    Fewer Up Exactly Barely Well Close Upwards",
);

/// Pronouns that can be a source ("he said") or refer back to one ("He added that").
pub static PRONOUNS: Words = Words::new(
    "\
    he she they we i it who which you",
);

/// Nouns for people and bodies that speak: sources, and the roles in appositives
/// ("Yang Jin, an associate research fellow at CASS").
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
    professor lecturer dean founder partner adviser advisor strategist commander general \
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
    documents memo",
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

/// Third-person words that show a sentence still speaks for the previous sentence's source.
pub static CONTINUATION: Words = Words::new(
    "\
    he she they it its his her their them this these such we our us i my",
);

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
    King Queen Prince Pope Premier Chancellor Governor Senator Coach Officer Professor",
);

/// Words that make a phrase a clause rather than a name or a role.
pub static VERBISH: Words = Words::new(
    "\
    is are was were be been being has have had will would can could may might shall should \
    must do does did who which that whose where when while because if said says",
);
