use super::super::lexicon::cues::entries;
use super::super::lexicon::phrases::Phrases;
use super::*;

/// Every cue in the lexicon attributes its own example, which uses one of its forms.
#[test]
fn every_lexicon_entry_attributes_its_example() {
    let mut unattributed = Vec::new();
    for entry in entries() {
        let entry = entry.unwrap_or_else(|line| panic!("malformed lexicon line: {line}"));
        let own = Own::from_text(entry.example);
        let mentions = Phrases::new(entry.forms.iter().copied()).is_match(entry.example);
        assert!(
            mentions,
            "{:?}: the example uses none of its forms",
            entry.forms
        );
        if !is_attributed(&own) {
            unattributed.push(entry.example);
        }
    }
    assert!(unattributed.is_empty(), "not attributed: {unattributed:#?}");
}

#[test]
fn reporting_verbs_in_every_position() {
    for s in [
        "Zhao said the two sides should cooperate.",
        "The two sides should cooperate, Zhao said.",
        "The two sides should cooperate, said Zhao.",
        "The two sides, Zhao said, should cooperate.",
        "Trade rose, Yang Jin, an associate research fellow at CASS, told the Global Times.",
        "He added that trade would grow.",
        "Article 5 states that the treaty is the strongest ever.",
        "It has immense potential, Zhao added.",
        "Trade rose 5 percent, according to customs data.",
        "Data from the National Bureau of Statistics show output rose 5 percent.",
        "A survey by the central bank found that 40 percent of firms plan to hire.",
        "Analysts expect growth of 5 percent.",
        "Officials estimated the damage at $2 billion.",
        "Experts say the economy will recover.",
        "Xinhua reported that the talks were fruitful.",
        "Exports rose 5 percent, the ministry noted in a statement.",
        "Farmers fear the new tariffs will close their markets.",
        "Some economists are concerned about the size of the deficit.",
        "The ministry on Friday dismissed the report as baseless.",
        "Critics accuse the council of wasting money.",
        "Local officials worry that the bridge will not reopen.",
        "More than half the money came from abroad, campaign filings show.",
        "Opponents quickly accused the council of hiding the cost.",
        "Okafor, a lawyer for the tenants, predicted rents would double.",
        "Okafor, a lawyer for the tenants, has repeatedly predicted the biggest rise in years.",
        "After the floods, Will believes the levy is the worst in years.",
        "Many of her aides feel the race is already lost.",
        "Some voters feel the count was wrong.",
        "In the latest county poll, the mayor leads her rival 51 percent to 40 percent.",
        "The senator fell to 9 percent in a survey released on Tuesday.",
        "A new Metro Daily/City College survey of renters aged 18 to 30 shows 60 percent want the cap.",
        "Under the new contract, drivers will earn 12 percent more.",
        "The index puts the mayor's approval at 38 percent.",
        "The governor has proposed a 4 percent rise in the fuel tax.",
        "Councillors, who suspected that the budget was the largest ever, asked for an audit.",
        "Most tenants approve of the 2 percent cap.",
        "City officials are hoping the new line will carry 40,000 riders a day.",
        "The lawsuit alleges the landlord overcharged 300 tenants.",
        // After a quotation, before its source.
        "\u{201c}It is over,\u{201d} wrote Okafor, the worst critic of the plan.",
        "\u{201c}Rents will rise,\u{201d} added the landlord, who owns 40 flats.",
        // A name that spells a modal.
        "In particular, Will wrote, the plan is the costliest yet.",
        "The tenants admit that, given the costs, rents will rise.",
        "As reported by the paper, fares rose 12 percent last year.",
        // Polls: their subjects, their respondents, and "in the polls" anywhere.
        "A poll of the county released on Friday showed the mayor with a 9-point lead.",
        "Of the drivers surveyed, 40 percent want the toll scrapped.",
        "Those polled were evenly split on the new tax.",
        "Respondents rated the service the worst in the region.",
        "She trails him by 9 points in the latest county polls.",
        "In a Daily Courier/Harbour Radio Morning poll, 50 percent back the mayor.",
        "A Daily Courier/Harbour Radio poll released this week found 60 percent of drivers oppose the toll.",
        "The latest county poll has the mayor leading her rival by 9 points.",
        "The official count gives the mayor 1,280 votes.",
        "A poll of the harbour towns put her support among fishermen at 40 percent.",
        // A stance in the past with a plural or a determined subject and an object.
        "Landlords feared the rise would be the biggest ever.",
        "The landlord feared the rise would be the biggest ever.",
        "She's hoping the vote will be the closest in years.",
        "The harbour board admitted the dredging had been the costliest in its history.",
        "The county reported a 4 percent rise in ferry fares.",
        // Inverted after a comma; "that" after a phrase of time; a clause after a colon.
        "Fares will rise, predicted the bank's chief economist.",
        "The mayor noted on Friday that fares had doubled.",
        "It was a hard sell: According to the union, pay fell 9 percent.",
        // A relative clause's own subject before a cue in "-s".
        "The toll, which the agency estimates will raise $9 million, starts in May.",
        "The firm reports increased sales of 9 percent.",
        // A participle's aside between the source and its verb.
        "Hale, speaking on the House floor, called the bill overdue.",
    ] {
        assert!(is_attributed(&Own::from_text(s)), "{s}");
    }
}

#[test]
fn everyday_senses_of_weak_verbs_do_not_attribute() {
    for s in [
        "The economy added 500,000 jobs last year.",
        "Growth was stronger than expected at 5.2 percent.",
        "The fire claimed 20 lives.",
        "Unemployment reached a record 10 percent in the state.",
        "The bank's new project will cost $5 billion.",
        "Volodin's visit underscored the importance of cooperation.",
        "Bilateral trade reached a record 245 billion US dollars last year.",
        "The streets were worried and silent, the worst in years.",
        "A rejected bid cost the city $2 million.",
        "He would support any tax below 5 percent.",
        "Republican support for the bill rose to 60 percent.",
        "The mayor's report was the longest in years.",
        "Tenants who oppose the rise were the loudest at the meeting.",
        "The change in its projections was the biggest since 2009.",
        "The council has support from 40 percent of residents.",
        "The assembly approved the budget by 50 votes to 12.",
        "Turnout fell as the party remained divided, and the vote was the lowest ever.",
        // A cue word that belongs to a name.
        "Exports to the United States rose 40 percent.",
        // A counted plural is a noun.
        "The ferry could be the fastest in both states.",
        "Fares rose most in the 15 states that voted.",
        "A million tweets made it the biggest story of the year.",
        // Belonging, not a finding.
        "Fans back the club they identify with, the oldest in town.",
        "The Golden State Warriors Report was the best-selling annual.",
        // A scare quote is no quotation of a source; a verb with an object surveys no one.
        "The so-called \u{201c}reform\u{201d} added 40 percent to the bills.",
        "He surveyed the damage, the worst in a decade.",
        // A modal opening the sentence is a modal.
        "Will the tenants claim the rise was the biggest ever?",
        // A poll is no source of a sentence without a figure, nor respondents of a
        // description, nor an adjective after a quotation of its noun.
        "He is under attack because of his rise in the polls.",
        "The campaign raised $6 million in the day after polls closed.",
        "She opened 10 offices in the state to exploit his falling poll numbers.",
        "\u{201c}We are tying their hands,\u{201d} state Sen. Ana Ruiz at the hearing.",
        "\u{201c}We are tying their hands,\u{201d} State Senator Ana Ruiz at the hearing.",
        "The \u{201c}fair\u{201d} deal hurt a trader who was among those surveyed, the worst hit.",
        "The company uses big data to help brands find the cheapest suppliers.",
        // A poll that gives no figure, and a verb whose subject is no poll.
        "The latest county poll has unsettled the mayor's campaign.",
        "The mayor has a 9-point lead after the debate.",
        "Her latest statements about the budget as secretary of state were the shortest yet.",
        // A participle describing its noun; a modal past an adverb; a naming "called".
        "The changes proposed by the council were the biggest ever.",
        "They would definitely support the biggest cut ever.",
        "The levy rose, called the Fair Share scheme, to the highest in years.",
        // A cue in "-s" as the subject of a plural's verb.
        "His remarks were the harshest of the session.",
        "The coastal states have the highest fuel taxes in the union.",
        "The member states agreed to a 3 percent cap.",
    ] {
        assert!(!is_attributed(&Own::from_text(s)), "{s}");
    }
}
