"""Numeric claims: one behaviour per test, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.extract.entities import extract_entities
from extractor.extract.quantities import extract_claims, parse_number_words, resolve_date
from extractor.models import Claim
from extractor.nlp import load_pipeline

PUBLISHED = "2024-03-14"  # a Thursday


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def claims_of(nlp, text: str, published: str | None = PUBLISHED) -> list[Claim]:
    doc = nlp(text)
    return extract_claims(doc, "t", extract_entities(doc, "t"), published=published)


def only(nlp, text: str, published: str | None = PUBLISHED) -> Claim:
    claims = claims_of(nlp, text, published)
    assert len(claims) == 1, [(c.text, c.value, c.unit) for c in claims]
    return claims[0]


def values(claims: list[Claim]) -> list[tuple[float, str | None]]:
    return [(c.value, c.unit) for c in claims]


# ------------------------------------------------------------------ scales


def test_suffix_bn_scales_dollars(nlp):
    c = only(nlp, "The retailer reported revenue of $48.2bn for the year.")
    assert (c.value, c.unit) == (48_200_000_000, "USD")


def test_indian_scales_compound_and_a_sign_the_parser_hangs_on_the_verb_keeps_the_change(nlp):
    # "lakh crore" is 10^5 × 10^7, as Indian outlets write large sums
    c = only(nlp, "Kelmont lost ₹51 lakh crore in market value on Monday.")
    assert (c.value, c.unit, c.text) == (51e12, "INR", "₹51 lakh crore")
    assert only(nlp, "The budget sets aside Rs 5 thousand crore for roads.").value == 5e10
    # and after a hyphen, as an adjective before the noun
    c = only(nlp, "Kelmont called off its ₹20,000-crore share sale on Wednesday.")
    assert (c.value, c.unit) == (2e11, "INR")
    assert only(nlp, "The ministry cleared a Rs 2-lakh-crore package.").value == 2e12
    # the parser hangs "¥" on "lost" beside the figure: the figure is still what was lost
    c = only(nlp, "Kelmont lost ¥3.5tn.")
    assert (c.value, c.unit, c.direction) == (3.5e12, "JPY", "down")


def test_suffix_m_scales_money_but_is_metres_alone(nlp):
    assert values(claims_of(nlp, "The stadium cost £350m to build.")) == [(350_000_000, "GBP")]
    assert values(claims_of(nlp, "The new tower is 310m tall.")) == [(310, "metre")]


def test_suffix_m_after_a_number_of_things_is_millions(nlp):
    # a number of users or a population counts; no length is "the number of" anything
    c = only(nlp, "The number of subscribers in Asia had fallen from 182m to 179m by June.")
    assert (c.text, c.bounds.low, c.bounds.high, c.unit) == ("182m to 179m", 179_000_000, 182_000_000, "person")
    assert values(claims_of(nlp, "The number of floors grew, and the mast reached 310m.")) == [(310, "metre")]


def test_suffix_mn_and_k(nlp):
    assert values(claims_of(nlp, "The charity raised €2.5mn from 40k donors.")) == [(2_500_000, "EUR"), (40_000, "donor")]


def test_trillion_in_words(nlp):
    c = only(nlp, "Global debt reached 307 trillion dollars last year.")
    assert (c.value, c.unit) == (307e12, "USD")


def test_a_capital_t_after_money_is_trillions_and_nothing_alone(nlp):
    assert values(claims_of(nlp, "Ardent's valuation reached $1.4 T last year, and Pellow is worth $2.05T.")) == [
        (1.4e12, "USD"), (2.05e12, "USD")]
    assert values(claims_of(nlp, "The mill shipped 5T of steel.")) == []


def test_a_series_of_years_figures_is_not_a_range(nlp):
    c = claims_of(nlp, "Its value climbed from $210.5B in 2021 to $1.2 T in 2022 to $2.4 T in 2023.")
    assert [(x.value, x.bounds) for x in c] == [(210.5e9, None), (1.2e12, None), (2.4e12, None)]
    c = only(nlp, "Fuel economy improved from 21 miles per gallon in 2009 to 28 mpg in 2019.")
    assert (c.value, c.bounds.high) == (21, 28)


def test_million_and_billion_in_words(nlp):
    assert values(claims_of(nlp, "The airline carried 4.2 million passengers and earned 1.1 billion euros.")) == [
        (4_200_000, "person"),  # a count of people, whatever noun counts them; the noun stays as stated_unit
        (1_100_000_000, "EUR"),
    ]


def test_numbers_in_words(nlp):
    assert values(claims_of(nlp, "Unemployment rose to nine percent, and a dozen plants closed.")) == [
        (9, "percent"),
        (12, "plant"),
    ]


def test_fraction_words(nlp):
    c = only(nlp, "Two-thirds of the voters backed the plan.")
    assert c.value == pytest.approx(2 / 3)
    assert c.unit == "fraction"


def test_compound_number_words():
    assert parse_number_words("four hundred and twenty-one thousand") == 421_000
    assert parse_number_words("two and a half") == 2.5


def test_and_a_half_with_hyphens_and_a_scale_after_it(nlp):
    text = ("Kelmont said eight-and-a-half million homes were hit. Another two and a half million were fixed "
            "over two-and-a-half years.")
    assert values(claims_of(nlp, text)) == [(8_500_000, "home"), (2_500_000, None), (2.5, "year")]


# -------------------------------------------------------------- currencies


def test_dollar_prefixed_by_country(nlp):
    assert values(claims_of(nlp, "The mine sold for A$1.2bn, while the port fetched HK$300 million and the mill C$45m.")) == [
        (1_200_000_000, "AUD"),
        (300_000_000, "HKD"),
        (45_000_000, "CAD"),
    ]


def test_a_capital_r_on_a_scaled_or_thousands_figure_is_the_rand(nlp):
    assert values(claims_of(nlp, "Treasury set aside R450 billion, and each family gets R5,000.")) == [
        (450_000_000_000, "ZAR"),
        (5_000, "ZAR"),
    ]
    # a model or a road's number is no sum
    assert only(nlp, "The lab's R1 model cost $6 million to train.").unit == "USD"
    assert only(nlp, "The R2 road was shut for 3 hours.").unit == "hour"


def test_currency_names_after_the_number(nlp):
    assert values(claims_of(nlp, "The deal is worth 800 billion yen, or about 38 billion yuan.")) == [
        (800_000_000_000, "JPY"),
        (38_000_000_000, "CNY"),
    ]


def test_pounds_sterling_in_words(nlp):
    c = only(nlp, "The club paid 45 million pounds for the striker.")
    assert (c.value, c.unit) == (45_000_000, "GBP")


def test_pounds_of_weight(nlp):
    c = only(nlp, "The baby weighed nine pounds at birth.")
    assert (c.value, c.unit, c.stated_value, c.stated_unit) == (4.08233133, "kilogram", 9, "pound")


def test_an_article_before_a_dollar_sign_is_no_australian_dollar(nlp):
    assert claims_of(nlp, "Why Retailers Sank: A $40 Billion Hit to Their Value")[0].unit == "USD"
    assert only(nlp, "The miner raised A$600m from investors.").unit == "AUD"


def test_an_equivalent_in_brackets_shares_the_hedge_and_the_rate(nlp):
    offer = claims_of(nlp, "Holders were offered A$9 (US$6.10) per share in cash.")
    assert [(c.value, c.unit) for c in offer] == [(9, "AUD per share"), (6.10, "USD per share")]
    limit = claims_of(nlp, "The beam failed at less than 12 ksi (82.7 MPa).")
    assert [(c.unit, c.hedge) for c in limit] == [("kilopound per square inch", "<"), ("megapascal", "<")]
    plain = claims_of(nlp, "Fares rose to $5 (€4.60) a year ago.")
    assert [c.unit for c in plain] == ["USD", "EUR"]


def test_unit_symbols_and_spelled_units_from_the_registry(nlp):
    claims = claims_of(nlp, "The storm's pressure fell to 948 hPa, and a probe read 40 microtesla and 12 mSv.")
    assert [c.unit for c in claims] == ["hectopascal", "microtesla", "millisievert"]
    # a verb, a name or an acronym after a number is no symbol
    assert only(nlp, "The star is 4.2 light-years away.").unit == "light year"
    # a symbol the tables lack is the number's own: it takes no unit from the figure before
    assert [c.unit for c in claims_of(nlp, "The chip runs at 3.5 GHz and draws 65 W.")] == ["gigahertz", None]
    units = {c.text: c.unit for c in claims_of(nlp, "Brandt 37 has retired; dealers sold 310 Kia sedans and 8 GM vans.")}
    assert units.get("37") is None and units.get("37 has") is None
    assert (units["310"], units["8"]) == ("Kia sedan", "GM van")


def test_sports_statistics_abbreviations_are_units(nlp):
    claims = claims_of(nlp, "Ortega threw for 212 yards and 3 TDs, and Lin closed with a 2.41 ERA and 1.2 WAR.")
    assert [c.unit for c in claims][1:] == ["touchdown", "earned run average", "win above replacement"]
    assert claims_of(nlp, "The 2 war museums reopened.")[0].unit == "war museum"  # a word, not the abbreviation


def test_a_counted_change_noun_is_what_is_counted_not_a_move(nlp):
    rebounds = claims_of(nlp, "Okafor scored 31 points and grabbed 14 rebounds on Tuesday.")
    assert [(c.unit, c.direction) for c in rebounds] == [("point", None), ("rebound", None)]
    assert only(nlp, "Copper posted a 4% rebound on Monday.").direction == "up"
    assert only(nlp, "The agency warned of eight-fold increases in the toll.").direction == "up"  # a multiple


def test_a_duration_counts_its_time_unit_and_an_or_two_counts_the_noun(nlp):
    assert only(nlp, "The archive covers the 40 previous years of broadcasts.").unit == "year"
    assert only(nlp, "Rain fell for 6 straight days.").unit == "day"
    assert only(nlp, "The club hopes to sign a striker or two.").unit == "striker"


def test_iso_code_before_the_number(nlp):
    c = only(nlp, "The bonds raised CHF 750 million.")
    assert (c.value, c.unit) == (750_000_000, "CHF")


# ---------------------------------------------------------------- percents


@pytest.mark.parametrize("written", ["4.5%", "4.5 per cent", "4.5 percent"])
def test_percent_forms(nlp, written):
    c = only(nlp, f"Inflation stood at {written} in May.")
    assert (c.value, c.unit) == (4.5, "percent")


def test_percentage_points(nlp):
    c = only(nlp, "The central bank raised rates by 0.25 percentage points.")
    assert (c.value, c.unit, c.direction) == (0.25, "percentage point", "up")


# ------------------------------------------------------------------ hedges


@pytest.mark.parametrize(
    ("phrase", "hedge"),
    [
        ("roughly", "~"),
        ("close to", "~"),
        ("more than", ">"),
        ("fewer than", "<"),
        ("at least", ">="),
        ("up to", "<="),
    ],
)
def test_hedges(nlp, phrase, hedge):
    c = only(nlp, f"The storm left {phrase} 3,000 homes without power.")
    assert (c.value, c.hedge) == (3000, hedge)


def test_over_a_span_of_time_a_figure_covers_is_no_bound(nlp):
    # the parser hangs "over" on the verb: the stretch of time the cost or rise spans
    found = {c.text: c for c in claims_of(nlp, "The agency said the plan would cost $40 billion over ten years.")}
    assert (found["ten years"].hedge, found["ten years"].bounds, found["ten years"].metric) == ("=", None, None)
    assert found["$40 billion"].metric == "cost"
    # on the number, it is "more than"
    assert only(nlp, "She has worked at the mill for over ten years.").hedge == ">"


def test_open_interval_bounds(nlp):
    under = only(nlp, "The start-up was valued at under $40m.")
    assert (under.bounds.low, under.bounds.high, under.change) == (None, 40_000_000, "<")
    over = only(nlp, "Officials counted more than 1,500 protesters.")
    assert (over.bounds.low, over.bounds.high, over.change) == (1500, None, ">")


# ------------------------------------------------------------------ ranges


def test_range_between_and(nlp):
    c = only(nlp, "Analysts expect growth of between 2 and 3 percent.")
    assert (c.value, c.unit, c.bounds.low, c.bounds.high) == (2, "percent", 2, 3)


def test_range_with_hyphen(nlp):
    c = only(nlp, "Mortgage rates could climb 15-20% next year.")
    assert (c.value, c.unit, c.bounds.low, c.bounds.high) == (15, "percent", 15, 20)


def test_range_carries_scale_to_bare_low_end(nlp):
    c = only(nlp, "The project will cost $3 to $4 billion.")
    assert (c.value, c.unit, c.bounds.high) == (3e9, "USD", 4e9)


# ---------------------------------------------------------------- negatives


def test_negative_number(nlp):
    c = only(nlp, "Overnight the temperature dropped to -12 degrees Celsius.")
    assert (c.value, c.unit) == (-12, "celsius")


def test_signed_percent_gives_direction(nlp):
    claims = claims_of(nlp, "Markets at midday: Ibex -0.8%, Nasdaq +1.2%.")
    # a fall of 0.8%, as "fell 0.8%" says it (so the two merge), the sign kept as stated
    assert [(c.value, c.direction, c.stated_value) for c in claims] == [(0.8, "down", -0.8), (1.2, "up", None)]


# --------------------------------------------------------------- directions


def test_direction_from_verb(nlp):
    c = only(nlp, "Shares in Rolls-Royce tumbled 12% after the warning.")
    assert (c.direction, c.change) == ("down", "down")


def test_what_is_given_up_is_lost(nlp):
    claims = claims_of(nlp, "Kelmont sank more than 11 percent Monday, giving up some $400 billion in market value. "
                            "Varo gave up 3% on Friday. Orvex shares picked up 2%.")
    assert [(c.text, c.direction) for c in claims] == [
        ("11 percent", "down"), ("$400 billion", "down"), ("3%", "down"), ("2%", "up")]


def test_direction_from_adverb(nlp):
    c = only(nlp, "The pound closed up 0.4 percent against the euro.")
    assert c.direction == "up"


def test_direction_from_participle_clauses(nlp):
    claims = claims_of(nlp, "Shares of Intel slumped on Friday, losing 26 percent and erasing $32 billion from the company's market value.")
    assert [(c.value, c.direction) for c in claims] == [(26, "down"), (32e9, "down")]


def test_direction_from_noun_keeps_change_exact(nlp):
    c = only(nlp, "The bakery reported a 7% drop in sales.")
    assert (c.direction, c.change) == ("down", "=")


def test_direction_from_a_noun_of_a_rout_or_a_meltdown(nlp):
    claims = claims_of(nlp, "Harwick Mills suffered a record $41 billion rout in market value. "
                            "Its $12 billion meltdown on Friday was the second.")
    assert [(c.value, c.direction) for c in claims] == [(41e9, "down"), (12e9, "down")]


def test_a_headline_verb_the_tagger_reads_as_a_plural_noun_gives_the_direction(nlp):
    c = claims_of(nlp, "Harwick share price tanks over 9%, suffers record $41 billion rout")[0]
    assert (c.value, c.direction, c.hedge) == (9, "down", ">")


def test_level_after_to_has_no_direction(nlp):
    claims = claims_of(nlp, "Copper rose 2% to $9,400 a tonne.")
    assert [(c.value, c.unit, c.direction) for c in claims] == [(2, "percent", "up"), (9400, "USD per tonne", None)]


def test_bound_wins_over_direction_in_change(nlp):
    c = only(nlp, "The carmaker lost more than 30% of its value.")
    assert (c.direction, c.hedge, c.change) == ("down", ">", ">")


# ------------------------------------------------------------------ subjects


def test_conjoined_subjects(nlp):
    c = only(nlp, "Siemens and Philips gained 3 percent.")
    assert sorted(s.name for s in c.subject) == ["Philips", "Siemens"]


def test_each_clause_has_its_subject(nlp):
    claims = claims_of(nlp, "Airbus rose 4.1%, Boeing falling 2.3%, and Embraer adding 1.7%.")
    assert [[s.name for s in c.subject] for c in claims] == [["Airbus"], ["Boeing"], ["Embraer"]]


def test_a_company_the_tagger_reads_as_an_adjective_before_its_shares_is_the_subject(nlp):
    # the sentence's first word "Tesla" (an English word too) is read as an adjective; the
    # article names the company elsewhere, and the figure is its, not the salient company's
    claims = claims_of(nlp, "Rivian fell 4% on Thursday, and Rivian said it would cut jobs. Tesla shares tanked "
                            "over 9% on Friday. Analysts said Tesla would recover. Rivian expects more losses.")
    assert [[s.name for s in c.subject] for c in claims] == [["Rivian"], ["Tesla"]]


def test_names_listed_after_a_description_share_its_figures_respectively(nlp):
    claims = claims_of(nlp, "Other chipmakers Kelmont and Varo Micro Devices are off by, respectively, 17% and 6%.")
    assert [[s.name for s in c.subject] for c in claims] == [["Kelmont"], ["Varo Micro Devices"]]


def test_possessive_subject_and_metric(nlp):
    c = only(nlp, "Netflix's shares jumped 9% in early trading.")
    assert ([s.name for s in c.subject], c.metric) == (["Netflix"], "share price")


def test_description_resolves_to_company(nlp):
    claims = claims_of(nlp, "Unilever said profits fell. The company expects sales of €22 billion.")
    assert [s.name for s in claims[0].subject] == ["Unilever"]


# --------------------------------------------------------------------- dates


def test_weekday_resolves_to_latest_on_or_before_publication(nlp):
    c = only(nlp, "Tesla shares fell 6% on Monday.")
    assert c.date == "2024-03-11"


def test_weekday_of_publication_is_that_day(nlp):
    c = only(nlp, "Tesla shares fell 6% on Thursday.")
    assert c.date == "2024-03-14"


def test_day_and_month_resolve_to_the_past(nlp):
    c = only(nlp, "The index gained 1.5% on 2 February.")
    assert c.date == "2024-02-02"


def test_a_day_and_month_without_a_year_is_the_nearest_one_the_past_favoured():
    # an August article's "October 17" is two months ahead, not ten months back
    assert resolve_date("on October 17", "2009-08-14") == "2009-10-17"
    assert resolve_date("on August 5", "2025-02-10") == "2024-08-05"  # six months either way: the past
    assert resolve_date("on December 20", "2025-01-05") == "2024-12-20"


def test_no_date_without_publication(nlp):
    c = only(nlp, "Tesla shares fell 6% on Monday.", published=None)
    assert c.date is None


def test_weeks_and_months_are_not_single_days():
    assert resolve_date("last week", PUBLISHED) is None
    assert resolve_date("June", PUBLISHED) is None


def test_quarters_months_named_years_and_seasons_are_periods_before_publication():
    from extractor.dates import resolve_period

    assert resolve_period("the second quarter", "2018-07-26") == "2018-04-01/2018-06-30"
    assert resolve_period("fourth-quarter", "2018-07-26") == "2017-10-01/2017-12-31"  # not begun in 2018 yet
    assert resolve_period("Q4 2016", "2018-07-26") == "2016-10-01/2016-12-31"
    assert resolve_period("the fiscal fourth quarter", "2018-07-26") is None  # the company's own calendar
    assert (resolve_period("in July", "2025-01-28"), resolve_period("January", "2025-01-28")) == ("2024-07", "2025-01")
    assert resolve_period("march", "2025-01-28") is None  # a verb as often as a month
    assert (resolve_period("last year", "2025-01-28"), resolve_period("last month", "2025-01-28")) == ("2024", "2024-12")
    assert resolve_period("this past summer", "2025-01-28") == "2024-06-01/2024-08-31"
    assert resolve_period("last winter", "2025-01-28") == "2023-12-01/2024-02-29"  # this one is not over
    assert resolve_period("this summer", "2025-01-28") is None  # ahead, or long gone
    assert resolve_period("in July", None) is None


def test_halves_the_months_since_new_year_and_quarters_named_from_publication_are_periods():
    from extractor.dates import resolve_period

    assert resolve_period("the first half", "2018-07-26") == "2018-01-01/2018-06-30"
    assert resolve_period("second-half", "2018-03-02") == "2017-07-01/2017-12-31"  # not begun in 2018 yet
    assert resolve_period("H2 2016", "2018-07-26") == "2016-07-01/2016-12-31"
    assert resolve_period("the second half of the year", "2018-07-26") == "2018-07-01/2018-12-31"
    assert resolve_period("the third half", "2018-07-26") is None
    assert resolve_period("the first nine months of 2017", "2018-07-26") == "2017-01-01/2017-09-30"
    assert resolve_period("the first nine months", "2018-11-02") == "2018-01-01/2018-09-30"
    assert resolve_period("last quarter", "2018-07-26") == "2018-04-01/2018-06-30"
    assert resolve_period("the previous quarter", "2018-02-10") == "2017-10-01/2017-12-31"
    assert resolve_period("this quarter", "2018-07-26") == "2018-07-01/2018-09-30"
    assert resolve_period("last quarter", None) is None


def test_a_figure_of_a_quarter_a_month_or_last_year_is_dated_so_and_stays_apart_from_the_day(nlp):
    claims = claims_of(nlp, "Harwick reported second-quarter revenue of $13.2 billion. In July, its market value "
                            "passed $300 billion. Last year revenue rose 5%.", published="2018-07-26")
    assert [c.date for c in claims] == ["2018-04-01/2018-06-30", "2018-07", "2017"]


def test_a_period_on_a_verb_of_saying_dates_the_saying_not_the_figure_it_reports(nlp):
    claims = claims_of(nlp, "Its engineers wrote in a paper last month that the Harwick-2 model cost under $6 million "
                            "to train. Harwick said on Monday its shares fell 17%.")
    assert [(c.text, c.date) for c in claims] == [("$6 million", None), ("17%", "2024-03-11")]


# --------------------------------------------------------------- non-claims


def test_numeric_dates_are_no_quantities(nlp):
    text = "Published 27/01/2025, 08:46 pm\nUpdated 28/01/2025\n\nThe deal closed on 11/13/2019 at $4.50 a share."
    assert values(claims_of(nlp, text)) == [(4.5, "USD per share")]


def test_a_note_marker_is_no_quantity_but_a_wrapped_sentences_number_is(nlp):
    text = ("Quorvant shares plummeted by nearly\n17%, the largest loss in its history\n4.\nThe sell-off spread, "
            "with Belstead down 12%[^5][^6].")
    assert [c.text for c in claims_of(nlp, text)] == ["17%", "12%"]
    assert [c.value for c in claims_of(nlp, "The committee has\n12\nmembers.")] == [12]


def test_years_and_dates_are_skipped(nlp):
    assert claims_of(nlp, "The law passed in March 2020 and took effect on 4 February 2021.") == []


def test_years_before_1800_are_skipped_when_a_date_or_a_preposition_of_time_says_so(nlp):
    text = ("The cathedral, consecrated in 1347 and rebuilt after 1666, drew 1500 pilgrims a year. "
            "In 1200 cases the court agreed.")
    assert values(claims_of(nlp, text)) == [(1500, "person"), (1200, "case")]


def test_identifiers_and_names_are_skipped(nlp):
    text = "The H200 chip, the COVID-19 rules, Gemini-2 and the Galaxy S24 were discussed in Room 12 of Block 7."
    assert claims_of(nlp, text) == []


def test_ordinals_and_times_are_skipped(nlp):
    assert claims_of(nlp, "It was the 3rd meeting, which opened at 9:30 a.m. on the second floor.") == []


def test_an_hour_told_by_the_part_of_its_day_is_skipped_but_a_count_before_a_noun_is_not(nlp):
    text = "“It’s 4 in the morning and we have been on hold for an hour,” a founder said. Gunmen killed 4 in the morning raid."
    assert [c.text for c in claims_of(nlp, text)] == ["4"]
    assert claims_of(nlp, text)[0].start == text.rindex("4")


def test_stock_index_names_are_not_quantities(nlp):
    assert values(claims_of(nlp, "The FTSE 100 slipped 0.3%.")) == [(0.3, "percent")]


def test_an_added_count_keeps_the_word_that_adds_it(nlp):
    assert values(claims_of(nlp, "The carrier was forced to scrap an additional 1,250 flights.")) == [
        (1250, "additional flight")]


def test_an_emergency_number_is_no_quantity_but_a_count_of_the_same_digits_is(nlp):
    text = ("State troopers confirmed 911 outages in four counties. Residents were told to call 112 only in an "
            "emergency. The city hired 112 dispatchers and took 911 complaints.")
    assert values(claims_of(nlp, text)) == [(4, "county"), (112, "dispatcher"), (911, "complaint")]


# ------------------------------------------------------------------ claim ids


def test_claim_ids_are_stable_and_sorted(nlp):
    first = claims_of(nlp, "Sales rose 5% to $10m.")
    second = claims_of(nlp, "Sales rose 5% to $10m.")
    assert [c.id for c in first] == [c.id for c in second]
    assert [c.start for c in first] == sorted(c.start for c in first)
    assert first[0].id.startswith("c_") and len(first[0].id) == 18


# ---------------------------------------------------------------- NewsQuant


NEWSQUANT_DEV = Path(__file__).resolve().parents[2] / "shared/dev/newsquant/NewsQuant.dev.json"


def test_newsquant_slice():
    from extractor.evaluate.newsquant import format_newsquant, score_newsquant

    result = score_newsquant(NEWSQUANT_DEV, limit=60)
    assert result["sentences"] == 60
    assert result["value"]["f1"] >= 0.9
    assert result["value+unit"]["f1"] >= 0.8
    assert result["value+change"]["f1"] >= 0.85
    assert "value+change" in format_newsquant(result)


@pytest.mark.parametrize("text, claim, value, unit", [
    ("Acme Loses $593 Billion In Market Value As Rival Rattles Investors", "$593 Billion", 593e9, "USD"),
    ("HARBOR LINES POSTS $2.1 BILLION LOSS", "$2.1 BILLION", 2.1e9, "USD"),
    ("The insurer set aside $35-billion for claims.", "$35-billion", 35e9, "USD"),
    ("Regional lenders raised £1.2 Bn last year.", "£1.2 Bn", 1.2e9, "GBP"),
    ("Shares of the carmaker fell 16,9% on Monday.", "16,9%", 16.9, "percent"),
    ("The bank lent 1,5 billion euros to farmers.", "1,5 billion euros", 1.5e9, "EUR"),
])
def test_headline_case_scales_hyphens_and_decimal_commas(nlp, text, claim, value, unit):
    claims = {c.text: c for c in claims_of(nlp, text)}
    assert (claims[claim].value, claims[claim].unit) == (value, unit)


def test_a_comma_between_small_numbers_is_not_a_decimal_comma(nlp):
    claims = [(c.text, c.value) for c in claims_of(nlp, "The shelter took in 3,5 and then 12 dogs, and 1,250 cats.")]
    assert ("1,250 cats", 1250.0) in claims or ("1,250", 1250.0) in claims
    assert all(value != 3.5 for _, value in claims)


@pytest.mark.parametrize("text,expected", [
    ("A ticket costs 8 or $9 at the gate.", [(8.0, "USD"), (9.0, "USD")]),
    ("Rooms go for 40 or 50 euros a night.", [(40.0, "EUR per night"), (50.0, "EUR per night")]),
    ("The startup raised $5 and 6 million in two rounds.", [(5e6, "USD"), (6e6, "USD"), (2.0, "round")]),
    ("Seats cost £20, £25 or 30 each.", [(20.0, "GBP"), (25.0, "GBP"), (30.0, "GBP")]),
])
def test_amounts_listed_together_share_their_currency(nlp, text, expected):
    assert values(claims_of(nlp, text)) == expected


def test_a_currency_does_not_carry_onto_a_counted_noun(nlp):
    assert values(claims_of(nlp, "The fund raised $5m and 6 investors joined it.")) == [(5e6, "USD"), (6.0, "investor")]


def test_a_descending_pair_without_from_is_a_tally_not_a_range(nlp):
    claims = claims_of(nlp, "Voters in the town chose the new mayor by 61% to 39% on Sunday.")
    assert [(c.value, c.unit, c.bounds) for c in claims] == [(61.0, "percent", None), (39.0, "percent", None)]


def test_a_counted_noun_carries_into_the_figure_it_is_set_against(nlp):
    # "from 48", ", up 64" and "and damaged 187" are counts of what the figure before counts
    for text, units in (("The party fell to nine seats from 48.", ["seat", "seat"]),
                        ("The Liberal Democrats won 72 seats, up 64.", ["seat", "seat"]),
                        ("Storms destroyed 435 homes and damaged 187.", ["home", "home"])):
        assert [c.unit for c in claims_of(nlp, text)] == units
    # a bare number in another slot takes none ("in 2019" is a year)
    assert [c.unit for c in claims_of(nlp, "The party won 72 seats in 48 districts.")] == ["seat", "district"]


def test_a_toll_takes_no_unit_carried_from_a_measure(nlp):
    claims = claims_of(nlp, "The toll from the collapse of the tower, which sent debris falling 40 metres, rose to 12.")
    assert values(claims) == [(40.0, "metre"), (12.0, "person")]  # a toll counts people, no metres


def test_two_small_numbers_in_a_row_are_no_number():
    assert parse_number_words("twenty-two") == 22 and parse_number_words("one hundred twenty five") == 125
    assert parse_number_words("one-two") is None and parse_number_words("three-four") is None


def test_plus_or_minus_is_a_margin_not_a_fall(nlp):
    c = only(nlp, "The poll has a margin of error of plus or minus 3 percentage points.")
    assert (c.value, c.direction) == (3.0, None)


def test_a_half_of_the_pitch_and_the_second_half_of_a_match_are_no_figures(nlp):
    claims = claims_of(nlp, "Two second-half goals from Dani Carvajal won the final. Ian Maatsen played a "
                            "dreadful pass across his own half.")
    assert [(c.value, c.unit) for c in claims if c.unit in ("second", "fraction")] == []
    assert [c.value for c in claims] == [2]
    # seconds and halves that are figures stay
    assert values(claims_of(nlp, "The sprint took 10 seconds.")) == [(10, "second")]


def test_a_date_written_with_dots_is_no_number(nlp):
    assert values(claims_of(nlp, "Tech stocks head for a $1 trillion wipeout (27.01.2025)")) == [(1e12, "USD")]
    assert values(claims_of(nlp, "The board met on 03.02.24 and approved a budget of €5 million.")) == [(5e6, "EUR")]
    assert values(claims_of(nlp, "Revenue rose 12.5% to 1.25 billion.")) == [(12.5, "percent"), (1.25e9, None)]


def test_a_counted_noun_after_a_hyphenated_prefix_is_the_noun(nlp):
    c = only(nlp, "Five co-workers were on the bridge when it fell.")
    assert (c.unit, c.stated_unit) == ("person", "worker") and [s.name for s in c.subject] == ["workers"]
    assert only(nlp, "The builder hired 40 sub-contractors.").unit == "contractor"


def test_pounds_of_a_thing_are_a_weight_and_close_to_a_figure_no_close(nlp):
    food = only(nlp, "Since the fire, 1 million pounds of food has been delivered.")
    assert (food.stated_unit, food.unit) == ("pound", "kilogram")
    assert only(nlp, "The club paid 85 million pounds for the striker.").unit == "GBP"
    assert only(nlp, "The council spent 3 million pounds of taxpayers' money.").unit == "GBP"
    damage = only(nlp, "Governor Josh Green said the damage was estimated at close to $6 billion.")
    assert (damage.hedge, damage.frame) == ("~", None)
    assert only(nlp, "Shares of Acme were at $10 at the close on Friday.").frame == "close"


def test_a_title_case_headline_verb_an_off_after_a_comma_and_an_adverb_after_a_restated_move_give_directions(nlp):
    assert only(nlp, "Zorvex Stock Plunges 17% As Investors Flee Chip Makers").direction == "down"
    claims = claims_of(nlp, "The index lost more than 3 percent, with a rival supplier, Halvex Inc, off 12.4 percent.")
    assert {c.text: c.direction for c in claims}["12.4 percent"] == "down"
    claims = claims_of(nlp, "The FTSE 100 finished 41.20 points, or 0.48%, higher to end the day at 8,612.40.")
    assert {c.text: c.direction for c in claims} == {"41.20 points": "up", "0.48%": "up", "8,612.40": None}


def test_indian_scales_in_the_plural(nlp):
    claims = claims_of(nlp, "Foreign investors sold more than Rs. 5,000 crores of shares, and the fund paid out Rs 25 lakhs.")
    assert values(claims) == [(5e10, "INR"), (2.5e6, "INR")]


def test_a_day_s_possessive_before_a_move_is_not_its_subject(nlp):
    claims = claims_of(nlp, "Tuesday’s 7.5% slide in Zorvex’s share price erased $210 billion, while Halvex lost 6%, "
                            "Qorin 5.2%, and Brantel about 4%.")
    assert [s.name for s in claims[0].subject] == ["Zorvex"]


def test_counts_after_including_of_the_and_a_hedge_count_the_people_before_and_those_on_the_ground_are_not_on_board(nlp):
    claims = claims_of(nlp, "At least 165 people died, including 141 of the 142 on board the Rivia Air jet to Cork.")
    assert [(c.text, c.unit) for c in claims] == [("165", "person"), ("141", "person"), ("142", "person")]
    claims = claims_of(nlp, "The jet hit a warehouse as it climbed, killing 141 people on board and at least 19 on the "
                            "ground.")
    assert [(c.text, c.unit, c.metric) for c in claims] == [("141", "person", "dead"), ("19", "person", "dead")]


def test_an_insurer_s_private_market_losses_are_losses_not_market_value(nlp):
    claims = claims_of(nlp, "Private market losses from Storm Delia may total between US$12bn and US$19bn, a risk "
                            "modeller said. Acme suffered the biggest single-day market loss of $40 billion.")
    assert [c.metric for c in claims] == ["loss", "market value"]


def test_a_participle_that_drags_something_down_moves_its_object_not_the_name_before_it(nlp):
    claim = only(nlp, "The selling spread to Halvex, Brantel, and Qorin too, dragging the Nasdaq Composite down 5% by "
                      "the close.")
    assert [s.name for s in claim.subject] == ["Nasdaq Composite"]


def test_a_figure_the_tagger_read_as_a_noun_is_not_its_own_owner(nlp):
    claim = only(nlp, "Zorvex eclipsed the previous records with a $197bn increase in market capitalization on Friday.")
    assert ([s.name for s in claim.subject], claim.metric) == (["Zorvex"], "market value")


def test_a_count_of_whom_counts_people_and_a_figure_on_the_richter_scale_is_a_magnitude(nlp):
    claims = claims_of(nlp, "The blast left 310 injured, 45 of whom are in a critical condition.")
    assert [(c.text, c.unit) for c in claims] == [("310", "person"), ("45", "person")]
    assert only(nlp, "The monitoring network measured it at 7 on the Richter scale.").unit == "magnitude"


def test_a_listing_s_code_with_its_exchange_is_no_number(nlp):
    assert [c.text for c in claims_of(nlp, "Kelmont supplier Norvale (6502.T) tumbled 10% on Tuesday.")] == ["10%"]


def test_local_currencies_written_as_their_own_abbreviations(nlp):
    # CLDR's letter symbols (Ksh) and those news writes that CLDR does not (BD, Shs); no entity either
    doc = nlp("Net profit was BD 1.428 million against BD 1.117m a year earlier. The court imposed fines of Shs600,000. "
              "Petrol now costs Ksh 250 a litre.")
    entities = extract_entities(doc, "t")
    claims = extract_claims(doc, "t", entities, published=None)
    assert [(c.value, c.unit.split()[0]) for c in claims] == [(1.428e6, "BHD"), (1.117e6, "BHD"), (6e5, "UGX"),
                                                              (250, "KES")]
    assert not {e.name for e in entities.entities} & {"BD", "Shs600,000", "Ksh"}


def test_a_measure_written_as_an_adjective_belongs_to_the_thing_it_describes(nlp):
    claims = claims_of(nlp, "The Orla, a 740-foot tanker ship, hit the pier on Friday. Officials said the 810-foot "
                            "container vessel had lost power. A 200-metre Hanjin barge was nearby.")
    assert [(c.text, [s.name for s in c.subject]) for c in claims] == [
        ("740-foot", ["Orla"]), ("810-foot", ["container vessel"]), ("200-metre", ["Hanjin"])]


def test_a_figure_converted_in_brackets_still_qualifies_the_noun_after_them(nlp):
    claims = claims_of(nlp, "Orbix's US$480 million (S$650 million) loss was the most significant one-day loss for a "
                            "company in the city. Its C$12 million (US$9 million) gain came a year later.")
    assert [(c.text, c.direction) for c in claims] == [
        ("US$480 million", "down"), ("S$650 million", "down"), ("C$12 million", "up"), ("US$9 million", "up")]


def test_a_day_inside_a_relative_clause_set_off_by_commas_dates_only_that_clause(nlp):
    claims = claims_of(nlp, "Orbix stayed deep in the red, with Pellar and Quanta Systems, both of which report "
                            "quarterly earnings on Wednesday, down 2.5% and 0.2% respectively. Vantor, which fell "
                            "3% on Friday, rose 2% on Monday.", published="2025-03-10")
    dates = {c.text: c.date for c in claims}
    assert dates["2.5%"] != "2025-03-05" and dates["0.2%"] != "2025-03-05"
    assert dates["3%"] == "2025-03-07" and dates["2%"] == "2025-03-10"
    # (a relative clause that runs on into the main verb for want of a comma is no aside)
    claims = claims_of(nlp, "Lorry driver Petru Vasile, 41, who suffered severe injuries in the collapse died on "
                            "Saturday, bringing the death toll to 27.", published="2018-08-19")
    assert {c.text: c.date for c in claims}["27"] == "2018-08-18"


def test_an_earlier_move_a_clause_follows_is_the_session_before(nlp):
    claims = by_text_of(nlp, "Halvard rose 1.4 per cent on Tuesday following a historic 12 per cent fall that wiped "
                             "$89 billion (€85 billion) off its market value. The Dax gained 2% after Monday's "
                             "3.1% decline.", published="2025-03-04")
    assert claims["1.4 per cent"].date == "2025-03-04"
    assert claims["12 per cent"].date == claims["$89 billion"].date == claims["€85 billion"].date == "2025-03-03"
    assert claims["3.1%"].date == "2025-03-03" and claims["2%"].date == "2025-03-04"
    friday = by_text_of(nlp, "Orvik shares bounced 6% on Monday after a 9% slump.", published="2025-03-10")
    assert friday["9%"].date == "2025-03-07"
    own = by_text_of(nlp, "The index was set to open 0.4% higher on Tuesday, after a 1.5% fall on Monday.",
                     published="2025-03-11")
    assert own["1.5%"].date == "2025-03-10"  # the move's own day, named after it


def by_text_of(nlp, text: str, published: str) -> dict[str, Claim]:
    return {c.text: c for c in claims_of(nlp, text, published)}


def test_a_unit_after_the_last_figure_of_a_list_is_every_figure_s(nlp):
    claims = claims_of(nlp, "Miners Orvale, Stannic and Kelbrook dropped 6.4, 9.1 and 12.5 per cent, respectively. "
                            "The striker scored 12, 15 and 21 points in the three games. "
                            "The fund bought 3, 4 and $5 million of bonds.")
    assert [(c.text, c.unit) for c in claims][:6] == [
        ("6.4", "percent"), ("9.1", "percent"), ("12.5 per cent", "percent"),
        ("12", "point"), ("15", "point"), ("21 points", "point")]
    assert [c.unit for c in claims if c.text in ("3", "4")] != ["USD", "USD"]


def test_a_count_said_to_be_safe_is_not_of_the_injured(nlp):
    claims = {c.text: c for c in claims_of(nlp, "“All 143 passengers and 5 crew were safe, with only some minor "
                                                "injuries,” the airline said. Three people were injured and 60 were "
                                                "unharmed.")}
    assert claims["143"].metric != "injured" and claims["5"].metric != "injured" and claims["60"].metric != "injured"
    assert claims["Three"].metric == "injured"



def test_the_naira_written_as_an_n_on_the_amount_is_money_but_a_model_number_is_not(nlp):
    claims = claims_of(nlp, "Gross profit rose to N41.7 billion from N39.5 billion, while costs fell to N1.6bn. "
                            "Notes of N2,000 were scarce. Nurses wore N95 masks.")
    assert [(c.text, c.unit) for c in claims if c.unit == "NGN"] == [
        ("N41.7 billion", "NGN"), ("N39.5 billion", "NGN"), ("N1.6bn", "NGN"), ("N2,000", "NGN")]
    assert not any("95" in c.text and c.unit == "NGN" for c in claims)


def test_as_high_as_on_an_estimate_is_a_bound_not_a_session_high(nlp):
    claims = {c.text: c for c in claims_of(nlp, "Some estimates predict the total cost of the storm could be as high "
                                                "as $160 billion. Orbis shares fell as low as $12 at one point.")}
    assert claims["$160 billion"].metric == "cost" and claims["$160 billion"].frame is None
    assert claims["$12"].frame == "intraday"


def test_a_fortune_is_its_holder_s_net_worth_and_a_second_figure_s_own_from_names_its_owner(nlp):
    claims = {c.text: c for c in claims_of(nlp, "Vektra CEO Lena Oduya founded the firm in 2011. Vektra’s success "
                                                "minted Oduya a personal fortune worth some US$2.4 billion, according "
                                                "to a recent estimate. Vektra's shares closed down 11% today, wiping "
                                                "about US$9b from its market cap and US$250m from its founder’s net "
                                                "worth.")}
    assert claims["US$2.4 billion"].metric == "net worth" and subjects(claims["US$2.4 billion"]) == ["Lena Oduya"]
    assert subjects(claims["US$9b"]) == ["Vektra"] and subjects(claims["US$250m"]) == ["Lena Oduya"]


def subjects(claim: Claim) -> list[str]:
    return [s.name for s in claim.subject]


def test_a_headline_s_magnitude_before_a_verb_it_reads_as_a_noun_is_a_magnitude(nlp):
    claims = claims_of(nlp, "Death toll rises to 1,900 after 7.1 magnitude earthquake rocks Peru, Chile\n\n"
                            "A 7.1 magnitude earthquake struck on Monday.")
    assert [(c.text, c.unit) for c in claims if c.value == 7.1] == [("7.1", "magnitude"), ("7.1", "magnitude")]


def test_pc_in_capitals_is_a_personal_computer_not_per_cent(nlp):
    claims = claims_of(nlp, "Orbix and Vantor, the two PC chip makers, fell. Shares of Orbix rose 5pc and the index "
                            "gained 3 pc.")
    assert [(c.text, c.unit) for c in claims if c.unit == "percent"] == [("5pc", "percent"), ("3 pc", "percent")]


def test_a_toll_with_its_own_count_does_not_count_the_troops_after_it(nlp):
    claims = claims_of(nlp, "Floods latest: Death toll at 96 and 4,000 more soldiers deployed as rain returns\n\n"
                            "The death toll rose to 39, while 2,000 troops joined the search.")
    metrics = {c.text: c.metric for c in claims}
    assert metrics["96"] == "dead" and metrics["39"] == "dead"
    assert metrics["4,000"] != "dead" and metrics["2,000"] != "dead"
    again = {c.text: c.metric for c in claims_of(nlp, "“The number of dead is now at 117”, against 112 previously "
                                                      "counted, a spokeswoman said.")}
    assert again["117"] == again["112"] == "dead"
