"""Claim attributes that must survive real pages (issue 17), each failure class on sentences
written for these tests: subjects from the clause that states the figure, counts of people,
units converted to base units, the metric vocabulary, the time frame and the date."""

from __future__ import annotations

import pytest

from extractor.extract.entities import extract_entities
from extractor.extract.quantities import extract_claims
from extractor.extract.quantities.measures import to_base
from extractor.extract.quantities.subject_structures import named_structures
from extractor.models import Claim
from extractor.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def claims_of(nlp, text: str, published: str | None = "2024-03-14") -> list[Claim]:
    doc = nlp(text)
    return extract_claims(doc, "a", extract_entities(doc, "a"), published=published)


def by_text(nlp, text: str, published: str | None = "2024-03-14") -> dict[str, Claim]:
    return {c.text: c for c in claims_of(nlp, text, published)}


def subjects(claim: Claim) -> list[str]:
    return [s.name for s in claim.subject]


# ------------------------------------------------------------------ subjects


@pytest.mark.parametrize("text, figure, subject", [
    # a description with a name in apposition is the name
    ("In the U.S., AI chipmaker Kelmont closed Monday's trading down 16.9 percent, while its competitor Varo "
     "fell 17.4 percent.", "16.9 percent", ["Kelmont"]),
    ("In the U.S., AI chipmaker Kelmont closed Monday's trading down 16.9 percent, while its competitor Varo "
     "fell 17.4 percent.", "17.4 percent", ["Varo"]),
    ("Kelmont led the losses. Europe's most valuable technology company, Varo, which makes chip equipment, fell "
     "1 per cent.", "1 per cent", ["Varo"]),
    # a participle with its own name right before it; after a comma it shares the clause's subject
    ("Kelmont (KLM) plunged 17%, AI-server maker Varo (VAR) losing 8.7%, and power company Delmark crashing "
     "28.3%.", "8.7%", ["Varo"]),
    ("Kelmont (KLM) plunged 17%, AI-server maker Varo (VAR) losing 8.7%, and power company Delmark crashing "
     "28.3%.", "28.3%", ["Delmark"]),
    ("Kelmont plunged 17% on Monday, losing $50 billion in market value.", "$50 billion", ["Kelmont"]),
    # a change for a name, and names listed with their figures "respectively"
    ("The S&P 500 dropped 1.5%, dragged down in large part by a 16.9% fall for Kelmont.", "16.9%", ["Kelmont"]),
    ("The S&P 500 and the Nasdaq 100 declined by 1.5% and 3%, respectively.", "1.5%", ["S&P 500"]),
    ("The S&P 500 and the Nasdaq 100 declined by 1.5% and 3%, respectively.", "3%", ["Nasdaq 100"]),
    # an amount of a substance is the substance's; a gerund subject gives its object
    ("Federal officials are monitoring about 1.8 million gallons of fuel inside the ship.", "1.8 million gallons",
     ["fuel"]),
    ("Crews worked around the clock to clear an estimated 50,000 tons of fallen steel.", "50,000 tons", ["steel"]),
    ("DELMORE, Md. (The Harbor Square) – Rebuilding the Kestrel Bridge is expected to cost between $4.3 billion "
     "and $5.2 billion.", "$4.3 billion and $5.2 billion", ["Kestrel Bridge"]),
    # a description takes the organisation its own sentence names as an example ("firms like X"),
    # before one named as a subject sentences earlier
    ("Last week the start-up Varo released a cheap model. Chip stocks slid as investors feared for firms like "
     "Kelmont, shaving $90 billion off the chipmaker's market value.", "$90 billion", ["Kelmont"]),
    # a pronoun in a conjoined clause is that clause's subject's, not the sentence's first
    ("Shares of Kelmont rose. The Nasdaq gained 1.4% and chip leader Kelmont climbed 6%, a day after its 12% "
     "slump wiped $59 billion off its market value.", "12%", ["Kelmont"]),
    ("Shares of Kelmont rose. The Nasdaq gained 1.4% and chip leader Kelmont climbed 6%, a day after its 12% "
     "slump wiped $59 billion off its market value.", "$59 billion", ["Kelmont"]),
    ("Delmark fell 3% after Varo said its sales slowed by 8%.", "8%", ["Varo"]),
    # an ownerless "stock value" is the clause's organisation's, not the story's start-up's
    ("The start-up Varo launched a cheap model. Varo said the model was free, and Varo shares soared. Kelmont, "
     "the chipmaker, experienced a 17% drop in stock value on Monday.", "17%", ["Kelmont"]),
    # what a cause sends into a move, or makes see one, is what moved
    ("Fresh tariff threats from Dana Whitcombe sent Kelmont tumbling nearly 5%. Kelmont led a selloff.", "5%",
     ["Kelmont"]),
    ("Shares of Kelmont, the darling of the boom, dragged Canadian stocks lower, sinking 12 percent on Monday.",
     "12 percent", ["Kelmont"]),  # a participle after the comma shares the clause's subject
    ("Investors fled. The start-up Varo's recent moves caused Kelmont, the chipmaker, to see its stock plummet by "
     "nearly 17%.", "17%", ["Kelmont"]),
    # a relative clause is said of the name it follows, not of the names listed with it
    ("Rich founders lost out, including Dana Whitcombe and Delmark chairman Ravi Okafor, who lost $22.6 billion.",
     "$22.6 billion", ["Ravi Okafor"]),
    # what a cause leads to move
    ("Kelmont Inc tumbled. This led the tech-heavy Nasdaq to fall 3.1% on Monday.", "3.1%", ["Nasdaq"]),
    # "the chip-maker" is not the organisation the article calls a start-up; "chips made by X" name a maker
    ("The start-up Varo released a cheap model that runs without the costly chips made by Kelmont. The "
     "chip-maker's stock plunged 16% on Monday.", "16%", ["Kelmont"]),
])
def test_the_subject_is_the_thing_the_clause_says_the_figure_of(nlp, text, figure, subject):
    assert subjects(by_text(nlp, text)[figure]) == subject


def test_possessive_owner_of_a_change_noun(nlp):
    c = by_text(nlp, "The 12 per cent fall in Ford's shares wiped $6 billion off its market value.")
    assert subjects(c["12 per cent"]) == ["Ford"]
    assert subjects(c["$6 billion"]) == ["Ford"]


def test_the_company_refers_to_the_last_organisation_that_is_not_a_source(nlp):
    c = by_text(nlp, "Analysts had expected a loss at Boeing, according to Bloomberg. "
                     "The company earned $1.2 billion in the quarter.")
    assert subjects(c["$1.2 billion"]) == ["Boeing"]


def test_bare_shares_belong_to_the_salient_company(nlp):
    c = by_text(nlp, "Nike cut its forecast on Thursday. Nike said demand had slowed in China. "
                     "Shares fell 9% to $84.20.")
    assert subjects(c["9%"]) == ["Nike"]
    assert subjects(c["$84.20"]) == ["Nike"]


def test_bare_shares_belong_to_the_company_whose_stock_moves_not_the_startup_named_more(nlp):
    c = by_text(nlp, "OpenAI released a cheap model this month, and OpenAI said it was free. Analysts said "
                     "OpenAI could change the industry. Intel shares fell sharply on the news, and Intel's market "
                     "value dropped. "
                     "Shares closed 12% lower at $41.30.")
    assert subjects(c["12%"]) == ["Intel"]


def test_a_company_the_model_took_for_a_place_is_still_the_article_s_company(nlp):
    from extractor.extract.entities import extract_entities
    from extractor.extract.quantities.subject_names import salient_organisation

    text = ("Drugmakers had a rough week. Nothing suffered like Quellix, whose pills compete with "
            "Ozempic. Analysts expect Quellix to recover, and Quellix plans new trials.\n\nShares slid 11.2 percent.")
    doc = nlp(text)
    entities = extract_entities(doc, "t")
    for entity in entities.entities:  # the small model's mistake on many pages: the company typed as a place
        if entity.name == "Quellix":
            entity.type = "GPE"
    assert salient_organisation(doc, entities, text).name == "Quellix"
    for entity in entities.entities:  # a place a gazetteer knows stays a place
        if entity.name == "Quellix":
            entity.name, entity.type = "Lyon", "GPE"
    assert getattr(salient_organisation(doc, entities, text), "name", None) != "Lyon"


def test_a_result_posted_by_a_company_and_a_floating_each_name_their_subjects(nlp):
    c = by_text(nlp, "Last year brought a $2.4 billion deficit recorded by Harwick Mills.")
    assert subjects(c["$2.4 billion"]) == ["Harwick Mills"]
    c = by_text(nlp, "The decline, fuelled by Boeing's weak orders, was a 12 percent drop.")
    assert subjects(c["12 percent"]) != ["Boeing's weak orders"]  # a cause is no owner
    c = by_text(nlp, "Shares of carmakers fell. Stellantis and Renault, two of the largest carmakers tied to the "
                     "strike, each plummeted more than 11%.")
    assert set(subjects(c["11%"])) == {"Stellantis", "Renault"}


def test_a_description_with_a_place_before_it_is_the_company_not_the_place(nlp):
    c = by_text(nlp, "Boeing fell sharply on Monday. The Seattle planemaker's shares plummeted 9% on March 3.")
    assert subjects(c["9%"]) == ["Boeing"]
    c = by_text(nlp, "Boeing said it was confident. The slide cost the US planemaker's shareholders $30bn.")
    assert subjects(c["$30bn"]) == ["Boeing"]


def test_a_span_of_time_before_a_change_noun_is_not_its_owner(nlp):
    from spacy.tokens import Doc

    from extractor.extract.entities import extract_entities
    from extractor.extract.quantities.subject_context import SubjectContext
    from extractor.extract.quantities.subject_phrases import _owner_of

    # "the largest single-day loss", parsed as the small model does: "day" a compound of "loss"
    words = ["the", "largest", "single", "-", "day", "loss"]
    doc = Doc(nlp.vocab, words=words, spaces=[True, True, False, False, True, False],
              heads=[5, 5, 4, 4, 5, 5], deps=["det", "amod", "amod", "punct", "compound", "ROOT"],
              pos=["DET", "ADJ", "ADJ", "PUNCT", "NOUN", "NOUN"], lemmas=words)
    ctx = SubjectContext(entities=extract_entities(doc, "t"), text=doc.text, doc=doc)
    assert _owner_of(doc[5], ctx, None, ("of",)) == []


def test_a_title_case_headline_about_a_figure_names_no_market_and_no_share_price(nlp):
    from extractor.extract.entities import extract_entities

    text = "Why Boeing Stock Sank: A $31 Billion Drop in Market Value\n\nBoeing's shares fell 9% on Monday."
    c = by_text(nlp, text)
    assert subjects(c["$31 Billion"]) == ["Boeing"]
    names = {e.name for e in extract_entities(nlp(text), "t").entities}
    assert "Market Value" not in names


def test_of_two_subjects_the_parser_gives_a_verb_the_nearer_one_is_its_own(nlp):
    from spacy.tokens import Doc

    from extractor.extract.quantities.subject_context import _clause_subject

    # The small model's slip, written out: "Amid fears raised by rival Lumora, Tesla's stock
    # plunged" with both "Lumora" and "stock" hung on "plunged" as subjects.
    words = ["Amid", "fears", "raised", "by", "rival", "Lumora", ",", "Tesla", "'s", "stock", "plunged", "."]
    heads = [10, 0, 1, 2, 5, 10, 10, 9, 7, 10, 10, 10]
    deps = ["prep", "pobj", "acl", "agent", "compound", "nsubj", "punct", "poss", "case", "nsubj", "ROOT", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert _clause_subject(doc[10], doc[0:0]).text == "stock"


def test_title_case_headline_name_stops_before_its_verb(nlp):
    c = by_text(nlp, "Jeff Bezos is the founder of Amazon.\n\nBezos Loses $7 Billion in a Day\n\n"
                     "The fall in Amazon stock cut his fortune.")
    assert subjects(c["$7 Billion"]) == ["Jeff Bezos"]


@pytest.mark.parametrize("name", ["Kelmont", "Halvard"])
def test_a_headline_verb_read_as_a_noun_leaves_the_name_the_subject(nlp, name):
    # the small model reads "fuels" as a noun and hangs the name on it
    c = by_text(nlp, f"{name} is a chipmaker.\n\n{name} fuels optimism yet loses $60B in market cap\n\n"
                     f"{name} shares fell.")
    assert subjects(c["$60B"]) == [name]


def test_a_date_is_never_a_subject(nlp):
    c = by_text(nlp, "Another 8 percent drop on March 3 followed the recall.")
    assert "March" not in subjects(c["8 percent"])


def test_it_refers_to_the_thing_of_the_claim_before(nlp):
    c = by_text(nlp, "The pound fell 10% to $1.31 overnight. It then recovered to $1.36.")
    assert subjects(c["10%"]) == ["Pound Sterling"]  # a currency goes by its ISO 4217 name
    assert subjects(c["$1.36"]) == ["Pound Sterling"]
    assert c["$1.36"].metric == "exchange rate"


def test_a_share_of_a_group_is_about_the_group(nlp):
    c = by_text(nlp, "About 58 percent of Texans backed the measure.")
    assert subjects(c["58 percent"]) == ["Texans"]


# ------------------------------------------------------------------ counts of people


def test_counts_of_people_have_the_counted_noun_as_subject(nlp):
    c = by_text(nlp, "Six workers were killed and two bodies were recovered on Friday.")
    assert subjects(c["Six"]) == ["workers"]
    assert subjects(c["two"]) == ["bodies"]
    assert (c["Six"].metric, c["two"].metric) == ("dead", "dead")
    assert c["two"].direction is None  # recovered bodies are a count, not a rise


def test_people_counted_by_any_noun_in_either_number_are_one_unit(nlp):
    # the unit is a lemma ("miner", "casualty", "fireman"): still a count of people
    c = by_text(nlp, "Thirty miners were trapped, two casualties were reported and five firemen were hurt.")
    assert {c[k].unit for k in ("Thirty", "two", "five")} == {"person"}
    assert (c["Thirty"].stated_unit, c["two"].stated_unit, c["five"].stated_unit) == ("miner", "casualty", "fireman")
    # a qualified noun ("other people", "Welsh nurses") counts people too
    c = by_text(nlp, "Four other people and nine Welsh nurses were injured.")
    assert (c["Four"].unit, c["nine"].unit) == ("person", "person")
    # things are not people
    assert by_text(nlp, "Nine buses were damaged.")["Nine"].unit == "bus"


def test_part_of_a_count_and_its_origin(nlp):
    c = by_text(nlp, "Among the dead were four people from Ghana, three from Peru and two from Chile.")
    assert subjects(c["three"]) == ["Peru"]
    assert subjects(c["two"]) == ["Chile"]


def test_a_count_held_by_an_owner_is_the_owners(nlp):
    c = by_text(nlp, "Spotify had 615 million monthly users at the end of March.")
    assert subjects(c["615 million"]) == ["Spotify"]


def test_injured_and_missing_are_their_own_metrics(nlp):
    c = by_text(nlp, "Twelve people were injured and three people are still missing.")
    assert c["Twelve"].metric == "injured"
    assert c["three"].metric == "missing"


# ------------------------------------------------------------------ units and conversion


def test_feet_convert_to_metres_and_keep_what_was_stated(nlp):
    c = by_text(nlp, "An 80-meter (260-foot) stretch of the viaduct fell.")
    assert (c["80-meter"].value, c["80-meter"].unit) == (80.0, "metre")
    assert (c["260-foot"].value, c["260-foot"].unit) == (79.248, "metre")
    assert (c["260-foot"].stated_value, c["260-foot"].stated_unit) == (260.0, "foot")


def test_tons_are_short_tons_in_a_text_that_measures_in_feet(nlp):
    c = by_text(nlp, "The span weighed 950 tons and was 174 feet long; the crane reached 90 feet.")
    assert c["950 tons"].value == pytest.approx(861825.503, rel=1e-6)
    assert c["950 tons"].metric == "weight"


def test_tons_are_metric_in_a_metric_text(nlp):
    c = by_text(nlp, "The deck is 1,067 metres long and is made of 17,400 tons of steel.")
    assert (c["17,400 tons"].value, c["17,400 tons"].unit) == (17400000.0, "kilogram")


def test_spelled_si_units_come_from_the_registry():
    assert to_base(40, "nanometre", imperial=False) == (4e-08, "metre")
    assert to_base(3, "barrel", imperial=False) is None  # commodity measures stay as stated
    assert to_base(5, "percent", imperial=False) is None


def test_registry_unit_after_a_number(nlp):
    c = by_text(nlp, "The transistors are 40 nanometres wide.")
    assert (c["40 nanometres"].value, c["40 nanometres"].unit, c["40 nanometres"].stated_unit) == (4e-08, "metre", "nanometre")


def test_iso_4217_currencies_beyond_the_common_ones(nlp):
    c = by_text(nlp, "The bank lent 5 billion forints, 300,000 Kenyan shillings and KES 500.")
    assert (c["5 billion forints"].value, c["5 billion forints"].unit) == (5e9, "HUF")
    assert c["300,000 Kenyan shillings"].unit == "KES"
    assert c["KES 500"].unit == "KES"


def test_capital_words_that_are_iso_codes_are_not_money(nlp):
    assert all(c.unit != "TOP" for c in claims_of(nlp, "She made the TOP 10 list."))


def test_points_are_an_index_level_only_in_a_sentence_about_a_market(nlp):
    c = by_text(nlp, "The benchmark index closed 40 points lower at 7,500 on Friday.")
    assert (c["40 points"].metric, c["7,500"].metric) == ("index level", "index level")
    c = by_text(nlp, "The singer received 583 points, ahead of the runner-up with 526 points.")
    assert (c["583 points"].metric, c["526 points"].metric) == (None, None)


def test_a_named_index_s_move_is_its_level_however_the_sentence_words_it(nlp):
    c = by_text(nlp, "The S&P 500 lost 155.64 points, or 2.7%, to 5,614.56. In Europe, Germany's DAX fell 1.7%.")
    assert {c[t].metric for t in ("155.64 points", "2.7%", "5,614.56", "1.7%")} == {"index level"}


def test_percentage_points_are_named_as_the_gold_writes_them(nlp):
    c = by_text(nlp, "Growth slowed by seven percentage points.")
    assert c["seven percentage points"].unit == "percentage point"


# ------------------------------------------------------------------ metric, frame, date


def test_a_percent_move_of_a_market_value_is_the_share_price_move(nlp):
    assert [x.metric for x in claims_of(nlp, "Kelmont lost 17% of its market value on Monday.")] == ["share price"]
    # a share of a market value is no move
    c = by_text(nlp, "Kelmont accounts for 7% of the index's market value.")
    assert c["7%"].metric == "market value"


def test_metric_words_are_normalised(nlp):
    c = by_text(nlp, "Tesla's market cap dropped $50 billion, and revenue rose 8% to $25.1 billion.")
    assert c["$50 billion"].metric == "market value"
    assert c["8%"].metric == "revenue"


def test_frames_after_hours_and_close_in_one_sentence(nlp):
    c = by_text(nlp, "Intel's shares fell 7.6 per cent after-hours after closing at $31.50.")
    assert (c["7.6 per cent"].frame, c["$31.50"].frame) == ("after-hours", "close")


def test_a_result_clause_shares_its_verbs_moment_but_a_clause_of_its_own_does_not(nlp):
    found = by_text(nlp, "Ardent's stock had plunged 16% as of midday Monday, wiping off more than $50 billion "
                         "in market value.")
    assert (found["16%"].frame, found["$50 billion"].frame) == ("intraday", "intraday")
    found = by_text(nlp, "At one point sterling hit $1.29, and is currently trading 6.1% lower at $1.31.")
    assert (found["$1.29"].frame, found["$1.31"].frame) == ("intraday", None)


def test_intraday_frame_and_at_one_point_is_no_quantity(nlp):
    found = by_text(nlp, "The euro slid, at one point falling 2% to $1.05.")
    assert set(found) == {"2%", "$1.05"}
    assert found["2%"].frame == "intraday"


@pytest.mark.parametrize("text", [
    "Ardent's shares tumbled 9 percent during midday trading in New York.",
    "Ardent's stock had slumped 9% as of midday Tuesday.",
    "Ardent's shares were down 9% in mid-afternoon trade.",
])
def test_a_move_at_midday_is_within_the_session(nlp, text):
    assert [c.frame for c in claims_of(nlp, text)] == ["intraday"]


def test_a_frame_phrase_of_the_verb_holds_however_far_it_stands_from_the_figure(nlp):
    c = by_text(nlp, "Analysts note that in a premarket trade today, Friday July 19, the value of Kelmont's stock "
                     "dropped by 20%.")
    assert c["20%"].frame == "pre-market"


def test_a_vote_share_is_no_share_price(nlp):
    c = by_text(nlp, "The Green Union's vote share was 33.7%, and its rivals held 21.5% of the vote share.")
    assert (c["33.7%"].metric, c["21.5%"].metric) == ("vote share", "vote share")


def test_period_and_as_of_frames(nlp):
    c = by_text(nlp, "Revenue rose 15% in the second quarter. Netflix had 270 million subscribers as of June 30.")
    assert c["15%"].frame == "period"
    assert c["270 million"].frame == "as-of"


@pytest.mark.parametrize("text, figure, frame", [
    # a period word before a noun frames what that noun phrase states
    ("Ardent said its quarterly dividend would be 40 cents per share.", "40 cents per share", "period"),
    ("Ardent declared a quarterly dividend of 40 cents per share.", "40 cents per share", "period"),
    ("Ardent's quarterly revenue rose 12% to $8bn.", "12%", "period"),
    ("Its founder will receive about $90 million in dividends on a quarterly basis.", "$90 million", "period"),
    # not a figure the noun phrase only explains, nor one beside the other event's time
    ("Ardent shares jumped 18% after quarterly results beat forecasts.", "18%", None),
    ("Ardent authorised $20 billion in share repurchases and said its quarterly dividend would rise.",
     "$20 billion", None),
    ("Ardent Stock Soars 18% on Strong Q4 Earnings", "18%", None),
    ("The shares plunged by 12.5% to $310, after huge gains earlier this year.", "12.5%", None),
    ("The shares are still up 20% for the year.", "20%", "period"),
])
def test_a_period_frames_the_figures_of_its_own_phrase(nlp, text, figure, frame):
    assert by_text(nlp, text)[figure].frame == frame


def test_as_of_the_close_is_the_close_and_as_of_a_lower_case_word_is_no_frame(nlp):
    c = by_text(nlp, "Ardent shares lost 12% as of the market close, settling at $41.20.")
    assert (c["12%"].frame, c["$41.20"].frame) == ("close", "close")
    assert by_text(nlp, "As of now, Ardent shares are up 3%.")["3%"].frame is None


def test_a_companys_own_move_is_its_share_price_but_an_indexs_is_not(nlp):
    c = by_text(nlp, "Ford fell 7 percent on Monday, and the Nasdaq fell 3.1%.")
    assert c["7 percent"].metric == "share price"
    assert c["3.1%"].metric != "share price"


def test_a_clause_that_describes_a_noun_is_not_dated_by_the_main_verb(nlp):
    c = by_text(nlp, "European banks rallied on Friday after the crash, which saw Halvard tumble by 22 percent.",
                published="2024-03-16")
    assert c["22 percent"].date != "2024-03-15"  # the crash was another day's, not Friday's
    c = by_text(nlp, "The board met on Tuesday, when the shares traded at a peak of $88.40.",
                published="2024-03-14")
    assert c["$88.40"].date == "2024-03-12"


def test_a_figure_without_a_day_is_dated_by_publication(nlp):
    c = by_text(nlp, "The death toll rose to 41.", published="2024-03-14")
    assert c["41"].date == "2024-03-14"


def test_the_day_a_paragraph_tells_of_dates_its_later_moves(nlp):
    # published on Wednesday; the lead names Tuesday, the next sentences give no day
    text = ("Halvard Systems lost about $40 billion in market value on Tuesday. The chipmaker's stock fell 11%, "
            "closing at $62.10. The company employs 9,000 people.\n\nIts shares rose 2% in early trading.")
    c = by_text(nlp, text, published="2024-03-13")
    assert (c["11%"].date, c["11%"].date_source) == ("2024-03-12", "paragraph")
    assert c["$62.10"].date == "2024-03-12"
    assert (c["$40 billion"].date, c["$40 billion"].date_source) == ("2024-03-12", "text")
    # a headcount is no news of Tuesday; a new paragraph tells of the day it was published
    assert (c["9,000"].date, c["9,000"].date_source) == ("2024-03-13", "published")
    assert (c["2%"].date, c["2%"].date_source) == ("2024-03-13", "published")


def test_a_sentence_that_names_another_time_lends_its_figures_no_day(nlp):
    # the paragraph is about Tuesday, but "last fall" is when the old record was set
    text = ("Halvard Systems lost $40 billion in market value on Tuesday. By shedding $40 billion in one "
            "session, the chipmaker beat its own record set last fall, when it lost $27 billion.")
    c = claims_of(nlp, text, published="2024-03-13")
    record = next(x for x in c if x.text == "$27 billion")
    assert (record.date, record.date_source) == ("2023-09-01/2023-11-30", "text")  # last fall, not Tuesday
    assert [(x.date, x.date_source) for x in c if x.text == "$40 billion"][0] == ("2024-03-12", "text")
    c = claims_of(nlp, "Halvard Systems lost $40 billion on Monday. This eclipsed the previous record drop in "
                       "September, when a 9% decline erased $27 billion in value.", published=None)
    assert [(x.text, x.weekday) for x in c if x.text in ("9%", "$27 billion")] == [("9%", None), ("$27 billion", None)]
    # nor is a record's span ("the lowest since 1985") another time
    c = by_text(nlp, "On a tumultuous night the pound hit $1.3459, the lowest level since 1985.", published="2016-06-24")
    assert c["$1.3459"].date == "2016-06-24"
    # a sentence without another time still takes the paragraph's day
    c = by_text(nlp, "Halvard Systems lost $40 billion in market value on Tuesday. Its stock fell 11%.",
                published="2024-03-13")
    assert (c["11%"].date, c["11%"].date_source) == ("2024-03-12", "paragraph")


def test_a_plus_before_the_scale_is_a_lower_bound_in_that_scale(nlp):
    c = by_text(nlp, "Halvard has suffered three $200+ billion declines in a year.")
    assert (c["$200+ billion"].value, c["$200+ billion"].hedge, c["$200+ billion"].unit) == (200e9, ">=", "USD")


def test_a_weekday_of_an_undated_article_is_kept_as_its_weekday(nlp):
    text = "Ardent lost $40 billion in market value on Monday. Its stock fell 11%. On Tuesday, Ardent shares rose 4%."
    c = by_text(nlp, text, published=None)
    assert [(c[t].date, c[t].weekday) for t in ("$40 billion", "11%", "4%")] == [
        (None, "Monday"), (None, "Monday"), (None, "Tuesday")]
    assert by_text(nlp, text, published="2024-03-13")["11%"].weekday is None


def test_a_figure_takes_the_year_written_beside_it(nlp):
    c = by_text(nlp, "Its stock soared 212% in 2023 and 96% in 2024. Output fell in September 2022 by 14%.")
    assert (c["212%"].date, c["96%"].date, c["14%"].date) == ("2023", "2024", "2022-09")


def test_a_dimension_has_no_date(nlp):
    c = by_text(nlp, "The tower is 300 metres tall.", published="2024-03-14")
    assert c["300 metres"].date is None


def test_a_weekday_stays_unresolved_without_a_publication_date(nlp):
    c = by_text(nlp, "On Monday, Pfizer shares fell 4%.", published=None)
    assert c["4%"].date is None


def test_the_distance_of_a_fall_is_the_structures_height_without_direction(nlp):
    c = by_text(nlp, "The Ponte Alto collapsed on Tuesday, sending cars plunging 45 metres onto the tracks.")
    assert c["45 metres"].direction is None
    assert c["45 metres"].metric == "height"
    assert "cars" not in subjects(c["45 metres"])


def test_a_share_beside_a_name_in_parentheses_or_after_of(nlp):
    c = by_text(nlp, "The majority of Ohio (56.2 per cent) backed the plan, while 61 per cent of New Mexico rejected it.")
    assert subjects(c["56.2 per cent"]) == ["Ohio"]
    assert subjects(c["61 per cent"]) == ["New Mexico"]


def test_a_vote_share_is_about_the_side_it_went_to(nlp):
    c = by_text(nlp, "Voters split, with 54 per cent backing Yes and 46 per cent for No.")
    assert subjects(c["54 per cent"]) == ["Yes"]
    assert subjects(c["46 per cent"]) == ["No"]
    assert c["54 per cent"].metric == "vote share"


def test_a_sentence_initial_metric_noun_reads_its_owner(nlp):
    c = by_text(nlp, "Turnout in the election was 67.3%.")
    assert subjects(c["67.3%"]) == ["election"]
    assert c["67.3%"].metric == "turnout"


def test_a_market_headline_gets_no_guessed_day_but_a_toll_headline_does(nlp):
    c = by_text(nlp, "Oracle shares sink 11% on weak cloud sales\n\nQuake death toll rises to 212\n\n"
                     "The company said revenue would slow.", published="2024-03-14")
    assert c["11%"].date is None
    assert c["212"].date == "2024-03-14"


def test_a_dimension_in_a_dated_sentence_has_no_date(nlp):
    c = by_text(nlp, "A 90-metre section of the dam gave way on Tuesday.", published="2024-03-14")
    assert c["90-metre"].date is None


@pytest.mark.parametrize(("source", "dates"), [
    ("dateline", ["2024-03-11", "2024-03-14"]),
    ("inferred", [None, None]),
])
def test_only_a_stated_publication_date_dates_the_figures(nlp, source, dates):
    # A date "inferred" as the latest one in the text is a guess (it may be a day the story
    # looks back to): "on Monday" and an undated figure stay undated rather than dated wrong.
    from extractor.extract.article import extract_article
    from extractor.models import Article

    text = "Acme Corp shares fell 4% on Monday. The company employs 2,000 people in Ohio."
    article = Article(id="a1", path="a.txt", text=text, published="2024-03-14", published_source=source)
    claims = extract_article(nlp(text), article).claims
    assert [c.date for c in claims] == dates


# ------------------------------------------------------------------ subjects, round 3


def test_an_event_noun_is_not_what_a_figure_is_about(nlp):
    c = by_text(nlp, "This descent obliterated over $80 billion from Halvard's market capitalization.")
    assert subjects(c["$80 billion"]) == ["Halvard"]
    c = by_text(nlp, "The rout spread across markets, dragging the Dow down 1.2% and slashing the Nasdaq by 3.1%.")
    assert (subjects(c["1.2%"]), subjects(c["3.1%"])) == (["Dow"], ["Nasdaq"])
    # but a company raising its prices by a share is still the company's figure
    c = by_text(nlp, "Halvard Systems raised prices by 6% in March.")
    assert subjects(c["6%"]) == ["Halvard Systems"]


def test_a_name_and_its_move_beside_a_figure_even_with_a_ticker_or_a_verb(nlp):
    c = by_text(nlp, "The sell-off hit the tech sector, with the Nasdaq dropping 3%. Chip stocks also saw gains, "
                     "with Quorvant (NASDAQ:QRV) up 2.5%, Belstead rising 2.6%.")
    assert (subjects(c["3%"]), subjects(c["2.5%"]), subjects(c["2.6%"])) == (["Nasdaq"], ["Quorvant"], ["Belstead"])


def test_a_session_word_and_a_split_hyphenated_noun_are_no_subjects(nlp):
    c = by_text(nlp, "Quorvant (QRV) gained 3% premarket after dropping 17% on Monday.")
    assert subjects(c["3%"]) == ["Quorvant"] and c["3%"].frame == "pre-market"
    c = by_text(nlp, "The sell-off wiped 4% off the index.")
    assert subjects(c["4%"]) != ["off"]


def test_a_move_named_as_a_change_noun_of_no_one_is_the_story_companys(nlp):
    text = ("Quorvant Systems shares rebounded on Tuesday. The 17% plunge on Monday was triggered by fears over a "
            "cheaper rival model. The earlier plunge of 17% stemmed from the same worries.")
    assert [subjects(x) for x in claims_of(nlp, text)] == [["Quorvant Systems"], ["Quorvant Systems"]]


def test_a_change_noun_is_of_the_metric_its_modifiers_name(nlp):
    c = by_text(nlp, "Halvard's $58 billion market cap loss was the largest in its history.")
    assert c["$58 billion"].metric == "market value"
    c = by_text(nlp, "Halvard faced a share value drop of 17%, which means a $60B loss for the stock market.")
    assert (c["17%"].metric, c["$60B"].metric) == ("share price", "market value")
    # a loss in a company's stock is its share price's; a loss in a quarter is a result
    c = by_text(nlp, "The 19 per cent loss in Halvard's stock chopped $11 billion off its market value.")
    assert c["19 per cent"].metric == "share price"
    c = by_text(nlp, "Halvard posted a $3bn loss in the second quarter.")
    assert c["$3bn"].metric == "loss"


def test_figures_given_respectively_go_to_the_names_in_order(nlp):
    c = by_text(nlp, "Boeing crashed 7.4%, followed by Ford and General Motors, which fell 2.1% and 4.2%, respectively.")
    assert [subjects(c[t]) for t in ("7.4%", "2.1%", "4.2%")] == [["Boeing"], ["Ford"], ["General Motors"]]
    c = by_text(nlp, "Even Intel and Cisco, both heavily invested in networking, fell by 2.5% and 5.1% respectively.")
    assert (subjects(c["2.5%"]), subjects(c["5.1%"])) == (["Intel"], ["Cisco"])


def test_a_company_that_erased_market_value_lost_its_own(nlp):
    # the story's company is Halvard Systems, named most; the sentence's is Quorvant
    text = ("Halvard Systems rose 2% on Monday, and analysts praised Halvard Systems. Halvard Systems hired 90 "
            "engineers. Quorvant Corp. sank 17%, and it erased about $59 billion in stock market value.")
    assert subjects(by_text(nlp, text)["$59 billion"]) == ["Quorvant"]


def test_a_company_that_drops_a_sum_of_money_loses_market_value_but_its_revenue_is_revenue(nlp):
    found = by_text(nlp, "Semiconductor company Kelmont suffered the biggest single-day value wipeout on Monday. "
                         "The company dropped around $600 billion. Kelmont's revenue dropped $2 billion.")
    assert (found["$600 billion"].metric, subjects(found["$600 billion"])) == ("market value", ["Kelmont"])
    assert found["$2 billion"].metric == "revenue"


def test_a_sum_wiped_out_is_market_value_even_after_the_word_loss(nlp):
    found = by_text(nlp, "Investors fled, and Kelmont saw its worst loss in the company's history with a "
                         "$600 billion wipeout on Monday. The wipeout cost the firm $3 million in lost orders.")
    assert found["$600 billion"].metric == "market value"
    assert found["$3 million"].metric != "market value"  # what the wipeout cost: no sum on the wipeout itself


@pytest.mark.parametrize("text, figure", [
    ("Quorvant was off by 6.3% on the day.", "6.3%"),
    ("Quorvant shares were off 3% in early trade.", "3%"),
    ("Shares of Quorvant slumped by a substantial 16.86 percent.", "16.86 percent"),
])
def test_a_fall_said_with_off_or_by_an_adjective_is_down(nlp, text, figure):
    assert by_text(nlp, text)[figure].direction == "down"
    assert by_text(nlp, "Quorvant paid off $5 million of debt.")["$5 million"].direction is None


def test_a_description_after_a_sentence_naming_one_company_in_no_subject_is_that_company(nlp):
    # the story's most named company is Morningstar, which the description does not mean
    text = ("Traders relied on data from Morningstar on Monday, as they often do with Morningstar. "
            "Among the day's losers, the one that stood out was Siemens. Shares of the German engineering group "
            "slumped 6.2 percent.")
    assert subjects(by_text(nlp, text)["6.2 percent"]) == ["Siemens"]


def test_a_threshold_is_not_a_subject(nlp):
    c = by_text(nlp, "Halvard Systems fell again, dropping the company's market value below the $1 trillion mark.")
    assert subjects(c["$1 trillion"]) == ["Halvard Systems"]


def test_an_outlet_named_after_its_report_is_not_the_company(nlp):
    text = ("Halvard Systems had its worst day in years, reports NBC News, which adds some context: "
            "the company's shares are still up nearly 300% over two years.")
    c = by_text(nlp, text)
    assert subjects(c["300%"]) == ["Halvard Systems"]


# ------------------------------------------------------------------ subjects, round 2


@pytest.mark.parametrize("text,claim", [
    ("Sterling slid 4% to $1.22 in Asian trading on Monday.", "4%"),
    ("The pound slid 4% to $1.22 in Asian trading on Monday.", "4%"),
    ("The greenback weakened as the yen rose 2% against it.", "2%"),
    ("Traders sold the renminbi, which lost 1.5% on the day.", "1.5%"),
])
def test_a_currency_is_named_by_its_iso_4217_name(nlp, text, claim):
    expected = {"4%": "Pound Sterling", "2%": "Yen", "1.5%": "Yuan Renminbi"}[claim]
    assert subjects(by_text(nlp, text)[claim]) == [expected]


def test_a_currency_the_model_takes_for_an_entity_still_goes_by_its_iso_name(nlp):
    c = by_text(nlp, "The pound fell sharply on Friday.\n\nSterling had climbed to its highest point in 2016 "
                     "so far at $1.50 against the US dollar as early polls suggested the Remain vote would win. "
                     "It then fell to $1.31, a 10% fall.")
    assert [subjects(c[k]) for k in ("$1.50", "$1.31", "10%")] == [["Pound Sterling"]] * 3


def test_a_verbless_clause_has_its_own_subject(nlp):
    c = by_text(nlp, "Commodities fell across the board, with copper down 3.1% to $8,200 a tonne.")
    assert subjects(c["3.1%"]) == ["copper"]


def test_leaving_someone_with_an_amount_is_theirs(nlp):
    c = by_text(nlp, "Shares of Tesla fell 10% on Friday. The drop cut Elon Musk's fortune by $20 billion, "
                     "leaving him with $180 billion.")
    assert subjects(c["$180 billion"]) == ["Elon Musk"]


def test_a_measure_and_its_conversion_in_parentheses_share_their_subject(nlp):
    from extractor.extract.quantities.claims import _share_conversion_subjects
    from extractor.extract.quantities.subject_names import thing_ref

    text = "Thousands mourned those who died when the 52-meter-high (171-foot) Tacoma Bridge gave way Sunday."
    claims = claims_of(nlp, text)
    assert [subjects(c) for c in claims] == [["Tacoma Bridge"], ["Tacoma Bridge"]]
    # where the parser takes the unit of the conversion for the thing measured, or finds nothing
    misread = [claims[0].model_copy(update={"subject": [thing_ref("foot")]}), claims[1]]
    assert [subjects(c) for c in _share_conversion_subjects(misread, text)] == [["Tacoma Bridge"], ["Tacoma Bridge"]]
    missing = [claims[0], claims[1].model_copy(update={"subject": []})]
    assert [subjects(c) for c in _share_conversion_subjects(missing, text)] == [["Tacoma Bridge"], ["Tacoma Bridge"]]


def test_a_relative_that_stands_for_the_noun_it_follows(nlp):
    c = by_text(nlp, "The collapse of a 90-foot section of the tower that sent debris falling 30 feet "
                     "was filmed by a neighbour.")
    assert subjects(c["30 feet"]) == ["tower"]


def test_an_organisation_in_a_prepositional_phrase_is_not_the_clause_subject(nlp):
    c = by_text(nlp, "Acme Corp makes engines. Sales through Walmart, which has lower margins, would "
                     "not make up the gap, executives said, when the company's stock was at a high of $51.20.")
    assert subjects(c["$51.20"]) == ["Acme"]  # the legal form is not part of the subject


def test_a_side_named_with_a_possessive_or_a_verb_of_winning_holds_its_share(nlp):
    c = by_text(nlp, "Yes won 58.2% of the ballots cast to No’s 41.8% after the last count on Sunday.")
    assert subjects(c["41.8%"]) == ["No"]
    c = by_text(nlp, "The final tally gave the “Yes” side 61 percent, while “No” took 39 percent.")
    assert subjects(c["39 percent"]) == ["No"]


def test_a_day_with_a_possessive_is_not_a_side(nlp):
    c = by_text(nlp, "Sunday's 61% vote surprised pollsters.")
    assert "Sunday" not in subjects(c["61%"])


@pytest.mark.parametrize("sentence", [
    "At least 38 people were killed when the viaduct collapsed on Tuesday.",
    "The collapse claimed 38 lives, officials said on Tuesday.",
    "Rescuers recovered the bodies of 38 victims on Tuesday.",
])
def test_a_count_of_people_is_in_persons_whatever_noun_counts_them(nlp, sentence):
    # Outlets count one toll as people, lives or victims: one unit, so it can be one fact.
    [claim] = [c for c in claims_of(nlp, sentence) if c.value == 38]
    assert claim.unit == "person"
    assert claim.stated_value == 38


def test_a_measure_is_not_a_count_of_people(nlp):
    [claim] = claims_of(nlp, "The bridge was 1,182 metres long.")
    assert claim.unit == "metre"


# ------------------------------------------------------------------ subjects on real pages (issue 17, second pass)


def test_a_structure_description_refers_to_the_structure_the_article_names(nlp):
    c = by_text(nlp, "Rescuers searched the rubble after the Varga bridge in Lisbon collapsed on Monday. "
                     "The viaduct was 900 metres long. A 60-metre stretch of highway broke off, "
                     "sending cars plunging to the ground 40 metres (131 feet) below.")
    assert subjects(c["900 metres"]) == ["Varga Bridge"]
    assert subjects(c["60-metre"]) == ["Varga Bridge"]
    assert subjects(c["40 metres"]) == ["Varga Bridge"]
    assert subjects(c["131 feet"]) == ["Varga Bridge"]


def test_a_structure_is_named_by_the_organisation_it_stands_at_not_by_a_longer_name(nlp):
    c = by_text(nlp, "A footbridge at Northfield College collapsed on Friday, the Ohio Highway Patrol said. "
                     "The walkway weighed 300 tons. The $9.5 million bridge was to open in May.")
    assert subjects(c["300 tons"]) == ["Northfield College"]
    assert subjects(c["$9.5 million"]) == ["Northfield College"]
    c = by_text(nlp, "A 1,200-tonne crane was brought in.")
    assert subjects(c["1,200-tonne"]) == ["crane"]


def test_a_place_before_a_structure_noun_describes_it(nlp):
    c = by_text(nlp, "The Lisbon bridge collapsed on Monday, officials in Lisbon said. The deck was 300 metres long.")
    assert subjects(c["300 metres"]) == ["bridge"]


def test_a_tally_gives_the_larger_share_to_the_side_voted_for_and_the_other_to_the_other_side(nlp):
    c = by_text(nlp, "Townsfolk voted 61% to 39% to stay, a blow to the mayor, who led the 'go' campaign.")
    assert subjects(c["61%"]) == ["Stay"]
    assert subjects(c["39%"]) == ["Go"]


def test_a_tally_with_a_defeated_side_gives_the_larger_share_to_the_other_side(nlp):
    c = by_text(nlp, "The island has voted to separate from the federation.\n"
                     "The governor had campaigned for voters to vote stay but was defeated by 58% to 42%.")
    assert subjects(c["58%"]) == ["Separate"]
    assert subjects(c["42%"]) == ["Stay"]


def test_a_tally_held_by_a_sides_campaign_is_the_sides(nlp):
    c = by_text(nlp, "The Yes campaign is heading for a majority of 55% to 45%. The No side conceded defeat.")
    assert subjects(c["55%"]) == ["Yes"]
    assert subjects(c["45%"]) == ["No"]


def test_a_results_line_gives_each_share_to_its_label_and_turnout_to_the_vote(nlp):
    c = by_text(nlp, "Islanders reject new flag in referendum\n\nNo 61.2% Yes 38.8% Turnout 71.5%\n\n"
                     "Turnout was 71 percent, officials said.")
    assert subjects(c["61.2%"]) == ["No"]
    assert subjects(c["38.8%"]) == ["Yes"]
    assert subjects(c["71.5%"]) == ["referendum"]
    assert subjects(c["71 percent"]) == ["referendum"]
    c = by_text(nlp, "The 19 per cent loss in Acme's stock cut its value.")
    assert subjects(c["19 per cent"]) == ["Acme"]


def test_a_title_kept_apart_from_the_text_names_the_organisation_the_article_is_about(nlp):
    text = "-- Lost $12.5 billion in market cap today\n\n-- Lowest close since May 3, when it closed at $74.02\n"
    doc = nlp(text)
    title = "Brightwave, Inc. Class A (BWV) closed at $76.26, down $11.24 or 12.96%"
    claims = {c.text: c for c in extract_claims(doc, "a", extract_entities(doc, "a", title=title), title=title)}
    assert subjects(claims["$12.5 billion"]) == ["Brightwave"]
    assert subjects(claims["$74.02"]) == ["Brightwave"]
    untitled = {c.text: c for c in extract_claims(doc, "a", extract_entities(doc, "a"))}
    assert subjects(untitled["$12.5 billion"]) == []


def test_a_person_described_by_age_is_the_person_the_article_is_about(nlp):
    c = by_text(nlp, "Amazon founder Jeff Bezos lost $7 billion on Friday, he told reporters. The fall pushed Bezos down the list of the "
                     "richest people, behind Bernard Arnault, the founder of LVMH. "
                     "The 59-year-old now has a net worth of $140 billion.")
    assert subjects(c["$140 billion"]) == ["Jeff Bezos"]


def test_its_reads_the_organisation_named_earlier_in_the_sentence(nlp):
    c = by_text(nlp, "Tesla sold more cars than ever. Tesla opened a new plant. Tesla hired 500 people. "
                     "The 12 per cent drop was Ford's biggest plunge and wiped $9 billion off its market value.")
    assert subjects(c["$9 billion"]) == ["Ford"]


def test_a_cost_is_borne_by_the_object_of_cost_not_by_its_cause(nlp):
    c = by_text(nlp, "Ford's stock fell when the company warned that Google's new rules would cost it $2 billion.")
    assert subjects(c["$2 billion"]) == ["Ford"]


def test_what_analysts_expected_is_about_the_figure_before(nlp):
    c = by_text(nlp, "Snap had 350 million daily users as of June 30. Analysts were expecting 355 million, "
                     "according to FactSet.")
    assert subjects(c["355 million"]) == ["Snap"]


def test_a_preposition_glued_to_its_possessive_is_read_as_the_possessive(nlp):
    c = by_text(nlp, "Nike shares fell. Nike has suffered its worst day in history afterits shares dropped by $8.24 to $76.26.")
    assert subjects(c["$8.24"]) == ["Nike"]
    assert subjects(c["$76.26"]) == ["Nike"]


def test_a_toll_raised_to_a_figure_is_not_the_subject_of_the_clause(nlp):
    c = by_text(nlp, "Bus driver Anton Varga, 41, who was hurt in the crash, died on Sunday, bringing the death toll to 17.")
    assert (subjects(c["17"]), c["17"].metric) == ([], "dead")  # the dead, whom no name owns


def test_a_range_of_shares_is_no_tally(nlp):
    c = by_text(nlp, "Voters backed the Green campaign over the Blue campaign. "
                     "The Green campaign's costs rose by 30% to 40% this year, it said.")
    assert subjects(c["30%"]) == ["Green"]
    assert subjects(c["40%"]) == ["Green"]


def test_a_country_before_a_structure_noun_does_not_name_it(nlp):
    c = by_text(nlp, "Death toll in Portugal bridge collapse rises\n\n"
                     "Officials said a 60-meter (197-foot) section of the bridge broke off.")
    assert subjects(c["60-meter"]) == ["bridge"]


def test_an_appositive_clause_is_about_its_head(nlp):
    c = by_text(nlp, "The rand fell sharply on Monday, at one point falling 4% to $0.051, the biggest move "
                     "since March, before recovering to $0.053.")
    assert subjects(c["$0.053"]) == subjects(c["$0.051"]) != []


def test_a_move_written_beside_a_name_is_the_names(nlp):
    c = by_text(nlp, "Bank stocks slid on Tuesday, with Barclays down 4.2%. The FTSE 100 lost 1.5%.")
    assert subjects(c["4.2%"]) == ["Barclays"]
    assert subjects(c["1.5%"]) == ["FTSE 100"]


def test_what_an_amount_was_spent_on_is_not_its_subject(nlp):
    c = by_text(nlp, "Acme shares rose. Zentek said it spent just $3.2 million building its new chip.")
    assert subjects(c["$3.2 million"]) == ["Zentek"]


def test_markets_headline_and_descriptions_name_the_company(nlp):
    c = by_text(nlp, "Zentek's Stock Plunges 14% As Rival Sparks Selloff\n\n"
                     "Chipmaker Zentek lost nearly $90 billion in market value on Monday. "
                     "Zentek's shares closed down 13.9% at $18.58, Zentek said.")
    assert subjects(c["14%"]) == ["Zentek"]
    assert subjects(c["$90 billion"]) == ["Zentek"]


def test_an_index_is_named_in_full_and_what_was_sent_down_moved(nlp):
    c = by_text(nlp, "The tech-heavy Nasdaq dropped 3.1% while the Dow Jones Industrial Average rose 0.7%. "
                     "Zentek said sales fell. Investors dumped Zentek, sending its shares down as much as 18%.")
    assert subjects(c["0.7%"]) == ["Dow Jones Industrial Average"]
    assert subjects(c["18%"]) == ["Zentek"]


def test_whose_stands_for_the_one_the_clause_describes(nlp):
    c = by_text(nlp, "Zentek fell. Founder Maria Lopez, whose stake in the company is worth about $40 billion, "
                     "lost $6 billion. The Stoxx 600 index fell 0.3%.")
    assert subjects(c["$40 billion"]) == ["Maria Lopez"]
    assert subjects(c["0.3%"]) == ["Stoxx 600"]


def test_a_founder_is_a_person_and_a_founders_company_is_the_company(nlp):
    c = by_text(nlp, "Zentek stock fell on Thursday. Zentek co-founder and chief executive Maria Lopez saw her "
                     "fortune fall by $6 billion. Lopez's company lost $40 billion. Zentek's founder lost $5.4 billion.")
    assert subjects(c["$6 billion"]) == ["Maria Lopez"]
    assert subjects(c["$40 billion"]) == ["Zentek"]
    assert subjects(c["$5.4 billion"]) == ["Maria Lopez"]

# ------------------------------------------------------------------ metrics, heights and dates (claim-merge)


def test_billions_wiped_off_a_stock_are_market_value_not_a_share_price(nlp):
    assert by_text(nlp, "Orvex Mining's stock lost $31 billion on Monday.")["$31 billion"].metric == "market value"
    assert by_text(nlp, "Orvex Mining's stock lost $3.10 on Monday.")["$3.10"].metric == "share price"


def test_a_bare_count_followed_by_what_happened_is_a_count_of_people(nlp):
    c = by_text(nlp, "Flood toll rises to 14 in river town; 6 missing")
    assert (c["6"].metric, c["6"].unit) == ("missing", "person")


def test_a_state_told_after_the_counted_noun_or_after_a_reporting_verb_is_the_metric(nlp):
    c = by_text(nlp, "Officials listed 10 fatalities, 16 injuries and 101 individuals missing at three sites.")
    assert (c["101"].metric, c["101"].unit) == ("missing", "person")
    c = by_text(nlp, "Some 700 villagers were also reported dead, and 40 Muslims are feared dead.")
    assert (c["700"].metric, c["40"].metric, c["40"].unit) == ("dead", "dead", "person")
    c = by_text(nlp, "The regional government said 2,056 have now been confirmed dead and 12 were detained.")
    assert (c["2,056"].metric, c["12"].metric) == ("dead", "arrested")


def test_a_bare_count_that_is_its_clauses_subject_is_no_speakers(nlp):
    # the count is the people themselves, as "3 missing" is; not the junta's or the police's
    c = by_text(nlp, "The junta said on Monday that 2,056 have been confirmed dead. Police said 12 were arrested.")
    assert (subjects(c["2,056"]), subjects(c["12"])) == ([], [])
    assert subjects(by_text(nlp, "Six workers were killed on Friday.")["Six"]) == ["workers"]


def test_the_number_of_deaths_names_the_metric(nlp):
    c = by_text(nlp, "Officials have raised the number of confirmed deaths to 27 in the mine flood.")
    assert (c["27"].metric, c["27"].unit) == ("dead", "person")


def test_a_length_that_sizes_a_part_is_a_length_whatever_fell(nlp):
    c = by_text(nlp, "A 120-metre section of the viaduct gave way, sending trucks plunging 30 metres.")
    assert (c["120-metre"].metric, c["30 metres"].metric) == ("length", "height")
    assert by_text(nlp, "The 70-metre-high tower swayed.")["70-metre"].metric == "height"


def test_a_date_in_the_phrase_of_a_periods_bound_does_not_date_the_figure(nlp):
    # published Thursday 14 March 2024: "Tuesday" dates the collapse, the count is of today
    c = by_text(nlp, "Some 600 rescuers have been working since after the collapse Tuesday.")
    assert c["600"].date == "2024-03-14"


def test_a_figure_of_a_period_is_not_dated_by_publication(nlp):
    # published 2024-03-14: the latest second quarter begun by then is 2023's, not the day
    c = by_text(nlp, "Revenue in the second quarter rose to $8.1 billion.")
    assert (c["$8.1 billion"].frame, c["$8.1 billion"].date) == ("period", "2023-04-01/2023-06-30")


def test_the_quarter_is_the_one_named_before_and_the_first_months_are_a_period_not_a_figure(nlp):
    c = by_text(nlp, "Halvane reported second-quarter results on Wednesday. Profit fell 3 percent in the quarter. "
                     "Sales in the first nine months rose 7%.", published="2018-07-26")
    assert c["3 percent"].date == "2018-04-01/2018-06-30"
    assert c["7%"].date == "2017-01-01/2017-09-30"
    assert "nine months" not in c


def test_results_take_the_quarter_named_before_and_a_full_year_figure_does_not(nlp):
    c = by_text(nlp, "Halvane missed forecasts with its second-quarter results on Wednesday.\n\n"
                     "Revenue increased 42 percent to $13.2 billion. Full-year revenue was $40 billion.",
                published="2018-07-26")
    assert c["$13.2 billion"].date == "2018-04-01/2018-06-30"
    assert (c["$40 billion"].date, c["$40 billion"].frame) == (None, "period")


def test_after_opening_a_clause_is_no_bound_and_operating_profit_is_the_companys(nlp):
    c = by_text(nlp, "Halvane, the German carmaker, said on Wednesday it would cut 4,000 jobs after third-quarter "
                     "operating profit fell 38% to 1.2 billion euros.", published="2025-10-29")
    assert (subjects(c["38%"]), c["38%"].date) == (["Halvane"], "2025-07-01/2025-09-30")


def test_a_description_is_not_the_rival_named_just_before(nlp):
    c = by_text(nlp, "Brannock Stores reported earnings that topped estimates. Rival Kelmart was also lower after the "
                     "results.\n\nThe home-improvement retailer earned $2.8 billion, or $2.53 per diluted share.")
    assert subjects(c["$2.8 billion"]) == subjects(c["$2.53 per diluted share"]) == ["Brannock Stores"]


def test_an_expected_result_is_a_forecast_not_the_result(nlp):
    c = by_text(nlp, "Halvane reported second-quarter results on Wednesday. Revenue rose to $13.23 billion, missing "
                     "the $13.3 billion Wall Street consensus. Analysts had expected revenue of $13.36 billion. "
                     "Profit was $1.74 a share, beating estimates of $1.72 a share.", published="2018-07-26")
    assert (c["$13.23 billion"].metric, c["$13.3 billion"].metric) == ("revenue", "revenue forecast")
    assert c["$13.36 billion"].metric == "revenue forecast"
    assert (c["$1.74 a share"].metric, c["$1.72 a share"].metric) == ("earnings per share", "earnings per share forecast")
    assert c["$13.3 billion"].date == "2018-04-01/2018-06-30"  # a forecast of the quarter, too


def test_a_share_expected_is_earnings_per_share_and_a_diluted_share_is_a_share(nlp):
    c = by_text(nlp, "Halvane earned $2.8 billion, or $2.53 per diluted share. Analysts surveyed by Refinitiv were "
                     "expecting $2.52 a share on revenue of $27.53 billion.")
    assert (c["$2.53 per diluted share"].metric, c["$2.53 per diluted share"].unit) == ("earnings per share", "USD")
    assert (c["$2.52 a share"].metric, c["$2.52 a share"].unit) == ("earnings per share forecast", "USD")
    assert c["$27.53 billion"].metric == "revenue forecast"


def test_a_storms_winds_surge_and_outage_read_alike_in_miles_or_kilometres(nlp):
    text = ("Hurricane Odalys made landfall on Wednesday with maximum sustained winds of 150 mph, killing at least "
            "14 people and leaving more than 1.2 million customers without power. The storm pushed a surge of up to "
            "12 feet into coastal towns.\n\nThe hurricane dumped 51 cm of rain, and its storm surge reached 3.7 metres, "
            "with gusts of 240 km/h. About 1.25 million homes and businesses were without electricity by Wednesday "
            "afternoon. Forecasters expect up to 20 inches of rain.")
    c = by_text(nlp, text, published="2026-09-17")
    assert (c["150 mph"].metric, c["240 km/h"].metric) == ("wind speed", "wind speed")
    assert c["150 mph"].unit == c["240 km/h"].unit == "kilometre per hour"
    assert abs(c["150 mph"].value - 241.4) < 0.1
    assert (c["12 feet"].metric, c["3.7 metres"].metric) == ("height", "height")
    assert subjects(c["12 feet"]) == subjects(c["3.7 metres"]) == ["Hurricane Odalys"]
    assert (c["14"].metric, c["1.2 million"].metric, c["1.25 million"].metric) == ("dead", "without power", "without power")
    assert c["1.2 million"].unit == c["1.25 million"].unit == "customer"
    assert subjects(c["1.25 million"]) == []
    assert c["1.25 million"].date == "2026-09-16"  # by Wednesday afternoon
    assert c["20 inches"].metric == "rainfall forecast"


def test_a_range_from_zero_keeps_its_top_when_converted(nlp):
    c = by_text(nlp, "The electric truck is quick, shaving 10 seconds off that 0-to-60-mph time.")
    bounds = c["0-to-60-mph"].bounds
    assert (bounds.low, round(bounds.high, 1), c["0-to-60-mph"].stated_unit) == (0.0, 96.6, "mile per hour")


def test_people_on_board_a_part_in_serious_condition_and_a_headline_toll_have_no_airline(nlp):
    c = by_text(nlp, "Three dead after Halvar jet overruns runway\n\nThree people were killed and 41 injured when a "
                     "Halvar Airlines jet carrying 162 passengers and six crew overran the runway on Wednesday evening. "
                     "Eleven of the injured were in serious condition. The carrier's shares were down 7.9% at midday.",
                published="2026-03-12")
    assert (c["162"].metric, c["six"].metric) == ("on board", "on board")
    assert c["Eleven"].metric == "hospitalised"
    title_toll = next(claim for claim in by_text(nlp, "Three dead after Halvar jet overruns runway\n\nHalvar Airlines "
                                                      "said it was cooperating.").values())
    assert (title_toll.metric, subjects(title_toll)) == ("dead", [])
    assert c["7.9%"].frame == "intraday"


def test_workers_of_a_trade_on_strike_their_raise_and_the_company_that_is_no_union(nlp):
    c = by_text(nlp, "About 30,000 dockworkers at Halvik Ports went on strike on Tuesday. Halvik Ports said talks had "
                     "broken down. The Transport Workers Union is seeking a 25% raise, while the company has offered 14 "
                     "percent, the Transport Workers Union said.", published="2026-06-03")
    assert (c["30,000"].unit, c["30,000"].metric) == ("person", "on strike")
    assert c["25%"].metric == "pay"
    assert subjects(c["14 percent"]) == ["Halvik Ports"]


def test_the_runner_up_with_a_share_is_the_runner_ups_and_a_runoffs_turnout_is_the_elections(nlp):
    c = by_text(nlp, "Mira Odell won 41% of the vote in the first round on Sunday, ahead of Tomas Grau with 33%, "
                     "setting up a runoff. Turnout in the runoff was 68%.", published="2026-10-05")
    assert (subjects(c["41%"]), subjects(c["33%"])) == (["Mira Odell"], ["Tomas Grau"])
    assert (c["68%"].metric, subjects(c["68%"])) == ("turnout", ["election"])


def test_a_list_that_leaves_out_the_verb_gives_each_company_its_move(nlp):
    c = by_text(nlp, "Halvane investor Orbitex Corp is down by 4%, Kestrel Inc by 3%, Varo Group by 1% as the selloff "
                     "cycled through tech. The previous holder of that record was Brannock Systems, which plummeted 26% "
                     "on February 3, 2022.", published="2025-01-27")
    assert [(subjects(c[t]), c[t].metric) for t in ("4%", "3%", "1%")] == [
        (["Orbitex"], "share price"), (["Kestrel"], "share price"), (["Varo Group"], "share price")]
    assert (subjects(c["26%"]), c["26%"].metric) == (["Brannock Systems"], "share price")


def test_a_fine_is_the_fined_companys_not_the_regulators(nlp):
    c = by_text(nlp, "The European Commission on Tuesday fined Halvane Technologies 2.4 billion euros for abusing its "
                     "dominant position. Regulators in Seoul slapped a 300 million dollar fine on Kestrel Corp last "
                     "year. Varo Group was fined 50 million euros in 2019.", published="2026-04-22")
    assert (subjects(c["2.4 billion euros"]), c["2.4 billion euros"].metric) == (["Halvane Technologies"], "fine")
    assert (subjects(c["300 million dollar"]), c["300 million dollar"].metric) == (["Kestrel"], "fine")  # (no legal form)
    assert (subjects(c["50 million euros"]), c["50 million euros"].metric) == (["Varo Group"], "fine")


def test_a_prison_term_is_the_sentenced_persons_not_the_courts(nlp):
    c = by_text(nlp, "A federal judge in New York on Thursday sentenced Sam Bankman-Fried to 25 years in prison for "
                     "fraud. A court in Leeds jailed Tom Reeves for six years.", published="2026-04-22")
    assert subjects(c["25 years"]) == ["Sam Bankman-Fried"]
    assert subjects(c["six years"]) == ["Tom Reeves"]
    # a dateline's place and colon before the one sentenced, which the parser makes the subject
    c = by_text(nlp, "New York: FTX co-founder Sam Bankman-Fried was sentenced to 25 years in prison.",
                published="2026-04-22")
    assert subjects(c["25 years"]) == ["Sam Bankman-Fried"]


def test_a_sum_converted_in_parentheses_is_the_same_fine(nlp):
    c = by_text(nlp, "The European Commission on Tuesday fined Halvane Technologies 2.4 billion euros ($2.6 billion) "
                     "for abusing its dominant position.", published="2026-04-22")
    assert (subjects(c["$2.6 billion"]), c["$2.6 billion"].metric) == (["Halvane Technologies"], "fine")


def test_a_conversion_in_parentheses_takes_the_measures_metric(nlp):
    c = by_text(nlp, "On Friday, a 150-metre (490 feet) section of the flyover gave way in busy traffic, "
                     "plunging more than 12 vehicles to the road 20 meters below.")
    assert (c["150-metre"].metric, c["490 feet"].metric, c["20 meters"].metric) == ("length", "length", "height")


def test_a_bare_count_a_casualty_verb_takes_counts_people(nlp):
    # the noun is left out, in a headline and after a conjunction: still people killed or hurt
    c = by_text(nlp, "A strong earthquake struck the coast early on Wednesday, killing at least 12 people and "
                     "injuring more than 200.")
    assert [(c[n].unit, c[n].metric) for n in ("12", "200")] == [("person", "dead"), ("person", "injured")]
    c = by_text(nlp, "Floods kill 30 in Kenya")
    assert (c["30"].unit, c["30"].metric, c["30"].date) == ("person", "dead", "2024-03-14")


def test_a_cue_in_the_next_clause_does_not_name_a_count(nlp):
    c = by_text(nlp, "The confirmed toll of deaths from the flood remains at 21, but officials say up to 9 people may be missing.")
    assert (c["21"].metric, c["9"].metric) == ("dead", "missing")
    # a comma inside a long subject does not hide the subject's own metric
    c = by_text(nlp, "The confirmed death toll from the flood that swept cars into the river on Sunday, remains at 21, "
                     "but officials have said up to 9 people may still be missing.")
    assert (c["21"].metric, c["9"].metric) == ("dead", "missing")


def test_an_amount_that_sizes_a_thing_is_its_cost_and_holds_on_no_day_of_its_own(nlp):
    c = by_text(nlp, "The $8.2 million footbridge was meant to link the campus to the town.")
    assert (c["$8.2 million"].metric, c["$8.2 million"].date) == ("cost", None)
    c = by_text(nlp, "The insurer suffered a $3 million loss.")  # a change, not a price tag
    assert (c["$3 million"].metric, c["$3 million"].date) == ("loss", "2024-03-14")
    c = by_text(nlp, "The repairs will cost $5 million, officials said on Monday.")
    assert (c["$5 million"].metric, c["$5 million"].date) == ("cost", "2024-03-11")


def test_users_are_people_and_results_are_of_their_period_not_the_publication_day(nlp):
    c = by_text(nlp, "Its monthly active user count was 2.23 billion. Revenue increased 42 percent to $13.2 billion.")
    assert (c["2.23 billion"].unit, c["2.23 billion"].metric, c["2.23 billion"].date) == ("person", "users", None)
    assert (c["$13.2 billion"].metric, c["$13.2 billion"].date) == ("revenue", None)
    c = by_text(nlp, "The platform had 410 million users.")
    assert (c["410 million"].unit, c["410 million"].stated_unit) == ("person", "user")


def test_a_loss_a_wipeout_and_verbs_of_destroying_value_are_falls_a_net_loss_is_not(nlp):
    c = by_text(nlp, "The 12 per cent loss in Orvex's stock chopped $31 billion off its market value.")
    assert (c["12 per cent"].direction, c["$31 billion"].direction) == ("down", "down")
    assert by_text(nlp, "The sell-off vaporized $8 billion of Orvex's market value.")["$8 billion"].direction == "down"
    assert by_text(nlp, "The founder's fortune took a $4 billion hit.")["$4 billion"].direction == "down"
    assert by_text(nlp, "Orvex reported a net loss of $2 billion.")["$2 billion"].direction is None


# ------------------------------------------------------------------ directions


def test_amount_wrapped_in_a_record_takes_the_direction_of_the_change(nlp):
    c = by_text(nlp, "In 2000 Intel saw its shares drop by a record of $91 billion.")
    assert c["$91 billion"].direction == "down"


def test_each_right_after_the_names_of_a_with_clause_stands_for_them(nlp):
    found = by_text(nlp, "Lenders rallied, with Orvex Bank and Quenta Capital each rising by over 2%. Dravon climbed 0.76%.")
    assert (subjects(found["2%"]), subjects(found["0.76%"])) == (["Orvex Bank", "Quenta Capital"], ["Dravon"])


def test_each_number_of_a_listed_count_counts_its_own_people(nlp):
    found = by_text(nlp, "At least 480 people, including at least 212 Egyptians and 45 Jordanians, have died since the "
                         "pilgrimage began. Nine Russians and four Americans were among the dead.")
    assert [subjects(found[f]) for f in ("212", "45", "Nine", "four")] == [
        ["Egyptians"], ["Jordanians"], ["Russians"], ["Americans"]]
    found = by_text(nlp, "According to two senior Western envoys, at least 96 of the injured were schoolchildren.")
    assert (found["96"].unit, found["two"].unit) == ("person", "senior western envoy")


def test_a_change_noun_sized_by_exceeding_or_topping_gives_the_direction(nlp):
    found = by_text(nlp, "Chip stocks were mixed. Dravon rose by 0.35%, but Orvex and Quenta saw declines exceeding 1%, "
                         "while Belmar posted gains topping 4%.")
    assert [(found[f].direction, found[f].hedge) for f in ("1%", "4%")] == [("down", ">"), ("up", ">")]


def test_echoing_do_takes_the_direction_of_the_clause_before(nlp):
    c = by_text(nlp, "As Acme's stock plummeted, so did its founder's personal fortune, by almost $4 billion.")
    assert c["$4 billion"].direction == "down"


def test_deceleration_is_a_fall(nlp):
    c = by_text(nlp, "Sales growth decelerated about three percentage points in the quarter.")
    assert c["three percentage points"].direction == "down"


def test_counts_of_voters_are_one_metric_with_or_without_their_noun(nlp):
    c = by_text(nlp, "Nearly 12.4 million had turned out in the state election. "
                     "More than 12 million people voted, officials said.")
    assert (c["12.4 million"].metric, c["12.4 million"].unit, c["12.4 million"].value) == ("voters", "person", 12_400_000)
    assert (c["12 million"].metric, c["12 million"].unit) == ("voters", "person")


def test_legal_form_is_not_part_of_the_subject(nlp):
    c = by_text(nlp, "Acme Inc. said revenue increased 12 percent to $3.2 billion.")
    assert subjects(c["12 percent"]) == ["Acme"]
    assert subjects(c["$3.2 billion"]) == ["Acme"]


def test_a_bare_number_a_death_toll_is_set_to_counts_the_dead(nlp):
    # the parser hangs "to at least 21" on "collapse", away from "toll"
    c = by_text(nlp, "Greek authorities have raised the death toll in the Patras highway bridge collapse to at least 21.")
    assert (c["21"].metric, c["21"].unit) == ("dead", "person")


def test_a_bare_count_that_remains_missing(nlp):
    c = by_text(nlp, "The fire killed nine people. Officials said 5 were still missing.")
    assert (c["5"].metric, c["5"].unit) == ("missing", "person")


def test_an_amount_of_gains_is_a_rise_whatever_wipes_it(nlp):
    c = by_text(nlp, "The fall would wipe out her $2.5 billion of gains for the year.")
    assert c["$2.5 billion"].direction == "up"


def test_a_metric_written_as_a_label_before_its_figure(nlp):
    c = by_text(nlp, "Results: Yes 61.2% No 38.8% Turnout 72.5%")
    assert c["72.5%"].metric == "turnout"


def test_subject_hung_on_the_auxiliary_before_an_emphatic_reflexive(nlp):
    c = by_text(nlp, "Jeff Bezos spoke on Friday. Bezos has himself lost $9 billion, according to Forbes.")
    assert subjects(c["$9 billion"]) == ["Jeff Bezos"]


def test_an_emphatic_reflexive_subject_is_the_person_named_before_it(nlp):
    # the parser puts the name into the relative clause and makes "himself" the subject of "lost"
    c = by_text(nlp, "Jeff Bezos owns a large stake. Bezos, the founder of Amazon, whose wealth is very much "
                     "tied to the success of Amazon has himself lost $9 billion, according to Forbes.")
    assert subjects(c["$9 billion"]) == ["Jeff Bezos"]


def test_a_company_closing_at_a_price_is_its_share_price(nlp):
    # the market-data line never says "shares"
    c = by_text(nlp, "Velora Motors Corp. (VLM) closed at $76.26, down $11.24 or 12.8%, on Thursday.")
    assert (c["$76.26"].metric, c["$76.26"].frame) == ("share price", "close")
    assert (c["12.8%"].metric, c["12.8%"].direction) == ("share price", "down")
    assert c["$76.26"].subject and subjects(c["$76.26"])[0].startswith("Velora Motors")


def test_a_company_closing_a_deal_is_not_a_share_price(nlp):
    c = by_text(nlp, "Velora Motors Corp. closed the purchase of a battery maker for $5 billion on Thursday.")
    assert c["$5 billion"].metric != "share price"


def test_an_object_pronoun_of_a_conjoined_clause_is_not_that_clause_s_subject(nlp):
    c = by_text(nlp, "Delmark's stock dropped when the company warned that Varo's new rules would cost it "
                     "$10 billion.")
    assert subjects(c["$10 billion"]) != ["Varo"]


@pytest.mark.parametrize("text, figure, metric", [
    # a market loss, a loss in market cap, money lost "in value" or "off its value" by a company
    ("Kelmont Loses Nearly $600 Billion in Biggest Single-Day Market Loss in History", "$600 Billion", "market value"),
    ("Kelmont Faces $589 Billion Loss in Market Cap Amid AI Shakeup", "$589 Billion", "market value"),
    ("Chipmaker Kelmont plunged nearly 17% — erasing $589 billion in value in the biggest one-day drop.",
     "$589 billion", "market value"),
    ("Kelmont Inc fell 17%, wiping $593 billion off its value.", "$593 billion", "market value"),
    # a length is a distance, a depth, a height or a length by the words beside it
    ("The survey said the quake was centred about 33 kilometres (20 miles) from Ardent City.", "33 kilometres", "distance"),
    ("A second quake struck 130km (80 miles) to the north.", "130km", "distance"),
    ("Nine died in the capital, about 1,000 kms away from the epicentre.", "1,000 kms", "distance"),
    ("The earthquake struck at a depth of about 17.9km (11 miles).", "17.9km", "depth"),
    ("The quake was 10 km deep.", "10 km", "depth"),
    ("The viaduct was 1,182 metres long, and cars fell 45 metres.", "1,182 metres", "length"),
    ("The viaduct was 1,182 metres long, and cars fell 45 metres.", "45 metres", "height"),
])
def test_the_metric_is_read_from_the_words_around_the_figure(nlp, text, figure, metric):
    assert by_text(nlp, text)[figure].metric == metric


def test_a_sides_percentage_won_in_a_story_of_an_election_is_its_vote_share(nlp):
    text = ("The election was held on Sunday, and the polls closed at 6pm. The Greens obtained 11.6% and the "
            "Harbour Party reaches 20.8 percent. According to initial reports, voter participation reached 83%.")
    c = by_text(nlp, text)
    assert (c["11.6%"].metric, c["20.8 percent"].metric, c["83%"].metric) == ("vote share", "vote share", "turnout")
    # in a story of no vote, a share taken is no vote share
    assert by_text(nlp, "The Greens obtained 11.6% of the market last year.")["11.6%"].metric != "vote share"


def test_a_shocks_figure_measured_or_on_the_richter_scale_is_its_magnitude(nlp):
    c = by_text(nlp, "An earthquake measuring 7.7 on the Richter scale struck at noon. Two strong aftershocks, "
                     "measuring 4.9 and 6.7, followed.")
    assert [(c[f].unit, c[f].metric) for f in ("7.7", "4.9", "6.7")] == [("magnitude", "magnitude")] * 3
    assert subjects(c["6.7"]) == ["aftershock"]
    assert by_text(nlp, "The span measuring 300 metres was closed.")["300 metres"].unit == "metre"


def test_every_count_of_a_list_of_destroyed_buildings_is_destroyed(nlp):
    c = by_text(nlp, "The earthquake destroyed 1,591 homes, 670 Buddhist monasteries, 60 schools and three bridges.")
    assert {c[f].metric for f in ("1,591", "670", "60", "three")} == {"destroyed"}
    assert {c[f].direction for f in ("1,591", "670", "60", "three")} == {None}


def test_a_magnitude_is_no_count_of_people_and_no_range_with_the_toll_after_it(nlp):
    c = by_text(nlp, "The death toll from a magnitude 7.8 earthquake along the border has continued to rise.")
    assert (c["7.8"].unit, c["7.8"].metric) == ("magnitude", "magnitude")  # not "dead"
    c = by_text(nlp, "The death toll from the 7.8 quake rose to 5,000.")
    assert (c["7.8"].metric, c["5,000"].metric, c["5,000"].value) == (None, "dead", 5000)


@pytest.mark.parametrize("text, figure, subject, date", [
    ("The group now trails Kelmont ($3.4 trillion) and Varo ($3.2 trillion) in market value.", "$3.4 trillion",
     ["Kelmont"], "2024-03-14"),
    ("The group now trails Kelmont ($3.4 trillion) and Varo ($3.2 trillion) in market value.", "$3.2 trillion",
     ["Varo"], "2024-03-14"),
    ("Delmark's $600 billion loss dwarfed the records set by Kelmont in 2022 ($232 billion) and Varo in 2020 "
     "($182 billion).", "$232 billion", ["Kelmont"], "2022"),
    ("Delmark's $600 billion loss dwarfed the records set by Kelmont in 2022 ($232 billion) and Varo in 2020 "
     "($182 billion).", "$182 billion", ["Varo"], "2020"),
    # the years are the earlier records', not the day of the loss they are set against
    ("Delmark's $600 billion loss dwarfed the records set by Kelmont in 2022 ($232 billion) and Varo in 2020 "
     "($182 billion).", "$600 billion", ["Delmark"], None),
])
def test_a_figure_alone_in_parentheses_after_a_name_is_that_names_alone(nlp, text, figure, subject, date):
    claim = by_text(nlp, text)[figure]
    assert subjects(claim) == subject
    assert claim.date == date


@pytest.mark.parametrize("text, figure, subject, metric", [
    # a role noun stands for the person who holds it, not for the company named in it
    ("Dana Whitcombe's fortune grew on Friday. The Kelmont founder and CEO, who is already worth more than "
     "$140 billion, sold no shares.", "$140 billion", ["Dana Whitcombe"], "net worth"),
    ("Kelmont will pay its first dividend in March. Dana Whitcombe owns about a tenth of it. The co-founder of "
     "Kelmont might receive almost $175 million each quarter.", "$175 million", ["Dana Whitcombe"], None),
    # what a company is worth is its market value
    ("Kelmont Platforms is now worth $1.2 trillion.", "$1.2 trillion", ["Kelmont Platforms"], "market value"),
])
def test_a_role_is_its_holder_and_worth_is_a_persons_fortune_or_a_companys_value(nlp, text, figure, subject, metric):
    claim = by_text(nlp, text)[figure]
    assert (subjects(claim), claim.metric) == (subject, metric)


def test_cents_and_pence_are_hundredths_of_their_currency_as_stated_in_the_text(nlp):
    c = by_text(nlp, "Ardent said its quarterly dividend would be 50 cents per share. Its shares fell 19p in London.")
    cents, pence = c["50 cents per share"], c["19p"]
    assert (cents.value, cents.unit, cents.stated_value, cents.stated_unit) == (0.5, "USD per share", 50, "cent per share")
    assert (pence.value, pence.unit, pence.stated_unit) == (0.19, "GBP", "penny")
    # cents of an article that counts in euros are euro cents
    euro = by_text(nlp, "Ardent earned €2 billion and will pay a dividend of 40 cents.")["40 cents"]
    assert (euro.value, euro.unit) == (0.4, "EUR")


@pytest.mark.parametrize("text, figure, subject, metric", [
    ("Ardent surged on Friday, adding a record $96 billion to its market value.", "$96 billion", ["Ardent"],
     "market value"),
    ("Ardent authorised an additional $20 billion in share repurchases.", "$20 billion", ["Ardent"], "buyback"),
    ("Last year Ardent announced a $20bn stock buyback program.", "$20bn", ["Ardent"], "buyback"),
])
def test_what_an_amount_is_added_to_and_a_buyback_name_the_metric(nlp, text, figure, subject, metric):
    claim = by_text(nlp, text)[figure]
    assert (subjects(claim), claim.metric) == (subject, metric)


def test_a_span_of_time_that_places_a_figure_earlier_is_no_claim_of_the_day(nlp):
    c = by_text(nlp, "One day before, Ardent lost over $200 billion in value. Its shares fell 19% to $176.26, one day "
                     "after executives forecast lower margins.", published="2024-03-14")
    assert (c["One day"].metric, c["One day"].subject, c["One day"].date) == (None, [], None)
    assert c["$200 billion"].date is None  # the day before, which the text does not date
    assert c["19%"].date == "2024-03-14"  # the day after the forecast is the news of the day


def test_a_relative_clause_after_a_name_and_its_ticker_is_about_the_name(nlp):
    c = by_text(nlp, "Friday's increase in Kelmont's market value eclipsed the previous record held by Amazon (AMZN.O), "
                     "which saw its market value surge by $190 billion on Feb. 4, 2022.")
    assert subjects(c["$190 billion"]) == ["Amazon"]  # a real name: the parse that hangs the clause on "record" needs it


def test_words_around_a_bare_number_make_it_an_age_and_a_relative_is_no_one_s_amount(nlp):
    c = claims_of(nlp, "Marguerite Ollivier died on May 18 at her home. She was 91. Her husband died at the age of "
                       "80 in 2010. The singer, aged 34, was arrested. The temperature was 91.", published="2026-05-21")
    ages = {(x.text, x.unit, x.metric, tuple(subjects(x))) for x in c if x.metric == "age"}
    assert ages == {("91", "year", "age", ("Marguerite Ollivier",)), ("80", "year", "age", ("husband",)),
                    ("34", "year", "age", ("singer",))}


@pytest.mark.parametrize("text, figure, metric", [
    ("Participants were followed for an average of seven years.", "seven years", None),
    ("The Federal Reserve held its benchmark rate in a range of 4.25% to 4.5%.", "4.25% to 4.5%", "interest rate"),
    ("BlackRock's iShares Bitcoin Trust alone took in $1.4 billion.", "$1.4 billion", None),
    ("Entergy said some customers could be without power for two weeks.", "two weeks", None),
    ("The plane crashed on take-off, killing 18 of the 19 people on board.", "19", None),
    ("The plane crashed on take-off, killing 18 of the 19 people on board.", "18", "dead"),
    ("The Dow Jones Industrial Average rose 1.2% on Monday.", "1.2%", "index level"),
])
def test_words_that_only_look_like_a_metric_name_none(nlp, text, figure, metric):
    assert by_text(nlp, text)[figure].metric == metric


def test_the_source_of_a_short_report_is_not_what_its_figure_is_about(nlp):
    c = by_text(nlp, "The unemployment rate stood at 4.2% in May, the Labor Department said earlier this month.")
    assert "Labor Department" not in subjects(c["4.2%"])


def test_a_count_of_a_nation_s_people_is_a_count_of_people(nlp):
    c = by_text(nlp, "The law will extend coverage to 32 million uninsured Americans. Two Britons were hurt.")
    assert (c["32 million"].unit, c["32 million"].stated_unit) == ("person", "uninsured Americans")
    assert c["Two"].unit == "person"


@pytest.mark.parametrize("text, figure, metric", [
    ("Orbis reported earnings per share of $2.41, beating forecasts.", "$2.41", "earnings per share"),
    ("Orbis said profit was $1.10 per share.", "$1.10 per share", "earnings per share"),
    ("At least 40 homes burned, and two firefighters suffered minor injuries.", "two", "injured"),
    ("More than 1,800 firefighters were battling the blaze.", "1,800", "rescuers"),
])
def test_what_a_figure_per_share_and_a_count_of_firefighters_measure(nlp, text, figure, metric):
    assert by_text(nlp, text)[figure].metric == metric


def test_a_scale_letter_is_no_subject_and_a_third_goal_is_no_fraction(nlp):
    claims = claims_of(nlp, "A former banker was jailed over a $300m fraud. Declan Rice added a third with ten minutes "
                            "left. Sales fell by a third.")
    found = {c.text: c for c in claims}
    assert "m" not in subjects(found["$300m"])
    assert [c.value for c in claims if c.text == "a third"] == [pytest.approx(1 / 3)]  # the fall, not the goal


def test_a_law_s_bill_costs_nothing_and_counted_votes_are_no_share(nlp):
    c = by_text(nlp, "The bill passed by 199 votes to 74 in the 300-seat chamber. Repairs will cost $5 million.")
    assert (c["199"].metric, c["74"].metric, c["300"].metric) == (None, None, None)
    assert c["$5 million"].metric == "cost"


def test_a_weekday_of_what_will_happen_is_the_next_one(nlp):
    c = by_text(nlp, "Finance ministers will meet in Brussels on Wednesday to approve a €130 billion bailout. "
                     "Bank shares fell 3% on Wednesday.", published="2012-02-12")  # a Sunday
    assert c["€130 billion"].date == "2012-02-15"
    assert c["3%"].date == "2012-02-08"


def test_a_temperature_without_its_degree_sign_and_parts_per_million(nlp):
    c = by_text(nlp, "Temperatures rose to 48.8C in Seville. CO2 reached 420 parts per million. "
                     "The port handled 4.5 million TEU. Pupils of Class 5C went home early.")
    assert (c["48.8C"].unit, c["420 parts per million"].unit) == ("celsius", "part per million")
    assert c["4.5 million TEU"].unit == "twenty-foot equivalent unit"
    assert "5C" not in c


def test_a_late_weekday_the_parser_hangs_on_a_future_verb_keeps_the_past(nlp):
    c = by_text(nlp, "Halden will pay $52.50 per share, a premium of 31% to Brightwater's closing price on Friday.",
                published="2026-02-03")  # a Tuesday
    assert c["31%"].date == "2026-01-30"


def test_a_count_of_jobs_is_no_sum_of_money_and_hourly_earnings_are_pay(nlp):
    c = by_text(nlp, "The US economy added 272,000 jobs in May. Average hourly earnings rose 0.4%. "
                     "The economy grew 2.1% in the quarter.")
    assert (c["272,000"].metric, c["0.4%"].metric, c["2.1%"].metric) == (None, "pay", "gdp")


def test_a_bare_count_a_casualty_verb_takes_has_no_subject_of_its_killer(nlp):
    c = by_text(nlp, "Drones struck residential buildings overnight, killing at least seven people and injuring 31, "
                     "the governor said.")
    assert (c["31"].metric, c["31"].unit, subjects(c["31"])) == ("injured", "person", [])


def test_one_of_a_nation_in_a_figure_s_clause_is_the_person_named_before(nlp):
    c = by_text(nlp, "Jannik Sinner won his first Wimbledon title on Sunday. The 24-year-old Italian, the world number "
                     "one, saved two break points.", published="2026-07-12")
    assert subjects(c["24-year-old"]) == ["Jannik Sinner"]


def test_a_month_without_a_year_is_the_nearest_unless_the_verb_says_it_is_past(nlp):
    c = by_text(nlp, "Traders now see a 60% chance of a rate cut in September. In July, the retailer bid $21.40 per "
                     "share for its rival.", published="2026-06-19")
    assert c["60%"].date == "2026-09"  # three months ahead, not eleven back
    assert c["$21.40 per share"].date == "2025-07"  # "bid" is past: the July before


def test_a_close_in_a_coordinated_clause_does_not_frame_the_figures_of_the_first(nlp):
    c = by_text(nlp, "The stock opened at $44.10, far above its offer price of $30, and closed at $41.95.",
                published="2026-05-14")
    assert (c["$44.10"].frame, c["$41.95"].frame) == ("open", "close")
    assert c["$30"].frame != "close"


def test_money_raised_is_no_rise_and_a_count_of_shares_has_no_price(nlp):
    c = by_text(nlp, "Brevane sold 12 million shares in the offering, raising $250 million. The lender raised its "
                     "forecast by $40 million.", published="2026-05-14")
    assert (c["$250 million"].direction, c["12 million"].metric) == (None, None)
    assert c["$40 million"].direction == "up"


def test_a_rate_a_committee_voted_for_is_no_vote_share(nlp):
    c = by_text(nlp, "Two members of the rate-setting committee voted for a cut to 3.75%. The Yes side won 54% of the "
                     "vote.", published="2026-05-14")
    assert c["3.75%"].metric != "vote share"
    assert c["54%"].metric == "vote share"


def test_made_up_of_a_share_is_no_rise(nlp):
    c = by_text(nlp, "Tourism makes up 12% of the island's output. Shares of Korvel ended up 3%.", published="2026-05-14")
    assert c["12%"].direction is None
    assert c["3%"].direction == "up"


def test_a_share_of_gdp_or_of_a_market_belongs_to_the_clause_s_owner(nlp):
    c = by_text(nlp, "Portugal's public debt will fall to 95.2% of gross domestic product. Korvel holds 28% of the "
                     "European market. About 40% of residents fled.", published="2026-05-14")
    assert subjects(c["95.2%"]) == ["Portugal"]
    assert subjects(c["28%"]) == ["Korvel"]
    assert subjects(c["40%"]) == ["residents"]


def test_a_currency_quoted_in_another_s_cents_is_the_qualified_currency(nlp):
    c = by_text(nlp, "The Australian dollar slipped to 64.2 US cents. The Swiss franc rose 0.8% against the euro.",
                published="2026-05-14")
    assert (c["64.2 US cents"].unit, c["64.2 US cents"].value) == ("USD", pytest.approx(0.642))
    assert subjects(c["64.2 US cents"]) == ["Australian Dollar"]
    assert subjects(c["0.8%"]) == ["Swiss Franc"]


def test_the_figure_s_own_currency_word_and_a_split_hyphenated_word_are_not_cut_subjects(nlp):
    c = by_text(nlp, "Bonuses could take the fee to 60 million euros. Day-time temperatures rose to 41 degrees Celsius.",
                published="2026-05-14")
    assert subjects(c["60 million euros"]) != ["Euro"]
    assert subjects(c["41 degrees Celsius"]) == ["day-time temperatures"]


def test_turning_an_age_is_an_age(nlp):
    c = by_text(nlp, "The midfielder can sign a professional contract when he turns 18 in March.", published="2026-05-14")
    assert (c["18"].metric, c["18"].unit) == ("age", "year")


def test_an_earnings_sentence_whose_pronoun_owner_loops_through_the_parse_still_gets_its_subjects(nlp):
    # "its" sits in a clause whose subject the pronoun's own phrase owns: resolving it came back to itself
    c = by_text(nlp, "Halvorsen Corp reported second-quarter profit of $2.3 billion, or 91 cents a share, on Tuesday, "
                     "beating analysts' average estimate of 84 cents, as sales at its payments unit jumped 18% to "
                     "$6.1 billion.", published="2026-10-23")
    assert subjects(c["18%"]) == ["Halvorsen"]
    assert c["18%"].direction == "up"


def test_indian_scales_and_a_currency_prefix_are_no_subjects(nlp):
    c = by_text(nlp, "The Cabinet approved a Rs 8,500 crore package for farmers. About 3.2 lakh farmers will receive "
                     "Rs 4,000 each.", published="2026-08-21")
    assert not {"Rs", "crore"} & set(subjects(c["Rs 8,500 crore"]))
    assert subjects(c["3.2 lakh"]) == subjects(c["Rs 4,000"]) == ["farmers"]


def test_people_a_vessel_carried_are_not_the_dead_of_the_next_clause_and_survivors_are_rescued(nlp):
    c = by_text(nlp, "A boat carrying 88 people sank off the coast on Monday, killing at least 11. Rescuers pulled 54 "
                     "survivors from the sea by Monday evening.", published="2026-04-14")
    assert c["88"].metric == "on board" and c["11"].metric == "dead"
    assert (c["54"].metric, c["54"].frame) == ("rescued", None)


def test_a_group_by_its_age_is_an_age(nlp):
    c = by_text(nlp, "Two-thirds of the deaths were among people over 80. Voters aged over 65 backed the plan.",
                published="2026-07-28")
    assert (c["80"].metric, c["80"].unit, c["80"].hedge) == ("age", "year", ">")
    assert c["65"].metric == "age"


def test_an_index_s_points_do_not_carry_to_a_currency_set_against_it(nlp):
    c = by_text(nlp, "The Nikkei rose 310 points to close at 38,420, while the yen weakened to 151.3 against the dollar.",
                published="2026-08-21")
    assert c["38,420"].unit == "point"
    assert c["151.3"].unit != "point" and c["151.3"].metric == "exchange rate"


def test_a_dateline_is_no_subject_and_a_state_abbreviation_is_no_company(nlp):
    c = by_text(nlp, "HOUSTON, Texas (Newswire) - The Republicans won 14 of the 38 seats on Tuesday.\n\n"
                     "KEY LARGO, Fla. — Rescuers found 12 survivors. The operator's company is valued at about $4 "
                     "billion.", published="2026-06-10")
    assert "Houston" not in subjects(c["14"])
    assert "Fla" not in subjects(c["$4 billion"])


def test_a_count_of_plural_things_keeps_its_compound_and_their_takes_up_the_unnamed_side(nlp):
    c = by_text(nlp, "Rovers were beaten 2-0 by Wanderers, the BBC reported. Mark Tully's side have now lost four of "
                     "their last five league games.", published="2026-11-29")
    assert subjects(c["five"]) == ["league games"]


def test_touching_down_is_no_fall_and_money_withdrawn_by_customers_has_no_users_metric(nlp):
    c = by_text(nlp, "The booster touched down some 550 kilometres offshore. Customers withdrew $2 billion in 48 hours.",
                published="2026-06-10")
    assert c["550 kilometres"].direction is None
    assert c["$2 billion"].metric == "withdrawals"  # money taken out, no count of users


def test_a_number_that_counts_a_noun_takes_no_measure_from_the_figure_before_it(nlp):
    c = by_text(nlp, "The Norwegian raised the bar by two centimetres and cleared it, to a roar from the 42,000 crowd.",
                published="2026-08-25")
    assert c["42,000"].unit != "metre" and c["42,000"].value == 42000


def test_a_distance_from_a_place_has_no_direction(nlp):
    c = by_text(nlp, "The helicopter went down about 3 miles from the airport.", published="2026-07-21")
    assert (c["3 miles"].metric, c["3 miles"].direction) == ("distance", None)


def test_what_a_headline_erases_a_sum_from_is_its_subject(nlp):
    c = by_text(nlp, "Tariff shock erases $212bn from Korvel", published="2025-04-04")
    assert subjects(c["$212bn"]) == ["Korvel"]


def test_a_commodity_s_futures_are_priced_like_the_commodity(nlp):
    c = by_text(nlp, "Brent crude futures rose $2.10, or 2.6%, to settle at $83.40 a barrel.", published="2026-10-06")
    assert {c["$2.10"].metric, c["2.6%"].metric, c["$83.40 a barrel"].metric} == {"price"}


def test_a_count_whose_own_verb_says_what_befell_it_takes_no_cue_of_the_next_clause(nlp):
    c = by_text(nlp, "The outbreak has sickened more than 14,000 people and killed 312 since January, officials said. "
                     "Seven people were arrested and four police officers were slightly injured in scuffles.",
                published="2026-02-09")
    assert c["14,000"].metric != "dead" and c["312"].metric == "dead"
    assert c["Seven"].metric != "injured" and c["four"].metric == "injured"


def test_counted_plurals_are_read_singular_from_a_dictionary_and_others_count_the_noun_before(nlp):
    c = by_text(nlp, "The agency has shipped 900,000 doses to Goma. The quake killed 43 people and injured 200 others.",
                published="2026-02-09")
    assert c["900,000"].unit == "dose"  # spaCy's rule lemmatizer gives "dos"
    assert (c["200"].unit, c["200"].metric) == ("person", "injured")


def test_a_day_that_dates_a_reference_price_does_not_date_the_paragraph(nlp):
    c = by_text(nlp, "Halvorsen will pay 212 Danish crowns per share in cash, a premium of 31% to Nordmark's closing "
                     "price on Friday. Nordmark shares jumped 27.5% to 206.4 crowns in Copenhagen.",
                published="2026-05-04")
    assert c["27.5%"].date == "2026-05-04"  # the Monday it was reported, not the Friday of the reference price
    assert c["212 Danish crowns per share"].unit == "DKK per share"
    assert c["206.4 crowns"].unit == "DKK"  # the crowns the text named with their country before


def test_a_year_in_an_apposition_says_who_someone_is_not_when_the_figure_happened(nlp):
    c = by_text(nlp, "Gauff, the 2023 champion, made 41 unforced errors.", published="2026-09-06")
    assert c["41"].date != "2023"


def test_a_public_body_the_story_is_about_has_no_shares(nlp):
    c = by_text(nlp, "The Ridge Fire was 8% contained, according to the California Department of Forestry and Fire "
                     "Protection, known as Cal Fire. Cal Fire crews and Cal Fire aircraft held the line.\n\n"
                     "Pacific Gas and Electric cut power to 31,000 customers. Its shares fell 3.4% on Monday.",
                published="2026-08-12")
    assert subjects(c["3.4%"]) == ["Pacific Gas and Electric"]


def test_the_sets_of_a_tennis_score_are_no_ranges_but_ages_listed_are(nlp):
    c = by_text(nlp, "Aryna Sabalenka beat Coco Gauff 6-4, 3-6, 6-2 on Saturday. Children aged 5-10, 10-15 were tested.",
                published="2026-09-06")
    assert "3-6" not in c
    assert {"5-10", "10-15"} <= set(c)


def test_a_gapped_clause_s_figure_belongs_to_the_noun_before_it(nlp):
    c = by_text(nlp, "Carjackings dropped 24% and robberies 12%, while drug offences rose 3%. Exports rose 5% and imports 3%.",
                published="2026-01-22")
    assert subjects(c["12%"]) == ["robberies"]
    assert c["3%"].metric == "imports" or subjects(c["3%"]) == ["imports"]


def test_an_index_s_move_the_model_ran_into_its_name_is_not_part_of_it(nlp):
    c = by_text(nlp, "The Dow rose 1.2%, the S&P 500 0.8% and the Nasdaq 0.5%.", published="2026-01-27")
    assert subjects(c["0.5%"]) == ["Nasdaq"] and subjects(c["0.8%"]) == ["S&P 500"]


def test_rain_measured_in_millimetres_is_rainfall_not_a_height(nlp):
    c = by_text(nlp, "More than 140 mm (5.5 inches) of rain fell in 24 hours in parts of the Kathmandu valley, the "
                     "Department of Hydrology and Meteorology said.", published="2026-07-28")
    for figure in ("140 mm", "5.5 inches"):
        assert (c[figure].metric, subjects(c[figure])) == ("rainfall", ["rain"])


def test_people_pulled_to_safety_are_rescued(nlp):
    c = by_text(nlp, "Soldiers and police pulled 1,250 people to safety, said a spokesman for the home ministry.",
                published="2026-07-28")
    assert c["1,250"].metric == "rescued"


def test_a_year_a_figure_is_compared_with_does_not_date_it(nlp):
    c = by_text(nlp, "Sales rose 8% in March compared with 2025. The carrier flew 131 million passengers last year, "
                     "up 14% on 2022. Profit fell 3% on Monday.", published="2026-04-07")
    assert c["8%"].date == "2026-03"
    assert c["14%"].date != "2022"
    assert c["3%"].date == "2026-04-06"


def test_a_range_of_ages_is_one_figure(nlp):
    c = by_text(nlp, "The researchers followed participants aged 40 to 79. Voters between the ages of 18 and 25 backed "
                     "the plan.", published="2026-06-03")
    assert (c["40 to 79"].bounds.low, c["40 to 79"].bounds.high, c["40 to 79"].metric) == (40, 79, "age")
    assert c["18 and 25"].metric == "age"


def test_the_other_side_of_a_vote_takes_the_votes(nlp):
    c = by_text(nlp, "The constitutional amendment passed by 513 votes to 207.", published="2026-03-18")
    assert c["207"].unit == c["513"].unit == "vote"


def test_the_airline_is_not_the_union_named_before(nlp):
    c = by_text(nlp, "FRANKFURT, Feb 7 (AP) — Lufthansa cancelled about 1,300 flights on Wednesday, stranding roughly "
                     "100,000 passengers, as ground staff walked out in a dispute over pay.\n\nThe Verdi union called "
                     "the one-day strike after talks on a new contract for 25,000 ground workers broke down. The union "
                     "is demanding a 12.5% raise over 12 months, while the airline has offered 9% over 36 months.\n\n"
                     '"Our members cannot wait any longer," said Verdi negotiator Marvin Reschinsky.', published="2026-02-07")
    assert subjects(c["9%"]) == ["Lufthansa"]


def test_a_bowler_who_finished_with_figures_has_no_market_close(nlp):
    c = by_text(nlp, "Scott Boland finished with three for 39. Broadcom finished down 17.4 percent.", published="2024-12-30")
    assert c["39"].frame is None and c["17.4 percent"].frame == "close"


def test_a_central_bank_s_rate_moves_by_a_fraction_of_a_percentage_point(nlp):
    c = by_text(nlp, "The Reserve Bank cut its cash rate by a quarter of a percentage point to 4.10% on Tuesday.",
                published="2025-02-18")
    assert (c["a quarter"].value, c["a quarter"].unit, c["a quarter"].metric) == (0.25, "percentage point", "interest rate")
    assert c["4.10%"].metric == "interest rate"


def test_us_cents_stay_us_cents_in_a_story_of_australian_dollars(nlp):
    c = by_text(nlp, "The cut would save a borrower with an A$600,000 mortgage about A$90 a month. The Australian dollar "
                     "slipped 0.3% to 63.55 US cents after the decision.", published="2025-02-18")
    assert (c["63.55 US cents"].value, c["63.55 US cents"].unit) == (0.6355, "USD")


def test_a_regulator_s_price_cap_is_a_price_not_a_market_value(nlp):
    c = by_text(nlp, "The price cap for a typical household will rise to £1,849 a year from £1,738.", published="2026-02-25")
    assert c["£1,849 a year"].metric != "market value"


def test_a_margin_is_a_margin(nlp):
    c = by_text(nlp, "Halvane's gross margin rose to 46.2% in the quarter.", published="2025-11-13")
    assert c["46.2%"].metric == "margin"


def test_an_index_written_with_index_is_the_index_and_a_company_keeps_its_initials(nlp):
    c = by_text(nlp, "The slide wiped about 40 trillion won off Samsung's market value. The benchmark KOSPI index fell "
                     "2.4%, while rival SK Hynix dropped 5.1%.", published="2026-10-06")
    assert subjects(c["2.4%"]) == ["KOSPI"]
    assert subjects(c["5.1%"]) == ["SK Hynix"]


def test_an_index_whose_name_ends_like_a_demonym_is_no_person_of_that_nation(nlp):
    c = by_text(nlp, "Samsung Electronics lost nearly $30 billion in market value on Tuesday. Shares of SK Hynix fell 5 "
                     "per cent and the Kospi lost 2.4 per cent.", published=None)
    assert subjects(c["2.4 per cent"]) == ["Kospi"]


def test_a_delivery_month_is_no_date_and_a_market_place_no_owner(nlp):
    c = by_text(nlp, "U.S. gold futures for December delivery gained 1.1% to $4,205.", published="2026-10-14")
    assert (subjects(c["1.1%"]), c["1.1%"].metric, c["1.1%"].date) == (["gold futures"], "price", "2026-10-14")


def test_a_price_in_a_list_is_per_the_unit_the_list_quoted(nlp):
    c = by_text(nlp, "Spot gold was at $4,187.40 per ounce, after hitting a record $4,218.06 earlier in the session.\n\n"
                     "Silver rose 2.4% to $52.31 an ounce, platinum added 0.8% to $1,641.20 and palladium was little "
                     "changed at $1,462.", published="2026-10-14")
    assert [c[t].unit for t in ("$4,218.06", "$1,641.20", "$1,462")] == ["USD per ounce"] * 3


def test_an_index_named_beside_stocks_moves_as_an_index(nlp):
    c = by_text(nlp, "Other regional bank stocks fell, with the KBW Regional Banking Index down 3.9% on Friday. "
                     "Shares of Index Ventures rose 3%.", published="2026-04-25")
    assert (subjects(c["3.9%"]), c["3.9%"].metric) == (["KBW Regional Banking Index"], "index level")
    assert c["3%"].metric == "share price"


def test_counts_of_the_displaced_evacuated_and_arrested(nlp):
    c = by_text(nlp, "The war has killed tens of thousands of people and displaced more than 12 million. Authorities "
                     "evacuated 3,000 residents and police arrested 35.", published="2026-06-22")
    assert [(c[t].unit, c[t].metric) for t in ("12 million", "3,000", "35")] == [
        ("person", "displaced"), ("person", "evacuated"), ("person", "arrested")]


def test_a_death_toll_is_nobody_called_death(nlp):
    c = by_text(nlp, "A doctors' network put the death toll at more than 1,500.", published="2026-06-22")
    assert (subjects(c["1,500"]), c["1,500"].metric) == ([], "dead")


def test_counted_appearances_and_branches_keep_their_noun(nlp):
    c = by_text(nlp, "Saka has now scored 9 goals in 11 league appearances. All 86 of Harbor Federal's branches "
                     "will reopen on Monday.", published="2026-11-08")
    assert (c["11"].unit, subjects(c["11"])) == ("league appearance", ["league appearances"])
    assert c["86"].unit == "branch"


def test_the_unemployment_rate_is_not_the_main_organisation_s(nlp):
    c = by_text(nlp, "Traders bet the Fed would cut. The Federal Reserve meets on Sept. 17.\n\nEmployers added fewer "
                     "jobs than economists had forecast, while the unemployment rate edged down to 4.2%.",
                published="2026-09-05")
    assert subjects(c["4.2%"]) == []


def test_pay_is_pay(nlp):
    c = by_text(nlp, "Average hourly pay climbed 3.8 per cent on the year, to $35.21.", published="2026-09-05")
    assert (c["3.8 per cent"].metric, c["$35.21"].metric) == ("pay", "pay")


def test_a_company_down_by_a_share_moved_its_share_price_a_currency_its_rate(nlp):
    c = by_text(nlp, "Vistra tumbled nearly 30%. Competitor Constellation Energy Corp. (CEG) was down more than 20%. "
                     "Dominant chip maker Nvidia took the brunt of the selling, down 16%. Microsoft is down by 4%. "
                     "Sterling was last trading at $1.2925, down 0.21% on the day.", published="2025-01-27")
    assert [(subjects(c[t]), c[t].metric) for t in ("20%", "16%", "4%")] == [
        (["Constellation Energy"], "share price"), (["Nvidia"], "share price"), (["Microsoft"], "share price")]
    assert c["0.21%"].metric != "share price"


def test_a_price_per_share_is_the_share_price_unless_a_bid_or_a_forecast(nlp):
    c = by_text(nlp, "Nvidia's stock plummeted 16.9% on Monday.\n\n- Monday Close: $118.58 per share\n\nAnalysts were "
                     "expecting $2.52 a share on revenue of $27.53 billion. In December, McClatchy bid $16.50 per share for "
                     "Tribune.", published="2025-01-28")
    assert (c["$118.58 per share"].metric, c["$118.58 per share"].unit) == ("share price", "USD")
    # a forecast per share is what a share is expected to earn; a bid is no metric of the company's
    assert [c[t].metric for t in ("$2.52 a share", "$16.50 per share")] == ["earnings per share forecast", None]


def test_what_a_company_earned_is_its_profit_and_per_share_its_earnings_per_share(nlp):
    c = by_text(nlp, "Facebook reported results on Wednesday. The company earned $5.1 billion, or $1.74 per share, above "
                     "analysts' estimates of $1.71.", published="2018-07-26")
    assert (c["$5.1 billion"].metric, c["$1.74 per share"].metric, c["$1.74 per share"].unit) == (
        "profit", "earnings per share", "USD")
    assert c["$1.71"].metric != "profit"


def test_what_goods_are_worth_is_no_one_s_net_worth_or_market_value_and_a_debut_costs_nothing(nlp):
    c = by_text(nlp, "The dispute has already hit $380 billion worth of goods. The EU exported about 750,000 vehicles "
                     "worth roughly 38 billion euros to the United States. Starfall soared to a $182 million global "
                     "debut. The $11.4 million bridge opened.", published="2026-04-03")
    assert [c[t].metric for t in ("$380 billion", "38 billion euros", "$182 million")] == [None, None, None]
    assert c["$11.4 million"].metric == "cost"


def test_an_index_with_its_size_falling_after_with_is_what_fell(nlp):
    c = by_text(nlp, "Nvidia led larger U.S. market losses, with the benchmark S&P 500 falling 1.5% and the tech-heavy "
                     "Nasdaq falling 3.1%.", published="2025-01-28")
    assert (subjects(c["1.5%"]), c["1.5%"].metric) == (["S&P 500"], "index level")


def test_a_company_valued_at_an_amount_has_that_market_value(nlp):
    c = by_text(nlp, "Nvidia shares fell 17% on Monday. Following the rout, Nvidia was valued at $2.9 trillion. The "
                     "painting was valued at $5 million.", published="2025-01-28")
    assert (c["$2.9 trillion"].metric, c["$5 million"].metric) == ("market value", None)


def test_a_building_s_storeys_are_storeys_however_spelt_and_hold_on_no_day(nlp):
    c = claims_of(nlp, "A 21-storey residential tower collapsed. The 21-story tower came down. A 21-floor building "
                       "caved in. He wrote three stories.", published="2026-03-09")
    assert [(x.unit, subjects(x), x.date) for x in c if x.value == 21] == [("storey", ["storey"], None)] * 3
    assert [x.unit for x in c if x.value == 3] == ["story"]


def test_people_pulled_alive_were_rescued_not_rescuers(nlp):
    c = by_text(nlp, "Rescuers pulled 40 people alive from the debris by nightfall. Some 200 rescuers worked through the "
                     "night.", published="2026-03-09")
    assert (c["40"].metric, c["200"].metric) == ("rescued", "rescuers")


def test_a_description_of_one_nation_is_the_organisation_described_so(nlp):
    c = by_text(nlp, "Chinese AI startup DeepSeek released a model last week. Nvidia fell 17% and data storage company "
                     "Oracle plunged at least 10%.\n\nDeepSeek's model was trained on Nvidia chips. However, the Chinese "
                     "company stated that it spent only $5.6 million on Nvidia technology to build its model.",
                published="2025-01-28")
    assert subjects(c["$5.6 million"]) == ["DeepSeek"]


# ------------------------------------------------------------------ a central bank's day and a volcano's


def test_up_to_after_a_verb_of_moving_up_is_the_level_reached_not_a_bound(nlp):
    c = by_text(nlp, "Inflation picked up to 2.4% in October and unemployment ticked up to 4.3%. The floods killed up "
                     "to 20 people.", published="2026-12-09")
    assert [(c[t].hedge, c[t].bounds) for t in ("2.4%", "4.3%")] == [("=", None), ("=", None)]
    assert c["20"].hedge == "<="


def test_basis_points_are_hundredths_of_a_percentage_point_and_half_a_percent_is_a_percent(nlp):
    c = by_text(nlp, "The bank cut its policy rate by 25 basis points. The loonie fell by nearly half a percent.",
                published="2026-10-28")
    bp = c["25 basis points"]
    assert (bp.value, bp.unit, bp.stated_value, bp.stated_unit) == (0.25, "percentage point", 25, "basis point")
    assert (c["half"].value, c["half"].unit) == (0.5, "percent")


def test_a_currency_s_nickname_is_the_currency(nlp):
    c = by_text(nlp, "The loonie slipped 0.4 per cent to 71.6 cents US. The greenback rose 1% against the yen.",
                published="2026-10-28")
    assert [(subjects(c[t]), c[t].metric) for t in ("0.4 per cent", "1%")] == [
        (["Canadian Dollar"], "exchange rate"), (["US Dollar"], "exchange rate")]


def test_consumer_prices_over_twelve_months_to_a_month_are_that_month_s_inflation(nlp):
    c = by_text(nlp, "Consumer prices rose 2.1% in the 12 months to September, slowing from a 2.4% pace in August.",
                published="2026-10-28")
    assert "12 months" not in c  # the period the figure is of
    assert [(subjects(c[t]), c[t].metric, c[t].date) for t in ("2.1%", "2.4%")] == [
        ([], "inflation", "2026-09"), ([], "inflation", "2026-08")]


def test_joblessness_is_unemployment_and_no_organisation(nlp):
    doc = nlp("Joblessness climbed to 7.1 per cent in September.")
    assert not [e for e in extract_entities(doc, "a").entities if e.name == "Joblessness"]
    c = by_text(nlp, "Joblessness climbed to 7.1 per cent in September.", published="2026-10-28")
    assert c["7.1 per cent"].metric == "unemployment"


def test_the_date_in_a_bound_s_phrase_is_that_figure_s_own(nlp):
    c = by_text(nlp, "Annual inflation slowed to 2.1% in September from 2.4% in August. Turnout was 59.7%, down "
                     "from 67.3% in 2019.", published="2026-10-28")
    assert [c[t].date for t in ("2.1%", "2.4%", "67.3%")] == ["2026-09", "2026-08", "2019"]
    assert c["59.7%"].date != "2019"


def test_a_change_effective_a_weekday_takes_effect_after_the_report(nlp):
    c = by_text(nlp, "The lender cut its prime lending rate to 4.95 per cent, effective Thursday.", published="2026-10-28")
    assert (c["4.95 per cent"].date, c["4.95 per cent"].metric) == ("2026-10-29", "interest rate")


def test_ash_sent_into_the_sky_and_a_volcano_s_size_are_heights(nlp):
    c = by_text(nlp, "The volcano erupted, spewing a column of ash 9 kilometres into the sky. The 1,584-metre volcano "
                     "last erupted in 2024.", published="2026-11-16")
    assert [c[t].metric for t in ("9 kilometres", "1,584-metre")] == ["height", "height"]


def test_people_who_fled_or_were_moved_to_shelters_are_displaced(nlp):
    c = by_text(nlp, "The eruption forced more than 4,000 people to flee their homes. About 4,200 residents have been "
                     "moved to temporary shelters.", published="2026-11-16")
    assert [(c[t].unit, c[t].metric) for t in ("4,000", "4,200")] == [("person", "displaced"), ("person", "displaced")]


def test_the_world_s_largest_token_is_the_one_named_before_and_its_level_is_of_the_move_s_day(nlp):
    c = by_text(nlp, "Bitcoin slid 9.3% on Monday to $79,420. Later the world's largest cryptocurrency was down 7.8%. "
                     "Ether fell 11% to $2,650.", published="2026-11-24")
    assert [subjects(c[t]) for t in ("7.8%",)] != [["world"]]
    assert [(c[t].metric, c[t].date) for t in ("11%", "$2,650")] == [
        ("exchange rate", "2026-11-23"), ("exchange rate", "2026-11-23")]


def test_a_crowd_is_an_attendance_and_a_three_time_champion_no_figure(nlp):
    c = by_text(nlp, "The Italian club, three-time European champions, lost the final in front of 61,000 fans. A crowd "
                     "of 61,000 watched in Budapest.", published="2026-05-31")
    assert "three" not in c
    assert [(c[t].unit, c[t].metric) for t in ("61,000",)] == [("person", "attendance")]
    assert [cl.metric for cl in claims_of(nlp, "A crowd of 61,000 watched in Budapest.", "2026-05-31")] == ["attendance"]


def test_a_day_earlier_is_the_day_before_the_one_the_sentence_tells_of(nlp):
    c = by_text(nlp, "Nvidia shares rebounded 8.9% on Tuesday to $128.99, recovering about $260bn of the value lost a "
                     "day earlier, when the stock fell 17% and the company lost $593bn in market value.",
                published="2025-01-29")
    assert [c[t].date for t in ("8.9%", "$260bn", "17%", "$593bn")] == ["2025-01-28", "2025-01-28", "2025-01-27",
                                                                        "2025-01-27"]


def test_the_country_is_the_country_the_text_named(nlp):
    c = by_text(nlp, "Canada's central bank cut rates. Its governor said that the country's economy had clearly weakened, "
                     "citing a jobless rate of 7.1%.", published="2026-10-29")
    assert (subjects(c["7.1%"]), c["7.1%"].metric) == (["Canada"], "unemployment")


def test_a_figure_plus_is_at_least_that_figure(nlp):
    c = by_text(nlp, "The fund has $10bn-plus in assets, and a 40-plus team runs it.", published="2026-06-09")
    assert [(c[t].value, c[t].hedge) for t in ("$10bn-plus", "40-plus")] == [(1e10, ">="), (40, ">=")]


def test_weight_loss_is_no_money_lost(nlp):
    c = by_text(nlp, "The pill produced 12.4% weight loss in the trial, and the company posted a net loss of $2bn.",
                published="2026-09-15")
    assert [(c[t].metric, subjects(c[t])) for t in ("12.4%",)] == [("weight loss", [])]
    assert c["$2bn"].metric == "loss"


# ------------------------------------------- a market rout told by other outlets (session 26)


def test_a_name_the_parser_gave_to_after_is_the_subject_of_the_verb_after_it(nlp):
    c = by_text(nlp, "The governor's remarks come after Intel, the US chipmaker that dominates the PC processor market, "
                     "lost nearly $40 billion in market value.", published="2026-03-03")
    assert subjects(c["$40 billion"]) == ["Intel"]


def test_a_sum_evaporated_of_a_company_s_value_is_that_company_s(nlp):
    c = by_text(nlp, "Traders feared a cheaper rival would hurt leaders like Kestrel Corp, evaporating $90 billion of "
                     "the chipmaker's market value.", published="2026-03-03")
    assert (subjects(c["$90 billion"]), c["$90 billion"].metric) == (["Kestrel"], "market value")


def test_whose_after_an_apposition_is_the_named_one_s(nlp):
    c = by_text(nlp, "The sell-off mostly hit chip stocks, especially Orvex, a leading supplier of AI chips, whose "
                     "stock price declined by 17%.")
    assert subjects(c["17%"]) == ["Orvex"]


def test_a_company_s_worth_is_its_market_value_and_a_person_s_is_net_worth(nlp):
    c = by_text(nlp, "Orvex lost $589bn of market worth on Monday in a historic fall. Dana Pell's net worth fell by "
                     "$20 billion.")
    assert [(subjects(c[k]), c[k].metric) for k in ("$589bn", "$20 billion")] == [
        (["Orvex"], "market value"), (["Dana Pell"], "net worth")]


def test_an_amount_wiped_of_a_company_is_the_company_s(nlp):
    c = by_text(nlp, "Orvex shares slid on Monday. The rout wiped $40 billion of Orvex in a day, analysts said.")
    assert (subjects(c["$40 billion"]), c["$40 billion"].direction) == (["Orvex"], "down")


def test_names_set_off_by_dashes_take_figures_given_respectively_in_order(nlp):
    c = by_text(nlp, "Property landlords in Australia – Harlow Group, Brixton Mills and Carden Holdings – tumbled "
                     "6.4 per cent, 6.2 per cent and 11.1 per cent respectively, as investors fled.")
    assert [subjects(c[k]) for k in ("6.4 per cent", "6.2 per cent", "11.1 per cent")] == [
        ["Harlow Group"], ["Brixton Mills"], ["Carden Holdings"]]


def test_a_list_item_that_only_says_what_its_label_did_is_about_the_label(nlp):
    c = by_text(nlp, "Markets were shaken by the news from Hangzhou on Monday, and the chip sector took the worst of it.\n"
                     "• Brixton Mills: Fell by 17.4%.\n• ORVN: Tumbled 6.7%.\n• KLVX: Slid 3.2%.\n"
                     "• Quenta Energy: Sank more than 20%.")
    assert [subjects(c[k]) for k in ("17.4%", "6.7%", "3.2%", "20%")] == [
        ["Brixton Mills"], ["ORVN"], ["KLVX"], ["Quenta Energy"]]
    c = by_text(nlp, "Markets at a glance:\n• FTSE 250: 6,012.28 (-1.46%)\n• Dow: 44,713.58 (+0.65%)\n"
                     "• KLVX: $101.90 (-3.03%)\n- Friday Close: $118.58 per share")
    assert [subjects(c[k]) for k in ("-1.46%", "+0.65%", "$101.90", "-3.03%")] == [
        ["FTSE 250"], ["Dow"], ["KLVX"], ["KLVX"]]
    assert subjects(c["$118.58 per share"]) != ["Friday Close"]
    c = by_text(nlp, "Indian markets rebounded.\n• Sensex Performance: Closed up by 430 points at 76,404.99.")
    assert subjects(c["430 points"]) == ["Sensex"]


def test_whose_after_two_names_is_the_nearer_one_s_and_respectively_shares_out_a_relative_clause(nlp):
    c = by_text(nlp, "The fund's backers include chipmaker Orbis and Tamsin , whose shares finished down 6.2 percent on "
                     "Monday.", published="2026-03-03")
    assert subjects(c["6.2 percent"]) == ["Tamsin"]
    c = by_text(nlp, "The index's next-biggest drag was chipmaker Intel, which finished down 9.1%, followed by Oracle "
                     "Corp and Facebook parent Meta, which fell 1.3% and 2.8%, respectively.", published="2026-03-03")
    assert [subjects(c[t]) for t in ("1.3%", "2.8%")] == [["Oracle"], ["Meta"]]


def test_names_given_as_examples_are_what_moved(nlp):
    c = by_text(nlp, "On Monday, chipmakers like Orbis Corp and Tamsin Inc plummeted more than 12%.",
                published="2026-03-03")
    assert subjects(c["12%"]) == ["Orbis", "Tamsin"]
    c = by_text(nlp, "Power stocks like Constellation Energy and Vistra plunged more than 15% on Monday.",
                published="2026-03-03")
    assert subjects(c["15%"]) == ["Constellation Energy", "Vistra"]


def test_companies_that_each_moved_moved_their_share_price(nlp):
    c = by_text(nlp, "Utilities slumped as Constellation Energy and Vistra each plunged more than 15% on Monday.",
                published="2026-03-03")
    assert c["15%"].metric == "share price"


def test_the_nearer_of_two_subjects_moves_and_a_named_index_pushed_down_is_its_level(nlp):
    c = by_text(nlp, "Chip machine builder Dravik slumped 5.75 percent.", published="2026-03-03")
    assert c["5.75 percent"].metric == "share price"
    c = by_text(nlp, "Exporters fell sharply, helping to push the benchmark Nikkei 225 down by around 1%.",
                published="2026-03-03")
    assert (subjects(c["1%"]), c["1%"].metric) == (["Nikkei 225"], "index level")


def test_a_company_s_loss_in_percent_is_its_stock_s_move_but_losses_that_narrow_are_not(nlp):
    c = by_text(nlp, "A smaller hit was seen at memory maker Orbis Corp with a loss of 11.5 percent on Monday.",
                published="2026-03-03")
    assert (subjects(c["11.5 percent"]), c["11.5 percent"].metric) == (["Orbis"], "share price")
    c = by_text(nlp, "Orbis Corp said its net losses narrowed 20% in the quarter.", published="2026-03-03")
    assert c["20%"].metric == "loss"


def test_a_signed_move_in_brackets_is_a_fall_of_that_size(nlp):
    c = by_text(nlp, "Smaller losses hit rivals Orbis Corp (-6.4 percent) and Tamsin Inc (-2.6 percent).",
                published="2026-03-03")
    assert [(c[t].value, c[t].direction, c[t].metric) for t in ("-6.4 percent", "-2.6 percent")] == [
        (6.4, "down", "share price"), (2.6, "down", "share price")]


def test_its_after_a_company_s_move_is_that_company_s(nlp):
    c = by_text(nlp, "Orbis led the market lower. Orbis is a chipmaker. Tamsin's shares fell by 17.2 percent. As a "
                     "result, its stock market value dropped below $1 trillion.", published="2026-03-03")
    assert subjects(c["$1 trillion"]) == ["Tamsin"]


def test_a_hedge_the_parser_read_as_a_preposition_keeps_the_verb_s_direction(nlp):
    c = by_text(nlp, "Orbis Corp was the index's biggest drag, with its shares tumbling just under 14 percent. "
                     "Inflation fell under 3% in May.", published="2026-06-03")
    assert (c["14 percent"].direction, c["14 percent"].hedge) == ("down", "<")
    assert c["3%"].direction is None  # a level reached, not a fall of 3%


def test_ahead_of_the_market_open_is_before_the_bell(nlp):
    c = by_text(nlp, "Shares of Orbis Corp slid more than 9% ahead of the market open.", published="2026-03-03")
    assert c["9%"].frame == "pre-market"


def test_a_drop_futures_point_to_is_before_the_bell(nlp):
    c = by_text(nlp, "Stock futures pointed to a 3.6 percent drop in the Nasdaq on Monday.", published="2026-03-02")
    assert c["3.6 percent"].frame == "pre-market"


def test_a_capitalised_word_the_parser_made_the_head_is_no_subject_beside_a_name(nlp):
    c = by_text(nlp, "Zentrix Leads Tech Rout. AI bellwether Zentrix (ZNTX) saw its stock price plunge nearly 14%, "
                     "wiping out a record $90 billion in market value.", published="2026-03-03")
    assert subjects(c["$90 billion"]) == ["Zentrix"]


def test_an_index_named_with_index_is_the_index_other_outlets_name(nlp):
    c = by_text(nlp, "The S&P 500 Index also fell sharply on Monday, dropping by almost 1.4%.",
                published="2026-03-03")
    assert subjects(c["1.4%"]) == ["S&P 500"]


def test_a_company_a_relative_clause_describes_is_a_name_however_english_its_words(nlp):
    c = by_text(nlp, "Constellation Energy, which surged last year on demand from data centres, saw its shares plunge "
                     "18% after the news. Velmora fell too.", published="2026-03-03")
    assert subjects(c["18%"]) == ["Constellation Energy"]


def test_players_including_named_companies_are_the_companies_and_saw_fall_is_a_fall(nlp):
    c = by_text(nlp, "Velmora Corp rose. Other prominent AI players, including chipmakers Orbis and Tamsin Inc, saw "
                     "their shares nosedive by at least 11%.", published="2026-03-03")
    assert (subjects(c["11%"]), c["11%"].direction) == (["Orbis", "Tamsin"], "down")


def test_it_after_a_product_named_in_its_sentence_is_that_product(nlp):
    c = by_text(nlp, "Nvidia fell. The striking claim about the R2 model is that it cost less than $4 million to "
                     "train.", published="2026-03-03")
    assert subjects(c["$4 million"]) == ["R2"]


def test_a_version_of_this_model_is_the_maker_s(nlp):
    c = by_text(nlp, "Velmora Corp fell 3%. Quillon Corp last week released an open-source model. The company also "
                     "said the first version of this model cost less than $4 million to build.", published="2026-03-03")
    assert subjects(c["$4 million"]) == ["Quillon"]


def test_a_figure_is_dated_by_the_past_clause_of_its_own_noun(nlp):
    c = by_text(nlp, "Kestrel's market value fell by $90 billion on Monday, more than doubling the $41 billion market "
                     "value lost by Orbis Corp on October 9, 2023.", published="2026-03-03")
    assert [c[t].date for t in ("$90 billion", "$41 billion")] == ["2026-03-02", "2023-10-09"]
    c = by_text(nlp, "The upper house, which represents the 16 states, votes on Friday.", published="2026-03-03")
    assert c["16"].date != "2026-03-06"  # a clause of what will be is no day of the count


def test_a_one_day_loss_is_a_loss_of_market_value(nlp):
    c = by_text(nlp, "The drop eclipsed the prior record for a single-day loss of $41 billion, set by Orbis Corp in "
                     "October 2023.", published="2026-03-03")
    assert (subjects(c["$41 billion"]), c["$41 billion"].metric, c["$41 billion"].date) == (
        ["Orbis"], "market value", "2023-10")


def test_a_contrasting_clause_keeps_its_own_moment(nlp):
    c = by_text(nlp, "Orbis Corp's stock closed at $88.20 on Monday, down 12.4% for the day, though in after-hours "
                     "trading the stock edged up 1.1%.", published="2026-03-03")
    assert [c[t].frame for t in ("$88.20", "12.4%", "1.1%")] == ["close", "close", "after-hours"]


def test_the_company_in_a_clause_after_the_main_one_is_the_main_clause_s_subject(nlp):
    c = by_text(nlp, "Shares of Orbis Corp fell. In a statement, Orbis Corp praised Tamsin Inc, just hours after the "
                     "company's stock plunged by 14% on the news from Tamsin.", published="2026-03-03")
    assert subjects(c["14%"]) == ["Orbis"]
    # (not a public body's, nor through a participle of result)
    c = by_text(nlp, "The Food and Drug Administration on Thursday approved Orbis Corp's drug, sending the company's "
                     "shares up 38% in premarket trading.", published="2026-03-03")
    assert subjects(c["38%"]) == ["Orbis"]


def test_a_contrasting_clause_before_the_main_one_is_read_too(nlp):
    c = by_text(nlp, "Though bond yields rose 2%, shares of Orbis Corp fell 3% on Monday.", published="2026-03-03")
    assert (c["3%"].direction, c["3%"].metric) == ("down", "share price")


# ----------------------------------------------- a vaccine trial told by two outlets (session 26)


def test_a_percentage_effective_is_efficacy_but_an_effective_rate_is_not(nlp):
    c = by_text(nlp, "Orbis Corp said its experimental flu vaccine was 88.4% effective in a late-stage trial. The plan "
                     "sets a 30 percent effective tax rate.", published="2026-03-03")
    assert [(c[t].metric, subjects(c[t])) for t in ("88.4%",)] == [("efficacy", ["Orbis"])]
    assert c["30 percent"].metric != "efficacy"


def test_the_shot_is_its_maker_s_not_the_rival_named_last(nlp):
    c = by_text(nlp, "A flu vaccine made by Orbis Corp prevented most severe cases, putting the drugmaker on course to "
                     "challenge Tamsin Inc. The shot was 88% effective, the company said.", published="2026-03-03")
    assert (subjects(c["88%"]), c["88%"].metric) == (["Orbis"], "efficacy")


def test_whose_in_a_clause_the_parser_did_not_make_relative_is_the_name_before_it(nlp):
    c = by_text(nlp, "Rival Tamsin Biologics, whose own RSV vaccine was 79% effective in an earlier study, saw its "
                     "shares fall 3.6%.", published="2026-03-03")
    assert subjects(c["79%"]) == ["Tamsin Biologics"]


def test_a_generic_acronym_is_no_subject(nlp):
    c = by_text(nlp, "Orbis Corp shares fell 17% and AI infrastructure stocks tumbled over 20%.", published="2026-03-03")
    assert subjects(c["20%"]) != ["AI"]


def test_an_index_named_by_a_place_or_a_name_and_its_size_is_that_index(nlp):
    c = by_text(nlp, "The Philadelphia semiconductor index tumbled 8.1 percent. The Stoxx 600 index fell 1.2%.",
                published="2026-03-03")
    assert [subjects(c[t]) for t in ("8.1 percent", "1.2%")] == [["Philadelphia semiconductor index"], ["Stoxx 600"]]


def test_an_index_listed_with_another_shares_its_move(nlp):
    c = by_text(nlp, "The Nasdaq and the S&P 500 each fell 2.2% on Monday.", published="2026-03-03")
    assert subjects(c["2.2%"]) == ["Nasdaq", "S&P 500"]


# ------------------------------------------------------------------ batch: unseen wire pages (session 27)


@pytest.mark.parametrize("text, figure", [
    # a company in an absolute "with" clause, and verbs of a stock's move beyond "fell"
    ("Tech stocks slid, with Orbis Corp declining 2.14 percent by the close.", "2.14 percent"),
    ("Orbis Corp shed 4% on Tuesday after the report.", "4%"),
    ("Orbis Corp eased 0.5% in early trading.", "0.5%"),
    # a change noun the company owns or undergoes
    ("What caused Orbis Corp's 17 percent plunge?", "17 percent"),
    ("Investors shrugged off a 9% drop for Orbis Corp on Monday.", "9%"),
])
def test_a_company_s_percentage_move_is_its_share_price(nlp, text, figure):
    claim = by_text(nlp, text, "2025-01-28")[figure]
    assert (subjects(claim), claim.metric, claim.direction) == (["Orbis"], "share price", "down")


def test_an_index_s_change_noun_is_not_a_share_price(nlp):
    assert by_text(nlp, "The Nasdaq's 3% fall was its worst day since March.", "2025-01-28")["3%"].metric == "index level"


def test_a_closing_price_the_shares_fell_from_is_the_share_price_of_its_own_day(nlp):
    c = by_text(nlp, "Orbis Corp shares fell from Friday's closing price of $142.62 to $118.51 by the end of Monday, "
                     "a decline of nearly 17%.", "2025-01-28")
    assert (c["$142.62"].metric, c["$142.62"].date) == ("share price", "2025-01-24")
    assert (c["$118.51"].metric, c["$118.51"].date) == ("share price", "2025-01-27")
    assert (c["17%"].metric, c["17%"].date) == ("share price", "2025-01-27")


@pytest.mark.parametrize("text, figure, subject", [
    ("An earthquake of magnitude 7.8 hit the border region on Monday.", "7.8", "earthquake"),
    ("The epicentre of the 7.8-magnitude quake was east of the city.", "7.8", "earthquake"),
    ("Turkish authorities have estimated the main quake's magnitude at 7.4.", "7.4", "earthquake"),
    ("It was followed by an aftershock with a magnitude of 6.7.", "6.7", "aftershock"),
])
def test_a_magnitude_is_the_shock_s_whoever_measured_it(nlp, text, figure, subject):
    claim = by_text(nlp, text)[figure]
    assert (claim.unit, claim.metric, subjects(claim)) == ("magnitude", "magnitude", [subject])


def test_a_total_described_as_a_loss_of_life_counts_the_dead(nlp):
    claim = by_text(nlp, "There were 1,134 confirmed deaths in the north, putting the total at 1,451 — a staggering "
                         "loss of life for the region.")["1,451"]
    assert (claim.metric, claim.unit) == ("dead", "person")


@pytest.mark.parametrize("text, figure, metric", [
    # a bank's balance sheet and a run on it
    ("Acme Bank collapsed on Friday. It had $175 billion in deposits at the end of the year.", "$175 billion", "deposits"),
    ("Acme Bank collapsed on Friday. Customers withdrew $42 billion on Thursday alone.", "$42 billion", "withdrawals"),
    # shares a company sells raise capital: no revenue, no market value lost
    ("Acme Bank collapsed on Friday. The slide came after the bank announced a $1.75bn share sale.", "$1.75bn",
     "share sale"),
    ("Acme Bank collapsed on Friday. It told investors it had to sell $1.75 billion in shares to cover losses.",
     "$1.75 billion", "share sale"),
    # a loss on a sale is the seller's loss, no fall in sales
    ("Acme Bank collapsed on Friday. It said it would book a $1.8 billion after-tax loss on sales of investments.",
     "$1.8 billion", "loss"),
])
def test_a_bank_s_deposits_withdrawals_and_share_sales_are_the_bank_s(nlp, text, figure, metric):
    claim = by_text(nlp, text, "2023-03-10")[figure]
    assert (claim.metric, subjects(claim)) == (metric, ["Acme Bank"])


def test_companies_named_beside_a_plural_subject_share_its_figures_respectively(nlp):
    # an acronym the model misses, listed in apposition to the noun the parser made the subject
    c = by_text(nlp, "Netherlands-based chip companies KLVX and Orvex International fell 10.59% and 14.94% respectively "
                     "in European trade.", "2025-01-27")
    assert (subjects(c["10.59%"]), c["10.59%"].metric) == (["KLVX"], "share price")
    assert (subjects(c["14.94%"]), c["14.94%"].metric) == (["Orvex International"], "share price")


def test_a_firm_described_by_its_home_town_is_the_story_s_company(nlp):
    # (the company named last, not the story's main one)
    c = by_text(nlp, "Orvex Labs released a cheap model. Orvex Labs said the model cost little to train. Investors "
                     "turned on chip producer Kelmont Corp. on Monday. The Santa Clara, California-based firm "
                     "slid more than 10% in premarket trading.", "2025-01-27")
    assert (subjects(c["10%"]), c["10%"].metric, c["10%"].frame) == (["Kelmont"], "share price", "pre-market")


def test_a_toll_that_passes_a_mark_is_a_count_of_the_dead_above_it(nlp):
    c = by_text(nlp, "The death toll in Kelbar, Orvane and Tessin surpassed 20,000 on Thursday, and the toll topped "
                     "21,000 by evening.", "2023-02-10")
    assert [(c[f].metric, c[f].hedge) for f in ("20,000", "21,000")] == [("dead", ">"), ("dead", ">")]


def test_the_month_of_the_mark_a_move_is_measured_from_does_not_date_the_move(nlp):
    c = by_text(nlp, "Kelmont's stock has now plunged 32 per cent from its peak in January, dragging its market cap "
                     "down to $2.48 trillion.", "2025-04-04")
    assert c["32 per cent"].date != "2025-01" and c["$2.48 trillion"].date != "2025-01"


def test_a_sum_a_company_lost_on_one_day_is_market_value_and_a_quarter_s_is_not(nlp):
    c = by_text(nlp, "Kelmont lost $589 billion on Monday. Orvex Corp lost $2 billion in the third quarter.",
                "2025-01-28")
    assert (subjects(c["$589 billion"]), c["$589 billion"].metric) == (["Kelmont"], "market value")
    assert c["$2 billion"].metric != "market value"


def test_a_sum_a_company_lost_in_a_quarter_is_its_reported_loss_however_told(nlp):
    # told as a verb, a noun with its period after it or before it: one result, a level with
    # the quarter as its date (a dateline's day does not date it)
    c = by_text(nlp, "Boeing lost about $6 billion in the third quarter. Boeing reported a loss of $6.2 billion for "
                     "the third quarter. Oct. 23 (AP) -- Boeing reported a third quarter net loss of $6.17 billion. "
                     "Boeing reports $6.1 billion third-quarter loss.", "2024-10-23")
    for figure in ("$6 billion", "$6.2 billion", "$6.17 billion", "$6.1 billion"):
        assert (c[figure].metric, c[figure].direction, c[figure].date) == ("loss", None, "2024-07-01/2024-09-30"), figure
    # a market value lost this year is still a move
    c = by_text(nlp, "Nvidia has lost $500 billion in market value this year.", "2024-10-23")
    assert (c["$500 billion"].metric, c["$500 billion"].direction) == ("market value", "down")


def test_a_percentage_drop_that_erased_a_sum_is_a_share_price_move(nlp):
    c = by_text(nlp, "Kelmont lost $589 billion on Monday. This eclipses Kelmont's previous record of a 9% drop in "
                     "September that erased $279 billion in value.", "2025-01-28")
    assert (subjects(c["9%"]), c["9%"].metric, c["9%"].direction) == (["Kelmont"], "share price", "down")


def test_a_move_at_the_market_open_is_framed_as_the_open(nlp):
    c = by_text(nlp, "Kelmont shares tumbled 13% at market open on Monday, and Orvex Corp rose 2% at the opening bell.",
                "2025-01-28")
    assert (c["13%"].frame, c["2%"].frame) == ("open", "open")


# ------------------------------------------------------------------ session 28: pages of a record gain and an election


@pytest.mark.parametrize("text, figure, subject", [
    # "its" after a record "set by" a company: the company that set it, not a source named by "by"
    ("Varo Systems added $96 billion in market value on Friday. The surge in Varo's market value beat the record set "
     "by Kelmont Inc. on March 4, 2022, when its market value rose by $90 billion.", "$90 billion", ["Kelmont"]),
    # a figure on the noun a participle's agents made: every one of them
    ("Varo Systems added $96 billion, topping the $90bn gains made by Kelmont Inc. and Brantwick Corp. in 2022.",
     "$90bn", ["Kelmont", "Brantwick"]),
    # the thing a verb changes "by" an amount, owned by a name, is the name's (not the cause's)
    ("Varo Systems shares jumped. This strong showing lifted Varo Systems's market value by about $90 billion.",
     "$90 billion", ["Varo Systems"]),
    # a name in a participle clause that opens the sentence is not what "its" stands for
    ("Varo Systems shares rose 20% on Friday. Overtaking Kelmont's $90 billion gain, the rally added $96 billion to "
     "its market value.", "$96 billion", ["Varo Systems"]),
])
def test_subjects_of_records_set_by_others(nlp, text, figure, subject):
    assert subjects(by_text(nlp, text)[figure]) == subject


@pytest.mark.parametrize("text, figure, subject", [
    ("The Northern Alliance, led by Dana Whitlock, won 212 parliamentary seats in the election.", "212", ["Northern Alliance"]),
    ("Dana Whitlock's Northern Alliance won a landslide. The Northern Alliance secured a total of 212 seats.", "212",
     ["Northern Alliance"]),
    ("It was better news for the Greens, who secured four seats in parliament.", "four", ["Greens"]),
    ("In third place was the Northern Alliance, a party with a 14% vote share and five seats.", "five",
     ["Northern Alliance"]),
    ("The Northern Alliance won a landslide. The Northern Alliance are up by 108 seats.", "108", ["Northern Alliance"]),
])
def test_a_count_a_named_party_wins_or_holds_is_the_partys(nlp, text, figure, subject):
    assert subjects(by_text(nlp, text)[figure]) == subject


def test_a_count_nothing_named_holds_is_the_counted_thing(nlp):
    found = by_text(nlp, "The storm destroyed 300 homes, and counting went on with two seats yet to be declared.")
    assert (subjects(found["300"]), subjects(found["two"])) == (["homes"], ["seats"])


def test_a_count_of_shares_someone_owns_has_no_share_price(nlp):
    claim = by_text(nlp, "The payout is large for Varo's chief executive, Dana Whitlock, who owns about 350 million "
                         "Varo Class A and Class B shares.")["350 million"]
    assert (claim.metric, claim.unit.split()[-1]) == (None, "share")


def test_a_market_value_that_surges_by_an_amount_is_market_value(nlp):
    found = by_text(nlp, "Varo Systems saw its stock market value surge by $96 billion in a single day. Kelmont, "
                         "which had seen its market value surge by $90 billion in 2022, held the record.")
    assert (found["$96 billion"].metric, found["$90 billion"].metric) == ("market value", "market value")
    assert subjects(found["$90 billion"]) == ["Kelmont"]


def test_a_move_during_the_session_is_the_days_move_not_intraday(nlp):
    found = claims_of(nlp, "During the session, Varo's stock soared by 20.3%. Kelmont's stock slid 4% during the "
                           "trading session. Brantwick fell as much as 9% during trading.")
    assert [(c.text, c.frame) for c in found] == [("20.3%", None), ("4%", None), ("9%", "intraday")]


def test_a_share_of_the_vote_is_a_vote_share_and_of_a_market_no_share_price(nlp):
    found = by_text(nlp, "The Northern Alliance won 71 seats on a 12.2% share of the vote. Kelmont holds a 20% share "
                         "of the market.")
    assert (found["12.2%"].metric, found["20%"].metric) == ("vote share", "market share")


def test_the_parent_of_a_named_company_is_the_storys_company_and_its_erased_sum_market_value(nlp):
    found = by_text(nlp, "Varo Platforms reported results on Wednesday. Varo Platforms said sales rose. The Photobook "
                         "parent plunged 22% in early U.S. trading, putting it on track to erase about $195 billion.",
                    "2022-02-03")
    assert [(subjects(c), c.metric, c.frame) for c in (found["22%"], found["$195 billion"])] == [
        (["Varo Platforms"], "share price", "intraday"), (["Varo Platforms"], "market value", None)]


def test_hyphenated_basis_and_percentage_points_and_a_reduction_are_the_banks_rate_change(nlp):
    found = by_text(nlp, "The Halden Reserve Bank made a 50-basis-point reduction in its benchmark rate on Wednesday. "
                         "Inflation fell by a 2-percentage-point margin.", "2024-09-18")
    assert (found["50-basis-point"].unit, subjects(found["50-basis-point"]), found["50-basis-point"].direction) == (
        "percentage point", ["Halden Reserve Bank"], "down")
    assert found["2-percentage-point"].unit == "percentage point"


def test_a_reading_as_of_a_day_does_not_date_the_next_sentence(nlp):
    found = by_text(nlp, "Traders saw a 64% probability of a half-point cut as of Tuesday, according to futures data. "
                         "The Halden Reserve Bank lowered its target range to 4.75% to 5%.", None)
    assert found["4.75% to 5%"].weekday is None


@pytest.mark.parametrize("text, figure, subject", [
    # a parent named beside its description is that name, however it is parsed
    ("Varo fell 17% on Monday. Other technology companies faced similar downturns, with Kelmont Systems declining "
     "2.14 percent and Alphabet, Google’s parent company, dropping over 4 percent.", "4 percent", ["Alphabet"]),
    # a count a description holds is given to no guessed holder
    ("The Federal Deposit Insurance Corporation took control of the bank. The firm was established in 2001 and has "
     "40 domestic locations in five states.", "40", ["locations"]),
])
def test_a_description_is_the_name_beside_it_or_no_guess(nlp, text, figure, subject):
    assert subjects(by_text(nlp, text)[figure]) == subject


def test_a_share_of_a_market_is_the_holders_market_share(nlp):
    found = by_text(nlp, "With about 9,000 customers and a 24% market share, Orvex leads. Halvard holds a 30% share of "
                         "the market. Kelmont's market share rose 2 points.")
    assert (found["24%"].metric, subjects(found["24%"])) == ("market share", ["Orvex"])
    assert (found["30%"].metric, subjects(found["30%"])) == ("market share", ["Halvard"])
    assert found["2 points"].metric == "market share"


def test_an_executives_total_compensation_is_pay_and_a_payout_in_compensation_is_not(nlp):
    found = by_text(nlp, "Orvex's chief executive Ana Ruiz recorded more than $230 million in total compensation. "
                         "The state will have to pay Kelmont up to €20 billion in compensation.")
    assert (found["$230 million"].metric, found["€20 billion"].metric) == ("pay", None)


def test_a_figure_after_a_names_possessive_is_that_names(nlp):
    found = by_text(nlp, "Kelmont Air had a bad weekend. On Friday, it canceled about 1,200 flights compared to "
                         "United’s 649, American’s 408 and Southwest’s 234.")
    assert [subjects(found[f]) for f in ("649", "408", "234")] == [["United"], ["American"], ["Southwest"]]


def test_damage_in_money_is_the_damage_of_what_caused_it(nlp):
    found = by_text(nlp, "The damage from Hurricane Kora could total more than $160 billion. The storm caused $2 billion "
                         "in damage in Tampa.")
    assert (found["$160 billion"].metric, subjects(found["$160 billion"])) == ("damage", ["Hurricane Kora"])
    assert found["$2 billion"].metric == "damage"


def test_a_models_designation_is_no_figure_anywhere_in_the_text(nlp):
    found = by_text(nlp, "Kelmont Air grounded all of its 747 MAX-9 jets after the Orvex 747 lost a panel. Orvex is a "
                         "committed partner on the 747 program, and the airline rebooked passengers on a 747-900ER. "
                         "Regulators grounded 171 planes.")
    assert "747" not in found and "171" in found


def test_a_runways_letter_is_no_unit(nlp):
    assert "28L" not in by_text(nlp, "The jet took off from runway 28L in Kelby and landed on Runway 10R.")


def test_passengers_and_crew_counted_without_a_cue_are_on_board(nlp):
    found = by_text(nlp, "The jet landed safely with 174 passengers and six crew members. Three passengers were hurt.")
    assert (found["174"].metric, found["six"].metric, found["Three"].metric) == ("on board", "on board", "injured")


def test_people_trapped_are_their_own_count(nlp):
    found = by_text(nlp, "There were 736 injured and 77 people trapped, officials said. Rescuers tried to free more than "
                         "100 people trapped in tunnels near Kelby.")
    assert (found["736"].metric, found["77"].metric, found["100"].metric) == ("injured", "trapped", "trapped")


def test_a_figure_right_after_a_verb_of_change_is_that_verbs_subjects(nlp):
    # the small model hangs "15.8 per cent" on the second clause's subject
    found = by_text(nlp, "Computer chip maker Osaka Electron dived 15.8 per cent and Halvard Financial Group lost "
                         "18.4 per cent.")
    assert (subjects(found["15.8 per cent"]), found["15.8 per cent"].direction) == (["Osaka Electron"], "down")
    assert subjects(found["18.4 per cent"]) == ["Halvard Financial Group"]


def test_an_index_whose_name_holds_its_number_is_named_once(nlp):
    found = by_text(nlp, "Japan's Nikkei 225 stock index plunged more than 12 per cent on Monday.")
    assert subjects(found["12 per cent"]) == ["Nikkei 225"]


def test_buildings_destroyed_or_damaged_and_a_fires_containment_are_metrics(nlp):
    found = by_text(nlp, "Kelby County reported that 14,518 structures were destroyed and 805 homes damaged. The Orvex "
                         "Fire is 27% contained. The district said it had lost two schools. The town has 40,000 homes.")
    assert (found["14,518"].metric, found["14,518"].direction) == ("destroyed", None)
    assert found["805"].metric == "damaged"
    assert (found["27%"].metric, found["27%"].direction) == ("containment", None)
    assert found["two"].metric == "destroyed"
    assert found["40,000"].metric is None
    found = by_text(nlp, "Two buildings have collapsed in Kelby and some people are believed to be trapped.")
    assert found["Two"].metric == "destroyed" and "Two Building" not in subjects(found["Two"])  # a count opens it, no name


def test_a_count_before_a_plural_names_no_structure_but_a_name_may_open_with_a_number(nlp):
    text = "Traffic on the Seven Mile Bridge stopped. Two buildings have collapsed in Kelby."
    assert [s.name for s in named_structures(text, extract_entities(nlp(text), "a1"))] == ["Seven Mile Bridge"]


def test_medals_are_counted_by_metal_and_no_session_frames_them(nlp):
    found = by_text(nlp, "Team Kelby finished the Games with 40 golds. The Orvex delegation got 38 gold, 32 silver and "
                         "19 bronze. Varo won 64 medals in total. Gold rose 2% to $2,400 an ounce. The bank holds 45 gold bars.")
    assert [(found[k].metric, found[k].unit) for k in ("40", "38", "32", "19", "64")] == [
        ("medals", "gold medal"), ("medals", "gold medal"), ("medals", "silver medal"), ("medals", "bronze medal"),
        ("medals", "medal")]
    assert found["40"].frame is None and found["$2,400 an ounce"].metric == "price" and found["45"].metric is None
    assert "gold" not in subjects(found["38"])


def test_a_place_the_clause_before_ends_with_is_no_listed_subject(nlp):
    found = by_text(nlp, "The S&P 500 fell 1.5 per cent on Monday in New York and the Nasdaq 100 tumbled nearly 3 per cent.")
    assert subjects(found["3 per cent"]) == ["Nasdaq 100"]
    assert subjects(by_text(nlp, "Halvard and Varo lost 2% each.")["2%"]) == ["Halvard", "Varo"]
    found = by_text(nlp, "Hopes fade as the death toll after the quake in Kelbania and Orvia passes 20,000.")
    assert subjects(found["20,000"]) == ["Kelbania", "Orvia"]  # one place list, whatever the parse


def test_a_deals_saving_is_a_discount_not_a_price(nlp):
    found = by_text(nlp, "Kelby Plus costs $6.99 a month. Subscribers can save $5/month on the bundle, which is $60 off "
                         "on Friday. Orvex wiped $50 billion off its market value.")
    assert (found["$5/month"].metric, found["$60"].metric) == ("discount", "discount")
    assert found["$50 billion"].metric == "market value"
    assert by_text(nlp, "The fall chopped more than $15 billion off Ana Ruiz's fortune.")["$15 billion"].metric != "discount"
    assert by_text(nlp, "The rout knocked $9 billion off on Monday.")["$9 billion"].metric != "discount"


def test_an_index_s_number_and_its_futures_name_their_own_subjects(nlp):
    # the parser may make an index's number the head of its name ("the Nasdaq 100 dropped")
    found = by_text(nlp, "The S&P 500 fell by 2.3 percent, while the Nasdaq 100 dropped 3.6 percent.")
    assert (subjects(found["3.6 percent"]), found["3.6 percent"].metric) == (["Nasdaq 100"], "index level")
    # futures on an index move before it opens: a contract of their own, not the index nor "futures"
    found = by_text(nlp, "Nasdaq 100 futures were down 3.3%, and chipmaker Kelmont tumbled 13% ahead of the open.")
    assert subjects(found["3.3%"]) == ["Nasdaq 100 futures"] and subjects(found["13%"]) == ["Kelmont"]
    found = by_text(nlp, "Stocks were in the red early on Monday, while S&P 500 Futures and Dow Futures fell 2.6% "
                         "and 1.12% respectively.")
    assert [subjects(found[f]) for f in ("2.6%", "1.12%")] == [["S&P 500 Futures"], ["Dow Futures"]]
    assert subjects(by_text(nlp, "Gold futures rose 1% on Monday.")["1%"]) == ["gold futures"]


def test_a_company_s_move_hung_on_the_description_beside_it_is_its_share_price(nlp):
    # (the parser hangs "dropping" on "company", and the owned company on it as a modifier)
    found = by_text(nlp, "Tech stocks faced similar downturns, with Intel declining 2.1 percent and Alphabet, "
                         "YouTube’s parent company, dropping over 4 percent.")
    assert [(subjects(found[f]), found[f].metric) for f in ("2.1 percent", "4 percent")] == [
        (["Intel"], "share price"), (["Alphabet"], "share price")]


def test_a_change_a_company_undergoes_is_its_share_price_and_a_value_evaporation_its_market_value(nlp):
    found = by_text(nlp, "Apple suffered a 17% drop on Monday. Microsoft saw a single-day drop of over 9% on Tuesday, "
                         "with a market value evaporation of $279 billion.")
    assert [(subjects(found[f]), found[f].metric, found[f].direction) for f in ("17%", "9%", "$279 billion")] == [
        (["Apple"], "share price", "down"), (["Microsoft"], "share price", "down"),
        (["Microsoft"], "market value", "down")]
    assert by_text(nlp, "The Nasdaq suffered a 3% drop on Monday.")["3%"].metric == "index level"


def test_a_sum_in_a_relative_clause_on_a_restated_move_is_the_mover_s(nlp):
    # the drop restates "slid": the sum it "would zap" is the company's, not the story's main one
    text = ("Zentrix shares rose on Monday. Chipmaker Acme slid more than 10% in premarket trading Monday — a drop "
            "that would zap about $340 billion in market value if it were to hold in the cash session. Zentrix "
            "said its sales rose. Zentrix shares rose again.")
    found = by_text(nlp, text, "2025-01-27")
    assert (subjects(found["$340 billion"]), found["$340 billion"].metric) == (["Acme"], "market value")


def test_one_of_a_ranking_counts_nothing(nlp):
    found = by_text(nlp, "The quake killed 20,451 people, a staggering loss of life that makes it one of the "
                         "deadliest temblors in decades. One of the injured died in hospital.")
    assert [(f, found[f].metric) for f in ("20,451", "one", "One")] == [
        ("20,451", "dead"), ("one", None), ("One", "dead")]


def test_a_move_s_verb_read_as_a_plural_noun_keeps_the_metric_before_it(nlp):
    # the tagger reads a sentence-case headline's "tanks" as a noun, "share price" compounded into it
    found = by_text(nlp, "Halvard share price tanks over 9%, suffers record $80 billion rout in market value")
    assert (found["9%"].metric, found["9%"].direction, found["9%"].hedge) == ("share price", "down", ">")


def test_a_spelled_number_opening_a_capitalised_name_counts_nothing(nlp):
    found = by_text(nlp, 'Its market value dropped to third in the world, while Halvard stands among the "Seven Sisters." '
                         "Rescuers found seven workers alive.")
    assert list(found) == ["seven"]
    # a title-case headline capitalises a count like any word, and so does a list after a colon
    assert by_text(nlp, "Seven Workers Killed In Blast At Chemical Plant")["Seven"].metric == "dead"
    assert "Two" in by_text(nlp, "Dana L. Pike: Two Norland County warrants, one out-of-county warrant.")


def test_indices_as_outlets_write_them_and_a_move_verb_read_as_a_noun(nlp):
    found = by_text(nlp, "The Standard & Poor’s 500 index sank 4.8%. The Dow Jones industrial average dropped 4%, "
                         "and the Nasdaq composite tumbled 6%.")
    assert "500" not in found  # the index's number is no figure
    assert [subjects(found[f]) for f in ("4.8%", "4%", "6%")] == [["S&P 500"], ["Dow Jones Industrial Average"],
                                                                   ["Nasdaq"]]
    # "dove" read as a noun (the bird) with the Nasdaq its subject
    found = by_text(nlp, "The Dow Jones fell 4%, the S&P 500 fell nearly 5% and the tech-heavy Nasdaq dove nearly "
                         "6% as investors fled.")
    assert [subjects(found[f]) for f in ("4%", "5%", "6%")] == [["Dow Jones"], ["S&P 500"], ["Nasdaq"]]
    # but not any noun the parser gave a subject ("Rs" of "Rs 40 lakh")
    found = by_text(nlp, "“This was the fourth time I have been deported,” said Aman Dhillon, 24.\n\n"
                         "He said he has spent Rs 24 lakh in the four attempts and Rs 40 lakh on advocacy.")
    assert subjects(found["Rs 40 lakh"]) == ["Aman Dhillon"]
    found = by_text(nlp, "The technology-heavy Nasdaq Composite index saw an even steeper decline, falling by almost "
                         "6 percent.")
    assert (subjects(found["6 percent"]), found["6 percent"].metric) == (["Nasdaq Composite"], "index level")


def test_the_level_a_move_reached_is_the_movers(nlp):
    found = by_text(nlp, "Shares of tech companies were hit hard, with Apple falling 9.25% to $203, Amazon down 8.98% "
                         "to $178, Meta losing 8.96% to $531.60, Nvidia down 7.81% to $101.80, and Ford off 5.96% to "
                         "$9.55. The S&P 500 fell 4.84 percent to 5,396.52.")
    assert [(subjects(found[f]), found[f].metric) for f in ("$203", "$101.80", "$9.55", "5,396.52")] == [
        (["Apple"], "share price"), (["Nvidia"], "share price"), (["Ford"], "share price"),
        (["S&P 500"], "index level")]


def test_a_phone_number_and_a_count_another_count_s_cue_follows_are_no_toll(nlp):
    found = by_text(nlp, "Police asked people to phone 9006 5112 to report people who are missing. Spain is sending "
                         "5,000 more police to the region after floods this week killed at least 211 people.")
    assert "9006" not in found and "5112" not in found
    assert (found["5,000"].metric, found["211"].metric) == (None, "dead")


def test_a_phone_number_with_its_country_code_is_no_figure(nlp):
    found = by_text(nlp, "For tips write to desk@example.org.\n+91 7012345678\nOrvex closed at 41.20 dollars on Friday, "
                         "up +3.5% on the week.")
    assert sorted(found) == ["+3.5%", "41.20 dollars"]
    found = by_text(nlp, "Relatives can call the consulate (+966512345678) or the ministry's hotlines (23456781, "
                         "23456782, 23456799). About 700 people are still missing.")
    assert sorted(found) == ["700"]


def test_the_former_and_the_latter_are_the_pair_named_before(nlp):
    found = by_text(nlp, "The slump dragged down the Dow Jones and the Nikkei 225, two closely watched indexes. "
                         "The former fell 1.4%, while the latter fell 2.9%.")
    assert (subjects(found["1.4%"]), subjects(found["2.9%"])) == (["Dow Jones"], ["Nikkei 225"])


def test_a_participle_after_a_relative_clause_goes_on_with_that_clauses_subject(nlp):
    found = by_text(nlp, "European shares fell on Wednesday following the Frankfurt rout, which saw Kelmont drop by "
                         "12 percent, losing $40 billion in market value.")
    assert subjects(found["$40 billion"]) == ["Kelmont"]
    found = by_text(nlp, "Markets steadied after the Frankfurt rout, which wiped $90 billion off European stocks, "
                         "sending investors to bonds.")
    assert "Kelmont" not in subjects(found["$90 billion"])


def test_the_stock_in_an_adverbial_clause_is_the_main_clauses_company(nlp):
    found = by_text(nlp, "Harlow Foods lost $17 billion in a 15% decline on March 16, 2020, as the market collapsed.\n\n"
                         "Varo Systems lost $16 billion in market value on October 25, 2023, after the stock slid 9% on "
                         "news that its cloud unit missed estimates.")
    assert subjects(found["9%"]) == ["Varo Systems"]


def test_each_listed_name_owns_the_move_written_beside_it(nlp):
    found = by_text(nlp, "Kelmont (KLMT) fell more than 16% intraday, with Varo Systems (VARO) down 10%, Ostrava "
                         "Holdings (OSTH) 6% lower, and Brightwell (BRWL) slumping over 12%.")
    assert [subjects(found[f]) for f in ("10%", "6%", "12%")] == [["Varo Systems"], ["Ostrava Holdings"], ["Brightwell"]]


def test_a_close_told_with_the_time_of_day_after_the_figure_is_the_close(nlp):
    found = by_text(nlp, "Kelmont's stock closed at $142.62 a share on Friday afternoon. In afternoon trading on Monday, "
                         "it fell to $120.")
    assert (found["$142.62 a share"].frame, found["$120"].frame) == ("close", "intraday")


def test_a_hyphenated_word_of_a_move_before_the_figure_only_describes_it(nlp):
    found = by_text(nlp, "From Friday to Monday, Kelmont's stock plummeted a jaw-dropping 16.9%.")
    assert (subjects(found["16.9%"]), found["16.9%"].metric, found["16.9%"].direction) == (
        ["Kelmont"], "share price", "down")


def test_a_company_s_move_told_by_a_participle_or_after_with_is_its_stock_s(nlp):
    led = by_text(nlp, "Kelmont shares rose on Friday. On Monday, chipmaker Kelmont led a rout on Wall Street, "
                       "falling nearly 17 per cent on fears of cheaper rivals.", "2025-01-28")
    assert (subjects(led["17 per cent"]), led["17 per cent"].metric) == (["Kelmont"], "share price")
    after = by_text(nlp, "Kelmont shares rose on Friday. Tokyo-listed chip stocks tanked on Monday, with Kelmont "
                         "down 11 percent.", "2025-01-28")
    assert (subjects(after["11 percent"]), after["11 percent"].metric) == (["Kelmont"], "share price")
    added = by_text(nlp, "Among other stocks, Ryanair added 2.1% after the carrier posted a bigger profit. The fund "
                         "added 5% to its stake in Kelmont.", "2025-01-28")
    assert added["2.1%"].metric == "share price"
    assert added["5%"].metric is None  # what one adds to a stake is no move of a stock


def test_a_weekday_after_a_company_s_change_noun_dates_the_change(nlp):
    found = by_text(nlp, "Kelmont shares rose 9% on Tuesday. Kelmont's 17% freefall Monday was prompted by investor "
                         "anxieties.", "2025-01-28")
    assert (found["17%"].metric, found["17%"].direction, found["17%"].date) == ("share price", "down", "2025-01-27")


def test_an_index_level_after_its_move_and_at_is_the_index_s_level(nlp):
    found = by_text(nlp, "The broader Topix was up 0.45 per cent at 2,770.5. The Nikkei ended the morning session "
                         "down 0.57 per cent at 39,340.15.", "2025-01-28")
    assert [(subjects(found[k]), found[k].metric) for k in ("2,770.5", "0.57 per cent", "39,340.15")] == [
        (["Topix"], "index level"), (["Nikkei"], "index level"), (["Nikkei"], "index level")]


def test_a_which_the_parser_hung_on_the_verb_stands_for_the_noun_before_its_comma(nlp):
    found = by_text(nlp, "A Chinese startup launched a model. The news rattled European tech stocks as well, which "
                         "slid 4.5%.", "2025-01-28")
    assert subjects(found["4.5%"]) == ["tech"]


def test_an_amount_that_sizes_a_company_is_its_market_value(nlp):
    found = by_text(nlp, "Kelmont shares fell 17% on Monday. Despite the slump, Kelmont remains a $2.90 trillion "
                         "company. Varo, a $40 billion firm, fell 3%. The $11.4 million bridge collapsed.", "2025-01-28")
    assert [(subjects(found[k]), found[k].metric) for k in ("$2.90 trillion", "$40 billion")] == [
        (["Kelmont"], "market value"), (["Varo"], "market value")]
    assert found["$11.4 million"].metric == "cost"  # a thing's size in money is what it costs


def test_its_after_a_company_s_change_noun_is_the_company_s(nlp):
    # (not the organisation named between them)
    found = by_text(nlp, "Kelmont's Monday plunge (UST) wiped close to $600 billion from its market capitalisation, "
                         "analysts at Brisco said.", "2025-01-28")
    assert (subjects(found["$600 billion"]), found["$600 billion"].metric) == (["Kelmont"], "market value")


def test_a_bare_dollar_sum_converting_a_us_dollar_sum_is_the_page_s_own_dollar(nlp):
    """An Australian or New Zealand paper gives its readers the sum in their dollar too."""
    found = by_text(nlp, "Kestrel sank 17 per cent and erased about US$593 billion ($944 billion) in market value. "
                         "Its rival paid $12 million for the site.")
    assert (found["US$593 billion"].unit, found["$944 billion"].unit, found["$12 million"].unit) \
        == ("USD", "DOLLAR", "USD")


def test_a_session_s_moves_in_later_paragraphs_are_of_the_day_the_lead_tells_of(nlp):
    """A report published the morning after: "finished down" in the third paragraph is Monday's
    close, not Tuesday's; a toll later in a story is the day it was reported."""
    text = ("Investors sold chip stocks on Monday, shaving $92 billion off Kestrel's market value.\n\n"
            "The index fell 3.1% on Monday.\n\n"
            "The next-biggest drag was Orvex Systems, which finished down 7.4%.")
    found = by_text(nlp, text, published="2025-03-11")
    assert (found["7.4%"].date, found["7.4%"].date_source) == ("2025-03-10", "lead")
    toll = by_text(nlp, "A bridge collapsed in the city on Monday.\n\nThe death toll rose to 39, officials said.",
                   published="2025-03-12")
    assert toll["39"].date == "2025-03-12"


def test_a_sum_of_its_valuation_is_the_company_its_names_not_the_story_s(nlp):
    """The story is Intel's (named most); "its" in the sum's own phrase is Broadcom's."""
    text = ("Intel caused the chip market to wobble this week. Intel's cheap model led to mass sell-offs, and "
            "Intel's rivals took a hit.\n\n"
            "Broadcom was the worst hit by the market tumble, losing 17% of its stock value, equivalent to $600 million "
            "of its overall valuation.")
    assert subjects(by_text(nlp, text)["$600 million"]) == ["Broadcom"]


def test_an_ownerless_market_value_in_a_relative_clause_is_the_antecedent_s(nlp):
    text = ("Intel caused the chip market to wobble this week. Intel's cheap model led to mass sell-offs, and "
            "Intel's rivals took a hit.\n\n"
            "Broadcom, which began the day as the world's most valuable chipmaker with a market capitalisation "
            "exceeding $3.4 trillion, saw its shares plunge nearly 17%.")
    assert subjects(by_text(nlp, text)["$3.4 trillion"]) == ["Broadcom"]


def test_an_erasure_of_market_value_is_a_fall_of_its_witness(nlp):
    found = by_text(nlp, "Tech stocks suffered a selloff on Monday, with chip giant Nvidia witnessing an unprecedented "
                         "$600 billion erasure in market value.")["$600 billion"]
    assert (subjects(found), found.direction, found.metric) == (["Nvidia"], "down", "market value")


def test_the_index_a_description_names_none_of_is_the_index_named_before(nlp):
    found = by_text(nlp, "The Nasdaq Composite fell 3.1% on Monday. The sell-off wiped $1tn in value from the "
                         "leading US tech index. The index lost 3% the week before. The Philadelphia semiconductor "
                         "index fell 9%.")
    assert [(subjects(found[f]), found[f].metric) for f in ("$1tn", "3%", "9%")] == [
        (["Nasdaq Composite"], "market value"), (["Nasdaq Composite"], "index level"),
        (["Philadelphia semiconductor index"], "index level")]


def test_a_participle_after_a_date_set_off_by_commas_is_the_sentence_subject_s(nlp):
    found = by_text(nlp, "Bitcoin shattered the $100,000 barrier for the first time on December 4, 2024, capping a "
                         "meteoric 139% surge this year.")
    assert subjects(found["139%"]) == ["Bitcoin"]


def test_a_possessed_sum_a_verb_of_passing_takes_is_its_owner_s_as_it_stands(nlp):
    found = by_text(nlp, "Apple's market value rose 3% to $3.45 trillion, surpassing Nvidia's $2.9 trillion. The toll "
                         "surpassed 20,000 on Monday.")
    assert (subjects(found["$2.9 trillion"]), found["$2.9 trillion"].hedge, found["20,000"].hedge) == (["Nvidia"], "=", ">")


def test_a_day_owning_the_event_a_move_came_after_is_not_the_move_s_day(nlp):
    text = ("After Monday's rout, Kelmont shares rose 9%. Following Monday's sell-off, Ardent gained 5%.\n\n"
            "On Tuesday, Kelmont shares rose 9% after Monday's rout.")
    undated = claims_of(nlp, text, published=None)
    assert [(c.text, c.weekday) for c in undated] == [("9%", None), ("5%", None), ("9%", "Tuesday")]
    dated = claims_of(nlp, text, published="2025-01-29")
    assert [(c.date, c.date_source) for c in dated] == [
        ("2025-01-29", "published"), ("2025-01-29", "published"), ("2025-01-28", "text")]


def test_a_day_owning_what_a_participle_weighs_dates_the_level_it_left(nlp):
    found = by_text(nlp, "Considering Thursday's losses, her net worth slipped to around $55.9 billion.", None)
    assert (found["$55.9 billion"].metric, found["$55.9 billion"].weekday) == ("net worth", "Thursday")
    found = by_text(nlp, "Considering Thursday's losses, her net worth slipped to around $55.9 billion.", "2025-01-25")
    assert found["$55.9 billion"].date == "2025-01-23"


def test_a_listed_figure_whose_verb_is_left_out_is_the_name_s_right_before_it(nlp):
    found = by_text(nlp, "The drop also weighed on the broader market with the S&P 500 down 1.8%, the Nasdaq Composite "
                         "2% and the Dow Jones Industrial Average 1.6% or 543 points.")
    assert [subjects(found[k]) for k in ("1.8%", "2%", "1.6%", "543 points")] == [
        ["S&P 500"], ["Nasdaq Composite"], ["Dow Jones Industrial Average"], ["Dow Jones Industrial Average"]]


def test_shares_a_plan_is_for_are_a_share_sale_not_a_market_value(nlp):
    found = by_text(nlp, "Investors got another scare on Thursday after Harwick Bank announced plans for $1.75 billion "
                         "in common stock and depository shares.")
    assert found["$1.75 billion"].metric == "share sale"


def test_a_capital_raise_is_money_sought_not_a_rise_in_pay(nlp):
    found = by_text(nlp, "Regulators shut Harwick Bank after a failed $2.3 billion capital raise sent its stock crashing. "
                         "Its tellers won a $3,000 raise.")
    assert (found["$2.3 billion"].metric, found["$2.3 billion"].direction) == ("share sale", None)
    assert found["$3,000"].metric == "pay"


def test_a_figure_of_a_name_given_with_its_ticker_is_the_name_s(nlp):
    found = by_text(nlp, "The next-biggest drag was chipmaker Harwick Inc (HWK.O), which finished down 17.4%.")
    assert subjects(found["17.4%"]) == ["Harwick Inc"]


def test_a_change_a_named_subject_suffered_in_a_relative_clause_is_that_subject_s(nlp):
    found = by_text(nlp, "The setback is more than twice the $279 billion drop Kelmont encountered in September.")
    assert subjects(found["$279 billion"]) == ["Kelmont"]
    found = by_text(nlp, "The loss is twice the $41 billion fall that Ardent suffered in May.")
    assert subjects(found["$41 billion"]) == ["Ardent"]


def test_a_paragraph_s_dateline_is_not_the_day_it_tells_of(nlp):
    found = by_text(nlp, "Tuesday, January 28, 2025 - Kelmont saw its stock plummet nearly 17% on Monday. Kelmont's "
                         "market value dropped by $589 billion in a single day.", "2025-01-28")
    assert (found["17%"].date, found["$589 billion"].date) == ("2025-01-27", "2025-01-27")


def test_a_close_a_day_owns_is_the_level_of_the_sentence_s_stock(nlp):
    found = by_text(nlp, "Kelmont shares closed Tuesday's session at $128.99, still well below Friday's $142.62 close.",
                    "2025-01-29")
    assert (subjects(found["$142.62"]), found["$142.62"].date) == (["Kelmont"], "2025-01-24")


def test_a_toll_is_never_a_named_person_s_figure(nlp):
    found = by_text(nlp, "President Dana Pell and Vice President Ori Vance were briefed on Friday about efforts to help "
                         "communities recover from Hurricane Kelby, which ripped through the state Wednesday evening, "
                         "leaving at least 8 dead.", "2024-10-11")
    assert (found["8"].metric, subjects(found["8"])) == ("dead", [])


def test_those_of_a_name_stand_for_that_name_s_figure(nlp):
    found = by_text(nlp, "By Tuesday, Kelmont shares were up nearly 6% in Frankfurt, while those in Varo rose 3.4% and "
                         "data company Orvex rose 2.97%.", "2025-01-28")
    assert [subjects(found[k]) for k in ("6%", "3.4%", "2.97%")] == [["Kelmont"], ["Varo"], ["Orvex"]]


def test_it_in_a_reported_clause_is_the_named_subject_of_the_clause_around_it(nlp):
    found = by_text(nlp, "The Harwick Post reported last week that Dana Pell’s Kelmont Platforms Inc. announced it would "
                         "spend upwards of $65 billion on AI investments in 2025.")
    assert subjects(found["$65 billion"]) == ["Kelmont Platforms"]


def test_a_figure_in_brackets_after_the_company_a_person_holds_a_role_in_is_the_person_s(nlp):
    found = by_text(nlp, "The richest people lost billions on Monday. Dana Pell is a co-founder of Kelmont ($6.3 "
                         "billion); Ori Vance is the CEO of Varo ($5.3 billion). Orvex ($3.4 trillion) trails Harwick.")
    assert [subjects(found[k]) for k in ("$6.3 billion", "$5.3 billion", "$3.4 trillion")] == [
        ["Dana Pell"], ["Ori Vance"], ["Orvex"]]


def test_a_name_right_before_a_moves_adverb_owns_the_figure_and_the_participle_after_it(nlp):
    c = by_text(nlp, "Several chip stocks that had ridden the boom sold off on Monday, with U.S. chipmaker Kelmont down "
                     "almost 17 percent, losing $589 billion in market value.")
    assert [subjects(c[t]) for t in ("17 percent", "$589 billion")] == [["Kelmont"], ["Kelmont"]]
    listed = by_text(nlp, "Stocks fell sharply, with Orvex down 3% and Harwick Mills off 2.1%.")
    assert [subjects(listed[t]) for t in ("3%", "2.1%")] == [["Orvex"], ["Harwick Mills"]]
    # a participle of the main clause's own verb stays the main subject's
    assert subjects(by_text(nlp, "Kelmont fell 17%, losing $50bn.")["$50bn"]) == ["Kelmont"]


def test_a_hyphenated_change_noun_is_one_word(nlp):
    c = claims_of(nlp, "The report triggered a $1 trillion sell-off in chip stocks.")
    assert [(x.value, x.direction) for x in c] == [(1e12, "down")]
    assert subjects(c[0]) != ["sell"]


def test_a_tv_audience_is_one_count_whatever_the_outlet_counts_it_by(nlp):
    texts = ["The final was watched by an average of 123.4 million people in the US.",
             "The final drew 123.4 million viewers across all platforms.",
             "Some 1.5 million viewers tuned in to the debate."]
    assert [(c.unit, c.metric) for t in texts for c in claims_of(nlp, t)] == [("person", "audience")] * 3
    moved = claims_of(nlp, "That audience is up 7% from last year's game.")[0]
    assert (moved.metric, moved.direction) == ("audience", "up")  # a share of a count moves; the count does not
    # watching is no audience when the watched are the count
    assert claims_of(nlp, "Police watched as 2,000 protesters marched.")[0].metric != "audience"


def test_a_title_case_field_and_trade_before_a_name_are_no_part_of_it(nlp):
    text = ("Cybersecurity Firm Veltrix's Shares Drop 11% Following Global Outage\n\n"
            "Cybersecurity firm Veltrix's shares took a plunge this Friday.")
    doc = nlp(text)
    assert [e.name for e in extract_entities(doc, "t").entities] == ["Veltrix"]
    assert subjects(claims_of(nlp, text)[0]) == ["Veltrix"]


def test_a_plurals_possessive_typeset_with_a_curly_apostrophe_owns_the_figure(nlp):
    c = by_text(nlp, "One highlight of the vote was the Liberal Democrats’ 12% vote share, which gave them 71 seats.")
    assert subjects(c["12%"]) == ["Liberal Democrats"]


def test_a_magnitude_named_after_its_figure_and_a_total_of_the_dead(nlp):
    c = by_text(nlp, "Another tremor of 7.5 magnitude followed. Nearly 900 died in the 7.7 and 7.6-magnitude quakes.")
    assert [(c[t].unit, c[t].metric) for t in ("7.5", "7.7", "7.6")] == [("magnitude", "magnitude")] * 3
    total = by_text(nlp, "Medics said 8,574 people had died in Turkey and 2,662 in Syria, bringing the total to 11,236.")
    assert (total["11,236"].unit, total["11,236"].metric) == ("person", "dead")
    assert by_text(nlp, "The firm sold 300 cars in May, bringing the total to 1,200.")["1,200"].metric is None


def test_a_toll_told_in_the_present_perfect_is_of_the_report_not_of_the_day_before(nlp):
    text = ("Losses from the quakes that struck the region on Feb. 6 could reach $84 billion. Nearly 30,000 people "
            "have been confirmed dead.\n\nThe storm hit on Monday. Four people died in the floods.")
    c = by_text(nlp, text, published="2023-02-12")
    assert (c["30,000"].date, c["Four"].date) == ("2023-02-12", "2023-02-06")


def test_a_firm_named_after_its_trade_owns_its_shares_move(nlp):
    c = by_text(nlp, "In Europe, tech stocks on the Stoxx 600 fell 4.5%, while shares of Dutch chipmaker ASML plunged by "
                     "more than 8%. Broadcom fell 16 percent while Dutch firm ASML, which makes lithography machines, "
                     "saw its stock tumble 6.7 percent.")
    assert [subjects(c[t]) for t in ("8%", "6.7 percent")] == [["ASML"], ["ASML"]]


def test_a_range_with_its_currency_on_the_low_end_and_its_scale_on_the_high_is_one_of_money(nlp):
    found = by_text(nlp, "Analysts estimated the storm will cost $15 to 26 billion in property damage. "
                         "The fine was $200 to 4 million.")
    claim = found["$15 to 26 billion"]
    assert (claim.value, claim.bounds.high, claim.unit) == (15e9, 26e9, "USD")
    assert "$200" in found and "4 million" in found  # a low end that the scale would put above the high stays apart


def test_a_title_case_headline_s_verb_ends_the_name_before_it(nlp):
    found = by_text(nlp, "Weatherline Puts Total Damage and Economic Loss From Storm Kora at $145B to $160B\n\n"
                         "Weatherline raised its estimate on Monday.")
    assert subjects(found["$145B to $160B"]) == ["Weatherline"]


def test_the_bank_is_the_one_named_a_bank_not_the_regulator_named_since(nlp):
    found = by_text(nlp, "The FDIC ordered the closure of Harwick Bank on Friday. The bank had US$209 billion in "
                         "assets at the time of failure, the FDIC said in a statement.")
    assert subjects(found["US$209 billion"]) == ["Harwick Bank"]


def test_decimal_commas_beside_a_currency_s_sign_a_hyphened_scale_or_a_minor_unit(nlp):
    found = by_text(nlp, "Thomson agreed to buy the agency for about £8,7-billion ($17,2-billion). The offer of 352,5 "
                         "pence per share was fair. Sales rose to R4,5 billion. Shares fell 16,9% to €12,40. They paid "
                         "$1,500 for 3,5 and 7 units.")
    assert [(t, found[t].value, found[t].unit) for t in ("£8,7-billion", "$17,2-billion", "R4,5 billion", "€12,40")] == [
        ("£8,7-billion", 8.7e9, "GBP"), ("$17,2-billion", 17.2e9, "USD"), ("R4,5 billion", 4.5e9, "ZAR"),
        ("€12,40", 12.4, "EUR")]
    assert found["352,5 pence per share"].value == 3.525 and found["$1,500"].value == 1500
    assert "3,5" not in found  # a bare pair stays what it may be, a list


def test_a_month_on_another_figure_s_noun_the_parser_joined_to_the_verb_dates_that_figure_only(nlp):
    found = by_text(nlp, "The $589 billion drop represents the largest one-day market value wipeout in history, "
                         "eclipsing Halvard’s own $279 billion loss in September 2024 and Orvex’s $251 billion decline "
                         "in February 2022.", published="2025-01-28")
    assert [found[t].date for t in ("$589 billion", "$279 billion", "$251 billion")] == [None, "2024-09", "2022-02"]


def test_a_close_in_pence_or_cents_is_a_close(nlp):
    found = by_text(nlp, "Reuters shares closed at 605.5 pence. Orvex shares ended at 50 cents. Rescuers found 76 "
                         "survivors by Wednesday morning.")
    assert [found[t].frame for t in ("605.5 pence", "50 cents", "76")] == ["close", "close", None]


def test_a_metric_a_verb_changes_by_an_amount_is_its_owner_s_not_the_cause_s(nlp):
    found = by_text(nlp, "Halvard fell on Monday. The rout cut the market value of Microsoft by $20 billion.",
                    published="2025-01-28")
    assert subjects(found["$20 billion"]) == ["Microsoft"]


def test_a_company_s_loss_of_money_in_a_sentence_of_its_market_value_is_of_its_market_value(nlp):
    found = by_text(nlp, "Halvard shares fell 17% on Monday. Halvard suffered a $589 billion loss on Monday, the "
                         "biggest one-day loss in market value in US history. Orvex posted a $1.6 billion loss in the "
                         "quarter as its market value fell.", published="2025-01-28")
    assert found["$589 billion"].metric == "market value"
    assert found["$1.6 billion"].metric != "market value"  # a reported result stays one


def test_a_day_s_possessive_before_a_figure_is_when_not_whose(nlp):
    found = by_text(nlp, "Halvard shares rose on Tuesday. Despite Monday’s 17% drop, analysts believe Halvard could "
                         "bounce back.", published=None)
    assert subjects(found["17%"]) == ["Halvard"]


def test_the_company_of_the_next_sentence_is_the_main_clause_s_not_one_named_in_a_clause_inside(nlp):
    found = by_text(nlp, "Halvard Corp. shares fell. Halvard has suffered the largest single-day market value loss in "
                         "U.S. history, shedding nearly $600 billion amid fears that a new model from Chinese startup "
                         "Orvex could disrupt the industry.\n\nThe company’s stock plunged 17%, closing at $118.58.",
                    published=None)
    assert subjects(found["17%"]) == ["Halvard"] and subjects(found["$118.58"]) == ["Halvard"]
    assert found["$600 billion"].metric == "market value"  # a sum shed in a sentence of market value


def test_what_goods_are_worth_is_no_market_value(nlp):
    found = by_text(nlp, "Orvex said it built its model using just $5.6 million worth of Halvard’s chips. Halvard "
                         "Corp. is worth $2.9 trillion.", published=None)
    assert found["$5.6 million"].metric is None and found["$2.9 trillion"].metric == "market value"


def test_stock_indices_by_their_names_whatever_words_the_sentence_holds(nlp):
    found = by_text(nlp, "The Tokyo Stock Price Index (Topix) dropped by 12.23% on Monday. Italy’s FTSE MIB is down "
                         "1.47% and China’s CSI 300 plunged 7.05%. Hong Kong markets led the region’s losses, with the "
                         "Hang Seng Index down 12.53%. The key indicator, the 225-share Nikkei stock average, plunged "
                         "1,096.22 points, a loss of 4.7 percent. The consumer price index rose 3.1% in May.")
    assert subjects(found["12.23%"]) == ["Tokyo Stock Price Index"]
    assert [found[t].metric for t in ("12.23%", "1.47%", "7.05%", "12.53%", "4.7 percent", "3.1%")] == [
        "index level"] * 5 + ["inflation"]
    assert subjects(found["1,096.22 points"]) == ["Nikkei"]
    found = by_text(nlp, "In total, $94 billion in wealth from tech-sector titans, roughly 85% of the total decline in "
                         "the Bloomberg Billionaires Index, just evaporated. Halvard selloffs have now caused eight of the top 10 biggest one-day drops "
                         "in the S&P 500 index.")
    assert found["85%"].metric != "index level" and found["eight"].metric is None  # a ranking; a count of days


def test_what_a_change_noun_is_a_change_in_names_the_metric_of_the_level_it_reached(nlp):
    found = by_text(nlp, "The report was accompanied by an increase in the unemployment rate to 4.3%. A 5% increase in "
                         "sales helped.")
    assert found["4.3%"].metric == "unemployment" and found["5%"].metric == "revenue"


def test_a_day_on_a_surpassed_figure_s_noun_dates_that_figure_only(nlp):
    found = by_text(nlp, "The Nikkei’s drop of 4,451 points surpassed the 3,836 point decline on Oct. 20, 1987. Acme "
                         "posted a 5% gain on Monday. Halvard's 17% plunge on Monday erased $593 billion.",
                    published="2024-08-06")
    assert found["4,451 points"].date != "1987-10-20" and found["3,836 point"].date == "1987-10-20"
    assert [found[t].date for t in ("5%", "17%", "$593 billion")] == ["2024-08-05"] * 3


def test_a_period_naming_an_extreme_or_a_cue_of_an_aside_is_not_the_figure_s_frame(nlp):
    found = by_text(nlp, "On Monday, the Nikkei plunged to its lowest level this year with a drop of 4,451.28 points "
                         "or 12.4 percent from Friday, refreshing its record intraday drop. Orvex's profit this year "
                         "rose 6%. Halvard shares fell 3% in intraday trading.")
    assert found["4,451.28 points"].frame is None and found["12.4 percent"].frame is None
    assert found["6%"].frame == "period" and found["3%"].frame == "intraday"


def test_thousands_grouped_by_spaces(nlp):
    found = by_text(nlp, "Flooding killed an estimated 11 300 people. More than 10 000 people are missing. On March "
                         "11 300 people fled.")
    assert found["11 300"].value == 11300 and found["10 000"].value == 10000
    assert all(c.value != 11300 for c in claims_of(nlp, "On March 11 300 people fled."))  # a date, then a count


def test_a_figure_a_verb_brings_its_object_to_is_of_the_object_the_parser_set_beside_it(nlp):
    found = by_text(nlp, "According to the reports, the biggest ever single-day market value wipeout has pulled down "
                         "founder and Chief Executive Officer Zuckerberg’s net worth to $85 billion.")
    assert found["$85 billion"].metric == "net worth"


def test_a_price_per_person_is_money_not_a_count_of_people(nlp):
    found = by_text(nlp, "Orvex charged $250,000 per person for the dive. Five people died.")
    assert found["$250,000 per person"].unit == "USD per person" and found["Five"].unit == "person"


def test_a_length_below_the_surface_or_down_to_the_bottom_is_a_depth(nlp):
    found = by_text(nlp, "The wreck sits more than two miles (nearly four kilometers) below the ocean’s surface. The "
                         "craft began a journey to approximately 12,500 feet under the surface of the Atlantic. It "
                         "brings tourists 3,800m down to the bottom of the ocean. The bridge was 1,182 metres long.")
    assert [found[t].metric for t in ("two miles", "four kilometers", "12,500 feet", "3,800m", "1,182 metres")] == [
        "depth", "depth", "depth", "depth", "length"]


def test_what_a_takeover_pays_is_a_deal_value_and_only_a_sum_is_one(nlp):
    found = by_text(nlp, "Halvard agreed to buy Orvex for 3 billion Swiss francs on Sunday. The $3.25 billion deal was "
                         "brokered by regulators. Kelmont's $7.4 billion takeover bid was approved. Orvex shares fell "
                         "64 percent after the deal. He bought a car for $30,000.", published="2023-03-20")
    assert [found[t].metric for t in ("3 billion Swiss francs", "$3.25 billion", "$7.4 billion")] == ["deal value"] * 3
    assert found["64 percent"].metric == "share price" and found["$30,000"].metric != "deal value"
    found = by_text(nlp, "The Halvard group (market capitalisation: $56.52 billion) announced the acquisition of two "
                         "brands from Orvex for $2.3 billion.")
    assert (found["$56.52 billion"].metric, found["$2.3 billion"].metric) == ("market value", "deal value")


def test_a_number_of_people_named_by_their_fate_is_that_count(nlp):
    found = by_text(nlp, "Police said the number of those unaccounted for dropped to 31. The number of dead rose to 12. "
                         "The tally of the injured stands at 40. The number of homes destroyed rose to 500.")
    assert [(found[t].metric, found[t].unit) for t in ("31", "12", "40")] == [
        ("missing", "person"), ("dead", "person"), ("injured", "person")]
    assert found["500"].metric is None and subjects(found["40"]) == []


def test_a_share_ratio_and_a_code_s_number_are_no_figures(nlp):
    found = by_text(nlp, "Kelmont stock is up 124% on the year following a 10-for-1 stock split in June. Its founder "
                         "sold shares under his Rule 10b5-1 trading plan. The G-7 met as the F-35 order rose 5%.")
    assert sorted(found) == ["124%", "5%"]


def test_a_bound_s_up_to_is_no_rise(nlp):
    found = by_text(nlp, "Demand for its chips, often priced up to $25,000 each, drove growth. Inflation picked up to "
                         "2.4%. Shares rose up to 5% in early trade.")
    assert (found["$25,000"].hedge, found["$25,000"].direction) == ("<=", None)
    assert found["5%"].direction == "up"


def test_what_shares_sold_are_worth_is_no_market_value(nlp):
    found = by_text(nlp, "Compounding Kelmont's woes is the sale of nearly $95 million worth of shares by its founder. "
                         "Halvard authorised $110 billion worth of share buybacks.")
    assert (found["$95 million"].metric, found["$110 billion"].metric) == (None, "buyback")


def test_a_move_set_after_a_comma_is_the_named_thing_struck_or_the_name_right_before_the_verb(nlp):
    found = by_text(nlp, "Kelmont Corp fell. The ripple hit the S&P 500 hard, down 2.5%. The blunder was met with a sharp "
                         "selloff and Kelmont, a highly revered AI play, shed 23% on the day. The news hit shares, down 3%.")
    assert subjects(found["2.5%"]) == ["S&P 500"] and subjects(found["23%"]) == ["Kelmont"]
    assert subjects(found["3%"]) == ["news"]


def test_thanks_to_is_no_noun_a_figure_belongs_to(nlp):
    found = by_text(nlp, "Kelmont Holdings listed its shares on Thursday. Kelmont closed its first day with a market "
                         "capitalization of more than $65 billion thanks to the stock having jumped nearly 25%.")
    assert found["$65 billion"].metric == "market value"
    assert [subjects(found[f])[0].split()[0] for f in ("$65 billion", "25%")] == ["Kelmont", "Kelmont"]


def test_what_a_verb_of_valuing_values_is_worth_the_amount(nlp):
    found = by_text(nlp, "Kelmont Holdings listed on Nasdaq. Its owner accepted the banks' advice, valuing Kelmont at "
                         "$54.5 billion. The deal values Orvex at $40 billion.")
    assert (found["$54.5 billion"].metric, subjects(found["$54.5 billion"])[0].split()[0]) == ("market value", "Kelmont")
    assert found["$40 billion"].metric == "deal value"


def test_a_description_is_no_company_its_own_words_name_nor_the_exchange_it_trades_on(nlp):
    found = by_text(nlp, "Japan's SoftBank Group bought Arm in 2016 and said on Wednesday it would keep a 90 per cent "
                         "stake. Shares in chip designer Arm closed up 25 per cent at the end of its first day trading on "
                         "the Nasdaq exchange yesterday, valuing the SoftBank-backed company at more than $65bn.")
    assert (found["$65bn"].metric, subjects(found["$65bn"])) == ("market value", ["Arm"])


def test_a_day_told_relative_to_an_unknown_publication_date_lends_no_other_sentence_s_weekday(nlp):
    found = by_text(nlp, "Japan's Halvard Group bought Kelmont in 2016 and said on Wednesday it would keep a stake. Shares "
                         "in chip designer Kelmont closed up 25 per cent on the Nasdaq exchange yesterday.", published=None)
    assert (found["25 per cent"].weekday, found["25 per cent"].date) == (None, None)


def test_a_noun_in_another_script_is_no_unit(nlp):
    text = ("アームの公開価格は51ドルであったが、初値は+10.0%の56.10ドルとなった。\n\nその後、60ドルを上回る水準で推移し、"
            "取引終了間際に63.59ドルとなった。")
    units = [c.unit for c in claims_of(nlp, text)]
    assert units and all(unit is None or any(ch.isalpha() for ch in unit) for unit in units)


def test_a_sum_lost_in_a_single_day_by_a_company_whose_shares_fell_is_its_market_value(nlp):
    found = by_text(nlp, "Kelmont Corp's share value dropped 17%, which constituted a loss of an eye-popping $589 billion "
                         "in a single day. Orvex Inc shares fell 3% after it reported a loss of $2 billion.")
    assert (found["$589 billion"].metric, found["$2 billion"].metric) == ("market value", "loss")


def test_a_toll_of_a_number_counts_the_dead_whoever_keeps_it(nlp):
    found = by_text(nlp, "Police revised the number of deaths to 97, down from their previous toll of 115.")
    assert (found["115"].metric, found["115"].unit, subjects(found["115"])) == ("dead", "person", [])


def test_others_after_one_person_are_people_too(nlp):
    found = by_text(nlp, "One person died and five others were injured during the attack.")
    assert (found["five"].unit, found["five"].metric) == ("person", "injured")


def test_a_date_s_year_before_a_plural_noun_and_a_lap_s_number_are_no_figures(nlp):
    found = by_text(nlp, "On 10th August 2007 police removed the seals from the doors. Halvard retired on lap 43 after "
                         "a collision, having led 57 laps.")
    assert list(found) == ["57"]


def test_its_stock_after_a_sentence_about_a_company_is_that_company_s(nlp):
    found = by_text(nlp, "DeepSeek AI shook markets. DeepSeek AI became the most downloaded app over the weekend, and "
                         "DeepSeek AI said its model cost little. The impact on tech giants was dramatic. Kelmont Corp, a "
                         "leading designer of AI chips, experienced a historic decline. By the close of U.S. markets on "
                         "Monday, its stock had dropped 17%.")
    assert subjects(found["17%"])[0].startswith("Kelmont")


def test_the_company_below_a_clause_about_a_company_is_that_company(nlp):
    found = by_text(nlp, "DeepSeek launched a cheap model. On Monday, Kelmont Corp saw its shares plunge 17% in response "
                         "to the news about DeepSeek’s AI model, causing the company to lose almost $600 billion in market "
                         "value.")
    assert subjects(found["$600 billion"])[0].startswith("Kelmont")
    found = by_text(nlp, "DeepSeek launched a cheap model. Kelmont Corp makes AI chips. Shares of the AI chip giant "
                         "tumbled over 17%, pushing the company on track for a loss exceeding $600 billion in market value.")
    assert subjects(found["$600 billion"])[0].startswith("Kelmont")


def test_the_figure_of_what_sent_ripples_is_not_the_ripples(nlp):
    found = by_text(nlp, "Kelmont Corp shares tumbled on Tuesday. The steep 12.4% slide sent shockwaves through chip "
                         "stocks worldwide.")
    assert subjects(found["12.4%"])[0].startswith("Kelmont")


def test_a_price_per_share_in_a_clause_whose_subject_is_a_day_is_the_stock_s_before(nlp):
    found = by_text(nlp, "On Thursday, Zorvanta’s stock closed at $88.10 per share, while Friday saw a far lower price "
                         "of $71.25 per share.")
    assert (found["$71.25 per share"].metric, found["$71.25 per share"].unit) == ("share price", "USD")
    assert subjects(found["$71.25 per share"]) == subjects(found["$88.10 per share"]) == ["Zorvanta"]


def test_its_stock_after_a_sentence_about_a_maker_is_the_maker_s_not_an_index_s_two_sentences_back(nlp):
    found = by_text(nlp, "The Nasdaq slid 2.8%, erasing about $900 billion. Several large chip firms were hit hard. "
                         "Kelmont, which designs graphics chips for gaming consoles, suffered the biggest loss in its history. "
                         "Its stock fell by 14%, wiping out nearly $300 billion of its value.")
    assert subjects(found["14%"]) == subjects(found["$300 billion"]) == ["Kelmont"]


def test_the_stock_after_a_sentence_about_a_company_s_shares_is_that_company_s(nlp):
    found = by_text(nlp, "Zorvanta Labs shares rose 4%. Zorvanta Labs said demand was strong, and Zorvanta Labs stock "
                         "rose again. Chipmaker Kelmont’s shares were among the biggest losers on Wednesday. The stock "
                         "lost as much as 8.2 per cent over two sessions.")
    assert subjects(found["8.2 per cent"]) == ["Kelmont"]


def test_an_amount_before_a_change_noun_in_a_headline_is_no_price_tag(nlp):
    found = by_text(nlp, "Zorvanta’s $41.2 billion slump sets record for biggest one-day drop in exchange history")
    assert found["$41.2 billion"].metric != "cost"


def test_names_with_an_s_glued_on_in_a_text_without_apostrophes_are_possessives(nlp):
    found = by_text(nlp, "Kelmont shares fell 11% on Tuesday as Dana Whitlock looked on. The rout wiped $84 billion from "
                         "Kelmonts market value. Whitlocks personal fortune also shrank, losing $3.1 billion.")
    assert subjects(found["$84 billion"]) == ["Kelmont"]
    assert subjects(found["$3.1 billion"]) == ["Dana Whitlock"]
    # where the text writes its possessives with apostrophes, an "s" glued on makes another name
    found = by_text(nlp, "Dana Whitlock's fund rose 5%. The Whitlocks family trust gained $2 billion.")
    assert subjects(found["$2 billion"]) != ["Dana Whitlock"]


def test_the_number_of_a_company_s_users_is_the_company_s_figure(nlp):
    found = by_text(nlp, "Kelmont shares fell 9% on Friday. The finance chief conceded the number of users had slipped "
                         "from 182m to 179m over the quarter.")
    assert subjects(found["182m to 179m"]) == ["Kelmont"]
    assert (found["182m to 179m"].unit, found["182m to 179m"].metric) == ("person", "users")


def test_the_words_of_a_per_cent_figure_are_not_the_owner_of_its_drop(nlp):
    found = by_text(nlp, "Kelmont's shares had a rough Friday, with a nearly six per cent drop knocking $40bn off its "
                         "market value.")
    assert subjects(found["six per cent"]) == ["Kelmont"]


def test_a_hyphened_word_of_capitals_after_an_index_s_name_is_part_of_it(nlp):
    found = by_text(nlp, "The FTSE 250 gained 96.20 points, 0.5%, at 21,114.80, while the AIM All-Share slipped 2.14 "
                         "points, 0.3%, at 702.56.")
    assert subjects(found["2.14 points"]) == subjects(found["702.56"]) == ["AIM All-Share"]


def test_those_sent_to_help_are_not_counted_as_the_victims_near_them(nlp):
    found = by_text(nlp, "Officials said on Sunday they were deploying 6,000 more soldiers and police officers to support "
                         "the victims, three days after mudslides which left at least 148 dead. Nearly 9,000 troops were "
                         "already in the province that has seen most of the deaths. Two firefighters were hurt and 4 "
                         "soldiers were killed in the landslide. Crews moved 2,000 residents after storms left 30 dead.")
    assert found["6,000"].metric is None and found["9,000"].metric is None
    assert (found["148"].metric, found["Two"].metric, found["4"].metric) == ("dead", "injured", "dead")
    assert found["2,000"].metric != "dead" and found["30"].metric == "dead"  # the count right before the cue is its own


def test_an_event_s_death_toll_counts_people_not_the_event(nlp):
    # another outlet counts the same dead as "63 people": the storm is no group of people
    claim = by_text(nlp, "Storm Varna death toll rises to 63 as rescuers search flooded villages.")["63"]
    assert (subjects(claim), claim.metric) == ([], "dead")
    # a disaster the model types as a facility, named in a title-case headline
    claim = by_text(nlp, "Eaton Fire Death Toll Climbs to 16 as Crews Gain Ground\n\nThe Eaton Fire has burned 14,000 "
                         "acres near Pasadena.")["16"]
    assert (subjects(claim), claim.metric) == ([], "dead")


def test_a_river_s_level_is_its_height_and_the_river_is_the_one_named_before(nlp):
    found = by_text(nlp, "The level of the Ostra river reached 8.9 metres in the city on Monday. By Tuesday the level of "
                         "the river had risen another 12 centimetres.")
    assert [(c.metric, subjects(c)) for c in found.values()] == [("height", ["Ostra"])] * 2


def test_what_a_rain_gauge_reads_in_a_clause_of_rain_is_rainfall(nlp):
    found = by_text(nlp, "Record rains dumped 600 millimetres (nearly 24 inches) of water on the coast, and forecasters "
                         "expect more storms with volumes exceeding 100 millimetres. Rain fell on a 5-inch pipe.")
    assert [found[t].metric for t in ("600 millimetres", "24 inches", "100 millimetres", "5-inch")] == \
        ["rainfall", "rainfall", "rainfall", "length"]


def test_the_company_is_not_the_exchange_it_is_listed_on(nlp):
    found = by_text(nlp, "Halvex Systems stock surged 30% on Tuesday.\n\nOn Tuesday, shares of the embattled server maker "
                         "rose after it named a new auditor and submitted a plan to Nasdaq outlining its efforts to regain "
                         "compliance with the exchange.\n\nDespite climbing 50% in two days, the company has lost "
                         "three-quarters of its value since March, wiping out roughly $54 billion in market cap.")
    assert subjects(found["$54 billion"]) == subjects(found["50%"]) == ["Halvex Systems"]


def test_a_cue_after_the_last_figure_of_a_list_is_that_figure_s_moment(nlp):
    found = by_text(nlp, "Shares of Halvex plunged 33% on Wednesday, another 12% on Thursday in regular trading, and "
                         "another 3% afterhours. Chip stocks dropped premarket, with Varo down over 18% and Qorin down 6%.")
    assert [(found[t].frame, subjects(found[t])) for t in ("33%", "12%", "3%")] == \
        [(None, ["Halvex"]), (None, ["Halvex"]), ("after-hours", ["Halvex"])]
    assert found["18%"].frame == found["6%"].frame == "pre-market"  # a cue before a list is all of it's


def test_a_change_someone_saw_happen_is_a_change_not_a_range(nlp):
    found = by_text(nlp, "Kelmont's founder watched his net worth drop $20.8 billion to $103.6 billion.")
    assert [(c.text, c.direction) for c in found.values()] == [("$20.8 billion", "down"), ("$103.6 billion", None)]


def test_a_move_in_brackets_after_a_name_and_a_word_of_order_is_that_name_s(nlp):
    found = by_text(nlp, "If spending slows, the pain hits Kelmont first (down 17%), then TSMC next (-13%), then QRN (-6%).")
    assert [subjects(c) for c in found.values()] == [["Kelmont"], ["TSMC"], ["QRN"]]


def test_the_previous_session_s_move_is_of_the_day_before(nlp):
    found = by_text(nlp, "Halvex shares fell 16% on Monday, building on the previous session’s slump of about 33%.",
                    published="2024-11-05")
    assert (found["16%"].date, found["33%"].date) == ("2024-11-04", "2024-11-01")  # (a Monday's: the Friday before)


def test_a_mark_or_level_a_figure_names_is_no_price_tag(nlp):
    found = by_text(nlp, "Qorincoin topped the $100,000 mark for the first time on Thursday. Brent crude rose above the "
                         "$90 level. The city approved a $12 million bridge.")
    assert "cost" not in (found["$100,000"].metric, found["$90"].metric) and found["$12 million"].metric == "cost"


def test_who_after_a_description_naming_a_company_is_the_person_described(nlp):
    found = by_text(nlp, "Others caught up included Larry Ellison, the co-founder of US software giant Oracle, who saw "
                         "£16.5billion knocked off his net worth.")
    assert subjects(found["£16.5billion"]) == ["Larry Ellison"]


def test_a_name_in_apposition_to_a_listed_description_takes_its_figure_respectively(nlp):
    found = by_text(nlp, "AI powerhouses Microsoft (MSFT.O) and Google parent Alphabet (GOOGL.O) dropped 2.1% and 4.2%, "
                         "respectively.")
    assert [subjects(found[t]) for t in ("2.1%", "4.2%")] == [["Microsoft"], ["Alphabet"]]


def test_a_company_s_name_cut_before_its_legal_form_keeps_no_ampersand(nlp):
    found = by_text(nlp, "These new estimates surpass JPMorgan Chase & Co.’s initial estimate of $20 billion.")
    assert subjects(found["$20 billion"]) == ["JPMorgan Chase"]


def test_listed_names_the_model_did_not_all_tag_take_their_figures_in_order(nlp):
    # "respectively" after the figures, or "their respective" before them
    for text in ("In Ireland, data centre landlords Kelmont Group, VARDEX, and Orvale Infrastructure REIT recorded "
                 "declines of 6.4%, 6.2%, and 11.1%, respectively, on the news.",
                 "In Ireland, data centre landlords like Kelmont Group, VARDEX, and Orvale Infrastructure suffered steep "
                 "losses, with their respective shares dropping by 6.4%, 6.2%, and 11.1%."):
        found = by_text(nlp, text)
        assert [subjects(found[t])[0].split()[0] for t in ("6.4%", "6.2%", "11.1%")] == ["Kelmont", "VARDEX", "Orvale"]


def test_a_date_after_a_record_set_is_the_record_s_not_the_figure_s(nlp):
    found = by_text(nlp, "By shedding nearly $589 billion in a single day, Halvex flew past its own record set last fall.",
                    published="2025-01-28")
    assert found["$589 billion"].date is None  # the parser hangs "last fall" on "flew"
    found = by_text(nlp, "Halvex hit a record high of $150 on Monday.", published="2025-01-28")
    assert found["$150"].date == "2025-01-27"


def test_a_time_written_with_a_dot_is_no_measure(nlp):
    found = claims_of(nlp, "The largest earthquake measured at a depth of 9.6 kilometers, at 18.35 last night. Kelmont "
                           "shares closed at 18.35 on Monday.")
    assert [(c.text, c.metric) for c in found] == [("9.6 kilometers", "depth"), ("18.35", "share price")]


def test_a_decimal_comma_with_a_magnitude_or_a_metric_unit(nlp):
    found = by_text(nlp, "A magnitude 2,9 earthquake was detected on Sunday. The ash cloud rose 3,5 km.")
    assert (found["2,9"].value, found["3,5 km"].value) == (2.9, 3500)


def test_an_unnamed_rupee_on_a_page_about_a_rupee_country_is_that_country_s(nlp):
    found = by_text(nlp, "Patients at the Kathmandu hospital in Nepal pay Rs 3,000 a night. Nepali families earn 5,000 "
                         "rupees a month. Visitors from India pay ₹500.")
    assert [found[t].unit for t in ("Rs 3,000 a night", "5,000 rupees a month", "₹500")] == [
        "NPR per night", "NPR per month", "INR"]
    found = by_text(nlp, "Farmers in Punjab earn Rs 3,000 a day.")
    assert found["Rs 3,000 a day"].unit == "INR per day"


def test_a_company_whose_chief_is_the_subject_is_what_a_new_description_stands_for(nlp):
    found = by_text(nlp, "Microsoft said it had helped. Halvex CEO Dana Whitcombe has apologized on behalf of his company. "
                         "The software company lost 11 percent of its value on Friday.")
    assert subjects(found["11 percent"]) == ["Halvex"]


def test_what_it_costs_to_rebuild_a_thing_is_that_thing_s_cost(nlp):
    found = by_text(nlp, "Officials told lawmakers that it could cost at least $2 billion to rebuild the Kelmont Bridge, "
                         "which collapsed.")
    assert (subjects(found["$2 billion"]), found["$2 billion"].metric) == (["Kelmont Bridge"], "cost")


def test_a_group_s_size_before_it_is_no_toll(nlp):
    found = by_text(nlp, "Six of an eight-man construction crew are believed to have been killed in the collapse.")
    assert (found["Six"].metric, found["eight"].metric) == ("dead", None)
    found = by_text(nlp, "Fortunately, none of the 22 crew members were injured.")
    assert found["22"].metric is None


def test_a_place_before_an_owned_noun_is_where_not_whose(nlp):
    found = by_text(nlp, "The largest chip foundry, TSMC, saw its U.S. stock drop 6.5%, and another foundry, GlobalFoundries, "
                         "fell 8.6%.")
    assert subjects(found["6.5%"]) == ["TSMC"]


def test_a_move_so_far_in_a_year_is_of_that_period(nlp):
    found = by_text(nlp, "So far in 2025, Kelmont shares have lost 10% of their value. Year-to-date, Ardent is down 5%.",
                    published="2025-02-27")
    assert [(found[t].frame, found[t].date) for t in ("10%", "5%")] == [("period", "2025"), ("period", None)]


def test_an_iso_currency_named_in_the_plural_after_a_written_number_is_money(nlp):
    found = by_text(nlp, "The magistrate fined the accused five hundred thousand leones or ninety days in prison. He "
                         "has lived in Sierra Leone 5 days a week.")
    assert found["five hundred thousand leones"].unit == "SLE" and found["5 days a week"].unit == "day per week"


def test_a_tsunami_s_length_is_its_height(nlp):
    found = by_text(nlp, "A 1.2-meter tsunami was observed at the port. A tsunami of 0.8 meter reached the city later.")
    assert (found["1.2-meter"].metric, found["0.8 meter"].metric) == ("height", "height")


def test_a_passive_s_agent_is_what_its_clause_is_about(nlp):
    found = by_text(nlp, "The sharp decline was primarily driven by Novo Nordisk, whose shares plunged by 20.8% after a "
                         "trial of its obesity drug CagriSema. The setback wiped out $125 billion from the company’s "
                         "market value.")
    assert subjects(found["$125 billion"]) == ["Novo Nordisk"]


def test_shares_after_with_belong_to_the_company_of_the_main_clause_whatever_else_the_parser_made_its_subject(nlp):
    found = by_text(nlp, "Chinese Startup Sends Data Center Stocks Lower\n"
                         "Shares of U.S. chip and power firms plunged Monday morning after the release of Kelvara, a "
                         "Chinese model that rivals those of U.S. giants.\n"
                         "The arrival of Kelvara has raised questions about the billions of dollars that tech giants are "
                         "spending on chips.\nKelvara’s success has raised the possibility that this thesis may be flawed.\n"
                         "AI hardware giant Nvidia took the biggest hit in Monday's selloff, with shares dropping close to "
                         "17% by midday and remaining at that level until the market closed.", published=None)
    assert subjects(found["17%"]) == ["Nvidia"]


def test_those_who_search_for_the_missing_are_searchers_not_missing(nlp):
    found = by_text(nlp, "In total, 7,500 members of the armed forces are involved in the search for the missing. At "
                         "least 89 people are still missing.")
    assert (found["7,500"].metric, found["89"].metric) == ("rescuers", "missing")
    # but a count searched for is the missing
    found = by_text(nlp, "Police have been asked to assist in the search for two male persons, in their 20s, missing at "
                         "sea since Friday.")
    assert found["two"].metric == "missing"


def test_the_market_capitalization_of_a_whole_market_is_no_company_s(nlp):
    claims = by_text(nlp, "Investors fled after the release of Zerith R1 by the Chinese lab Zerith. The cryptocurrency "
                          "market took a hit today, with the total market capitalization dropping by over 6.4% to about "
                          "$3.38 trillion on Monday.")
    assert subjects(claims["$3.38 trillion"]) == ["cryptocurrency market"]
    assert subjects(claims["6.4%"]) == ["cryptocurrency market"]


def test_half_a_trillion_hyphened_and_a_figure_set_after_a_dash_beside_a_valuation(nlp):
    claims = by_text(nlp, "A rout on Wall Street saw Kelmont crumble 17 percent, wiping more than half-a-trillion dollars "
                          "off its market capitalisation.")
    assert claims["half-a-trillion dollars"].value == 5e11 and subjects(claims["half-a-trillion dollars"]) == ["Kelmont"]
    claims = by_text(nlp, "Trump labeled the new Chinese AI model, Zerith, a wake-up call for the tech sector following a "
                          "significant drop in Kelmont's market valuation—nearly $600 billion.")
    assert subjects(claims["$600 billion"]) == ["Kelmont"]
    # (a figure beside an unowned metric noun keeps its clause's company)
    claims = by_text(nlp, "Investors cheered robust quarterly reports from Zerith. Zerith surged 20 per cent to hit a "
                          "record high. Weighing on the blue-chip Dow, Kelmont lost 1.6 per cent after forecasting a drop "
                          "in phone sales and targeting overall revenue $US6 billion ($A9.2 billion) below expectations "
                          "as its China business took a hit.")
    assert subjects(claims["$US6 billion"]) == ["Kelmont"]
