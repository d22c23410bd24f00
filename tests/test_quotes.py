"""Quote extraction on short news paragraphs written for these tests, and a slice of PolNeAR.

Each test pins one behaviour with exact values. Names are ones the small English
model recognises, so a failure points at the quote rules, not at NER.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from extractor.extract.entities import extract_entities
from extractor.extract.quotes import extract_quotes, find_quote_spans, quote_id
from extractor.models import Quote
from extractor.nlp import load_pipeline

POLNEAR = Path(__file__).resolve().parents[2] / "shared/dev/polnear"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="module")
def quotes_of(nlp):
    def run(text: str) -> list[Quote]:
        doc = nlp(text)
        return extract_quotes(doc, "art", extract_entities(doc, "art"))

    return run


def direct(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.kind == "direct"]


def speakers_by_text(quotes: list[Quote]) -> dict[str, str | None]:
    """Each quote's text -> its speaker's name (None when it has none)."""
    return {q.text: q.speaker.name if q.speaker else None for q in quotes}


def summary(quote: Quote) -> tuple:
    """(kind, text, cue, speaker mention, speaker name) of a quote."""
    return (
        quote.kind,
        quote.text,
        quote.cue.text if quote.cue else None,
        quote.speaker_mention.text if quote.speaker_mention else None,
        quote.speaker.name if quote.speaker else None,
    )


# ------------------------------------------------------------ quotation marks


def test_straight_quotes_with_speaker_after(quotes_of):
    text = (
        'The mayor said the bridge would reopen soon. "We expect traffic by Friday," '
        "said David Johnson, the city engineer."
    )
    assert [summary(q) for q in direct(quotes_of(text))] == [
        ("direct", "We expect traffic by Friday,", "said", "David Johnson", "David Johnson")
    ]


def test_whom_a_quotation_was_said_to_is_no_part_of_it(quotes_of):
    # "told reporters:" and "said to the BBC:" name the audience; the words are the quotation
    words = '"You abused the trust placed in you by vulnerable people."'
    for lead, cue in (("Caroline Wynn told him: ", "told"), ("Caroline Wynn said to the BBC: ", "said")):
        assert [summary(q) for q in quotes_of(lead + words)] == [
            ("direct", words.strip('"'), cue, "Caroline Wynn", "Caroline Wynn")]
    # reported words after the audience are still the reported clause, with its quoted part
    (quote,) = quotes_of('Caroline Wynn told the BBC the deal was "a disaster for everyone".')
    assert (quote.kind, quote.text) == ("mixed", 'the deal was "a disaster for everyone"')


def test_a_speaker_s_name_the_tagger_reads_as_a_common_noun_is_still_the_named_person(quotes_of):
    # a real surname, as the tagger misreads it before an age in apposition
    (quote,) = quotes_of('Keir Starmer won the election. Starmer, 61, said "change begins here".')
    assert summary(quote) == ("direct", "change begins here", "said", "Starmer", "Keir Starmer")


def test_the_maker_of_data_cited_by_according_to_speaks_for_the_whole_report(quotes_of):
    # an acronym the model misses, cited for a sentence whose participle the parser hangs it on
    (quote,) = quotes_of("Kelmont's revenue rose to $56.5 billion in the quarter, beating estimates of "
                         "$54.5 billion, according to KVRX data.")
    assert quote.text.startswith("Kelmont's revenue rose to $56.5 billion")
    assert (quote.speaker_mention.text, quote.speaker.name) == ("KVRX data", "KVRX")


def test_staff_at_a_firm_speak_for_the_firm_however_its_name_reads(quotes_of):
    # "Morgan Stanley" reads as a first name and a surname: the analysts work at the bank
    (quote,) = quotes_of('Analysts at Morgan Stanley said the results "put to rest" concerns about slowing growth.')
    assert quote.speaker.name == "Morgan Stanley"


def test_an_as_clause_whose_subject_is_no_speaker_reports_nothing(quotes_of):
    text = ("The chipmaker slumped 5% on Monday, building on last week's losses as heavy selling continued "
            "across the sector. Prices rose, as the data showed.")
    assert [q.text for q in quotes_of(text)] == ["Prices rose"]


def test_the_one_asked_is_not_who_asked(quotes_of):
    text = ('Asked about the mayor\'s claim that the fire had been set, Dana Whitcombe said, "I think it is '
            'important to know the facts first."')
    question, answer = quotes_of(text)
    assert (question.text, question.speaker) == ("about the mayor's claim that the fire had been set", None)
    assert (answer.kind, answer.speaker.name) == ("direct", "Dana Whitcombe")
    # the question before a trailing reply is no part of what the one asked said
    text = 'Dana Whitcombe defended the budget. Asked whether taxes would rise, the mayor replied: "Not this year."'
    assert [(q.text, q.speaker and q.speaker.name) for q in quotes_of(text)][1:] == [
        ("whether taxes would rise", None), ("Not this year.", "Dana Whitcombe")]


def test_apostrophes_are_not_quotation_marks(quotes_of):
    text = (
        "The bank said profits rose. “It’s been a strong year,” said Peter Hall. "
        "It’s unclear whether the shares’ rally will last."
    )
    assert [summary(q) for q in direct(quotes_of(text))] == [
        ("direct", "It’s been a strong year,", "said", "Peter Hall", "Peter Hall")
    ]


def test_single_quotation_marks(quotes_of):
    text = "Union leader Maria Costa called the offer 'an insult to every worker' on Tuesday."
    assert [summary(q) for q in quotes_of(text)] == [
        ("direct", "an insult to every worker", "called", "Union leader Maria Costa", "Maria Costa")
    ]


def test_text_and_offsets_are_the_words_inside_the_marks(quotes_of):
    text = "“Prices will keep falling,” said Tom Becker, a portfolio manager at Fidelity."
    (quote,) = quotes_of(text)
    assert (quote.start, quote.end) == (1, 26)
    assert text[quote.start : quote.end] == quote.text == "Prices will keep falling,"


def test_unclosed_quote_stops_at_its_paragraph(quotes_of):
    text = "The minister said “the plan is working. Nobody expected this.\n\nShares of the lender rose 3% on Tuesday."
    assert [(q.kind, q.text) for q in quotes_of(text)] == [("direct", "the plan is working. Nobody expected this.")]


def test_a_short_quotation_elsewhere_does_not_stretch_a_reported_clause(quotes_of):
    # A one- or two-letter quotation ("she" is a "he") used to count as lying inside every
    # reported clause, which then ran on to its closing mark, paragraphs away.
    text = (
        "Local officials felt comfortable with the plan, said Mr. Barrett, the lawyer.\n\n"
        "The council met again on Tuesday.\n\n"
        'Nobody can tell, unless "she" is a "he".'
    )
    [reported] = [q for q in quotes_of(text) if q.cue and q.cue.text == "said"]
    assert (reported.kind, reported.text) == ("indirect", "Local officials felt comfortable with the plan")
    assert reported.end < text.index("\n")


def test_unbalanced_marks_never_raise_and_never_run_on():
    text = "He said ”no. “Maybe ” later \" and ‘ then\n\nA new paragraph with no marks at all."
    spans = find_quote_spans(text)
    assert all(span.end <= text.index("\n") for span in spans)


def test_quote_continues_into_a_paragraph_that_opens_with_a_mark(quotes_of):
    text = (
        "“We are expanding into Asia,” said Lena Park, the chief executive. “Demand has never been stronger.\n\n"
        "“We will hire 500 people next year.”"
    )
    assert [summary(q) for q in quotes_of(text)] == [
        ("direct", "We are expanding into Asia,", "said", "Lena Park", "Lena Park"),
        (
            "direct",
            "Demand has never been stronger.\n\nWe will hire 500 people next year.",
            "said",
            "Lena Park",
            "Lena Park",
        ),
    ]


def test_scare_quotes_without_a_cue_are_not_quotes(quotes_of):
    assert quotes_of("Shares of the “Big Four” banks fell sharply on Monday.") == []


# ------------------------------------------------------------------- speakers


def test_speaker_before_the_quote_with_adding_clause(quotes_of):
    text = (
        "“Prices will keep falling,” said Tom Becker, a fund manager.\n\n"
        "“Nobody is buying,” Becker said, adding that rates would stay low."
    )
    assert [summary(q) for q in quotes_of(text)] == [
        ("direct", "Prices will keep falling,", "said", "Tom Becker", "Tom Becker"),
        ("direct", "Nobody is buying,", "said", "Becker", "Tom Becker"),
        ("indirect", "that rates would stay low", "adding", "Becker", "Tom Becker"),
    ]


def test_inverted_cue_asks(quotes_of):
    text = "“Who pays for this?” asks Carla Mendes, a city councillor."
    assert [summary(q) for q in quotes_of(text)] == [
        ("direct", "Who pays for this?", "asks", "Carla Mendes", "Carla Mendes")
    ]


def test_quote_split_by_its_attribution_gives_both_parts(quotes_of):
    text = "“The numbers are strong,” says Priya Nair, “but the outlook is uncertain.”"
    assert [summary(q) for q in quotes_of(text)] == [
        ("direct", "The numbers are strong,", "says", "Priya Nair", "Priya Nair"),
        ("direct", "but the outlook is uncertain.", "says", "Priya Nair", "Priya Nair"),
    ]


def test_paragraph_that_is_only_a_quote_continues_the_speaker_before(quotes_of):
    text = (
        "“We will appeal,” said Mark Davis, the club’s lawyer.\n\n"
        "“This decision ignores the evidence and we are confident of winning.”"
    )
    assert [summary(q) for q in quotes_of(text)][1] == (
        "direct",
        "This decision ignores the evidence and we are confident of winning.",
        "said",
        "Mark Davis",
        "Mark Davis",
    )


def test_pronoun_resolves_to_the_last_person(quotes_of):
    text = "Jennifer Walsh joined the board in 2019. “We need a new strategy,” she said."
    assert [summary(q) for q in quotes_of(text)] == [
        ("direct", "We need a new strategy,", "said", "she", "Jennifer Walsh")
    ]


def test_a_pronoun_in_an_inner_clause_is_that_clauses_subject(quotes_of):
    # not the main clause's subject, which is further from the pronoun
    text = "Kelmont Inc dropped 8 per cent on Monday, after Varo Labs rolled out a free assistant that it says uses cheaper chips."
    [quote] = quotes_of(text)
    assert (quote.text, quote.speaker.name) == ("uses cheaper chips", "Varo Labs")


def test_a_demonym_the_parser_made_the_subject_gives_way_to_the_name_it_describes(nlp):
    from spacy.tokens import Doc

    from extractor.extract.quotes.speakers import subject_of

    # the small model's parse of such a sentence: "startup" read as the main verb, the demonym its subject
    words = ["Chinese", "startup", "Kelmont", "made", "a", "splash", ",", "claiming", "that", "it", "won", "."]
    heads = [1, 1, 3, 1, 5, 3, 1, 1, 10, 10, 7, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "det", "dobj", "punct", "advcl", "mark", "nsubj", "ccomp", "punct"]
    pos = ["ADJ", "VERB", "PROPN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "SCONJ", "PRON", "VERB", "PUNCT"]
    tags = ["JJ", "VBD", "NNP", "VBD", "DT", "NN", ",", "VBG", "IN", "PRP", "VBD", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=["B-NORP"] + ["O"] * 11)
    assert subject_of(doc[7]).text == "Kelmont"


def test_a_spokesperson_the_parser_made_the_head_of_the_cue_speaks_for_the_organisation(quotes_of):
    text = ("Kelmont shares fell 17%. In an afternoon statement, a Kelmont spokesperson called the rival’s model an "
            "“excellent advancement” which is “fully compliant”.")
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes_of(text)] == [
        ("excellent advancement", "Kelmont"), ("fully compliant", "Kelmont")]


def test_a_passive_cue_s_agent_speaks_even_where_the_parse_made_its_subject_active(quotes_of):
    [quote] = quotes_of("Varo’s launch — referred to by investor Dana Whitcombe as “a turning point” — shook markets.")
    assert (quote.speaker.name, quote.text) == ("Dana Whitcombe", "as “a turning point”")


def test_a_dummy_it_and_a_they_of_an_unnamed_group_name_no_speaker(quotes_of):
    [quote] = quotes_of("Kelmont shares fell. It's also worth pointing out that this isn't money in the founder's pockets.")
    assert (quote.cue.text, quote.speaker) == ("pointing out", None)
    [quote] = quotes_of("Kelmont Inc shares fell. Investors sold technology stocks on Monday as they worried that a cheap "
                        "model would threaten the leaders.")
    assert (quote.cue.text, quote.speaker) == ("worried", None)


def test_a_description_takes_up_the_unnamed_body_written_after_the_last_name(quotes_of):
    text = ("The quake killed 820 people, the Kelmont Red Crescent said. Updated interior ministry figures showed the "
            "toll rising. Another 672 people were injured, the ministry said.")
    speakers = speakers_by_text(quotes_of(text))
    assert speakers["The quake killed 820 people"] == "Kelmont Red Crescent"
    assert speakers["Another 672 people were injured"] is None


def test_the_company_said_again_is_still_the_company_named_before(quotes_of):
    text = ("Halvane Corp reported results on Wednesday. The company said profit rose 3 percent. "
            "The company also said sales fell 2 percent. \u201cWe are pleased,\u201d said the company.")
    assert [q.speaker.name if q.speaker else None for q in quotes_of(text)] == ["Halvane Corp"] * 3


def test_a_based_description_the_parser_hangs_on_its_town_is_the_company(quotes_of):
    text = ("Halvane Corp reported results on Wednesday. Revenue rose 12 percent, according to a statement from "
            "the Menlo Park, California-based company. The Menlo Park, California-based company said costs rose.")
    assert [q.speaker.name if q.speaker else None for q in quotes_of(text)] == ["Halvane Corp"] * 2


def test_the_retailer_is_not_the_rival_named_just_before(quotes_of):
    text = ("Brannock Stores reported earnings that topped estimates. Rival Kelmart was also lower after the results. "
            "The retailer said demand was strong.")
    assert [q.speaker.name for q in quotes_of(text)] == ["Brannock Stores"]


def test_an_airline_and_its_planes_maker_are_two_and_the_airline_speaks(quotes_of):
    quotes = quotes_of("A Halvar Airlines Airbus A320 with 150 passengers on board made an emergency landing in Porto on "
                       "Wednesday after a bird strike, the airline said.")
    assert [q.speaker.name for q in quotes] == ["Halvar Airlines"]


def test_keeping_a_lead_reports_no_words(quotes_of):
    quotes = quotes_of("Halvane Corp has maintained a year-to-date increase of nearly 140%. Tomas Grau maintained that "
                       "he had won.")
    assert [q.text for q in quotes] == ["that he had won"]


def test_they_resolves_to_the_last_organisation(quotes_of):
    text = "Greenpeace blocked the port on Monday. “We will stay until the ship leaves,” they said."
    assert [summary(q) for q in quotes_of(text)] == [
        ("direct", "We will stay until the ship leaves,", "said", "they", "Greenpeace")
    ]


def test_it_resolves_to_the_last_organisation(quotes_of):
    text = "Amazon opened a warehouse in Ohio. It said the site would employ 1,000 people."
    assert [summary(q) for q in quotes_of(text)] == [
        ("indirect", "the site would employ 1,000 people", "said", "It", "Amazon")
    ]


def test_surname_resolves_to_the_full_name(quotes_of):
    text = "Michael Brown, the union’s leader, spoke on Monday. “The strike goes on,” Brown said."
    assert [summary(q) for q in direct(quotes_of(text))] == [
        ("direct", "The strike goes on,", "said", "Brown", "Michael Brown")
    ]


def test_the_company_in_a_statement_resolves_to_the_organisation(quotes_of):
    text = 'Boeing shares fell on Monday. "We delivered 40 jets in May," the company said in a statement.'
    assert [summary(q) for q in direct(quotes_of(text))] == [
        ("direct", "We delivered 40 jets in May,", "said", "the company", "Boeing")
    ]


def test_description_with_a_place_resolves_to_the_organisation(quotes_of):
    text = (
        "Google released a new chatbot on Monday. "
        "The California-based company claims its model beats rivals on maths tests."
    )
    assert [summary(q) for q in quotes_of(text)] == [
        ("indirect", "its model beats rivals on maths tests", "claims", "The California-based company", "Google")
    ]


def test_speaker_is_null_when_the_text_does_not_name_one(quotes_of):
    assert [summary(q) for q in quotes_of("Officials said the road would stay closed until June.")] == [
        ("indirect", "the road would stay closed until June", "said", "Officials", None)
    ]


def test_dash_attribution(quotes_of):
    assert [summary(q) for q in quotes_of("“Lower taxes mean more jobs.” ― Daniel Ortiz")] == [
        ("direct", "Lower taxes mean more jobs.", "―", "Daniel Ortiz", "Daniel Ortiz")
    ]


# ------------------------------------------------------------- partial quotes


def test_partial_quote_after_a_naming_verb_is_direct(quotes_of):
    text = "Chancellor Olaf Weber called the deal “a historic step” for Europe."
    assert [summary(q) for q in quotes_of(text)] == [
        ("direct", "a historic step", "called", "Chancellor Olaf Weber", "Olaf Weber")
    ]


def test_a_programme_title_after_a_plural_possessive_is_a_name_not_a_quote(quotes_of):
    for show in ('NBC News\' "Today" program', 'Fox News\' "America Live" show'):
        text = f'Orvex chief Dana Pell apologised on Friday. "We are deeply sorry for the delays," she told {show}.'
        assert [summary(q) for q in quotes_of(text)] == [
            ("direct", "We are deeply sorry for the delays,", "told", "she", "Dana Pell")
        ]


def test_a_headlines_passive_blame_or_accusation_has_no_speaker(quotes_of):
    # "X blamed for Y" is a passive without its "was": X is who is blamed, not a speaker;
    # who blames X is not said, as in "X was blamed for Y"
    assert [summary(q) for q in quotes_of("Orvex blamed for global outage")] == [
        ("indirect", "for global outage", "blamed", None, None)]
    assert [summary(q)[3:] for q in quotes_of("Senator Dana Pell accused of lying to voters")] == [(None, None)]


def test_a_participle_after_a_before_clause_is_the_main_clauses_speaker(quotes_of):
    text = ('Outgoing Mayor Dana Pell conceded defeat moments before the Green Union passed the mark, declaring at '
            'the count: "The Green Union has won this election."')
    [quote] = [q for q in quotes_of(text) if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.name == "Dana Pell"


def test_calling_someone_to_congratulate_them_is_a_call_not_words(quotes_of):
    text = ("Dana Pell conceded defeat on Friday. The mayor has already called Keir Starmer to congratulate him on "
            "taking over the council.")
    assert [q.cue.text for q in quotes_of(text)] == ["conceded"]
    assert [q.text for q in quotes_of("Senator Dana Pell called on Sam Ortiz to resign.")] == ["on Sam Ortiz to resign"]


def test_speaking_about_a_pronoun_reports_no_words(quotes_of):
    assert quotes_of("The mayor spoke about it on Friday.") == []
    assert [q.text for q in quotes_of("The mayor spoke about the budget on Friday.")] == ["about the budget"]


def test_pointing_the_finger_is_no_content_but_what_follows_it_may_be(quotes_of):
    text = ("The Kelmont cyber office also pointed the finger at Orvex, telling reporters that a faulty update "
            "was behind the disruption.")
    assert [q.text for q in quotes_of(text)] == ["that a faulty update was behind the disruption"]


def test_described_as_partial_quote(quotes_of):
    text = "Microsoft described the outage as “an isolated incident” on Friday."
    assert [summary(q) for q in quotes_of(text)] == [
        ("direct", "an isolated incident", "described", "Microsoft", "Microsoft")
    ]


def test_reported_clause_with_a_quoted_part_is_mixed(quotes_of):
    text = "Senator Ruth Adams said the bill was “dead on arrival” in the House."
    assert [summary(q) for q in quotes_of(text)] == [
        ("mixed", "the bill was “dead on arrival” in the House", "said", "Senator Ruth Adams", "Ruth Adams")
    ]


# ------------------------------------------------------------ reported speech


def test_said_that(quotes_of):
    text = "Economist Paul Grant warned that a recession was likely next year."
    assert [summary(q) for q in quotes_of(text)] == [
        ("indirect", "that a recession was likely next year", "warned", "Economist Paul Grant", "Paul Grant")
    ]


def test_trailing_attribution_told(quotes_of):
    text = "The bank will cut 2,000 jobs, chief executive John Miller told Reuters."
    assert [summary(q) for q in quotes_of(text)] == [
        ("indirect", "The bank will cut 2,000 jobs", "told", "chief executive John Miller", "John Miller")
    ]


def test_told_someone_that(quotes_of):
    assert [summary(q) for q in quotes_of("Linda Chen told investors that margins would improve.")] == [
        ("indirect", "that margins would improve", "told", "Linda Chen", "Linda Chen")
    ]


def test_according_to(quotes_of):
    text = "According to the finance ministry, inflation fell to 2.1% in March."
    assert [summary(q) for q in quotes_of(text)] == [
        ("indirect", "inflation fell to 2.1% in March", "According to", "the finance ministry", None)
    ]


def test_wrote_that_with_a_quoted_part(quotes_of):
    text = "In a blog post, Sarah Lee wrote that the update “fixes the worst bugs.”"
    assert [summary(q) for q in quotes_of(text)] == [
        ("mixed", "that the update “fixes the worst bugs.”", "wrote", "Sarah Lee", "Sarah Lee")
    ]


def test_trailing_said_with_a_description(quotes_of):
    text = "Boeing shares fell on Monday. Orders rose 4% in the quarter, the planemaker said."
    assert [summary(q) for q in quotes_of(text)] == [
        ("indirect", "Orders rose 4% in the quarter", "said", "the planemaker", "Boeing")
    ]


def test_transcript_lines(quotes_of):
    assert [summary(q) for q in quotes_of("SMITH: We will win this race.\n\nJONES: We will see about that.")] == [
        ("direct", "We will win this race.", ":", "SMITH", None),
        ("direct", "We will see about that.", ":", "JONES", None),
    ]


def test_one_capitalised_label_twice_is_a_pages_category_not_a_transcript(quotes_of):
    text = ("UPDATE: Kelmont Air Jet Loses Panel In Flight\n\nThe jet landed safely in Kelby on Friday.\n\n"
            "UPDATE: Kelmont Air Jet Loses Panel In Flight Another Kelmont jet at the gate.")
    assert quotes_of(text) == []


def test_a_name_in_quotation_marks_after_named_is_no_quote(quotes_of):
    text = "\"We will examine it,\" said Ana Ruiz, who described the finder as a teacher named \"Bob.\""
    assert [q.text for q in quotes_of(text)] == ["We will examine it,"]


def test_a_thing_found_in_a_state_is_no_finding_but_a_clause_found_is(quotes_of):
    assert quotes_of("Federal officials have found the door plug blown off the jet on Friday night.") == []
    assert [q.text for q in quotes_of("Investigators found that the bolts were missing.")] == [
        "that the bolts were missing"]


def test_lives_a_storm_claimed_are_no_claim_of_words(quotes_of):
    assert quotes_of("The storm has claimed at least 118 lives in the region. The avalanche claimed the lives of "
                     "three climbers.") == []
    assert [q.text for q in quotes_of("Kelmont claimed that its rivals cheated.")] == ["that its rivals cheated"]


def test_according_to_after_a_saying_and_its_participle_relays_the_speakers_words(quotes_of):
    text = ("\"I want to caution that this is not a definitive count,\" Governor Ana Ruiz said, adding that the number "
            "will change as reports come in, according to Kelby News.")
    assert {(q.kind, q.speaker.name if q.speaker else None) for q in quotes_of(text)} == {
        ("direct", "Ana Ruiz"), ("indirect", "Ana Ruiz")}


def test_a_label_before_a_list_line_or_a_heading_is_no_speaker(quotes_of):
    text = ("Retail stocks slid on Friday.\n\nAmazon: Dropped 3.4%\n\nApple Stock: Why Now?\n\n"
            "Bernie Sanders: Clinton is not qualified to be president")
    assert [summary(q) for q in quotes_of(text)] == [
        ("indirect", "Clinton is not qualified to be president", ":", "Bernie Sanders", "Bernie Sanders")]


def test_the_speaker_before_an_aside_in_dashes(quotes_of):
    text = ("Boeing — which has supplied the airline for four decades — called the order "
            "“a vote of confidence.”")
    assert [summary(q) for q in direct(quotes_of(text))] == [
        ("direct", "a vote of confidence.", "called", "Boeing", "Boeing")]


def test_a_passive_report_that_names_no_one_has_a_cue_and_no_speaker(quotes_of):
    expected = quotes_of("The senator is expected to announce her decision on Friday.")
    assert [summary(q) for q in expected] == [
        ("indirect", "to announce her decision on Friday", "expected", None, None)]
    accused = quotes_of("The mayor was accused of using city funds for his campaign.")
    assert [summary(q) for q in accused] == [
        ("indirect", "of using city funds for his campaign", "accused", None, None)]


def test_what_a_poll_or_a_video_shows_is_reported_by_it(quotes_of):
    assert [summary(q) for q in quotes_of("Polls show a close race in Ohio, where the two candidates are tied.")] == [
        ("indirect", "a close race in Ohio, where the two candidates are tied", "show", "Polls", None)]
    # a person who shows something reports nothing
    assert quotes_of("The mayor showed the visitors a model of the new bridge.") == []


def test_in_the_poll_reports_what_the_poll_found(quotes_of):
    assert [summary(q) for q in quotes_of("In the latest poll, Clinton leads Trump by three points.")] == [
        ("indirect", "Clinton leads Trump by three points", "In", "the latest poll", None)]
    assert quotes_of("The senator invested in a new company.") == []


def test_an_adjective_of_stance_states_the_subjects_position(quotes_of):
    assert [summary(q) for q in quotes_of("Senator Graham has been critical of the deal since June.")] == [
        ("indirect", "of the deal", "critical", "Senator Graham", "Graham")]
    assert [summary(q) for q in quotes_of("She was sure Trump would win the state.")] == [
        ("indirect", "Trump would win the state", "sure", "She", None)]
    # a thing that is critical holds no position
    assert quotes_of("The bridge is critical for the region.") == []


def test_a_report_named_by_its_outlet_reports_its_that_clause(quotes_of):
    text = "Clinton seized on a New York Times report that Trump had lost $916 million in 1995."
    assert [summary(q) for q in quotes_of(text)] == [
        ("indirect", "that Trump had lost $916 million in 1995", "report", "New York Times", "New York Times")]


def test_a_speech_verb_ending_its_paragraph_with_a_colon_reports_the_next_paragraph(quotes_of):
    text = "The governor added:\n\nIt is typical of her. She knows nothing about the budget."
    assert [summary(q) for q in quotes_of(text)] == [
        ("indirect", "It is typical of her. She knows nothing about the budget.", "added", "The governor", None)]
    # the colon of another clause introduces a list, not the speaker's words
    assert [q.text for q in quotes_of("He said the plan had two parts:\n\nThe first part is tax.")] == [
        "the plan had two parts"]


def test_what_people_want_or_believe_is_their_view(quotes_of):
    assert [summary(q) for q in quotes_of("Democrats want policies that create more revenue.")] == [
        ("indirect", "policies that create more revenue", "want", "Democrats", "Democrats")]
    # a thing that wants something holds no view
    assert quotes_of("The company wants a new office.") == []


def test_a_speech_verb_joined_on_is_the_speakers_next_statement(quotes_of):
    text = "The mayor said he would order a review of the budget and warned against new spending."
    assert [(q.text, q.cue.text) for q in quotes_of(text)] == [
        ("he would order a review of the budget and warned against new spending", "said"),
        ("against new spending", "warned")]


def test_an_as_aside_attributes_the_sentence_it_hangs_on(quotes_of):
    text = "As many tax experts have pointed out, the senator is free to release his returns."
    assert [summary(q) for q in quotes_of(text)] == [
        ("indirect", "the senator is free to release his returns", "pointed out", "many tax experts", None)]


def test_an_as_aside_of_what_someone_learned_or_feared_about_a_thing_reports_nothing(quotes_of):
    assert quotes_of("Chipmaker Kelmont plunged nearly 17% on Monday as investors learned about Orvex, "
                     "a young start-up.") == []
    # a view with no object of its own still takes the sentence: "…, as analysts expected"
    assert [q.text for q in quotes_of("Kelmont's revenue rose 5% in the quarter, as analysts expected.")] == [
        "Kelmont's revenue rose 5% in the quarter"]


# ------------------------------------------------------------------- records


def test_ids_are_stable_hashes_of_the_offsets(quotes_of):
    (quote,) = quotes_of("“Who pays for this?” asks Carla Mendes, a city councillor.")
    expected = "q_" + hashlib.sha1(f"art:{quote.start}:{quote.end}".encode()).hexdigest()[:16]
    assert quote.id == quote_id("art", quote.start, quote.end) == expected


def test_quotes_are_sorted_by_start(quotes_of):
    text = (
        "Officials said the road would stay closed. “We are sorry,” said David Johnson, the city engineer. "
        "Linda Chen told reporters that repairs would take a month."
    )
    starts = [q.start for q in quotes_of(text)]
    assert starts == sorted(starts) and len(starts) == 3


# ------------------------------------------------------------------- PolNeAR


def test_polnear_slice_scores():
    from extractor.evaluate.polnear import format_polnear, score_polnear

    result = score_polnear(POLNEAR, limit=8, direct=False)  # through `extractor run`, offsets mapped back
    assert result["articles"] == 8 and result["failed"] == [] and result["path"] == "product"
    assert result["quoted"]["gold"] > 15
    assert result["quoted"]["f1"] >= 0.7
    assert result["quoted"]["speaker_accuracy"] >= 0.85
    for role in ("source", "cue", "content"):
        assert result["all"][role]["overlap"]["f1"] >= 0.75
        assert result["all"][role]["exact"]["f1"] >= 0.4
    assert "quoted" in format_polnear(result)


def test_offsets_of_a_cleaned_text_map_back_to_the_raw_file():
    from extractor.evaluate.product_path import OffsetMap

    raw = "Senate passes the bill\n\nThe senator  said\n“we won” on Friday.\n"
    clean = "The senator said “we won” on Friday."
    mapping = OffsetMap(raw, clean)
    for words in ("we won", "senator", "Friday."):
        start = clean.index(words)
        assert raw[slice(*mapping.span(start, start + len(words)))] == words


def test_words_an_outlet_relays_belong_to_the_subject_it_relays_not_the_outlet(quotes_of):
    relayed = quotes_of("The Guardian reports the Federal Reserve is “watching the markets closely” and that it will act.")
    assert [(q.kind, q.speaker.name, q.speaker_mention.text) for q in relayed] == [
        ("mixed", "Federal Reserve", "the Federal Reserve")]
    said = quotes_of("Senator Jane Kerr said Tesla was “a disgrace” on Monday.")
    assert [(q.kind, q.speaker.name) for q in said] == [("mixed", "Jane Kerr")]  # said: the words stay hers


def test_a_single_quoted_passage_over_paragraphs_is_one_quote_of_its_speaker(quotes_of):
    text = ("‘I held nothing back,’ Mr. Jones said.\n\n"
            "‘And I made clear this was about the future.\n\n"
            "‘But voters have decided and I think the party requires new leadership,’ he said.")
    quotes = quotes_of(text)
    assert [(q.kind, q.speaker.name) for q in quotes] == [("direct", "Jones"), ("direct", "Jones")]
    assert quotes[1].text.startswith("And I made clear") and quotes[1].text.endswith("new leadership,")
    # an unclosed ‘ whose next paragraph does not open with one stays an apostrophe
    unclosed = quotes_of("The mayor called it a ‘fresh start for the town.\n\nThe markets fell on Monday.")
    assert [q for q in unclosed if q.kind == "direct"] == []


def test_a_pronoun_speaker_skips_a_name_that_only_modifies_a_noun(quotes_of):
    text = ("Prime Minister Tom Berg said the result must be respected.\n"
            "The Brexit result has triggered market turmoil, and the pound plunged.\n"
            "“I want to reassure investors that the economy is strong,” he said.")
    assert [(q.kind, q.speaker.name) for q in quotes_of(text)] == [("indirect", "Tom Berg"), ("direct", "Tom Berg")]


def test_a_dateline_is_not_the_speaker_the_name_after_it_is(quotes_of):
    text = ("BOSTON -- Governor Maria Lopez, opening the new bridge on Friday, said it would "
            "\"carry the city into the next century.\"")
    assert [(q.kind, q.speaker.name, text[q.speaker_mention.start:q.speaker_mention.end]) for q in quotes_of(text)] == [
        ("mixed", "Maria Lopez", "Governor Maria Lopez")]


def test_an_inverted_said_skips_the_quote_the_parser_took_as_its_subject(quotes_of):
    text = ("“The campaign is in panic mode. Full panic mode,” said Leslie Wimes, a Florida-based "
            "president of the caucus.")
    assert [(q.kind, q.speaker.name) for q in quotes_of(text)] == [("direct", "Leslie Wimes")]


def test_a_participle_after_a_name_has_that_name_as_its_subject(quotes_of):
    footage = quotes_of("The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead?”")
    assert [(q.kind, q.speaker.name) for q in footage] == [("direct", "Hillary Clinton")]
    # after a comma the participle is the clause subject's
    rally = quotes_of("Mr. Brown spoke at the rally, saying the vote was \"rigged.\"")
    assert [(q.kind, q.speaker.name) for q in rally] == [("mixed", "Brown")]


def test_after_saying_takes_the_subject_of_the_main_clause_even_a_passive_one(quotes_of):
    text = ("Senator Mary Stone left the hearing early. After saying the plan was “dead on arrival,” "
            "she was driven to the airport.")
    assert [(q.kind, q.speaker.name, text[q.cue.start:q.cue.end]) for q in quotes_of(text)] == [
        ("mixed", "Mary Stone", "saying")]


def test_a_reported_clause_the_parser_hung_elsewhere_is_still_the_content(quotes_of):
    said = quotes_of("Mr. Green said after the vote he would not accept the offer if it were made.")
    assert [(q.kind, q.text, q.speaker.name) for q in said] == [
        ("indirect", "he would not accept the offer if it were made", "Green")]
    told = quotes_of("Senator Tom Berg spoke in Honolulu last week. He told a meeting of island leaders "
                     "that few people understood the stakes better than residents of the islands.")
    assert [(q.kind, q.text, q.speaker.name) for q in told] == [
        ("indirect", "that few people understood the stakes better than residents of the islands", "Tom Berg")]



def test_a_clause_on_a_noun_of_circumstance_inside_the_object_is_no_report(quotes_of):
    # "posted" reports what is posted, and a "fears that" clause inside its object is nobody's words.
    text = ("The Nasdaq posted its steepest 3.6% drop in six months on fears that higher tariffs "
            "could slow exports from the region.")
    assert quotes_of(text) == []


def test_a_nationality_describing_the_source_is_not_the_speaker(quotes_of):
    said = quotes_of("The model was cheap to build, according to the little-known Chinese startup behind it.")
    assert [(q.text, q.speaker) for q in said] == [("The model was cheap to build", None)]


def test_a_title_in_quotation_marks_makes_no_one_quoted(quotes_of):
    reported = quotes_of('Tom Berg, star of the long-running TV sitcom "Harbour Lights," was found dead at his home '
                         'on Saturday, local media reported.')
    assert [(q.kind, q.speaker) for q in reported] == [("indirect", None)]
    known = quotes_of('Berg was best known for his role as a grumpy harbour master on the wildly popular '
                      '"Harbour Lights," which ran for nine seasons.')
    assert known == []


def test_the_markup_and_ids_of_an_embedded_post_are_not_quotes(quotes_of):
    text = ("Markets fell on Tuesday.\n\n"
            "<tweet author=\"carlquintanilla\" timestamp=\"1474387200\" tweet_id=\"778257943577919488\">"
            "The blue arrow is Warren.</tweet>\n\n"
            "The post by \"@AppleMusic\" on \"September 27, 2016\" drew replies.\n\n"
            "“It was a 10,” Mr. Lee said.")
    assert [(q.kind, q.text, q.speaker.name) for q in quotes_of(text)] == [("direct", "It was a 10,", "Lee")]


def test_an_inverted_cue_whose_title_the_parser_took_as_its_object_names_the_person_after_it(quotes_of):
    # the page excerpt ends inside the next quote; the parse then reads "chief financial
    # officer" as the object of "warned", with the name in apposition
    text = ("“Our total revenue growth rate decelerated by seven points in the quarter,” warned chief "
            "financial officer David Wehner.\n\n“Our total revenu")
    first = quotes_of(text)[0]
    assert summary(first)[2:] == ("warned", "David Wehner", "David Wehner")


def test_descriptions_joined_by_and_before_a_name_give_the_name(quotes_of):
    text = "“This is a day of grief,” local architect and Turin native Marco Bellini said at the ceremony."
    assert summary(quotes_of(text)[0])[3:] == ("Turin native Marco Bellini", "Marco Bellini")


@pytest.mark.parametrize("text, speaker", [
    ("A statement by Prime Minister Giuseppe Conte said the operator “had a duty to maintain the road.”",
     "Giuseppe Conte"),
    ("A letter from Carla Mendes said the council “will not raise fares this year.”", "Carla Mendes"),
    ("Kelmont shares tumbled 3.8% and Pellico 3.3%, the Tribune report added.", "Tribune"),
    ("Kelmont's revenue rose 5% last year, a Harwick Bank note said.", "Harwick Bank"),
])
def test_the_author_of_a_statement_or_letter_is_its_speaker(quotes_of, text, speaker):
    assert [q.speaker.name if q.speaker else None for q in quotes_of(text)] == [speaker]


def test_a_title_in_lower_case_the_tagger_calls_a_proper_noun_is_the_person_who_holds_it(quotes_of):
    text = ("Ministers met in Rome on Monday. Prime Minister Giuseppe Conte spoke first. "
            "“This must never happen again,” the prime minister said.")
    assert summary(quotes_of(text)[0])[3:] == ("the prime minister", "Giuseppe Conte")


@pytest.mark.parametrize("text", [
    "Carla Mendes spoke to reporters on Monday. “We are cutting 400 jobs this year,” she said, according to Reuters.",
    "Carla Mendes spoke to reporters on Monday. “We are cutting 400 jobs this year,” she said, as reported by the BBC.",
])
def test_an_outlet_that_relays_a_speakers_words_is_not_the_speaker(quotes_of, text):
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in quotes_of(text)] == [("direct", "Carla Mendes")]


def test_an_abbreviation_that_ends_a_sentence_before_a_quoted_one_ends_it(quotes_of):
    text = ("Senator Carla Mendes said the deal could help the U.S. “Instead of paying billions, we will pay "
            "less and get the same result,” she said.")
    found = direct(quotes_of(text))
    assert [(q.text, q.speaker.name) for q in found] == [
        ("Instead of paying billions, we will pay less and get the same result,", "Carla Mendes")]


def test_the_one_an_event_prompted_to_speak_is_the_speaker(quotes_of):
    text = ("A rival unveiled a cheaper model, prompting Senator Carla Mendes to describe it as a “wake-up call” "
            "for the industry.")
    assert [q.speaker.name if q.speaker else None for q in quotes_of(text)] == ["Carla Mendes"]


@pytest.mark.parametrize("text, speaker", [
    ("“We will review the decision,” a Boeing spokeswoman said.", "Boeing"),
    ("Shares fell on Monday. “The work shows how new models can be built,” an Intel spokesperson told CNBC.", "Intel"),
])
def test_a_spokesperson_named_by_the_organisation_before_it_speaks_for_it(quotes_of, text, speaker):
    assert [q.speaker.name if q.speaker else None for q in direct(quotes_of(text))] == [speaker]


def test_the_spokesperson_a_later_paragraph_quotes_is_the_one_named_before(quotes_of):
    text = ("“Kelvaro is an excellent advance,” an Orvex spokesperson told reporters on Monday.\n\n"
            "Put simply, the technique lets a model check its answers. Both rivals use it.\n\n"
            "“Kelvaro’s work shows how new models can be built,” the spokesperson added.\n\n"
            "“We are not worried,” the spokeswoman said.")
    # the spokeswoman was never named with an organisation: no one is known to speak through her
    assert [q.speaker.name if q.speaker else None for q in direct(quotes_of(text))] == ["Orvex", "Orvex", None]


@pytest.mark.parametrize("text, speaker", [
    ("Researchers from Hangzhou-based Kelvaro wrote in a paper that the model was trained on older chips.", "Kelvaro"),
    ("A report by Harwick Capital said demand would slow sharply this year.", "Harwick Capital"),
    ("Live footage from the state broadcaster Orvex News showed a building collapse in the old town.", "Orvex News"),
])
def test_researchers_or_a_document_from_an_organisation_speak_for_it(quotes_of, text, speaker):
    assert [q.speaker.name if q.speaker else None for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("“Demand will slow sharply this year,” Harwick analysts said in a note to clients.", "Harwick"),
    ("“Demand will slow sharply this year,” analysts at Harwick said in a note.", "Harwick"),
    ("“Demand will slow sharply this year,” economists said.", None),  # no one named
])
def test_a_firm_s_unnamed_analysts_speak_for_the_firm(quotes_of, text, speaker):
    assert [q.speaker.name if q.speaker else None for q in direct(quotes_of(text))] == [speaker]


def test_a_question_word_after_a_verb_of_saying_reports_no_words(quotes_of):
    quotes = quotes_of("Who said what\n\nJudge Dana Pell said Varo deserved a long sentence. She denied it.")
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes][:1] == [
        ("Varo deserved a long sentence", "Dana Pell")]
    assert "what" not in [q.text for q in quotes]


def test_the_corps_that_speaks_is_the_corps_named_before(quotes_of):
    text = ("More than 1,100 specialists from the Army Corps of Engineers are helping to clear the channel. "
            "The work will take weeks, the corps said in a statement.")
    assert [q.speaker.name if q.speaker else None for q in quotes_of(text)] == ["Army Corps of Engineers"]
    # a unit of the corps named before it is not the corps
    text = ("More than 1,100 specialists from the Baltimore District of the Army Corps of Engineers are helping, "
            "the corps said in a statement.")
    assert [q.speaker.name if q.speaker else None for q in quotes_of(text)] == ["Army Corps of Engineers"]


def test_a_place_before_a_report_is_not_its_author(quotes_of):
    quotes = quotes_of("Donations hit $1.1 billion, a Danish analysis of campaign filings shows.")
    assert [q.speaker for q in quotes] == [None]


def test_the_name_before_a_participle_after_of_is_its_speaker(quotes_of):
    text = ("Kelmont is the largest maker of memory chips. The leading chip maker closed down 7.8 per cent in the "
            "wake of US president Dana Whitcombe announcing sweeping import duties.")
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes_of(text)] == [
        ("sweeping import duties", "Dana Whitcombe")]


def test_a_verb_with_its_own_object_after_a_comma_is_no_trailing_attribution(quotes_of):
    assert quotes_of("In its most recent quarter, Kelmont reported revenue of $35.7 billion, up 94%.") == []
    assert [q.text for q in quotes_of("The deal is off, Kelmont told reporters.")] == ["The deal is off"]


def test_a_description_introduced_unnamed_is_no_one_named_before_it(quotes_of):
    text = ("Governor Dana Whitcombe spoke on Monday. The ship carried fuel, according to a US official familiar "
            "with the matter. But the US official told reporters \"lots would have to go wrong\" for it to spill.")
    assert [q.speaker for q in quotes_of(text)] == [None, None]
    text = "Dana Whitcombe, the state's governor, visited the site. \"This is a tragedy,\" the governor said."
    assert [q.speaker.name for q in quotes_of(text)] == ["Dana Whitcombe"]


def speaker_of(quotes: list[Quote], opening: str) -> str | None:
    quote = next(q for q in quotes if q.text.startswith(opening))
    return quote.speaker.name if quote.speaker else None


def test_one_of_a_nation_is_the_person_named_before(quotes_of):
    text = ('Jurgen Klopp praised his players after the final.\n\n'
            '"I am so happy for the boys," said the elated German.')
    assert speaker_of(quotes_of(text), "I am so happy") == "Jurgen Klopp"


def test_a_pronoun_after_an_unnamed_speaker_is_theirs_not_the_last_name(quotes_of):
    text = ('President Tayyip Erdogan visited the region on Wednesday.\n\n'
            '"There is chaos, rubble and bodies everywhere," said one, whose group had worked overnight.\n\n'
            '"There are still collapsed buildings in the side streets," he added.')
    quotes = quotes_of(text)
    assert speaker_of(quotes, "There are still") is None
    # with no one unnamed between, the pronoun is the name's
    named = ('President Tayyip Erdogan visited the region on Wednesday.\n\n'
             '"There are still collapsed buildings in the side streets," he added.')
    assert speaker_of(quotes_of(named), "There are still") == "Tayyip Erdogan"


def test_a_platform_one_takes_to_is_no_speaker(quotes_of):
    text = ('Greg Brockman, the firm\'s president, also announced his departure.\n\n'
            'Taking to Twitter, he wrote: "Based on today\'s news, I quit."')
    assert speaker_of(quotes_of(text), "Based on") == "Greg Brockman"


def test_a_dateline_with_its_date_is_no_speaker(quotes_of):
    text = 'Brasília, OCT 31: Brazilian president-elect Luiz Inacio Lula da Silva called for "peace and unity" on Sunday.'
    assert speaker_of(quotes_of(text), "peace") == "Luiz Inacio Lula da Silva"


def test_a_title_after_a_work_noun_is_no_quote(quotes_of):
    text = ('In his memoir "Friends, Lovers and the Big Terrible Thing," published last year, Dana Whitcombe '
            'described years of struggle. The band released a song titled "Blue Skies Over Dover" in May.')
    assert not [q for q in quotes_of(text) if q.kind == "direct"]


def test_a_player_named_by_their_position_is_the_one_named_before(quotes_of):
    quotes = quotes_of('Erling Haaland scored twice in the second half. "I was lucky today," the striker said. '
                       'Ana Ruiz has written her first novel. "I wrote it in a year," the novelist said.')
    assert speaker_of(quotes, "I was lucky") == "Erling Haaland"
    assert speaker_of(quotes, "I wrote it") == "Ana Ruiz"


def test_a_person_named_by_their_age_is_the_one_named_before(quotes_of):
    # the model tags "24-year-old" a date, and the parser hangs its "the" on the verb
    quotes = quotes_of('Jannik Sinner won the final in five sets. "It is a dream," the 24-year-old said. '
                       'Carlos Alcaraz lost. "He was better today," said the 22-year-old.')
    assert speaker_of(quotes, "It is a dream") == "Jannik Sinner"
    assert speaker_of(quotes, "He was better") == "Carlos Alcaraz"


def test_the_medium_a_quotation_was_posted_on_is_no_reported_speech(quotes_of):
    quotes = quotes_of('"A thousand years of solitude and sadness," President Juan Santos wrote on Twitter.')
    assert [q.text for q in quotes] == ["A thousand years of solitude and sadness,"]


def test_a_clause_before_a_semicolon_is_no_report_of_the_verb_after_it(quotes_of):
    quotes = quotes_of("The deal is expected to close this year. JPMorgan advised Halden; Goldman Sachs advised Brightwater.")
    assert not any(q.text.startswith("JPMorgan") for q in quotes)


def test_the_agency_is_not_the_company_whose_shares_the_sentence_before_moved(quotes_of):
    quotes = quotes_of("The Federal Aviation Administration said in a filing that a bracket can crack. "
                       "Boeing shares fell 2.1% in afternoon trading. The planemaker has had 31 incidents this year, "
                       "according to the agency.")
    assert speaker_of(quotes, "The planemaker has had") == "Federal Aviation Administration"


def test_the_agency_is_the_unlisted_body_named_last(quotes_of):
    quotes = quotes_of("A Budget Office report found gaps in the scheme. Officials at Border Protection Services said "
                       "smugglers were adapting. In a memo, the agency said the scheme should end.")
    assert speaker_of(quotes, "the scheme should end") == "Border Protection Services"


def test_the_institute_is_the_body_so_named_and_a_named_agency_is_itself(quotes_of):
    quotes = quotes_of("More than 900 people died in the heatwave, the Ramon Llull Institute estimated. "
                       "The Meteocat weather agency said July was the hottest month on record. "
                       "Most of the dead were over 75, the institute said.")
    assert speaker_of(quotes, "July was the hottest") == "Meteocat"
    assert speaker_of(quotes, "Most of the dead") == "Ramon Llull Institute"


def test_an_administration_named_after_a_person_is_not_the_organisation_named_before(quotes_of):
    quotes = quotes_of("Congress passed the bill on Friday. The Biden administration said it would sign it.")
    assert speaker_of(quotes, "it would sign it") is None


def test_a_reported_figure_keeps_its_percent_sign(quotes_of):
    quotes = quotes_of("The union is demanding a rise of 12%, while ministers have offered 3%.")
    assert any(q.text == "a rise of 12%" for q in quotes)


def test_the_company_is_not_the_regulator_named_before_it(quotes_of):
    quotes = quotes_of("The Food and Drug Administration on Thursday approved Norvane Therapeutics' drug. In a trial of "
                       "900 patients, the drug slowed decline by 27%, the company said.")
    assert speaker_of(quotes, "In a trial") == "Norvane Therapeutics"


def test_a_verb_of_going_on_with_an_infinitive_reports_nothing(quotes_of):
    quotes = quotes_of("Home sales fell 3% in March, the lender Norbank said on Friday, as higher rates continued to "
                       "weigh on buyers.")
    assert speaker_of(quotes, "Home sales fell") == "Norbank"


def test_a_surname_the_tagger_reads_as_a_noun_that_speaks_is_the_speaker(quotes_of):
    quotes = quotes_of('Chip stocks fell 3% on Monday. Trump said the launch should be "a wake-up call" for companies.')
    assert speaker_of(quotes, "the launch should be") == "Trump"


def test_writing_for_the_majority_reports_nothing_of_its_own(quotes_of):
    quotes = quotes_of('Writing for the majority, Justice Elena Kagan said the law "cannot stand".')
    assert not any(q.text == "for the majority" for q in quotes)
    assert speaker_of(quotes, "the law") == "Elena Kagan"


def test_a_body_of_a_portfolio_no_organisation_named_holds_is_nobody_named(quotes_of):
    said = [q for q in quotes_of("In Barcelona, the Guàrdia Urbana counted 22,000 protesters. Seven people were arrested "
                                 "in scuffles near the square, the interior ministry said.") if q.cue and q.cue.text == "said"]
    assert [summary(q)[3:] for q in said] == [("the interior ministry", None)]


def test_who_after_a_person_at_an_organisation_is_the_person(quotes_of):
    quotes = quotes_of('"Consumers should not pay the bill," said Søren Madsen, an analyst at Danske Bank, who expects '
                       "regulators to demand the sale of some farms in Scotland.")
    expects = [q for q in quotes if q.cue and q.cue.text == "expects"]
    assert [q.speaker.name for q in expects] == ["Søren Madsen"]


def test_the_dateline_is_no_part_of_what_the_first_sentence_reports(quotes_of):
    quotes = quotes_of("GENEVA — A cholera outbreak in eastern Congo has sickened more than 14,000 people, the World "
                       "Health Organization said on Monday.")
    said = [q for q in quotes if q.cue and q.cue.text == "said"]
    assert said and said[0].text.startswith("A cholera outbreak")


def test_the_utility_is_the_utility_named_before(quotes_of):
    quotes = quotes_of("Pacific Gas and Electric cut power to roughly 31,000 customers as a precaution. The utility, "
                       "whose equipment was blamed for several past fires, said it was too early to say what caused "
                       "the blaze.")
    said = [q for q in quotes if q.cue and q.cue.text == "said"]
    assert [q.speaker.name for q in said if q.speaker] == ["Pacific Gas and Electric"]


def test_she_is_not_a_man_named_with_his_given_name(quotes_of):
    quotes = quotes_of("Mark Ellison and Olive Ramsay ran the shop for forty years.\n\n"
                       'To which she said, "Thank God at least you still believe in the devil."')
    assert [q.speaker.name for q in direct(quotes) if q.speaker] == ["Olive Ramsay"]


def test_a_verb_of_going_on_with_an_object_of_its_own_reports_nothing(quotes_of):
    quotes = quotes_of("Homicides in large American cities fell 16% last year compared with 2024, continuing a steep "
                       "decline from the pandemic-era surge, according to a report released on Thursday by the Council "
                       "on Criminal Justice.")
    assert [(q.cue.text, q.speaker.name if q.speaker else None) for q in quotes] == \
        [("according to", "Council on Criminal Justice")]


def test_a_verb_of_change_with_an_amount_reports_no_words(quotes_of):
    quotes = quotes_of("Silver rose 2.4% to $52.31 an ounce, platinum added 0.8% to $1,641.20 and palladium was little "
                       'changed. "We would not be surprised to see $4,500," the analyst added.')
    assert [q.cue.text for q in quotes if q.cue] == ["added"]
    assert quotes[0].text.startswith("We would not")


def test_no_reply_to_a_request_for_comment_is_no_quote(quotes_of):
    quotes = quotes_of("The RSF accused the army of moving troops. The army did not respond to a request for comment, and "
                       "the ministry responded to the report with a statement.")
    assert [q.text for q in quotes if q.cue and q.cue.text in ("respond", "responded")] == ["to the report with a statement"]


def test_its_report_is_the_report_of_the_company_its_sentence_is_about(quotes_of):
    quotes = quotes_of("Shares of Brightline rose 6.2% to $48.17 in early trading on the Nasdaq. The stock has lost about a "
                       "third of its value over the past 12 months.\n\nThe company had 15,200 employees at the end of "
                       "January, according to its annual report.")
    assert speaker_of(quotes, "The company had") == "Brightline"


def test_the_agency_is_no_fund(quotes_of):
    quotes = quotes_of("The Federal Deposit Insurance Corporation was appointed receiver. The failure is expected to cost "
                       "the Deposit Insurance Fund about $2.1 billion, the agency estimated.")
    assert speaker_of(quotes, "The failure") == "Federal Deposit Insurance Corporation"


def test_a_person_after_an_organisation_and_a_two_word_title_is_the_speaker(quotes_of):
    quotes = quotes_of('"We remain of the view that the story is part of the evolution," Jefferies Chief Economist '
                       "Mohit Kumar said in a note.")
    assert [q.speaker.name for q in quotes if q.speaker] == ["Mohit Kumar"]


def test_the_analyst_is_the_analyst_named_before(quotes_of):
    quotes = quotes_of('Wedbush analyst Dan Ives called it a "golden buying opportunity." The analyst suggests that no '
                       "large company will pin its future on a Chinese startup.")
    assert speaker_of(quotes, "that no large company") == "Dan Ives"


def test_what_a_picture_shows_is_no_one_s_finding(quotes_of):
    quotes = quotes_of("Even an earnings beat was not enough to reverse the trend.\n\nConcept image showing Nvidia shares "
                       "falling on a chart behind a magnifying glass over the Nvidia logo in the foreground\n\nPolls show a "
                       "close contest.")
    assert [q.text for q in quotes] == ["a close contest"]


def test_the_authority_and_the_commission_are_the_bodies_named_before(quotes_of):
    quotes = quotes_of("PANAMA CITY, Aug 15 (SL) - The Panama Canal Authority will cut daily crossings. The lake's level "
                       "stood at 79.6 feet on Wednesday, the authority said. Separately, the Securities and Exchange "
                       "Commission fined Acme. The commission said Acme misled investors.")
    assert speaker_of(quotes, "The lake's level") == "Panama Canal Authority"
    assert speaker_of(quotes, "Acme misled") == "Securities and Exchange Commission"


def test_a_body_s_figures_are_its_words(quotes_of):
    quotes = quotes_of("Mortgage approvals fell to 60,500 in April, the lowest in more than a year, Bank of England "
                       "figures showed last week.")
    assert speaker_of(quotes, "Mortgage approvals") == "Bank of England"


def test_a_name_no_list_knows_after_a_title_is_a_person(quotes_of):
    quotes = quotes_of("Lagos State Governor Babajide Sanwo-Olu ordered an investigation and said the site's owner had "
                       "been detained. Police said the owner had been arrested.")
    assert speaker_of(quotes, "the site's owner") == "Babajide Sanwo-Olu"


def test_an_as_aside_with_no_one_doing_it_is_attributed_to_no_one(quotes_of):
    quotes = quotes_of("The Bank of Canada held its rate at 2.75% on Wednesday, as expected. Prices rose, as analysts "
                       "had expected.")
    assert speaker_of(quotes, "The Bank of Canada held") is None
    assert [q.speaker_mention.text for q in quotes if q.text.startswith("Prices rose")] == ["analysts"]


def test_a_nation_s_agency_is_the_agency_named_before_but_not_another_nation_s(quotes_of):
    quotes = quotes_of("At least two people were killed, said a spokesman for the National Disaster Mitigation Agency. "
                       "Two people died, Indonesia's disaster agency said on Monday. The Ministry of Foreign Affairs of "
                       "Ukraine said the strike killed four. Russia's foreign ministry said the talks had failed.")
    assert speaker_of(quotes, "Two people died") == "National Disaster Mitigation Agency"
    assert speaker_of(quotes, "the talks had failed") == "Russia"  # its own country's words, not Ukraine's ministry's


def test_an_interview_s_turns_are_its_speakers_words_and_their_i_is_theirs(quotes_of):
    quotes = quotes_of("Ngozi Okonjo-Iweala, director-general of the World Trade Organization, spoke to Trade Weekly.\n\n"
                       "Trade Weekly: Is the new trade deal a sign that free trade is back?\n\n"
                       "Okonjo-Iweala: It is a sign that countries are looking for certainty.\n\n"
                       "Trade Weekly: What do you say to your critics?\n\n"
                       "Okonjo-Iweala: I say look at the numbers. Most world trade still happens on our terms.")
    answers = [q for q in quotes if q.text.startswith(("It is a sign", "I say look"))]
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in answers] == [
        ("direct", "Ngozi Okonjo-Iweala"), ("direct", "Ngozi Okonjo-Iweala")]
    assert speaker_of(quotes, "look at the numbers") == "Ngozi Okonjo-Iweala"


def test_the_agency_is_no_bank_of_a_country(quotes_of):
    quotes = quotes_of("The Food and Drug Administration approved the drug in May. Separately, the Bank of Canada cut "
                       "rates. The agency said three patients had died in the trial.")
    assert speaker_of(quotes, "three patients had died") == "Food and Drug Administration"


def test_the_ceo_of_a_company_is_the_person_the_text_made_its_ceo(quotes_of):
    quotes = quotes_of("Velmora Corp shares fell. Kestrel Corp CEO Dana Whitfield spoke on Monday. Orbis Corp CEO Lee "
                       "Marsh spoke too. “We will ship faster,” said the CEO of Kestrel.")
    assert speaker_of(quotes, "We will ship faster") == "Dana Whitfield"


def test_a_topic_put_to_a_speaker_is_no_quote(quotes_of):
    quotes = quotes_of("When asked about the merger on a call with reporters, Orbis Corp finance chief Dana Whitfield "
                       "said the deal would close in June.")
    assert [q.text for q in quotes] == ["the deal would close in June"]


def test_a_quotation_after_a_line_announcing_a_statement_is_its_author_s(quotes_of):
    text = ("Shares of Orbis Corp fell on Monday.\n\nHere is a statement from the Orbis spokesman:\n\n"
            "“We remain confident in our plan and in the demand for our chips.”\n\nAnalysts were not convinced.")
    assert speaker_of(quotes_of(text), "We remain confident") == "Orbis"


def test_a_firm_named_before_its_analysts_is_the_speaker(quotes_of):
    quotes = quotes_of("Orbis Corp fell. Jefferies analysts on Monday wrote that the rival posed a threat to Orbis.")
    assert speaker_of(quotes, "that the rival posed a threat") == "Jefferies"


def test_the_firm_data_come_from_is_the_source(quotes_of):
    quotes = quotes_of("Over the past year, Orbis Corp's stock surged 61.2%, according to data from Benzinga Pro.")
    assert speaker_of(quotes, "Over the past year") == "Benzinga Pro"


def test_a_speaker_asked_in_the_passive_then_speaking_is_the_speaker_and_the_topic_no_quote(quotes_of):
    quotes = quotes_of("Testifying before the finance committee on Friday, Dana Whitfield was asked about the lender's "
                       "troubles and said: \"There are developments at a few banks that I am watching closely.\"")
    assert [(q.text, q.speaker and q.speaker.name) for q in quotes] == [
        ("There are developments at a few banks that I am watching closely.", "Dana Whitfield")]


@pytest.mark.parametrize("text, kept", [
    # a percentage is no speech of a company that "declines" it
    ("Other technology companies faced similar downturns, with Orbis Corp declining 2.14 percent and Tamsin Inc, "
     "Orbis's parent, down more than 4 percent.", []),
    # what is responded to is no words of the one responding
    ("Responding to the news on Monday, Dana Whitfield said the merger may be \"a positive\" for the town.",
     ["the merger may be \"a positive\" for the town"]),
    # where it was said is no words either
    ("In a social media post, Dana Whitfield called the rival's model \"an impressive model for the price.\"",
     ["an impressive model for the price."]),
])
def test_a_topic_a_place_or_an_amount_before_or_after_a_cue_is_no_quote(quotes_of, text, kept):
    assert [q.text for q in quotes_of(text)] == kept


def test_a_one_word_name_that_is_an_english_noun_speaks_through_a_participle_of_saying(quotes_of):
    quotes = quotes_of("Thorn reacted quickly on Monday, saying the release \"should be a wake-up call for our "
                       "industries.\"\n\nHe argued that it could be \"a positive\" for the region.")
    assert [(q.speaker and q.speaker.name) for q in quotes] == ["Thorn", "Thorn"]


@pytest.mark.parametrize("text, opening, speaker", [
    # a firm named after its analysts, with a name that is an English word
    ("Orbis Corp fell. Analysts at Harbor, however, pushed back in a report, arguing that \"the industry will want "
     "more chips, not fewer.\"", "the industry will want", "Harbor"),
    # a person the model ran into the company before him, where the text also writes the company alone
    ("Orvex boss Dana Whitfield praised the rival on Monday.\n\nThe boss of Orvex Dana Whitfield called its startup "
     "rival's model ‘impressive’ after the rapid take-up of its app.", "impressive", "Dana Whitfield"),
    # a name the parser ran into a long description before the cue
    ("\"The first 72 hours are critical,\" Natural Hazards Expert at Trentham University in the U.K. Dana Whitfield "
     "said.", "The first 72 hours", "Dana Whitfield"),
    # a publication cited by its name with "The"
    ("Shares of Orbis Corp fell on Thursday. That move wiped out some $10 billion of the bank's valuation, according "
     "to The Information.", "That move wiped out", "The Information"),
    # "he" is no woman named by her first name alone
    ('Keir Starmer celebrated his victory at a rally in central London. Embracing his wife Victoria, he said that the '
     'British people had chosen to "turn the page" on years of decline.', "that the British people", "Keir Starmer"),
    # an office no one is given: the person the story names most, not the last name of a list
    ('A grim-faced Rishi Sunak conceded defeat after a calamitous night for his party. Penny Mordaunt and Grant '
     'Shapps, two would-be contenders to succeed Mr Sunak, lost their seats, along with veterans such as Sir Jacob '
     'Rees-Mogg. Before flying back to London, the outgoing Prime Minister said: "The British people have delivered '
     'a sobering verdict tonight."', "The British people", "Rishi Sunak"),
    # the office's initials
    ('Rishi Sunak held his seat in Richmond, but he conceded the election to Keir Starmer. Sunak said the voters '
     'had spoken. The PM said he took "responsibility" for his party\'s loss.', "he took", "Rishi Sunak"),
    # the one the text gave the office to, not the last person named
    ('Prime Minister Rishi Sunak met Keir Starmer and Keir Starmer\'s deputy, Angela Rayner, on Friday. Angela Rayner '
     'spoke first. "We are ready," the prime minister said.', "We are ready", "Rishi Sunak"),
    # the parent of a named company is another company: the story's, not an analyst's firm named last
    ('Shares of Meta Platforms soared on Friday after strong results. Analysts at Morgan Stanley raised their target. '
     'The Facebook parent said it would pay its first dividend in March.', "it would pay", "Meta Platforms"),
])
def test_the_speaker_the_parse_or_the_model_hides(quotes_of, text, opening, speaker):
    assert speaker_of(quotes_of(text), opening) == speaker


def test_whom_a_spokesman_speaks_for_is_not_the_speaker(quotes_of):
    assert speaker_of(quotes_of("\"We will appeal,\" a spokesman for Joe Biden said."), "We will appeal") != "Joe Biden"


def test_the_company_a_paragraph_later_is_the_one_the_last_naming_sentence_is_about(quotes_of):
    # the subject's company, not the last name of the sentence ("Apple's App Store"), even past a paragraph
    text = ("Baidu’s chatbot became the top free app on Apple’s App Store in the US.\n\n"
            "But it had to limit registrations after a cyber attack.\n\n"
            "The company resolved the login issues, according to its status page.")
    assert speaker_of(quotes_of(text), "The company resolved") == "Baidu"


def test_what_a_description_s_sentence_names_after_it_is_not_what_it_describes(quotes_of):
    text = ("The bridge was run by toll-road operator Autostrade per l'Italia, a unit of Atlantia.\n\n"
            "The government has blamed Autostrade for the disaster.\n\n"
            "Autostrade, whose leading shareholder is the Benetton family, has denied any negligence. "
            "The firm pledged half a billion euros on Saturday to rebuild the bridge.")
    found = quotes_of(text)
    assert speaker_of(found, "Autostrade for the disaster") != "Autostrade"
    assert speaker_of(found, "half a billion euros") == "Autostrade"
    # a quote in which the company names itself is still the company's
    text = ("Halvard Semiconductor evacuated its plants after the quake.\n\n"
            'The company said that "due to safety concerns, Halvard Semiconductor has decided to suspend work today."')
    assert speaker_of(quotes_of(text), "due to safety concerns") == "Halvard Semiconductor"


def test_the_name_a_description_gives_after_a_comma_is_the_speaker(quotes_of):
    # the parser hangs the name on the verb, not on the description
    text = ("The man died in hospital hours after being rescued from his home near Alder, Norland, according to "
            "the president of the regional government, Dana Pike.")
    assert speaker_of(quotes_of(text), "The man died in hospital") == "Dana Pike"


def test_a_source_kept_unnamed_is_no_one_named_before(quotes_of):
    text = ('"We will rebuild," said the mayor, Dana Pike, on Friday. "It will take years," said the minister, '
            'who asked not to be named. "We are ready," a minister said on condition of anonymity.')
    found = quotes_of(text)
    assert speaker_of(found, "We will rebuild") == "Dana Pike"
    assert speaker_of(found, "It will take years") is None and speaker_of(found, "We are ready") is None


def test_a_countrys_government_is_no_company_named_before(quotes_of):
    text = ("Technology shares declined, with Nvidia down almost 8 percent and Tesla off more than 5 percent. "
            "The US administration said that even higher duties will be imposed on nations that levy steeper rates.")
    assert speaker_of(quotes_of(text), "that even higher duties") is None
    # an agency's own name still says which administration "the administration" is
    text = "The Food and Drug Administration approved the drug on Monday. The administration said the trial was sound."
    assert speaker_of(quotes_of(text), "the trial was sound") == "Food and Drug Administration"


def test_a_pronoun_speaker_goes_on_speaking_past_a_name_inside_his_own_words(quotes_of):
    # the second "he" is the man who spoke the paragraph before, not the president his
    # quotation names; a person named outside quotation marks in between ends the chain
    text = ('Conservative leader Tomas Brandt criticised the government on Sunday, in the light of recent '
            'statements by President Marcus Webb.\n\n'
            '"My priority will be to strengthen Europe," he said, adding he had never expected to say so.\n\n'
            '"But after Marcus Webb\'s statements last week, it is clear that Washington is indifferent," he said.')
    quotes = quotes_of(text)
    assert speaker_of(quotes, "My priority") == speaker_of(quotes, "But after") == "Tomas Brandt"
    text = text.replace('"But after', 'Marcus Webb replied on Monday.\n\n"But after')
    assert speaker_of(quotes_of(text), "But after") == "Marcus Webb"


def test_a_companys_officer_in_a_headline_is_the_one_its_story_names(quotes_of):
    # "Boeing CEO says" is the chief executive the body names, not the company
    text = ("‘Trust in our company has eroded,’ Orvex CEO says after dismal results\n\n"
            "Orvex Mining on Wednesday reported a loss of $6.2 billion for the third quarter.\n\n"
            "Orvex CEO Dana Whitcombe sent an emailed statement before the earnings call.")
    assert speaker_of(quotes_of(text), "Trust in our company") == "Dana Whitcombe"
    # named nowhere: still the company's words
    text = ("‘Trust in our company has eroded,’ Orvex CEO says after dismal results\n\n"
            "Orvex Mining on Wednesday reported a loss of $6.2 billion for the third quarter.")
    assert speaker_of(quotes_of(text), "Trust in our company") in ("Orvex", "Orvex Mining")


def test_a_title_the_parser_took_for_the_speaker_is_the_person_named_right_after_it(quotes_of):
    text = ("Death toll from the earthquake surpasses 2,700\n\n"
            "More than 4,521 injured, over 440 missing, says junta chief Min Aung Hlaing\n\n"
            "The toll has reached 2,719, the junta said on Tuesday.")
    assert speaker_of(quotes_of(text), "More than 4,521") == "Min Aung Hlaing"


def test_the_government_is_a_body_so_named_never_the_organisation_named_last(quotes_of):
    # neither the agency relaying the news nor the company the government regulates
    text = ("The toll has risen to 2,056, AFP reported on Monday.\n\n"
            "The government said more than 3,900 people were injured and 270 are still missing.")
    assert speaker_of(quotes_of(text), "more than 3,900") is None
    text = ("Orvex Mining managed the bridge.\n\n"
            "The government said it would revoke the concessions held by Orvex Mining.")
    assert speaker_of(quotes_of(text), "it would revoke") is None
    text = ("The Interim Government of Valdoria met on Monday.\n\n"
            "The government said it would revoke the concessions.")
    assert speaker_of(quotes_of(text), "it would revoke") == "Interim Government of Valdoria"


def test_a_name_the_parser_hung_on_the_phrase_before_the_cue_is_the_speaker(quotes_of):
    text = ("Dana Whitcombe praised the rival model on Monday.\n\n"
            'In a post on X Whitcombe said: "Their new model is impressive, particularly for the price."')
    assert speaker_of(quotes_of(text), "Their new model") == "Dana Whitcombe"


def test_a_name_after_a_naming_participle_is_no_quote_but_a_name_someone_called_it_is(quotes_of):
    quotes = quotes_of("The charge relates to its AI chips called “H20,” which were sold to China. The index fell "
                       "15% on the day dubbed “Black Monday” in October 1987.")
    assert [q.text for q in quotes if "H20" in q.text or "Black Monday" in q.text] == []
    # a name someone gives it is their words
    quotes = quotes_of("Dana Whitcombe announced the tariffs on what she called “Liberation Day” on Wednesday.")
    assert any("Liberation Day" in q.text and q.speaker and q.speaker.name == "Dana Whitcombe" for q in quotes)


def test_an_unnamed_company_spokesperson_speaks_for_the_story_s_company(quotes_of):
    text = ("Varo Systems shares fell 12% on Monday after the chipmaker cut its forecast.\n\n"
            "Varo's response\n\n"
            "A company spokesperson spoke with reporters on Tuesday. \"Demand for our chips remains strong,\" "
            "he said.\n\n"
            "Analyst Jo Brandt was upbeat. \"It is a buying chance,\" she said.")
    quotes = quotes_of(text)
    assert speaker_of(quotes, "Demand for our chips") == "Varo Systems"
    assert speaker_of(quotes, "It is a buying chance") == "Jo Brandt"


def test_a_named_speaker_the_tagger_reads_as_an_adjective_still_speaks(quotes_of):
    text = ("Lee Swift spoke on Monday. DeepSeek’s rapid success has prompted panic in U.S. tech markets "
            "due to its low-cost development compared to the far more expensive models from American firms. Swift, "
            "however, described this cost-effective model as “a positive development” for AI.")
    assert speaker_of(quotes_of(text), "a positive development") == "Lee Swift"


def test_a_group_named_by_one_person_speaks_as_that_person(quotes_of):
    text = ('"The chips are impressive and have caused major agita for tech stocks," analysts including Dana '
            'Kellerman, head of research at Harlow Securities, said in the note.')
    assert speaker_of(quotes_of(text), "The chips are impressive") == "Dana Kellerman"


def test_a_surname_that_a_small_town_also_bears_is_still_the_persons(quotes_of):
    # "Young" is also a town in Uruguay; the article names no such place
    text = ('President Ilona Young spoke on Monday. "The plan will work," Young said. Young said the economy was '
            'strong.')
    quotes = quotes_of(text)
    assert speaker_of(quotes, "The plan will work") == "Ilona Young"
    assert speaker_of(quotes, "the economy was strong") == "Ilona Young"


def test_economists_at_a_firm_named_like_a_field_speak_for_the_firm(quotes_of):
    text = ("No tariff on chips has been announced yet. Economists at Anchor Economics expect that a 25% tariff on "
            "semiconductor imports will come into force.")
    assert speaker_of(quotes_of(text), "that a 25% tariff") == "Anchor Economics"


def test_a_name_typeset_with_a_curly_apostrophe_still_speaks(nlp, quotes_of):
    """Pages typeset "O’Rourke" with U+2019; the model learnt such names typed with "'"."""
    text = ("Dublin-based Aer Lingus named Siobhan O’Rourke its new chief executive on Monday.\n\n"
            "“We have a lot of work to do,” said O’Rourke.")
    assert speaker_of(quotes_of(text), "We have a lot") == "Siobhan O’Rourke"
    assert nlp(text).text == text  # the words keep the apostrophe they were typed with


def test_contractions_typeset_with_a_curly_apostrophe_read_as_typed_straight(nlp, quotes_of):
    straight = "I've seen it. He'd gone. It's fair to argue that he's right. They're out, and we'll see."
    curly = nlp(straight.replace("'", "’"))
    assert [(t.tag_, t.pos_, t.lemma_) for t in curly] == [(t.tag_, t.pos_, t.lemma_) for t in nlp(straight)]
    text = ("The league said so. Is Dax Morrow the best passer ever? It’s too soon to answer, but it’s "
            "already fair to argue that he’s had the highest peak of any quarterback.")
    assert speaker_of(quotes_of(text), "that he’s had") is None  # the writer's voice: "it" is no one


def test_a_that_of_time_or_purpose_opens_no_report_and_a_count_claimed_is_no_words(quotes_of):
    text = ("Kyle Varner is under fire. Many of the 44-year-old's calls are being questioned now that the Hawks lost, "
            "especially his decision to kick first in overtime.")
    quotes = quotes_of(text)
    assert not any(q.text.startswith("that the Hawks lost") for q in quotes)
    assert speaker_of(quotes, "to kick first") == "Kyle Varner"  # "his": a person, not the team named before
    tally = ("Green candidate Ana Oslo received 1,935 votes, Heritage candidate, Tom Pask, claimed 33 votes, while "
             "Andrew Pell received 116 votes.")
    assert quotes_of(tally) == []


def test_according_to_after_a_joining_word_reports_the_words_after_it(quotes_of):
    text = ("The governor thanked the rescuers. And according to Transportation Secretary Dale Imber, there are "
            "six construction workers unaccounted for.")
    quote = next(q for q in quotes_of(text) if q.speaker and q.speaker.name == "Dale Imber")
    assert quote.text == "there are six construction workers unaccounted for"


def test_a_participle_after_a_quotation_is_the_writers_aside(quotes_of):
    text = ("Dara Wells, a venture capitalist, may have put it best. He wrote on X on Sunday, “The R1 model is our "
            "Sputnik moment,” alluding to the satellite that started the space race.")
    quote = next(q for q in quotes_of(text) if "Sputnik" in q.text)
    assert (quote.kind, quote.text, quote.speaker.name) == ("direct", "The R1 model is our Sputnik moment,", "Dara Wells")


def test_a_dateline_with_the_country_in_brackets_and_a_day_is_no_ones_words(quotes_of):
    text = ("Washington [US], March 28: Divers recovered the remains of two of the six missing workers on "
            "Wednesday, officials said.")
    quote = next(q for q in quotes_of(text) if "Divers" in q.text)
    assert quote.text.startswith("Divers recovered")


def test_the_president_is_not_the_vice_president(quotes_of):
    text = ("Vice President Kamala Harris and President Joe Biden met on Monday.\n\n"
            '"It has been the greatest honor of my life," the president said.')
    assert speaker_of(quotes_of(text), "It has been the greatest") == "Joe Biden"


def test_the_governor_is_the_one_a_shortened_rank_made_governor(quotes_of):
    text = ("Ohio Gov. Dana Whitfield toured the site on Tuesday with Transportation Secretary Mark Ellory.\n\n"
            "Ellory said crews were still searching for two workers.\n\n"
            '"Our hearts are broken," the governor said.')
    assert speaker_of(quotes_of(text), "Our hearts are broken") == "Dana Whitfield"


def test_a_country_s_prime_minister_is_the_one_that_country_s_title_named(quotes_of):
    text = ("British Prime Minister Keir Starmer said he respected the decision. Spanish Prime Minister Pedro "
            "Sanchez praised the president, and Polish Prime Minister Donald Tusk wrote on X.\n\n"
            "“A great gesture from a great president,” wrote the Spanish Prime Minister.")
    assert speaker_of(quotes_of(text), "A great gesture") == "Pedro Sanchez"


def test_a_sentence_that_ends_on_the_platform_x_ends_there(nlp, quotes_of):
    text = ("Senator Maria Ortiz endorsed Governor Lena Whitcombe in a statement on X. Whitcombe responded that she "
            "was honored to have the endorsement.")
    assert speaker_of(quotes_of(text), "that she was honored") == "Lena Whitcombe"
    assert not [e.name for e in extract_entities(nlp(text), "a1").entities if e.name.startswith("X")]


def test_the_board_of_a_company_speaks_for_the_company(quotes_of):
    text = ("Shares of Kestrel Robotics fell on Thursday.\n\n"
            "The board of drone-maker Orvex Systems said on Friday it had dismissed its chief executive, Dana Pell.")
    assert speaker_of(quotes_of(text), "it had dismissed") == "Orvex Systems"


def test_the_company_is_not_the_outlet_that_reported_the_news(quotes_of):
    text = ("Meta CEO Mark Zuckerberg said rivals have siphoned off users. His comments were reported by "
            "the Washington Post.\n\n"
            "The company said most of its drop in usage was recorded in Africa and Latin America.")
    assert speaker_of(quotes_of(text), "most of its drop") == "Meta"


def test_he_goes_on_being_the_subject_a_name_in_passing_does_not_change(quotes_of):
    text = ("Former President Donald Trump spoke to reporters after the verdict. He once again accused the "
            "administration of running the prosecution brought by Manhattan DA Alvin Bragg, who was inside the "
            "courtroom. He called Bragg 'Soros-backed,' in reference to the financier.")
    assert speaker_of(quotes_of(text), "Soros-backed") == "Donald Trump"


def test_a_source_named_after_according_to_ends_the_last_pronoun_speaker_s_turn(quotes_of):
    text = ("Greg Brockman posted an image of himself wearing a guest pass. “First and last time I ever wear one of "
            "these,” he wrote.\n\n"
            "However, according to Microsoft Chairman and CEO Satya Nadella, Brockman and Sutskever, along with other "
            "senior employees who resigned due to the leadership change, “will be joining Microsoft to lead a new "
            "research team,” he wrote in a post on X. “We look forward to moving quickly.”")
    quotes = quotes_of(text)
    assert speaker_of(quotes, "We look forward") == "Satya Nadella"
    assert not any(q.text.startswith("in a post on X") for q in quotes)  # where he wrote it: no words of his


def test_according_to_a_company_s_announcement_is_the_company_not_the_next_clause_s_subject(quotes_of):
    text = ("According to OpenAI's announcement, co-founder and president Greg Brockman will be relinquishing his "
            "role as chairman of the board.")
    assert speaker_of(quotes_of(text), "will be relinquishing") == "OpenAI"


def test_the_pronoun_speaker_before_a_quote_is_the_nearest_whatever_order_quotes_are_read_in(quotes_of):
    """Direct quotes are attributed before reported speech: the "he" of a reported sentence
    between them still counts for the quote after it."""
    text = ("Former President Donald Trump tore into what he called a 'rigged trial' minutes after a jury found him "
            "guilty.\n\n'It was a disgrace,' Trump complained, shortly after Judge Juan Merchan set a July "
            "sentencing hearing.\n\nHe once again accused the administration of running the prosecution brought by "
            "Manhattan DA Alvin Bragg, who was inside the courtroom. He called Bragg 'Soros-backed,' in reference "
            "to the financier.")
    assert speaker_of(quotes_of(text), "Soros-backed") == "Donald Trump"


def test_the_central_bank_is_a_central_bank_named_before_never_a_lender(quotes_of):
    text = ("Harwick Bank collapsed on Friday. The Federal Reserve will review the collapse, the central bank said "
            "on Monday. Harwick Bank said it regretted the losses.\n\nIn Oslo, the central bank said rates would stay.")
    quotes = quotes_of(text)
    assert speaker_of(quotes, "The Federal Reserve will review") == "Federal Reserve"
    assert speaker_of(quotes, "it regretted") == "Harwick Bank"
    lender_only = quotes_of("Harwick Bank collapsed on Friday. Depositors fled, the central bank said on Monday.")
    assert speaker_of(lender_only, "Depositors fled") is None


def test_a_capitalised_saint_in_a_dateline_ends_no_sentence(quotes_of):
    text = ("ST. KELBY COUNTY, Florida (WXYZ) — At least four people died in the county after tornadoes touched "
            "down on Wednesday, a county official confirmed Thursday morning.")
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == [
        "At least four people died in the county after tornadoes touched down on Wednesday"]


def test_a_website_cited_by_its_address_is_the_source(quotes_of):
    text = ("More than 1.5 million homes were left without power, according to outagewatch.us, which monitors "
            "utility data. Readers can write to desk@outagewatch.us or visit www.outagewatch.us for updates.")
    quotes = quotes_of(text)
    assert speaker_of(quotes, "More than 1.5 million homes") == "outagewatch.us"


def test_a_described_source_is_the_one_whose_name_says_what_it_does(quotes_of):
    text = ("Kelmont's market value briefly passed Varo's on Monday, according to Harwick Market Data. At one point "
            "Kelmont stock was up 3.8%, putting the company's value at $3.7 trillion, according to the data provider.")
    assert speaker_of(quotes_of(text), "At one point") == "Harwick Market Data"


def test_where_or_through_what_someone_speaks_is_not_what_they_say(quotes_of):
    quotes = quotes_of("Dana Pell spoke on the economy. Ori Vance spoke on the phone with Pell. Mayor Ana Ruiz talked "
                       "on television about the storm.")
    assert [(q.text, q.speaker.name) for q in quotes] == [
        ("on the economy", "Dana Pell"), ("about the storm", "Ana Ruiz")]


def test_a_passive_view_joined_to_a_verb_names_no_speaker(quotes_of):
    quotes = quotes_of("Pell is poised to take only 226 electoral college votes, two more than her current total, and "
                       "is expected to take two more of Maine's electoral college votes.")
    assert not any(q.speaker is not None and q.speaker.name == "Pell" for q in quotes)


def test_a_prize_claimed_or_defended_and_a_player_denied_are_no_words(quotes_of):
    quotes = quotes_of("Orvex finally claimed the trophy at his fifth world cup. Kelby failed to defend their title. "
                       "Extra time ended 3-3, only for Dana Pell to be denied by Ana Ruiz in the dying seconds. "
                       "Ori Vance claimed victory.")
    assert [(q.text, q.speaker.name) for q in quotes] == [("victory", "Ori Vance")]


def test_the_hero_is_the_person_the_sentence_named(quotes_of):
    text = ("The 23-year-old was the first man to score a final hat-trick since Sir Geoff Harwick in 1966 and the "
            "England hero tweeted: 'Many congratulations to Orvex, whatever happens.'")
    assert speaker_of(quotes_of(text), "Many congratulations") == "Geoff Harwick"


def test_the_name_after_a_title_joined_to_the_subject_is_the_speaker(quotes_of):
    text = ("Dana Pell called the launch a wake-up call. Pell’s AI and Crypto Advisor, Ori Vance, echoed this "
            "sentiment, stating that the U.S. must remain competitive in the AI race.")
    assert speaker_of(quotes_of(text), "that the U.S. must") == "Ori Vance"


def test_the_author_of_a_statement_an_issuing_verb_puts_out_is_its_speaker(quotes_of):
    # "a statement" heads the clause that carries the words; whoever issued it said them
    text = ("Markets fell sharply on Monday.\n\nIn response, Halvard issued a statement acknowledging Corvex’s "
            "advances: “Corvex is an excellent advance and a sign of what can be done with open models.”")
    quotes = quotes_of(text)
    assert speaker_of(quotes, "Corvex is an excellent advance") == "Halvard"
    assert speaker_of(quotes, "Corvex’s advances") == "Halvard"


def test_a_person_named_after_two_titles_is_the_speaker_though_the_parser_reads_a_title_as_a_verb(quotes_of):
    text = ("Here is what you need to know. ‘Corvex R1 is the field’s Sputnik moment.’ Investor and engineer "
            "Marc Andreessen posted on X yesterday that ‘Corvex R1 is the field’s Sputnik moment.’ Corvex R1 is "
            "the firm’s latest model.")
    assert any(q.speaker is not None and q.speaker.name == "Marc Andreessen" for q in quotes_of(text))
    # a name reached through a preposition is someone else's
    assert speaker_of(quotes_of("A friend of Dana Pell said that the deal was done."), "that the deal") is None


def test_a_wire_dateline_s_dash_glued_to_the_first_word_leaves_the_name_its_own(quotes_of, nlp):
    text = ("By Stephen Nellis\nSAN FRANCISCO (Reuters) -Halvard on Monday said Corvex’s advances show the "
            "usefulness of its chips for the market.")
    assert speaker_of(quotes_of(text), "Corvex’s advances") == "Halvard"
    assert [t.text for t in nlp("LONDON (Reuters) -Britain’s economy shrank.")][4:6] == ["-", "Britain"]


def test_the_service_is_the_service_named_before(quotes_of):
    text = ("Florida braced for the storm. The National Weather Service urged residents to take shelter. "
            "\"Treat this warning like a tornado warning,\" the service said.")
    assert speaker_of(quotes_of(text), "Treat this warning") == "National Weather Service"


def test_a_storm_that_slams_into_a_coast_says_nothing(quotes_of):
    quotes = quotes_of("CRAWFORDVILLE, Fla. — Hurricane Kora made landfall late Thursday night in northwestern Perry "
                       "Florida, slamming into the Big Bend area as a powerful Category 4 storm. Senator Dana Pell "
                       "slammed the plan as a giveaway.")
    assert [q.text for q in quotes] == ["the plan as a giveaway"]


def test_a_dateline_s_place_the_parser_made_a_subject_leaves_the_verb_s_other_subject_speaking(quotes_of):
    quotes = quotes_of("ATLANTA — (AP) — Delta Air Lines sued CrowdStrike on Friday, claiming the cybersecurity company "
                       "had cut corners and caused a worldwide technology outage.")
    assert speaker_of(quotes, "the cybersecurity company") == "Delta Air Lines"


def test_a_person_s_surname_the_model_read_as_a_country_is_the_person_speaking(quotes_of):
    quotes = quotes_of("First Republic's chief financial officer Neal Holland said the bank experienced unprecedented "
                       "deposit outflows. \"We moved swiftly,\" Holland said. Trade with Holland grew, Washington said.")
    assert speaker_of(quotes, "We moved swiftly") == "Neal Holland"
    assert speaker_of(quotes, "Trade with Holland") == "Washington"  # no one's surname: the place it is


def test_a_group_of_people_the_text_does_not_name_is_no_one_named_before(quotes_of):
    quotes = quotes_of("Australia's Tristan Knowles played well. After one game the Kuwait men led a cheer of "
                       "\"Aussie! Aussie! Aussie!\" To which the Thai women replied: \"Oi! Oi! Oi!\" Coach Dana Pell "
                       "was pleased. \"We did it,\" the coach said.")
    assert speaker_of(quotes, "Oi!") is None
    assert speaker_of(quotes, "We did it") == "Dana Pell"  # (one person by title still is)


def test_a_work_s_name_before_a_noun_it_qualifies_is_no_quotation(quotes_of):
    quotes = quotes_of('"Slumdog" composer Dana Pell, a dual Oscar winner, said the movie was about "optimism and the '
                       'power of hope."')
    assert [q.text for q in quotes if q.text == "Slumdog"] == []
    assert speaker_of(quotes, "the movie was about") == "Dana Pell"


def test_a_dateline_of_two_places_and_a_passive_s_subject_speak_no_words(quotes_of):
    quotes = quotes_of("SEOUL/BARCELONA, Spain ― Kelmont Electronics has fired its greatest shot against archrival "
                       "Varo, with its new flagship phone being touted as the “most beautiful Kelmont phone ever” "
                       "during the event.")
    assert [q.speaker for q in quotes] == [None] * len(quotes)


def test_one_quoted_as_saying_said_the_words(quotes_of):
    quotes = quotes_of('Dana Pell, the agency\'s senior emergency officer for Europe, was quoted as saying, "There is '
                       'continued potential of further collapses."')
    quote = next(q for q in quotes if "continued potential" in q.text)
    assert quote.speaker is not None and quote.speaker.name == "Dana Pell"


def test_a_saying_before_a_cue_with_a_colon_is_its_own_not_that_cue_s_content(quotes_of):
    quotes = quotes_of("Deputy spokesman for the Secretary-General of the United Nations, Farhan Haq, said in a "
                       "statement to CNN that the UN had cited the numbers that had been verified by the World Health "
                       "Organization, and when asked about the reasons for announcing a false death toll, Haq said: “In "
                       "many disasters, the numbers end up being constantly modified.”")
    assert speaker_of(quotes, "that the UN had cited") == "Farhan Haq"
    assert not any(q.text.startswith("Deputy spokesman") for q in quotes)


def test_a_name_run_ending_in_a_surname_named_alone_elsewhere_is_the_person(quotes_of):
    quotes = quotes_of('"The death toll is huge and might reach thousands," warned Tamer Ramadan of the International '
                       'Federation of Red Cross and Red Crescent Societies. Ramadan said more help was needed.')
    assert speaker_of(quotes, "The death toll") == "Tamer Ramadan" and speaker_of(quotes, "more help") == "Tamer Ramadan"


def test_a_second_cue_the_parser_joined_to_the_first_one_s_report_is_the_first_speaker_s(quotes_of):
    text = ("Paul Meeks, a fund manager, spoke on Monday. Meeks noted that Kelmont still appears undervalued but "
            "cautioned that the stock could face continued pressure.")
    speakers = speakers_by_text(quotes_of(text))
    assert speakers["that the stock could face continued pressure"] == "Paul Meeks"


def test_they_after_a_group_that_spoke_is_that_group_not_a_name_inside_its_words(quotes_of):
    text = ("Citi analysts expressed doubt that Kelmont had achieved its results without the best chips. They said they "
            "don't expect major AI companies to move away from its chips. Voting rights advocates have expressed "
            "concern about Orvex. They said the policy was unfair.")
    speakers = speakers_by_text(quotes_of(text))
    assert speakers["they don't expect major AI companies to move away from its chips"] == "Citi"
    assert speakers["the policy was unfair"] is None


def test_a_list_of_labelled_lines_is_no_one_s_words(quotes_of):
    text = ("European shares fell on Monday.\n\nNotable Declines:\n\nSiemens Energy: Plunged 17.4%, recording the "
            "steepest loss on the STOXX 600.\n\nCentral bank decisions are due:\n\nEuropean Central Bank: A 25-basis-point "
            "rate cut is already priced in.\n\nMarkets are calm.")
    assert not [q for q in quotes_of(text) if q.speaker and q.speaker.name in ("Siemens Energy", "European Central Bank")]


def test_a_surname_that_is_also_a_word_is_the_person_where_it_speaks(quotes_of):
    text = ("The fire left gray rubble between the blue ocean and green mountain slopes. “I do expect the numbers to "
            "rise,” the governor of Hawaii, Josh Green, told reporters. “There’s very little left there,” Green told "
            "reporters.")
    speakers = speakers_by_text(quotes_of(text))
    assert speakers["I do expect the numbers to rise,"] == "Josh Green"
    assert speakers["There’s very little left there,"] == "Josh Green"


def test_a_company_s_capitalised_self_description_is_the_company(quotes_of):
    text = ("Orvex today announced that its Board of Directors has named David Calhoun as chief executive. Calhoun "
            "will remain a member of the Board.\n\nThe Company also announced that Dennis Muilenburg has resigned. "
            "He led a great company.")
    speakers = speakers_by_text(quotes_of(text))
    assert speakers["that Dennis Muilenburg has resigned"] == "Orvex"


def test_an_interview_s_labels_in_initials_are_the_people_so_named(quotes_of):
    text = ("Wikinews reporter Mike Halterman talked with Andrea Muizelaar about her life.\n\n"
            "MH: How long did that last?\n\nAM: I would say from Grade 2 to Grade 9.\n\n"
            "MH: What happened after that point?\n\nAM: They stopped when I moved schools.")
    speakers = speakers_by_text(quotes_of(text))
    assert speakers["How long did that last?"] == "Mike Halterman"
    assert speakers["I would say from Grade 2 to Grade 9."] == "Andrea Muizelaar"
    # the first name's initial and a later name's: "RD" for Roque De La Fuente
    text = ("Jane Fisher interviewed Roque De La Fuente.\n\nJF: Why are you running?\n\n"
            "RD: Because nobody else is running.\n\nJF: What would you change?\n\nRD: The tax code, first.")
    speakers = speakers_by_text(quotes_of(text))
    assert speakers["Because nobody else is running."] == "Roque De La Fuente"


def test_a_person_set_after_a_place_the_parser_made_the_subject_speaks(quotes_of):
    text = ("Provincial Police Commander (PPC) Malaita Province, Chief Superintendent Tex Tafoa said, “It was alleged "
            "that the suspect got hold of a knife.” Even China, Pyongyang's only ally, said it was opposed to the test.")
    speakers = speakers_by_text(quotes_of(text))
    assert speakers["It was alleged that the suspect got hold of a knife."] == "Tex Tafoa"
    assert speakers["it was opposed to the test"] == "China"


def test_a_company_s_spokesperson_for_an_outlet_speaks_for_the_company(quotes_of):
    quotes = quotes_of("Kelmont shares fell on Monday. “Inference requires significant numbers of Kelmont GPUs,” a "
                       "Kelmont spokesperson for TechCrunch said. “We are reviewing the report,” a spokesperson for "
                       "Zorvanta Labs said.")
    assert speakers_by_text(quotes) == {"Inference requires significant numbers of Kelmont GPUs,": "Kelmont",
                                        "We are reviewing the report,": "Zorvanta Labs"}


def test_an_unowned_spokesperson_below_a_company_s_clause_speaks_for_it(quotes_of):
    quotes = quotes_of("Kelmont shares fell 9% on Tuesday. Nonetheless, chip stocks remain significantly lower, and "
                       "Kelmont itself tipped its hat to the Korean start-up, with a spokesperson calling it \"a remarkable "
                       "step forward.\"\n\n“We are confident,” a spokesperson said.")
    assert speakers_by_text(quotes) == {"a remarkable step forward.": "Kelmont", "We are confident,": None}


def test_he_after_an_according_to_source_whose_words_name_others_is_the_source(quotes_of):
    quotes = quotes_of("Police held five people after raids on Friday. According to Inspector Dev Rana, those held "
                       "included Tariq Mehmood, Asif Khan and Nadeem Butt. He said all three had prior convictions.")
    assert {q.speaker.name if q.speaker else None for q in quotes} == {"Dev Rana"}


def test_a_company_described_by_its_home_town_is_no_place_speaking(quotes_of):
    quotes = quotes_of("Zorvex Corp. reported a loss on Thursday. The Santa Clara, California-based company said Thursday "
                       "it is also suspending its stock dividend.")
    assert all(q.speaker is None or q.speaker.name != "Santa Clara" for q in quotes)


def test_the_airline_is_not_the_company_set_beside_it_as_its_parent(quotes_of):
    quotes = quotes_of("Air Rivia has promised an advance payment to the victims' families. It comes on top of a fund set "
                       "up by Valmont Holdings — the airline’s parent company — last week. The airline expressed deep "
                       "sorrow over the accident.")
    assert {q.speaker.name if q.speaker else None for q in quotes} == {"Air Rivia"}


def test_the_member_for_a_seat_is_the_person_not_the_seat(quotes_of):
    quotes = quotes_of("Liberal MP Rob Elmore said his party treated its rivals unfairly. “I may pay for saying so,” the "
                       "Halifax MP said.")
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Rob Elmore", "Rob Elmore"]
    quotes = quotes_of("Raila Odera has led the party for years. Odera spoke in Kisumu on Sunday. The MPs were Tom Kajo "
                       "(Ruaraka), Ongo Were (Kasipul) and Rose Nyaga. “We will not remain silent,” the Ruaraka MP said.")
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Tom Kajo"]


def test_the_one_an_outlet_quotes_as_saying_is_the_speaker_and_a_web_address_is_no_one(quotes_of):
    quotes = quotes_of("Lawyer Kofi Mensah filed the appeal on Monday. “We will appeal,” the Daily Post quoted him as "
                       "saying. “The orders were in breach of the applicant’s rights,” dailyledger.com.gh quoted him to "
                       "have said.")
    assert [q.speaker.name if q.speaker else None for q in direct(quotes)] == ["Kofi Mensah", "Kofi Mensah"]
    quotes = quotes_of("Lawyer Kofi Mensah filed the appeal. Reuters quoted Mensah as saying the firm would appeal. "
                       "Xinhua quoted him to have said the ruling was unfair.")
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("the firm would appeal", "Kofi Mensah"), ("the ruling was unfair", "Kofi Mensah")]


def test_the_authorities_or_government_of_a_country_speak_for_it(quotes_of):
    quotes = quotes_of("AFP reported the toll on Sunday. According to the authorities of Saudi Arabia, about 1.8 million "
                       "people are taking part this year. The government of Kenya said about 1,800 people were hurt. "
                       "Jordan’s foreign ministry said 17 others were missing.")
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Saudi Arabia", "Kenya", "Jordan"]


def test_he_picks_up_no_one_named_in_passing_as_an_owner(quotes_of):
    quotes = quotes_of("Prime Minister Keith Ramdial addressed a rally on Sunday. The Sunday Ledger contacted the Prime "
                       "Minister for a response to Opposition Leader Sharmila Dookeran-Persaud’s questions. He responded "
                       "that her claim was “pathetic”.")
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Keith Ramdial"]


def test_a_member_of_parliament_named_after_the_office_speaks_not_the_seat(quotes_of):
    quotes = quotes_of("The governor faces impeachment. Kibwezi Member of Parliament Tom Wambua, who leads the legal team, "
                       "dismissed those plotting to impeach the governor as extortionists.")
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Tom Wambua"]


def test_of_two_subjects_parsed_the_one_right_before_the_verb_speaks(quotes_of):
    quotes = quotes_of("Addressing supporters at Kizza’s home on Plot 9, Gayaza Road in Ntinda on June 3, 2024, Mukasa "
                       "complained that the rulings had been ignored.")
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Mukasa"]


def test_a_quote_without_a_cue_after_a_person_s_action_in_its_paragraph_is_that_person_s(quotes_of):
    # not the speaker of the paragraph before, whom the quote would otherwise go on with
    quotes = quotes_of("His co-accused, Ryan Walsh, 22, has already admitted assault.\n\n"
                       "Judge Peter Crabtree bailed Fowles, who will be sentenced with Walsh on August 7. “It’s a serious "
                       "offence. The starting point is custody.”")
    assert speakers_by_text(direct(quotes)) == {"It’s a serious offence. The starting point is custody.": "Peter Crabtree"}


def test_he_goes_on_with_the_pronoun_subject_before_not_its_object(quotes_of):
    quotes = quotes_of("Judge Eamon Costello sentenced Joseph Johnson on Monday.\n\n“You were a public servant in a position "
                       "of trust, and you betrayed that,” he said to Johnson at the sentencing. He added that the betrayal "
                       "could have a long-lasting impact on the public’s trust.")
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Eamon Costello", "Eamon Costello"]


def test_a_participle_of_saying_after_a_reported_clause_is_the_speaker_s_next_report(quotes_of):
    quotes = quotes_of("Mayor Përparim Rama spoke on Monday. He confirmed that the situation has reached a critical point, "
                       "announcing that public transport will be suspended starting tomorrow.")
    assert speakers_by_text(quotes) == {"that the situation has reached a critical point": "Përparim Rama",
                                        "that public transport will be suspended starting tomorrow": "Përparim Rama"}


def test_they_after_an_unnamed_group_is_that_group_not_a_name_beside_it(quotes_of):
    quotes = quotes_of("Farmers of Tashithang village under Gesarling Gewog in Dagana have not produced good crops for "
                       "eight years. Pests are destroying other crops. It is a difficult time, they say, with their only "
                       "source of income drying up.")
    assert [q.speaker for q in quotes] == [None]


def test_a_place_and_a_colon_opening_a_story_is_its_dateline_not_a_speaker(quotes_of):
    quotes = quotes_of("New Delhi: Budget carrier IndiGo urged passengers to avoid visiting the airport, as the airline was "
                       "getting its systems in order on Saturday.")
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["IndiGo"]


def test_several_companies_described_together_are_no_one_of_them(quotes_of):
    quotes = quotes_of("Shares of Halvex were down 2 percent and Kelmont fell 12 percent after the outage. Meanwhile, the "
                       "companies said they are resolving the issues.")
    assert speakers_by_text(quotes) == {"they are resolving the issues": None}


def test_a_title_in_a_summary_before_the_story_is_the_holder_it_names_later(quotes_of):
    quotes = quotes_of("Halvex's CEO again stressed that Friday's issues were not a cyberattack.\n\n“I want to apologize,” "
                       "Halvex CEO Dana Whitcombe said in a statement on Friday.")
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Dana Whitcombe", "Dana Whitcombe"]


def test_an_office_the_text_gives_no_one_is_not_the_person_of_another_office(quotes_of):
    quotes = quotes_of("According to Coast Guard Rear Admiral Shannon Gilreath, there was no hope of finding the workers "
                       "alive. Gilreath spoke at night. The county executive and Maryland Governor have commented on the "
                       "incident.")
    assert speakers_by_text(quotes)["on the incident"] is None


def test_the_lab_is_the_laboratory_named_before(quotes_of):
    quotes = quotes_of("The selloff was ignited by competition from Chinese artificial intelligence lab DeepSeek, which "
                       "released a free model. The lab claimed that this model was developed in just two months.")
    assert speakers_by_text(quotes)["that this model was developed in just two months"] == "DeepSeek"


def test_a_member_named_after_the_seat_the_model_ran_into_the_name_speaks(quotes_of):
    quotes = quotes_of("Member for Hervey Bay Adrian Tantari said it was a given that he wanted the best possible "
                       "facilities for the city.")
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Adrian Tantari"]
    # and a spokesman named after the body he speaks for; not the one a spokeswoman speaks for
    quotes = quotes_of("The spokesman for the Libyan Red Crescent, Tawfiq Shukri, denied that the toll had reached 11,300. "
                       "A spokeswoman for British Prime Minister Tony Blair said he had voted for the ban.")
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Tawfiq Shukri", None]


def test_people_confirmed_dead_is_a_state_not_a_report(quotes_of):
    quotes = quotes_of("At least 206 people are confirmed dead and over 50 remain unaccounted for. Officials confirmed "
                       "that 206 people had died.")
    assert [q.text for q in quotes] == ["that 206 people had died"]


def test_a_figure_weighing_on_a_market_is_a_burden_not_a_view(quotes_of):
    quotes = quotes_of("Orvex dropped 10.7% to $429.87 in early trading, weighing on sentiment among chip stocks. "
                       "The governor weighed in on the budget on Tuesday.")
    assert [q.text for q in quotes] == ["on the budget"]


def test_a_speaker_s_title_before_said_and_a_colon_is_no_quote(quotes_of):
    quotes = quotes_of("Chief Constable of the Harbour Police, Maren Ostby said:\n\n‘This was a planned operation and no "
                       "one was hurt.’")
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in quotes] == [("direct", "Maren Ostby")]


def test_a_relative_clause_about_the_speaker_is_no_parenthetical_attribution(quotes_of):
    quotes = quotes_of("But Ms Vance, who decided against tabling an amendment to the plan, said that she was “not in "
                       "agreement” with the committee’s decision.")
    assert [q.text for q in quotes] == ["that she was “not in agreement” with the committee’s decision"]


def test_the_place_of_a_dateline_the_parser_made_a_subject_does_not_speak(quotes_of):
    quotes = quotes_of("LARAMIE, Wyo. — Following public hearings on Tuesday, the Albany County Board of Commissioners "
                       "approved a budget and discussed topics such as a road grant and a new library.")
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Albany County Board of Commissioners"]


def test_a_clerk_is_the_person_the_text_names_clerk_not_the_last_person_named(quotes_of):
    text = ("Dana Reyes of the Hill Trust explained the grant. Omar Haddad, the new owner, stated that he is under "
            "contract to buy the property. The county clerk confirmed that all notices were published.")
    assert speakers_by_text(quotes_of(text))["that all notices were published"] is None
    quotes = quotes_of("County Clerk Maria Lopez read the notice. " + text)
    assert speakers_by_text(quotes)["that all notices were published"] == "Maria Lopez"


def test_she_opening_a_paragraph_goes_on_from_the_spokeswoman_before_it(quotes_of):
    quotes = quotes_of("A spokeswoman for Friends of Elmwood School confirmed a complaint had been lodged with the "
                       "ombudsman about Ms Pryce’s behaviour.\n\nShe said: “The meeting ended when a furious Ms Pryce "
                       "shouted at parents.”")
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Friends of Elmwood School"] * 2
    # a spokesman is not "she"
    quotes = quotes_of("A spokesman for Friends of Elmwood School confirmed a complaint had been lodged about Ms Pryce."
                       "\n\nShe said: “I regret nothing.”")
    assert speakers_by_text(quotes)["I regret nothing."] != "Friends of Elmwood School"


def test_they_opening_a_paragraph_goes_on_from_the_group_that_spoke_before_it(quotes_of):
    quotes = quotes_of("The plan was opposed by the Kenwyn Parish Council.\n\nHowever planning officers told the "
                       "committee that the scheme was acceptable.\n\nThey also highlighted that the local plan allowed "
                       "small developments.")
    assert speakers_by_text(quotes)["that the local plan allowed small developments"] is None


def test_referring_cases_to_someone_reports_no_words_but_referring_to_something_does(quotes_of):
    quotes = quotes_of("Marsh referred to the rollout as “a mess”. The hospital referred the remaining cases to the "
                       "coroner.")
    assert [q.text for q in quotes] == ["to the rollout as “a mess”"]


def test_an_ing_clause_before_the_attribution_is_what_the_speaker_did_not_said(quotes_of):
    quotes = quotes_of("Marsh thanked the voters. After paying tribute to Okafor, Marsh said")
    assert quotes == []
    quotes = quotes_of("The count was a disaster for the party, Marsh said.")
    assert [q.text for q in quotes] == ["The count was a disaster for the party"]


def test_the_firm_is_no_central_bank(quotes_of):
    quotes = quotes_of("Halden Bank said it would raise $2 billion to offset losses on bond sales. The bank is "
                       "reinvesting the proceeds. The Federal Reserve has aggressively hiked interest rates over the past "
                       "year. The firm is heavily involved with startups, saying on its website that nearly half of all "
                       "venture-backed firms are its clients.")
    assert speakers_by_text(quotes)["that nearly half of all venture-backed firms are its clients"] == "Halden Bank"


def test_a_title_the_model_took_for_a_name_holds_no_other_office(quotes_of):
    quotes = quotes_of("It was a busy day at the Alice Springs Magistrates Court. Half of the defendants were in the "
                       "watchhouse, Magistrate John Birch was told. “I don’t have the file,” said Magistrate Birch. The "
                       "Magistrate adjourned. The police prosecutor advised that another man had been in gaol at the time.")
    assert speakers_by_text(quotes)["that another man had been in gaol at the time"] is None


def test_an_office_introduced_unnamed_is_not_the_most_named_person(quotes_of):
    quotes = quotes_of("A judge who ordered a pensioner to forfeit his bail made a serious error, the Court of Appeal "
                       "has ruled. Dana Pell said the State could not defend the order. The appeal judges agreed with "
                       "Pell. At the hearing, the judge said she did not believe his claim he was abroad.")
    assert speakers_by_text(quotes)["she did not believe his claim he was abroad"] is None


def test_the_person_after_a_country_and_a_title_speaks_not_the_country(quotes_of):
    # (the parser reads "head" as a verb with the country as its subject)
    quotes = quotes_of("Didier Moreau took over in 2012. “Those first 70 minutes or so we were playing a very aggressive "
                       "and dynamic opponent and we just weren’t up to the same level for a number of reasons,” France "
                       "head coach Moreau said.")
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Didier Moreau"]


def test_the_holder_named_after_an_office_of_a_country_speaks(quotes_of):
    quotes = quotes_of("France coach Didier Moreau said the defeat was hard to swallow. Striker Dario Lenz scored three "
                       "goals. The President of France Emmanuel Macron offered comfort to the beaten team. “I share "
                       "their sadness,” the President said.")
    assert speakers_by_text(quotes)["comfort to the beaten team"] == "Emmanuel Macron"


def test_what_a_thing_is_known_as_is_its_name_not_a_quote(quotes_of):
    quotes = quotes_of('The Cboe Volatility Index, known as Wall Street\'s "fear gauge", jumped 6 points. '
                       'The lender is widely known as "the people\'s bank". '
                       'He has long been known to say "never again", his aide said.')
    assert [q.text for q in quotes] == ['He has long been known to say "never again"']


def test_a_one_word_name_the_tagger_read_as_a_noun_or_pronoun_still_speaks(quotes_of):
    quotes = quotes_of('The firm CyberCX was called in on Friday. "We are restoring service to every client," CyberCX '
                       'said in a statement. Trubes reported that the minister sees the deal as a win. Officials said '
                       'the line was closed.')
    assert speakers_by_text(quotes) == {
        "We are restoring service to every client,": "CyberCX",
        "that the minister sees the deal as a win": "Trubes", "the line was closed": None}
    # (a surname the text gives in full elsewhere stays that person's)
    quotes = quotes_of("Montell Figgins, who represents Thomas, said his client chose not to accept a plea deal. "
                       "“We had hoped the office would address the problems,” Figgins said. Figgins declined to say more.")
    assert {q.speaker.name if q.speaker else None for q in quotes} == {"Montell Figgins"}


def test_a_reported_clause_opening_with_one_is_no_unnamed_speaker(quotes_of):
    quotes = quotes_of("Police in Harlow reported two people hurt, and Governor Dana Pell said one person died when "
                       "a sign fell onto a car.\n\n“It shows how dangerous it is out there,” she said at a briefing.\n\n"
                       "“There is chaos,” said one woman outside the shelter. “Nothing is left,” she added.")
    assert {k: v for k, v in speakers_by_text(quotes).items() if "two people" not in k} == {
        "one person died when a sign fell onto a car": "Dana Pell",
        "It shows how dangerous it is out there,": "Dana Pell",
        "There is chaos,": None, "Nothing is left,": None}


def test_the_broker_is_the_firm_named_before(quotes_of):
    quotes = quotes_of("Kestrel Partners sees winners and losers in the software world from the new model.\n\n"
                       "‘The cost of running the model is not fully known, though we believe lower costs help the "
                       "sector,’ the broker commented.")
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Kestrel Partners"]
    # (a name with "of" is its sentence's subject too, not the company it goes on to name)
    quotes = quotes_of("Shares of Orvik Labs fell 9% on Monday. Bank of Lyra sees winners and losers in the sector "
                       "from Orvik Labs.\n\n‘The cost of Orvik Labs' model is not fully known, though lower costs "
                       "help the sector,’ the broker commented.")
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Bank of Lyra"]


def test_a_member_after_the_seat_is_a_person_and_the_politician_is_the_one_just_named(quotes_of):
    quotes = quotes_of("Ms Morwen has faced a number of issues as Health Minister. With questions remaining over how "
                       "long Ms Morwen will remain, she was asked on Wednesday by Dyfed North MS Gareth Pryce how she "
                       "would assess her record.\n\nSpeaking in the Senedd, the Welsh Conservative politician said: "
                       "“We are a year on from a vote of no confidence.”")
    assert speakers_by_text(quotes)["We are a year on from a vote of no confidence."] == "Gareth Pryce"


def test_the_office_is_its_current_holder_not_a_former_one(quotes_of):
    quotes = quotes_of("Since the session began, premier Tom Aldous’s government set an election date. Former Liberal "
                       "premier Ian Rook used his first question to ask Aldous about housing. The premier said a plan "
                       "is coming. Housing minister Jo Lark took questions. For NDP member Sue Hale’s first question, she "
                       "asked Lark about rents. The minister clarified that he believes this is the worst crisis "
                       "since the war.")
    found = speakers_by_text(quotes)
    assert found["a plan is coming"] == "Tom Aldous"
    assert found["this is the worst crisis since the war"] == "Jo Lark"


def test_a_name_after_a_hyphened_title_and_the_band_named_before_speak(quotes_of):
    quotes = quotes_of('Rock group Velvet Orchard will tour Europe in May. The band said on Friday that a new album '
                       'is coming.\n\n"This shows how powerful the method can be," added study co-author Ilse Varga.')
    assert speakers_by_text(quotes) == {"that a new album is coming": "Velvet Orchard",
                                        "This shows how powerful the method can be,": "Ilse Varga"}


def test_a_noun_said_of_someone_is_no_unnamed_person_introduced(quotes_of):
    quotes = quotes_of("Jean Morel won the prize on Thursday. Asked whether he considered himself a French writer or "
                       "merely an author who writes in French, Morel said he was both. The author also told Swedish "
                       "radio he planned to travel to Stockholm. A US official familiar with the matter spoke. The "
                       "official said talks had stalled.")
    found = speakers_by_text(quotes)
    assert found["he planned to travel to Stockholm"] == "Jean Morel" and found["talks had stalled"] is None
